// `jwt-workbench-cli decrypt` and `encrypt` as a real process: the RFC 7520 section 5 cookbook JWEs
// (../shared/testvectors/jose-cookbook/jwe), round trips through every kind of key, sign-then-encrypt with the nested
// JWT verified, RSA1_5 refused for encryption and warned about on decryption, and the exit codes of docs/cli.md.
#include "ProcessRun.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using jwb::test::Run;
using jwb::test::runCli;

const QString kDir = QStringLiteral("testvectors/jose-cookbook/jwe/");

QJsonObject cookbook(const QString &file)
{
    return jwb::test::readJson(jwb::test::sharedPath(kDir + file)).object();
}

QStringList findingCodes(const QJsonObject &json)
{
    QStringList codes;
    for (const auto &f : json.value(QLatin1String("findings")).toArray())
        codes << f.toObject().value(QLatin1String("code")).toString();
    return codes;
}

} // namespace

class TestCliJwe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decryptCookbook_data();
    void decryptCookbook();
    void decryptFailures_data();
    void decryptFailures();
    void roundTrip_data();
    void roundTrip();
    void signThenEncrypt_data();
    void signThenEncrypt();
    void encryptRefuses_data();
    void encryptRefuses();

private:
    QString write(const QString &name, const QByteArray &data);
    QString keygen(const QString &alg, const QString &name);

    QTemporaryDir m_dir;
};

void TestCliJwe::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCliJwe::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QString TestCliJwe::keygen(const QString &alg, const QString &name)
{
    // "ALG" or "ALG:CRV" (an ECDH-ES key on a curve, e.g. ECDH-ES:X25519).
    QStringList args {QStringLiteral("keygen"), QStringLiteral("--alg"), alg.section(u':', 0, 0),
        QStringLiteral("--kid"), QString(name).replace(u':', u'-'), QStringLiteral("--format"), QStringLiteral("jwk")};
    if (alg.contains(u':'))
        args << QStringLiteral("--crv") << alg.section(u':', 1);
    const Run r = runCli(args);
    if (r.exitCode != 0)
        return {};
    return write(QString(name).replace(u':', u'-') + QStringLiteral(".jwk"), r.out);
}

void TestCliJwe::decryptCookbook_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("serialization");
    QTest::addColumn<QString>("how"); ///< "key", "jwks" (the key inside a set with another) or "password"
    QTest::addColumn<QString>("finding"); ///< a finding that must be in the output; empty: none needed
    QTest::newRow("5.1 RSA1_5") << QStringLiteral("5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json")
                                << QStringLiteral("compact") << QStringLiteral("key") << QStringLiteral("rsa1_5");
    QTest::newRow("5.2 RSA-OAEP general") << QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json")
                                          << QStringLiteral("json") << QStringLiteral("jwks") << QString();
    QTest::newRow("5.3 PBES2") << QStringLiteral("5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json")
                               << QStringLiteral("compact") << QStringLiteral("password") << QString();
    QTest::newRow("5.4 ECDH-ES+A128KW flattened")
        << QStringLiteral("5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json")
        << QStringLiteral("json_flat") << QStringLiteral("key") << QString();
    QTest::newRow("5.6 dir") << QStringLiteral("5_6.direct_encryption_using_aes-gcm.json") << QStringLiteral("compact")
                             << QStringLiteral("jwks") << QString();
    QTest::newRow("5.9 zip") << QStringLiteral("5_9.compressed_content.json") << QStringLiteral("compact")
                             << QStringLiteral("key") << QStringLiteral("zip_deflate");
}

