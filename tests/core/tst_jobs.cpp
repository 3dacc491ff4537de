// common::Jobs and CancelToken: work runs on the jobs' own pool and its result comes back on the context's thread;
// `done` never runs after a cancel (Handle::cancel, a newer run on the same Handle, drain(), the context's
// destruction); a job blocked in a polling wait returns soon after its token is cancelled; drain() cancels every
// job and waits for them, and says when they did not finish in time.
#include "common/CancelToken.h"
#include "common/Jobs.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <memory>

using namespace jwb;
using common::CancelToken;
namespace Jobs = common::Jobs;

namespace {

/// A switch a test opens to let blocked work go on (work waits on it by polling, like a network wait).
struct Gate
{
    std::atomic_bool open {false};
    /// Waits until the gate opens or the token is cancelled (at most 30 s); true when it opened.
    bool wait(const CancelToken &token) const
    {
        QElapsedTimer timer;
        timer.start();
        while (!open.load() && !token.isCancelled() && timer.elapsed() < 30000)
            QThread::msleep(2);
        return open.load();
    }
};

/// Runs the context thread's event loop until a job started now has delivered: every job whose work finished
/// before this call has had its `done` (or its drop) delivered by then, since results are posted in order.
void flushDeliveries(QObject *context)
{
    QVERIFY(Jobs::pool()->waitForDone(30000));
    bool sentinel = false;
    Jobs::Handle handle = Jobs::run(
        context, [](const CancelToken &) { return 0; }, [&sentinel](int) { sentinel = true; });
    QTRY_VERIFY_WITH_TIMEOUT(sentinel, 30000);
    QVERIFY(!handle.isRunning());
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void resultComesBackOnTheContextThread();
    void voidWork();
    void doneNeverRunsAfterCancel();
    void blockedJobReturnsSoonAfterCancel();
    void handleReplacesItsPreviousJob();
    void destroyedContextCancelsAndDropsTheResult();
    void drainCancelsAndWaits();
    void drainReportsJobsThatDoNotFinish();
    void cancelTokenIsShared();
};

void TestJobs::cleanup()
{
    QVERIFY(Jobs::drain(30000));
    QCOMPARE(Jobs::liveCount(), 0);
}

void TestJobs::resultComesBackOnTheContextThread()
{
    QObject context;
    std::atomic<QThread *> workThread {nullptr};
    QThread *doneThread = nullptr;
    int result = 0;
    Jobs::Handle handle = Jobs::run(
        &context,
        [&workThread](const CancelToken &token) {
            workThread = QThread::currentThread();
            return token.isCancelled() ? -1 : 6 * 7;
        },
        [&](int value) {
            doneThread = QThread::currentThread();
            result = value;
        });
    QTRY_COMPARE_WITH_TIMEOUT(result, 42, 30000);
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread.load() && workThread.load() != QThread::currentThread());
    QVERIFY(!handle.isRunning());
    // A move-only result is handed over, not copied.
    std::unique_ptr<int> moved;
    Jobs::Handle second = Jobs::run(
        &context, [](const CancelToken &) { return std::make_unique<int>(7); },
        [&moved](std::unique_ptr<int> value) { moved = std::move(value); });
    QTRY_VERIFY_WITH_TIMEOUT(moved, 30000);
    QCOMPARE(*moved, 7);
}

