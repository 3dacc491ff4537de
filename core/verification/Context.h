#pragma once

#include "common/CancelToken.h"
#include "common/Clock.h"
#include "common/Error.h"
#include "keys/JwkSet.h"
#include "keysource/NetworkOptions.h"
#include "krakend/Simulator.h"
#include "verification/Policy.h"

#include <QString>

#include <memory>
#include <optional>

namespace jwb::verification {

/// Everything a verification needs besides the token: the policy, the keys and where they came from, the clock, and
/// how the network is reached when a gateway endpoint downloads its own keys.
///
/// Keys: with the generic rules `keys` is the set to verify with (nullopt: no key was given, so nothing is judged).
/// With a gateway endpoint `keys` replaces the endpoint's own key source (as Simulate's key choice and the CLI's
/// --jwks do; KrakenD's rules still apply to them), and nullopt means the endpoint's own jwk_local_path or jwk_url.
/// `keyError` and `keysPending` say that the chosen keys could not be read or are still being fetched: the report
/// then says so (KeyError, Pending) without judging the token.
struct Context
{
    Policy policy;
    std::shared_ptr<const common::Clock> clock = common::Clock::system();

    std::optional<keys::JwkSet> keys;
    QString keyLabel; ///< where the keys came from, in words ("demo JWKS", "the key pasted in Verify")
    std::optional<common::Error> keyError; ///< the chosen keys could not be read: the report is a KeyError
    bool keysPending = false; ///< the chosen keys are still being fetched: the report is Pending

    /// Added to an endpoint's own TLS settings when it downloads its jwk_url: `extraCa` stands in for the roots of
    /// the host KrakenD runs on (the endpoint's jwk_local_ca, jwk_fingerprints and disable_jwk_security stay in
    /// force); `timeoutMs` bounds the download.
    keysource::NetworkOptions tls;
    /// How that download reaches the network; empty: krakend::Simulator::networkDownloader (blocking: call verify()
    /// off the GUI thread when the endpoint may download).
    krakend::JwksDownloader downloader;
    /// Cancelled: the download is not started and the report is NotVerified.
    common::CancelToken cancel;
};

} // namespace jwb::verification
