// `jwt-workbench-cli keygen`, `sign`, `verify`, `key convert` and `key thumbprint`, run as real processes
// (docs/cli.md): keys for all 16 algorithms in jwk/jwks/pem, --kid-thumbprint, sign→verify round trips, the
// exit codes (0 valid, 1 invalid, 2 malformed input or usage), the `verify --json` document, key conversion
// round trips and when --private is needed, --batch counts, and that no private material is printed unless
// asked for.
#include "ProcessRun.h"
#include "TestData.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

using jwb::test::Run;
using jwb::test::runCli;

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out.append(QString::fromUtf8(a));
    return out;
}

const QStringList kAlgs
    = {QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512"), QStringLiteral("RS256"),
        QStringLiteral("RS384"), QStringLiteral("RS512"), QStringLiteral("PS256"), QStringLiteral("PS384"),
        QStringLiteral("PS512"), QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512"),
        QStringLiteral("EdDSA"), QStringLiteral("ES256K"), QStringLiteral("Ed25519"), QStringLiteral("Ed448")};

bool isHmac(const QString &alg)
{
    return alg.startsWith(u"HS");
}

QString ktyFor(const QString &alg)
{
    return isHmac(alg)                                   ? QStringLiteral("oct")
        : alg.startsWith(u"RS") || alg.startsWith(u"PS") ? QStringLiteral("RSA")
        : alg.startsWith(u"ES")                          ? QStringLiteral("EC")
                                                         : QStringLiteral("OKP");
}

QByteArray flipLastSignatureChar(const QByteArray &token)
{
    QByteArray t = token;
    // Change a character in the middle of the signature segment (the last character may carry unused bits).
    const qsizetype sigStart = t.lastIndexOf('.') + 1;
    const qsizetype i = sigStart + (t.size() - sigStart) / 2;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    return t;
}

} // namespace

class TestCliKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keygen_data();
    void keygen();
    void keygenRefusals_data();
    void keygenRefusals();
    void keygenEcdh_data();
    void keygenEcdh();
    void kidThumbprint_data();
    void kidThumbprint();
    void signVerify_data();
    void signVerify();
    void expiry();
    void verifyJson();
    void inputErrors_data();
    void inputErrors();
    void convert_data();
    void convert();
    void convertNeedsPrivate_data();
    void convertNeedsPrivate();
    void batch();
    void noPrivateMaterial();
    void outFileModes_data();
    void outFileModes();

private:
    QString write(const QString &name, const QByteArray &data);
    /// A private key for `alg` (generated once per key family and cached as a JWK file).
    QString privateKey(const QString &alg);

    QTemporaryDir m_dir;
    QHash<QString, QString> m_keys;
};

void TestCliKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(jwb::test::cliPath()), qPrintable(jwb::test::cliPath()));
}

QString TestCliKeys::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QString TestCliKeys::privateKey(const QString &alg)
{
    if (!m_keys.contains(alg)) {
        const Run r = runCli({QStringLiteral("keygen"), QStringLiteral("--alg"), alg, QStringLiteral("--kid"),
            QStringLiteral("k-") + alg});
        m_keys.insert(alg, r.exitCode == 0 ? write(alg + QStringLiteral(".private.jwk"), r.out) : QString());
    }
    return m_keys.value(alg);
}

void TestCliKeys::keygen_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("publicOnly");
    for (const QString &alg : kAlgs)
        for (const char *format : {"jwk", "jwks", "pem"})
            if (!(isHmac(alg) && qstrcmp(format, "pem") == 0))
                QTest::addRow("%s %s", qPrintable(alg), format) << alg << QString::fromLatin1(format) << false;
    for (const char *alg : {"RS256", "ES384", "EdDSA"}) {
        QTest::addRow("%s jwk --public", alg) << QString::fromLatin1(alg) << QStringLiteral("jwk") << true;
        QTest::addRow("%s pem --public", alg) << QString::fromLatin1(alg) << QStringLiteral("pem") << true;
    }
}

