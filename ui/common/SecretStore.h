#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace jwb::ui {

/// Secrets and private keys the user chose to keep with a workspace live in the OS keychain (Secret Service,
/// KWallet, ... through QtKeychain), never in the workspace file or in QSettings. Every call is asynchronous
/// and reports back once; a machine without a keychain service gets a clear error, and nothing is written
/// elsewhere instead (QtKeychain's insecure plain-text fallback is off).
///
/// Errors are said in words: a desktop with no keychain service (no Secret Service or KWallet on the session
/// bus, or no session bus at all) gets "no keychain service is running on this desktop", whatever code
/// QtKeychain chose for it (0.13 reports that case as OtherError "Unknown error").
///
/// Tests install a Backend so that no D-Bus service is needed.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    static constexpr auto kService = "jwt-workbench";

    /// A replacement for the OS keychain: (key, value) in, error text out (empty on success).
    struct Backend
    {
        std::function<QString(const QString &key, const QString &value)> write;
        std::function<QString(const QString &key, QString *value)> read;
        std::function<QString(const QString &key)> remove;
    };
    static void setBackend(Backend backend);
    static void clearBackend();

    /// The message for the case where no keychain can be reached.
    [[nodiscard]] static QString noServiceMessage();
    /// The words for a failed keychain job: `code` is a QKeychain::Error, `message` its errorString(),
    /// `serviceRunning` whether a keychain service is on the session bus (keychainServiceRunning()).
    [[nodiscard]] static QString describeError(int code, const QString &message, bool serviceRunning);
    /// Whether a keychain service (Secret Service or KWallet) is registered or activatable on the D-Bus session
    /// bus. Always true where the keychain is not a D-Bus service (macOS, Windows).
    [[nodiscard]] static bool keychainServiceRunning();

    explicit SecretStore(QObject *parent = nullptr);

    /// Stores `value` under `key`; done(key, error) follows (error empty on success).
    void write(const QString &key, const QString &value);
    /// Reads `key`; readDone(key, value, error) follows.
    void read(const QString &key);
    void remove(const QString &key);

Q_SIGNALS:
    void done(const QString &key, const QString &error);
    void readDone(const QString &key, const QString &value, const QString &error);
};

} // namespace jwb::ui
