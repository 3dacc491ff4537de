// `jwt-workbench-cli verify` rules that go beyond the signature, run as real processes: --typ (RFC 8725 §3.11
// explicit typing), --allow-weak-keys (RFC 7518 §3.3 RSA sizes), and the alg_not_restricted finding of an alg-less
// key (RFC 8725 §3.1), each with its exit code and `--json` report. (--issuer binding needs a server: it is in
// tests/integration/tst_network.cpp.)
#include "ProcessRun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using jwb::test::Run;
using jwb::test::runCli;

namespace {

// A 1024-bit RSA key (openssl genpkey): keygen refuses to make one.
const char kRsa1024Pem[] = "-----BEGIN PRIVATE KEY-----\n"
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

QJsonObject checkNamed(const QJsonObject &report, const QString &name)
{
    for (const auto &c : report.value(QLatin1String("checks")).toArray())
        if (c.toObject().value(QLatin1String("name")).toString() == name)
            return c.toObject();
    return {};
}

QStringList findingCodes(const QJsonObject &report)
{
    QStringList codes;
    for (const auto &f : report.value(QLatin1String("findings")).toArray())
        codes.append(f.toObject().value(QLatin1String("code")).toString());
    return codes;
}

} // namespace

class TestCliVerifyRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void explicitTyping_data();
    void explicitTyping();
    void weakKeys();
    void algLessKey_data();
    void algLessKey();

private:
    QString write(const QString &name, const QByteArray &data);
    QString sign(const QString &keyFile, const QString &alg, const QStringList &extra = {});

    QTemporaryDir m_dir;
    QString m_rsaPrivate, m_rsaPublicPem;
};

QString TestCliVerifyRules::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QString TestCliVerifyRules::sign(const QString &keyFile, const QString &alg, const QStringList &extra)
{
    const Run r
        = runCli(QStringList {QStringLiteral("sign"), QStringLiteral("--key"), keyFile, QStringLiteral("--alg"), alg}
            + extra + QStringList {QStringLiteral("{\"sub\":\"alice\"}")});
    return r.exitCode == 0 ? QString::fromLatin1(r.out.trimmed()) : QString();
}

void TestCliVerifyRules::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run key = runCli({QStringLiteral("keygen"), QStringLiteral("--alg"), QStringLiteral("RS256"),
        QStringLiteral("--format"), QStringLiteral("pem")});
    QVERIFY2(key.exitCode == 0, key.describe().constData());
    m_rsaPrivate = write(QStringLiteral("rsa.pem"), key.out);
    const Run pub = runCli({QStringLiteral("key"), QStringLiteral("convert"), m_rsaPrivate, QStringLiteral("--to"),
        QStringLiteral("pem"), QStringLiteral("--public")});
    QVERIFY2(pub.exitCode == 0, pub.describe().constData());
    m_rsaPublicPem = write(QStringLiteral("rsa.pub.pem"), pub.out);
}

void TestCliVerifyRules::explicitTyping_data()
{
    QTest::addColumn<QString>("header"); // --header JSON for sign ("" = sign's default typ JWT)
    QTest::addColumn<QString>("typ"); // --typ
    QTest::addColumn<int>("exitCode");
    QTest::newRow("at+jwt required, at+jwt given")
        << QStringLiteral("{\"typ\":\"at+jwt\"}") << QStringLiteral("at+jwt") << 0;
    QTest::newRow("upper case and prefix")
        << QStringLiteral("{\"typ\":\"application/AT+JWT\"}") << QStringLiteral("at+jwt") << 0;
    QTest::newRow("JWT where at+jwt is required") << QString() << QStringLiteral("at+jwt") << 1;
    QTest::newRow("JWT required, JWT given") << QString() << QStringLiteral("jwt") << 0;
}