void TestCliKeys::keygen()
{
    QFETCH(QString, alg);
    QFETCH(QString, format);
    QFETCH(bool, publicOnly);
    QStringList a {QStringLiteral("keygen"), QStringLiteral("--alg"), alg, QStringLiteral("--format"), format,
        QStringLiteral("--kid"), QStringLiteral("test-kid")};
    if (publicOnly)
        a.append(QStringLiteral("--public"));
    const Run r = runCli(a);
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    if (format == u"pem") {
        QVERIFY2(r.out.startsWith(publicOnly ? "-----BEGIN PUBLIC KEY-----" : "-----BEGIN PRIVATE KEY-----"),
            r.out.constData());
        QVERIFY(r.out.trimmed().endsWith(publicOnly ? "-----END PUBLIC KEY-----" : "-----END PRIVATE KEY-----"));
    } else {
        QVERIFY2(r.jsonOk, r.describe().constData());
        QJsonObject jwk = r.json;
        if (format == u"jwks") {
            const QJsonArray keys = r.json.value(QLatin1String("keys")).toArray();
            QCOMPARE(keys.size(), 1);
            jwk = keys.first().toObject();
        }
        QCOMPARE(jwk.value(QLatin1String("kty")).toString(), ktyFor(alg));
        QCOMPARE(jwk.value(QLatin1String("alg")).toString(), alg);
        QCOMPARE(jwk.value(QLatin1String("use")).toString(), QStringLiteral("sig"));
        QCOMPARE(jwk.value(QLatin1String("kid")).toString(), QStringLiteral("test-kid"));
        if (isHmac(alg)) {
            // A secret as long as the hash output (RFC 7518 §3.2), base64url without padding.
            const QString k = jwk.value(QLatin1String("k")).toString();
            QVERIFY(!k.contains(u'=') && !k.contains(u'+') && !k.contains(u'/'));
            QCOMPARE(
                QByteArray::fromBase64(k.toLatin1(), QByteArray::Base64UrlEncoding).size() * 8, alg.mid(2).toInt());
        } else {
            QCOMPARE(jwk.contains(QLatin1String("d")), !publicOnly);
            if (ktyFor(alg) == u"EC")
                QCOMPARE(jwk.value(QLatin1String("crv")).toString(),
                    alg == u"ES256"        ? QStringLiteral("P-256")
                        : alg == u"ES384"  ? QStringLiteral("P-384")
                        : alg == u"ES256K" ? QStringLiteral("secp256k1")
                                           : QStringLiteral("P-521"));
            if (ktyFor(alg) == u"OKP")
                QCOMPARE(jwk.value(QLatin1String("crv")).toString(),
                    alg == u"Ed448" ? QStringLiteral("Ed448") : QStringLiteral("Ed25519"));
            if (ktyFor(alg) == u"RSA")
                QCOMPARE(QByteArray::fromBase64(
                             jwk.value(QLatin1String("n")).toString().toLatin1(), QByteArray::Base64UrlEncoding)
                             .size(),
                    256);
        }
    }
    // What keygen printed is a key the CLI reads back.
    const QString path = write(QStringLiteral("keygen.%1").arg(format), r.out);
    const Run tp = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), path});
    QVERIFY2(tp.exitCode == 0, tp.describe().constData());
    QCOMPARE(tp.out.trimmed().size(), 43);
}

void TestCliKeys::keygenRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::newRow("alg none") << args({"keygen", "--alg", "none", "--json"}) << QStringLiteral("usage");
    QTest::newRow("unknown alg") << args({"keygen", "--alg", "RS1", "--json"}) << QStringLiteral("usage");
    QTest::newRow("RSA of 1024 bits") << args({"keygen", "--alg", "RS256", "--bits", "1024", "--json"})
                                      << QStringLiteral("invalid_size");
    QTest::newRow("HS512 secret of 256 bits")
        << args({"keygen", "--alg", "HS512", "--bits", "256", "--json"}) << QStringLiteral("invalid_size");
    QTest::newRow("a secret as PEM") << args({"keygen", "--alg", "HS256", "--format", "pem", "--json"})
                                     << QStringLiteral("usage");
    QTest::newRow("a secret's public part")
        << args({"keygen", "--alg", "HS256", "--public", "--json"}) << QStringLiteral("usage");
    QTest::newRow("kid and kid-thumbprint")
        << args({"keygen", "--alg", "ES256", "--kid", "a", "--kid-thumbprint", "--json"}) << QStringLiteral("usage");
    QTest::newRow("unknown format") << args({"keygen", "--alg", "ES256", "--format", "der", "--json"})
                                    << QStringLiteral("usage");
    QTest::newRow("ECDH-ES on Ed25519") << args({"keygen", "--alg", "ECDH-ES", "--crv", "Ed25519", "--json"})
                                        << QStringLiteral("usage");
    QTest::newRow("ES256 on X25519") << args({"keygen", "--alg", "ES256", "--crv", "X25519", "--json"})
                                     << QStringLiteral("usage");
    QTest::newRow("unknown curve") << args({"keygen", "--crv", "P-999", "--json"}) << QStringLiteral("usage");
}

void TestCliKeys::keygenRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    const Run r = runCli(arguments);
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), code);
    QVERIFY(!r.err.isEmpty());
}

void TestCliKeys::keygenEcdh_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("kty");
    QTest::addColumn<QString>("crv");
    QTest::addColumn<QString>("alg");
    QTest::newRow("--crv X25519 alone") << args({"keygen", "--crv", "X25519"}) << QStringLiteral("OKP")
                                        << QStringLiteral("X25519") << QStringLiteral("ECDH-ES");
    QTest::newRow("ECDH-ES X448") << args({"keygen", "--alg", "ECDH-ES", "--crv", "X448"}) << QStringLiteral("OKP")
                                  << QStringLiteral("X448") << QStringLiteral("ECDH-ES");
    QTest::newRow("ECDH-ES default P-256") << args({"keygen", "--alg", "ECDH-ES"}) << QStringLiteral("EC")
                                           << QStringLiteral("P-256") << QStringLiteral("ECDH-ES");
    QTest::newRow("ECDH-ES+A256KW P-384")
        << args({"keygen", "--alg", "ECDH-ES+A256KW", "--crv", "P-384"}) << QStringLiteral("EC")
        << QStringLiteral("P-384") << QStringLiteral("ECDH-ES+A256KW");
    QTest::newRow("ECDH-ES P-521") << args({"keygen", "--alg", "ECDH-ES", "--crv", "P-521"}) << QStringLiteral("EC")
                                   << QStringLiteral("P-521") << QStringLiteral("ECDH-ES");
}

