// keysource::JwksCache with a FixedClock: KrakenD cache_duration semantics (entries live TTL seconds after they
// were stored, 0 means 900), per-URL entries, the rotation diff (added/removed kids) reported by every store, and
// the failed_jwk_key_cooldown limit on refetches for unknown kids.
#include "common/Clock.h"
#include "keys/JwkSet.h"
#include "keysource/JwksCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using jwb::keysource::JwksCache;

namespace {

const QDateTime kStart = QDateTime::fromSecsSinceEpoch(1893456000, Qt::UTC); // 2030-01-01T00:00:00Z

/// A JWK Set of oct keys with the given kids.
jwb::keys::JwkSet setOf(const QStringList &kids)
{
    QJsonArray keys;
    for (const QString &kid : kids)
        keys.append(QJsonObject {{u"kty"_s, u"oct"_s}, {u"kid"_s, kid},
            {u"k"_s,
                QString::fromLatin1(QByteArray("secret-for-" + kid.toUtf8())
                                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))}});
    auto set = jwb::keys::JwkSet::fromJsonObject(QJsonObject {{u"keys"_s, keys}});
    return set ? set.value() : jwb::keys::JwkSet {};
}

struct Fixture
{
    std::shared_ptr<jwb::common::FixedClock> clock = std::make_shared<jwb::common::FixedClock>(kStart);
    JwksCache cache {clock};
    void at(qint64 secondsAfterStart) { clock->setNow(kStart.addSecs(secondsAfterStart)); }
};

const QUrl kUrl(u"https://idp.example/jwks"_s);
const QUrl kOtherUrl(u"https://other.example/jwks"_s);

} // namespace

class JwksCacheTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixture();
    void ttlSetting_data();
    void ttlSetting();
    void expiry_data();
    void expiry();
    void storeRefreshesAndKeepsMaxAge();
    void perUrlAndInvalidate();
    void rotation_data();
    void rotation();
    void missCooldown_data();
    void missCooldown();
};

void JwksCacheTest::fixture()
{
    QCOMPARE(setOf({u"a"_s, u"b"_s}).kids(), (QStringList {u"a"_s, u"b"_s}));
}

void JwksCacheTest::ttlSetting_data()
{
    QTest::addColumn<qint64>("configured");
    QTest::addColumn<qint64>("effective");

    QTest::newRow("cache_duration 0 means 900") << qint64(0) << qint64(900);
    QTest::newRow("negative means 900") << qint64(-5) << qint64(900);
    QTest::newRow("60") << qint64(60) << qint64(60);
    QTest::newRow("one day") << qint64(86400) << qint64(86400);
}

void JwksCacheTest::ttlSetting()
{
    QFETCH(qint64, configured);
    QFETCH(qint64, effective);
    Fixture f;
    QCOMPARE(f.cache.ttl(), qint64(900)); // the default
    f.cache.setTtl(configured);
    QCOMPARE(f.cache.ttl(), effective);
}

// Stored at 0; is it still served `elapsed` seconds later?
void JwksCacheTest::expiry_data()
{
    QTest::addColumn<qint64>("ttl");
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<bool>("fresh");

    QTest::newRow("0 → 900: just stored") << qint64(0) << qint64(0) << true;
    QTest::newRow("0 → 900: 899 s") << qint64(0) << qint64(899) << true;
    QTest::newRow("0 → 900: 900 s") << qint64(0) << qint64(900) << false;
    QTest::newRow("0 → 900: 901 s") << qint64(0) << qint64(901) << false;
    QTest::newRow("60: 59 s") << qint64(60) << qint64(59) << true;
    QTest::newRow("60: 60 s") << qint64(60) << qint64(60) << false;
    QTest::newRow("60: an hour") << qint64(60) << qint64(3600) << false;
    QTest::newRow("3600: 61 s") << qint64(3600) << qint64(61) << true;
}

void JwksCacheTest::expiry()
{
    QFETCH(qint64, ttl);
    QFETCH(qint64, elapsed);
    QFETCH(bool, fresh);
    Fixture f;
    f.cache.setTtl(ttl);
    QVERIFY(!f.cache.get(kUrl));
    QVERIFY(!f.cache.secondsLeft(kUrl));
    f.cache.store(kUrl, setOf({u"k1"_s}));
    f.at(elapsed);
    const qint64 effective = ttl > 0 ? ttl : 900;
    QCOMPARE(f.cache.secondsLeft(kUrl).value_or(-99999), effective - elapsed);
    const auto entry = f.cache.get(kUrl);
    QCOMPARE(entry.has_value(), fresh);
    if (fresh) {
        QCOMPARE(entry->keys.kids(), QStringList {u"k1"_s});
        QCOMPARE(entry->storedAt, kStart.toSecsSinceEpoch());
    }
}

void JwksCacheTest::storeRefreshesAndKeepsMaxAge()
{
    Fixture f;
    f.cache.setTtl(100);
    f.cache.store(kUrl, setOf({u"k1"_s}), 300);
    QCOMPARE(f.cache.get(kUrl)->maxAge, qint64(300));
    f.at(150);
    QVERIFY(!f.cache.get(kUrl));
    // A refetch stores again: fresh for another TTL from now.
    f.cache.store(kUrl, setOf({u"k1"_s}));
    QCOMPARE(f.cache.get(kUrl)->maxAge, qint64(-1));
    QCOMPARE(f.cache.get(kUrl)->storedAt, kStart.toSecsSinceEpoch() + 150);
    f.at(249);
    QVERIFY(f.cache.get(kUrl));
    QCOMPARE(*f.cache.secondsLeft(kUrl), qint64(1));
    f.at(250);
    QVERIFY(!f.cache.get(kUrl));
}

