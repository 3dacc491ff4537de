// validation::Verifier: the policy checks, data-driven with a fixed clock. Each row is a token made here
// (signed with generated keys), a key set, a policy, and the verdict: valid or not, which checks fail (in
// Report::checks order), and words the first failure must contain. Covers alg none in every spelling, --alg
// and JWK alg mismatches, use/key_ops, short HMAC keys, kid selection (unknown, duplicate, absent), the x5t,
// x5t#S256 and kid_x5t strategies, embedded jwk headers (never trusted), crit, iss/aud, exp/nbf/iat at the
// leeway boundaries, claim types, JWE and malformed input; then the order and JSON form of the report.
#include "TestData.h"

#include "common/Clock.h"
#include "crypto/Backend.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/KeyLoader.h"
#include "validation/Verifier.h"

#include "keys/Thumbprint.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using jwb::crypto::Algorithm;
using jwb::crypto::Key;
using jwb::validation::Policy;
using jwb::validation::Report;
using jwb::validation::Verifier;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z

QByteArray b64u(const QByteArray &data)
{
    return jwb::jose::Base64Url::encode(data);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString tokenFrom(const QByteArray &header, const QByteArray &payload, Algorithm alg, const Key &key)
{
    const QByteArray input = b64u(header) + '.' + b64u(payload);
    const auto sig = jwb::crypto::Signature::sign(alg, key, input);
    return QString::fromLatin1(input + '.' + (sig ? b64u(sig.value()) : QByteArray("c2lnbmluZyBmYWlsZWQ")));
}

QString token(QJsonObject header, const QJsonObject &payload, Algorithm alg, const Key &key)
{
    if (!header.contains(QLatin1String("alg")))
        header.insert(QStringLiteral("alg"), jwb::crypto::Algorithms::name(alg));
    return tokenFrom(json(header), json(payload), alg, key);
}

QStringList failedChecks(const Report &r)
{
    QStringList names;
    for (const auto &c : r.checks)
        if (!c.ok())
            names.append(c.nameText());
    return names;
}

QStringList checkNames(const Report &r)
{
    QStringList names;
    for (const auto &c : r.checks)
        names.append(c.nameText());
    return names;
}

Policy policyAt(qint64 now)
{
    Policy p;
    p.clock = std::make_shared<jwb::common::FixedClock>(QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()));
    return p;
}

