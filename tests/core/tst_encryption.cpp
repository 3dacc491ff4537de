// crypto/Encryption: JWE content encryption, key wrap, RSA, ECDH-ES, Concat KDF, PBKDF2 and raw DEFLATE; X25519/X448
// keys. Data: ../shared/testvectors/wycheproof (C2SP/wycheproof; SOURCE.md there lists the layouts and which groups
// apply to JWE) and ../shared/testvectors/rfc/7518.json (RFC 7518 Appendix B and C), read in place.
#include "TestData.h"
#include "crypto/Encryption.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/Thumbprint.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace jwb::crypto;
using jwb::test::readJson;
using jwb::test::sharedPath;

namespace {

QString why(const jwb::common::Error &e)
{
    return e.toString();
}
#define JWB_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : why((result).error())))

QByteArray hex(const QJsonValue &v)
{
    return QByteArray::fromHex(v.toString().toLatin1());
}

/// Every test of a Wycheproof file, with its group: {group, test} pairs.
QList<std::pair<QJsonObject, QJsonObject>> wycheproofTests(const QString &file)
{
    QList<std::pair<QJsonObject, QJsonObject>> out;
    const QJsonObject root = readJson(sharedPath(QStringLiteral("testvectors/wycheproof/") + file)).object();
    for (const QJsonValue &g : root.value(QLatin1String("testGroups")).toArray())
        for (const QJsonValue &t : g.toObject().value(QLatin1String("tests")).toArray())
            out.append({g.toObject(), t.toObject()});
    return out;
}

// X25519 keys from raw bytes (RFC 8410 structures): PKCS#8 for a private key, SPKI for a public one.
Key x25519Private(const QByteArray &d)
{
    auto k = Key::fromDer(QByteArray::fromHex("302e020100300506032b656e04220420") + d);
    return k ? k.value() : Key();
}
Key x25519Public(const QByteArray &x)
{
    auto k = Key::fromDer(QByteArray::fromHex("302a300506032b656e032100") + x);
    return k ? k.value() : Key();
}

Key jwkKey(const QJsonObject &o)
{
    auto jwk = jwb::keys::Jwk::fromJson(o);
    return jwk ? jwk->key : Key();
}

int tagBytes(ContentEncryption enc)
{
    return JweAlgorithms::ivBytes(enc) == 12 ? 16 : JweAlgorithms::cekBytes(enc) / 2;
}

} // namespace

class TestEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void contentRoundTrip_data();
    void contentRoundTrip();
    void contentLengthsChecked();
    void noPaddingOracle_data();
    void noPaddingOracle();
    void aesGcmWycheproof();
    void cbcHmacWycheproof_data();
    void cbcHmacWycheproof();
    void rfc7518AppendixB();
    void keyWrapRoundTrip_data();
    void keyWrapRoundTrip();
    void aesWrapWycheproof();
    void rsaRoundTrip_data();
    void rsaRoundTrip();
    void rsa15PaddingFailureGivesRandomKey();
    void rsaOaepWycheproof();
    void ecdhRoundTrip_data();
    void ecdhRoundTrip();
    void ecdhWrongCurve();
    void ecdhWycheproof();
    void x25519Wycheproof();
    void rfc7518AppendixC();
    void pbkdf2Known();
    void deflateRoundTrip();
    void inflateCap();
    void inflateBomb();
    void inflateInvalid_data();
    void inflateInvalid();
    void x25519Keys_data();
    void x25519Keys();
    void x25519NeverSigns();
};

void TestEncryption::names()
{
    QCOMPARE(JweAlgorithms::allKeyManagement().size(), 19);
    QCOMPARE(JweAlgorithms::allContentEncryption().size(), 6);
    for (KeyManagement alg : JweAlgorithms::allKeyManagement())
        QCOMPARE(JweAlgorithms::keyManagementFromName(JweAlgorithms::name(alg)), std::optional(alg));
    for (ContentEncryption enc : JweAlgorithms::allContentEncryption())
        QCOMPARE(JweAlgorithms::contentEncryptionFromName(JweAlgorithms::name(enc)), std::optional(enc));
    QCOMPARE(JweAlgorithms::name(KeyManagement::ECDH_ES_A128KW), QStringLiteral("ECDH-ES+A128KW"));
    QCOMPARE(JweAlgorithms::name(KeyManagement::PBES2_HS256_A128KW), QStringLiteral("PBES2-HS256+A128KW"));
    QCOMPARE(JweAlgorithms::name(KeyManagement::Dir), QStringLiteral("dir"));
    QVERIFY(!JweAlgorithms::keyManagementFromName(QStringLiteral("DIR")));
    QVERIFY(!JweAlgorithms::contentEncryptionFromName(QStringLiteral("a128gcm")));
    QVERIFY(!JweAlgorithms::canEncrypt(KeyManagement::RSA1_5));
    QVERIFY(JweAlgorithms::canEncrypt(KeyManagement::RSA_OAEP));
    QCOMPARE(JweAlgorithms::kekBytes(KeyManagement::PBES2_HS384_A192KW), 24);
    QCOMPARE(JweAlgorithms::kekBytes(KeyManagement::ECDH_ES), 0);
    QCOMPARE(JweAlgorithms::cekBytes(ContentEncryption::A192CBC_HS384), 48);
}

