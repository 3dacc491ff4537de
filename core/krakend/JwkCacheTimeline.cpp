#include "krakend/JwkCacheTimeline.h"

#include "krakend/ValidatorConfig.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace jwb::krakend {

namespace {

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}

/// One run over the events: the caches, the failures and what the identity provider publishes.
class Run
{
public:
    Run(const JwkCacheSettings &settings, QList<JwkPublication> publications)
        : m_settings(settings), m_publications(std::move(publications))
    { }

    void warmUp()
    {
        if (m_settings.cache)
            fetch(0, JwkFetchReason::WarmUp, QString());
    }

    JwkRequestOutcome request(const JwkRequest &r)
    {
        JwkRequestOutcome out {r.atMs, r.kid, false, 0, QString()};
        const qsizetype before = m_fetches.size();
        if (!m_settings.cache) {
            // Every lookup downloads; the second lookup (the claims) only happens once the first found the key.
            out.found = fetch(r.atMs, JwkFetchReason::NoCache, r.kid).contains(r.kid);
            if (out.found)
                fetch(r.atMs, JwkFetchReason::NoCache, r.kid);
            out.detail = out.found ? QStringLiteral("no cache: downloaded for both key lookups")
                                   : QStringLiteral("no cache: downloaded; the set does not hold it");
        } else {
            out.found = lookup(r.atMs, r.kid, &out.detail);
        }
        out.fetches = static_cast<int>(m_fetches.size() - before);
        return out;
    }

    QList<JwkFetch> m_fetches;

private:
    [[nodiscard]] QStringList publishedAt(qint64 atMs) const
    {
        QStringList kids;
        for (const auto &p : m_publications)
            if (p.atMs <= atMs)
                kids = p.kids;
        return kids;
    }

    QStringList fetch(qint64 atMs, JwkFetchReason reason, const QString &kid)
    {
        const QStringList got = publishedAt(atMs);
        m_fetches.append(JwkFetch {atMs, reason, kid, got});
        if (m_settings.cache)
            for (const QString &k : got) {
                m_endpoint.insert(k, atMs);
                if (m_settings.sharedCacheDurationMs)
                    m_shared.insert(k, atMs);
            }
        return got;
    }

    bool lookup(qint64 atMs, const QString &kid, QString *detail)
    {
        if (const auto it = m_endpoint.constFind(kid);
            it != m_endpoint.constEnd() && atMs < *it + m_settings.cacheDurationMs) {
            *detail = QStringLiteral("endpoint cache: stored at %1, valid until %2")
                          .arg(seconds(*it), seconds(*it + m_settings.cacheDurationMs));
            return true;
        }
        if (m_settings.sharedCacheDurationMs)
            if (const auto it = m_shared.constFind(kid);
                it != m_shared.constEnd() && atMs < *it + *m_settings.sharedCacheDurationMs) {
                *detail = QStringLiteral("shared cache: stored at %1, valid until %2")
                              .arg(seconds(*it), seconds(*it + *m_settings.sharedCacheDurationMs));
                return true;
            }
        if (m_settings.cooldownMs > 0)
            if (const auto it = m_failures.constFind(kid);
                it != m_failures.constEnd() && atMs < *it + m_settings.cooldownMs) {
                *detail = QStringLiteral("cooldown: the lookup failed at %1, so it fails without a download until %2")
                              .arg(seconds(*it), seconds(*it + m_settings.cooldownMs));
                return false;
            }
        const bool expired = m_endpoint.contains(kid);
        if (fetch(atMs, JwkFetchReason::UnknownKid, kid).contains(kid)) {
            *detail = expired ? QStringLiteral("its cache entry expired: downloaded again")
                              : QStringLiteral("not cached: downloaded at once");
            return true;
        }
        m_failures.insert(kid, atMs);
        *detail = QStringLiteral("not cached, downloaded: the set does not hold it")
            + (m_settings.cooldownMs > 0 ? QStringLiteral("; no new download for it until %1 (failed_jwk_key_cooldown)")
                                               .arg(seconds(atMs + m_settings.cooldownMs))
                                         : QString());
        return false;
    }

