// keys::Jwk, keys::JwkSet and keys::KeyLoader: JWK parsing (members, metadata, errors by member), the findings
// a key or a set carries (duplicate_kid, mixed_key_set, private_keys_in_set, unusable_key, weak_rsa_key, ...),
// x5c/x5t checks (key mismatch, thumbprint mismatch, hex-in-base64url tolerance), ROCA detection, format
// detection of everything a user may give (JWK Set, JWK, PEM with several blocks or a certificate chain, DER
// SPKI/PKCS#8/PKCS#1/certificate) and shared secrets in each encoding. Certificates are made with the
// `openssl` command in a temporary directory.
#include "TestData.h"

#include "crypto/Backend.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/KeyLoader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using jwb::keys::Jwk;
using jwb::keys::JwkSet;
namespace KeyLoader = jwb::keys::KeyLoader;

Q_DECLARE_METATYPE(jwb::keys::SecretEncoding)

namespace {

template<typename T> QByteArray describe(const jwb::common::Result<T> &r)
{
    return r.ok() ? QByteArray("ok") : r.error().toString().toUtf8();
}

QString b64u(const QByteArray &data)
{
    return QString::fromLatin1(jwb::jose::Base64Url::encode(data));
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QStringList findingCodes(const jwb::common::Findings &findings)
{
    QStringList codes;
    for (const auto &f : findings)
        codes.append(f.code);
    return codes;
}

// RFC 7517 A.1: the EC and RSA public keys.
const char *const kEcJwk = R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",
    "y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","use":"enc","kid":"1"})";
const char *const kEcPrivateJwk = R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",
    "y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","d":"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE","kid":"1"})";
const char *const kRsaN = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
                          "BJECPebWKRXjBZCiFV4n3oknjhM"
                          "stn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
                          "FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5"
                          "hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-"
                          "csFCur-kEgU8awapJzKnqDKgw";
const char *const kOkpJwk = R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})";
const char *const kOctJwk
    = R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","kid":"hmac"})";

QJsonObject rsaJwk(const QString &kid = QStringLiteral("2011-04-29"))
{
    return QJsonObject {{QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("n"), QString::fromLatin1(kRsaN)}, {QStringLiteral("e"), QStringLiteral("AQAB")},
        {QStringLiteral("kid"), kid}};
}

QJsonObject withMembers(QJsonObject o, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject rocaJwk()
{
    const QJsonObject set
        = jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/wycheproof/json_web_key_test.json")))
              .object();
    const QJsonArray groups = set.value(QLatin1String("testGroups")).toArray();
    for (const auto &g : groups)
        if (g.toObject().value(QLatin1String("comment")).toString() == u"jws_rsa_roca_key")
            return g.toObject()
                .value(QLatin1String("public"))
                .toObject()
                .value(QLatin1String("keys"))
                .toArray()
                .at(0)
                .toObject();
    return {};
}

} // namespace

class TestJwk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void keyFindings_data();
    void keyFindings();
    void permissions_data();
    void permissions();
    void publicJson();
    void setFindings_data();
    void setFindings();
    void setErrors_data();
    void setErrors();
    void x5c_data();
    void x5c();
    void roca();
    void loaderFormats_data();
    void loaderFormats();
    void loaderErrors_data();
    void loaderErrors();
    void loadFile();
    void secrets_data();
    void secrets();
    void secretEncodingNames_data();
    void secretEncodingNames();

private:
    bool openssl(const QStringList &args);
    QByteArray file(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_openssl;
};

void TestJwk::initTestCase()
{
    jwb::crypto::Backend::initialize();
    QVERIFY(m_dir.isValid());
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty())
        QSKIP("the openssl command is needed to make certificates");
    const QString d = m_dir.path() + u'/';
    auto s = [](const char *t) { return QString::fromLatin1(t); };
    // A CA, an EC leaf certificate it signed, an RSA self-signed certificate, and the DER forms.
    QVERIFY(openssl({s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
        s("-nodes"), s("-keyout"), d + s("ca.key"), s("-out"), d + s("ca.pem"), s("-days"), s("3650"), s("-subj"),
        s("/CN=JWB Test CA")}));
    QVERIFY(openssl({s("req"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"), s("-nodes"),
        s("-keyout"), d + s("leaf.key"), s("-out"), d + s("leaf.csr"), s("-subj"), s("/CN=jwb-leaf")}));
    QVERIFY(openssl({s("x509"), s("-req"), s("-in"), d + s("leaf.csr"), s("-CA"), d + s("ca.pem"), s("-CAkey"),
        d + s("ca.key"), s("-CAcreateserial"), s("-out"), d + s("leaf.pem"), s("-days"), s("365")}));
    QVERIFY(openssl({s("x509"), s("-in"), d + s("leaf.pem"), s("-outform"), s("DER"), s("-out"), d + s("leaf.der")}));
    QVERIFY(openssl({s("pkey"), s("-in"), d + s("leaf.key"), s("-pubout"), s("-outform"), s("DER"), s("-out"),
        d + s("leaf.spki.der")}));
    QVERIFY(openssl({s("pkey"), s("-in"), d + s("leaf.key"), s("-pubout"), s("-out"), d + s("leaf.pub.pem")}));
    QVERIFY(openssl({s("pkcs8"), s("-topk8"), s("-nocrypt"), s("-in"), d + s("leaf.key"), s("-outform"), s("DER"),
        s("-out"), d + s("leaf.p8.der")}));
    QVERIFY(openssl({s("req"), s("-x509"), s("-newkey"), s("rsa:2048"), s("-nodes"), s("-keyout"), d + s("rsa.key"),
        s("-out"), d + s("rsa.pem"), s("-days"), s("30"), s("-subj"), s("/CN=jwb-rsa")}));
    QVERIFY(openssl({s("rsa"), s("-in"), d + s("rsa.key"), s("-RSAPublicKey_out"), s("-outform"), s("DER"), s("-out"),
        d + s("rsa.pkcs1.der")}));
    QVERIFY(
        openssl({s("rsa"), s("-in"), d + s("rsa.key"), s("-RSAPublicKey_out"), s("-out"), d + s("rsa.pkcs1.pub.pem")}));
    // `ecparam -genkey` writes an EC PARAMETERS block before the SEC1 key.
    QVERIFY(openssl({s("ecparam"), s("-name"), s("secp384r1"), s("-genkey"), s("-out"), d + s("ec384.sec1.pem")}));
}

