// verification::verify, the one entry point. Judged as a KrakenD endpoint it gives, for KrakenD's own fixtures and
// tokens, the same status, stopping check and verdict as krakend::Simulator::run with the same keys and a request
// built here by hand (the token where the endpoint's config reads it); with the generic rules it gives the same
// checks and verdict as validation::Verifier::verify. Also: the verdicts that judge nothing (no token, pending keys,
// unreadable keys, cancelled), and what reaches the downloader (the context's extra CA, no download once cancelled).
#include "../common/KrakendTokens.h"
#include "LocalHttpsServer.h"
#include "TestData.h"

#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"
#include "keys/Jwk.h"
#include "keys/JwkSet.h"
#include "keys/KeyLoader.h"
#include "krakend/Simulator.h"
#include "validation/Verifier.h"
#include "verification/PastedKey.h"
#include "verification/PolicyMapper.h"
#include "verification/Verify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using common::Verdict;

namespace {

constexpr qint64 kNow = 1893456000; // 2030-01-01T00:00:00Z

using jwb::test::kKrakendHs256;
using jwb::test::kKrakendRs256;

/// Which keys a gateway case verifies with.
enum class Keys { PublicJson, SymmetricJson, ConfigOwn };

struct GatewayCase
{
    QJsonObject block; ///< the auth/validator block
    QString input; ///< what the user pasted into the Inspector
    Keys keys = Keys::PublicJson;
    qint64 at = kNow;
    int status = 200; ///< what both must answer (so that the comparison cannot pass on two broken runs)
    QString stop; ///< the stopping check, empty when 200
    QByteArray download; ///< what the fake jwk_url answers (ConfigOwn with a jwk_url)
    QByteArray localFile; ///< written as keys.json next to the config (ConfigOwn with jwk_local_path)
    bool hasValidator = true;
};

QJsonArray strings(std::initializer_list<const char *> list)
{
    QJsonArray a;
    for (const char *s : list)
        a.append(QLatin1String(s));
    return a;
}

/// KrakenD's newVerifierEndpointCfg (gin/jose_test.go) with an https jwk_url.
QJsonObject krakendBlock(const char *alg = "RS256")
{
    return QJsonObject {{QStringLiteral("alg"), QLatin1String(alg)},
        {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")},
        {QStringLiteral("audience"), strings({"http://api.example.com"})},
        {QStringLiteral("issuer"), QStringLiteral("http://example.com")},
        {QStringLiteral("roles"), strings({"role_a"})}, {QStringLiteral("disable_jwk_security"), true},
        {QStringLiteral("cache"), true}};
}

QJsonObject with(QJsonObject o, std::initializer_list<std::pair<const char *, QJsonValue>> changes)
{
    for (const auto &[key, value] : changes) {
        if (value.isUndefined())
            o.remove(QLatin1String(key));
        else
            o.insert(QLatin1String(key), value);
    }
    return o;
}

QByteArray readShared(const char *name)
{
    QFile f(test::sharedPath(QStringLiteral("krakend-jose-fixtures/") + QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return f.readAll();
}

/// The request a person would send this endpoint by hand: the token in the endpoint's cookie when it names one,
/// else in its header (auth_header_name, Authorization by default) after "Bearer ".
krakend::SimulationRequest handMadeRequest(const krakend::SimulationSetup &setup, const QString &token)
{
    krakend::SimulationRequest request;
    request.method = setup.method;
    const QString cookie = setup.validator.source().value(QLatin1String("cookie_key")).toString();
    const QString header = setup.validator.source().value(QLatin1String("auth_header_name")).toString();
    if (!cookie.isEmpty())
        request.cookies.append({cookie, token});
    else
        request.headers.append(
            {header.isEmpty() ? QStringLiteral("Authorization") : header, QStringLiteral("Bearer ") + token});
    return request;
}

} // namespace

Q_DECLARE_METATYPE(GatewayCase)

class TestVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void asEndpointAgreesWithTheSimulator_data();
    void asEndpointAgreesWithTheSimulator();
    void genericAgreesWithTheVerifier_data();
    void genericAgreesWithTheVerifier();
    void nothingToJudge();
    void extraCaReachesTheDownload();
    void cancelledContextDownloadsNothing();
    void reportAccessors();
    void checkLookups();
    void pastedKeyForm_data();
    void pastedKeyForm();

private:
    [[nodiscard]] QString rs(const QJsonObject &claims, const char *kid = "2011-04-29") const;
    [[nodiscard]] keys::JwkSet keysOf(Keys which) const;

    keys::Jwk m_rsa; ///< private.json kid 2011-04-29
    QByteArray m_public;
    QByteArray m_symmetric;
};

void TestVerification::initTestCase()
{
    JWB_REQUIRE_SHARED("krakend-jose-fixtures/public.json");
    crypto::Backend::initialize();
    m_public = readShared("public.json");
    m_symmetric = readShared("symmetric.json");
    const auto privateSet = keys::JwkSet::fromJson(readShared("private.json"));
    QVERIFY(privateSet);
    for (const auto &k : privateSet->keys)
        if (k.kid == u"2011-04-29")
            m_rsa = k;
    QVERIFY(!m_rsa.kid.isEmpty());
}

QString TestVerification::rs(const QJsonObject &claims, const char *kid) const
{
    const QByteArray header = QJsonDocument(
        QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), QLatin1String(kid)}})
                                  .toJson(QJsonDocument::Compact);
    const QByteArray input = jose::Base64Url::encode(header) + '.'
        + jose::Base64Url::encode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const auto signature = crypto::Signature::sign(crypto::Algorithm::RS256, m_rsa.key, input);
    if (!signature)
        qFatal("signing failed");
    return QString::fromLatin1(input + '.' + jose::Base64Url::encode(signature.value()));
}

