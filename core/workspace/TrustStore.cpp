#include "workspace/TrustStore.h"

#include "common/BoundedFile.h"

#include <QFileInfo>

namespace jwb::workspace {

using common::ErrorCode;
using common::Result;

QJsonObject TrustSettings::toJson() const
{
    QJsonObject object;
    if (insecure)
        object.insert(QStringLiteral("insecure"), true);
    if (!pins.isEmpty())
        object.insert(QStringLiteral("pins"), QJsonArray::fromStringList(pins));
    if (!extraCa.isEmpty()) {
        QJsonArray ca;
        for (const auto &certificate : extraCa)
            ca.append(QString::fromLatin1(certificate.toPem()));
        object.insert(QStringLiteral("ca_pem"), ca);
    }
    return object;
}

Result<TrustSettings> TrustSettings::fromJson(const QJsonObject &object, const QString &where)
{
    TrustSettings settings;
    settings.insecure = object.value(QStringLiteral("insecure")).toBool(false);
    for (const auto &pin : object.value(QStringLiteral("pins")).toArray())
        settings.pins.append(pin.toString());
    for (const auto &pem : object.value(QStringLiteral("ca_pem")).toArray()) {
        const auto certificates = QSslCertificate::fromData(pem.toString().toLatin1(), QSsl::Pem);
        if (certificates.isEmpty()) {
            return Result<TrustSettings>::failure(
                ErrorCode::InvalidWorkspace, QStringLiteral("%1.ca_pem holds no PEM certificate").arg(where));
        }
        settings.extraCa.append(certificates);
    }
    return settings;
}

TrustStore::TrustStore(QObject *parent) : QObject(parent) { }

QString TrustStore::originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    QString host = url.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    const int port = url.port(defaultPort);
    return port < 0 ? QStringLiteral("%1://%2").arg(scheme, host)
                    : QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port);
}

TrustSettings TrustStore::settings(const QString &origin) const
{
    return m_entries.value(origin);
}

void TrustStore::set(const QString &origin, const TrustSettings &settings)
{
    if (origin.isEmpty())
        return;
    const bool wasUnconfirmed = m_unconfirmed.remove(origin);
    if (settings == m_entries.value(origin) && !wasUnconfirmed)
        return;
    if (settings.isEmpty())
        m_entries.remove(origin);
    else
        m_entries.insert(origin, settings);
    Q_EMIT changed(origin);
}

void TrustStore::clear()
{
    replace({}, true);
}

void TrustStore::replace(const QMap<QString, TrustSettings> &entries, bool confirmed)
{
    m_entries.clear();
    m_unconfirmed.clear();
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        if (it.key().isEmpty() || it.value().isEmpty())
            continue;
        m_entries.insert(it.key(), it.value());
        if (!confirmed)
            m_unconfirmed.insert(it.key());
    }
    Q_EMIT changed(QString());
}

void TrustStore::markUnconfirmed(const QString &origin)
{
    if (m_entries.contains(origin))
        m_unconfirmed.insert(origin);
}

keysource::NetworkOptions TrustStore::optionsFor(const QUrl &url, int timeoutMs) const
{
    const TrustSettings trust = settingsFor(url);
    keysource::NetworkOptions options;
    options.extraCa = trust.extraCa;
    options.pins = trust.pins;
    options.insecure = trust.insecure;
    options.timeoutMs = timeoutMs;
    return options;
}

keysource::NetworkOptions TrustStore::optionsForGateway(
    const QUrl &url, const keysource::NetworkOptions &configTls) const
{
    keysource::NetworkOptions options = configTls;
    for (const auto &certificate : settingsFor(url).extraCa) {
        if (!options.extraCa.contains(certificate))
            options.extraCa.append(certificate);
    }
    return options;
}

Result<QList<QSslCertificate>> TrustStore::readCa(const QByteArray &pemOrDer)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(pemOrDer, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(pemOrDer, QSsl::Der);
    if (certificates.isEmpty()) {
        return Result<QList<QSslCertificate>>::failure(
            ErrorCode::InvalidCertificate, QStringLiteral("holds no PEM or DER certificate"));
    }
    return certificates;
}

Result<QList<QSslCertificate>> TrustStore::readCaFile(const QString &path)
{
    const auto bytes = common::BoundedFile::read(path, kMaxCaBytes);
    if (!bytes)
        return bytes.error();
    auto certificates = readCa(bytes.value());
    if (!certificates) {
        return Result<QList<QSslCertificate>>::failure(ErrorCode::InvalidCertificate,
            QStringLiteral("%1 %2").arg(QFileInfo(path).fileName(), certificates.error().message),
            {{QStringLiteral("path"), path}});
    }
    return certificates;
}

QJsonArray TrustStore::toJson() const
{
    QJsonArray array;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        QJsonObject entry = it.value().toJson();
        entry.insert(QStringLiteral("origin"), it.key());
        array.append(entry);
    }
    return array;
}

Result<QMap<QString, TrustSettings>> TrustStore::parse(const QJsonArray &array)
{
    QMap<QString, TrustSettings> entries;
    for (int i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("trust[%1]").arg(i);
        if (!array.at(i).isObject()) {
            return Result<QMap<QString, TrustSettings>>::failure(
                ErrorCode::InvalidWorkspace, QStringLiteral("%1 is not an object").arg(where));
        }
        const QJsonObject entry = array.at(i).toObject();
        const QString origin = originOf(QUrl(entry.value(QStringLiteral("origin")).toString()));
        if (origin.isEmpty()) {
            return Result<QMap<QString, TrustSettings>>::failure(
                ErrorCode::InvalidWorkspace, QStringLiteral("%1: \"origin\" is not a URL with a host").arg(where));
        }
        auto settings = TrustSettings::fromJson(entry, where);
        if (!settings)
            return settings.error();
        entries.insert(origin, settings.value());
    }
    return entries;
}

Result<void> TrustStore::fromJson(const QJsonArray &array, bool confirmed)
{
    auto entries = parse(array);
    if (!entries)
        return entries.error();
    replace(entries.value(), confirmed);
    return {};
}

} // namespace jwb::workspace
