#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "keys/Jwk.h"
#include "workspace/KeySource.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace jwb::workspace {

class TrustStore;

/// The workspace's key sources, shared by the Keys page, the inspector's Verify tab, the Composer and the
/// Gateway view. Loading local sources is immediate; remote sources are fetched asynchronously with
/// keysource::JwksFetcher, under the TLS settings the TrustStore holds for their origin (progress via
/// sourceChanged, cancel with cancel()). Every decision (parsing, TLS rules, pins) is core's; the ring keeps the
/// results and tells its views when they change. Its state is data (KeySource::error, KeySource::progress): the
/// UI words it.
class KeyRing : public QObject
{
    Q_OBJECT
public:
    /// A ring with a trust store of its own.
    explicit KeyRing(std::shared_ptr<const common::Clock> clock = common::Clock::system(), QObject *parent = nullptr);
    /// A ring whose fetches use `trust` (a Session's); `trust` must outlive the ring.
    KeyRing(TrustStore *trust, std::shared_ptr<const common::Clock> clock, QObject *parent = nullptr);
    ~KeyRing() override;

    [[nodiscard]] int count() const { return static_cast<int>(m_sources.size()); }
    [[nodiscard]] const KeySource &at(int index) const { return m_sources.at(index); }
    [[nodiscard]] int indexOf(const QString &id) const;
    [[nodiscard]] const QList<KeySource> &sources() const { return m_sources; }
    [[nodiscard]] TrustStore *trust() const { return m_trust; }

    /// Adds a source and loads it (local sources now; remote ones start fetching, unless their origin's TLS
    /// settings came from a workspace file the user has not allowed yet: see FetchPermission). Returns its index.
    int add(KeySource source);
    /// Adds a local source whose keys were loaded elsewhere (a big JWK Set read on a worker: KeyLoader::loadFile
    /// there), without loading it again here. Returns its index.
    int addLoaded(KeySource source, const common::Result<keys::JwkSet> &loaded);
    /// Replaces the configuration of the source at `index` (keeps its id) and reloads it. A remote source that
    /// stays remote keeps its last good keys, marked stale, until a fetch under the new configuration succeeds.
    void update(int index, KeySource source);
    void rename(int index, const QString &name);
    void remove(int index);
    void clear();

    /// Reloads a local source, or starts a fetch of a remote one (any fetch already running is cancelled). A
    /// remote source awaiting permission is not fetched: only allowFetch() starts it.
    void reload(int index);
    /// The user allows a remote source awaiting permission, its origin's TLS settings included: it is fetched now.
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
    /// `includeSecrets`; `secretsLeftOut` receives the ids of the sources whose material was left out. A remote
    /// source's "network" holds its timeout (WorkspaceFormat adds its origin's TLS for older readers).
    [[nodiscard]] QJsonArray toJson(bool includeSecrets, QStringList *secretsLeftOut = nullptr) const;
    /// The sources of a workspace's "keys" member, read without changing the ring; errors (invalid_workspace)
    /// name the entry ("keys[1]: unknown kind ..."). `origin` decides which remote sources wait for permission
    /// (FetchPermission::needed).
    [[nodiscard]] static common::Result<QList<KeySource>> parse(
        const QJsonArray &array, WorkspaceOrigin origin = WorkspaceOrigin::File);
    /// Replaces the ring's sources with those of a workspace (parse()); a bad workspace leaves the ring as it
    /// was. Remote sources start fetching unless they wait for permission.
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
    void setProgress(const QString &id, const FetchProgress &progress);
    QString newId() const;

    TrustStore *m_trust;
    std::shared_ptr<const common::Clock> m_clock;
    QList<KeySource> m_sources;
    QNetworkAccessManager *m_manager = nullptr;
    QHash<QString, QPointer<keysource::JwksFetcher>> m_fetchers;
};

} // namespace jwb::workspace
