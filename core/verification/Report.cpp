#include "verification/Report.h"

namespace jwb::verification {

const common::Check *Report::check(common::CheckName name) const
{
    return common::findCheck(checks, name);
}

const common::Check *Report::stoppingCheck() const
{
    return stoppedAt >= 0 && stoppedAt < checks.size() ? &checks[stoppedAt] : nullptr;
}

const common::Check *Report::firstFailure() const
{
    return isGateway() ? stoppingCheck() : common::firstFailure(checks);
}

} // namespace jwb::verification
