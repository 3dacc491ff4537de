#pragma once

#include "crypto/Algorithm.h"
#include "jose/Inspection.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keysource/NetworkOptions.h"
#include "validation/Policy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace jwb::krakend {
class ValidatorConfig;
}

namespace jwb::workspace {

class KeyRing;
class TrustStore;
struct KeySource;

/// What a token (and, for a gateway endpoint, its validator) needs from the key ring.
struct KeyNeed
{
    QJsonObject header; ///< the token's header: kid, x5t, x5t#S256 decide
    QString issuer; ///< the token's iss
    /// How the token names its key. An endpoint: its validator's key_identify_strategy, exactly as KrakenD applies
    /// it (Verifier::tokenKeyId / jwkKeyId). Empty (the Inspector): kid, then x5t, then x5t#S256, each only when
    /// the header has it.
    std::optional<validation::KeyIdStrategy> strategy;
    bool endpoint = false; ///< a gateway endpoint's context: its jwk_url and its own keys take part
    QUrl configJwkUrl; ///< the endpoint's jwk_url (empty without one)
    bool configUsesLocalPath = false; ///< the endpoint reads jwk_local_path: its jwk_url is not fetched
    bool hasPastedKey = false; ///< the Inspector: a key is typed in the Verify tab

    /// The Inspector's need: the token alone.
    [[nodiscard]] static KeyNeed forToken(const jose::Inspection &token);
    /// Simulate, All endpoints, Test tokens and "verify as endpoint": the token judged by `validator`.
    [[nodiscard]] static KeyNeed forEndpoint(const jose::Inspection &token, const krakend::ValidatorConfig &validator);
};

/// A choice the user made for one scope (see Session): a key ring source, the config's own keys, the pasted key,
/// or none (Automatic: the resolver decides).
struct KeyPin
{
    enum class Kind { Automatic, Source, ConfigOwn, Pasted };
    Kind kind = Kind::Automatic;
    QString sourceId; ///< Kind::Source only

    [[nodiscard]] static KeyPin source(const QString &id) { return {Kind::Source, id}; }
    [[nodiscard]] static KeyPin configOwn() { return {Kind::ConfigOwn, {}}; }
    [[nodiscard]] static KeyPin pasted() { return {Kind::Pasted, {}}; }
    [[nodiscard]] bool isAutomatic() const { return kind == Kind::Automatic; }
    /// The workspace form: "" (automatic), "source:ID", "config", "pasted".
    [[nodiscard]] QString toText() const;
    [[nodiscard]] static std::optional<KeyPin> fromText(const QString &text);

    friend bool operator==(const KeyPin &, const KeyPin &) = default;
};

/// Where the keys for a token come from, and why: what every page shows on its "Keys:" line.
struct KeyChoice
{
    enum class Kind {
        Source, ///< a key ring source (`sourceId`)
        ConfigOwn, ///< the endpoint's own jwk_local_path / jwk_url (the simulator reads them)
        Pasted, ///< the key typed in the Inspector's Verify tab
        None, ///< no keys
    };
    enum class Reason {
        Pinned, ///< the user chose it for this scope
        HoldsKeyId, ///< the source's keys hold the token's key id (`matchedKeyId`, under `matchedBy`)
        ConfigUrl, ///< the source's URL is the endpoint's jwk_url
        Issuer, ///< the source is the Issuer source for the token's iss
        Default, ///< nothing better: the config's own keys (endpoint), the pasted key, or none
    };
    Kind kind = Kind::None;
    Reason reason = Reason::Default;
    QString sourceId;
    QString sourceName;
    std::optional<keys::JwkSet> keys; ///< the source's keys; empty for ConfigOwn, Pasted, None and while pending
    /// The origin whose TLS settings apply: the source's URL or the endpoint's jwk_url (ConfigOwn); empty otherwise.
    QString origin;
    /// A source's fetch options (TrustStore::optionsFor). ConfigOwn: default; the simulator builds its options
    /// from the config with TrustStore::optionsForGateway.
    keysource::NetworkOptions tls;
    /// The chosen source is still fetching its first keys, or (automatic choices not made by key id) some
    /// remote source without keys yet is fetching, so the choice may still change.
    bool pending = false;
    bool stale = false; ///< the source's keys are stale (KeySource::stale)
    QString matchedKeyId; ///< the kid or x5t that matched a key of the source
    std::optional<validation::KeyIdStrategy> matchedBy;

    /// One English line for the CLI and --json ("source “idp” (holds kid “k1”)"); the UI words it itself.
    [[nodiscard]] QString describe() const;
};

/// One key of the ring that can sign, and the source that holds it.
struct SigningKey
{
    QString sourceId;
    keys::Jwk jwk;
};

/// "Keys for this token or endpoint": the one answer the Inspector, Simulate, All endpoints and Test tokens share.
/// It reads the ring and the trust store; it keeps nothing, so a new answer is one call away whenever
/// Session::choicesChanged says the ring, the trust store or a pin changed.
class KeyResolver
{
public:
    KeyResolver(const KeyRing &ring, const TrustStore &trust) : m_ring(ring), m_trust(trust) { }

    /// In this order: the pinned choice, while it still exists (a removed source falls back to automatic; the
    /// config's own keys only for an endpoint, the pasted key only without one) → the first source whose keys
    /// hold the token's key id → for an endpoint, the jwk_url source whose URL equals the config's jwk_url → the
    /// Issuer source for iss → for an endpoint the config's own keys, else the pasted key when there is one → none.
    [[nodiscard]] KeyChoice resolve(const KeyNeed &need, const KeyPin &pin = {}) const;

    /// Indexes of the sources with a key that can sign: `alg` when given (Signature::checkKeyFits), else any
    /// private or shared-secret key.
    [[nodiscard]] QList<int> signingSources(std::optional<crypto::Algorithm> alg = {}) const;
    /// The algorithms some key of `source` can sign with, in JWA order.
    [[nodiscard]] static QList<crypto::Algorithm> signingAlgorithms(const KeySource &source);
    /// Test tokens: the ring's private (or shared-secret) key whose public half is one of `verifyKeys` (RFC 7638
    /// thumbprints equal) and that can sign `alg` when given.
    [[nodiscard]] std::optional<SigningKey> signingKeyFor(
        const keys::JwkSet &verifyKeys, std::optional<crypto::Algorithm> alg = {}) const;

private:
    [[nodiscard]] std::optional<KeyChoice> pinned(const KeyNeed &need, const KeyPin &pin) const;
    [[nodiscard]] std::optional<KeyChoice> keyIdHolder(const KeyNeed &need) const;
    [[nodiscard]] std::optional<KeyChoice> bySourceUrl(const KeyNeed &need) const;
    [[nodiscard]] KeyChoice fromSource(int index, KeyChoice::Reason reason) const;
    [[nodiscard]] bool anyFetchingFirstKeys() const;

    const KeyRing &m_ring;
    const TrustStore &m_trust;
};

} // namespace jwb::workspace
