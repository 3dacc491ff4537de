// TokenParser: RFC 7515/7520 compact examples decoded byte for byte, the input forms a user pastes (Bearer,
// Authorization and Cookie headers, quotes, JWS JSON serialization), JWE headers, and malformed tokens with the
// segment and character offset of the problem.
#include "TestData.h"

#include "jose/Base64Url.h"
#include "jose/TokenParser.h"
#include "krakend/RequestBuilder.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace Base64Url = jwb::jose::Base64Url;
using jwb::jose::SegmentRole;
using jwb::jose::Token;
using jwb::jose::TokenKind;
using jwb::jose::TokenParser;
using jwb::jose::Base64Url::encode;

Q_DECLARE_METATYPE(jwb::jose::TokenKind)

namespace {

const QByteArray kHeader = R"({"alg":"HS256","typ":"JWT"})";
const QByteArray kPayload = R"({"sub":"1234567890","name":"Jane","exp":1700000000})";
const QByteArray kSignature = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

QByteArray h64()
{
    return encode(kHeader);
}
QByteArray p64()
{
    return encode(kPayload);
}
QByteArray s64()
{
    return encode(kSignature);
}
QByteArray token()
{
    return h64() + '.' + p64() + '.' + s64();
}
QString tokenText()
{
    return QString::fromLatin1(token());
}

/// Replaces the character at `index` of `text` by `c` (same length).
QByteArray withCharAt(QByteArray text, qsizetype index, char c)
{
    text[index] = c;
    return text;
}

QString describeIssues(const Token &t)
{
    QStringList parts;
    for (const auto &i : t.issues)
        parts << QStringLiteral("%1 [segment %2, offset %3, json %4]: %5")
                     .arg(i.code)
                     .arg(i.segment)
                     .arg(i.offset)
                     .arg(i.jsonOffset)
                     .arg(i.message);
    return parts.join(u"; ");
}

QJsonArray rfcJwsEntries(const QString &file)
{
    return jwb::test::readJson(jwb::test::sharedPath(QStringLiteral("testvectors/rfc/") + file))
        .object()
        .value(QStringLiteral("jws"))
        .toArray();
}

} // namespace

class TestTokenParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcVectors_data();
    void rfcVectors();
    void unsecuredJws();
    void inputForms_data();
    void inputForms();
    void jsonSerialization_data();
    void jsonSerialization();
    void jwe();
    void malformed_data();
    void malformed();
    void nonAsciiCharacterIsNamed_data();
    void nonAsciiCharacterIsNamed();
    void innerWhitespace_data();
    void innerWhitespace();
    void partialDecode();
    void payloadNotJson();
    void strictParse();
};

void TestTokenParser::rfcVectors_data()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    JWB_REQUIRE_SHARED("testvectors/rfc/7520.json");
    QTest::addColumn<QJsonObject>("vector");
    int rows = 0;
    for (const QString &file : {QStringLiteral("7515.json"), QStringLiteral("7520.json")}) {
        const QJsonArray entries = rfcJwsEntries(file);
        QVERIFY2(!entries.isEmpty(), qPrintable(file));
        for (const auto &entry : entries) {
            const QJsonObject v = entry.toObject();
            QTest::newRow(qPrintable(v.value(QStringLiteral("id")).toString())) << v;
            ++rows;
        }
    }
    QCOMPARE(rows, 10); // 7515 A.1-A.5, 7520 4.1-4.5
}