QJsonObject withKid(QJsonObject jwk, const QString &kid)
{
    jwk.insert(QStringLiteral("kid"), kid);
    return jwk;
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

QByteArray set(const QJsonArray &keys)
{
    return json(QJsonObject {{QStringLiteral("keys"), keys}});
}

bool hasFinding(const Report &r, const QString &code)
{
    return std::any_of(r.findings.cbegin(), r.findings.cend(), [&](const auto &f) { return f.code == code; });
}

const jwb::common::Finding *findingOf(const Report &r, const QString &code)
{
    for (const auto &f : r.findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

// A 1024-bit RSA key (openssl genpkey), for the weak-key rules: Key::generate refuses to make one.
const char kRsa1024Pem[] = R"(-----BEGIN PRIVATE KEY-----
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAK1XCOcn/+wMnwab
W0gcciK4DpAdB4XDNKoax1xuPsMYWQpebsxg2hFUArg1rXt1N8bdZ24KE4CB/Zmz
VHHrYHNo357dgaQF4g+5N0i5PS2paoqFdwHQmB4Qo5yjiZGPHM+FS2zbtSRIRyGC
gcQmXiw94hozvxo+LDX3Gx2hNfRJAgMBAAECgYAJSUthzuPICpkOao5GW7fFomSt
VdDMWrvcjRi3G/Ti0NAcXRjEfD/Sg9Std7q2jX4SelQLMiD/Vnd2n4PbooeFMLs/
8agQCHRtcgMnj823uo9H12WU+lSjsqTFfnCoo1zDuibL3JJyOeaCOn7BGVD4H5hH
JKeryornOHN7UMAcXQJBANX+hYl7cDPKIFjiC1A7R7RxepeDLP2Ecqxu0XdvOuFb
bl0jY0oB5AWffJBWNH0o9MadH/Zth2nNLZKQB8aqHJMCQQDPXZYXJAv42ZnjrgHF
E7kq7aiPt5PKuDvQFZOYu7DfFq6Y6myhyqvIZd3kLAc7+mqJiqESKtLntzPlefe5
MZEzAkEAnEwhRrA03G7GP4UiVEBn+ABmVOGHa8dgZlcugPhp3g2Ex1xAed51qDG7
rkR4Y+4VEjfTD48iN4GXxpOSSmUXJwJAfy2EmdivxwWeDjdwOnBoRl3P3aTXbaMk
e/Bfv3KNfaUpm/taeLgWNyfSuNgP78cbhBOTydKd2yNPHtR5DAnMZQJBAMSpHKkt
p/A9Mrssg5RIPuIq0AEdkyoDB4ZKvoet/ZWfk4C2PHSrAOsZjZ4BPeLtgzlAr8bd
2mkIVBc6DzSyd00=
-----END PRIVATE KEY-----
)";

/// The 32-byte little-endian encoding of y (given big-endian in hex), with the sign bit set or not.
QByteArray edwardsY(const char *bigEndianHex, bool signBit)
{
    QByteArray le = QByteArray::fromHex(bigEndianHex).rightJustified(32, '\0');
    std::reverse(le.begin(), le.end());
    if (signBit)
        le[31] = static_cast<char>(le[31] | 0x80);
    return le;
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void algNoneEverySpelling_data();
    void algNoneEverySpelling();
    void embeddedJwkNeverUsed();
    void checkOrder_data();
    void checkOrder();
    void reportJson();
    void emptyKeySet();
    void keyIds_data();
    void keyIds();
    void algLessKeyTakesTheTokensFamily_data();
    void algLessKeyTakesTheTokensFamily();
    void weakRsaKeyRefusedUnlessAllowed();
    void smallOrderEd25519Keys();
    void explicitTyping_data();
    void explicitTyping();
    void issuerBoundKeys_data();
    void issuerBoundKeys();

private:
    void ensureKeys();

    Key m_ec1, m_ec2, m_attacker, m_hs32, m_hs64, m_hs16;
    QJsonObject m_ec1Jwk, m_ec2Jwk, m_hs32Jwk, m_hs64Jwk, m_hs16Jwk;
};

void TestVerifier::initTestCase()
{
    ensureKeys();
    QVERIFY(!m_ec1.isNull() && !m_hs16.isNull());
}

void TestVerifier::ensureKeys()
{
    // Also called from the _data functions, which `-datatags` runs without initTestCase.
    if (!m_ec1.isNull())
        return;
    jwb::crypto::Backend::initialize();
    auto ec = [] { return Key::generate(jwb::crypto::KeyType::Ec, 0, jwb::crypto::Curve::P256).value(); };
    m_ec1 = ec();
    m_ec2 = ec();
    m_attacker = ec();
    m_hs32 = Key::fromSecret(QByteArray("0123456789abcdef0123456789abcdef")).value();
    m_hs64 = Key::fromSecret(QByteArray(64, 'k')).value();
    m_hs16 = Key::fromSecret(QByteArray("0123456789abcdef")).value();
    m_ec1Jwk = withKid(jwb::keys::Jwk::toJson(m_ec1, false), QStringLiteral("ec1"));
    m_ec2Jwk = withKid(jwb::keys::Jwk::toJson(m_ec2, false), QStringLiteral("ec2"));
    m_hs32Jwk = withKid(jwb::keys::Jwk::toJson(m_hs32, true), QStringLiteral("h32"));
    m_hs64Jwk = withKid(jwb::keys::Jwk::toJson(m_hs64, true), QStringLiteral("h64"));
    m_hs16Jwk = withKid(jwb::keys::Jwk::toJson(m_hs16, true), QStringLiteral("h16"));
}

void TestVerifier::verdicts_data()
{
    ensureKeys();
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QString>("alg"); // Policy::algorithm ("" = what the key allows)
    QTest::addColumn<QString>("iss");
    QTest::addColumn<QStringList>("aud");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<bool>("requireExp");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("failed"); // names of the checks that are not ok, in report order
    QTest::addColumn<QString>("message"); // words the first failure's message contains

    const QJsonObject kid1 {{QStringLiteral("kid"), QStringLiteral("ec1")}};
    const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("exp"), kNow + 3600}};
    const QByteArray ecSet = set({m_ec1Jwk, m_ec2Jwk});
    const QString none;
    const QStringList noAud;
    const QStringList sigFailed {QStringLiteral("signature")};
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

    // --- algorithms
    row("valid ES256") << token(kid1, claims, Algorithm::ES256, m_ec1) << ecSet << none << none << noAud << 0 << false
                       << true << QStringList() << QString();
    row("--alg ES256 matches") << token(kid1, claims, Algorithm::ES256, m_ec1) << ecSet << QStringLiteral("ES256")
                               << none << noAud << 0 << false << true << QStringList() << QString();
    row("--alg RS256, token ES256") << token(kid1, claims, Algorithm::ES256, m_ec1) << ecSet << QStringLiteral("RS256")
                                    << none << noAud << 0 << false << false
                                    << QStringList {QStringLiteral("alg"), QStringLiteral("signature")}
                                    << QStringLiteral("only RS256 is accepted");
    row("--alg HS256 with EC keys (confusion)")
        << tokenFrom(R"({"alg":"HS256","kid":"ec1"})", json(claims), Algorithm::HS256,
               Key::fromSecret(m_ec1.toPem(false).value()).value())
        << ecSet << QStringLiteral("HS256") << none << noAud << 0 << false << false
        << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
        << QStringLiteral("algorithm-confusion");
    row("HS256 signed with the EC public key PEM (confusion)")
        << tokenFrom(R"({"alg":"HS256","kid":"ec1"})", json(claims), Algorithm::HS256,
               Key::fromSecret(m_ec1.toPem(false).value()).value())
        << ecSet << none << none << noAud << 0 << false << false
        << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")} << QStringLiteral("HS256");
    row("alg name in the wrong case") << tokenFrom(
        R"({"alg":"es256","kid":"ec1"})", json(claims), Algorithm::ES256, m_ec1)
                                      << ecSet << none << none << noAud << 0 << false << false
                                      << QStringList {QStringLiteral("alg"), QStringLiteral("signature")}
                                      << QStringLiteral("case-sensitive");
    row("unknown alg") << tokenFrom(R"({"alg":"ES256X","kid":"ec1"})", json(claims), Algorithm::ES256, m_ec1) << ecSet
                       << none << none << noAud << 0 << false << false
                       << QStringList {QStringLiteral("alg"), QStringLiteral("signature")} << QStringLiteral("ES256X");
    row("no alg") << tokenFrom(R"({"kid":"ec1"})", json(claims), Algorithm::ES256, m_ec1) << ecSet << none << none
                  << noAud << 0 << false << false << QStringList {QStringLiteral("alg"), QStringLiteral("signature")}
                  << QStringLiteral("no alg");
    row("alg not a string") << tokenFrom(R"({"alg":["ES256"],"kid":"ec1"})", json(claims), Algorithm::ES256, m_ec1)
                            << ecSet << none << none << noAud << 0 << false << false
                            << QStringList {QStringLiteral("alg"), QStringLiteral("signature")}
                            << QStringLiteral("no alg");
    row("JWK alg differs from the token's")
        << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("h32")}}, claims, Algorithm::HS256, m_hs32)
        << set({with(m_hs32Jwk, QStringLiteral("alg"), QStringLiteral("HS384"))}) << none << none << noAud << 0 << false
        << false << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
        << QStringLiteral("the key is for HS384");
    row("JWK alg equals the token's") << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("h32")}}, claims,
        Algorithm::HS256, m_hs32) << set({with(m_hs32Jwk, QStringLiteral("alg"), QStringLiteral("HS256"))})
                                      << none << none << noAud << 0 << false << true << QStringList() << QString();
    row("bad signature") << tokenFrom(
        json(with(kid1, QStringLiteral("alg"), QStringLiteral("ES256"))), json(claims), Algorithm::ES256, m_ec2)
                         << ecSet << none << none << noAud << 0 << false << false << sigFailed
                         << QStringLiteral("does not match");

    // --- what the key allows
    row("use enc") << token(kid1, claims, Algorithm::ES256, m_ec1)
                   << set({with(m_ec1Jwk, QStringLiteral("use"), QStringLiteral("enc"))}) << none << none << noAud << 0
                   << false << false << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
                   << QStringLiteral("use \"enc\"");
    row("use sig") << token(kid1, claims, Algorithm::ES256, m_ec1)
                   << set({with(m_ec1Jwk, QStringLiteral("use"), QStringLiteral("sig"))}) << none << none << noAud << 0
                   << false << true << QStringList() << QString();
    row("key_ops without verify") << token(kid1, claims, Algorithm::ES256,
        m_ec1) << set({with(m_ec1Jwk, QStringLiteral("key_ops"), QJsonArray {QStringLiteral("sign")})})
                                  << none << none << noAud << 0 << false << false
                                  << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
                                  << QStringLiteral("key_ops");
    row("key_ops with verify") << token(kid1, claims, Algorithm::ES256,
        m_ec1) << set({with(m_ec1Jwk, QStringLiteral("key_ops"), QJsonArray {QStringLiteral("verify")})})
                               << none << none << noAud << 0 << false << true << QStringList() << QString();
    row("HMAC key of 16 bytes for HS256")
        << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("h16")}}, claims, Algorithm::HS256, m_hs16)
        << set({m_hs16Jwk}) << none << none << noAud << 0 << false << false
        << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
        << QStringLiteral("128-bit secret is shorter");
    row("HMAC key of 32 bytes for HS256")
        << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("h32")}}, claims, Algorithm::HS256, m_hs32)
        << set({m_hs32Jwk}) << none << none << noAud << 0 << false << true << QStringList() << QString();
    row("HMAC key of 32 bytes for HS512")
        << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("h32")}}, claims, Algorithm::HS512, m_hs32)
        << set({m_hs32Jwk}) << none << none << noAud << 0 << false << false
        << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
        << QStringLiteral("HS512 requires (512 bits");
    row("HMAC key of 64 bytes for HS512")
        << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("h64")}}, claims, Algorithm::HS512, m_hs64)
        << set({m_hs64Jwk}) << none << none << noAud << 0 << false << true << QStringList() << QString();
    row("mixed symmetric and asymmetric set")
        << token(kid1, claims, Algorithm::ES256, m_ec1) << set({m_ec1Jwk, m_hs32Jwk}) << none << none << noAud << 0
        << false << false << QStringList {QStringLiteral("key"), QStringLiteral("signature")}
        << QStringLiteral("mixes shared secrets");

    // --- key selection
    row("unknown kid lists the kids") << token(
        QJsonObject {{QStringLiteral("kid"), QStringLiteral("nope")}}, claims, Algorithm::ES256, m_ec1)
                                      << ecSet << none << none << noAud << 0 << false << false
                                      << QStringList {QStringLiteral("key"), QStringLiteral("signature")}
                                      << QStringLiteral("kid \"nope\" matches no key; the keys have: \"ec1\", \"ec2\"");
    row("duplicate kid is refused") << token(kid1, claims, Algorithm::ES256, m_ec1)
                                    << set({m_ec1Jwk, withKid(m_ec2Jwk, QStringLiteral("ec1"))}) << none << none
                                    << noAud << 0 << false << false
                                    << QStringList {QStringLiteral("key"), QStringLiteral("signature")}
                                    << QStringLiteral("matches 2 keys");
    row("no kid: the fitting key is found") << token(QJsonObject(), claims, Algorithm::ES256, m_ec2) << ecSet << none
                                            << none << noAud << 0 << false << true << QStringList() << QString();
    row("no kid: a too-short key is passed over")
        << token(QJsonObject(), claims, Algorithm::HS256, m_hs32) << set({m_hs16Jwk, m_hs32Jwk}) << none << none
        << noAud << 0 << false << true << QStringList() << QString();
    row("no kid: the only key is too short")
        << token(QJsonObject(), claims, Algorithm::HS256, m_hs16) << set({m_hs16Jwk}) << none << none << noAud << 0
        << false << false << QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}
        << QStringLiteral("shorter");
    row("no kid: no key can serve the alg") << token(QJsonObject(), claims, Algorithm::ES384,
        Key::generate(jwb::crypto::KeyType::Ec, 0, jwb::crypto::Curve::P384).value())
                                            << ecSet << none << none << noAud << 0 << false << false
                                            << QStringList {QStringLiteral("key"), QStringLiteral("signature")}
                                            << QStringLiteral("none of the 2 keys can serve ES384");
    row("no kid, one EC key, an HS256 token (confusion)")
        << tokenFrom(R"({"alg":"HS256"})", json(claims), Algorithm::HS256,
               Key::fromSecret(m_ec1.toPem(false).value()).value())
        << set({m_ec1Jwk}) << none << none << noAud << 0 << false << false
        << QStringList {QStringLiteral("key"), QStringLiteral("signature")} << QStringLiteral("algorithm-confusion");
    row("a single bare key serves any kid")
        << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("whatever")}}, claims, Algorithm::ES256, m_ec1)
        << json(jwb::keys::Jwk::toJson(m_ec1, false)) << none << none << noAud << 0 << false << true << QStringList()
        << QString();
    row("a one-key JWK Set does not") << token(
        QJsonObject {{QStringLiteral("kid"), QStringLiteral("whatever")}}, claims, Algorithm::ES256, m_ec1)
                                      << set({jwb::keys::Jwk::toJson(m_ec1, false)}) << none << none << noAud << 0
                                      << false << false
                                      << QStringList {QStringLiteral("key"), QStringLiteral("signature")}
                                      << QStringLiteral("matches no key");

    // --- header
    row("crit is rejected") << token(
        with(kid1, QStringLiteral("crit"), QJsonArray {QStringLiteral("exp")}), claims, Algorithm::ES256, m_ec1)
                            << ecSet << none << none << noAud << 0 << false << false
                            << QStringList {QStringLiteral("crit")} << QStringLiteral("not understood: exp");
    row("malformed crit is rejected") << token(with(kid1, QStringLiteral("crit"), 5), claims, Algorithm::ES256, m_ec1)
                                      << ecSet << none << none << noAud << 0 << false << false
                                      << QStringList {QStringLiteral("crit")} << QStringLiteral("malformed crit");

    // --- issuer and audience
    const QString iss = QStringLiteral("https://issuer.example");
    const QJsonObject issued = with(claims, QStringLiteral("iss"), iss);
    row("iss matches") << token(kid1, issued, Algorithm::ES256, m_ec1) << ecSet << none << iss << noAud << 0 << false
                       << true << QStringList() << QString();
    row("iss differs") << token(
        kid1, with(claims, QStringLiteral("iss"), QStringLiteral("https://evil.example")), Algorithm::ES256, m_ec1)
                       << ecSet << none << iss << noAud << 0 << false << false << QStringList {QStringLiteral("iss")}
                       << QStringLiteral("expected \"https://issuer.example\"");
    row("iss differs by a trailing slash")
        << token(kid1, with(claims, QStringLiteral("iss"), QString(iss + u'/')), Algorithm::ES256, m_ec1) << ecSet
        << none << iss << noAud << 0 << false << false << QStringList {QStringLiteral("iss")} << iss;
    row("iss missing") << token(kid1, claims, Algorithm::ES256, m_ec1) << ecSet << none << iss << noAud << 0 << false
                       << false << QStringList {QStringLiteral("iss")} << QStringLiteral("no iss claim");
    const QStringList auds {QStringLiteral("api"), QStringLiteral("web")};
    row("aud has all") << token(kid1,
        with(claims, QStringLiteral("aud"),
            QJsonArray {QStringLiteral("web"), QStringLiteral("x"), QStringLiteral("api")}),
        Algorithm::ES256, m_ec1)
                       << ecSet << none << none << auds << 0 << false << true << QStringList() << QString();
    row("aud has one of two") << token(
        kid1, with(claims, QStringLiteral("aud"), QJsonArray {QStringLiteral("api")}), Algorithm::ES256, m_ec1)
                              << ecSet << none << none << auds << 0 << false << false
                              << QStringList {QStringLiteral("aud")} << QStringLiteral("lacks web");
    row("aud as a string") << token(
        kid1, with(claims, QStringLiteral("aud"), QStringLiteral("api")), Algorithm::ES256, m_ec1)
                           << ecSet << none << none << QStringList {QStringLiteral("api")} << 0 << false << true
                           << QStringList() << QString();
    row("aud missing") << token(kid1, claims, Algorithm::ES256, m_ec1) << ecSet << none << none << auds << 0 << false
                       << false << QStringList {QStringLiteral("aud")} << QStringLiteral("lacks api, web");

    // --- time, at the boundaries (now = kNow)
    auto timed = [&](const char *claim, qint64 value) {
        QJsonObject c {{QStringLiteral("sub"), QStringLiteral("alice")}};
        c.insert(QLatin1String(claim), value);
        return token(kid1, c, Algorithm::ES256, m_ec1);
    };
    const QStringList expFailed {QStringLiteral("exp")}, nbfFailed {QStringLiteral("nbf")},
        iatFailed {QStringLiteral("iat")};
    row("exp one second ahead") << timed("exp", kNow + 1) << ecSet << none << none << noAud << 0 << false << true
                                << QStringList() << QString();
    row("exp now") << timed("exp", kNow) << ecSet << none << none << noAud << 0 << false << false << expFailed
                   << QStringLiteral("expired");
    row("exp one second ago") << timed("exp", kNow - 1) << ecSet << none << none << noAud << 0 << false << false
                              << expFailed << QStringLiteral("expired");
    row("exp 59 s ago, leeway 60") << timed("exp", kNow - 59) << ecSet << none << none << noAud << 60 << false << true
                                   << QStringList() << QString();
    row("exp 60 s ago, leeway 60") << timed("exp", kNow - 60) << ecSet << none << none << noAud << 60 << false << false
                                   << expFailed << QStringLiteral("leeway 60 s");
    row("exp fractional, truncated") << token(kid1, QJsonObject {{QStringLiteral("exp"), kNow + 0.9}}, Algorithm::ES256,
        m_ec1) << ecSet << none << none
                                     << noAud << 0 << false << false << expFailed << QStringLiteral("expired");
    row("nbf now") << timed("nbf", kNow) << ecSet << none << none << noAud << 0 << false << true << QStringList()
                   << QString();
    row("nbf one second ahead") << timed("nbf", kNow + 1) << ecSet << none << none << noAud << 0 << false << false
                                << nbfFailed << QStringLiteral("not valid yet");
    row("nbf 30 s ahead, leeway 30") << timed("nbf", kNow + 30) << ecSet << none << none << noAud << 30 << false << true
                                     << QStringList() << QString();
    row("nbf 31 s ahead, leeway 30") << timed("nbf", kNow + 31) << ecSet << none << none << noAud << 30 << false
                                     << false << nbfFailed << QStringLiteral("leeway 30 s");
    row("iat now") << timed("iat", kNow) << ecSet << none << none << noAud << 0 << false << true << QStringList()
                   << QString();
    row("iat one second ahead") << timed("iat", kNow + 1) << ecSet << none << none << noAud << 0 << false << false
                                << iatFailed << QStringLiteral("future");
    row("iat 5 s ahead, leeway 5") << timed("iat", kNow + 5) << ecSet << none << none << noAud << 5 << false << true
                                   << QStringList() << QString();
    row("iat 6 s ahead, leeway 5") << timed("iat", kNow + 6) << ecSet << none << none << noAud << 5 << false << false
                                   << iatFailed << QStringLiteral("future");
    row("no exp, not required") << token(
        kid1, QJsonObject {{QStringLiteral("sub"), QStringLiteral("a")}}, Algorithm::ES256, m_ec1)
                                << ecSet << none << none << noAud << 0 << false << true << QStringList() << QString();
    row("no exp, required") << token(kid1, QJsonObject {{QStringLiteral("sub"), QStringLiteral("a")}}, Algorithm::ES256,
        m_ec1) << ecSet << none
                            << none << noAud << 0 << true << false << expFailed << QStringLiteral("requires");
    row("expired and badly signed: both reported")
        << tokenFrom(json(with(kid1, QStringLiteral("alg"), QStringLiteral("ES256"))),
               json(QJsonObject {{QStringLiteral("exp"), kNow - 5}}), Algorithm::ES256, m_ec2)
        << ecSet << none << none << noAud << 0 << false << false
        << QStringList {QStringLiteral("signature"), QStringLiteral("exp")} << QStringLiteral("does not match");

    // --- claim types
    auto typed = [&](const char *claim, const QJsonValue &v) {
        return token(kid1, QJsonObject {{QLatin1String(claim), v}}, Algorithm::ES256, m_ec1);
    };
    const QStringList typeFailed {QStringLiteral("claim_types")};
    row("exp as a string") << typed("exp", QStringLiteral("1800000000")) << ecSet << none << none << noAud << 0 << false
                           << false << typeFailed << QStringLiteral("exp is not a number");
    row("nbf as a bool") << typed("nbf", true) << ecSet << none << none << noAud << 0 << false << false << typeFailed
                         << QStringLiteral("nbf is not a number");
    row("iss as a number") << typed("iss", 5) << ecSet << none << none << noAud << 0 << false << false << typeFailed
                           << QStringLiteral("iss is not a string");
    row("sub as an object") << typed("sub", QJsonObject()) << ecSet << none << none << noAud << 0 << false << false
                            << typeFailed << QStringLiteral("sub is not a string");
    row("aud as a number") << typed("aud", 1) << ecSet << none << none << noAud << 0 << false << false << typeFailed
                           << QStringLiteral("aud is neither");
    row("aud with a number inside") << typed("aud", QJsonArray {QStringLiteral("a"), 2}) << ecSet << none << none
                                    << noAud << 0 << false << false << typeFailed
                                    << QStringLiteral("non-string element");
    row("payload not JSON") << tokenFrom(R"({"alg":"ES256","kid":"ec1"})", "just bytes", Algorithm::ES256, m_ec1)
                            << ecSet << none << none << noAud << 0 << false << false << typeFailed
                            << QStringLiteral("not a JSON object");

    // --- not a verifiable JWS
    // A compact JWE (direct encryption: empty encrypted key), five segments.
    row("JWE") << QString::fromLatin1(b64u(R"({"alg":"dir","enc":"A128GCM"})") + ".." + b64u(QByteArray(12, '\x07'))
        + '.' + b64u("ciphertext") + '.' + b64u(QByteArray(16, '\x09')))
               << ecSet << none << none << noAud << 0 << false << false << QStringList {QStringLiteral("parse")}
               << QStringLiteral("encrypted token (JWE)");
}