void TestCliVerifyRules::explicitTyping()
{
    QFETCH(QString, header);
    QFETCH(QString, typ);
    QFETCH(int, exitCode);
    const QString token = sign(m_rsaPrivate, QStringLiteral("RS256"),
        header.isEmpty() ? QStringList() : QStringList {QStringLiteral("--header"), header});
    QVERIFY(!token.isEmpty());
    const Run r = runCli({QStringLiteral("verify"), token, QStringLiteral("--key"), m_rsaPublicPem,
        QStringLiteral("--alg"), QStringLiteral("RS256"), QStringLiteral("--typ"), typ, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    const QJsonObject check = checkNamed(r.json, QStringLiteral("typ"));
    QCOMPARE(check.value(QLatin1String("ok")).toBool(), exitCode == 0);
    // Without --typ nothing is required.
    const Run plain = runCli({QStringLiteral("verify"), token, QStringLiteral("--key"), m_rsaPublicPem,
        QStringLiteral("--alg"), QStringLiteral("RS256"), QStringLiteral("--json")});
    QVERIFY2(plain.exitCode == 0, plain.describe().constData());
    QVERIFY(checkNamed(plain.json, QStringLiteral("typ")).isEmpty());
}

void TestCliVerifyRules::weakKeys()
{
    const QString priv = write(QStringLiteral("rsa1024.pem"), QByteArray(kRsa1024Pem));
    const QString token = sign(priv, QStringLiteral("RS256"));
    QVERIFY(!token.isEmpty());
    const Run refused = runCli({QStringLiteral("verify"), token, QStringLiteral("--key"), priv, QStringLiteral("--alg"),
        QStringLiteral("RS256"), QStringLiteral("--json")});
    QVERIFY2(refused.exitCode == 1, refused.describe().constData());
    const QJsonObject keyUse = checkNamed(refused.json, QStringLiteral("key_use"));
    QVERIFY(!keyUse.value(QLatin1String("ok")).toBool());
    QVERIFY2(keyUse.value(QLatin1String("message")).toString().contains(QStringLiteral("1024 bits")),
        refused.describe().constData());
    const Run allowed = runCli({QStringLiteral("verify"), token, QStringLiteral("--key"), priv, QStringLiteral("--alg"),
        QStringLiteral("RS256"), QStringLiteral("--allow-weak-keys"), QStringLiteral("--json")});
    QVERIFY2(allowed.exitCode == 0, allowed.describe().constData());
    QVERIFY(findingCodes(allowed.json).contains(QStringLiteral("weak_rsa_key")));
    // The text output says why, too.
    const Run text = runCli({QStringLiteral("verify"), token, QStringLiteral("--key"), priv});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(
        text.out.contains("--allow-weak-keys") || text.out.contains("allow weak keys"), text.describe().constData());
}

void TestCliVerifyRules::algLessKey_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QStringList>("verifyArgs");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("unrestricted");
    QTest::newRow("RS256, no --alg") << QStringLiteral("RS256") << QStringList() << 0 << true;
    QTest::newRow("PS256, no --alg") << QStringLiteral("PS256") << QStringList() << 0 << true;
    QTest::newRow("RS256, --alg RS256") << QStringLiteral("RS256")
                                        << QStringList {QStringLiteral("--alg"), QStringLiteral("RS256")} << 0 << false;
    QTest::newRow("PS256, --alg RS256") << QStringLiteral("PS256")
                                        << QStringList {QStringLiteral("--alg"), QStringLiteral("RS256")} << 1 << false;
}

void TestCliVerifyRules::algLessKey()
{
    QFETCH(QString, alg);
    QFETCH(QStringList, verifyArgs);
    QFETCH(int, exitCode);
    QFETCH(bool, unrestricted);
    const QString token = sign(m_rsaPrivate, alg);
    QVERIFY(!token.isEmpty());
    const Run r = runCli(QStringList {QStringLiteral("verify"), token, QStringLiteral("--key"), m_rsaPublicPem}
        + verifyArgs + QStringList {QStringLiteral("--json")});
    QVERIFY2(r.exitCode == exitCode, r.describe().constData());
    QCOMPARE(findingCodes(r.json).contains(QStringLiteral("alg_not_restricted")), unrestricted);
}

QTEST_GUILESS_MAIN(TestCliVerifyRules)
#include "tst_cli_verify_rules.moc"
