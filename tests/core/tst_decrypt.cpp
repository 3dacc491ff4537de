// verification::decrypt, the one "decrypt this JWE" entry point of the Inspector and the CLI: the RFC 7520
// section 5 cookbook JWEs (../shared/testvectors/jose-cookbook/jwe) in each serialization they come in, the
// candidate keys it picks from a context, errors that never tell a tag from a padding failure, and a nested
// sign-then-encrypt JWT judged with verification::verify.
#include "TestData.h"

#include "common/Verdict.h"
#include "jose/Inspection.h"
#include "jose/Jwe.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/TokenSigner.h"
#include "verification/Decrypt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace jwb;

namespace {

const QString kDir = QStringLiteral("testvectors/jose-cookbook/jwe/");
constexpr qint64 kNow = 1900000000;

QJsonObject cookbook(const QString &file)
{
    return test::readJson(test::sharedPath(kDir + file)).object();
}

/// The JWE text of a cookbook example in one serialization ("compact", "json_flat", "json").
QString jweOf(const QJsonObject &example, const QString &serialization)
{
    const QJsonValue out = example.value(QLatin1String("output")).toObject().value(serialization);
    if (out.isString())
        return out.toString();
    return QString::fromUtf8(QJsonDocument(out.toObject()).toJson(QJsonDocument::Compact));
}

verification::Context contextWith(const QList<QJsonObject> &jwks)
{
    verification::Context context;
    context.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    keys::JwkSet set;
    for (const auto &object : jwks) {
        auto jwk = keys::Jwk::fromJson(object);
        if (jwk)
            set.keys << jwk.value();
    }
    context.keys = set;
    context.keyLabel = QStringLiteral("test keys");
    return context;
}

verification::Decryption run(
    const QString &text, const verification::Context &context, const verification::DecryptOptions &options = {})
{
    return verification::decrypt(jose::Inspection::inspect(text, kNow), context, options);
}

keys::Jwk generated(crypto::KeyType type, crypto::Curve curve = crypto::Curve::None, const QString &kid = {})
{
    auto key = crypto::Key::generate(type, type == crypto::KeyType::Rsa ? 2048 : 0, curve);
    if (!key)
        return {};
    return keys::Jwk::fromKey(key.value(), kid);
}

QString corrupt(QString compact, int segment)
{
    QStringList parts = compact.split(u'.');
    QString &s = parts[segment];
    s[s.size() / 2] = s.at(s.size() / 2) == u'A' ? u'B' : u'A';
    return parts.join(u'.');
}

} // namespace

class TestDecrypt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cookbook_data();
    void cookbook();
    void failuresLookAlike_data();
    void failuresLookAlike();
    void candidateKeys_data();
    void candidateKeys();
    void nestedJwt_data();
    void nestedJwt();
    void notAJwe();
    void limits();
};

void TestDecrypt::cookbook_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("serialization");
    QTest::addColumn<QString>("warning"); ///< a finding code that must be there; empty: none of severity warning

    const QStringList withCompact = {QStringLiteral("5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json"),
        QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json"),
        QStringLiteral("5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json"),
        QStringLiteral("5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json"),
        QStringLiteral("5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json"),
        QStringLiteral("5_6.direct_encryption_using_aes-gcm.json"),
        QStringLiteral("5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json"),
        QStringLiteral("5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json"),
        QStringLiteral("5_9.compressed_content.json")};
    for (const auto &file : withCompact) {
        const QString warning = file.startsWith(u"5_1.") ? QStringLiteral("rsa1_5")
            : file.startsWith(u"5_9.")                   ? QStringLiteral("zip_deflate")
                                                         : QString();
        for (const char *serialization : {"compact", "json_flat", "json"})
            QTest::addRow("%s %s", qPrintable(file.left(4)), serialization)
                << file << QString::fromLatin1(serialization) << warning;
    }
    for (const char *file : {"5_10.including_additional_authentication_data.json",
             "5_11.protecting_specific_header_fields.json", "5_12.protecting_content_only.json"})
        for (const char *serialization : {"json_flat", "json"})
            QTest::addRow("%.4s %s", file, serialization)
                << QString::fromLatin1(file) << QString::fromLatin1(serialization) << QString();
}

