// `jwt-workbench-cli decode` and token profiles, run as a real process: the `profile` member of --json for the
// RFC 9449 DPoP proofs (with --access-token as a value and as a file: ath, cnf.jkt), RFC 9068 access tokens, and
// cnf.x5t#S256 against --cert (PEM and DER); the text output and the usage errors of the new options.
#include "ProcessRun.h"
#include "Rfc7517.h"
#include "TestData.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using jwb::test::Run;
using jwb::test::runCli;

QByteArray b64u(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject rfc9449()
{
    return jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/9449.json"))).object();
}

QString rfc9449Compact(const QString &id)
{
    for (const auto &t : rfc9449().value(QStringLiteral("tokens")).toArray()) {
        if (t.toObject().value(QStringLiteral("id")).toString() == id)
            return t.toObject().value(QStringLiteral("compact")).toString();
    }
    return {};
}

QString opaqueAccessToken()
{
    return rfc9449().value(QStringLiteral("access_token_opaque")).toObject().value(QStringLiteral("value")).toString();
}

QStringList profileCodes(const QJsonObject &doc)
{
    QStringList codes;
    for (const auto &f : doc.value(QStringLiteral("profile")).toObject().value(QStringLiteral("findings")).toArray())
        codes << f.toObject().value(QStringLiteral("code")).toString();
    return codes;
}

QString profileName(const QJsonObject &doc)
{
    return doc.value(QStringLiteral("profile")).toObject().value(QStringLiteral("name")).toString();
}

QString accessToken(const QJsonObject &claims)
{
    return QString::fromLatin1(b64u(R"({"alg":"RS256","typ":"at+jwt"})") + '.'
        + b64u(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + b64u("signature"));
}

QJsonObject atClaims()
{
    return {{QStringLiteral("iss"), QStringLiteral("https://as.example.com")}, {QStringLiteral("exp"), 1893456000},
        {QStringLiteral("aud"), QStringLiteral("https://api.example.com")},
        {QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("client_id"), QStringLiteral("c1")},
        {QStringLiteral("iat"), 1893452400}, {QStringLiteral("jti"), QStringLiteral("j1")}};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestCliDecodeProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dpopProof();
    void dpopAccessTokenOption();
    void dpopCnfJkt();
    void accessTokenClaims();
    void certificate();
    void noProfile();
    void usageErrors_data();
    void usageErrors();
    void help();
};

void TestCliDecodeProfiles::dpopProof()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    const Run r
        = runCli({QStringLiteral("decode"), QStringLiteral("--json"), rfc9449Compact(QStringLiteral("rfc9449-7.1-5"))});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.jsonOk);
    QCOMPARE(profileName(r.json), QStringLiteral("dpop_proof"));
    QCOMPARE(r.json.value(QStringLiteral("profile")).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("DPoP proof (RFC 9449)"));
    const QStringList codes = profileCodes(r.json);
    QVERIFY2(codes.contains(QStringLiteral("dpop_signature_valid")), r.describe().constData());
    QVERIFY(codes.contains(QStringLiteral("dpop_ath")));
    QVERIFY(codes.contains(QStringLiteral("dpop_iat_window"))); // issued in 2019

    const Run text = runCli({QStringLiteral("decode"), rfc9449Compact(QStringLiteral("rfc9449-7.1-5"))});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY(text.out.contains("Profile: DPoP proof (RFC 9449)"));
    QVERIFY(text.out.contains("dpop_signature_valid"));
    QVERIFY(text.out.contains("only for the DPoP proof itself"));
}

void TestCliDecodeProfiles::dpopAccessTokenOption()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    const QString proof = rfc9449Compact(QStringLiteral("rfc9449-7.1-5"));
    // As a value.
    Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--access-token"),
        opaqueAccessToken(), proof});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(profileCodes(r.json).contains(QStringLiteral("dpop_ath_match")), r.describe().constData());
    // As a file, with a trailing newline.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("at.txt"));
    QVERIFY(writeFile(path, opaqueAccessToken().toLatin1() + '\n'));
    r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--access-token"), path, proof});
    QVERIFY2(profileCodes(r.json).contains(QStringLiteral("dpop_ath_match")), r.describe().constData());
    // Another access token.
    r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--access-token"),
        QStringLiteral("other"), proof});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(profileCodes(r.json).contains(QStringLiteral("dpop_ath_mismatch")), r.describe().constData());
}

