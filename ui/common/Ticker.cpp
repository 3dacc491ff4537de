#include "common/Ticker.h"

namespace jwb::ui {

Ticker::Ticker(std::shared_ptr<common::Scheduler> scheduler, int intervalMs, QObject *parent)
    : QObject(parent), m_scheduler(scheduler ? std::move(scheduler) : common::Scheduler::qt()), m_intervalMs(intervalMs)
{
    schedule();
}

Ticker::~Ticker()
{
    m_scheduler->cancel(m_pending);
}

void Ticker::schedule()
{
    m_pending = m_scheduler->singleShot(m_intervalMs, this, [this] {
        schedule();
        Q_EMIT ticked();
    });
}

} // namespace jwb::ui
