// GoTime: Go's time arithmetic as go-jose's claim validation does it, tested directly.
#include "krakend/go/GoTime.h"

#include <QTest>

#include <limits>

using namespace jwb::krakend;

class TestGoTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numericDateConversion();
    void unixAndAdd();
    void addSaturates();
    void fromDateTimeBefore1970();
    void texts();
};

void TestGoTime::numericDateConversion()
{
    QCOMPARE(GoTime::toInt64(1700000000.9), Q_INT64_C(1700000000)); // truncation
    QCOMPARE(GoTime::toInt64(-1.9), Q_INT64_C(-1));
    // amd64's CVTTSD2SQ: anything out of range, and NaN, becomes 0x8000000000000000.
    QCOMPARE(GoTime::toInt64(1e19), std::numeric_limits<qint64>::min());
    QCOMPARE(GoTime::toInt64(-1e19), std::numeric_limits<qint64>::min());
    QCOMPARE(GoTime::toInt64(std::numeric_limits<double>::quiet_NaN()), std::numeric_limits<qint64>::min());
}

void TestGoTime::unixAndAdd()
{
    const GoTime::Time t = GoTime::fromUnix(0);
    QCOMPARE(t.sec, Q_INT64_C(62135596800)); // seconds from year 1 to 1970
    QCOMPARE(t.nsec, Q_INT64_C(0));
    // Nanoseconds carry into seconds both ways.
    const GoTime::Time later = GoTime::add(GoTime::fromUnix(10, 900000000), 200000000);
    QCOMPARE(later.sec, GoTime::fromUnix(11).sec);
    QCOMPARE(later.nsec, Q_INT64_C(100000000));
    const GoTime::Time earlier = GoTime::add(GoTime::fromUnix(10, 100000000), -200000000);
    QCOMPARE(earlier.sec, GoTime::fromUnix(9).sec);
    QCOMPARE(earlier.nsec, Q_INT64_C(900000000));
    QVERIFY(GoTime::before(earlier, later));
    QVERIFY(!GoTime::before(later, earlier));
    QVERIFY(!GoTime::before(later, later));
    QVERIFY(GoTime::before(GoTime::fromUnix(5, 1), GoTime::fromUnix(5, 2)));
}

void TestGoTime::addSaturates()
{
    // Time.addSec saturates where the seconds would overflow (a huge exp plus leeway stays in the future).
    const GoTime::Time top
        = GoTime::add(GoTime::fromUnix(std::numeric_limits<qint64>::max() - 62135596800LL), 5 * GoTime::kNanos);
    QCOMPARE(top.sec, std::numeric_limits<qint64>::max());
    const GoTime::Time bottom
        = GoTime::add(GoTime::Time {std::numeric_limits<qint64>::min() + 1, 0}, -5 * GoTime::kNanos);
    QCOMPARE(bottom.sec, std::numeric_limits<qint64>::min());
}

void TestGoTime::fromDateTimeBefore1970()
{
    const GoTime::Time t = GoTime::fromDateTime(QDateTime::fromMSecsSinceEpoch(-1500, Qt::UTC));
    QCOMPARE(t.sec, GoTime::fromUnix(-2).sec); // floor, not truncation
    QCOMPARE(t.nsec, Q_INT64_C(500000000));
    const GoTime::Time u = GoTime::fromDateTime(QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC));
    QCOMPARE(u.sec, GoTime::fromUnix(1700000000).sec);
    QCOMPARE(u.nsec, Q_INT64_C(123000000));
}

void TestGoTime::texts()
{
    QCOMPARE(GoTime::durationText(GoTime::kNanos), QStringLiteral("1s"));
    QCOMPARE(GoTime::durationText(90 * GoTime::kNanos), QStringLiteral("90s"));
    QCOMPARE(GoTime::durationText(1500000000), QStringLiteral("1.5s"));
    QCOMPARE(GoTime::unixText(1700000000), QStringLiteral("1700000000 (2023-11-14T22:13:20Z)"));
    QCOMPARE(GoTime::unixText(std::numeric_limits<qint64>::min()), QStringLiteral("-9223372036854775808"));
    QCOMPARE(GoTime::unixText(253402300800LL), QStringLiteral("253402300800")); // year 10000: no date
}

QTEST_GUILESS_MAIN(TestGoTime)
#include "tst_gotime.moc"
