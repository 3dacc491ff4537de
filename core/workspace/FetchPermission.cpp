#include "workspace/FetchPermission.h"

#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QSslCertificate>
#include <QUrl>

#include <algorithm>

namespace jwb::workspace::FetchPermission {

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

bool neededForNew(const KeySource &source, const TrustStore &trust)
{
    if (!source.isRemote())
        return false;
    const QString origin = TrustStore::originOf(source.url());
    return !trust.isConfirmed(origin) && trust.settings(origin).changesTrust();
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
        const QUrl url = source.url();
        entry.host = url.host().isEmpty() ? source.location : url.host();
        entry.origin = TrustStore::originOf(url);
        entry.kind = source.kind;
        const TrustSettings trust = ring.trust()->settings(entry.origin);
        entry.insecure = trust.insecure;
        for (const QSslCertificate &certificate : trust.extraCa) {
            const QString subject = certificate.subjectDisplayName();
            entry.extraCa.append(subject.isEmpty() ? QString::fromLatin1(certificate.digest().toHex()) : subject);
        }
        entry.pins = static_cast<int>(trust.pins.size());
        entry.confirmed = ring.trust()->isConfirmed(entry.origin);
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

Request request(KeyRing &ring, int index)
{
    if (index < 0 || index >= ring.count())
        return Request::NoSource;
    if (!ring.at(index).awaitingPermission) {
        ring.reload(index);
        return Request::Started;
    }
    if (anyChangesTrust(waiting(ring, {index})))
        return Request::NeedsConfirmation;
    ring.allowFetch(index);
    return Request::Started;
}

} // namespace jwb::workspace::FetchPermission
