// `jwt-workbench-cli decode`, run as a real process: the RFC 7515/7520 examples, the JSON document of
// docs/cli.md, token input forms (argument, stdin, --token-file, Authorization header), --at, and the exit
// codes and JSON errors of malformed tokens and bad usage.
#include "ProcessRun.h"
#include "TestData.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using jwb::test::Run;
using jwb::test::runCli;

QByteArray b64u(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A hand-made token for the input-form and malformed cases (exp 2030-01-01T00:00:00Z).
const QByteArray kHeader = R"({"alg":"HS256","typ":"JWT","kid":"k1"})";
const QByteArray kPayload = R"({"sub":"alice","iat":1893452400,"exp":1893456000})";
const QByteArray kSignature = QByteArray::fromHex("6a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");

QByteArray token()
{
    return b64u(kHeader) + '.' + b64u(kPayload) + '.' + b64u(kSignature);
}

QString tokenText()
{
    return QString::fromLatin1(token());
}

QJsonObject vector(const QString &file, const QString &id)
{
    const QJsonArray entries = jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/") + file))
                                   .object()
                                   .value(QStringLiteral("jws"))
                                   .toArray();
    for (const auto &e : entries)
        if (e.toObject().value(QStringLiteral("id")).toString() == id)
            return e.toObject();
    return {};
}

QStringList findingCodes(const QJsonObject &doc)
{
    QStringList codes;
    for (const auto &f : doc.value(QStringLiteral("findings")).toArray())
        codes << f.toObject().value(QStringLiteral("code")).toString();
    return codes;
}

// Half-way through the hand-made token's lifetime (iat 23:00, exp 00:00).
const QString kAtValid = QStringLiteral("2029-12-31T23:30:00Z");

} // namespace

class TestCliDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rfcVectors_data();
    void rfcVectors();
    void rfc7515A1TimesAndExpired();
    void atMakesA1Valid_data();
    void atMakesA1Valid();
    void unsecuredA5();
    void tokenSources_data();
    void tokenSources();
    void tokenFile();
    void jwe();
    void malformed_data();
    void malformed();
    void usageErrors_data();
    void usageErrors();
    void help_data();
    void help();
    void unreadableTokenFile_data();
    void unreadableTokenFile();
    void invalidAt();
};

void TestCliDecode::initTestCase()
{
    QVERIFY2(QFileInfo::exists(jwb::test::cliPath()), qPrintable(jwb::test::cliPath()));
}

void TestCliDecode::rfcVectors_data()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    JWB_REQUIRE_SHARED("testvectors/rfc/7520.json");
    QTest::addColumn<QJsonObject>("vector");
    int rows = 0;
    for (const QString &file : {QStringLiteral("7515.json"), QStringLiteral("7520.json")}) {
        const QJsonArray entries = jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/") + file))
                                       .object()
                                       .value(QStringLiteral("jws"))
                                       .toArray();
        for (const auto &e : entries) {
            QTest::newRow(qPrintable(e.toObject().value(QStringLiteral("id")).toString())) << e.toObject();
            ++rows;
        }
    }
    QCOMPARE(rows, 10);
}