void TestCliJwe::decryptCookbook()
{
    QFETCH(QString, file);
    QFETCH(QString, serialization);
    QFETCH(QString, how);
    QFETCH(QString, finding);
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json");
    const QJsonObject example = ::cookbook(file);
    const QJsonObject input = example.value(QLatin1String("input")).toObject();
    const QJsonValue out = example.value(QLatin1String("output")).toObject().value(serialization);
    const QByteArray jwe
        = out.isString() ? out.toString().toUtf8() : QJsonDocument(out.toObject()).toJson(QJsonDocument::Compact);
    QStringList args {QStringLiteral("decrypt"), QStringLiteral("-")};
    if (how == u"password") {
        args << QStringLiteral("--password") << input.value(QLatin1String("pwd")).toString();
    } else if (how == u"key") {
        args << QStringLiteral("--key")
             << write(QStringLiteral("k.jwk"), QJsonDocument(input.value(QLatin1String("key")).toObject()).toJson());
    } else {
        const QJsonObject other {{QStringLiteral("kty"), QStringLiteral("oct")},
            {QStringLiteral("kid"), QStringLiteral("x")},
            {QStringLiteral("k"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")}};
        const QJsonObject set {{QStringLiteral("keys"), QJsonArray {other, input.value(QLatin1String("key"))}}};
        args << QStringLiteral("--jwks") << write(QStringLiteral("set.jwks"), QJsonDocument(set).toJson());
    }
    const Run json = runCli(args + QStringList {QStringLiteral("--json")}, jwe);
    QVERIFY2(json.exitCode == 0, json.describe().constData());
    QVERIFY(json.jsonOk);
    QCOMPARE(json.json.value(QLatin1String("decrypted")).toBool(), true);
    QCOMPARE(json.json.value(QLatin1String("alg")).toString(), input.value(QLatin1String("alg")).toString());
    const QByteArray plaintext = input.value(QLatin1String("plaintext")).toString().toUtf8();
    const QJsonValue content = json.json.value(QLatin1String("content"));
    if (content.isString())
        QCOMPARE(content.toString().toUtf8(), plaintext);
    else
        QCOMPARE(content.toObject(), QJsonDocument::fromJson(plaintext).object());
    if (!finding.isEmpty())
        QVERIFY2(findingCodes(json.json).contains(finding), json.describe().constData());

    const Run text = runCli(args, jwe);
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY(text.out.startsWith("Protected header: {"));
    const QByteArray decryptedLine = "Decrypted: alg " + input.value(QLatin1String("alg")).toString().toUtf8();
    QVERIFY2(text.out.contains(decryptedLine), text.describe().constData());
    if (!content.isString()) // JSON content is indented
        QVERIFY(text.out.contains("\n    \""));
    else
        QVERIFY(text.out.contains(plaintext));
}

void TestCliJwe::decryptFailures_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("tamper"); ///< "tag", "ciphertext" or ""
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong key") << QStringList {QStringLiteral("--secret-encoding"), QStringLiteral("base64url"),
        QStringLiteral("--secret"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")}
                               << QByteArray() << 1 << QStringLiteral("decryption_failed");
    QTest::newRow("tag changed") << QStringList() << QByteArray("tag") << 1 << QStringLiteral("decryption_failed");
    QTest::newRow("ciphertext changed") << QStringList() << QByteArray("ciphertext") << 1
                                        << QStringLiteral("decryption_failed");
    QTest::newRow("other alg expected") << QStringList {QStringLiteral("--alg"), QStringLiteral("RSA-OAEP-256")}
                                        << QByteArray() << 1 << QStringLiteral("alg_not_allowed");
    QTest::newRow("unknown alg") << QStringList {QStringLiteral("--alg"), QStringLiteral("HS256")} << QByteArray() << 2
                                 << QStringLiteral("usage");
    QTest::newRow("not a JWE") << QStringList() << QByteArray("jws") << 2 << QStringLiteral("not_jwe");
}

void TestCliJwe::decryptFailures()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, tamper);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json");
    const QJsonObject example = ::cookbook(QStringLiteral("5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json"));
    QByteArray jwe
        = example.value(QLatin1String("output")).toObject().value(QLatin1String("compact")).toString().toUtf8();
    QList<QByteArray> parts = jwe.split('.');
    if (tamper == "tag" || tamper == "ciphertext") {
        QByteArray &s = parts[tamper == "tag" ? 4 : 3];
        s[2] = s[2] == 'A' ? 'B' : 'A';
        jwe = parts.join('.');
    } else if (tamper == "jws") {
        jwe = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl";
    }
    QStringList args {QStringLiteral("decrypt"), QString::fromUtf8(jwe), QStringLiteral("--json")};
    if (!extra.contains(QStringLiteral("--secret")))
        args << QStringLiteral("--key")
             << write(QStringLiteral("a128kw.jwk"),
                    QJsonDocument(
                        example.value(QLatin1String("input")).toObject().value(QLatin1String("key")).toObject())
                        .toJson());
    const Run r = runCli(args + extra);
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    QCOMPARE(r.errorCode(), code);
    QVERIFY(!r.json.value(QLatin1String("decrypted")).toBool()); // false, or absent for a usage error
    QVERIFY(!r.out.contains("\"content\"")); // nothing of the plaintext on failure
    if (code == u"decryption_failed") {
        // The same words whatever failed (no padding or tag oracle): compare with a changed tag.
        parts = example.value(QLatin1String("output"))
                    .toObject()
                    .value(QLatin1String("compact"))
                    .toString()
                    .toUtf8()
                    .split('.');
        parts[4][3] = parts[4][3] == 'A' ? 'B' : 'A';
        args[1] = QString::fromUtf8(parts.join('.'));
        const Run tag = runCli(args + extra);
        QCOMPARE(tag.errorMessage(), r.errorMessage());
    }
}

void TestCliJwe::roundTrip_data()
{
    QTest::addColumn<QString>("keyAlg"); ///< keygen --alg for the recipient's key; empty: a secret
    QTest::addColumn<QStringList>("encryptArgs");
    QTest::addColumn<QStringList>("decryptArgs");
    QTest::addColumn<QString>("serialization");
    const QString secret = QStringLiteral("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY"); // 32 bytes, base64url
    QTest::newRow("RSA-OAEP-256 A256GCM")
        << QStringLiteral("RS256") << QStringList {QStringLiteral("--alg"), QStringLiteral("RSA-OAEP-256")}
        << QStringList() << QStringLiteral("compact");
    QTest::newRow("ECDH-ES+A256KW general, zip")
        << QStringLiteral("ES256")
        << QStringList {QStringLiteral("--alg"), QStringLiteral("ECDH-ES+A256KW"), QStringLiteral("--zip"),
               QStringLiteral("--json-serialization"), QStringLiteral("general")}
        << QStringList() << QStringLiteral("general");
    QTest::newRow("X25519 ECDH-ES direct") << QStringLiteral("ECDH-ES:X25519")
                                           << QStringList {QStringLiteral("--alg"), QStringLiteral("ECDH-ES"),
                                                  QStringLiteral("--enc"), QStringLiteral("A128CBC-HS256")}
                                           << QStringList() << QStringLiteral("compact");
    QTest::newRow("X448 ECDH-ES+A128KW") << QStringLiteral("ECDH-ES:X448")
                                         << QStringList {QStringLiteral("--alg"), QStringLiteral("ECDH-ES+A128KW")}
                                         << QStringList() << QStringLiteral("compact");
    QTest::newRow("A256KW flattened") << QString()
                                      << QStringList {QStringLiteral("--alg"), QStringLiteral("A256KW"),
                                             QStringLiteral("--secret-encoding"), QStringLiteral("base64url"),
                                             QStringLiteral("--secret"), secret, QStringLiteral("--json-serialization"),
                                             QStringLiteral("flattened"), QStringLiteral("--enc"),
                                             QStringLiteral("A128CBC-HS256")}
                                      << QStringList {QStringLiteral("--secret-encoding"), QStringLiteral("base64url"),
                                             QStringLiteral("--secret"), secret}
                                      << QStringLiteral("flattened");
    QTest::newRow("PBES2") << QString()
                           << QStringList {QStringLiteral("--alg"), QStringLiteral("PBES2-HS256+A128KW"),
                                  QStringLiteral("--password"), QStringLiteral("correct horse"),
                                  QStringLiteral("--p2c"), QStringLiteral("1000")}
                           << QStringList {QStringLiteral("--password"), QStringLiteral("correct horse")}
                           << QStringLiteral("compact");
}

void TestCliJwe::roundTrip()
{
    QFETCH(QString, keyAlg);
    QFETCH(QStringList, encryptArgs);
    QFETCH(QStringList, decryptArgs);
    QFETCH(QString, serialization);
    if (!keyAlg.isEmpty()) {
        const QString key = keygen(keyAlg, QStringLiteral("recipient-") + keyAlg);
        QVERIFY(!key.isEmpty());
        encryptArgs << QStringLiteral("--key") << key;
        decryptArgs << QStringLiteral("--key") << key;
    }
    const QByteArray plaintext = "Attack at dawn \xe2\x80\x94 or not.";
    const Run enc = runCli(QStringList {QStringLiteral("encrypt"), QStringLiteral("--json")} + encryptArgs
        + QStringList {QString::fromUtf8(plaintext)});
    QVERIFY2(enc.exitCode == 0, enc.describe().constData());
    const QJsonValue token = enc.json.value(QLatin1String("token"));
    QCOMPARE(token.isString(), serialization == u"compact");
    if (serialization == u"general")
        QVERIFY(token.toObject().contains(QLatin1String("recipients")));
    if (serialization == u"flattened")
        QVERIFY(token.toObject().contains(QLatin1String("encrypted_key")));
    const QByteArray jwe = token.isString() ? token.toString().toUtf8() : QJsonDocument(token.toObject()).toJson();
    QVERIFY(!jwe.contains("Attack"));

    const Run dec = runCli(
        QStringList {QStringLiteral("decrypt"), QStringLiteral("-"), QStringLiteral("--json")} + decryptArgs, jwe);
    QVERIFY2(dec.exitCode == 0, dec.describe().constData());
    QCOMPARE(dec.json.value(QLatin1String("content")).toString().toUtf8(), plaintext);
    QCOMPARE(dec.json.value(QLatin1String("alg")).toString(), encryptArgs.at(encryptArgs.indexOf(u"--alg") + 1));
    QCOMPARE(dec.json.value(QLatin1String("compressed")).toBool(), encryptArgs.contains(QStringLiteral("--zip")));
}

void TestCliJwe::signThenEncrypt_data()
{
    QTest::addColumn<QString>("verifyWith"); ///< "signer", "other", "secret" or "" (none)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("signer's key") << QStringLiteral("signer") << 0 << QStringLiteral("valid");
    QTest::newRow("another key") << QStringLiteral("other") << 1 << QStringLiteral("invalid");
    QTest::newRow("not verified") << QString() << 0 << QStringLiteral("none");
}

void TestCliJwe::signThenEncrypt()
{
    QFETCH(QString, verifyWith);
    QFETCH(int, exitCode);
    QFETCH(QString, verdict);
    const QString signer = keygen(QStringLiteral("ES256"), QStringLiteral("signer"));
    const QString other = keygen(QStringLiteral("ES256"), QStringLiteral("other"));
    const QString recipient = keygen(QStringLiteral("RS256"), QStringLiteral("recipient"));
    QVERIFY(!signer.isEmpty() && !other.isEmpty() && !recipient.isEmpty());
    const Run enc = runCli({QStringLiteral("encrypt"), QStringLiteral("--key"), recipient, QStringLiteral("--alg"),
        QStringLiteral("RSA-OAEP-256"), QStringLiteral("--sign-key"), signer, QStringLiteral("--sign-alg"),
        QStringLiteral("ES256"), QStringLiteral("{\"sub\":\"bob\"}")});
    QVERIFY2(enc.exitCode == 0, enc.describe().constData());
    const QByteArray jwe = enc.out.trimmed();
    QCOMPARE(jwe.count('.'), 4);

    QStringList args {QStringLiteral("decrypt"), QString::fromUtf8(jwe), QStringLiteral("--key"), recipient};
    if (verifyWith == u"signer")
        args << QStringLiteral("--verify-key") << signer;
    else if (verifyWith == u"other")
        args << QStringLiteral("--verify-key") << other;
    const Run json = runCli(args + QStringList {QStringLiteral("--json")});
    QVERIFY2(json.exitCode == exitCode, json.describe().constData());
    QCOMPARE(json.json.value(QLatin1String("protected_header")).toObject().value(QLatin1String("cty")).toString(),
        QStringLiteral("JWT"));
    const QJsonObject nested = json.json.value(QLatin1String("nested")).toObject();
    QCOMPARE(nested.value(QLatin1String("verdict")).toString(), verdict);
    QCOMPARE(nested.value(QLatin1String("header")).toObject().value(QLatin1String("kid")).toString(),
        QStringLiteral("signer"));
    QCOMPARE(nested.value(QLatin1String("payload")).toObject().value(QLatin1String("sub")).toString(),
        QStringLiteral("bob"));

    const Run text = runCli(args);
    QCOMPARE(text.exitCode, exitCode);
    QVERIFY2(text.out.contains("Nested JWT: "), text.describe().constData());
    QVERIFY(text.out.contains("\"sub\": \"bob\""));
}

void TestCliJwe::encryptRefuses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message"); ///< a part of the error message
    QTest::newRow("RSA1_5") << QStringList {QStringLiteral("--alg"), QStringLiteral("RSA1_5")}
                            << QStringLiteral("Bleichenbacher");
    QTest::newRow("no alg") << QStringList() << QStringLiteral("--alg is required");
    QTest::newRow("JWS alg") << QStringList {QStringLiteral("--alg"), QStringLiteral("RS256")}
                             << QStringLiteral("unknown --alg");
    QTest::newRow("key cannot serve alg")
        << QStringList {QStringLiteral("--alg"), QStringLiteral("A128KW")} << QStringLiteral("cannot serve A128KW");
    QTest::newRow("bad serialization") << QStringList {QStringLiteral("--alg"), QStringLiteral("RSA-OAEP"),
        QStringLiteral("--json-serialization"), QStringLiteral("xml")}
                                       << QStringLiteral("compact, flattened or general");
}

void TestCliJwe::encryptRefuses()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString key = keygen(QStringLiteral("RS256"), QStringLiteral("refuse"));
    QVERIFY(!key.isEmpty());
    const Run r = runCli(QStringList {QStringLiteral("encrypt"), QStringLiteral("--key"), key, QStringLiteral("--json")}
        + args + QStringList {QStringLiteral("hello")});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.errorMessage().contains(message), r.describe().constData());
    QVERIFY(!r.json.contains(QLatin1String("token")));
}

QTEST_GUILESS_MAIN(TestCliJwe)
#include "tst_cli_jwe.moc"
