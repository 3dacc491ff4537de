#include "jose/Claims.h"
#include "jose/Jwe.h"

#include "common/Duration.h"
#include "common/JsonSource.h"
#include "common/JsonText.h"
#include "crypto/Algorithm.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace jwb::jose::Claims {

using common::Finding;
using common::Findings;
using common::Severity;

QString describeClaim(const QString &name)
{
    static const QHash<QString, QString> d = {
        {QStringLiteral("iss"), QStringLiteral("Issuer: who created and signed the token (RFC 7519 §4.1.1).")},
        {QStringLiteral("sub"),
            QStringLiteral("Subject: the principal the token is about, usually a user id (RFC 7519 §4.1.2).")},
        {QStringLiteral("aud"),
            QStringLiteral("Audience: the recipients the token is meant for; a string or an array (RFC 7519 §4.1.3).")},
        {QStringLiteral("exp"),
            QStringLiteral(
                "Expiration time: the token must not be accepted on or after this instant (RFC 7519 §4.1.4).")},
        {QStringLiteral("nbf"),
            QStringLiteral("Not before: the token must not be accepted before this instant (RFC 7519 §4.1.5).")},
        {QStringLiteral("iat"), QStringLiteral("Issued at: when the token was created (RFC 7519 §4.1.6).")},
        {QStringLiteral("jti"),
            QStringLiteral("JWT ID: a unique identifier, used to prevent replay and to revoke (RFC 7519 §4.1.7).")},
        {QStringLiteral("scope"), QStringLiteral("OAuth 2.0 scopes granted, space-separated (RFC 8693 §4.2).")},
        {QStringLiteral("scp"), QStringLiteral("Scopes granted, as an array (common in Azure AD and Okta).")},
        {QStringLiteral("client_id"),
            QStringLiteral("OAuth 2.0 client the token was issued to (RFC 8693 §4.3, RFC 9068).")},
        {QStringLiteral("azp"),
            QStringLiteral("Authorized party: the client the ID token was issued to (OpenID Connect Core §2).")},
        {QStringLiteral("nonce"),
            QStringLiteral("Value that binds an ID token to the client's authentication request (OpenID Connect).")},
        {QStringLiteral("auth_time"), QStringLiteral("When the user authenticated (OpenID Connect Core §2).")},
        {QStringLiteral("acr"), QStringLiteral("Authentication context class reference (OpenID Connect Core §2).")},
        {QStringLiteral("amr"),
            QStringLiteral("Authentication methods used, e.g. pwd, mfa (OpenID Connect Core §2, RFC 8176).")},
        {QStringLiteral("sid"),
            QStringLiteral("Session id at the identity provider (OpenID Connect Front-Channel Logout).")},
        {QStringLiteral("roles"), QStringLiteral("Roles granted; KrakenD's default roles_key.")},
        {QStringLiteral("groups"), QStringLiteral("Groups the subject belongs to (RFC 9068 §2.2.3.1).")},
        {QStringLiteral("email"), QStringLiteral("The user's e-mail address (OpenID Connect standard claim).")},
        {QStringLiteral("email_verified"), QStringLiteral("Whether the e-mail address was verified (OpenID Connect).")},
        {QStringLiteral("name"), QStringLiteral("The user's full name (OpenID Connect standard claim).")},
        {QStringLiteral("preferred_username"),
            QStringLiteral("Short name the user prefers (OpenID Connect standard claim).")},
        {QStringLiteral("cnf"), QStringLiteral("Confirmation: the key the presenter must prove it holds (RFC 7800).")},
        {QStringLiteral("act"), QStringLiteral("Actor: the party acting on behalf of the subject (RFC 8693 §4.1).")},
        {QStringLiteral("realm_access"), QStringLiteral("Keycloak realm roles (nested: realm_access.roles).")},
        {QStringLiteral("resource_access"), QStringLiteral("Keycloak client roles per client (nested).")},
    };
    return d.value(name);
}

