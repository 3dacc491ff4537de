#include "common/SecretStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

#include <QTimer>

namespace jwb::ui {

namespace {
SecretStore::Backend &backend()
{
    static SecretStore::Backend instance;
    return instance;
}

QString keychainError(const QKeychain::Job *job)
{
    return job->errorString().isEmpty()
        ? QCoreApplication::translate("jwb::ui::SecretStore", "the system keychain refused the request")
        : QCoreApplication::translate("jwb::ui::SecretStore", "system keychain: %1").arg(job->errorString());
}
} // namespace

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
