#include "krakend/TestTokens.h"

#include "common/Duration.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/KeyGenerator.h"
#include "keys/Thumbprint.h"
#include "keys/TokenSigner.h"
#include "krakend/RequestBuilder.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <functional>

namespace jwb::krakend {

using common::Result;
using crypto::Algorithm;
using validation::KeyIdStrategy;

namespace {

constexpr qint64 kNanos = 1000000000LL;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(jose::Base64Url::encode(bytes));
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// Sets `value` at a dotted path, creating the intermediate objects KrakenD traverses.
void setPath(QJsonObject &root, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        root.insert(path.first(), value);
        return;
    }
    QJsonObject child = root.value(path.first()).toObject();
    setPath(child, path.mid(1), value);
    root.insert(path.first(), child);
}

QString seconds(qint64 s)
{
    return common::Duration::humanize(s);
}

/// A span in nanoseconds for people: "15s", "1h", or "0.4 s" when it is not whole seconds and short.
QString span(qint64 nanos)
{
    if (nanos % kNanos == 0 || nanos >= 60 * kNanos)
        return seconds(nanos / kNanos);
    return QStringLiteral("%1 s").arg(double(nanos) / double(kNanos), 0, 'f', 1);
}

/// The key the tokens are signed with, made able to carry the ids the strategy needs: x5t and x5t#S256 come
/// from a certificate; a key without one gets stand-in thumbprints (hashes of its public key) so that token
/// and JWK Set agree.
Result<keys::Jwk> withStrategyIds(const keys::Jwk &jwk, KeyIdStrategy strategy, QStringList &notes)
{
    if (strategy == KeyIdStrategy::Kid)
        return jwk;
    const bool needSha1 = strategy != KeyIdStrategy::X5tS256 && jwk.x5t.isEmpty();
    const bool needSha256 = strategy == KeyIdStrategy::X5tS256 && jwk.x5tS256.isEmpty();
    if (!needSha1 && !needSha256)
        return jwk;
    const QByteArray material
        = jwk.key.type() == crypto::KeyType::Oct ? keys::Thumbprint::canonicalJson(jwk.key) : jwk.key.spkiDer();
    QJsonObject json = jwk.json;
    if (needSha1)
        json.insert(QStringLiteral("x5t"), b64(QCryptographicHash::hash(material, QCryptographicHash::Sha1)));
    if (needSha256)
        json.insert(QStringLiteral("x5t#S256"), b64(QCryptographicHash::hash(material, QCryptographicHash::Sha256)));
    notes << QStringLiteral("key_identify_strategy %1 needs a certificate thumbprint; the key has none, so a "
                            "stand-in (hash of its public key) was added to the key and its JWK Set")
                 .arg(validation::keyIdStrategyName(strategy));
    return keys::Jwk::fromJson(json);
}

/// Header members that identify the key under the strategy.
QJsonObject idHeader(const keys::Jwk &jwk, KeyIdStrategy strategy, bool unknown)
{
    QJsonObject h;
    const QString kid = unknown ? QStringLiteral("unknown-kid-jwb-test") : jwk.kid;
    if (!kid.isEmpty())
        h.insert(QStringLiteral("kid"), kid);
    const auto fake = [](QCryptographicHash::Algorithm a) {
        return b64(QCryptographicHash::hash(QByteArrayLiteral("jwb unknown key"), a));
    };
    switch (strategy) {
    case KeyIdStrategy::Kid:
        break;
    case KeyIdStrategy::X5t:
    case KeyIdStrategy::KidX5t:
        h.insert(QStringLiteral("x5t"), unknown ? fake(QCryptographicHash::Sha1) : b64(jwk.x5t));
        break;
    case KeyIdStrategy::X5tS256:
        h.insert(QStringLiteral("x5t#S256"), unknown ? fake(QCryptographicHash::Sha256) : b64(jwk.x5tS256));
        break;
    }
    return h;
}

QString idText(const keys::Jwk &jwk, KeyIdStrategy strategy)
{
    switch (strategy) {
    case KeyIdStrategy::Kid:
        return jwk.kid;
    case KeyIdStrategy::X5t:
        return b64(jwk.x5t);
    case KeyIdStrategy::X5tS256:
        return b64(jwk.x5tS256);
    case KeyIdStrategy::KidX5t:
        return jwk.kid + b64(jwk.x5t);
    }
    return jwk.kid;
}

} // namespace

RequestBuilder TestTokenTarget::builder(const QString &token) const
{
    RequestBuilder b(
        token, cookieName.isEmpty() ? TokenPlacement::header(headerName) : TokenPlacement::cookie(cookieName));
    b.setMethod(method).setBaseUrl(baseUrl).setPath(path.isEmpty() ? QStringLiteral("/") : path);
    return b;
}

QString TestTokenTarget::curl(const QString &token) const
{
    return builder(token).curl();
}

SimulationRequest TestTokenTarget::request(const QString &token) const
{
    return builder(token).request();
}

const TestTokenCase *TestTokenSet::find(const QString &id) const
{
    for (const auto &c : cases)
        if (c.id == id)
            return &c;
    return nullptr;
}