void TestCliDecode::rfcVectors()
{
    QFETCH(QJsonObject, vector);
    auto str = [&](const char *key) { return vector.value(QLatin1String(key)).toString(); };

    const Run r = runCli(
        {QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"), kAtValid, str("compact")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QVERIFY2(!r.json.contains(QStringLiteral("error")), r.describe().constData());
    QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("JWS"));
    QCOMPARE(r.json.value(QStringLiteral("source")).toString(), QStringLiteral("token"));

    QCOMPARE(r.json.value(QStringLiteral("header")).toObject(),
        QJsonDocument::fromJson(str("protected_header").toUtf8()).object());
    QCOMPARE(r.json.value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(), str("alg"));

    const QJsonDocument payloadDoc = QJsonDocument::fromJson(str("payload").toUtf8());
    if (payloadDoc.isObject()) {
        QCOMPARE(r.json.value(QStringLiteral("payload")).toObject(), payloadDoc.object());
    } else {
        // RFC 7520's payload is prose, not claims: shown as text (empty for detached content).
        QVERIFY(r.json.value(QStringLiteral("payload")).isNull());
        QCOMPARE(r.json.value(QStringLiteral("payload_text")).toString(), str("payload"));
    }

    const QJsonArray segments = r.json.value(QStringLiteral("segments")).toArray();
    QCOMPARE(segments.size(), 3);
    QCOMPARE(segments[0].toString(), str("protected_b64u"));
    QCOMPARE(segments[1].toString(), str("payload_b64u"));
    QCOMPARE(segments[2].toString(), str("signature_b64u"));
    QCOMPARE(r.json.value(QStringLiteral("signature")).toString(), str("signature_b64u"));
    QCOMPARE(QByteArray::fromBase64(
                 r.json.value(QStringLiteral("signature")).toString().toLatin1(), QByteArray::Base64UrlEncoding),
        QByteArray::fromHex(str("signature_hex").toLatin1()));
    QVERIFY(r.json.value(QStringLiteral("times")).isObject());
    QVERIFY(r.json.value(QStringLiteral("findings")).isArray());
    for (const auto &f : r.json.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject o = f.toObject();
        QVERIFY(QStringList({QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")})
                    .contains(o.value(QStringLiteral("severity")).toString()));
        QVERIFY(!o.value(QStringLiteral("code")).toString().isEmpty());
        QVERIFY(!o.value(QStringLiteral("message")).toString().isEmpty());
    }

    // The text form decodes the same token with the same exit code.
    const Run text = runCli({QStringLiteral("decode"), QStringLiteral("--at"), kAtValid, str("compact")});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    const QByteArray algLine = "\"alg\": \"" + str("alg").toLatin1() + '"';
    QVERIFY2(text.out.contains(algLine), text.describe().constData());
    QVERIFY2(text.out.contains(str("signature_b64u").toLatin1()), text.describe().constData());
}

void TestCliDecode::rfc7515A1TimesAndExpired()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    const QJsonObject a1 = vector(QStringLiteral("7515.json"), QStringLiteral("rfc7515-A.1"));
    QVERIFY(!a1.isEmpty());
    // Default time is now: A.1 (exp 2011-03-22) is long expired.
    for (const QStringList &extra :
        {QStringList(), QStringList {QStringLiteral("--at"), QStringLiteral("1400000000")}}) {
        const Run r = runCli(QStringList {QStringLiteral("decode"), QStringLiteral("--json")} + extra
            + QStringList {a1.value(QStringLiteral("compact")).toString()});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(r.jsonOk);
        const QJsonObject exp
            = r.json.value(QStringLiteral("times")).toObject().value(QStringLiteral("exp")).toObject();
        QCOMPARE(exp.value(QStringLiteral("unix")).toInteger(), qint64(1300819380));
        QCOMPARE(exp.value(QStringLiteral("iso")).toString(), QStringLiteral("2011-03-22T18:43:00Z"));
        QVERIFY(exp.value(QStringLiteral("relative")).toString().endsWith(QStringLiteral(" ago")));
        QVERIFY(exp.value(QStringLiteral("summary")).toString().startsWith(QStringLiteral("expired ")));
        QVERIFY(!r.json.value(QStringLiteral("times")).toObject().contains(QStringLiteral("iat")));
        const QStringList codes = findingCodes(r.json);
        QVERIFY2(codes.contains(QStringLiteral("expired")), r.describe().constData());
        for (const auto &f : r.json.value(QStringLiteral("findings")).toArray())
            if (f.toObject().value(QStringLiteral("code")).toString() == u"expired") {
                QCOMPARE(f.toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
                QCOMPARE(f.toObject().value(QStringLiteral("subject")).toString(), QStringLiteral("exp"));
            }
    }
}

void TestCliDecode::atMakesA1Valid_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<bool>("expired");
    QTest::addColumn<QString>("summary");
    QTest::newRow("RFC 3339, 43 min before")
        << QStringLiteral("2011-03-22T18:00:00Z") << false << QStringLiteral("expires in 43 min");
    QTest::newRow("RFC 3339 with offset")
        << QStringLiteral("2011-03-22T19:00:00+01:00") << false << QStringLiteral("expires in 43 min");
    QTest::newRow("unix, one second before")
        << QStringLiteral("1300819379") << false << QStringLiteral("expires in 1 s");
    QTest::newRow("unix, exactly exp") << QStringLiteral("1300819380") << true << QStringLiteral("expired now");
    QTest::newRow("RFC 3339, one hour after")
        << QStringLiteral("2011-03-22T19:43:00Z") << true << QStringLiteral("expired 1 h ago");
}

void TestCliDecode::atMakesA1Valid()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    QFETCH(QString, at);
    QFETCH(bool, expired);
    QFETCH(QString, summary);
    const QJsonObject a1 = vector(QStringLiteral("7515.json"), QStringLiteral("rfc7515-A.1"));
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"), at,
        a1.value(QStringLiteral("compact")).toString()});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.jsonOk);
    QCOMPARE(findingCodes(r.json).contains(QStringLiteral("expired")), expired);
    QCOMPARE(r.json.value(QStringLiteral("times"))
                 .toObject()
                 .value(QStringLiteral("exp"))
                 .toObject()
                 .value(QStringLiteral("summary"))
                 .toString(),
        summary);

    // Text output agrees.
    const Run text = runCli(
        {QStringLiteral("decode"), QStringLiteral("--at"), at, a1.value(QStringLiteral("compact")).toString()});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(summary.toUtf8()), text.describe().constData());
    QCOMPARE(text.out.contains("expired: "), expired);
}

