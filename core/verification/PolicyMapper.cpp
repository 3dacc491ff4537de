#include "verification/PolicyMapper.h"

namespace jwb::verification::PolicyMapper {

validation::Policy rulesOf(const krakend::ValidatorConfig &config)
{
    constexpr qint64 kNanosPerSecond = 1000 * 1000 * 1000;
    validation::Policy rules;
    rules.algorithm = config.algorithm();
    rules.keyIdStrategy = config.effectiveKeyIdStrategy();
    rules.issuer = config.issuer();
    rules.audiences = config.audience();
    const qint64 leeway = config.effectiveLeewayNanos(); // at least 1 s; rounded up without overflowing
    rules.leewaySeconds = leeway / kNanosPerSecond + (leeway % kNanosPerSecond != 0 ? 1 : 0);
    rules.requireExp = false;
    rules.requiredTyp.clear();
    rules.allowWeakKeys = true;
    return rules;
}

Policy forEndpoint(const krakend::SimulationSetup &setup)
{
    Policy policy;
    policy.rules = rulesOf(setup.validator);
    policy.gateway = setup;
    return policy;
}

} // namespace jwb::verification::PolicyMapper
