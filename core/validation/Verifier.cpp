#include "validation/Verifier.h"

#include "common/Duration.h"
#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace jwb::validation {

using common::CheckName;
using common::Finding;
using common::Outcome;
using common::Severity;
using crypto::Algorithm;

common::Result<KeyIdStrategy> keyIdStrategyFromName(const QString &name)
{
    if (name == u"kid" || name.isEmpty())
        return KeyIdStrategy::Kid;
    if (name == u"x5t")
        return KeyIdStrategy::X5t;
    if (name == u"x5t#S256")
        return KeyIdStrategy::X5tS256;
    if (name == u"kid_x5t")
        return KeyIdStrategy::KidX5t;
    return common::Result<KeyIdStrategy>::failure(QStringLiteral("usage"),
        QStringLiteral("unknown key id strategy \"%1\": use kid, x5t, x5t#S256 or kid_x5t").arg(name));
}

QString keyIdStrategyName(KeyIdStrategy s)
{
    switch (s) {
    case KeyIdStrategy::Kid:
        return QStringLiteral("kid");
    case KeyIdStrategy::X5t:
        return QStringLiteral("x5t");
    case KeyIdStrategy::X5tS256:
        return QStringLiteral("x5t#S256");
    case KeyIdStrategy::KidX5t:
        return QStringLiteral("kid_x5t");
    }
    return QString();
}

QString normalizedMediaType(const QString &typ)
{
    const QString lower = typ.toLower();
    return lower.contains(u'/') ? lower : QStringLiteral("application/") + lower;
}

QString Verifier::tokenKeyId(const QJsonObject &h, KeyIdStrategy strategy)
{
    const QString kid = h.value(QLatin1String("kid")).toString();
    switch (strategy) {
    case KeyIdStrategy::Kid:
        return kid;
    case KeyIdStrategy::X5t:
        return h.value(QLatin1String("x5t")).isString() ? h.value(QLatin1String("x5t")).toString() : kid;
    case KeyIdStrategy::X5tS256:
        return h.value(QLatin1String("x5t#S256")).isString() ? h.value(QLatin1String("x5t#S256")).toString() : kid;
    case KeyIdStrategy::KidX5t:
        return kid + (h.value(QLatin1String("x5t")).isString() ? h.value(QLatin1String("x5t")).toString() : kid);
    }
    return kid;
}

QString Verifier::jwkKeyId(const keys::Jwk &jwk, KeyIdStrategy strategy)
{
    auto b = [](const QByteArray &raw) { return QString::fromLatin1(jose::Base64Url::encode(raw)); };
    switch (strategy) {
    case KeyIdStrategy::Kid:
        return jwk.kid;
    case KeyIdStrategy::X5t:
        return jwk.x5t.isEmpty() ? QString() : b(jwk.x5t);
    case KeyIdStrategy::X5tS256:
        return jwk.x5tS256.isEmpty() ? QString() : b(jwk.x5tS256);
    case KeyIdStrategy::KidX5t:
        return jwk.kid + (jwk.x5t.isEmpty() ? QString() : b(jwk.x5t));
    }
    return jwk.kid;
}

Report Verifier::verify(const QString &tokenInput, const keys::JwkSet &keySet, const Policy &policy)
{
    return verify(jose::Inspection::inspect(tokenInput, policy.clock->nowSecs()), keySet, policy);
}

namespace {

/// The generic verifier's checks in the order it evaluates them; a check's step is its place here (parse = 1).
constexpr CheckName kCheckOrder[] = {CheckName::Parse, CheckName::Alg, CheckName::Crit, CheckName::Typ, CheckName::Key,
    CheckName::KeyUse, CheckName::Signature, CheckName::ClaimTypes, CheckName::Iss, CheckName::Aud, CheckName::Nbf,
    CheckName::Exp, CheckName::Iat};

constexpr int stepOf(CheckName name)
{
    for (int i = 0; i < int(std::size(kCheckOrder)); ++i)
        if (kCheckOrder[i] == name)
            return i + 1;
    return 0;
}

QString algList(const QList<Algorithm> &algs)
{
    QStringList names;
    for (Algorithm a : algs)
        names.append(crypto::Algorithms::name(a));
    return names.join(QStringLiteral(", "));
}

} // namespace

