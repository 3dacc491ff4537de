// Claims: the decode-time lints (alg, embedded keys, kid, crit, time claims, claim types, duplicates, JWE) and
// the human forms of exp/nbf/iat, all evaluated at a fixed instant.
#include "jose/Base64Url.h"
#include "jose/Claims.h"
#include "jose/TokenParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using jwb::common::Finding;
using jwb::common::Findings;
using jwb::common::Severity;
using jwb::jose::Token;
using jwb::jose::TokenParser;
using jwb::jose::Base64Url::encode;
namespace Claims = jwb::jose::Claims;

Q_DECLARE_METATYPE(jwb::common::Severity)

namespace {

constexpr qint64 kNow = 1700000000; // 2023-11-14T22:13:20Z
constexpr qint64 kDay = 86400;

/// NumericDate `delta` seconds from kNow, as JSON text.
QByteArray at(qint64 delta)
{
    return QByteArray::number(kNow + delta);
}

/// A token built from header and payload JSON text; the signature bytes are irrelevant to the lints.
Token jws(const QByteArray &header, const QByteArray &payload, const QByteArray &signature = "signature")
{
    return TokenParser::parse(QString::fromLatin1(encode(header) + '.' + encode(payload) + '.' + encode(signature)));
}

const QByteArray kHs256 = R"({"alg":"HS256","typ":"JWT"})";

/// A claims set that triggers no lint at kNow.
QByteArray goodClaims()
{
    return R"({"sub":"u1","iat":)" + at(-60) + R"(,"exp":)" + at(3600) + "}";
}

QStringList codes(const Findings &findings)
{
    QStringList out;
    for (const auto &f : findings)
        out << f.code;
    return out;
}

const Finding *find(const Findings &findings, const QString &code)
{
    for (const auto &f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

} // namespace

class TestClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lint_data();
    void lint();
    void clean_data();
    void clean();
    void orderedBySeverity();
    void jweInfo();
    void inputLints();
    void times_data();
    void times();
    void timesOrderAndSkips();
    void descriptions();
};

void TestClaims::lint_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("mentions"); ///< a fragment the message must contain (empty: any)
    QTest::addColumn<QStringList>("absent");

    const QByteArray good = goodClaims();
    const QByteArray sig = "signature";
    const QString E = QString();