bool TestJwk::openssl(const QStringList &args)
{
    QProcess p;
    p.start(m_openssl, args);
    const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok)
        qWarning().noquote() << "openssl" << args.join(u' ') << "failed:" << p.readAllStandardError();
    return ok;
}

QByteArray TestJwk::file(const QString &name) const
{
    QFile f(m_dir.path() + u'/' + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestJwk::parse_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("kid");
    QTest::addColumn<QString>("use");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QStringList>("keyOps");
    QTest::addColumn<bool>("hasKeyOps");

    QTest::newRow("EC P-256 public") << obj(kEcJwk) << QStringLiteral("EC P-256") << QStringLiteral("1")
                                     << QStringLiteral("enc") << QString() << QStringList() << false;
    QTest::newRow("EC P-256 private") << obj(kEcPrivateJwk) << QStringLiteral("EC P-256 private") << QStringLiteral("1")
                                      << QString() << QString() << QStringList() << false;
    QTest::newRow("RSA 2048 with alg") << withMembers(
        rsaJwk(), QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")}})
                                       << QStringLiteral("RSA 2048") << QStringLiteral("2011-04-29") << QString()
                                       << QStringLiteral("RS256") << QStringList() << false;
    QTest::newRow("OKP Ed25519") << obj(kOkpJwk) << QStringLiteral("OKP Ed25519") << QString() << QString() << QString()
                                 << QStringList() << false;
    QTest::newRow("oct 512 with key_ops")
        << withMembers(obj(kOctJwk),
               QJsonObject {{QStringLiteral("key_ops"), QJsonArray {QStringLiteral("sign"), QStringLiteral("verify")}}})
        << QStringLiteral("oct 512 bits") << QStringLiteral("hmac") << QString() << QString()
        << QStringList {QStringLiteral("sign"), QStringLiteral("verify")} << true;
    QTest::newRow("empty key_ops") << withMembers(
        obj(kOkpJwk), QJsonObject {{QStringLiteral("key_ops"), QJsonArray {}}})
                                   << QStringLiteral("OKP Ed25519") << QString() << QString() << QString()
                                   << QStringList() << true;
    QTest::newRow("unknown members are kept") << withMembers(
        obj(kOkpJwk), QJsonObject {{QStringLiteral("x-custom"), 42}, {QStringLiteral("use"), QStringLiteral("sig")}})
                                              << QStringLiteral("OKP Ed25519") << QString() << QStringLiteral("sig")
                                              << QString() << QStringList() << false;
}

void TestJwk::parse()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, description);
    QFETCH(QString, kid);
    QFETCH(QString, use);
    QFETCH(QString, alg);
    QFETCH(QStringList, keyOps);
    QFETCH(bool, hasKeyOps);
    const auto jwk = Jwk::fromJson(json);
    QVERIFY2(jwk.ok(), describe(jwk).constData());
    QCOMPARE(jwk->key.description(), description);
    QCOMPARE(jwk->kid, kid);
    QCOMPARE(jwk->use, use);
    QCOMPARE(jwk->alg, alg);
    QCOMPARE(jwk->keyOps, keyOps);
    QCOMPARE(jwk->hasKeyOps, hasKeyOps);
    QCOMPARE(jwk->json, json);
    QVERIFY2(jwk->findings.isEmpty(), qPrintable(findingCodes(jwk->findings).join(u',')));
    // The key written back as a JWK holds the same key members.
    const QJsonObject back = Jwk::toJson(jwk->key, true);
    for (auto it = back.begin(); it != back.end(); ++it)
        QCOMPARE(it.value(), json.value(it.key()));
}