void TestJobs::voidWork()
{
    QObject context;
    std::atomic_bool worked {false};
    bool done = false;
    Jobs::Handle handle = Jobs::run(
        &context, [&worked](const CancelToken &) { worked = true; }, [&done] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(worked.load());
}

void TestJobs::doneNeverRunsAfterCancel()
{
    QObject context;
    Gate gate;
    std::atomic_bool started {false};
    bool done = false;
    Jobs::Handle handle = Jobs::run(
        &context,
        [&](const CancelToken &) {
            started = true;
            // Ignores the token on purpose: the work finishes with a result, which must still be dropped.
            gate.wait(CancelToken());
            return 1;
        },
        [&done](int) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
    QVERIFY(handle.isRunning());
    handle.cancel();
    QVERIFY(!handle.isRunning());
    gate.open = true;
    flushDeliveries(&context);
    QVERIFY(!done);
}

void TestJobs::blockedJobReturnsSoonAfterCancel()
{
    QObject context;
    std::atomic_bool started {false};
    std::atomic_bool sawCancel {false};
    Jobs::Handle handle = Jobs::run(
        &context,
        [&](const CancelToken &token) {
            started = true;
            sawCancel = token.sleepFor(30000); // a downloader-like wait that polls its token
        },
        [] {});
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    handle.cancel();
    QVERIFY(Jobs::pool()->waitForDone(30000));
    // The wait polls every 10 ms; a loaded machine gets a generous margin, far below the 30 s it would take.
    QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
    QVERIFY(sawCancel.load());
}

void TestJobs::handleReplacesItsPreviousJob()
{
    QObject context;
    Gate gate;
    std::atomic_bool firstStarted {false};
    std::atomic_bool firstSawCancel {false};
    QStringList delivered;
    Jobs::Handle handle;
    QVERIFY(!handle.isRunning());
    handle.cancel(); // no job yet: nothing happens
    handle.run(
        &context,
        [&](const CancelToken &token) {
            firstStarted = true;
            gate.wait(token);
            firstSawCancel = token.isCancelled();
            return QStringLiteral("first");
        },
        [&delivered](const QString &s) { delivered << s; });
    QTRY_VERIFY_WITH_TIMEOUT(firstStarted.load(), 30000);
    Jobs::Handle firstJob = handle; // a copy refers to the same job
    QVERIFY(firstJob.isRunning());
    handle.run(
        &context, [](const CancelToken &) { return QStringLiteral("second"); },
        [&delivered](const QString &s) { delivered << s; });
    QVERIFY(!firstJob.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(delivered, QStringList {QStringLiteral("second")}, 30000);
    QVERIFY(!handle.isRunning());
    flushDeliveries(&context);
    QCOMPARE(delivered, QStringList {QStringLiteral("second")});
    QVERIFY(firstSawCancel.load());
}

void TestJobs::destroyedContextCancelsAndDropsTheResult()
{
    auto context = std::make_unique<QObject>();
    std::atomic_bool started {false};
    std::atomic_bool sawCancel {false};
    bool done = false;
    Jobs::Handle handle = Jobs::run(
        context.get(),
        [&](const CancelToken &token) {
            started = true;
            sawCancel = token.sleepFor(30000);
            return 1;
        },
        [&done](int) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
    context.reset();
    QVERIFY(!handle.isRunning());
    QObject other;
    flushDeliveries(&other);
    QVERIFY(sawCancel.load());
    QVERIFY(!done);
}

void TestJobs::drainCancelsAndWaits()
{
    QObject context;
    constexpr int kJobs = 6; // more than the pool's threads on a small machine: some are still queued
    std::atomic_int started {0};
    std::atomic_int finished {0};
    int done = 0;
    QList<Jobs::Handle> handles;
    for (int i = 0; i < kJobs; ++i)
        handles << Jobs::run(
            &context,
            [&](const CancelToken &token) {
                ++started;
                token.sleepFor(30000);
                QThread::msleep(50); // still busy for a moment after the cancel: drain() must wait for it
                ++finished;
            },
            [&done] { ++done; });
    QTRY_VERIFY_WITH_TIMEOUT(started.load() >= 1, 30000);
    QCOMPARE(Jobs::liveCount(), kJobs);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(Jobs::drain(30000));
    QCOMPARE(finished.load(), started.load()); // nothing was still running when drain() returned
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(Jobs::liveCount(), 0);
    for (const auto &handle : std::as_const(handles))
        QVERIFY(!handle.isRunning());
    flushDeliveries(&context);
    QCOMPARE(done, 0);
}

void TestJobs::drainReportsJobsThatDoNotFinish()
{
    QObject context;
    std::atomic_bool started {false};
    Jobs::Handle handle = Jobs::run(
        &context,
        [&started](const CancelToken &) {
            started = true;
            QThread::msleep(500); // cannot be interrupted (think RSA key generation)
        },
        [] {});
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
    QVERIFY(!Jobs::drain(10));
    QVERIFY(Jobs::drain(30000));
    QVERIFY(!handle.isRunning());
}

void TestJobs::cancelTokenIsShared()
{
    const CancelToken token;
    const CancelToken copy = token;
    QVERIFY(token == copy);
    QVERIFY(!(token == CancelToken()));
    QVERIFY(!copy.isCancelled());
    QVERIFY(!token.sleepFor(20)); // times out
    copy.cancel();
    QVERIFY(token.isCancelled());
    copy.cancel(); // idempotent
    QVERIFY(token.isCancelled());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(token.sleepFor(30000)); // already cancelled: at once
    QVERIFY(timer.elapsed() < 1000);
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
