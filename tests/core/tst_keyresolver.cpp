// workspace::KeyResolver and Session: "keys for this token or endpoint". A source whose keys hold the token's kid
// (or x5t) is chosen automatically unless the user pinned a choice; an endpoint's jwk_url source, the Issuer source
// for iss, the config's own keys, the pasted key and "none" follow, in that order; a removed pin falls back; a choice
// whose keys are still being fetched says so. Also the signing sources and the Session's pins.

#include "crypto/Key.h"
#include "jose/Inspection.h"
#include "keys/Jwk.h"
#include "keys/KeyLoader.h"
#include "krakend/ValidatorConfig.h"
#include "workspace/KeyResolver.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"
#include "workspace/TrustStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace jwb;
using namespace jwb::workspace;
using validation::KeyIdStrategy;

namespace {

constexpr qint64 kNow = 1795867200;

QString b64u(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray sha1(const QString &seed)
{
    return QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1);
}

QByteArray sha256(const QString &seed)
{
    return QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256);
}

/// A JWK Set of one public EC key with this kid, and x5t / x5t#S256 derived from `seed` when given.
QString jwks(const QString &kid, const QString &seed = {})
{
    const auto key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
    QJsonObject jwk = keys::Jwk::fromKey(key, kid, QStringLiteral("ES256"), QStringLiteral("sig")).publicJson();
    if (!seed.isEmpty()) {
        jwk.insert(QStringLiteral("x5t"), b64u(sha1(seed)));
        jwk.insert(QStringLiteral("x5t#S256"), b64u(sha256(seed)));
    }
    return QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk}}}).toJson());
}

/// A token (signature not checked here) with this header and payload.
jose::Inspection token(const QJsonObject &header, const QJsonObject &payload = {})
{
    const auto part
        = [](const QJsonObject &object) { return b64u(QJsonDocument(object).toJson(QJsonDocument::Compact)); };
    QJsonObject h = header;
    h.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
    return jose::Inspection::inspect(part(h) + u'.' + part(payload) + QStringLiteral(".c2ln"), kNow);
}

krakend::ValidatorConfig validator(const QJsonObject &block)
{
    QJsonObject b = block;
    b.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
    return krakend::ValidatorConfig::fromJson(b);
}

std::shared_ptr<const common::Clock> fixedClock()
{
    return common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
}

} // namespace

class TestKeyResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kidHeldBySecondSourceIsChosen();
    void pinOverridesTheKeyId();
    void removedPinFallsBack();
    void x5tStrategies_data();
    void x5tStrategies();
    void jwkUrlMatch();
    void issuerMatch();
    void pendingWhileFetching();
    void fallbacks();
    void signingSources();
    void describeSaysWhyInEnglish();
    void sessionPinsAndSignals();
};

