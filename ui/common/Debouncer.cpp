#include "common/Debouncer.h"

#include <utility>

namespace jwb::ui {

Debouncer::Debouncer(int ms, std::function<void()> call, std::shared_ptr<common::Scheduler> scheduler, QObject *parent)
    : QObject(parent),
      m_ms(ms),
      m_call(std::move(call)),
      m_scheduler(scheduler ? std::move(scheduler) : common::Scheduler::qt())
{ }

Debouncer::~Debouncer()
{
    cancel();
}

void Debouncer::start()
{
    cancel();
    m_id = m_scheduler->singleShot(m_ms, this, [this] {
        m_id = 0;
        m_call();
    });
}

void Debouncer::cancel()
{
    if (m_id != 0)
        m_scheduler->cancel(std::exchange(m_id, 0));
}

bool Debouncer::flush()
{
    if (!isPending())
        return false;
    cancel();
    m_call();
    return true;
}

bool Debouncer::isPending() const
{
    return m_id != 0 && m_scheduler->isPending(m_id);
}

} // namespace jwb::ui