    const JwkCacheSettings &m_settings;
    QList<JwkPublication> m_publications;
    QHash<QString, qint64> m_endpoint;
    QHash<QString, qint64> m_shared;
    QHash<QString, qint64> m_failures;
};

} // namespace

JwkCacheSettings JwkCacheSettings::fromConfig(const ValidatorConfig &config)
{
    JwkCacheSettings s;
    s.cache = config.cache();
    s.cacheDurationMs = qint64(config.effectiveCacheDurationSeconds()) * 1000;
    if (!config.serviceSource().isEmpty())
        s.sharedCacheDurationMs = qint64(config.effectiveSharedCacheDurationSeconds()) * 1000;
    s.cooldownMs = config.effectiveFailedKeyCooldownNanos() / 1000000;
    return s;
}

JwkCacheTimeline JwkCacheTimeline::simulate(
    const JwkCacheSettings &settings, QList<JwkPublication> publications, QList<JwkRequest> requests)
{
    std::stable_sort(publications.begin(), publications.end(),
        [](const JwkPublication &a, const JwkPublication &b) { return a.atMs < b.atMs; });
    std::stable_sort(
        requests.begin(), requests.end(), [](const JwkRequest &a, const JwkRequest &b) { return a.atMs < b.atMs; });
    JwkCacheTimeline t;
    QStringList previous;
    for (const auto &p : std::as_const(publications)) {
        for (const QString &kid : p.kids)
            if (!previous.contains(kid))
                t.m_visibility.append(JwkVisibility {kid, p.atMs, std::nullopt, 0});
        previous = p.kids;
    }
    Run run(settings, publications);
    run.warmUp();
    for (const auto &r : std::as_const(requests)) {
        const JwkRequestOutcome outcome = run.request(r);
        t.m_requests.append(outcome);
        for (auto &v : t.m_visibility) {
            if (v.kid != r.kid || r.atMs < v.publishedMs || v.firstAcceptedMs)
                continue;
            if (outcome.found)
                v.firstAcceptedMs = r.atMs;
            else
                ++v.rejectedAfterPublication;
        }
    }
    t.m_fetches = run.m_fetches;
    return t;
}

QString JwkCacheTimeline::reasonName(JwkFetchReason reason)
{
    switch (reason) {
    case JwkFetchReason::WarmUp:
        return QStringLiteral("warm-up");
    case JwkFetchReason::NoCache:
        return QStringLiteral("no cache");
    case JwkFetchReason::UnknownKid:
        return QStringLiteral("unknown kid");
    }
    return {};
}

QJsonObject JwkCacheTimeline::toJson() const
{
    QJsonArray fetches;
    for (const auto &f : m_fetches)
        fetches.append(QJsonObject {{QStringLiteral("at_ms"), f.atMs}, {QStringLiteral("reason"), reasonName(f.reason)},
            {QStringLiteral("kid"), f.kid}, {QStringLiteral("got"), QJsonArray::fromStringList(f.got)}});
    QJsonArray requests;
    for (const auto &r : m_requests)
        requests.append(QJsonObject {{QStringLiteral("at_ms"), r.atMs}, {QStringLiteral("kid"), r.kid},
            {QStringLiteral("found"), r.found}, {QStringLiteral("fetches"), r.fetches},
            {QStringLiteral("detail"), r.detail}});
    QJsonArray visibility;
    for (const auto &v : m_visibility)
        visibility.append(QJsonObject {{QStringLiteral("kid"), v.kid}, {QStringLiteral("published_ms"), v.publishedMs},
            {QStringLiteral("first_accepted_ms"), v.firstAcceptedMs ? QJsonValue(*v.firstAcceptedMs) : QJsonValue()},
            {QStringLiteral("rejected_after_publication"), v.rejectedAfterPublication}});
    return QJsonObject {{QStringLiteral("fetches"), fetches}, {QStringLiteral("requests"), requests},
        {QStringLiteral("visibility"), visibility}};
}

} // namespace jwb::krakend
