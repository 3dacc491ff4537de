#include "common/FileKind.h"

#include "../common/TestData.h"

#include <QDir>
#include <QFile>
#include <QTest>

using jwb::common::FileKind;
namespace FileKinds = jwb::common::FileKinds;

class TestFileKind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void repositorySamples();
    void looksLikeJson();
    void sharedFixtures_data();
    void sharedFixtures();
};

void TestFileKind::classify_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("kind");
    const auto row = [](const char *name, const QByteArray &content, const QString &file, FileKind kind) {
        QTest::newRow(name) << content << file << static_cast<int>(kind);
    };
    row("compact jws", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n", {}, FileKind::Token);
    row("bearer", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln", {}, FileKind::Token);
    row("broken token", "not a token at all", {}, FileKind::Token);
    row("jws json", "{\"payload\":\"e30\",\"signatures\":[]}", {}, FileKind::Token);
    row("pem public", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n", {}, FileKind::Key);
    row("pem certificate", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", {}, FileKind::Key);
    row("der", QByteArray::fromHex("3059301306072a8648ce3d020106"), {}, FileKind::Key);
    row("jwk", "{\"kty\":\"oct\",\"k\":\"AAAA\"}", {}, FileKind::Key);
    row("jwks", "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}", {}, FileKind::KeySet);
    row("krakend", "{\"version\":3,\"endpoints\":[]}", {}, FileKind::KrakendConfig);
    row("krakend no endpoints", "{\"version\":3,\"extra_config\":{}}", {}, FileKind::KrakendConfig);
    row("krakend template", "{\"version\":3,\"endpoints\":[{{ template \"e\" . }}]}", {}, FileKind::KrakendConfig);
    row("workspace", "{\"jwt_workbench_workspace\":1,\"tokens\":[]}", {}, FileKind::Workspace);
    row("workspace by name", "{broken", QStringLiteral("a.jwb.json"), FileKind::Workspace);
    row("krakend by schema", "{\"$schema\":\"https://www.krakend.io/schema/v2.13/krakend.json\",\"version\":3}", {},
        FileKind::KrakendConfig);
    // A UTF-8 byte order mark (Windows editors) changes nothing about the kind.
    row("krakend with a byte order mark", "\xEF\xBB\xBF{\"version\":3,\"endpoints\":[]}", {}, FileKind::KrakendConfig);
    row("jwks with a byte order mark", "\xEF\xBB\xBF\n{\"keys\":[]}", {}, FileKind::KeySet);
    row("token with a byte order mark",
        "\xEF\xBB\xBF"
        "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
        {}, FileKind::Token);
    // The first megabyte of a big JWK Set (openers classify a file's head): not valid JSON on its own.
    row("head of a big jwks", "{\n  \"keys\": [{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA", {}, FileKind::KeySet);
    row("head of a token object", "{\"payload\":\"e30\",\"keys\":[", {}, FileKind::Token);
    row("empty", "  \n", {}, FileKind::Unknown);
    row("binary junk", QByteArray("\x01\x02\x03", 3), {}, FileKind::Unknown);
}

void TestFileKind::repositorySamples()
{
    const QString samples = QStringLiteral(JWB_SOURCE_DIR "/resources/samples/");
    const QList<std::pair<QString, FileKind>> files = {{QStringLiteral("krakend.json"), FileKind::KrakendConfig},
        {QStringLiteral("demo-jwks.json"), FileKind::KeySet}, {QStringLiteral("demo-private.pem"), FileKind::Key},
        {QStringLiteral("demo-token.jwt"), FileKind::Token}};
    for (const auto &[name, kind] : files) {
        QFile file(samples + name);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QCOMPARE(FileKinds::name(FileKinds::classify(file.readAll(), name)), FileKinds::name(kind));
    }
}

void TestFileKind::classify()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(int, kind);
    QCOMPARE(static_cast<int>(FileKinds::classify(content, fileName)), kind);
}

void TestFileKind::looksLikeJson()
{
    QVERIFY(FileKinds::looksLikeJson("{}"));
    QVERIFY(FileKinds::looksLikeJson(" \r\n\t[1]"));
    QVERIFY(FileKinds::looksLikeJson("\xEF\xBB\xBF\n{\"version\": 3}"));
    QVERIFY(FileKinds::looksLikeJson("{broken"));
    QVERIFY(!FileKinds::looksLikeJson(""));
    QVERIFY(!FileKinds::looksLikeJson("   "));
    QVERIFY(!FileKinds::looksLikeJson("SECRET=1"));
    QVERIFY(!FileKinds::looksLikeJson("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"));
    QVERIFY(!FileKinds::looksLikeJson("\"a string\""));
}

void TestFileKind::sharedFixtures_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<int>("kind");
    QTest::newRow("krakend public set") << QStringLiteral("krakend-jose-fixtures/public.json")
                                        << static_cast<int>(FileKind::KeySet);
    QTest::newRow("krakend private set") << QStringLiteral("krakend-jose-fixtures/private.json")
                                         << static_cast<int>(FileKind::KeySet);
    // The schema itself is a JSON Schema, not a KrakenD config.
    QTest::newRow("krakend schema") << QStringLiteral("krakend-schema/v2.13/krakend.json")
                                    << static_cast<int>(FileKind::Token);
}

void TestFileKind::sharedFixtures()
{
    QFETCH(QString, relative);
    QFETCH(int, kind);
    JWB_REQUIRE_SHARED("krakend-jose-fixtures/public.json");
    QFile file(jwb::test::sharedPath(relative));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(static_cast<int>(FileKinds::classify(file.readAll(), file.fileName())), kind);
}

QTEST_GUILESS_MAIN(TestFileKind)
#include "tst_filekind.moc"
