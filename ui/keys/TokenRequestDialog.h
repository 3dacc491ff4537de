#pragma once

#include "keysource/NetworkOptions.h"
#include "oauth/OAuth.h"
#include "oauth/OAuthClient.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;

namespace jwb::ui {

class SecretStore;

/// "Get token…" on the Keys page: a token from an identity provider (issue #22, part 1). The user gives the
/// issuer, the client id, how the client authenticates (none, a client secret sent as Basic or in the form, or
/// private_key_jwt with a key file), the flow (client credentials, authorization code in the system browser,
/// device code, refresh token), scopes, audience and resource indicators. The flow runs asynchronously
/// (oauth::OAuthClient) with a busy bar and Cancel; the browser URL or the device's user code is shown (and can be
/// copied) while it waits. Each token obtained (access, ID, refresh when it is a JWT) goes out through
/// tokenObtained(), which the window opens in the Inspector; the ID token's checks (nonce, aud, azp, signature with
/// the issuer's keys) are summed up in the dialog.
///
/// The inputs other than secrets are remembered in the settings (Settings::identityProvider). The client secret and
/// the refresh token go only to the system keychain (SecretStore, under "oauth/ISSUER/CLIENT_ID/client_secret" and
/// ".../refresh_token"), after a successful run and while "Remember" is checked, and come back from it when the
/// dialog opens with the same issuer and client id; never to a workspace file, the settings or a log. TLS follows
/// the issuer origin's trust settings (the same as key sources).
class TokenRequestDialog : public QDialog
{
    Q_OBJECT
public:
    /// `optionsFor` gives the TLS options for a URL (the key ring's trust store).
    explicit TokenRequestDialog(
        std::function<keysource::NetworkOptions(const QUrl &)> optionsFor, QWidget *parent = nullptr);
    ~TokenRequestDialog() override;

    /// Opens URLs for the browser flow (default QDesktopServices::openUrl); tests replace it.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }

    /// The settings the inputs give; empty error message when usable.
    [[nodiscard]] common::Result<oauth::ClientSettings> settings() const;
    [[nodiscard]] oauth::Flow flow() const;
    [[nodiscard]] bool isRunning() const { return m_client != nullptr; }
    /// The last status line (stage, error or outcome).
    [[nodiscard]] QString statusText() const;

public Q_SLOTS:
    /// Starts the chosen flow with the inputs (shows why not when they are incomplete).
    void start();
    void cancel();

Q_SIGNALS:
    /// A token obtained: `title` says which ("access token from https://idp…").
    void tokenObtained(const QString &title, const QString &token);
    /// The flow ended (successfully or not).
    void flowFinished(bool ok);

private:
    void buildUi();
    void updateInputs();
    void chooseKeyFile();
    void onFinished();
    void setStatus(const QString &text, bool error = false);
    [[nodiscard]] QJsonObject inputs() const;
    void restoreInputs();
    /// The keychain key of a secret of the current issuer and client id.
    [[nodiscard]] QString secretKey(const QString &what) const;
    void rememberSecrets(const QString &refreshToken);

    std::function<keysource::NetworkOptions(const QUrl &)> m_optionsFor;
    std::function<bool(const QUrl &)> m_opener;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<oauth::OAuthClient> m_client;

    QLineEdit *m_issuerEdit = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QComboBox *m_authCombo = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QPushButton *m_keyButton = nullptr;
    QComboBox *m_flowCombo = nullptr;
    QLineEdit *m_refreshEdit = nullptr;
    QLineEdit *m_scopeEdit = nullptr;
    QLineEdit *m_audienceEdit = nullptr;
    QLineEdit *m_resourceEdit = nullptr;
    QCheckBox *m_rememberCheck = nullptr;
    SecretStore *m_secrets = nullptr;
    QLineEdit *m_promptEdit = nullptr; ///< the browser URL or the device verification URI, read-only
    QLabel *m_userCodeLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace jwb::ui
