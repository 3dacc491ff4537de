#pragma once

#include "common/Scheduler.h"

#include <QObject>

#include <memory>

namespace jwb::ui {

/// One timer for every relative time a window shows: the Inspector's times and its Verify tab ("expires in
/// 5 min"), the Keys page's ages ("fetched 2 min ago"), the Composer's times ("(in 1 h)"). Each page follows
/// ticked() instead of a timer of its own, so that they all change at the same moment. Timed by a
/// common::Scheduler, so that tests move time on.
class Ticker : public QObject
{
    Q_OBJECT
public:
    Ticker(std::shared_ptr<common::Scheduler> scheduler, int intervalMs, QObject *parent = nullptr);
    ~Ticker() override;

    [[nodiscard]] int intervalMs() const { return m_intervalMs; }

Q_SIGNALS:
    void ticked();

private:
    void schedule();

    std::shared_ptr<common::Scheduler> m_scheduler;
    int m_intervalMs;
    common::Scheduler::Id m_pending {};
};

} // namespace jwb::ui
