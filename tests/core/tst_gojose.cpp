// GoJose: go-jose's JWK, JWK Set and JWS parsing as the simulator uses it, tested directly (tst_simulator reaches
// the same code through whole requests).
#include "krakend/go/GoJose.h"

#include "crypto/Backend.h"
#include "jose/Base64Url.h"
#include "keys/KeyGenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace jwb;
using namespace jwb::krakend;

namespace {

QByteArray b64(const QByteArray &bytes)
{
    return jose::Base64Url::encode(bytes);
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QString compactToken(const QByteArray &header, const QByteArray &payload, const QByteArray &signature = "sig")
{
    return QString::fromLatin1(b64(header) + '.' + b64(payload) + '.' + b64(signature));
}

} // namespace

class TestGoJose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void base64();
    void jwkErrors_data();
    void jwkErrors();
    void jwkKeys();
    void jwkSets();
    void compactJws();
    void jsonSerialization();
    void signingInputReencodes();
    void crit();

private:
    QJsonObject m_ecPrivate;
    QJsonObject m_ecPublic;
};

void TestGoJose::initTestCase()
{
    crypto::Backend::initialize();
    auto key = keys::KeyGenerator::generate(crypto::Algorithm::ES256, keys::KeyIdRule::fixed(QStringLiteral("e1")));
    QVERIFY(key);
    m_ecPrivate = keys::Jwk::toJson(key->key, true);
    m_ecPrivate.insert(QStringLiteral("kid"), QStringLiteral("e1"));
    m_ecPublic = key->publicJson();
}

void TestGoJose::base64()
{
    QString error;
    QCOMPARE(*GoJose::base64("AQAB", &error), QByteArray::fromHex("010001"));
    QCOMPARE(*GoJose::base64("AQ==", &error), QByteArray::fromHex("01")); // trailing '=' trimmed first
    QVERIFY(!GoJose::base64("a+b/", &error)); // not the URL alphabet
    QVERIFY(error.startsWith(QStringLiteral("illegal base64 data at input byte")));
}

void TestGoJose::jwkErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("string") << QByteArray("\"k\"")
                            << QStringLiteral("json: cannot unmarshal string into Go value of type jose.rawJSONWebKey");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("go-jose/go-jose: unknown json web key type ''");
    QTest::newRow("kid number")
        << QByteArray(R"({"kty":"oct","k":"AQAB","kid":7})")
        << QStringLiteral("json: cannot unmarshal number into Go struct field rawJSONWebKey.kid of type string");
    QTest::newRow("rsa private without primes")
        << QByteArray(R"({"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"})")
        << QStringLiteral("go-jose/go-jose: invalid RSA private key, missing P, Q value(s)");
    QTest::newRow("oct without k") << QByteArray(R"({"kty":"oct"})")
                                   << QStringLiteral("go-jose/go-jose: invalid OCT (symmetric) key, missing k value");
    QTest::newRow("oct with certificates")
        << QByteArray(R"({"kty":"oct","k":"AQAB","x5c":["AQAB"]})")
        << QStringLiteral("go-jose/go-jose: invalid JWK, found 'oct' (symmetric) key with cert chain");
    QTest::newRow("okp x25519") << QByteArray(R"({"kty":"OKP","crv":"X25519","x":"AQAB"})")
                                << QStringLiteral("go-jose/go-jose: unknown curve X25519'");
    QTest::newRow("unknown kty") << QByteArray(R"({"kty":"XYZ"})")
                                 << QStringLiteral("go-jose/go-jose: unknown json web key type 'XYZ'");
    QTest::newRow("bad base64") << QByteArray(R"({"kty":"oct","k":"a+b/"})")
                                << QStringLiteral("illegal base64 data at input byte 1 (JWK member \"k\")");
}

void TestGoJose::jwkErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().first();
    const auto key = GoJose::parseJwk(value);
    QVERIFY(!key);
    QCOMPARE(key.error().code, QStringLiteral("invalid_jwk"));
    QCOMPARE(key.error().message, error);
}

