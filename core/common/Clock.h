#pragma once

#include <QDateTime>

#include <memory>

namespace jwb::common {

/// Source of "now" for every time-dependent check. Core code never calls QDateTime::currentDateTime()
/// directly; it takes a Clock so that tests and `--at` evaluate at a fixed instant.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
    [[nodiscard]] qint64 nowSecs() const { return now().toSecsSinceEpoch(); }

    /// The wall clock.
    static std::shared_ptr<const Clock> system();
    /// A clock that always answers `instant`.
    static std::shared_ptr<const Clock> fixed(const QDateTime &instant);
};

/// A clock frozen at one instant; tests and `--at` use it.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime instant) : m_instant(std::move(instant)) { }
    [[nodiscard]] QDateTime now() const override { return m_instant; }
    void setNow(const QDateTime &instant) { m_instant = instant; }

private:
    QDateTime m_instant;
};

} // namespace jwb::common
