#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "krakend/RequestBuilder.h"
#include "krakend/Simulator.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace jwb::krakend {

/// What a test token is made to test.
enum class TestTokenKind {
    Valid, ///< satisfies every rule of the validator
    Expired, ///< exp an hour before the leeway window
    InsideLeeway, ///< expired, but by less than the leeway
    OutsideLeeway, ///< expired by (at most one second) more than the leeway
    WrongAudience,
    WrongIssuer,
    MissingRole,
    MissingScope,
    UnknownKid, ///< a key id no key of the JWK Set has
    AlgNone, ///< unsigned, header {"alg":"none"}
    HmacWithPublicKey, ///< HS256 keyed with the PEM text of the public key (algorithm confusion)
    NotYetValid, ///< nbf an hour after the leeway window
    // The security sweep (TestTokens::sweep): attacks every gateway must refuse, derived from the same policy.
    AlgNoneSpelling, ///< unsigned, alg "None", "NONE" or "nOnE"
    EmbeddedJwk, ///< signed by an attacker's key that the header carries as `jwk` (CVE-2018-0114)
    KidInjection, ///< kid a path to /dev/null, HS256 with an empty secret (what reading that file gives)
    StrippedSignature, ///< a correctly signed token with its signature removed
    PsychicEcdsa, ///< ES*: the signature r = s = 0 (CVE-2022-21449)
    WrongTyp, ///< typ "at+jwt"... of another token kind: KrakenD does not check typ
};

/// One minted token and what KrakenD answers to it.
struct TestTokenCase
{
    TestTokenKind kind = TestTokenKind::Valid;
    QString id; ///< stable: "valid", "expired", "inside_leeway", ... (CLI and tests)
    QString title; ///< short, for a table
    QString description; ///< what the token tests, with the concrete values
    QString token;
    QJsonObject header;
    QJsonObject payload;
    int expectedStatus = 0; ///< the Simulator's answer at the minting clock, with the signing key's JWK Set
    QString expectedReason;
    QString stoppingCheck; ///< name of the check KrakenD stops at; empty when it passes
    QString curl; ///< a curl command line sending the token as the config reads it
};

/// Where the tokens go in a request and the URL of the endpoint (for the curl lines and the simulation).
struct TestTokenTarget
{
    QString method = QStringLiteral("GET");
    QString path; ///< endpoint path with {params} replaced by sample values
    QString headerName = QStringLiteral("Authorization"); ///< effective auth_header_name
    QString cookieName; ///< set when the config names a cookie_key: the token is sent as that cookie
    QString baseUrl = QStringLiteral("http://localhost:8080");

    /// The request for `token` (krakend::RequestBuilder): the cookie when cookieName is set, else the header.
    [[nodiscard]] RequestBuilder builder(const QString &token) const;
    /// `curl -i -H 'Authorization: Bearer TOKEN' 'http://localhost:8080/PATH'` (or `--cookie 'name=TOKEN'`).
    [[nodiscard]] QString curl(const QString &token) const;
    /// The request KrakenD would get from that curl line.
    [[nodiscard]] SimulationRequest request(const QString &token) const;
};

/// A set of test tokens minted for one endpoint with one key.
struct TestTokenSet
{
    QList<TestTokenCase> cases;
    keys::Jwk signingKey; ///< private (or the shared secret); never written unless the user asks
    keys::JwkSet publicSet; ///< the verification keys (public JWKs; the secret itself for HS*)
    bool generatedKey = false;
    QString alg;
    QString keyId; ///< the id tokens carry (kid; see key_identify_strategy)
    TestTokenTarget target;
    QStringList notes; ///< cases left out and why, and what makes statuses differ from the usual ones
    QDateTime mintedAt;

    [[nodiscard]] const TestTokenCase *find(const QString &id) const;
    /// The JWK Set to save for jwk_local_path: {"keys":[public JWK]} (for HS* the oct key: KrakenD needs it).
    [[nodiscard]] QJsonObject jwksForLocalPath() const;
    /// Whether that set holds secret material (the oct key of HS*): a file with it must be 0600.
    [[nodiscard]] bool jwksHoldsSecret() const;
    /// A shell script running every case's curl line, each preceded by a comment with the expected status.
    [[nodiscard]] QString curlScript() const;
    /// docs/cli.md style: endpoint, method, alg, key_id, minted_at, cases [{id, title, description, token,
    /// expected_status, expected_reason, stopping_check, curl}], notes, jwks.
    [[nodiscard]] QJsonObject toJson() const;
};

