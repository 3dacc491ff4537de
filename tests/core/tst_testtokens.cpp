// TestTokens: every case of the test-token matrix gets the status docs/krakend-jwt.md §3 prescribes (401 for the
// token itself, 403 for roles and scopes), for the sample gateway's validators and for validator blocks keyed with
// KrakenD's own fixtures (private.json, symmetric.json); and each token really has the property it claims
// (decoded and checked here, independently of the simulator).
#include "TestData.h"

#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/JwkSet.h"
#include "krakend/Simulator.h"
#include "krakend/TestTokens.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace jwb;
using krakend::SimulationSetup;
using krakend::TestTokenSet;
namespace TestTokens = krakend::TestTokens;

namespace {

constexpr qint64 kNow = 1893456000; // 2030-01-01T00:00:00Z

QString sampleDir()
{
    return QStringLiteral(JWB_SOURCE_DIR) + QStringLiteral("/resources/samples");
}

/// JSON written with single quotes (readable in C++ without escapes or raw strings).
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject sampleRoot()
{
    return QJsonDocument::fromJson(readFile(sampleDir() + QStringLiteral("/krakend.json"))).object();
}

SimulationSetup sampleSetup(int index)
{
    const QJsonObject root = sampleRoot();
    return SimulationSetup::fromEndpoint(
        root, root.value(QLatin1String("endpoints")).toArray().at(index).toObject(), sampleDir());
}

SimulationSetup blockSetup(const QByteArray &block, const QString &endpoint = QStringLiteral("/api"))
{
    QJsonObject e {{QStringLiteral("endpoint"), endpoint},
        {QStringLiteral("extra_config"),
            QJsonObject {{QStringLiteral("auth/validator"), QJsonDocument::fromJson(block).object()}}},
        {QStringLiteral("backend"),
            QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/users/{JWT.sub}")}}}}};
    return SimulationSetup::fromEndpoint(QJsonObject {{QStringLiteral("version"), 3}}, e, QString());
}

std::optional<keys::Jwk> fixtureKey(const char *file, const QString &kid)
{
    // Parsing private.json (RSA 4096 included, with its key checks) takes a while: once per file.
    static QHash<QString, std::optional<keys::JwkSet>> cache;
    const QString name = QLatin1String(file);
    if (!cache.contains(name)) {
        auto parsed
            = keys::JwkSet::fromJson(readFile(test::sharedPath(QStringLiteral("krakend-jose-fixtures/") + name)));
        cache.insert(name, parsed ? std::make_optional(parsed.value()) : std::nullopt);
    }
    const auto &set = cache.value(name);
    if (!set)
        return std::nullopt;
    for (const auto &k : set->keys)
        if (k.kid == kid)
            return k;
    return std::nullopt;
}

std::optional<keys::Jwk> demoKey()
{
    auto key = crypto::Key::fromPem(readFile(sampleDir() + QStringLiteral("/demo-private.pem")));
    if (!key)
        return std::nullopt;
    return keys::Jwk::fromKey(key.value(), QStringLiteral("demo-rs256"), QStringLiteral("RS256"));
}

QJsonObject decodeSegment(const QString &token, int index)
{
    const QString segment = token.split(u'.').value(index);
    auto bytes = jose::Base64Url::decode(segment.toLatin1());
    return bytes ? QJsonDocument::fromJson(bytes.value()).object() : QJsonObject();
}

/// A value at a dotted path (or a literal key when `nested` is false).
QJsonValue at(const QJsonObject &o, const QString &key, bool nested)
{
    if (!nested)
        return o.value(key);
    QJsonValue v = o;
    for (const QString &part : key.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

struct Fixture
{
    SimulationSetup setup;
    std::optional<keys::Jwk> key;
    bool needsShared = false;
    bool keyRequired = true; ///< false: let TestTokens generate the key
};

} // namespace

class TestTestTokens : public QObject
{
    Q_OBJECT

private:
    QHash<QString, TestTokenSet> m_minted;

    Fixture fixture(const QString &name)
    {
        if (name == u"sample-get")
            return {sampleSetup(0), demoKey(), false, true};
        if (name == u"sample-post")
            return {sampleSetup(1), demoKey(), false, true};
        if (name == u"sample-get-generated")
            return {sampleSetup(0), std::nullopt, false, false};
        if (name == u"fixture-rs256")
            return {
                blockSetup(q("{'alg':'RS256','jwk_url':'https://keys.example.com/jwks.json','cache':true,"
                             "'audience':['http://api.example.com'],'issuer':'http://example.com','roles':['role_a'],"
                             "'scopes_key':'scope','scopes':['read','write'],'scopes_matcher':'all',"
                             "'propagate_claims':[['sub','X-Sub']]}")),
                fixtureKey("private.json", QStringLiteral("2011-04-29")), true, true};
        if (name == u"fixture-es256-cookie-nested")
            return {blockSetup(q("{'alg':'ES256','jwk_url':'https://keys.example.com/jwks.json',"
                                 "'cookie_key':'session','roles_key':'realm_access.roles','roles_key_is_nested':true,"
                                 "'roles':['admin'],'scopes_key':'perm.scopes','scopes':['a'],'issuer':'https://idp/',"
                                 "'audience':['x','y'],'leeway':'2m'}"),
                        QStringLiteral("/items/{id}")),
                fixtureKey("private.json", QStringLiteral("1")), true, true};
        if (name == u"fixture-ps256-header-x5t")
            return {blockSetup(q("{'alg':'PS256','jwk_url':'https://keys.example.com/jwks.json',"
                                 "'auth_header_name':'x-access-token','key_identify_strategy':'x5t#S256',"
                                 "'roles':['r'],'scopes_key':'scp','scopes':['s'],'audience':['a'],'issuer':'i'}")),
                fixtureKey("private.json", QStringLiteral("p256")), true, true};
        if (name == u"fixture-hs256")
            return {
                blockSetup(q("{'alg':'HS256','jwk_url':'https://keys.example.com/jwks.json',"
                             "'roles':['role_a'],'scopes_key':'scope','scopes':['x'],'audience':['aud'],'issuer':'iss',"
                             "'key_identify_strategy':'kid_x5t'}")),
                fixtureKey("symmetric.json", QStringLiteral("sim2")), true, true};
        if (name == u"generated-eddsa")
            return {blockSetup(q("{'alg':'EdDSA','jwk_url':'https://keys.example.com/jwks.json',"
                                 "'roles':['r'],'scopes_key':'scope','scopes':['s'],'audience':['a'],'issuer':'i','"
                                 "leeway':'1500ms'}")),
                std::nullopt, false, false};
        return {};
    }

private Q_SLOTS:
    void initTestCase() { crypto::Backend::initialize(); }

    void statuses_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("stop");

        const QList<std::tuple<const char *, int, const char *>> cases = {
            {"valid", 200, ""},
            {"expired", 401, "exp"},
            {"inside_leeway", 200, ""},
            {"outside_leeway", 401, "exp"},
            {"wrong_audience", 401, "aud"},
            {"wrong_issuer", 401, "iss"},
            {"missing_role", 403, "roles"},
            {"missing_scope", 403, "scopes"},
            {"unknown_kid", 401, "key"},
            {"alg_none", 401, "alg"},
            {"hs256_public_key", 401, "alg"},
            {"nbf_future", 401, "nbf"},
        };
        for (const char *config : {"sample-get", "sample-post", "sample-get-generated", "fixture-rs256",
                 "fixture-es256-cookie-nested", "fixture-ps256-header-x5t", "fixture-hs256", "generated-eddsa"}) {
            for (const auto &[id, status, stop] : cases) {
                if (qstrcmp(config, "fixture-hs256") == 0 && qstrcmp(id, "hs256_public_key") == 0)
                    continue; // no public key to confuse a shared secret with
                QTest::addRow("%s/%s", config, id)
                    << QString::fromLatin1(config) << QString::fromLatin1(id) << status << QString::fromLatin1(stop);
            }
        }
    }

    void statuses()
    {
        QFETCH(QString, config);
        QFETCH(QString, id);
        QFETCH(int, status);
        QFETCH(QString, stop);
        const Fixture f = fixture(config);
        if (f.needsShared)
            JWB_REQUIRE_SHARED("krakend-jose-fixtures/private.json");
        QVERIFY(f.setup.hasValidator);
        if (f.keyRequired)
            QVERIFY2(f.key.has_value(), "signing key not found");

        // One set per config (minting signs twelve tokens and may generate a key).
        if (!m_minted.contains(config)) {
            const auto clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
            auto minted = TestTokens::mint(f.setup, f.key, clock);
            QVERIFY2(minted.ok(), minted.ok() ? "" : qPrintable(minted.error().toString()));
            m_minted.insert(config, minted.value());
        }
        const TestTokenSet &set = *m_minted.find(config);
        const auto *c = set.find(id);
        QVERIFY2(c, qPrintable(id));
        QCOMPARE(c->expectedStatus, status);
        QCOMPARE(c->stoppingCheck, stop);
        QVERIFY(!c->title.isEmpty());
        QVERIFY(!c->description.isEmpty());

        // Independent check of the property each token claims to have.
        const krakend::ValidatorConfig &v = f.setup.validator;
        const QJsonObject header = decodeSegment(c->token, 0);
        const QJsonObject payload = decodeSegment(c->token, 1);
        QCOMPARE(header, c->header);
        QCOMPARE(payload, c->payload);
        const qint64 leeway = v.effectiveLeewayNanos();
        const qint64 nowNs = kNow * 1000000000LL;
        const qint64 expNs = payload.value(QLatin1String("exp")).toInteger() * 1000000000LL;
        const QStringList parts = c->token.split(u'.');
        QCOMPARE(parts.size(), 3);
        const QByteArray signingInput = (parts[0] + u'.' + parts[1]).toLatin1();
        auto signature = jose::Base64Url::decode(parts[2].toLatin1());
        QVERIFY(signature.ok());

        if (id == u"alg_none") {
            QCOMPARE(header, (QJsonObject {{QStringLiteral("alg"), QStringLiteral("none")}}));
            QVERIFY(parts[2].isEmpty());
        } else if (id == u"hs256_public_key") {
            QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("HS256"));
            auto pem = set.signingKey.key.publicKey().toPem(false);
            QVERIFY(pem.ok());
            QVERIFY(pem->startsWith("-----BEGIN PUBLIC KEY-----"));
            auto secret = crypto::Key::fromSecret(pem.value());
            QVERIFY(secret.ok());
            QVERIFY(crypto::Signature::verify(crypto::Algorithm::HS256, secret.value(), signingInput, signature.value())
                        .ok());
        } else {
            // Signed by the key whose public JWK Set the endpoint would use.
            QCOMPARE(header.value(QLatin1String("alg")).toString(), v.alg());
            QCOMPARE(set.publicSet.keys.size(), 1);
            QVERIFY(crypto::Signature::verify(
                *v.algorithm(), set.publicSet.keys.first().key, signingInput, signature.value())
                        .ok());
        }
        if (id == u"valid") {
            QVERIFY(expNs - nowNs == 3600LL * 1000000000LL);
            if (!v.issuer().isEmpty())
                QCOMPARE(payload.value(QLatin1String("iss")).toString(), v.issuer());
            const QJsonArray aud = payload.value(QLatin1String("aud")).toArray();
            for (const QString &a : v.audience())
                QVERIFY(aud.contains(a));
            if (!v.roles().isEmpty())
                QVERIFY(
                    at(payload, v.effectiveRolesKey(), v.rolesLookupIsNested()).toArray().contains(v.roles().first()));
            if (v.scopesCheckEnabled()) {
                const QStringList scopes = at(payload, v.scopesKey(), true).toString().split(u' ');
                for (const QString &s : v.scopes())
                    QVERIFY(scopes.contains(s));
            }
        } else if (id == u"expired") {
            QVERIFY(nowNs - leeway > expNs + 3000LL * 1000000000LL);
        } else if (id == u"inside_leeway") {
            QVERIFY(expNs < nowNs); // expired...
            QVERIFY(nowNs - leeway <= expNs); // ...but within the leeway
        } else if (id == u"outside_leeway") {
            QVERIFY(nowNs - leeway > expNs); // beyond the leeway...
            QVERIFY(nowNs - leeway <= expNs + 1000000000LL); // ...by at most one second
        } else if (id == u"wrong_audience") {
            for (const QString &a : v.audience())
                QVERIFY(!payload.value(QLatin1String("aud")).toArray().contains(a));
        } else if (id == u"wrong_issuer") {
            QVERIFY(payload.value(QLatin1String("iss")).toString() != v.issuer());
        } else if (id == u"missing_role") {
            const QJsonArray roles = at(payload, v.effectiveRolesKey(), v.rolesLookupIsNested()).toArray();
            for (const QString &r : v.roles())
                QVERIFY(!roles.contains(r));
        } else if (id == u"missing_scope") {
            const QStringList scopes = at(payload, v.scopesKey(), true).toString().split(u' ');
            for (const QString &s : v.scopes())
                QVERIFY(!scopes.contains(s));
        } else if (id == u"unknown_kid") {
            const QString kid = header.value(QLatin1String("kid")).toString();
            QVERIFY(!set.publicSet.kids().contains(kid));
        } else if (id == u"nbf_future") {
            QVERIFY(payload.value(QLatin1String("nbf")).toInteger() * 1000000000LL > nowNs + leeway);
        }

        // The curl line sends the token where the config reads it.
        QVERIFY(c->curl.startsWith(QStringLiteral("curl -i ")));
        QVERIFY(c->curl.contains(c->token));
        if (!v.cookieKey().isEmpty())
            QVERIFY(c->curl.contains(QStringLiteral("--cookie '%1=%2'").arg(v.cookieKey(), c->token)));
        else
            QVERIFY(c->curl.contains(QStringLiteral("-H '%1: Bearer %2'").arg(v.effectiveAuthHeaderName(), c->token)));
    }

    void insideLeewayTiming_data()
    {
        QTest::addColumn<qint64>("leewayMs");
        QTest::addColumn<qint64>("nowMs"); // after kNow
        QTest::addColumn<qint64>("exp"); // after kNow
        QTest::addColumn<qint64>("acceptedForMs");
        QTest::addColumn<bool>("byHand");

        // exp is the last whole second before now: expired from the start, inside the leeway for leeway - (0, 1] s.
        QTest::newRow("1s, on the second") << 1000LL << 0LL << -1LL << 0LL << false;
        QTest::newRow("1s, 0.4 s after it") << 1000LL << 400LL << 0LL << 600LL << false;
        QTest::newRow("1500ms") << 1500LL << 200LL << 0LL << 1300LL << false;
        QTest::newRow("5s is too short") << 5000LL << 0LL << -1LL << 4000LL << false;
        QTest::newRow("6s leaves 5 s") << 6000LL << 0LL << -1LL << 5000LL << true;
        QTest::newRow("6s, 0.9 s after the second") << 6000LL << 900LL << 0LL << 5100LL << true;
        QTest::newRow("1m") << 60000LL << 0LL << -1LL << 59000LL << true;
        QTest::newRow("2m, 0.5 s after") << 120000LL << 500LL << 0LL << 119500LL << true;
    }

    void insideLeewayTiming()
    {
        QFETCH(qint64, leewayMs);
        QFETCH(qint64, nowMs);
        QFETCH(qint64, exp);
        QFETCH(qint64, acceptedForMs);
        QFETCH(bool, byHand);
        const qint64 nowNs = (kNow * 1000 + nowMs) * 1000000LL;
        const auto t = TestTokens::insideLeewayTiming(leewayMs * 1000000LL, nowNs);
        QCOMPARE(t.exp, kNow + exp);
        QCOMPARE(t.acceptedForNs, acceptedForMs * 1000000LL);
        QCOMPARE(t.byHand, byHand);
        QCOMPARE(TestTokens::insideLeewayByHand(leewayMs * 1000000LL), byHand);
        // Always expired at now, and accepted at now (KrakenD: rejected once now - leeway is after exp).
        QVERIFY(t.exp * 1000000000LL < nowNs);
        QVERIFY(nowNs - leewayMs * 1000000LL <= t.exp * 1000000000LL);
        QVERIFY(TestTokens::mintedWhenUsed(krakend::TestTokenKind::InsideLeeway));
        QVERIFY(!TestTokens::mintedWhenUsed(krakend::TestTokenKind::OutsideLeeway));
        QVERIFY(!TestTokens::mintedWhenUsed(krakend::TestTokenKind::Valid));
    }

    void smallLeewayIsNoted()
    {
        // The leeway the sample gives (or KrakenD's 1 s) is too small to test inside_leeway by hand: mint says so.
        const auto clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        const QByteArray base = "{'alg':'HS256','jwk_url':'https://keys.example.com/jwks.json'";
        auto noteOf = [&](const char *leeway) -> QString {
            const QByteArray block = base + leeway + "}";
            auto minted = TestTokens::mint(blockSetup(q(block.constData())), std::nullopt, clock);
            if (!minted)
                return QStringLiteral("error: ") + minted.error().message;
            const TestTokenSet &set = minted.value();
            const auto *inside = set.find(QStringLiteral("inside_leeway"));
            for (const QString &note : set.notes)
                if (note.contains(u"inside_leeway"))
                    return note + QStringLiteral(" | ") + (inside ? inside->description : QString());
            return QStringLiteral("none | ") + (inside ? inside->description : QString());
        };
        const QString none = noteOf("");
        QVERIFY2(none.contains(u"too small to test \"inside_leeway\" by hand"), qPrintable(none));
        QVERIFY2(none.contains(u"(1 s)"), qPrintable(none));
        QVERIFY2(none.contains(u"too short to copy and run by hand"), qPrintable(none));
        const QString small = noteOf(",'leeway':'5s'");
        QVERIFY2(small.contains(u"too small"), qPrintable(small));
        const QString enough = noteOf(",'leeway':'6s'");
        QVERIFY2(enough.startsWith(u"none | "), qPrintable(enough));
        QVERIFY2(enough.contains(u"still accepted for 5 s"), qPrintable(enough));
        QVERIFY2(!enough.contains(u"by hand"), qPrintable(enough));
    }

    void mintCaseCountsFromItsOwnNow()
    {
        // A case minted again later (when it is copied) has its times relative to that moment, the same key and kid,
        // and is judged again: inside the leeway at the new now.
        auto clock = std::make_shared<common::FixedClock>(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        const SimulationSetup setup = fixture(QStringLiteral("fixture-es256-cookie-nested")).setup; // leeway 2m
        auto minted = TestTokens::mint(setup, fixture(QStringLiteral("fixture-es256-cookie-nested")).key, clock);
        QVERIFY2(minted.ok(), qPrintable(minted.ok() ? QString() : minted.error().message));
        const auto *first = minted->find(QStringLiteral("inside_leeway"));
        QVERIFY(first);
        QCOMPARE(first->payload.value(QLatin1String("exp")).toInteger(), kNow - 1);

        clock->setNow(QDateTime::fromSecsSinceEpoch(kNow + 300, Qt::UTC)); // the first token is long outside by now
        auto again = TestTokens::mintCase(setup, minted.value(), QStringLiteral("inside_leeway"), clock);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(again->id, QStringLiteral("inside_leeway"));
        QCOMPARE(again->payload.value(QLatin1String("exp")).toInteger(), kNow + 300 - 1);
        QCOMPARE(again->expectedStatus, 200);
        QCOMPARE(decodeSegment(again->token, 0), first->header);
        QVERIFY(again->token != first->token);
        QVERIFY(again->curl.contains(again->token));
        QVERIFY(minted->publicSet.keys.size() == 1);
        const QList<QString> parts = again->token.split(u'.');
        auto signature = jose::Base64Url::decode(parts.value(2).toLatin1());
        QVERIFY(signature.ok());
        QVERIFY(crypto::Signature::verify(*setup.validator.algorithm(), minted->publicSet.keys.first().key,
            (parts.value(0) + u'.' + parts.value(1)).toLatin1(), signature.value())
                    .ok());

        // The first token, judged at the new now, is outside the leeway: minting again is what keeps it useful.
        krakend::Simulator simulator(setup);
        simulator.setClock(clock);
        simulator.setReplacementKeys(minted->publicSet, QStringLiteral("test"));
        QCOMPARE(simulator.run(minted->target.request(first->token)).status, 401);

        auto unknown = TestTokens::mintCase(setup, minted.value(), QStringLiteral("no_such_case"), clock);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("unknown_case"));
    }

    void jwksAndScript()
    {
        const auto clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        auto minted = TestTokens::mint(sampleSetup(1), demoKey(), clock);
        QVERIFY(minted.ok());
        const QJsonObject jwks = minted->jwksForLocalPath();
        const QJsonArray keys = jwks.value(QLatin1String("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        const QJsonObject k = keys.first().toObject();
        QCOMPARE(k.value(QLatin1String("kid")).toString(), QStringLiteral("demo-rs256"));
        QVERIFY(!k.contains(QLatin1String("d")));
        QVERIFY(!k.contains(QLatin1String("p")));
        // It is exactly what the sample ships: the demo key's public half.
        auto shipped = keys::JwkSet::fromJson(readFile(sampleDir() + QStringLiteral("/demo-jwks.json")));
        QVERIFY(shipped.ok());
        QVERIFY(shipped->keys.first().key.samePublicKey(minted->publicSet.keys.first().key));

        const QString script = minted->curlScript();
        QVERIFY(script.startsWith(QStringLiteral("#!/bin/sh")));
        for (const auto &c : minted->cases) {
            QVERIFY(script.contains(c.curl));
            QVERIFY(c.curl.contains(QStringLiteral("-X POST")));
            QVERIFY(c.curl.endsWith(QStringLiteral("'http://localhost:8080/v1/orders'")));
        }
        QCOMPARE(minted->toJson().value(QLatin1String("cases")).toArray().size(), minted->cases.size());
    }

    void configWithoutAudienceAcceptsWrongAudience()
    {
        // §1: an absent audience means no aud check, so the "wrong audience" token passes (200).
        const auto clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        auto minted
            = TestTokens::mint(blockSetup(q("{'alg':'ES384','jwk_url':'https://k/jwks'}")), std::nullopt, clock);
        QVERIFY(minted.ok());
        QCOMPARE(minted->find(QStringLiteral("wrong_audience"))->expectedStatus, 200);
        QCOMPARE(minted->find(QStringLiteral("missing_role"))->expectedStatus, 200);
        QCOMPARE(minted->find(QStringLiteral("missing_scope"))->expectedStatus, 200);
        QCOMPARE(minted->find(QStringLiteral("expired"))->expectedStatus, 401);
        QCOMPARE(minted->signingKey.key.curve(), crypto::Curve::P384);
        QVERIFY(minted->generatedKey);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<bool>("publicKeyOnly");
        QTest::addColumn<QString>("code");
        QTest::newRow("no validator") << QByteArray() << false << QStringLiteral("no_validator");
        QTest::newRow("no alg") << QByteArray(q("{'jwk_url':'https://k'}")) << false << QStringLiteral("unknown_alg");
        QTest::newRow("bad alg") << QByteArray(q("{'alg':'rs256','jwk_url':'https://k'}")) << false
                                 << QStringLiteral("unknown_alg");
        QTest::newRow("public key") << QByteArray(q("{'alg':'RS256','jwk_url':'https://k'}")) << true
                                    << QStringLiteral("key_cannot_sign");
        QTest::newRow("wrong family") << QByteArray(q("{'alg':'ES256','jwk_url':'https://k'}")) << false
                                      << QStringLiteral("key_cannot_sign");
    }

    void errors()
    {
        QFETCH(QByteArray, block);
        QFETCH(bool, publicKeyOnly);
        QFETCH(QString, code);
        SimulationSetup setup = block.isEmpty()
            ? SimulationSetup::fromEndpoint({}, QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/x")}}, {})
            : blockSetup(block);
        auto key = demoKey();
        QVERIFY(key);
        if (publicKeyOnly)
            key = keys::Jwk::fromKey(key->key.publicKey(), QStringLiteral("pub"));
        auto minted = TestTokens::mint(setup, code == u"key_cannot_sign" ? key : std::nullopt,
            common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC)));
        QVERIFY(!minted.ok());
        QCOMPARE(minted.error().code, code);
        QVERIFY(!minted.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTestTokens)
#include "tst_testtokens.moc"
