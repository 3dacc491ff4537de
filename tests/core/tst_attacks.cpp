// The attack corpus: hostile tokens and keys that have fooled JWT libraries, each with the verdict it must get
// (never valid) and the check or finding that explains it. Keys are generated per run; tokens are built here so
// that every attack is signed exactly the way an attacker would sign it.

#include "crypto/Algorithm.h"
#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/KeyLoader.h"
#include "validation/Verifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace jwb;
using crypto::Algorithm;
using crypto::Key;

namespace {

constexpr qint64 kNow = 1795867200;

QByteArray b64(const QByteArray &bytes)
{
    return jose::Base64Url::encode(bytes);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString sign(const QByteArray &header, const QByteArray &payload, Algorithm alg, const Key &key)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    const auto signature = crypto::Signature::sign(alg, key, input);
    return QString::fromLatin1(input + '.' + (signature.ok() ? b64(signature.value()) : QByteArray("c2ln")));
}

QByteArray claims()
{
    return json(QJsonObject {{QStringLiteral("sub"), QStringLiteral("mallory")}, {QStringLiteral("exp"), kNow + 3600},
        {QStringLiteral("roles"), QJsonArray {QStringLiteral("admin")}}});
}

QByteArray pem(const Key &key, bool crlf)
{
    QByteArray text = key.publicKey().toPem(false).valueOr(QByteArray());
    if (crlf)
        text.replace("\n", "\r\n");
    return text;
}

bool hasFinding(const common::Findings &findings, const QString &code)
{
    return std::any_of(findings.begin(), findings.end(), [&](const common::Finding &f) { return f.code == code; });
}

struct Keys
{
    Key rsa;
    Key ec;
    Key ed;
    Key attacker;
};

const Keys &testKeys()
{
    static const Keys k = [] {
        crypto::Backend::initialize();
        Keys out;
        out.rsa = Key::generate(crypto::KeyType::Rsa, 2048).value();
        out.ec = Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
        out.ed = Key::generate(crypto::KeyType::Okp, 0, crypto::Curve::Ed25519).value();
        out.attacker = Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
        return out;
    }();
    return k;
}

} // namespace

class TestAttacks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rejected_data();
    void rejected();
    void algNoneEverySpelling_data();
    void algNoneEverySpelling();
    void psychicSignatures_data();
    void psychicSignatures();
    void hostileKeysRefused_data();
    void hostileKeysRefused();
    void hugeTokenIsFastAndRejected();
    void deepNestingDoesNotCrash();
};

void TestAttacks::initTestCase()
{
    QVERIFY(!testKeys().rsa.isNull() && !testKeys().ec.isNull() && !testKeys().ed.isNull());
}

