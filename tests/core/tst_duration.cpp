// Duration: Go's time.ParseDuration as KrakenD uses it, the stricter KrakenD schema pattern, human forms of
// durations, and the `--at` instant syntax.
#include "common/Duration.h"

#include <QTest>

namespace Duration = jwb::common::Duration;

namespace {
constexpr qint64 kSecond = 1000000000LL;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
} // namespace

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseNanos_data();
    void parseNanos();
    void parseNanosErrors_data();
    void parseNanosErrors();
    void parseSeconds_data();
    void parseSeconds();
    void singleUnit_data();
    void singleUnit();
    void humanize_data();
    void humanize();
    void relative_data();
    void relative();
    void parseInstant_data();
    void parseInstant();
    void parseInstantErrors_data();
    void parseInstantErrors();
};

void TestDuration::parseNanos_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("nanos");
    // Values as Go's time.ParseDuration returns them.
    QTest::newRow("30s") << QStringLiteral("30s") << 30 * kSecond;
    QTest::newRow("5m") << QStringLiteral("5m") << 5 * kMinute;
    QTest::newRow("1h") << QStringLiteral("1h") << kHour;
    QTest::newRow("1m30s") << QStringLiteral("1m30s") << 90 * kSecond;
    QTest::newRow("1.5h") << QStringLiteral("1.5h") << 90 * kMinute;
    QTest::newRow("300ms") << QStringLiteral("300ms") << 300 * 1000000LL;
    QTest::newRow("-1s") << QStringLiteral("-1s") << -kSecond;
    QTest::newRow("+1s") << QStringLiteral("+1s") << kSecond;
    QTest::newRow("0") << QStringLiteral("0") << qint64 {0};
    QTest::newRow("-0") << QStringLiteral("-0") << qint64 {0};
    QTest::newRow("0s") << QStringLiteral("0s") << qint64 {0};
    QTest::newRow("1ns") << QStringLiteral("1ns") << qint64 {1};
    QTest::newRow("2us") << QStringLiteral("2us") << qint64 {2000};
    QTest::newRow("2 micro sign s") << QStringLiteral("2\u00b5s") << qint64 {2000};
    QTest::newRow("2 greek mu s") << QStringLiteral("2\u03bcs") << qint64 {2000};
    QTest::newRow("every unit") << QStringLiteral("1h2m3s4ms5us6ns")
                                << kHour + 2 * kMinute + 3 * kSecond + 4000000 + 5000 + 6;
    QTest::newRow("repeated unit adds") << QStringLiteral("1s1s") << 2 * kSecond;
    QTest::newRow("-1h30m negates the sum") << QStringLiteral("-1h30m") << -(kHour + 30 * kMinute);
    QTest::newRow(".5s") << QStringLiteral(".5s") << kSecond / 2;
    QTest::newRow("1.s") << QStringLiteral("1.s") << kSecond;
    // Decimal fractions that binary floating point cannot hold exactly: Go computes them digit by digit.
    QTest::newRow("0.3s") << QStringLiteral("0.3s") << qint64 {300000000};
    QTest::newRow("0.7s") << QStringLiteral("0.7s") << qint64 {700000000};
    QTest::newRow("2.3h") << QStringLiteral("2.3h") << 2 * kHour + 18 * kMinute;
    QTest::newRow("1.0000000001s truncates") << QStringLiteral("1.0000000001s") << kSecond;
    QTest::newRow("1.5ns truncates") << QStringLiteral("1.5ns") << qint64 {1};
    QTest::newRow("max") << QStringLiteral("9223372036854775807ns") << std::numeric_limits<qint64>::max();
    QTest::newRow("2562047h") << QStringLiteral("2562047h") << 2562047 * kHour;
}

void TestDuration::parseNanos()
{
    QFETCH(QString, text);
    QFETCH(qint64, nanos);
    const auto result = Duration::parseNanos(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result.value(), nanos);
}

void TestDuration::parseNanosErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty");
    QTest::newRow("number without unit") << QStringLiteral("1") << QStringLiteral("missing unit");
    QTest::newRow("1.5 without unit") << QStringLiteral("1.5") << QStringLiteral("missing unit");
    QTest::newRow("1m30 last part without unit") << QStringLiteral("1m30") << QStringLiteral("missing unit");
    QTest::newRow("days") << QStringLiteral("1d") << QStringLiteral("unknown unit \"d\"");
    QTest::newRow("weeks") << QStringLiteral("2w") << QStringLiteral("unknown unit");
    QTest::newRow("unit name") << QStringLiteral("1sec") << QStringLiteral("unknown unit");
    QTest::newRow("upper case unit") << QStringLiteral("1S") << QStringLiteral("unknown unit");
    QTest::newRow("unit only") << QStringLiteral("s") << QStringLiteral("number");
    QTest::newRow("sign only") << QStringLiteral("-") << QStringLiteral("number");
    QTest::newRow("dot only") << QStringLiteral(".s") << QStringLiteral("number");
    QTest::newRow("two signs") << QStringLiteral("--1s") << QStringLiteral("number");
    QTest::newRow("inner space") << QStringLiteral("1 s") << QStringLiteral("unknown unit");
    QTest::newRow("exponent") << QStringLiteral("1e3s") << QStringLiteral("unknown unit");
    QTest::newRow("two dots") << QStringLiteral("1.2.3s") << QStringLiteral("number");
    QTest::newRow("overflow") << QStringLiteral("2562048h") << QStringLiteral("range");
    QTest::newRow("overflow digits") << QStringLiteral("9223372036854775808ns") << QStringLiteral("range");
    QTest::newRow("overflow sum") << QStringLiteral("2562047h60m") << QStringLiteral("range");
}

