// SD-JWT (RFC 9901): parsing `<JWT>~<Disclosure>~...~[<KB-JWT>]`, Disclosure digests, the Processed Payload,
// the problems of tampered or malformed presentations, and the Key Binding JWT. Vectors: the RFC's examples as
// extracted in ../shared/testvectors/sd-jwt (rfc9901-examples.json and the draft-22 text it was built from).
#include "SdJwtVectors.h"
#include "TestData.h"

#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "jose/SdJwt.h"
#include "jose/TokenParser.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/TokenSigner.h"
#include "verification/SdJwtVerify.h"
#include "verification/Verify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace jwb;

namespace {

const QString kVectors = QStringLiteral("testvectors/sd-jwt/rfc9901-examples.json");
const QString kDraft = QStringLiteral("testvectors/sd-jwt/draft-ietf-oauth-selective-disclosure-jwt-22.txt");

QJsonObject vectors()
{
    return test::sdJwtVectors();
}

/// The "Processed SD-JWT Payload" figures of the draft text, in document order (5.2, A.1, A.2, A.3, A.4): the
/// JSON block that follows each "... Verifier will have ..." sentence.
QList<QJsonObject> processedPayloadFigures()
{
    QFile f(test::sharedPath(kDraft));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    QList<QJsonObject> figures;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].contains(QLatin1String("Verifier will have"), Qt::CaseInsensitive))
            continue;
        qsizetype start = i + 1;
        while (start < lines.size() && lines[start] != u"   {")
            ++start;
        qsizetype end = start;
        while (end < lines.size() && lines[end] != u"   }")
            ++end;
        const QString text = lines.mid(start, end - start + 1).join(u'\n');
        figures.append(QJsonDocument::fromJson(text.toUtf8()).object());
    }
    return figures;
}

crypto::Key keyOf(const QJsonObject &jwk)
{
    auto parsed = keys::Jwk::fromJson(jwk);
    if (!parsed)
        qFatal("bad test key");
    return parsed->key;
}

/// The JWK of one of the vectors' keys ("issuer_private", "issuer", "holder").
QJsonObject vectorKey(const char *name)
{
    return vectors()
        .value(QStringLiteral("keys"))
        .toObject()
        .value(QLatin1String(name))
        .toObject()
        .value(QStringLiteral("jwk"))
        .toObject();
}

QJsonObject issuerPrivate()
{
    return vectorKey("issuer_private");
}

QJsonObject holderPrivate()
{
    return vectorKey("holder");
}

keys::JwkSet issuerPublicSet()
{
    return keys::JwkSet::fromJsonObject(vectorKey("issuer")).value();
}

QByteArray b64(const QByteArray &data)
{
    return jose::Base64Url::encode(data);
}

QByteArray disclosure(const QJsonArray &array)
{
    return b64(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString digestOf(const QByteArray &raw)
{
    return jose::SdJwt::digest(QCryptographicHash::Sha256, raw);
}

/// An SD-JWT signed with the RFC's issuer key: `payload` and the given Disclosures, ending with '~'.
QByteArray issue(const QJsonObject &payload, const QList<QByteArray> &disclosures)
{
    auto jws = keys::TokenSigner::signBytes(crypto::Algorithm::ES256, keyOf(issuerPrivate()),
        R"({"alg":"ES256","typ":"example+sd-jwt"})", QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (!jws)
        qFatal("signing failed");
    QByteArray out = jws->toLatin1() + '~';
    for (const auto &d : disclosures)
        out += d + '~';
    return out;
}

/// A KB-JWT over `sdJwt` (which ends with '~') signed with the holder key.
QByteArray makeKeyBinding(const QByteArray &sdJwt, const QJsonObject &overrides = {}, const QByteArray &typ = "kb+jwt")
{
    QJsonObject payload {{QStringLiteral("nonce"), QStringLiteral("1234567890")},
        {QStringLiteral("aud"), QStringLiteral("https://verifier.example.org")}, {QStringLiteral("iat"), 1748537243},
        {QStringLiteral("sd_hash"), digestOf(sdJwt)}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        payload.insert(it.key(), it.value());
    auto jws = keys::TokenSigner::signBytes(crypto::Algorithm::ES256, keyOf(holderPrivate()),
        R"({"alg":"ES256","typ":")" + typ + R"("})", QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (!jws)
        qFatal("signing failed");
    return jws->toLatin1();
}

QStringList problemCodes(const jose::SdJwt &sd, common::Severity severity = common::Severity::Error)
{
    QStringList codes;
    for (const auto &p : sd.problems)
        if (p.severity == severity)
            codes << p.code;
    return codes;
}

QStringList findingCodes(const common::Findings &findings)
{
    QStringList codes;
    for (const auto &p : findings)
        if (p.severity == common::Severity::Error)
            codes << p.code;
    return codes;
}

bool containsKey(const QJsonValue &v, const QString &key)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(key))
            return true;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (containsKey(it.value(), key))
                return true;
    } else if (v.isArray()) {
        for (const auto &e : v.toArray())
            if (containsKey(e, key))
                return true;
    }
    return false;
}

/// The 5.1 issuer payload and Disclosures (given_name, family_name, ..., "US", "DE").
QJsonObject example5()
{
    return test::sdJwtExample5();
}

/// The 5.2 presentation (with its Key Binding JWT), compact.
QByteArray example5Presentation()
{
    return test::sdJwtPresentation52().toLatin1();
}

/// A fixed clock 10 s after the 5.2 KB-JWT's iat.
std::shared_ptr<const common::Clock> kbClock(qint64 offset = 10)
{
    return common::Clock::fixed(QDateTime::fromSecsSinceEpoch(1748537243 + offset, Qt::UTC));
}

} // namespace

class TestSdJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parserAcceptsSdJwt();
    void parserErrors_data();
    void parserErrors();
    void rfcDisclosures_data();
    void rfcDisclosures();
    void rfcProcessedPayload_data();
    void rfcProcessedPayload();
    void rfcNestedExamples_data();
    void rfcNestedExamples();
    void problems_data();
    void problems();
    void otherHashAlgorithm();
    void decodeJson();
    void keyBinding_data();
    void keyBinding();
    void issuerSignatureUsesGivenKey();
    void verifyJudgesTheWholeSdJwt();
    void issueSelectivelyDisclosable();
};