void TestTokenParser::rfcVectors()
{
    QFETCH(QJsonObject, vector);
    auto str = [&](const char *key) { return vector.value(QLatin1String(key)).toString(); };
    const Token t = TokenParser::parse(str("compact"));
    QVERIFY2(t.issues.isEmpty(), qPrintable(describeIssues(t)));
    QVERIFY(t.isComplete());
    QCOMPARE(t.kind, TokenKind::Jws);
    QCOMPARE(t.source, QStringLiteral("token"));
    QVERIFY(!t.hadInnerWhitespace);
    QCOMPARE(t.compact, str("compact").toLatin1());
    QCOMPARE(t.segments.size(), 3);
    QCOMPARE(t.segments[0].role, SegmentRole::Header);
    QCOMPARE(t.segments[1].role, SegmentRole::Payload);
    QCOMPARE(t.segments[2].role, SegmentRole::Signature);

    // Raw segments are kept exactly as given.
    QCOMPARE(t.segments[0].raw, str("protected_b64u").toLatin1());
    QCOMPARE(t.segments[1].raw, str("payload_b64u").toLatin1());
    QCOMPARE(t.segments[2].raw, str("signature_b64u").toLatin1());
    QCOMPARE(t.segments[0].offset, qsizetype(0));
    QCOMPARE(t.segments[1].offset, t.segments[0].raw.size() + 1);
    QCOMPARE(t.segments[2].offset, t.segments[0].raw.size() + t.segments[1].raw.size() + 2);

    // The decoded header is the exact octets, CR/LF included; the parsed object agrees with them.
    QVERIFY(t.segments[0].decodedOk);
    QCOMPARE(t.segments[0].decoded, str("protected_header").toUtf8());
    QVERIFY(t.headerOk);
    QCOMPARE(t.header, QJsonDocument::fromJson(str("protected_header").toUtf8()).object());
    QCOMPARE(t.alg(), str("alg"));

    const bool detached = vector.contains(QStringLiteral("detached_payload"));
    if (detached) {
        QVERIFY(t.payloadBytes.isEmpty());
        QVERIFY(!t.payloadIsJson);
        // The signing input of detached content uses the payload supplied out of band.
        QCOMPARE(t.signingInput(), str("protected_b64u").toLatin1() + '.');
        QCOMPARE(str("signing_input").toLatin1(),
            str("protected_b64u").toLatin1() + '.' + str("detached_payload_b64u").toLatin1());
    } else {
        QCOMPARE(t.payloadBytes, str("payload").toUtf8());
        QCOMPARE(t.segments[1].decoded, str("payload").toUtf8());
        QCOMPARE(t.signingInput(), str("signing_input").toLatin1());
        const QJsonDocument payloadDoc = QJsonDocument::fromJson(str("payload").toUtf8());
        QCOMPARE(t.payloadIsJson, payloadDoc.isObject());
        if (payloadDoc.isObject())
            QCOMPARE(t.payload, payloadDoc.object());
    }
    QCOMPARE(t.signature, QByteArray::fromHex(str("signature_hex").toLatin1()));
    QCOMPARE(t.segments[2].decoded, t.signature);
}

void TestTokenParser::unsecuredJws()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    QJsonObject a5;
    for (const auto &entry : rfcJwsEntries(QStringLiteral("7515.json")))
        if (entry.toObject().value(QStringLiteral("id")).toString() == u"rfc7515-A.5")
            a5 = entry.toObject();
    QVERIFY2(!a5.isEmpty(), "7515 A.5 missing from the vectors");
    const QString compact = a5.value(QStringLiteral("compact")).toString();
    QVERIFY(compact.endsWith(u'.'));
    const Token t = TokenParser::parse(compact);
    QVERIFY2(t.isComplete(), qPrintable(describeIssues(t)));
    QCOMPARE(t.kind, TokenKind::Jws);
    QCOMPARE(t.alg(), QStringLiteral("none"));
    QCOMPARE(t.segments.size(), 3);
    QVERIFY(t.segments[2].raw.isEmpty());
    QVERIFY(t.segments[2].decodedOk);
    QVERIFY(t.signature.isEmpty());
    QVERIFY(t.payloadIsJson);
    QCOMPARE(t.payload.value(QStringLiteral("iss")).toString(), QStringLiteral("joe"));
}