void TestJwk::errors_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions"); // text the message must contain

    QTest::newRow("kid not a string") << withMembers(obj(kOkpJwk), QJsonObject {{QStringLiteral("kid"), 7}})
                                      << QStringLiteral("invalid_jwk") << QStringLiteral("kid");
    QTest::newRow("use not a string") << withMembers(obj(kOkpJwk), QJsonObject {{QStringLiteral("use"), true}})
                                      << QStringLiteral("invalid_jwk") << QStringLiteral("use");
    QTest::newRow("alg not a string") << withMembers(obj(kOkpJwk), QJsonObject {{QStringLiteral("alg"), QJsonArray {}}})
                                      << QStringLiteral("invalid_jwk") << QStringLiteral("alg");
    QTest::newRow("key_ops not an array")
        << withMembers(obj(kOkpJwk), QJsonObject {{QStringLiteral("key_ops"), QStringLiteral("verify")}})
        << QStringLiteral("invalid_jwk") << QStringLiteral("key_ops");
    QTest::newRow("RS256 on an EC key") << withMembers(
        obj(kEcJwk), QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")}})
                                        << QStringLiteral("alg_key_mismatch") << QStringLiteral("RS256");
    QTest::newRow("ES384 on a P-256 key")
        << withMembers(obj(kEcJwk), QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES384")}})
        << QStringLiteral("alg_key_mismatch") << QStringLiteral("ES384");
    QTest::newRow("HS256 on an RSA key") << withMembers(
        rsaJwk(), QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")}})
                                         << QStringLiteral("alg_key_mismatch") << QStringLiteral("HS256");
    QTest::newRow("EdDSA on an oct key") << withMembers(
        obj(kOctJwk), QJsonObject {{QStringLiteral("alg"), QStringLiteral("EdDSA")}})
                                         << QStringLiteral("alg_key_mismatch") << QStringLiteral("EdDSA");
    QTest::newRow("x5c entry not base64")
        << withMembers(rsaJwk(), QJsonObject {{QStringLiteral("x5c"), QJsonArray {QStringLiteral("!!!!")}}})
        << QStringLiteral("invalid_jwk") << QStringLiteral("x5c[0]");
    QTest::newRow("x5c entry not a certificate") << withMembers(rsaJwk(),
        QJsonObject {{QStringLiteral("x5c"), QJsonArray {QString::fromLatin1(QByteArray(64, 'x').toBase64())}}})
                                                 << QStringLiteral("invalid_jwk") << QStringLiteral("x5c[0]");
    QTest::newRow("x5t of 19 bytes") << withMembers(
        rsaJwk(), QJsonObject {{QStringLiteral("x5t"), b64u(QByteArray(19, 'a'))}})
                                     << QStringLiteral("invalid_jwk") << QStringLiteral("x5t");
    QTest::newRow("x5t#S256 of 20 bytes")
        << withMembers(rsaJwk(), QJsonObject {{QStringLiteral("x5t#S256"), b64u(QByteArray(20, 'a'))}})
        << QStringLiteral("invalid_jwk") << QStringLiteral("x5t#S256");
    QTest::newRow("x5t not base64") << withMembers(
        rsaJwk(), QJsonObject {{QStringLiteral("x5t"), QStringLiteral("***")}})
                                    << QStringLiteral("invalid_jwk") << QStringLiteral("x5t");
    const QJsonObject roca = rocaJwk();
    if (!roca.isEmpty())
        QTest::newRow("ROCA modulus") << roca << QStringLiteral("weak_key") << QStringLiteral("ROCA");
}

void TestJwk::errors()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto jwk = Jwk::fromJson(json);
    QVERIFY2(!jwk.ok(), "a bad JWK was accepted");
    QCOMPARE(jwk.error().code, code);
    QVERIFY2(jwk.error().message.contains(mentions), qPrintable(jwk.error().message));
}

void TestJwk::keyFindings_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("codes");

    // Padding and the standard alphabet are tolerated in key members, with a warning.
    QTest::newRow("padded base64 member") << withMembers(rsaJwk(),
        QJsonObject {{QStringLiteral("e"), QStringLiteral("AQAB")},
            {QStringLiteral("n"), QString(QString::fromLatin1(kRsaN) + QStringLiteral("=="))}})
                                          << QStringList {QStringLiteral("jwk_lenient_base64")};
    QTest::newRow("standard base64 alphabet") << withMembers(rsaJwk(),
        QJsonObject {{QStringLiteral("n"), QString::fromLatin1(kRsaN).replace(u'-', u'+').replace(u'_', u'/')}})
                                              << QStringList {QStringLiteral("jwk_lenient_base64")};
    QTest::newRow("oct labelled A256GCM")
        << withMembers(obj(kOctJwk), QJsonObject {{QStringLiteral("alg"), QStringLiteral("A256GCM")}})
        << QStringList {QStringLiteral("jwk_alg_not_jws")};
    QTest::newRow("EC labelled ES521 (not a JWA name)")
        << withMembers(obj(kEcJwk), QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES521")}})
        << QStringList {QStringLiteral("jwk_alg_not_jws")};
    const QJsonObject wp
        = jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/wycheproof/json_web_key_test.json")))
              .object();
    const QJsonArray groups = wp.value(QLatin1String("testGroups")).toArray();
    for (const auto &g : groups)
        if (g.toObject().value(QLatin1String("comment")).toString() == u"keysize_too_small")
            QTest::newRow("1024-bit RSA (Wycheproof json_web_key tc 8)")
                << g.toObject()
                       .value(QLatin1String("public"))
                       .toObject()
                       .value(QLatin1String("keys"))
                       .toArray()
                       .at(0)
                       .toObject()
                << QStringList {QStringLiteral("weak_rsa_key")};
    QTest::newRow("clean key") << obj(kEcJwk) << QStringList();
}

void TestJwk::keyFindings()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, codes);
    const auto jwk = Jwk::fromJson(json);
    QVERIFY2(jwk.ok(), describe(jwk).constData());
    QCOMPARE(findingCodes(jwk->findings), codes);
    for (const auto &f : jwk->findings) {
        QCOMPARE(f.severity, jwb::common::Severity::Warning);
        QVERIFY(!f.message.isEmpty());
    }
}

void TestJwk::permissions_data()
{
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<bool>("verify");
    QTest::addColumn<bool>("sign");
    QTest::addColumn<int>("algorithms"); // how many JWS algorithms the key may serve

    auto ops = [](std::initializer_list<const char *> list) {
        QJsonArray a;
        for (const char *o : list)
            a.append(QString::fromLatin1(o));
        return a;
    };
    QTest::newRow("nothing said") << QJsonObject() << true << true << 6;
    QTest::newRow("use sig") << QJsonObject {{QStringLiteral("use"), QStringLiteral("sig")}} << true << true << 6;
    QTest::newRow("use enc") << QJsonObject {{QStringLiteral("use"), QStringLiteral("enc")}} << false << false << 6;
    QTest::newRow("key_ops verify") << QJsonObject {{QStringLiteral("key_ops"), ops({"verify"})}} << true << false << 6;
    QTest::newRow("key_ops sign") << QJsonObject {{QStringLiteral("key_ops"), ops({"sign"})}} << false << true << 6;
    QTest::newRow("key_ops encrypt") << QJsonObject {{QStringLiteral("key_ops"), ops({"encrypt", "decrypt"})}} << false
                                     << false << 6;
    QTest::newRow("key_ops \"sign, verify\" (one string)")
        << QJsonObject {{QStringLiteral("key_ops"), ops({"sign, verify"})}} << false << false << 6;
    QTest::newRow("use sig, key_ops verify")
        << QJsonObject {{QStringLiteral("use"), QStringLiteral("sig")}, {QStringLiteral("key_ops"), ops({"verify"})}}
        << true << false << 6;
    QTest::newRow("alg PS384") << QJsonObject {{QStringLiteral("alg"), QStringLiteral("PS384")}} << true << true << 1;
    QTest::newRow("alg RSA-OAEP") << QJsonObject {{QStringLiteral("alg"), QStringLiteral("RSA-OAEP")}} << true << true
                                  << 0;
}