QString Verifier::keyUseError(const keys::Jwk &jwk, std::optional<Algorithm> alg, const Policy &policy)
{
    const QString tokenAlg = alg ? crypto::Algorithms::name(*alg) : QString();
    if (!jwk.allowsVerify())
        return QStringLiteral("the key's %1 does not allow verification")
            .arg(!jwk.use.isEmpty() && jwk.use != u"sig"
                    ? QStringLiteral("use \"%1\"").arg(jwk.use)
                    : QStringLiteral("key_ops [%1]").arg(jwk.keyOps.join(QStringLiteral(", "))));
    if (!alg)
        return QString();
    if (!jwk.alg.isEmpty() && jwk.alg != tokenAlg)
        return QStringLiteral("the key is for %1, the token uses %2").arg(jwk.alg, tokenAlg);
    if (!policy.algorithm && !jwk.allowedAlgorithms().contains(*alg))
        return QStringLiteral("%1 is not among the algorithms this key allows (%2)")
            .arg(tokenAlg, algList(jwk.allowedAlgorithms()));
    if (auto fits = crypto::Signature::checkKeyFits(*alg, jwk.key, false); !fits)
        return fits.error().message;
    if (!policy.allowWeakKeys && jwk.key.type() == crypto::KeyType::Rsa && jwk.key.bits() < 2048)
        return QStringLiteral("the RSA key has only %1 bits; RFC 7518 §3.3 requires 2048 or more (allow weak keys to "
                              "verify with it anyway)")
            .arg(jwk.key.bits());
    if (!policy.allowWeakKeys && jwk.key.isSmallOrder())
        return QStringLiteral("the Ed25519 public key is a point of small order, never a real key: signatures forged "
                              "without any private key verify under it in go-jose (KrakenD) and OpenSSL");
    if (jwk.key.type() == crypto::KeyType::Oct && jwk.key.bits() < crypto::Algorithms::hashBits(*alg))
        return QStringLiteral("the %1-bit secret is shorter than %2 requires (%3 bits, RFC 7518 §3.2)")
            .arg(jwk.key.bits())
            .arg(tokenAlg)
            .arg(crypto::Algorithms::hashBits(*alg));
    return QString();
}

namespace {

/// One run of the generic verifier over a parsed token: one method per check, called by Verifier::verify in the
/// order the class comment of Verifier gives. Each method appends its checks (and findings) to the report.
class Checks
{
public:
    Checks(const jose::Inspection &inspection, const keys::JwkSet &keySet, const Policy &policy, Report &report)
        : m_t(inspection.token),
          m_inspection(inspection),
          m_keySet(keySet),
          m_policy(policy),
          m_r(report),
          m_now(policy.clock->nowSecs())
    { }

    bool parse();
    void alg();
    void crit();
    void typ();
    void selectKey();
    void keyUseAndSignature();
    void claims();

private:
    void pass(CheckName name, const QString &message) { add(name, Outcome::Pass, message); }
    void fail(CheckName name, const QString &message) { add(name, Outcome::Fail, message); }
    void skip(CheckName name, const QString &message) { add(name, Outcome::Skip, message); }
    void add(CheckName name, Outcome outcome, const QString &message)
    {
        common::Check check;
        check.step = stepOf(name);
        check.name = name;
        check.outcome = outcome;
        check.detail = message;
        m_r.checks.append(check);
    }

    void selectNamedKey(const QString &wanted);
    void selectFittingKeys();
    void keyFindings(const keys::Jwk &jwk, bool useOk);
    QStringList claimTypes();
    void iss();
    void aud(const QStringList &audValues);
    void times();

