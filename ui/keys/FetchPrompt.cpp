#include "keys/FetchPrompt.h"

#include "common/Dialogs.h"
#include "keys/KeySourcesModel.h"
#include "workspace/FetchPermission.h"
#include "workspace/KeyRing.h"

#include <QCoreApplication>

namespace jwb::ui {

using workspace::KeyRing;

namespace FetchPermission = workspace::FetchPermission;

namespace {
const QString kBullet = QStringLiteral("  \u2022 ");

/// The prompt's words (a context for tr()).
class FetchPrompt
{
    Q_DECLARE_TR_FUNCTIONS(jwb::ui::FetchPrompt)
public:
    static bool ask(QWidget *parent, KeyRing *ring, const QList<int> &indexes);
};

bool FetchPrompt::ask(QWidget *parent, KeyRing *ring, const QList<int> &indexes)
{
    if (!ring)
        return false;
    const QList<FetchPermission::Entry> entries = FetchPermission::waiting(*ring, indexes);
    if (entries.isEmpty())
        return false;

    const int count = static_cast<int>(entries.size());
    QStringList lines;
    lines.append(tr("This workspace lists %n remote key source(s). Opening it has not contacted them: their keys "
                    "are fetched only if you allow it.",
        nullptr, count));
    lines.append(QString());
    lines.append(tr("Hosts that would be contacted:"));
    for (const QString &host : FetchPermission::hosts(entries)) {
        QStringList names;
        for (const auto &entry : entries) {
            if (entry.host == host)
                names.append(
                    QStringLiteral("%1 (%2)").arg(entry.name, KeySourcesModel::kindText(ring->at(entry.index))));
        }
        lines.append(kBullet + QStringLiteral("%1: %2").arg(host, names.join(QStringLiteral(", "))));
    }
    if (FetchPermission::anyChangesTrust(entries)) {
        lines.append(QString());
        lines.append(tr("These TLS settings come from the file and weaken or replace certificate checking. "
                        "“Fetch now” accepts them:"));
        for (const auto &entry : entries) {
            if (!entry.changesTrust())
                continue; // accepted already, with another source of the same origin
            if (entry.insecure)
                lines.append(kBullet
                    + tr("%1: insecure: certificates are not checked and plain http is allowed").arg(entry.url));
            if (!entry.extraCa.isEmpty())
                lines.append(kBullet
                    + tr("%1: trusts %n extra CA certificate(s) from the file: %2", nullptr,
                        static_cast<int>(entry.extraCa.size()))
                          .arg(entry.url, entry.extraCa.join(QStringLiteral("; "))));
        }
    }
    lines.append(QString());
    lines.append(tr("“Not now” keeps them on the Keys page, not fetched; Refresh there fetches one later."));

    Dialogs::Choice choice;
    choice.title = tr("Fetch keys from the network?");
    choice.text = lines.join(u'\n');
    choice.buttons = {tr("Fetch now"), tr("Not now")};
    choice.defaultButton = 1;
    choice.escapeButton = 1;
    if (Dialogs::choose(parent, choice) != 0)
        return false;
    for (const auto &entry : entries)
        ring->allowFetch(entry.index);
    return true;
}
} // namespace

bool askToFetch(QWidget *parent, KeyRing *ring, const QList<int> &indexes)
{
    return FetchPrompt::ask(parent, ring, indexes);
}

bool fetchOnRequest(QWidget *parent, KeyRing *ring, int index)
{
    if (!ring)
        return false;
    switch (FetchPermission::request(*ring, index)) {
    case FetchPermission::Request::Started:
        return true;
    case FetchPermission::Request::NeedsConfirmation:
        return askToFetch(parent, ring, {index});
    case FetchPermission::Request::NoSource:
        return false;
    }
    return false;
}

} // namespace jwb::ui