void TestSdJwt::initTestCase()
{
    if (!QFile::exists(test::sharedPath(kVectors))) {
        if (test::underCi())
            QFAIL("the SD-JWT vectors are missing");
        QSKIP("../shared/testvectors/sd-jwt is not available");
    }
}

void TestSdJwt::parserAcceptsSdJwt()
{
    const QJsonObject pres = example5().value(QStringLiteral("presentations")).toArray().at(0).toObject();
    const QString compact = pres.value(QStringLiteral("compact")).toString();
    const jose::Token t = jose::TokenParser::parse(compact);
    QVERIFY2(t.isComplete(), qPrintable(t.issues.value(0).message));
    QCOMPARE(t.kind, jose::TokenKind::Jws);
    QVERIFY(t.isSdJwt());
    QCOMPARE(t.segments.size(), 3);
    QCOMPARE(t.header.value(QStringLiteral("typ")).toString(), QStringLiteral("example+sd-jwt"));
    QCOMPARE(t.issuerSignedJwt(),
        example5()
            .value(QStringLiteral("issuer_signed_jwt"))
            .toObject()
            .value(QStringLiteral("compact"))
            .toString()
            .toLatin1());
    QCOMPARE(t.disclosures.size(), pres.value(QStringLiteral("disclosure_digests")).toArray().size());
    QCOMPARE(t.keyBinding.raw,
        pres.value(QStringLiteral("kb_jwt")).toObject().value(QStringLiteral("compact")).toString().toLatin1());
    QCOMPARE(QByteArray(t.compact.constData() + t.keyBinding.offset), t.keyBinding.raw);
    QVERIFY(t.sdHashInput().endsWith('~'));
    QCOMPARE(t.sdHashInput() + t.keyBinding.raw, t.compact);
    // The issued SD-JWT (no KB-JWT) parses as well, and "Bearer " in front is still taken off.
    const QString issued
        = example5().value(QStringLiteral("sd_jwt")).toObject().value(QStringLiteral("compact")).toString();
    const jose::Token bearer = jose::TokenParser::parse(QStringLiteral("Bearer ") + issued);
    QVERIFY(bearer.isComplete());
    QCOMPARE(bearer.disclosures.size(), 10);
    QVERIFY(bearer.keyBinding.raw.isEmpty());
}

void TestSdJwt::parserErrors_data()
{
    QTest::addColumn<QString>("tail");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    // Offsets are counted from 1 in messages; the JWT is prefixed by the test (its length is added).
    QTest::newRow("bad character in a disclosure")
        << QStringLiteral("~WyJh~Wy!h~") << QStringLiteral("invalid_base64url")
        << QStringLiteral("Disclosure 2: '!' at character 3");
    QTest::newRow("empty disclosure") << QStringLiteral("~WyJh~~") << QStringLiteral("empty_disclosure")
                                      << QStringLiteral("Disclosure 2 is empty ('~~' at character %1");
    QTest::newRow("'~' inside the JWT stays a bad character of its segment")
        << QStringLiteral("X") << QStringLiteral("invalid_base64url") << QStringLiteral("segment 2 (payload): ");
    QTest::newRow("unterminated disclosure") << QStringLiteral("~WyJh") << QStringLiteral("invalid_kb_jwt")
                                             << QStringLiteral("the text after the last '~' (character %1");
}