    const jose::Token &m_t;
    const jose::Inspection &m_inspection;
    const keys::JwkSet &m_keySet;
    const Policy &m_policy;
    Report &m_r;
    const qint64 m_now;
    QString m_tokenAlg;
    std::optional<Algorithm> m_alg;
    QList<int> m_candidates;
};

/// 1. parse: false when nothing more can be checked (a JWE, or a token that could not be decoded).
bool Checks::parse()
{
    if (m_t.kind == jose::TokenKind::Jwe) {
        m_r.malformed = false;
        fail(CheckName::Parse,
            QStringLiteral("this is an encrypted token (JWE): only signed tokens (JWS) can be verified"));
        return false;
    }
    if (!m_t.isComplete() || !m_t.headerOk) {
        m_r.malformed = true;
        fail(CheckName::Parse,
            m_t.issues.isEmpty() ? QStringLiteral("the token could not be decoded") : m_t.issues.first().message);
        return false;
    }
    // Duplicate members mean two parsers can read two different tokens ({"alg":"none","alg":"ES256"}): refused,
    // as go-jose (and so KrakenD) refuses them.
    QStringList duplicates;
    for (const auto &f : m_inspection.findings)
        if (f.code == u"duplicate_key")
            duplicates.append(f.message);
    if (!duplicates.isEmpty())
        fail(CheckName::Parse, duplicates.join(QStringLiteral("; ")));
    else
        pass(CheckName::Parse,
            QStringLiteral("compact JWS, %1 header and %2 payload")
                .arg(QStringLiteral("JSON"), m_t.payloadIsJson ? QStringLiteral("JSON") : QStringLiteral("non-JSON")));
    return true;
}

/// 2. alg: present, never none, supported, the policy's (when it names one), available in this build.
void Checks::alg()
{
    const QJsonValue algValue = m_t.header.value(QLatin1String("alg"));
    m_tokenAlg = algValue.toString();
    std::optional<Algorithm> alg;
    if (!algValue.isString()) {
        fail(CheckName::Alg, QStringLiteral("the header has no alg string"));
    } else if (m_tokenAlg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        fail(CheckName::Alg, QStringLiteral("alg \"%1\" (unsecured JWS) is never accepted").arg(m_tokenAlg));
    } else if (!(alg = crypto::Algorithms::fromName(m_tokenAlg))) {
        fail(CheckName::Alg,
            QStringLiteral("alg \"%1\" is not a supported JWS algorithm (names are case-sensitive)").arg(m_tokenAlg));
    } else if (m_policy.algorithm && *m_policy.algorithm != *alg) {
        fail(CheckName::Alg,
            QStringLiteral("the token says %1 but only %2 is accepted")
                .arg(m_tokenAlg, crypto::Algorithms::name(*m_policy.algorithm)));
        alg.reset();
    } else if (!crypto::Backend::instance().isAvailable(*alg)) {
        fail(CheckName::Alg,
            QStringLiteral("%1 is unavailable: %2")
                .arg(m_tokenAlg, crypto::Backend::instance().capability(*alg).detail));
        alg.reset();
    } else {
        pass(CheckName::Alg,
            m_policy.algorithm
                ? QStringLiteral("%1, as the policy requires").arg(m_tokenAlg)
                : QStringLiteral("%1 (no algorithm named: the key decides whether it is acceptable)").arg(m_tokenAlg));
    }
    m_alg = alg;
    m_r.algorithm = alg;
}

/// 3. crit: no extension is understood here.
void Checks::crit()
{
    if (!m_t.header.contains(QLatin1String("crit")))
        return;
    QStringList names;
    const QJsonArray crit = m_t.header.value(QLatin1String("crit")).toArray();
    for (const auto &c : crit)
        names.append(c.toString());
    fail(CheckName::Crit,
        QStringLiteral("critical header extensions are not understood: %1")
            .arg(names.isEmpty() ? QStringLiteral("(malformed crit)") : names.join(QStringLiteral(", "))));
}

/// 3b. typ (explicit typing, RFC 8725 §3.11), only when the policy names a type.
void Checks::typ()
{
    if (m_policy.requiredTyp.isEmpty())
        return;
    const QJsonValue typ = m_t.header.value(QLatin1String("typ"));
    const QString wanted = normalizedMediaType(m_policy.requiredTyp);
    if (!typ.isString())
        fail(CheckName::Typ,
            typ.isUndefined() ? QStringLiteral("the header has no typ; \"%1\" is required").arg(m_policy.requiredTyp)
                              : QStringLiteral("typ is not a string; \"%1\" is required").arg(m_policy.requiredTyp));
    else if (normalizedMediaType(typ.toString()) != wanted)
        fail(CheckName::Typ,
            QStringLiteral("typ is \"%1\", \"%2\" is required").arg(typ.toString(), m_policy.requiredTyp));
    else
        pass(CheckName::Typ, QStringLiteral("typ is \"%1\" (%2)").arg(typ.toString(), wanted));
}

/// 4. key selection: by the key id strategy when the token names a key, else every key that fits the algorithm.
void Checks::selectKey()
{
    if (m_keySet.isEmpty()) {
        fail(CheckName::Key, QStringLiteral("no key to verify with"));
        return;
    }
    if (m_keySet.isMixedSymmetry()) {
        fail(CheckName::Key,
            QStringLiteral("the key set mixes shared secrets and public keys: refusing an ambiguous set"));
        return;
    }
    const QString wanted = Verifier::tokenKeyId(m_t.header, m_policy.keyIdStrategy);
    const bool tokenNamesKey
        = m_policy.keyIdStrategy == KeyIdStrategy::Kid ? m_t.header.contains(QLatin1String("kid")) : !wanted.isEmpty();
    if (tokenNamesKey)
        selectNamedKey(wanted);
    else
        selectFittingKeys();
}

void Checks::selectNamedKey(const QString &wanted)
{
    const KeyIdStrategy strategy = m_policy.keyIdStrategy;
    for (int i = 0; i < m_keySet.keys.size(); ++i)
        if (Verifier::jwkKeyId(m_keySet.keys[i], strategy) == wanted)
            m_candidates.append(i);
    if (m_candidates.isEmpty() && m_keySet.keys.size() == 1 && m_keySet.format != u"JWK Set"
        && m_keySet.keys.first().kid.isEmpty()) {
        // A single bare key (PEM, secret, JWK without kid): the token's kid cannot select anything else.
        m_candidates.append(0);
    }
    if (m_candidates.isEmpty()) {
        QStringList ids;
        for (const auto &k : m_keySet.keys)
            ids.append(QStringLiteral("\"%1\"").arg(Verifier::jwkKeyId(k, strategy)));
        fail(CheckName::Key,
            QStringLiteral("the token's %1 \"%2\" matches no key; the keys have: %3")
                .arg(keyIdStrategyName(strategy), wanted, ids.join(QStringLiteral(", "))));
    } else if (m_candidates.size() > 1) {
        fail(CheckName::Key,
            QStringLiteral("%1 \"%2\" matches %3 keys: ambiguous, refusing to guess")
                .arg(keyIdStrategyName(strategy), wanted)
                .arg(m_candidates.size()));
        m_candidates.clear();
    }
}

/// No key id in the token: every key that could serve the algorithm is a candidate.
void Checks::selectFittingKeys()
{
    QString fitError;
    for (int i = 0; i < m_keySet.keys.size(); ++i) {
        if (!m_alg) {
            m_candidates.append(i);
            continue;
        }
        if (auto fits = crypto::Signature::checkKeyFits(*m_alg, m_keySet.keys[i].key, false); fits)
            m_candidates.append(i);
        else
            fitError = fits.error().message;
    }
    if (m_candidates.isEmpty())
        fail(CheckName::Key,
            m_keySet.keys.size() == 1 && !fitError.isEmpty()
                ? fitError
                : QStringLiteral("the token names no key and none of the %1 keys can serve %2")
                      .arg(m_keySet.keys.size())
                      .arg(m_tokenAlg));
}

/// 5. key use + 6. signature, trying each candidate (more than one only when the token names no key).
void Checks::keyUseAndSignature()
{
    if (m_candidates.isEmpty()) {
        skip(CheckName::Signature, QStringLiteral("not checked: no key selected"));
        return;
    }
    int keyIndex = -1;
    QString lastUseError, lastSigError;
    bool signatureOk = false, useOk = false;
    for (int idx : std::as_const(m_candidates)) {
        const keys::Jwk &jwk = m_keySet.keys[idx];
        keyIndex = idx;
        const QString useError = Verifier::keyUseError(jwk, m_alg, m_policy);
        if (!useError.isEmpty()) {
            lastUseError = useError;
            continue;
        }
        useOk = true;
        if (!m_alg)
            break;
        auto sig = crypto::Signature::verify(*m_alg, jwk.key, m_t.signingInput(), m_t.signature);
        if (sig) {
            signatureOk = true;
            lastSigError.clear();
            break;
        }
        lastSigError = sig.error().message;
    }
    const keys::Jwk &jwk = m_keySet.keys[keyIndex];
    m_r.keyIndex = keyIndex;
    m_r.keyKid = jwk.kid;
    m_r.keyType = crypto::keyTypeName(jwk.key.type());
    m_r.keyThumbprint = jwk.thumbprint();
    const QString which = m_candidates.size() == 1
        ? QStringLiteral("key %1").arg(
            jwk.kid.isEmpty() ? QStringLiteral("#%1").arg(keyIndex + 1) : QStringLiteral("\"%1\"").arg(jwk.kid))
        : QStringLiteral("%1 candidate keys (the token has no kid)").arg(m_candidates.size());
    pass(CheckName::Key, QStringLiteral("%1: %2").arg(which, jwk.key.description()));
    if (useOk)
        pass(CheckName::KeyUse, QStringLiteral("the key may verify %1").arg(m_tokenAlg));
    else
        fail(CheckName::KeyUse, lastUseError);
    if (!useOk || !m_alg)
        skip(CheckName::Signature, QStringLiteral("not checked: no usable key and algorithm"));
    else if (signatureOk)
        pass(CheckName::Signature,
            QStringLiteral("%1 signature verified with %2").arg(m_tokenAlg, jwk.key.description()));
    else
        fail(CheckName::Signature, lastSigError);
    keyFindings(jwk, useOk);
}

void Checks::keyFindings(const keys::Jwk &jwk, bool useOk)
{
    // RFC 8725 §3.1: a key should serve one algorithm. Nothing named one here (no alg on the key, no policy
    // algorithm), so the token's own header picked it among several: say so, and how to pin it.
    if (m_alg && useOk && jwk.alg.isEmpty() && !m_policy.algorithm && jwk.allowedAlgorithms().size() > 1)
        m_r.findings.append(Finding {Severity::Warning, QStringLiteral("alg_not_restricted"), QStringLiteral("alg"),
            QStringLiteral("the key names no alg and no algorithm was required, so the token's header chose %1 "
                           "among %2 (RFC 8725 §3.1): name the algorithm to accept only it")
                .arg(m_tokenAlg, algList(jwk.allowedAlgorithms()))});
    if (jwk.key.type() == crypto::KeyType::Oct && jwk.key.bits() < 256)
        m_r.findings.append(Finding {Severity::Warning, QStringLiteral("weak_secret"), QStringLiteral("key"),
            QStringLiteral("the shared secret is only %1 bytes long").arg(jwk.key.bits() / 8)});
}

/// 7. claims: claim_types, iss, aud, nbf, exp, iat.
void Checks::claims()
{
    if (!m_t.payloadIsJson) {
        fail(CheckName::ClaimTypes, QStringLiteral("the payload is not a JSON object: not a JWT"));
        return;
    }
    const QStringList audValues = claimTypes();
    iss();
    aud(audValues);
    times();
}

/// The claim_types check; returns the aud values (a string, or the array's elements).
QStringList Checks::claimTypes()
{
    const QJsonObject &p = m_t.payload;
    QStringList typeErrors;
    for (const char *n : {"exp", "nbf", "iat"})
        if (p.contains(QLatin1String(n)) && !p.value(QLatin1String(n)).isDouble())
            typeErrors.append(QStringLiteral("%1 is not a number").arg(QLatin1String(n)));
    for (const char *n : {"iss", "sub", "jti"})
        if (p.contains(QLatin1String(n)) && !p.value(QLatin1String(n)).isString())
            typeErrors.append(QStringLiteral("%1 is not a string").arg(QLatin1String(n)));
    const QJsonValue aud = p.value(QLatin1String("aud"));
    QStringList audValues;
    if (aud.isString()) {
        audValues.append(aud.toString());
    } else if (aud.isArray()) {
        const QJsonArray arr = aud.toArray();
        for (const auto &v : arr) {
            if (!v.isString())
                typeErrors.append(QStringLiteral("aud has a non-string element"));
            audValues.append(v.toString());
        }
    } else if (!aud.isUndefined()) {
        typeErrors.append(QStringLiteral("aud is neither a string nor an array"));
    }
    if (typeErrors.isEmpty())
        pass(CheckName::ClaimTypes, QStringLiteral("registered claims have valid types"));
    else
        fail(CheckName::ClaimTypes, typeErrors.join(QStringLiteral("; ")));
    return audValues;
}

/// The required issuer: the policy's, and the one the keys were discovered for (OpenID discovery binds keys to
/// their issuer: a token of another issuer must not verify with them, whatever its signature).
void Checks::iss()
{
    const QJsonObject &p = m_t.payload;
    const QString iss = p.value(QLatin1String("iss")).toString();
    const bool hasIss = p.value(QLatin1String("iss")).isString();
    const QString &required = m_policy.issuer;
    const QString &discovered = m_keySet.issuer;
    if (!required.isEmpty() && !discovered.isEmpty() && required != discovered) {
        fail(CheckName::Iss,
            QStringLiteral("the required issuer \"%1\" is not the issuer the keys were discovered for (\"%2\"): "
                           "no token can satisfy both")
                .arg(required, discovered));
    } else if (!discovered.isEmpty()) {
        if (hasIss && iss == discovered)
            pass(CheckName::Iss, QStringLiteral("iss is \"%1\", the issuer the keys were discovered for").arg(iss));
        else
            fail(CheckName::Iss,
                hasIss ? QStringLiteral("iss is \"%1\", but the keys are those of issuer \"%2\": a token of another "
                                        "issuer must not verify with them")
                             .arg(iss, discovered)
                       : QStringLiteral("no iss claim, but the keys are those of issuer \"%1\"").arg(discovered));
    } else if (!required.isEmpty()) {
        if (hasIss && iss == required)
            pass(CheckName::Iss, QStringLiteral("iss is \"%1\"").arg(iss));
        else
            fail(CheckName::Iss,
                p.contains(QLatin1String("iss")) ? QStringLiteral("iss is \"%1\", expected \"%2\"").arg(iss, required)
                                                 : QStringLiteral("no iss claim, expected \"%1\"").arg(required));
    }
}

void Checks::aud(const QStringList &audValues)
{
    if (m_policy.audiences.isEmpty())
        return;
    QStringList missing;
    for (const auto &a : m_policy.audiences)
        if (!audValues.contains(a))
            missing.append(a);
    if (missing.isEmpty())
        pass(CheckName::Aud, QStringLiteral("aud contains %1").arg(m_policy.audiences.join(QStringLiteral(", "))));
    else
        fail(CheckName::Aud,
            QStringLiteral("aud [%1] lacks %2")
                .arg(audValues.join(QStringLiteral(", ")), missing.join(QStringLiteral(", "))));
}

/// nbf, exp and iat against the policy's clock, with its leeway.
void Checks::times()
{
    const QJsonObject &p = m_t.payload;
    const qint64 now = m_now;
    const qint64 leeway = m_policy.leewaySeconds;
    auto timeOf = [&](const char *n) -> std::optional<qint64> {
        const QJsonValue v = p.value(QLatin1String(n));
        if (!v.isDouble())
            return std::nullopt;
        // Whole seconds; beyond ±2^62 (year 146 billion) clamped, so that converting and adding the leeway
        // stay defined: such an exp never passes, such an nbf never arrives.
        constexpr double kLimit = 4611686018427387904.0;
        return static_cast<qint64>(std::clamp(std::trunc(v.toDouble()), -kLimit, kLimit));
    };
    const QString leewayText = leeway ? QStringLiteral(" (leeway %1 s)").arg(leeway) : QString();
    if (const auto nbf = timeOf("nbf")) {
        if (now + leeway >= *nbf)
            pass(CheckName::Nbf, QStringLiteral("valid since %1").arg(common::Duration::relative(*nbf, now)));
        else
            fail(CheckName::Nbf,
                QStringLiteral("not valid yet: nbf is %1%2").arg(common::Duration::relative(*nbf, now), leewayText));
    }
    if (const auto exp = timeOf("exp")) {
        if (now < *exp + leeway)
            pass(CheckName::Exp, QStringLiteral("expires %1").arg(common::Duration::relative(*exp, now)));
        else
            fail(CheckName::Exp, QStringLiteral("expired %1%2").arg(common::Duration::relative(*exp, now), leewayText));
    } else if (m_policy.requireExp) {
        fail(CheckName::Exp, QStringLiteral("no exp claim, and the policy requires one"));
    }
    if (const auto iat = timeOf("iat")) {
        if (*iat <= now + leeway)
            pass(CheckName::Iat, QStringLiteral("issued %1").arg(common::Duration::relative(*iat, now)));
        else
            fail(CheckName::Iat,
                QStringLiteral("issued in the future (%1)%2").arg(common::Duration::relative(*iat, now), leewayText));
    }
}

} // namespace

Report Verifier::verify(const jose::Inspection &inspection, const keys::JwkSet &keySet, const Policy &policy)
{
    Report r;
    r.inspection = inspection;
    r.findings = inspection.findings;
    for (const auto &f : keySet.findings)
        r.findings.append(f);
    Checks checks(inspection, keySet, policy, r);
    if (!checks.parse())
        return r;
    checks.alg();
    checks.crit();
    checks.typ();
    checks.selectKey();
    checks.keyUseAndSignature();
    checks.claims();
    r.valid = std::all_of(r.checks.begin(), r.checks.end(), [](const common::Check &c) { return c.ok(); });
    return r;
}

} // namespace jwb::validation