void TestJwk::permissions()
{
    QFETCH(QJsonObject, extra);
    QFETCH(bool, verify);
    QFETCH(bool, sign);
    QFETCH(int, algorithms);
    const auto jwk = Jwk::fromJson(withMembers(rsaJwk(), extra));
    QVERIFY2(jwk.ok(), describe(jwk).constData());
    QCOMPARE(jwk->allowsVerify(), verify);
    QCOMPARE(jwk->allowsSign(), sign);
    QCOMPARE(jwk->allowedAlgorithms().size(), algorithms);
    if (algorithms == 1)
        QCOMPARE(jwk->allowedAlgorithms().first(), jwb::crypto::Algorithm::PS384);
}

void TestJwk::publicJson()
{
    // A private JWK's public JSON keeps the metadata, drops every private member, and keeps only the public
    // operations in key_ops.
    QJsonObject priv = obj(kEcPrivateJwk);
    priv.insert(QStringLiteral("key_ops"), QJsonArray {QStringLiteral("sign"), QStringLiteral("verify")});
    priv.insert(QStringLiteral("use"), QStringLiteral("sig"));
    const auto jwk = Jwk::fromJson(priv);
    QVERIFY(jwk.ok());
    QVERIFY(jwk->key.isPrivate());
    const QJsonObject pub = jwk->publicJson();
    QVERIFY(!pub.contains(QLatin1String("d")));
    QCOMPARE(pub.value(QLatin1String("kid")).toString(), QStringLiteral("1"));
    QCOMPARE(pub.value(QLatin1String("use")).toString(), QStringLiteral("sig"));
    QCOMPARE(pub.value(QLatin1String("key_ops")).toArray(), QJsonArray {QStringLiteral("verify")});
    const auto back = Jwk::fromJson(pub);
    QVERIFY(back.ok());
    QVERIFY(!back->key.isPrivate());
    QVERIFY(back->key.samePublicKey(jwk->key));
    // A secret's "public" JSON is the secret itself: there is nothing else.
    const auto oct = Jwk::fromJson(obj(kOctJwk));
    QVERIFY(oct.ok());
    QCOMPARE(oct->publicJson(), obj(kOctJwk));
    // And the set's public form.
    const JwkSet set = JwkSet::fromKey(jwk.value(), QStringLiteral("JWK"));
    QVERIFY(!set.toJson(false).value(QLatin1String("keys")).toArray().at(0).toObject().contains(QLatin1String("d")));
    QVERIFY(set.toJson(true).value(QLatin1String("keys")).toArray().at(0).toObject().contains(QLatin1String("d")));
}

void TestJwk::setFindings_data()
{
    QTest::addColumn<QJsonArray>("keys");
    QTest::addColumn<int>("usable");
    QTest::addColumn<QStringList>("codes"); // set findings, in order
    QTest::addColumn<QList<int>>("severities");

    const int warning = static_cast<int>(jwb::common::Severity::Warning);
    const int error = static_cast<int>(jwb::common::Severity::Error);
    QTest::newRow("clean public set") << QJsonArray {obj(kEcJwk), rsaJwk()} << 2 << QStringList() << QList<int>();
    QTest::newRow("duplicate kid") << QJsonArray {rsaJwk(QStringLiteral("a")),
        withMembers(obj(kEcJwk), {{QStringLiteral("kid"), QStringLiteral("a")}})}
                                   << 2 << QStringList {QStringLiteral("duplicate_kid")} << QList<int> {error};
    // Two keys without kid: a token without kid (or with an empty one) cannot tell them apart either.
    QJsonObject anonymousRsa = rsaJwk();
    anonymousRsa.remove(QStringLiteral("kid"));
    QTest::newRow("two keys without kid") << QJsonArray {obj(kOkpJwk), anonymousRsa} << 2
                                          << QStringList {QStringLiteral("duplicate_kid")} << QList<int> {error};
    QTest::newRow("mixed symmetric and asymmetric")
        << QJsonArray {obj(kOctJwk), obj(kEcJwk)} << 2 << QStringList {QStringLiteral("mixed_key_set")}
        << QList<int> {error};
    QTest::newRow("private keys only") << QJsonArray {obj(kEcPrivateJwk)} << 1
                                       << QStringList {QStringLiteral("private_keys_in_set")} << QList<int> {warning};
    QTest::newRow("public and private keys")
        << QJsonArray {rsaJwk(), obj(kEcPrivateJwk)} << 2 << QStringList {QStringLiteral("private_keys_in_set")}
        << QList<int> {error};
    QTest::newRow("an unusable key is skipped")
        << QJsonArray {rsaJwk(),
               QJsonObject {{QStringLiteral("kty"), QStringLiteral("EC")},
                   {QStringLiteral("crv"), QStringLiteral("secp256k1")}, {QStringLiteral("kid"), QStringLiteral("k1")}}}
        << 1 << QStringList {QStringLiteral("unusable_key")} << QList<int> {error};
    QTest::newRow("a non-object entry is skipped")
        << QJsonArray {rsaJwk(), 42} << 1 << QStringList {QStringLiteral("unusable_key")} << QList<int> {error};
    QTest::newRow("key findings are carried to the set")
        << QJsonArray {withMembers(obj(kOctJwk), {{QStringLiteral("alg"), QStringLiteral("A128KW")}})} << 1
        << QStringList {QStringLiteral("jwk_alg_not_jws")} << QList<int> {warning};
    QTest::newRow("everything at once") << QJsonArray {obj(kOctJwk),
        withMembers(obj(kEcPrivateJwk), {{QStringLiteral("kid"), QStringLiteral("hmac")}}), rsaJwk(), QJsonArray()}
                                        << 3
                                        << QStringList {QStringLiteral("duplicate_kid"),
                                               QStringLiteral("mixed_key_set"), QStringLiteral("private_keys_in_set"),
                                               QStringLiteral("unusable_key")}
                                        << QList<int> {error, error, error, error};
}