keys::JwkSet TestVerification::keysOf(Keys which) const
{
    const auto set = keys::JwkSet::fromJson(which == Keys::SymmetricJson ? m_symmetric : m_public);
    if (!set)
        qFatal("fixture keys do not load");
    return set.value();
}

void TestVerification::asEndpointAgreesWithTheSimulator_data()
{
    QTest::addColumn<GatewayCase>("c");
    const QString T = QString::fromLatin1(kKrakendRs256);
    const QString H = QString::fromLatin1(kKrakendHs256);
    QString tampered = T;
    tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == u'A' ? u'B' : u'A';
    const QJsonObject claims {{QStringLiteral("aud"), QStringLiteral("http://api.example.com")},
        {QStringLiteral("iss"), QStringLiteral("http://example.com")}, {QStringLiteral("exp"), kNow + 60},
        {QStringLiteral("roles"), strings({"role_a"})}, {QStringLiteral("scope"), QStringLiteral("read write")}};
    auto row = [](const char *name, GatewayCase c) { QTest::newRow(name) << c; };
    auto ok = [](QJsonObject block, QString input, Keys keys = Keys::PublicJson) {
        GatewayCase c;
        c.block = std::move(block);
        c.input = std::move(input);
        c.keys = keys;
        return c;
    };
    auto denied = [&ok](QJsonObject block, QString input, int status, const char *stop) {
        GatewayCase c = ok(std::move(block), std::move(input));
        c.status = status;
        c.stop = QLatin1String(stop);
        return c;
    };

    row("krakend rs256 authorized", ok(krakendBlock(), T));
    row("krakend hs256 authorized", ok(krakendBlock("HS256"), H, Keys::SymmetricJson));
    row("pasted with Bearer", ok(krakendBlock(), QStringLiteral("Bearer ") + T));
    row("pasted as an Authorization header", ok(krakendBlock(), QStringLiteral("Authorization: Bearer ") + T));
    row("forbidden: roles [role_c]", denied(with(krakendBlock(), {{"roles", strings({"role_c"})}}), T, 403, "roles"));
    row("tampered signature", denied(krakendBlock(), tampered, 401, "signature"));
    row("alg other than the config's", denied(krakendBlock("HS256"), T, 401, "alg"));
    row("unknown alg: KrakenD does not start", denied(krakendBlock("rs256"), T, krakend::kNotStarted, "config"));
    row("issuer mismatch",
        denied(with(krakendBlock(), {{"issuer", QStringLiteral("https://other.example")}}), T, 401, "iss"));
    row("audience mismatch",
        denied(with(krakendBlock(), {{"audience", strings({"x", "http://api.example.com"})}}), T, 401, "aud"));
    row("kid the key set lacks", denied(krakendBlock(), rs(claims, "nope"), 401, "key"));
    row("malformed token", denied(krakendBlock(), QStringLiteral("x.y"), 401, "parse"));
    row("scopes the token lacks",
        denied(with(krakendBlock(),
                   {{"scopes_key", QStringLiteral("scope")}, {"scopes", strings({"admin"})}, {"audience", QJsonValue()},
                       {"issuer", QJsonValue()}}),
            rs(claims), 403, "scopes"));
    row("custom auth_header_name", ok(with(krakendBlock(), {{"auth_header_name", QStringLiteral("x-api-token")}}), T));
    row("cookie_key", ok(with(krakendBlock(), {{"cookie_key", QStringLiteral("session")}}), T));
    row("insecure jwk_url rejects everything",
        denied(
            with(krakendBlock(),
                {{"jwk_url", QStringLiteral("http://idp.example.com/jwks")}, {"disable_jwk_security", QJsonValue()}}),
            T, 401, "config"));
    {
        GatewayCase expired = denied(krakendBlock(), T, 401, "exp");
        expired.at = 2051882755 + 5; // after exp plus KrakenD's 1 s default leeway
        row("expired", expired);
        GatewayCase leeway = ok(with(krakendBlock(), {{"leeway", QStringLiteral("10s")}}), T);
        leeway.at = 2051882755 + 5; // within the configured leeway
        row("expired within the leeway", leeway);
    }
    {
        GatewayCase remote = ok(krakendBlock(), T, Keys::ConfigOwn);
        remote.download = m_public;
        row("config's own jwk_url", remote);
        GatewayCase empty = ok(krakendBlock(), T, Keys::ConfigOwn);
        empty.download = "{\"keys\":[]}";
        empty.status = 401;
        empty.stop = QStringLiteral("key");
        row("config's own jwk_url serves no keys", empty);
        GatewayCase local
            = ok(with(krakendBlock(), {{"jwk_local_path", QStringLiteral("keys.json")}, {"cache", QJsonValue()}}), T,
                Keys::ConfigOwn);
        local.localFile = m_public;
        row("config's own jwk_local_path", local);
    }
    {
        GatewayCase open = ok(QJsonObject(), QStringLiteral("not a token"));
        open.hasValidator = false;
        row("endpoint without a validator", open);
    }
}