void TestSdJwt::parserErrors()
{
    QFETCH(QString, tail);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const QString jwt
        = example5().value(QStringLiteral("issuer_signed_jwt")).toObject().value(QStringLiteral("compact")).toString();
    const bool inJwt = tail == u"X";
    const QString input = inJwt ? QString(jwt).replace(jwt.indexOf(u'.') + 3, 1, u'~') : QString(jwt + tail);
    const jose::Token t = jose::TokenParser::parse(input);
    QCOMPARE(t.isSdJwt(), !inJwt);
    QCOMPARE(t.issues.size(), 1);
    QCOMPARE(t.issues[0].code, code);
    // The '~~' starts at character jwt+6 (1-based); the unterminated part starts at jwt+2.
    const QString expected
        = message.contains(u'%') ? message.arg(code == u"empty_disclosure" ? jwt.size() + 6 : jwt.size() + 2) : message;
    QVERIFY2(t.issues[0].message.startsWith(expected), qPrintable(t.issues[0].message));
    if (code == u"invalid_base64url" && !inJwt) {
        QVERIFY2(t.issues[0].message.endsWith(QStringLiteral("(character %1 of the token)").arg(jwt.size() + 9)),
            qPrintable(t.issues[0].message));
        QCOMPARE(t.issues[0].offset, jwt.size() + 8);
    }
    // The strict parse reports the same error.
    QCOMPARE(jose::TokenParser::parseStrict(input).error().code, code);
}

void TestSdJwt::rfcDisclosures_data()
{
    QTest::addColumn<QJsonObject>("example");
    QTest::addColumn<QString>("compact");
    for (const auto &e : vectors().value(QStringLiteral("examples")).toArray()) {
        const QJsonObject ex = e.toObject();
        const QString id = ex.value(QStringLiteral("id")).toString();
        if (ex.value(QStringLiteral("sd_jwt")).isObject())
            QTest::newRow(qPrintable(id + QStringLiteral(" issued")))
                << ex << ex.value(QStringLiteral("sd_jwt")).toObject().value(QStringLiteral("compact")).toString();
        for (const auto &p : ex.value(QStringLiteral("presentations")).toArray())
            QTest::newRow(qPrintable(
                id + QStringLiteral(" presentation ") + p.toObject().value(QStringLiteral("section")).toString()))
                << ex << p.toObject().value(QStringLiteral("compact")).toString();
    }
}

void TestSdJwt::rfcDisclosures()
{
    QFETCH(QJsonObject, example);
    QFETCH(QString, compact);
    QHash<QString, QJsonObject> printed; // disclosure text -> {digest, decoded}
    for (const auto &d : example.value(QStringLiteral("disclosures")).toArray())
        printed.insert(d.toObject().value(QStringLiteral("disclosure")).toString(), d.toObject());

    const jose::Inspection in = jose::Inspection::inspect(compact, 0);
    const jose::SdJwt &sd = in.sdJwt;
    QVERIFY2(sd.ok(), qPrintable(sd.problems.value(0).message));
    QCOMPARE(sd.hashAlg, QStringLiteral("sha-256"));
    QVERIFY(!sd.disclosures.isEmpty());
    for (const auto &d : sd.disclosures) {
        const QString raw = QString::fromLatin1(d.raw);
        QVERIFY2(printed.contains(raw), qPrintable(raw));
        const QJsonObject p = printed.value(raw);
        QCOMPARE(d.digest, p.value(QStringLiteral("digest")).toString());
        const QJsonArray decoded = p.value(QStringLiteral("decoded")).toArray();
        QCOMPARE(d.salt, decoded.first().toString());
        QCOMPARE(d.arrayElement, decoded.size() == 2);
        if (decoded.size() == 3)
            QCOMPARE(d.name, decoded.at(1).toString());
        QCOMPARE(d.value, decoded.last());
        QVERIFY2(!d.path.isEmpty(), qPrintable(raw)); // every presented Disclosure is referenced
    }
    // Every digest of the payload (and of disclosed values) that has no presented Disclosure is counted.
    int digests = 0;
    const std::function<void(const QJsonValue &)> count = [&](const QJsonValue &v) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            digests += o.value(QStringLiteral("_sd")).toArray().size();
            if (o.size() == 1 && o.contains(QStringLiteral("...")))
                ++digests;
            for (auto it = o.begin(); it != o.end(); ++it)
                count(it.value());
        } else if (v.isArray()) {
            for (const auto &x : v.toArray())
                count(x);
        }
    };
    count(in.token.payload);
    for (const auto &d : sd.disclosures)
        count(d.value);
    QCOMPARE(sd.undisclosedDigests, digests - int(sd.disclosures.size()));
    QVERIFY(!containsKey(sd.disclosedPayload, QStringLiteral("_sd")));
    QVERIFY(!containsKey(sd.disclosedPayload, QStringLiteral("...")));
    QVERIFY(!sd.disclosedPayload.contains(QStringLiteral("_sd_alg")));
}

void TestSdJwt::rfcProcessedPayload_data()
{
    QTest::addColumn<QString>("compact");
    QTest::addColumn<QJsonObject>("expected");
    const QList<QJsonObject> figures = processedPayloadFigures();
    const QJsonArray examples = vectors().value(QStringLiteral("examples")).toArray();
    QCOMPARE(figures.size(), examples.size());
    for (qsizetype i = 0; i < examples.size(); ++i) {
        const QJsonObject ex = examples.at(i).toObject();
        const QJsonArray presentations = ex.value(QStringLiteral("presentations")).toArray();
        QCOMPARE(presentations.size(), 1);
        QVERIFY(!figures[i].isEmpty());
        QTest::newRow(qPrintable(ex.value(QStringLiteral("id")).toString()))
            << presentations.first().toObject().value(QStringLiteral("compact")).toString() << figures[i];
    }
}