void TestJwk::setFindings()
{
    QFETCH(QJsonArray, keys);
    QFETCH(int, usable);
    QFETCH(QStringList, codes);
    QFETCH(QList<int>, severities);
    const auto set = JwkSet::fromJsonObject(QJsonObject {{QStringLiteral("keys"), keys}});
    QVERIFY2(set.ok(), describe(set).constData());
    QCOMPARE(set->format, QStringLiteral("JWK Set"));
    QCOMPARE(set->keys.size(), usable);
    QCOMPARE(set->skipped.size(), keys.size() - usable);
    QCOMPARE(findingCodes(set->findings), codes);
    for (int i = 0; i < severities.size(); ++i)
        QCOMPARE(static_cast<int>(set->findings[i].severity), severities[i]);
    QCOMPARE(set->isMixedSymmetry(), codes.contains(QStringLiteral("mixed_key_set")));
    for (const auto &s : set->skipped) {
        QVERIFY(s.index >= 0 && s.index < keys.size());
        QVERIFY(!s.error.code.isEmpty());
        // The finding names the entry (and its kid when it has one).
        bool named = false;
        for (const auto &f : set->findings)
            named = named
                || (f.code == u"unusable_key" && f.message.contains(QStringLiteral("keys[%1]").arg(s.index))
                    && (s.kid.isEmpty() || f.message.contains(s.kid)));
        QVERIFY(named);
    }
    // analyse() is repeatable.
    JwkSet copy = set.value();
    copy.analyse();
    QCOMPARE(copy.findings, set->findings);
}

void TestJwk::setErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::newRow("not JSON") << QByteArray("{\"keys\": [") << QStringLiteral("invalid_json");
    QTest::newRow("a JSON array") << QByteArray("[{\"kty\":\"oct\",\"k\":\"AAAA\"}]") << QStringLiteral("invalid_jwks");
    QTest::newRow("keys not an array") << QByteArray(R"({"keys": {}})") << QStringLiteral("invalid_jwks");
    QTest::newRow("empty keys") << QByteArray(R"({"keys": []})") << QStringLiteral("empty_jwks");
    QTest::newRow("neither set nor key") << QByteArray(R"({"n": "AQAB"})") << QStringLiteral("invalid_jwks");
    QTest::newRow("every key unusable") << QByteArray(
        R"({"keys": [{"kty":"OKP","crv":"Curve25519","x":"AA"}, {"kty":"oct"}]})")
                                        << QStringLiteral("unsupported_curve");
    QTest::newRow("a single bad JWK") << QByteArray(R"({"kty":"RSA","e":"AQAB"})") << QStringLiteral("invalid_jwk");
}

void TestJwk::setErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    const auto set = JwkSet::fromJson(json);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, code);
    // The key loader reports the same for the same text (it takes only an object as JSON: an array is no key).
    const auto loaded = KeyLoader::load(json);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, json.startsWith('[') ? QStringLiteral("unknown_key_format") : code);
}

void TestJwk::x5c_data()
{
    QTest::addColumn<QString>("variant");
    for (const char *v : {"x5t", "x5t#S256", "x5t as hex", "x5t#S256 as hex", "wrong x5t", "wrong x5t#S256",
             "x5t without x5c", "x5c of another key", "x5c chain", "rfc7517 B"})
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestJwk::x5c()
{
    QFETCH(QString, variant);
    if (variant == u"rfc7517 B") {
        // The RFC's key with its certificate loads; the same certificate with another modulus does not.
        const QJsonObject b = jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/7517.json")))
                                  .object()
                                  .value(QLatin1String("keys"))
                                  .toObject()
                                  .value(QLatin1String("B"))
                                  .toObject()
                                  .value(QLatin1String("jwk"))
                                  .toObject();
        JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
        const auto ok = Jwk::fromJson(b);
        QVERIFY2(ok.ok(), describe(ok).constData());
        QCOMPARE(ok->x5c.size(), 1);
        QVERIFY(ok->findings.isEmpty());
        const auto bad = Jwk::fromJson(withMembers(b, QJsonObject {{QStringLiteral("n"), QString::fromLatin1(kRsaN)}}));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("x5c_key_mismatch"));
        return;
    }
    const QByteArray leafDer = file(QStringLiteral("leaf.der"));
    const QByteArray caPem = file(QStringLiteral("ca.pem"));
    QVERIFY(!leafDer.isEmpty());
    const auto leafKey = jwb::crypto::Key::fromDer(leafDer);
    QVERIFY2(leafKey.ok(), describe(leafKey).constData());
    QVERIFY(leafKey->hasCertificate());
    QCOMPARE(leafKey->certificate().der, leafDer);
    QVERIFY(leafKey->certificate().subject.contains(QLatin1String("jwb-leaf")));
    QVERIFY(leafKey->certificate().issuer.contains(QLatin1String("JWB Test CA")));
    QVERIFY(!leafKey->certificate().selfSigned);

    QJsonObject jwk = Jwk::toJson(leafKey.value(), false);
    const QString x5c = QString::fromLatin1(leafDer.toBase64());
    const QByteArray sha1 = QCryptographicHash::hash(leafDer, QCryptographicHash::Sha1);
    const QByteArray sha256 = QCryptographicHash::hash(leafDer, QCryptographicHash::Sha256);
    QString code; // expected error
    QStringList findings; // expected findings
    QByteArray expectX5t, expectS256;
    if (variant == u"x5t" || variant == u"x5t as hex") {
        jwk.insert(QStringLiteral("x5c"), QJsonArray {x5c});
        jwk.insert(QStringLiteral("x5t"), variant == u"x5t" ? b64u(sha1) : b64u(sha1.toHex()));
        expectX5t = sha1;
    } else if (variant == u"x5t#S256" || variant == u"x5t#S256 as hex") {
        jwk.insert(QStringLiteral("x5c"), QJsonArray {x5c});
        jwk.insert(QStringLiteral("x5t#S256"), variant == u"x5t#S256" ? b64u(sha256) : b64u(sha256.toHex()));
        expectS256 = sha256;
    } else if (variant == u"wrong x5t") {
        jwk.insert(QStringLiteral("x5c"), QJsonArray {x5c});
        jwk.insert(QStringLiteral("x5t"), b64u(QCryptographicHash::hash(caPem, QCryptographicHash::Sha1)));
        findings = QStringList {QStringLiteral("x5t_mismatch")};
    } else if (variant == u"wrong x5t#S256") {
        jwk.insert(QStringLiteral("x5c"), QJsonArray {x5c});
        jwk.insert(QStringLiteral("x5t#S256"), b64u(QByteArray(32, '\x11')));
        findings = QStringList {QStringLiteral("x5t_mismatch")};
    } else if (variant == u"x5t without x5c") {
        // Nothing to compare with: taken as given (it is only a key id).
        jwk.insert(QStringLiteral("x5t"), b64u(QByteArray(20, '\x22')));
        expectX5t = QByteArray(20, '\x22');
    } else if (variant == u"x5c of another key") {
        jwk = Jwk::toJson(
            jwb::crypto::Key::generate(jwb::crypto::KeyType::Ec, 0, jwb::crypto::Curve::P256).value(), false);
        jwk.insert(QStringLiteral("x5c"), QJsonArray {x5c});
        code = QStringLiteral("x5c_key_mismatch");
    } else if (variant == u"x5c chain") {
        const auto ca = jwb::crypto::Key::fromPem(caPem);
        QVERIFY(ca.ok());
        jwk.insert(QStringLiteral("x5c"), QJsonArray {x5c, QString::fromLatin1(ca->certificate().der.toBase64())});
    }
    const auto parsed = Jwk::fromJson(jwk);
    if (!code.isEmpty()) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        return;
    }
    QVERIFY2(parsed.ok(), describe(parsed).constData());
    QCOMPARE(findingCodes(parsed->findings), findings);
    if (!expectX5t.isEmpty())
        QCOMPARE(parsed->x5t.toHex(), expectX5t.toHex());
    if (!expectS256.isEmpty())
        QCOMPARE(parsed->x5tS256.toHex(), expectS256.toHex());
    if (variant == u"x5c chain")
        QCOMPARE(parsed->x5c.size(), 2);
}

