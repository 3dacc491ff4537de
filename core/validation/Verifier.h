#pragma once

#include "keys/JwkSet.h"
#include "validation/Policy.h"
#include "validation/Report.h"

namespace jwb::validation {

/// The one entry point for "is this token valid under these rules with these keys".
///
/// It parses once, then runs every check in order and collects them all (a bad signature does not hide an
/// expired exp): parse → alg (present, never none, allowed by policy or key) → crit → typ (when the policy
/// requires one) → key (selection by the key-id strategy; a kid that matches nothing names the kids that exist)
/// → key_use (use/key_ops/alg of the JWK, key type fits the algorithm, HMAC key length, no weak key unless the
/// policy allows them) → signature (over the raw segments) → claim_types → iss (the policy's issuer, and the
/// issuer the key set was discovered for) → aud → nbf → exp → iat. Keys embedded in the token (jwk, jku, x5c,
/// x5u) are reported as findings and never used.
class Verifier
{
public:
    [[nodiscard]] static Report verify(const QString &tokenInput, const keys::JwkSet &keySet, const Policy &policy);
    /// Parsed-token overload (the inspector re-uses its parse).
    [[nodiscard]] static Report verify(
        const jose::Inspection &inspection, const keys::JwkSet &keySet, const Policy &policy);
    /// Key ids of `header` per strategy (KrakenD §6): the id the token asks for.
    [[nodiscard]] static QString tokenKeyId(const QJsonObject &header, KeyIdStrategy strategy);
    /// The same id computed for a JWK.
    [[nodiscard]] static QString jwkKeyId(const keys::Jwk &jwk, KeyIdStrategy strategy);
    /// Why `jwk` may not verify a token of `alg` under `policy` (use/key_ops, the JWK's alg, the algorithms the key
    /// allows, key type and curve, HMAC secret length); empty when it may. The key_use check, shared with
    /// BatchVerifier's fast path.
    [[nodiscard]] static QString keyUseError(
        const keys::Jwk &jwk, std::optional<crypto::Algorithm> alg, const Policy &policy);
};

} // namespace jwb::validation