QJsonObject TestTokenSet::jwksForLocalPath() const
{
    return publicSet.toJson(false);
}

bool TestTokenSet::jwksHoldsSecret() const
{
    return std::any_of(publicSet.keys.begin(), publicSet.keys.end(),
        [](const keys::Jwk &k) { return k.key.isPrivate() || k.key.type() == crypto::KeyType::Oct; });
}

QString TestTokenSet::curlScript() const
{
    QStringList lines {QStringLiteral("#!/bin/sh"),
        QStringLiteral("# Test tokens for %1 %2 (alg %3, key id \"%4\"), minted %5.")
            .arg(target.method, target.path, alg, keyId, mintedAt.toUTC().toString(Qt::ISODate)),
        QStringLiteral("# KrakenD must verify with the matching JWK Set; expected statuses come from the simulator."),
        QString()};
    for (const auto &c : cases) {
        lines << QStringLiteral("# %1: expect %2 (%3)").arg(c.title).arg(c.expectedStatus).arg(c.description);
        lines << c.curl << QString();
    }
    return lines.join(u'\n');
}

QJsonObject TestTokenSet::toJson() const
{
    QJsonArray list;
    for (const auto &c : cases) {
        list.append(QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("title"), c.title},
            {QStringLiteral("description"), c.description}, {QStringLiteral("token"), c.token},
            {QStringLiteral("expected_status"), c.expectedStatus},
            {QStringLiteral("expected_reason"), c.expectedReason}, {QStringLiteral("stopping_check"), c.stoppingCheck},
            {QStringLiteral("curl"), c.curl}, {QStringLiteral("sweep"), TestTokens::isSweep(c.kind)}});
    }
    return QJsonObject {{QStringLiteral("endpoint"), target.path}, {QStringLiteral("method"), target.method},
        {QStringLiteral("alg"), alg}, {QStringLiteral("key_id"), keyId},
        {QStringLiteral("generated_key"), generatedKey},
        {QStringLiteral("minted_at"), mintedAt.toUTC().toString(Qt::ISODate)}, {QStringLiteral("cases"), list},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}, {QStringLiteral("jwks"), jwksForLocalPath()}};
}

namespace {

/// Everything the case builders read: the config, the signing key and its ids, the clock in KrakenD's
/// arithmetic (nanosecond "now", whole-second claims, leeway of at least 1 s), and the claims and header that
/// satisfy the config.
struct MintContext
{
    const ValidatorConfig &v;
    TestTokenSet &set;
    const keys::Jwk &signing;
    KeyIdStrategy strategy = KeyIdStrategy::Kid;
    Algorithm alg = Algorithm::HS256;
    qint64 leeway = 0;
    qint64 nowNs = 0;
    QString leewayText;
    QStringList audience;
    QString rolesKey;
    QStringList rolesPath;
    QString scopesKey;
    QStringList scopesPath;
    QJsonObject base; ///< the claims that satisfy the config
    QJsonObject ids; ///< the header members that name the signing key
    QJsonObject header; ///< alg, typ and ids
};

using Signer = std::optional<std::pair<Algorithm, crypto::Key>>;

/// How a case's token is signed: with a key (signer), not at all (nullopt), or some other way.
struct SignatureSpec
{
    SignatureSpec(Signer s = std::nullopt) : signer(std::move(s)) { } // NOLINT: implicit, as the cases read
    SignatureSpec(std::nullopt_t) { } // NOLINT
    SignatureSpec(std::pair<Algorithm, crypto::Key> s) : signer(std::move(s)) { } // NOLINT
    /// A signature made some other way, over the signing input (HS256 with an empty secret, r = s = 0).
    static SignatureSpec raw(std::function<QByteArray(const QByteArray &signingInput)> make)
    {
        SignatureSpec spec;
        spec.rawSignature = std::move(make);
        return spec;
    }
    /// Signed with `signer`, then the signature dropped (the final dot kept).
    static SignatureSpec stripped(Signer signer)
    {
        SignatureSpec spec(std::move(signer));
        spec.stripSignature = true;
        return spec;
    }

