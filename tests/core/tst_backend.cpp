// crypto::Backend's self-tests run lazily, one algorithm at a time, the first time it is asked about or used, and an
// algorithm whose self-test failed is refused by Signature::sign and ::verify, and so by every verifier and signer
// (issue #20 item 3). One process per test program,
// so the order of the test functions below is the order in which the backend sees its first questions.
//
// JWB_SELFTEST_FAIL=EdDSA (set before the backend exists) simulates a failed EdDSA self-test.
#include "common/Clock.h"
#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "crypto/PreparedVerifier.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/TokenSigner.h"
#include "validation/BatchVerifier.h"
#include "validation/Verifier.h"

#include <QTest>

using jwb::crypto::Algorithm;
using jwb::crypto::Backend;
using jwb::crypto::Curve;
using jwb::crypto::Key;
using jwb::crypto::KeyType;
namespace Signature = jwb::crypto::Signature;

namespace {

const QList<Algorithm> &all()
{
    return jwb::crypto::Algorithms::all();
}

QStringList tested()
{
    QStringList names;
    for (Algorithm alg : all())
        if (Backend::instance().hasSelfTested(alg))
            names << jwb::crypto::Algorithms::name(alg);
    return names;
}

jwb::keys::JwkSet setOf(const Key &key)
{
    return jwb::keys::JwkSet::fromKey(jwb::keys::Jwk::fromKey(key.publicKey()),
        key.type() == KeyType::Oct ? QStringLiteral("secret") : QStringLiteral("PEM"));
}

// RFC 8037 A.4: an EdDSA JWS made with the RFC 8032 TEST 1 key (A.2 is its public half).
const QByteArray kEdX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const QByteArray kEdInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
const QByteArray kEdSignature
    = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

} // namespace

class TestBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nothingRunsUntilAsked();
    void eachAlgorithmOnFirstUse();
    void qcaOnlyForHsAndRs();
    void failedSelfTestIsNeverUsed();
    void initializeRunsEverything();
};

void TestBackend::initTestCase()
{
    qputenv("JWB_SELFTEST_FAIL", "EdDSA");
}

void TestBackend::nothingRunsUntilAsked()
{
    const Backend &backend = Backend::instance();
    QVERIFY(!Backend::isInitialized());
    QCOMPARE(tested(), QStringList());
    QVERIFY(!backend.isQcaLoaded());
    QVERIFY(backend.opensslVersion().startsWith(QLatin1String("OpenSSL 3")));
    QVERIFY2(backend.sodiumVersion().startsWith(QLatin1String("1.")), qPrintable(backend.sodiumVersion()));
    QCOMPARE(backend.selfTestMicroseconds(), 0);
    // Keys are parsed and generated without any self-test.
    QVERIFY(Key::generate(KeyType::Ec, 0, Curve::P256).ok());
    QCOMPARE(tested(), QStringList());
}

void TestBackend::eachAlgorithmOnFirstUse()
{
    const Backend &backend = Backend::instance();
    // The verifier asks about the token's algorithm only: ES256 is tested, nothing else.
    const Key ec = Key::generate(KeyType::Ec, 0, Curve::P256).value();
    const QByteArray header = jwb::jose::Base64Url::encode(R"({"alg":"ES256"})");
    const QByteArray input = header + '.' + jwb::jose::Base64Url::encode(R"({"sub":"a"})");
    const auto sig = Signature::sign(Algorithm::ES256, ec, input);
    QVERIFY(sig.ok());
    QCOMPARE(tested(), QStringList {QStringLiteral("ES256")});
    const QString token = QString::fromLatin1(input + '.' + jwb::jose::Base64Url::encode(sig.value()));
    jwb::validation::Policy policy;
    QVERIFY(jwb::validation::Verifier::verify(token, setOf(ec), policy).valid);
    QCOMPARE(tested(), QStringList {QStringLiteral("ES256")});
    QVERIFY(backend.selfTestMicroseconds() > 0);

    // The batch verifier tests the algorithms its keys can serve (an RSA key: RS* and PS*), or the policy's one.
    const Key rsa = Key::generate(KeyType::Rsa, 2048, Curve::None).value();
    policy.algorithm = Algorithm::PS384;
    const jwb::validation::BatchVerifier batch(setOf(rsa), policy);
    QCOMPARE(tested(), (QStringList {QStringLiteral("PS384"), QStringLiteral("ES256")}));
    // A prepared verifier does not ask (its callers do: the batch verifier above, and the known-secret lint, which
    // decides nothing, does not): decoding an HS token runs no self-test.
    QVERIFY(jwb::crypto::PreparedVerifier::create(Algorithm::PS256, rsa.publicKey()).ok());
    // jwt.io's sample: HS256 with the secret "your-256-bit-secret", which the lint finds.
    const QString hs = QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                                      "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
                                      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    const auto inspection = jwb::jose::Inspection::inspect(hs, 0);
    QVERIFY(std::any_of(inspection.findings.cbegin(), inspection.findings.cend(),
        [](const auto &f) { return f.code == u"known_secret"; }));
    QCOMPARE(tested(), (QStringList {QStringLiteral("PS384"), QStringLiteral("ES256")}));
    QVERIFY(!backend.isQcaLoaded());
    QVERIFY(!Backend::isInitialized());
}

