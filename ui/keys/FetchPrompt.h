#pragma once

#include <QList>

class QWidget;

namespace jwb::workspace {
class KeyRing;
} // namespace jwb::workspace

namespace jwb::ui {

/// The one prompt before remote key sources from a workspace file are fetched (Dialogs::choose, so tests answer
/// it): it lists the hosts, and every TLS setting from the file that weakens or replaces certificate checking,
/// saying that "Fetch now" accepts them. "Fetch now" allows every listed source (KeyRing::allowFetch); "Not now"
/// (the default, and Escape) leaves them waiting on the Keys page, where Refresh fetches one later.
///
/// `indexes` are the ring's sources to ask about (every waiting one when empty). Returns whether they were
/// allowed; false, without a prompt, when none of them waits.
bool askToFetch(QWidget *parent, workspace::KeyRing *ring, const QList<int> &indexes = {});

/// The user asked for this one source's keys (Refresh on the Keys page, "Use the issuer's keys" in Verify): that is
/// their permission for a source awaiting it, unless the workspace file changed its TLS settings, which are shown
/// and confirmed first (askToFetch). Other sources are reloaded. Returns whether a load or fetch started.
bool fetchOnRequest(QWidget *parent, workspace::KeyRing *ring, int index);

} // namespace jwb::ui