void TestVerifier::verdicts()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, keys);
    QFETCH(QString, alg);
    QFETCH(QString, iss);
    QFETCH(QStringList, aud);
    QFETCH(int, leeway);
    QFETCH(bool, requireExp);
    QFETCH(bool, valid);
    QFETCH(QStringList, failed);
    QFETCH(QString, message);

    const auto keySet = jwb::keys::JwkSet::fromJson(keys);
    QVERIFY2(keySet.ok(), qPrintable(keySet.ok() ? QString() : keySet.error().toString()));
    Policy policy = policyAt(kNow);
    if (!alg.isEmpty())
        policy.algorithm = jwb::crypto::Algorithms::fromName(alg);
    policy.issuer = iss;
    policy.audiences = aud;
    policy.leewaySeconds = leeway;
    policy.requireExp = requireExp;

    const Report r = Verifier::verify(token, keySet.value(), policy);
    const QByteArray trace = [&] {
        QStringList lines;
        for (const auto &c : r.checks)
            lines.append(QStringLiteral("%1 %2: %3")
                             .arg(c.ok() ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), c.nameText(), c.detail));
        return lines.join(u'\n').toUtf8();
    }();
    QCOMPARE(r.valid, valid);
    QVERIFY2(!r.malformed, trace.constData());
    QCOMPARE(failedChecks(r), failed);
    if (!message.isEmpty()) {
        QVERIFY(r.firstFailure());
        QVERIFY2(r.firstFailure()->detail.contains(message), trace.constData());
    }
    if (valid) {
        QVERIFY(!r.firstFailure());
        QVERIFY(r.algorithm.has_value());
        QVERIFY(r.keyIndex >= 0);
        QVERIFY(!r.keyThumbprint.isEmpty());
    }
    // Every check is named from the documented list, and each appears at most once.
    const QStringList known {QStringLiteral("parse"), QStringLiteral("alg"), QStringLiteral("crit"),
        QStringLiteral("typ"), QStringLiteral("key"), QStringLiteral("key_use"), QStringLiteral("signature"),
        QStringLiteral("claim_types"), QStringLiteral("iss"), QStringLiteral("aud"), QStringLiteral("nbf"),
        QStringLiteral("exp"), QStringLiteral("iat")};
    QStringList names = checkNames(r);
    for (const auto &n : names)
        QVERIFY2(known.contains(n), qPrintable(n));
    names.removeDuplicates();
    QCOMPARE(names.size(), r.checks.size());
}