void TestBackend::qcaOnlyForHsAndRs()
{
    const Backend &backend = Backend::instance();
    QVERIFY(!backend.isQcaLoaded());
    const Key secret = Key::fromSecret(QByteArray(32, 'k')).value();
    QVERIFY(Signature::sign(Algorithm::HS256, secret, "input").ok());
    QVERIFY(backend.isQcaLoaded());
    QVERIFY(backend.hasSelfTested(Algorithm::HS256));
    QVERIFY(!backend.hasSelfTested(Algorithm::HS384));
    QVERIFY(backend.qcaProviders().contains(QStringLiteral("qca-ossl")));
    QVERIFY(backend.capability(Algorithm::HS256).backend.startsWith(QLatin1String("QCA")));
}

// JWB_SELFTEST_FAIL=EdDSA: every way of verifying or signing with EdDSA refuses, whoever asks first.
void TestBackend::failedSelfTestIsNeverUsed()
{
    const Backend &backend = Backend::instance();
    QVERIFY(!backend.hasSelfTested(Algorithm::EdDSA));
    const Key pub = Key::fromOkp({Curve::Ed25519, jwb::jose::Base64Url::decode(kEdX).value(), {}}).value();
    const QByteArray signature = jwb::jose::Base64Url::decode(kEdSignature).value();
    for (const auto flavour : {jwb::crypto::VerifyFlavour::Strict, jwb::crypto::VerifyFlavour::GoJose}) {
        const auto verdict = Signature::verify(Algorithm::EdDSA, pub, kEdInput, signature, flavour);
        QVERIFY(!verdict.ok());
        QCOMPARE(verdict.error().code, QStringLiteral("backend_unavailable"));
        QVERIFY2(
            verdict.error().message.contains(QLatin1String("JWB_SELFTEST_FAIL")), qPrintable(verdict.error().message));
    }
    QVERIFY(backend.hasSelfTested(Algorithm::EdDSA));
    QVERIFY(!backend.isAvailable(Algorithm::EdDSA));
    const Key priv = Key::generate(KeyType::Okp, 0, Curve::Ed25519).value();
    QCOMPARE(Signature::sign(Algorithm::EdDSA, priv, kEdInput).error().code, QStringLiteral("backend_unavailable"));
    QVERIFY(!jwb::keys::TokenSigner::signBytes(Algorithm::EdDSA, priv, R"({"alg":"EdDSA"})", "{}").ok());

    // The verifier's alg check says why; the batch verifier decides the same.
    const QString token = QString::fromLatin1(kEdInput + '.' + kEdSignature);
    const auto set = setOf(pub);
    const jwb::validation::Policy policy;
    const auto report = jwb::validation::Verifier::verify(token, set, policy);
    QVERIFY(!report.valid);
    QVERIFY(report.check(QStringLiteral("alg")) && !report.check(QStringLiteral("alg"))->ok());
    QVERIFY2(report.check(QStringLiteral("alg"))->detail.contains(QLatin1String("unavailable")),
        qPrintable(report.check(QStringLiteral("alg"))->detail));
    const jwb::validation::BatchVerifier batch(set, policy);
    const auto summary = batch.run(QByteArrayView(token.toLatin1()), 1, true);
    QCOMPARE(summary.total, 1);
    QCOMPARE(summary.valid, 0);
    QVERIFY(backend.problems().join(u'\n').contains(QLatin1String("EdDSA disabled")));
}

void TestBackend::initializeRunsEverything()
{
    const Backend &backend = Backend::initialize();
    QVERIFY(Backend::isInitialized());
    QCOMPARE(tested().size(), all().size());
    QCOMPARE(backend.capabilities().size(), all().size());
    for (const auto &c : backend.capabilities())
        QCOMPARE(c.available, c.algorithm != Algorithm::EdDSA);
    const QString report = backend.report();
    QVERIFY2(report.contains(QLatin1String("UNAVAILABLE: EdDSA")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("libsodium")), qPrintable(report));
    QVERIFY(backend.capability(Algorithm::EdDSA).backend.contains(QLatin1String("libsodium")));
}

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_backend.moc"
