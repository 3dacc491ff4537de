#include "common/SecretStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

#include <QTimer>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID)
#define JWB_KEYCHAIN_OVER_DBUS 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace jwb::ui {

namespace {
SecretStore::Backend &backend()
{
    static SecretStore::Backend instance;
    return instance;
}

QString keychainError(const QKeychain::Job *job)
{
    const QKeychain::Error code = job->error();
    // Probing the bus costs a round trip: only for the codes a missing service can hide behind.
    const bool maybeNoService
        = code == QKeychain::NoBackendAvailable || code == QKeychain::OtherError || code == QKeychain::NotImplemented;
    return SecretStore::describeError(
        code, job->errorString(), maybeNoService ? SecretStore::keychainServiceRunning() : true);
}
} // namespace

QString SecretStore::noServiceMessage()
{
    return tr("no keychain service is running on this desktop");
}

QString SecretStore::describeError(int code, const QString &message, bool serviceRunning)
{
    // What D-Bus says when the service's name has no owner and cannot be started.
    const bool serviceUnknown = message.contains(QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown"))
        || message.contains(QLatin1String("was not provided by any .service files"))
        || message.contains(QLatin1String("Could not connect to D-Bus"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("Cannot autolaunch D-Bus"), Qt::CaseInsensitive);
    switch (code) {
    case QKeychain::NoError:
        return {};
    case QKeychain::NoBackendAvailable:
        return noServiceMessage();
    case QKeychain::OtherError:
    case QKeychain::NotImplemented:
        if (serviceUnknown || !serviceRunning)
            return noServiceMessage();
        break;
    case QKeychain::EntryNotFound:
        return tr("the system keychain holds no such entry");
    case QKeychain::AccessDeniedByUser:
        return tr("access to the system keychain was denied");
    case QKeychain::AccessDenied:
        return message.isEmpty() ? tr("the system keychain refused access (it may be locked)")
                                 : tr("the system keychain refused access: %1").arg(message);
    default:
        break;
    }
    return message.isEmpty() ? tr("the system keychain refused the request") : tr("system keychain: %1").arg(message);
}

bool SecretStore::keychainServiceRunning()
{
#ifdef JWB_KEYCHAIN_OVER_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList services {QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
        QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    const QStringList registered = bus.interface()->registeredServiceNames().value();
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const QString &name : services) {
        if (registered.contains(name) || activatable.contains(name))
            return true;
    }
    return false;
#else
    return true;
#endif
}

void SecretStore::setBackend(Backend replacement)
{
    backend() = std::move(replacement);
}

void SecretStore::clearBackend()
{
    backend() = Backend {};
}

SecretStore::SecretStore(QObject *parent) : QObject(parent) { }

void SecretStore::write(const QString &key, const QString &value)
{
    if (backend().write) {
        const QString error = backend().write(key, value);
        QTimer::singleShot(0, this, [this, key, error] { Q_EMIT done(key, error); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Q_EMIT done(key, finished->error() == QKeychain::NoError ? QString() : keychainError(finished));
    });
    job->start();
}

void SecretStore::read(const QString &key)
{
    if (backend().read) {
        QString value;
        const QString error = backend().read(key, &value);
        QTimer::singleShot(0, this, [this, key, value, error] { Q_EMIT readDone(key, value, error); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(kService), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (finished->error() == QKeychain::NoError)
            Q_EMIT readDone(key, reader->textData(), QString());
        else
            Q_EMIT readDone(key, QString(), keychainError(finished));
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    if (backend().remove) {
        const QString error = backend().remove(key);
        QTimer::singleShot(0, this, [this, key, error] { Q_EMIT done(key, error); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(kService), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        Q_EMIT done(key, finished->error() == QKeychain::NoError ? QString() : keychainError(finished));
    });
    job->start();
}

} // namespace jwb::ui