void TestEncryption::contentRoundTrip_data()
{
    QTest::addColumn<ContentEncryption>("enc");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("plaintext");
    for (ContentEncryption enc : JweAlgorithms::allContentEncryption()) {
        const QByteArray name = JweAlgorithms::name(enc).toLatin1();
        QTest::addRow("%s text", name.constData())
            << enc << QByteArray("eyJhbGciOiJkaXIifQ") << QByteArray("Live long and prosper.");
        QTest::addRow("%s empty", name.constData()) << enc << QByteArray() << QByteArray();
        QTest::addRow("%s block", name.constData()) << enc << QByteArray("a") << QByteArray(16, 'x');
        QTest::addRow("%s 100k", name.constData()) << enc << QByteArray("h") << QByteArray(100000, 'y');
    }
}

void TestEncryption::contentRoundTrip()
{
    QFETCH(ContentEncryption, enc);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, plaintext);
    const QByteArray cek = randomBytes(JweAlgorithms::cekBytes(enc));
    const QByteArray iv = randomBytes(JweAlgorithms::ivBytes(enc));
    QCOMPARE(cek.size(), JweAlgorithms::cekBytes(enc));
    auto sealed = encryptContent(enc, cek, iv, aad, plaintext);
    JWB_OK(sealed);
    QCOMPARE(sealed->tag.size(), tagBytes(enc));
    QVERIFY(plaintext.isEmpty() || sealed->ciphertext != plaintext);
    auto opened = decryptContent(enc, cek, iv, aad, sealed->ciphertext, sealed->tag);
    JWB_OK(opened);
    QCOMPARE(opened.value(), plaintext);
    // Any change to the AAD, the IV, the ciphertext or the tag is refused.
    auto wrongAad = decryptContent(enc, cek, iv, aad + "x", sealed->ciphertext, sealed->tag);
    QVERIFY(!wrongAad.ok());
    QCOMPARE(wrongAad.error().code, QStringLiteral("decryption_failed"));
    QByteArray badTag = sealed->tag;
    badTag[0] = static_cast<char>(badTag[0] ^ 1);
    QVERIFY(!decryptContent(enc, cek, iv, aad, sealed->ciphertext, badTag).ok());
    QByteArray badIv = iv;
    badIv[0] = static_cast<char>(badIv[0] ^ 1);
    QVERIFY(!decryptContent(enc, cek, badIv, aad, sealed->ciphertext, sealed->tag).ok());
    if (!sealed->ciphertext.isEmpty()) {
        QByteArray badCt = sealed->ciphertext;
        badCt[badCt.size() - 1] = static_cast<char>(badCt[badCt.size() - 1] ^ 1);
        QVERIFY(!decryptContent(enc, cek, iv, aad, badCt, sealed->tag).ok());
    }
}

void TestEncryption::contentLengthsChecked()
{
    for (ContentEncryption enc : JweAlgorithms::allContentEncryption()) {
        const QByteArray cek(JweAlgorithms::cekBytes(enc), 'k');
        const QByteArray iv(JweAlgorithms::ivBytes(enc), 'i');
        auto shortKey = encryptContent(enc, cek.left(cek.size() - 1), iv, {}, "x");
        QVERIFY(!shortKey.ok());
        QCOMPARE(shortKey.error().code, QStringLiteral("invalid_key"));
        auto longIv = encryptContent(enc, cek, iv + "i", {}, "x");
        QVERIFY(!longIv.ok());
        QCOMPARE(longIv.error().code, QStringLiteral("invalid_iv"));
        auto shortTag = decryptContent(enc, cek, iv, {}, QByteArray(16, 'c'), QByteArray(tagBytes(enc) - 1, 't'));
        QVERIFY(!shortTag.ok());
        QCOMPARE(shortTag.error().code, QStringLiteral("invalid_tag"));
    }
}

void TestEncryption::noPaddingOracle_data()
{
    QTest::addColumn<ContentEncryption>("enc");
    for (ContentEncryption enc :
        {ContentEncryption::A128CBC_HS256, ContentEncryption::A192CBC_HS384, ContentEncryption::A256CBC_HS512})
        QTest::newRow(qPrintable(JweAlgorithms::name(enc))) << enc;
}

