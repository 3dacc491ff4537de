// `jwt-workbench-cli config`, run as a real process: `config lint` on a krakend.json with a UTF-8 byte order mark
// (reported as KrakenD reports it), on files that are not JSON (said without their bytes) and with --jwks files that
// must not be read (/dev/zero, a FIFO, a 100 MB file); `config validator|signer --into` on an endpoint that already
// has the block (merge by default, --replace with the removed options listed, the legacy namespace kept unless
// --rename-legacy), with exactly what was written in the JSON output.
#include "ProcessRun.h"
#include "TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using jwb::test::Run;

namespace {

Run cli(const QStringList &args)
{
    return jwb::test::runProgram(jwb::test::cliPath(), args, {}, 30000);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray kBom = "\xEF\xBB\xBF";

const char kConfig[] = "{\n"
                       "  \"version\": 3,\n"
                       "  \"endpoints\": [\n"
                       "    {\n"
                       "      \"endpoint\": \"/orders\",\n"
                       "      \"backend\": [{\"url_pattern\": \"/orders\", \"host\": [\"http://svc:8080\"]}],\n"
                       "      \"extra_config\": {\n"
                       "        \"auth/validator\": {\n"
                       "          \"alg\": \"RS256\",\n"
                       "          \"jwk_url\": \"https://idp.example.com/jwks\",\n"
                       "          \"issuer\": \"https://idp.example.com\",\n"
                       "          \"audience\": [\"api\"],\n"
                       "          \"roles_key\": \"realm_access.roles\",\n"
                       "          \"roles_key_is_nested\": true,\n"
                       "          \"roles\": [\"admin\"],\n"
                       "          \"scopes\": [\"orders:read\"],\n"
                       "          \"propagate_claims\": [[\"sub\", \"x-user\"]]\n"
                       "        }\n"
                       "      }\n"
                       "    }\n"
                       "  ]\n"
                       "}\n";

} // namespace

class TestCliConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::remove(path + QStringLiteral(".bak"));
        return writeAll(path, bytes) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(jwb::test::cliPath()), qPrintable(jwb::test::cliPath()));
    }

    void lintByteOrderMark()
    {
        // Go's encoding/json refuses a BOM, so KrakenD would not start: one error finding that says so and how to
        // fix it; the rest of the file is linted as usual.
        const QString path = write(QStringLiteral("bom.json"), kBom + QByteArray(kConfig));
        const Run r = cli({QStringLiteral("config"), QStringLiteral("lint"), path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.json.value(QLatin1String("endpoints")).toInt(), 1);
        QJsonArray bom;
        for (const auto &f : r.json.value(QLatin1String("findings")).toArray())
            if (f.toObject().value(QLatin1String("code")).toString() == u"byte_order_mark")
                bom.append(f);
        QCOMPARE(bom.size(), 1);
        const QJsonObject finding = bom.first().toObject();
        QCOMPARE(finding.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        const QString message = finding.value(QLatin1String("message")).toString();
        QVERIFY2(message.startsWith(QStringLiteral("KrakenD would not start")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("invalid character 'ï' looking for beginning of value")));
        QVERIFY(message.contains(QStringLiteral("remove the byte order mark")));
        // Without the mark the same file has no such finding and passes.
        const QString plain = write(QStringLiteral("plain.json"), kConfig);
        const Run ok = cli({QStringLiteral("config"), QStringLiteral("lint"), plain, QStringLiteral("--json")});
        QVERIFY2(ok.exitCode == 0 && ok.jsonOk, ok.describe().constData());
        QVERIFY(!ok.out.contains("byte_order_mark"));
        // Linting never changes the file.
        QCOMPARE(readAll(path), kBom + QByteArray(kConfig));
    }

    void simulateByteOrderMark()
    {
        const QString path = write(QStringLiteral("bom-sim.json"), kBom + QByteArray(kConfig));
        const Run r = cli({QStringLiteral("simulate"), QStringLiteral("--config"), path, QStringLiteral("--endpoint"),
            QStringLiteral("/orders"), QStringLiteral("--token"), QStringLiteral("eyJhbGciOiJSUzI1NiJ9.e30.AAAA"),
            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
        // KrakenD does not start: no HTTP status (issue #18), the words and the log line instead.
        QVERIFY(r.json.value(QLatin1String("status")).isNull());
        QCOMPARE(r.json.value(QLatin1String("startup")).toString(), QStringLiteral("fatal"));
        QVERIFY(r.json.value(QLatin1String("startup_log"))
                    .toString()
                    .startsWith(QStringLiteral("the file starts with a UTF-8 byte order mark")));
        const QString reason = r.json.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("KrakenD would not start: the file starts with a UTF-8 byte order "
                                                  "mark")),
            qPrintable(reason));
    }

    void lintSummarySaysWhatWasChecked()
    {
        // Issue #18 item 12: a clean result says what it covers, byte for byte.
        const QString path = write(QStringLiteral("summary.json"), kConfig);
        const Run r = cli({QStringLiteral("config"), QStringLiteral("lint"), path});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.last(),
            path.toUtf8()
                + ": 1 endpoint(s), 1 with JWT blocks: 0 error(s), 2 warning(s) in the JWT blocks (auth/validator, "
                  "auth/signer, auth/revoker), the headers they propagate, and the file's version and byte order mark; "
                  "the rest of the file was not checked");
        // The new warning: x-user is propagated, but the endpoint has no input_headers (issue #18 item 7).
        QVERIFY2(r.out.contains("warning  propagated_header_not_forwarded: X-User is filled from a claim, but the "
                                "endpoint's input_headers is absent (no client header is forwarded): KrakenD's proxy "
                                "drops it before the backend, which never receives it. Add \"X-User\" to "
                                "input_headers"),
            r.out.constData());
        const Run json = cli({QStringLiteral("config"), QStringLiteral("lint"), path, QStringLiteral("--json")});
        QVERIFY2(json.jsonOk, json.describe().constData());
        QVERIFY(json.json.value(QLatin1String("checked"))
                    .toString()
                    .endsWith(QStringLiteral("the rest of the file was not checked")));
    }

    void simulateVersionTwo()
    {
        // Issue #18 items 1-2: version 2 is not simulated as if KrakenD served it (before: 200 with a warning).
        QByteArray text = kConfig;
        text.replace("\"version\": 3", "\"version\": 2");
        const QString path = write(QStringLiteral("v2.json"), text);
        const QStringList args
            = {QStringLiteral("simulate"), QStringLiteral("--config"), path, QStringLiteral("--endpoint"),
                QStringLiteral("/orders"), QStringLiteral("--token"), QStringLiteral("eyJhbGciOiJSUzI1NiJ9.e30.AAAA")};
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out.split('\n').first(), QByteArray("KrakenD would not start - unsupported version: 2 (want: 3)"));
        QVERIFY2(
            r.out.contains("   0  config           FAIL  KrakenD would not start: unsupported version: 2 (want: 3)   "
                           "<- KrakenD stops here"),
            r.out.constData());
        const Run all
            = cli({QStringLiteral("simulate"), QStringLiteral("--config"), path, QStringLiteral("--all-endpoints")});
        QCOMPARE(all.exitCode, 1);
        QVERIFY2(all.out.contains("GET     /orders                        fatal  KrakenD would not start: unsupported "
                                  "version: 2 (want: 3)"),
            all.out.constData());
        const Run json = cli(args + QStringList {QStringLiteral("--json")});
        QVERIFY2(json.jsonOk, json.describe().constData());
        QVERIFY(json.json.value(QLatin1String("status")).isNull());
        QCOMPARE(json.json.value(QLatin1String("startup")).toString(), QStringLiteral("fatal"));
        QCOMPARE(json.json.value(QLatin1String("startup_log")).toString(),
            QStringLiteral("unsupported version: 2 (want: 3)"));
    }

    void lintRefusesWhatIsNotAConfig_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QStringLiteral("text") << QStringLiteral("invalid_json")
                                  << QStringLiteral("is not a JSON file, so not a KrakenD configuration");
        QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral("unreadable_file")
                                   << QStringLiteral(": is a directory");
        QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("not_regular_file")
                              << QStringLiteral("is not a regular file (a FIFO)");
    }

    void lintRefusesWhatIsNotAConfig()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QString path = m_dir.filePath(QStringLiteral("lint-") + kind);
        if (kind == u"text")
            QVERIFY(writeAll(path, "root:$6$hash:19000:0:99999:7:::\n"));
        else if (kind == u"dir")
            QVERIFY(QDir().mkpath(path));
        else
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        const Run r = cli({QStringLiteral("config"), QStringLiteral("lint"), path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 2 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(r.errorMessage().contains(message), qPrintable(r.errorMessage()));
        QVERIFY2(!r.out.contains("root") && !r.err.contains("root"), r.describe().constData());
    }

    void lintJwksLimits_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("/dev/zero") << QStringLiteral("zero") << QStringLiteral("not_regular_file");
        QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("not_regular_file");
        QTest::newRow("100 MB sparse file") << QStringLiteral("sparse") << QStringLiteral("input_too_large");
    }

    void lintJwksLimits()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        const QString config = write(QStringLiteral("lint-jwks.json"), kConfig);
        QString jwks = m_dir.filePath(QStringLiteral("jwks-") + kind);
        QFile::remove(jwks);
        if (kind == u"zero") {
            jwks = QStringLiteral("/dev/zero");
        } else if (kind == u"fifo") {
            QCOMPARE(::mkfifo(QFile::encodeName(jwks).constData(), 0600), 0);
        } else {
            QFile f(jwks);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(100 * 1000 * 1000));
        }
        QElapsedTimer timer;
        timer.start();
        const Run r = cli({QStringLiteral("config"), QStringLiteral("lint"), config, QStringLiteral("--jwks"), jwks,
            QStringLiteral("--json")});
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(r.exitCode == 2 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.errorCode(), code);
    }

    void intoMergesByDefault()
    {
        const QString path = write(QStringLiteral("merge.json"), kConfig);
        const Run r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--scopes"),
            QStringLiteral("orders:write"), QStringLiteral("--endpoint"), QStringLiteral("/orders"),
            QStringLiteral("--into"), path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.json.value(QLatin1String("mode")).toString(), QStringLiteral("merge"));
        QCOMPARE(r.json.value(QLatin1String("namespace")).toString(), QStringLiteral("auth/validator"));
        QJsonObject expected = QJsonDocument::fromJson(kConfig)
                                   .object()
                                   .value(QLatin1String("endpoints"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("extra_config"))
                                   .toObject()
                                   .value(QLatin1String("auth/validator"))
                                   .toObject();
        expected.insert(QStringLiteral("scopes"), QJsonArray {QStringLiteral("orders:write")});
        // What the output says was written is what the file holds.
        QCOMPARE(r.json.value(QLatin1String("auth/validator")).toObject(), expected);
        const QJsonObject inFile = jwb::test::readJson(path)
                                       .object()
                                       .value(QLatin1String("endpoints"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QLatin1String("extra_config"))
                                       .toObject()
                                       .value(QLatin1String("auth/validator"))
                                       .toObject();
        QCOMPARE(inFile, expected);
        QCOMPARE(r.json.value(QLatin1String("given")).toArray(), QJsonArray {QStringLiteral("scopes")});
        QVERIFY(r.json.value(QLatin1String("kept")).toArray().contains(QStringLiteral("roles")));
        QVERIFY(r.json.value(QLatin1String("removed")).toObject().isEmpty());

        // The text form says the same.
        const Run text = cli(
            {QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--roles"), QStringLiteral("ops"),
                QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"), path});
        QVERIFY2(text.exitCode == 0, text.describe().constData());
        QVERIFY2(text.out.startsWith("merged into auth/validator of GET /orders in "), text.out.constData());
        QVERIFY(text.out.contains("set roles; kept "));
        QVERIFY(text.err.isEmpty());
    }

    void intoReplaceListsWhatItRemoved()
    {
        const QString path = write(QStringLiteral("replace.json"), kConfig);
        const Run r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--alg"),
            QStringLiteral("RS256"), QStringLiteral("--jwk-url"), QStringLiteral("https://idp.example.com/jwks"),
            QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"), path,
            QStringLiteral("--replace"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.json.value(QLatin1String("mode")).toString(), QStringLiteral("replace"));
        QStringList removed;
        for (const auto &v : r.json.value(QLatin1String("removed_security_relevant")).toArray())
            removed << v.toString();
        removed.sort();
        QCOMPARE(removed,
            (QStringList {QStringLiteral("audience"), QStringLiteral("issuer"), QStringLiteral("propagate_claims"),
                QStringLiteral("roles"), QStringLiteral("roles_key"), QStringLiteral("roles_key_is_nested"),
                QStringLiteral("scopes")}));
        for (const QString &name : removed)
            QVERIFY2(
                r.err.contains(QByteArray("warning: removed the security-relevant option " + name.toUtf8() + " (was ")),
                r.err.constData());
        QVERIFY(r.err.contains("roles (was [\"admin\"])"));
        QCOMPARE(r.json.value(QLatin1String("auth/validator")).toObject(),
            QJsonObject({{QStringLiteral("alg"), QStringLiteral("RS256")},
                {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")}}));
    }

    void intoLegacyNamespace()
    {
        QByteArray legacy = kConfig;
        legacy.replace("\"auth/validator\"", "\"github.com/devopsfaith/krakend-jose/validator\"");
        const QString path = write(QStringLiteral("legacy.json"), legacy);
        Run r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--roles"),
            QStringLiteral("ops"), QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"),
            path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.json.value(QLatin1String("namespace")).toString(),
            QStringLiteral("github.com/devopsfaith/krakend-jose/validator"));
        QVERIFY(r.json.value(QLatin1String("legacy_namespace")).toBool());
        QVERIFY(!r.json.contains(QLatin1String("auth/validator")));
        QVERIFY(r.json.value(QLatin1String("github.com/devopsfaith/krakend-jose/validator"))
                    .toObject()
                    .contains(QLatin1String("issuer")));
        QVERIFY(r.err.contains("--rename-legacy"));
        QVERIFY(!readAll(path).contains("\"auth/validator\""));

        r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--roles"),
            QStringLiteral("ops"), QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"),
            path, QStringLiteral("--rename-legacy"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        QCOMPARE(r.json.value(QLatin1String("namespace")).toString(), QStringLiteral("auth/validator"));
        QCOMPARE(r.json.value(QLatin1String("renamed_from")).toString(),
            QStringLiteral("github.com/devopsfaith/krakend-jose/validator"));
        QVERIFY(r.json.value(QLatin1String("auth/validator")).toObject().contains(QLatin1String("propagate_claims")));
        QVERIFY(!readAll(path).contains("devopsfaith"));
    }

    void intoKeepsWhatATokenWouldDefault()
    {
        // --from-token only fills what neither the command line nor the block has: the block's issuer stays.
        const QString path = write(QStringLiteral("token.json"), kConfig);
        const QByteArray header
            = QByteArray(R"({"alg":"ES256"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray payload = QByteArray(R"({"iss":"https:\/\/other.example","aud":"web"})")
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const Run r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--from-token"),
            QString::fromLatin1(header + '.' + payload + ".c2ln"), QStringLiteral("--roles"), QStringLiteral("ops"),
            QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"), path,
            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        const QJsonObject block = r.json.value(QLatin1String("auth/validator")).toObject();
        QCOMPARE(block.value(QLatin1String("issuer")).toString(), QStringLiteral("https://idp.example.com"));
        QCOMPARE(block.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(block.value(QLatin1String("audience")).toArray(), QJsonArray {QStringLiteral("api")});
        QVERIFY2(!r.err.contains("taken from the token"), r.err.constData());
    }

    void intoSignerMerges()
    {
        QByteArray config = kConfig;
        config.replace("\"auth/validator\": {",
            "\"auth/signer\": {\"alg\": \"HS256\", \"kid\": \"k1\", \"keys_to_sign\": [\"access_token\"], "
            "\"jwk_url\": \"https://keys.example.com/jwks\", \"full\": true},\n        \"auth/validator\": {");
        const QString path = write(QStringLiteral("signer.json"), config);
        const Run r = cli({QStringLiteral("config"), QStringLiteral("signer"), QStringLiteral("--kid"),
            QStringLiteral("k2"), QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"),
            path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        const QJsonObject block = r.json.value(QLatin1String("auth/signer")).toObject();
        QCOMPARE(block.value(QLatin1String("kid")).toString(), QStringLiteral("k2"));
        QCOMPARE(block.value(QLatin1String("keys_to_sign")).toArray(), QJsonArray {QStringLiteral("access_token")});
        QVERIFY(block.value(QLatin1String("full")).toBool());
    }

    void intoWithAByteOrderMark()
    {
        const QString path = write(QStringLiteral("bom-into.json"), kBom + QByteArray(kConfig));
        const Run r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--roles"),
            QStringLiteral("ops"), QStringLiteral("--endpoint"), QStringLiteral("/orders"), QStringLiteral("--into"),
            path, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
        QVERIFY(readAll(path).startsWith(kBom));
        QVERIFY2(r.err.contains("KrakenD would not start"), r.err.constData());
        QVERIFY(r.json.value(QLatin1String("warnings"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QStringLiteral("byte order mark")));
    }

    void placementFlagsNeedInto()
    {
        for (const char *flag : {"--replace", "--rename-legacy"}) {
            const Run r = cli({QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--alg"),
                QStringLiteral("RS256"), QStringLiteral("--jwk-url"), QStringLiteral("https://idp/jwks"),
                QString::fromLatin1(flag), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 2 && r.jsonOk, r.describe().constData());
            QCOMPARE(r.errorCode(), QStringLiteral("usage"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
