// Simulator: one or more table rows per rule of docs/krakend-jwt.md (§1 options, §3 pipeline and statuses, §4
// claim matching, §5 propagation, §6 JWK handling, §8 surprises), using KrakenD's own fixtures (public.json,
// private.json, symmetric.json), KrakenD's own test tokens, and tokens signed here with crypto::Signature. Each row
// gives the validator block, the request, the evaluation time, and the expected status, reason, stopping check,
// propagated headers (byte for byte) and URL parameters. Also: ValidatorConfig and SignerConfig parsing.
#include "../common/KrakendTokens.h"
#include "TestData.h"

#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/TokenSigner.h"
#include "krakend/SignerConfig.h"
#include "krakend/Simulator.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using krakend::RuntimeState;
using krakend::SignerConfig;
using krakend::SimulationRequest;
using krakend::SimulationResult;
using krakend::SimulationSetup;
using krakend::Simulator;
using krakend::ValidatorConfig;

namespace {

constexpr qint64 kNow = 1893456000; // 2030-01-01T00:00:00Z

using jwb::test::kKrakendHs256;
using jwb::test::kKrakendRs256;

/// What KrakenD's TestTokenSignatureValidator expects the backend to receive for the tokens above.
const char kKrakendHeaders[] = R"({"X-Krakend-Jti":"mnb23vcsrt756yuiomnbvcx98ertyuiop","X-Krakend-Ne":"",)"
                               R"("X-Krakend-Replace":"1234567890qwertyuio","X-Krakend-Roles":"role_a,role_b",)"
                               R"("X-Krakend-Sub":"1234567890qwertyuio"})";

struct Case
{
    QByteArray config; ///< the auth/validator block
    QByteArray jwks; ///< replacement JWK Set (--jwks); empty: the config's own source
    QStringList headers; ///< "Name: value"
    QStringList cookies; ///< "name=value"
    qint64 at = kNow;
    int status = 200;
    QString reason; ///< substring of the one-line reason
    QString stop; ///< the check where KrakenD stops; empty when it passes
    QByteArray headersJson; ///< expected propagated_headers, compared exactly; empty: not compared
    QByteArray urlParamsJson; ///< expected url_params
    QStringList unresolved; ///< expected unresolved_url_params
    QStringList urlPatterns;
    bool revoker = false;
    QStringList revokerKeys;
    QStringList revoked;
    QStringList alsoFails; ///< check names expected in also_fails
    QString finding; ///< a config finding code expected
    QList<QPair<QString, QByteArray>> files; ///< written under the config's directory
    QByteArray downloadBody; ///< what the (fake) jwk_url answers
    QByteArray downloadType = "application/json";
    QString downloadError; ///< error code of the fake download
    bool networkError = false;
};

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

using Changes = std::initializer_list<std::pair<const char *, QJsonValue>>;

QJsonObject apply(QJsonObject o, Changes changes)
{
    for (const auto &[key, value] : changes) {
        if (value.isUndefined())
            o.remove(QLatin1String(key));
        else
            o.insert(QLatin1String(key), value);
    }
    return o;
}

QJsonArray strings(std::initializer_list<const char *> list)
{
    QJsonArray a;
    for (const char *s : list)
        a.append(QLatin1String(s));
    return a;
}

QJsonArray pairs(std::initializer_list<std::pair<const char *, const char *>> list)
{
    QJsonArray a;
    for (const auto &[claim, header] : list)
        a.append(QJsonArray {QLatin1String(claim), QLatin1String(header)});
    return a;
}

const QJsonValue kRemove(QJsonValue::Undefined);

/// KrakenD's newVerifierEndpointCfg (gin/jose_test.go) with an https jwk_url.
QJsonObject krakendConfig(const char *alg = "RS256")
{
    return QJsonObject {{QStringLiteral("alg"), QLatin1String(alg)},
        {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")},
        {QStringLiteral("audience"), strings({"http://api.example.com"})},
        {QStringLiteral("issuer"), QStringLiteral("http://example.com")},
        {QStringLiteral("roles"), strings({"role_a"})},
        {QStringLiteral("propagate_claims"),
            pairs({{"jti", "x-krakend-jti"}, {"sub", "x-krakend-sub"}, {"nonexistent", "x-krakend-ne"},
                {"sub", "x-krakend-replace"}, {"roles", "x-krakend-roles"}})},
        {QStringLiteral("disable_jwk_security"), true}, {QStringLiteral("cache"), true}};
}

QByteArray config(Changes changes = {}, const char *alg = "RS256")
{
    return compactJson(apply(krakendConfig(alg), changes));
}

/// A minimal block: alg and an https jwk_url only.
QByteArray plain(Changes changes = {}, const char *alg = "RS256")
{
    return compactJson(apply(QJsonObject {{QStringLiteral("alg"), QLatin1String(alg)},
                                 {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")}},
        changes));
}

/// KrakenD's tokenIssuer access_token claims.
QJsonObject krakendClaims()
{
    return QJsonObject {{QStringLiteral("aud"), QStringLiteral("http://api.example.com")},
        {QStringLiteral("exp"), 2051882755}, {QStringLiteral("iss"), QStringLiteral("http://example.com")},
        {QStringLiteral("jti"), QStringLiteral("mnb23vcsrt756yuiomnbvcx98ertyuiop")},
        {QStringLiteral("roles"), strings({"role_a", "role_b"})},
        {QStringLiteral("sub"), QStringLiteral("1234567890qwertyuio")}};
}

QByteArray claims(Changes changes = {})
{
    return compactJson(apply(krakendClaims(), changes));
}

QString bearer(const QString &token)
{
    return QStringLiteral("Authorization: Bearer ") + token;
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pipeline_data();
    void pipeline();
    void checkOrder();
    void noValidator();
    void byteOrderMarkStopsKrakenD();
    void versionStopsKrakenD_data();
    void versionStopsKrakenD();
    void startupFatalJsonBytes();
    void propagatedHeadersNeedInputHeaders();
    void endpointSetup();
    void validatorOptions();
    void validatorRuntimeSemantics();
    void signerConfig();
    void resultJson();
    void weakKeysAcceptedAsKrakendDoes();
    void newAlgorithmNamesExplained_data();
    void newAlgorithmNamesExplained();

private:
    [[nodiscard]] QString sign(
        const QByteArray &header, const QByteArray &payload, const keys::Jwk &key, crypto::Algorithm alg) const;
    [[nodiscard]] QString rs(
        const QByteArray &payload, const QByteArray &header = R"({"alg":"RS256","kid":"2011-04-29","typ":"JWT"})") const
    {
        return sign(header, payload, m_rsa, crypto::Algorithm::RS256);
    }
    [[nodiscard]] QString hs(
        const QByteArray &payload, const QByteArray &header = R"({"alg":"HS256","kid":"sim2","typ":"JWT"})") const
    {
        return sign(header, payload, m_hmac, crypto::Algorithm::HS256);
    }
    [[nodiscard]] QByteArray publicRsaJwk(Changes changes = {}) const;
    void addRows();

    keys::Jwk m_rsa; ///< private.json kid 2011-04-29 (RSA 2048)
    keys::Jwk m_rsa512; ///< private.json kid 4k512
    keys::Jwk m_ec; ///< private.json kid 1 (P-256, "use": "enc")
    keys::Jwk m_ps; ///< private.json kid p256 (RSA; public.json holds it WITH private members)
    keys::Jwk m_hmac; ///< symmetric.json kid sim2
    QByteArray m_public;
    QByteArray m_private;
    QByteArray m_symmetric;
};

void TestSimulator::initTestCase()
{
    JWB_REQUIRE_SHARED("krakend-jose-fixtures/public.json");
    crypto::Backend::initialize();
    auto read = [](const char *name) {
        QFile f(test::sharedPath(QStringLiteral("krakend-jose-fixtures/") + QLatin1String(name)));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", name);
        return f.readAll();
    };
    m_public = read("public.json");
    m_private = read("private.json");
    m_symmetric = read("symmetric.json");
    auto privateSet = keys::JwkSet::fromJson(m_private);
    QVERIFY2(privateSet, qPrintable(privateSet ? QString() : privateSet.error().toString()));
    auto byKid = [](const keys::JwkSet &set, const char *kid) {
        for (const auto &k : set.keys)
            if (k.kid == QLatin1String(kid))
                return k;
        qFatal("no kid %s", kid);
    };
    m_rsa = byKid(privateSet.value(), "2011-04-29");
    m_rsa512 = byKid(privateSet.value(), "4k512");
    m_ec = byKid(privateSet.value(), "1");
    m_ps = byKid(privateSet.value(), "p256");
    auto symmetricSet = keys::JwkSet::fromJson(m_symmetric);
    QVERIFY(symmetricSet);
    m_hmac = byKid(symmetricSet.value(), "sim2");
}

QString TestSimulator::sign(
    const QByteArray &header, const QByteArray &payload, const keys::Jwk &key, crypto::Algorithm alg) const
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    auto signature = crypto::Signature::sign(alg, key.key, input);
    if (!signature)
        qFatal("signing failed: %s", qPrintable(signature.error().toString()));
    return QString::fromLatin1(input + '.' + b64(signature.value()));
}

QByteArray TestSimulator::publicRsaJwk(Changes changes) const
{
    QJsonObject o = keys::Jwk::toJson(m_rsa.key, false);
    o.insert(QStringLiteral("kid"), QStringLiteral("2011-04-29"));
    return compactJson(apply(o, changes));
}

void TestSimulator::pipeline_data()
{
    QTest::addColumn<Case>("c");
    addRows();
}

void TestSimulator::addRows()
{
    const QString T = QString::fromLatin1(kKrakendRs256);
    const QString H = QString::fromLatin1(kKrakendHs256);
    auto row = [](const char *name, const Case &c) { QTest::newRow(name) << c; };
    auto ok = [&](QByteArray cfg, QStringList headers, QByteArray jwks) {
        Case c;
        c.config = std::move(cfg);
        c.headers = std::move(headers);
        c.jwks = std::move(jwks);
        return c;
    };
    auto denied
        = [&](QByteArray cfg, QStringList headers, QByteArray jwks, int status, const char *stop, const char *reason) {
              Case c = ok(std::move(cfg), std::move(headers), std::move(jwks));
              c.status = status;
              c.stop = QLatin1String(stop);
              c.reason = QString::fromUtf8(reason);
              return c;
          };
    const QByteArray pub = m_public;
    const QByteArray sym = m_symmetric;
    auto jwksOf = [](std::initializer_list<QByteArray> keys) -> QByteArray {
        QByteArray out = "{\"keys\":[";
        bool first = true;
        for (const auto &k : keys) {
            if (!first)
                out += ',';
            first = false;
            out += k;
        }
        return out + "]}";
    };

    // ---------------------------------------------------------------- KrakenD's own scenarios (gin/jose_test.go)
    {
        Case c = ok(config(), {QStringLiteral("Authorization: BEARER ") + T}, pub);
        c.headersJson = kKrakendHeaders;
        row("krakend rs256 authorized (BEARER, public.json)", c);
        c.headers = {QStringLiteral("Authorization: BEARER ") + T, QStringLiteral("x-krakend-replace: abc")};
        row("krakend header overwrite: client value replaced", c);
        Case h = ok(config({}, "HS256"), {QStringLiteral("Authorization: BEARER ") + H}, sym);
        h.headersJson = kKrakendHeaders;
        row("krakend hs256 authorized (symmetric.json)", h);
        row("krakend unauthorized request: no token",
            denied(config(), {}, pub, 401, "token", "Unable to validate the token: Token not found"));
        row("krakend forbidden: roles [role_c]",
            denied(config({{"roles", strings({"role_c"})}}), {bearer(T)}, pub, 403, "roles",
                "does not have sufficient roles"));
        Case reg = ok(config({{"roles", QJsonArray()}}), {bearer(T)}, pub);
        reg.headersJson = kKrakendHeaders;
        row("krakend registered: no roles required", reg);
        Case arr = ok(config({{"roles", strings({"role_a", "role_b"})}, {"propagate_claims_preserve_array", true}}),
            {bearer(T)}, pub);
        arr.headersJson = R"({"X-Krakend-Jti":["mnb23vcsrt756yuiomnbvcx98ertyuiop"],"X-Krakend-Ne":[""],)"
                          R"("X-Krakend-Replace":["1234567890qwertyuio"],"X-Krakend-Roles":["role_a","role_b"],)"
                          R"("X-Krakend-Sub":["1234567890qwertyuio"]})";
        row("krakend propagate array headers (preserve_array)", arr);
        Case custom = ok(config({{"auth_header_name", QStringLiteral("X-Custom-Auth")}, {"roles", QJsonArray()}}),
            {QStringLiteral("X-Custom-Auth: BEARER ") + T}, pub);
        row("krakend custom header name", custom);
        row("krakend custom header name: Authorization ignored",
            denied(config({{"auth_header_name", QStringLiteral("X-Custom-Auth")}}),
                {QStringLiteral("Authorization: BEARER ") + T}, pub, 401, "token", "Token not found"));
        Case cookie = ok(config({}, "HS256"), {}, sym);
        cookie.cookies = {QStringLiteral("access_token=") + H};
        cookie.headersJson = kKrakendHeaders;
        row("krakend hs256 cookie access_token", cookie);
    }

    // ---------------------------------------------------------------- step 1: token extraction
    {
        row("bare token without Bearer is accepted", ok(plain(), {QStringLiteral("Authorization: ") + T}, pub));
        row("lower-case header name and bearer", ok(plain(), {QStringLiteral("authorization: bearer ") + T}, pub));
        row("Bearer with two spaces (whitespace removed)",
            ok(plain(), {QStringLiteral("Authorization: Bearer  ") + T}, pub));
        row("Bearer alone is parsed as the token",
            denied(plain(), {QStringLiteral("Authorization: Bearer ")}, pub, 401, "parse", "three parts"));
        row("Bearerx (no space) is the whole token",
            denied(plain(), {QStringLiteral("Authorization: Bearer") + T}, pub, 401, "parse", "invalid character"));
        Case empty = ok(plain(), {QStringLiteral("Authorization: ")}, pub);
        empty.cookies = {QStringLiteral("access_token=") + T};
        row("empty header falls back to the cookie", empty);
        Case noCookieKey = ok(plain(), {}, pub);
        noCookieKey.cookies = {QStringLiteral("access_token=") + T};
        row("access_token cookie works without cookie_key (8.8)", noCookieKey);
        Case customCookie = ok(plain({{"cookie_key", QStringLiteral("session")}}), {}, pub);
        customCookie.cookies = {QStringLiteral("session=") + T};
        row("cookie_key session", customCookie);
        Case wrongCookie
            = denied(plain({{"cookie_key", QStringLiteral("session")}}), {}, pub, 401, "token", "Token not found");
        wrongCookie.cookies = {QStringLiteral("access_token=") + T};
        row("cookie_key session ignores access_token", wrongCookie);
        Case noFallback
            = denied(plain(), {QStringLiteral("Authorization: Bearer garbage")}, pub, 401, "parse", "three parts");
        noFallback.cookies = {QStringLiteral("access_token=") + T};
        row("unparsable header does not fall back to the cookie", noFallback);
        Case quoted = ok(plain(), {}, pub);
        quoted.cookies = {QStringLiteral("access_token=\"") + T + u'"'};
        row("quoted cookie value", quoted);
        Case headerCookie = ok(plain(), {QStringLiteral("Cookie: theme=dark; access_token=") + T}, pub);
        row("cookie in a Cookie header line", headerCookie);
        QString spaced = T;
        spaced.insert(40, QStringLiteral(" \n\t"));
        row("whitespace inside the token is removed", ok(plain(), {bearer(spaced)}, pub));
        row("first of repeated Authorization headers",
            ok(plain(), {bearer(T), QStringLiteral("Authorization: Bearer x.y.z")}, pub));
    }

    // ---------------------------------------------------------------- step 1b: go-jose parsing
    {
        row("two parts", denied(plain(), {bearer(QStringLiteral("a.b"))}, pub, 401, "parse", "three parts"));
        row("JWE compact (five parts)",
            denied(plain(), {bearer(QStringLiteral("a.b.c.d.e"))}, pub, 401, "parse", "three parts"));
        const QStringList parts = T.split(u'.');
        QStringList padded;
        for (QString p : parts) {
            while (p.size() % 4)
                p += u'=';
            padded << p;
        }
        row("trailing = padding tolerated", ok(plain(), {bearer(padded.join(u'.'))}, pub));
        row("bad base64url character",
            denied(plain(), {bearer(parts[0] + QStringLiteral(".ab*d.") + parts[2])}, pub, 401, "parse",
                "illegal base64 data at input byte 2"));
        row("alg not a string",
            denied(plain(), {bearer(rs(claims(), R"({"alg":256,"kid":"2011-04-29"})"))}, pub, 401, "parse",
                "failed to unmarshal algorithm"));
        row("kid not a string",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256","kid":5})"))}, pub, 401, "parse", "key ID"));
        row("nonce not a string",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256","kid":"2011-04-29","nonce":[]})"))}, pub, 401,
                "parse", "nonce"));
        row("duplicate header key",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256","alg":"RS256","kid":"2011-04-29"})"))}, pub, 401,
                "parse", "duplicate key \"alg\""));
        row("header not JSON",
            denied(plain(), {bearer(rs(claims(), "not json"))}, pub, 401, "parse", "invalid character"));
        row("header JSON array",
            denied(plain(), {bearer(rs(claims(), "[1]"))}, pub, 401, "parse", "cannot unmarshal array"));
        row("header with a private embedded jwk",
            denied(plain(),
                {bearer(rs(claims(), R"({"alg":"RS256","kid":"2011-04-29","jwk":{"kty":"oct","k":"AAAA"}})"))}, pub,
                401, "parse", "invalid embedded jwk"));
        row("header x5c not base64",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256","kid":"2011-04-29","x5c":["!!"]})"))}, pub, 401,
                "parse", "x5c"));
        // JSON serialization (go-jose v3 still accepts it in jwt.ParseSigned).
        const QByteArray protectedB64 = parts[0].toLatin1();
        const QByteArray flattened = "{\"payload\":\"" + parts[1].toLatin1() + "\",\"protected\":\"" + protectedB64
            + "\",\"signature\":\"" + parts[2].toLatin1() + "\"}";
        row("JWS JSON flattened serialization", ok(plain(), {bearer(QString::fromLatin1(flattened))}, pub));
        const QByteArray general = "{\"payload\":\"" + parts[1].toLatin1() + "\",\"signatures\":[{\"protected\":\""
            + protectedB64 + "\",\"signature\":\"" + parts[2].toLatin1() + "\"},{\"protected\":\"" + protectedB64
            + "\",\"signature\":\"" + parts[2].toLatin1() + "\"}]}";
        row("JWS JSON with two signatures",
            denied(plain(), {bearer(QString::fromLatin1(general))}, pub, 401, "signature", "too many signatures"));
        const QByteArray noPayload
            = "{\"protected\":\"" + protectedB64 + "\",\"signature\":\"" + parts[2].toLatin1() + "\"}";
        row("JWS JSON without payload",
            denied(plain(), {bearer(QString::fromLatin1(noPayload))}, pub, 401, "parse", "missing payload"));
        const QByteArray nonce = "{\"payload\":\"" + parts[1].toLatin1() + "\",\"protected\":\"" + protectedB64
            + "\",\"header\":{\"nonce\":\"n\"},\"signature\":\"" + parts[2].toLatin1() + "\"}";
        row("JWS JSON nonce in unprotected header",
            denied(plain(), {bearer(QString::fromLatin1(nonce))}, pub, 401, "parse", "Nonce parameter"));
    }

    // ---------------------------------------------------------------- step 2: alg equality
    {
        row("alg case differs",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"rs256","kid":"2011-04-29"})"))}, pub, 401, "alg",
                "algorithm is invalid"));
        row("HS256 token on an RS256 endpoint", denied(plain(), {bearer(H)}, pub, 401, "alg", "algorithm is invalid"));
        row("alg none",
            denied(plain(), {bearer(QString::fromLatin1(b64(R"({"alg":"none"})") + '.' + b64(claims()) + '.'))}, pub,
                401, "alg", "algorithm is invalid"));
        row("RFC 9864 Ed25519 token on an EdDSA endpoint",
            denied(plain({}, "EdDSA"), {bearer(rs(claims(), R"({"alg":"Ed25519","kid":"2011-04-29"})"))}, pub, 401,
                "alg", "algorithm is invalid"));
        row("header without alg",
            denied(
                plain(), {bearer(rs(claims(), R"({"kid":"2011-04-29"})"))}, pub, 401, "alg", "algorithm is invalid"));
        row("null alg counts as absent",
            denied(plain(), {bearer(rs(claims(), R"({"alg":null,"kid":"2011-04-29"})"))}, pub, 401, "alg",
                "algorithm is invalid"));
    }

    // ---------------------------------------------------------------- step 3: keys (§6)
    {
        row("unknown kid",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256","kid":"nope"})"))}, pub, 401, "key",
                "no Keys have been found"));
        row("kid-less token matches a kid-less JWK (8.9)",
            ok(plain(), {bearer(rs(claims(), R"({"alg":"RS256"})"))}, jwksOf({publicRsaJwk({{"kid", kRemove}})})));
        row("kid-less token, JWKs with kids",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256"})"))}, pub, 401, "key", "no Keys have been found"));
        row("private JWK refused as verifier (public.json p256)",
            denied(plain({}, "PS256"),
                {bearer(sign(R"({"alg":"PS256","kid":"p256"})", claims(), m_ps, crypto::Algorithm::PS256))}, pub, 401,
                "signature", "unsupported key type/format"));
        row("private.json as validator JWKS",
            denied(plain(), {bearer(T)}, m_private, 401, "signature", "unsupported key type/format"));
        row("one unknown kty breaks the whole set (8.10)",
            denied(plain(), {bearer(T)}, jwksOf({publicRsaJwk(), R"({"kty":"XYZ","kid":"x"})"}), 401, "key",
                "unknown json web key type 'XYZ'"));
        row("JWK without kty breaks the set",
            denied(plain(), {bearer(T)}, jwksOf({publicRsaJwk(), R"({"kid":"x"})"}), 401, "key",
                "unknown json web key type ''"));
        row("unsupported OKP curve breaks the set",
            denied(plain(), {bearer(T)},
                jwksOf({publicRsaJwk(),
                    R"({"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"})"}),
                401, "key", "unknown curve"));
        row("Ed448 key breaks the set",
            denied(plain(), {bearer(T)},
                jwksOf({publicRsaJwk(),
                    R"({"kty":"OKP","crv":"Ed448","x":"X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWGA"})"}),
                401, "key", "unknown curve Ed448"));
        row("secp256k1 key breaks the set",
            denied(plain(), {bearer(T)},
                jwksOf({publicRsaJwk(),
                    R"({"kty":"EC","crv":"secp256k1","x":"JI-C51S32vrKwSFWqXVTlWqDUjeodFnCQ2aiWEoto3M","y":"2h3_45zP9PI6BySd1EbhI8-vOT06veZ95d6r4naKWmE"})"}),
                401, "key", "unsupported elliptic curve 'secp256k1'"));
        row("bad x5t length breaks the set",
            denied(plain(), {bearer(T)}, jwksOf({publicRsaJwk({{"x5t", QStringLiteral("AAAA")}})}), 401, "key", "x5t"));
        row("oct k with standard base64 breaks the set (krakend-ce#142)",
            denied(plain({}, "HS256"), {bearer(H)}, jwksOf({R"({"kty":"oct","kid":"sim2","k":"ab+/"})"}), 401, "key",
                "illegal base64"));
        row("empty key set", denied(plain(), {bearer(T)}, "{\"keys\":[]}", 401, "key", "no Keys have been found"));
        row("JWKS not JSON", denied(plain(), {bearer(T)}, "{\"keys\": [", 401, "key", "unexpected end"));
        row("JWK alg and use are ignored (EC key with use enc)",
            ok(plain({}, "ES256"),
                {bearer(sign(R"({"alg":"ES256","kid":"1"})", claims(), m_ec, crypto::Algorithm::ES256))}, pub));
        row("JWK alg that does not fit its key is ignored",
            ok(plain(), {bearer(T)},
                jwksOf({publicRsaJwk({{"alg", QStringLiteral("ES256")}, {"use", QStringLiteral("enc")}})})));
        row("key member with trailing = accepted",
            ok(plain(), {bearer(T)}, jwksOf({publicRsaJwk({{"e", QStringLiteral("AQAB==")}})})));
        const QByteArray thumb = QByteArray(20, '\x11');
        const QString x5t = QString::fromLatin1(b64(thumb));
        row("key_identify_strategy x5t",
            ok(plain({{"key_identify_strategy", QStringLiteral("x5t")}}),
                {bearer(rs(claims(), "{\"alg\":\"RS256\",\"x5t\":\"" + x5t.toLatin1() + "\"}"))},
                jwksOf({publicRsaJwk({{"x5t", x5t}}), R"({"kty":"oct","kid":"2011-04-29","k":"AAAA"})"})));
        row("x5t strategy: padded x5t in the token never matches",
            denied(plain({{"key_identify_strategy", QStringLiteral("x5t")}}),
                {bearer(rs(claims(), "{\"alg\":\"RS256\",\"x5t\":\"" + x5t.toLatin1() + "=\"}"))},
                jwksOf({publicRsaJwk({{"x5t", x5t}})}), 401, "key", "no Keys have been found"));
        row("x5t strategy falls back to kid",
            denied(plain({{"key_identify_strategy", QStringLiteral("x5t")}}), {bearer(T)},
                jwksOf({publicRsaJwk({{"x5t", x5t}})}), 401, "key", "no Keys have been found"));
        row("key_identify_strategy kid_x5t",
            ok(plain({{"key_identify_strategy", QStringLiteral("kid_x5t")}}),
                {bearer(rs(claims(), "{\"alg\":\"RS256\",\"kid\":\"k1\",\"x5t\":\"" + x5t.toLatin1() + "\"}"))},
                jwksOf({publicRsaJwk({{"kid", QStringLiteral("k1")}, {"x5t", x5t}})})));
        row("kid_x5t without x5t in the token gives kid+kid",
            denied(plain({{"key_identify_strategy", QStringLiteral("kid_x5t")}}),
                {bearer(rs(claims(), R"({"alg":"RS256","kid":"k1"})"))},
                jwksOf({publicRsaJwk({{"kid", QStringLiteral("k1")}, {"x5t", x5t}})}), 401, "key", "no Keys"));
        const QString x5tS256 = QString::fromLatin1(b64(QByteArray(32, '\x22')));
        row("key_identify_strategy x5t#S256",
            ok(plain({{"key_identify_strategy", QStringLiteral("x5t#S256")}}),
                {bearer(rs(claims(), "{\"alg\":\"RS256\",\"x5t#S256\":\"" + x5tS256.toLatin1() + "\"}"))},
                jwksOf({publicRsaJwk({{"x5t#S256", x5tS256}, {"kid", QStringLiteral("other")}})})));
        row("unknown key_identify_strategy means kid",
            ok(plain({{"key_identify_strategy", QStringLiteral("thumbprint")}}), {bearer(T)}, pub));
        const QByteArray wrongDup
            = compactJson(apply(keys::Jwk::toJson(m_rsa512.key, false), {{"kid", QStringLiteral("2011-04-29")}}));
        row("duplicate kid: the last key wins", ok(plain(), {bearer(T)}, jwksOf({wrongDup, publicRsaJwk()})));
        row("duplicate kid: the last key wins (wrong one last)",
            denied(
                plain(), {bearer(T)}, jwksOf({publicRsaJwk(), wrongDup}), 401, "signature", "cryptographic primitive"));
    }

    // ---------------------------------------------------------------- key sources: jwk_local_path, jwk_url (§1, §6)
    {
        Case local = ok(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("keys/public.json")},
                            {"disable_jwk_security", true}}),
            {bearer(T)}, QByteArray());
        local.files = {{QStringLiteral("keys/public.json"), m_public}};
        row("jwk_local_path relative to the config", local);
        Case insecureLocal
            = denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("keys/public.json")}}), {bearer(T)},
                QByteArray(), 401, "config", "insecure connection");
        insecureLocal.files = local.files;
        insecureLocal.finding = QStringLiteral("local_path_needs_disable_jwk_security");
        row("jwk_local_path without disable_jwk_security (8.6)", insecureLocal);
        Case cached = denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("keys/public.json")},
                                 {"disable_jwk_security", true}, {"cache", true}}),
            {bearer(T)}, QByteArray(), krakend::kNotStarted, "config",
            "KrakenD would not start: Unable to create the validator: cache could not be used with "
            "jwk_local_path");
        cached.files = local.files;
        row("jwk_local_path with cache (8.6)", cached);
        row("jwk_local_path file missing",
            denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("missing.json")},
                       {"disable_jwk_security", true}}),
                {bearer(T)}, QByteArray(), krakend::kNotStarted, "config", "no such file or directory"));
        Case badFile = denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("bad.json")},
                                  {"disable_jwk_security", true}}),
            {bearer(T)}, QByteArray(), krakend::kNotStarted, "config", "KrakenD would not start");
        badFile.files = {{QStringLiteral("bad.json"), "{\"keys\":[{\"kty\":\"nope\"}]}"}};
        row("jwk_local_path file with a bad key", badFile);
        row("jwk_local_path is /dev/zero",
            denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("/dev/zero")},
                       {"disable_jwk_security", true}}),
                {bearer(T)}, QByteArray(), krakend::kNotStarted, "config",
                "KrakenD would not start: Unable to create the validator: /dev/zero is not a regular file (a "
                "character device): not read"));
        Case notJson = denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("environ")},
                                  {"disable_jwk_security", true}}),
            {bearer(T)}, QByteArray(), krakend::kNotStarted, "config",
            "environ: not a JSON file, so not a JWK Set (Go's decoder fails on its first character; the content is "
            "not shown)");
        notJson.files = {{QStringLiteral("environ"), "SECRET=hunter2"}};
        row("jwk_local_path file is not JSON: no byte of it is shown", notJson);
        Case localMiss = denied(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("keys/public.json")},
                                    {"disable_jwk_security", true}}),
            {bearer(rs(claims(), R"({"alg":"RS256","kid":"nope"})"))}, QByteArray(), 401, "key",
            "unsupported protocol scheme");
        localMiss.files = local.files;
        row("jwk_local_path miss downloads the empty jwk_url", localMiss);
        Case bothMiss
            = denied(plain({{"jwk_local_path", QStringLiteral("keys/public.json")}, {"disable_jwk_security", true}}),
                {bearer(rs(claims(), R"({"alg":"RS256","kid":"nope"})"))}, QByteArray(), 500, "key",
                "nil pointer dereference");
        bothMiss.files = local.files;
        bothMiss.downloadBody = m_public;
        bothMiss.finding = QStringLiteral("both_key_sources");
        row("jwk_local_path and jwk_url: a miss panics", bothMiss);
        Case replaceLocal = ok(plain({{"jwk_url", kRemove}, {"jwk_local_path", QStringLiteral("absent.json")},
                                   {"disable_jwk_security", true}}),
            {bearer(T)}, m_public);
        row("--jwks replaces jwk_local_path", replaceLocal);

        Case download = ok(plain(), {bearer(T)}, QByteArray());
        download.downloadBody = m_public;
        row("jwk_url downloaded", download);
        download.downloadType = "application/jwk-set+json; charset=utf-8";
        row("jwk_url with application/jwk-set+json", download);
        Case badType = denied(plain(), {bearer(T)}, QByteArray(), 401, "key", "JSON content type");
        badType.downloadBody = m_public;
        badType.downloadType = "text/plain";
        row("jwk_url with a text/plain content type", badType);
        Case network = denied(plain(), {bearer(T)}, QByteArray(), 401, "key", "Get \"https://idp.example.com/jwks\"");
        network.downloadError = QStringLiteral("dns_failure");
        network.networkError = true;
        row("jwk_url network failure: 401 and network error", network);
        Case tlsPin = denied(plain({{"jwk_fingerprints", strings({"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})}}),
            {bearer(T)}, QByteArray(), 401, "key", "Get ");
        tlsPin.downloadError = QStringLiteral("pin_mismatch");
        tlsPin.networkError = true;
        row("jwk_url pin mismatch", tlsPin);
        row("http jwk_url without disable_jwk_security (also with --jwks)",
            denied(plain({{"jwk_url", QStringLiteral("http://idp.example.com/jwks")}}), {bearer(T)}, pub, 401, "config",
                "JWK client is using an insecure connection to the JWK service"));
        row("HTTPS prefix is case-sensitive",
            denied(plain({{"jwk_url", QStringLiteral("HTTPS://idp.example.com/jwks")}}), {bearer(T)}, pub, 401,
                "config", "insecure connection"));
        Case httpOk
            = ok(plain({{"jwk_url", QStringLiteral("http://idp.example.com/jwks")}, {"disable_jwk_security", true}}),
                {bearer(T)}, QByteArray());
        httpOk.downloadBody = m_public;
        row("http jwk_url with disable_jwk_security", httpOk);
        row("no jwk_url with disable_jwk_security",
            denied(plain({{"jwk_url", kRemove}, {"disable_jwk_security", true}}), {bearer(T)}, QByteArray(), 401, "key",
                "unsupported protocol scheme"));
        row("no key source at all",
            denied(plain({{"jwk_url", kRemove}}), {bearer(T)}, pub, 401, "config", "insecure connection"));
    }

    // ---------------------------------------------------------------- step 4: signature
    {
        const QStringList parts = T.split(u'.');
        row("tampered payload",
            denied(plain(),
                {bearer(parts[0] + u'.' + QString::fromLatin1(b64(claims({{"sub", QStringLiteral("root")}}))) + u'.'
                    + parts[2])},
                pub, 401, "signature", "go-jose/go-jose: error in cryptographic primitive"));
        row("crit with an unsupported member",
            denied(plain(), {bearer(rs(claims(), R"({"alg":"RS256","kid":"2011-04-29","crit":["exp"],"exp":1})"))}, pub,
                401, "signature", "error in cryptographic primitive"));
        row("crit b64 is supported",
            ok(plain(), {bearer(rs(claims(), R"({"alg":"RS256","kid":"2011-04-29","crit":["b64"],"b64":true})"))},
                pub));
        const keys::Jwk shortKey
            = keys::Jwk::fromKey(crypto::Key::fromSecret("0123456789abcdef").value(), QStringLiteral("s"));
        row("HS256 with a 16-byte key (go-jose v3 has no minimum)",
            ok(plain({}, "HS256"),
                {bearer(sign(R"({"alg":"HS256","kid":"s"})", claims(), shortKey, crypto::Algorithm::HS256))},
                jwksOf({compactJson(keys::Jwk::toJson(shortKey.key, true)).replace("{", "{\"kid\":\"s\",")})));
        row("RS256 key for an ES256 token",
            denied(plain({}, "ES256"),
                {bearer(sign(R"({"alg":"ES256","kid":"2011-04-29"})", claims(), m_ec, crypto::Algorithm::ES256))}, pub,
                401, "signature", "cryptographic primitive"));
    }

    // ---------------------------------------------------------------- step 5: typed registered claims
    {
        row("iss a number, no issuer configured",
            denied(plain(), {bearer(rs(claims({{"iss", 5}})))}, pub, 401, "claim_types", "Claims.iss of type string"));
        row("aud a number, no audience configured",
            denied(plain(), {bearer(rs(claims({{"aud", 5}})))}, pub, 401, "claim_types",
                "expected string or array value to unmarshal to Audience"));
        row("aud null",
            denied(plain(), {bearer(rs(claims({{"aud", QJsonValue::Null}})))}, pub, 401, "claim_types", "Audience"));
        row("aud array with a number",
            denied(plain(), {bearer(rs(claims({{"aud", QJsonArray {QStringLiteral("a"), 1}}})))}, pub, 401,
                "claim_types", "Audience"));
        row("exp a string",
            denied(plain(), {bearer(rs(claims({{"exp", QStringLiteral("2051882755")}})))}, pub, 401, "claim_types",
                "expected number value to unmarshal NumericDate"));
        row("exp null is absent", ok(plain(), {bearer(rs(claims({{"exp", QJsonValue::Null}})))}, pub));
        row("sub a bool",
            denied(plain(), {bearer(rs(claims({{"sub", true}})))}, pub, 401, "claim_types", "Claims.sub"));
        row("jti an object",
            denied(plain(), {bearer(rs(claims({{"jti", QJsonObject()}})))}, pub, 401, "claim_types", "Claims.jti"));
        row("duplicate payload key",
            denied(
                plain(), {bearer(rs(R"({"sub":"a","sub":"b"})"))}, pub, 401, "claim_types", "duplicate key \"sub\""));
        row("payload a JSON array",
            denied(plain(), {bearer(rs("[1,2]"))}, pub, 401, "claim_types",
                "cannot unmarshal array into Go value of type jwt.Claims"));
        row("payload not JSON", denied(plain(), {bearer(rs("hello"))}, pub, 401, "claim_types", "invalid character"));
        row("payload 1. is not JSON",
            denied(plain(), {bearer(rs(R"({"x":1.})"))}, pub, 401, "claim_types", "decimal point"));
        row("payload null decodes to nothing", ok(plain(), {bearer(rs("null"))}, pub));
        row("exp beyond float64",
            denied(plain(), {bearer(rs(R"({"exp":1e400})"))}, pub, 401, "claim_types", "NumericDate"));
        Case overflow = denied(plain(), {bearer(rs(R"({"big":1e400,"sub":"x"})"))}, pub, 401, "claims_map",
            "Token sent by client is invalid");
        row("other claim beyond float64 fails the map decoding", overflow);
        row("underflow reads as 0", ok(plain(), {bearer(rs(R"({"tiny":1e-400,"exp":2051882755})"))}, pub));
        row("ISS upper case is not iss",
            denied(plain({{"issuer", QStringLiteral("http://example.com")}}),
                {bearer(rs(R"({"ISS":"http://example.com"})"))}, pub, 401, "iss", "invalid issuer claim (iss)"));
    }

    // ---------------------------------------------------------------- step 6: iss, aud, nbf, exp, iat and leeway
    {
        const QByteArray iss = plain({{"issuer", QStringLiteral("http://example.com")}});
        row("issuer mismatch",
            denied(iss, {bearer(rs(claims({{"iss", QStringLiteral("http://evil.com")}})))}, pub, 401, "iss",
                "go-jose/go-jose/jwt: validation failed, invalid issuer claim (iss)"));
        row("issuer missing", denied(iss, {bearer(rs(claims({{"iss", kRemove}})))}, pub, 401, "iss", "invalid issuer"));
        row("issuer with trailing slash differs",
            denied(plain({{"issuer", QStringLiteral("http://example.com/")}}), {bearer(T)}, pub, 401, "iss", "(iss)"));
        const QByteArray twoAud = plain({{"audience", strings({"a", "b"})}});
        row("audience needs ALL values (8.4)",
            denied(twoAud, {bearer(rs(claims({{"aud", strings({"a"})}})))}, pub, 401, "aud",
                "invalid audience claim (aud)"));
        row("audience all present, any order",
            ok(twoAud, {bearer(rs(claims({{"aud", strings({"b", "c", "a"})}})))}, pub));
        row("audience against a string aud",
            ok(plain({{"audience", strings({"a"})}}), {bearer(rs(claims({{"aud", QStringLiteral("a")}})))}, pub));
        row("audience, token without aud",
            denied(plain({{"audience", strings({"a"})}}), {bearer(rs(claims({{"aud", kRemove}})))}, pub, 401, "aud",
                "(aud)"));
        auto at = [&](Changes changes, qint64 when, bool pass, const char *stop, const QByteArray &cfg) {
            Case c = ok(cfg, {bearer(rs(claims(changes)))}, pub);
            c.at = when;
            if (!pass) {
                c.status = 401;
                c.stop = QLatin1String(stop);
                c.reason = QStringLiteral("(%1)").arg(QLatin1String(stop));
            }
            return c;
        };
        const QByteArray p = plain();
        row("exp 2 s ago: expired (leeway 1s)", at({{"exp", kNow - 2}}, kNow, false, "exp", p));
        row("exp 1 s ago: within the 1s leeway", at({{"exp", kNow - 1}}, kNow, true, "", p));
        row("exp now", at({{"exp", kNow}}, kNow, true, "", p));
        row("no exp never expires (8.9)", at({{"exp", kRemove}}, kNow + 1000000000LL, true, "", p));
        row("leeway 5s: exp 5 s ago passes",
            at({{"exp", kNow - 5}}, kNow, true, "", plain({{"leeway", QStringLiteral("5s")}})));
        row("leeway 5s: exp 6 s ago fails",
            at({{"exp", kNow - 6}}, kNow, false, "exp", plain({{"leeway", QStringLiteral("5s")}})));
        row("leeway 500ms is raised to 1s",
            at({{"exp", kNow - 1}}, kNow, true, "", plain({{"leeway", QStringLiteral("500ms")}})));
        row("leeway 500ms: exp 2 s ago fails",
            at({{"exp", kNow - 2}}, kNow, false, "exp", plain({{"leeway", QStringLiteral("500ms")}})));
        row("unparsable leeway is 1s",
            at({{"exp", kNow - 2}}, kNow, false, "exp", plain({{"leeway", QStringLiteral("5 seconds")}})));
        row("leeway 1m30s works at run time",
            at({{"exp", kNow - 90}}, kNow, true, "", plain({{"leeway", QStringLiteral("1m30s")}})));
        row("negative leeway is 1s",
            at({{"exp", kNow - 1}}, kNow, true, "", plain({{"leeway", QStringLiteral("-10s")}})));
        row("nbf 2 s ahead: not valid yet", at({{"nbf", kNow + 2}}, kNow, false, "nbf", p));
        row("nbf 1 s ahead: within leeway", at({{"nbf", kNow + 1}}, kNow, true, "", p));
        row("nbf fraction truncated (now + 1.9)", at({{"nbf", double(kNow) + 1.9}}, kNow, true, "", p));
        row("iat 2 s ahead: issued in the future", at({{"iat", kNow + 2}}, kNow, false, "iat", p));
        row("iat 1 s ahead: within leeway", at({{"iat", kNow + 1}}, kNow, true, "", p));
        row("exp 1e19 converts to int64 min: expired", at({{"exp", 1e19}}, kNow, false, "exp", p));
        Case order = denied(iss,
            {bearer(rs(claims({{"iss", QStringLiteral("x")}, {"exp", kNow - 100}, {"iat", kNow + 100}})))}, pub, 401,
            "iss", "invalid issuer claim");
        order.alsoFails = {QStringLiteral("exp"), QStringLiteral("iat")};
        row("iss is checked before exp; the rest in also_fails", order);
        Case audFirst = denied(plain({{"audience", strings({"x"})}}), {bearer(rs(claims({{"nbf", kNow + 100}})))}, pub,
            401, "aud", "(aud)");
        audFirst.alsoFails = {QStringLiteral("nbf")};
        row("aud before nbf", audFirst);
        Case nbfFirst
            = denied(p, {bearer(rs(claims({{"nbf", kNow + 100}, {"exp", kNow - 100}})))}, pub, 401, "nbf", "(nbf)");
        nbfFirst.alsoFails = {QStringLiteral("exp")};
        row("nbf before exp", nbfFirst);
    }

    // ---------------------------------------------------------------- step 8: revocation (bloom filter stand-in)
    {
        Case revoked = denied(plain(), {bearer(T)}, pub, 401, "revocation", "Token sent by client rejected");
        revoked.revoker = true;
        revoked.revokerKeys = {QStringLiteral("jti")};
        revoked.revoked = {QStringLiteral("jti-mnb23vcsrt756yuiomnbvcx98ertyuiop")};
        row("revoked jti", revoked);
        Case notRevoked = ok(plain(), {bearer(T)}, pub);
        notRevoked.revoker = true;
        notRevoked.revokerKeys = {QStringLiteral("jti")};
        notRevoked.revoked = {QStringLiteral("jti-other")};
        row("jti not revoked", notRevoked);
        Case subRevoked = revoked;
        subRevoked.revokerKeys = {QStringLiteral("jti"), QStringLiteral("sub")};
        subRevoked.revoked = {QStringLiteral("sub-1234567890qwertyuio")};
        row("revoked sub (second token key)", subRevoked);
        Case arrayClaim = ok(plain(), {bearer(T)}, pub);
        arrayClaim.revoker = true;
        arrayClaim.revokerKeys = {QStringLiteral("roles"), QStringLiteral("aud")};
        arrayClaim.revoked = {QStringLiteral("roles-role_a"), QStringLiteral("aud-http://api.example.com")};
        arrayClaim.headers = {bearer(rs(claims({{"aud", strings({"http://api.example.com"})}})))};
        row("array claims are never matched", arrayClaim);
        Case noRevoker = ok(plain(), {bearer(T)}, pub);
        noRevoker.revoked = {QStringLiteral("jti-mnb23vcsrt756yuiomnbvcx98ertyuiop")};
        noRevoker.finding = QStringLiteral("revoked_without_revoker");
        row("revoked entries without auth/revoker", noRevoker);
    }

    // ---------------------------------------------------------------- step 9: roles (§4)
    {
        auto roles = [&](Changes cfgChanges, const QJsonValue &claim, bool pass, int status = 403,
                         const char *claimName = "roles") {
            QJsonObject payload = krakendClaims();
            payload.remove(QStringLiteral("roles"));
            if (!claim.isUndefined())
                payload.insert(QLatin1String(claimName), claim);
            Case c = ok(plain(cfgChanges), {bearer(rs(compactJson(payload)))}, pub);
            if (!pass) {
                c.status = status;
                c.stop = QStringLiteral("roles");
                c.reason = status == 403 ? QStringLiteral("does not have sufficient roles") : QStringLiteral("panics");
            }
            return c;
        };
        const auto admin = Changes {{"roles", strings({"admin"})}};
        row("roles: any one required role",
            roles({{"roles", strings({"x", "role_b"})}}, strings({"role_a", "role_b"}), true));
        row("roles: none held", roles(admin, strings({"role_a"}), false));
        row("roles: space-separated string", roles({{"roles", strings({"b"})}}, QStringLiteral("a b"), true));
        row("roles: string not split on commas", roles({{"roles", strings({"b"})}}, QStringLiteral("a,b"), false));
        row("roles: double space gives an empty role", roles({{"roles", strings({""})}}, QStringLiteral("a  b"), true));
        row("roles: case-sensitive", roles(admin, strings({"Admin"}), false));
        row("roles: non-string after the match passes", roles(admin, QJsonArray {QStringLiteral("admin"), 5}, true));
        row("roles: non-string before the match panics (500)",
            roles(admin, QJsonArray {5, QStringLiteral("admin")}, false, 500));
        row("roles: outer loop is the required roles",
            roles({{"roles", strings({"x", "admin"})}}, QJsonArray {QStringLiteral("admin"), 5}, false, 500));
        row("roles: null element panics", roles(admin, QJsonArray {QJsonValue::Null}, false, 500));
        row("roles: number claim", roles(admin, 5, false));
        row("roles: object claim", roles(admin, QJsonObject {{QStringLiteral("admin"), true}}, false));
        row("roles: empty array", roles(admin, QJsonArray(), false));
        row("roles: missing claim", roles(admin, kRemove, false));
        row("roles: custom roles_key",
            roles({{"roles", strings({"admin"})}, {"roles_key", QStringLiteral("groups")}}, strings({"admin"}), true,
                403, "groups"));
        row("roles: empty roles_key means roles",
            roles({{"roles", strings({"admin"})}, {"roles_key", QString()}}, strings({"admin"}), true));
        const QJsonObject realm {{QStringLiteral("roles"), strings({"admin"})}};
        Case dotted = roles({{"roles", strings({"admin"})}, {"roles_key", QStringLiteral("realm_access.roles")}}, realm,
            false, 403, "realm_access");
        dotted.finding = QStringLiteral("dotted_roles_key_not_nested");
        row("roles: dotted key without the nested flag (8.1)", dotted);
        row("roles: dotted key with roles_key_is_nested",
            roles({{"roles", strings({"admin"})}, {"roles_key", QStringLiteral("realm_access.roles")},
                      {"roles_key_is_nested", true}},
                realm, true, 403, "realm_access"));
        row("roles: dotted key as a literal top-level claim",
            roles({{"roles", strings({"admin"})}, {"roles_key", QStringLiteral("realm_access.roles")}},
                strings({"admin"}), true, 403, "realm_access.roles"));
        row("roles: http key read literally even when nested (8.1)",
            roles({{"roles", strings({"admin"})}, {"roles_key", QStringLiteral("https://x.com/roles")},
                      {"roles_key_is_nested", true}},
                strings({"admin"}), true, 403, "https://x.com/roles"));
        row("roles: nested path through an array fails",
            roles({{"roles", strings({"x"})}, {"roles_key", QStringLiteral("a.0.b")}, {"roles_key_is_nested", true}},
                QJsonArray {QJsonObject {{QStringLiteral("b"), strings({"x"})}}}, false, 403, "a"));
        row("roles: deep nested path",
            roles({{"roles", strings({"c"})}, {"roles_key", QStringLiteral("data.data.data.role")},
                      {"roles_key_is_nested", true}},
                QJsonObject {{QStringLiteral("data"),
                    QJsonObject {{QStringLiteral("data"), QJsonObject {{QStringLiteral("role"), strings({"c"})}}}}}},
                true, 403, "data"));
        row("roles: nested key shorter than 4 characters panics at startup",
            denied(
                plain({{"roles", strings({"x"})}, {"roles_key", QStringLiteral("a.b")}, {"roles_key_is_nested", true}}),
                {bearer(T)}, pub, krakend::kNotStarted, "config", "KrakenD would not start: panic"));
    }

    // ---------------------------------------------------------------- step 10: scopes (§4)
    {
        auto scopes = [&](Changes cfgChanges, const char *claimName, const QJsonValue &claim, int status) {
            Case c = ok(plain(cfgChanges), {bearer(rs(claims({{claimName, claim}})))}, pub);
            if (status != 200) {
                c.status = status;
                c.stop = QStringLiteral("scopes");
                c.reason
                    = status == 403 ? QStringLiteral("does not have the required scopes") : QStringLiteral("panics");
            }
            return c;
        };
        const Changes any {{"scopes", strings({"a", "z"})}, {"scopes_key", QStringLiteral("scope")}};
        const Changes all {{"scopes", strings({"a", "c"})}, {"scopes_key", QStringLiteral("scope")},
            {"scopes_matcher", QStringLiteral("all")}};
        row("scopes: any, string", scopes(any, "scope", QStringLiteral("a b"), 200));
        row("scopes: any, none", scopes(any, "scope", QStringLiteral("b c"), 403));
        row("scopes: all, one missing", scopes(all, "scope", QStringLiteral("a b"), 403));
        row("scopes: all, present", scopes(all, "scope", QStringLiteral("c b a"), 200));
        row("scopes: all, array", scopes(all, "scope", strings({"a", "c"}), 200));
        row("scopes: array any", scopes(any, "scope", strings({"z"}), 200));
        row("scopes: non-string element panics even after a match",
            scopes(any, "scope", QJsonArray {QStringLiteral("a"), 5}, 500));
        row("scopes: empty array", scopes(any, "scope", QJsonArray(), 403));
        row("scopes: number", scopes(any, "scope", 5, 403));
        row("scopes: missing", scopes(any, "other", QStringLiteral("a"), 403));
        row("scopes: nested on any dot (8.2)",
            scopes({{"scopes", strings({"a"})}, {"scopes_key", QStringLiteral("data.scope")}}, "data",
                QJsonObject {{QStringLiteral("scope"), QStringLiteral("a b")}}, 200));
        row("scopes: nested path broken",
            scopes({{"scopes", strings({"a"})}, {"scopes_key", QStringLiteral("data.scope")}}, "data",
                QStringLiteral("a"), 403));
        row("scopes: dotted top-level claim cannot be used (no http escape)",
            scopes({{"scopes", strings({"a"})}, {"scopes_key", QStringLiteral("https://ns.com/scope")}},
                "https://ns.com/scope", QStringLiteral("a"), 403));
        row("scopes: http key without dot is literal",
            scopes({{"scopes", strings({"a"})}, {"scopes_key", QStringLiteral("https://ns/scope")}}, "https://ns/scope",
                QStringLiteral("a"), 200));
        Case noKey = scopes({{"scopes", strings({"a"})}}, "scope", QStringLiteral("b"), 200);
        noKey.finding = QStringLiteral("scopes_without_scopes_key");
        row("scopes without scopes_key: skipped", noKey);
        row("scopes_matcher other than all means any",
            scopes({{"scopes", strings({"a", "c"})}, {"scopes_key", QStringLiteral("scope")},
                       {"scopes_matcher", QStringLiteral("ALL")}},
                "scope", QStringLiteral("a"), 200));
        Case rolesFirst = scopes(any, "scope", QStringLiteral("b"), 403);
        rolesFirst.config
            = plain({{"scopes", strings({"a"})}, {"scopes_key", QStringLiteral("scope")}, {"roles", strings({"x"})}});
        rolesFirst.stop = QStringLiteral("roles");
        rolesFirst.reason = QStringLiteral("sufficient roles");
        rolesFirst.alsoFails = {QStringLiteral("scopes")};
        row("roles are checked before scopes", rolesFirst);
    }

    // ------------------------------------------------------- step 11: propagation (§5), headers byte for byte
    {
        // krakend-jose TestCalculateHeadersToPropagate.
        const QJsonObject inner {{QStringLiteral("a"), 1}, {QStringLiteral("b"), QStringLiteral("foo")},
            {QStringLiteral("c"), strings({"one", "two"})}};
        QJsonObject d = inner;
        d.insert(QStringLiteral("d"), inner);
        const QByteArray payload = compactJson(QJsonObject {{QStringLiteral("a"), 1},
            {QStringLiteral("b"), QStringLiteral("foo")}, {QStringLiteral("c"), strings({"one", "two"})},
            {QStringLiteral("d"), d}, {QStringLiteral("g"), QJsonArray()}});
        Case c = ok(plain({{"propagate_claims",
                        pairs({{"a", "x-a"}, {"b", "x-b"}, {"c", "x-c"}, {"d.d", "x-d"}, {"d.d.c", "x-e"},
                            {"d.f", "x-f"}, {"g", "x-g"}})}}),
            {bearer(rs(payload))}, pub);
        c.headersJson
            = R"({"X-A":"1","X-B":"foo","X-C":"one,two","X-D":"{\"a\":1,\"b\":\"foo\",\"c\":[\"one\",\"two\"]}",)"
              R"("X-E":"one,two","X-F":"","X-G":""})";
        row("krakend TestCalculateHeadersToPropagate", c);

        // krakend-jose TestUnmarshalDataTypesGetClaim, through headers.
        const QByteArray types
            = R"({"t0_int":42,"t1_int":0,"t2_int":-42,"t3_float":-42.42,"t4_string":"string val",)"
              R"("t5_string":"d0052a8b-6b35-4cb4-af69-b95e241e7208",)"
              R"("t6_array":["item 1","item-2",1,-2,2.99,-3.01],"t7_big_int":1000001,)"
              R"("t8_float_round":4.000001,"t9_float_round":4.0000001,"t10_timestamp":1651529725,)"
              R"("t11_array":[],"t12_ts_array":[1651529725],"t13_bool":true,"t14_null":null,)"
              R"("t15_obj":{"z":"&","a":[1,{"k":null}]},"t16_mixed":[true,null,{"k":"v"},["x","y"],1234567]})";
        QJsonArray typePairs;
        for (const char *name : {"t0_int", "t1_int", "t2_int", "t3_float", "t4_string", "t5_string", "t6_array",
                 "t7_big_int", "t8_float_round", "t9_float_round", "t10_timestamp", "t11_array", "t12_ts_array",
                 "t13_bool", "t14_null", "t15_obj", "t16_mixed"})
            typePairs.append(QJsonArray {QLatin1String(name), QString(QStringLiteral("x-") + QLatin1String(name))});
        Case t = ok(plain({{"propagate_claims", typePairs}}), {bearer(rs(types))}, pub);
        t.headersJson
            = R"({"X-T0_int":"42","X-T1_int":"0","X-T2_int":"-42","X-T3_float":"-42.420000",)"
              R"("X-T4_string":"string val","X-T5_string":"d0052a8b-6b35-4cb4-af69-b95e241e7208",)"
              R"("X-T6_array":"item 1,item-2,1,-2,2.99,-3.01","X-T7_big_int":"1000001",)"
              R"("X-T8_float_round":"4.000001","X-T9_float_round":"4","X-T10_timestamp":"1651529725",)"
              R"("X-T11_array":"","X-T12_ts_array":"1.651529725e+09","X-T13_bool":"true","X-T14_null":"null",)"
              R"("X-T15_obj":"{\"a\":[1,{\"k\":null}],\"z\":\"\\u0026\"}",)"
              R"("X-T16_mixed":"true,<nil>,map[k:v],[x y],1.234567e+06"})";
        row("value formatting of every JSON type", t);

        Case preserve = ok(plain({{"propagate_claims", typePairs}, {"propagate_claims_preserve_array", true}}),
            {bearer(rs(types))}, pub);
        preserve.headersJson
            = R"({"X-T0_int":["42"],"X-T1_int":["0"],"X-T2_int":["-42"],"X-T3_float":["-42.420000"],)"
              R"("X-T4_string":["string val"],"X-T5_string":["d0052a8b-6b35-4cb4-af69-b95e241e7208"],)"
              R"("X-T6_array":["item 1","item-2","1","-2","2.99","-3.01"],"X-T7_big_int":["1000001"],)"
              R"("X-T8_float_round":["4.000001"],"X-T9_float_round":["4"],"X-T10_timestamp":["1651529725"],)"
              R"("X-T11_array":[],"X-T12_ts_array":["1.651529725e+09"],"X-T13_bool":["true"],)"
              R"("X-T14_null":["null"],"X-T15_obj":["{\"a\":[1,{\"k\":null}],\"z\":\"\\u0026\"}"],)"
              R"("X-T16_mixed":["true","<nil>","map[k:v]","[x y]","1.234567e+06"]})";
        row("preserve-array mode for every JSON type", preserve);

        Case ns = ok(plain({{"propagate_claims",
                         pairs({{"https://ns.io/tenant", "x-tenant"}, {"a.b", "x-ab"}, {"a.c.d", "x-broken"},
                             {"abc", "x-abc"}})}}),
            {bearer(rs(R"({"https://ns.io/tenant":"t1","a":{"b":"nested","c":"str"},"a.b":"literal","abc":"plain"})"))},
            pub);
        ns.headersJson = R"({"X-Abc":"plain","X-Ab":"nested","X-Broken":"","X-Tenant":"t1"})";
        row("propagation nests on dots except http keys", ns);
        Case shortKey = ok(plain({{"propagate_claims", pairs({{"a.b", "x"}})}}), {bearer(rs(R"({"a":{"b":1}})"))}, pub);
        shortKey.headersJson = R"({"X":"1"})";
        row("propagation: short dotted key nests", shortKey);
        Case later = ok(plain({{"propagate_claims", pairs({{"sub", "x-h"}, {"jti", "x-h"}})}}), {bearer(T)}, pub);
        later.headersJson = R"({"X-H":"mnb23vcsrt756yuiomnbvcx98ertyuiop"})";
        row("propagation: the later pair wins", later);
        QJsonArray badPairs = pairs({{"jti", "x-jti"}});
        badPairs.prepend(QJsonArray {QStringLiteral("sub")});
        badPairs.append(QJsonArray {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        Case skipped = ok(plain({{"propagate_claims", badPairs}}), {bearer(T)}, pub);
        skipped.headersJson = R"({"X-Jti":"mnb23vcsrt756yuiomnbvcx98ertyuiop"})";
        skipped.finding = QStringLiteral("propagate_claims_pair");
        row("propagation: pairs of the wrong size are skipped", skipped);
        Case none = ok(plain(), {bearer(T)}, pub);
        none.headersJson = "{}";
        row("no propagate_claims: no headers", none);
        Case deniedNoHeaders = denied(config({{"roles", strings({"x"})}}), {bearer(T)}, pub, 403, "roles", "roles");
        deniedNoHeaders.headersJson = "{}";
        row("no propagation when KrakenD stops", deniedNoHeaders);
    }

    // ---------------------------------------------------------------- step 12: {JWT.x} URL parameters
    {
        Case url = ok(plain(),
            {bearer(rs(R"({"sub":"u1","exp":2051882755,"a":{"b":"x"},"a.b":"lit","roles":["r1","r2"],"ratio":2.5})"))},
            pub);
        url.urlPatterns = {QStringLiteral("/users/{JWT.sub}/orders/{JWT.missing}"),
            QStringLiteral("/x/{JWT.exp}/{JWT.a.b}"), QStringLiteral("/r/{JWT.roles}?ratio={JWT.ratio}&id={id}")};
        url.urlParamsJson
            = R"({"JWT.a.b":"lit","JWT.exp":"2051882755","JWT.ratio":"2.500000","JWT.roles":"r1,r2","JWT.sub":"u1"})";
        url.unresolved = {QStringLiteral("JWT.missing")};
        row("url params: literal top-level lookup, formatted like headers (8.14)", url);
        Case nested = ok(plain(), {bearer(rs(R"({"a":{"b":"x"}})"))}, pub);
        nested.urlPatterns = {QStringLiteral("/{JWT.a.b}")};
        nested.urlParamsJson = "{}";
        nested.unresolved = {QStringLiteral("JWT.a.b")};
        row("url params: nested claims are not resolved", nested);
    }

    // ---------------------------------------------------------------- startup: the block itself (§1, §3a)
    {
        auto cfgError = [&](Changes changes, const char *reason) {
            Case c = denied(plain(changes), {bearer(T)}, pub, 401, "config", reason);
            c.finding = QStringLiteral("type_error");
            return c;
        };
        row("audience as a string: 401 for every request",
            cfgError({{"audience", QStringLiteral("x")}},
                "Unable to parse the configuration: json: cannot unmarshal string"));
        row("cache_duration as a string", cfgError({{"cache_duration", QStringLiteral("900")}}, "of type uint32"));
        row("negative cache_duration", cfgError({{"cache_duration", -1}}, "number -1"));
        row("fractional cache_duration", cfgError({{"cache_duration", 1.5}}, "number 1.5"));
        row("cache as a string", cfgError({{"cache", QStringLiteral("true")}}, "of type bool"));
        row("cypher_key not base64", cfgError({{"cypher_key", QStringLiteral("not base64!")}}, "illegal base64"));
        row("propagate_claims with a number",
            cfgError({{"propagate_claims", QJsonArray {QJsonArray {QStringLiteral("sub"), 5}}}}, "of type string"));
        row("roles as a string", cfgError({{"roles", QStringLiteral("admin")}}, "[]string"));
        row("cipher_suites beyond uint16", cfgError({{"cipher_suites", QJsonArray {70000}}}, "uint16"));
        row("type error wins over an unknown alg",
            cfgError({{"alg", QStringLiteral("XX")}, {"audience", 5}}, "Unable to parse the configuration"));
        row("cache_duration 900.0 passes Go's float round trip",
            ok(plain({{"cache_duration", 900.0}}), {bearer(T)}, pub));
        row("cache_duration 9e2 passes too", ok(plain({{"cache_duration", 9e2}}), {bearer(T)}, pub));
        row("unknown alg stops KrakenD",
            denied(plain({{"alg", QStringLiteral("RS257")}}), {bearer(T)}, pub, krakend::kNotStarted, "config",
                "KrakenD would not start: Unable to create the validator: JOSE: unknown algorithm RS257"));
        row("ES256K (known to this tool) stops KrakenD",
            denied(plain({{"alg", QStringLiteral("ES256K")}}), {bearer(T)}, pub, krakend::kNotStarted, "config",
                "KrakenD would not start: Unable to create the validator: JOSE: unknown algorithm ES256K"));
        row("RFC 9864 Ed25519 stops KrakenD",
            denied(plain({{"alg", QStringLiteral("Ed25519")}}), {bearer(T)}, pub, krakend::kNotStarted, "config",
                "JOSE: unknown algorithm Ed25519"));
        row("alg none stops KrakenD",
            denied(plain({{"alg", QStringLiteral("none")}}), {bearer(T)}, pub, krakend::kNotStarted, "config",
                "unknown algorithm none"));
        row("missing alg stops KrakenD (no runtime default)",
            denied(plain({{"alg", kRemove}}), {bearer(T)}, pub, krakend::kNotStarted, "config",
                "JOSE: unknown algorithm"));
        row("insecure jwk_url wins over an unknown alg",
            denied(plain({{"alg", QStringLiteral("XX")}, {"jwk_url", QStringLiteral("http://x")}}), {bearer(T)}, pub,
                401, "config", "insecure connection"));
        row("fingerprint in standard base64 stops KrakenD (8.11)",
            denied(plain({{"jwk_fingerprints", strings({"ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+=", "x"})}}),
                {bearer(T)}, pub, krakend::kNotStarted, "config",
                "decoding fingerprint #0: illegal base64 data at input byte 2"));
        row("fingerprint without padding stops KrakenD",
            denied(plain({{"jwk_fingerprints", strings({"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})}}), {bearer(T)},
                pub, krakend::kNotStarted, "config", "decoding fingerprint #0"));
        row("URL-safe padded fingerprint is fine",
            ok(plain({{"jwk_fingerprints", strings({"ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-="})}}), {bearer(T)},
                pub));
        row("unreadable jwk_local_ca stops KrakenD",
            denied(plain({{"jwk_local_ca", QStringLiteral("ca.pem")}}), {bearer(T)}, pub, krakend::kNotStarted,
                "config", "failed to append \"ca.pem\" to RootCAs"));
        Case ca = ok(plain({{"jwk_local_ca", QStringLiteral("ca.pem")}}), {bearer(T)}, pub);
        ca.files = {{QStringLiteral("ca.pem"), "not a certificate"}};
        ca.finding = QStringLiteral("local_ca_empty");
        row("jwk_local_ca without certificates is silently ignored", ca);
        Case typo = ok(plain({{"scope_key", QStringLiteral("scope")}, {"scopes", strings({"admin"})},
                           {"jwk-url", QStringLiteral("x")}}),
            {bearer(T)}, pub);
        typo.finding = QStringLiteral("unknown_option");
        row("unknown keys are ignored at run time (8.5)", typo);
        Case folded = denied(plain({{"Roles", strings({"role_c"})}}), {bearer(T)}, pub, 403, "roles", "roles");
        folded.finding = QStringLiteral("option_case_mismatch");
        row("option names match case-insensitively in Go", folded);
        Case comment = ok(plain({{"@comment", QStringLiteral("hi")}, {"$ref", 1}}), {bearer(T)}, pub);
        row("comment members are ignored", comment);
    }

    // ------------------------------------------------ issue #18: --jwks replaces keys, it does not create a source
    {
        Case noSource = denied(plain({{"jwk_url", kRemove}, {"disable_jwk_security", true}}), {bearer(T)}, pub, 401,
            "key", "Get \"\": unsupported protocol scheme \"\"");
        noSource.finding = QStringLiteral("jwks_without_source");
        row("--jwks with a jwk-url typo: no source to replace, KrakenD downloads from \"\" (401)", noSource);
        Case typo = denied(plain({{"jwk_url", kRemove}, {"jwk-url", QStringLiteral("https://idp/jwks")}}), {bearer(T)},
            pub, 401, "config", "insecure connection");
        typo.finding = QStringLiteral("jwks_without_source");
        row("--jwks with a jwk-url typo and no disable_jwk_security: 401 at start", typo);
        row("--jwks still replaces a configured jwk_url", ok(plain(), {bearer(T)}, pub));
    }

    // ------------------------------------------ issue #18: the header bytes as Go's HTTP server reads them
    {
        for (const char *control : {"\x0b", "\x0c", "\r", "\x01", "\x7f"}) {
            const QByteArray name = "control character " + QByteArray(control).toHex() + " after the token: 400";
            QTest::newRow(name.constData()) << denied(plain(), {bearer(T) + QLatin1String(control)}, pub, 400, "token",
                "Go's HTTP server refuses the request before any handler (400 Bad Request");
        }
        row("control character in another header: 400 as well",
            denied(plain(), {bearer(T), QStringLiteral("X-Note: a\x0c b")}, pub, 400, "token", "400 Bad Request"));
        row("control character in a cookie: 400", [&] {
            Case c = denied(plain(), {}, pub, 400, "token", "400 Bad Request");
            c.cookies = {QStringLiteral("access_token=") + T + QStringLiteral("\x0b")};
            return c;
        }());
        row("horizontal tab is allowed (optional white space)", ok(plain(), {bearer(T) + QStringLiteral("\t")}, pub));
        row("a line break and a space continue the line (obs-fold)",
            ok(plain(), {QStringLiteral("Authorization: Bearer\r\n ") + T}, pub));
        row("a line break starts a header line of its own: the token comes from it",
            ok(plain(), {QStringLiteral("X-Note: a\nAuthorization: Bearer ") + T}, pub));
        row("a line break followed by no header line: 400",
            denied(plain(), {bearer(T) + QStringLiteral("\nnonsense")}, pub, 400, "token", "400 Bad Request"));
    }

    // ------------------------------------ issue #18: Go's bytes for propagated claims (-0, big integers, UTF-8)
    {
        auto propagated = [&](const QByteArray &payload, std::initializer_list<std::pair<const char *, const char *>> p,
                              const QByteArray &expected, bool preserve = false) {
            Case c = ok(plain({{"propagate_claims", pairs(p)}, {"propagate_claims_preserve_array", preserve}}),
                {bearer(rs(payload))}, pub);
            c.headersJson = expected;
            return c;
        };
        row("-0 inside an array keeps its sign", propagated(R"({"a":[-0,1]})", {{"a", "x-a"}}, R"({"X-A":"-0,1"})"));
        row("-0.0 and -0e5 inside an array keep their sign",
            propagated(R"({"a":[-0.0,-0e5,0]})", {{"a", "x-a"}}, R"({"X-A":"-0,-0,0"})"));
        row("-0 inside an object keeps its sign",
            propagated(R"({"o":{"a":-0}})", {{"o", "x-o"}}, R"({"X-O":"{\"a\":-0}"})"));
        row("a scalar -0 is the integer 0", propagated(R"({"z":-0})", {{"z", "x-z"}}, R"({"X-Z":"0"})"));
        row("-0 in preserve-array mode", propagated(R"({"a":[-0,1]})", {{"a", "x-a"}}, R"({"X-A":["-0","1"]})", true));
        row("-0 nested twice keeps its sign",
            propagated(R"({"o":{"b":[{"c":-0}]}})", {{"o", "x-o"}}, R"({"X-O":"{\"b\":[{\"c\":-0}]}"})"));
        row("2^63 inside an object: float64 shortest digits, then zeros",
            propagated(
                R"({"o":{"n":9223372036854775808}})", {{"o", "x-o"}}, R"({"X-O":"{\"n\":9223372036854776000}"})"));
        row("int64 max inside an object",
            propagated(R"({"o":{"n":9223372036854775807,"m":-9223372036854775807}})", {{"o", "x-o"}},
                R"({"X-O":"{\"m\":-9223372036854776000,\"n\":9223372036854776000}"})"));
        row("2^53+1 inside an object is 2^53",
            propagated(R"({"o":{"n":9007199254740993}})", {{"o", "x-o"}}, R"({"X-O":"{\"n\":9007199254740992}"})"));
        row("1e20 inside an object is written out",
            propagated(R"({"o":{"n":1e20,"f":123456789.125}})", {{"o", "x-o"}},
                R"({"X-O":"{\"f\":123456789.125,\"n\":100000000000000000000}"})"));
        row("invalid UTF-8 in a string claim becomes U+FFFD, byte by byte",
            propagated("{\"iss\":\"http://example.com\",\"name\":\"a\xff\xc3"
                       "b\"}",
                {{"name", "x-name"}},
                "{\"X-Name\":\"a\xef\xbf\xbd\xef\xbf\xbd"
                "b\"}"));
        row("an encoded surrogate is three U+FFFD",
            propagated("{\"name\":\"\xed\xa0\x80\"}", {{"name", "x-name"}},
                "{\"X-Name\":\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"}"));
        row("valid multi-byte UTF-8 is kept",
            propagated("{\"name\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}", {{"name", "x-name"}},
                "{\"X-Name\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}"));
        row("invalid UTF-8 does not hide the iss (it is checked as Go reads it)",
            ok(plain({{"issuer", QStringLiteral("http://example.com")}}),
                {bearer(rs("{\"iss\":\"http://example.com\",\"x\":\"\xfe\"}"))}, pub));
        row("invalid UTF-8 inside the iss itself: it is not the issuer",
            denied(plain({{"issuer", QStringLiteral("http://example.com")}}),
                {bearer(rs("{\"iss\":\"http://example.com\xff\"}"))}, pub, 401, "iss", "invalid issuer claim"));
    }
}

void TestSimulator::pipeline()
{
    QFETCH(Case, c);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const auto &[path, content] : c.files) {
        const QString full = dir.filePath(path);
        QVERIFY(QDir().mkpath(QFileInfo(full).absolutePath()));
        QFile f(full);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    QJsonParseError error {};
    const QJsonDocument block = QJsonDocument::fromJson(c.config, &error);
    QVERIFY2(error.error == QJsonParseError::NoError && block.isObject(), c.config.constData());

    SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = ValidatorConfig::fromJson(block.object());
    setup.baseDir = dir.path();
    setup.urlPatterns = c.urlPatterns;
    setup.revokerConfigured = c.revoker;
    setup.revokerTokenKeys = c.revokerKeys;
    Simulator simulator(setup);
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(c.at, Qt::UTC)));
    if (!c.jwks.isEmpty())
        simulator.setReplacementJwks(c.jwks, QStringLiteral("test JWKS"));
    simulator.setRevoked(c.revoked);
    int downloads = 0;
    simulator.setDownloader([&](const QUrl &,
                                const keysource::NetworkOptions &) -> common::Result<keysource::HttpResponse> {
        ++downloads;
        if (!c.downloadError.isEmpty())
            return common::Error {c.downloadError, QStringLiteral("simulated %1").arg(c.downloadError), {}};
        if (c.downloadBody.isEmpty())
            return common::Error {QStringLiteral("network_error"), QStringLiteral("tests never use the network"), {}};
        keysource::HttpResponse response;
        response.status = 200;
        response.contentType = c.downloadType;
        response.body = c.downloadBody;
        return response;
    });

    SimulationRequest request;
    for (const QString &h : std::as_const(c.headers)) {
        const qsizetype colon = h.indexOf(u':');
        request.headers.append({h.left(colon), h.mid(colon + 1)});
    }
    for (const QString &k : std::as_const(c.cookies)) {
        const qsizetype eq = k.indexOf(u'=');
        request.cookies.append({k.left(eq), k.mid(eq + 1)});
    }
    const SimulationResult r = simulator.run(request);
    const QJsonObject json = r.toJson();
    const QByteArray dump = QJsonDocument(json).toJson();

    QVERIFY2(r.status == c.status, dump.constData());
    QVERIFY2(r.reason.contains(c.reason), dump.constData());
    QVERIFY2(!r.reason.contains(u'\n'), "the reason is one line");
    if (c.stop.isEmpty()) {
        QVERIFY2(!r.stoppingCheck(), dump.constData());
        QVERIFY2(r.alsoFails.isEmpty(), dump.constData());
    } else {
        QVERIFY2(r.stoppingCheck() && r.stoppingCheck()->nameText() == c.stop, dump.constData());
        QCOMPARE(r.stoppingCheck()->status, c.status);
    }
    if (!c.headersJson.isEmpty()) {
        const QJsonObject expected = QJsonDocument::fromJson(c.headersJson).object();
        QVERIFY2(!expected.isEmpty() || c.headersJson == "{}", "bad expected headers JSON in the test");
        QVERIFY2(json.value(QLatin1String("propagated_headers")).toObject() == expected, dump.constData());
    }
    if (!c.urlParamsJson.isEmpty())
        QVERIFY2(
            json.value(QLatin1String("url_params")).toObject() == QJsonDocument::fromJson(c.urlParamsJson).object(),
            dump.constData());
    if (!c.unresolved.isEmpty())
        QVERIFY2(
            json.value(QLatin1String("unresolved_url_params")).toArray() == QJsonArray::fromStringList(c.unresolved),
            dump.constData());
    QStringList also;
    for (const auto &a : r.alsoFails)
        also << a.nameText();
    for (const QString &name : std::as_const(c.alsoFails))
        QVERIFY2(also.contains(name), dump.constData());
    if (!c.finding.isEmpty()) {
        bool found = false;
        for (const auto &f : r.configFindings)
            found = found || f.code == c.finding;
        QVERIFY2(found, dump.constData());
    }
    QCOMPARE(r.networkError, c.networkError);
    QVERIFY2(r.complete, dump.constData());
    // A block that fails at start-up never downloads its key set (jwk_fetches, issue #18 item 6).
    if (c.stop == u"config")
        QVERIFY2(r.jwkFetches.isEmpty(), dump.constData());
    // KrakenD that does not start answers nothing: a status of its own, the words, the log line (issue #18).
    QCOMPARE(json.value(QLatin1String("startup")).toString(),
        c.status == krakend::kNotStarted ? QStringLiteral("fatal") : QStringLiteral("ok"));
    if (c.status == krakend::kNotStarted) {
        QVERIFY2(json.value(QLatin1String("status")).isNull(), dump.constData());
        QVERIFY(!r.startupLog.isEmpty());
        QCOMPARE(r.reason, QStringLiteral("KrakenD would not start: ") + r.startupLog);
        QCOMPARE(json.value(QLatin1String("startup_log")).toString(), r.startupLog);
        QCOMPARE(krakend::statusText(r.status), QStringLiteral("KrakenD would not start"));
    } else {
        QVERIFY(!json.contains(QLatin1String("startup_log")));
    }
}

void TestSimulator::checkOrder()
{
    // Every run lists the same checks in KrakenD's order, whatever happens.
    const QStringList order = {QStringLiteral("config"), QStringLiteral("token"), QStringLiteral("parse"),
        QStringLiteral("alg"), QStringLiteral("key"), QStringLiteral("signature"), QStringLiteral("claim_types"),
        QStringLiteral("iss"), QStringLiteral("aud"), QStringLiteral("nbf"), QStringLiteral("exp"),
        QStringLiteral("iat"), QStringLiteral("claims_map"), QStringLiteral("revocation"), QStringLiteral("roles"),
        QStringLiteral("scopes"), QStringLiteral("propagate_claims"), QStringLiteral("url_params"),
        QStringLiteral("backend")};
    const QList<int> steps = {0, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 7, 8, 9, 10, 11, 12, 13};
    for (const QByteArray &token : {QByteArray(kKrakendRs256), QByteArray(), QByteArray("x.y")}) {
        SimulationSetup setup;
        setup.hasValidator = true;
        setup.validator = ValidatorConfig::fromJson(QJsonDocument::fromJson(config()).object());
        Simulator simulator(setup);
        simulator.setReplacementJwks(m_public, QStringLiteral("public.json"));
        simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
        SimulationRequest request;
        if (!token.isEmpty())
            request.headers.append(
                {QStringLiteral("Authorization"), QStringLiteral("Bearer ") + QString::fromLatin1(token)});
        const SimulationResult r = simulator.run(request);
        QCOMPARE(r.checks.size(), order.size());
        for (int i = 0; i < order.size(); ++i) {
            QCOMPARE(r.checks[i].nameText(), order[i]);
            QCOMPARE(r.checks[i].step, steps[i]);
            if (r.stoppedAt >= 0 && i > r.stoppedAt)
                QCOMPARE(r.checks[i].outcome, krakend::CheckResult::Skip);
        }
    }
    // An expired token with the wrong roles: KrakenD stops at exp; roles is still evaluated for the inspector.
    SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = ValidatorConfig::fromJson(QJsonDocument::fromJson(config({{"roles", strings({"x"})}})).object());
    Simulator simulator(setup);
    simulator.setReplacementJwks(m_public, QStringLiteral("public.json"));
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(2051882755 + 10, Qt::UTC)));
    SimulationRequest request;
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + QLatin1String(kKrakendRs256)});
    const SimulationResult r = simulator.run(request);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.stoppingCheck()->nameText(), QStringLiteral("exp"));
    QCOMPARE(r.alsoFails.size(), 1);
    QCOMPARE(r.alsoFails.first().nameText(), QStringLiteral("roles"));
    QCOMPARE(r.alsoFails.first().status, 403);
    QVERIFY(r.check(QStringLiteral("roles"))->detail.startsWith(QLatin1String("not reached; would fail (403)")));
    QVERIFY(r.check(QStringLiteral("signature"))->outcome == krakend::CheckResult::Pass);

    // Millisecond clock: exp = now - 1 s passes at .000, fails at .001 (Go compares with nanoseconds).
    SimulationSetup exact;
    exact.hasValidator = true;
    exact.validator = ValidatorConfig::fromJson(QJsonDocument::fromJson(plain()).object());
    Simulator boundary(exact);
    boundary.setReplacementJwks(m_public, QStringLiteral("public.json"));
    SimulationRequest expiring;
    expiring.headers.append(
        {QStringLiteral("Authorization"), QStringLiteral("Bearer ") + rs(claims({{"exp", kNow - 1}}))});
    boundary.setClock(common::Clock::fixed(QDateTime::fromMSecsSinceEpoch(kNow * 1000, Qt::UTC)));
    QCOMPARE(boundary.run(expiring).status, 200);
    boundary.setClock(common::Clock::fixed(QDateTime::fromMSecsSinceEpoch(kNow * 1000 + 1, Qt::UTC)));
    QCOMPARE(boundary.run(expiring).status, 401);
}

void TestSimulator::noValidator()
{
    SimulationSetup setup = SimulationSetup::fromEndpoint(
        QJsonObject(), QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/open")}}, QString());
    QVERIFY(!setup.hasValidator);
    const SimulationResult r = Simulator(setup).run(SimulationRequest());
    QCOMPARE(r.status, 200);
    QVERIFY(r.reason.contains(QLatin1String("Validator disabled")));
}

void TestSimulator::byteOrderMarkStopsKrakenD()
{
    // A krakend.json with a UTF-8 byte order mark: Go's encoding/json refuses it, so KrakenD does not start and no
    // endpoint answers, with or without a validator (no HTTP status: kNotStarted, "KrakenD would not start").
    const QByteArray text = "\xEF\xBB\xBF{\"version\": 3, \"endpoints\": ["
                            "{\"endpoint\": \"/open\"},"
                            "{\"endpoint\": \"/jwt\", \"extra_config\": {\"auth/validator\": "
                            "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\"}}}]}";
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    QVERIFY(!root.isEmpty()); // Qt's parser skips the mark: the simulator must not
    for (const QString &path : {QStringLiteral("/open"), QStringLiteral("/jwt")}) {
        SimulationSetup setup = SimulationSetup::fromEndpoint(
            root, *SimulationSetup::findEndpoint(root, path, QStringLiteral("GET")), {});
        setup.checkConfigText(text);
        SimulationRequest request;
        request.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer x")}};
        const SimulationResult r = Simulator(setup).run(request);
        QCOMPARE(r.status, krakend::kNotStarted);
        QVERIFY(r.startupFatal());
        QVERIFY2(r.reason.startsWith(QStringLiteral("KrakenD would not start: the file starts with a UTF-8 byte order "
                                                    "mark")),
            qPrintable(r.reason));
        QVERIFY(r.reason.contains(QStringLiteral("invalid character '\u00EF' looking for beginning of value")));
        QVERIFY(r.stoppingCheck());
        QCOMPARE(r.stoppingCheck()->nameText(), QStringLiteral("config"));
        QVERIFY(std::any_of(r.configFindings.begin(), r.configFindings.end(),
            [](const common::Finding &f) { return f.code == u"byte_order_mark"; }));
    }
    // Without the mark nothing changes.
    SimulationSetup plain = SimulationSetup::fromEndpoint(
        root, *SimulationSetup::findEndpoint(root, QStringLiteral("/open"), QStringLiteral("GET")), {});
    plain.checkConfigText(text.mid(3));
    QCOMPARE(Simulator(plain).run(SimulationRequest()).status, 200);
}

void TestSimulator::versionStopsKrakenD_data()
{
    QTest::addColumn<QByteArray>("version"); ///< the member as written, empty: absent
    QTest::addColumn<QString>("log"); ///< what KrakenD logs; empty: it starts
    QTest::newRow("3") << QByteArray("\"version\": 3,") << QString();
    QTest::newRow("3.0 is not an int for Go")
        << QByteArray("\"version\": 3.0,")
        << QStringLiteral("json: cannot unmarshal number 3.0 into Go struct field parseableServiceConfig.version of "
                          "type int");
    QTest::newRow("2") << QByteArray("\"version\": 2,") << QStringLiteral("unsupported version: 2 (want: 3)");
    QTest::newRow("4") << QByteArray("\"version\": 4,") << QStringLiteral("unsupported version: 4 (want: 3)");
    QTest::newRow("missing: Go's zero value") << QByteArray() << QStringLiteral("unsupported version: 0 (want: 3)");
    QTest::newRow("null: Go's zero value")
        << QByteArray("\"version\": null,") << QStringLiteral("unsupported version: 0 (want: 3)");
    QTest::newRow("a string") << QByteArray("\"version\": \"3\",")
                              << QStringLiteral("json: cannot unmarshal string into Go struct field "
                                                "parseableServiceConfig.version of type int");
    QTest::newRow("a fraction") << QByteArray("\"version\": 3.5,")
                                << QStringLiteral("json: cannot unmarshal number 3.5 into Go struct field "
                                                  "parseableServiceConfig.version of type int");
}

void TestSimulator::versionStopsKrakenD()
{
    // lura's ServiceConfig.Init refuses any version but 3: KrakenD does not start, whatever the endpoint (issue #18;
    // before, version 2 answered 200 with a warning).
    QFETCH(QByteArray, version);
    QFETCH(QString, log);
    const QByteArray text = "{" + version
        + "\"endpoints\": [{\"endpoint\": \"/open\", \"backend\": [{\"url_pattern\": \"/\"}]},"
          "{\"endpoint\": \"/jwt\", \"extra_config\": {\"auth/validator\": "
          "{\"alg\": \"RS256\", \"jwk_url\": \"https://idp/jwks\"}}}]}";
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    QVERIFY(!root.isEmpty());
    for (const QString &path : {QStringLiteral("/open"), QStringLiteral("/jwt")}) {
        SimulationSetup setup = SimulationSetup::fromEndpoint(
            root, *SimulationSetup::findEndpoint(root, path, QStringLiteral("GET")), {});
        setup.checkConfigText(text);
        Simulator simulator(setup);
        simulator.setReplacementJwks(m_public, QStringLiteral("public.json"));
        simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
        SimulationRequest request;
        request.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer ") + QLatin1String(kKrakendRs256)}};
        const SimulationResult r = simulator.run(request);
        if (log.isEmpty()) {
            QCOMPARE(r.status, 200);
            QVERIFY(!r.startupFatal());
            continue;
        }
        QCOMPARE(r.status, krakend::kNotStarted);
        QCOMPARE(r.startupLog, log);
        QCOMPARE(r.reason, QStringLiteral("KrakenD would not start: ") + log);
        QCOMPARE(r.stoppingCheck()->nameText(), QStringLiteral("config"));
        QVERIFY(std::any_of(r.configFindings.begin(), r.configFindings.end(), [](const common::Finding &f) {
            return f.code == u"config_version" && f.severity == common::Severity::Error;
        }));
    }
}

void TestSimulator::startupFatalJsonBytes()
{
    // The JSON of a KrakenD that does not start, byte for byte: a null status, "startup": "fatal", the log line.
    const QByteArray text = "{\"version\": 2, \"endpoints\": [{\"endpoint\": \"/open\"}]}";
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    SimulationSetup setup = SimulationSetup::fromEndpoint(
        root, *SimulationSetup::findEndpoint(root, QStringLiteral("/open"), QStringLiteral("GET")), {});
    setup.checkConfigText(text);
    Simulator simulator(setup);
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
    const QByteArray json = QJsonDocument(simulator.run(SimulationRequest()).toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(json,
        QByteArray(
            R"j({"also_fails":[],"checks":[{"detail":"KrakenD would not start: unsupported version: 2 (want: 3)",)j"
            R"j("name":"config","result":"fail","status":null,"step":0}],"complete":true,)j"
            R"j("config_findings":[{"code":"config_version","message":"unsupported version: 2 (want: 3): KrakenD )j"
            "would not start; KrakenD 2.x reads configuration version 3 (set \\\"version\\\": 3)\","
            R"j("severity":"error","subject":"version"}],"evaluated_at":"2030-01-01T00:00:00.000Z",)j"
            R"j("jwk_fetches":[],"key_source":"","network_error":false,"not_forwarded_headers":[],)j"
            R"j("propagated_headers":{},)j"
            R"j("reason":"KrakenD would not start: unsupported version: 2 (want: 3)","startup":"fatal",)j"
            R"j("startup_log":"unsupported version: 2 (want: 3)","status":null,)j"
            R"j("stopped_at":{"name":"config","step":0},"unresolved_url_params":[],"url_params":{}})j"));
}

void TestSimulator::propagatedHeadersNeedInputHeaders()
{
    // Issue #18 item 7: lura's proxy sends the backend only the input_headers; a propagated header they do not list
    // is written into the request and then dropped.
    const QByteArray text = R"({"version": 3, "endpoints": [{"endpoint": "/a", "input_headers": ["x-a"],)"
                            R"("extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://idp/jwks",)"
                            R"("propagate_claims": [["sub", "x-a"], ["sub", "x-b"]]}}}]})";
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    SimulationSetup setup = SimulationSetup::fromEndpoint(
        root, *SimulationSetup::findEndpoint(root, QStringLiteral("/a"), QStringLiteral("GET")), {});
    setup.checkConfigText(text);
    QCOMPARE(setup.inputHeaders, std::optional<QStringList>(QStringList {QStringLiteral("X-A")}));
    Simulator simulator(setup);
    simulator.setReplacementJwks(m_public, QStringLiteral("public.json"));
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
    SimulationRequest request;
    request.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer ") + QLatin1String(kKrakendRs256)}};
    const SimulationResult r = simulator.run(request);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.propagatedHeaders.size(), 2);
    QVERIFY(r.propagatedHeaders[0].reachesBackend);
    QVERIFY(!r.propagatedHeaders[1].reachesBackend);
    QCOMPARE(r.toJson().value(QLatin1String("not_forwarded_headers")).toArray(), QJsonArray {QStringLiteral("X-B")});
    QVERIFY(r.check(QStringLiteral("propagate_claims"))
                ->detail.contains(QStringLiteral("X-B = \"1234567890qwertyuio\" (dropped before the backend: not in "
                                                 "input_headers)")));
    QVERIFY(std::any_of(r.configFindings.begin(), r.configFindings.end(),
        [](const common::Finding &f) { return f.code == u"propagated_header_not_forwarded" && f.subject == u"X-B"; }));
    // A bare validator block has no endpoint: nothing is judged.
    const SimulationSetup bare = SimulationSetup::fromValidatorDocument(
        QJsonDocument::fromJson(R"({"alg": "RS256", "jwk_url": "https://idp/jwks"})").object(), {});
    QVERIFY(!bare.inputHeaders);
}

void TestSimulator::endpointSetup()
{
    const QByteArray krakend = R"({
      "version": 3,
      "extra_config": {
        "auth/validator": {"shared_cache_duration": 0},
        "auth/revoker": {"N": 10000000, "P": 0.0000001, "hash_name": "optimal", "TTL": 1500, "port": 1234,
                         "token_keys": ["jti"]}
      },
      "endpoints": [
        {"endpoint": "/users/{id}", "backend": [{"url_pattern": "/u/{JWT.sub}/{id}"}],
         "extra_config": {"github.com/devopsfaith/krakend-jose/validator": {"alg": "RS256",
                          "jwk_url": "https://idp/jwks"}}},
        {"endpoint": "/both", "method": "POST",
         "extra_config": {"auth/validator": {"alg": "HS256", "jwk_url": "https://idp/jwks"},
                          "github.com/devopsfaith/krakend-jose/validator": {"alg": "RS256"},
                          "validation/cel": [{"check_expr": "JWT.sub == 'x'"}]}},
        {"endpoint": "/open"},
        {"endpoint": "/bad", "extra_config": {"auth/validator": "oops"}}
      ]
    })";
    const QJsonObject root = QJsonDocument::fromJson(krakend).object();
    QVERIFY(!root.isEmpty());
    auto users = SimulationSetup::findEndpoint(root, QStringLiteral("/users/{id}"), QStringLiteral("get"));
    QVERIFY(users);
    QVERIFY(SimulationSetup::findEndpoint(root, QStringLiteral("/users/42"), QStringLiteral("GET")));
    QVERIFY(!SimulationSetup::findEndpoint(root, QStringLiteral("/users/42"), QStringLiteral("POST")));
    QVERIFY(!SimulationSetup::findEndpoint(root, QStringLiteral("/users"), QStringLiteral("GET")));
    QVERIFY(SimulationSetup::findEndpoint(root, QStringLiteral("/both"), QStringLiteral("POST")));

    const SimulationSetup s = SimulationSetup::fromEndpoint(root, *users, QStringLiteral("/etc/krakend"));
    QVERIFY(s.hasValidator);
    QCOMPARE(s.validator.alg(), QStringLiteral("RS256"));
    QCOMPARE(s.urlPatterns, QStringList {QStringLiteral("/u/{JWT.sub}/{id}")});
    QVERIFY(s.revokerConfigured);
    QCOMPARE(s.revokerTokenKeys, QStringList {QStringLiteral("jti")});
    QCOMPARE(s.validator.effectiveSharedCacheDurationSeconds(), 900u);
    QVERIFY(std::any_of(
        s.findings.begin(), s.findings.end(), [](const common::Finding &f) { return f.code == u"legacy_namespace"; }));

    const SimulationSetup both = SimulationSetup::fromEndpoint(
        root, *SimulationSetup::findEndpoint(root, QStringLiteral("/both"), QStringLiteral("POST")), QString());
    QCOMPARE(both.validator.alg(), QStringLiteral("HS256")); // auth/validator wins over the legacy key
    QCOMPARE(both.method, QStringLiteral("POST"));
    QVERIFY(both.hasCelJwtRules);

    const SimulationSetup bad = SimulationSetup::fromEndpoint(
        root, *SimulationSetup::findEndpoint(root, QStringLiteral("/bad"), QStringLiteral("GET")), QString());
    const SimulationResult r = Simulator(bad).run(SimulationRequest());
    QCOMPARE(r.status, 401);
    QVERIFY(r.reason.contains(QLatin1String("cannot unmarshal string")));

    // --validator documents: bare block, extra_config fragment, endpoint object.
    const QJsonObject block {{QStringLiteral("alg"), QStringLiteral("ES256")}};
    QCOMPARE(SimulationSetup::fromValidatorDocument(block, QString()).validator.alg(), QStringLiteral("ES256"));
    QCOMPARE(SimulationSetup::fromValidatorDocument(QJsonObject {{QStringLiteral("auth/validator"), block}}, QString())
                 .validator.alg(),
        QStringLiteral("ES256"));
    const QJsonObject endpoint {{QStringLiteral("endpoint"), QStringLiteral("/e")},
        {QStringLiteral("extra_config"), QJsonObject {{QStringLiteral("auth/validator"), block}}}};
    QCOMPARE(SimulationSetup::fromValidatorDocument(endpoint, QString()).endpoint, QStringLiteral("/e"));
}

void TestSimulator::validatorOptions()
{
    const auto &options = ValidatorConfig::options();
    const QStringList expected = {QStringLiteral("alg"), QStringLiteral("jwk_url"), QStringLiteral("jwk_local_path"),
        QStringLiteral("secret_url"), QStringLiteral("cypher_key"), QStringLiteral("cache"),
        QStringLiteral("cache_duration"), QStringLiteral("audience"), QStringLiteral("issuer"),
        QStringLiteral("roles_key"), QStringLiteral("roles_key_is_nested"), QStringLiteral("roles"),
        QStringLiteral("scopes"), QStringLiteral("scopes_key"), QStringLiteral("scopes_matcher"),
        QStringLiteral("cookie_key"), QStringLiteral("auth_header_name"), QStringLiteral("leeway"),
        QStringLiteral("failed_jwk_key_cooldown"), QStringLiteral("key_identify_strategy"),
        QStringLiteral("disable_jwk_security"), QStringLiteral("jwk_fingerprints"), QStringLiteral("jwk_local_ca"),
        QStringLiteral("cipher_suites"), QStringLiteral("propagate_claims"),
        QStringLiteral("propagate_claims_preserve_array"), QStringLiteral("operation_debug")};
    QStringList names;
    for (const auto &o : options) {
        names << o.name;
        QVERIFY2(!o.type.isEmpty() && !o.defaultValue.isEmpty() && !o.since.isEmpty() && !o.meaning.isEmpty(),
            qPrintable(o.name));
    }
    QCOMPARE(names, expected);
    QCOMPARE(ValidatorConfig::option(QStringLiteral("auth_header_name"))->since, QStringLiteral("2.6"));
    QCOMPARE(ValidatorConfig::option(QStringLiteral("leeway"))->since, QStringLiteral("2.6"));
    QCOMPARE(ValidatorConfig::option(QStringLiteral("failed_jwk_key_cooldown"))->since, QStringLiteral("2.7"));
    QCOMPARE(ValidatorConfig::option(QStringLiteral("propagate_claims_preserve_array"))->since, QStringLiteral("2.11"));
    QCOMPARE(ValidatorConfig::option(QStringLiteral("roles_key"))->defaultValue, QStringLiteral("roles"));
    QCOMPARE(ValidatorConfig::option(QStringLiteral("cookie_key"))->defaultValue, QStringLiteral("access_token"));
    QCOMPARE(ValidatorConfig::option(QStringLiteral("alg"))->enumValues.size(), 13);
    QCOMPARE(ValidatorConfig::option(QStringLiteral("key_identify_strategy"))->enumValues.size(), 4);
    QCOMPARE(ValidatorConfig::option(QStringLiteral("cypher_key"))->goType, krakend::GoType::Bytes);
    QCOMPARE(ValidatorConfig::serviceOptions().size(), 1);
    const auto *shared = ValidatorConfig::option(QStringLiteral("shared_cache_duration"));
    QVERIFY(shared);
    QCOMPARE(shared->since, QStringLiteral("2.3"));
    QVERIFY(!ValidatorConfig::option(QStringLiteral("scope_key")));
}

void TestSimulator::validatorRuntimeSemantics()
{
    const ValidatorConfig empty
        = ValidatorConfig::fromJson(QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")}});
    QCOMPARE(empty.effectiveRolesKey(), QStringLiteral("roles"));
    QCOMPARE(empty.effectiveCookieKey(), QStringLiteral("access_token"));
    QCOMPARE(empty.effectiveAuthHeaderName(), QStringLiteral("Authorization"));
    QCOMPARE(empty.effectiveLeewayNanos(), 1000000000LL);
    QCOMPARE(empty.effectiveCacheDurationSeconds(), 900u);
    QCOMPARE(empty.effectiveFailedKeyCooldownNanos(), 0LL);
    QCOMPARE(empty.effectiveKeyIdStrategy(), validation::KeyIdStrategy::Kid);
    QCOMPARE(empty.runtimeState(), RuntimeState::RejectsAll); // no jwk_url: fails the https check
    QVERIFY(!empty.scopesCheckEnabled());

    const ValidatorConfig full = ValidatorConfig::fromJson(QJsonDocument::fromJson(R"({
        "alg": "ES256", "jwk_url": "https://idp/jwks", "auth_header_name": "x-token", "leeway": "1m30s",
        "cache_duration": 0, "failed_jwk_key_cooldown": "10s", "key_identify_strategy": "x5t#S256",
        "roles_key": "realm_access.roles", "roles_key_is_nested": true, "scopes": ["a"], "scopes_key": "scp",
        "scopes_matcher": "all", "cipher_suites": [49199, 4865.0], "cypher_key": "AAEC",
        "propagate_claims": [["sub", "x-sub"], null, ["a"]], "audience": ["a", null]})")
                                                               .object());
    QVERIFY2(full.typeErrors().isEmpty(), qPrintable(full.typeErrors().join(u'\n')));
    QCOMPARE(full.runtimeState(), RuntimeState::Ok);
    QCOMPARE(full.effectiveAuthHeaderName(), QStringLiteral("X-Token"));
    QCOMPARE(full.effectiveLeewayNanos(), 90000000000LL);
    QCOMPARE(full.effectiveCacheDurationSeconds(), 900u);
    QCOMPARE(full.effectiveFailedKeyCooldownNanos(), 10000000000LL);
    QCOMPARE(full.effectiveKeyIdStrategy(), validation::KeyIdStrategy::X5tS256);
    QVERIFY(full.rolesLookupIsNested());
    QVERIFY(full.scopesCheckEnabled());
    QVERIFY(full.scopesMatchAll());
    QCOMPARE(full.cipherSuites(), (QList<quint16> {49199, 4865}));
    QCOMPARE(full.cypherKey(), QByteArray::fromHex("000102"));
    QCOMPARE(full.propagateClaims().size(), 3);
    QCOMPARE(full.propagateClaims().at(1).size(), 0);
    QCOMPARE(full.audience(), (QStringList {QStringLiteral("a"), QString()}));

    // Go folds member names: the later spelling in sorted order wins.
    const ValidatorConfig folded = ValidatorConfig::fromJson(
        QJsonObject {{QStringLiteral("ALG"), QStringLiteral("HS256")}, {QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("Jwk_Url"), QStringLiteral("https://x")}});
    QCOMPARE(folded.alg(), QStringLiteral("RS256"));
    QCOMPARE(folded.jwkUrl(), QStringLiteral("https://x"));
    QVERIFY(folded.isSet(QStringLiteral("jwk_url")));

    // Startup problems, in KrakenD's order.
    ValidatorConfig c = ValidatorConfig::fromJson(QJsonObject {
        {QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("jwk_url"), QStringLiteral("https://x")}});
    QCOMPARE(c.runtimeState(), RuntimeState::Ok);
    c.setValue(QStringLiteral("alg"), QStringLiteral("HS999"));
    QCOMPARE(c.runtimeState(), RuntimeState::StartupFatal);
    QCOMPARE(c.runtimeProblem(), QStringLiteral("Unable to create the validator: JOSE: unknown algorithm HS999"));
    c.setValue(QStringLiteral("jwk_url"), QStringLiteral("http://x"));
    QCOMPARE(c.runtimeState(), RuntimeState::RejectsAll);
    c.setValue(QStringLiteral("issuer"), 5);
    QVERIFY(c.runtimeProblem().startsWith(
        QLatin1String("Unable to parse the configuration: json: cannot unmarshal number")));
    c.setValue(QStringLiteral("issuer"), QJsonValue(QJsonValue::Undefined));
    c.setValue(QStringLiteral("jwk_url"), QJsonValue(QJsonValue::Undefined));
    c.setValue(QStringLiteral("alg"), QStringLiteral("RS256"));
    c.setValue(QStringLiteral("jwk_local_path"), QStringLiteral("k.json"));
    c.setValue(QStringLiteral("disable_jwk_security"), true);
    QVERIFY(c.usesLocalPath());
    QCOMPARE(c.runtimeState(), RuntimeState::Ok);
    c.setValue(QStringLiteral("cache"), true);
    QCOMPARE(c.cacheLocalPathProblem(), QStringLiteral("cache could not be used with jwk_local_path"));
    QVERIFY(!c.usesLocalPath());

    // Fingerprints: Go's base64.URLEncoding.
    const ValidatorConfig pins = ValidatorConfig::fromJson(
        QJsonObject {{QStringLiteral("jwk_fingerprints"), strings({"ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-="})}});
    QVERIFY(pins.fingerprintProblem().isEmpty());
    // Go ignores the unused low bits of the last character; the canonical form is what gets compared.
    QCOMPARE(pins.decodedFingerprints(), QStringList {QStringLiteral("ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab-_ab8=")});

    // Go's base64 decoder.
    QString error;
    QCOMPARE(*krakend::GoStruct::base64("AQAB", true, false), QByteArray::fromHex("010001"));
    QCOMPARE(*krakend::GoStruct::base64("AQ==", false, true), QByteArray::fromHex("01"));
    QCOMPARE(
        *krakend::GoStruct::base64("AR", true, false), QByteArray::fromHex("01")); // non-zero trailing bits ignored
    QVERIFY(!krakend::GoStruct::base64("AQ", false, true, &error));
    QCOMPARE(error, QStringLiteral("illegal base64 data at input byte 0"));
    QVERIFY(!krakend::GoStruct::base64("A", true, false, &error));
    QVERIFY(!krakend::GoStruct::base64("AQ=A", false, true, &error));
    QVERIFY(!krakend::GoStruct::base64("a+b/", true, false, &error));
    QCOMPARE(error, QStringLiteral("illegal base64 data at input byte 1"));
    QCOMPARE(*krakend::GoStruct::base64("AQ\r\nAB", true, false), QByteArray::fromHex("010001"));

    // Did you mean.
    QCOMPARE(krakend::GoStruct::didYouMean(QStringLiteral("scope_key"), ValidatorConfig::options()),
        QStringLiteral("scopes_key"));
    QCOMPARE(krakend::GoStruct::didYouMean(QStringLiteral("jwk-url"), ValidatorConfig::options()),
        QStringLiteral("jwk_url"));
    QCOMPARE(krakend::GoStruct::didYouMean(QStringLiteral("audiance"), ValidatorConfig::options()),
        QStringLiteral("audience"));
    QVERIFY(
        krakend::GoStruct::didYouMean(QStringLiteral("something_else_entirely"), ValidatorConfig::options()).isEmpty());
}

void TestSimulator::signerConfig()
{
    const auto &options = SignerConfig::options();
    QCOMPARE(options.size(), 14);
    QVERIFY(!SignerConfig::option(QStringLiteral("typ"))->inSchema);
    QVERIFY(!SignerConfig::option(QStringLiteral("leeway"))->readAtRuntime);
    QCOMPARE(SignerConfig::option(QStringLiteral("leeway"))->since, QStringLiteral("2.7"));

    // KrakenD's newSignerEndpointCfg: "cache" is not a signer option (ignored).
    const SignerConfig s = SignerConfig::fromJson(QJsonDocument::fromJson(R"({"alg":"RS256","kid":"2011-04-29",
        "jwk_url":"http://127.0.0.1/jwks","keys_to_sign":["access_token","refresh_token"],
        "disable_jwk_security":true,"cache":true,"leeway":5})")
                                                      .object());
    QCOMPARE(s.runtimeState(), RuntimeState::Ok);
    QCOMPARE(s.keysToSign(), (QStringList {QStringLiteral("access_token"), QStringLiteral("refresh_token")}));
    QCOMPARE(s.effectiveTyp(), QStringLiteral("JWT"));
    QVERIFY(!s.full());
    auto has = [](const SignerConfig &c, const char *code) {
        return std::any_of(c.findings().begin(), c.findings().end(),
            [code](const common::Finding &f) { return f.code == QLatin1String(code); });
    };
    QVERIFY(has(s, "unknown_option")); // cache
    QVERIFY(has(s, "signer_leeway_ignored")); // a number is fine: Go never decodes it
    QVERIFY(s.keyProblem(m_rsa.key).isEmpty());
    QVERIFY(!s.keyProblem(m_rsa.key.publicKey()).isEmpty());
    QVERIFY(!s.keyProblem(m_hmac.key).isEmpty());

    const SignerConfig insecure = SignerConfig::fromJson(
        QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), QStringLiteral("sim2")},
            {QStringLiteral("keys_to_sign"), strings({"a"})}, {QStringLiteral("jwk_url"), QStringLiteral("http://x")}});
    QCOMPARE(insecure.runtimeState(), RuntimeState::RejectsAll);
    QVERIFY(insecure.runtimeProblem().contains(QLatin1String("insecure connection")));
    const SignerConfig typed = SignerConfig::fromJson(QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")},
        {QStringLiteral("kid"), QStringLiteral("sim2")}, {QStringLiteral("full"), QStringLiteral("yes")},
        {QStringLiteral("typ"), QStringLiteral("at+jwt")}, {QStringLiteral("jwk_url"), QStringLiteral("https://x")}});
    QCOMPARE(typed.runtimeState(), RuntimeState::RejectsAll);
    QVERIFY(has(typed, "type_error"));
    QVERIFY(has(typed, "signer_typ_not_in_schema"));
    QVERIFY(has(typed, "missing_required")); // keys_to_sign
    const SignerConfig badAlg = SignerConfig::fromJson(QJsonObject {
        {QStringLiteral("alg"), QStringLiteral("RS1")}, {QStringLiteral("jwk_url"), QStringLiteral("https://x")}});
    QCOMPARE(badAlg.runtimeState(), RuntimeState::RejectsAll);
    QVERIFY(badAlg.runtimeProblem().contains(QLatin1String("RS1")));
}

void TestSimulator::resultJson()
{
    SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator
        = ValidatorConfig::fromJson(QJsonDocument::fromJson(config({{"roles", strings({"role_x"})}})).object());
    Simulator simulator(setup);
    simulator.setReplacementJwks(m_public, QStringLiteral("public.json"));
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(2051882755 + 100, Qt::UTC)));
    SimulationRequest request;
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + QLatin1String(kKrakendRs256)});
    const QJsonObject json = simulator.run(request).toJson();
    for (const char *field : {"status", "reason", "checks", "propagated_headers", "url_params", "config_findings",
             "also_fails", "stopped_at", "key_source", "network_error", "complete", "evaluated_at"})
        QVERIFY2(json.contains(QLatin1String(field)), field);
    QCOMPARE(json.value(QLatin1String("status")).toInt(), 401);
    const QJsonArray checks = json.value(QLatin1String("checks")).toArray();
    for (const auto &c : checks) {
        const QJsonObject o = c.toObject();
        for (const char *field : {"step", "name", "result", "detail"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
        const QString result = o.value(QLatin1String("result")).toString();
        QVERIFY(result == u"pass" || result == u"fail" || result == u"skip");
    }
    QCOMPARE(json.value(QLatin1String("stopped_at")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("exp"));
    QCOMPARE(
        json.value(QLatin1String("also_fails")).toArray().first().toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("roles"));
    QCOMPARE(json.value(QLatin1String("evaluated_at")).toString(), QStringLiteral("2035-01-08T15:27:35.000Z"));
}

// KrakenD (go-jose) verifies with keys the Workbench's verifier refuses by default (RSA under 2048 bits, Ed25519
// keys of small order): the simulator keeps KrakenD's answer and says so in the signature step.
void TestSimulator::weakKeysAcceptedAsKrakendDoes()
{
    const char rsa1024[] = "-----BEGIN PRIVATE KEY-----\n"
                           "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAK1XCOcn/+wMnwab\n"
                           "W0gcciK4DpAdB4XDNKoax1xuPsMYWQpebsxg2hFUArg1rXt1N8bdZ24KE4CB/Zmz\n"
                           "VHHrYHNo357dgaQF4g+5N0i5PS2paoqFdwHQmB4Qo5yjiZGPHM+FS2zbtSRIRyGC\n"
                           "gcQmXiw94hozvxo+LDX3Gx2hNfRJAgMBAAECgYAJSUthzuPICpkOao5GW7fFomSt\n"
                           "VdDMWrvcjRi3G/Ti0NAcXRjEfD/Sg9Std7q2jX4SelQLMiD/Vnd2n4PbooeFMLs/\n"
                           "8agQCHRtcgMnj823uo9H12WU+lSjsqTFfnCoo1zDuibL3JJyOeaCOn7BGVD4H5hH\n"
                           "JKeryornOHN7UMAcXQJBANX+hYl7cDPKIFjiC1A7R7RxepeDLP2Ecqxu0XdvOuFb\n"
                           "bl0jY0oB5AWffJBWNH0o9MadH/Zth2nNLZKQB8aqHJMCQQDPXZYXJAv42ZnjrgHF\n"
                           "E7kq7aiPt5PKuDvQFZOYu7DfFq6Y6myhyqvIZd3kLAc7+mqJiqESKtLntzPlefe5\n"
                           "MZEzAkEAnEwhRrA03G7GP4UiVEBn+ABmVOGHa8dgZlcugPhp3g2Ex1xAed51qDG7\n"
                           "rkR4Y+4VEjfTD48iN4GXxpOSSmUXJwJAfy2EmdivxwWeDjdwOnBoRl3P3aTXbaMk\n"
                           "e/Bfv3KNfaUpm/taeLgWNyfSuNgP78cbhBOTydKd2yNPHtR5DAnMZQJBAMSpHKkt\n"
                           "p/A9Mrssg5RIPuIq0AEdkyoDB4ZKvoet/ZWfk4C2PHSrAOsZjZ4BPeLtgzlAr8bd\n"
                           "2mkIVBc6DzSyd00=\n"
                           "-----END PRIVATE KEY-----\n";
    const auto weak = crypto::Key::fromPem(QByteArray(rsa1024));
    QVERIFY(weak.ok());
    // The identity point as an Ed25519 public key, and a signature forged without any private key.
    QByteArray identity(32, '\0');
    identity[0] = 1;
    struct WeakCase
    {
        const char *alg;
        QJsonObject jwk;
        QString token;
        const char *note;
    };
    QJsonObject rsaJwk = keys::Jwk::toJson(weak->publicKey(), false);
    rsaJwk.insert(QStringLiteral("kid"), QStringLiteral("weak"));
    const QByteArray header = compactJson(QJsonObject {
        {QStringLiteral("alg"), QStringLiteral("EdDSA")}, {QStringLiteral("kid"), QStringLiteral("weak")}});
    const QByteArray payload = compactJson(QJsonObject {{QStringLiteral("sub"), QStringLiteral("mallory")}});
    const QList<WeakCase> cases = {
        {"RS256", rsaJwk,
            keys::TokenSigner::signBytes(crypto::Algorithm::RS256, weak.value(),
                compactJson(QJsonObject {
                    {QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), QStringLiteral("weak")}}),
                payload)
                .value(),
            "KrakenD accepts this 1024-bit RSA key"},
        {"EdDSA",
            QJsonObject {{QStringLiteral("kty"), QStringLiteral("OKP")},
                {QStringLiteral("crv"), QStringLiteral("Ed25519")}, {QStringLiteral("kid"), QStringLiteral("weak")},
                {QStringLiteral("x"), QString::fromLatin1(jose::Base64Url::encode(identity))}},
            QString::fromLatin1(jose::Base64Url::encode(header) + '.' + jose::Base64Url::encode(payload) + '.'
                + jose::Base64Url::encode(identity + QByteArray(32, '\0'))),
            "point of small order"},
    };
    for (const WeakCase &c : cases) {
        SimulationSetup setup;
        setup.hasValidator = true;
        setup.validator = ValidatorConfig::fromJson(QJsonDocument::fromJson(plain({}, c.alg)).object());
        Simulator simulator(setup);
        simulator.setReplacementJwks(
            compactJson(QJsonObject {{QStringLiteral("keys"), QJsonArray {c.jwk}}}), QStringLiteral("weak.json"));
        simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
        SimulationRequest request;
        request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + c.token});
        const SimulationResult r = simulator.run(request);
        QVERIFY2(r.status == 200, c.alg);
        const auto *signature = r.check(QStringLiteral("signature"));
        QVERIFY(signature && signature->outcome == krakend::CheckResult::Pass);
        QVERIFY2(signature->detail.contains(QLatin1String(c.note)), qPrintable(signature->detail));
    }
}

void TestSimulator::newAlgorithmNamesExplained_data()
{
    QTest::addColumn<QString>("endpointAlg");
    QTest::addColumn<QString>("tokenAlg");
    QTest::addColumn<QString>("explained");
    QTest::newRow("Ed25519 on EdDSA") << QStringLiteral("EdDSA") << QStringLiteral("Ed25519")
                                      << QStringLiteral("only as \"EdDSA\"");
    QTest::newRow("Ed448 on EdDSA") << QStringLiteral("EdDSA") << QStringLiteral("Ed448")
                                    << QStringLiteral("no Ed448 at all");
    QTest::newRow("ES256K on ES256") << QStringLiteral("ES256") << QStringLiteral("ES256K")
                                     << QStringLiteral("RFC 8812");
    QTest::newRow("an unknown name gets no such note")
        << QStringLiteral("ES256") << QStringLiteral("ES256X") << QString();
}

void TestSimulator::newAlgorithmNamesExplained()
{
    // A token whose alg this tool verifies but KrakenD does not know: KrakenD's answer (401 at the alg check), and the
    // check says why in the words of the Inspector's finding.
    QFETCH(QString, endpointAlg);
    QFETCH(QString, tokenAlg);
    QFETCH(QString, explained);
    SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator
        = ValidatorConfig::fromJson(QJsonDocument::fromJson(plain({}, endpointAlg.toLatin1().constData())).object());
    Simulator simulator(setup);
    simulator.setReplacementJwks(m_public, QStringLiteral("public.json"));
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
    const QByteArray header = compactJson(
        QJsonObject {{QStringLiteral("alg"), tokenAlg}, {QStringLiteral("kid"), QStringLiteral("2011-04-29")}});
    SimulationRequest request;
    request.headers.append({QStringLiteral("Authorization"),
        QStringLiteral("Bearer %1.%2.%3")
            .arg(QString::fromLatin1(jose::Base64Url::encode(header)),
                QString::fromLatin1(jose::Base64Url::encode("{\"sub\":\"x\"}")), QStringLiteral("AAAA"))});
    const SimulationResult r = simulator.run(request);
    QCOMPARE(r.status, 401);
    const auto *alg = r.check(QStringLiteral("alg"));
    QVERIFY(alg && alg->outcome == krakend::CheckResult::Fail);
    if (explained.isEmpty())
        QVERIFY2(!alg->detail.contains(QLatin1String("KrakenD")), qPrintable(alg->detail));
    else
        QVERIFY2(alg->detail.contains(explained), qPrintable(alg->detail));
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