void TestDuration::parseNanosErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto result = Duration::parseNanos(text);
    QVERIFY2(!result.ok(), qPrintable(QStringLiteral("accepted, gave %1").arg(result.ok() ? result.value() : 0)));
    QCOMPARE(result.error().code, QStringLiteral("invalid_duration"));
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
    const auto seconds = Duration::parseSeconds(text);
    QVERIFY(!seconds.ok());
    QCOMPARE(seconds.error().code, QStringLiteral("invalid_duration"));
}

void TestDuration::parseSeconds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("30s") << QStringLiteral("30s") << qint64 {30};
    QTest::newRow("1h") << QStringLiteral("1h") << qint64 {3600};
    QTest::newRow("1m30s") << QStringLiteral("1m30s") << qint64 {90};
    QTest::newRow("1500ms truncates") << QStringLiteral("1500ms") << qint64 {1};
    QTest::newRow("-1500ms truncates toward zero") << QStringLiteral("-1500ms") << qint64 {-1};
    QTest::newRow("999ms") << QStringLiteral("999ms") << qint64 {0};
    QTest::newRow("0") << QStringLiteral("0") << qint64 {0};
}

void TestDuration::parseSeconds()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto result = Duration::parseSeconds(text);
    QVERIFY(result.ok());
    QCOMPARE(result.value(), seconds);
}

void TestDuration::singleUnit_data()
{
    // KrakenD's schema pattern for durations: ^[0-9]+(ns|ms|us|µs|s|m|h)$
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("30s") << QStringLiteral("30s") << true;
    QTest::newRow("5m") << QStringLiteral("5m") << true;
    QTest::newRow("1h") << QStringLiteral("1h") << true;
    QTest::newRow("300ms") << QStringLiteral("300ms") << true;
    QTest::newRow("10ns") << QStringLiteral("10ns") << true;
    QTest::newRow("10us") << QStringLiteral("10us") << true;
    QTest::newRow("10 micro sign s") << QStringLiteral("10\u00b5s") << true;
    QTest::newRow("0s") << QStringLiteral("0s") << true;
    QTest::newRow("1m30s") << QStringLiteral("1m30s") << false;
    QTest::newRow("1.5h") << QStringLiteral("1.5h") << false;
    QTest::newRow("-1s") << QStringLiteral("-1s") << false;
    QTest::newRow("+1s") << QStringLiteral("+1s") << false;
    QTest::newRow("0") << QStringLiteral("0") << false;
    QTest::newRow("1") << QStringLiteral("1") << false;
    QTest::newRow("1d") << QStringLiteral("1d") << false;
    QTest::newRow("s") << QStringLiteral("s") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("1 s") << false;
    QTest::newRow("trailing space") << QStringLiteral("1s ") << false;
    QTest::newRow("greek mu is not in the schema") << QStringLiteral("10\u03bcs") << false;
}

void TestDuration::singleUnit()
{
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(Duration::isSingleUnitDuration(text), matches);
}

void TestDuration::humanize_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64 {0} << QStringLiteral("0 s");
    QTest::newRow("45") << qint64 {45} << QStringLiteral("45 s");
    QTest::newRow("59") << qint64 {59} << QStringLiteral("59 s");
    QTest::newRow("60") << qint64 {60} << QStringLiteral("1 min");
    QTest::newRow("90") << qint64 {90} << QStringLiteral("1 min 30 s");
    QTest::newRow("3599") << qint64 {3599} << QStringLiteral("59 min 59 s");
    QTest::newRow("3600") << qint64 {3600} << QStringLiteral("1 h");
    QTest::newRow("3900") << qint64 {3900} << QStringLiteral("1 h 5 min");
    QTest::newRow("3930 drops seconds") << qint64 {3930} << QStringLiteral("1 h 5 min");
    QTest::newRow("47 h") << qint64 {47 * 3600} << QStringLiteral("47 h");
    QTest::newRow("48 h") << qint64 {48 * 3600} << QStringLiteral("2 days");
    QTest::newRow("2 days 3 h") << qint64 {51 * 3600} << QStringLiteral("2 days 3 h");
    QTest::newRow("729 days") << qint64 {729LL * 86400} << QStringLiteral("729 days");
    QTest::newRow("730 days") << qint64 {730LL * 86400} << QStringLiteral("2 years");
    QTest::newRow("negative uses magnitude") << qint64 {-90} << QStringLiteral("1 min 30 s");
}

