#include "keys/KeyRing.h"

#include "keys/FetchPermission.h"
#include "keys/KeyLoader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace jwb::ui {

namespace {

struct KindName
{
    KeySource::Kind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {KeySource::Kind::Pasted, "pasted"},
    {KeySource::Kind::Secret, "secret"},
    {KeySource::Kind::File, "file"},
    {KeySource::Kind::Url, "jwk_url"},
    {KeySource::Kind::Issuer, "issuer"},
    {KeySource::Kind::Generated, "generated"},
};

bool textHoldsPrivateKey(const QString &text)
{
    if (text.contains(QLatin1String("PRIVATE KEY-----")))
        return true;
    // A JWK or JWK Set with a private member ("d" for RSA/EC/OKP, "k" for oct).
    const auto loaded = keys::KeyLoader::load(text.toUtf8());
    if (!loaded.ok())
        return false;
    for (const auto &jwk : loaded.value().keys) {
        if (jwk.key.isPrivate())
            return true;
    }
    return false;
}

/// Overwrites key text and bytes before they are released, where this copy is the only one (a shared Qt string
/// would only detach and wipe a fresh copy).
void wipe(KeySource &source)
{
    if (!source.text.isEmpty() && source.text.isDetached())
        source.text.fill(QChar(0));
    if (!source.binary.isEmpty() && source.binary.isDetached())
        source.binary.fill('\0');
    source.text.clear();
    source.binary.clear();
}

} // namespace

bool KeySource::holdsSecret() const
{
    switch (kind) {
    case Kind::Secret:
    case Kind::Generated:
        return true;
    case Kind::Pasted:
        return textHoldsPrivateKey(text);
    case Kind::File:
    case Kind::Url:
    case Kind::Issuer:
        return false;
    }
    return false;
}

QString KeySource::secretNotStoredError()
{
    return QStringLiteral("secret_not_stored: ")
        + QCoreApplication::translate("jwb::ui::KeySource",
            "the secret was not restored: workspace files never hold it, and the system keychain did not "
            "provide it. Paste it again.");
}

QString KeySource::kindName(Kind kind)
{
    for (const auto &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<KeySource::Kind> KeySource::kindFromName(const QString &name)
{
    for (const auto &entry : kKindNames) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

KeyRing::KeyRing(std::shared_ptr<const common::Clock> clock, QObject *parent)
    : QObject(parent), m_clock(clock ? std::move(clock) : common::Clock::system())
{ }

KeyRing::~KeyRing()
{
    for (const auto &fetcher : std::as_const(m_fetchers)) {
        if (fetcher)
            fetcher->cancel();
    }
    for (auto &source : m_sources)
        wipe(source);
}

void KeyRing::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_manager = manager;
}

int KeyRing::indexOf(const QString &id) const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).id == id)
            return i;
    }
    return -1;
}

QString KeyRing::newId() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

int KeyRing::add(KeySource source)
{
    if (source.id.isEmpty() || indexOf(source.id) >= 0)
        source.id = newId();
    if (source.name.isEmpty())
        source.name = source.location.isEmpty() ? tr("Key %1").arg(m_sources.size() + 1) : source.location;
    m_sources.append(std::move(source));
    const int index = static_cast<int>(m_sources.size()) - 1;
    Q_EMIT sourcesChanged();
    reload(index);
    return index;
}

void KeyRing::update(int index, KeySource source)
{
    if (index < 0 || index >= m_sources.size())
        return;
    cancel(index);
    source.id = m_sources.at(index).id;
    if (source.name.isEmpty())
        source.name = m_sources.at(index).name;
    if (source.text != m_sources.at(index).text || source.binary != m_sources.at(index).binary)
        wipe(m_sources[index]);
    m_sources[index] = std::move(source);
    reload(index);
}

void KeyRing::rename(int index, const QString &name)
{
    if (index < 0 || index >= m_sources.size() || name.trimmed().isEmpty())
        return;
    m_sources[index].name = name.trimmed();
    Q_EMIT sourceChanged(index);
}

void KeyRing::remove(int index)
{
    if (index < 0 || index >= m_sources.size())
        return;
    cancel(index);
    m_fetchers.remove(m_sources.at(index).id);
    wipe(m_sources[index]);
    m_sources.removeAt(index);
    Q_EMIT sourcesChanged();
}

void KeyRing::clear()
{
    for (int i = 0; i < m_sources.size(); ++i)
        cancel(i);
    m_fetchers.clear();
    for (auto &source : m_sources)
        wipe(source);
    m_sources.clear();
    Q_EMIT sourcesChanged();
}

