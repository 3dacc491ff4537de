// common::Scheduler: ManualScheduler runs delayed calls only when advance() moves its time, in due order (ties in
// scheduling order), including calls scheduled by calls, each at its own due time; cancel() and a destroyed
// context stop a call. QtScheduler does the same on QTimer in real time.
#include "common/Scheduler.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>

using namespace jwb;
using common::ManualScheduler;
using common::QtScheduler;
using common::Scheduler;

class TestScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manualRunsOnlyWhenAdvanced();
    void manualOrdersByDueTime();
    void manualRunsCallsScheduledByCalls();
    void manualCancelAndDeadContext();
    void qtFiresOnce();
    void qtCancelAndDeadContext();
};

void TestScheduler::manualRunsOnlyWhenAdvanced()
{
    ManualScheduler scheduler;
    QObject context;
    int calls = 0;
    const Scheduler::Id id = scheduler.singleShot(100, &context, [&calls] { ++calls; });
    QVERIFY(id != 0);
    QVERIFY(scheduler.isPending(id));
    QCOMPARE(scheduler.pendingCount(), 1);
    scheduler.advance(99);
    QCOMPARE(calls, 0);
    QCOMPARE(scheduler.now(), 99);
    scheduler.advance(1);
    QCOMPARE(calls, 1);
    QVERIFY(!scheduler.isPending(id));
    scheduler.advance(1000);
    QCOMPARE(calls, 1); // once
    // Zero and negative delays are due at once, i.e. at the next advance(), even advance(0).
    scheduler.singleShot(0, &context, [&calls] { ++calls; });
    scheduler.singleShot(-5, &context, [&calls] { ++calls; });
    QCOMPARE(calls, 1);
    scheduler.advance(0);
    QCOMPARE(calls, 3);
    QCOMPARE(scheduler.now(), 1100);
}

void TestScheduler::manualOrdersByDueTime()
{
    ManualScheduler scheduler;
    QObject context;
    QStringList order;
    QList<qint64> times;
    auto record = [&](const QString &name) {
        return [&, name] {
            order << name;
            times << scheduler.now();
        };
    };
    scheduler.singleShot(300, &context, record(QStringLiteral("c")));
    scheduler.singleShot(100, &context, record(QStringLiteral("a")));
    scheduler.singleShot(200, &context, record(QStringLiteral("b1")));
    scheduler.singleShot(200, &context, record(QStringLiteral("b2")));
    scheduler.advance(1000);
    QCOMPARE(
        order, (QStringList {QStringLiteral("a"), QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("c")}));
    QCOMPARE(times, (QList<qint64> {100, 200, 200, 300})); // each ran at its own time
    QCOMPARE(scheduler.now(), 1000);
}

void TestScheduler::manualRunsCallsScheduledByCalls()
{
    // A debounce re-arms itself: 100 → +100 → +100 falls within one advance(300); a fourth re-arm does not.
    ManualScheduler scheduler;
    QObject context;
    QList<qint64> ranAt;
    std::function<void()> rearm = [&] {
        ranAt << scheduler.now();
        scheduler.singleShot(100, &context, rearm);
    };
    scheduler.singleShot(100, &context, rearm);
    scheduler.advance(300);
    QCOMPARE(ranAt, (QList<qint64> {100, 200, 300}));
    QCOMPARE(scheduler.pendingCount(), 1);
    scheduler.advance(50);
    QCOMPARE(ranAt.size(), 3);
}

void TestScheduler::manualCancelAndDeadContext()
{
    ManualScheduler scheduler;
    auto context = std::make_unique<QObject>();
    QObject other;
    int cancelled = 0, dead = 0, kept = 0;
    const Scheduler::Id a = scheduler.singleShot(10, &other, [&cancelled] { ++cancelled; });
    scheduler.singleShot(10, context.get(), [&dead] { ++dead; });
    const Scheduler::Id c = scheduler.singleShot(10, &other, [&kept] { ++kept; });
    QVERIFY(a != c);
    scheduler.cancel(a);
    scheduler.cancel(a); // twice: nothing more
    scheduler.cancel(12345); // unknown: nothing
    QVERIFY(!scheduler.isPending(a));
    QVERIFY(scheduler.isPending(c));
    context.reset();
    scheduler.advance(10);
    QCOMPARE(cancelled, 0);
    QCOMPARE(dead, 0);
    QCOMPARE(kept, 1);
    QCOMPARE(scheduler.pendingCount(), 0);
}

void TestScheduler::qtFiresOnce()
{
    QtScheduler scheduler;
    QObject context;
    int calls = 0;
    QElapsedTimer timer;
    timer.start();
    qint64 firedAfter = -1;
    const Scheduler::Id id = scheduler.singleShot(50, &context, [&] {
        ++calls;
        firedAfter = timer.elapsed();
    });
    QVERIFY(id != 0);
    QVERIFY(scheduler.isPending(id));
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 30000);
    QVERIFY2(firedAfter >= 40, qPrintable(QString::number(firedAfter))); // QTimer's coarse timers: 5% early at most
    QVERIFY(!scheduler.isPending(id));
    QTest::qWait(100);
    QCOMPARE(calls, 1);
    QVERIFY(Scheduler::qt());
    QCOMPARE(Scheduler::qt(), Scheduler::qt()); // one shared instance
}

void TestScheduler::qtCancelAndDeadContext()
{
    QtScheduler scheduler;
    auto context = std::make_unique<QObject>();
    QObject other;
    int cancelled = 0, dead = 0, kept = 0;
    const Scheduler::Id a = scheduler.singleShot(20, &other, [&cancelled] { ++cancelled; });
    const Scheduler::Id b = scheduler.singleShot(20, context.get(), [&dead] { ++dead; });
    const Scheduler::Id c = scheduler.singleShot(40, &other, [&kept] { ++kept; });
    scheduler.cancel(a);
    QVERIFY(!scheduler.isPending(a));
    context.reset();
    QVERIFY(!scheduler.isPending(b));
    QTRY_COMPARE_WITH_TIMEOUT(kept, 1, 30000); // fires after the other two would have
    QCOMPARE(cancelled, 0);
    QCOMPARE(dead, 0);
    QVERIFY(!scheduler.isPending(c));
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