void TestTokenParser::inputForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("source");
    const QString tok = tokenText();
    QTest::newRow("bare") << tok << QStringLiteral("token");
    QTest::newRow("surrounding whitespace")
        << QStringLiteral("  \n\t") + tok + QStringLiteral(" \r\n") << QStringLiteral("token");
    QTest::newRow("Bearer") << QStringLiteral("Bearer ") + tok << QStringLiteral("Bearer");
    QTest::newRow("bearer two spaces") << QStringLiteral("bearer  ") + tok << QStringLiteral("Bearer");
    QTest::newRow("BEARER tab") << QStringLiteral("BEARER\t") + tok << QStringLiteral("Bearer");
    QTest::newRow("Bearer with trailing newline")
        << QStringLiteral("Bearer ") + tok + u'\n' << QStringLiteral("Bearer");
    QTest::newRow("Authorization header")
        << QStringLiteral("Authorization: Bearer ") + tok << QStringLiteral("Authorization header");
    QTest::newRow("authorization lower case, no space")
        << QStringLiteral("authorization:bearer ") + tok << QStringLiteral("Authorization header");
    QTest::newRow("Authorization header line with CRLF") << QStringLiteral("AUTHORIZATION:   Bearer   ") + tok
            + QStringLiteral("\r\n") << QStringLiteral("Authorization header");
    QTest::newRow("Authorization without Bearer")
        << QStringLiteral("Authorization: ") + tok << QStringLiteral("Authorization header");
    QTest::newRow("Cookie header, second pair")
        << QStringLiteral("Cookie: a=b; access_token=") + tok << QStringLiteral("cookie access_token");
    QTest::newRow("Cookie header, first pair")
        << QStringLiteral("cookie: jwt=") + tok + QStringLiteral("; theme=dark") << QStringLiteral("cookie jwt");
    QTest::newRow("Set-Cookie header") << QStringLiteral("Set-Cookie: session=") + tok
            + QStringLiteral("; Path=/; HttpOnly; Secure")
                                       << QStringLiteral("cookie session");
    QTest::newRow("cookie pair") << QStringLiteral("access_token=") + tok << QStringLiteral("cookie access_token");
    QTest::newRow("double quotes") << u'"' + tok + u'"' << QStringLiteral("token");
    QTest::newRow("single quotes") << u'\'' + tok + u'\'' << QStringLiteral("token");
    QTest::newRow("quoted with spaces outside")
        << QStringLiteral(" \"") + tok + QStringLiteral("\"\n") << QStringLiteral("token");
    // A pasted curl command: the token is found in its header or cookie, and its offset points into the command.
    QTest::newRow("curl -H Authorization")
        << QStringLiteral("curl -H 'Authorization: Bearer ") + tok + QStringLiteral("' 'http://localhost:8080/orders'")
        << QStringLiteral("curl: Authorization header");
    QTest::newRow("curl, several lines, other headers first")
        << QStringLiteral("curl -i -X POST \\\n  -H 'Content-Type: application/json' \\\n  -H \"authorization: bearer ")
            + tok + QStringLiteral("\" \\\n  https://api.example/orders/1\n")
        << QStringLiteral("curl: Authorization header");
    QTest::newRow("curl --header=") << QStringLiteral("curl --header='Authorization: Bearer ") + tok
            + QStringLiteral("' http://x/")
                                    << QStringLiteral("curl: Authorization header");
    QTest::newRow("curl -HAuthorization unquoted, escaped space") << QStringLiteral("curl -HAuthorization:\\ Bearer\\ ")
            + tok + QStringLiteral(" http://x/") << QStringLiteral("curl: Authorization header");
    QTest::newRow("curl other header") << QStringLiteral("curl -H 'Accept: */*' -H 'X-Api-Token: ") + tok
            + QStringLiteral("' http://x/")
                                       << QStringLiteral("curl: header X-Api-Token");
    QTest::newRow("curl -b cookie") << QStringLiteral("curl -b 'theme=dark; access_token=") + tok
            + QStringLiteral("' http://x/")
                                    << QStringLiteral("curl: cookie access_token");
    QTest::newRow("curl --cookie, header wins")
        << QStringLiteral("curl --cookie \"jwt=stale.to.ken\" -H 'Authorization: ") + tok
            + QStringLiteral("' http://x/")
        << QStringLiteral("curl: Authorization header");
    QTest::newRow("curl --oauth2-bearer") << QStringLiteral("curl --oauth2-bearer ") + tok
            + QStringLiteral(" http://x/") << QStringLiteral("curl: Authorization header");
    QTest::newRow("the app's own Copy as curl")
        << jwb::krakend::RequestBuilder(tok).setPath(QStringLiteral("/orders")).curl()
        << QStringLiteral("curl: Authorization header");
    QTest::newRow("the app's own curl, cookie placement")
        << jwb::krakend::RequestBuilder(tok, jwb::krakend::TokenPlacement::cookie(QStringLiteral("session"))).curl()
        << QStringLiteral("curl: cookie session");
}

