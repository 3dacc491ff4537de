#pragma once

#include <QObject>
#include <QString>

namespace jwb::ui {

/// Copies secrets (private keys, shared secrets, private JWK Sets) to the clipboard and clears them again after
/// Settings::clearClipboardSeconds() unless the clipboard has changed meanwhile (0 = never clear).
/// Also asks clipboard managers not to keep the text (x-kde-passwordManagerHint).
namespace SecretClipboard {
/// Copies `text`; returns the number of seconds after which it will be cleared (0: it will not be).
int copy(const QString &text);
} // namespace SecretClipboard

} // namespace jwb::ui