// A wrong tag, and a right tag (computed with the correct MAC key) over a ciphertext whose padding is wrong under the
// encryption key, must fail identically.
void TestEncryption::noPaddingOracle()
{
    QFETCH(ContentEncryption, enc);
    const int half = JweAlgorithms::cekBytes(enc) / 2;
    const QByteArray iv = randomBytes(16);
    const QByteArray aad("aad");
    // Ciphertext under encryption key A, MAC'd under the CEK's MAC key M: take a CEK (M, B) with another encryption
    // key B, so that the tag is right and decrypting with B gives garbage padding (almost always).
    const QByteArray mac = randomBytes(half);
    const QByteArray cekA = mac + randomBytes(half);
    auto sealed = encryptContent(enc, cekA, iv, aad, QByteArray(40, 'p'));
    JWB_OK(sealed);
    int paddingFailures = 0;
    QString paddingMessage;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QByteArray cekB = mac + randomBytes(half);
        auto opened = decryptContent(enc, cekB, iv, aad, sealed->ciphertext, sealed->tag);
        if (opened.ok())
            continue; // the garbage happened to end in valid padding
        ++paddingFailures;
        QCOMPARE(opened.error().code, QStringLiteral("decryption_failed"));
        paddingMessage = opened.error().message;
    }
    QVERIFY(paddingFailures > 0);
    QByteArray badTag = sealed->tag;
    badTag[3] = static_cast<char>(badTag[3] ^ 0x40);
    auto tagFailure = decryptContent(enc, cekA, iv, aad, sealed->ciphertext, badTag);
    QVERIFY(!tagFailure.ok());
    QCOMPARE(tagFailure.error().code, QStringLiteral("decryption_failed"));
    QCOMPARE(tagFailure.error().message, paddingMessage);
    QCOMPARE(tagFailure.error().details, QVariantMap());
}

void TestEncryption::aesGcmWycheproof()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/aes_gcm_test.json");
    int valid = 0, invalid = 0, skipped = 0;
    for (const auto &[group, t] : wycheproofTests(QStringLiteral("aes_gcm_test.json"))) {
        // JWE uses 96-bit IVs and 128-bit tags only (RFC 7518 section 5.3); other groups do not apply.
        if (group.value(QLatin1String("ivSize")).toInt() != 96
            || group.value(QLatin1String("tagSize")).toInt() != 128) {
            ++skipped;
            continue;
        }
        const int keyBits = group.value(QLatin1String("keySize")).toInt();
        const ContentEncryption enc = keyBits == 128 ? ContentEncryption::A128GCM
            : keyBits == 192                         ? ContentEncryption::A192GCM
                                                     : ContentEncryption::A256GCM;
        const QByteArray key = hex(t[u"key"]), iv = hex(t[u"iv"]), aad = hex(t[u"aad"]), msg = hex(t[u"msg"]),
                         ct = hex(t[u"ct"]), tag = hex(t[u"tag"]);
        const QString id = QStringLiteral("tcId %1").arg(t[u"tcId"].toInt());
        const bool isValid = t[u"result"].toString() == u"valid";
        auto opened = decryptContent(enc, key, iv, aad, ct, tag);
        if (isValid) {
            ++valid;
            QVERIFY2(opened.ok(), qPrintable(id));
            QCOMPARE(opened.value(), msg);
            auto sealed = encryptContent(enc, key, iv, aad, msg);
            QVERIFY2(sealed.ok() && sealed->ciphertext == ct && sealed->tag == tag, qPrintable(id));
        } else {
            ++invalid;
            QVERIFY2(!opened.ok(), qPrintable(id));
        }
    }
    qInfo("AES-GCM: %d valid, %d invalid checked; %d tests of other IV/tag sizes skipped (not JWE)", valid, invalid,
        skipped);
    QVERIFY(valid > 50);
    QVERIFY(invalid > 10);
}

void TestEncryption::cbcHmacWycheproof_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ContentEncryption>("enc");
    QTest::newRow("A128CBC-HS256") << QStringLiteral("a128cbc_hs256_test.json") << ContentEncryption::A128CBC_HS256;
    QTest::newRow("A192CBC-HS384") << QStringLiteral("a192cbc_hs384_test.json") << ContentEncryption::A192CBC_HS384;
    QTest::newRow("A256CBC-HS512") << QStringLiteral("a256cbc_hs512_test.json") << ContentEncryption::A256CBC_HS512;
}

void TestEncryption::cbcHmacWycheproof()
{
    QFETCH(QString, file);
    QFETCH(ContentEncryption, enc);
    if (!QFileInfo::exists(sharedPath(QStringLiteral("testvectors/wycheproof/") + file)))
        JWB_REQUIRE_SHARED("testvectors/wycheproof/a128cbc_hs256_test.json");
    int valid = 0, invalid = 0;
    for (const auto &[group, t] : wycheproofTests(file)) {
        Q_UNUSED(group);
        const QByteArray key = hex(t[u"key"]), iv = hex(t[u"iv"]), aad = hex(t[u"aad"]), msg = hex(t[u"msg"]),
                         ct = hex(t[u"ct"]), tag = hex(t[u"tag"]);
        const QString id = QStringLiteral("tcId %1").arg(t[u"tcId"].toInt());
        auto opened = decryptContent(enc, key, iv, aad, ct, tag);
        if (t[u"result"].toString() == u"valid") {
            ++valid;
            QVERIFY2(opened.ok() && opened.value() == msg, qPrintable(id));
            auto sealed = encryptContent(enc, key, iv, aad, msg);
            QVERIFY2(sealed.ok() && sealed->ciphertext == ct && sealed->tag == tag, qPrintable(id));
        } else {
            ++invalid;
            QVERIFY2(!opened.ok(), qPrintable(id));
            if (!opened.ok() && opened.error().code != u"invalid_tag")
                QCOMPARE(opened.error().code, QStringLiteral("decryption_failed"));
        }
    }
    QCOMPARE(valid, 67);
    QCOMPARE(invalid, 27);
}