    Signer signer; ///< nullopt: unsigned (alg none) unless rawSignature is set
    std::function<QByteArray(const QByteArray &signingInput)> rawSignature;
    bool stripSignature = false;
};

/// One case before it is signed and simulated.
struct CaseSpec
{
    TestTokenKind kind = TestTokenKind::Valid;
    QString id;
    QString title;
    QString description;
    QJsonObject header;
    QJsonObject payload;
    SignatureSpec signature;
};

/// A case builder: the case, nothing when it does not apply (a note says why), or an error.
using CaseBuilder = Result<std::optional<CaseSpec>> (*)(MintContext &);

Signer signedWithKey(const MintContext &c)
{
    return std::make_pair(c.alg, c.signing.key);
}

/// The base claims with exp (and iat an hour before it) replaced.
QJsonObject expiringAt(const MintContext &c, qint64 exp)
{
    QJsonObject p = c.base;
    p.insert(QStringLiteral("exp"), exp);
    p.insert(QStringLiteral("iat"), exp - 3600);
    return p;
}

Result<std::optional<CaseSpec>> validCase(MintContext &c)
{
    return std::make_optional(CaseSpec {TestTokenKind::Valid, QStringLiteral("valid"), QStringLiteral("Valid"),
        QStringLiteral("Satisfies every rule: iss, aud, roles and scopes as configured, exp in 1 h"), c.header, c.base,
        signedWithKey(c)});
}

Result<std::optional<CaseSpec>> expiredCase(MintContext &c)
{
    const qint64 exp = floorDiv(c.nowNs - c.leeway, kNanos) - 3600;
    return std::make_optional(CaseSpec {TestTokenKind::Expired, QStringLiteral("expired"), QStringLiteral("Expired"),
        QStringLiteral("exp %1 ago, far beyond the %2 leeway").arg(span(c.nowNs - exp * kNanos), c.leewayText),
        c.header, expiringAt(c, exp), signedWithKey(c)});
}

Result<std::optional<CaseSpec>> insideLeewayCase(MintContext &c)
{
    const TestTokens::LeewayTiming timing = TestTokens::insideLeewayTiming(c.leeway, c.nowNs);
    QString description = QStringLiteral("exp %1 ago, within the %2 leeway: still accepted for %3")
                              .arg(span(c.nowNs - timing.exp * kNanos), c.leewayText, span(timing.acceptedForNs));
    if (!timing.byHand)
        description += QStringLiteral(" (too short to copy and run by hand)");
    return std::make_optional(CaseSpec {TestTokenKind::InsideLeeway, QStringLiteral("inside_leeway"),
        QStringLiteral("Expired, inside leeway"), description, c.header, expiringAt(c, timing.exp), signedWithKey(c)});
}

Result<std::optional<CaseSpec>> outsideLeewayCase(MintContext &c)
{
    const qint64 exp = ceilDiv(c.nowNs - c.leeway, kNanos) - 1; // the latest exp KrakenD rejects
    return std::make_optional(CaseSpec {TestTokenKind::OutsideLeeway, QStringLiteral("outside_leeway"),
        QStringLiteral("Expired, just outside leeway"),
        QStringLiteral("exp %1 ago, just beyond the %2 leeway").arg(span(c.nowNs - exp * kNanos), c.leewayText),
        c.header, expiringAt(c, exp), signedWithKey(c)});
}

Result<std::optional<CaseSpec>> wrongAudienceCase(MintContext &c)
{
    QJsonObject p = c.base;
    p.insert(QStringLiteral("aud"), QJsonArray {QStringLiteral("wrong-audience.jwb.test")});
    return std::make_optional(
        CaseSpec {TestTokenKind::WrongAudience, QStringLiteral("wrong_audience"), QStringLiteral("Wrong audience"),
            c.audience.isEmpty() ? QStringLiteral("aud [\"wrong-audience.jwb.test\"]; the config sets no audience, so "
                                                  "KrakenD does not check aud")
                                 : QStringLiteral("aud [\"wrong-audience.jwb.test\"] instead of %1")
                                       .arg(c.audience.join(QStringLiteral(", "))),
            c.header, p, signedWithKey(c)});
}

Result<std::optional<CaseSpec>> wrongIssuerCase(MintContext &c)
{
    QJsonObject p = c.base;
    p.insert(QStringLiteral("iss"), QStringLiteral("https://wrong-issuer.jwb.test/"));
    return std::make_optional(CaseSpec {TestTokenKind::WrongIssuer, QStringLiteral("wrong_issuer"),
        QStringLiteral("Wrong issuer"),
        c.v.issuer().isEmpty() ? QStringLiteral("iss https://wrong-issuer.jwb.test/; the config sets no issuer, so "
                                                "KrakenD does not check iss")
                               : QStringLiteral("iss https://wrong-issuer.jwb.test/ instead of %1").arg(c.v.issuer()),
        c.header, p, signedWithKey(c)});
}

Result<std::optional<CaseSpec>> missingRoleCase(MintContext &c)
{
    QJsonObject p = c.base;
    p.remove(c.rolesPath.first());
    setPath(p, c.rolesPath, QJsonArray {QStringLiteral("jwb-no-such-role")});
    return std::make_optional(
        CaseSpec {TestTokenKind::MissingRole, QStringLiteral("missing_role"), QStringLiteral("Missing role"),
            c.v.roles().isEmpty()
                ? QStringLiteral("%1 holds only \"jwb-no-such-role\"; the config requires no role").arg(c.rolesKey)
                : QStringLiteral("%1 holds only \"jwb-no-such-role\", none of %2")
                      .arg(c.rolesKey, c.v.roles().join(QStringLiteral(", "))),
            c.header, p, signedWithKey(c)});
}

Result<std::optional<CaseSpec>> missingScopeCase(MintContext &c)
{
    QJsonObject p = c.base;
    const QStringList path = c.scopesKey.isEmpty() ? QStringList {QStringLiteral("scope")} : c.scopesPath;
    p.remove(path.first());
    setPath(p, path, QStringLiteral("jwb:no-such-scope"));
    return std::make_optional(
        CaseSpec {TestTokenKind::MissingScope, QStringLiteral("missing_scope"), QStringLiteral("Missing scope"),
            c.v.scopesCheckEnabled()
                ? QStringLiteral("%1 holds only \"jwb:no-such-scope\", none of %2")
                      .arg(c.scopesKey, c.v.scopes().join(QStringLiteral(", ")))
                : QStringLiteral("%1 holds only \"jwb:no-such-scope\"; the config checks no scopes (it "
                                 "needs both scopes and scopes_key)")
                      .arg(path.join(u'.')),
            c.header, p, signedWithKey(c)});
}

Result<std::optional<CaseSpec>> unknownKidCase(MintContext &c)
{
    QJsonObject h {{QStringLiteral("alg"), c.set.alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject unknownIds = idHeader(c.signing, c.strategy, true);
    for (auto it = unknownIds.begin(); it != unknownIds.end(); ++it)
        h.insert(it.key(), it.value());
    return std::make_optional(
        CaseSpec {TestTokenKind::UnknownKid, QStringLiteral("unknown_kid"), QStringLiteral("Unknown key id"),
            QStringLiteral("Signed by the right key but names a key id the JWK Set does not have (%1)")
                .arg(validation::keyIdStrategyName(c.strategy)),
            h, c.base, signedWithKey(c)});
}

Result<std::optional<CaseSpec>> algNoneCase(MintContext &c)
{
    return std::make_optional(CaseSpec {TestTokenKind::AlgNone, QStringLiteral("alg_none"), QStringLiteral("alg none"),
        QStringLiteral("Unsigned: header {\"alg\":\"none\"} and an empty signature"),
        QJsonObject {{QStringLiteral("alg"), QStringLiteral("none")}}, c.base, std::nullopt});
}

Result<std::optional<CaseSpec>> hmacWithPublicKeyCase(MintContext &c)
{
    if (c.signing.key.type() == crypto::KeyType::Oct) {
        c.set.notes << QStringLiteral("hs256_public_key left out: the validator uses a shared secret, there is no "
                                      "public key to confuse it with");
        return std::optional<CaseSpec>();
    }
    auto pem = c.signing.key.publicKey().toPem(false);
    if (!pem)
        return pem.error();
    auto secret = crypto::Key::fromSecret(pem.value());
    if (!secret)
        return secret.error();
    QJsonObject h {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    for (auto it = c.ids.begin(); it != c.ids.end(); ++it)
        h.insert(it.key(), it.value());
    return std::make_optional(CaseSpec {TestTokenKind::HmacWithPublicKey, QStringLiteral("hs256_public_key"),
        QStringLiteral("HS256 with the public key"),
        QStringLiteral("Algorithm confusion: HS256 with the public key's PEM text as the HMAC secret"), h, c.base,
        std::make_pair(Algorithm::HS256, secret.value())});
}

Result<std::optional<CaseSpec>> notYetValidCase(MintContext &c)
{
    QJsonObject p = c.base;
    const qint64 nbf = ceilDiv(c.nowNs + c.leeway, kNanos) + 3600;
    p.insert(QStringLiteral("nbf"), nbf);
    p.insert(QStringLiteral("exp"), nbf + 3600);
    return std::make_optional(
        CaseSpec {TestTokenKind::NotYetValid, QStringLiteral("nbf_future"), QStringLiteral("Not yet valid"),
            QStringLiteral("nbf in %1, beyond the %2 leeway").arg(span(nbf * kNanos - c.nowNs), c.leewayText), c.header,
            p, signedWithKey(c)});
}

/// The cases, in the order they are listed.
constexpr std::array<CaseBuilder, 12> kCaseBuilders {validCase, expiredCase, insideLeewayCase, outsideLeewayCase,
    wrongAudienceCase, wrongIssuerCase, missingRoleCase, missingScopeCase, unknownKidCase, algNoneCase,
    hmacWithPublicKeyCase, notYetValidCase};

// The security sweep's own cases (the sweep also runs algNoneCase, hmacWithPublicKeyCase and outsideLeewayCase).

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

/// The header with `alg` and the ids of the signing key, plus `extra`.
QJsonObject headerWith(const MintContext &c, const QString &alg, const QJsonObject &extra = {})
{
    QJsonObject h = c.header;
    h.insert(QStringLiteral("alg"), alg);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        h.insert(it.key(), it.value());
    return h;
}

CaseSpec unsignedAs(const MintContext &c, const QString &id, const QString &spelling)
{
    return CaseSpec {TestTokenKind::AlgNoneSpelling, id, QStringLiteral("alg \"%1\"").arg(spelling),
        QStringLiteral("Unsigned, header alg \"%1\" (a case-insensitive check of \"none\" accepts it)").arg(spelling),
        QJsonObject {{QStringLiteral("alg"), spelling}, {QStringLiteral("typ"), QStringLiteral("JWT")}}, c.base,
        std::nullopt};
}

Result<std::optional<CaseSpec>> algNoneCapitalisedCase(MintContext &c)
{
    return std::make_optional(unsignedAs(c, QStringLiteral("alg_none_capitalised"), QStringLiteral("None")));
}

Result<std::optional<CaseSpec>> algNoneUpperCase(MintContext &c)
{
    return std::make_optional(unsignedAs(c, QStringLiteral("alg_none_upper"), QStringLiteral("NONE")));
}

Result<std::optional<CaseSpec>> algNoneMixedCase(MintContext &c)
{
    return std::make_optional(unsignedAs(c, QStringLiteral("alg_none_mixed"), QStringLiteral("nOnE")));
}

Result<std::optional<CaseSpec>> embeddedJwkCase(MintContext &c)
{
    auto attacker = keys::KeyGenerator::generate(c.alg, keys::KeyIdRule::fixed(QStringLiteral("attacker")));
    if (!attacker)
        return attacker.error();
    // The attacker's own key travels in the header; the ids still name the gateway's key.
    const QJsonObject jwk = attacker->key.type() == crypto::KeyType::Oct ? keys::Jwk::toJson(attacker->key, true)
                                                                         : attacker->publicJson();
    return std::make_optional(
        CaseSpec {TestTokenKind::EmbeddedJwk, QStringLiteral("embedded_jwk"), QStringLiteral("Embedded jwk"),
            QStringLiteral("Signed with an attacker's %1 key carried in the header as jwk (CVE-2018-0114): a gateway "
                           "that trusts the token's own key accepts it")
                .arg(attacker->key.description()),
            headerWith(c, c.set.alg, {{QStringLiteral("jwk"), jwk}}), c.base, std::make_pair(c.alg, attacker->key)});
}

Result<std::optional<CaseSpec>> kidInjectionCase(MintContext &c)
{
    const QString kid = QStringLiteral("../../../../../../../../dev/null");
    return std::make_optional(
        CaseSpec {TestTokenKind::KidInjection, QStringLiteral("kid_injection"), QStringLiteral("kid path injection"),
            QStringLiteral("kid \"%1\" and HS256 with an empty secret: a gateway that reads the kid as a file name "
                           "gets an empty key and accepts it")
                .arg(kid),
            headerWith(c, QStringLiteral("HS256"), {{QStringLiteral("kid"), kid}}), c.base,
            SignatureSpec::raw([](const QByteArray &input) { return hmacSha256(QByteArray(), input); })});
}

Result<std::optional<CaseSpec>> strippedSignatureCase(MintContext &c)
{
    return std::make_optional(CaseSpec {TestTokenKind::StrippedSignature, QStringLiteral("stripped_signature"),
        QStringLiteral("Signature stripped"),
        QStringLiteral("The valid token with its signature removed (header.payload.)"), c.header, c.base,
        SignatureSpec::stripped(signedWithKey(c))});
}

Result<std::optional<CaseSpec>> psychicEcdsaCase(MintContext &c)
{
    if (crypto::Algorithms::family(c.alg) != crypto::AlgorithmFamily::Ecdsa) {
        c.set.notes << QStringLiteral("psychic_ecdsa left out: the validator's alg %1 is not ECDSA").arg(c.set.alg);
        return std::optional<CaseSpec>();
    }
    const int half = crypto::curveCoordinateBytes(crypto::Algorithms::requiredCurve(c.alg));
    return std::make_optional(CaseSpec {TestTokenKind::PsychicEcdsa, QStringLiteral("psychic_ecdsa"),
        QStringLiteral("Psychic ECDSA"),
        QStringLiteral("%1 signature with r = s = 0 (CVE-2022-21449): a verifier that skips the range check accepts "
                       "any message")
            .arg(c.set.alg),
        c.header, c.base, SignatureSpec::raw([half](const QByteArray &) { return QByteArray(2 * half, '\0'); })});
}

Result<std::optional<CaseSpec>> wrongTypCase(MintContext &c)
{
    return std::make_optional(CaseSpec {TestTokenKind::WrongTyp, QStringLiteral("wrong_typ"),
        QStringLiteral("Wrong typ"),
        QStringLiteral("typ \"dpop+jwt\" (a DPoP proof, not an access token), correctly signed: KrakenD does not check "
                       "typ, so it accepts it; a gateway that checks typ refuses it"),
        headerWith(c, c.set.alg, {{QStringLiteral("typ"), QStringLiteral("dpop+jwt")}}), c.base, signedWithKey(c)});
}

/// The sweep, in the order it is listed.
constexpr std::array<CaseBuilder, 11> kSweepBuilders {algNoneCase, algNoneCapitalisedCase, algNoneUpperCase,
    algNoneMixedCase, hmacWithPublicKeyCase, embeddedJwkCase, kidInjectionCase, strippedSignatureCase, psychicEcdsaCase,
    wrongTypCase, outsideLeewayCase};

/// The signing key: the given one (it must be able to sign the alg) or a generated one, with a kid (its
/// thumbprint when it has none) and the ids the key_identify_strategy needs. Fills the set's key members.
Result<keys::Jwk> prepareKey(
    const ValidatorConfig &v, Algorithm alg, const std::optional<keys::Jwk> &key, TestTokenSet &set)
{
    keys::Jwk signing;
    if (key) {
        if (auto fits = crypto::Signature::checkKeyFits(alg, key->key, true); !fits)
            return Result<keys::Jwk>::failure(QStringLiteral("key_cannot_sign"),
                QStringLiteral("the key cannot sign %1: %2").arg(set.alg, fits.error().message),
                {{QStringLiteral("cause"), fits.error().code}});
        signing = *key;
    } else {
        auto generated = TestTokens::generateKey(v);
        if (!generated)
            return generated.error();
        signing = generated.value();
        set.generatedKey = true;
    }
    if (signing.kid.isEmpty()) {
        // A kid-less key (PEM, bare secret) gets its RFC 7638 thumbprint as kid, so tokens and the JWK Set agree
        // on an id that stays the same for the same key.
        QJsonObject json = signing.json.isEmpty() ? keys::Jwk::toJson(signing.key, true) : signing.json;
        json.insert(QStringLiteral("kid"), keys::Thumbprint::base64Url(signing.key));
        auto withKid = keys::Jwk::fromJson(json);
        if (!withKid)
            return withKid.error();
        signing = withKid.value();
        set.notes << QStringLiteral("the key has no kid: its RFC 7638 thumbprint \"%1\" is used as kid in the tokens "
                                    "and the JWK Set")
                         .arg(signing.kid);
    }
    const KeyIdStrategy strategy = v.effectiveKeyIdStrategy();
    auto prepared = withStrategyIds(signing, strategy, set.notes);
    if (!prepared)
        return prepared.error();
    set.signingKey = prepared.value();
    set.keyId = idText(set.signingKey, strategy);

    // The verification set: public members only (go-jose refuses private JWKs as verifiers); oct stays oct.
    auto publicSet = keys::JwkSet::fromJsonObject(
        QJsonObject {{QStringLiteral("keys"), QJsonArray {set.signingKey.publicJson()}}});
    if (!publicSet)
        return publicSet.error();
    set.publicSet = publicSet.value();
    return set.signingKey;
}

MintContext mintContext(const ValidatorConfig &v, Algorithm alg, TestTokenSet &set)
{
    MintContext c {v, set, set.signingKey, v.effectiveKeyIdStrategy(), alg, v.effectiveLeewayNanos(),
        set.mintedAt.toMSecsSinceEpoch() * 1000000LL, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    c.leewayText = span(c.leeway);
    const qint64 now = floorDiv(c.nowNs, kNanos);

    // The claims that satisfy the config.
    const QString issuer = v.issuer().isEmpty() ? QStringLiteral("https://issuer.jwb.test/") : v.issuer();
    c.audience = v.audience();
    c.rolesKey = v.effectiveRolesKey();
    c.rolesPath = v.rolesLookupIsNested() ? c.rolesKey.split(u'.') : QStringList {c.rolesKey};
    c.scopesKey = v.scopesKey();
    c.scopesPath = c.scopesKey.contains(u'.') ? c.scopesKey.split(u'.') : QStringList {c.scopesKey};
    c.base = QJsonObject {{QStringLiteral("iss"), issuer}, {QStringLiteral("sub"), QStringLiteral("jwb-test-user")},
        {QStringLiteral("iat"), now}, {QStringLiteral("exp"), now + 3600}};
    if (!c.audience.isEmpty())
        c.base.insert(QStringLiteral("aud"), QJsonArray::fromStringList(c.audience));
    if (!v.roles().isEmpty())
        setPath(c.base, c.rolesPath, QJsonArray::fromStringList(v.roles()));
    if (v.scopesCheckEnabled())
        setPath(c.base, c.scopesPath, v.scopes().join(u' '));

    c.header = QJsonObject {{QStringLiteral("alg"), set.alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    c.ids = idHeader(set.signingKey, c.strategy, false);
    for (auto it = c.ids.begin(); it != c.ids.end(); ++it)
        c.header.insert(it.key(), it.value());
    return c;
}

/// Signs one case and asks the simulator what KrakenD answers to it.
Result<TestTokenCase> simulateCase(const CaseSpec &spec, const TestTokenSet &set, const TestTokens::CaseJudge &judge)
{
    TestTokenCase c;
    c.kind = spec.kind;
    c.id = spec.id;
    c.title = spec.title;
    c.description = spec.description;
    c.header = spec.header;
    c.payload = spec.payload;
    const QString signingInput = b64(compact(spec.header)) + u'.' + b64(compact(spec.payload));
    const SignatureSpec &signature = spec.signature;
    if (signature.signer) {
        auto token = keys::TokenSigner::signBytes(
            signature.signer->first, signature.signer->second, compact(spec.header), compact(spec.payload));
        if (!token)
            return token.error();
        c.token = signature.stripSignature ? signingInput + u'.' : token.value();
    } else if (signature.rawSignature) {
        c.token = signingInput + u'.' + b64(signature.rawSignature(signingInput.toLatin1()));
    } else {
        c.token = signingInput + u'.';
    }
    const SimulationResult r = judge(set.target.request(c.token));
    c.expectedStatus = r.status;
    c.expectedReason = r.reason;
    if (const auto *stop = r.stoppingCheck())
        c.stoppingCheck = stop->nameText();
    c.curl = set.target.curl(c.token);
    return c;
}

/// The offline judge of mint() and mintCase(): the Simulator with the set's public JWK Set in place of the config's
/// key source, nothing downloaded.
void makeOffline(Simulator &simulator, const TestTokenSet &set, std::shared_ptr<const common::Clock> clock)
{
    simulator.setClock(std::move(clock));
    simulator.setReplacementKeys(set.publicSet, QStringLiteral("test key \"%1\" (public JWK Set)").arg(set.keyId));
    // The replacement keys stand in for the config's source: nothing is downloaded.
    simulator.setDownloader([](const QUrl &, const keysource::NetworkOptions &) -> Result<keysource::HttpResponse> {
        return Result<keysource::HttpResponse>::failure(
            QStringLiteral("offline"), QStringLiteral("test tokens are simulated offline"));
    });
}

Result<void> checkMintable(const SimulationSetup &setup)
{
    if (!setup.hasValidator)
        return Result<void>::failure(QStringLiteral("no_validator"),
            QStringLiteral("the endpoint %1 has no auth/validator: KrakenD does not check tokens there")
                .arg(setup.endpoint.isEmpty() ? QStringLiteral("(unnamed)") : setup.endpoint));
    const ValidatorConfig &v = setup.validator;
    if (!v.algorithm())
        return Result<void>::failure(QStringLiteral("unknown_alg"),
            v.alg().isEmpty() ? QStringLiteral("the validator has no alg (KrakenD would not start)")
                              : QStringLiteral("the validator's alg \"%1\" is not one of KrakenD's 13 algorithms "
                                               "(KrakenD would not start)")
                                    .arg(v.alg()));
    return {};
}

/// A copy of `set` to mint again at `clock`'s now (defaulting `clock` to the system's): the key, ids and target kept,
/// no cases. What sweep() and mintCase() start from.
Result<TestTokenSet> retimed(
    const SimulationSetup &setup, const TestTokenSet &set, std::shared_ptr<const common::Clock> &clock)
{
    if (auto mintable = checkMintable(setup); !mintable)
        return mintable.error();
    if (!clock)
        clock = common::Clock::system();
    TestTokenSet again = set;
    again.cases.clear();
    again.mintedAt = clock->now();
    return again;
}

} // namespace

namespace TestTokens {

Result<keys::Jwk> generateKey(const ValidatorConfig &validator)
{
    const auto alg = validator.algorithm();
    if (!alg)
        return Result<keys::Jwk>::failure(QStringLiteral("unknown_alg"),
            validator.alg().isEmpty()
                ? QStringLiteral("the validator has no alg: KrakenD would not start, and no key can be chosen")
                : QStringLiteral("\"%1\" is not one of KrakenD's algorithms").arg(validator.alg()));
    return keys::KeyGenerator::generate(*alg, keys::KeyIdRule::thumbprint(QStringLiteral("jwb-test-"), 8));
}

Result<keys::Jwk> chooseKey(const ValidatorConfig &validator, const keys::JwkSet &set)
{
    const auto alg = validator.algorithm();
    if (!alg)
        return Result<keys::Jwk>::failure(QStringLiteral("unknown_alg"),
            QStringLiteral("the validator's alg \"%1\" is not usable").arg(validator.alg()));
    return keys::TokenSigner::chooseKey(*alg, set, std::nullopt);
}

TestTokenTarget targetFor(const SimulationSetup &setup, const QString &baseUrl)
{
    const RequestBuilder b = RequestBuilder::forEndpoint(setup, QString(), baseUrl);
    TestTokenTarget t;
    t.method = b.method();
    t.path = b.path();
    t.headerName = setup.validator.effectiveAuthHeaderName();
    if (b.placement().kind == TokenPlacement::Kind::Cookie)
        t.cookieName = b.placement().name;
    if (!baseUrl.isEmpty())
        t.baseUrl = baseUrl;
    return t;
}

Result<TestTokenSet> mint(const SimulationSetup &setup, const std::optional<keys::Jwk> &key,
    std::shared_ptr<const common::Clock> clock, const QString &baseUrl, const CaseJudge &judge)
{
    if (auto mintable = checkMintable(setup); !mintable)
        return mintable.error();
    const ValidatorConfig &v = setup.validator;
    const Algorithm alg = *v.algorithm();
    if (!clock)
        clock = common::Clock::system();

    TestTokenSet set;
    set.alg = crypto::Algorithms::name(alg);
    set.target = targetFor(setup, baseUrl);
    set.mintedAt = clock->now();
    if (auto prepared = prepareKey(v, alg, key, set); !prepared)
        return prepared.error();
    MintContext context = mintContext(v, alg, set);

    Simulator simulator(setup);
    makeOffline(simulator, set, clock);

    const CaseJudge judgeCase
        = judge ? judge : [&simulator](const SimulationRequest &request) { return simulator.run(request); };
    for (const CaseBuilder build : kCaseBuilders) {
        auto spec = build(context);
        if (!spec)
            return spec.error();
        if (!spec->has_value())
            continue;
        auto minted = simulateCase(**spec, set, judgeCase);
        if (!minted)
            return minted.error();
        // A config KrakenD would not start with answers no request: there is nothing to expect of a token.
        if (minted->expectedStatus == kNotStarted)
            return Result<TestTokenSet>::failure(QStringLiteral("not_started"),
                QStringLiteral("no test token gets an answer: %1").arg(minted->expectedReason));
        set.cases.append(minted.value());
    }

    if (!insideLeewayByHand(v.effectiveLeewayNanos()))
        set.notes << QStringLiteral("the leeway (%1) is too small to test \"inside_leeway\" by hand: that token is "
                                    "accepted for less than %2 after it is minted (a leeway of at least %3 leaves "
                                    "time to run its curl line)")
                         .arg(span(v.effectiveLeewayNanos()), seconds(kHandTestSeconds), seconds(kHandTestSeconds + 1));
    if (v.runtimeState() != RuntimeState::Ok)
        set.notes << QStringLiteral("the config itself fails: %1").arg(v.runtimeProblem());
    return set;
}

LeewayTiming insideLeewayTiming(qint64 leewayNs, qint64 nowNs)
{
    leewayNs = std::max(leewayNs, kNanos); // KrakenD's effective leeway is at least 1 s
    // The last whole second before now: expired from the start, and (with a leeway of at least 1 s) not before
    // now - leeway.
    LeewayTiming t;
    t.exp = std::max(ceilDiv(nowNs, kNanos) - 1, ceilDiv(nowNs - leewayNs, kNanos));
    t.acceptedForNs = t.exp * kNanos + leewayNs - nowNs;
    t.byHand = insideLeewayByHand(leewayNs);
    return t;
}

bool insideLeewayByHand(qint64 leewayNs)
{
    return leewayNs - kNanos >= kHandTestSeconds * kNanos;
}

bool isSweep(TestTokenKind kind)
{
    return kind >= TestTokenKind::AlgNoneSpelling;
}

Result<QList<TestTokenCase>> sweep(const SimulationSetup &setup, const TestTokenSet &set,
    std::shared_ptr<const common::Clock> clock, const CaseJudge &judge)
{
    auto retimedSet = retimed(setup, set, clock);
    if (!retimedSet)
        return retimedSet.error();
    TestTokenSet &again = retimedSet.value();
    again.notes.clear();
    MintContext context = mintContext(setup.validator, *setup.validator.algorithm(), again);
    Simulator simulator(setup);
    makeOffline(simulator, again, clock);
    const CaseJudge judgeCase
        = judge ? judge : [&simulator](const SimulationRequest &request) { return simulator.run(request); };
    QList<TestTokenCase> cases;
    for (const CaseBuilder build : kSweepBuilders) {
        auto spec = build(context);
        if (!spec)
            return spec.error();
        if (!spec->has_value())
            continue;
        auto minted = simulateCase(**spec, again, judgeCase);
        if (!minted)
            return minted.error();
        cases.append(minted.value());
    }
    return cases;
}

Result<void> addSweep(
    const SimulationSetup &setup, TestTokenSet &set, std::shared_ptr<const common::Clock> clock, const CaseJudge &judge)
{
    auto swept = sweep(setup, set, std::move(clock), judge);
    if (!swept)
        return swept.error();
    for (const TestTokenCase &c : swept.value())
        if (!set.find(c.id))
            set.cases.append(c);
    return {};
}

bool mintedWhenUsed(TestTokenKind kind)
{
    return kind == TestTokenKind::InsideLeeway;
}

Result<TestTokenCase> mintCase(const SimulationSetup &setup, const TestTokenSet &set, const QString &id,
    std::shared_ptr<const common::Clock> clock, const CaseJudge &judge)
{
    auto retimedSet = retimed(setup, set, clock); // the key, ids and target of the set; only the time is new
    if (!retimedSet)
        return retimedSet.error();
    TestTokenSet &again = retimedSet.value();
    MintContext context = mintContext(setup.validator, *setup.validator.algorithm(), again);
    QList<CaseBuilder> builders(kCaseBuilders.begin(), kCaseBuilders.end());
    builders.append(QList<CaseBuilder>(kSweepBuilders.begin(), kSweepBuilders.end()));
    for (const CaseBuilder build : builders) {
        auto spec = build(context);
        if (!spec)
            return spec.error();
        if (!spec->has_value() || (*spec)->id != id)
            continue;
        if (judge)
            return simulateCase(**spec, again, judge);
        Simulator simulator(setup);
        makeOffline(simulator, again, clock);
        return simulateCase(
            **spec, again, [&simulator](const SimulationRequest &request) { return simulator.run(request); });
    }
    return Result<TestTokenCase>::failure(QStringLiteral("unknown_case"),
        QStringLiteral("no test token \"%1\" for %2 %3").arg(id, set.target.method, set.target.path));
}

} // namespace TestTokens

} // namespace jwb::krakend