void JwksCacheTest::perUrlAndInvalidate()
{
    Fixture f;
    f.cache.setTtl(100);
    f.cache.store(kUrl, setOf({u"a"_s}));
    f.at(50);
    f.cache.store(kOtherUrl, setOf({u"b"_s}));
    QCOMPARE(f.cache.get(kUrl)->keys.kids(), QStringList {u"a"_s});
    QCOMPARE(f.cache.get(kOtherUrl)->keys.kids(), QStringList {u"b"_s});
    f.at(120); // the first expired, the second not
    QVERIFY(!f.cache.get(kUrl));
    QVERIFY(f.cache.get(kOtherUrl));
    f.cache.invalidate(kOtherUrl);
    QVERIFY(!f.cache.get(kOtherUrl));
    QVERIFY(!f.cache.secondsLeft(kOtherUrl));
    // A store after invalidate is a first store: no rotation to report.
    QVERIFY(f.cache.store(kOtherUrl, setOf({u"c"_s})).isEmpty());
}

void JwksCacheTest::rotation_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("added");
    QTest::addColumn<QStringList>("removed");

    const QString a = u"a"_s, b = u"b"_s, c = u"c"_s, d = u"d"_s;
    QTest::newRow("unchanged") << QStringList {a, b} << QStringList {a, b} << QStringList {} << QStringList {};
    QTest::newRow("order only") << QStringList {a, b} << QStringList {b, a} << QStringList {} << QStringList {};
    QTest::newRow("new kid published") << QStringList {a} << QStringList {a, b} << QStringList {b} << QStringList {};
    QTest::newRow("old kid retired") << QStringList {a, b} << QStringList {b} << QStringList {} << QStringList {a};
    QTest::newRow("replaced") << QStringList {a, b} << QStringList {b, c} << QStringList {c} << QStringList {a};
    QTest::newRow("all replaced") << QStringList {a, b} << QStringList {c, d} << QStringList {c, d}
                                  << QStringList {a, b};
    QTest::newRow("duplicate kids counted once")
        << QStringList {a, a} << QStringList {c, c} << QStringList {c} << QStringList {a};
}

void JwksCacheTest::rotation()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, added);
    QFETCH(QStringList, removed);
    Fixture f;
    QVERIFY(f.cache.store(kUrl, setOf(before)).isEmpty()); // first store: nothing to compare with
    f.at(10);
    const auto r = f.cache.store(kUrl, setOf(after));
    QCOMPARE(r.added, added);
    QCOMPARE(r.removed, removed);
    QCOMPARE(r.isEmpty(), added.isEmpty() && removed.isEmpty());
    QCOMPARE(f.cache.get(kUrl)->keys.kids(), setOf(after).kids());
    // The free function agrees.
    const auto direct = jwb::keysource::diffKids(setOf(before), setOf(after));
    QCOMPARE(direct.added, added);
    QCOMPARE(direct.removed, removed);
    // Another cache's URL is not compared with this one.
    QVERIFY(f.cache.store(kOtherUrl, setOf(after)).isEmpty());
}

// allowRefetchForMiss for (url, kid) at the given seconds after the start, with a cooldown.
void JwksCacheTest::missCooldown_data()
{
    QTest::addColumn<qint64>("cooldown");
    QTest::addColumn<QList<qint64>>("times");
    QTest::addColumn<QStringList>("kids");
    QTest::addColumn<QList<bool>>("allowed");

    const QString x = u"x"_s, y = u"y"_s;
    QTest::newRow("no cooldown: always") << qint64(0) << QList<qint64> {0, 0, 1, 1} << QStringList {x, x, x, x}
                                         << QList<bool> {true, true, true, true};
    QTest::newRow("30 s: once, then after 30 s")
        << qint64(30) << QList<qint64> {0, 1, 29, 30, 31, 59, 60} << QStringList {x, x, x, x, x, x, x}
        << QList<bool> {true, false, false, true, false, false, true};
    QTest::newRow("30 s: per kid") << qint64(30) << QList<qint64> {0, 0, 5, 5} << QStringList {x, y, x, y}
                                   << QList<bool> {true, true, false, false};
}

void JwksCacheTest::missCooldown()
{
    QFETCH(qint64, cooldown);
    QFETCH(QList<qint64>, times);
    QFETCH(QStringList, kids);
    QFETCH(QList<bool>, allowed);
    Fixture f;
    f.cache.setCooldown(cooldown);
    for (qsizetype i = 0; i < times.size(); ++i) {
        f.at(times[i]);
        QVERIFY2(f.cache.allowRefetchForMiss(kUrl, kids[i]) == allowed[i],
            qPrintable(u"step %1: kid %2 at +%3 s"_s.arg(i).arg(kids[i]).arg(times[i])));
    }
    // Cooldowns are per URL.
    QVERIFY(f.cache.allowRefetchForMiss(kOtherUrl, kids.first()));
}

QTEST_GUILESS_MAIN(JwksCacheTest)
#include "tst_jwkscache.moc"