    // alg
    QTest::newRow("alg none") << QByteArray(R"({"alg":"none"})") << good << QByteArray() << QStringLiteral("alg_none")
                              << Severity::Error << QStringLiteral("alg") << QStringLiteral("\"none\"")
                              << QStringList {QStringLiteral("missing_signature"), QStringLiteral("alg_unsupported")};
    QTest::newRow("alg None") << QByteArray(R"({"alg":"None"})") << good << QByteArray() << QStringLiteral("alg_none")
                              << Severity::Error << QStringLiteral("alg") << QStringLiteral("\"None\"")
                              << QStringList {QStringLiteral("alg_wrong_case")};
    QTest::newRow("alg NONE") << QByteArray(R"({"alg":"NONE"})") << good << QByteArray() << QStringLiteral("alg_none")
                              << Severity::Error << QStringLiteral("alg") << E << QStringList();
    QTest::newRow("alg nOnE with signature")
        << QByteArray(R"({"alg":"nOnE"})") << good << sig << QStringLiteral("alg_none_with_signature")
        << Severity::Error << QStringLiteral("signature") << E << QStringList();
    QTest::newRow("alg hs256") << QByteArray(R"({"alg":"hs256"})") << good << sig << QStringLiteral("alg_wrong_case")
                               << Severity::Error << QStringLiteral("alg") << QStringLiteral("\"HS256\"")
                               << QStringList {QStringLiteral("alg_unsupported")};
    QTest::newRow("alg Es256") << QByteArray(R"({"alg":"Es256"})") << good << sig << QStringLiteral("alg_wrong_case")
                               << Severity::Error << QStringLiteral("alg") << QStringLiteral("\"ES256\"")
                               << QStringList();
    QTest::newRow("alg eddsa") << QByteArray(R"({"alg":"eddsa"})") << good << sig << QStringLiteral("alg_wrong_case")
                               << Severity::Error << QStringLiteral("alg") << QStringLiteral("\"EdDSA\"")
                               << QStringList();
    QTest::newRow("alg unsupported") << QByteArray(R"({"alg":"HS1024"})") << good << sig
                                     << QStringLiteral("alg_unsupported") << Severity::Warning << QStringLiteral("alg")
                                     << QStringLiteral("HS1024") << QStringList {QStringLiteral("alg_wrong_case")};
    // Algorithms this tool verifies but KrakenD does not accept: a specific warning, not "unsupported".
    QTest::newRow("alg Ed25519 (RFC 9864)")
        << QByteArray(R"({"alg":"Ed25519"})") << good << sig << QStringLiteral("alg_not_krakend") << Severity::Warning
        << QStringLiteral("alg") << QStringLiteral("only as \"EdDSA\"")
        << QStringList {QStringLiteral("alg_unsupported")};
    QTest::newRow("alg Ed448") << QByteArray(R"({"alg":"Ed448"})") << good << sig << QStringLiteral("alg_not_krakend")
                               << Severity::Warning << QStringLiteral("alg") << QStringLiteral("no Ed448")
                               << QStringList {QStringLiteral("alg_unsupported")};
    QTest::newRow("alg ES256K") << QByteArray(R"({"alg":"ES256K"})") << good << sig << QStringLiteral("alg_not_krakend")
                                << Severity::Warning << QStringLiteral("alg") << QStringLiteral("secp256k1")
                                << QStringList {QStringLiteral("alg_unsupported")};
    QTest::newRow("missing alg") << QByteArray(R"({"typ":"JWT"})") << good << sig << QStringLiteral("missing_alg")
                                 << Severity::Error << QStringLiteral("alg") << E << QStringList();
    QTest::newRow("alg not a string") << QByteArray(R"({"alg":256})") << good << sig << QStringLiteral("invalid_alg")
                                      << Severity::Error << QStringLiteral("alg") << QStringLiteral("a number")
                                      << QStringList {QStringLiteral("missing_alg")};
    QTest::newRow("empty signature") << kHs256 << good << QByteArray() << QStringLiteral("missing_signature")
                                     << Severity::Error << QStringLiteral("signature") << E << QStringList();