// ECDH-ES keys for JWE: use "enc", the curve asked; key convert and key thumbprint read them back.
void TestCliKeys::keygenEcdh()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, kty);
    QFETCH(QString, crv);
    QFETCH(QString, alg);
    const Run r = runCli(arguments + QStringList {QStringLiteral("--kid-thumbprint")});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QLatin1String("kty")).toString(), kty);
    QCOMPARE(r.json.value(QLatin1String("crv")).toString(), crv);
    QCOMPARE(r.json.value(QLatin1String("alg")).toString(), alg);
    QCOMPARE(r.json.value(QLatin1String("use")).toString(), QStringLiteral("enc"));
    QVERIFY(r.json.contains(QLatin1String("d")));
    const QString kid = r.json.value(QLatin1String("kid")).toString();
    const QString path = write(QStringLiteral("ecdh.json"), r.out);
    const Run tp = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), path});
    QVERIFY2(tp.exitCode == 0, tp.describe().constData());
    QCOMPARE(QString::fromLatin1(tp.out.trimmed()), kid);
    const Run pem = runCli({QStringLiteral("key"), QStringLiteral("convert"), path, QStringLiteral("--to"),
        QStringLiteral("pem"), QStringLiteral("--private")});
    QVERIFY2(pem.exitCode == 0 && pem.out.startsWith("-----BEGIN PRIVATE KEY-----"), pem.describe().constData());
    const Run back = runCli({QStringLiteral("key"), QStringLiteral("convert"),
        write(QStringLiteral("ecdh.pem"), pem.out), QStringLiteral("--to"), QStringLiteral("jwk")});
    QVERIFY2(back.exitCode == 0 && back.jsonOk, back.describe().constData());
    QCOMPARE(back.json.value(QLatin1String("x")), r.json.value(QLatin1String("x")));
    QVERIFY(!back.json.contains(QLatin1String("d")));
    const Run tpPem
        = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), write(QStringLiteral("ecdh.pem"), pem.out)});
    QCOMPARE(QString::fromLatin1(tpPem.out.trimmed()), kid);
}

void TestCliKeys::kidThumbprint_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("format");
    for (const char *alg : {"HS256", "RS256", "ES256", "ES512", "EdDSA", "ES256K", "Ed448"})
        QTest::addRow("%s", alg) << QString::fromLatin1(alg) << QStringLiteral("jwk");
    QTest::newRow("ES384 jwks") << QStringLiteral("ES384") << QStringLiteral("jwks");
}

void TestCliKeys::kidThumbprint()
{
    QFETCH(QString, alg);
    QFETCH(QString, format);
    const Run gen = runCli({QStringLiteral("keygen"), QStringLiteral("--alg"), alg, QStringLiteral("--kid-thumbprint"),
        QStringLiteral("--format"), format});
    QVERIFY2(gen.exitCode == 0 && gen.jsonOk, gen.describe().constData());
    const QJsonObject jwk
        = format == u"jwks" ? gen.json.value(QLatin1String("keys")).toArray().first().toObject() : gen.json;
    const QString kid = jwk.value(QLatin1String("kid")).toString();
    QCOMPARE(kid.size(), 43); // SHA-256, base64url without padding
    const QString path = write(QStringLiteral("tp.json"), gen.out);
    const Run tp = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), path});
    QVERIFY2(tp.exitCode == 0, tp.describe().constData());
    QCOMPARE(QString::fromLatin1(tp.out.trimmed()), kid);
    // The public key has the same thumbprint; other hashes are longer.
    const Run json = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), path, QStringLiteral("--json")});
    QVERIFY(json.jsonOk);
    QCOMPARE(json.json.value(QLatin1String("keys"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("thumbprint"))
                 .toString(),
        kid);
    const Run sha512 = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), path, QStringLiteral("--hash"),
        QStringLiteral("sha512")});
    QCOMPARE(sha512.out.trimmed().size(), 86);
    if (!isHmac(alg)) {
        const Run pub = runCli(
            {QStringLiteral("key"), QStringLiteral("convert"), path, QStringLiteral("--to"), QStringLiteral("pem")});
        QVERIFY2(pub.exitCode == 0, pub.describe().constData());
        const Run pubTp = runCli(
            {QStringLiteral("key"), QStringLiteral("thumbprint"), write(QStringLiteral("tp.pub.pem"), pub.out)});
        QCOMPARE(QString::fromLatin1(pubTp.out.trimmed()), kid);
    }
}

void TestCliKeys::signVerify_data()
{
    QTest::addColumn<QString>("alg");
    for (const QString &alg : kAlgs)
        QTest::newRow(qPrintable(alg)) << alg;
}

