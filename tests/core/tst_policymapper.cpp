// verification::PolicyMapper: the generic rules an endpoint's auth/validator amounts to, as KrakenD applies them
// (exact alg, effective key id strategy, issuer, every audience, leeway rounded up to at least 1 s, no exp or typ
// required, weak keys allowed), and forEndpoint's policy, which judges as the endpoint itself.
#include "verification/PolicyMapper.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace jwb;

namespace {

krakend::ValidatorConfig configOf(const QJsonObject &block)
{
    return krakend::ValidatorConfig::fromJson(block);
}

QJsonObject withAlg(const char *alg, QJsonObject block = {})
{
    block.insert(QStringLiteral("alg"), QLatin1String(alg));
    block.insert(QStringLiteral("jwk_url"), QStringLiteral("https://idp.example/jwks"));
    return block;
}

} // namespace

class TestPolicyMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void algorithmIsExact_data();
    void algorithmIsExact();
    void leeway_data();
    void leeway();
    void keyIdStrategy_data();
    void keyIdStrategy();
    void issuerAndEveryAudience();
    void whatKrakendDoesNotRequire();
    void forEndpointKeepsTheEndpoint();
};

void TestPolicyMapper::algorithmIsExact_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("mapped"); // empty: no algorithm (KrakenD does not know it)
    QTest::newRow("RS256") << QStringLiteral("RS256") << QStringLiteral("RS256");
    QTest::newRow("EdDSA") << QStringLiteral("EdDSA") << QStringLiteral("EdDSA");
    QTest::newRow("lower case is unknown") << QStringLiteral("rs256") << QString();
    QTest::newRow("none") << QStringLiteral("none") << QString();
}

void TestPolicyMapper::algorithmIsExact()
{
    QFETCH(QString, alg);
    QFETCH(QString, mapped);
    const auto rules = verification::PolicyMapper::rulesOf(configOf(withAlg(alg.toLatin1().constData())));
    QCOMPARE(rules.algorithm ? crypto::Algorithms::name(*rules.algorithm) : QString(), mapped);
}

void TestPolicyMapper::leeway_data()
{
    QTest::addColumn<QJsonValue>("leeway");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("absent: 1 s") << QJsonValue() << qint64(1);
    QTest::newRow("under a second: 1 s") << QJsonValue(QStringLiteral("500ms")) << qint64(1);
    QTest::newRow("zero: 1 s") << QJsonValue(QStringLiteral("0s")) << qint64(1);
    QTest::newRow("unparsable: 1 s") << QJsonValue(QStringLiteral("soon")) << qint64(1);
    QTest::newRow("whole seconds") << QJsonValue(QStringLiteral("30s")) << qint64(30);
    QTest::newRow("rounded up") << QJsonValue(QStringLiteral("1.5s")) << qint64(2);
    QTest::newRow("minutes") << QJsonValue(QStringLiteral("2m")) << qint64(120);
    QTest::newRow("huge, no overflow") << QJsonValue(QStringLiteral("2562047h")) << qint64(2562047) * 3600;
}

void TestPolicyMapper::leeway()
{
    QFETCH(QJsonValue, leeway);
    QFETCH(qint64, seconds);
    QJsonObject block = withAlg("RS256");
    if (!leeway.isNull())
        block.insert(QStringLiteral("leeway"), leeway);
    QCOMPARE(verification::PolicyMapper::rulesOf(configOf(block)).leewaySeconds, seconds);
}

void TestPolicyMapper::keyIdStrategy_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("mapped");
    QTest::newRow("absent") << QString() << QStringLiteral("kid");
    QTest::newRow("kid") << QStringLiteral("kid") << QStringLiteral("kid");
    QTest::newRow("x5t") << QStringLiteral("x5t") << QStringLiteral("x5t");
    QTest::newRow("x5t#S256") << QStringLiteral("x5t#S256") << QStringLiteral("x5t#S256");
    QTest::newRow("kid_x5t") << QStringLiteral("kid_x5t") << QStringLiteral("kid_x5t");
    QTest::newRow("unknown: kid") << QStringLiteral("thumbprint") << QStringLiteral("kid");
    QTest::newRow("wrong case: kid") << QStringLiteral("X5T") << QStringLiteral("kid");
}

void TestPolicyMapper::keyIdStrategy()
{
    QFETCH(QString, strategy);
    QFETCH(QString, mapped);
    QJsonObject block = withAlg("RS256");
    if (!strategy.isEmpty())
        block.insert(QStringLiteral("key_identify_strategy"), strategy);
    QCOMPARE(validation::keyIdStrategyName(verification::PolicyMapper::rulesOf(configOf(block)).keyIdStrategy), mapped);
}

void TestPolicyMapper::issuerAndEveryAudience()
{
    const auto rules = verification::PolicyMapper::rulesOf(configOf(withAlg("ES256",
        QJsonObject {{QStringLiteral("issuer"), QStringLiteral("https://idp.example")},
            {QStringLiteral("audience"), QJsonArray {QStringLiteral("api"), QStringLiteral("admin")}}})));
    QCOMPARE(rules.issuer, QStringLiteral("https://idp.example"));
    QCOMPARE(rules.audiences, (QStringList {QStringLiteral("api"), QStringLiteral("admin")}));
    const auto none = verification::PolicyMapper::rulesOf(configOf(withAlg("ES256")));
    QVERIFY(none.issuer.isEmpty());
    QVERIFY(none.audiences.isEmpty());
}

void TestPolicyMapper::whatKrakendDoesNotRequire()
{
    const auto rules = verification::PolicyMapper::rulesOf(configOf(withAlg("RS256")));
    QVERIFY(!rules.requireExp); // go-jose accepts a token without exp
    QVERIFY(rules.requiredTyp.isEmpty());
    QVERIFY(rules.allowWeakKeys); // KrakenD verifies with a 1024-bit RSA key
}

void TestPolicyMapper::forEndpointKeepsTheEndpoint()
{
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.endpoint = QStringLiteral("/orders");
    setup.method = QStringLiteral("POST");
    setup.validator = configOf(withAlg("PS256", QJsonObject {{QStringLiteral("issuer"), QStringLiteral("i")}}));
    const verification::Policy policy = verification::PolicyMapper::forEndpoint(setup);
    QVERIFY(policy.isGateway());
    QCOMPARE(policy.gateway->endpoint, QStringLiteral("/orders"));
    QCOMPARE(policy.gateway->method, QStringLiteral("POST"));
    QCOMPARE(policy.gateway->validator.source(), setup.validator.source());
    QCOMPARE(policy.rules.issuer, QStringLiteral("i"));
    QCOMPARE(policy.rules.algorithm, std::optional<crypto::Algorithm>(crypto::Algorithm::PS256));
    QVERIFY(!verification::Policy().isGateway());
}

QTEST_MAIN(TestPolicyMapper)
#include "tst_policymapper.moc"