void TestEncryption::rfc7518AppendixB()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7518.json");
    const QJsonObject root = readJson(sharedPath(QStringLiteral("testvectors/rfc/7518.json"))).object();
    const QJsonArray cases = root.value(QLatin1String("aes_cbc_hmac_sha2")).toArray();
    QCOMPARE(cases.size(), 3);
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        const auto enc = JweAlgorithms::contentEncryptionFromName(c[u"enc"].toString());
        QVERIFY(enc);
        auto sealed = encryptContent(*enc, hex(c[u"K"]), hex(c[u"IV"]), hex(c[u"A"]), hex(c[u"P"]));
        JWB_OK(sealed);
        QCOMPARE(sealed->ciphertext.toHex(), hex(c[u"E"]).toHex());
        QCOMPARE(sealed->tag.toHex(), hex(c[u"T"]).toHex());
        auto opened = decryptContent(*enc, hex(c[u"K"]), hex(c[u"IV"]), hex(c[u"A"]), hex(c[u"E"]), hex(c[u"T"]));
        JWB_OK(opened);
        QCOMPARE(opened.value(), hex(c[u"P"]));
    }
}

void TestEncryption::keyWrapRoundTrip_data()
{
    QTest::addColumn<int>("kekBytes");
    QTest::addColumn<int>("keyBytes");
    for (int kek : {16, 24, 32})
        for (int key : {16, 24, 32, 48, 64})
            QTest::newRow(qPrintable(QStringLiteral("A%1KW %2-byte key").arg(kek * 8).arg(key))) << kek << key;
}

void TestEncryption::keyWrapRoundTrip()
{
    QFETCH(int, kekBytes);
    QFETCH(int, keyBytes);
    const QByteArray kek = randomBytes(kekBytes), key = randomBytes(keyBytes);
    auto wrapped = aesKeyWrap(kek, key);
    JWB_OK(wrapped);
    QCOMPARE(wrapped->size(), keyBytes + 8);
    auto unwrapped = aesKeyUnwrap(kek, wrapped.value());
    JWB_OK(unwrapped);
    QCOMPARE(unwrapped.value(), key);
    QByteArray altered = wrapped.value();
    altered[5] = static_cast<char>(altered[5] ^ 1);
    auto refused = aesKeyUnwrap(kek, altered);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("decryption_failed"));
    // AES-GCM key wrap.
    const QByteArray iv = randomBytes(12);
    auto gcm = aesGcmKeyWrap(kek, iv, key);
    JWB_OK(gcm);
    QCOMPARE(gcm->tag.size(), 16);
    auto gcmOpened = aesGcmKeyUnwrap(kek, iv, gcm->ciphertext, gcm->tag);
    JWB_OK(gcmOpened);
    QCOMPARE(gcmOpened.value(), key);
    QVERIFY(!aesGcmKeyUnwrap(randomBytes(kekBytes), iv, gcm->ciphertext, gcm->tag).ok());
    // Wrong sizes.
    QCOMPARE(aesKeyWrap(kek.left(15), key).error().code, QStringLiteral("invalid_key"));
    QVERIFY(!aesKeyWrap(kek, key.left(12)).ok());
    QVERIFY(!aesKeyUnwrap(kek, wrapped->left(wrapped->size() - 1)).ok());
}

void TestEncryption::aesWrapWycheproof()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/aes_wrap_test.json");
    int valid = 0, invalid = 0, acceptable = 0;
    for (const auto &[group, t] : wycheproofTests(QStringLiteral("aes_wrap_test.json"))) {
        Q_UNUSED(group);
        const QByteArray kek = hex(t[u"key"]), msg = hex(t[u"msg"]), ct = hex(t[u"ct"]);
        const QString result = t[u"result"].toString();
        const QString id = QStringLiteral("tcId %1").arg(t[u"tcId"].toInt());
        auto unwrapped = aesKeyUnwrap(kek, ct);
        if (result == u"valid") {
            ++valid;
            QVERIFY2(unwrapped.ok() && unwrapped.value() == msg, qPrintable(id));
            auto wrapped = aesKeyWrap(kek, msg);
            QVERIFY2(wrapped.ok() && wrapped.value() == ct, qPrintable(id));
        } else if (result == u"invalid") {
            ++invalid;
            QVERIFY2(!unwrapped.ok(), qPrintable(id));
        } else {
            // "acceptable": ShortKey, 8-byte key data (one AES block, RFC 3394 only). A JWE CEK is never 8 bytes,
            // so both directions refuse it here.
            ++acceptable;
            QVERIFY2(!unwrapped.ok(), qPrintable(id));
            QVERIFY2(!aesKeyWrap(kek, msg).ok(), qPrintable(id));
        }
    }
    QCOMPARE(valid, 36);
    QCOMPARE(invalid, 126);
    QCOMPARE(acceptable, 3);
}