void TestCliDecodeProfiles::dpopCnfJkt()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/9449.json");
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--access-token"),
        rfc9449Compact(QStringLiteral("rfc9449-6.1-4")), rfc9449Compact(QStringLiteral("rfc9449-7.1-5"))});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(profileCodes(r.json).contains(QStringLiteral("dpop_cnf_jkt_match")), r.describe().constData());

    // A token bound to another key.
    QJsonObject claims = atClaims();
    claims.insert(QStringLiteral("cnf"),
        QJsonObject {{QStringLiteral("jkt"), QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")}});
    const Run other = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--access-token"),
        accessToken(claims), rfc9449Compact(QStringLiteral("rfc9449-7.1-5"))});
    QVERIFY2(profileCodes(other.json).contains(QStringLiteral("dpop_cnf_jkt_mismatch")), other.describe().constData());
}

void TestCliDecodeProfiles::accessTokenClaims()
{
    Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), accessToken(atClaims())});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(profileName(r.json), QStringLiteral("access_token"));
    QCOMPARE(profileCodes(r.json), QStringList {QStringLiteral("profile_access_token")});

    QJsonObject claims = atClaims();
    claims.remove(QStringLiteral("client_id"));
    claims.remove(QStringLiteral("jti"));
    r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), accessToken(claims)});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QStringList subjects;
    for (const auto &f :
        r.json.value(QStringLiteral("profile")).toObject().value(QStringLiteral("findings")).toArray()) {
        if (f.toObject().value(QStringLiteral("code")).toString() == u"at_claim_missing")
            subjects << f.toObject().value(QStringLiteral("subject")).toString();
    }
    QCOMPARE(subjects, (QStringList {QStringLiteral("client_id"), QStringLiteral("jti")}));
}

void TestCliDecodeProfiles::certificate()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7517.json");
    const QByteArray der = jwb::test::rfc7517CertificateDer();
    QVERIFY(der.size() > 100);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString derPath = dir.filePath(QStringLiteral("client.der"));
    const QString pemPath = dir.filePath(QStringLiteral("client.pem"));
    QVERIFY(writeFile(derPath, der));
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    const QByteArray body = der.toBase64();
    for (qsizetype i = 0; i < body.size(); i += 64)
        pem += body.mid(i, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    QVERIFY(writeFile(pemPath, pem));

    QJsonObject claims = atClaims();
    claims.insert(QStringLiteral("cnf"),
        QJsonObject {{QStringLiteral("x5t#S256"),
            QString::fromLatin1(b64u(QCryptographicHash::hash(der, QCryptographicHash::Sha256)))}});
    for (const QString &path : {derPath, pemPath}) {
        const Run r = runCli(
            {QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--cert"), path, accessToken(claims)});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(profileCodes(r.json).contains(QStringLiteral("cnf_x5t_match")), r.describe().constData());
    }
    claims.insert(QStringLiteral("cnf"),
        QJsonObject {{QStringLiteral("x5t#S256"), QStringLiteral("bm90IHRoZSByaWdodCBjZXJ0aWZpY2F0ZSB0aHVtYnByaW50")}});
    const Run r = runCli(
        {QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--cert"), pemPath, accessToken(claims)});
    QVERIFY2(profileCodes(r.json).contains(QStringLiteral("cnf_x5t_mismatch")), r.describe().constData());
}

void TestCliDecodeProfiles::noProfile()
{
    const QString plain
        = QString::fromLatin1(b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64u(R"({"sub":"a"})") + '.' + b64u("s"));
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), plain});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(!r.json.contains(QStringLiteral("profile")));
}

void TestCliDecodeProfiles::usageErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing certificate file")
        << QStringList {QStringLiteral("--cert"), QStringLiteral("/nonexistent/jwb/cert.pem")}
        << QStringLiteral("unreadable_file");
    QTest::newRow("empty access token") << QStringList {QStringLiteral("--access-token"), QStringLiteral(" ")}
                                        << QStringLiteral("usage");
}

void TestCliDecodeProfiles::usageErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QString, code);
    const QString plain
        = QString::fromLatin1(b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64u(R"({"sub":"a"})") + '.' + b64u("s"));
    const Run r
        = runCli(QStringList {QStringLiteral("decode"), QStringLiteral("--json")} + options + QStringList {plain});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.errorCode(), code);
}

void TestCliDecodeProfiles::help()
{
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--help")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.out.contains("--access-token"));
    QVERIFY(r.out.contains("--cert"));
}

QTEST_GUILESS_MAIN(TestCliDecodeProfiles)
#include "tst_cli_decode_profiles.moc"
