// KeyGenerator: one key per JWS algorithm family, with the kid rules the app uses (none, fixed, thumbprint with a
// prefix and a length).
#include "keys/KeyGenerator.h"

#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "keys/Thumbprint.h"

#include <QTest>

using namespace jwb;
using crypto::Algorithm;

class TestKeyGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { crypto::Backend::initialize(); }
    void keyPerAlgorithm_data();
    void keyPerAlgorithm();
    void rsaBits();
    void kidRules();
    void ecdhKeys_data();
    void ecdhKeys();
};

void TestKeyGenerator::keyPerAlgorithm_data()
{
    QTest::addColumn<Algorithm>("alg");
    QTest::addColumn<crypto::KeyType>("type");
    QTest::addColumn<int>("bits");
    QTest::newRow("ES256") << Algorithm::ES256 << crypto::KeyType::Ec << 256;
    QTest::newRow("ES384") << Algorithm::ES384 << crypto::KeyType::Ec << 384;
    QTest::newRow("ES512") << Algorithm::ES512 << crypto::KeyType::Ec << 521;
    QTest::newRow("EdDSA") << Algorithm::EdDSA << crypto::KeyType::Okp << 255;
    QTest::newRow("HS256") << Algorithm::HS256 << crypto::KeyType::Oct << 256;
    QTest::newRow("HS512") << Algorithm::HS512 << crypto::KeyType::Oct << 512;
    QTest::newRow("PS256") << Algorithm::PS256 << crypto::KeyType::Rsa << 2048;
}

void TestKeyGenerator::keyPerAlgorithm()
{
    QFETCH(Algorithm, alg);
    QFETCH(crypto::KeyType, type);
    QFETCH(int, bits);
    auto jwk = keys::KeyGenerator::generate(alg);
    QVERIFY2(jwk, qPrintable(jwk ? QString() : jwk.error().message));
    QCOMPARE(jwk->key.type(), type);
    QCOMPARE(jwk->key.bits(), bits);
    QVERIFY(type == crypto::KeyType::Oct || jwk->key.isPrivate());
    QCOMPARE(jwk->alg, crypto::Algorithms::name(alg));
    QCOMPARE(jwk->use, QStringLiteral("sig"));
    QCOMPARE(jwk->kid, keys::Thumbprint::base64Url(jwk->key)); // the default rule: the whole thumbprint
    QVERIFY(crypto::Signature::checkKeyFits(alg, jwk->key, true));
}

void TestKeyGenerator::rsaBits()
{
    auto jwk = keys::KeyGenerator::generate(Algorithm::RS256, keys::KeyIdRule::none(), 3072);
    QVERIFY(jwk);
    QCOMPARE(jwk->key.bits(), 3072);
    QVERIFY(jwk->kid.isEmpty());
}

void TestKeyGenerator::kidRules()
{
    auto jwk = keys::KeyGenerator::generate(Algorithm::ES256, keys::KeyIdRule::fixed(QStringLiteral("  my-key ")));
    QVERIFY(jwk);
    QCOMPARE(jwk->kid, QStringLiteral("my-key"));
    QVERIFY(!keys::KeyGenerator::generate(Algorithm::ES256, keys::KeyIdRule::fixed(QStringLiteral(" ")))->kid.size());

    const keys::KeyIdRule testRule = keys::KeyIdRule::thumbprint(QStringLiteral("jwb-test-"), 8);
    auto test = keys::KeyGenerator::generate(Algorithm::HS256, testRule);
    QVERIFY(test);
    QCOMPARE(test->kid, QStringLiteral("jwb-test-") + keys::Thumbprint::base64Url(test->key).left(8));
    QCOMPARE(testRule.kidFor(test->key), test->kid);
    QCOMPARE(keys::KeyIdRule::thumbprint(QString(), 12).kidFor(test->key).size(), 12);
    QCOMPARE(keys::KeyIdRule::none().kidFor(test->key), QString());
}

void TestKeyGenerator::ecdhKeys_data()
{
    QTest::addColumn<crypto::Curve>("curve");
    QTest::addColumn<crypto::KeyType>("type");
    QTest::addColumn<int>("bits");
    QTest::newRow("P-256") << crypto::Curve::P256 << crypto::KeyType::Ec << 256;
    QTest::newRow("P-521") << crypto::Curve::P521 << crypto::KeyType::Ec << 521;
    QTest::newRow("X25519") << crypto::Curve::X25519 << crypto::KeyType::Okp << 255;
    QTest::newRow("X448") << crypto::Curve::X448 << crypto::KeyType::Okp << 448;
}

void TestKeyGenerator::ecdhKeys()
{
    QFETCH(crypto::Curve, curve);
    QFETCH(crypto::KeyType, type);
    QFETCH(int, bits);
    auto jwk = keys::KeyGenerator::generateForEcdh(curve);
    QVERIFY2(jwk, qPrintable(jwk ? QString() : jwk.error().message));
    QCOMPARE(jwk->key.type(), type);
    QCOMPARE(jwk->key.curve(), curve);
    QCOMPARE(jwk->key.bits(), bits);
    QVERIFY(jwk->key.isPrivate());
    QCOMPARE(jwk->alg, QStringLiteral("ECDH-ES"));
    QCOMPARE(jwk->use, QStringLiteral("enc"));
    QCOMPARE(jwk->kid, keys::Thumbprint::base64Url(jwk->key));
    QCOMPARE(jwk->json.value(QLatin1String("crv")).toString(), crypto::curveName(curve));
    if (type == crypto::KeyType::Okp)
        QVERIFY(crypto::Algorithms::forKey(type, curve).isEmpty()); // never a signing key
    QCOMPARE(
        keys::KeyGenerator::generateForEcdh(crypto::Curve::Ed25519).error().code, QStringLiteral("unsupported_curve"));
}

QTEST_GUILESS_MAIN(TestKeyGenerator)
#include "tst_keygenerator.moc"