void TestJwk::roca()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/json_web_key_test.json");
    const QJsonObject roca = rocaJwk();
    QVERIFY(!roca.isEmpty());
    const QByteArray n
        = QByteArray::fromBase64(roca.value(QLatin1String("n")).toString().toLatin1(), QByteArray::Base64UrlEncoding);
    QVERIFY(n.size() > 200);
    QVERIFY(jwb::keys::isRocaVulnerable(n));
    // Leading zero octets do not change the verdict.
    QVERIFY(jwb::keys::isRocaVulnerable(QByteArray(1, '\0') + n.mid(n.startsWith('\0') ? 1 : 0)));
    // Ordinary moduli are not flagged: the RFC 7517 key, the Wycheproof 1024-bit key, and fresh keys.
    QVERIFY(!jwb::keys::isRocaVulnerable(QByteArray::fromBase64(kRsaN, QByteArray::Base64UrlEncoding)));
    for (int i = 0; i < 3; ++i) {
        const auto k = jwb::crypto::Key::generate(jwb::crypto::KeyType::Rsa, 2048);
        QVERIFY(k.ok());
        QVERIFY(!jwb::keys::isRocaVulnerable(k->rsa().n));
    }
    QVERIFY(!jwb::keys::isRocaVulnerable(n.left(32))); // too short to say
    // Refused whatever form it comes in: JWK, JWK Set, PEM, DER.
    const auto jwk = Jwk::fromJson(roca);
    QVERIFY(!jwk.ok());
    QCOMPARE(jwk.error().code, QStringLiteral("weak_key"));
    const auto set = JwkSet::fromJsonObject(QJsonObject {{QStringLiteral("keys"), QJsonArray {roca}}});
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, QStringLiteral("weak_key"));
    const auto key = jwb::crypto::Key::fromRsa({n, QByteArray::fromHex("010001"), {}, {}, {}, {}, {}, {}});
    QVERIFY(key.ok());
    const auto pem = KeyLoader::load(key->toPem(false).value());
    QVERIFY(!pem.ok());
    QCOMPARE(pem.error().code, QStringLiteral("weak_key"));
    const auto der = KeyLoader::load(key->toDer(false).value());
    QVERIFY(!der.ok());
    QCOMPARE(der.error().code, QStringLiteral("weak_key"));
}