void TestEncryption::rsaRoundTrip_data()
{
    QTest::addColumn<KeyManagement>("alg");
    for (KeyManagement alg : {KeyManagement::RSA_OAEP, KeyManagement::RSA_OAEP_256, KeyManagement::RSA_OAEP_384,
             KeyManagement::RSA_OAEP_512})
        QTest::newRow(qPrintable(JweAlgorithms::name(alg))) << alg;
}

void TestEncryption::rsaRoundTrip()
{
    QFETCH(KeyManagement, alg);
    static const Key key = Key::generate(KeyType::Rsa, 2048).valueOr(Key());
    QVERIFY(!key.isNull());
    for (ContentEncryption enc : JweAlgorithms::allContentEncryption()) {
        const QByteArray cek = randomBytes(JweAlgorithms::cekBytes(enc));
        auto encrypted = rsaEncryptKey(alg, key.publicKey(), cek);
        JWB_OK(encrypted);
        QCOMPARE(encrypted->size(), 256);
        auto decrypted = rsaDecryptKey(alg, key, encrypted.value(), static_cast<int>(cek.size()));
        JWB_OK(decrypted);
        QCOMPARE(decrypted.value(), cek);
        QByteArray altered = encrypted.value();
        altered[100] = static_cast<char>(altered[100] ^ 1);
        auto refused = rsaDecryptKey(alg, key, altered, static_cast<int>(cek.size()));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("decryption_failed"));
    }
    QCOMPARE(rsaEncryptKey(KeyManagement::RSA1_5, key.publicKey(), randomBytes(16)).error().code,
        QStringLiteral("unsupported_algorithm"));
    QCOMPARE(rsaDecryptKey(alg, key.publicKey(), QByteArray(256, 'x'), 16).error().code,
        QStringLiteral("private_key_required"));
    QCOMPARE(rsaEncryptKey(alg, Key::generate(KeyType::Ec, 0, Curve::P256).value(), randomBytes(16)).error().code,
        QStringLiteral("wrong_key_type"));
}

// RSA1_5 is decrypt-only. A wrong padding yields a random key of the expected length, not an error, and never the
// same twice; the right padding with the wrong length does too.
void TestEncryption::rsa15PaddingFailureGivesRandomKey()
{
    const Key key = Key::generate(KeyType::Rsa, 2048).valueOr(Key());
    QVERIFY(!key.isNull());
    QByteArray garbage = randomBytes(256);
    garbage[0] = 0; // below the modulus
    auto first = rsaDecryptKey(KeyManagement::RSA1_5, key, garbage, 32);
    JWB_OK(first);
    QCOMPARE(first->size(), 32);
    auto second = rsaDecryptKey(KeyManagement::RSA1_5, key, garbage, 32);
    JWB_OK(second);
    QVERIFY(first.value() != second.value());
    auto other = rsaDecryptKey(KeyManagement::RSA1_5, key, garbage, 16);
    JWB_OK(other);
    QCOMPARE(other->size(), 16);
    // The content decryption then fails like any wrong key.
    const QByteArray cek = randomBytes(32), iv = randomBytes(16);
    auto sealed = encryptContent(ContentEncryption::A128CBC_HS256, cek, iv, "a", "secret");
    JWB_OK(sealed);
    auto opened
        = decryptContent(ContentEncryption::A128CBC_HS256, first.value(), iv, "a", sealed->ciphertext, sealed->tag);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, QStringLiteral("decryption_failed"));
}

void TestEncryption::rsaOaepWycheproof()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/rsa_oaep_2048_sha256_mgf1sha256_test.json");
    int valid = 0, invalid = 0, labelled = 0;
    for (const auto &[group, t] : wycheproofTests(QStringLiteral("rsa_oaep_2048_sha256_mgf1sha256_test.json"))) {
        const auto key = Key::fromPem(group[u"privateKeyPem"].toString().toLatin1());
        JWB_OK(key);
        const QString id = QStringLiteral("tcId %1").arg(t[u"tcId"].toInt());
        const QByteArray msg = hex(t[u"msg"]);
        // JWE's RSA-OAEP-256 has no label: a labelled encryption must not decrypt here, whatever its result.
        if (!t[u"label"].toString().isEmpty()) {
            ++labelled;
            QVERIFY2(!rsaDecryptKey(KeyManagement::RSA_OAEP_256, key.value(), hex(t[u"ct"]), 64).ok(), qPrintable(id));
            continue;
        }
        auto decrypted = rsaDecryptKey(KeyManagement::RSA_OAEP_256, key.value(), hex(t[u"ct"]), 64);
        if (t[u"result"].toString() == u"valid") {
            ++valid;
            QVERIFY2(decrypted.ok() && decrypted.value() == msg, qPrintable(id));
        } else {
            ++invalid;
            QVERIFY2(!decrypted.ok(), qPrintable(id));
            QCOMPARE(decrypted.error().code, QStringLiteral("decryption_failed"));
        }
    }
    qInfo("RSA-OAEP-256: %d valid, %d invalid; %d with a label (never JWE) refused", valid, invalid, labelled);
    QVERIFY(valid >= 10);
    QVERIFY(invalid >= 15);
}