void TestKeyResolver::kidHeldBySecondSourceIsChosen()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("first"), jwks(QStringLiteral("a1"))));
    ring.add(KeyRing::pasted(QStringLiteral("second"), jwks(QStringLiteral("b1"))));
    const KeyResolver resolver(ring, *ring.trust());

    const KeyChoice choice
        = resolver.resolve(KeyNeed::forToken(token({{QStringLiteral("kid"), QStringLiteral("b1")}})));
    QCOMPARE(choice.kind, KeyChoice::Kind::Source);
    QCOMPARE(choice.reason, KeyChoice::Reason::HoldsKeyId);
    QCOMPARE(choice.sourceId, ring.at(1).id);
    QCOMPARE(choice.sourceName, QStringLiteral("second"));
    QCOMPARE(choice.matchedKeyId, QStringLiteral("b1"));
    QCOMPARE(choice.matchedBy, std::optional<KeyIdStrategy>(KeyIdStrategy::Kid));
    QVERIFY(choice.keys.has_value());
    QCOMPARE(choice.keys->kids(), QStringList {QStringLiteral("b1")});
    QVERIFY(!choice.pending);
    QVERIFY(!choice.stale);
    QVERIFY(choice.origin.isEmpty()); // a local source has no TLS origin

    // The same for an endpoint: the kid beats the config's own keys.
    const auto endpoint = KeyNeed::forEndpoint(token({{QStringLiteral("kid"), QStringLiteral("a1")}}),
        validator({{QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks.json")}}));
    QCOMPARE(resolver.resolve(endpoint).sourceId, ring.at(0).id);

    // No source holds it: nothing is chosen by key id.
    const KeyChoice none = resolver.resolve(KeyNeed::forToken(token({{QStringLiteral("kid"), QStringLiteral("zz")}})));
    QCOMPARE(none.kind, KeyChoice::Kind::None);
    QCOMPARE(none.reason, KeyChoice::Reason::Default);
}

void TestKeyResolver::pinOverridesTheKeyId()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("first"), jwks(QStringLiteral("a1"))));
    ring.add(KeyRing::pasted(QStringLiteral("second"), jwks(QStringLiteral("b1"))));
    const KeyResolver resolver(ring, *ring.trust());
    KeyNeed need = KeyNeed::forToken(token({{QStringLiteral("kid"), QStringLiteral("b1")}}));

    const KeyChoice pinned = resolver.resolve(need, KeyPin::source(ring.at(0).id));
    QCOMPARE(pinned.kind, KeyChoice::Kind::Source);
    QCOMPARE(pinned.reason, KeyChoice::Reason::Pinned);
    QCOMPARE(pinned.sourceId, ring.at(0).id);
    QVERIFY(pinned.matchedKeyId.isEmpty()); // the pinned source does not hold b1
    // Pinned to the source that holds it: the match is still reported.
    QCOMPARE(resolver.resolve(need, KeyPin::source(ring.at(1).id)).matchedKeyId, QStringLiteral("b1"));

    // The pasted key is an Inspector choice, the config's own keys an endpoint's; elsewhere they do not apply.
    QCOMPARE(resolver.resolve(need, KeyPin::pasted()).kind, KeyChoice::Kind::Pasted);
    QCOMPARE(resolver.resolve(need, KeyPin::pasted()).reason, KeyChoice::Reason::Pinned);
    QCOMPARE(resolver.resolve(need, KeyPin::configOwn()).reason, KeyChoice::Reason::HoldsKeyId);
    const auto endpoint = KeyNeed::forEndpoint(token({{QStringLiteral("kid"), QStringLiteral("b1")}}),
        validator({{QStringLiteral("jwk_local_path"), QStringLiteral("k.json")}}));
    QCOMPARE(resolver.resolve(endpoint, KeyPin::configOwn()).kind, KeyChoice::Kind::ConfigOwn);
    QCOMPARE(resolver.resolve(endpoint, KeyPin::configOwn()).reason, KeyChoice::Reason::Pinned);
    QCOMPARE(resolver.resolve(endpoint, KeyPin::pasted()).reason, KeyChoice::Reason::HoldsKeyId);
}

void TestKeyResolver::removedPinFallsBack()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("first"), jwks(QStringLiteral("a1"))));
    ring.add(KeyRing::pasted(QStringLiteral("second"), jwks(QStringLiteral("b1"))));
    const KeyResolver resolver(ring, *ring.trust());
    const KeyNeed need = KeyNeed::forToken(token({{QStringLiteral("kid"), QStringLiteral("b1")}}));
    const KeyPin pin = KeyPin::source(ring.at(0).id);
    QCOMPARE(resolver.resolve(need, pin).reason, KeyChoice::Reason::Pinned);
    ring.remove(0);
    const KeyChoice choice = resolver.resolve(need, pin);
    QCOMPARE(choice.reason, KeyChoice::Reason::HoldsKeyId);
    QCOMPARE(choice.sourceName, QStringLiteral("second"));
}

