// Base64Url: strict decoding as RFC 7515 §2 requires (RFC 4648 §5 alphabet, no padding, no whitespace,
// canonical trailing bits), encoding, and the lenient decoder used for pasted keys.
#include "jose/Base64Url.h"

#include <QRandomGenerator>
#include <QTest>

using jwb::jose::Base64Url::decode;
using jwb::jose::Base64Url::decodeLenient;
using jwb::jose::Base64Url::encode;

class TestBase64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeIntoAgreesWithDecode();
    void rfc4648Vectors_data();
    void rfc4648Vectors();
    void urlAlphabet_data();
    void urlAlphabet();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void rejectionMessages_data();
    void rejectionMessages();
    void canonicalTrailingBits_data();
    void canonicalTrailingBits();
    void roundTrip_data();
    void roundTrip();
    void lenient_data();
    void lenient();
    void lenientRejects_data();
    void lenientRejects();
};

void TestBase64Url::rfc4648Vectors_data()
{
    // RFC 4648 §10 test vectors, written without the '=' padding that RFC 7515 §2 removes.
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
}

void TestBase64Url::rfc4648Vectors()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(encode(plain), encoded);
    const auto decoded = decode(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().toString()));
    QCOMPARE(decoded.value(), plain);
}

void TestBase64Url::urlAlphabet_data()
{
    // Bytes whose encodings use the two characters in which base64url differs from base64 (62 '-', 63 '_').
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("all 62") << QByteArray::fromHex("fbefbe") << QByteArray("----");
    QTest::newRow("all 63") << QByteArray::fromHex("ffffff") << QByteArray("____");
    QTest::newRow("fb ff") << QByteArray::fromHex("fbff") << QByteArray("-_8");
    QTest::newRow("zero bytes") << QByteArray::fromHex("000000") << QByteArray("AAAA");
    QTest::newRow("RFC 7515 A.1 header prefix") << QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}")
                                                << QByteArray("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
}

void TestBase64Url::urlAlphabet()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(encode(plain), encoded);
    const auto decoded = decode(encoded);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), plain);
}

void TestBase64Url::rejectsInvalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qlonglong>("offset");
    QTest::newRow("padding ==") << QByteArray("Zg==") << 2LL;
    QTest::newRow("padding =") << QByteArray("Zm8=") << 3LL;
    QTest::newRow("plus") << QByteArray("Zm+v") << 2LL;
    QTest::newRow("slash") << QByteArray("Zm9v/w") << 4LL;
    QTest::newRow("leading space") << QByteArray(" Zm9v") << 0LL;
    QTest::newRow("inner space") << QByteArray("Zm9 v") << 3LL;
    QTest::newRow("trailing newline") << QByteArray("Zm9v\n") << 4LL;
    QTest::newRow("inner CRLF") << QByteArray("Zm9v\r\nYg") << 4LL;
    QTest::newRow("tab") << QByteArray("Zm\t9v") << 2LL;
    QTest::newRow("dot") << QByteArray("Zm9v.Yg") << 4LL;
    QTest::newRow("asterisk") << QByteArray("Zm9vYmF*") << 7LL;
    QTest::newRow("NUL byte") << QByteArray("Zm\0v", 4) << 2LL;
    QTest::newRow("UTF-8 e acute") << QByteArray("Zm\xc3\xa9v") << 2LL;
    QTest::newRow("length 1") << QByteArray("Z") << 0LL;
    QTest::newRow("length 5") << QByteArray("Zm9vY") << 4LL;
    QTest::newRow("length 9") << QByteArray("Zm9vYmFyZ") << 8LL;
    // A bad character is reported before the impossible length.
    QTest::newRow("bad char and length 5") << QByteArray("Zm=vY") << 2LL;
}

void TestBase64Url::rejectsInvalid()
{
    QFETCH(QByteArray, text);
    QFETCH(qlonglong, offset);
    const auto decoded = decode(text);
    QVERIFY2(!decoded.ok(), "strict decoding accepted invalid base64url");
    QCOMPARE(decoded.error().code, QStringLiteral("invalid_base64url"));
    QVERIFY(decoded.error().details.contains(QStringLiteral("offset")));
    QCOMPARE(decoded.error().details.value(QStringLiteral("offset")).toLongLong(), offset);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestBase64Url::rejectionMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("padding") << QByteArray("Zg==") << QStringLiteral("padding");
    QTest::newRow("plus") << QByteArray("Zm+v") << QStringLiteral("'-' and '_'");
    QTest::newRow("slash") << QByteArray("Zm/v") << QStringLiteral("'-' and '_'");
    QTest::newRow("space") << QByteArray("Zm v") << QStringLiteral("a space");
    QTest::newRow("newline") << QByteArray("Zm\nv") << QStringLiteral("a line break");
    QTest::newRow("tab") << QByteArray("Zm\tv") << QStringLiteral("a tab");
    QTest::newRow("high byte") << QByteArray("Zm\xffv") << QStringLiteral("0xff");
    QTest::newRow("character offset") << QByteArray("Zm9vYmF*") << QStringLiteral("at character 8");
    QTest::newRow("length") << QByteArray("Zm9vY") << QStringLiteral("length 5");
    QTest::newRow("stray bits") << QByteArray("QR") << QStringLiteral("non-canonical");
}

void TestBase64Url::rejectionMessages()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);
    const auto decoded = decode(text);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().message.contains(mentions), qPrintable(decoded.error().message));
}