void TestVerification::asEndpointAgreesWithTheSimulator()
{
    QFETCH(GatewayCase, c);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (!c.localFile.isEmpty()) {
        QFile f(dir.filePath(QStringLiteral("keys.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(c.localFile);
    }
    krakend::SimulationSetup setup;
    setup.hasValidator = c.hasValidator;
    setup.validator = krakend::ValidatorConfig::fromJson(c.block);
    setup.baseDir = dir.path();
    setup.endpoint = QStringLiteral("/orders");
    setup.method = QStringLiteral("GET");
    const auto clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(c.at, Qt::UTC));
    int downloads = 0;
    const krakend::JwksDownloader downloader
        = [&](const QUrl &, const keysource::NetworkOptions &) -> common::Result<keysource::HttpResponse> {
        ++downloads;
        if (c.download.isEmpty())
            return common::Result<keysource::HttpResponse>::failure(
                common::ErrorCode::NetworkError, QStringLiteral("tests never use the network"));
        keysource::HttpResponse response;
        response.status = 200;
        response.contentType = "application/json";
        response.body = c.download;
        return response;
    };

    // Simulate, as the Gateway page runs it: the token in a request made by hand, the same keys.
    krakend::Simulator simulator(setup);
    simulator.setClock(clock);
    simulator.setDownloader(downloader);
    if (c.keys != Keys::ConfigOwn)
        simulator.setReplacementKeys(keysOf(c.keys), QStringLiteral("fixture"));
    QString bare = c.input;
    bare.remove(QStringLiteral("Authorization: ")).remove(QStringLiteral("Bearer "));
    const krakend::SimulationResult expected = simulator.run(handMadeRequest(setup, bare));
    const int simulatorDownloads = downloads;

    // The Inspector, "verify as endpoint": the pasted text, the endpoint's policy, the same keys.
    verification::Context context;
    context.policy = verification::PolicyMapper::forEndpoint(setup);
    context.clock = clock;
    context.downloader = downloader;
    if (c.keys != Keys::ConfigOwn)
        context.keys = keysOf(c.keys);
    context.keyLabel = QStringLiteral("fixture");
    const verification::Report report = verification::verify(jose::Inspection::inspect(c.input, c.at), context);

    const QByteArray dump = QJsonDocument(expected.toJson()).toJson();
    QVERIFY2(expected.status == c.status, dump.constData());
    QCOMPARE(report.status, expected.status);
    QCOMPARE(report.verdict, expected.status == 200 ? Verdict::Valid : Verdict::Invalid);
    QCOMPARE(report.stoppedAt, expected.stoppedAt);
    QCOMPARE(report.stoppingCheck() ? report.stoppingCheck()->nameText() : QString(), c.stop);
    QCOMPARE(expected.stoppingCheck() ? expected.stoppingCheck()->nameText() : QString(), c.stop);
    QCOMPARE(report.checks, expected.checks);
    QCOMPARE(report.summary, expected.reason);
    QCOMPARE(report.key.label, expected.keySource);
    QVERIFY(report.isGateway());
    QCOMPARE(downloads, 2 * simulatorDownloads); // the same downloads, once for each
}

void TestVerification::genericAgreesWithTheVerifier_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("key"); // KeyLoader input
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QStringList>("audiences");
    QTest::addColumn<qint64>("leeway");
    QTest::addColumn<int>("verdict");

    const QString T = QString::fromLatin1(kKrakendRs256);
    const QString H = QString::fromLatin1(kKrakendHs256);
    QString tampered = T;
    tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == u'A' ? u'B' : u'A';
    const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("alice")}, {QStringLiteral("exp"), kNow - 30}};
    const int valid = int(Verdict::Valid), invalid = int(Verdict::Invalid), malformed = int(Verdict::Malformed);
    QTest::newRow("rs256 with public.json") << T << m_public << QString() << QStringList() << qint64(0) << valid;
    QTest::newRow("hs256 with symmetric.json") << H << m_symmetric << QString() << QStringList() << qint64(0) << valid;
    QTest::newRow("issuer and audience") << T << m_public << QStringLiteral("http://example.com")
                                         << QStringList {QStringLiteral("http://api.example.com")} << qint64(0)
                                         << valid;
    QTest::newRow("wrong issuer") << T << m_public << QStringLiteral("https://evil.example") << QStringList()
                                  << qint64(0) << invalid;
    QTest::newRow("tampered") << tampered << m_public << QString() << QStringList() << qint64(0) << invalid;
    QTest::newRow("rs256 with the HMAC keys") << T << m_symmetric << QString() << QStringList() << qint64(0) << invalid;
    QTest::newRow("expired") << rs(claims) << m_public << QString() << QStringList() << qint64(0) << invalid;
    QTest::newRow("expired, within the leeway")
        << rs(claims) << m_public << QString() << QStringList() << qint64(60) << valid;
    QTest::newRow("alg none") << QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.") << m_public << QString()
                              << QStringList() << qint64(0) << invalid;
    QTest::newRow("not decodable") << QStringLiteral("x.y.z") << m_public << QString() << QStringList() << qint64(0)
                                   << malformed;
    QString brokenPayload = T; // a readable header, a payload that is not base64url: the parse check fails
    brokenPayload.insert(brokenPayload.indexOf(u'.') + 1, QStringLiteral("eyJhIjoxfQ"));
    QTest::newRow("readable header, broken payload")
        << brokenPayload << m_public << QString() << QStringList() << qint64(0) << invalid;
}

