// JwkCacheTimeline (issue #18 item 6): when KrakenD downloads a jwk_url key set, when a rotated kid becomes visible,
// how an unknown kid triggers a refetch and how failed_jwk_key_cooldown holds refetches back (docs/krakend-jwt.md
// §1, §3a, §6).
#include "krakend/JwkCacheTimeline.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace jwb;
using krakend::JwkCacheSettings;
using krakend::JwkCacheTimeline;
using krakend::JwkFetchReason;
using krakend::JwkPublication;
using krakend::JwkRequest;

namespace {
constexpr qint64 kS = 1000;

JwkCacheSettings cached(qint64 durationS = 900, qint64 cooldownS = 0)
{
    JwkCacheSettings s;
    s.cache = true;
    s.cacheDurationMs = durationS * kS;
    s.cooldownMs = cooldownS * kS;
    return s;
}

QList<int> fetchesPerRequest(const JwkCacheTimeline &t)
{
    QList<int> out;
    for (const auto &r : t.requests())
        out << r.fetches;
    return out;
}

QList<bool> found(const JwkCacheTimeline &t)
{
    QList<bool> out;
    for (const auto &r : t.requests())
        out << r.found;
    return out;
}
} // namespace

class TestJwkCacheTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutCacheEveryLookupDownloads()
    {
        const auto t = JwkCacheTimeline::simulate(JwkCacheSettings(), {{0, {QStringLiteral("k1")}}},
            {{1 * kS, QStringLiteral("k1")}, {2 * kS, QStringLiteral("x")}});
        // Found: both lookups download; not found: the request stops after the first.
        QCOMPARE(fetchesPerRequest(t), (QList<int> {2, 1}));
        QCOMPARE(found(t), (QList<bool> {true, false}));
        QCOMPARE(t.fetches().size(), 3);
        QCOMPARE(t.fetches().first().reason, JwkFetchReason::NoCache);
    }

    void cacheWarmsUpAndExpires()
    {
        const auto t = JwkCacheTimeline::simulate(cached(900), {{0, {QStringLiteral("k1")}}},
            {{1 * kS, QStringLiteral("k1")}, {899 * kS, QStringLiteral("k1")}, {900 * kS, QStringLiteral("k1")},
                {901 * kS, QStringLiteral("k1")}});
        QCOMPARE(t.fetches().first().reason, JwkFetchReason::WarmUp);
        QCOMPARE(t.fetches().first().atMs, qint64(0));
        // Valid while now < stored + cache_duration: at 900 s the entry stored at 0 is gone.
        QCOMPARE(fetchesPerRequest(t), (QList<int> {0, 0, 1, 0}));
        QCOMPARE(found(t), (QList<bool> {true, true, true, true}));
        QCOMPARE(t.requests()[2].detail, QStringLiteral("its cache entry expired: downloaded again"));
    }

    void rotatedKidAndCooldown()
    {
        // The identity provider signs with k2 before it publishes it at 100 s. The early token fails and starts the
        // cooldown (300 s): after the publication k2 still gets 401 without a download until 350 s.
        const auto t = JwkCacheTimeline::simulate(cached(900, 300),
            {{0, {QStringLiteral("k1")}}, {100 * kS, {QStringLiteral("k1"), QStringLiteral("k2")}}},
            {{50 * kS, QStringLiteral("k2")}, {120 * kS, QStringLiteral("k2")}, {349 * kS, QStringLiteral("k2")},
                {350 * kS, QStringLiteral("k2")}, {351 * kS, QStringLiteral("k2")}});
        QCOMPARE(found(t), (QList<bool> {false, false, false, true, true}));
        QCOMPARE(fetchesPerRequest(t), (QList<int> {1, 0, 0, 1, 0}));
        QCOMPARE(t.requests()[1].detail,
            QStringLiteral("cooldown: the lookup failed at 50 s, so it fails without a download until 350 s"));
        QCOMPARE(t.visibility().size(), 2);
        QCOMPARE(t.visibility()[1].kid, QStringLiteral("k2"));
        QCOMPARE(t.visibility()[1].publishedMs, 100 * kS);
        QCOMPARE(t.visibility()[1].firstAcceptedMs, std::optional<qint64>(350 * kS));
        QCOMPARE(t.visibility()[1].rejectedAfterPublication, 2);
    }

    void rotatedKidWithoutCooldownIsVisibleAtOnce()
    {
        const auto t
            = JwkCacheTimeline::simulate(cached(), {{0, {QStringLiteral("k1")}}, {100 * kS, {QStringLiteral("k2")}}},
                {{50 * kS, QStringLiteral("k2")}, {101 * kS, QStringLiteral("k2")}});
        QCOMPARE(found(t), (QList<bool> {false, true}));
        QCOMPARE(fetchesPerRequest(t), (QList<int> {1, 1}));
        QCOMPARE(t.fetches()[2].reason, JwkFetchReason::UnknownKid);
        QCOMPARE(t.fetches()[2].got, QStringList {QStringLiteral("k2")});
    }

    void removedKeyStaysUntilItsEntryExpires()
    {
        const auto t
            = JwkCacheTimeline::simulate(cached(900), {{0, {QStringLiteral("k1")}}, {100 * kS, {QStringLiteral("k2")}}},
                {{500 * kS, QStringLiteral("k1")}, {950 * kS, QStringLiteral("k1")}});
        QCOMPARE(found(t), (QList<bool> {true, false}));
    }

    void sharedCacheAnswersAfterTheEndpointEntryExpired()
    {
        JwkCacheSettings s = cached(1);
        s.sharedCacheDurationMs = 3 * kS;
        const auto t = JwkCacheTimeline::simulate(
            s, {{0, {QStringLiteral("k1")}}}, {{2 * kS, QStringLiteral("k1")}, {4 * kS, QStringLiteral("k1")}});
        QCOMPARE(fetchesPerRequest(t), (QList<int> {0, 1}));
        QCOMPARE(t.requests()[0].detail, QStringLiteral("shared cache: stored at 0 s, valid until 3 s"));
    }

    void settingsFromConfig_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<QByteArray>("service");
        QTest::addColumn<bool>("cache");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<qint64>("sharedMs"); ///< -1: no shared cache
        QTest::addColumn<qint64>("cooldownMs");
        QTest::newRow("defaults") << QByteArray("{}") << QByteArray() << false << qint64(900000) << qint64(-1)
                                  << qint64(0);
        QTest::newRow("cache_duration 0 means 900 s")
            << QByteArray(R"({"cache": true, "cache_duration": 0})") << QByteArray() << true << qint64(900000)
            << qint64(-1) << qint64(0);
        QTest::newRow("cache_duration 60, cooldown 1m")
            << QByteArray(R"({"cache": true, "cache_duration": 60, "failed_jwk_key_cooldown": "1m"})") << QByteArray()
            << true << qint64(60000) << qint64(-1) << qint64(60000);
        QTest::newRow("cooldown below 1s is off") << QByteArray(R"({"failed_jwk_key_cooldown": "500ms"})")
                                                  << QByteArray() << false << qint64(900000) << qint64(-1) << qint64(0);
        QTest::newRow("shared_cache_duration 0 means 900 s")
            << QByteArray(R"({"cache": true})") << QByteArray(R"({"shared_cache_duration": 0})") << true
            << qint64(900000) << qint64(900000) << qint64(0);
        QTest::newRow("shared_cache_duration 3")
            << QByteArray(R"({"cache": true})") << QByteArray(R"({"shared_cache_duration": 3})") << true
            << qint64(900000) << qint64(3000) << qint64(0);
    }

    void settingsFromConfig()
    {
        QFETCH(QByteArray, block);
        QFETCH(QByteArray, service);
        QFETCH(bool, cache);
        QFETCH(qint64, durationMs);
        QFETCH(qint64, sharedMs);
        QFETCH(qint64, cooldownMs);
        auto cfg = krakend::ValidatorConfig::fromJson(QJsonDocument::fromJson(block).object());
        if (!service.isEmpty())
            cfg.setServiceBlock(QJsonDocument::fromJson(service).object());
        const auto s = JwkCacheSettings::fromConfig(cfg);
        QCOMPARE(s.cache, cache);
        QCOMPARE(s.cacheDurationMs, durationMs);
        QCOMPARE(s.sharedCacheDurationMs.value_or(-1), sharedMs);
        QCOMPARE(s.cooldownMs, cooldownMs);
    }

    void jsonBytes()
    {
        const auto t = JwkCacheTimeline::simulate(cached(60, 30), {{0, {QStringLiteral("a")}}},
            {{1 * kS, QStringLiteral("b")}, {2 * kS, QStringLiteral("b")}});
        QCOMPARE(QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact),
            QByteArray(
                R"j({"fetches":[{"at_ms":0,"got":["a"],"kid":"","reason":"warm-up"},)j"
                R"j({"at_ms":1000,"got":["a"],"kid":"b","reason":"unknown kid"}],)j"
                R"j("requests":[{"at_ms":1000,"detail":"not cached, downloaded: the set does not hold it; no new )j"
                R"j(download for it until 31 s (failed_jwk_key_cooldown)","fetches":1,"found":false,"kid":"b"},)j"
                R"j({"at_ms":2000,"detail":"cooldown: the lookup failed at 1 s, so it fails without a download )j"
                R"j(until 31 s","fetches":0,"found":false,"kid":"b"}],)j"
                R"j("visibility":[{"first_accepted_ms":null,"kid":"a","published_ms":0,)j"
                R"j("rejected_after_publication":0}]})j"));
    }
};

QTEST_GUILESS_MAIN(TestJwkCacheTimeline)
#include "tst_jwkcachetimeline.moc"