void TestBase64Url::canonicalTrailingBits_data()
{
    // The unused low bits of the last character must be zero (RFC 4648 §3.5); otherwise two different
    // strings would decode to the same bytes and a token could be altered without touching its signature.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("plain");
    QTest::newRow("QQ canonical") << QByteArray("QQ") << true << QByteArray("A");
    QTest::newRow("QR stray bit") << QByteArray("QR") << false << QByteArray();
    QTest::newRow("QS stray bit") << QByteArray("QS") << false << QByteArray();
    QTest::newRow("Q_ stray bits") << QByteArray("Q_") << false << QByteArray();
    QTest::newRow("QUI canonical") << QByteArray("QUI") << true << QByteArray("AB");
    QTest::newRow("QUJ stray bit") << QByteArray("QUJ") << false << QByteArray();
    QTest::newRow("QUL stray bits") << QByteArray("QUL") << false << QByteArray();
    QTest::newRow("Zm8 canonical") << QByteArray("Zm8") << true << QByteArray("fo");
    QTest::newRow("Zm9 stray bits") << QByteArray("Zm9") << false << QByteArray();
    QTest::newRow("Zg canonical") << QByteArray("Zg") << true << QByteArray("f");
    QTest::newRow("Zh stray bits") << QByteArray("Zh") << false << QByteArray();
    QTest::newRow("full quantum has no spare bits") << QByteArray("Zm9v") << true << QByteArray("foo");
}

void TestBase64Url::canonicalTrailingBits()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, plain);
    const auto decoded = decode(text);
    QCOMPARE(decoded.ok(), valid);
    if (valid) {
        QCOMPARE(decoded.value(), plain);
    } else {
        QCOMPARE(decoded.error().code, QStringLiteral("invalid_base64url"));
        QCOMPARE(decoded.error().details.value(QStringLiteral("offset")).toLongLong(), text.size() - 1);
    }
}

void TestBase64Url::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plain");
    QRandomGenerator rng(20240607); // fixed seed: the same bytes on every run
    for (int length = 0; length <= 70; ++length) {
        QByteArray bytes(length, Qt::Uninitialized);
        for (auto &b : bytes)
            b = static_cast<char>(rng.bounded(256));
        QTest::addRow("random %d bytes", length) << bytes;
    }
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(static_cast<char>(i));
    QTest::newRow("every byte value") << all;
    QTest::newRow("UTF-8 text") << QStringLiteral("It\u2019s a dangerous business, Frodo").toUtf8();
}

void TestBase64Url::roundTrip()
{
    QFETCH(QByteArray, plain);
    const QByteArray encoded = encode(plain);
    QVERIFY(!encoded.contains('='));
    QVERIFY(!encoded.contains('+'));
    QVERIFY(!encoded.contains('/'));
    QCOMPARE(encoded.size(), (plain.size() * 4 + 2) / 3); // unpadded length
    const auto decoded = decode(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().toString()));
    QCOMPARE(decoded.value(), plain);
    const auto lenient = decodeLenient(encoded);
    QVERIFY(lenient.ok());
    QCOMPARE(lenient.value(), plain);
}

void TestBase64Url::lenient_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("plain");
    QTest::newRow("strict form") << QByteArray("Zm9vYmFy") << QByteArray("foobar");
    QTest::newRow("padding") << QByteArray("Zm9vYg==") << QByteArray("foob");
    QTest::newRow("single padding") << QByteArray("Zm9vYmE=") << QByteArray("fooba");
    QTest::newRow("standard alphabet") << QByteArray("+/8=") << QByteArray::fromHex("fbff");
    QTest::newRow("url alphabet") << QByteArray("-_8") << QByteArray::fromHex("fbff");
    QTest::newRow("wrapped lines") << QByteArray("Zm9v\r\nYmFy\n") << QByteArray("foobar");
    QTest::newRow("spaces and tabs") << QByteArray(" Zm9v\tYmFy ") << QByteArray("foobar");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestBase64Url::lenient()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, plain);
    const auto decoded = decodeLenient(text);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().toString()));
    QCOMPARE(decoded.value(), plain);
}

void TestBase64Url::lenientRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("truncated") << QByteArray("Zm9vY");
    QTest::newRow("truncated with padding") << QByteArray("Z===");
    QTest::newRow("asterisk") << QByteArray("Zm9*");
    QTest::newRow("dot") << QByteArray("Zm.v");
    QTest::newRow("non-ASCII") << QByteArray("Zm\xc3\xa9");
}

void TestBase64Url::lenientRejects()
{
    QFETCH(QByteArray, text);
    const auto decoded = decodeLenient(text);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, QStringLiteral("invalid_base64"));
}

void TestBase64Url::decodeIntoAgreesWithDecode()
{
    // The allocation-free decoder of the batch verifier accepts exactly what decode() accepts, with the same bytes:
    // every length 0..40 of random text over the alphabet plus a few invalid characters, 20,000 strings.
    QRandomGenerator rng(42);
    const QByteArray chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_-_=+/ .";
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray text;
        const int length = round % 41;
        for (int i = 0; i < length; ++i)
            text += chars[static_cast<int>(rng.bounded(round % 3 == 0 ? static_cast<int>(chars.size()) : 64))];
        const auto reference = jwb::jose::Base64Url::decode(text);
        QByteArray out(text.size() * 3 / 4 + 1, '\0');
        const qsizetype n = jwb::jose::Base64Url::decodeInto(
            text.constData(), text.size(), reinterpret_cast<unsigned char *>(out.data()));
        QCOMPARE(n >= 0, reference.ok());
        if (reference.ok()) {
            QCOMPARE(out.left(n), reference.value());
            ++accepted;
        }
    }
    QVERIFY(accepted > 2000);
}

QTEST_APPLESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