void TestGoJose::jwkKeys()
{
    // A public EC key; go-jose looks neither at alg nor at use, and accepts padded members.
    QJsonObject given = m_ecPublic;
    given.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
    given.insert(QStringLiteral("x"), QString(given.value(QLatin1String("x")).toString() + u'='));
    auto key = GoJose::parseJwk(given);
    QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
    QVERIFY(!key->privateMembers);
    QCOMPARE(key->jwk.kid, QStringLiteral("e1"));
    QCOMPARE(key->jwk.json, given); // what was given, for display
    // The private key decodes, marked as carrying private members (a verifier refuses it).
    auto priv = GoJose::parseJwk(m_ecPrivate);
    QVERIFY(priv);
    QVERIFY(priv->privateMembers);
    // A shared secret is not "private members".
    auto oct = GoJose::parseJwk(object(R"({"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"})"));
    QVERIFY(oct);
    QVERIFY(!oct->privateMembers);
}

void TestGoJose::jwkSets()
{
    QVERIFY(GoJose::parseJwks("null")->isEmpty());
    QVERIFY(GoJose::parseJwks("{}")->isEmpty());
    // encoding/json finds "keys" whatever its case.
    const QByteArray upper = QJsonDocument(QJsonObject {{QStringLiteral("KEYS"), QJsonArray {m_ecPublic}}}).toJson();
    QCOMPARE(GoJose::parseJwks(upper)->size(), 1);
    // One bad key fails the whole set, naming it.
    const QByteArray mixed
        = QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {m_ecPublic, object(R"({"kty":"oct"})")}}})
              .toJson();
    const auto bad = GoJose::parseJwks(mixed);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, QStringLiteral("invalid_jwks"));
    QCOMPARE(
        bad.error().message, QStringLiteral("go-jose/go-jose: invalid OCT (symmetric) key, missing k value (keys[1])"));
    QCOMPARE(GoJose::parseJwks("[]").error().message,
        QStringLiteral("json: cannot unmarshal array into Go value of type jose.JSONWebKeySet"));
    QCOMPARE(GoJose::parseJwks(R"({"keys": {}})").error().message,
        QStringLiteral("json: cannot unmarshal object into Go struct field JSONWebKeySet.keys of type "
                       "[]jose.JSONWebKey"));
    QCOMPARE(GoJose::parseJwks("{").error().message, QStringLiteral("unexpected end of JSON input"));
}

void TestGoJose::compactJws()
{
    const QString token = compactToken(R"({"alg":"ES256","kid":"e1"})", R"({"sub":"a"})");
    // Every white space character is removed before parsing.
    const QString spaced = token.left(10) + QStringLiteral(" \n\t") + token.mid(10);
    auto jws = GoJose::parseJws(spaced);
    QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
    QVERIFY(!jws->json);
    QCOMPARE(jws->header.value(QLatin1String("kid")).toString(), QStringLiteral("e1"));
    QCOMPARE(jws->payload, QByteArray(R"({"sub":"a"})"));
    QCOMPARE(jws->signature, QByteArray("sig"));

    auto parts = GoJose::parseJws(QStringLiteral("a.b"));
    QVERIFY(!parts);
    QCOMPARE(parts.error().message, QStringLiteral("go-jose/go-jose: compact JWS format must have three parts"));
    auto duplicate = GoJose::parseJws(compactToken(R"({"alg":"ES256","alg":"none"})", "{}"));
    QVERIFY(!duplicate);
    QVERIFY(duplicate.error().message.startsWith(QStringLiteral("duplicate key \"alg\" in the JOSE header")));
    auto algNumber = GoJose::parseJws(compactToken(R"({"alg":7})", "{}"));
    QVERIFY(!algNumber);
    QCOMPARE(algNumber.error().message,
        QStringLiteral("failed to unmarshal algorithm: json: cannot unmarshal number into Go value of type string"));
    auto array = GoJose::parseJws(compactToken("[1]", "{}"));
    QVERIFY(!array);
    QCOMPARE(
        array.error().message, QStringLiteral("json: cannot unmarshal array into Go value of type jose.rawHeader"));
}

