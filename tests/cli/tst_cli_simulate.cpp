// `jwt-workbench-cli simulate`, run as a real process on a krakend.json written to a temporary directory: the JSON
// document of docs/cli.md, --endpoint/--method lookup, --validator files, --token/--header/--cookie, --jwks,
// jwk_local_path resolved relative to the config, --at, --revoked, --all-endpoints, and the exit codes 0 (200),
// 1 (401/403/500), 2 (usage or input error) and 3 (network error while fetching jwk_url).
#include "TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument doc;
    bool jsonOk = false;

    [[nodiscard]] QJsonObject json() const { return doc.object(); }
    [[nodiscard]] QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out.left(4000) + "\nstderr: " + err.left(2000);
    }
};

Run runCli(const QStringList &args)
{
    Run r;
    QProcess p;
    p.setProgram(jwb::test::cliPath());
    p.setArguments(args);
    p.start();
    if (!p.waitForStarted(30000)) {
        r.err = "could not start " + jwb::test::cliPath().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    QJsonParseError error {};
    r.doc = QJsonDocument::fromJson(r.out, &error);
    r.jsonOk = error.error == QJsonParseError::NoError;
    return r;
}

// KrakenD's own RS256 test token (krakend-jose gin/jose_test.go), signed by kid 2011-04-29 of public.json;
// exp 2051882755, roles [role_a, role_b].
const char kToken[] = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMTEtMDQtMjkiLCJ0eXAiOiJKV1QifQ."
                      "eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoy"
                      "MDUxODgyNzU1LCJpc3MiOiJodHRwOi8vZXhhbXBsZS5jb20iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0"
                      "eXVpb3AiLCJyb2xlcyI6"
                      "WyJyb2xlX2EiLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.u1fK05FpXctB-VkhhT3xu2WSIkEr1_"
                      "VM71ald-yeKTesxhxg68"
                      "TsHFEOBCgoXPuCviOP8QnUKNuVSeyMJh9z3nnrfQIjo9VZ2yicZu6ImYptSQ2DJbR80GDSPp-H7KnjaR9AAY0HZ0M-"
                      "KUTaHdLABZFr307nkOeaJn_5j"
                      "Mpav7pqa7nrU3sI1CLX5pYVTggG6t7Zoqj2ebzzqdRxQEtdmZkD_NfH-3w3t-H0ylVdeBnPh-RvlspxC_"
                      "mJzyUIJ0BwPlZpabppHm1ISySa4kwnwxE"
                      "Ynux0oZcb3PSoOZZZA467JySZ69PRlenNPdfGPL6E3uL1nqPHcxhte7ikSG4Q6Q";

const QString kAt = QStringLiteral("2030-01-01T00:00:00Z");

// One raw literal per line: moc mis-reads "//" inside multi-line raw strings.
const char kKrakendJson[]
    = R"({)"
      R"(  "version": 3,)"
      R"(  "extra_config": {)"
      R"(    "auth/revoker": {"N": 10000000, "P": 0.0000001, "hash_name": "optimal", "TTL": 1500, "port": 1234,)"
      R"(                     "token_keys": ["jti"]})"
      R"(  },)"
      R"(  "endpoints": [)"
      R"(    {)"
      R"(      "endpoint": "/private",)"
      R"(      "backend": [{"host": ["http://backend"], "url_pattern": "/users/{JWT.sub}/{JWT.missing}"}],)"
      R"(      "extra_config": {)"
      R"(        "auth/validator": {)"
      R"(          "alg": "RS256",)"
      R"(          "jwk_url": "https://idp.example.com/jwks",)"
      R"(          "audience": ["http://api.example.com"],)"
      R"(          "issuer": "http://example.com",)"
      R"(          "roles": ["role_a"],)"
      R"(          "propagate_claims": [["jti", "x-krakend-jti"], ["sub", "x-krakend-sub"],)"
      R"(                               ["nonexistent", "x-krakend-ne"],)"
      R"(                               ["roles", "x-krakend-roles"]])"
      R"(        })"
      R"(      })"
      R"(    },)"
      R"(    {)"
      R"(      "endpoint": "/admin/{id}",)"
      R"(      "method": "POST",)"
      R"(      "backend": [{"host": ["http://backend"], "url_pattern": "/admin"}],)"
      R"(      "extra_config": {)"
      R"(        "github.com/devopsfaith/krakend-jose/validator": {)"
      R"(          "alg": "RS256", "jwk_url": "https://idp.example.com/jwks", "roles": ["admin"])"
      R"(        })"
      R"(      })"
      R"(    },)"
      R"(    {)"
      R"(      "endpoint": "/local",)"
      R"(      "backend": [{"host": ["http://backend"], "url_pattern": "/local"}],)"
      R"(      "extra_config": {)"
      R"(        "auth/validator": {"alg": "RS256", "jwk_local_path": "keys/public.json",)"
      R"(                           "disable_jwk_security": true,)"
      R"(                           "auth_header_name": "x-custom-auth"})"
      R"(      })"
      R"(    },)"
      R"(    {)"
      R"(      "endpoint": "/unreachable",)"
      R"(      "backend": [{"host": ["http://backend"], "url_pattern": "/u"}],)"
      R"(      "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://127.0.0.1:1/jwks"}})"
      R"(    },)"
      R"(    {"endpoint": "/open", "backend": [{"host": ["http://backend"], "url_pattern": "/open"}]})"
      R"(  ])"
      R"(})";

} // namespace