void TestVerification::genericAgreesWithTheVerifier()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, key);
    QFETCH(QString, issuer);
    QFETCH(QStringList, audiences);
    QFETCH(qint64, leeway);
    QFETCH(int, verdict);
    const auto set = keys::KeyLoader::load(key);
    QVERIFY(set);
    const auto clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    validation::Policy rules;
    rules.issuer = issuer;
    rules.audiences = audiences;
    rules.leewaySeconds = leeway;
    rules.clock = clock;
    const jose::Inspection inspection = jose::Inspection::inspect(token, kNow);
    const validation::Report expected = validation::Verifier::verify(inspection, set.value(), rules);
    if (QByteArrayView(QTest::currentDataTag()) == "readable header, broken payload")
        QVERIFY(expected.malformed && inspection.token.headerOk); // the case this row is about

    verification::Context context;
    context.policy.rules = rules;
    context.policy.rules.clock = common::Clock::system(); // the context's clock is the one that counts
    context.clock = clock;
    context.keys = set.value();
    context.keyLabel = QStringLiteral("public.json");
    const verification::Report report = verification::verify(inspection, context);

    QCOMPARE(int(report.verdict), verdict);
    QCOMPARE(report.verdict == Verdict::Valid, expected.valid);
    QCOMPARE(report.checks, expected.checks);
    QCOMPARE(report.findings.size(), expected.findings.size());
    QCOMPARE(report.status, 0);
    QCOMPARE(report.stoppedAt, -1);
    QVERIFY(!report.isGateway());
    QVERIFY(report.generic.has_value());
    QCOMPARE(report.key.kid, expected.keyKid);
    QCOMPARE(report.key.thumbprint, expected.keyThumbprint);
    QCOMPARE(report.key.label, QStringLiteral("public.json"));
    const common::Check *failure = expected.firstFailure();
    QCOMPARE(report.firstFailure() ? report.firstFailure()->name : common::CheckName::Config,
        failure ? failure->name : common::CheckName::Config);
    if (failure)
        QCOMPARE(report.summary, failure->nameText() + QStringLiteral(": ") + failure->detail);
}

