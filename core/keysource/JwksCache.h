#pragma once

#include "common/Clock.h"
#include "keys/JwkSet.h"

#include <QHash>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace jwb::keysource {

/// What changed between two versions of a JWK Set (key rotation).
struct Rotation
{
    QStringList added;
    QStringList removed;
    [[nodiscard]] bool isEmpty() const { return added.isEmpty() && removed.isEmpty(); }
};

/// Per-URL cache of JWK Sets with KrakenD's semantics: entries live `ttl` seconds after they were stored
/// (cache_duration; 0 means 900), an unknown kid may trigger a refetch at most once per `cooldown`
/// (failed_jwk_key_cooldown; 0 disables the limit), and every store reports the rotation against the
/// previous set. Time comes from the injected clock.
class JwksCache
{
public:
    struct Entry
    {
        keys::JwkSet keys;
        qint64 storedAt = 0;
        qint64 maxAge = -1; ///< the server's Cache-Control max-age, shown to the user
    };

    explicit JwksCache(std::shared_ptr<const common::Clock> clock = common::Clock::system());

    void setTtl(qint64 seconds) { m_ttl = seconds > 0 ? seconds : 900; }
    void setCooldown(qint64 seconds) { m_cooldown = seconds; }
    [[nodiscard]] qint64 ttl() const { return m_ttl; }

    Rotation store(const QUrl &url, const keys::JwkSet &set, qint64 maxAge = -1);
    /// The cached set while it is fresh.
    [[nodiscard]] std::optional<Entry> get(const QUrl &url) const;
    /// Seconds until the entry expires (negative when expired, nullopt when absent).
    [[nodiscard]] std::optional<qint64> secondsLeft(const QUrl &url) const;
    void invalidate(const QUrl &url);
    /// Whether a miss for `kid` may trigger a download now; records the attempt when it may.
    bool allowRefetchForMiss(const QUrl &url, const QString &kid);

private:
    std::shared_ptr<const common::Clock> m_clock;
    qint64 m_ttl = 900;
    qint64 m_cooldown = 0;
    QHash<QString, Entry> m_entries;
    QHash<QString, qint64> m_lastMiss; ///< url + '\n' + kid → when a refetch was last allowed
};

[[nodiscard]] Rotation diffKids(const keys::JwkSet &before, const keys::JwkSet &after);

} // namespace jwb::keysource