qint64 KeyRing::ageSeconds(int index) const
{
    if (index < 0 || index >= m_sources.size() || !m_sources.at(index).loadedAt.isValid())
        return -1;
    return m_sources.at(index).loadedAt.secsTo(m_clock->now());
}

void KeyRing::loadLocal(KeySource &source)
{
    common::Result<keys::JwkSet> loaded = common::Error {QStringLiteral("no_key"), tr("No key given"), {}};
    switch (source.kind) {
    case KeySource::Kind::Pasted:
    case KeySource::Kind::Generated:
        if (!source.text.trimmed().isEmpty())
            loaded = keys::KeyLoader::load(source.text.toUtf8());
        else if (!source.binary.isEmpty())
            loaded = keys::KeyLoader::load(source.binary);
        break;
    case KeySource::Kind::Secret: {
        const auto encoding = keys::KeyLoader::encodingFromName(source.secretEncoding);
        if (!encoding.ok())
            loaded = encoding.error();
        else if (!source.text.isEmpty())
            loaded = keys::KeyLoader::fromSecret(source.text.toUtf8(), encoding.value());
        break;
    }
    case KeySource::Kind::File:
        loaded = keys::KeyLoader::loadFile(source.location);
        break;
    case KeySource::Kind::Url:
    case KeySource::Kind::Issuer:
        return;
    }
    if (loaded.ok()) {
        source.keys = loaded.value();
        source.error.clear();
    } else {
        source.keys.reset();
        source.error = loaded.error().toString();
    }
    source.loadedAt = m_clock->now();
}

void KeyRing::reload(int index)
{
    if (index < 0 || index >= m_sources.size())
        return;
    if (m_sources.at(index).isRemote()) {
        if (m_sources.at(index).awaitingPermission) {
            Q_EMIT sourceChanged(index);
            return;
        }
        startFetch(index);
        return;
    }
    loadLocal(m_sources[index]);
    Q_EMIT sourceChanged(index);
}

void KeyRing::allowFetch(int index)
{
    if (index < 0 || index >= m_sources.size())
        return;
    m_sources[index].awaitingPermission = false;
    reload(index);
}

void KeyRing::startFetch(int index)
{
    cancel(index);
    if (!m_manager)
        m_manager = new QNetworkAccessManager(this);

    KeySource &source = m_sources[index];
    const QUrl url = QUrl::fromUserInput(source.location.trimmed());
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        source.error = QStringLiteral("invalid_url: ") + tr("“%1” is not a URL").arg(source.location);
        source.fetching = false;
        Q_EMIT sourceChanged(index);
        Q_EMIT fetchFinished(index);
        return;
    }
    // TLS settings may differ between sources and edits: never reuse a connection made under other rules. Clearing
    // the shared cache would cut the connections of fetches still running (they then hang until their timeout),
    // so a fetch that starts beside others gets a manager of its own.
    QNetworkAccessManager *manager = m_manager;
    const bool othersRunning = std::any_of(
        m_fetchers.cbegin(), m_fetchers.cend(), [](const QPointer<keysource::JwksFetcher> &f) { return !f.isNull(); });
    if (othersRunning)
        manager = new QNetworkAccessManager;
    else
        m_manager->clearConnectionCache();
    auto *fetcher = new keysource::JwksFetcher(manager, source.network, this);
    if (manager != m_manager)
        manager->setParent(fetcher);
    const QString id = source.id;
    m_fetchers.insert(id, fetcher);
    source.fetching = true;
    source.stage = tr("Connecting…");
    connect(fetcher, &keysource::JwksFetcher::stage, this, [this, id](const QString &stage) {
        const int i = indexOf(id);
        if (i < 0)
            return;
        m_sources[i].stage = stage;
        Q_EMIT sourceChanged(i);
    });
    connect(fetcher, &keysource::JwksFetcher::progress, this, [this, id](qint64 received, qint64 total) {
        const int i = indexOf(id);
        if (i < 0)
            return;
        m_sources[i].stage = total > 0 ? tr("Downloading %1 of %2 bytes").arg(received).arg(total)
                                       : tr("Downloading %1 bytes").arg(received);
        Q_EMIT sourceChanged(i);
    });
    connect(fetcher, &keysource::JwksFetcher::finished, this, [this, id] { onFetchFinished(id); });
    Q_EMIT sourceChanged(index);
    if (source.kind == KeySource::Kind::Issuer)
        fetcher->fetchIssuer(url);
    else
        fetcher->fetchUrl(url);
}

