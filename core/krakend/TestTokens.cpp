#include "krakend/TestTokens.h"

#include "common/Duration.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/Thumbprint.h"
#include "keys/TokenSigner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

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

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

QString TestTokenTarget::curl(const QString &token) const
{
    QString base = baseUrl.isEmpty() ? QStringLiteral("http://localhost:8080") : baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    QStringList parts {QStringLiteral("curl -i")};
    if (method.compare(u"GET", Qt::CaseInsensitive) != 0)
        parts << QStringLiteral("-X ") + method.toUpper();
    if (!cookieName.isEmpty())
        parts << QStringLiteral("--cookie ") + shellQuote(cookieName + u'=' + token);
    else
        parts << QStringLiteral("-H ") + shellQuote(headerName + QStringLiteral(": Bearer ") + token);
    parts << shellQuote(base + (path.startsWith(u'/') ? path : u'/' + path));
    return parts.join(u' ');
}

SimulationRequest TestTokenTarget::request(const QString &token) const
{
    SimulationRequest r;
    r.method = method.toUpper();
    if (!cookieName.isEmpty())
        r.cookies.append({cookieName, token});
    else
        r.headers.append({headerName, QStringLiteral("Bearer ") + token});
    return r;
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
            {QStringLiteral("curl"), c.curl}});
    }
    return QJsonObject {{QStringLiteral("endpoint"), target.path}, {QStringLiteral("method"), target.method},
        {QStringLiteral("alg"), alg}, {QStringLiteral("key_id"), keyId},
        {QStringLiteral("generated_key"), generatedKey},
        {QStringLiteral("minted_at"), mintedAt.toUTC().toString(Qt::ISODate)}, {QStringLiteral("cases"), list},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}, {QStringLiteral("jwks"), jwksForLocalPath()}};
}