void TestTokenParser::inputForms()
{
    QFETCH(QString, input);
    QFETCH(QString, source);
    const Token t = TokenParser::parse(input);
    QVERIFY2(t.isComplete(), qPrintable(describeIssues(t)));
    QCOMPARE(t.input, input);
    QCOMPARE(t.compact, token());
    QCOMPARE(t.source, source);
    QCOMPARE(t.inputOffset, input.indexOf(tokenText()));
    QVERIFY(!t.hadInnerWhitespace);
    QCOMPARE(t.kind, TokenKind::Jws);
    QCOMPARE(t.header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    QCOMPARE(t.payload.value(QStringLiteral("name")).toString(), QStringLiteral("Jane"));
    QCOMPARE(t.signature, kSignature);
}

void TestTokenParser::jsonSerialization_data()
{
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/jws");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("compact"); ///< empty: no compact equivalent
    QTest::addColumn<QString>("sourceMentions");
    const QDir dir(jwb::test::sharedPath(QStringLiteral("testvectors/jose-cookbook/jws")));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 8);
    for (const QString &file : files) {
        const QJsonObject output
            = jwb::test::readJson(dir.filePath(file)).object().value(QStringLiteral("output")).toObject();
        for (const QString &form : {QStringLiteral("json_flat"), QStringLiteral("json")}) {
            if (!output.contains(form))
                continue;
            const QJsonObject doc = output.value(form).toObject();
            const QJsonObject first
                = form == u"json" ? doc.value(QStringLiteral("signatures")).toArray().first().toObject() : doc;
            QByteArray compact;
            if (first.contains(QStringLiteral("protected")))
                compact = first.value(QStringLiteral("protected")).toString().toLatin1() + '.'
                    + doc.value(QStringLiteral("payload")).toString().toLatin1() + '.'
                    + first.value(QStringLiteral("signature")).toString().toLatin1();
            if (output.contains(QStringLiteral("compact")))
                QCOMPARE(compact, output.value(QStringLiteral("compact")).toString().toLatin1());
            const int signatures = doc.value(QStringLiteral("signatures")).toArray().size();
            const QString mentions = form == u"json_flat" ? QStringLiteral("flattened")
                : signatures == 1                         ? QStringLiteral("general, 1 signature")
                                                          : QStringLiteral("first of %1 signatures").arg(signatures);
            QTest::addRow("%s %s", qPrintable(file), qPrintable(form))
                << QJsonDocument(doc).toJson(QJsonDocument::Indented) << compact << mentions;
        }
    }
}

void TestTokenParser::jsonSerialization()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, compact);
    QFETCH(QString, sourceMentions);
    const Token t = TokenParser::parse(QString::fromUtf8(json));
    if (compact.isEmpty()) {
        // Only an unprotected header (RFC 7520 4.7): there is no compact form to show.
        QVERIFY(!t.isComplete());
        QCOMPARE(t.issues.first().code, QStringLiteral("invalid_json_serialization"));
        return;
    }
    QVERIFY2(t.isComplete(), qPrintable(describeIssues(t)));
    QCOMPARE(t.compact, compact);
    QVERIFY2(t.source.startsWith(QStringLiteral("JWS JSON serialization")), qPrintable(t.source));
    QVERIFY2(t.source.contains(sourceMentions), qPrintable(t.source));
    QCOMPARE(t.kind, TokenKind::Jws);
    QVERIFY(t.headerOk);
    QVERIFY(!t.alg().isEmpty());
    QCOMPARE(t.segments.size(), 3);
    QCOMPARE(t.signature, Base64Url::decode(t.segments[2].raw).value());
}