class TestCliSimulate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void allowed();
    void denied_data();
    void denied();
    void requestForms_data();
    void requestForms();
    void localPathRelativeToConfig();
    void validatorFile();
    void allEndpoints();
    void networkErrorExits3();
    void textOutput();
    void usageErrors_data();
    void usageErrors();
    void unsafeKeyFiles_data();
    void unsafeKeyFiles();

private:
    QString m_config;
    QString m_jwks;
    QTemporaryDir m_dir;
};

void TestCliSimulate::initTestCase()
{
    QVERIFY2(QFileInfo::exists(jwb::test::cliPath()), qPrintable(jwb::test::cliPath()));
    JWB_REQUIRE_SHARED("krakend-jose-fixtures/public.json");
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("krakend.json"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(kKrakendJson);
    config.close();
    m_jwks = jwb::test::sharedPath(QStringLiteral("krakend-jose-fixtures/public.json"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("keys")));
    QVERIFY(QFile::copy(m_jwks, m_dir.filePath(QStringLiteral("keys/public.json"))));
}

void TestCliSimulate::allowed()
{
    const Run r
        = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config, QStringLiteral("--endpoint"),
            QStringLiteral("/private"), QStringLiteral("--token"), QString::fromLatin1(kToken),
            QStringLiteral("--jwks"), m_jwks, QStringLiteral("--at"), kAt, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(o.value(QLatin1String("endpoint")).toString(), QStringLiteral("/private"));
    QCOMPARE(o.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
    const QJsonObject headers = o.value(QLatin1String("propagated_headers")).toObject();
    const QJsonObject expected {{QStringLiteral("X-Krakend-Jti"), QStringLiteral("mnb23vcsrt756yuiomnbvcx98ertyuiop")},
        {QStringLiteral("X-Krakend-Sub"), QStringLiteral("1234567890qwertyuio")},
        {QStringLiteral("X-Krakend-Ne"), QString()},
        {QStringLiteral("X-Krakend-Roles"), QStringLiteral("role_a,role_b")}};
    QCOMPARE(headers, expected);
    QCOMPARE(o.value(QLatin1String("url_params")).toObject(),
        (QJsonObject {{QStringLiteral("JWT.sub"), QStringLiteral("1234567890qwertyuio")}}));
    QCOMPARE(o.value(QLatin1String("unresolved_url_params")).toArray(), QJsonArray {QStringLiteral("JWT.missing")});
    const QJsonArray checks = o.value(QLatin1String("checks")).toArray();
    QVERIFY(checks.size() >= 13);
    for (const auto &c : checks) {
        const QJsonObject check = c.toObject();
        QVERIFY(check.contains(QLatin1String("step")) && check.contains(QLatin1String("name"))
            && check.contains(QLatin1String("detail")));
        QCOMPARE(check.value(QLatin1String("result")).toString(), QStringLiteral("pass"));
    }
    QVERIFY(o.value(QLatin1String("config_findings")).isArray());
    // Issue #18: the endpoint has no input_headers, so the backend receives none of the propagated headers; and
    // without cache both key lookups download the set.
    QCOMPARE(o.value(QLatin1String("not_forwarded_headers")).toArray().size(), 4);
    QCOMPARE(QJsonDocument(o.value(QLatin1String("jwk_fetches")).toArray()).toJson(QJsonDocument::Compact),
        QByteArray(R"([{"kid":"2011-04-29","reason":"no cache","when":"request"},)"
                   R"({"kid":"2011-04-29","reason":"no cache","when":"request"}])"));
    QCOMPARE(o.value(QLatin1String("startup")).toString(), QStringLiteral("ok"));
}

void TestCliSimulate::denied_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("stop");
    QTest::addColumn<QString>("reason");
    const QString token = QString::fromLatin1(kToken);
    QTest::newRow("no token") << QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private")} << 401
                              << QStringLiteral("token") << QStringLiteral("Token not found");
    QTest::newRow("missing role (method and {id} matched)") << QStringList {QStringLiteral("--endpoint"),
        QStringLiteral("/admin/42"), QStringLiteral("--method"), QStringLiteral("post"), QStringLiteral("--token"),
        token} << 403 << QStringLiteral("roles") << QStringLiteral("does not have sufficient roles");
    QTest::newRow("expired at a later --at (Unix seconds)")
        << QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--token"), token,
               QStringLiteral("--at"), QStringLiteral("2051882800")}
        << 401 << QStringLiteral("exp") << QStringLiteral("token is expired (exp)");
    QTest::newRow("revoked jti") << QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private"),
        QStringLiteral("--token"), token, QStringLiteral("--revoked"),
        QStringLiteral("jti-mnb23vcsrt756yuiomnbvcx98ertyuiop")}
                                 << 401 << QStringLiteral("revocation")
                                 << QStringLiteral("Token sent by client rejected");
    QTest::newRow("tampered token") << QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private"),
        QStringLiteral("--token"), token.left(token.size() - 4) + QStringLiteral("AAAA")}
                                    << 401 << QStringLiteral("signature") << QStringLiteral("cryptographic primitive");
    // Issue #18 item 4: --header is the line on the wire; Go's server refuses control characters itself.
    QTest::newRow("vertical tab after the token: 400 before any handler")
        << QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--header"),
               QStringLiteral("Authorization: Bearer ") + token + QStringLiteral("\x0b")}
        << 400 << QStringLiteral("token") << QStringLiteral("400 Bad Request");
    QTest::newRow("form feed in a cookie: 400")
        << QStringList {QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--cookie"),
               QStringLiteral("access_token=") + token + QStringLiteral("\x0c")}
        << 400 << QStringLiteral("token") << QStringLiteral("400 Bad Request");
}