namespace TestTokens {

Result<keys::Jwk> generateKey(const ValidatorConfig &validator)
{
    const auto alg = validator.algorithm();
    if (!alg)
        return Result<keys::Jwk>::failure(QStringLiteral("unknown_alg"),
            validator.alg().isEmpty()
                ? QStringLiteral("the validator has no alg: KrakenD would not start, and no key can be chosen")
                : QStringLiteral("\"%1\" is not one of KrakenD's algorithms").arg(validator.alg()));
    const crypto::KeyType type = crypto::Algorithms::keyType(*alg);
    int bits = 0;
    if (type == crypto::KeyType::Rsa)
        bits = 2048;
    else if (type == crypto::KeyType::Oct)
        bits = crypto::Algorithms::hashBits(*alg);
    auto key = crypto::Key::generate(type, bits, crypto::Algorithms::requiredCurve(*alg));
    if (!key)
        return key.error();
    const QString kid = QStringLiteral("jwb-test-") + keys::Thumbprint::base64Url(key.value()).left(8);
    return keys::Jwk::fromKey(key.value(), kid, crypto::Algorithms::name(*alg), QStringLiteral("sig"));
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
    TestTokenTarget t;
    t.method = setup.method.isEmpty() ? QStringLiteral("GET") : setup.method.toUpper();
    // {param} segments need a concrete value in a URL; "1" fits most ids.
    static const QRegularExpression param(QStringLiteral("\\{[^/}]*\\}"));
    t.path = setup.endpoint;
    t.path.replace(param, QStringLiteral("1"));
    if (t.path.isEmpty())
        t.path = QStringLiteral("/");
    t.headerName = setup.validator.effectiveAuthHeaderName();
    // A config that names a cookie reads tokens from it (when the header is absent): send it there.
    if (!setup.validator.cookieKey().isEmpty())
        t.cookieName = setup.validator.cookieKey();
    if (!baseUrl.isEmpty())
        t.baseUrl = baseUrl;
    return t;
}

Result<TestTokenSet> mint(const SimulationSetup &setup, const std::optional<keys::Jwk> &key,
    std::shared_ptr<const common::Clock> clock, const QString &baseUrl)
{
    if (!setup.hasValidator)
        return Result<TestTokenSet>::failure(QStringLiteral("no_validator"),
            QStringLiteral("the endpoint %1 has no auth/validator: KrakenD does not check tokens there")
                .arg(setup.endpoint.isEmpty() ? QStringLiteral("(unnamed)") : setup.endpoint));
    const ValidatorConfig &v = setup.validator;
    const auto alg = v.algorithm();
    if (!alg)
        return Result<TestTokenSet>::failure(QStringLiteral("unknown_alg"),
            v.alg().isEmpty() ? QStringLiteral("the validator has no alg (KrakenD would not start)")
                              : QStringLiteral("the validator's alg \"%1\" is not one of KrakenD's 13 algorithms "
                                               "(KrakenD would not start)")
                                    .arg(v.alg()));
    if (!clock)
        clock = common::Clock::system();

    TestTokenSet set;
    set.alg = crypto::Algorithms::name(*alg);
    set.target = targetFor(setup, baseUrl);
    set.mintedAt = clock->now();

    keys::Jwk signing;
    if (key) {
        if (auto fits = crypto::Signature::checkKeyFits(*alg, key->key, true); !fits)
            return Result<TestTokenSet>::failure(QStringLiteral("key_cannot_sign"),
                QStringLiteral("the key cannot sign %1: %2").arg(set.alg, fits.error().message),
                {{QStringLiteral("cause"), fits.error().code}});
        signing = *key;
    } else {
        auto generated = generateKey(v);
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
    signing = prepared.value();
    set.signingKey = signing;
    set.keyId = idText(signing, strategy);

    // The verification set: public members only (go-jose refuses private JWKs as verifiers); oct stays oct.
    auto publicSet
        = keys::JwkSet::fromJsonObject(QJsonObject {{QStringLiteral("keys"), QJsonArray {signing.publicJson()}}});
    if (!publicSet)
        return publicSet.error();
    set.publicSet = publicSet.value();

    // Times, in KrakenD's arithmetic: nanosecond "now", whole-second claims, leeway of at least 1 s.
    const qint64 leeway = v.effectiveLeewayNanos();
    const qint64 nowNs = set.mintedAt.toMSecsSinceEpoch() * 1000000LL;
    const qint64 now = floorDiv(nowNs, kNanos);
    const QString leewayText = span(leeway);

    // The claims that satisfy the config.
    const QString issuer = v.issuer().isEmpty() ? QStringLiteral("https://issuer.jwb.test/") : v.issuer();
    const QStringList audience = v.audience();
    const QString rolesKey = v.effectiveRolesKey();
    const QStringList rolesPath = v.rolesLookupIsNested() ? rolesKey.split(u'.') : QStringList {rolesKey};
    const QString scopesKey = v.scopesKey();
    const QStringList scopesPath = scopesKey.contains(u'.') ? scopesKey.split(u'.') : QStringList {scopesKey};

    QJsonObject base {{QStringLiteral("iss"), issuer}, {QStringLiteral("sub"), QStringLiteral("jwb-test-user")},
        {QStringLiteral("iat"), now}, {QStringLiteral("exp"), now + 3600}};
    if (!audience.isEmpty())
        base.insert(QStringLiteral("aud"), QJsonArray::fromStringList(audience));
    if (!v.roles().isEmpty())
        setPath(base, rolesPath, QJsonArray::fromStringList(v.roles()));
    if (v.scopesCheckEnabled())
        setPath(base, scopesPath, v.scopes().join(u' '));

    QJsonObject header {{QStringLiteral("alg"), set.alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject ids = idHeader(signing, strategy, false);
    for (auto it = ids.begin(); it != ids.end(); ++it)
        header.insert(it.key(), it.value());

    Simulator simulator(setup);
    simulator.setClock(clock);
    simulator.setReplacementKeys(set.publicSet, QStringLiteral("test key \"%1\" (public JWK Set)").arg(set.keyId));
    // The replacement keys stand in for the config's source: nothing is downloaded.
    simulator.setDownloader([](const QUrl &, const keysource::NetworkOptions &) -> Result<keysource::HttpResponse> {
        return Result<keysource::HttpResponse>::failure(
            QStringLiteral("offline"), QStringLiteral("test tokens are simulated offline"));
    });

    auto add = [&](TestTokenKind kind, const QString &id, const QString &title, const QString &description,
                   const QJsonObject &h, const QJsonObject &payload,
                   std::optional<std::pair<Algorithm, crypto::Key>> signer) -> Result<void> {
        TestTokenCase c;
        c.kind = kind;
        c.id = id;
        c.title = title;
        c.description = description;
        c.header = h;
        c.payload = payload;
        if (signer) {
            auto token = keys::TokenSigner::signBytes(signer->first, signer->second, compact(h), compact(payload));
            if (!token)
                return token.error();
            c.token = token.value();
        } else {
            c.token = b64(compact(h)) + u'.' + b64(compact(payload)) + u'.';
        }
        const SimulationResult r = simulator.run(set.target.request(c.token));
        c.expectedStatus = r.status;
        c.expectedReason = r.reason;
        if (const auto *stop = r.stoppingCheck())
            c.stoppingCheck = stop->nameText();
        c.curl = set.target.curl(c.token);
        set.cases.append(c);
        return {};
    };
    const auto sig = std::make_optional(std::make_pair(*alg, signing.key));

    QList<Result<void>> outcomes;
    outcomes << add(TestTokenKind::Valid, QStringLiteral("valid"), QStringLiteral("Valid"),
        QStringLiteral("Satisfies every rule: iss, aud, roles and scopes as configured, exp in 1 h"), header, base,
        sig);

    {
        QJsonObject p = base;
        const qint64 exp = floorDiv(nowNs - leeway, kNanos) - 3600;
        p.insert(QStringLiteral("exp"), exp);
        p.insert(QStringLiteral("iat"), exp - 3600);
        outcomes << add(TestTokenKind::Expired, QStringLiteral("expired"), QStringLiteral("Expired"),
            QStringLiteral("exp %1 ago, far beyond the %2 leeway").arg(span(nowNs - exp * kNanos), leewayText), header,
            p, sig);
    }
    {
        // As far inside the leeway as half of it allows, but never at or after now: the token is expired.
        QJsonObject p = base;
        qint64 exp = floorDiv(nowNs - leeway / 2, kNanos);
        exp = std::max(exp, ceilDiv(nowNs - leeway, kNanos));
        if (exp * kNanos >= nowNs)
            exp = ceilDiv(nowNs, kNanos) - 1;
        p.insert(QStringLiteral("exp"), exp);
        p.insert(QStringLiteral("iat"), exp - 3600);
        outcomes << add(TestTokenKind::InsideLeeway, QStringLiteral("inside_leeway"),
            QStringLiteral("Expired, inside leeway"),
            QStringLiteral("exp %1 ago, within the %2 leeway: still accepted")
                .arg(span(nowNs - exp * kNanos), leewayText),
            header, p, sig);
    }
    {
        QJsonObject p = base;
        const qint64 exp = ceilDiv(nowNs - leeway, kNanos) - 1; // the latest exp KrakenD rejects
        p.insert(QStringLiteral("exp"), exp);
        p.insert(QStringLiteral("iat"), exp - 3600);
        outcomes << add(TestTokenKind::OutsideLeeway, QStringLiteral("outside_leeway"),
            QStringLiteral("Expired, just outside leeway"),
            QStringLiteral("exp %1 ago, just beyond the %2 leeway").arg(span(nowNs - exp * kNanos), leewayText), header,
            p, sig);
    }
    {
        QJsonObject p = base;
        p.insert(QStringLiteral("aud"), QJsonArray {QStringLiteral("wrong-audience.jwb.test")});
        outcomes << add(TestTokenKind::WrongAudience, QStringLiteral("wrong_audience"),
            QStringLiteral("Wrong audience"),
            audience.isEmpty() ? QStringLiteral("aud [\"wrong-audience.jwb.test\"]; the config sets no audience, so "
                                                "KrakenD does not check aud")
                               : QStringLiteral("aud [\"wrong-audience.jwb.test\"] instead of %1")
                                     .arg(audience.join(QStringLiteral(", "))),
            header, p, sig);
    }
    {
        QJsonObject p = base;
        p.insert(QStringLiteral("iss"), QStringLiteral("https://wrong-issuer.jwb.test/"));
        outcomes << add(TestTokenKind::WrongIssuer, QStringLiteral("wrong_issuer"), QStringLiteral("Wrong issuer"),
            v.issuer().isEmpty()
                ? QStringLiteral("iss https://wrong-issuer.jwb.test/; the config sets no issuer, so KrakenD does "
                                 "not check iss")
                : QStringLiteral("iss https://wrong-issuer.jwb.test/ instead of %1").arg(v.issuer()),
            header, p, sig);
    }
    {
        QJsonObject p = base;
        p.remove(rolesPath.first());
        setPath(p, rolesPath, QJsonArray {QStringLiteral("jwb-no-such-role")});
        outcomes << add(TestTokenKind::MissingRole, QStringLiteral("missing_role"), QStringLiteral("Missing role"),
            v.roles().isEmpty()
                ? QStringLiteral("%1 holds only \"jwb-no-such-role\"; the config requires no role").arg(rolesKey)
                : QStringLiteral("%1 holds only \"jwb-no-such-role\", none of %2")
                      .arg(rolesKey, v.roles().join(QStringLiteral(", "))),
            header, p, sig);
    }
    {
        QJsonObject p = base;
        const QStringList path = scopesKey.isEmpty() ? QStringList {QStringLiteral("scope")} : scopesPath;
        p.remove(path.first());
        setPath(p, path, QStringLiteral("jwb:no-such-scope"));
        outcomes << add(TestTokenKind::MissingScope, QStringLiteral("missing_scope"), QStringLiteral("Missing scope"),
            v.scopesCheckEnabled()
                ? QStringLiteral("%1 holds only \"jwb:no-such-scope\", none of %2")
                      .arg(scopesKey, v.scopes().join(QStringLiteral(", ")))
                : QStringLiteral("%1 holds only \"jwb:no-such-scope\"; the config checks no scopes (it needs both "
                                 "scopes and scopes_key)")
                      .arg(path.join(u'.')),
            header, p, sig);
    }
    {
        QJsonObject h {{QStringLiteral("alg"), set.alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QJsonObject unknownIds = idHeader(signing, strategy, true);
        for (auto it = unknownIds.begin(); it != unknownIds.end(); ++it)
            h.insert(it.key(), it.value());
        outcomes << add(TestTokenKind::UnknownKid, QStringLiteral("unknown_kid"), QStringLiteral("Unknown key id"),
            QStringLiteral("Signed by the right key but names a key id the JWK Set does not have (%1)")
                .arg(validation::keyIdStrategyName(strategy)),
            h, base, sig);
    }
    outcomes << add(TestTokenKind::AlgNone, QStringLiteral("alg_none"), QStringLiteral("alg none"),
        QStringLiteral("Unsigned: header {\"alg\":\"none\"} and an empty signature"),
        QJsonObject {{QStringLiteral("alg"), QStringLiteral("none")}}, base, std::nullopt);

    if (signing.key.type() == crypto::KeyType::Oct) {
        set.notes << QStringLiteral("hs256_public_key left out: the validator uses a shared secret, there is no "
                                    "public key to confuse it with");
    } else {
        auto pem = signing.key.publicKey().toPem(false);
        if (!pem)
            return pem.error();
        auto secret = crypto::Key::fromSecret(pem.value());
        if (!secret)
            return secret.error();
        QJsonObject h {
            {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        for (auto it = ids.begin(); it != ids.end(); ++it)
            h.insert(it.key(), it.value());
        outcomes << add(TestTokenKind::HmacWithPublicKey, QStringLiteral("hs256_public_key"),
            QStringLiteral("HS256 with the public key"),
            QStringLiteral("Algorithm confusion: HS256 with the public key's PEM text as the HMAC secret"), h, base,
            std::make_optional(std::make_pair(Algorithm::HS256, secret.value())));
    }
    {
        QJsonObject p = base;
        const qint64 nbf = ceilDiv(nowNs + leeway, kNanos) + 3600;
        p.insert(QStringLiteral("nbf"), nbf);
        p.insert(QStringLiteral("exp"), nbf + 3600);
        outcomes << add(TestTokenKind::NotYetValid, QStringLiteral("nbf_future"), QStringLiteral("Not yet valid"),
            QStringLiteral("nbf in %1, beyond the %2 leeway").arg(span(nbf * kNanos - nowNs), leewayText), header, p,
            sig);
    }
    for (const auto &o : outcomes)
        if (!o)
            return o.error();

    if (v.runtimeState() != RuntimeState::Ok)
        set.notes << QStringLiteral("the config itself fails: %1").arg(v.runtimeProblem());
    return set;
}

} // namespace TestTokens

} // namespace jwb::krakend