// Each row: the token, the key text the verifier trusts, the expected first failing check, and a finding that
// must be reported (empty: none required).
void TestAttacks::rejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("trusted");
    QTest::addColumn<QString>("failingCheck");
    QTest::addColumn<QString>("finding");
    const Keys &k = testKeys();

    // Key confusion: an asymmetric public key's PEM bytes used as an HMAC secret (LF and CRLF line ends).
    const QList<std::pair<const char *, Key>> victims = {{"RSA", k.rsa}, {"EC", k.ec}, {"Ed25519", k.ed}};
    for (const auto &[name, victim] : victims) {
        for (const bool crlf : {false, true}) {
            const QByteArray publicPem = pem(victim, crlf);
            const Key hmac = Key::fromSecret(publicPem).value();
            QTest::addRow("%s public PEM as HS256 secret (%s)", name, crlf ? "CRLF" : "LF")
                << sign(R"({"alg":"HS256","typ":"JWT"})", claims(), Algorithm::HS256, hmac) << publicPem
                << QStringLiteral("key") << QString();
        }
    }

    // Keys the token brings along are shown, never used.
    const QJsonObject attackerJwk = keys::Jwk::toJson(k.attacker, false);
    QTest::newRow("embedded jwk (CVE-2018-0114)") << sign(
        json(QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("jwk"), attackerJwk}}),
        claims(), Algorithm::ES256, k.attacker) << pem(k.ec, false)
                                                  << QStringLiteral("signature") << QStringLiteral("embedded_jwk");
    QTest::newRow("jku pointing elsewhere")
        << sign(R"({"alg":"ES256","jku":"https://attacker.example/jwks.json"})", claims(), Algorithm::ES256, k.attacker)
        << pem(k.ec, false) << QStringLiteral("signature") << QStringLiteral("embedded_jku");
    QTest::newRow("x5u pointing elsewhere")
        << sign(R"({"alg":"ES256","x5u":"https://attacker.example/cert.pem"})", claims(), Algorithm::ES256, k.attacker)
        << pem(k.ec, false) << QStringLiteral("signature") << QStringLiteral("embedded_x5u");
    QTest::newRow("x5c self-signed") << sign(R"({"alg":"ES256","x5c":["MIIBszCCAVmgAwIBAgIUSelfSignedByTheAttacker"]})",
        claims(), Algorithm::ES256, k.attacker)
                                     << pem(k.ec, false) << QStringLiteral("signature")
                                     << QStringLiteral("embedded_x5c");

    // kid injection: the kid never becomes a path, a query or a command; with one trusted key and an
    // unknown kid, the signature decides.
    const QList<std::pair<const char *, QString>> kids
        = {{"path traversal", QStringLiteral("../../../../dev/null")}, {"absolute path", QStringLiteral("/etc/passwd")},
            {"SQL", QStringLiteral("x' UNION SELECT 'secret' --")}, {"NUL byte", QStringLiteral("key\u0000.pem")},
            {"shell", QStringLiteral("k; rm -rf / #")}, {"URL", QStringLiteral("https://attacker.example/key")}};
    for (const auto &[name, kid] : kids) {
        const QByteArray header
            = json(QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("kid"), kid}});
        QTest::addRow("kid injection: %s", name)
            << sign(header, claims(), Algorithm::ES256, k.attacker) << pem(k.ec, false) << QStringLiteral("signature")
            << QStringLiteral("suspicious_kid");
    }
    QTest::newRow("kid injection: 10000 characters")
        << sign(json(QJsonObject {
                    {QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("kid"), QString(10000, u'A')}}),
               claims(), Algorithm::ES256, k.attacker)
        << pem(k.ec, false) << QStringLiteral("signature") << QStringLiteral("suspicious_kid");

    // Parser traps: whatever the JSON parser makes of them, nothing passes.
    QTest::newRow("duplicate alg member")
        << sign(R"({"alg":"none","alg":"ES256"})", claims(), Algorithm::ES256, k.attacker) << pem(k.ec, false)
        << QStringLiteral("parse") << QStringLiteral("duplicate_key");
    QTest::newRow("duplicate sub member (payload)")
        << sign(R"({"alg":"ES256"})", R"({"sub":"alice","sub":"admin","exp":1795870800})", Algorithm::ES256, k.attacker)
        << pem(k.ec, false) << QStringLiteral("parse") << QStringLiteral("duplicate_key");
    QTest::newRow("exp beyond 2^53") << sign(R"({"alg":"ES256"})", R"({"exp":9007199254740993123})", Algorithm::ES256,
        k.attacker) << pem(k.ec, false)
                                     << QStringLiteral("signature") << QStringLiteral("exp_milliseconds");
    QTest::newRow("exp 1e400") << sign(R"({"alg":"ES256"})", R"({"exp":1e400})", Algorithm::ES256, k.attacker)
                               << pem(k.ec, false) << QStringLiteral("parse") << QString();
    QTest::newRow("invalid UTF-8 in payload")
        << sign(R"({"alg":"ES256"})", QByteArray("{\"sub\":\"\xff\xfe\"}"), Algorithm::ES256, k.attacker)
        << pem(k.ec, false) << QStringLiteral("parse") << QString();
    QTest::newRow("overlong UTF-8 slash in kid") << sign(
        QByteArray("{\"alg\":\"ES256\",\"kid\":\"..\xc0\xaf..\xc0\xafkey\"}"), claims(), Algorithm::ES256, k.attacker)
                                                 << pem(k.ec, false) << QStringLiteral("parse") << QString();
    QTest::newRow("unknown crit") << sign(
        R"({"alg":"ES256","crit":["exp-ext"],"exp-ext":1})", claims(), Algorithm::ES256, k.ec)
                                  << pem(k.ec, false) << QStringLiteral("crit") << QStringLiteral("crit_header");
    QTest::newRow("b64 false") << sign(
        R"({"alg":"ES256","b64":false,"crit":["b64"]})", claims(), Algorithm::ES256, k.ec)
                               << pem(k.ec, false) << QStringLiteral("crit") << QStringLiteral("unencoded_payload");

    // A nested JWT: the outer token is signed by an attacker; the inner one by nobody.
    const QByteArray inner = (b64(R"({"alg":"none"})") + '.' + b64(claims()) + '.');
    QTest::newRow("nested JWT (cty JWT)")
        << sign(R"({"alg":"ES256","cty":"JWT"})", inner, Algorithm::ES256, k.attacker) << pem(k.ec, false)
        << QStringLiteral("signature") << QStringLiteral("nested_jwt");

    // Algorithm substitution within the asymmetric families.
    QTest::newRow("RS256 token, EC key") << sign(R"({"alg":"RS256"})", claims(), Algorithm::RS256, k.rsa)
                                         << pem(k.ec, false) << QStringLiteral("key") << QString();
    QTest::newRow("PS256 signature labelled RS256") <<
        [&] {
            const QByteArray input = b64(R"({"alg":"RS256"})") + '.' + b64(claims());
            const auto signature = crypto::Signature::sign(Algorithm::PS256, k.rsa, input);
            return QString::fromLatin1(input + '.' + b64(signature.value()));
        }() << pem(k.rsa, false) << QStringLiteral("signature")
                                                    << QString();
    QTest::newRow("EdDSA token, signed by another Ed25519 key")
        << sign(R"({"alg":"EdDSA"})", claims(), Algorithm::EdDSA,
               Key::generate(crypto::KeyType::Okp, 0, crypto::Curve::Ed25519).value())
        << pem(k.ed, false) << QStringLiteral("signature") << QString();
}