void TestCliKeys::signVerify()
{
    QFETCH(QString, alg);
    const QString priv = privateKey(alg);
    QVERIFY(!priv.isEmpty());
    const Run sign = runCli(
        {QStringLiteral("sign"), QStringLiteral("--key"), priv, QStringLiteral("--alg"), alg, QStringLiteral("--exp"),
            QStringLiteral("1h"), QStringLiteral("--iat"), QStringLiteral(R"({"sub":"alice","aud":"api"})")});
    QVERIFY2(sign.exitCode == 0, sign.describe().constData());
    const QByteArray token = sign.out.trimmed();
    QCOMPARE(token.count('.'), 2);

    // The verifier's key: the public half for asymmetric keys, the secret (which needs --private) for HMAC.
    QStringList convert {
        QStringLiteral("key"), QStringLiteral("convert"), priv, QStringLiteral("--to"), QStringLiteral("jwk")};
    if (isHmac(alg))
        convert.append(QStringLiteral("--private"));
    const Run pub = runCli(convert);
    QVERIFY2(pub.exitCode == 0 && pub.jsonOk, pub.describe().constData());
    QCOMPARE(pub.json.contains(QLatin1String("d")), false);
    const QString pubPath = write(alg + QStringLiteral(".verify.jwk"), pub.out);

    const Run ok = runCli({QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--key"), pubPath,
        QStringLiteral("--alg"), alg, QStringLiteral("--aud"), QStringLiteral("api"), QStringLiteral("--json")});
    QVERIFY2(ok.exitCode == 0, ok.describe().constData());
    QCOMPARE(ok.json.value(QLatin1String("valid")).toBool(), true);
    QCOMPARE(ok.json.value(QLatin1String("alg")).toString(), alg);
    QCOMPARE(ok.json.value(QLatin1String("key")).toObject().value(QLatin1String("kid")).toString(),
        QStringLiteral("k-") + alg);

    // The token from stdin, in an Authorization header line, also verifies.
    const Run stdinRun = runCli({QStringLiteral("verify"), QStringLiteral("-"), QStringLiteral("--key"), pubPath},
        "Authorization: Bearer " + token + "\n");
    QVERIFY2(stdinRun.exitCode == 0, stdinRun.describe().constData());

    // One character of the signature changed: exit 1, and the signature check says why.
    const Run bad = runCli({QStringLiteral("verify"), QString::fromLatin1(flipLastSignatureChar(token)),
        QStringLiteral("--key"), pubPath, QStringLiteral("--json")});
    QVERIFY2(bad.exitCode == 1, bad.describe().constData());
    QCOMPARE(bad.json.value(QLatin1String("valid")).toBool(), false);
    bool signatureFailed = false;
    const QJsonArray checks = bad.json.value(QLatin1String("checks")).toArray();
    for (const auto &c : checks)
        if (c.toObject().value(QLatin1String("name")).toString() == u"signature")
            signatureFailed = !c.toObject().value(QLatin1String("ok")).toBool();
    QVERIFY(signatureFailed);

    // The wrong --alg is a negative verdict, not an error.
    const QString other = isHmac(alg) ? QStringLiteral("ES256") : QStringLiteral("HS256");
    const Run wrongAlg = runCli({QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--key"), pubPath,
        QStringLiteral("--alg"), other});
    QVERIFY2(wrongAlg.exitCode == 1, wrongAlg.describe().constData());
    QVERIFY(wrongAlg.out.contains("INVALID"));

    // Secrets can also be given on the command line, in any encoding.
    if (isHmac(alg)) {
        const QString k = pub.json.value(QLatin1String("k")).toString();
        const Run secret = runCli({QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--secret"), k,
            QStringLiteral("--secret-encoding"), QStringLiteral("base64url")});
        QVERIFY2(secret.exitCode == 0, secret.describe().constData());
        const QByteArray raw = QByteArray::fromBase64(k.toLatin1(), QByteArray::Base64UrlEncoding);
        const Run hex = runCli({QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--secret"),
            QString::fromLatin1(raw.toHex()), QStringLiteral("--secret-encoding"), QStringLiteral("hex")});
        QVERIFY2(hex.exitCode == 0, hex.describe().constData());
        const Run wrong = runCli({QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--secret"),
            QString::fromLatin1(raw.toHex()), QStringLiteral("--secret-encoding"), QStringLiteral("utf8")});
        QVERIFY2(wrong.exitCode == 1, wrong.describe().constData());
    }
}

void TestCliKeys::expiry()
{
    const QString priv = privateKey(QStringLiteral("ES256"));
    // Signed as of 2020-01-01 with a one-hour lifetime.
    const Run sign = runCli({QStringLiteral("sign"), QStringLiteral("--key"), priv, QStringLiteral("--alg"),
        QStringLiteral("ES256"), QStringLiteral("--at"), QStringLiteral("2020-01-01T00:00:00Z"),
        QStringLiteral("--exp"), QStringLiteral("1h"), QStringLiteral("--json")});
    QVERIFY2(sign.exitCode == 0 && sign.jsonOk, sign.describe().constData());
    QCOMPARE(sign.json.value(QLatin1String("payload")).toObject().value(QLatin1String("exp")).toInteger(),
        1577836800 + 3600);
    const QString token = sign.json.value(QLatin1String("token")).toString();
    const QStringList base {QStringLiteral("verify"), token, QStringLiteral("--key"), priv, QStringLiteral("--json")};

    const Run now = runCli(base);
    QVERIFY2(now.exitCode == 1, now.describe().constData());
    const QJsonArray checks = now.json.value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.last().toObject().value(QLatin1String("name")).toString(), QStringLiteral("exp"));
    QCOMPARE(checks.last().toObject().value(QLatin1String("ok")).toBool(), false);

    const Run inTime = runCli(QStringList(base) << QStringLiteral("--at") << QStringLiteral("2020-01-01T00:59:59Z"));
    QVERIFY2(inTime.exitCode == 0, inTime.describe().constData());
    const Run atExp = runCli(QStringList(base) << QStringLiteral("--at") << QStringLiteral("1577840400"));
    QVERIFY2(atExp.exitCode == 1, atExp.describe().constData());
    const Run leeway = runCli(QStringList(base) << QStringLiteral("--at") << QStringLiteral("1577840400")
                                                << QStringLiteral("--leeway") << QStringLiteral("1m"));
    QVERIFY2(leeway.exitCode == 0, leeway.describe().constData());
}