void TestSdJwt::rfcProcessedPayload()
{
    QFETCH(QString, compact);
    QFETCH(QJsonObject, expected);
    const jose::Inspection in = jose::Inspection::inspect(compact, 0);
    QVERIFY(in.sdJwt.ok());
    QCOMPARE(in.sdJwt.disclosedPayload, expected);
}

void TestSdJwt::rfcNestedExamples_data()
{
    QTest::addColumn<QJsonObject>("example");
    for (const auto &e : vectors().value(QStringLiteral("nested_examples")).toArray())
        QTest::newRow(qPrintable(e.toObject().value(QStringLiteral("section")).toString())) << e.toObject();
}

void TestSdJwt::rfcNestedExamples()
{
    // Section 6 prints payloads and Disclosures, no signed form: sign them with the RFC's issuer key.
    QFETCH(QJsonObject, example);
    QList<QByteArray> disclosures;
    QHash<QString, QString> digests;
    for (const auto &d : example.value(QStringLiteral("disclosures")).toArray()) {
        disclosures << d.toObject().value(QStringLiteral("disclosure")).toString().toLatin1();
        digests.insert(d.toObject().value(QStringLiteral("disclosure")).toString(),
            d.toObject().value(QStringLiteral("digest")).toString());
    }
    const QByteArray sdJwt = issue(example.value(QStringLiteral("payload")).toObject(), disclosures);
    const jose::Inspection in = jose::Inspection::inspect(QString::fromLatin1(sdJwt), 0);
    QVERIFY2(in.token.isComplete(), qPrintable(in.token.issues.value(0).message));
    QVERIFY2(in.sdJwt.ok(), qPrintable(in.sdJwt.problems.value(0).message));
    QCOMPARE(in.sdJwt.undisclosedDigests, 0);
    for (const auto &d : in.sdJwt.disclosures) {
        QCOMPARE(d.digest, digests.value(QString::fromLatin1(d.raw)));
        QVERIFY(!d.path.isEmpty());
    }
    // Every variant discloses the same address (6.1 flat, 6.2 structured, 6.3 recursive).
    const QJsonObject address = in.sdJwt.disclosedPayload.value(QStringLiteral("address")).toObject();
    QCOMPARE(address.value(QStringLiteral("locality")).toString(), QStringLiteral("Schulpforta"));
    QCOMPARE(address.value(QStringLiteral("country")).toString(), QStringLiteral("DE"));
    QVERIFY(!containsKey(in.sdJwt.disclosedPayload, QStringLiteral("_sd")));
    QVERIFY(
        in.sdJwt.disclosureAt(QStringLiteral("address")) || in.sdJwt.disclosureAt(QStringLiteral("address.region")));
}

