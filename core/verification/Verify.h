#pragma once

#include "jose/Inspection.h"
#include "verification/Context.h"
#include "verification/Report.h"

namespace jwb::verification {

/// The one entry point for "is this token good under this policy with these keys", for the Inspector, the Verify
/// tab and every page that judges a token.
///
/// In order: nothing is judged once `context.cancel` is cancelled (NotVerified). Keys still being fetched give
/// Pending, keys that could not be read KeyError (with or without a token: the key is wrong either way). An empty
/// token is not judged (NotVerified), nor is one without keys under the generic rules. Then the generic rules go to
/// validation::Verifier (Valid, Invalid, or Malformed when not even the token's header decodes; a readable header
/// with a broken payload or signature fails the parse check: Invalid; an SD-JWT goes to verifySdJwt with default
/// options, as the CLI's `verify` does, and is Valid only when its Disclosures and Key Binding JWT check out too, their
/// problems among the findings), and a gateway endpoint to
/// krakend::Simulator with the token placed where the endpoint's config reads it (its cookie_key when it names one,
/// else its auth_header_name as "Bearer <token>"), with the context's clock and keys: Valid when KrakenD answers
/// 200, Invalid otherwise. Simulate gives the same answer for the same token, endpoint and keys.
///
/// A gateway endpoint that downloads its jwk_url blocks until the download ends (the context's downloader).
[[nodiscard]] Report verify(const jose::Inspection &token, const Context &context);

/// The gateway half of verify() for a request the caller built (Simulate's headers, cookies and placement; Test
/// tokens' cases; All endpoints' rows): the endpoint of `context.policy.gateway` (which must be set) run by
/// krakend::Simulator with the context's clock, keys (replacing the endpoint's own source when set), and, for the
/// endpoint's own jwk_url, the context's TLS (its extra CA added to the config's) through its downloader, which
/// gets the context's cancel token. verify() with a gateway policy is simulate() of the request the endpoint's
/// config reads the token from, so every page that simulates agrees with the Inspector by construction.
[[nodiscard]] krakend::SimulationResult simulate(const krakend::SimulationRequest &request, const Context &context);

} // namespace jwb::verification