void TestVerifier::algNoneEverySpelling_data()
{
    ensureKeys();
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("policyAlg");
    QTest::addColumn<QString>("spelling");
    const QByteArray payload
        = json(QJsonObject {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("exp"), kNow + 60}});
    for (const char *spelling : {"none", "None", "NONE", "nOnE", "NoNe"}) {
        const QByteArray header = "{\"alg\":\"" + QByteArray(spelling) + "\"}";
        const QByteArray unsigned_ = b64u(header) + '.' + b64u(payload) + '.';
        // With an empty signature, with the signature of a real key, and with a kid naming a real key.
        QTest::addRow("%s, empty signature", spelling)
            << QString::fromLatin1(unsigned_) << QString() << QString::fromLatin1(spelling);
        QTest::addRow("%s, empty signature, --alg ES256", spelling)
            << QString::fromLatin1(unsigned_) << QStringLiteral("ES256") << QString::fromLatin1(spelling);
        QTest::addRow("%s, with a signature", spelling)
            << tokenFrom(header, payload, Algorithm::ES256, m_ec1) << QString() << QString::fromLatin1(spelling);
        const QByteArray withKid = "{\"alg\":\"" + QByteArray(spelling) + "\",\"kid\":\"ec1\"}";
        QTest::addRow("%s, kid of a real key", spelling)
            << QString::fromLatin1(b64u(withKid) + '.' + b64u(payload) + '.') << QString()
            << QString::fromLatin1(spelling);
    }
}

