#pragma once

#include <QObject>
#include <QString>

namespace jwb::ui {

/// Copies secrets (private keys, shared secrets, private JWK Sets) to the clipboard and clears them again after
/// clearAfterSeconds() unless the clipboard has changed meanwhile; the delay is a setting (0 = never clear).
/// Also asks clipboard managers not to keep the text (x-kde-passwordManagerHint).
namespace SecretClipboard {
inline constexpr int kDefaultSeconds = 30;
/// Copies `text`; returns the number of seconds after which it will be cleared (0: it will not be).
int copy(const QString &text);
[[nodiscard]] int clearAfterSeconds();
void setClearAfterSeconds(int seconds);
} // namespace SecretClipboard

} // namespace jwb::ui
