// `jwt-workbench-cli decode` and `verify` of SD-JWTs (RFC 9901), run as a real process on the RFC's examples
// (../shared/testvectors/sd-jwt): the `sd_jwt` member of decode --json, the text listing of the Disclosures, precise
// errors for malformed Disclosures, and verify's issuer signature, digests and Key Binding JWT checks.
#include "ProcessRun.h"
#include "SdJwtVectors.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using jwb::test::Run;
using jwb::test::runCli;

QJsonObject vectors()
{
    return jwb::test::sdJwtVectors();
}

QJsonObject example5()
{
    return jwb::test::sdJwtExample5();
}

QString presentation52()
{
    return jwb::test::sdJwtPresentation52();
}

// 10 s after the 5.2 KB-JWT's iat.
const QString kAt = QStringLiteral("1748537253");
const QString kAud = QStringLiteral("https://verifier.example.org");
const QString kNonce = QStringLiteral("1234567890");

QStringList codes(const QJsonArray &problems)
{
    QStringList out;
    for (const auto &p : problems)
        out << p.toObject().value(QStringLiteral("code")).toString();
    return out;
}

} // namespace

class TestCliSdJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decodeJson();
    void decodeText();
    void decodeMalformedDisclosure();
    void verify_data();
    void verify();
    void verifyText();
    void help();

private:
    QTemporaryDir m_dir;
    QString m_issuerKey;
};

void TestCliSdJwt::initTestCase()
{
    QVERIFY2(QFileInfo::exists(jwb::test::cliPath()), qPrintable(jwb::test::cliPath()));
    if (vectors().isEmpty()) {
        if (jwb::test::underCi())
            QFAIL("the SD-JWT vectors are missing");
        QSKIP("../shared/testvectors/sd-jwt is not available");
    }
    QVERIFY(m_dir.isValid());
    m_issuerKey = m_dir.filePath(QStringLiteral("issuer.jwk"));
    QFile f(m_issuerKey);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(vectors()
                              .value(QStringLiteral("keys"))
                              .toObject()
                              .value(QStringLiteral("issuer"))
                              .toObject()
                              .value(QStringLiteral("jwk"))
                              .toObject())
                .toJson());
}

void TestCliSdJwt::decodeJson()
{
    const Run r = runCli({QStringLiteral("decode"), presentation52(), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("JWS"));
    const QJsonObject sd = r.json.value(QStringLiteral("sd_jwt")).toObject();
    QHash<QString, QString> printed;
    for (const auto &d : example5().value(QStringLiteral("disclosures")).toArray())
        printed.insert(d.toObject().value(QStringLiteral("disclosure")).toString(),
            d.toObject().value(QStringLiteral("digest")).toString());
    const QJsonArray disclosures = sd.value(QStringLiteral("disclosures")).toArray();
    QCOMPARE(disclosures.size(), 4);
    QStringList names;
    for (const auto &v : disclosures) {
        const QJsonObject d = v.toObject();
        QCOMPARE(d.value(QStringLiteral("digest")).toString(),
            printed.value(d.value(QStringLiteral("disclosure")).toString()));
        QVERIFY(d.value(QStringLiteral("salt")).isString());
        QVERIFY(d.contains(QStringLiteral("value")));
        names << (d.value(QStringLiteral("name")).isNull() ? QStringLiteral("(element)")
                                                           : d.value(QStringLiteral("name")).toString());
    }
    QCOMPARE(names,
        (QStringList {QStringLiteral("family_name"), QStringLiteral("address"), QStringLiteral("given_name"),
            QStringLiteral("(element)")}));
    const QJsonObject payload = sd.value(QStringLiteral("disclosed_payload")).toObject();
    QCOMPARE(payload.value(QStringLiteral("given_name")).toString(), QStringLiteral("John"));
    QCOMPARE(payload.value(QStringLiteral("nationalities")).toArray(), QJsonArray {QStringLiteral("US")});
    QVERIFY(!payload.contains(QStringLiteral("_sd")));
    QCOMPARE(
        codes(sd.value(QStringLiteral("problems")).toArray()), QStringList {QStringLiteral("undisclosed_digests")});
}

void TestCliSdJwt::decodeText()
{
    const Run r = runCli({QStringLiteral("decode"), presentation52()});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("SD-JWT (RFC 9901): 4 Disclosures, with a Key Binding JWT")),
        r.describe().constData());
    QVERIFY2(out.contains(QStringLiteral("Disclosures (sha-256):")), r.describe().constData());
    QVERIFY2(out.contains(QStringLiteral("given_name = \"John\"")), r.describe().constData());
    QVERIFY2(out.contains(QStringLiteral("disclosed at nationalities[0]")), r.describe().constData());
    QVERIFY2(out.contains(QStringLiteral("Disclosed payload:")), r.describe().constData());
    QVERIFY2(out.contains(QStringLiteral("Key Binding JWT:")), r.describe().constData());
}