void TestCliDecode::unsecuredA5()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    const QJsonObject a5 = vector(QStringLiteral("7515.json"), QStringLiteral("rfc7515-A.5"));
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"), kAtValid,
        a5.value(QStringLiteral("compact")).toString()});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.jsonOk);
    QCOMPARE(r.json.value(QStringLiteral("signature")).toString(), QString());
    QVERIFY2(findingCodes(r.json).contains(QStringLiteral("alg_none")), r.describe().constData());
    QVERIFY(!findingCodes(r.json).contains(QStringLiteral("missing_signature")));
}

void TestCliDecode::tokenSources_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<QString>("source");
    const QString tok = tokenText();
    const QStringList base {QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"), kAtValid};
    QTest::newRow("argument") << base + QStringList {tok} << QByteArray() << QStringLiteral("token");
    QTest::newRow("stdin with -") << base + QStringList {QStringLiteral("-")} << token() + '\n'
                                  << QStringLiteral("token");
    QTest::newRow("stdin without argument") << base << token() + "\r\n" << QStringLiteral("token");
    QTest::newRow("stdin Authorization header")
        << base + QStringList {QStringLiteral("-")} << "Authorization: Bearer " + token() + "\r\n"
        << QStringLiteral("Authorization header");
    QTest::newRow("Authorization header argument")
        << base + QStringList {QStringLiteral("Authorization: Bearer ") + tok} << QByteArray()
        << QStringLiteral("Authorization header");
    QTest::newRow("bearer argument") << base + QStringList {QStringLiteral("bearer ") + tok} << QByteArray()
                                     << QStringLiteral("Bearer");
    QTest::newRow("token before options") << QStringList {QStringLiteral("decode"), tok, QStringLiteral("--json")}
                                          << QByteArray() << QStringLiteral("token");
}

void TestCliDecode::tokenSources()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinData);
    QFETCH(QString, source);
    const Run r = runCli(args, stdinData);
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QStringLiteral("source")).toString(), source);
    QCOMPARE(r.json.value(QStringLiteral("header")).toObject(), QJsonDocument::fromJson(kHeader).object());
    QCOMPARE(r.json.value(QStringLiteral("payload")).toObject(), QJsonDocument::fromJson(kPayload).object());
    QCOMPARE(r.json.value(QStringLiteral("signature")).toString(), QString::fromLatin1(b64u(kSignature)));
}

void TestCliDecode::tokenFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("token.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Bearer " + token() + "\n");
    f.close();
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"), kAtValid,
        QStringLiteral("--token-file"), path});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.jsonOk);
    QCOMPARE(r.json.value(QStringLiteral("source")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(r.json.value(QStringLiteral("payload")).toObject(), QJsonDocument::fromJson(kPayload).object());
    QCOMPARE(r.json.value(QStringLiteral("times"))
                 .toObject()
                 .value(QStringLiteral("exp"))
                 .toObject()
                 .value(QStringLiteral("unix"))
                 .toInteger(),
        qint64(1893456000));
    QVERIFY2(findingCodes(r.json).isEmpty(), r.describe().constData());

    // A token file and a token argument together are a usage error.
    const Run both = runCli(
        {QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--token-file"), path, tokenText()});
    QCOMPARE(both.exitCode, 2);
    QVERIFY(both.jsonOk);
    QCOMPARE(both.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("usage"));
}

void TestCliDecode::jwe()
{
    const QByteArray header = R"({"alg":"RSA-OAEP","enc":"A256GCM","kid":"enc-1"})";
    const QByteArray compact = b64u(header) + '.' + b64u(QByteArray(256, '\x11')) + '.' + b64u(QByteArray(12, 'i'))
        + '.' + b64u("ciphertext") + '.' + b64u(QByteArray(16, 't'));
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QString::fromLatin1(compact)});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.jsonOk);
    QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("JWE"));
    QCOMPARE(r.json.value(QStringLiteral("header")).toObject(), QJsonDocument::fromJson(header).object());
    QVERIFY(r.json.value(QStringLiteral("payload")).isNull());
    QCOMPARE(r.json.value(QStringLiteral("encrypted")).toBool(), true);
    QCOMPARE(r.json.value(QStringLiteral("segments")).toArray().size(), 5);
    QVERIFY(findingCodes(r.json).contains(QStringLiteral("jwe_encrypted")));

    const Run text = runCli({QStringLiteral("decode"), QString::fromLatin1(compact)});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("encrypted"), text.describe().constData());
    QVERIFY2(text.out.contains("RSA-OAEP"), text.describe().constData());
}