void TestEncryption::ecdhRoundTrip_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<int>("zBytes");
    QTest::newRow("P-256") << KeyType::Ec << Curve::P256 << 32;
    QTest::newRow("P-384") << KeyType::Ec << Curve::P384 << 48;
    QTest::newRow("P-521") << KeyType::Ec << Curve::P521 << 66;
    QTest::newRow("X25519") << KeyType::Okp << Curve::X25519 << 32;
    QTest::newRow("X448") << KeyType::Okp << Curve::X448 << 56;
}

void TestEncryption::ecdhRoundTrip()
{
    QFETCH(KeyType, type);
    QFETCH(Curve, curve);
    QFETCH(int, zBytes);
    auto recipient = Key::generate(type, 0, curve);
    JWB_OK(recipient);
    auto ephemeral = ephemeralKeyFor(recipient->publicKey());
    JWB_OK(ephemeral);
    QCOMPARE(ephemeral->curve(), curve);
    QVERIFY(ephemeral->isPrivate());
    auto z1 = ecdhSharedSecret(ephemeral.value(), recipient->publicKey());
    JWB_OK(z1);
    auto z2 = ecdhSharedSecret(recipient.value(), ephemeral->publicKey());
    JWB_OK(z2);
    QCOMPARE(z1->size(), zBytes);
    QCOMPARE(z1.value(), z2.value());
    QCOMPARE(ecdhSharedSecret(recipient->publicKey(), ephemeral->publicKey()).error().code,
        QStringLiteral("private_key_required"));
}

void TestEncryption::ecdhWrongCurve()
{
    const Key p256 = Key::generate(KeyType::Ec, 0, Curve::P256).value();
    const Key p384 = Key::generate(KeyType::Ec, 0, Curve::P384).value();
    const Key x25519 = Key::generate(KeyType::Okp, 0, Curve::X25519).value();
    QCOMPARE(ecdhSharedSecret(p256, p384.publicKey()).error().code, QStringLiteral("curve_mismatch"));
    QCOMPARE(ecdhSharedSecret(x25519, p256.publicKey()).error().code, QStringLiteral("curve_mismatch"));
    const Key ed = Key::generate(KeyType::Okp, 0, Curve::Ed25519).value();
    QCOMPARE(ecdhSharedSecret(ed, ed.publicKey()).error().code, QStringLiteral("wrong_key_type"));
    QVERIFY(!ephemeralKeyFor(ed).ok());
    QVERIFY(!ephemeralKeyFor(Key::generate(KeyType::Rsa, 2048).value()).ok());
}

void TestEncryption::ecdhWycheproof()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/ecdh_secp256r1_webcrypto_test.json");
    int valid = 0, invalid = 0;
    for (const auto &[group, t] : wycheproofTests(QStringLiteral("ecdh_secp256r1_webcrypto_test.json"))) {
        Q_UNUSED(group);
        const QString id = QStringLiteral("tcId %1").arg(t[u"tcId"].toInt());
        const Key priv = jwkKey(t[u"private"].toObject());
        QVERIFY2(!priv.isNull() && priv.isPrivate(), qPrintable(id));
        const Key peer = jwkKey(t[u"public"].toObject());
        if (t[u"result"].toString() == u"valid") {
            ++valid;
            QVERIFY2(!peer.isNull(), qPrintable(id));
            auto z = ecdhSharedSecret(priv, peer);
            QVERIFY2(z.ok() && z.value() == hex(t[u"shared"]), qPrintable(id));
        } else {
            // The peer's key must be refused: by the JWK import (off the curve, unknown crv) or by ECDH (curve).
            ++invalid;
            QVERIFY2(peer.isNull() || !ecdhSharedSecret(priv, peer).ok(), qPrintable(id));
        }
    }
    QCOMPARE(valid, 330);
    QCOMPARE(invalid, 23);
}

void TestEncryption::x25519Wycheproof()
{
    JWB_REQUIRE_SHARED("testvectors/wycheproof/x25519_test.json");
    int valid = 0, zeroRefused = 0, acceptableAgreed = 0, acceptableRefused = 0;
    for (const auto &[group, t] : wycheproofTests(QStringLiteral("x25519_test.json"))) {
        Q_UNUSED(group);
        const QString id = QStringLiteral("tcId %1").arg(t[u"tcId"].toInt());
        const QByteArray shared = hex(t[u"shared"]);
        const Key priv = x25519Private(hex(t[u"private"]));
        QVERIFY2(!priv.isNull() && priv.curve() == Curve::X25519, qPrintable(id));
        const Key peer = x25519Public(hex(t[u"public"]));
        auto z = peer.isNull() ? jwb::common::Result<QByteArray>::failure(QStringLiteral("invalid_key"), QString())
                               : ecdhSharedSecret(priv, peer);
        if (shared == QByteArray(32, '\0')) {
            // A small-order peer point: RFC 7748 section 6.1 / RFC 8037 section 3.2.1 allow refusing; we must.
            QVERIFY2(!z.ok(), qPrintable(id));
            QCOMPARE(z.error().code, QStringLiteral("invalid_key"));
            ++zeroRefused;
        } else if (t[u"result"].toString() == u"valid") {
            ++valid;
            QVERIFY2(z.ok() && z.value() == shared, qPrintable(id));
        } else if (z.ok()) {
            QVERIFY2(z.value() == shared, qPrintable(id));
            ++acceptableAgreed;
        } else {
            ++acceptableRefused;
        }
    }
    qInfo("X25519: %d valid; acceptable: %d agreed, %d refused; %d all-zero results refused", valid, acceptableAgreed,
        acceptableRefused, zeroRefused);
    QCOMPARE(valid, 264);
    QCOMPARE(zeroRefused, 31);
}

