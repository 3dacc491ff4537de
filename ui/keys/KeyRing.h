#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "keys/JwkSet.h"
#include "keysource/JwksCache.h"
#include "keysource/JwksFetcher.h"
#include "keysource/NetworkOptions.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace jwb::ui {

/// Where a workspace came from. It decides whether the workspace's remote key sources (JWK Set URLs, issuers)
/// may be fetched as soon as it opens: opening a file never makes a network request by itself.
enum class WorkspaceOrigin {
    /// The user's own session, written by this app in its data directory: the last session restored at start
    /// and the crash-recovery copy of it (the autosave).
    OwnSession,
    /// Any workspace file, however it is opened: File > Open Workspace, File > Open, a recent file, the command
    /// line, a drop.
    File,
};

/// One place keys come from: text pasted by the user (PEM, JWK, JWK Set or a shared secret), a key file, a
/// JWK Set URL, an issuer (OpenID Connect discovery) or a key generated in the app.
struct KeySource
{
    enum class Kind { Pasted, Secret, File, Url, Issuer, Generated };

    QString id; ///< stable identifier within a workspace
    QString name; ///< what the user sees
    Kind kind = Kind::Pasted;
    QString location; ///< file path or URL (File, Url, Issuer)
    QString text; ///< pasted key or secret text; for Generated, the private JWK (never written unless opted in)
    QByteArray binary; ///< DER bytes of a binary key file
    QString secretEncoding = QStringLiteral("utf8"); ///< utf8, base64, base64url, hex (Secret only)
    keysource::NetworkOptions network; ///< TLS trust, pins, timeout (Url, Issuer)

    // State, not configuration.
    std::optional<keys::JwkSet> keys; ///< the usable keys, once loaded or fetched
    QString error; ///< why loading or the last fetch failed ("code: message")
    std::optional<keysource::JwksResult> fetch; ///< the last successful fetch (TLS chain, discovery, findings)
    QDateTime loadedAt; ///< when `keys` was loaded or fetched
    keysource::Rotation rotation; ///< kids added and removed by the last refresh
    bool fetching = false;
    QString stage; ///< what a running fetch is doing
    /// A remote source from a workspace file that is not fetched until the user allows it (KeyRing::allowFetch);
    /// its TLS settings came from the file and have not been confirmed. See FetchPermission.
    bool awaitingPermission = false;

    [[nodiscard]] bool isRemote() const { return kind == Kind::Url || kind == Kind::Issuer; }
    /// Whether this source holds material that must not be written to a workspace file: a secret, pasted
    /// private key material or a generated key.
    [[nodiscard]] bool holdsSecret() const;
    [[nodiscard]] static QString kindName(Kind kind);
    /// The error of every source that opened without its secret (one message, whatever the reason).
    [[nodiscard]] static QString secretNotStoredError();
    [[nodiscard]] static std::optional<Kind> kindFromName(const QString &name);
};

/// The workspace's key sources, shared by the Keys page, the inspector's Verify tab, the Composer and the
/// Gateway view. Loading local sources is immediate; remote sources are fetched asynchronously with
/// keysource::JwksFetcher (progress via sourceChanged, cancel with cancel()). Every decision (parsing, TLS
/// rules, pins) is core's; the ring only keeps the results and tells its views when they change.
class KeyRing : public QObject
{
    Q_OBJECT
public:
    explicit KeyRing(std::shared_ptr<const common::Clock> clock = common::Clock::system(), QObject *parent = nullptr);
    ~KeyRing() override;

    [[nodiscard]] int count() const { return static_cast<int>(m_sources.size()); }
    [[nodiscard]] const KeySource &at(int index) const { return m_sources.at(index); }
    [[nodiscard]] int indexOf(const QString &id) const;
    [[nodiscard]] const QList<KeySource> &sources() const { return m_sources; }

    /// Adds a source and loads it (local sources now; remote ones start fetching). Returns its index.
    int add(KeySource source);
    /// Replaces the configuration of the source at `index` (keeps its id) and reloads it.
    void update(int index, KeySource source);
    void rename(int index, const QString &name);
    void remove(int index);
    void clear();

    /// Reloads a local source, or starts a fetch of a remote one (any fetch already running is cancelled). A
    /// remote source awaiting permission is not fetched: only allowFetch() starts it.
    void reload(int index);
    /// The user allows a remote source awaiting permission, TLS settings included: it is fetched now.
    void allowFetch(int index);
    /// Stops a running fetch; the source keeps the keys it had.
    void cancel(int index);
    /// Seconds since the source's keys were loaded; -1 when never.
    [[nodiscard]] qint64 ageSeconds(int index) const;

    /// Convenience: a Pasted/Secret source made from text, a Generated source from a key, a File source.
    static KeySource pasted(const QString &name, const QString &text);
    static KeySource secret(const QString &name, const QString &text, const QString &encoding);
    static KeySource generated(const QString &name, const keys::Jwk &privateJwk);
    static KeySource file(const QString &path);
    static KeySource url(const QString &url, bool issuer);

    /// Workspace form: configuration only. Secret material (see KeySource::holdsSecret) is left out unless
    /// `includeSecrets`; `secretsLeftOut` receives the ids of the sources whose material was left out.
    [[nodiscard]] QJsonArray toJson(bool includeSecrets, QStringList *secretsLeftOut = nullptr) const;
    /// Replaces the ring's sources with those of a workspace; errors name the entry. Remote sources start
    /// fetching unless FetchPermission::needed() says they wait (every one of a workspace file).
    common::Result<void> fromJson(const QJsonArray &array, WorkspaceOrigin origin = WorkspaceOrigin::File);

    void setNetworkAccessManager(QNetworkAccessManager *manager);

Q_SIGNALS:
    /// Sources added, removed or reordered.
    void sourcesChanged();
    /// One source's state changed (loaded, fetch stage or progress, finished, failed).
    void sourceChanged(int index);
    /// A fetch finished (successfully or not).
    void fetchFinished(int index);

private:
    void loadLocal(KeySource &source);
    void startFetch(int index);
    void onFetchFinished(const QString &id);
    QString newId() const;

    std::shared_ptr<const common::Clock> m_clock;
    QList<KeySource> m_sources;
    QNetworkAccessManager *m_manager = nullptr;
    QHash<QString, QPointer<keysource::JwksFetcher>> m_fetchers;
};

} // namespace jwb::ui
