#pragma once

#include "keys/KeyRing.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace jwb::ui {

/// Which remote key sources wait for the user's permission before they are fetched, and what the user is
/// asked. Plain functions over the key ring's sources, without widgets: the prompt itself is the GUI's.
namespace FetchPermission {

/// Whether `source`, as it comes out of a workspace of `origin`, waits for permission: every remote source of
/// a file; of the user's own session only those that were still waiting when it was written
/// (`waitingWhenSaved`, the entry's "awaiting_permission"), so that "Not now" survives a restart or a crash.
/// Local sources (pasted keys, key files, secrets) never make requests.
[[nodiscard]] bool needed(const KeySource &source, WorkspaceOrigin origin, bool waitingWhenSaved);

/// One waiting source, as the prompt lists it. Its TLS settings came from the workspace file.
struct Entry
{
    int index = -1; ///< in the key ring
    QString name;
    QString host; ///< what a fetch contacts first
    QString url;
    KeySource::Kind kind = KeySource::Kind::Url;
    bool insecure = false; ///< certificates not checked and http allowed (KrakenD's disable_jwk_security)
    QStringList extraCa; ///< subjects of the extra CA certificates the file makes trusted
    int pins = 0;

    /// Whether the file weakens or replaces certificate checking for this source: such settings are shown
    /// and must be confirmed before they are used.
    [[nodiscard]] bool changesTrust() const { return insecure || !extraCa.isEmpty(); }
};

/// The sources of `ring` at `indexes` that wait for permission (all waiting ones when `indexes` is empty).
[[nodiscard]] QList<Entry> waiting(const KeyRing &ring, const QList<int> &indexes = {});
/// The distinct hosts of `entries`, in order.
[[nodiscard]] QStringList hosts(const QList<Entry> &entries);
/// Whether any of `entries` changes certificate checking.
[[nodiscard]] bool anyChangesTrust(const QList<Entry> &entries);

} // namespace FetchPermission

} // namespace jwb::ui