void TestTokenParser::jwe()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/json_web_encryption_test.json");
    const QJsonObject suite = jwb::test::readJson(
        jwb::test::sharedPath(QStringLiteral("testvectors/wycheproof/json_web_encryption_test.json")))
                                  .object();
    QString compact;
    for (const auto &group : suite.value(QStringLiteral("testGroups")).toArray()) {
        for (const auto &test : group.toObject().value(QStringLiteral("tests")).toArray()) {
            const QString jwe = test.toObject().value(QStringLiteral("jwe")).toString();
            if (jwe.count(u'.') == 4 && test.toObject().value(QStringLiteral("result")).toString() == u"valid") {
                compact = jwe;
                break;
            }
        }
        if (!compact.isEmpty())
            break;
    }
    QVERIFY2(!compact.isEmpty(), "no compact JWE in the Wycheproof suite");
    const QList<QString> parts = compact.split(u'.');

    const Token t = TokenParser::parse(QStringLiteral("Bearer ") + compact);
    QVERIFY2(t.isComplete(), qPrintable(describeIssues(t)));
    QCOMPARE(t.kind, TokenKind::Jwe);
    QCOMPARE(t.segments.size(), 5);
    const SegmentRole roles[] = {SegmentRole::Header, SegmentRole::EncryptedKey, SegmentRole::InitializationVector,
        SegmentRole::Ciphertext, SegmentRole::Tag};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(t.segments[i].role, roles[i]);
        QCOMPARE(QString::fromLatin1(t.segments[i].raw), parts[i]);
        QVERIFY(t.segments[i].decodedOk);
    }
    QVERIFY(t.headerOk);
    QCOMPARE(t.segments[0].decoded, Base64Url::decode(parts[0].toLatin1()).value());
    QCOMPARE(t.header, QJsonDocument::fromJson(t.segments[0].decoded).object());
    QVERIFY(!t.alg().isEmpty());
    QVERIFY(t.header.value(QStringLiteral("enc")).isString());
    // The payload is encrypted: nothing is presented as claims or as a JWS signature.
    QVERIFY(!t.payloadIsJson);
    QVERIFY(t.payload.isEmpty());
    QVERIFY(t.payloadBytes.isEmpty());
    QVERIFY(t.signature.isEmpty());
    QVERIFY(t.segment(SegmentRole::Payload) == nullptr);
    QVERIFY(t.segment(SegmentRole::Ciphertext) != nullptr);
}