void TestJwk::loaderFormats_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("descriptions");
    QTest::addColumn<int>("x5c"); // certificates on the first key
    QTest::addColumn<int>("skipped");
    QTest::addColumn<QStringList>("codes"); // set findings

    const QByteArray ec = QByteArray(kEcJwk);
    QTest::newRow("JWK Set")
        << QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {obj(kEcJwk), rsaJwk()}}}).toJson()
        << QStringLiteral("JWK Set") << QStringList {QStringLiteral("EC P-256"), QStringLiteral("RSA 2048")} << 0 << 0
        << QStringList();
    QTest::newRow("JWK with surrounding whitespace")
        << QByteArray("\n  ") + ec + QByteArray("\n\n") << QStringLiteral("JWK")
        << QStringList {QStringLiteral("EC P-256")} << 0 << 0 << QStringList();
    if (m_openssl.isEmpty())
        return;
    const QByteArray leafPub = file(QStringLiteral("leaf.pub.pem"));
    const QByteArray leafCert = file(QStringLiteral("leaf.pem"));
    const QByteArray caCert = file(QStringLiteral("ca.pem"));
    const QByteArray rsaCert = file(QStringLiteral("rsa.pem"));
    QTest::newRow("PEM SPKI") << leafPub << QStringLiteral("PEM") << QStringList {QStringLiteral("EC P-256")} << 0 << 0
                              << QStringList();
    // PEM keys have no kid, so two of them share the empty kid: a token cannot name either (duplicate_kid).
    QTest::newRow("PEM with two public keys")
        << leafPub + "\n" + file(QStringLiteral("rsa.pkcs1.pub.pem")) << QStringLiteral("PEM")
        << QStringList {QStringLiteral("EC P-256"), QStringLiteral("RSA 2048")} << 0 << 0
        << QStringList {QStringLiteral("duplicate_kid")};
    QTest::newRow("PEM private key (PKCS#8)")
        << file(QStringLiteral("leaf.key")) << QStringLiteral("PEM") << QStringList {QStringLiteral("EC P-256 private")}
        << 0 << 0 << QStringList {QStringLiteral("private_keys_in_set")};
    QTest::newRow("PEM EC PARAMETERS + SEC1 key") << file(QStringLiteral("ec384.sec1.pem")) << QStringLiteral("PEM")
                                                  << QStringList {QStringLiteral("EC P-384 private")} << 0 << 0
                                                  << QStringList {QStringLiteral("private_keys_in_set")};
    QTest::newRow("PEM certificate") << leafCert << QStringLiteral("PEM") << QStringList {QStringLiteral("EC P-256")}
                                     << 1 << 0 << QStringList();
    QTest::newRow("PEM certificate chain") << leafCert + caCert << QStringLiteral("PEM")
                                           << QStringList {QStringLiteral("EC P-256")} << 2 << 0 << QStringList();
    QTest::newRow("PEM with text around the blocks")
        << QByteArray("subject=CN = jwb-leaf\nissuer=CN = JWB Test CA\n") + leafCert
            + QByteArray("\nsome trailing words\n")
        << QStringLiteral("PEM") << QStringList {QStringLiteral("EC P-256")} << 1 << 0 << QStringList();
    QTest::newRow("PEM certificate, then a public key")
        << rsaCert + leafPub << QStringLiteral("PEM")
        << QStringList {QStringLiteral("RSA 2048"), QStringLiteral("EC P-256")} << 1 << 0
        << QStringList {QStringLiteral("duplicate_kid")};
    QTest::newRow("PEM with one broken block")
        << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n") + leafPub << QStringLiteral("PEM")
        << QStringList {QStringLiteral("EC P-256")} << 0 << 1 << QStringList {QStringLiteral("unusable_key")};
    QTest::newRow("DER SPKI") << file(QStringLiteral("leaf.spki.der")) << QStringLiteral("DER")
                              << QStringList {QStringLiteral("EC P-256")} << 0 << 0 << QStringList();
    QTest::newRow("DER PKCS#8") << file(QStringLiteral("leaf.p8.der")) << QStringLiteral("DER")
                                << QStringList {QStringLiteral("EC P-256 private")} << 0 << 0
                                << QStringList {QStringLiteral("private_keys_in_set")};
    QTest::newRow("DER PKCS#1 RSA public key") << file(QStringLiteral("rsa.pkcs1.der")) << QStringLiteral("DER")
                                               << QStringList {QStringLiteral("RSA 2048")} << 0 << 0 << QStringList();
    QTest::newRow("DER certificate") << file(QStringLiteral("leaf.der")) << QStringLiteral("DER")
                                     << QStringList {QStringLiteral("EC P-256")} << 1 << 0 << QStringList();
}

void TestJwk::loaderFormats()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, format);
    QFETCH(QStringList, descriptions);
    QFETCH(int, x5c);
    QFETCH(int, skipped);
    QFETCH(QStringList, codes);
    QVERIFY(!data.isEmpty());
    const auto set = KeyLoader::load(data);
    QVERIFY2(set.ok(), describe(set).constData());
    QCOMPARE(set->format, format);
    QStringList got;
    for (const auto &k : set->keys)
        got.append(k.key.description());
    QCOMPARE(got, descriptions);
    QCOMPARE(set->keys.first().x5c.size(), x5c);
    QCOMPARE(set->keys.first().json.value(QLatin1String("x5c")).toArray().size(), x5c);
    if (x5c > 0) {
        // The certificate's SHA-1 and SHA-256 are the key's x5t and x5t#S256 (key ids for those strategies).
        QCOMPARE(
            set->keys.first().x5t, QCryptographicHash::hash(set->keys.first().x5c.first(), QCryptographicHash::Sha1));
        QCOMPARE(set->keys.first().x5tS256,
            QCryptographicHash::hash(set->keys.first().x5c.first(), QCryptographicHash::Sha256));
    }
    QCOMPARE(set->skipped.size(), skipped);
    QCOMPARE(findingCodes(set->findings), codes);
    // Whatever came in, the JWK JSON describes the same key.
    for (const auto &k : set->keys) {
        const auto again = Jwk::fromJson(k.json);
        QVERIFY2(again.ok(), describe(again).constData());
        QVERIFY(again->key.samePublicKey(k.key));
    }
}

void TestJwk::loaderErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty_key");
    QTest::newRow("only whitespace") << QByteArray(" \n\t ") << QStringLiteral("empty_key");
    QTest::newRow("a password") << QByteArray("hunter2") << QStringLiteral("unknown_key_format");
    QTest::newRow("binary garbage") << QByteArray::fromHex("deadbeef00") << QStringLiteral("unknown_key_format");
    QTest::newRow("DER-looking garbage") << QByteArray::fromHex("3005020101ffff") << QStringLiteral("invalid_der");
    QTest::newRow("PEM with no key block")
        << QByteArray("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")
        << QStringLiteral("invalid_pem");
    QTest::newRow("PEM without END") << QByteArray("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n")
                                     << QStringLiteral("invalid_pem");
    QTest::newRow("broken JSON") << QByteArray("{\"kty\":") << QStringLiteral("invalid_json");
}

void TestJwk::loaderErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, code);
    const auto set = KeyLoader::load(data);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, code);
    QVERIFY(!set.error().message.isEmpty());
}