void TestVerification::nothingToJudge()
{
    const jose::Inspection token = jose::Inspection::inspect(QString::fromLatin1(kKrakendRs256), kNow);
    verification::Context context;
    context.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));

    // No token, and no key with the generic rules.
    QCOMPARE(verification::verify(jose::Inspection::inspect(QStringLiteral("  "), kNow), context).verdict,
        Verdict::NotVerified);
    const verification::Report noKey = verification::verify(token, context);
    QCOMPARE(noKey.verdict, Verdict::NotVerified);
    QVERIFY(noKey.checks.isEmpty());

    // Keys still on their way, then keys that could not be read.
    context.keysPending = true;
    QCOMPARE(verification::verify(token, context).verdict, Verdict::Pending);
    context.keysPending = false;
    context.keyError = common::Error::of(common::ErrorCode::UnknownKeyFormat, QStringLiteral("not a key"));
    const verification::Report keyError = verification::verify(token, context);
    QCOMPARE(keyError.verdict, Verdict::KeyError);
    QVERIFY(keyError.keyError && keyError.keyError->is(common::ErrorCode::UnknownKeyFormat));
    QCOMPARE(keyError.summary, QStringLiteral("unknown_key_format: not a key"));
    QVERIFY(keyError.checks.isEmpty());
    // Either is said before a token is there: the key is wrong (or not there yet) whatever the token.
    const jose::Inspection none = jose::Inspection::inspect(QString(), kNow);
    QCOMPARE(verification::verify(none, context).verdict, Verdict::KeyError);
    context.keysPending = true;
    QCOMPARE(verification::verify(none, context).verdict, Verdict::Pending);
    context.keysPending = false;

    // A cancelled context judges nothing.
    context.keyError.reset();
    context.keys = keysOf(Keys::PublicJson);
    QCOMPARE(verification::verify(token, context).verdict, Verdict::Valid);
    context.cancel.cancel();
    QCOMPARE(verification::verify(token, context).verdict, Verdict::NotVerified);
}

