#pragma once

#include <QDeadlineTimer>
#include <QThread>

#include <atomic>
#include <memory>

namespace jwb::common {

/// A request to stop, shared between whoever starts a piece of work and the work itself. Copies share one flag:
/// cancel() on any copy is seen by all of them, from any thread (an atomic flag; no lock, no event loop).
/// Cancelling is one-way and idempotent. Long or blocking work polls isCancelled() (a network wait every 50 ms,
/// say) and returns early with a "cancelled" result; work that cannot be interrupted (OpenSSL generating an RSA
/// key) simply finishes, and Jobs drops its result. A default-constructed token is fresh (not cancelled).
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) { }

    /// Asks the work to stop. Safe from any thread; const because it changes the shared flag, not this handle.
    void cancel() const { m_flag->store(true, std::memory_order_release); }
    [[nodiscard]] bool isCancelled() const { return m_flag->load(std::memory_order_acquire); }

    /// Sleeps up to `timeoutMs`, waking every `pollMs` to look at the flag: for work that waits on something it
    /// cannot be woken from. True when cancelled (at once or during the wait), false when the time ran out.
    bool sleepFor(int timeoutMs, int pollMs = 10) const
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!isCancelled()) {
            const qint64 left = deadline.remainingTime();
            if (left <= 0)
                return false;
            QThread::msleep(static_cast<unsigned long>(qMin<qint64>(left, pollMs)));
        }
        return true;
    }

    /// Whether two tokens share one flag.
    friend bool operator==(const CancelToken &a, const CancelToken &b) { return a.m_flag == b.m_flag; }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace jwb::common