QString describeHeader(const QString &name)
{
    static const QHash<QString, QString> d = {
        {QStringLiteral("alg"),
            QStringLiteral(
                "Signature or MAC algorithm (RFC 7515 §4.1.1). A verifier must not let the token choose it.")},
        {QStringLiteral("typ"),
            QStringLiteral("Media type of the whole token, usually JWT or at+jwt (RFC 7515 §4.1.9).")},
        {QStringLiteral("cty"),
            QStringLiteral("Content type of the payload; JWT means a nested token (RFC 7515 §4.1.10).")},
        {QStringLiteral("kid"),
            QStringLiteral("Key id: which key of the issuer's JWK Set signed this (RFC 7515 §4.1.4).")},
        {QStringLiteral("jku"),
            QStringLiteral(
                "URL of a JWK Set chosen by the token itself; must never be trusted blindly (RFC 7515 §4.1.2).")},
        {QStringLiteral("jwk"),
            QStringLiteral("A public key embedded in the token; trusting it lets anyone sign (RFC 7515 §4.1.3).")},
        {QStringLiteral("x5u"), QStringLiteral("URL of an X.509 chain chosen by the token (RFC 7515 §4.1.5).")},
        {QStringLiteral("x5c"), QStringLiteral("X.509 certificate chain embedded in the token (RFC 7515 §4.1.6).")},
        {QStringLiteral("x5t"), QStringLiteral("SHA-1 thumbprint of the signing certificate (RFC 7515 §4.1.7).")},
        {QStringLiteral("x5t#S256"),
            QStringLiteral("SHA-256 thumbprint of the signing certificate (RFC 7515 §4.1.8).")},
        {QStringLiteral("crit"),
            QStringLiteral("Extensions the verifier must understand or reject the token (RFC 7515 §4.1.11).")},
        {QStringLiteral("enc"), QStringLiteral("JWE content encryption algorithm (RFC 7516 §4.1.2).")},
        {QStringLiteral("zip"), QStringLiteral("JWE compression algorithm (RFC 7516 §4.1.3).")},
        {QStringLiteral("b64"), QStringLiteral("Unencoded payload option (RFC 7797).")},
    };
    return d.value(name);
}

const QStringList &krakendAlgorithms()
{
    static const QStringList algs = [] {
        QStringList names;
        for (const crypto::Algorithm a : crypto::Algorithms::krakend())
            names.append(crypto::Algorithms::name(a));
        return names;
    }();
    return algs;
}

QString krakendRejection(crypto::Algorithm alg)
{
    switch (alg) {
    case crypto::Algorithm::Ed25519:
        return QStringLiteral("alg \"Ed25519\" is RFC 9864's name for EdDSA on an Ed25519 key; it verifies here, but "
                              "KrakenD accepts such tokens only as \"EdDSA\": its validator answers 401 (algorithm "
                              "is invalid)");
    case crypto::Algorithm::Ed448:
        return QStringLiteral("alg \"Ed448\" (RFC 9864) verifies here, but KrakenD has no Ed448 at all (go-jose "
                              "knows Ed25519 only): its validator answers 401");
    case crypto::Algorithm::ES256K:
        return QStringLiteral("alg \"ES256K\" (RFC 8812, secp256k1) verifies here, but KrakenD does not accept it "
                              "(go-jose knows P-256, P-384 and P-521 only): its validator answers 401");
    default:
        return {};
    }
}

QList<TimeClaim> times(const QJsonObject &payload, qint64 nowUnix)
{
    QList<TimeClaim> out;
    for (const char *name : {"exp", "nbf", "iat"}) {
        const QString key = QString::fromLatin1(name);
        const QJsonValue v = payload.value(key);
        if (!v.isDouble())
            continue;
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::fabs(d) > 9.2e15)
            continue;
        TimeClaim t;
        t.name = key;
        t.unix = static_cast<qint64>(std::trunc(d));
        t.utc = QDateTime::fromSecsSinceEpoch(t.unix, Qt::UTC);
        t.iso = t.utc.toString(Qt::ISODate);
        t.relative = common::Duration::relative(t.unix, nowUnix);
        const bool past = t.unix <= nowUnix;
        if (key == u"exp")
            t.summary
                = past ? QStringLiteral("expired %1").arg(t.relative) : QStringLiteral("expires %1").arg(t.relative);
        else if (key == u"nbf")
            t.summary = past ? QStringLiteral("valid since %1").arg(t.relative)
                             : QStringLiteral("becomes valid %1").arg(t.relative);
        else
            t.summary = past ? QStringLiteral("issued %1").arg(t.relative)
                             : QStringLiteral("issued in the future (%1)").arg(t.relative);
        out.append(t);
    }
    return out;
}