void TestCliSdJwt::decodeMalformedDisclosure()
{
    const QString jwt = presentation52().left(presentation52().indexOf(u'~'));
    const Run r = runCli({QStringLiteral("decode"), jwt + QStringLiteral("~WyJh~Wy!h~"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_base64url"));
    QVERIFY2(r.errorMessage().startsWith(QStringLiteral("Disclosure 2: '!' at character 3")), r.describe().constData());
    QVERIFY2(r.errorMessage().endsWith(QStringLiteral("(character %1 of the token)").arg(jwt.size() + 9)),
        r.describe().constData());
}

void TestCliSdJwt::verify_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("kbProblems");
    QTest::addColumn<bool>("digestsOk");

    const QString pres = presentation52();
    const QStringList kb {QStringLiteral("--kb-aud"), kAud, QStringLiteral("--nonce"), kNonce};
    QTest::newRow("RFC 5.2") << pres << kb << 0 << QStringList() << true;
    QTest::newRow("wrong nonce") << pres
                                 << QStringList {QStringLiteral("--kb-aud"), kAud, QStringLiteral("--nonce"),
                                        QStringLiteral("other")}
                                 << 1 << QStringList {QStringLiteral("kb_jwt_nonce")} << true;
    QTest::newRow("wrong aud") << pres
                               << QStringList {QStringLiteral("--kb-aud"), QStringLiteral("https://x.example"),
                                      QStringLiteral("--nonce"), kNonce}
                               << 1 << QStringList {QStringLiteral("kb_jwt_aud")} << true;
    QTest::newRow("KB-JWT too old") << pres << (kb + QStringList {QStringLiteral("--kb-max-age"), QStringLiteral("5s")})
                                    << 1 << QStringList {QStringLiteral("kb_jwt_iat")} << true;
    // The 5.1 Disclosure of "email" added: the payload lists its digest, but sd_hash no longer matches.
    const QString email = example5()
                              .value(QStringLiteral("disclosures"))
                              .toArray()
                              .at(2)
                              .toObject()
                              .value(QStringLiteral("disclosure"))
                              .toString();
    const qsizetype last = pres.lastIndexOf(u'~');
    QTest::newRow("Disclosure added after binding") << pres.left(last + 1) + email + u'~' + pres.mid(last + 1) << kb
                                                    << 1 << QStringList {QStringLiteral("kb_jwt_sd_hash")} << true;
    // A Disclosure that the payload does not list.
    const QString foreign = QStringLiteral("WyJzYWx0IiwgImZvbyIsICJiYXIiXQ"); // ["salt", "foo", "bar"]
    const QString issued = pres.left(last + 1);
    QTest::newRow("unlisted Disclosure") << issued + foreign + u'~' << QStringList() << 1 << QStringList() << false;
    QTest::newRow("no KB-JWT") << issued << QStringList() << 0 << QStringList() << true;
    QTest::newRow("no KB-JWT, --require-kb") << issued << QStringList {QStringLiteral("--require-kb")} << 1
                                             << QStringList {QStringLiteral("kb_jwt_missing")} << true;
}

void TestCliSdJwt::verify()
{
    QFETCH(QString, token);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QStringList, kbProblems);
    QFETCH(bool, digestsOk);
    const Run r = runCli(QStringList {QStringLiteral("verify"), token, QStringLiteral("--key"), m_issuerKey,
                             QStringLiteral("--at"), kAt, QStringLiteral("--json")}
        + extra);
    QVERIFY2(r.exitCode == exitCode && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QStringLiteral("valid")).toBool(), exitCode == 0);
    QVERIFY2(r.json.value(QStringLiteral("issuer_valid")).toBool(), r.describe().constData());
    const QJsonObject sd = r.json.value(QStringLiteral("sd_jwt")).toObject();
    QCOMPARE(sd.value(QStringLiteral("valid")).toBool(), digestsOk);
    QStringList errors;
    for (const auto &p : sd.value(QStringLiteral("key_binding")).toObject().value(QStringLiteral("problems")).toArray())
        if (p.toObject().value(QStringLiteral("severity")).toString() == u"error")
            errors << p.toObject().value(QStringLiteral("code")).toString();
    QCOMPARE(errors, kbProblems);
}

void TestCliSdJwt::verifyText()
{
    const Run ok = runCli({QStringLiteral("verify"), presentation52(), QStringLiteral("--key"), m_issuerKey,
        QStringLiteral("--at"), kAt, QStringLiteral("--kb-aud"), kAud, QStringLiteral("--nonce"), kNonce});
    QVERIFY2(ok.exitCode == 0, ok.describe().constData());
    QVERIFY2(ok.out.contains("SD-JWT VALID"), ok.describe().constData());
    QVERIFY2(ok.out.contains("ok   kb_jwt"), ok.describe().constData());
    // The holder's key is not the issuer's: the issuer signature fails.
    const QString holderKey = m_dir.filePath(QStringLiteral("holder.jwk"));
    QFile f(holderKey);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QJsonObject holder = vectors()
                             .value(QStringLiteral("keys"))
                             .toObject()
                             .value(QStringLiteral("holder"))
                             .toObject()
                             .value(QStringLiteral("jwk"))
                             .toObject();
    holder.remove(QStringLiteral("d"));
    f.write(QJsonDocument(holder).toJson());
    f.close();
    const Run bad = runCli({QStringLiteral("verify"), presentation52(), QStringLiteral("--key"), holderKey,
        QStringLiteral("--at"), kAt, QStringLiteral("--kb-aud"), kAud, QStringLiteral("--nonce"), kNonce});
    QVERIFY2(bad.exitCode == 1, bad.describe().constData());
    QVERIFY2(bad.out.contains("SD-JWT INVALID"), bad.describe().constData());
    QVERIFY2(bad.out.contains("FAIL issuer"), bad.describe().constData());
}

void TestCliSdJwt::help()
{
    const Run r = runCli({QStringLiteral("verify"), QStringLiteral("--help")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    for (const char *option : {"--kb-aud", "--nonce", "--kb-max-age", "--require-kb"})
        QVERIFY2(r.out.contains(option), option);
}

QTEST_GUILESS_MAIN(TestCliSdJwt)
#include "tst_cli_sdjwt.moc"
