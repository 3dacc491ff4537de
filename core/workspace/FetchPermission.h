#pragma once

#include "workspace/KeySource.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace jwb::workspace {

class KeyRing;
class TrustStore;

/// Which remote key sources wait for the user's permission before they are fetched, what the user is asked,
/// and what a request for one source's keys does. Plain functions over the key ring and its trust store: the
/// prompt itself is the GUI's.
namespace FetchPermission {

/// Whether `source`, as it comes out of a workspace of `origin`, waits for permission: every remote source of
/// a file; of the user's own session only those that were still waiting when it was written
/// (`waitingWhenSaved`, the entry's "awaiting_permission"), so that "Not now" survives a restart or a crash.
/// Local sources (pasted keys, key files, secrets) never make requests.
[[nodiscard]] bool needed(const KeySource &source, WorkspaceOrigin origin, bool waitingWhenSaved);
/// Whether a remote source added now waits: its origin's TLS settings came from a workspace file, weaken or
/// replace certificate checking, and the user has not allowed a fetch from that origin yet.
[[nodiscard]] bool neededForNew(const KeySource &source, const TrustStore &trust);

/// One waiting source, as the prompt lists it. Its origin's TLS settings came from the workspace file.
struct Entry
{
    int index = -1; ///< in the key ring
    QString name;
    QString host; ///< what a fetch contacts first
    QString url;
    QString origin; ///< TrustStore::originOf(url)
    KeySource::Kind kind = KeySource::Kind::Url;
    bool insecure = false; ///< certificates not checked and http allowed (KrakenD's disable_jwk_security)
    QStringList extraCa; ///< subjects of the extra CA certificates the file makes trusted
    int pins = 0;
    bool confirmed = false; ///< the user already allowed a fetch from this origin (TrustStore::isConfirmed)

    /// Whether the file weakens or replaces certificate checking for this source and the user has not accepted
    /// that yet: such settings are shown and must be confirmed before they are used.
    [[nodiscard]] bool changesTrust() const { return !confirmed && (insecure || !extraCa.isEmpty()); }
};

/// The sources of `ring` at `indexes` that wait for permission (all waiting ones when `indexes` is empty).
[[nodiscard]] QList<Entry> waiting(const KeyRing &ring, const QList<int> &indexes = {});
/// The distinct hosts of `entries`, in order.
[[nodiscard]] QStringList hosts(const QList<Entry> &entries);
/// Whether any of `entries` changes certificate checking.
[[nodiscard]] bool anyChangesTrust(const QList<Entry> &entries);

/// What the user's request for one source's keys did (Refresh on the Keys page, "Use the issuer's keys").
enum class Request {
    Started, ///< loaded, or a fetch started: the request is the user's permission for a waiting source
    NeedsConfirmation, ///< waits, and the file changed its origin's TLS settings: show them, then allowFetch()
    NoSource, ///< no source at that index
};
/// Reloads the source, or allows and fetches a source awaiting permission, unless the workspace file changed
/// its TLS settings, which the user confirms first (NeedsConfirmation: nothing started).
Request request(KeyRing &ring, int index);

} // namespace FetchPermission

} // namespace jwb::workspace
