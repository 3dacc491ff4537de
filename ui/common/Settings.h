#pragma once

#include "common/Theme.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::ui {

/// Everything the GUI keeps in QSettings, and the only place that names a settings key. Callers use the typed
/// accessors; the stored key strings (keyName) never change, so that users keep their settings across versions.
/// Secrets never go here (SecretStore keeps them in the system keychain).
namespace Settings {

enum class Key {
    RecentFiles, ///< "recentFiles": absolute paths, most recent first
    WindowGeometry, ///< "window/geometry": QWidget::saveGeometry()
    WindowState, ///< "window/state": QMainWindow::saveState()
    Theme, ///< "theme": Theme::modeName()
    ClearClipboardSeconds, ///< "security/clearClipboardSeconds": 0 = never clear
    IdentityProvider, ///< "identityProvider/last": the Get-token dialog's inputs, without secrets (JSON text)
};

/// The key as stored.
[[nodiscard]] QString keyName(Key key);

inline constexpr int kMaxRecentFiles = 10;
inline constexpr int kDefaultClearClipboardSeconds = 30;

[[nodiscard]] QStringList recentFiles();
/// Puts `absolutePath` first (once), keeping at most kMaxRecentFiles.
void addRecentFile(const QString &absolutePath);
void removeRecentFile(const QString &absolutePath);
void clearRecentFiles();

[[nodiscard]] QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
[[nodiscard]] QByteArray windowState();
void setWindowState(const QByteArray &state);

/// The theme chosen in View > Theme, if any (an unknown stored name counts as none).
[[nodiscard]] std::optional<Theme::Mode> theme();
void setTheme(Theme::Mode mode);

/// Seconds after which copied secrets are cleared from the clipboard (default 30; 0 = never).
[[nodiscard]] int clearClipboardSeconds();
void setClearClipboardSeconds(int seconds); ///< negative counts as 0
/// The identity provider dialog's last inputs (issuer, client id, flow, scopes ...; never a secret); empty when none.
[[nodiscard]] QJsonObject identityProvider();
void setIdentityProvider(const QJsonObject &inputs);

} // namespace Settings

} // namespace jwb::ui
