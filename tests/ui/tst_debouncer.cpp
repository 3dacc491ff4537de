// Debouncer: one call after the last of a burst of start() calls, on an injected scheduler (no wall-clock waits).

#include "common/Debouncer.h"

#include <QTest>

using namespace jwb;

class TestDebouncer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnceAfterTheLastStart();
    void cancelAndFlush();
    void neverRunsAfterDestruction();
};

void TestDebouncer::runsOnceAfterTheLastStart()
{
    auto scheduler = std::make_shared<common::ManualScheduler>();
    int calls = 0;
    ui::Debouncer debouncer(
        100, [&calls] { ++calls; }, scheduler);
    QCOMPARE(debouncer.interval(), 100);
    QVERIFY(!debouncer.isPending());
    debouncer.start();
    scheduler->advance(60);
    debouncer.start(); // restarts the wait
    scheduler->advance(60);
    QCOMPARE(calls, 0);
    QVERIFY(debouncer.isPending());
    QCOMPARE(scheduler->pendingCount(), 1); // the first wait was cancelled, not left behind
    scheduler->advance(40);
    QCOMPARE(calls, 1);
    QVERIFY(!debouncer.isPending());
    scheduler->advance(1000);
    QCOMPARE(calls, 1);
}

void TestDebouncer::cancelAndFlush()
{
    auto scheduler = std::make_shared<common::ManualScheduler>();
    int calls = 0;
    ui::Debouncer debouncer(
        50, [&calls] { ++calls; }, scheduler);
    QVERIFY(!debouncer.flush());
    debouncer.start();
    debouncer.cancel();
    scheduler->advance(100);
    QCOMPARE(calls, 0);
    debouncer.start();
    QVERIFY(debouncer.flush());
    QCOMPARE(calls, 1);
    scheduler->advance(100); // the flushed wait does not run a second time
    QCOMPARE(calls, 1);
}

void TestDebouncer::neverRunsAfterDestruction()
{
    auto scheduler = std::make_shared<common::ManualScheduler>();
    int calls = 0;
    {
        ui::Debouncer debouncer(
            10, [&calls] { ++calls; }, scheduler);
        debouncer.start();
    }
    QCOMPARE(scheduler->pendingCount(), 0);
    scheduler->advance(100);
    QCOMPARE(calls, 0);
}

QTEST_MAIN(TestDebouncer)
#include "tst_debouncer.moc"
