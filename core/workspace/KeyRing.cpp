#include "workspace/KeyRing.h"

#include "keys/KeyLoader.h"
#include "workspace/FetchPermission.h"
#include "workspace/TrustStore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUuid>

#include <algorithm>

namespace jwb::workspace {

using common::ErrorCode;
using common::Result;

namespace {

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

Result<KeySource> sourceFromJson(const QJsonValue &value, const QString &where, WorkspaceOrigin origin)
{
    if (!value.isObject())
        return Result<KeySource>::failure(
            ErrorCode::InvalidWorkspace, QStringLiteral("%1 is not an object").arg(where));
    const QJsonObject entry = value.toObject();
    const QString kindName = entry.value(QStringLiteral("kind")).toString();
    const auto kind = KeySource::kindFromName(kindName);
    if (!kind) {
        return Result<KeySource>::failure(
            ErrorCode::InvalidWorkspace, QStringLiteral("%1: unknown kind “%2”").arg(where, kindName));
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
        return Result<KeySource>::failure(ErrorCode::InvalidWorkspace,
            QStringLiteral("%1: a %2 source needs a location").arg(where, KeySource::kindName(source.kind)));
    }
    const QJsonObject network = entry.value(QStringLiteral("network")).toObject();
    source.timeoutMs = network.value(QStringLiteral("timeout_ms")).toInt(source.timeoutMs);
    source.awaitingPermission
        = FetchPermission::needed(source, origin, entry.value(QStringLiteral("awaiting_permission")).toBool(false));
    return source;
}

} // namespace

KeyRing::KeyRing(std::shared_ptr<const common::Clock> clock, QObject *parent)
    : KeyRing(nullptr, std::move(clock), parent)
{ }

KeyRing::KeyRing(TrustStore *trust, std::shared_ptr<const common::Clock> clock, QObject *parent)
    : QObject(parent),
      m_trust(trust ? trust : new TrustStore(this)),
      m_clock(clock ? std::move(clock) : common::Clock::system())
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
        source.name = source.location.isEmpty() ? QStringLiteral("Key %1").arg(m_sources.size() + 1) : source.location;
    if (FetchPermission::neededForNew(source, *m_trust))
        source.awaitingPermission = true;
    m_sources.append(std::move(source));
    const int index = static_cast<int>(m_sources.size()) - 1;
    Q_EMIT sourcesChanged();
    reload(index);
    return index;
}

int KeyRing::addLoaded(KeySource source, const common::Result<keys::JwkSet> &loaded)
{
    if (source.id.isEmpty() || indexOf(source.id) >= 0)
        source.id = newId();
    if (source.name.isEmpty())
        source.name = source.location;
    if (loaded.ok())
        source.keys = loaded.value();
    else
        source.error = loaded.error();
    source.stale = false;
    source.loadedAt = m_clock->now();
    m_sources.append(std::move(source));
    const int index = static_cast<int>(m_sources.size()) - 1;
    Q_EMIT sourcesChanged();
    Q_EMIT sourceChanged(index);
    return index;
}

void KeyRing::update(int index, KeySource source)
{
    if (index < 0 || index >= m_sources.size())
        return;
    cancel(index);
    KeySource &old = m_sources[index];
    source.id = old.id;
    if (source.name.isEmpty())
        source.name = old.name;
    if (old.isRemote() && source.isRemote() && old.keys) {
        // The last good keys stay usable, marked stale, until a fetch under the new configuration succeeds.
        source.keys = std::move(old.keys);
        source.fetch = std::move(old.fetch);
        source.loadedAt = old.loadedAt;
        source.rotation = old.rotation;
        source.stale = true;
    }
    if (source.text != old.text || source.binary != old.binary)
        wipe(old);
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
    Result<keys::JwkSet> loaded = common::Error::of(ErrorCode::NoKey, QStringLiteral("No key given"));
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
        source.error.reset();
    } else {
        source.keys.reset();
        source.error = loaded.error();
    }
    source.stale = false;
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
    m_trust->confirm(TrustStore::originOf(m_sources.at(index).url()));
    reload(index);
}

