// `jwt-workbench-cli matrix`, run as a real process: test tokens for the sample gateway's endpoint with the demo
// key (JSON document, expected statuses per case), a generated key with --jwks-out, the --script form, and the
// usage/input errors (exit 2 with a stable error code).
#include "ProcessRun.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using jwb::test::Run;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(JWB_SOURCE_DIR) + QStringLiteral("/resources/samples/") + QLatin1String(name);
}

Run cli(const QStringList &args)
{
    return jwb::test::runProgram(jwb::test::cliPath(), args, {}, 60000);
}

QHash<QString, int> statuses(const QJsonObject &doc)
{
    QHash<QString, int> out;
    for (const auto &c : doc.value(QLatin1String("cases")).toArray())
        out.insert(c.toObject().value(QLatin1String("id")).toString(),
            c.toObject().value(QLatin1String("expected_status")).toInt());
    return out;
}

/// A validator block for `alg` with a jwk_url, written to validator.json in `dir`; empty when it cannot be written.
QString writeValidator(const QTemporaryDir &dir, const QString &alg)
{
    const QString path = dir.filePath(QStringLiteral("validator.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(QJsonObject {{QStringLiteral("alg"), alg},
                              {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")}})
                .toJson());
    return path;
}

} // namespace

class TestCliMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleEndpointWithDemoKey()
    {
        const Run r = cli(
            {QStringLiteral("matrix"), QStringLiteral("--config"), sample("krakend.json"), QStringLiteral("--endpoint"),
                QStringLiteral("/v1/orders"), QStringLiteral("--key"), sample("demo-private.pem"),
                QStringLiteral("--at"), QStringLiteral("2026-11-28T12:00:00Z"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        const QHash<QString, int> s = statuses(r.json);
        QCOMPARE(s.size(), 12);
        QCOMPARE(s.value(QStringLiteral("valid")), 200);
        QCOMPARE(s.value(QStringLiteral("expired")), 401);
        QCOMPARE(s.value(QStringLiteral("inside_leeway")), 200);
        QCOMPARE(s.value(QStringLiteral("outside_leeway")), 401);
        QCOMPARE(s.value(QStringLiteral("wrong_audience")), 401);
        QCOMPARE(s.value(QStringLiteral("missing_role")), 403);
        QCOMPARE(s.value(QStringLiteral("missing_scope")), 403);
        QCOMPARE(s.value(QStringLiteral("unknown_kid")), 401);
        QCOMPARE(s.value(QStringLiteral("alg_none")), 401);
        QCOMPARE(s.value(QStringLiteral("hs256_public_key")), 401);
        QCOMPARE(s.value(QStringLiteral("nbf_future")), 401);
        QCOMPARE(r.json.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(r.json.value(QLatin1String("generated_key")).toBool(), false);
        // The curl lines use the config's port.
        const QString curl
            = r.json.value(QLatin1String("cases")).toArray().first().toObject().value(QLatin1String("curl")).toString();
        QVERIFY2(curl.endsWith(QStringLiteral("'http://localhost:8080/v1/orders'")), qPrintable(curl));
    }

    void generatedKeyWritesJwks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString validator = dir.filePath(QStringLiteral("validator.json"));
        {
            QFile f(validator);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject {{QStringLiteral("alg"), QStringLiteral("ES256")},
                                      {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")},
                                      {QStringLiteral("roles"), QJsonArray {QStringLiteral("admin")}}})
                        .toJson());
        }
        const QString jwks = dir.filePath(QStringLiteral("jwks.json"));
        const Run r = cli(
            {QStringLiteral("matrix"), QStringLiteral("--validator"), validator, QStringLiteral("--jwks-out"), jwks});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(r.out.contains("valid"));
        QVERIFY(r.out.contains("curl -i -H 'Authorization: Bearer "));
        const QJsonObject set = jwb::test::readJson(dir.filePath(QStringLiteral("jwks.json"))).object();
        const QJsonArray keys = set.value(QLatin1String("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.first().toObject().value(QLatin1String("crv")).toString(), QStringLiteral("P-256"));
        QVERIFY(!keys.first().toObject().contains(QLatin1String("d")));

        const Run script
            = cli({QStringLiteral("matrix"), QStringLiteral("--validator"), validator, QStringLiteral("--script")});
        QVERIFY2(script.exitCode == 0, script.describe().constData());
        QVERIFY(script.out.startsWith("#!/bin/sh"));
        QCOMPARE(script.out.count("\ncurl -i "), 12);
    }

    void jwksOutModes_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<int>("mode");
        // For HS256 the JWK Set KrakenD needs holds the shared secret itself: 0600 whatever the umask.
        QTest::newRow("HS256 secret") << QStringLiteral("HS256") << 0600;
        QTest::newRow("ES256 public key") << QStringLiteral("ES256") << 0666;
    }

    void jwksOutModes()
    {
        QFETCH(QString, alg);
        QFETCH(int, mode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString validator = writeValidator(dir, alg);
        QVERIFY(!validator.isEmpty());
        const QString jwks = dir.filePath(QStringLiteral("jwks.json"));
        const Run r = jwb::test::runProgram(QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("umask 0; exec \"$0\" \"$@\""), jwb::test::cliPath(),
                QStringLiteral("matrix"), QStringLiteral("--validator"), validator, QStringLiteral("--jwks-out"), jwks},
            {}, 60000);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(jwks).constData(), &st), 0);
        QCOMPARE(static_cast<int>(st.st_mode & 07777), mode);
        const QJsonObject key
            = jwb::test::readJson(jwks).object().value(QLatin1String("keys")).toArray().first().toObject();
        QCOMPARE(key.contains(QLatin1String("k")), alg == u"HS256");
    }

    void securitySweep_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QStringList>("ids");
        // Every attack is refused (401) except wrong_typ: KrakenD does not check typ, so the simulation expects 200.
        const QStringList common {QStringLiteral("alg_none_capitalised"), QStringLiteral("alg_none_upper"),
            QStringLiteral("alg_none_mixed"), QStringLiteral("embedded_jwk"), QStringLiteral("kid_injection"),
            QStringLiteral("stripped_signature"), QStringLiteral("wrong_typ")};
        QTest::newRow("RS256") << QStringLiteral("RS256") << common;
        QTest::newRow("ES256: psychic ECDSA too")
            << QStringLiteral("ES256") << common + QStringList {QStringLiteral("psychic_ecdsa")};
        QTest::newRow("HS256") << QStringLiteral("HS256") << common;
    }

    void securitySweep()
    {
        QFETCH(QString, alg);
        QFETCH(QStringList, ids);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString validator = writeValidator(dir, alg);
        QVERIFY(!validator.isEmpty());
        const Run r = cli({QStringLiteral("matrix"), QStringLiteral("--validator"), validator,
            QStringLiteral("--sweep"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        QHash<QString, int> sweep;
        QHash<QString, QString> tokens;
        for (const auto &value : r.json.value(QLatin1String("cases")).toArray()) {
            const QJsonObject c = value.toObject();
            if (c.value(QLatin1String("sweep")).toBool()) {
                sweep.insert(
                    c.value(QLatin1String("id")).toString(), c.value(QLatin1String("expected_status")).toInt());
                tokens.insert(c.value(QLatin1String("id")).toString(), c.value(QLatin1String("token")).toString());
            }
        }
        QStringList got = sweep.keys();
        got.sort();
        ids.sort();
        QCOMPARE(got, ids);
        for (auto it = sweep.cbegin(); it != sweep.cend(); ++it)
            QCOMPARE(it.value(), it.key() == u"wrong_typ" ? 200 : 401);
        // The shapes of the attacks: a stripped signature ends with its dot; psychic ECDSA is all zero bytes.
        QVERIFY(tokens.value(QStringLiteral("stripped_signature")).endsWith(u'.'));
        if (ids.contains(QStringLiteral("psychic_ecdsa")))
            QCOMPARE(tokens.value(QStringLiteral("psychic_ecdsa")).split(u'.').at(2), QString(86, u'A'));
        const QByteArray header = QByteArray::fromBase64(
            tokens.value(QStringLiteral("embedded_jwk")).split(u'.').first().toLatin1(), QByteArray::Base64UrlEncoding);
        QVERIFY2(QJsonDocument::fromJson(header).object().value(QLatin1String("jwk")).isObject(), header.constData());
        // The matrix's own alg_none is listed once, as a matrix case.
        QCOMPARE(r.json.value(QLatin1String("cases")).toArray().size(), 12 - (alg == u"HS256" ? 1 : 0) + ids.size());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("no source") << QStringList {} << QStringLiteral("usage");
        QTest::newRow("endpoint missing")
            << QStringList {QStringLiteral("--config"), sample("krakend.json")} << QStringLiteral("usage");
        QTest::newRow("unknown endpoint") << QStringList {QStringLiteral("--config"), sample("krakend.json"),
            QStringLiteral("--endpoint"), QStringLiteral("/nope")}
                                          << QStringLiteral("endpoint_not_found");
        QTest::newRow("public key cannot sign") << QStringList {QStringLiteral("--config"), sample("krakend.json"),
            QStringLiteral("--endpoint"), QStringLiteral("/v1/orders"), QStringLiteral("--key"),
            sample("demo-public.pem")} << QStringLiteral("key_not_private");
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        const Run r = cli(QStringList {QStringLiteral("matrix")} + args + QStringList {QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.jsonOk, r.describe().constData());
        QCOMPARE(r.errorCode(), code);
    }

    void configKrakendWouldNotStart()
    {
        // The sample file as version 2: lura refuses it at start-up, so no token has an expected status.
        QFile sampleFile(sample("krakend.json"));
        QVERIFY(sampleFile.open(QIODevice::ReadOnly));
        QByteArray text = sampleFile.readAll();
        QVERIFY(text.contains("\"version\": 3"));
        text.replace("\"version\": 3", "\"version\": 2");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("krakend.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(text) == text.size());
        out.close();
        const Run r = cli({QStringLiteral("matrix"), QStringLiteral("--config"), path, QStringLiteral("--endpoint"),
            QStringLiteral("/v1/orders"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errorCode(), QStringLiteral("not_started"));
        QVERIFY2(r.err.contains("KrakenD would not start: unsupported version: 2 (want: 3)"), r.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliMatrix)
#include "tst_cli_matrix.moc"
