#pragma once

#include "verification/Context.h"
#include "workspace/KeyResolver.h"

#include <QString>

#include <optional>

namespace jwb::workspace {

class KeyRing;
class TrustStore;

/// What a page hands to verification::verify / verification::simulate for a KeyChoice, and the words for it.
namespace KeyContext {

/// The label a key ring source's keys carry in reports ("key ring source "NAME"").
[[nodiscard]] QString sourceLabel(const QString &sourceName);

/// Puts `choice` into `context` (whose policy is already set):
/// - a source with keys: its keys (for a gateway endpoint their public halves, as a JWK Set URL publishes them),
///   labelled sourceLabel();
/// - a source still fetching its first keys: keysPending;
/// - a source without keys that was chosen because its URL is the endpoint's jwk_url (Reason::ConfigUrl): the
///   endpoint downloads its jwk_url itself, as ConfigOwn below (it is the same URL under the same trust);
/// - any other source without keys: keyError (the source's error, or no_key);
/// - ConfigOwn: the endpoint's own keys; for its jwk_url the trust store's extra CA for that origin is added to
///   the config's TLS (TrustStore::optionsForGateway), standing in for the roots of the gateway's host;
/// - Pasted, None: nothing (the caller reads the pasted key).
void apply(verification::Context &context, const KeyChoice &choice, const KeyRing &ring, const TrustStore &trust);

/// The keys an endpoint verifies with under `choice`, when they can be known without simulating: a source's keys,
/// or for ConfigOwn (and a ConfigUrl source without keys) the keys of the key ring source whose URL is the
/// endpoint's jwk_url. Test tokens look for the private half of these (KeyResolver::signingKeyFor).
[[nodiscard]] std::optional<keys::JwkSet> knownKeys(const KeyChoice &choice, const KeyNeed &need, const KeyRing &ring);

/// Whether the endpoint downloads its own jwk_url under this choice (ConfigOwn, or a ConfigUrl source without
/// keys), so the TLS origin and the trust store's CA matter.
[[nodiscard]] bool downloadsConfigUrl(const KeyChoice &choice);

} // namespace KeyContext

} // namespace jwb::workspace