void TestDecrypt::cookbook()
{
    QFETCH(QString, file);
    QFETCH(QString, serialization);
    QFETCH(QString, warning);
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json");
    const QJsonObject example = ::cookbook(file);
    const QJsonObject input = example.value(QLatin1String("input")).toObject();

    verification::DecryptOptions options;
    verification::Context context = contextWith({});
    if (input.contains(QLatin1String("pwd")))
        options.password = input.value(QLatin1String("pwd")).toString().toUtf8();
    else
        context = contextWith({input.value(QLatin1String("key")).toObject()});

    const verification::Decryption d = run(jweOf(example, serialization), context, options);
    QVERIFY2(d.decrypted(), qPrintable(d.error ? d.error->toString() : QString()));
    QVERIFY(d.parsed);
    QCOMPARE(d.content(), input.value(QLatin1String("plaintext")).toString().toUtf8());
    QCOMPARE(d.header.value(QLatin1String("alg")).toString(), input.value(QLatin1String("alg")).toString());
    QCOMPARE(d.header.value(QLatin1String("enc")).toString(), input.value(QLatin1String("enc")).toString());
    QVERIFY(!d.inner.has_value()); // cookbook plaintexts are prose or a JWK Set, never a token
    if (options.password.isEmpty()) {
        QCOMPARE(d.key.index, 0);
        QCOMPARE(d.key.kid, input.value(QLatin1String("key")).toObject().value(QLatin1String("kid")).toString());
    } else {
        QCOMPARE(d.key.index, -1);
    }
    bool found = warning.isEmpty();
    for (const auto &f : d.findings) {
        found = found || f.code == warning;
        if (warning.isEmpty())
            QVERIFY2(f.severity != common::Severity::Warning || f.code == u"header_unprotected", qPrintable(f.code));
    }
    QVERIFY2(found, qPrintable(warning));
    const QJsonObject json = d.toJson();
    QCOMPARE(json.value(QLatin1String("decrypted")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("alg")).toString(), input.value(QLatin1String("alg")).toString());
    QVERIFY(!json.contains(QLatin1String("error")));
}

void TestDecrypt::failuresLookAlike_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("segment"); ///< the compact segment changed: 1 encrypted key, 3 ciphertext, 4 tag
    QTest::newRow("RSA1_5 key") << QStringLiteral("5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json") << 1;
    QTest::newRow("RSA1_5 ciphertext") << QStringLiteral("5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json")
                                       << 3;
    QTest::newRow("RSA1_5 tag") << QStringLiteral("5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json") << 4;
    QTest::newRow("OAEP key") << QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json") << 1;
    QTest::newRow("GCM tag") << QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json") << 4;
    QTest::newRow("A128KW key") << QStringLiteral("5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json") << 1;
    QTest::newRow("CBC ciphertext") << QStringLiteral("5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json")
                                    << 3;
}

void TestDecrypt::failuresLookAlike()
{
    QFETCH(QString, file);
    QFETCH(int, segment);
    JWB_REQUIRE_SHARED("testvectors/jose-cookbook/jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json");
    const QJsonObject example = ::cookbook(file);
    const auto context
        = contextWith({example.value(QLatin1String("input")).toObject().value(QLatin1String("key")).toObject()});
    const verification::Decryption d = run(corrupt(jweOf(example, QStringLiteral("compact")), segment), context);
    QVERIFY(!d.decrypted());
    QVERIFY(d.error.has_value());
    QCOMPARE(d.error->code, QStringLiteral("decryption_failed"));
    // One sentence for every cause: the key of the first row, changed or not, must read the same.
    const verification::Decryption tag = run(corrupt(jweOf(example, QStringLiteral("compact")), 4), context);
    QCOMPARE(d.error->message, tag.error->message);
    QVERIFY(d.parsed);
    QVERIFY(!d.protectedHeader.isEmpty());
}