void TestCliKeys::verifyJson()
{
    const QString priv = privateKey(QStringLiteral("PS256"));
    const Run sign = runCli({QStringLiteral("sign"), QStringLiteral("--key"), priv, QStringLiteral("--alg"),
        QStringLiteral("PS256"), QStringLiteral("--exp"), QStringLiteral("10m"), QStringLiteral(R"({"iss":"me"})")});
    QVERIFY2(sign.exitCode == 0, sign.describe().constData());
    const Run r = runCli({QStringLiteral("verify"), QString::fromLatin1(sign.out.trimmed()), QStringLiteral("--key"),
        priv, QStringLiteral("--iss"), QStringLiteral("me"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QLatin1String("valid")), QJsonValue(true));
    QCOMPARE(r.json.value(QLatin1String("alg")), QJsonValue(QStringLiteral("PS256")));
    const QJsonObject key = r.json.value(QLatin1String("key")).toObject();
    QCOMPARE(key.value(QLatin1String("kid")).toString(), QStringLiteral("k-PS256"));
    QCOMPARE(key.value(QLatin1String("kty")).toString(), QStringLiteral("RSA"));
    const Run tp = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), priv});
    QCOMPARE(key.value(QLatin1String("thumbprint")).toString(), QString::fromLatin1(tp.out.trimmed()));
    const QJsonArray checks = r.json.value(QLatin1String("checks")).toArray();
    QStringList names;
    for (const auto &c : checks) {
        const QJsonObject o = c.toObject();
        QVERIFY(o.value(QLatin1String("name")).isString());
        QCOMPARE(o.value(QLatin1String("ok")), QJsonValue(true));
        QVERIFY(!o.value(QLatin1String("message")).toString().isEmpty());
        names.append(o.value(QLatin1String("name")).toString());
    }
    QCOMPARE(names, QString::fromLatin1("parse alg key key_use signature claim_types iss exp").split(u' '));
    QVERIFY(r.json.value(QLatin1String("findings")).isArray());
    // The text form says the same.
    const Run text
        = runCli({QStringLiteral("verify"), QString::fromLatin1(sign.out.trimmed()), QStringLiteral("--key"), priv});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.startsWith("VALID"));
    QVERIFY(text.out.contains(tp.out.trimmed()));
}

void TestCliKeys::inputErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("keyFile"); // written to key.txt; "{KEY}" in arguments is replaced by its path
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");

    const QByteArray good = R"({"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg"})";
    QTest::newRow("malformed token") << args({"verify", "abc.def", "--key", "{KEY}", "--json"}) << good << 2
                                     << QString();
    QTest::newRow("token with a bad character")
        << args({"verify", "eyJhbGciOiJIUzI1NiJ9.e30.a*b", "--key", "{KEY}", "--json"}) << good << 2 << QString();
    QTest::newRow("malformed JWK") << args({"verify", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "--key", "{KEY}", "--json"})
                                   << QByteArray(R"({"kty":"RSA","n":"AQAB"})") << 2 << QStringLiteral("invalid_jwk");
    QTest::newRow("truncated PEM")
        << args({"verify", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "--key", "{KEY}", "--json"})
        << QByteArray("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n")
        << 2 << QStringLiteral("invalid_pem");
    QTest::newRow("not a key") << args({"verify", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "--key", "{KEY}", "--json"})
                               << QByteArray("hello") << 2 << QStringLiteral("unknown_key_format");
    QTest::newRow("missing key file") << args(
        {"verify", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "--key", "/nonexistent/key.pem", "--json"})
                                      << good << 2 << QStringLiteral("unreadable_file");
    QTest::newRow("no key source") << args({"verify", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "--json"}) << good << 2
                                   << QStringLiteral("usage");
    QTest::newRow("--alg none") << args({"verify", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "--key", "{KEY}", "--alg", "none",
        "--json"}) << good << 2 << QStringLiteral("usage");
    QTest::newRow("sign with a public key")
        << args({"sign", "--key", "{KEY}", "--alg", "ES256", "--json"})
        << QByteArray(
               R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"})")
        << 2 << QStringLiteral("key_not_private");
    QTest::newRow("sign HS256 with an EC key")
        << args({"sign", "--key", "{KEY}", "--alg", "HS256", "--json"})
        << QByteArray(
               R"({"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","d":"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE"})")
        << 2 << QStringLiteral("key_algorithm_mismatch");
    QTest::newRow("sign alg none") << args({"sign", "--key", "{KEY}", "--alg", "none", "--json"}) << good << 2
                                   << QStringLiteral("usage");
    QTest::newRow("sign with a kid the set lacks")
        << args({"sign", "--key", "{KEY}", "--alg", "HS256", "--kid", "nope", "--json"})
        << QByteArray(
               R"({"keys":[{"kty":"oct","kid":"a","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg"},{"kty":"oct","kid":"b","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYw"}]})")
        << 2 << QStringLiteral("unknown_kid");
    QTest::newRow("sign with bad claims") << args({"sign", "--key", "{KEY}", "--alg", "HS256", "--json", "[1]"}) << good
                                          << 2 << QStringLiteral("invalid_json");
}