/// Mints tokens that probe an endpoint's auth/validator (valid, expired, leeway edges, wrong aud/iss, missing
/// role/scope, unknown kid, alg none, HS256 keyed with the public key, nbf in the future). Every token is run
/// through the Simulator with the signing key's public JWK Set as replacement keys, so each case carries the
/// status KrakenD gives it under this very config (a config without `audience` accepts a wrong aud: 200).
/// Times come from the clock; leeway edges use the validator's effective leeway.
namespace TestTokens {

/// A fresh key for the validator's alg (keys::KeyGenerator): RSA 2048 (RS*, PS*), EC on the alg's curve,
/// Ed25519, or a secret as long as the hash. kid "jwb-test-" + the first 8 characters of its RFC 7638 thumbprint.
/// Errors: unknown_alg.
[[nodiscard]] common::Result<keys::Jwk> generateKey(const ValidatorConfig &validator);

/// The first key of `set` that can sign the validator's alg (errors as TokenSigner::chooseKey, or unknown_alg).
[[nodiscard]] common::Result<keys::Jwk> chooseKey(const ValidatorConfig &validator, const keys::JwkSet &set);

/// The request target of an endpoint: method, path with sample values, the header or cookie the config reads.
[[nodiscard]] TestTokenTarget targetFor(const SimulationSetup &setup, const QString &baseUrl = {});

/// What judges each minted token: the request that carries it in, KrakenD's answer out.
using CaseJudge = std::function<SimulationResult(const SimulationRequest &request)>;

/// The least time, in seconds, a person needs between copying a test token and KrakenD reading it: switching to a
/// terminal, pasting the curl line and running it.
inline constexpr qint64 kHandTestSeconds = 5;

/// When the inside_leeway token minted at `nowNs` (Unix nanoseconds) for KrakenD's effective leeway `leewayNs` (at
/// least 1 s) expires, and for how long KrakenD then still accepts it. Its exp is the last whole second before now:
/// the token is expired from the start, and stays inside the leeway for as long as the leeway allows (at least
/// leeway - 1 s after now).
struct LeewayTiming
{
    qint64 exp = 0; ///< the exp claim, Unix seconds: before now, not before now - leeway
    qint64 acceptedForNs = 0; ///< exp + leeway - now: how long after minting KrakenD accepts the token
    bool byHand = false; ///< the leeway leaves at least kHandTestSeconds for that (insideLeewayByHand)
};
[[nodiscard]] LeewayTiming insideLeewayTiming(qint64 leewayNs, qint64 nowNs);

/// Whether a leeway leaves time to test a token inside it by hand: minted when it is copied, the token is still
/// accepted kHandTestSeconds later (leeway - 1 s >= kHandTestSeconds, so a leeway of at least 6 s). mint() adds a
/// note when it does not.
[[nodiscard]] bool insideLeewayByHand(qint64 leewayNs);

/// Whether the case belongs to the security sweep rather than the test-token matrix.
[[nodiscard]] bool isSweep(TestTokenKind kind);

/// The security sweep for the endpoint of `set` (minted by mint(), whose key, ids and target it reuses): alg none in
/// four spellings, HS256 keyed with the public key, an embedded jwk, kid injection, a stripped signature, psychic
/// ECDSA (ES* only), a wrong typ, and a token expired by at most one second beyond the leeway. Each is judged as
/// mint() judges; most are refused (401), and a case KrakenD accepts (typ is not checked) says so in its
/// description. The sweep shares the matrix's alg_none, hs256_public_key and outside_leeway cases (same ids).
[[nodiscard]] common::Result<QList<TestTokenCase>> sweep(const SimulationSetup &setup, const TestTokenSet &set,
    std::shared_ptr<const common::Clock> clock, const CaseJudge &judge = {});

/// sweep() appended to `set`'s cases, without the ones the matrix already has (alg_none, hs256_public_key,
/// outside_leeway): what the CLI's --sweep and the Gateway page's "Security sweep" list and run.
[[nodiscard]] common::Result<void> addSweep(const SimulationSetup &setup, TestTokenSet &set,
    std::shared_ptr<const common::Clock> clock, const CaseJudge &judge = {});

/// Whether the case's token is what it tests only for seconds after it is minted (inside_leeway): such a case is
/// minted again (mintCase) when it is used — copied, run, opened — so that its times count from that moment.
[[nodiscard]] bool mintedWhenUsed(TestTokenKind kind);

/// Case `id` of `set` minted again at `clock`'s now, with the set's signing key, ids and target, and judged as
/// mint() judges (`judge` empty: the Simulator offline with the set's public JWK Set). Errors: unknown_case (no
/// such case for this endpoint), and those of signing.
[[nodiscard]] common::Result<TestTokenCase> mintCase(const SimulationSetup &setup, const TestTokenSet &set,
    const QString &id, std::shared_ptr<const common::Clock> clock, const CaseJudge &judge = {});

/// Mints the cases. Without `key` a key is generated (generateKey). Errors: no_validator (the endpoint has no
/// auth/validator), unknown_alg (the validator's alg is missing or not one of KrakenD's 13), key_cannot_sign
/// (the key does not fit the alg or has no private part).
///
/// `judge` empty: every case is simulated offline with the signing key's public JWK Set as replacement keys. Given
/// (the GUI passes verification::simulate with the context Simulate uses for this endpoint: the same key choice,
/// clock and TLS), each case gets the answer `judge` gives; the cases are still built from `clock`.
[[nodiscard]] common::Result<TestTokenSet> mint(const SimulationSetup &setup, const std::optional<keys::Jwk> &key,
    std::shared_ptr<const common::Clock> clock, const QString &baseUrl = {}, const CaseJudge &judge = {});

} // namespace TestTokens

} // namespace jwb::krakend
