#include "common/Scheduler.h"

#include <QTimer>

#include <algorithm>

namespace jwb::common {

std::shared_ptr<Scheduler> Scheduler::qt()
{
    static const std::shared_ptr<Scheduler> scheduler = std::make_shared<QtScheduler>();
    return scheduler;
}

// -------------------------------------------------------------------------------------------------- QtScheduler

struct QtScheduler::State
{
    std::vector<std::pair<Id, QPointer<QTimer>>> timers; ///< pending: an entry goes when its timer fires or dies
    Id next = 1;

    void forget(Id id)
    {
        timers.erase(
            std::remove_if(timers.begin(), timers.end(), [id](const auto &e) { return e.first == id; }), timers.end());
    }
};

QtScheduler::QtScheduler() : m_state(std::make_shared<State>()) { }

Scheduler::Id QtScheduler::singleShot(int ms, QObject *context, std::function<void()> fn)
{
    Q_ASSERT(context);
    const Id id = m_state->next++;
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    const std::weak_ptr<State> state = m_state;
    QObject::connect(timer, &QTimer::timeout, timer, [state, id, timer, fn = std::move(fn)] {
        if (const auto s = state.lock())
            s->forget(id);
        timer->deleteLater();
        fn();
    });
    // A timer that dies with its context (or is cancelled) leaves no entry behind.
    QObject::connect(timer, &QObject::destroyed, timer, [state, id] {
        if (const auto s = state.lock())
            s->forget(id);
    });
    m_state->timers.emplace_back(id, timer);
    timer->start(std::max(0, ms));
    return id;
}

void QtScheduler::cancel(Id id)
{
    auto &timers = m_state->timers;
    const auto it = std::find_if(timers.begin(), timers.end(), [id](const auto &e) { return e.first == id; });
    if (it == timers.end())
        return;
    const QPointer<QTimer> timer = it->second;
    timers.erase(it);
    delete timer.data();
}

bool QtScheduler::isPending(Id id) const
{
    const auto &timers = m_state->timers;
    return std::any_of(
        timers.begin(), timers.end(), [id](const auto &e) { return e.first == id && !e.second.isNull(); });
}

// ---------------------------------------------------------------------------------------------- ManualScheduler

Scheduler::Id ManualScheduler::singleShot(int ms, QObject *context, std::function<void()> fn)
{
    Q_ASSERT(context);
    const Id id = m_next++;
    m_pending.push_back({id, m_now + std::max(0, ms), context, std::move(fn)});
    return id;
}

void ManualScheduler::cancel(Id id)
{
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(), [id](const Entry &e) { return e.id == id; }),
        m_pending.end());
}

bool ManualScheduler::isPending(Id id) const
{
    return std::any_of(m_pending.begin(), m_pending.end(), [id](const Entry &e) { return e.id == id; });
}

void ManualScheduler::advance(qint64 ms)
{
    const qint64 until = m_now + std::max<qint64>(0, ms);
    for (;;) {
        // The earliest due call; ids grow, so the smaller id wins a tie (scheduling order).
        auto next = m_pending.end();
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
            if (it->due <= until && (next == m_pending.end() || it->due < next->due))
                next = it;
        if (next == m_pending.end())
            break;
        Entry entry = std::move(*next);
        m_pending.erase(next);
        m_now = entry.due;
        if (entry.context)
            entry.fn();
    }
    m_now = until;
}

} // namespace jwb::common