void TestAttacks::rejected()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, trusted);
    QFETCH(QString, failingCheck);
    QFETCH(QString, finding);
    const auto keySet = keys::KeyLoader::load(trusted);
    QVERIFY2(keySet.ok(), qPrintable(keySet.ok() ? QString() : keySet.error().toString()));
    validation::Policy policy;
    policy.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    const auto report = validation::Verifier::verify(token, keySet.value(), policy);
    QVERIFY2(!report.valid, "an attack must never verify");
    const auto *failure = report.firstFailure();
    QVERIFY(failure);
    QVERIFY2(failure->nameText() == failingCheck,
        qPrintable(
            QStringLiteral("stopped at %1 (%2), expected %3").arg(failure->nameText(), failure->detail, failingCheck)));
    if (!finding.isEmpty()) {
        QVERIFY2(hasFinding(report.findings, finding) || hasFinding(report.inspection.findings, finding),
            qPrintable(QStringLiteral("missing finding %1").arg(finding)));
    }
    // The signature check never passes for a token the trusted key did not sign.
    if (const auto *signature = report.check(QStringLiteral("signature")); signature && failingCheck != u"crit")
        QVERIFY(!signature->ok());
}

void TestAttacks::algNoneEverySpelling_data()
{
    QTest::addColumn<QString>("alg");
    for (const char *spelling : {"none", "None", "NONE", "nOnE", "none ", " none", "none\u0000", ""})
        QTest::addRow("\"%s\"", spelling) << QString::fromUtf8(spelling);
}

void TestAttacks::algNoneEverySpelling()
{
    QFETCH(QString, alg);
    const QByteArray header = json(QJsonObject {{QStringLiteral("alg"), alg}});
    for (const QByteArray &signature : {QByteArray(), b64("x"), b64(QByteArray(64, '\0'))}) {
        const QString token = QString::fromLatin1(b64(header) + '.' + b64(claims()) + '.' + signature);
        for (const QByteArray &trusted : {pem(testKeys().ec, false),
                 QByteArray(R"({"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})")}) {
            const auto keySet = keys::KeyLoader::load(trusted);
            QVERIFY(keySet.ok());
            const auto report = validation::Verifier::verify(token, keySet.value(), validation::Policy {});
            QVERIFY2(!report.valid, qPrintable(token));
            QVERIFY(report.firstFailure());
            QVERIFY2(report.firstFailure()->nameText() == u"alg" || report.firstFailure()->nameText() == u"parse",
                qPrintable(report.firstFailure()->nameText()));
        }
    }
}