void TestSdJwt::problems_data()
{
    QTest::addColumn<QByteArray>("sdJwt");
    QTest::addColumn<QStringList>("codes");

    const QByteArray given
        = disclosure({QStringLiteral("salt1"), QStringLiteral("given_name"), QStringLiteral("John")});
    const QByteArray us = disclosure({QStringLiteral("salt2"), QStringLiteral("US")});
    const QJsonObject base {{QStringLiteral("iss"), QStringLiteral("https://issuer.example.com")},
        {QStringLiteral("_sd"), QJsonArray {digestOf(given)}},
        {QStringLiteral("nationalities"), QJsonArray {QJsonObject {{QStringLiteral("..."), digestOf(us)}}}}};
    QTest::newRow("well formed") << issue(base, {given, us}) << QStringList();

    const QByteArray jane = disclosure({QStringLiteral("salt1"), QStringLiteral("given_name"), QStringLiteral("Jane")});
    QTest::newRow("tampered disclosure value")
        << issue(base, {jane, us}) << QStringList {QStringLiteral("unreferenced_disclosure")};
    QTest::newRow("disclosure not in the payload")
        << issue(base, {given, us, disclosure({QStringLiteral("s"), QStringLiteral("email"), QStringLiteral("x")})})
        << QStringList {QStringLiteral("unreferenced_disclosure")};
    QTest::newRow("disclosure given twice")
        << issue(base, {given, us, given}) << QStringList {QStringLiteral("duplicate_disclosure")};
    QTest::newRow("not JSON") << issue(base, {given, us, b64("[\"s\", ")})
                              << QStringList {QStringLiteral("invalid_disclosure")};
    QTest::newRow("not an array") << issue(base, {given, us, b64("{}")})
                                  << QStringList {QStringLiteral("invalid_disclosure")};
    QTest::newRow("one element") << issue(base, {given, us, b64("[\"s\"]")})
                                 << QStringList {QStringLiteral("invalid_disclosure")};
    QTest::newRow("four elements") << issue(base, {given, us, b64("[\"s\",\"a\",1,2]")})
                                   << QStringList {QStringLiteral("invalid_disclosure")};
    QTest::newRow("salt not a string") << issue(base, {given, us, b64("[1,\"a\",1]")})
                                       << QStringList {QStringLiteral("invalid_disclosure")};
    QTest::newRow("name not a string") << issue(base, {given, us, b64("[\"s\",1,1]")})
                                       << QStringList {QStringLiteral("invalid_disclosure")};
    QTest::newRow("reserved name _sd") << issue(base, {given, us, b64("[\"s\",\"_sd\",1]")})
                                       << QStringList {QStringLiteral("invalid_disclosure")};

    QJsonObject twice = base;
    twice.insert(QStringLiteral("_sd"), QJsonArray {digestOf(given), digestOf(given)});
    QTest::newRow("duplicate digest") << issue(twice, {given, us}) << QStringList {QStringLiteral("duplicate_digest")};
    QJsonObject twiceUndisclosed = base;
    twiceUndisclosed.insert(QStringLiteral("_sd"), QJsonArray {digestOf(given), digestOf("x"), digestOf("x")});
    QTest::newRow("duplicate undisclosed digest")
        << issue(twiceUndisclosed, {given, us}) << QStringList {QStringLiteral("duplicate_digest")};

    QJsonObject clash = base;
    clash.insert(QStringLiteral("given_name"), QStringLiteral("Johnny"));
    QTest::newRow("claim name clash") << issue(clash, {given, us}) << QStringList {QStringLiteral("sd_claim_clash")};

    QJsonObject swapped = base;
    swapped.insert(QStringLiteral("_sd"), QJsonArray {digestOf(us)});
    swapped.insert(
        QStringLiteral("nationalities"), QJsonArray {QJsonObject {{QStringLiteral("..."), digestOf(given)}}});
    QTest::newRow("array element in _sd and property in ...")
        << issue(swapped, {given, us})
        << QStringList {QStringLiteral("disclosure_kind_mismatch"), QStringLiteral("disclosure_kind_mismatch")};

    QJsonObject md5 = base;
    md5.insert(QStringLiteral("_sd_alg"), QStringLiteral("md5"));
    QTest::newRow("unsupported _sd_alg") << issue(md5, {given, us})
                                         << QStringList {QStringLiteral("unsupported_sd_alg")};
    QJsonObject numberAlg = base;
    numberAlg.insert(QStringLiteral("_sd_alg"), 256);
    QTest::newRow("_sd_alg not a string")
        << issue(numberAlg, {given, us}) << QStringList {QStringLiteral("unsupported_sd_alg")};

    QJsonObject badSd = base;
    badSd.insert(QStringLiteral("_sd"), QStringLiteral("not an array"));
    QTest::newRow("_sd not an array") << issue(badSd, {us}) << QStringList {QStringLiteral("invalid_sd")};

    // Nested: a Disclosure whose value holds the digest of another one.
    const QByteArray region = disclosure({QStringLiteral("s3"), QStringLiteral("region"), QStringLiteral("Sachsen")});
    const QByteArray address = disclosure({QStringLiteral("s4"), QStringLiteral("address"),
        QJsonObject {{QStringLiteral("_sd"), QJsonArray {digestOf(region)}},
            {QStringLiteral("country"), QStringLiteral("DE")}}});
    QJsonObject nested = base;
    nested.insert(QStringLiteral("_sd"), QJsonArray {digestOf(given), digestOf(address)});
    QTest::newRow("recursive disclosure") << issue(nested, {given, us, address, region}) << QStringList();
    QTest::newRow("nested disclosure without its parent")
        << issue(nested, {given, us, region}) << QStringList {QStringLiteral("unreferenced_disclosure")};
}

void TestSdJwt::problems()
{
    QFETCH(QByteArray, sdJwt);
    QFETCH(QStringList, codes);
    const jose::Inspection in = jose::Inspection::inspect(QString::fromLatin1(sdJwt), 0);
    QVERIFY2(in.token.isComplete(), qPrintable(in.token.issues.value(0).message));
    QCOMPARE(problemCodes(in.sdJwt), codes);
    QCOMPARE(in.sdJwt.ok(), codes.isEmpty());
    for (const auto &p : in.sdJwt.problems)
        QVERIFY(!p.message.isEmpty());
    if (codes.isEmpty()) {
        QCOMPARE(in.sdJwt.disclosedPayload.value(QStringLiteral("given_name")).toString(), QStringLiteral("John"));
        QCOMPARE(in.sdJwt.disclosedPayload.value(QStringLiteral("nationalities")).toArray(),
            QJsonArray {QStringLiteral("US")});
    }
    if (QTest::currentDataTag() == QByteArrayLiteral("recursive disclosure")) {
        QCOMPARE(in.sdJwt.disclosedPayload.value(QStringLiteral("address")).toObject(),
            (QJsonObject {{QStringLiteral("region"), QStringLiteral("Sachsen")},
                {QStringLiteral("country"), QStringLiteral("DE")}}));
        QVERIFY(in.sdJwt.disclosureAt(QStringLiteral("address.region")));
        QVERIFY(in.sdJwt.disclosureAt(QStringLiteral("nationalities[0]")));
    }
}