void TestDuration::humanize()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Duration::humanize(seconds), text);
}

void TestDuration::relative_data()
{
    QTest::addColumn<qint64>("instant");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("text");
    const qint64 now = 1700000000;
    QTest::newRow("same instant") << now << now << QStringLiteral("now");
    QTest::newRow("future") << now + 300 << now << QStringLiteral("in 5 min");
    QTest::newRow("past") << now - 300 << now << QStringLiteral("5 min ago");
    QTest::newRow("one second ahead") << now + 1 << now << QStringLiteral("in 1 s");
    QTest::newRow("three hours ago") << now - 3 * 3600 << now << QStringLiteral("3 h ago");
    QTest::newRow("years ago") << qint64 {1300819380} << now << QStringLiteral("12 years ago");
}

void TestDuration::relative()
{
    QFETCH(qint64, instant);
    QFETCH(qint64, now);
    QFETCH(QString, text);
    QCOMPARE(Duration::relative(instant, now), text);
}

void TestDuration::parseInstant_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs");
    const qint64 y2030 = 1893456000LL * 1000;
    QTest::newRow("Z") << QStringLiteral("2030-01-01T00:00:00Z") << y2030;
    QTest::newRow("lower case t and z") << QStringLiteral("2030-01-01t00:00:00z") << y2030;
    QTest::newRow("space separator") << QStringLiteral("2030-01-01 00:00:00Z") << y2030;
    QTest::newRow("+01:00") << QStringLiteral("2030-01-01T01:00:00+01:00") << y2030;
    QTest::newRow("-05:00") << QStringLiteral("2029-12-31T19:00:00-05:00") << y2030;
    QTest::newRow("+05:30") << QStringLiteral("2030-01-01T05:30:00+05:30") << y2030;
    QTest::newRow("+00:00") << QStringLiteral("2030-01-01T00:00:00+00:00") << y2030;
    QTest::newRow("fraction") << QStringLiteral("2030-01-01T00:00:00.250Z") << y2030 + 250;
    QTest::newRow("surrounding spaces") << QStringLiteral(" 2030-01-01T00:00:00Z ") << y2030;
    QTest::newRow("RFC 7515 A.1 exp") << QStringLiteral("2011-03-22T18:43:00Z") << 1300819380LL * 1000;
    QTest::newRow("unix seconds") << QStringLiteral("1300819380") << 1300819380LL * 1000;
    QTest::newRow("unix 0") << QStringLiteral("0") << qint64 {0};
    QTest::newRow("unix negative") << QStringLiteral("-1") << qint64 {-1000};
    QTest::newRow("unix 2030") << QStringLiteral("1893456000") << y2030;
    QTest::newRow("unix milliseconds (13 digits)") << QStringLiteral("1893456000250") << y2030 + 250;
    QTest::newRow("unix milliseconds, negative") << QStringLiteral("-1000000000000") << qint64 {-1000000000000};
}

void TestDuration::parseInstant()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    const auto result = Duration::parseInstant(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QVERIFY(result.value().isValid());
    QCOMPARE(result.value().toMSecsSinceEpoch(), msecs);
    QCOMPARE(result.value().timeSpec(), Qt::UTC);
}

void TestDuration::parseInstantErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << QStringLiteral("tomorrow");
    QTest::newRow("date only") << QStringLiteral("2030-01-01");
    QTest::newRow("no zone") << QStringLiteral("2030-01-01T00:00:00");
    QTest::newRow("no seconds") << QStringLiteral("2030-01-01T00:00Z");
    QTest::newRow("month 13") << QStringLiteral("2030-13-01T00:00:00Z");
    QTest::newRow("February 30") << QStringLiteral("2030-02-30T00:00:00Z");
    QTest::newRow("hour 25") << QStringLiteral("2030-01-01T25:00:00Z");
    QTest::newRow("offset without colon") << QStringLiteral("2030-01-01T00:00:00+0100");
    QTest::newRow("exponent") << QStringLiteral("1e9");
    QTest::newRow("fractional unix") << QStringLiteral("1300819380.5");
    QTest::newRow("duration") << QStringLiteral("1h");
    QTest::newRow("17 digits") << QStringLiteral("18934560002500000");
}

void TestDuration::parseInstantErrors()
{
    QFETCH(QString, text);
    const auto result = Duration::parseInstant(text);
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? result.value().toString(Qt::ISODate) : QString()));
    QCOMPARE(result.error().code, QStringLiteral("invalid_time"));
    QVERIFY(result.error().message.contains(QStringLiteral("RFC 3339")));
}

QTEST_APPLESS_MAIN(TestDuration)
#include "tst_duration.moc"