void TestEncryption::rfc7518AppendixC()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7518.json");
    const QJsonObject root = readJson(sharedPath(QStringLiteral("testvectors/rfc/7518.json"))).object();
    const QJsonObject c = root.value(QLatin1String("ecdh_es")).toArray().first().toObject();
    const Key alice = jwkKey(c[u"alice_ephemeral_key"].toObject());
    const Key bob = jwkKey(c[u"bob_key"].toObject());
    QVERIFY(alice.isPrivate() && bob.isPrivate());
    auto z = ecdhSharedSecret(alice, bob.publicKey());
    JWB_OK(z);
    QCOMPARE(z->toHex(), c[u"Z_hex"].toString().toLatin1());
    auto zBob = ecdhSharedSecret(bob, alice.publicKey());
    JWB_OK(zBob);
    QCOMPARE(zBob.value(), z.value());
    const QByteArray apu = jwb::jose::Base64Url::decode(c[u"apu"].toString().toLatin1()).valueOr(QByteArray());
    const QByteArray apv = jwb::jose::Base64Url::decode(c[u"apv"].toString().toLatin1()).valueOr(QByteArray());
    QCOMPARE(apu, QByteArray("Alice"));
    const QByteArray derived = concatKdf(z.value(), 128, c[u"enc"].toString().toLatin1(), apu, apv);
    QCOMPARE(derived.toHex(), c[u"derived_key_hex"].toString().toLatin1());
    // Longer outputs take more SHA-256 rounds; the first 16 bytes differ because keydatalen is part of OtherInfo.
    const QByteArray longKey = concatKdf(z.value(), 512, "A256CBC-HS512", apu, apv);
    QCOMPARE(longKey.size(), 64);
    QVERIFY(longKey.left(16) != derived);
}

void TestEncryption::pbkdf2Known()
{
    // RFC 7914 section 11 (PBKDF2-HMAC-SHA256, P "passwd", S "salt", c 1, dkLen 64), first 32 bytes.
    auto key = pbkdf2(256, "passwd", "salt", 1, 64);
    JWB_OK(key);
    QCOMPARE(key->left(32).toHex(), QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    QCOMPARE(pbkdf2(384, "p", "s", 10, 24)->size(), 24);
    QVERIFY(pbkdf2(512, "p", "s", 10, 32).value() != pbkdf2(512, "p", "t", 10, 32).value());
    QVERIFY(!pbkdf2(1, "p", "s", 10, 16).ok());
    QVERIFY(!pbkdf2(256, "p", "s", 0, 16).ok());
}

void TestEncryption::deflateRoundTrip()
{
    for (const QByteArray &data :
        {QByteArray(), QByteArray("{\"sub\":\"x\"}"), QByteArray(300000, 'a'), randomBytes(70000)}) {
        const QByteArray packed = deflateRaw(data);
        QVERIFY(!packed.isEmpty());
        auto unpacked = inflateRaw(packed, 1 << 20);
        JWB_OK(unpacked);
        QCOMPARE(unpacked.value(), data);
    }
    QVERIFY(deflateRaw(QByteArray(300000, 'a')).size() < 1000);
}

void TestEncryption::inflateCap()
{
    const QByteArray data = randomBytes(5000);
    const QByteArray packed = deflateRaw(data);
    auto atCap = inflateRaw(packed, 5000);
    JWB_OK(atCap);
    QCOMPARE(atCap.value(), data);
    auto overCap = inflateRaw(packed, 4999);
    QVERIFY(!overCap.ok());
    QCOMPARE(overCap.error().code, QStringLiteral("too_large"));
    auto zeroCap = inflateRaw(deflateRaw(QByteArray()), 0);
    JWB_OK(zeroCap);
}

void TestEncryption::inflateBomb()
{
    const QByteArray bomb = deflateRaw(QByteArray(10 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 20000);
    QElapsedTimer timer;
    timer.start();
    auto refused = inflateRaw(bomb, 250 * 1024);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("too_large"));
    QVERIFY2(timer.elapsed() < 500, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
}

void TestEncryption::inflateInvalid_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray good = deflateRaw("hello hello hello");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << good.left(good.size() - 2);
    QTest::newRow("trailing bytes") << good + "xyz";
    QTest::newRow("reserved block type") << QByteArray::fromHex("07");
    QTest::newRow("zlib header") << QByteArray::fromHex("789c4b0400006200");
}

void TestEncryption::inflateInvalid()
{
    QFETCH(QByteArray, data);
    auto result = inflateRaw(data, 1 << 20);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("invalid_deflate"));
}

