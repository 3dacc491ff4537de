#pragma once

#include "krakend/Simulator.h"
#include "krakend/ValidatorConfig.h"
#include "validation/Policy.h"
#include "verification/Policy.h"

namespace jwb::verification::PolicyMapper {

/// The generic rules closest to what an endpoint's auth/validator checks, as KrakenD applies them: the algorithm
/// exactly as written (nullopt when KrakenD does not know it), the effective key id strategy (unknown: kid), the
/// issuer, every audience (all required, as go-jose does), the leeway KrakenD uses rounded up to whole seconds (at
/// least 1 s), no exp required (go-jose does not require one), no typ, and weak keys allowed (KrakenD refuses none).
/// Roles, scopes, the claims map and the token's place have no generic rule: verify() with PolicyMapper::forEndpoint
/// applies them through the simulator.
[[nodiscard]] validation::Policy rulesOf(const krakend::ValidatorConfig &config);

/// The policy that judges a token as this endpoint does: its mapped rules (for showing) and the endpoint itself.
[[nodiscard]] Policy forEndpoint(const krakend::SimulationSetup &setup);

} // namespace jwb::verification::PolicyMapper