void TestVerifier::algNoneEverySpelling()
{
    QFETCH(QString, token);
    QFETCH(QString, policyAlg);
    QFETCH(QString, spelling);
    for (const QByteArray &keys : {set({m_ec1Jwk, m_ec2Jwk}), set({m_hs32Jwk})}) {
        Policy policy = policyAt(kNow);
        if (!policyAlg.isEmpty())
            policy.algorithm = jwb::crypto::Algorithms::fromName(policyAlg);
        const Report r = Verifier::verify(token, jwb::keys::JwkSet::fromJson(keys).value(), policy);
        QVERIFY(!r.valid);
        QVERIFY(!r.malformed);
        QVERIFY(!r.algorithm.has_value());
        const auto *alg = r.check(QStringLiteral("alg"));
        QVERIFY(alg);
        QVERIFY(!alg->ok());
        QVERIFY2(alg->detail.contains(QStringLiteral("\"%1\"").arg(spelling)), qPrintable(alg->detail));
        QVERIFY(alg->detail.contains(QLatin1String("never accepted")));
        const auto *sig = r.check(QStringLiteral("signature"));
        QVERIFY(sig);
        QVERIFY(!sig->ok());
        QVERIFY(sig->skipped());
        QCOMPARE(r.firstFailure()->nameText(), QStringLiteral("alg"));
        // The lint says so as well.
        bool lint = false;
        for (const auto &f : r.findings)
            lint = lint || f.code == u"alg_none" || f.code == u"alg_none_with_signature" || f.code == u"alg_wrong_case";
        QVERIFY(lint);
    }
}

void TestVerifier::embeddedJwkNeverUsed()
{
    // An attacker signs with their own key and embeds its public JWK in the header (CVE-2018-0114 style). With
    // or without a kid, against the real key set, the signature fails; the embedded key is flagged, not used.
    const QJsonObject attackerJwk = jwb::keys::Jwk::toJson(m_attacker, false);
    const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("admin")}, {QStringLiteral("exp"), kNow + 60}};
    const jwb::keys::JwkSet keys = jwb::keys::JwkSet::fromJson(set({m_ec1Jwk, m_ec2Jwk})).value();
    for (const QJsonObject &header : {QJsonObject {{QStringLiteral("jwk"), attackerJwk}},
             QJsonObject {{QStringLiteral("jwk"), withKid(attackerJwk, QStringLiteral("ec1"))},
                 {QStringLiteral("kid"), QStringLiteral("ec1")}},
             QJsonObject {{QStringLiteral("jwk"), attackerJwk}, {QStringLiteral("kid"), QStringLiteral("ec2")}}}) {
        const QString t = token(header, claims, Algorithm::ES256, m_attacker);
        const Report r = Verifier::verify(t, keys, policyAt(kNow));
        QVERIFY(!r.valid);
        QCOMPARE(failedChecks(r), QStringList {QStringLiteral("signature")});
        QVERIFY(r.keyIndex >= 0);
        QVERIFY(r.keyThumbprint != jwb::keys::Thumbprint::base64Url(m_attacker));
        bool flagged = false;
        for (const auto &f : r.findings)
            flagged = flagged || f.code == u"embedded_jwk";
        QVERIFY(flagged);
        // Control: the embedded key really made that signature.
        const auto attackerSet = jwb::keys::JwkSet::fromJsonObject(attackerJwk);
        QVERIFY(Verifier::verify(t, attackerSet.value(), policyAt(kNow)).valid);
    }
    // The same for jku/x5u headers pointing elsewhere: they are flagged and never fetched.
    const QString jku = token(QJsonObject {{QStringLiteral("jku"), QStringLiteral("https://attacker.example/jwks")},
                                  {QStringLiteral("x5u"), QStringLiteral("https://attacker.example/cert")}},
        claims, Algorithm::ES256, m_attacker);
    const Report r = Verifier::verify(jku, keys, policyAt(kNow));
    QVERIFY(!r.valid);
    QStringList codes;
    for (const auto &f : r.findings)
        codes.append(f.code);
    QVERIFY(codes.contains(QStringLiteral("embedded_jku")));
    QVERIFY(codes.contains(QStringLiteral("embedded_x5u")));
}

void TestVerifier::checkOrder_data()
{
    ensureKeys();
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("withPolicyClaims");
    QTest::addColumn<QStringList>("names");

    const QJsonObject all {{QStringLiteral("iss"), QStringLiteral("i")}, {QStringLiteral("aud"), QStringLiteral("a")},
        {QStringLiteral("nbf"), kNow - 10}, {QStringLiteral("exp"), kNow + 10}, {QStringLiteral("iat"), kNow - 10}};
    const QJsonObject kid1 {{QStringLiteral("kid"), QStringLiteral("ec1")}};
    auto names = [](const char *list) { return QString::fromLatin1(list).split(u' '); };
    QTest::newRow("every check") << token(kid1, all, Algorithm::ES256, m_ec1) << true
                                 << names("parse alg key key_use signature claim_types iss aud nbf exp iat");
    QTest::newRow("no policy claims") << token(kid1, all, Algorithm::ES256, m_ec1) << false
                                      << names("parse alg key key_use signature claim_types nbf exp iat");
    QTest::newRow("with crit") << token(
        with(kid1, QStringLiteral("crit"), QJsonArray {QStringLiteral("b64")}), all, Algorithm::ES256, m_ec1)
                               << true << names("parse alg crit key key_use signature claim_types iss aud nbf exp iat");
    QTest::newRow("no time claims") << token(
        kid1, QJsonObject {{QStringLiteral("sub"), QStringLiteral("s")}}, Algorithm::ES256, m_ec1)
                                    << false << names("parse alg key key_use signature claim_types");
    QTest::newRow("unknown kid: no key_use") << token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("x")}}, all,
        Algorithm::ES256, m_ec1) << false << names("parse alg key signature claim_types nbf exp iat");
    QTest::newRow("malformed: parse only") << QStringLiteral("eyJhbGciOiJFUzI1NiJ9.!!!.sig") << true << names("parse");
    QTest::newRow("two segments: parse only") << QStringLiteral("eyJhbGciOiJFUzI1NiJ9.e30") << true << names("parse");
}

void TestVerifier::checkOrder()
{
    QFETCH(QString, token);
    QFETCH(bool, withPolicyClaims);
    QFETCH(QStringList, names);
    Policy policy = policyAt(kNow);
    if (withPolicyClaims) {
        policy.issuer = QStringLiteral("i");
        policy.audiences = {QStringLiteral("a")};
    }
    const Report r = Verifier::verify(token, jwb::keys::JwkSet::fromJson(set({m_ec1Jwk})).value(), policy);
    QCOMPARE(checkNames(r), names);
    if (names == QStringList {QStringLiteral("parse")}) {
        QVERIFY(r.malformed);
        QVERIFY(!r.valid);
        QVERIFY(!r.checks.first().detail.isEmpty());
    }
}