void TestCliSimulate::denied()
{
    QFETCH(QStringList, args);
    QFETCH(int, status);
    QFETCH(QString, stop);
    QFETCH(QString, reason);
    QStringList all = {QStringLiteral("simulate"), QStringLiteral("--config"), m_config, QStringLiteral("--jwks"),
        m_jwks, QStringLiteral("--json")};
    if (!args.contains(QStringLiteral("--at")))
        all << QStringLiteral("--at") << kAt;
    const Run r = runCli(all + args);
    QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json().value(QLatin1String("status")).toInt(), status);
    QCOMPARE(r.json().value(QLatin1String("stopped_at")).toObject().value(QLatin1String("name")).toString(), stop);
    QVERIFY2(r.json().value(QLatin1String("reason")).toString().contains(reason), r.describe().constData());
    QCOMPARE(r.json().value(QLatin1String("propagated_headers")).toObject(), QJsonObject());
}

void TestCliSimulate::requestForms_data()
{
    QTest::addColumn<QStringList>("args");
    const QString token = QString::fromLatin1(kToken);
    QTest::newRow("--token with a Bearer prefix")
        << QStringList {QStringLiteral("--token"), QStringLiteral("Bearer ") + token};
    QTest::newRow("--token as a header line")
        << QStringList {QStringLiteral("--token"), QStringLiteral("Authorization: Bearer ") + token};
    QTest::newRow("--header") << QStringList {
        QStringLiteral("--header"), QStringLiteral("authorization: BEARER ") + token};
    QTest::newRow("--header bare token") << QStringList {
        QStringLiteral("--header"), QStringLiteral("Authorization: ") + token};
    QTest::newRow("--cookie access_token")
        << QStringList {QStringLiteral("--cookie"), QStringLiteral("access_token=") + token};
    QTest::newRow("empty header, then cookie") << QStringList {QStringLiteral("--header"),
        QStringLiteral("Authorization:"), QStringLiteral("--cookie"), QStringLiteral("access_token=") + token};
}

