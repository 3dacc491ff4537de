#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace jwb::common {

/// Where delayed calls come from: debounces, autosave, clearing the clipboard, refresh timers. Code that waits
/// takes a Scheduler (as it takes a Clock), so that tests drive time with ManualScheduler::advance() instead of
/// waiting on the wall clock. singleShot() calls `fn` once, after `ms` milliseconds, on `context`'s thread, unless
/// `context` is destroyed first or the call is cancelled. Ids are unique per scheduler and never 0; cancelling an
/// id that already ran or was cancelled does nothing. Use a scheduler from one thread (its contexts' thread).
class Scheduler
{
public:
    using Id = quint64;

    virtual ~Scheduler() = default;
    virtual Id singleShot(int ms, QObject *context, std::function<void()> fn) = 0;
    virtual void cancel(Id id) = 0;
    /// Whether `id` is still waiting to run.
    [[nodiscard]] virtual bool isPending(Id id) const = 0;

    /// The real one (QtScheduler), shared.
    [[nodiscard]] static std::shared_ptr<Scheduler> qt();
};

/// Scheduler on QTimer: each call is a single-shot QTimer that is a child of its context. Timers that outlive
/// the scheduler still fire; they just cannot be cancelled any more.
class QtScheduler final : public Scheduler
{
public:
    QtScheduler();
    Id singleShot(int ms, QObject *context, std::function<void()> fn) override;
    void cancel(Id id) override;
    [[nodiscard]] bool isPending(Id id) const override;

private:
    struct State;
    std::shared_ptr<State> m_state; ///< shared with the timers' slots (weakly), which forget their entry
};

/// Scheduler for tests: nothing runs until advance() moves its time on. Calls run in the order they are due
/// (equal due times: in the order they were scheduled); a call scheduled by a running call runs in the same
/// advance() when it falls due within it. now() starts at 0.
class ManualScheduler final : public Scheduler
{
public:
    Id singleShot(int ms, QObject *context, std::function<void()> fn) override;
    void cancel(Id id) override;
    [[nodiscard]] bool isPending(Id id) const override;

    /// Moves time on by `ms` (>= 0), running every call that falls due, each at its own due time.
    void advance(qint64 ms);
    /// Milliseconds since the scheduler was made.
    [[nodiscard]] qint64 now() const { return m_now; }
    /// How many calls wait (those whose context has died included, until their time comes).
    [[nodiscard]] int pendingCount() const { return int(m_pending.size()); }

private:
    struct Entry
    {
        Id id;
        qint64 due;
        QPointer<QObject> context;
        std::function<void()> fn;
    };
    std::vector<Entry> m_pending;
    qint64 m_now = 0;
    Id m_next = 1;
};

} // namespace jwb::common
