#pragma once

#include "common/Scheduler.h"

#include <QObject>

#include <functional>
#include <memory>

namespace jwb::ui {

/// Runs a call once, `ms` after the last of a burst of start() calls (typing, dragging a splitter): the debounce
/// every editor of the GUI does before inspecting, verifying or simulating. Time comes from a common::Scheduler, so
/// that tests move it on with ManualScheduler::advance() instead of waiting on the wall clock. The call runs on
/// the debouncer's thread and never after the debouncer is destroyed.
class Debouncer : public QObject
{
    Q_OBJECT
public:
    /// `scheduler` defaults to common::Scheduler::qt().
    Debouncer(int ms, std::function<void()> call, std::shared_ptr<common::Scheduler> scheduler = {},
        QObject *parent = nullptr);
    ~Debouncer() override;

    /// (Re)starts the wait: the call runs `interval()` ms from now unless start() or cancel() comes first.
    void start();
    void cancel();
    /// Runs the call now if it is waiting (and cancels the wait); returns whether it ran.
    bool flush();
    [[nodiscard]] bool isPending() const;
    [[nodiscard]] int interval() const { return m_ms; }

private:
    int m_ms;
    std::function<void()> m_call;
    std::shared_ptr<common::Scheduler> m_scheduler;
    common::Scheduler::Id m_id = 0;
};

} // namespace jwb::ui
