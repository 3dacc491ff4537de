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