// ECDSA signatures with r = s = 0, r or s equal to n, s > n (the CVE-2022-21449 "psychic signatures" class) and
// an empty signature: all refused before or by OpenSSL, never accepted.
void TestAttacks::psychicSignatures_data()
{
    QTest::addColumn<QByteArray>("signature");
    const QByteArray n = QByteArray::fromHex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    QTest::newRow("r = s = 0") << QByteArray(64, '\0');
    QTest::newRow("r = s = n") << (n + n);
    QTest::newRow("r = 1, s = n + 1") << (QByteArray(31, '\0') + '\x01'
        + QByteArray::fromHex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632552"));
    QTest::newRow("s > n (all ones)") << (QByteArray(31, '\0') + '\x01' + QByteArray(32, '\xff'));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray(1, '\0');
    QTest::newRow("DER instead of P1363") << QByteArray::fromHex("3006020100020100");
}

void TestAttacks::psychicSignatures()
{
    QFETCH(QByteArray, signature);
    const QString token = QString::fromLatin1(b64(R"({"alg":"ES256"})") + '.' + b64(claims()) + '.' + b64(signature));
    const auto keySet = keys::KeyLoader::load(pem(testKeys().ec, false));
    QVERIFY(keySet.ok());
    const auto report = validation::Verifier::verify(token, keySet.value(), validation::Policy {});
    QVERIFY(!report.valid);
    QVERIFY(report.firstFailure());
    QVERIFY2(report.firstFailure()->nameText() == u"signature" || report.firstFailure()->nameText() == u"parse",
        qPrintable(report.firstFailure()->nameText()));
}

// Keys an attacker might plant in a JWK Set: refused when loaded, with the member named.
void TestAttacks::hostileKeysRefused_data()
{
    QTest::addColumn<QByteArray>("jwk");
    QTest::addColumn<QString>("code");
    // P-256 point (1, 1) is not on the curve.
    QTest::newRow("EC point not on the curve") << QByteArray(
        R"({"kty":"EC","crv":"P-256","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE"})")
                                               << QString();
    QTest::newRow("EC coordinates too long") << QByteArray(
        R"({"kty":"EC","crv":"P-256","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE"})")
                                             << QString();
    const QByteArray modulus512 = b64(QByteArray(63, '\xc3') + '\x01');
    QTest::newRow("RSA 512 bits") << (QByteArray(R"({"kty":"RSA","e":"AQAB","n":")") + modulus512 + "\"}") << QString();
    const QByteArray modulus2048 = b64(QByteArray(255, '\xc3') + '\x01');
    QTest::newRow("RSA e = 1") << (QByteArray(R"({"kty":"RSA","e":"AQ","n":")") + modulus2048 + "\"}") << QString();
    QTest::newRow("RSA e = 0") << (QByteArray(R"({"kty":"RSA","e":"AA","n":")") + modulus2048 + "\"}") << QString();
    QTest::newRow("oct empty") << QByteArray(R"({"kty":"oct","k":""})") << QString();
    QTest::newRow("unknown kty") << QByteArray(R"({"kty":"XYZ","k":"AAAA"})") << QString();
    // An OKP X25519 key now loads (an ECDH-ES key for JWE) but never signs or verifies: tst_encryption
    // x25519NeverSigns.
    QTest::newRow("OKP X25519 with a short x")
        << QByteArray(R"({"kty":"OKP","crv":"X25519","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK0"})") << QString();
}

void TestAttacks::hostileKeysRefused()
{
    QFETCH(QByteArray, jwk);
    const auto loaded = keys::KeyLoader::load(jwk);
    QVERIFY2(!loaded.ok(), loaded.ok() ? qPrintable(loaded.value().keys.first().key.description()) : "");
    QVERIFY(!loaded.error().message.isEmpty());
}

void TestAttacks::hugeTokenIsFastAndRejected()
{
    // 10 MB of payload: decoded, linted and refused without trouble.
    const QByteArray payload = "{\"blob\":\"" + QByteArray(10 * 1024 * 1024, 'a') + "\"}";
    const QString token = sign(R"({"alg":"ES256"})", payload, Algorithm::ES256, testKeys().attacker);
    const auto keySet = keys::KeyLoader::load(pem(testKeys().ec, false));
    QVERIFY(keySet.ok());
    QElapsedTimer timer;
    timer.start();
    const auto report = validation::Verifier::verify(token, keySet.value(), validation::Policy {});
    QVERIFY(!report.valid);
    QCOMPARE(report.firstFailure()->nameText(), QStringLiteral("signature"));
    qInfo("10 MB token verified (and refused) in %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestAttacks::deepNestingDoesNotCrash()
{
    for (const int depth : {100, 10000, 200000}) {
        const QByteArray payload = "{\"a\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
        const QString token = sign(R"({"alg":"ES256"})", payload, Algorithm::ES256, testKeys().attacker);
        const auto inspection = jose::Inspection::inspect(token, kNow);
        const auto keySet = keys::KeyLoader::load(pem(testKeys().ec, false));
        const auto report = validation::Verifier::verify(token, keySet.value(), validation::Policy {});
        QVERIFY(!report.valid);
        Q_UNUSED(inspection);
    }
}

QTEST_GUILESS_MAIN(TestAttacks)
#include "tst_attacks.moc"