void KeyRing::startFetch(int index)
{
    cancel(index);
    if (!m_manager)
        m_manager = new QNetworkAccessManager(this);

    KeySource &source = m_sources[index];
    const QUrl url = source.url();
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        source.error = common::Error::of(ErrorCode::InvalidUrl,
            QStringLiteral("“%1” is not a URL").arg(source.location), {{QStringLiteral("location"), source.location}});
        source.fetching = false;
        Q_EMIT sourceChanged(index);
        Q_EMIT fetchFinished(index);
        return;
    }
    // TLS settings may differ between origins and edits: never reuse a connection made under other rules. Clearing
    // the shared cache would cut the connections of fetches still running (they then hang until their timeout),
    // so a fetch that starts beside others gets a manager of its own.
    QNetworkAccessManager *manager = m_manager;
    const bool othersRunning = std::any_of(
        m_fetchers.cbegin(), m_fetchers.cend(), [](const QPointer<keysource::JwksFetcher> &f) { return !f.isNull(); });
    if (othersRunning)
        manager = new QNetworkAccessManager;
    else
        m_manager->clearConnectionCache();
    auto *fetcher = new keysource::JwksFetcher(manager, m_trust->optionsFor(url, source.timeoutMs), this);
    if (manager != m_manager)
        manager->setParent(fetcher);
    const QString id = source.id;
    m_fetchers.insert(id, fetcher);
    source.fetching = true;
    source.progress = {FetchProgress::Stage::Connecting, {}, 0, -1};
    connect(fetcher, &keysource::JwksFetcher::stage, this, [this, id](const QString &step) {
        setProgress(id, {FetchProgress::Stage::Step, step, 0, -1});
    });
    connect(fetcher, &keysource::JwksFetcher::progress, this, [this, id](qint64 received, qint64 total) {
        setProgress(id, {FetchProgress::Stage::Downloading, {}, received, total});
    });
    connect(fetcher, &keysource::JwksFetcher::finished, this, [this, id] { onFetchFinished(id); });
    Q_EMIT sourceChanged(index);
    if (source.kind == KeySource::Kind::Issuer)
        fetcher->fetchIssuer(url);
    else
        fetcher->fetchUrl(url);
}

void KeyRing::setProgress(const QString &id, const FetchProgress &progress)
{
    const int i = indexOf(id);
    if (i < 0)
        return;
    m_sources[i].progress = progress;
    Q_EMIT sourceChanged(i);
}

void KeyRing::onFetchFinished(const QString &id)
{
    const int index = indexOf(id);
    QPointer<keysource::JwksFetcher> fetcher = m_fetchers.take(id);
    if (index < 0 || !fetcher)
        return;
    KeySource &source = m_sources[index];
    source.fetching = false;
    source.progress = {};
    const auto &result = fetcher->result();
    if (result.ok()) {
        const auto &fetched = result.value();
        source.rotation = source.keys ? keysource::diffKids(*source.keys, fetched.keys) : keysource::Rotation {};
        source.keys = fetched.keys;
        source.fetch = fetched;
        source.error.reset();
        source.tlsFailure.reset();
        source.stale = false;
        source.loadedAt = m_clock->now();
    } else {
        // Keep the keys from the last good fetch, marked stale; say why this one failed.
        source.error = result.error();
        source.tlsFailure = fetcher->tlsFailure();
        source.stale = source.keys.has_value();
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
        source.progress = {};
        source.error = common::Error::of(ErrorCode::Cancelled, QStringLiteral("The fetch was cancelled"));
        source.tlsFailure.reset();
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
    source.name = KeySource::defaultName(source.kind, source.location);
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
            entry.insert(QStringLiteral("network"), QJsonObject {{QStringLiteral("timeout_ms"), source.timeoutMs}});
            if (source.awaitingPermission)
                entry.insert(QStringLiteral("awaiting_permission"), true);
        }
        array.append(entry);
    }
    return array;
}

Result<QList<KeySource>> KeyRing::parse(const QJsonArray &array, WorkspaceOrigin origin)
{
    QList<KeySource> sources;
    for (int i = 0; i < array.size(); ++i) {
        auto source = sourceFromJson(array.at(i), QStringLiteral("keys[%1]").arg(i), origin);
        if (!source)
            return source.error();
        sources.append(std::move(source.value()));
    }
    return sources;
}

Result<void> KeyRing::fromJson(const QJsonArray &array, WorkspaceOrigin origin)
{
    auto parsed = parse(array, origin);
    if (!parsed)
        return parsed.error();
    clear();
    for (auto &source : parsed.value()) {
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

} // namespace jwb::workspace
