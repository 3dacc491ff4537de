#pragma once

#include "krakend/Simulator.h"
#include "validation/Policy.h"

#include <optional>

namespace jwb::verification {

/// What a token is judged by: the generic rules (the Verify tab's Rules group, the CLI's `verify` options), or, when
/// `gateway` is set, exactly what one KrakenD endpoint's auth/validator does with it (krakend::Simulator). With a
/// gateway endpoint the generic rules are not applied: PolicyMapper::rulesOf(gateway->validator) says what they
/// would be, for showing.
struct Policy
{
    validation::Policy rules; ///< the generic rules; their clock is replaced by Context::clock
    std::optional<krakend::SimulationSetup> gateway; ///< set: judge as this endpoint

    [[nodiscard]] bool isGateway() const { return gateway.has_value(); }
};

} // namespace jwb::verification