void TestVerification::extraCaReachesTheDownload()
{
    // The endpoint's own TLS settings stay (its pins), the context's CA is added for the download of jwk_url.
    QTemporaryDir dir;
    QSslCertificate ca;
    QSslKey caKey;
    QString error;
    if (!test::makeLocalhostCertificate(dir.path(), &ca, &caKey, &error))
        QSKIP(qPrintable(error));
    const QString pin = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = krakend::ValidatorConfig::fromJson(
        with(krakendBlock(), {{"disable_jwk_security", QJsonValue()}, {"jwk_fingerprints", QJsonArray {pin}}}));
    keysource::NetworkOptions seen;
    int downloads = 0;
    verification::Context context;
    context.policy = verification::PolicyMapper::forEndpoint(setup);
    context.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    context.tls.extraCa = {ca};
    context.downloader = [&](const QUrl &, const keysource::NetworkOptions &options) {
        seen = options;
        ++downloads;
        keysource::HttpResponse response;
        response.contentType = "application/json";
        response.body = m_public;
        return common::Result<keysource::HttpResponse>(response);
    };
    const verification::Report report
        = verification::verify(jose::Inspection::inspect(QString::fromLatin1(kKrakendRs256), kNow), context);
    QCOMPARE(downloads, 1);
    QVERIFY(seen.extraCa.contains(ca));
    QCOMPARE(seen.pins, QStringList {pin});
    QVERIFY(!seen.insecure);
    QCOMPARE(report.status, 200);
    QVERIFY2(report.key.label.contains(u"idp.example.com"), qPrintable(report.key.label));
}

void TestVerification::cancelledContextDownloadsNothing()
{
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = krakend::ValidatorConfig::fromJson(krakendBlock());
    int downloads = 0;
    verification::Context context;
    context.policy = verification::PolicyMapper::forEndpoint(setup);
    context.downloader = [&](const QUrl &, const keysource::NetworkOptions &) {
        ++downloads;
        return common::Result<keysource::HttpResponse>::failure(common::ErrorCode::NetworkError, QStringLiteral("x"));
    };
    context.cancel.cancel();
    const verification::Report report
        = verification::verify(jose::Inspection::inspect(QString::fromLatin1(kKrakendRs256), kNow), context);
    QCOMPARE(downloads, 0);
    QCOMPARE(report.verdict, Verdict::NotVerified);
}

void TestVerification::reportAccessors()
{
    // Gateway: the stopping check decides; every check is still there, the later ones skipped.
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = krakend::ValidatorConfig::fromJson(with(krakendBlock(), {{"roles", strings({"x"})}}));
    verification::Context context;
    context.policy = verification::PolicyMapper::forEndpoint(setup);
    context.clock = common::Clock::fixed(QDateTime::fromSecsSinceEpoch(2051882755 + 10, Qt::UTC));
    context.keys = keysOf(Keys::PublicJson);
    const verification::Report r
        = verification::verify(jose::Inspection::inspect(QString::fromLatin1(kKrakendRs256), kNow), context);
    QCOMPARE(r.status, 401);
    QVERIFY(r.stoppingCheck());
    QCOMPARE(r.stoppingCheck()->name, common::CheckName::Exp);
    QCOMPARE(r.firstFailure(), r.stoppingCheck());
    QVERIFY(r.check(common::CheckName::Roles));
    QVERIFY(r.check(common::CheckName::Roles)->skipped());
    QVERIFY(r.check(common::CheckName::Roles)->wouldAlsoFail);
    QVERIFY(r.check(common::CheckName::Signature)->ok());
    QVERIFY(!r.check(common::CheckName::Typ));
}

void TestVerification::checkLookups()
{
    // common::findCheck and common::firstFailure, which both reports' accessors use.
    auto make = [](common::CheckName name, common::Outcome outcome) {
        common::Check c;
        c.name = name;
        c.outcome = outcome;
        return c;
    };
    const QList<common::Check> checks = {make(common::CheckName::Parse, common::Outcome::Pass),
        make(common::CheckName::Key, common::Outcome::Skip), make(common::CheckName::Signature, common::Outcome::Fail),
        make(common::CheckName::Exp, common::Outcome::Fail)};
    QCOMPARE(common::findCheck(checks, common::CheckName::Signature), &checks[2]);
    QVERIFY(!common::findCheck(checks, common::CheckName::Aud));
    QCOMPARE(common::firstFailure(checks), &checks[2]); // a failure before a skip
    const QList<common::Check> noFailure = checks.mid(0, 2);
    QCOMPARE(common::firstFailure(noFailure), &noFailure[1]); // no failure: the first skip
    QVERIFY(!common::firstFailure(checks.mid(0, 1)));
    QVERIFY(!common::firstFailure({}));
}