namespace {

void add(Findings &f, Severity s, const char *code, const QString &subject, const QString &message)
{
    f.append(Finding {s, QString::fromLatin1(code), subject, message});
}

void lintHeader(const Token &token, Findings &f)
{
    const QJsonObject &h = token.header;
    const QJsonValue alg = h.value(QLatin1String("alg"));
    if (!h.contains(QLatin1String("alg"))) {
        add(f, Severity::Error, "missing_alg", QStringLiteral("alg"),
            QStringLiteral("the header has no alg: no verifier can accept this token"));
    } else if (!alg.isString()) {
        add(f, Severity::Error, "invalid_alg", QStringLiteral("alg"),
            QStringLiteral("alg is %1, not a string").arg(common::JsonSource::kindPhrase(alg)));
    } else if (token.kind == TokenKind::Jws) {
        const QString a = alg.toString();
        if (a.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
            add(f, Severity::Error, "alg_none", QStringLiteral("alg"),
                QStringLiteral("alg is \"%1\": an unsecured token that anyone can forge; it is never accepted").arg(a));
        } else if (!krakendAlgorithms().contains(a)) {
            const auto it = std::find_if(krakendAlgorithms().begin(), krakendAlgorithms().end(),
                [&](const QString &k) { return k.compare(a, Qt::CaseInsensitive) == 0; });
            const auto known = crypto::Algorithms::fromName(a);
            if (it != krakendAlgorithms().end())
                add(f, Severity::Error, "alg_wrong_case", QStringLiteral("alg"),
                    QStringLiteral("alg \"%1\" differs from \"%2\" only in case; algorithm names are "
                                   "case-sensitive")
                        .arg(a, *it));
            else if (known)
                add(f, Severity::Warning, "alg_not_krakend", QStringLiteral("alg"), krakendRejection(*known));
            else
                add(f, Severity::Warning, "alg_unsupported", QStringLiteral("alg"),
                    QStringLiteral("alg \"%1\" is not one KrakenD accepts (%2)")
                        .arg(a, krakendAlgorithms().join(QStringLiteral(", "))));
        }
    }

    if (h.contains(QLatin1String("jwk"))) {
        if (h.value(QLatin1String("typ")).toString().compare(QLatin1String("dpop+jwt"), Qt::CaseInsensitive) == 0)
            add(f, Severity::Info, "embedded_jwk", QStringLiteral("jwk"),
                QStringLiteral("the DPoP proof carries its public key (jwk), as RFC 9449 requires; it is used only to "
                               "check this proof's own signature, never to verify any other token"));
        else
            add(f, Severity::Warning, "embedded_jwk", QStringLiteral("jwk"),
                QStringLiteral("the token carries its own public key (jwk); it is shown but never used to verify, "
                               "since anyone could sign with a key of their own"));
    }
    if (h.contains(QLatin1String("jku")))
        add(f, Severity::Warning, "embedded_jku", QStringLiteral("jku"),
            QStringLiteral("the token names its own key URL (jku: %1); it is never fetched or trusted")
                .arg(h.value(QLatin1String("jku")).toString()));
    if (h.contains(QLatin1String("x5u")))
        add(f, Severity::Warning, "embedded_x5u", QStringLiteral("x5u"),
            QStringLiteral("the token names its own certificate URL (x5u: %1); it is never fetched or trusted")
                .arg(h.value(QLatin1String("x5u")).toString()));
    if (h.contains(QLatin1String("x5c")))
        add(f, Severity::Warning, "embedded_x5c", QStringLiteral("x5c"),
            QStringLiteral("the token carries a certificate chain (x5c); it is shown but not trusted as the key"));

    if (h.contains(QLatin1String("kid"))) {
        const QJsonValue kidValue = h.value(QLatin1String("kid"));
        if (!kidValue.isString()) {
            add(f, Severity::Error, "invalid_kid", QStringLiteral("kid"),
                QStringLiteral("kid is %1; KrakenD's parser rejects a kid that is not a string")
                    .arg(common::JsonSource::kindPhrase(kidValue)));
        } else {
            const QString kid = kidValue.toString();
            static const QRegularExpression suspicious(
                QStringLiteral(
                    "(\\.\\./|\\.\\.\\\\|^/|[\\x00-\\x1f'\";|`$<>]|^https?://|^file:|--|\\bunion\\b|\\bselect\\b)"),
                QRegularExpression::CaseInsensitiveOption);
            if (kid.isEmpty())
                add(f, Severity::Warning, "empty_kid", QStringLiteral("kid"), QStringLiteral("kid is an empty string"));
            else if (suspicious.match(kid).hasMatch())
                add(f, Severity::Warning, "suspicious_kid", QStringLiteral("kid"),
                    QStringLiteral("kid \"%1\" looks like a path, URL, SQL or shell fragment: a classic key-injection "
                                   "attempt")
                        .arg(kid.left(120)));
            else if (kid.size() > 256)
                add(f, Severity::Warning, "suspicious_kid", QStringLiteral("kid"),
                    QStringLiteral("kid is %1 characters long").arg(kid.size()));
        }
    }
    if (h.contains(QLatin1String("crit"))) {
        QStringList names;
        const QJsonArray crit = h.value(QLatin1String("crit")).toArray();
        for (const auto &c : crit)
            names.append(c.toString());
        add(f, Severity::Warning, "crit_header", QStringLiteral("crit"),
            QStringLiteral("critical extensions [%1] must be understood by the verifier; KrakenD rejects them")
                .arg(names.join(QStringLiteral(", "))));
    }
    if (h.contains(QLatin1String("b64")) && h.value(QLatin1String("b64")) == QJsonValue(false))
        add(f, Severity::Warning, "unencoded_payload", QStringLiteral("b64"),
            QStringLiteral("b64:false (RFC 7797 unencoded payload) is not supported by KrakenD"));
    if (h.value(QLatin1String("cty")).toString().compare(QLatin1String("JWT"), Qt::CaseInsensitive) == 0)
        add(f, token.kind == TokenKind::Jwe ? Severity::Info : Severity::Warning, "nested_jwt", QStringLiteral("cty"),
            token.kind == TokenKind::Jwe
                ? QStringLiteral("the encrypted content is itself a token (cty JWT): decrypt it (the Decrypt tab, or "
                                 "`decrypt`) to inspect and verify the inner token")
                : QStringLiteral("the payload is itself a token (cty JWT): only this outer signature is checked, by "
                                 "this tool and by KrakenD; the inner token's claims and signature are not"));
    if (h.contains(QLatin1String("typ"))) {
        const QString typ = h.value(QLatin1String("typ")).toString();
        static const QStringList usual = {QStringLiteral("JWT"), QStringLiteral("at+jwt"),
            QStringLiteral("application/at+jwt"), QStringLiteral("JOSE"), QStringLiteral("jwt")};
        if (!usual.contains(typ))
            add(f, Severity::Info, "unusual_typ", QStringLiteral("typ"),
                QStringLiteral("typ \"%1\": this is not an ordinary access token").arg(typ));
    }
}

/// A claim may hold any JSON number (-1e300): converting one outside qint64 is undefined behaviour, so the
/// seconds are truncated and kept within about ±290 million years, as times() does.
qint64 wholeSeconds(double d)
{
    constexpr double kLimit = 9.2e15;
    return static_cast<qint64>(std::trunc(std::clamp(d, -kLimit, kLimit)));
}

void lintPayload(const Token &token, qint64 now, Findings &f)
{
    const QJsonObject &p = token.payload;
    // Types KrakenD (go-jose) insists on even when no iss/aud check is configured.
    for (const char *name : {"exp", "nbf", "iat"}) {
        const QString key = QString::fromLatin1(name);
        if (p.contains(key) && !p.value(key).isDouble())
            add(f, Severity::Error, "claim_type", key,
                QStringLiteral("%1 is %2; it must be a number of seconds (NumericDate), KrakenD rejects the token")
                    .arg(key, common::JsonSource::kindPhrase(p.value(key))));
    }
    for (const char *name : {"iss", "sub", "jti"}) {
        const QString key = QString::fromLatin1(name);
        if (p.contains(key) && !p.value(key).isString())
            add(f, Severity::Error, "claim_type", key,
                QStringLiteral("%1 is %2; it must be a string, KrakenD rejects the token")
                    .arg(key, common::JsonSource::kindPhrase(p.value(key))));
    }
    if (p.contains(QLatin1String("aud"))) {
        const QJsonValue aud = p.value(QLatin1String("aud"));
        bool ok = aud.isString();
        if (aud.isArray()) {
            const QJsonArray arr = aud.toArray();
            ok = std::all_of(arr.begin(), arr.end(), [](const QJsonValue &v) { return v.isString(); });
        }
        if (!ok)
            add(f, Severity::Error, "claim_type", QStringLiteral("aud"),
                QStringLiteral("aud is %1; it must be a string or an array of strings")
                    .arg(common::JsonSource::kindPhrase(aud)));
    }

    const QJsonValue exp = p.value(QLatin1String("exp"));
    const QJsonValue nbf = p.value(QLatin1String("nbf"));
    const QJsonValue iat = p.value(QLatin1String("iat"));
    constexpr double kMillisThreshold = 1e11; // year 5138 in seconds; any such exp is almost surely milliseconds
    // A DPoP proof (RFC 9449) has no exp: its lifetime is the server's window around iat.
    const bool dpopProof
        = token.header.value(QLatin1String("typ")).toString().compare(QLatin1String("dpop+jwt"), Qt::CaseInsensitive)
        == 0;
    if (!p.contains(QLatin1String("exp"))) {
        if (!dpopProof)
            add(f, Severity::Warning, "missing_exp", QStringLiteral("exp"),
                QStringLiteral("no exp claim: the token never expires (KrakenD does not require exp)"));
    } else if (exp.isDouble()) {
        const double e = exp.toDouble();
        if (e > kMillisThreshold) {
            add(f, Severity::Error, "exp_milliseconds", QStringLiteral("exp"),
                QStringLiteral("exp %1 looks like milliseconds; NumericDate is seconds, so the token effectively "
                               "never expires")
                    .arg(QString::number(e, 'f', 0)));
        } else if (wholeSeconds(e) <= now) {
            add(f, Severity::Error, "expired", QStringLiteral("exp"),
                QStringLiteral("expired %1 (%2)")
                    .arg(common::Duration::relative(wholeSeconds(e), now),
                        QDateTime::fromSecsSinceEpoch(wholeSeconds(e), Qt::UTC).toString(Qt::ISODate)));
        }
        if (e != std::trunc(e))
            add(f, Severity::Info, "fractional_time", QStringLiteral("exp"),
                QStringLiteral("exp has a fraction; KrakenD truncates it to whole seconds"));
    }
    if (nbf.isDouble()) {
        const double n = nbf.toDouble();
        if (n > kMillisThreshold)
            add(f, Severity::Error, "nbf_milliseconds", QStringLiteral("nbf"),
                QStringLiteral("nbf %1 looks like milliseconds: the token would not be valid for millennia")
                    .arg(QString::number(n, 'f', 0)));
        else if (wholeSeconds(n) > now)
            add(f, Severity::Error, "not_yet_valid", QStringLiteral("nbf"),
                QStringLiteral("not valid yet: nbf is %1").arg(common::Duration::relative(wholeSeconds(n), now)));
    }
    if (iat.isDouble()) {
        const double i = iat.toDouble();
        if (i > kMillisThreshold)
            add(f, Severity::Warning, "iat_milliseconds", QStringLiteral("iat"),
                QStringLiteral("iat %1 looks like milliseconds").arg(QString::number(i, 'f', 0)));
        else if (wholeSeconds(i) > now)
            add(f, Severity::Warning, "iat_in_future", QStringLiteral("iat"),
                QStringLiteral("issued in the future (%1): KrakenD rejects it beyond its leeway")
                    .arg(common::Duration::relative(wholeSeconds(i), now)));
    }
    if (exp.isDouble() && exp.toDouble() <= kMillisThreshold) {
        const double start = iat.isDouble() ? iat.toDouble() : nbf.isDouble() ? nbf.toDouble() : -1;
        if (start > 0 && start <= kMillisThreshold) {
            const auto lifetime = wholeSeconds(exp.toDouble() - start);
            if (lifetime < 0)
                add(f, Severity::Error, "exp_before_start", QStringLiteral("exp"),
                    QStringLiteral("exp is %1 before %2: the token was never valid")
                        .arg(common::Duration::humanize(-lifetime),
                            iat.isDouble() ? QStringLiteral("iat") : QStringLiteral("nbf")));
            else if (lifetime > 24 * 3600)
                add(f, Severity::Warning, "long_lifetime", QStringLiteral("exp"),
                    QStringLiteral("lifetime of %1; access tokens usually live minutes to hours")
                        .arg(common::Duration::humanize(lifetime)));
        }
    }
    for (const char *secretish : {"password", "passwd", "pwd", "secret", "client_secret", "private_key"}) {
        const QString key = QString::fromLatin1(secretish);
        if (p.contains(key))
            add(f, Severity::Warning, "sensitive_claim", key,
                QStringLiteral("claim \"%1\" looks like a secret; JWT payloads are readable by anyone").arg(key));
    }
}

} // namespace