void TestSdJwt::otherHashAlgorithm()
{
    const QByteArray given
        = disclosure({QStringLiteral("salt1"), QStringLiteral("given_name"), QStringLiteral("John")});
    const QString sha512 = jose::SdJwt::digest(QCryptographicHash::Sha512, given);
    QJsonObject payload {
        {QStringLiteral("_sd_alg"), QStringLiteral("sha-512")}, {QStringLiteral("_sd"), QJsonArray {sha512}}};
    const jose::Inspection in = jose::Inspection::inspect(QString::fromLatin1(issue(payload, {given})), 0);
    QVERIFY(in.sdJwt.ok());
    QCOMPARE(in.sdJwt.disclosures[0].digest, sha512);
    QCOMPARE(in.sdJwt.disclosedPayload, (QJsonObject {{QStringLiteral("given_name"), QStringLiteral("John")}}));
    // The SHA-256 digest of the same Disclosure is not accepted under sha-512.
    payload.insert(QStringLiteral("_sd"), QJsonArray {digestOf(given)});
    const jose::Inspection wrong = jose::Inspection::inspect(QString::fromLatin1(issue(payload, {given})), 0);
    QCOMPARE(problemCodes(wrong.sdJwt), QStringList {QStringLiteral("unreferenced_disclosure")});
}