void TestCliKeys::inputErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, keyFile);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    const QString keyPath = write(QStringLiteral("key.txt"), keyFile);
    arguments.replaceInStrings(QStringLiteral("{KEY}"), keyPath);
    const Run r = runCli(arguments);
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    const QJsonObject error = r.json.value(QLatin1String("error")).toObject();
    QVERIFY2(!error.value(QLatin1String("code")).toString().isEmpty(), r.describe().constData());
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    if (!code.isEmpty())
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(r.err.startsWith("error: "));
}

void TestCliKeys::convert_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QStringList>("chain"); // formats, in order, starting from the generated JWK
    QTest::addColumn<bool>("privateKey");
    const QStringList full {
        QStringLiteral("pem"), QStringLiteral("der"), QStringLiteral("jwks"), QStringLiteral("jwk")};
    for (const char *alg : {"RS256", "ES256", "ES384", "ES512", "EdDSA"}) {
        QTest::addRow("%s public jwk-pem-der-jwks-jwk", alg) << QString::fromLatin1(alg) << full << false;
        QTest::addRow("%s private jwk-pem-der-jwks-jwk", alg) << QString::fromLatin1(alg) << full << true;
    }
    QTest::newRow("HS256 private jwk-jwks-jwk")
        << QStringLiteral("HS256") << QStringList {QStringLiteral("jwks"), QStringLiteral("jwk")} << true;
}

void TestCliKeys::convert()
{
    QFETCH(QString, alg);
    QFETCH(QStringList, chain);
    QFETCH(bool, privateKey);
    const QString start = this->privateKey(alg);
    const Run tp0 = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), start});
    QVERIFY(tp0.exitCode == 0);
    QString current = start;
    int step = 0;
    for (const QString &to : chain) {
        QStringList a {QStringLiteral("key"), QStringLiteral("convert"), current, QStringLiteral("--to"), to};
        if (privateKey)
            a.append(QStringLiteral("--private"));
        const QString out = m_dir.filePath(QStringLiteral("convert-%1.%2").arg(++step).arg(to));
        a << QStringLiteral("--out") << out;
        const Run r = runCli(a);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(r.out.isEmpty()); // --out writes the file, not stdout
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        if (to == u"pem")
            QVERIFY2(data.startsWith(privateKey ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN PUBLIC KEY-----"),
                data.constData());
        else if (to == u"der")
            QCOMPARE(static_cast<unsigned char>(data.at(0)), 0x30);
        else {
            const QJsonObject o = QJsonDocument::fromJson(data).object();
            const QJsonObject jwk = to == u"jwks" ? o.value(QLatin1String("keys")).toArray().first().toObject() : o;
            QCOMPARE(jwk.value(QLatin1String("kty")).toString(), ktyFor(alg));
            QCOMPARE(jwk.contains(QLatin1String("d")) || jwk.contains(QLatin1String("k")), privateKey);
        }
        // Every step keeps the key: same RFC 7638 thumbprint.
        const Run tp = runCli({QStringLiteral("key"), QStringLiteral("thumbprint"), out});
        QVERIFY2(tp.exitCode == 0, tp.describe().constData());
        QCOMPARE(tp.out.trimmed(), tp0.out.trimmed());
        current = out;
    }
    // The end of the chain still signs (private) or verifies (public) what the original key makes.
    const Run sign = runCli(
        {QStringLiteral("sign"), QStringLiteral("--key"), privateKey ? current : start, QStringLiteral("--alg"), alg});
    QVERIFY2(sign.exitCode == 0, sign.describe().constData());
    const Run verify = runCli({QStringLiteral("verify"), QString::fromLatin1(sign.out.trimmed()),
        QStringLiteral("--key"), privateKey ? start : current});
    QVERIFY2(verify.exitCode == 0, verify.describe().constData());
}

void TestCliKeys::convertNeedsPrivate_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("withPrivate");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("secret to jwk without --private")
        << QStringLiteral("HS256") << QStringLiteral("jwk") << false << 2 << QStringLiteral("usage");
    QTest::newRow("secret to jwk with --private")
        << QStringLiteral("HS256") << QStringLiteral("jwk") << true << 0 << QString();
    QTest::newRow("secret to pem") << QStringLiteral("HS256") << QStringLiteral("pem") << true << 2
                                   << QStringLiteral("unsupported_format");
    QTest::newRow("secret to der") << QStringLiteral("HS256") << QStringLiteral("der") << true << 2
                                   << QStringLiteral("unsupported_format");
    QTest::newRow("public key with --private")
        << QStringLiteral("ES256-public") << QStringLiteral("jwk") << true << 2 << QStringLiteral("not_private");
    QTest::newRow("unknown target format")
        << QStringLiteral("ES256") << QStringLiteral("xml") << false << 2 << QStringLiteral("usage");
}

void TestCliKeys::convertNeedsPrivate()
{
    QFETCH(QString, alg);
    QFETCH(QString, to);
    QFETCH(bool, withPrivate);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QString key;
    if (alg == u"ES256-public") {
        const Run pub = runCli(
            {QStringLiteral("keygen"), QStringLiteral("--alg"), QStringLiteral("ES256"), QStringLiteral("--public")});
        key = write(QStringLiteral("pub.jwk"), pub.out);
    } else {
        key = privateKey(alg);
    }
    QStringList a {
        QStringLiteral("key"), QStringLiteral("convert"), key, QStringLiteral("--to"), to, QStringLiteral("--json")};
    if (withPrivate)
        a.append(QStringLiteral("--private"));
    const Run r = runCli(a);
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    if (exitCode == 0) {
        QVERIFY(r.json.contains(QLatin1String("k")));
        return;
    }
    QCOMPARE(r.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), code);
    QVERIFY(!r.out.contains("\"k\""));
}