void TestTokenParser::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("segment");
    QTest::addColumn<qlonglong>("offset");
    QTest::addColumn<qlonglong>("jsonOffset");
    QTest::addColumn<TokenKind>("kind");
    QTest::addColumn<bool>("headerOk");
    QTest::addColumn<bool>("payloadIsJson");

    const QByteArray h = h64();
    const QByteArray p = p64();
    const QByteArray s = s64();
    const qlonglong payloadStart = h.size() + 1;
    const qlonglong signatureStart = h.size() + 1 + p.size() + 1;

    QTest::newRow("1 segment") << h << QStringLiteral("wrong_segment_count") << -1 << qlonglong(h.size()) << -1LL
                               << TokenKind::Unknown << true << false;
    QTest::newRow("2 segments") << h + '.' + p << QStringLiteral("wrong_segment_count") << -1
                                << qlonglong(h.size() + 1 + p.size()) << -1LL << TokenKind::Unknown << true << true;
    const QByteArray four = token() + '.' + s;
    QTest::newRow("4 segments") << four << QStringLiteral("wrong_segment_count") << -1 << qlonglong(four.size()) << -1LL
                                << TokenKind::Unknown << true << true;
    const QByteArray six = token() + '.' + s + '.' + s + '.' + s;
    QTest::newRow("6 segments") << six << QStringLiteral("wrong_segment_count") << -1 << qlonglong(six.size()) << -1LL
                                << TokenKind::Unknown << true << true;
    QTest::newRow("only dots") << QByteArray("..") << QStringLiteral("empty_header") << 0 << 0LL << -1LL
                               << TokenKind::Jws << false << false;

    QTest::newRow("asterisk in header") << withCharAt(token(), 3, '*') << QStringLiteral("invalid_base64url") << 0
                                        << 3LL << -1LL << TokenKind::Jws << false << true;
    QTest::newRow("asterisk in payload") << withCharAt(token(), payloadStart + 5, '*')
                                         << QStringLiteral("invalid_base64url") << 1 << payloadStart + 5 << -1LL
                                         << TokenKind::Jws << true << false;
    QTest::newRow("plus in signature") << withCharAt(token(), signatureStart + 10, '+')
                                       << QStringLiteral("invalid_base64url") << 2 << signatureStart + 10 << -1LL
                                       << TokenKind::Jws << true << true;
    QTest::newRow("slash in payload") << withCharAt(token(), payloadStart, '/') << QStringLiteral("invalid_base64url")
                                      << 1 << payloadStart << -1LL << TokenKind::Jws << true << false;
    QTest::newRow("padding on signature")
        << token() + '=' << QStringLiteral("invalid_base64url") << 2 << qlonglong(signatureStart + s.size()) << -1LL
        << TokenKind::Jws << true << true;
    QTest::newRow("impossible length in payload") << h + ".AAAAA." + s << QStringLiteral("invalid_base64url") << 1
                                                  << payloadStart + 4 << -1LL << TokenKind::Jws << true << false;
    QTest::newRow("stray bits in signature") << h + '.' + p + ".QR" << QStringLiteral("invalid_base64url") << 2
                                             << signatureStart + 1 << -1LL << TokenKind::Jws << true << true;

    // jsonOffset is QJsonParseError::offset, which points just past the offending token: in `{"alg" "HS256"}`
    // the missing colon is noticed at the quote at byte 7, reported as 8.
    QTest::newRow("header not JSON") << encode(R"({"alg" "HS256"})") + '.' + p + '.' + s
                                     << QStringLiteral("invalid_json") << 0 << 0LL << 8LL << TokenKind::Jws << false
                                     << true;
    QTest::newRow("header JSON array") << encode(R"(["alg","HS256"])") + '.' + p + '.' + s
                                       << QStringLiteral("json_not_object") << 0 << 0LL << -1LL << TokenKind::Jws
                                       << false << true;
    QTest::newRow("header JSON number") << encode("42") + '.' + p + '.' + s << QStringLiteral("json_not_object") << 0
                                        << 0LL << -1LL << TokenKind::Jws << false << true;
    QTest::newRow("header JSON string") << encode(R"("HS256")") + '.' + p + '.' + s << QStringLiteral("json_not_object")
                                        << 0 << 0LL << -1LL << TokenKind::Jws << false << true;
    QTest::newRow("empty header") << '.' + p + '.' + s << QStringLiteral("empty_header") << 0 << 0LL << -1LL
                                  << TokenKind::Jws << false << true;
    const QByteArray brokenPayload = encode(R"({"sub":"x",})");
    QTest::newRow("payload JSON broken") << h + '.' + brokenPayload + '.' + s << QStringLiteral("invalid_json") << 1
                                         << payloadStart << 12LL << TokenKind::Jws << true << false;

    QTest::newRow("empty input") << QByteArray() << QStringLiteral("empty_token") << -1 << -1LL << -1LL
                                 << TokenKind::Unknown << false << false;
    QTest::newRow("whitespace only") << QByteArray(" \r\n\t ") << QStringLiteral("empty_token") << -1 << -1LL << -1LL
                                     << TokenKind::Unknown << false << false;
    QTest::newRow("Bearer without token") << QByteArray("Authorization: Bearer ") << QStringLiteral("empty_token") << -1
                                          << -1LL << -1LL << TokenKind::Unknown << false << false;
    QTest::newRow("JSON that is no JWS") << QByteArray(R"({"payload":"eyJ9"})")
                                         << QStringLiteral("invalid_json_serialization") << -1 << 0LL << -1LL
                                         << TokenKind::Unknown << false << false;
}