void TestSdJwt::decodeJson()
{
    const QString compact = test::sdJwtPresentation52();
    const QJsonObject json = jose::Inspection::inspect(compact, 0).toJson();
    QVERIFY(!json.contains(QStringLiteral("error")));
    const QJsonObject sd = json.value(QStringLiteral("sd_jwt")).toObject();
    QCOMPARE(sd.value(QStringLiteral("hash_alg")).toString(), QStringLiteral("sha-256"));
    const QJsonArray list = sd.value(QStringLiteral("disclosures")).toArray();
    QCOMPARE(list.size(), 4);
    const QJsonObject first = list.first().toObject();
    for (const auto &key : {"salt", "name", "value", "digest", "path"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QVERIFY(sd.value(QStringLiteral("disclosed_payload")).isObject());
    QVERIFY(sd.value(QStringLiteral("problems")).isArray());
    QCOMPARE(sd.value(QStringLiteral("key_binding"))
                 .toObject()
                 .value(QStringLiteral("header"))
                 .toObject()
                 .value(QStringLiteral("typ"))
                 .toString(),
        QStringLiteral("kb+jwt"));
    // A plain JWT has no sd_jwt member.
    const QString jwt
        = example5().value(QStringLiteral("issuer_signed_jwt")).toObject().value(QStringLiteral("compact")).toString();
    QVERIFY(!jose::Inspection::inspect(jwt, 0).toJson().contains(QStringLiteral("sd_jwt")));
}

void TestSdJwt::keyBinding_data()
{
    QTest::addColumn<QByteArray>("presentation");
    QTest::addColumn<QString>("aud");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<qint64>("clockOffset");
    QTest::addColumn<QStringList>("codes");

    const QString aud = QStringLiteral("https://verifier.example.org");
    const QString nonce = QStringLiteral("1234567890");
    const QByteArray rfc = example5Presentation();
    QTest::newRow("RFC 5.2") << rfc << aud << nonce << qint64(10) << QStringList();
    QTest::newRow("wrong aud") << rfc << QStringLiteral("https://other.example") << nonce << qint64(10)
                               << QStringList {QStringLiteral("kb_jwt_aud")};
    QTest::newRow("wrong nonce") << rfc << aud << QStringLiteral("42") << qint64(10)
                                 << QStringList {QStringLiteral("kb_jwt_nonce")};
    QTest::newRow("iat too old") << rfc << aud << nonce << qint64(3600) << QStringList {QStringLiteral("kb_jwt_iat")};
    QTest::newRow("iat in the future") << rfc << aud << nonce << qint64(-60)
                                       << QStringList {QStringLiteral("kb_jwt_iat"), QStringLiteral("kb_jwt_invalid")};

    // A Disclosure left out after the KB-JWT was made: sd_hash no longer covers what is presented.
    const qsizetype lastTilde = rfc.lastIndexOf('~');
    const qsizetype firstDisclosureEnd = rfc.indexOf('~', rfc.indexOf('~') + 1);
    const QByteArray dropped = rfc.left(rfc.indexOf('~'))
        + rfc.mid(firstDisclosureEnd, lastTilde - firstDisclosureEnd + 1) + rfc.mid(lastTilde + 1);
    QTest::newRow("wrong sd_hash") << dropped << aud << nonce << qint64(10)
                                   << QStringList {QStringLiteral("kb_jwt_sd_hash")};

    // New KB-JWTs signed with the holder key over the same SD-JWT.
    const QByteArray sdJwt = rfc.left(lastTilde + 1);
    QTest::newRow("fresh KB-JWT") << sdJwt + makeKeyBinding(sdJwt) << aud << nonce << qint64(10) << QStringList();
    QTest::newRow("typ JWT") << sdJwt + makeKeyBinding(sdJwt, {}, "JWT") << aud << nonce << qint64(10)
                             << QStringList {QStringLiteral("kb_jwt_typ"), QStringLiteral("kb_jwt_invalid")};
    QTest::newRow("sd_hash of another SD-JWT")
        << sdJwt + makeKeyBinding(sdJwt, {{QStringLiteral("sd_hash"), digestOf("other~")}}) << aud << nonce
        << qint64(10) << QStringList {QStringLiteral("kb_jwt_sd_hash")};
    QByteArray badSig = rfc;
    badSig[badSig.size() - 5] = badSig[badSig.size() - 5] == 'A' ? 'B' : 'A';
    QTest::newRow("bad KB-JWT signature")
        << badSig << aud << nonce << qint64(10) << QStringList {QStringLiteral("kb_jwt_invalid")};
    // Signed by the issuer key instead of the holder's.
    auto byIssuer = keys::TokenSigner::signBytes(crypto::Algorithm::ES256, keyOf(issuerPrivate()),
        R"({"alg":"ES256","typ":"kb+jwt"})",
        QJsonDocument(QJsonObject {{QStringLiteral("nonce"), nonce}, {QStringLiteral("aud"), aud},
                          {QStringLiteral("iat"), 1748537243}, {QStringLiteral("sd_hash"), digestOf(sdJwt)}})
            .toJson(QJsonDocument::Compact));
    QTest::newRow("KB-JWT by another key")
        << sdJwt + byIssuer->toLatin1() << aud << nonce << qint64(10) << QStringList {QStringLiteral("kb_jwt_invalid")};
}

void TestSdJwt::keyBinding()
{
    QFETCH(QByteArray, presentation);
    QFETCH(QString, aud);
    QFETCH(QString, nonce);
    QFETCH(qint64, clockOffset);
    QFETCH(QStringList, codes);
    validation::Policy policy;
    policy.clock = kbClock(clockOffset);
    verification::SdJwtOptions options;
    options.audience = aud;
    options.nonce = nonce;
    const jose::Inspection in = jose::Inspection::inspect(QString::fromLatin1(presentation), policy.clock->nowSecs());
    const verification::SdJwtVerification v = verification::verifySdJwt(in, issuerPublicSet(), policy, options);
    QVERIFY2(v.issuer.valid, qPrintable(v.issuer.firstFailure() ? v.issuer.firstFailure()->detail : QString()));
    QVERIFY(v.sd.ok());
    QCOMPARE(findingCodes(v.keyBindingProblems), codes);
    QCOMPARE(v.valid, codes.isEmpty());
    const QJsonObject json = v.toJson();
    QCOMPARE(json.value(QStringLiteral("valid")).toBool(), codes.isEmpty());
    QCOMPARE(json.value(QStringLiteral("sd_jwt"))
                 .toObject()
                 .value(QStringLiteral("key_binding"))
                 .toObject()
                 .value(QStringLiteral("valid"))
                 .toBool(),
        codes.isEmpty());
}

void TestSdJwt::issuerSignatureUsesGivenKey()
{
    const QByteArray rfc = example5Presentation();
    validation::Policy policy;
    policy.clock = kbClock();
    verification::SdJwtOptions options;
    const jose::Inspection in = jose::Inspection::inspect(QString::fromLatin1(rfc), policy.clock->nowSecs());
    // The holder key is not the issuer's: the issuer signature fails, whatever the KB-JWT says.
    QJsonObject holderPublic = holderPrivate();
    holderPublic.remove(QStringLiteral("d"));
    const auto wrong
        = verification::verifySdJwt(in, keys::JwkSet::fromJsonObject(holderPublic).value(), policy, options);
    QVERIFY(!wrong.issuer.valid);
    QVERIFY(!wrong.valid);
    QCOMPARE(wrong.issuer.firstFailure()->nameText(), QStringLiteral("signature"));
    const auto right = verification::verifySdJwt(in, issuerPublicSet(), policy, options);
    QVERIFY(right.issuer.valid);
    QVERIFY(right.valid); // aud and nonce unchecked: warnings only
    QCOMPARE(right.keyBindingProblems.size(), 2);
    // A presentation without KB-JWT is valid unless one is required.
    const QByteArray noKb = rfc.left(rfc.lastIndexOf('~') + 1);
    const jose::Inspection bare = jose::Inspection::inspect(QString::fromLatin1(noKb), policy.clock->nowSecs());
    QVERIFY(verification::verifySdJwt(bare, issuerPublicSet(), policy, options).valid);
    options.requireKeyBinding = true;
    const auto required = verification::verifySdJwt(bare, issuerPublicSet(), policy, options);
    QVERIFY(!required.valid);
    QCOMPARE(findingCodes(required.keyBindingProblems), QStringList {QStringLiteral("kb_jwt_missing")});
}

void TestSdJwt::verifyJudgesTheWholeSdJwt()
{
    // The one entry point every page asks (the Inspector's Verify tab) judges an SD-JWT as the CLI's verify does:
    // a Disclosure that no digest lists makes it Invalid even though the issuer signature holds.
    const QByteArray rfc = example5Presentation();
    verification::Context context;
    context.clock = kbClock();
    context.keys = issuerPublicSet();
    context.keyLabel = QStringLiteral("issuer key");
    const QByteArray noKb = rfc.left(rfc.lastIndexOf('~') + 1);
    const auto judge = [&](const QByteArray &text) {
        return verification::verify(
            jose::Inspection::inspect(QString::fromLatin1(text), context.clock->nowSecs()), context);
    };
    const verification::Report good = judge(noKb);
    QCOMPARE(good.verdict, common::Verdict::Valid);
    // An extra Disclosure (valid base64url JSON, but no digest lists it).
    const QByteArray stray = jose::Base64Url::encode(R"(["c2FsdHNhbHRzYWx0","stray","x"])");
    const verification::Report bad = judge(noKb + stray + '~');
    QCOMPARE(bad.verdict, common::Verdict::Invalid);
    QVERIFY2(bad.summary.startsWith(u"SD-JWT: "), qPrintable(bad.summary));
    QVERIFY(bad.generic && bad.generic->valid); // the issuer signature itself holds
    QVERIFY(std::any_of(bad.findings.cbegin(), bad.findings.cend(),
        [](const common::Finding &f) { return f.severity == common::Severity::Error; }));
    // The same answer as verifySdJwt, which the CLI's verify calls.
    validation::Policy policy;
    policy.clock = context.clock;
    const jose::Inspection in
        = jose::Inspection::inspect(QString::fromLatin1(noKb + stray + '~'), policy.clock->nowSecs());
    QCOMPARE(verification::verifySdJwt(in, issuerPublicSet(), policy, verification::SdJwtOptions {}).valid, false);
}

void TestSdJwt::issueSelectivelyDisclosable()
{
    const QJsonObject claims {{QStringLiteral("iss"), QStringLiteral("https://issuer.example.com")},
        {QStringLiteral("given_name"), QStringLiteral("John")}, {QStringLiteral("family_name"), QStringLiteral("Doe")},
        {QStringLiteral("address"), QJsonObject {{QStringLiteral("country"), QStringLiteral("US")}}}};
    // The salt is used as given; the Disclosure is compact JSON [salt, name, value].
    auto fixed = jose::makeSelectivelyDisclosable(
        claims, {QStringLiteral("given_name")}, [] { return QStringLiteral("2GLC42sKQveCfGfryNRN9w"); });
    QVERIFY(fixed);
    QCOMPARE(jose::Base64Url::decode(fixed->disclosures[0]).value(),
        QByteArrayLiteral(R"(["2GLC42sKQveCfGfryNRN9w","given_name","John"])"));

    auto issued = jose::makeSelectivelyDisclosable(claims, {QStringLiteral("given_name"), QStringLiteral("address")});
    QVERIFY(issued);
    QCOMPARE(issued->disclosures.size(), 2);
    QVERIFY(!issued->payload.contains(QStringLiteral("given_name")));
    QVERIFY(!issued->payload.contains(QStringLiteral("address")));
    QCOMPARE(issued->payload.value(QStringLiteral("_sd")).toArray().size(), 2);
    QCOMPARE(issued->payload.value(QStringLiteral("_sd_alg")).toString(), QStringLiteral("sha-256"));
    // Fresh salts: 128 bits, different every time.
    auto again = jose::makeSelectivelyDisclosable(claims, {QStringLiteral("given_name")});
    QVERIFY(again->disclosures[0] != issued->disclosures[0]);
    QCOMPARE(jose::Base64Url::decode(QJsonDocument::fromJson(jose::Base64Url::decode(again->disclosures[0]).value())
                                         .array()
                                         .at(0)
                                         .toString()
                                         .toLatin1())
                 .value()
                 .size(),
        16);

    auto jws = keys::TokenSigner::signBytes(crypto::Algorithm::ES256, keyOf(issuerPrivate()), R"({"alg":"ES256"})",
        QJsonDocument(issued->payload).toJson(QJsonDocument::Compact));
    const QByteArray sdJwt = issued->compact(jws->toLatin1());
    QVERIFY(sdJwt.endsWith('~'));
    const jose::Inspection in = jose::Inspection::inspect(QString::fromLatin1(sdJwt), 0);
    QVERIFY(in.sdJwt.ok());
    QCOMPARE(in.sdJwt.disclosedPayload, claims);
    // Presenting only one Disclosure discloses only that claim.
    const QByteArray partial = jws->toLatin1() + '~' + issued->disclosures[1] + '~';
    const QJsonObject shown = jose::Inspection::inspect(QString::fromLatin1(partial), 0).sdJwt.disclosedPayload;
    QVERIFY(shown.contains(QStringLiteral("address")));
    QVERIFY(!shown.contains(QStringLiteral("given_name")));

    QCOMPARE(jose::makeSelectivelyDisclosable(claims, {QStringLiteral("email")}).error().code,
        QStringLiteral("sd_claim_missing"));
    QCOMPARE(jose::makeSelectivelyDisclosable(claims, {QStringLiteral("given_name"), QStringLiteral("given_name")})
                 .error()
                 .code,
        QStringLiteral("sd_claim_missing"));
    QCOMPARE(jose::makeSelectivelyDisclosable(claims, {QStringLiteral("_sd")}).error().code,
        QStringLiteral("sd_claim_reserved"));
    QCOMPARE(jose::makeSelectivelyDisclosable(claims, {}).error().code, QStringLiteral("sd_no_claims"));
}

QTEST_GUILESS_MAIN(TestSdJwt)
#include "tst_sdjwt.moc"
