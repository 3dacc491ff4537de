#include "verification/Report.h"

namespace jwb::verification {

const common::Check *Report::check(common::CheckName name) const
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

const common::Check *Report::stoppingCheck() const
{
    return stoppedAt >= 0 && stoppedAt < checks.size() ? &checks[stoppedAt] : nullptr;
}

const common::Check *Report::firstFailure() const
{
    if (isGateway())
        return stoppingCheck();
    for (const auto &c : checks)
        if (c.failed())
            return &c;
    for (const auto &c : checks)
        if (!c.ok())
            return &c;
    return nullptr;
}

} // namespace jwb::verification