    // Keys and key references chosen by the token itself.
    QTest::newRow("jwk") << QByteArray(R"({"alg":"RS256","jwk":{"kty":"RSA","n":"AQAB","e":"AQAB"}})") << good << sig
                         << QStringLiteral("embedded_jwk") << Severity::Warning << QStringLiteral("jwk") << E
                         << QStringList();
    // A DPoP proof must carry its key (RFC 9449): said as information, with the one use of that key.
    QTest::newRow("jwk of a DPoP proof") << QByteArray(
        R"({"alg":"ES256","typ":"dpop+jwt","jwk":{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}})")
                                         << good << sig << QStringLiteral("embedded_jwk") << Severity::Info
                                         << QStringLiteral("jwk")
                                         << QStringLiteral("only to check this proof's own signature") << QStringList();
    // ... and has no exp (its lifetime is the server's window around iat): no missing_exp warning.
    QTest::newRow("DPoP proof without exp")
        << QByteArray(R"({"alg":"ES256","typ":"dpop+jwt","jwk":{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}})")
        << QByteArray(R"({"jti":"j","htm":"GET","htu":"https://a.example/","iat":)" + at(-5) + "}") << sig
        << QStringLiteral("embedded_jwk") << Severity::Info << QStringLiteral("jwk") << E
        << QStringList {QStringLiteral("missing_exp")};
    QTest::newRow("jku") << QByteArray(R"({"alg":"RS256","jku":"https://attacker.example/jwks.json"})") << good << sig
                         << QStringLiteral("embedded_jku") << Severity::Warning << QStringLiteral("jku")
                         << QStringLiteral("https://attacker.example/jwks.json") << QStringList();
    QTest::newRow("x5u") << QByteArray(R"({"alg":"RS256","x5u":"https://attacker.example/cert.pem"})") << good << sig
                         << QStringLiteral("embedded_x5u") << Severity::Warning << QStringLiteral("x5u")
                         << QStringLiteral("https://attacker.example/cert.pem") << QStringList();
    QTest::newRow("x5c") << QByteArray(R"({"alg":"RS256","x5c":["MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"]})")
                         << good << sig << QStringLiteral("embedded_x5c") << Severity::Warning << QStringLiteral("x5c")
                         << E << QStringList();

    // kid
    QTest::newRow("kid path traversal") << QByteArray(R"({"alg":"HS256","kid":"../../etc/passwd"})") << good << sig
                                        << QStringLiteral("suspicious_kid") << Severity::Warning
                                        << QStringLiteral("kid") << QStringLiteral("../../etc/passwd") << QStringList();
    QTest::newRow("kid SQL injection") << QByteArray(R"({"alg":"HS256","kid":"' OR 1=1 --"})") << good << sig
                                       << QStringLiteral("suspicious_kid") << Severity::Warning << QStringLiteral("kid")
                                       << QStringLiteral("' OR 1=1 --") << QStringList();
    QTest::newRow("kid UNION SELECT") << QByteArray(R"({"alg":"HS256","kid":"x union select key from keys"})") << good
                                      << sig << QStringLiteral("suspicious_kid") << Severity::Warning
                                      << QStringLiteral("kid") << E << QStringList();
    QTest::newRow("kid Windows path") << QByteArray(R"({"alg":"HS256","kid":"..\\..\\keys\\k.pem"})") << good << sig
                                      << QStringLiteral("suspicious_kid") << Severity::Warning << QStringLiteral("kid")
                                      << E << QStringList();
    QTest::newRow("kid absolute path") << QByteArray(R"({"alg":"HS256","kid":"/dev/null"})") << good << sig
                                       << QStringLiteral("suspicious_kid") << Severity::Warning << QStringLiteral("kid")
                                       << E << QStringList();
    QTest::newRow("kid URL") << QByteArray(R"({"alg":"HS256","kid":"https://attacker.example/key"})") << good << sig
                             << QStringLiteral("suspicious_kid") << Severity::Warning << QStringLiteral("kid") << E
                             << QStringList();
    QTest::newRow("kid shell") << QByteArray(R"({"alg":"HS256","kid":"k1|curl evil.sh"})") << good << sig
                               << QStringLiteral("suspicious_kid") << Severity::Warning << QStringLiteral("kid") << E
                               << QStringList();
    QTest::newRow("kid very long") << QByteArray(R"({"alg":"HS256","kid":")" + QByteArray(300, 'k') + R"("})") << good
                                   << sig << QStringLiteral("suspicious_kid") << Severity::Warning
                                   << QStringLiteral("kid") << QStringLiteral("300 characters") << QStringList();
    QTest::newRow("kid empty") << QByteArray(R"({"alg":"HS256","kid":""})") << good << sig
                               << QStringLiteral("empty_kid") << Severity::Warning << QStringLiteral("kid") << E
                               << QStringList {QStringLiteral("suspicious_kid")};
    QTest::newRow("kid number") << QByteArray(R"({"alg":"HS256","kid":7})") << good << sig
                                << QStringLiteral("invalid_kid") << Severity::Error << QStringLiteral("kid")
                                << QStringLiteral("a number") << QStringList();

    // Other header parameters.
    QTest::newRow("crit") << QByteArray(R"({"alg":"HS256","crit":["exp","urn:x"],"exp":1})") << good << sig
                          << QStringLiteral("crit_header") << Severity::Warning << QStringLiteral("crit")
                          << QStringLiteral("[exp, urn:x]") << QStringList();
    QTest::newRow("b64 false") << QByteArray(R"({"alg":"HS256","b64":false,"crit":["b64"]})") << good << sig
                               << QStringLiteral("unencoded_payload") << Severity::Warning << QStringLiteral("b64") << E
                               << QStringList();
    QTest::newRow("unusual typ") << QByteArray(R"({"alg":"HS256","typ":"secevent+jwt"})") << good << sig
                                 << QStringLiteral("unusual_typ") << Severity::Info << QStringLiteral("typ")
                                 << QStringLiteral("secevent+jwt") << QStringList();

    // Time claims at kNow.
    QTest::newRow("missing exp") << kHs256 << QByteArray(R"({"sub":"u1","iat":)" + at(-60) + "}") << sig
                                 << QStringLiteral("missing_exp") << Severity::Warning << QStringLiteral("exp") << E
                                 << QStringList {QStringLiteral("expired")};
    QTest::newRow("expired") << kHs256 << QByteArray(R"({"exp":)" + at(-90) + "}") << sig << QStringLiteral("expired")
                             << Severity::Error << QStringLiteral("exp")
                             << QStringLiteral("expired 1 min 30 s ago (2023-11-14T22:11:50Z)")
                             << QStringList {QStringLiteral("missing_exp")};
    QTest::newRow("expires exactly now") << kHs256 << QByteArray(R"({"exp":)" + at(0) + "}") << sig
                                         << QStringLiteral("expired") << Severity::Error << QStringLiteral("exp") << E
                                         << QStringList();
    QTest::newRow("exp in milliseconds") << kHs256
                                         << QByteArray(R"({"exp":)" + QByteArray::number((kNow + 3600) * 1000) + "}")
                                         << sig << QStringLiteral("exp_milliseconds") << Severity::Error
                                         << QStringLiteral("exp") << QStringLiteral("milliseconds")
                                         << QStringList {QStringLiteral("expired"), QStringLiteral("long_lifetime")};
    QTest::newRow("expired milliseconds still milliseconds")
        << kHs256 << QByteArray(R"({"exp":)" + QByteArray::number((kNow - 3600) * 1000) + "}") << sig
        << QStringLiteral("exp_milliseconds") << Severity::Error << QStringLiteral("exp") << E
        << QStringList {QStringLiteral("expired")};
    QTest::newRow("nbf in future") << kHs256 << QByteArray(R"({"nbf":)" + at(600) + R"(,"exp":)" + at(3600) + "}")
                                   << sig << QStringLiteral("not_yet_valid") << Severity::Error << QStringLiteral("nbf")
                                   << QStringLiteral("in 10 min") << QStringList();
    QTest::newRow("nbf in milliseconds") << kHs256
                                         << QByteArray(R"({"nbf":)" + QByteArray::number(kNow * 1000) + R"(,"exp":)"
                                                + at(3600) + "}")
                                         << sig << QStringLiteral("nbf_milliseconds") << Severity::Error
                                         << QStringLiteral("nbf") << E << QStringList {QStringLiteral("not_yet_valid")};
    QTest::newRow("iat in future") << kHs256 << QByteArray(R"({"iat":)" + at(120) + R"(,"exp":)" + at(3600) + "}")
                                   << sig << QStringLiteral("iat_in_future") << Severity::Warning
                                   << QStringLiteral("iat") << QStringLiteral("in 2 min") << QStringList();
    QTest::newRow("iat in milliseconds") << kHs256
                                         << QByteArray(R"({"iat":)" + QByteArray::number(kNow * 1000) + R"(,"exp":)"
                                                + at(3600) + "}")
                                         << sig << QStringLiteral("iat_milliseconds") << Severity::Warning
                                         << QStringLiteral("iat") << E << QStringList {QStringLiteral("iat_in_future")};
    QTest::newRow("long lifetime from iat")
        << kHs256 << QByteArray(R"({"iat":)" + at(-60) + R"(,"exp":)" + at(30 * kDay) + "}") << sig
        << QStringLiteral("long_lifetime") << Severity::Warning << QStringLiteral("exp") << QStringLiteral("30 days")
        << QStringList();
    QTest::newRow("long lifetime from nbf")
        << kHs256 << QByteArray(R"({"nbf":)" + at(-60) + R"(,"exp":)" + at(2 * kDay) + "}") << sig
        << QStringLiteral("long_lifetime") << Severity::Warning << QStringLiteral("exp") << E << QStringList();
    QTest::newRow("exp before iat") << kHs256 << QByteArray(R"({"iat":)" + at(-60) + R"(,"exp":)" + at(-120) + "}")
                                    << sig << QStringLiteral("exp_before_start") << Severity::Error
                                    << QStringLiteral("exp") << QStringLiteral("1 min before iat")
                                    << QStringList {QStringLiteral("long_lifetime")};
    QTest::newRow("exp before nbf") << kHs256 << QByteArray(R"({"nbf":)" + at(7200) + R"(,"exp":)" + at(3600) + "}")
                                    << sig << QStringLiteral("exp_before_start") << Severity::Error
                                    << QStringLiteral("exp") << QStringLiteral("1 h before nbf") << QStringList();
    QTest::newRow("fractional exp") << kHs256 << QByteArray(R"({"exp":)" + at(3600) + ".5}") << sig
                                    << QStringLiteral("fractional_time") << Severity::Info << QStringLiteral("exp") << E
                                    << QStringList {QStringLiteral("expired")};

    // Claim types KrakenD enforces.
    QTest::newRow("exp as string") << kHs256 << QByteArray(R"({"exp":")" + at(3600) + R"("})") << sig
                                   << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("exp")
                                   << QStringLiteral("exp is a string")
                                   << QStringList {QStringLiteral("missing_exp"), QStringLiteral("expired")};
    QTest::newRow("nbf as boolean") << kHs256 << QByteArray(R"({"nbf":true,"exp":)" + at(3600) + "}") << sig
                                    << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("nbf")
                                    << QStringLiteral("a boolean") << QStringList();
    QTest::newRow("iat as null") << kHs256 << QByteArray(R"({"iat":null,"exp":)" + at(3600) + "}") << sig
                                 << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("iat")
                                 << QStringLiteral("null") << QStringList();
    QTest::newRow("iss as number") << kHs256 << QByteArray(R"({"iss":42,"exp":)" + at(3600) + "}") << sig
                                   << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("iss")
                                   << QStringLiteral("iss is a number") << QStringList();
    QTest::newRow("sub as object") << kHs256 << QByteArray(R"({"sub":{"id":1},"exp":)" + at(3600) + "}") << sig
                                   << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("sub")
                                   << QStringLiteral("an object") << QStringList();
    QTest::newRow("jti as number") << kHs256 << QByteArray(R"({"jti":1,"exp":)" + at(3600) + "}") << sig
                                   << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("jti") << E
                                   << QStringList();
    QTest::newRow("aud array with a number")
        << kHs256 << QByteArray(R"({"aud":["api",1],"exp":)" + at(3600) + "}") << sig << QStringLiteral("claim_type")
        << Severity::Error << QStringLiteral("aud") << QStringLiteral("array of strings") << QStringList();
    QTest::newRow("aud number") << kHs256 << QByteArray(R"({"aud":5,"exp":)" + at(3600) + "}") << sig
                                << QStringLiteral("claim_type") << Severity::Error << QStringLiteral("aud")
                                << QStringLiteral("a number") << QStringList();

    // Payload shape.
    QTest::newRow("duplicate payload keys")
        << kHs256 << QByteArray(R"({"sub":"alice","exp":)" + at(3600) + R"(,"sub":"admin"})") << sig
        << QStringLiteral("duplicate_key") << Severity::Error << QStringLiteral("payload") << QStringLiteral("sub")
        << QStringList();
    QTest::newRow("duplicate header keys")
        << QByteArray(R"({"alg":"none","alg":"HS256"})") << good << sig << QStringLiteral("duplicate_key")
        << Severity::Error << QStringLiteral("header") << QStringLiteral("alg") << QStringList();
    QTest::newRow("payload not JSON") << kHs256 << QByteArray("hello, world") << sig
                                      << QStringLiteral("payload_not_json") << Severity::Warning
                                      << QStringLiteral("payload") << QStringLiteral("12 bytes")
                                      << QStringList {QStringLiteral("missing_exp")};
    QTest::newRow("payload JSON array") << kHs256 << QByteArray("[1,2,3]") << sig << QStringLiteral("payload_not_json")
                                        << Severity::Warning << QStringLiteral("payload") << E
                                        << QStringList {QStringLiteral("missing_exp")};
    QTest::newRow("detached payload") << kHs256 << QByteArray() << sig << QStringLiteral("detached_payload")
                                      << Severity::Warning << QStringLiteral("payload") << E
                                      << QStringList {QStringLiteral("payload_not_json")};
    QTest::newRow("password claim") << kHs256 << QByteArray(R"({"password":"hunter2","exp":)" + at(3600) + "}") << sig
                                    << QStringLiteral("sensitive_claim") << Severity::Warning
                                    << QStringLiteral("password") << E << QStringList();
}

void TestClaims::lint()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, signature);
    QFETCH(QString, code);
    QFETCH(Severity, severity);
    QFETCH(QString, subject);
    QFETCH(QString, mentions);
    QFETCH(QStringList, absent);

    const Token token = jws(header, payload, signature);
    QVERIFY2(token.headerOk, "the test token's header must decode");
    const Findings findings = Claims::lint(token, kNow);
    const QStringList all = codes(findings);
    const Finding *f = find(findings, code);
    QVERIFY2(f, qPrintable(QStringLiteral("%1 not in [%2]").arg(code, all.join(u", "))));
    QCOMPARE(f->severity, severity);
    QCOMPARE(f->subject, subject);
    QVERIFY(!f->message.isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(f->message.contains(mentions), qPrintable(f->message));
    for (const QString &other : absent)
        QVERIFY2(!all.contains(other), qPrintable(QStringLiteral("unexpected %1 in [%2]").arg(other, all.join(u", "))));
    QCOMPARE(all.count(code), 1); // each problem is reported once
}

void TestClaims::clean_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("iat and exp") << kHs256 << goodClaims();
    QTest::newRow("every registered claim")
        << QByteArray(R"({"alg":"RS256","typ":"at+jwt","kid":"2024-01-rsa_key.v2"})")
        << QByteArray(R"({"iss":"https://idp.example","sub":"u1","aud":["api","web"],"jti":"a-1","nbf":)" + at(-60)
               + R"(,"iat":)" + at(-60) + R"(,"exp":)" + at(600) + "}");
    QTest::newRow("aud string, no typ") << QByteArray(R"({"alg":"ES256"})")
                                        << QByteArray(R"({"aud":"api","exp":)" + at(1) + "}");
    QTest::newRow("lifetime exactly 24 h")
        << kHs256 << QByteArray(R"({"iat":)" + at(-kDay / 2) + R"(,"exp":)" + at(kDay / 2) + "}");
    QTest::newRow("nbf and iat exactly now")
        << kHs256 << QByteArray(R"({"nbf":)" + at(0) + R"(,"iat":)" + at(0) + R"(,"exp":)" + at(60) + "}");
    QTest::newRow("kid with dots and dashes")
        << QByteArray(R"({"alg":"EdDSA","kid":"key.2024-01.v1"})") << goodClaims();
}

void TestClaims::clean()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, payload);
    const Token token = jws(header, payload);
    QVERIFY(token.isComplete());
    const Findings findings = Claims::lint(token, kNow);
    QVERIFY2(findings.isEmpty(), qPrintable(codes(findings).join(u", ")));
}

void TestClaims::orderedBySeverity()
{
    const Token token = jws(R"({"alg":"hs256","typ":"foo","jku":"https://x.example/k"})", R"({"exp":)" + at(-10) + "}");
    const Findings findings = Claims::lint(token, kNow);
    // Errors first, then warnings, then info; within a severity, the order in which they were found.
    QCOMPARE(codes(findings),
        (QStringList {QStringLiteral("alg_wrong_case"), QStringLiteral("expired"), QStringLiteral("embedded_jku"),
            QStringLiteral("unusual_typ")}));
    for (qsizetype i = 1; i < findings.size(); ++i)
        QVERIFY(static_cast<int>(findings[i - 1].severity) >= static_cast<int>(findings[i].severity));
}

void TestClaims::jweInfo()
{
    const QByteArray compact = encode(R"({"alg":"RSA-OAEP","enc":"A256GCM","kid":"enc-1"})") + '.'
        + encode(QByteArray(256, '\x11')) + '.' + encode(QByteArray(12, '\x22')) + '.' + encode("ciphertext bytes")
        + '.' + encode(QByteArray(16, '\x33'));
    const Token token = TokenParser::parse(QString::fromLatin1(compact));
    QVERIFY(token.isComplete());
    QCOMPARE(token.kind, jwb::jose::TokenKind::Jwe);
    const Findings findings = Claims::lint(token, kNow);
    QCOMPARE(codes(findings), QStringList {QStringLiteral("jwe_encrypted")});
    QCOMPARE(findings.first().severity, Severity::Info);
    QVERIFY2(findings.first().message.contains(QStringLiteral("RSA-OAEP")), qPrintable(findings.first().message));
    QVERIFY2(findings.first().message.contains(QStringLiteral("A256GCM")), qPrintable(findings.first().message));

    // JWE "alg" values are key-management algorithms: none of the JWS alg lints apply, but embedded keys do.
    const QByteArray withJwk = encode(R"({"alg":"ECDH-ES","enc":"A128GCM","jwk":{"kty":"EC"}})") + ".." + encode("iv")
        + '.' + encode("ct") + '.' + encode("tag");
    const QStringList jwkCodes = codes(Claims::lint(TokenParser::parse(QString::fromLatin1(withJwk)), kNow));
    QCOMPARE(jwkCodes, (QStringList {QStringLiteral("embedded_jwk"), QStringLiteral("jwe_encrypted")}));
}

void TestClaims::inputLints()
{
    const QByteArray h = encode(kHs256);
    const QByteArray p = encode(goodClaims());
    const QByteArray s = encode("signature");

    const Findings wrapped = Claims::lint(TokenParser::parse(QString::fromLatin1(h + ".\n" + p + ".\n" + s)), kNow);
    QCOMPARE(codes(wrapped), QStringList {QStringLiteral("whitespace_in_token")});
    QCOMPARE(wrapped.first().severity, Severity::Warning);

    const QString json = QStringLiteral(R"({"protected":"%1","payload":"%2","signature":"%3"})")
                             .arg(QString::fromLatin1(h), QString::fromLatin1(p), QString::fromLatin1(s));
    const Findings serialized = Claims::lint(TokenParser::parse(json), kNow);
    QCOMPARE(codes(serialized), QStringList {QStringLiteral("json_serialization")});
    QCOMPARE(serialized.first().severity, Severity::Info);
}

void TestClaims::times_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("unix");
    QTest::addColumn<QString>("iso");
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("summary");
    QTest::newRow("exp future") << QStringLiteral("exp") << at(300) << kNow + 300
                                << QStringLiteral("2023-11-14T22:18:20Z") << QStringLiteral("in 5 min")
                                << QStringLiteral("expires in 5 min");
    QTest::newRow("exp past") << QStringLiteral("exp") << at(-3 * 3600) << kNow - 3 * 3600
                              << QStringLiteral("2023-11-14T19:13:20Z") << QStringLiteral("3 h ago")
                              << QStringLiteral("expired 3 h ago");
    QTest::newRow("exp now") << QStringLiteral("exp") << at(0) << kNow << QStringLiteral("2023-11-14T22:13:20Z")
                             << QStringLiteral("now") << QStringLiteral("expired now");
    QTest::newRow("exp fraction truncated")
        << QStringLiteral("exp") << QByteArray(at(300) + ".9") << kNow + 300 << QStringLiteral("2023-11-14T22:18:20Z")
        << QStringLiteral("in 5 min") << QStringLiteral("expires in 5 min");
    QTest::newRow("nbf past") << QStringLiteral("nbf") << at(-3600) << kNow - 3600
                              << QStringLiteral("2023-11-14T21:13:20Z") << QStringLiteral("1 h ago")
                              << QStringLiteral("valid since 1 h ago");
    QTest::newRow("nbf future") << QStringLiteral("nbf") << at(300) << kNow + 300
                                << QStringLiteral("2023-11-14T22:18:20Z") << QStringLiteral("in 5 min")
                                << QStringLiteral("becomes valid in 5 min");
    QTest::newRow("iat past") << QStringLiteral("iat") << at(-2 * 3600) << kNow - 2 * 3600
                              << QStringLiteral("2023-11-14T20:13:20Z") << QStringLiteral("2 h ago")
                              << QStringLiteral("issued 2 h ago");
    QTest::newRow("iat future") << QStringLiteral("iat") << at(60) << kNow + 60
                                << QStringLiteral("2023-11-14T22:14:20Z") << QStringLiteral("in 1 min")
                                << QStringLiteral("issued in the future (in 1 min)");
    QTest::newRow("RFC 7515 A.1 exp") << QStringLiteral("exp") << QByteArray("1300819380") << qint64 {1300819380}
                                      << QStringLiteral("2011-03-22T18:43:00Z") << QStringLiteral("12 years ago")
                                      << QStringLiteral("expired 12 years ago");
}

void TestClaims::times()
{
    QFETCH(QString, claim);
    QFETCH(QByteArray, value);
    QFETCH(qint64, unix);
    QFETCH(QString, iso);
    QFETCH(QString, relative);
    QFETCH(QString, summary);
    const QJsonObject payload
        = QJsonDocument::fromJson("{\"" + claim.toLatin1() + "\":" + value + ",\"sub\":\"x\"}").object();
    QVERIFY(!payload.isEmpty());
    const auto list = Claims::times(payload, kNow);
    QCOMPARE(list.size(), 1);
    const auto &t = list.first();
    QCOMPARE(t.name, claim);
    QCOMPARE(t.unix, unix);
    QCOMPARE(t.utc.toSecsSinceEpoch(), unix);
    QCOMPARE(t.utc.timeSpec(), Qt::UTC);
    QCOMPARE(t.iso, iso);
    QCOMPARE(t.relative, relative);
    QCOMPARE(t.summary, summary);
}

void TestClaims::timesOrderAndSkips()
{
    // Always exp, nbf, iat in that order, whatever the payload's order; non-numbers are skipped.
    const QJsonObject payload
        = QJsonDocument::fromJson(R"({"iat":)" + at(-60) + R"(,"nbf":)" + at(-60) + R"(,"exp":)" + at(60) + "}")
              .object();
    const auto list = Claims::times(payload, kNow);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].name, QStringLiteral("exp"));
    QCOMPARE(list[1].name, QStringLiteral("nbf"));
    QCOMPARE(list[2].name, QStringLiteral("iat"));

    const QJsonObject odd = QJsonDocument::fromJson(R"({"exp":"soon","nbf":null,"iat":)" + at(0) + "}").object();
    const auto some = Claims::times(odd, kNow);
    QCOMPARE(some.size(), 1);
    QCOMPARE(some.first().name, QStringLiteral("iat"));
    QCOMPARE(some.first().summary, QStringLiteral("issued now"));

    QVERIFY(Claims::times(QJsonObject(), kNow).isEmpty());
}

void TestClaims::descriptions()
{
    QVERIFY(Claims::describeClaim(QStringLiteral("exp")).contains(QStringLiteral("RFC 7519")));
    QVERIFY(Claims::describeClaim(QStringLiteral("no_such_claim")).isEmpty());
    QVERIFY(Claims::describeHeader(QStringLiteral("jku")).contains(QStringLiteral("never be trusted")));
    QVERIFY(Claims::describeHeader(QStringLiteral("nope")).isEmpty());
    const QStringList &algs = Claims::krakendAlgorithms();
    QCOMPARE(algs.size(), 13);
    QVERIFY(algs.contains(QStringLiteral("EdDSA")));
    QVERIFY(algs.contains(QStringLiteral("PS512")));
    QVERIFY(!algs.contains(QStringLiteral("none")));
    QVERIFY(!algs.contains(QStringLiteral("hs256")));
}

QTEST_APPLESS_MAIN(TestClaims)
#include "tst_claims.moc"