void TestDecrypt::candidateKeys_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("public half only") << QStringLiteral("public");
    QTest::newRow("no keys at all") << QStringLiteral("none");
    QTest::newRow("wrong private key") << QStringLiteral("wrong");
    QTest::newRow("right key among others") << QStringLiteral("among");
    QTest::newRow("keys pending") << QStringLiteral("pending");
}

void TestDecrypt::candidateKeys()
{
    QFETCH(QString, scenario);
    const keys::Jwk recipient = generated(crypto::KeyType::Ec, crypto::Curve::P256, QStringLiteral("r1"));
    jose::JweEncryptOptions eo;
    eo.alg = crypto::KeyManagement::ECDH_ES_A256KW;
    eo.enc = crypto::ContentEncryption::A256GCM;
    auto jwe = jose::encryptJwe("hello", recipient.key, eo);
    QVERIFY2(jwe, qPrintable(jwe ? QString() : jwe.error().toString()));

    verification::Context context = contextWith({});
    QString expected;
    if (scenario == u"public") {
        context = contextWith({recipient.publicJson()});
        expected = QStringLiteral("no_keys");
    } else if (scenario == u"none") {
        context.keys.reset();
        expected = QStringLiteral("no_keys");
    } else if (scenario == u"wrong") {
        context = contextWith({keys::Jwk::toJson(generated(crypto::KeyType::Ec, crypto::Curve::P256).key, true)});
        expected = QStringLiteral("decryption_failed");
    } else if (scenario == u"among") {
        context = contextWith({keys::Jwk::toJson(generated(crypto::KeyType::Rsa).key, true),
            QJsonObject {{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), QStringLiteral("AAAA")}},
            keys::Jwk::toJson(recipient.key, true)});
    } else if (scenario == u"pending") {
        context = contextWith({keys::Jwk::toJson(recipient.key, true)});
        context.keysPending = true;
        expected = QStringLiteral("keys_pending");
    }
    const verification::Decryption d = run(QString::fromUtf8(jwe.value()), context);
    QCOMPARE(d.error ? d.error->code : QString(), expected);
    QCOMPARE(d.decrypted(), expected.isEmpty());
    QVERIFY(d.parsed);
    QCOMPARE(d.protectedHeader.value(QLatin1String("alg")).toString(), QStringLiteral("ECDH-ES+A256KW"));
    if (expected.isEmpty()) {
        QCOMPARE(d.content(), QByteArray("hello"));
        QCOMPARE(d.key.index, 2);
        QCOMPARE(d.key.thumbprint, recipient.thumbprint());
    }
}

void TestDecrypt::nestedJwt_data()
{
    QTest::addColumn<bool>("signerInSameSet"); ///< the recipient's set also holds the signer's public key
    QTest::addColumn<bool>("innerContext"); ///< the signer's key comes from DecryptOptions::innerContext
    QTest::addColumn<QString>("verdict");
    QTest::newRow("one set does both") << true << false << QStringLiteral("valid");
    QTest::newRow("signer from the inner context") << false << true << QStringLiteral("valid");
    QTest::newRow("no key for the signature") << false << false << QStringLiteral("invalid");
}