Findings lint(const Token &token, qint64 nowUnix)
{
    Findings f;
    if (token.hadInnerWhitespace)
        add(f, Severity::Warning, "whitespace_in_token", QString(),
            QStringLiteral(
                "the token contained whitespace or line breaks, which were removed (KrakenD does the same)"));
    if (token.source.startsWith(QLatin1String("JWS JSON")))
        add(f, Severity::Info, "json_serialization", QString(),
            QStringLiteral("input was a %1; shown as its compact form").arg(token.source));
    if (token.headerOk)
        lintHeader(token, f);
    for (const SegmentRole role : {SegmentRole::Header, SegmentRole::Payload}) {
        const Segment *seg = token.segment(role);
        if (!seg || !seg->decodedOk || (role == SegmentRole::Payload && !token.payloadIsJson))
            continue;
        const QStringList dups = common::JsonText::duplicateKeys(seg->decoded);
        if (!dups.isEmpty())
            add(f, Severity::Error, "duplicate_key", segmentRoleName(role),
                QStringLiteral("the %1 repeats the member%2 %3: parsers disagree on which one wins, and KrakenD "
                               "rejects the token")
                    .arg(segmentRoleName(role), dups.size() > 1 ? QStringLiteral("s") : QString(),
                        dups.join(QStringLiteral(", "))));
    }
    if (token.kind == TokenKind::Jwe) {
        add(f, Severity::Info, "jwe_encrypted", QString(),
            QStringLiteral("this is a JWE (%1, %2): the payload is encrypted and cannot be shown without the "
                           "recipient's key; KrakenD's validator only accepts signed tokens (JWS)")
                .arg(token.header.value(QLatin1String("alg")).toString(),
                    token.header.value(QLatin1String("enc")).toString()));
        if (token.headerOk)
            f.append(jweHeaderFindings(token.header, token.header));
    } else if (token.kind == TokenKind::Jws) {
        const Segment *payloadSeg = token.segment(SegmentRole::Payload);
        if (token.payloadIsJson)
            lintPayload(token, nowUnix, f);
        else if (payloadSeg && payloadSeg->decodedOk && payloadSeg->raw.isEmpty())
            add(f, Severity::Warning, "detached_payload", QStringLiteral("payload"),
                QStringLiteral("the payload is empty (detached content, RFC 7515 Appendix F)"));
        else if (payloadSeg && payloadSeg->decodedOk)
            add(f, Severity::Warning, "payload_not_json", QStringLiteral("payload"),
                QStringLiteral("the payload is not a JSON object, so this JWS is not a JWT (%1 bytes)")
                    .arg(token.payloadBytes.size()));
        const Segment *sig = token.segment(SegmentRole::Signature);
        const bool algNone = token.alg().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
        if (sig && sig->raw.isEmpty() && !algNone)
            add(f, Severity::Error, "missing_signature", QStringLiteral("signature"),
                QStringLiteral("the signature segment is empty"));
        else if (sig && !sig->raw.isEmpty() && algNone)
            add(f, Severity::Error, "alg_none_with_signature", QStringLiteral("signature"),
                QStringLiteral("alg is none but a signature is present"));
    }
    std::stable_sort(f.begin(), f.end(),
        [](const Finding &a, const Finding &b) { return static_cast<int>(a.severity) > static_cast<int>(b.severity); });
    return f;
}

} // namespace jwb::jose::Claims