void TestTokenParser::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(int, segment);
    QFETCH(qlonglong, offset);
    QFETCH(qlonglong, jsonOffset);
    QFETCH(TokenKind, kind);
    QFETCH(bool, headerOk);
    QFETCH(bool, payloadIsJson);

    const Token t = TokenParser::parse(QString::fromLatin1(input));
    QVERIFY(!t.isComplete());
    QVERIFY(!t.issues.isEmpty());
    const auto &issue = t.issues.first();
    QVERIFY2(issue.code == code, qPrintable(describeIssues(t)));
    QCOMPARE(issue.segment, segment);
    QCOMPARE(qlonglong(issue.offset), offset);
    QCOMPARE(qlonglong(issue.jsonOffset), jsonOffset);
    QVERIFY(!issue.message.isEmpty());
    if (segment >= 0)
        QVERIFY2(issue.message.contains(QStringLiteral("segment %1").arg(segment + 1)), qPrintable(issue.message));
    if (code == u"invalid_base64url") {
        QVERIFY2(issue.message.contains(QStringLiteral("character %1 of the token").arg(offset + 1)),
            qPrintable(issue.message));
        QVERIFY(!t.segments[segment].decodedOk);
    }
    QCOMPARE(t.kind, kind);
    QCOMPARE(t.headerOk, headerOk);
    QCOMPARE(t.payloadIsJson, payloadIsJson);
    if (headerOk)
        QCOMPARE(t.header, QJsonDocument::fromJson(kHeader).object());
    if (payloadIsJson)
        QCOMPARE(t.payload, QJsonDocument::fromJson(kPayload).object());

    // The strict entry point turns the first issue into an Error with 1-based segment details.
    const auto strict = TokenParser::parseStrict(QString::fromLatin1(input));
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().code, code);
    QCOMPARE(strict.error().message, issue.message);
    QCOMPARE(strict.error().details.value(QStringLiteral("segment"), -1).toInt(), segment >= 0 ? segment + 1 : -1);
    QCOMPARE(strict.error().details.value(QStringLiteral("offset"), -1).toLongLong(), offset);
    QCOMPARE(strict.error().details.value(QStringLiteral("json_offset"), -1).toLongLong(), jsonOffset);
}

void TestTokenParser::nonAsciiCharacterIsNamed_data()
{
    QTest::addColumn<QString>("character");
    QTest::addColumn<QString>("codePoint");
    QTest::newRow("e acute") << QStringLiteral("\u00e9") << QStringLiteral("U+00E9");
    QTest::newRow("right single quotation mark") << QStringLiteral("\u2019") << QStringLiteral("U+2019");
    QTest::newRow("Cyrillic a (looks like 'a')") << QStringLiteral("\u0430") << QStringLiteral("U+0430");
    QTest::newRow("emoji outside the BMP") << QString::fromUcs4(U"\U0001F600") << QStringLiteral("U+1F600");
}

void TestTokenParser::nonAsciiCharacterIsNamed()
{
    QFETCH(QString, character);
    QFETCH(QString, codePoint);
    const QString tok = tokenText();
    const qsizetype at = h64().size() + 1 + 6; // inside the payload
    const QString input = tok.left(at) + character + tok.mid(at + 1);
    const Token t = TokenParser::parse(input);
    QVERIFY(!t.isComplete());
    QCOMPARE(t.issues.size(), 1);
    const auto &issue = t.issues.first();
    QCOMPARE(issue.code, QStringLiteral("invalid_base64url"));
    QCOMPARE(issue.segment, 1);
    QCOMPARE(issue.offset, at);
    QVERIFY2(issue.message.contains(QStringLiteral("segment 2 (payload)")), qPrintable(issue.message));
    // The user sees the character they pasted, not a placeholder byte; one character counts as one.
    QVERIFY2(issue.message.contains(u'\'' + character + u'\''), qPrintable(issue.message));
    QVERIFY2(issue.message.contains(codePoint), qPrintable(issue.message));
    QVERIFY2(issue.message.contains(QStringLiteral("at character 7 ")), qPrintable(issue.message));
    QCOMPARE(t.compact.size(), token().size());
    QVERIFY(t.headerOk);
    QVERIFY(!t.hadInnerWhitespace);
}