void KeyRing::onFetchFinished(const QString &id)
{
    const int index = indexOf(id);
    QPointer<keysource::JwksFetcher> fetcher = m_fetchers.take(id);
    if (index < 0 || !fetcher)
        return;
    KeySource &source = m_sources[index];
    source.fetching = false;
    source.stage.clear();
    const auto &result = fetcher->result();
    if (result.ok()) {
        const auto &fetched = result.value();
        source.rotation = source.keys ? keysource::diffKids(*source.keys, fetched.keys) : keysource::Rotation {};
        source.keys = fetched.keys;
        source.fetch = fetched;
        source.error.clear();
        source.loadedAt = m_clock->now();
    } else {
        // Keep the keys from the last good fetch; say why this one failed.
        source.error = result.error().toString();
    }
    fetcher->deleteLater();
    Q_EMIT sourceChanged(index);
    Q_EMIT fetchFinished(index);
}

void KeyRing::cancel(int index)
{
    if (index < 0 || index >= m_sources.size())
        return;
    KeySource &source = m_sources[index];
    QPointer<keysource::JwksFetcher> fetcher = m_fetchers.take(source.id);
    if (fetcher) {
        fetcher->disconnect(this);
        fetcher->cancel();
        fetcher->deleteLater();
    }
    if (source.fetching) {
        source.fetching = false;
        source.stage.clear();
        source.error = QStringLiteral("cancelled: ") + tr("The fetch was cancelled");
        Q_EMIT sourceChanged(index);
        Q_EMIT fetchFinished(index);
    }
}

KeySource KeyRing::pasted(const QString &name, const QString &text)
{
    KeySource source;
    source.kind = KeySource::Kind::Pasted;
    source.name = name;
    source.text = text;
    return source;
}

KeySource KeyRing::secret(const QString &name, const QString &text, const QString &encoding)
{
    KeySource source;
    source.kind = KeySource::Kind::Secret;
    source.name = name;
    source.text = text;
    source.secretEncoding = encoding;
    return source;
}

KeySource KeyRing::generated(const QString &name, const keys::Jwk &privateJwk)
{
    KeySource source;
    source.kind = KeySource::Kind::Generated;
    source.name = name;
    QJsonObject json = keys::Jwk::toJson(privateJwk.key, true);
    for (const auto &member : {QStringLiteral("kid"), QStringLiteral("alg"), QStringLiteral("use")}) {
        if (privateJwk.json.contains(member))
            json.insert(member, privateJwk.json.value(member));
    }
    if (!privateJwk.kid.isEmpty())
        json.insert(QStringLiteral("kid"), privateJwk.kid);
    if (!privateJwk.alg.isEmpty())
        json.insert(QStringLiteral("alg"), privateJwk.alg);
    if (!privateJwk.use.isEmpty())
        json.insert(QStringLiteral("use"), privateJwk.use);
    source.text = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return source;
}

KeySource KeyRing::file(const QString &path)
{
    KeySource source;
    source.kind = KeySource::Kind::File;
    source.location = path;
    source.name = QFileInfo(path).fileName();
    return source;
}

KeySource KeyRing::url(const QString &url, bool issuer)
{
    KeySource source;
    source.kind = issuer ? KeySource::Kind::Issuer : KeySource::Kind::Url;
    source.location = url.trimmed();
    source.name = QUrl(source.location).host();
    if (source.name.isEmpty())
        source.name = source.location;
    return source;
}

