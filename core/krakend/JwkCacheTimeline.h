#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::krakend {

class ValidatorConfig;

/// The settings of a jwk_url validator that decide when KrakenD downloads the JWK Set (docs/krakend-jwt.md §1 and
/// §6): `cache`, `cache_duration` (0 means 900 s), the service-level `shared_cache_duration` (its presence turns
/// the shared cache on; 0 means 900 s) and `failed_jwk_key_cooldown` (below 1 s or unparsable: off).
struct JwkCacheSettings
{
    bool cache = false;
    qint64 cacheDurationMs = 900000;
    std::optional<qint64> sharedCacheDurationMs; ///< nullopt: no service-level auth/validator block
    qint64 cooldownMs = 0; ///< 0: no cooldown

    /// What KrakenD uses for this block (the effective values, defaults applied).
    [[nodiscard]] static JwkCacheSettings fromConfig(const ValidatorConfig &config);
};

/// From `atMs` on, the identity provider's JWK Set holds these key ids (a rotation is a new publication).
struct JwkPublication
{
    qint64 atMs = 0;
    QStringList kids;
};

/// A request whose token names `kid`, at `atMs` (milliseconds after KrakenD started).
struct JwkRequest
{
    qint64 atMs = 0;
    QString kid;
};

/// Why KrakenD downloads the set.
enum class JwkFetchReason {
    WarmUp, ///< cache on: once per URL at start-up
    NoCache, ///< cache off: every key lookup downloads (two per request)
    UnknownKid, ///< cache on: the kid is in no cache (never seen, or its entry expired)
};

struct JwkFetch
{
    qint64 atMs = 0;
    JwkFetchReason reason = JwkFetchReason::WarmUp;
    QString kid; ///< the kid that caused it (empty for the warm-up)
    QStringList got; ///< the kids the set held then
};

struct JwkRequestOutcome
{
    qint64 atMs = 0;
    QString kid;
    bool found = false; ///< false: 401 "no Keys have been found"
    int fetches = 0; ///< downloads this request caused
    QString detail; ///< one sentence: where the key came from, or why it was not found
};

/// When a kid published at some time is first accepted (nullopt: no request accepted it in the timeline).
struct JwkVisibility
{
    QString kid;
    qint64 publishedMs = 0;
    std::optional<qint64> firstAcceptedMs;
    int rejectedAfterPublication = 0; ///< requests for it refused after it was published (cooldown, stale cache)
};

/// KrakenD's JWK cache over time, for one jwk_url endpoint: when it fetches, when a rotated kid becomes visible,
/// how an unknown kid triggers a refetch and how the cooldown holds refetches back.
///
/// The model (docs/krakend-jwt.md §1, §3a step 7, §6; where the spec is silent, issue #18):
/// - cache off: each request makes two key lookups, each a download; the key is found when the set published at
///   that time holds it.
/// - cache on: a warm-up download at start-up (time 0) stores every key of the set, each entry valid for
///   cache_duration from when it was stored. A lookup of a kid with a live entry needs no download; a kid without
///   one (never seen, or expired) triggers an immediate download that stores the whole set again. A key removed
///   from the set stays usable until its entry expires. The request's second lookup then hits the cache.
/// - shared_cache_duration: a second-level cache shared by every cache:true endpoint, filled by the same
///   downloads, keyed by kid only (not by URL); an endpoint-cache miss is answered from it while its entry lives.
/// - failed_jwk_key_cooldown: after a lookup of a kid fails, lookups of that kid fail at once, without a download,
///   until the cooldown has passed since the failure.
class JwkCacheTimeline
{
public:
    /// Runs the timeline: publications and requests in time order (they are sorted here).
    [[nodiscard]] static JwkCacheTimeline simulate(
        const JwkCacheSettings &settings, QList<JwkPublication> publications, QList<JwkRequest> requests);

    [[nodiscard]] const QList<JwkFetch> &fetches() const { return m_fetches; }
    [[nodiscard]] const QList<JwkRequestOutcome> &requests() const { return m_requests; }
    [[nodiscard]] const QList<JwkVisibility> &visibility() const { return m_visibility; }

    /// "warm-up", "no cache", "unknown kid".
    [[nodiscard]] static QString reasonName(JwkFetchReason reason);
    /// {"fetches": [{"at_ms", "reason", "kid", "got"}], "requests": [{"at_ms", "kid", "found", "fetches",
    /// "detail"}], "visibility": [{"kid", "published_ms", "first_accepted_ms" (or null),
    /// "rejected_after_publication"}]}
    [[nodiscard]] QJsonObject toJson() const;

private:
    QList<JwkFetch> m_fetches;
    QList<JwkRequestOutcome> m_requests;
    QList<JwkVisibility> m_visibility;
};

} // namespace jwb::krakend