void TestCliDecode::malformed_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("segment"); ///< 1-based as printed, 0: none
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("stderrMentions");
    QTest::addColumn<bool>("headerDecoded");
    QTest::addColumn<bool>("payloadDecoded");

    const QByteArray h = b64u(kHeader);
    const QByteArray p = b64u(kPayload);
    const QByteArray s = b64u(kSignature);
    const qint64 payloadStart = h.size() + 1;
    const qint64 signatureStart = h.size() + 1 + p.size() + 1;

    QByteArray badSig = token();
    badSig[signatureStart + 10] = '*';
    QTest::newRow("asterisk in signature")
        << QString::fromLatin1(badSig) << QStringLiteral("invalid_base64url") << 3 << signatureStart + 10
        << QStringLiteral("segment 3 (signature): '*' at character 11") << true << true;
    QByteArray badPayload = token();
    badPayload[payloadStart + 4] = '+';
    QTest::newRow("plus in payload") << QString::fromLatin1(badPayload) << QStringLiteral("invalid_base64url") << 2
                                     << payloadStart + 4 << QStringLiteral("segment 2 (payload): '+' at character 5")
                                     << true << false;
    QByteArray badHeader = token();
    badHeader[7] = '=';
    QTest::newRow("padding in header") << QString::fromLatin1(badHeader) << QStringLiteral("invalid_base64url") << 1
                                       << qint64(7) << QStringLiteral("segment 1 (header): '=' at character 8") << false
                                       << true;
    QTest::newRow("non-ASCII in payload")
        << QString::fromLatin1(h + '.' + p.left(6)) + QStringLiteral("\u00e9") + QString::fromLatin1(p.mid(7) + '.' + s)
        << QStringLiteral("invalid_base64url") << 2 << payloadStart + 6
        << QStringLiteral("segment 2 (payload): '\u00e9' (U+00E9) at character 7") << true << false;
    QTest::newRow("two segments") << QString::fromLatin1(h + '.' + p) << QStringLiteral("wrong_segment_count") << 0
                                  << qint64(h.size() + 1 + p.size()) << QStringLiteral("this has 2 segments") << true
                                  << true;
    QTest::newRow("header not JSON") << QString::fromLatin1(b64u("{alg:HS256}") + '.' + p + '.' + s)
                                     << QStringLiteral("invalid_json") << 1 << qint64(0)
                                     << QStringLiteral("segment 1 (header) is not valid JSON") << false << true;
}

void TestCliDecode::malformed()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(int, segment);
    QFETCH(qint64, offset);
    QFETCH(QString, stderrMentions);
    QFETCH(bool, headerDecoded);
    QFETCH(bool, payloadDecoded);

    // Text mode: exit 2, stderr names the segment and the character, stdout shows what could be decoded.
    const Run text = runCli({QStringLiteral("decode"), QStringLiteral("--at"), kAtValid, input});
    QVERIFY2(text.exitCode == 2, text.describe().constData());
    const QString err = QString::fromUtf8(text.err);
    QVERIFY2(err.contains(stderrMentions), text.describe().constData());
    if (code == u"invalid_base64url")
        QVERIFY2(
            err.contains(QStringLiteral("character %1 of the token").arg(offset + 1)), text.describe().constData());
    if (headerDecoded)
        QVERIFY2(text.out.contains("\"alg\": \"HS256\""), text.describe().constData());

    // JSON mode: the error object plus the partial decode.
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"), kAtValid, input});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QVERIFY(!r.err.isEmpty());
    const QJsonObject error = r.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    if (segment > 0)
        QCOMPARE(error.value(QStringLiteral("segment")).toInt(), segment);
    else
        QVERIFY(!error.contains(QStringLiteral("segment")));
    QCOMPARE(error.value(QStringLiteral("offset")).toInteger(), offset);
    QVERIFY(!r.json.value(QStringLiteral("issues")).toArray().isEmpty());

    if (headerDecoded)
        QCOMPARE(r.json.value(QStringLiteral("header")).toObject(), QJsonDocument::fromJson(kHeader).object());
    else
        QVERIFY(r.json.value(QStringLiteral("header")).isNull());
    if (payloadDecoded) {
        QCOMPARE(r.json.value(QStringLiteral("payload")).toObject(), QJsonDocument::fromJson(kPayload).object());
        QCOMPARE(r.json.value(QStringLiteral("times"))
                     .toObject()
                     .value(QStringLiteral("exp"))
                     .toObject()
                     .value(QStringLiteral("unix"))
                     .toInteger(),
            qint64(1893456000));
    } else {
        QVERIFY(r.json.value(QStringLiteral("payload")).isNull());
    }
}

