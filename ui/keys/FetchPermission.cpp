#include "keys/FetchPermission.h"

#include <QSslCertificate>
#include <QUrl>

#include <algorithm>

namespace jwb::ui::FetchPermission {

bool needed(const KeySource &source, WorkspaceOrigin origin, bool waitingWhenSaved)
{
    if (!source.isRemote())
        return false;
    switch (origin) {
    case WorkspaceOrigin::OwnSession:
        return waitingWhenSaved;
    case WorkspaceOrigin::File:
        return true;
    }
    return true;
}

QList<Entry> waiting(const KeyRing &ring, const QList<int> &indexes)
{
    QList<Entry> out;
    for (int i = 0; i < ring.count(); ++i) {
        if (!indexes.isEmpty() && !indexes.contains(i))
            continue;
        const KeySource &source = ring.at(i);
        if (!source.isRemote() || !source.awaitingPermission)
            continue;
        Entry entry;
        entry.index = i;
        entry.name = source.name;
        entry.url = source.location;
        const QUrl url = QUrl::fromUserInput(source.location.trimmed());
        entry.host = url.host().isEmpty() ? source.location : url.host();
        entry.kind = source.kind;
        entry.insecure = source.network.insecure;
        for (const QSslCertificate &certificate : source.network.extraCa) {
            const QString subject = certificate.subjectDisplayName();
            entry.extraCa.append(subject.isEmpty() ? QString::fromLatin1(certificate.digest().toHex()) : subject);
        }
        entry.pins = static_cast<int>(source.network.pins.size());
        out.append(entry);
    }
    return out;
}

QStringList hosts(const QList<Entry> &entries)
{
    QStringList out;
    for (const Entry &entry : entries) {
        if (!out.contains(entry.host))
            out.append(entry.host);
    }
    return out;
}

bool anyChangesTrust(const QList<Entry> &entries)
{
    return std::any_of(entries.begin(), entries.end(), [](const Entry &entry) { return entry.changesTrust(); });
}

} // namespace jwb::ui::FetchPermission