void TestTokenParser::innerWhitespace_data()
{
    QTest::addColumn<QString>("input");
    const QString h = QString::fromLatin1(h64());
    const QString p = QString::fromLatin1(p64());
    const QString s = QString::fromLatin1(s64());
    QTest::newRow("line breaks after dots") << h + QStringLiteral(".\n") + p + QStringLiteral(".\r\n") + s;
    QTest::newRow("wrapped at 20 columns") << [&] {
        QString wrapped;
        const QString tok = h + u'.' + p + u'.' + s;
        for (qsizetype i = 0; i < tok.size(); i += 20)
            wrapped += tok.mid(i, 20) + u'\n';
        return wrapped;
    }();
    QTest::newRow("spaces around dots") << h + QStringLiteral(" . ") + p + QStringLiteral(" . ") + s;
    QTest::newRow("tab inside a segment") << h.left(5) + u'\t' + h.mid(5) + u'.' + p + u'.' + s;
    QTest::newRow("Bearer and a wrapped token")
        << QStringLiteral("Bearer ") + h + QStringLiteral(".\n  ") + p + u'.' + s;
}

void TestTokenParser::innerWhitespace()
{
    QFETCH(QString, input);
    const Token t = TokenParser::parse(input);
    QVERIFY2(t.isComplete(), qPrintable(describeIssues(t)));
    QVERIFY(t.hadInnerWhitespace);
    QCOMPARE(t.compact, token());
    QCOMPARE(t.signingInput(), h64() + '.' + p64());
    QCOMPARE(t.signature, kSignature);
}

void TestTokenParser::partialDecode()
{
    // A bad signature segment does not hide what can be decoded.
    const QByteArray bad = h64() + '.' + p64() + ".not*base64";
    const Token t = TokenParser::parse(QString::fromLatin1(bad));
    QVERIFY(!t.isComplete());
    QCOMPARE(t.kind, TokenKind::Jws);
    QCOMPARE(t.issues.size(), 1);
    QCOMPARE(t.issues.first().segment, 2);
    QCOMPARE(t.issues.first().offset, h64().size() + 1 + p64().size() + 1 + 3);
    QVERIFY(t.headerOk);
    QCOMPARE(t.header, QJsonDocument::fromJson(kHeader).object());
    QVERIFY(t.segments[0].decodedOk);
    QVERIFY(t.segments[1].decodedOk);
    QVERIFY(!t.segments[2].decodedOk);
    QVERIFY(t.payloadIsJson);
    QCOMPARE(t.payloadBytes, kPayload);
    QCOMPARE(t.payload.value(QStringLiteral("exp")).toInteger(), qint64(1700000000));
    QVERIFY(t.signature.isEmpty());
    QCOMPARE(t.signingInput(), h64() + '.' + p64());

    // Several problems are all recorded, in segment order.
    const QByteArray worse = withCharAt(h64(), 2, '!') + '.' + withCharAt(p64(), 1, '~') + ".not*base64";
    const Token w = TokenParser::parse(QString::fromLatin1(worse));
    QCOMPARE(w.issues.size(), 3);
    QCOMPARE(w.issues[0].segment, 0);
    QCOMPARE(w.issues[1].segment, 1);
    QCOMPARE(w.issues[2].segment, 2);
    QVERIFY(!w.headerOk);
}

void TestTokenParser::payloadNotJson()
{
    // A JWS may carry any bytes (RFC 7515); text that is not JSON is not an issue, only not a JWT.
    const QByteArray tok = h64() + '.' + encode("hello, world") + '.' + s64();
    const Token t = TokenParser::parse(QString::fromLatin1(tok));
    QVERIFY2(t.isComplete(), qPrintable(describeIssues(t)));
    QVERIFY(!t.payloadIsJson);
    QCOMPARE(t.payloadBytes, QByteArray("hello, world"));

    // A JSON array payload is JSON but not a claims set.
    const Token arr = TokenParser::parse(QString::fromLatin1(h64() + '.' + encode("[1,2]") + '.' + s64()));
    QVERIFY(arr.isComplete());
    QVERIFY(!arr.payloadIsJson);
}

void TestTokenParser::strictParse()
{
    const auto ok = TokenParser::parseStrict(QStringLiteral("Bearer ") + tokenText());
    QVERIFY(ok.ok());
    QCOMPARE(ok->compact, token());
    QCOMPARE(ok->source, QStringLiteral("Bearer"));

    const Token complete = TokenParser::parse(tokenText());
    const auto fallback = TokenParser::issueToError(complete);
    QCOMPARE(fallback.code, QStringLiteral("malformed_token"));
}

QTEST_APPLESS_MAIN(TestTokenParser)
#include "tst_tokenparser.moc"