void TestCliKeys::batch()
{
    const QString priv = privateKey(QStringLiteral("ES384"));
    QByteArrayList lines;
    for (int i = 0; i < 7; ++i) {
        const Run s = runCli(
            {QStringLiteral("sign"), QStringLiteral("--key"), priv, QStringLiteral("--alg"), QStringLiteral("ES384"),
                QStringLiteral("--exp"), QStringLiteral("1h"), QStringLiteral(R"({"n":%1})").arg(i)});
        QVERIFY2(s.exitCode == 0, s.describe().constData());
        lines.append(s.out.trimmed());
    }
    lines[2] = flipLastSignatureChar(lines[2]);
    lines[5] = "not-a-token";
    lines.insert(3, QByteArray()); // blank lines are not tokens
    const QString file = write(QStringLiteral("batch.txt"), lines.join('\n') + '\n');

    const Run r = runCli({QStringLiteral("verify"), QStringLiteral("--batch"), file, QStringLiteral("--key"), priv,
        QStringLiteral("--json"), QStringLiteral("--each")});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QLatin1String("total")).toInt(), 7);
    QCOMPARE(r.json.value(QLatin1String("valid")).toInt(), 5);
    QCOMPARE(r.json.value(QLatin1String("invalid")).toInt(), 2);
    QVERIFY(r.json.value(QLatin1String("seconds")).isDouble());
    // Streamed: the bytes read are the file's; the wall time includes reading.
    QCOMPARE(r.json.value(QLatin1String("bytes")).toInteger(), QFileInfo(file).size());
    QVERIFY(
        r.json.value(QLatin1String("wall_seconds")).toDouble() >= r.json.value(QLatin1String("seconds")).toDouble());
    const QJsonArray each = r.json.value(QLatin1String("results")).toArray();
    QCOMPARE(each.size(), 7);
    QCOMPARE(each[2].toObject().value(QLatin1String("valid")).toBool(), false);
    QVERIFY(each[2].toObject().value(QLatin1String("reason")).toString().startsWith(u"signature"));
    QCOMPARE(each[0].toObject().value(QLatin1String("valid")).toBool(), true);

    // Without --each: only the summary; all valid: exit 0.
    lines.removeAt(6); // "not-a-token" (index 6 since the blank line was inserted)
    lines.removeAt(2);
    const Run ok = runCli(
        {QStringLiteral("verify"), QStringLiteral("--batch"), write(QStringLiteral("batch-ok.txt"), lines.join('\n')),
            QStringLiteral("--key"), priv, QStringLiteral("--json")});
    QVERIFY2(ok.exitCode == 0, ok.describe().constData());
    QCOMPARE(ok.json.value(QLatin1String("total")).toInt(), 5);
    QCOMPARE(ok.json.value(QLatin1String("invalid")).toInt(), 0);
    QVERIFY(!ok.json.contains(QLatin1String("results")));
    // Text form.
    const Run text = runCli({QStringLiteral("verify"), QStringLiteral("--batch"), file, QStringLiteral("--key"), priv});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("7 tokens: 5 valid, 2 invalid"), text.out.constData());
    QVERIFY2(text.out.contains(" s with reading"), text.out.constData());
    // Results carry the file's line numbers (the blank line 4 is counted, not verified).
    QCOMPARE(each[3].toObject().value(QLatin1String("line")).toInt(), 5);

    // --jobs: the same counts on several threads, on a file large enough to be split between them.
    QByteArray big;
    for (int i = 0; i < 300; ++i)
        big += lines.join('\n') + "\nnot-a-token\n" + flipLastSignatureChar(lines[0]) + '\n';
    const QString bigFile = write(QStringLiteral("batch-big.txt"), big);
    for (const char *jobs : {"1", "2", "3"}) {
        const Run j = runCli({QStringLiteral("verify"), QStringLiteral("--batch"), bigFile, QStringLiteral("--key"),
            priv, QStringLiteral("--json"), QStringLiteral("--jobs"), QString::fromLatin1(jobs)});
        QVERIFY2(j.exitCode == 1, j.describe().constData());
        QCOMPARE(j.json.value(QLatin1String("total")).toInt(), 2100);
        QCOMPARE(j.json.value(QLatin1String("valid")).toInt(), 1500);
        QCOMPARE(j.json.value(QLatin1String("invalid")).toInt(), 600);
        // Only the 300 "not-a-token" lines needed the reference path; signatures that fail are decided fast too.
        QCOMPARE(j.json.value(QLatin1String("fast_path")).toInt(), 1800);
        QCOMPARE(j.json.value(QLatin1String("jobs")).toInt(), QByteArray(jobs).toInt());
    }
    const Run badJobs = runCli({QStringLiteral("verify"), QStringLiteral("--batch"), bigFile, QStringLiteral("--key"),
        priv, QStringLiteral("--jobs"), QStringLiteral("0")});
    QCOMPARE(badJobs.exitCode, 2);
    QVERIFY2(badJobs.err.contains("--jobs"), badJobs.describe().constData());
}