void TestKeyResolver::x5tStrategies_data()
{
    QTest::addColumn<QJsonObject>("header");
    QTest::addColumn<int>("strategy"); // -1: the Inspector's (kid, x5t, x5t#S256)
    QTest::addColumn<QString>("chosen"); // source name, or empty for none
    QTest::addColumn<int>("matchedBy");

    const QString x5tA = b64u(sha1(QStringLiteral("cert-a")));
    const QString x5tS256A = b64u(sha256(QStringLiteral("cert-a")));
    const auto x5t = static_cast<int>(KeyIdStrategy::X5t);
    const auto s256 = static_cast<int>(KeyIdStrategy::X5tS256);
    const auto kid = static_cast<int>(KeyIdStrategy::Kid);
    const auto kidX5t = static_cast<int>(KeyIdStrategy::KidX5t);

    QTest::newRow("inspector: x5t") << QJsonObject {{QStringLiteral("x5t"), x5tA}} << -1 << "a" << x5t;
    QTest::newRow("inspector: x5t#S256") << QJsonObject {{QStringLiteral("x5t#S256"), x5tS256A}} << -1 << "a" << s256;
    QTest::newRow("inspector: the kid decides before the x5t")
        << QJsonObject {{QStringLiteral("kid"), QStringLiteral("b1")}, {QStringLiteral("x5t"), x5tA}} << -1 << "b"
        << kid;
    QTest::newRow("inspector: an unknown kid, a known x5t")
        << QJsonObject {{QStringLiteral("kid"), QStringLiteral("zz")}, {QStringLiteral("x5t"), x5tA}} << -1 << "a"
        << x5t;
    QTest::newRow("endpoint x5t") << QJsonObject {{QStringLiteral("kid"), QStringLiteral("b1")},
        {QStringLiteral("x5t"), x5tA}}
                                  << x5t << "a" << x5t;
    QTest::newRow("endpoint x5t#S256") << QJsonObject {{QStringLiteral("x5t#S256"), x5tS256A}} << s256 << "a" << s256;
    QTest::newRow("endpoint kid: the x5t is not looked at")
        << QJsonObject {{QStringLiteral("x5t"), x5tA}} << kid << "" << -1;
    QTest::newRow("endpoint kid_x5t") << QJsonObject {{QStringLiteral("kid"), QStringLiteral("a1")},
        {QStringLiteral("x5t"), x5tA}} << kidX5t
                                      << "a" << kidX5t;
    QTest::newRow("endpoint kid_x5t: the kid alone is not enough")
        << QJsonObject {{QStringLiteral("kid"), QStringLiteral("b1")}, {QStringLiteral("x5t"), x5tA}} << kidX5t << ""
        << -1;
}

void TestKeyResolver::x5tStrategies()
{
    QFETCH(QJsonObject, header);
    QFETCH(int, strategy);
    QFETCH(QString, chosen);
    QFETCH(int, matchedBy);

    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("a"), jwks(QStringLiteral("a1"), QStringLiteral("cert-a"))));
    ring.add(KeyRing::pasted(QStringLiteral("b"), jwks(QStringLiteral("b1"), QStringLiteral("cert-b"))));
    QVERIFY2(!ring.at(0).error, qPrintable(ring.at(0).errorText()));
    const KeyResolver resolver(ring, *ring.trust());
    KeyNeed need = KeyNeed::forToken(token(header));
    if (strategy >= 0)
        need.strategy = static_cast<KeyIdStrategy>(strategy);
    const KeyChoice choice = resolver.resolve(need);
    if (chosen.isEmpty()) {
        QCOMPARE(choice.kind, KeyChoice::Kind::None);
        return;
    }
    QCOMPARE(choice.reason, KeyChoice::Reason::HoldsKeyId);
    QCOMPARE(choice.sourceName, chosen);
    QCOMPARE(choice.matchedBy, std::optional<KeyIdStrategy>(static_cast<KeyIdStrategy>(matchedBy)));
}