void TestJwk::loadFile()
{
    const QString path = m_dir.filePath(QStringLiteral("set.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {obj(kEcJwk)}}}).toJson());
    }
    const auto ok = KeyLoader::loadFile(path);
    QVERIFY2(ok.ok(), describe(ok).constData());
    QCOMPARE(ok->keys.size(), 1);

    const auto missing = KeyLoader::loadFile(m_dir.filePath(QStringLiteral("nope.pem")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("unreadable_file"));
    QVERIFY(missing.error().message.contains(QLatin1String("nope.pem")));

    const QString big = m_dir.filePath(QStringLiteral("big.pem"));
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4 * 1024 * 1024 + 1, 'A'));
    }
    const auto tooBig = KeyLoader::loadFile(big);
    QVERIFY(!tooBig.ok());
    QCOMPARE(tooBig.error().code, QStringLiteral("input_too_large"));

    // Errors from the content name the file.
    const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"kty":"RSA"})");
    }
    const auto badKey = KeyLoader::loadFile(bad);
    QVERIFY(!badKey.ok());
    QCOMPARE(badKey.error().code, QStringLiteral("invalid_jwk"));
    QVERIFY(badKey.error().message.contains(QLatin1String("bad.json")));
}

void TestJwk::secrets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<jwb::keys::SecretEncoding>("encoding");
    QTest::addColumn<QByteArray>("secret"); // expected bytes; empty when an error is expected
    QTest::addColumn<QString>("code");

    using E = jwb::keys::SecretEncoding;
    const QByteArray bytes = QByteArray::fromHex("fbff00017e7f80ffc3a9");
    QTest::newRow("utf8") << QByteArray("my-secret ü") << E::Utf8 << QByteArray("my-secret ü") << QString();
    QTest::newRow("utf8 keeps whitespace") << QByteArray(" spaced ") << E::Utf8 << QByteArray(" spaced ") << QString();
    QTest::newRow("base64") << bytes.toBase64() << E::Base64 << bytes << QString();
    QTest::newRow("base64 with newline") << bytes.toBase64() + "\n" << E::Base64 << bytes << QString();
    QTest::newRow("base64url") << bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                               << E::Base64Url << bytes << QString();
    QTest::newRow("base64url with padding")
        << bytes.toBase64(QByteArray::Base64UrlEncoding) << E::Base64Url << bytes << QString();
    QTest::newRow("hex lower") << bytes.toHex() << E::Hex << bytes << QString();
    QTest::newRow("hex upper") << bytes.toHex().toUpper() << E::Hex << bytes << QString();
    QTest::newRow("hex odd length") << QByteArray("abc") << E::Hex << QByteArray() << QStringLiteral("invalid_secret");
    QTest::newRow("hex with a non-digit")
        << QByteArray("abzz") << E::Hex << QByteArray() << QStringLiteral("invalid_secret");
    QTest::newRow("base64 invalid") << QByteArray("!!notbase64!!") << E::Base64 << QByteArray()
                                    << QStringLiteral("invalid_secret");
    QTest::newRow("base64url invalid") << QByteArray("a*b") << E::Base64Url << QByteArray()
                                       << QStringLiteral("invalid_secret");
    QTest::newRow("empty utf8") << QByteArray() << E::Utf8 << QByteArray() << QStringLiteral("empty_secret");
    QTest::newRow("empty hex") << QByteArray() << E::Hex << QByteArray() << QStringLiteral("empty_secret");
}

void TestJwk::secrets()
{
    QFETCH(QByteArray, text);
    QFETCH(jwb::keys::SecretEncoding, encoding);
    QFETCH(QByteArray, secret);
    QFETCH(QString, code);
    const auto set = KeyLoader::fromSecret(text, encoding);
    if (!code.isEmpty()) {
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, code);
        return;
    }
    QVERIFY2(set.ok(), describe(set).constData());
    QCOMPARE(set->format, QStringLiteral("secret"));
    QCOMPARE(set->keys.size(), 1);
    const auto &k = set->keys.first();
    QCOMPARE(k.key.type(), jwb::crypto::KeyType::Oct);
    QCOMPARE(k.key.secret().toHex(), secret.toHex());
    QCOMPARE(k.key.bits(), static_cast<int>(secret.size() * 8));
    QVERIFY(k.kid.isEmpty());
    QCOMPARE(k.json.value(QLatin1String("k")).toString(), b64u(secret));
}

void TestJwk::secretEncodingNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("encoding"); // -1: usage error
    QTest::newRow("utf8") << QStringLiteral("utf8") << static_cast<int>(jwb::keys::SecretEncoding::Utf8);
    QTest::newRow("utf-8") << QStringLiteral("utf-8") << static_cast<int>(jwb::keys::SecretEncoding::Utf8);
    QTest::newRow("default") << QString() << static_cast<int>(jwb::keys::SecretEncoding::Utf8);
    QTest::newRow("base64") << QStringLiteral("base64") << static_cast<int>(jwb::keys::SecretEncoding::Base64);
    QTest::newRow("base64url") << QStringLiteral("base64url") << static_cast<int>(jwb::keys::SecretEncoding::Base64Url);
    QTest::newRow("hex") << QStringLiteral("hex") << static_cast<int>(jwb::keys::SecretEncoding::Hex);
    QTest::newRow("latin1") << QStringLiteral("latin1") << -1;
    QTest::newRow("HEX is case-sensitive") << QStringLiteral("HEX") << -1;
}

void TestJwk::secretEncodingNames()
{
    QFETCH(QString, name);
    QFETCH(int, encoding);
    const auto e = KeyLoader::encodingFromName(name);
    if (encoding < 0) {
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("usage"));
        QVERIFY(e.error().message.contains(name));
    } else {
        QVERIFY(e.ok());
        QCOMPARE(static_cast<int>(e.value()), encoding);
    }
}

QTEST_GUILESS_MAIN(TestJwk)
#include "tst_jwk.moc"