void TestDecrypt::nestedJwt()
{
    QFETCH(bool, signerInSameSet);
    QFETCH(bool, innerContext);
    QFETCH(QString, verdict);
    const keys::Jwk signer = generated(crypto::KeyType::Ec, crypto::Curve::P256, QStringLiteral("signer"));
    const keys::Jwk recipient = generated(crypto::KeyType::Rsa, crypto::Curve::None, QStringLiteral("enc"));
    auto jws = keys::TokenSigner::sign(crypto::Algorithm::ES256, keys::JwkSet::fromKey(signer, QStringLiteral("JWK")),
        QJsonObject {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("exp"), kNow + 600}});
    QVERIFY(jws);
    jose::JweEncryptOptions eo;
    eo.alg = crypto::KeyManagement::RSA_OAEP_256;
    eo.enc = crypto::ContentEncryption::A128CBC_HS256;
    eo.protectedHeader = QJsonObject {{QStringLiteral("cty"), QStringLiteral("JWT")}};
    auto jwe = jose::encryptJwe(jws->token.toUtf8(), keys::Jwk::fromKey(recipient.key.publicKey()).key, eo);
    QVERIFY2(jwe, qPrintable(jwe ? QString() : jwe.error().toString()));

    QList<QJsonObject> set {keys::Jwk::toJson(recipient.key, true)};
    if (signerInSameSet)
        set << signer.publicJson();
    verification::DecryptOptions options;
    if (innerContext)
        options.innerContext = [&signer](const jose::Inspection &inner) {
            verification::Context c = contextWith({signer.publicJson()});
            c.keyLabel = inner.token.kid(); // the UI resolves by kid: the inner token's is handed over
            return c;
        };
    const verification::Decryption d = run(QString::fromUtf8(jwe.value()), contextWith(set), options);
    QVERIFY2(d.decrypted(), qPrintable(d.error ? d.error->toString() : QString()));
    QVERIFY(d.result->nestedJwt);
    QVERIFY(d.inner.has_value());
    QVERIFY(d.innerReport.has_value());
    QCOMPARE(d.inner->token.kind, jose::TokenKind::Jws);
    QCOMPARE(d.inner->token.payload.value(QLatin1String("sub")).toString(), QStringLiteral("alice"));
    QCOMPARE(common::verdictText(d.innerReport->verdict), verdict);
    const QJsonObject nested = d.toJson().value(QLatin1String("nested")).toObject();
    QCOMPARE(nested.value(QLatin1String("verdict")).toString(), verdict);
    QCOMPARE(nested.value(QLatin1String("token")).toString(), jws->token);
    QCOMPARE(nested.value(QLatin1String("payload")).toObject().value(QLatin1String("sub")).toString(),
        QStringLiteral("alice"));
}

void TestDecrypt::notAJwe()
{
    const verification::Context context = contextWith({});
    for (const QString &text : {QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"), QString(), QStringLiteral("{}")}) {
        const verification::Decryption d = run(text, context);
        QVERIFY(!d.decrypted());
        QVERIFY(d.error.has_value());
        QVERIFY2(d.error->code == u"not_jwe" || d.error->code == u"invalid_jwe", qPrintable(d.error->code));
        QVERIFY(!verification::looksLikeJwe(jose::Inspection::inspect(text, kNow)) || text == u"{}");
    }
}

void TestDecrypt::limits()
{
    JWB_REQUIRE_SHARED(
        "testvectors/jose-cookbook/jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json");
    const QJsonObject example
        = ::cookbook(QStringLiteral("5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json"));
    verification::DecryptOptions options;
    options.password = example.value(QLatin1String("input")).toObject().value(QLatin1String("pwd")).toString().toUtf8();
    options.jwe.maxPbes2Iterations = 8191; // the example's p2c is 8192
    verification::Decryption d = run(jweOf(example, QStringLiteral("compact")), contextWith({}), options);
    QCOMPARE(d.error ? d.error->code : QString(), QStringLiteral("p2c_too_large"));
    options.jwe.maxPbes2Iterations = 8192;
    options.jwe.expectedAlg = crypto::KeyManagement::PBES2_HS256_A128KW;
    d = run(jweOf(example, QStringLiteral("compact")), contextWith({}), options);
    QCOMPARE(d.error ? d.error->code : QString(), QStringLiteral("alg_not_allowed"));
    options.jwe.expectedAlg = crypto::KeyManagement::PBES2_HS512_A256KW;
    d = run(jweOf(example, QStringLiteral("compact")), contextWith({}), options);
    QVERIFY(d.decrypted());
}

QTEST_GUILESS_MAIN(TestDecrypt)
#include "tst_decrypt.moc"