void TestKeyResolver::jwkUrlMatch()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("local"), jwks(QStringLiteral("a1"))));
    KeySource remote = KeyRing::url(QStringLiteral("https://127.0.0.1:1/jwks.json"), false);
    remote.awaitingPermission = true; // never fetched here
    const int index = ring.add(remote);
    TrustSettings trust;
    trust.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    ring.trust()->set(QStringLiteral("https://127.0.0.1:1"), trust);
    const KeyResolver resolver(ring, *ring.trust());

    const auto theToken = token({{QStringLiteral("kid"), QStringLiteral("zz")}});
    KeyNeed need = KeyNeed::forEndpoint(
        theToken, validator({{QStringLiteral("jwk_url"), QStringLiteral("https://127.0.0.1:1/jwks.json")}}));
    QCOMPARE(need.strategy, std::optional<KeyIdStrategy>(KeyIdStrategy::Kid));
    const KeyChoice choice = resolver.resolve(need);
    QCOMPARE(choice.kind, KeyChoice::Kind::Source);
    QCOMPARE(choice.reason, KeyChoice::Reason::ConfigUrl);
    QCOMPARE(choice.sourceId, ring.at(index).id);
    QCOMPARE(choice.origin, QStringLiteral("https://127.0.0.1:1"));
    QCOMPARE(choice.tls.pins, trust.pins); // the fetch options of the source's origin
    QVERIFY(!choice.keys.has_value());

    // Another URL, a local path, or the Inspector: the jwk_url source is not the answer.
    need.configJwkUrl = QUrl(QStringLiteral("https://127.0.0.1:1/other.json"));
    QCOMPARE(resolver.resolve(need).kind, KeyChoice::Kind::ConfigOwn);
    QCOMPARE(resolver.resolve(need).origin, QStringLiteral("https://127.0.0.1:1"));
    need = KeyNeed::forEndpoint(theToken,
        validator({{QStringLiteral("jwk_url"), QStringLiteral("https://127.0.0.1:1/jwks.json")},
            {QStringLiteral("jwk_local_path"), QStringLiteral("keys.json")}}));
    QVERIFY(need.configUsesLocalPath);
    QCOMPARE(resolver.resolve(need).kind, KeyChoice::Kind::ConfigOwn);
    QVERIFY(resolver.resolve(need).origin.isEmpty());
    QCOMPARE(resolver.resolve(KeyNeed::forToken(theToken)).kind, KeyChoice::Kind::None);
}

void TestKeyResolver::issuerMatch()
{
    KeyRing ring(fixedClock());
    KeySource other = KeyRing::url(QStringLiteral("https://127.0.0.1:1/other"), true);
    other.awaitingPermission = true;
    ring.add(other);
    KeySource issuer = KeyRing::url(QStringLiteral("https://127.0.0.1:1/tenant"), true);
    issuer.awaitingPermission = true;
    const int index = ring.add(issuer);
    KeySource url = KeyRing::url(QStringLiteral("https://127.0.0.1:1/tenant"), false); // a JWK Set URL, not an issuer
    url.awaitingPermission = true;
    ring.add(url);
    const KeyResolver resolver(ring, *ring.trust());

    const auto theToken = token({{QStringLiteral("kid"), QStringLiteral("zz")}},
        {{QStringLiteral("iss"), QStringLiteral("https://127.0.0.1:1/tenant")}});
    const KeyChoice choice = resolver.resolve(KeyNeed::forToken(theToken));
    QCOMPARE(choice.reason, KeyChoice::Reason::Issuer);
    QCOMPARE(choice.sourceId, ring.at(index).id);
    // For an endpoint the jwk_url source comes first, then the issuer.
    const auto need = KeyNeed::forEndpoint(
        theToken, validator({{QStringLiteral("jwk_url"), QStringLiteral("https://127.0.0.1:1/tenant")}}));
    QCOMPARE(resolver.resolve(need).reason, KeyChoice::Reason::ConfigUrl);
    QCOMPARE(resolver.resolve(need).sourceId, ring.at(2).id);
    ring.remove(2);
    QCOMPARE(resolver.resolve(need).reason, KeyChoice::Reason::Issuer);
}

void TestKeyResolver::pendingWhileFetching()
{
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("local"), jwks(QStringLiteral("a1"))));
    QSignalSpy finished(&ring, &KeyRing::fetchFinished);
    KeySource issuer = KeyRing::url(QStringLiteral("https://127.0.0.1:1"), true);
    issuer.timeoutMs = 20000;
    const int index = ring.add(issuer); // nothing listens on port 1: it fails soon
    QVERIFY(ring.at(index).fetching);
    const KeyResolver resolver(ring, *ring.trust());

    const auto theToken = token({{QStringLiteral("kid"), QStringLiteral("zz")}},
        {{QStringLiteral("iss"), QStringLiteral("https://127.0.0.1:1")}});
    KeyChoice choice = resolver.resolve(KeyNeed::forToken(theToken));
    QCOMPARE(choice.reason, KeyChoice::Reason::Issuer);
    QVERIFY(choice.pending);
    QVERIFY(!choice.keys);
    // Nothing chosen yet, but a source is still fetching its first keys: they might hold the kid.
    const auto elsewhere = token({{QStringLiteral("kid"), QStringLiteral("zz")}});
    QCOMPARE(resolver.resolve(KeyNeed::forToken(elsewhere)).kind, KeyChoice::Kind::None);
    QVERIFY(resolver.resolve(KeyNeed::forToken(elsewhere)).pending);
    // A choice made by key id does not wait for other sources.
    const auto held = token({{QStringLiteral("kid"), QStringLiteral("a1")}});
    QVERIFY(!resolver.resolve(KeyNeed::forToken(held)).pending);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    choice = resolver.resolve(KeyNeed::forToken(theToken));
    QCOMPARE(choice.reason, KeyChoice::Reason::Issuer);
    QVERIFY(!choice.pending);
    QVERIFY(!resolver.resolve(KeyNeed::forToken(elsewhere)).pending);
}