void TestVerification::pastedKeyForm_data()
{
    QTest::addColumn<QString>("tokenAlg"); // the header's alg; empty: no readable header
    QTest::addColumn<QString>("rulesAlg"); // the generic rules' expected algorithm; empty: from the key
    QTest::addColumn<QString>("endpointAlg"); // set: judged as an endpoint with this alg ("-": without a validator)
    QTest::addColumn<bool>("secret");

    QTest::newRow("HS256 token") << "HS256"
                                 << ""
                                 << "" << true;
    QTest::newRow("HS384 token") << "HS384"
                                 << ""
                                 << "" << true;
    QTest::newRow("HS512 token") << "HS512"
                                 << ""
                                 << "" << true;
    QTest::newRow("RS256 token") << "RS256"
                                 << ""
                                 << "" << false;
    QTest::newRow("ES256 token") << "ES256"
                                 << ""
                                 << "" << false;
    QTest::newRow("PS256 token") << "PS256"
                                 << ""
                                 << "" << false;
    QTest::newRow("EdDSA token") << "EdDSA"
                                 << ""
                                 << "" << false;
    QTest::newRow("lower-case hs256 is not a JWA name") << "hs256"
                                                        << ""
                                                        << "" << false;
    QTest::newRow("none") << "none"
                          << ""
                          << "" << false;
    QTest::newRow("unreadable header") << ""
                                       << ""
                                       << "" << false;
    // The policy's algorithm decides when it names one; the token's only fills the gap.
    QTest::newRow("rules expect RS256, token says HS256") << "HS256"
                                                          << "RS256"
                                                          << "" << false;
    QTest::newRow("rules expect HS384, token says RS256") << "RS256"
                                                          << "HS384"
                                                          << "" << true;
    QTest::newRow("endpoint HS256, token says RS256") << "RS256"
                                                      << ""
                                                      << "HS256" << true;
    QTest::newRow("endpoint RS256, token says HS256") << "HS256"
                                                      << ""
                                                      << "RS256" << false;
    QTest::newRow("endpoint RS256 wins over the rules") << "HS256"
                                                        << "HS256"
                                                        << "RS256" << false;
    QTest::newRow("endpoint without a validator") << "HS256"
                                                  << ""
                                                  << "-" << false;
}

void TestVerification::pastedKeyForm()
{
    QFETCH(QString, tokenAlg);
    QFETCH(QString, rulesAlg);
    QFETCH(QString, endpointAlg);
    QFETCH(bool, secret);

    const QByteArray header = tokenAlg.isEmpty()
        ? QByteArrayLiteral("not json")
        : QJsonDocument(QJsonObject {{QStringLiteral("alg"), tokenAlg}}).toJson(QJsonDocument::Compact);
    const QString input = QString::fromLatin1(
        jose::Base64Url::encode(header) + '.' + jose::Base64Url::encode(R"({"sub":"a"})") + ".c2ln");
    const jose::Inspection inspection = jose::Inspection::inspect(input, kNow);
    QCOMPARE(inspection.token.headerOk, !tokenAlg.isEmpty());

    verification::Policy policy;
    if (!rulesAlg.isEmpty())
        policy.rules.algorithm = crypto::Algorithms::fromName(rulesAlg);
    if (!endpointAlg.isEmpty()) {
        krakend::SimulationSetup setup;
        setup.hasValidator = endpointAlg != u"-";
        if (setup.hasValidator)
            setup.validator = krakend::ValidatorConfig::fromJson(krakendBlock(endpointAlg.toLatin1().constData()));
        policy.gateway = setup;
    }
    QCOMPARE(verification::pastedKeyForm(inspection.token, policy),
        secret ? verification::PastedKeyForm::Secret : verification::PastedKeyForm::KeyText);
}

QTEST_MAIN(TestVerification)
#include "tst_verification.moc"