void TestVerifier::reportJson()
{
    const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("exp"), kNow + 60}};
    const auto keys = jwb::keys::JwkSet::fromJson(set({m_ec1Jwk, m_ec2Jwk})).value();
    const Report ok = Verifier::verify(
        token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("ec2")}}, claims, Algorithm::ES256, m_ec2), keys,
        policyAt(kNow));
    QVERIFY(ok.valid);
    QCOMPARE(ok.keyIndex, 1);
    QCOMPARE(ok.keyKid, QStringLiteral("ec2"));
    QCOMPARE(ok.keyType, QStringLiteral("EC"));
    QCOMPARE(ok.keyThumbprint, jwb::keys::Thumbprint::base64Url(m_ec2));
    const QJsonObject j = ok.toJson();
    QCOMPARE(j.value(QLatin1String("valid")).toBool(), true);
    QCOMPARE(j.value(QLatin1String("alg")).toString(), QStringLiteral("ES256"));
    const QJsonObject key = j.value(QLatin1String("key")).toObject();
    QCOMPARE(key.value(QLatin1String("kid")).toString(), QStringLiteral("ec2"));
    QCOMPARE(key.value(QLatin1String("kty")).toString(), QStringLiteral("EC"));
    QCOMPARE(key.value(QLatin1String("thumbprint")).toString(), ok.keyThumbprint);
    const QJsonArray checks = j.value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), ok.checks.size());
    for (int i = 0; i < checks.size(); ++i) {
        const QJsonObject c = checks[i].toObject();
        QCOMPARE(c.value(QLatin1String("name")).toString(), ok.checks[i].nameText());
        QVERIFY(c.value(QLatin1String("ok")).isBool());
        QVERIFY(c.value(QLatin1String("message")).isString());
    }
    QVERIFY(j.value(QLatin1String("findings")).isArray());
    QCOMPARE(j.value(QLatin1String("payload")).toObject(), claims);

    // A rejected token: valid false, the token's alg still shown, a null key when none was selected.
    const Report bad = Verifier::verify(
        token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("zzz")}}, claims, Algorithm::ES256, m_ec1), keys,
        policyAt(kNow));
    const QJsonObject bj = bad.toJson();
    QCOMPARE(bj.value(QLatin1String("valid")).toBool(), false);
    QCOMPARE(bj.value(QLatin1String("alg")).toString(), QStringLiteral("ES256"));
    QVERIFY(bj.value(QLatin1String("key")).isNull());
    QCOMPARE(bad.firstFailure()->nameText(), QStringLiteral("key"));
}

void TestVerifier::emptyKeySet()
{
    const Report r = Verifier::verify(
        token(QJsonObject(), QJsonObject {{QStringLiteral("exp"), kNow + 5}}, Algorithm::ES256, m_ec1),
        jwb::keys::JwkSet(), policyAt(kNow));
    QVERIFY(!r.valid);
    QCOMPARE(failedChecks(r), (QStringList {QStringLiteral("key"), QStringLiteral("signature")}));
    QVERIFY(r.check(QStringLiteral("key"))->detail.contains(QLatin1String("no key")));
}

void TestVerifier::keyIds_data()
{
    // Key-id strategies (docs/krakend-jwt.md §6): what the token header names, and which JWK that selects.
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QJsonObject>("header");
    QTest::addColumn<int>("expectedKey"); // index in the set, -1 when selection must fail
    QTest::addColumn<QString>("tokenId"); // Verifier::tokenKeyId

    const QByteArray t1(20, '\x01'), t2(20, '\x02'), s1(32, '\x03');
    auto u = [](const QByteArray &b) { return QString::fromLatin1(jwb::jose::Base64Url::encode(b)); };
    auto h = [](std::initializer_list<std::pair<const char *, QString>> members) {
        QJsonObject o;
        for (const auto &m : members)
            o.insert(QLatin1String(m.first), m.second);
        return o;
    };
    QTest::newRow("x5t selects by thumbprint") << QStringLiteral("x5t") << h({{"x5t", u(t2)}}) << 1 << u(t2);
    QTest::newRow("x5t ignores a matching kid when x5t differs")
        << QStringLiteral("x5t") << h({{"x5t", u(QByteArray(20, '\x09'))}, {"kid", QStringLiteral("a")}}) << -1
        << u(QByteArray(20, '\x09'));
    QTest::newRow("x5t falls back to kid")
        << QStringLiteral("x5t") << h({{"kid", QStringLiteral("a")}}) << -1 << QStringLiteral("a");
    QTest::newRow("x5t with padding never matches")
        << QStringLiteral("x5t") << h({{"x5t", u(t1) + QStringLiteral("=")}}) << -1
        << QString(u(t1) + QStringLiteral("="));
    QTest::newRow("x5t#S256 selects") << QStringLiteral("x5t#S256") << h({{"x5t#S256", u(s1)}}) << 0 << u(s1);
    // No x5t#S256 and no kid: the token names no key, so every fitting key is tried (as for a token without kid).
    QTest::newRow("x5t#S256 absent: keys are tried")
        << QStringLiteral("x5t#S256") << h({{"x5t", u(t2)}}) << 0 << QString();
    QTest::newRow("kid_x5t selects kid + x5t")
        << QStringLiteral("kid_x5t") << h({{"kid", QStringLiteral("b")}, {"x5t", u(t2)}}) << 1
        << QString(QStringLiteral("b") + u(t2));
    QTest::newRow("kid_x5t without x5t: kid twice")
        << QStringLiteral("kid_x5t") << h({{"kid", QStringLiteral("b")}}) << -1 << QStringLiteral("bb");
    QTest::newRow("kid selects by kid") << QStringLiteral("kid") << h({{"kid", QStringLiteral("b")}, {"x5t", u(t1)}})
                                        << 1 << QStringLiteral("b");
}

void TestVerifier::keyIds()
{
    QFETCH(QString, strategy);
    QFETCH(QJsonObject, header);
    QFETCH(int, expectedKey);
    QFETCH(QString, tokenId);

    const QByteArray t1(20, '\x01'), t2(20, '\x02'), s1(32, '\x03');
    auto u = [](const QByteArray &b) { return QString::fromLatin1(jwb::jose::Base64Url::encode(b)); };
    // Two keys with x5t (and one with x5t#S256); the token is signed by the key at expectedKey (or by key 0).
    const QJsonObject k0 = with(
        with(withKid(m_ec1Jwk, QStringLiteral("a")), QStringLiteral("x5t"), u(t1)), QStringLiteral("x5t#S256"), u(s1));
    const QJsonObject k1 = with(withKid(m_ec2Jwk, QStringLiteral("b")), QStringLiteral("x5t"), u(t2));
    const auto keys = jwb::keys::JwkSet::fromJson(set({k0, k1}));
    QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().toString()));
    const auto s = jwb::validation::keyIdStrategyFromName(strategy);
    QVERIFY(s.ok());
    QCOMPARE(jwb::validation::keyIdStrategyName(s.value()), strategy);
    QCOMPARE(Verifier::tokenKeyId(header, s.value()), tokenId);

    Policy policy = policyAt(kNow);
    policy.keyIdStrategy = s.value();
    const Key &signer = expectedKey == 1 ? m_ec2 : m_ec1;
    const Report r = Verifier::verify(
        token(header, QJsonObject {{QStringLiteral("exp"), kNow + 9}}, Algorithm::ES256, signer), keys.value(), policy);
    if (expectedKey < 0) {
        QVERIFY(!r.valid);
        QCOMPARE(r.firstFailure()->nameText(), QStringLiteral("key"));
        QVERIFY2(r.firstFailure()->detail.contains(strategy), qPrintable(r.firstFailure()->detail));
    } else {
        QVERIFY2(r.valid, qPrintable(r.firstFailure() ? r.firstFailure()->detail : QString()));
        QCOMPARE(r.keyIndex, expectedKey);
        if (!tokenId.isEmpty())
            QCOMPARE(Verifier::jwkKeyId(keys->keys[expectedKey], s.value()), tokenId);
    }
    // Unknown strategy names are a usage error.
    QCOMPARE(jwb::validation::keyIdStrategyFromName(QStringLiteral("x5c")).error().code, QStringLiteral("usage"));
}

