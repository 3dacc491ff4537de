#pragma once

#include "common/Scheduler.h"

#include <QString>

#include <memory>

namespace jwb::ui {

/// Copies secrets (private keys, shared secrets, private JWK Sets) to the clipboard and clears them again after
/// Settings::clearClipboardSeconds() unless the clipboard has changed meanwhile (0 = never clear).
/// Also asks clipboard managers not to keep the text (x-kde-passwordManagerHint).
namespace SecretClipboard {
/// Copies `text`; returns the number of seconds after which it will be cleared (0: it will not be). The clearing
/// is timed by `scheduler` (default common::Scheduler::qt()).
int copy(const QString &text, const std::shared_ptr<common::Scheduler> &scheduler = {});
} // namespace SecretClipboard

} // namespace jwb::ui