void TestKeyResolver::fallbacks()
{
    KeyRing ring(fixedClock());
    const KeyResolver resolver(ring, *ring.trust());
    const auto theToken = token({{QStringLiteral("kid"), QStringLiteral("zz")}});
    KeyNeed inspector = KeyNeed::forToken(theToken);
    QCOMPARE(resolver.resolve(inspector).kind, KeyChoice::Kind::None);
    inspector.hasPastedKey = true;
    QCOMPARE(resolver.resolve(inspector).kind, KeyChoice::Kind::Pasted);
    QCOMPARE(resolver.resolve(inspector).reason, KeyChoice::Reason::Default);
    const KeyNeed endpoint = KeyNeed::forEndpoint(
        theToken, validator({{QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks.json")}}));
    const KeyChoice own = resolver.resolve(endpoint);
    QCOMPARE(own.kind, KeyChoice::Kind::ConfigOwn);
    QCOMPARE(own.reason, KeyChoice::Reason::Default);
    QCOMPARE(own.origin, QStringLiteral("https://idp.example.com:443"));
    QVERIFY(!own.keys);
}

void TestKeyResolver::signingSources()
{
    const auto ec = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256).value();
    const auto rsa = crypto::Key::generate(crypto::KeyType::Rsa, 2048).value();
    KeyRing ring(fixedClock());
    ring.add(KeyRing::pasted(QStringLiteral("public"), QString::fromLatin1(ec.toPem(false).value())));
    ring.add(KeyRing::pasted(QStringLiteral("private ec"), QString::fromLatin1(ec.toPem(true).value())));
    ring.add(KeyRing::secret(
        QStringLiteral("secret"), QStringLiteral("a-string-secret-at-least-256-bits-long"), QStringLiteral("utf8")));
    ring.add(KeyRing::generated(QStringLiteral("rsa"), keys::Jwk::fromKey(rsa, QStringLiteral("r1"))));
    const KeyResolver resolver(ring, *ring.trust());

    QCOMPARE(resolver.signingSources(), (QList<int> {1, 2, 3}));
    QCOMPARE(resolver.signingSources(crypto::Algorithm::ES256), QList<int> {1});
    QCOMPARE(resolver.signingSources(crypto::Algorithm::HS256), QList<int> {2});
    QCOMPARE(resolver.signingSources(crypto::Algorithm::PS256), QList<int> {3});
    QVERIFY(KeyResolver::signingAlgorithms(ring.at(0)).isEmpty());
    QCOMPARE(KeyResolver::signingAlgorithms(ring.at(1)), QList<crypto::Algorithm> {crypto::Algorithm::ES256});
    QVERIFY(KeyResolver::signingAlgorithms(ring.at(3)).contains(crypto::Algorithm::RS256));

    // The private half of the key an endpoint verifies with.
    const keys::JwkSet verifying = ring.at(0).keys.value();
    const auto signer = resolver.signingKeyFor(verifying);
    QVERIFY(signer.has_value());
    QCOMPARE(signer->sourceId, ring.at(1).id);
    QVERIFY(signer->jwk.key.isPrivate());
    QVERIFY(resolver.signingKeyFor(verifying, crypto::Algorithm::ES256).has_value());
    QVERIFY(!resolver.signingKeyFor(verifying, crypto::Algorithm::ES384).has_value()); // P-256 cannot sign ES384
    QVERIFY(!resolver.signingKeyFor(keys::KeyLoader::load(rsa.toPem(false).value()).value(), crypto::Algorithm::ES256)
                 .has_value());
    QCOMPARE(resolver.signingKeyFor(keys::KeyLoader::load(rsa.toPem(false).value()).value())->sourceId, ring.at(3).id);
}

void TestKeyResolver::describeSaysWhyInEnglish()
{
    KeyChoice choice;
    choice.kind = KeyChoice::Kind::Source;
    choice.reason = KeyChoice::Reason::HoldsKeyId;
    choice.sourceName = QStringLiteral("idp");
    choice.matchedKeyId = QStringLiteral("k1");
    choice.matchedBy = KeyIdStrategy::Kid;
    QCOMPARE(choice.describe(), QStringLiteral("key ring source “idp” (holds kid “k1”)"));
    choice.matchedBy = KeyIdStrategy::X5t;
    QCOMPARE(choice.describe(), QStringLiteral("key ring source “idp” (holds x5t “k1”)"));
    choice.reason = KeyChoice::Reason::Pinned;
    choice.pending = true;
    QCOMPARE(choice.describe(), QStringLiteral("key ring source “idp” (chosen), still fetching"));
    KeyChoice own;
    own.kind = KeyChoice::Kind::ConfigOwn;
    QCOMPARE(own.describe(), QStringLiteral("the config's own keys"));
    QCOMPARE(KeyChoice().describe(), QStringLiteral("no key"));
}

void TestKeyResolver::sessionPinsAndSignals()
{
    Session session(fixedClock());
    QSignalSpy changed(&session, &Session::choicesChanged);
    session.keys().add(KeyRing::pasted(QStringLiteral("first"), jwks(QStringLiteral("a1"))));
    session.keys().add(KeyRing::pasted(QStringLiteral("second"), jwks(QStringLiteral("b1"))));
    QVERIFY(changed.count() >= 2);
    const auto need = KeyNeed::forToken(token({{QStringLiteral("kid"), QStringLiteral("b1")}}));
    const auto scope = ChoiceScope::inspector();
    QCOMPARE(session.resolve(scope, need).sourceName, QStringLiteral("second"));

    changed.clear();
    session.pin(scope, KeyPin::source(session.keys().at(0).id));
    QCOMPARE(changed.count(), 1);
    session.pin(scope, KeyPin::source(session.keys().at(0).id)); // the same again
    QCOMPARE(changed.count(), 1);
    QCOMPARE(session.resolve(scope, need).sourceName, QStringLiteral("first"));
    // Other scopes keep their own choice.
    const auto orders = ChoiceScope::forEndpoint(QStringLiteral("get"), QStringLiteral("/orders"));
    QCOMPARE(orders.key(), QStringLiteral("endpoint GET /orders"));
    QCOMPARE(session.resolve(orders, need).sourceName, QStringLiteral("second"));
    session.pin(orders, KeyPin::configOwn());

    const QJsonObject json = session.choicesToJson();
    QCOMPARE(json.value(QStringLiteral("inspector")).toString(), QStringLiteral("source:") + session.keys().at(0).id);
    QCOMPARE(json.value(QStringLiteral("endpoint GET /orders")).toString(), QStringLiteral("config"));
    QCOMPARE(ChoiceScope::fromKey(QStringLiteral("endpoint GET /orders"))->endpoint, QStringLiteral("GET /orders"));
    QVERIFY(!ChoiceScope::fromKey(QStringLiteral("elsewhere")));
    QCOMPARE(KeyPin::fromText(QStringLiteral("pasted")), std::optional<KeyPin>(KeyPin::pasted()));
    QVERIFY(!KeyPin::fromText(QStringLiteral("telepathy")));

    // Trust changes ask every page to resolve again too.
    changed.clear();
    TrustSettings insecure;
    insecure.insecure = true;
    session.trust().set(QStringLiteral("https://idp.example.com:443"), insecure);
    QCOMPARE(changed.count(), 1);
    session.pin(scope, {}); // automatic again
    QCOMPARE(session.resolve(scope, need).sourceName, QStringLiteral("second"));
    QVERIFY(!session.choicesToJson().contains(QStringLiteral("inspector")));
}

QTEST_GUILESS_MAIN(TestKeyResolver)
#include "tst_keyresolver.moc"