// RFC 8725 §3.1: a key that names no alg takes the token's own family, and the report says the key did not
// restrict it; naming the algorithm (policy or JWK alg) accepts only that one. Both RS256 and PS256 tokens against
// one alg-less RSA key, in every alg-less format.
void TestVerifier::algLessKeyTakesTheTokensFamily_data()
{
    QTest::addColumn<QString>("format"); // pem, der, jwk, jwk+alg
    QTest::addColumn<QString>("tokenAlg");
    QTest::addColumn<QString>("policyAlg");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("unrestricted"); // the alg_not_restricted finding
    for (const char *format : {"pem", "der", "jwk"}) {
        for (const char *alg : {"RS256", "PS256", "PS512"}) {
            QTest::addRow("%s %s, no policy alg", format, alg)
                << QString::fromLatin1(format) << QString::fromLatin1(alg) << QString() << true << true;
            QTest::addRow("%s %s, policy RS256", format, alg)
                << QString::fromLatin1(format) << QString::fromLatin1(alg) << QStringLiteral("RS256")
                << (qstrcmp(alg, "RS256") == 0) << false;
        }
    }
    QTest::newRow("jwk alg RS256, RS256 token")
        << QStringLiteral("jwk+alg") << QStringLiteral("RS256") << QString() << true << false;
    QTest::newRow("jwk alg RS256, PS256 token")
        << QStringLiteral("jwk+alg") << QStringLiteral("PS256") << QString() << false << false;
    QTest::newRow("EC key: one algorithm, nothing to restrict")
        << QStringLiteral("ec") << QStringLiteral("ES256") << QString() << true << false;
}

void TestVerifier::algLessKeyTakesTheTokensFamily()
{
    QFETCH(QString, format);
    QFETCH(QString, tokenAlg);
    QFETCH(QString, policyAlg);
    QFETCH(bool, valid);
    QFETCH(bool, unrestricted);
    static const Key rsa = Key::generate(jwb::crypto::KeyType::Rsa, 2048).value();
    const Key &priv = format == u"ec" ? m_ec1 : rsa;
    const Key pub = priv.publicKey();
    const auto keySet = [&]() -> jwb::common::Result<jwb::keys::JwkSet> {
        if (format == u"pem" || format == u"ec")
            return jwb::keys::KeyLoader::load(pub.toPem(false).value());
        if (format == u"der")
            return jwb::keys::KeyLoader::load(pub.toDer(false).value());
        QJsonObject jwk = jwb::keys::Jwk::toJson(pub, false);
        if (format == u"jwk+alg")
            jwk.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
        return jwb::keys::JwkSet::fromJson(json(jwk));
    }();
    QVERIFY2(keySet.ok(), qPrintable(keySet.ok() ? QString() : keySet.error().toString()));
    const Algorithm alg = *jwb::crypto::Algorithms::fromName(tokenAlg);
    Policy policy = policyAt(kNow);
    if (!policyAlg.isEmpty())
        policy.algorithm = jwb::crypto::Algorithms::fromName(policyAlg);
    const Report r = Verifier::verify(
        token({}, QJsonObject {{QStringLiteral("sub"), QStringLiteral("a")}}, alg, priv), keySet.value(), policy);
    QCOMPARE(r.valid, valid);
    QCOMPARE(hasFinding(r, QStringLiteral("alg_not_restricted")), unrestricted);
    if (unrestricted) {
        const auto *f = findingOf(r, QStringLiteral("alg_not_restricted"));
        QCOMPARE(f->severity, jwb::common::Severity::Warning);
        QVERIFY2(
            f->message.contains(tokenAlg) && f->message.contains(QStringLiteral("RFC 8725")), qPrintable(f->message));
        QVERIFY2(
            f->message.contains(QStringLiteral("RS256, RS384, RS512, PS256, PS384, PS512")), qPrintable(f->message));
    }
}

// RFC 7518 §3.3: RSA under 2048 bits fails key_use unless weak keys are allowed; allowed, it verifies and the
// weak_rsa_key finding stays.
void TestVerifier::weakRsaKeyRefusedUnlessAllowed()
{
    const auto priv = Key::fromPem(QByteArray(kRsa1024Pem));
    QVERIFY2(priv.ok(), qPrintable(priv.ok() ? QString() : priv.error().toString()));
    QCOMPARE(priv->bits(), 1024);
    const auto keySet = jwb::keys::KeyLoader::load(priv->publicKey().toPem(false).value());
    QVERIFY(keySet.ok());
    const QString tok = token({}, QJsonObject {{QStringLiteral("sub"), QStringLiteral("a")}}, Algorithm::RS256, *priv);
    Policy policy = policyAt(kNow);
    const Report refused = Verifier::verify(tok, keySet.value(), policy);
    QVERIFY(!refused.valid);
    QCOMPARE(failedChecks(refused), (QStringList {QStringLiteral("key_use"), QStringLiteral("signature")}));
    QVERIFY2(refused.check(QStringLiteral("key_use"))->detail.contains(QStringLiteral("1024 bits")),
        qPrintable(refused.check(QStringLiteral("key_use"))->detail));
    QVERIFY(hasFinding(refused, QStringLiteral("weak_rsa_key")));
    policy.allowWeakKeys = true;
    const Report allowed = Verifier::verify(tok, keySet.value(), policy);
    QVERIFY(allowed.valid);
    QVERIFY(hasFinding(allowed, QStringLiteral("weak_rsa_key")));
    // Exactly one weak_rsa_key finding, wherever the key came from.
    QCOMPARE(std::count_if(allowed.findings.cbegin(), allowed.findings.cend(),
                 [](const auto &f) { return f.code == u"weak_rsa_key"; }),
        1);
}

// The 8 small-order Ed25519 points in all 14 encodings are recognised and always reported as an error finding. A
// signature forged without any private key (R = the identity, S = 0) verifies under each of them by Go's rules
// (go-jose, KrakenD; VerifyFlavour::GoJose, checked here for every encoding), so the verifier refuses such a key
// in key_use unless weak keys are allowed. With weak keys allowed the key passes key_use, but the verifier's
// Ed25519 (libsodium, VerifyFlavour::Strict) refuses every signature under a small-order key: the forgery never
// makes a token valid. (Before libsodium, OpenSSL verified it and allowWeakKeys made the forged token VALID.)
void TestVerifier::smallOrderEd25519Keys()
{
    jwb::crypto::Backend::initialize();
    struct Y
    {
        const char *hex;
        const char *what;
    };
    const Y ys[] = {
        {"00", "order 4"},
        {"01", "the identity, order 1"},
        {"7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7", "order 8"},
        {"05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826", "order 8"},
        {"7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffec", "p - 1, order 2"},
        {"7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed", "p: y = 0, non-canonical"},
        {"7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffee", "p + 1: y = 1, non-canonical"},
    };
    const QByteArray identity = edwardsY("01", false);
    const QByteArray forged = identity + QByteArray(32, '\0');
    int forgedKeys = 0;
    for (const Y &y : ys) {
        for (const bool sign : {false, true}) {
            const QByteArray x = edwardsY(y.hex, sign);
            const auto key = Key::fromOkp({jwb::crypto::Curve::Ed25519, x, {}});
            QVERIFY2(key.ok(), y.hex);
            QVERIFY2(key->isSmallOrder(), y.what);
            const auto jwkSet = jwb::keys::JwkSet::fromJson(json(QJsonObject {
                {QStringLiteral("kty"), QStringLiteral("OKP")}, {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                {QStringLiteral("x"), QString::fromLatin1(b64u(x))}}));
            QVERIFY(jwkSet.ok());
            const auto found = std::find_if(jwkSet->findings.cbegin(), jwkSet->findings.cend(),
                [](const auto &f) { return f.code == u"small_order_key"; });
            QVERIFY2(found != jwkSet->findings.cend(), y.hex);
            QCOMPARE(found->severity, jwb::common::Severity::Error);
            // The forgery verifies by Go's rules when [k]A is the identity, i.e. for 1 in `order` messages: look for
            // such a message among 64 (with at most 8 tries per hit expected, missing all 64 would be a 2^-12 event).
            bool forgedUnderGoRules = false;
            for (int m = 0; m < 64; ++m) {
                const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("mallory")}, {QStringLiteral("n"), m}};
                const QByteArray signingInput = b64u(R"({"alg":"EdDSA"})") + '.' + b64u(json(claims));
                const QString tok = QString::fromLatin1(signingInput + '.' + b64u(forged));
                Policy policy = policyAt(kNow);
                const Report refused = Verifier::verify(tok, jwkSet.value(), policy);
                QVERIFY(!refused.valid);
                QVERIFY(refused.check(QStringLiteral("key_use"))
                    && refused.check(QStringLiteral("key_use"))->detail.contains(QStringLiteral("small order")));
                policy.allowWeakKeys = true;
                const Report allowed = Verifier::verify(tok, jwkSet.value(), policy);
                QVERIFY(hasFinding(allowed, QStringLiteral("small_order_key")));
                QVERIFY2(!allowed.valid, y.hex);
                QVERIFY(allowed.check(QStringLiteral("key_use")) && allowed.check(QStringLiteral("key_use"))->ok());
                QVERIFY(
                    allowed.check(QStringLiteral("signature")) && !allowed.check(QStringLiteral("signature"))->ok());
                // The batch verifier's primitive is just as strict.
                auto prepared = jwb::crypto::PreparedVerifier::create(Algorithm::EdDSA, key.value());
                QVERIFY(prepared.ok());
                QVERIFY(!prepared->verify(signingInput.constData(), static_cast<std::size_t>(signingInput.size()),
                    reinterpret_cast<const unsigned char *>(forged.constData()), 64));
                if (!forgedUnderGoRules
                    && jwb::crypto::Signature::verify(
                        Algorithm::EdDSA, key.value(), signingInput, forged, jwb::crypto::VerifyFlavour::GoJose))
                    forgedUnderGoRules = true;
            }
            QVERIFY2(forgedUnderGoRules, y.hex);
            ++forgedKeys;
        }
    }
    QCOMPARE(forgedKeys, 14);
    // Real keys are not flagged.
    for (int i = 0; i < 20; ++i)
        QVERIFY(!Key::generate(jwb::crypto::KeyType::Okp, 0, jwb::crypto::Curve::Ed25519)->publicKey().isSmallOrder());
    QVERIFY(!m_ec1.isSmallOrder());
}