void TestCliSimulate::requestForms()
{
    QFETCH(QStringList, args);
    const Run r = runCli(QStringList {QStringLiteral("simulate"), QStringLiteral("--config"), m_config,
                             QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--jwks"), m_jwks,
                             QStringLiteral("--at"), kAt, QStringLiteral("--json")}
        + args);
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json().value(QLatin1String("status")).toInt(), 200);
}

void TestCliSimulate::localPathRelativeToConfig()
{
    // keys/public.json next to krakend.json; the CLI runs from another working directory.
    QProcess p;
    const QString token = QString::fromLatin1(kToken);
    Run r = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config, QStringLiteral("--endpoint"),
        QStringLiteral("/local"), QStringLiteral("--header"), QStringLiteral("X-Custom-Auth: Bearer ") + token,
        QStringLiteral("--at"), kAt, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QVERIFY(r.json().value(QLatin1String("key_source")).toString().contains(QLatin1String("keys/public.json")));
    // --token goes into Authorization, which this endpoint does not read.
    r = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config, QStringLiteral("--endpoint"),
        QStringLiteral("/local"), QStringLiteral("--token"), token, QStringLiteral("--at"), kAt,
        QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json().value(QLatin1String("stopped_at")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("token"));
}

void TestCliSimulate::validatorFile()
{
    const QString file = m_dir.filePath(QStringLiteral("validator.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"auth/validator": {"alg": "RS256", "jwk_local_path": "keys/public.json", "disable_jwk_security": true,
                "roles_key": "realm_access.roles", "roles": ["role_a"]}})");
    f.close();
    const Run r = runCli({QStringLiteral("simulate"), QStringLiteral("--validator"), file, QStringLiteral("--token"),
        QString::fromLatin1(kToken), QStringLiteral("--at"), kAt, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json().value(QLatin1String("status")).toInt(), 403);
    QStringList codes;
    for (const auto &finding : r.json().value(QLatin1String("config_findings")).toArray())
        codes << finding.toObject().value(QLatin1String("code")).toString();
    QVERIFY2(codes.contains(QStringLiteral("dotted_roles_key_not_nested")), r.describe().constData());
}

void TestCliSimulate::allEndpoints()
{
    const Run r = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config,
        QStringLiteral("--all-endpoints"), QStringLiteral("--token"), QString::fromLatin1(kToken),
        QStringLiteral("--jwks"), m_jwks, QStringLiteral("--at"), kAt, QStringLiteral("--json")});
    QVERIFY2(r.jsonOk && r.doc.isArray(), r.describe().constData());
    QCOMPARE(r.exitCode, 1); // /admin/{id} answers 403
    const QJsonArray results = r.doc.array();
    QCOMPARE(results.size(), 4); // /open has no validator
    QStringList seen;
    for (const auto &v : results) {
        const QJsonObject o = v.toObject();
        seen << o.value(QLatin1String("method")).toString() + u' ' + o.value(QLatin1String("endpoint")).toString()
                + u' ' + QString::number(o.value(QLatin1String("status")).toInt());
    }
    // --jwks replaces every key source, so /unreachable does not touch the network; /local reads X-Custom-Auth.
    QCOMPARE(seen,
        (QStringList {QStringLiteral("GET /private 200"), QStringLiteral("POST /admin/{id} 403"),
            QStringLiteral("GET /local 401"), QStringLiteral("GET /unreachable 200")}));

    const Run text = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config,
        QStringLiteral("--all-endpoints"), QStringLiteral("--jwks"), m_jwks});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("/admin/{id}") && text.out.contains("STATUS"), text.describe().constData());
}