void TestGoJose::jsonSerialization()
{
    const QByteArray protectedHeader = b64(R"({"alg":"ES256"})");
    const QByteArray payload = b64(R"({"sub":"a"})");
    // Flattened: the protected members win over the unprotected ones when merged.
    const QString flattened = QString::fromLatin1(R"({"payload":")" + payload + R"(","protected":")" + protectedHeader
        + R"(","header":{"kid":"k","alg":"none"},"signature":")" + b64("sig") + "\"}");
    auto jws = GoJose::parseJws(flattened);
    QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
    QVERIFY(jws->json);
    QCOMPARE(jws->signatureCount, 1);
    QCOMPARE(jws->header.value(QLatin1String("alg")).toString(), QStringLiteral("ES256"));
    QCOMPARE(jws->header.value(QLatin1String("kid")).toString(), QStringLiteral("k"));
    // General: the first signature is the one verified; the count is kept (KrakenD refuses more than one).
    const QString general = QString::fromLatin1(R"({"payload":")" + payload + R"(","signatures":[{"protected":")"
        + protectedHeader + R"(","signature":"AQ"},{"protected":")" + protectedHeader + R"(","signature":"Ag"}]})");
    auto two = GoJose::parseJws(general);
    QVERIFY(two);
    QCOMPARE(two->signatureCount, 2);
    QCOMPARE(two->signature, QByteArray::fromHex("01"));
    auto noPayload = GoJose::parseJws(QStringLiteral(R"({"protected":"e30","signature":"AQ"})"));
    QVERIFY(!noPayload);
    QCOMPARE(noPayload.error().message, QStringLiteral("go-jose/go-jose: missing payload in JWS message"));
    auto nonce = GoJose::parseJws(
        QString::fromLatin1(R"({"payload":")" + payload + R"(","header":{"nonce":"n"},"signature":"AQ"})"));
    QVERIFY(!nonce);
    QCOMPARE(nonce.error().message, QStringLiteral("go-jose/go-jose: Nonce parameter included in unprotected header"));
}

void TestGoJose::signingInputReencodes()
{
    // Padding in the token does not reach the signing input: go-jose re-encodes what it decoded.
    const QByteArray header = R"({"alg":"HS256"})";
    const QByteArray payload = "{\"a\":1}"; // 7 bytes: base64url needs padding
    const QString padded = QString::fromLatin1(
        header.toBase64(QByteArray::Base64UrlEncoding) + '.' + payload.toBase64(QByteArray::Base64UrlEncoding) + ".AQ");
    QVERIFY(padded.contains(u'='));
    auto jws = GoJose::parseJws(padded);
    QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
    auto input = GoJose::signingInput(*jws);
    QVERIFY(input);
    QCOMPARE(input.value(), b64(header) + '.' + b64(payload));
    // "b64": false puts the payload in as it is.
    auto raw = GoJose::parseJws(compactToken(R"({"alg":"HS256","b64":false,"crit":["b64"]})", "$.02"));
    QVERIFY(raw);
    QCOMPARE(GoJose::signingInput(*raw).value(), b64(R"({"alg":"HS256","b64":false,"crit":["b64"]})") + ".$.02");
    // An empty protected header cannot be rebuilt.
    auto empty = GoJose::parseJws(QStringLiteral(".") + QString::fromLatin1(b64("{}")) + QStringLiteral(".AQ"));
    QVERIFY(empty);
    QCOMPARE(GoJose::signingInput(*empty).error().code, QStringLiteral("crypto"));
}

void TestGoJose::crit()
{
    QCOMPARE(GoJose::critProblem(object(R"({"alg":"HS256"})")), QString());
    QCOMPARE(GoJose::critProblem(object(R"({"crit":null})")), QString());
    QCOMPARE(GoJose::critProblem(object(R"({"crit":["b64"]})")), QString());
    QCOMPARE(GoJose::critProblem(object(R"({"crit":["exp"]})")),
        QStringLiteral("crit lists \"exp\", which go-jose does not support (only b64)"));
    QCOMPARE(
        GoJose::critProblem(object(R"({"crit":"b64"})")), QStringLiteral("crit is a string, not an array of strings"));
    QCOMPARE(GoJose::critProblem(object(R"({"crit":[1]})")), QStringLiteral("crit holds a number"));
}

QTEST_GUILESS_MAIN(TestGoJose)
#include "tst_gojose.moc"