void TestCliKeys::noPrivateMaterial()
{
    // verify and key convert never print a private member unless --private is given.
    for (const char *alg : {"RS256", "ES256", "EdDSA", "HS256"}) {
        const QString alg_ = QString::fromLatin1(alg);
        const QString priv = privateKey(alg_);
        const Run sign = runCli({QStringLiteral("sign"), QStringLiteral("--key"), priv, QStringLiteral("--alg"), alg_});
        QVERIFY2(sign.exitCode == 0, sign.describe().constData());
        const QString token = QString::fromLatin1(sign.out.trimmed());
        for (const QStringList &a :
            {QStringList {QStringLiteral("verify"), token, QStringLiteral("--key"), priv, QStringLiteral("--json")},
                QStringList {QStringLiteral("verify"), token, QStringLiteral("--key"), priv},
                QStringList {QStringLiteral("verify"), QStringLiteral("x.y"), QStringLiteral("--key"), priv,
                    QStringLiteral("--json")},
                QStringList {QStringLiteral("key"), QStringLiteral("convert"), priv, QStringLiteral("--to"),
                    QStringLiteral("jwk")},
                QStringList {QStringLiteral("key"), QStringLiteral("convert"), priv, QStringLiteral("--to"),
                    QStringLiteral("jwks")},
                QStringList {QStringLiteral("key"), QStringLiteral("convert"), priv, QStringLiteral("--to"),
                    QStringLiteral("pem")},
                QStringList {QStringLiteral("key"), QStringLiteral("thumbprint"), priv, QStringLiteral("--json")}}) {
            const Run r = runCli(a);
            const QByteArray all = r.out + r.err;
            QVERIFY2(!all.contains("\"d\""), qPrintable(a.join(u' ') + u'\n' + QString::fromUtf8(r.describe())));
            QVERIFY2(!all.contains("\"k\""), qPrintable(a.join(u' ') + u'\n' + QString::fromUtf8(r.describe())));
            QVERIFY2(!all.contains("PRIVATE KEY"), qPrintable(a.join(u' ')));
        }
        // ... and with --private, convert does print it.
        const Run withPrivate = runCli({QStringLiteral("key"), QStringLiteral("convert"), priv, QStringLiteral("--to"),
            QStringLiteral("jwk"), QStringLiteral("--private")});
        QCOMPARE(withPrivate.exitCode, 0);
        QVERIFY(withPrivate.out.contains(isHmac(alg_) ? "\"k\"" : "\"d\""));
    }
}

namespace {
/// Runs the CLI with umask 0, the most permissive: whatever a file gets beyond 0666 less nothing is the tool's own.
Run runWithUmask0(const QStringList &cliArgs)
{
    QString script = QStringLiteral("umask 0; exec \"$0\" \"$@\"");
    return jwb::test::runProgram(
        QStringLiteral("/bin/sh"), QStringList {QStringLiteral("-c"), script, jwb::test::cliPath()} + cliArgs);
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}
} // namespace

void TestCliKeys::outFileModes_data()
{
    QTest::addColumn<QStringList>("cliArgs");
    QTest::addColumn<int>("mode");
    QTest::newRow("keygen private JWK") << args({"keygen", "--alg", "ES256"}) << 0600;
    QTest::newRow("keygen HMAC secret") << args({"keygen", "--alg", "HS256", "--format", "jwks"}) << 0600;
    QTest::newRow("keygen private PEM") << args({"keygen", "--alg", "EdDSA", "--format", "pem"}) << 0600;
    QTest::newRow("keygen --public") << args({"keygen", "--alg", "ES256", "--public"}) << 0666;
    QTest::newRow("key convert --private") << args({"key", "convert", "{KEY}", "--to", "pem", "--private"}) << 0600;
    QTest::newRow("key convert --private DER") << args({"key", "convert", "{KEY}", "--to", "der", "--private"}) << 0600;
    QTest::newRow("key convert (public)") << args({"key", "convert", "{KEY}", "--to", "jwks"}) << 0666;
}

void TestCliKeys::outFileModes()
{
    QFETCH(QStringList, cliArgs);
    QFETCH(int, mode);
    const QString key = privateKey(QStringLiteral("ES256"));
    QVERIFY(!key.isEmpty());
    cliArgs.replaceInStrings(QStringLiteral("{KEY}"), key);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');

    // A new file.
    const QString path = m_dir.filePath(tag + QStringLiteral(".out"));
    QFile::remove(path);
    Run r = runWithUmask0(cliArgs + QStringList {QStringLiteral("--out"), path});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(modeOf(path), mode);

    // Through a symbolic link to an existing world-readable file: the target gets the content (and, for private
    // material, 0600); the link stays a link and no file appears next to it.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("targets")));
    const QString target = m_dir.filePath(QStringLiteral("targets/") + tag);
    const QString link = m_dir.filePath(tag + QStringLiteral(".link"));
    QFile::remove(target);
    QFile::remove(link);
    QVERIFY(!write(QStringLiteral("targets/") + tag, "old").isEmpty());
    QCOMPARE(::chmod(QFile::encodeName(target).constData(), 0644), 0);
    QVERIFY(QFile::link(target, link));
    r = runWithUmask0(cliArgs + QStringList {QStringLiteral("--out"), link});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(QFileInfo(link).isSymLink());
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll() != "old");
    QCOMPARE(modeOf(target), mode == 0600 ? 0600 : 0644);
}

QTEST_GUILESS_MAIN(TestCliKeys)
#include "tst_cli_keys.moc"
