#include "validation/TokenProfiles.h"

#include "common/Duration.h"
#include "common/JsonSource.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "jose/TokenParser.h"
#include "keys/Jwk.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

namespace jwb::validation {

using common::Finding;
using common::Findings;
using common::Severity;

namespace {

void add(Findings &f, Severity s, const char *code, const QString &subject, const QString &message)
{
    f.append(Finding {s, QString::fromLatin1(code), subject, message});
}

/// A typ value as a media type: case-insensitive, "application/" optional (RFC 7515 §4.1.9).
QString normalisedTyp(const QJsonObject &header)
{
    QString typ = header.value(QLatin1String("typ")).toString().trimmed().toLower();
    if (typ.startsWith(QLatin1String("application/")))
        typ = typ.mid(12);
    return typ;
}

/// The JWK members that only a private (or symmetric) key has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
const QStringList &privateMembers()
{
    static const QStringList names = {QStringLiteral("d"), QStringLiteral("p"), QStringLiteral("q"),
        QStringLiteral("dp"), QStringLiteral("dq"), QStringLiteral("qi"), QStringLiteral("oth"), QStringLiteral("k")};
    return names;
}

QString sha256Url(const QByteArray &data)
{
    return QString::fromLatin1(jose::Base64Url::encode(QCryptographicHash::hash(data, QCryptographicHash::Sha256)));
}

/// The claims of a given access token when it is a JWS with a JSON payload (else empty: an opaque token).
QJsonObject accessTokenClaims(const QByteArray &accessToken)
{
    const jose::Token t = jose::TokenParser::parse(QString::fromLatin1(accessToken));
    if (t.kind != jose::TokenKind::Jws || !t.payloadIsJson)
        return {};
    return t.payload;
}

void requireClaims(const QJsonObject &p, const QStringList &names, const char *code, const QString &rule, Findings &f)
{
    for (const QString &name : names) {
        if (!p.contains(name))
            add(f, Severity::Error, code, name,
                QStringLiteral("the %1 claim is missing; %2 requires it").arg(name, rule));
    }
}

void requireString(const QJsonObject &p, const QString &name, const char *code, Findings &f)
{
    if (p.contains(name) && !p.value(name).isString())
        add(f, Severity::Error, code, name,
            QStringLiteral("%1 is %2; it must be a string").arg(name, common::JsonSource::kindPhrase(p.value(name))));
}

/// The public JWK in a DPoP proof's header (private members dropped), if it reads as a key.
std::optional<keys::Jwk> proofKey(const QJsonObject &header)
{
    QJsonObject json = header.value(QLatin1String("jwk")).toObject();
    if (json.isEmpty() || json.value(QLatin1String("kty")).toString() == QLatin1String("oct"))
        return std::nullopt;
    for (const QString &name : privateMembers())
        json.remove(name);
    auto parsed = keys::Jwk::fromJson(json);
    if (!parsed)
        return std::nullopt;
    return parsed.value();
}

/// cnf.jkt of an access token against the key of the DPoP proof given with it (RFC 9449 §6.1).
void compareProofKey(const QString &jkt, const QByteArray &proof, Findings &f)
{
    const jose::Token token = jose::TokenParser::parse(QString::fromLatin1(proof));
    const std::optional<keys::Jwk> jwk = token.headerOk ? proofKey(token.header) : std::nullopt;
    if (!jwk) {
        add(f, Severity::Error, "cnf_jkt_no_proof_key", QStringLiteral("cnf.jkt"),
            QStringLiteral("the given DPoP proof carries no usable public jwk, so cnf.jkt cannot be compared"));
        return;
    }
    const QString thumbprint = jwk->thumbprint();
    if (thumbprint == jkt)
        add(f, Severity::Info, "cnf_jkt_match", QStringLiteral("cnf.jkt"),
            QStringLiteral("cnf.jkt matches the RFC 7638 thumbprint of the DPoP proof's jwk (%1)").arg(thumbprint));
    else
        add(f, Severity::Error, "cnf_jkt_mismatch", QStringLiteral("cnf.jkt"),
            QStringLiteral("cnf.jkt is %1, but the DPoP proof's jwk has the RFC 7638 thumbprint %2: the token is bound "
                           "to another key")
                .arg(jkt, thumbprint));
}

/// The checks of cnf (RFC 7800 §3): jkt (RFC 9449 §6.1), x5t#S256 (RFC 8705 §3.1), jwk.
void checkConfirmation(const QJsonObject &payload, const ProfileInputs &in, Findings &f)
{
    const QString x5tName = QStringLiteral("x5t#S256");
    if (!payload.contains(QLatin1String("cnf"))) {
        if (!in.certificateDer.isEmpty())
            add(f, Severity::Warning, "cnf_x5t_missing", QStringLiteral("cnf"),
                QStringLiteral("a certificate was given, but the token has no cnf.x5t#S256: it is not bound to a "
                               "client certificate (RFC 8705 §3)"));
        return;
    }
    const QJsonValue cnfValue = payload.value(QLatin1String("cnf"));
    if (!cnfValue.isObject()) {
        add(f, Severity::Error, "cnf_type", QStringLiteral("cnf"),
            QStringLiteral("cnf is %1; it must be a JSON object (RFC 7800 §3.1)")
                .arg(common::JsonSource::kindPhrase(cnfValue)));
        return;
    }
    const QJsonObject cnf = cnfValue.toObject();
    if (cnf.contains(QLatin1String("jkt"))) {
        const QJsonValue jkt = cnf.value(QLatin1String("jkt"));
        if (!jkt.isString())
            add(f, Severity::Error, "cnf_type", QStringLiteral("cnf.jkt"),
                QStringLiteral("cnf.jkt is %1; it must be a string (RFC 9449 §6.1)")
                    .arg(common::JsonSource::kindPhrase(jkt)));
        else if (in.dpopProof.isEmpty())
            add(f, Severity::Info, "cnf_jkt", QStringLiteral("cnf.jkt"),
                QStringLiteral("bound to the DPoP key whose RFC 7638 thumbprint is %1 (RFC 9449 §6.1); decode the "
                               "DPoP proof with this token as its access token to compare")
                    .arg(jkt.toString()));
        else
            compareProofKey(jkt.toString(), in.dpopProof, f);
    }
    if (cnf.contains(x5tName)) {
        const QJsonValue x5t = cnf.value(x5tName);
        if (!x5t.isString()) {
            add(f, Severity::Error, "cnf_type", QStringLiteral("cnf.x5t#S256"),
                QStringLiteral("cnf.x5t#S256 is %1; it must be a string (RFC 8705 §3.1)")
                    .arg(common::JsonSource::kindPhrase(x5t)));
        } else if (in.certificateDer.isEmpty()) {
            add(f, Severity::Info, "cnf_x5t", QStringLiteral("cnf.x5t#S256"),
                QStringLiteral("bound to the client certificate whose SHA-256 thumbprint is %1 (RFC 8705 §3.1); give "
                               "the certificate to compare")
                    .arg(x5t.toString()));
        } else {
            const QString actual = sha256Url(in.certificateDer);
            if (actual == x5t.toString())
                add(f, Severity::Info, "cnf_x5t_match", QStringLiteral("cnf.x5t#S256"),
                    QStringLiteral("cnf.x5t#S256 matches the given certificate (SHA-256 of its DER: %1)").arg(actual));
            else
                add(f, Severity::Error, "cnf_x5t_mismatch", QStringLiteral("cnf.x5t#S256"),
                    QStringLiteral("cnf.x5t#S256 is %1, but the given certificate's SHA-256 thumbprint is %2: the "
                                   "token is bound to another certificate (RFC 8705 §3)")
                        .arg(x5t.toString(), actual));
        }
    } else if (!in.certificateDer.isEmpty()) {
        add(f, Severity::Warning, "cnf_x5t_missing", QStringLiteral("cnf"),
            QStringLiteral("a certificate was given, but cnf has no x5t#S256: the token is not bound to a client "
                           "certificate (RFC 8705 §3)"));
    }
    if (cnf.contains(QLatin1String("jwk")))
        add(f, Severity::Info, "cnf_jwk", QStringLiteral("cnf.jwk"),
            QStringLiteral("bound to the key in cnf.jwk (RFC 7800 §3.2): the presenter must prove it holds that key"));
}

void checkAccessToken(const jose::Token &token, const ProfileInputs &in, Findings &f)
{
    add(f, Severity::Info, "profile_access_token", QStringLiteral("typ"),
        QStringLiteral("typ \"%1\": checked as an OAuth 2.0 JWT access token (RFC 9068)")
            .arg(token.header.value(QLatin1String("typ")).toString()));
    const QString alg = token.alg();
    if (alg.isEmpty() || alg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        add(f, Severity::Error, "at_unsigned", QStringLiteral("alg"),
            QStringLiteral("a JWT access token must be signed; alg \"none\" is not allowed (RFC 9068 §2.1, §4)"));
    if (!token.payloadIsJson) {
        add(f, Severity::Error, "at_claims", QStringLiteral("payload"),
            QStringLiteral("the payload is not a JSON claims set, so the required claims cannot be read"));
        return;
    }
    const QJsonObject &p = token.payload;
    requireClaims(p,
        {QStringLiteral("iss"), QStringLiteral("exp"), QStringLiteral("aud"), QStringLiteral("sub"),
            QStringLiteral("client_id"), QStringLiteral("iat"), QStringLiteral("jti")},
        "at_claim_missing", QStringLiteral("RFC 9068 §2.2"), f);
    // iss, exp, aud, sub, iat and jti have their types checked by the decode lints (jose::Claims).
    requireString(p, QStringLiteral("client_id"), "at_claim_type", f);
    checkConfirmation(p, in, f);
}

/// typ, alg and jwk of a DPoP proof; the jwk when it can be used, and in `usableAlg` the algorithm when it fits.
std::optional<keys::Jwk> checkDpopHeader(
    const jose::Token &token, std::optional<crypto::Algorithm> &usableAlg, Findings &f)
{
    const QJsonObject &h = token.header;
    add(f, Severity::Info, "profile_dpop_proof", QStringLiteral("typ"),
        QStringLiteral("typ \"%1\": checked as a DPoP proof (RFC 9449 §4.2)")
            .arg(h.value(QLatin1String("typ")).toString()));
    if (h.value(QLatin1String("typ")).toString() != QLatin1String("dpop+jwt"))
        add(f, Severity::Warning, "dpop_typ", QStringLiteral("typ"),
            QStringLiteral("typ must be exactly \"dpop+jwt\" (RFC 9449 §4.2); servers may compare it literally"));

    // alg: asymmetric, not none (RFC 9449 §4.2, §4.3 item 7).
    const QString algName = token.alg();
    const auto alg = crypto::Algorithms::fromName(algName);
    if (algName.isEmpty() || algName.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        add(f, Severity::Error, "dpop_alg", QStringLiteral("alg"),
            QStringLiteral("a DPoP proof must be signed with an asymmetric algorithm; alg \"none\" is not allowed "
                           "(RFC 9449 §4.2)"));
    else if (!alg)
        add(f, Severity::Error, "dpop_alg", QStringLiteral("alg"),
            QStringLiteral("alg \"%1\" is not a JWS algorithm this tool knows, so the proof cannot be checked")
                .arg(algName));
    else if (crypto::Algorithms::family(*alg) == crypto::AlgorithmFamily::Hmac)
        add(f, Severity::Error, "dpop_alg", QStringLiteral("alg"),
            QStringLiteral("alg %1 is a MAC; a DPoP proof must use an asymmetric algorithm (RFC 9449 §4.2)")
                .arg(algName));
    else
        usableAlg = alg;

    // jwk: present, public, asymmetric (RFC 9449 §4.2, §4.3 items 8 and 9).
    std::optional<keys::Jwk> jwk;
    const QJsonValue jwkValue = h.value(QLatin1String("jwk"));
    if (!jwkValue.isObject()) {
        add(f, Severity::Error, "dpop_jwk_missing", QStringLiteral("jwk"),
            h.contains(QLatin1String("jwk"))
                ? QStringLiteral("jwk is %1; a DPoP proof must carry its public key as a JWK object (RFC 9449 §4.2)")
                      .arg(common::JsonSource::kindPhrase(jwkValue))
                : QStringLiteral("no jwk header: a DPoP proof must carry the public key it is signed with "
                                 "(RFC 9449 §4.2)"));
    } else {
        QJsonObject jwkJson = jwkValue.toObject();
        const bool symmetric = jwkJson.value(QLatin1String("kty")).toString() == QLatin1String("oct");
        QStringList secret;
        for (const QString &name : privateMembers()) {
            if (jwkJson.contains(name))
                secret.append(name);
        }
        if (symmetric)
            add(f, Severity::Error, "dpop_jwk_symmetric", QStringLiteral("jwk"),
                QStringLiteral("the jwk is a symmetric (oct) key: a DPoP proof needs an asymmetric key, and this one "
                               "discloses the secret to everyone who sees the proof"));
        else if (!secret.isEmpty())
            add(f, Severity::Error, "dpop_jwk_private", QStringLiteral("jwk"),
                QStringLiteral("the jwk carries private key members (%1): the key is compromised; a DPoP proof must "
                               "carry the public key only (RFC 9449 §4.3)")
                    .arg(secret.join(QStringLiteral(", "))));
        if (!symmetric) {
            for (const QString &name : secret)
                jwkJson.remove(name);
            auto parsed = keys::Jwk::fromJson(jwkJson);
            if (!parsed)
                add(f, Severity::Error, "dpop_jwk_invalid", QStringLiteral("jwk"),
                    QStringLiteral("the jwk cannot be read: %1").arg(parsed.error().message));
            else
                jwk = parsed.value();
        }
    }
    return jwk;
}

/// htm, htu, iat, jti (RFC 9449 §4.2) and the age of iat.
void checkDpopClaims(const QJsonObject &p, const ProfileInputs &in, Findings &f)
{
    requireClaims(p, {QStringLiteral("jti"), QStringLiteral("htm"), QStringLiteral("htu"), QStringLiteral("iat")},
        "dpop_claim_missing", QStringLiteral("RFC 9449 §4.2"), f);
    // iat and jti have their types checked by the decode lints (jose::Claims).
    for (const QString &name : {QStringLiteral("htm"), QStringLiteral("htu"), QStringLiteral("ath")})
        requireString(p, name, "dpop_claim_type", f);
    if (p.value(QLatin1String("htu")).isString()) {
        const QUrl htu(p.value(QLatin1String("htu")).toString(), QUrl::StrictMode);
        if (!htu.isValid() || htu.isRelative())
            add(f, Severity::Error, "dpop_htu", QStringLiteral("htu"),
                QStringLiteral("htu must be the absolute HTTP URI of the request (RFC 9449 §4.2)"));
        else if (htu.hasQuery() || htu.hasFragment())
            add(f, Severity::Warning, "dpop_htu", QStringLiteral("htu"),
                QStringLiteral("htu carries a query or fragment; RFC 9449 §4.2 sends the URI without them, and "
                               "servers compare it that way"));
    }
    const QJsonValue iat = p.value(QLatin1String("iat"));
    if (in.now > 0 && iat.isDouble()) {
        const qint64 issued = static_cast<qint64>(std::trunc(std::clamp(iat.toDouble(), -9.2e15, 9.2e15)));
        constexpr qint64 kWindow = 300;
        if (std::llabs(in.now - issued) > kWindow)
            add(f, Severity::Warning, "dpop_iat_window", QStringLiteral("iat"),
                QStringLiteral("the proof was issued %1; servers accept a proof only within a short window around its "
                               "iat, typically minutes (RFC 9449 §11.1)")
                    .arg(common::Duration::relative(issued, in.now)));
    }
}

/// ath and the binding of a given access token (RFC 9449 §4.2, §4.3 items 11 and 12, §6.1).
void checkDpopBinding(const QJsonObject &p, const ProfileInputs &in, const std::optional<keys::Jwk> &jwk, Findings &f)
{
    const QJsonValue ath = p.value(QLatin1String("ath"));
    if (in.accessToken.isEmpty()) {
        if (ath.isString())
            add(f, Severity::Info, "dpop_ath", QStringLiteral("ath"),
                QStringLiteral("the proof is for an access token whose SHA-256 hash is %1; give the access token to "
                               "compare")
                    .arg(ath.toString()));
        return;
    }
    const QString expected = TokenProfiles::accessTokenHash(in.accessToken);
    if (!p.contains(QLatin1String("ath")))
        add(f, Severity::Error, "dpop_ath_missing", QStringLiteral("ath"),
            QStringLiteral("no ath claim: a proof sent with an access token must carry its hash (RFC 9449 §4.2); "
                           "expected %1")
                .arg(expected));
    else if (ath.isString() && ath.toString() == expected)
        add(f, Severity::Info, "dpop_ath_match", QStringLiteral("ath"),
            QStringLiteral("ath matches the given access token (base64url of its SHA-256: %1)").arg(expected));
    else if (ath.isString())
        add(f, Severity::Error, "dpop_ath_mismatch", QStringLiteral("ath"),
            QStringLiteral("ath is %1, but the given access token hashes to %2: the proof was made for another "
                           "access token")
                .arg(ath.toString(), expected));

    const QJsonObject atClaims = accessTokenClaims(in.accessToken);
    if (atClaims.isEmpty())
        return; // an opaque access token: only the authorization server knows its binding
    const QJsonValue jkt = atClaims.value(QLatin1String("cnf")).toObject().value(QLatin1String("jkt"));
    if (!jkt.isString()) {
        add(f, Severity::Warning, "dpop_token_unbound", QStringLiteral("cnf.jkt"),
            QStringLiteral("the given access token has no cnf.jkt: it is not bound to a DPoP key (RFC 9449 §6.1), "
                           "so this proof does not protect it"));
    } else if (jwk) {
        const QString thumbprint = jwk->thumbprint();
        if (thumbprint == jkt.toString())
            add(f, Severity::Info, "dpop_cnf_jkt_match", QStringLiteral("cnf.jkt"),
                QStringLiteral("the access token's cnf.jkt matches the RFC 7638 thumbprint of the proof's jwk (%1)")
                    .arg(thumbprint));
        else
            add(f, Severity::Error, "dpop_cnf_jkt_mismatch", QStringLiteral("cnf.jkt"),
                QStringLiteral("the access token's cnf.jkt is %1, but the proof's jwk has the RFC 7638 thumbprint "
                               "%2: the token is bound to another key")
                    .arg(jkt.toString(), thumbprint));
    }
}

void checkDpopProof(const jose::Token &token, const ProfileInputs &in, Findings &f)
{
    std::optional<crypto::Algorithm> alg;
    const std::optional<keys::Jwk> jwk = checkDpopHeader(token, alg, f);

    // The signature, with the proof's own key.
    if (jwk && alg && token.kind == jose::TokenKind::Jws && token.isComplete()) {
        const auto verified = crypto::Signature::verify(*alg, jwk->key, token.signingInput(), token.signature);
        if (verified)
            add(f, Severity::Info, "dpop_signature_valid", QStringLiteral("signature"),
                QStringLiteral("the proof's signature verifies with the public key in its own jwk header. This is the "
                               "one case where a token's own key is used, and only for the DPoP proof itself: it "
                               "shows the sender holds that key, not that anyone trusts it"));
        else
            add(f, Severity::Error, "dpop_signature_invalid", QStringLiteral("signature"),
                QStringLiteral("the proof's signature does not verify with the public key in its own jwk header "
                               "(checked with that key only for this proof): %1")
                    .arg(verified.error().message));
    }

    if (!token.payloadIsJson) {
        add(f, Severity::Error, "dpop_claims", QStringLiteral("payload"),
            QStringLiteral("the payload is not a JSON claims set, so htm, htu, iat and jti cannot be read"));
        return;
    }
    const QJsonObject &p = token.payload;
    checkDpopClaims(p, in, f);
    checkDpopBinding(p, in, jwk, f);
}

} // namespace

namespace {

/// The JSON name and the title of a profile (both empty for None).
std::pair<QString, QString> profileWords(TokenProfile profile)
{
    switch (profile) {
    case TokenProfile::None:
        break;
    case TokenProfile::AccessToken:
        return {QStringLiteral("access_token"), QStringLiteral("OAuth access token (RFC 9068)")};
    case TokenProfile::DpopProof:
        return {QStringLiteral("dpop_proof"), QStringLiteral("DPoP proof (RFC 9449)")};
    case TokenProfile::Confirmation:
        return {QStringLiteral("confirmation"), QStringLiteral("confirmation claims (RFC 7800)")};
    }
    return {};
}

} // namespace

QString profileName(TokenProfile profile)
{
    return profileWords(profile).first;
}

QString profileTitle(TokenProfile profile)
{
    return profileWords(profile).second;
}

QJsonObject ProfileReport::toJson() const
{
    return QJsonObject {{QStringLiteral("name"), profileName(profile)},
        {QStringLiteral("title"), profileTitle(profile)}, {QStringLiteral("findings"), jose::findingsToJson(findings)}};
}

namespace TokenProfiles {

TokenProfile detect(const jose::Token &token)
{
    if (token.kind != jose::TokenKind::Jws || !token.headerOk)
        return TokenProfile::None;
    const QString typ = normalisedTyp(token.header);
    if (typ == QLatin1String("dpop+jwt"))
        return TokenProfile::DpopProof;
    if (typ == QLatin1String("at+jwt"))
        return TokenProfile::AccessToken;
    if (token.payloadIsJson && token.payload.contains(QLatin1String("cnf")))
        return TokenProfile::Confirmation;
    return TokenProfile::None;
}

ProfileReport check(const jose::Token &token, const ProfileInputs &inputs)
{
    ProfileReport report;
    report.profile = detect(token);
    switch (report.profile) {
    case TokenProfile::None:
        break;
    case TokenProfile::AccessToken:
        checkAccessToken(token, inputs, report.findings);
        break;
    case TokenProfile::DpopProof:
        checkDpopProof(token, inputs, report.findings);
        break;
    case TokenProfile::Confirmation:
        checkConfirmation(token.payload, inputs, report.findings);
        break;
    }
    return report;
}

QString accessTokenHash(const QByteArray &accessToken)
{
    return sha256Url(accessToken);
}

} // namespace TokenProfiles

} // namespace jwb::validation
