// Exported krakend.json blocks against KrakenD's official schema (v2.13 bundle, JSON Schema draft 2019-09),
// validated by a real validator (Ajv 2019, run with node). Every `config validator` / `config signer` output
// of the table below is written --into a base config and the whole file must validate; the edit must leave
// every other byte of the file alone.
#include "IntegrationSupport.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb::itest;

namespace {
QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out.append(QString::fromLatin1(i));
    return out;
}

QByteArray baseConfig()
{
    return QByteArrayLiteral("{\n"
                             "  \"$schema\": \"https://www.krakend.io/schema/v2.13/krakend.json\",\n"
                             "  \"version\": 3,\n"
                             "  \"name\": \"export test\",\n"
                             "  \"@comment\": \"untouched\",\n"
                             "  \"endpoints\": [\n"
                             "    {\n"
                             "      \"endpoint\": \"/public\",\n"
                             "      \"backend\": [{\"url_pattern\": \"/public\", \"host\": [\"http://svc:8080\"]}]\n"
                             "    }\n"
                             "  ]\n"
                             "}\n");
}
} // namespace

class TestConfigExport : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QTemporaryDir m_dir;

    Run validateSchema(const QStringList &files)
    {
        return runProgram(m_node,
            QStringList {serversDir() + QStringLiteral("/validate-krakend.mjs"),
                jwb::test::sharedPath(QStringLiteral("krakend-schema/v2.13/krakend.json"))}
                + files,
            {}, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        JWB_REQUIRE_SHARED("krakend-schema/v2.13/krakend.json");
        m_node = findNode();
        JWB_REQUIRE(!m_node.isEmpty(), QStringLiteral("node is not installed: the schema validation test needs it"));
        JWB_REQUIRE(QFileInfo::exists(serversDir() + QStringLiteral("/node_modules/ajv/package.json")),
            QStringLiteral("tests/integration/servers/node_modules is missing: run make deps (npm ci)"));
        QVERIFY(m_dir.isValid());
    }

    void exportValidates_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mustContain");
        const QStringList v {QStringLiteral("config"), QStringLiteral("validator")};
        const QStringList s {QStringLiteral("config"), QStringLiteral("signer")};
        auto row = [](const char *name, const QStringList &args, const char *contains) {
            QTest::newRow(name) << args << QString::fromLatin1(contains);
        };
        row("jwk_url minimal", v + list({"--alg", "RS256", "--jwk-url", "https://idp.example.com/jwks"}),
            "\"jwk_url\"");
        row("jwk_url full",
            v
                + list({"--alg", "ES256", "--jwk-url", "https://idp.example.com/jwks", "--cache", "--cache-duration",
                    "600", "--audience", "api", "--audience", "web", "--issuer", "https://idp.example.com/", "--roles",
                    "admin", "--roles-key", "realm_access.roles", "--roles-key-is-nested", "--scopes", "read",
                    "--scopes-key", "scope", "--scopes-matcher", "all", "--cookie-key", "session", "--auth-header-name",
                    "X-Token", "--leeway", "2m", "--propagate-claims", "sub=x-user", "--propagate-claims",
                    "roles=x-roles", "--propagate-claims-preserve-array", "--key-identify-strategy", "x5t#S256",
                    "--jwk-fingerprints", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "--jwk-local-ca",
                    "/etc/krakend/ca.pem", "--cipher-suites", "49199", "--failed-jwk-key-cooldown", "10s",
                    "--operation-debug"}),
            "\"scopes_matcher\": \"all\"");
        row("local path gets disable_jwk_security",
            v + list({"--alg", "HS256", "--jwk-local-path", "secret.json", "--cache"}),
            "\"disable_jwk_security\": true");
        row("http url gets disable_jwk_security", v + list({"--alg", "RS256", "--jwk-url", "http://idp:8080/jwks"}),
            "\"disable_jwk_security\": true");
        row("compound leeway normalised",
            v + list({"--alg", "PS256", "--jwk-url", "https://idp/jwks", "--leeway", "1m30s"}), "\"leeway\": \"90s\"");
        row("signer local",
            s
                + list({"--alg", "HS256", "--kid", "sim2019", "--keys-to-sign", "access_token", "--keys-to-sign",
                    "refresh_token", "--jwk-local-path", "symmetric.json"}),
            "\"keys_to_sign\"");
        row("signer url full",
            s
                + list({"--alg", "RS256", "--kid", "k1", "--keys-to-sign", "token", "--jwk-url",
                    "https://keys.internal/private.json", "--full"}),
            "\"full\": true");
    }

    void exportValidates()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mustContain);
        static int counter = 0;
        const QString path = m_dir.filePath(QStringLiteral("krakend-%1.json").arg(++counter));
        QVERIFY(writeFile(path, baseConfig()));
        const Run r = runCli(args
            + QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--method"),
                QStringLiteral("POST"), QStringLiteral("--backend"), QStringLiteral("http://svc:8080/private"),
                QStringLiteral("--into"), path});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QByteArray text = readFile(path);
        QVERIFY2(text.contains(mustContain.toUtf8()), text.constData());
        // The edit appends one endpoint: everything before the end of the first endpoint is byte-identical.
        const QByteArray base = baseConfig();
        QVERIFY(text.startsWith(base.left(base.indexOf("\n  ]"))));
        const Run v = validateSchema({path});
        QVERIFY2(v.exitCode == 0, QByteArray(v.describe() + "\n" + text).constData());
        // And the printed block (no --into) is the same block.
        const Run printed = runCli(args);
        QVERIFY2(printed.exitCode == 0, printed.describe().constData());
        const QJsonObject block = QJsonDocument::fromJson(printed.out).object();
        const QJsonObject written = QJsonDocument::fromJson(text)
                                        .object()
                                        .value(QLatin1String("endpoints"))
                                        .toArray()
                                        .last()
                                        .toObject()
                                        .value(QLatin1String("extra_config"))
                                        .toObject();
        QCOMPARE(written, block);
    }

    void lintAgreesWithSchemaOnTraps_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("schemaValid");
        QTest::newRow("typo scope_key") << QByteArray(
            "{\"alg\":\"RS256\",\"jwk_url\":\"https://x/j\",\"scope_key\":\"scp\"}")
                                        << QStringLiteral("unknown_member") << false;
        QTest::newRow("both sources") << QByteArray(
            "{\"alg\":\"RS256\",\"jwk_url\":\"https://x/j\",\"jwk_local_path\":\"k.json\"}")
                                      << QStringLiteral("key_source_oneof") << false;
        QTest::newRow("audience string") << QByteArray(
            "{\"alg\":\"RS256\",\"jwk_url\":\"https://x/j\",\"audience\":\"api\"}")
                                         << QStringLiteral("schema_type") << false;
        QTest::newRow("compound leeway") << QByteArray(
            "{\"alg\":\"RS256\",\"jwk_url\":\"https://x/j\",\"leeway\":\"1m30s\"}")
                                         << QStringLiteral("schema_duration") << false;
        QTest::newRow("bad alg") << QByteArray("{\"alg\":\"rs256\",\"jwk_url\":\"https://x/j\"}")
                                 << QStringLiteral("schema_enum") << false;
        // Schema-valid but broken at run time:
        QTest::newRow("local path without flag") << QByteArray("{\"alg\":\"RS256\",\"jwk_local_path\":\"k.json\"}")
                                                 << QStringLiteral("local_path_needs_disable_jwk_security") << true;
        QTest::newRow("cache with local path") << QByteArray(
            "{\"alg\":\"RS256\",\"jwk_local_path\":\"k.json\",\"disable_jwk_security\":true,\"cache\":true}")
                                               << QStringLiteral("cache_with_local_path") << true;
        QTest::newRow("http url") << QByteArray("{\"alg\":\"RS256\",\"jwk_url\":\"http://x/j\"}")
                                  << QStringLiteral("insecure_jwk_url") << true;
    }

    void lintAgreesWithSchemaOnTraps()
    {
        QFETCH(QByteArray, block);
        QFETCH(QString, code);
        QFETCH(bool, schemaValid);
        static int counter = 0;
        const QString path = m_dir.filePath(QStringLiteral("lint-%1.json").arg(++counter));
        const QByteArray config
            = "{\"version\": 3, \"endpoints\": [{\"endpoint\": \"/x\", \"backend\": [{\"url_pattern\": \"/x\", "
              "\"host\": [\"http://svc\"]}], \"extra_config\": {\"auth/validator\": "
            + block + "}}]}";
        QVERIFY(writeFile(path, config));
        const Run lint = runCli({QStringLiteral("config"), QStringLiteral("lint"), path, QStringLiteral("--json")});
        QVERIFY2(lint.jsonOk, lint.describe().constData());
        QStringList codes;
        const QJsonArray findings = lint.json.value(QLatin1String("findings")).toArray();
        for (const auto &f : findings)
            codes.append(f.toObject().value(QLatin1String("code")).toString());
        QVERIFY2(codes.contains(code), qPrintable(codes.join(u',')));
        QCOMPARE(lint.exitCode, 1);
        const Run v = validateSchema({path});
        QCOMPARE(v.exitCode == 0, schemaValid);
    }
};

QTEST_GUILESS_MAIN(TestConfigExport)
#include "tst_config_export.moc"