void TestEncryption::x25519Keys_data()
{
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<int>("bytes");
    QTest::newRow("X25519") << Curve::X25519 << 32;
    QTest::newRow("X448") << Curve::X448 << 56;
}

void TestEncryption::x25519Keys()
{
    QFETCH(Curve, curve);
    QFETCH(int, bytes);
    QCOMPARE(curveCoordinateBytes(curve), bytes);
    QCOMPARE(curveFromName(curveName(curve)), std::optional(curve));
    auto key = Key::generate(KeyType::Okp, 0, curve);
    JWB_OK(key);
    QCOMPARE(key->type(), KeyType::Okp);
    QCOMPARE(key->curve(), curve);
    QVERIFY(key->isPrivate());
    QCOMPARE(key->description(), QStringLiteral("OKP %1 private").arg(curveName(curve)));
    QCOMPARE(key->publicKey().description(), QStringLiteral("OKP %1").arg(curveName(curve)));
    QCOMPARE(key->okp().x.size(), bytes);
    QCOMPARE(key->okp().d.size(), bytes);
    // PEM (PKCS#8 and SPKI) and DER round trips.
    auto pem = key->toPem(true);
    JWB_OK(pem);
    QVERIFY(pem->startsWith("-----BEGIN PRIVATE KEY-----"));
    auto back = Key::fromPem(pem.value());
    JWB_OK(back);
    QVERIFY(back->isPrivate());
    QCOMPARE(back->okp().d, key->okp().d);
    auto pubPem = key->toPem(false);
    JWB_OK(pubPem);
    auto pub = Key::fromPem(pubPem.value());
    JWB_OK(pub);
    QVERIFY(!pub->isPrivate());
    QVERIFY(pub->samePublicKey(key.value()));
    auto der = key->publicKey().toDer(false);
    JWB_OK(der);
    QVERIFY(Key::fromDer(der.value())->samePublicKey(key.value()));
    QCOMPARE(key->toPem(true, PemFormat::TypeSpecific).error().code, QStringLiteral("unsupported_format"));
    // JWK round trip (RFC 8037 section 2: kty OKP, crv, x, d).
    const jwb::keys::Jwk jwk = jwb::keys::Jwk::fromKey(key.value(), {}, QStringLiteral("ECDH-ES"), {});
    QCOMPARE(jwk.json[u"kty"].toString(), QStringLiteral("OKP"));
    QCOMPARE(jwk.json[u"crv"].toString(), curveName(curve));
    auto reread = jwb::keys::Jwk::fromJson(jwk.json);
    JWB_OK(reread);
    QVERIFY(reread->key.isPrivate());
    QCOMPARE(reread->key.okp().d, key->okp().d);
    auto rereadPublic = jwb::keys::Jwk::fromJson(jwk.publicJson());
    JWB_OK(rereadPublic);
    QVERIFY(!rereadPublic->key.isPrivate());
    QVERIFY(rereadPublic->key.samePublicKey(key.value()));
    // RFC 7638 thumbprint of an OKP key: crv, kty, x in that order.
    QCOMPARE(jwb::keys::Thumbprint::canonicalJson(key.value()),
        "{\"crv\":\"" + curveName(curve).toLatin1() + "\",\"kty\":\"OKP\",\"x\":\""
            + jwb::jose::Base64Url::encode(key->okp().x) + "\"}");
    // A wrong-length x and a d that does not match x are refused.
    QVERIFY(!Key::fromOkp({curve, key->okp().x.left(bytes - 1), {}}).ok());
    const QByteArray otherD = Key::generate(KeyType::Okp, 0, curve)->okp().d;
    QCOMPARE(Key::fromOkp({curve, key->okp().x, otherD}).error().code, QStringLiteral("inconsistent_key"));
}

void TestEncryption::x25519NeverSigns()
{
    for (Curve curve : {Curve::X25519, Curve::X448}) {
        QVERIFY(Algorithms::forKey(KeyType::Okp, curve).isEmpty());
        for (Algorithm alg : Algorithms::all())
            QVERIFY(!Algorithms::acceptsCurve(alg, curve));
        const Key key = Key::generate(KeyType::Okp, 0, curve).value();
        for (Algorithm alg : {Algorithm::EdDSA, Algorithm::Ed25519, Algorithm::Ed448}) {
            auto signature = Signature::sign(alg, key, "payload");
            QVERIFY(!signature.ok());
            QCOMPARE(signature.error().code, QStringLiteral("key_algorithm_mismatch"));
            QVERIFY2(signature.error().message.contains(curveName(curve)), qPrintable(signature.error().message));
            auto verified = Signature::verify(alg, key.publicKey(), "payload", QByteArray(64, 'x'));
            QVERIFY(!verified.ok());
        }
    }
}

QTEST_GUILESS_MAIN(TestEncryption)
#include "tst_encryption.moc"
