#include "common/Clock.h"

namespace jwb::common {

namespace {
class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};
} // namespace

std::shared_ptr<const Clock> Clock::system()
{
    static const auto clock = std::make_shared<const SystemClock>();
    return clock;
}

std::shared_ptr<const Clock> Clock::fixed(const QDateTime &instant)
{
    return std::make_shared<const FixedClock>(instant.toUTC());
}

} // namespace jwb::common