void TestCliSimulate::networkErrorExits3()
{
    const Run r
        = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config, QStringLiteral("--endpoint"),
            QStringLiteral("/unreachable"), QStringLiteral("--token"), QString::fromLatin1(kToken),
            QStringLiteral("--at"), kAt, QStringLiteral("--timeout"), QStringLiteral("5s"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 3 && r.jsonOk, r.describe().constData());
    // KrakenD answers 401 when the JWKS download fails; the simulation says so, and the exit code flags the network.
    QCOMPARE(r.json().value(QLatin1String("status")).toInt(), 401);
    QCOMPARE(r.json().value(QLatin1String("network_error")).toBool(), true);
    QCOMPARE(r.json().value(QLatin1String("stopped_at")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("key"));
}

void TestCliSimulate::textOutput()
{
    const Run r = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config,
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--jwks"), m_jwks});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.out.startsWith("401 Unauthorized - Unable to validate the token: Token not found"), r.describe().constData());
    QVERIFY2(r.out.contains("KrakenD stops here"), r.describe().constData());
    const Run ok = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), m_config,
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--jwks"), m_jwks,
        QStringLiteral("--token"), QString::fromLatin1(kToken), QStringLiteral("--at"), kAt});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.contains("X-Krakend-Roles: role_a,role_b"), ok.describe().constData());
    const Run help = runCli({QStringLiteral("simulate"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--all-endpoints"));
}

void TestCliSimulate::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    QTest::newRow("neither --config nor --validator") << QStringList {} << QStringLiteral("usage");
    QTest::newRow("--config without --endpoint")
        << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@")} << QStringLiteral("usage");
    QTest::newRow("--config and --validator") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--validator"), QStringLiteral("@CONFIG@"), QStringLiteral("--endpoint"),
        QStringLiteral("/private")} << QStringLiteral("usage");
    QTest::newRow("unknown endpoint") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--endpoint"), QStringLiteral("/nope")}
                                      << QStringLiteral("endpoint_not_found");
    QTest::newRow("wrong method") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--method"), QStringLiteral("DELETE")}
                                  << QStringLiteral("endpoint_not_found");
    QTest::newRow("missing config file") << QStringList {QStringLiteral("--config"),
        QStringLiteral("/nonexistent/krakend.json"), QStringLiteral("--endpoint"), QStringLiteral("/private")}
                                         << QStringLiteral("unreadable_file");
    QTest::newRow("config is not JSON") << QStringList {QStringLiteral("--config"),
        QStringLiteral("@JWKSDIR@/SOURCE.md"), QStringLiteral("--endpoint"), QStringLiteral("/private")}
                                        << QStringLiteral("invalid_json");
    QTest::newRow("--header without a colon") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--header"),
        QStringLiteral("Authorization")} << QStringLiteral("usage");
    QTest::newRow("--header with a space before the colon")
        << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"), QStringLiteral("--endpoint"),
               QStringLiteral("/private"), QStringLiteral("--header"), QStringLiteral("Authorization : Bearer x")}
        << QStringLiteral("usage");
    QTest::newRow("--cookie without =") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--cookie"),
        QStringLiteral("access_token")} << QStringLiteral("usage");
    QTest::newRow("bad --at") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--at"), QStringLiteral("yesterday")}
                              << QString();
    QTest::newRow("--jwks not JSON") << QStringList {QStringLiteral("--config"), QStringLiteral("@CONFIG@"),
        QStringLiteral("--endpoint"), QStringLiteral("/private"), QStringLiteral("--jwks"),
        QStringLiteral("@JWKSDIR@/SOURCE.md")}
                                     << QStringLiteral("invalid_jwks");
    QTest::newRow("--all-endpoints with --validator")
        << QStringList {QStringLiteral("--validator"), QStringLiteral("@CONFIG@"), QStringLiteral("--all-endpoints")}
        << QStringLiteral("usage");
}

void TestCliSimulate::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    for (QString &a : args) {
        a.replace(QStringLiteral("@CONFIG@"), m_config);
        a.replace(QStringLiteral("@JWKSDIR@"), QFileInfo(m_jwks).absolutePath());
    }
    const Run r = runCli(QStringList {QStringLiteral("simulate"), QStringLiteral("--json")} + args);
    QVERIFY2(r.exitCode == 2 && r.jsonOk, r.describe().constData());
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QVERIFY2(!error.isEmpty(), r.describe().constData());
    if (!code.isEmpty())
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(!r.err.isEmpty());
}