void TestCliDecode::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("stderrMentions");
    const QString tok = tokenText();
    QTest::newRow("unknown option") << QStringList {QStringLiteral("decode"), QStringLiteral("--bogus"), tok}
                                    << QByteArray() << QStringLiteral("usage") << QStringLiteral("bogus");
    QTest::newRow("option missing its value") << QStringList {QStringLiteral("decode"), QStringLiteral("--at")}
                                              << QByteArray() << QStringLiteral("usage") << QStringLiteral("at");
    QTest::newRow("two tokens") << QStringList {QStringLiteral("decode"), tok, tok} << QByteArray()
                                << QStringLiteral("usage") << QStringLiteral("2 arguments");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("decodee"), tok} << QByteArray()
                                     << QStringLiteral("unknown_command") << QStringLiteral("decodee");
    QTest::newRow("empty stdin") << QStringList {QStringLiteral("decode")} << QByteArray()
                                 << QStringLiteral("empty_token") << QStringLiteral("no token");
    QTest::newRow("blank argument") << QStringList {QStringLiteral("decode"), QStringLiteral("  ")} << QByteArray()
                                    << QStringLiteral("empty_token") << QStringLiteral("no token");
}

void TestCliDecode::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinData);
    QFETCH(QString, code);
    QFETCH(QString, stderrMentions);

    const Run text = runCli(args, stdinData);
    QVERIFY2(text.exitCode == 2, text.describe().constData());
    QVERIFY2(QString::fromUtf8(text.err).contains(stderrMentions), text.describe().constData());

    QStringList withJson = args;
    withJson.insert(1, QStringLiteral("--json")); // before any option that takes a value
    const Run r = runCli(withJson, stdinData);
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    const QJsonObject error = r.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
}

void TestCliDecode::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("decode --help") << QStringList {QStringLiteral("decode"), QStringLiteral("--help")}
                                   << QStringLiteral("--token-file");
    QTest::newRow("decode -h") << QStringList {QStringLiteral("decode"), QStringLiteral("-h")}
                               << QStringLiteral("--at");
    QTest::newRow("--help") << QStringList {QStringLiteral("--help")} << QStringLiteral("decode");
}

void TestCliDecode::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = runCli(args);
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(QString::fromUtf8(r.out).contains(mentions), r.describe().constData());
    QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("jwt-workbench-cli")));
}

void TestCliDecode::unreadableTokenFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("missing file") << QDir::tempPath() + QStringLiteral("/jwb-no-such-dir/no-such-token.txt");
    QTest::newRow("directory") << QDir::tempPath();
}

void TestCliDecode::unreadableTokenFile()
{
    QFETCH(QString, path);
    const Run text = runCli({QStringLiteral("decode"), QStringLiteral("--token-file"), path});
    QVERIFY2(text.exitCode == 2, text.describe().constData());
    QVERIFY2(QString::fromUtf8(text.err).contains(path), text.describe().constData());

    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--token-file"), path});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY2(r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("unreadable_file"));
}

void TestCliDecode::invalidAt()
{
    const Run r = runCli({QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("--at"),
        QStringLiteral("tomorrow"), tokenText()});
    QVERIFY2(r.exitCode == 2, r.describe().constData());
    QVERIFY(r.jsonOk);
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("invalid_time"));
    QVERIFY(!r.json.contains(QStringLiteral("header"))); // nothing was decoded
}

QTEST_GUILESS_MAIN(TestCliDecode)
#include "tst_cli_decode.moc"