// RFC 8725 §3.11 explicit typing, compared as RFC 7515 §4.1.9 says.
void TestVerifier::explicitTyping_data()
{
    QTest::addColumn<QString>("required");
    QTest::addColumn<QJsonValue>("typ"); // undefined: no typ member
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");
    const QString at = QStringLiteral("at+jwt");
    QTest::newRow("same") << at << QJsonValue(at) << true << QString();
    QTest::newRow("upper case") << at << QJsonValue(QStringLiteral("AT+JWT")) << true << QString();
    QTest::newRow("application/ prefix") << at << QJsonValue(QStringLiteral("application/at+jwt")) << true << QString();
    QTest::newRow("prefix in mixed case")
        << at << QJsonValue(QStringLiteral("Application/At+JWT")) << true << QString();
    QTest::newRow("required with prefix")
        << QStringLiteral("application/at+jwt") << QJsonValue(at) << true << QString();
    QTest::newRow("JWT") << at << QJsonValue(QStringLiteral("JWT")) << false
                         << QStringLiteral("typ is \"JWT\", \"at+jwt\" is required");
    QTest::newRow("other prefix") << at << QJsonValue(QStringLiteral("text/at+jwt")) << false
                                  << QStringLiteral("text/at+jwt");
    QTest::newRow("trailing space") << at << QJsonValue(QStringLiteral("at+jwt ")) << false << QString();
    QTest::newRow("missing") << at << QJsonValue(QJsonValue::Undefined) << false << QStringLiteral("no typ");
    QTest::newRow("number") << at << QJsonValue(5) << false << QStringLiteral("not a string");
    QTest::newRow("dpop") << QStringLiteral("dpop+jwt") << QJsonValue(at) << false << QStringLiteral("dpop+jwt");
}

void TestVerifier::explicitTyping()
{
    QFETCH(QString, required);
    QFETCH(QJsonValue, typ);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QJsonObject header {{QStringLiteral("kid"), QStringLiteral("ec1")}};
    if (!typ.isUndefined())
        header.insert(QStringLiteral("typ"), typ);
    const QString tok
        = token(header, QJsonObject {{QStringLiteral("sub"), QStringLiteral("a")}}, Algorithm::ES256, m_ec1);
    const auto keySet = jwb::keys::JwkSet::fromJson(set({m_ec1Jwk}));
    Policy policy = policyAt(kNow);
    QVERIFY(Verifier::verify(tok, keySet.value(), policy).valid); // not required: not checked
    QVERIFY(!Verifier::verify(tok, keySet.value(), policy).check(QStringLiteral("typ")));
    policy.requiredTyp = required;
    const Report r = Verifier::verify(tok, keySet.value(), policy);
    QCOMPARE(r.valid, valid);
    const auto *check = r.check(QStringLiteral("typ"));
    QVERIFY(check);
    QCOMPARE(check->ok(), valid);
    QVERIFY2(check->detail.contains(message), qPrintable(check->detail));
    // After crit, before key.
    const QStringList names = checkNames(r);
    QCOMPARE(names.indexOf(QStringLiteral("typ")) + 1, names.indexOf(QStringLiteral("key")));
}

// Keys discovered for an issuer vouch only for that issuer's tokens.
void TestVerifier::issuerBoundKeys_data()
{
    QTest::addColumn<QString>("keysIssuer");
    QTest::addColumn<QString>("policyIssuer");
    QTest::addColumn<QJsonValue>("iss");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");
    const QString a = QStringLiteral("https://idp.example/tenant-a"),
                  b = QStringLiteral("https://idp.example/tenant-b");
    QTest::newRow("same issuer") << a << QString() << QJsonValue(a) << true << QStringLiteral("discovered for");
    QTest::newRow("another tenant")
        << a << QString() << QJsonValue(b) << false
        << QStringLiteral("iss is \"%1\", but the keys are those of issuer \"%2\"").arg(b, a);
    QTest::newRow("trailing slash") << a << QString() << QJsonValue(a + u'/') << false
                                    << QStringLiteral("but the keys");
    QTest::newRow("no iss") << a << QString() << QJsonValue(QJsonValue::Undefined) << false
                            << QStringLiteral("no iss claim");
    QTest::newRow("iss not a string") << a << QString() << QJsonValue(7) << false << QStringLiteral("but the keys");
    QTest::newRow("policy agrees") << a << a << QJsonValue(a) << true << QString();
    QTest::newRow("policy disagrees") << a << b << QJsonValue(a) << false
                                      << QStringLiteral("no token can satisfy both");
    QTest::newRow("unbound keys, policy only")
        << QString() << a << QJsonValue(b) << false << QStringLiteral("expected \"%1\"").arg(a);
    QTest::newRow("unbound keys, no policy") << QString() << QString() << QJsonValue(b) << true << QString();
}

void TestVerifier::issuerBoundKeys()
{
    QFETCH(QString, keysIssuer);
    QFETCH(QString, policyIssuer);
    QFETCH(QJsonValue, iss);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("a")}};
    if (!iss.isUndefined())
        claims.insert(QStringLiteral("iss"), iss);
    const QString tok
        = token(QJsonObject {{QStringLiteral("kid"), QStringLiteral("ec1")}}, claims, Algorithm::ES256, m_ec1);
    auto keySet = jwb::keys::JwkSet::fromJson(set({m_ec1Jwk})).value();
    keySet.issuer = keysIssuer;
    Policy policy = policyAt(kNow);
    policy.issuer = policyIssuer;
    const Report r = Verifier::verify(tok, keySet, policy);
    QCOMPARE(r.valid, valid);
    if (keysIssuer.isEmpty() && policyIssuer.isEmpty()) {
        QVERIFY(!r.check(QStringLiteral("iss")));
        return;
    }
    const auto *check = r.check(QStringLiteral("iss"));
    QVERIFY(check);
    QCOMPARE(check->ok(), valid);
    QVERIFY2(check->detail.contains(message), qPrintable(check->detail));
}

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