void TestCliSimulate::unsafeKeyFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("/dev/zero") << QStringLiteral("zero")
                               << QStringLiteral("is not a regular file (a character device)");
    QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is not a regular file (a FIFO)");
    QTest::newRow("100 MB sparse file") << QStringLiteral("sparse") << QStringLiteral("is larger than 4 MiB");
    QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral(": is a directory");
    QTest::newRow("not a key file") << QStringLiteral("environ") << QStringLiteral("not a JSON file, so not a JWK Set");
    QTest::newRow("/proc/self/environ") << QStringLiteral("proc") << QStringLiteral("not a JSON file");
}

void TestCliSimulate::unsafeKeyFiles()
{
    // jwk_local_path gets the limits of --key/--jwks: a regular file of at most 4 MiB, read with a bounded buffer.
    // Each answers at once ("KrakenD would not start", 500) and no message repeats a byte of the file.
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString keyFile = dir.filePath(QStringLiteral("keys.json"));
    if (kind == u"zero") {
        keyFile = QStringLiteral("/dev/zero");
    } else if (kind == u"fifo") {
        QCOMPARE(::mkfifo(QFile::encodeName(keyFile).constData(), 0600), 0);
    } else if (kind == u"sparse") {
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(100 * 1000 * 1000));
    } else if (kind == u"dir") {
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("keys.json")));
    } else if (kind == u"environ") {
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SECRET_TOKEN=hunter2\nPATH=/usr/bin\n");
    } else {
        keyFile = QStringLiteral("/proc/self/environ");
    }
    const QString config = dir.filePath(QStringLiteral("krakend.json"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QJsonDocument(QJsonObject {{QStringLiteral("version"), 3},
                              {QStringLiteral("endpoints"),
                                  QJsonArray {QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/k")},
                                      {QStringLiteral("backend"),
                                          QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/")},
                                              {QStringLiteral("host"), QJsonArray {QStringLiteral("http://b")}}}}},
                                      {QStringLiteral("extra_config"),
                                          QJsonObject {{QStringLiteral("auth/validator"),
                                              QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")},
                                                  {QStringLiteral("jwk_local_path"), keyFile},
                                                  {QStringLiteral("disable_jwk_security"), true}}}}}}}}})
                .toJson());
    }
    QElapsedTimer timer;
    timer.start();
    const Run r = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), config, QStringLiteral("--endpoint"),
        QStringLiteral("/k"), QStringLiteral("--token"), QString::fromLatin1(kToken), QStringLiteral("--at"), kAt,
        QStringLiteral("--json")});
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
    // "Well under a second" beyond the CLI's own start-up (which a sanitizer build alone takes about a second for).
    static const qint64 startup = [] {
        QElapsedTimer t;
        t.start();
        (void)runCli({QStringLiteral("--version")});
        return t.elapsed();
    }();
    QVERIFY2(
        elapsed < startup + 800, qPrintable(QStringLiteral("%1 ms, start-up alone %2 ms").arg(elapsed).arg(startup)));
    QVERIFY(r.json().value(QLatin1String("status")).isNull()); // no HTTP status: KrakenD does not start
    QCOMPARE(r.json().value(QLatin1String("startup")).toString(), QStringLiteral("fatal"));
    const QString reason = r.json().value(QLatin1String("reason")).toString();
    QVERIFY2(reason.startsWith(QStringLiteral("KrakenD would not start: ")), qPrintable(reason));
    QVERIFY2(reason.contains(expected), qPrintable(reason));
    // Nothing of the file's content in the whole answer: no "invalid character 'S'", no value.
    QVERIFY2(!r.out.contains("invalid character '"), r.out.constData());
    QVERIFY2(!r.out.contains("hunter2") && !r.out.contains("SECRET"), r.out.constData());

    // The same file as --jwks: the same limits, the same silence about the content.
    timer.restart();
    const Run jwks = runCli({QStringLiteral("simulate"), QStringLiteral("--config"), config,
        QStringLiteral("--endpoint"), QStringLiteral("/k"), QStringLiteral("--token"), QString::fromLatin1(kToken),
        QStringLiteral("--jwks"), keyFile, QStringLiteral("--json")});
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(jwks.exitCode == 2 && jwks.jsonOk, jwks.describe().constData());
    QVERIFY2(!jwks.out.contains("hunter2") && !jwks.out.contains("'S'"), jwks.out.constData());
}

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
