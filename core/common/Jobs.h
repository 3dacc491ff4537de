#pragma once

#include "common/CancelToken.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

namespace jwb::common {

namespace Jobs {

namespace detail {

/// The context-side end of one job: a child of the context (so it dies with it), parent of the job's
/// QFutureWatcher. Destroying it (with the context, or after delivery) cancels the job's token.
class Delivery final : public QObject
{
public:
    Delivery(QObject *context, CancelToken token) : QObject(context), m_token(std::move(token)) { }
    ~Delivery() override { m_token.cancel(); }
    [[nodiscard]] const CancelToken &token() const { return m_token; }
    bool delivered = false; ///< done ran, or was dropped because the job was cancelled

private:
    CancelToken m_token;
};

/// Keeps `token` in the list drain() cancels, for as long as the returned object lives (the job's functor
/// holds it, so it goes when the pool has run the job, or dropped it).
[[nodiscard]] std::shared_ptr<void> track(const CancelToken &token);

} // namespace detail

/// The thread pool every job runs on: the application's own (not QThreadPool::globalInstance()), so that drain()
/// waits for our jobs only. At least 4 threads, because jobs may block on the network.
[[nodiscard]] QThreadPool *pool();

/// One job started by Jobs::run, seen from the thread that started it: cancel it, ask whether it still runs. A
/// Handle kept as a member also replaces a previous job: Handle::run cancels the job the handle started last, so
/// only the newest result is delivered (this replaces the generation counters of the GUI's worker threads).
/// Handles are cheap to copy (copies refer to the same job) and are used on the context's thread only.
/// Destroying a handle does not cancel its job; destroying the job's context does.
class Handle
{
public:
    Handle() = default;

    /// Cancels the job (its token reads cancelled; `done` will not run). Nothing happens without a job.
    void cancel() const
    {
        if (m_delivery)
            m_delivery->token().cancel();
    }
    /// Started, not cancelled, and `done` has not run yet.
    [[nodiscard]] bool isRunning() const
    {
        return m_delivery && !m_delivery->delivered && !m_delivery->token().isCancelled();
    }
    /// Cancels this handle's previous job, then starts a new one (Jobs::run) and refers to it.
    template<typename Work, typename Done> void run(QObject *context, Work &&work, Done &&done);

private:
    template<typename Work, typename Done> friend Handle run(QObject *context, Work &&work, Done &&done);
    explicit Handle(detail::Delivery *delivery) : m_delivery(delivery) { }
    QPointer<detail::Delivery> m_delivery;
};

/// Runs `work(const CancelToken &)` on pool(), then `done(result)` (or `done()` when work returns void) on
/// `context`'s thread through its event loop. `done` does not run when the job was cancelled first (Handle::cancel
/// or drain(), from the context's thread), nor when `context` was destroyed; destroying `context` also cancels the
/// token, so the work can stop early. Call it from `context`'s thread. The work must not touch `context` or any
/// other QObject of that thread: it gets its inputs by value and hands everything back through its result.
template<typename Work, typename Done> [[nodiscard]] Handle run(QObject *context, Work &&work, Done &&done)
{
    using Result = std::invoke_result_t<std::decay_t<Work> &, const CancelToken &>;
    Q_ASSERT(context && context->thread() == QThread::currentThread());
    CancelToken token;
    auto *delivery = new detail::Delivery(context, token);
    auto *watcher = new QFutureWatcher<Result>(delivery);
    QObject::connect(watcher, &QFutureWatcherBase::finished, delivery,
        [delivery, watcher, done = std::forward<Done>(done)]() mutable {
            const bool cancelled = delivery->token().isCancelled();
            delivery->delivered = true; // before done: a done that starts the next job sees this one as over
            if (!cancelled) {
                if constexpr (std::is_void_v<Result>) {
                    (void)watcher; // no result to take (clang: an unused capture)
                    done();
                } else {
                    done(watcher->future().takeResult());
                }
            }
            delivery->deleteLater();
        });
    watcher->setFuture(QtConcurrent::run(
        pool(), [work = std::forward<Work>(work), token, tracked = detail::track(token)]() mutable -> Result {
            return work(std::as_const(token));
        }));
    return Handle(delivery);
}

template<typename Work, typename Done> void Handle::run(QObject *context, Work &&work, Done &&done)
{
    cancel();
    *this = Jobs::run(context, std::forward<Work>(work), std::forward<Done>(done));
}

/// Cancels every job still queued or running and waits up to `timeoutMs` for the pool to empty: the application
/// calls it when it quits (QCoreApplication::aboutToQuit), so that no job outlives the objects it reports to.
/// True when every job has finished. No `done` runs after it.
bool drain(int timeoutMs = 5000);

/// How many jobs are queued or running (for tests and diagnostics).
[[nodiscard]] int liveCount();

} // namespace Jobs

} // namespace jwb::common