QJsonArray KeyRing::toJson(bool includeSecrets, QStringList *secretsLeftOut) const
{
    QJsonArray array;
    for (const auto &source : m_sources) {
        QJsonObject entry;
        entry.insert(QStringLiteral("id"), source.id);
        entry.insert(QStringLiteral("name"), source.name);
        entry.insert(QStringLiteral("kind"), KeySource::kindName(source.kind));
        if (!source.location.isEmpty())
            entry.insert(QStringLiteral("location"), source.location);
        if (source.kind == KeySource::Kind::Secret)
            entry.insert(QStringLiteral("secret_encoding"), source.secretEncoding);
        const bool secret = source.holdsSecret();
        if (secret && !includeSecrets) {
            if (secretsLeftOut)
                secretsLeftOut->append(source.id);
        } else if (!source.text.isEmpty()) {
            entry.insert(QStringLiteral("text"), source.text);
        } else if (!source.binary.isEmpty() && source.kind != KeySource::Kind::File) {
            entry.insert(QStringLiteral("der_base64"), QString::fromLatin1(source.binary.toBase64()));
        }
        if (source.isRemote()) {
            QJsonObject network;
            if (source.network.insecure)
                network.insert(QStringLiteral("insecure"), true);
            if (!source.network.pins.isEmpty())
                network.insert(QStringLiteral("pins"), QJsonArray::fromStringList(source.network.pins));
            if (!source.network.extraCa.isEmpty()) {
                QJsonArray ca;
                for (const auto &certificate : source.network.extraCa)
                    ca.append(QString::fromLatin1(certificate.toPem()));
                network.insert(QStringLiteral("ca_pem"), ca);
            }
            network.insert(QStringLiteral("timeout_ms"), source.network.timeoutMs);
            entry.insert(QStringLiteral("network"), network);
            if (source.awaitingPermission)
                entry.insert(QStringLiteral("awaiting_permission"), true);
        }
        array.append(entry);
    }
    return array;
}

common::Result<void> KeyRing::fromJson(const QJsonArray &array, WorkspaceOrigin origin)
{
    QList<KeySource> sources;
    for (int i = 0; i < array.size(); ++i) {
        const auto where = QStringLiteral("keys[%1]").arg(i);
        if (!array.at(i).isObject())
            return common::Result<void>::failure(
                QStringLiteral("invalid_workspace"), tr("%1 is not an object").arg(where));
        const QJsonObject entry = array.at(i).toObject();
        const auto kind = KeySource::kindFromName(entry.value(QStringLiteral("kind")).toString());
        if (!kind) {
            return common::Result<void>::failure(QStringLiteral("invalid_workspace"),
                tr("%1: unknown kind “%2”").arg(where, entry.value(QStringLiteral("kind")).toString()));
        }
        KeySource source;
        source.kind = *kind;
        source.id = entry.value(QStringLiteral("id")).toString();
        source.name = entry.value(QStringLiteral("name")).toString();
        source.location = entry.value(QStringLiteral("location")).toString();
        source.text = entry.value(QStringLiteral("text")).toString();
        source.secretEncoding = entry.value(QStringLiteral("secret_encoding")).toString(QStringLiteral("utf8"));
        if (entry.contains(QStringLiteral("der_base64")))
            source.binary = QByteArray::fromBase64(entry.value(QStringLiteral("der_base64")).toString().toLatin1());
        if ((source.kind == KeySource::Kind::File || source.isRemote()) && source.location.isEmpty()) {
            return common::Result<void>::failure(QStringLiteral("invalid_workspace"),
                tr("%1: a %2 source needs a location").arg(where, KeySource::kindName(source.kind)));
        }
        const QJsonObject network = entry.value(QStringLiteral("network")).toObject();
        source.network.insecure = network.value(QStringLiteral("insecure")).toBool(false);
        for (const auto &pin : network.value(QStringLiteral("pins")).toArray())
            source.network.pins.append(pin.toString());
        for (const auto &pem : network.value(QStringLiteral("ca_pem")).toArray()) {
            const auto certificates = QSslCertificate::fromData(pem.toString().toLatin1(), QSsl::Pem);
            if (certificates.isEmpty()) {
                return common::Result<void>::failure(
                    QStringLiteral("invalid_workspace"), tr("%1: network.ca_pem holds no PEM certificate").arg(where));
            }
            source.network.extraCa.append(certificates);
        }
        source.network.timeoutMs = network.value(QStringLiteral("timeout_ms")).toInt(source.network.timeoutMs);
        source.awaitingPermission
            = FetchPermission::needed(source, origin, entry.value(QStringLiteral("awaiting_permission")).toBool(false));
        sources.append(std::move(source));
    }
    clear();
    for (auto &source : sources) {
        if (source.id.isEmpty() || indexOf(source.id) >= 0)
            source.id = newId();
        m_sources.append(std::move(source));
    }
    Q_EMIT sourcesChanged();
    for (int i = 0; i < m_sources.size(); ++i) {
        // Sources whose secret was left out of the file stay empty until the keychain fills them in.
        if (m_sources.at(i).holdsSecret() && m_sources.at(i).text.isEmpty() && m_sources.at(i).binary.isEmpty()) {
            m_sources[i].error = KeySource::secretNotStoredError();
            continue;
        }
        reload(i);
    }
    return {};
}

} // namespace jwb::ui
