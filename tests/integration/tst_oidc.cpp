// Tokens from a real OpenID provider: the npm package oidc-provider (tests/integration/servers/oidc-server.mjs,
// installed by `npm ci` from the committed lockfile) served over HTTPS on 127.0.0.1 with a test CA made here by
// openssl. The test obtains JWT access tokens with the client_credentials grant for resource servers that sign
// with every asymmetric algorithm, verifies them with only `verify --issuer ISSUER --ca ca.pem` (discovery, then
// jwks_uri), checks that tampered tokens fail, and rotates keys through the server's admin route: a new kid
// verifies after a refetch, a removed kid is rejected; JwksCache (FixedClock) keeps serving a removed key until
// its entry expires and reports the rotation diff on the refetch.
//
// Without Node or the npm dependencies the suite is skipped with a message (under CI=true it fails instead).
#include "IntegrationSupport.h"

#include "common/Clock.h"
#include "crypto/Backend.h"
#include "keysource/JwksCache.h"
#include "keysource/JwksFetcher.h"
#include "validation/Verifier.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using jwb::itest::Run;
using jwb::itest::runCli;

namespace {

const QStringList kAlgorithms {u"RS256"_s, u"RS384"_s, u"RS512"_s, u"PS256"_s, u"PS384"_s, u"PS512"_s, u"ES256"_s,
    u"ES384"_s, u"ES512"_s, u"EdDSA"_s};

QString resourceFor(const QString &alg)
{
    return u"https://api.jwb.test/"_s + alg;
}

QJsonObject segment(const QString &token, int index)
{
    const QByteArray raw = QByteArray::fromBase64(
        token.section(u'.', index, index).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(raw).object();
}

QString encodeSegment(const QJsonObject &o)
{
    return QString::fromLatin1(QJsonDocument(o)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QString error;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class OidcTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void discovery();
    void accessTokens_data();
    void accessTokens();
    void tampered_data();
    void tampered();
    void rotationThroughCli();
    void rotationWithCache();

private:
    HttpResult post(const QString &path, const QByteArray &form, const QList<QPair<QByteArray, QByteArray>> &headers);
    /// A JWT access token for resource https://api.jwb.test/ALG; empty (with a failure message) on error.
    QString accessToken(const QString &alg, bool clientSecretPost = false, QString *error = nullptr);
    QJsonObject rotate(const QString &alg, const QString &mode);
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] QStringList issuerArgs() const { return {u"--issuer"_s, m_issuer, u"--ca"_s, file(u"ca.pem"_s)}; }

    QTemporaryDir m_dir;
    jwb::itest::NodeServer m_server;
    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_ca;
    QString m_issuer;
    QByteArray m_adminToken;
    QHash<QString, QString> m_kids; ///< alg → current signing kid
    QString m_leafPin;
    QStringList m_verified; ///< algorithms issued by oidc-provider and verified by the CLI
};

void OidcTest::initTestCase()
{
    const QString node = jwb::itest::findNode();
    JWB_REQUIRE(!node.isEmpty(),
        QStringLiteral("node is not installed: the OpenID provider tests need Node.js 20+ "
                       "and `npm ci` in tests/integration/servers (make test does both)"));
    const QString provider = jwb::itest::serversDir() + u"/node_modules/oidc-provider/package.json"_s;
    JWB_REQUIRE(QFileInfo::exists(provider),
        u"oidc-provider is not installed: run `npm ci --prefix %1` (or packaging/bootstrap.sh)"_s.arg(
            jwb::itest::serversDir()));
    JWB_REQUIRE(!jwb::itest::findOpenssl().isEmpty(), u"the openssl command is not installed"_s);
    QVERIFY(m_dir.isValid());
    jwb::crypto::Backend::initialize();

    jwb::itest::TestPki pki(m_dir.path());
    QString error;
    QVERIFY2(pki.create(&error), qPrintable(error));
    m_leafPin = pki.pin(file(u"good.pem"_s), &error);
    QVERIFY2(!m_leafPin.isEmpty(), qPrintable(error));
    m_ca = QSslCertificate::fromPath(file(u"ca.pem"_s));
    QCOMPARE(m_ca.size(), 1);

    QVERIFY2(m_server.start(node, jwb::itest::serversDir() + u"/oidc-server.mjs"_s, {m_dir.path()}, &error, 60000),
        qPrintable(error));
    const QJsonObject ready = m_server.ready();
    m_issuer = ready.value("issuer"_L1).toString();
    QCOMPARE(m_issuer, u"https://127.0.0.1:%1"_s.arg(ready.value("port"_L1).toInt()));
    m_adminToken = ready.value("admin_token"_L1).toString().toLatin1();
    const QJsonObject kids = ready.value("kids"_L1).toObject();
    for (const QString &alg : kAlgorithms) {
        m_kids.insert(alg, kids.value(alg).toString());
        QVERIFY2(!m_kids.value(alg).isEmpty(), qPrintable(alg));
    }
}

void OidcTest::cleanupTestCase()
{
    if (!m_verified.isEmpty())
        qInfo("oidc-provider tokens verified for: %s", qPrintable(m_verified.join(u", "_s)));
    const bool running = m_server.isRunning();
    const QByteArray err = m_server.stderrText();
    m_server.stop();
    if (m_issuer.isEmpty())
        return;
    QVERIFY2(running, QByteArray("the OpenID provider died during the run: " + err).constData());
}

HttpResult OidcTest::post(
    const QString &path, const QByteArray &form, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_issuer + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(m_ca);
    request.setSslConfiguration(ssl);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_nam.post(request, form);
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(20000);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    if (!reply->isFinished()) {
        reply->abort();
        r.error = u"no answer from %1 within 20 s"_s.arg(path);
    } else {
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && r.status == 0)
            r.error = reply->errorString();
    }
    reply->deleteLater();
    return r;
}

QString OidcTest::accessToken(const QString &alg, bool clientSecretPost, QString *error)
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"resource"_s, resourceFor(alg));
    form.addQueryItem(u"scope"_s, u"api:read"_s);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (clientSecretPost) {
        form.addQueryItem(u"client_id"_s, u"jwb-client-post"_s);
        form.addQueryItem(u"client_secret"_s, u"jwb-secret"_s);
    } else {
        headers.append({"Authorization", "Basic " + QByteArrayLiteral("jwb-client:jwb-secret").toBase64()});
    }
    const HttpResult r = post(u"/token"_s, form.query(QUrl::FullyEncoded).toLatin1(), headers);
    const QString token = r.json().value("access_token"_L1).toString();
    if (error && (r.status != 200 || token.isEmpty()))
        *error = u"token endpoint: HTTP %1 %2 %3"_s.arg(r.status).arg(r.error, QString::fromUtf8(r.body));
    return r.status == 200 ? token : QString();
}

QJsonObject OidcTest::rotate(const QString &alg, const QString &mode)
{
    const HttpResult r = post(u"/admin/rotate?alg=%1&mode=%2"_s.arg(alg, mode), {}, {{"x-admin-token", m_adminToken}});
    if (r.status != 200) {
        qWarning("rotate %s %s: HTTP %d %s %s", qPrintable(alg), qPrintable(mode), r.status, qPrintable(r.error),
            r.body.constData());
        return {};
    }
    const QJsonObject o = r.json();
    m_kids.insert(alg, o.value("kid"_L1).toString());
    return o;
}

// The provider's discovery document and JWK Set, read by the CLI with only --issuer and --ca.
void OidcTest::discovery()
{
    const Run r = runCli(QStringList {u"jwks"_s, u"fetch"_s} + issuerArgs() + QStringList {u"--json"_s});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value("issuer"_L1).toString(), m_issuer);
    QCOMPARE(r.json.value("discovery_url"_L1).toString(), m_issuer + u"/.well-known/openid-configuration"_s);
    QCOMPARE(r.json.value("jwks_uri"_L1).toString(), m_issuer + u"/jwks"_s);
    QVERIFY2(
        r.json.value("content_type"_L1).toString().startsWith("application/jwk-set+json"_L1), r.describe().constData());
    QVERIFY2(r.json.value("findings"_L1).toArray().isEmpty(), r.describe().constData());
    QCOMPARE(r.json.value("pins"_L1).toArray().first().toString(), m_leafPin);
    QHash<QString, QString> listed; // kid → alg
    const QJsonArray keys = r.json.value("keys"_L1).toArray();
    for (const auto &k : keys) {
        const QJsonObject o = k.toObject();
        QVERIFY2(!o.value("private"_L1).toBool(), r.describe().constData());
        listed.insert(o.value("kid"_L1).toString(), o.value("alg"_L1).toString());
    }
    QCOMPARE(listed.size(), kAlgorithms.size());
    for (const QString &alg : kAlgorithms)
        QCOMPARE(listed.value(m_kids.value(alg)), alg);
}

void OidcTest::accessTokens_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<bool>("clientSecretPost");
    for (const QString &alg : kAlgorithms)
        QTest::newRow(qPrintable(alg)) << alg << false;
    QTest::newRow("ES256, client_secret_post") << u"ES256"_s << true;
}

void OidcTest::accessTokens()
{
    QFETCH(QString, alg);
    QFETCH(bool, clientSecretPost);

    QString error;
    const QString token = accessToken(alg, clientSecretPost, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    const QJsonObject header = segment(token, 0);
    const QJsonObject payload = segment(token, 1);
    QCOMPARE(header.value("alg"_L1).toString(), alg);
    QCOMPARE(header.value("typ"_L1).toString(), u"at+jwt"_s);
    QCOMPARE(header.value("kid"_L1).toString(), m_kids.value(alg));
    QCOMPARE(payload.value("iss"_L1).toString(), m_issuer);
    QCOMPARE(payload.value("aud"_L1).toString(), resourceFor(alg));

    // Only --issuer and --ca (plus the audience the resource server checks).
    const Run r = runCli(QStringList {u"verify"_s, token, u"--aud"_s, resourceFor(alg), u"--json"_s} + issuerArgs());
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QVERIFY(r.json.value("valid"_L1).toBool());
    QCOMPARE(r.json.value("alg"_L1).toString(), alg);
    QCOMPARE(r.json.value("key"_L1).toObject().value("kid"_L1).toString(), m_kids.value(alg));

    // Stricter: pinned algorithm, issuer, exp required, and the JWK Set URL directly with a certificate pin.
    const Run strict
        = runCli({u"verify"_s, token, u"--jwks-url"_s, m_issuer + u"/jwks"_s, u"--ca"_s, file(u"ca.pem"_s), u"--pin"_s,
            m_leafPin, u"--alg"_s, alg, u"--iss"_s, m_issuer, u"--aud"_s, resourceFor(alg), u"--require-exp"_s});
    QVERIFY2(strict.exitCode == 0, strict.describe().constData());
    QVERIFY2(strict.out.startsWith("VALID"), strict.describe().constData());
    if (!m_verified.contains(alg))
        m_verified.append(alg);
}

void OidcTest::tampered_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("failedCheck");

    for (const auto *alg : {"RS256", "PS384", "ES256", "ES512", "EdDSA"}) {
        const QString a = QLatin1String(alg);
        QTest::addRow("%s: payload", alg) << a << u"payload"_s << u"signature"_s;
        QTest::addRow("%s: signature", alg) << a << u"signature"_s << u"signature"_s;
    }
    QTest::newRow("RS256: alg HS256") << u"RS256"_s << u"alg-hs256"_s << QString();
    QTest::newRow("ES256: other audience") << u"ES256"_s << u"audience"_s << u"aud"_s;
    QTest::newRow("PS256: unknown kid") << u"PS256"_s << u"kid"_s << u"key"_s;
}

void OidcTest::tampered()
{
    QFETCH(QString, alg);
    QFETCH(QString, change);
    QFETCH(QString, failedCheck);

    QString error;
    const QString token = accessToken(alg, false, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QStringList parts = token.split(u'.');
    QCOMPARE(parts.size(), 3);
    QString audience = resourceFor(alg);
    if (change == u"payload") {
        QJsonObject payload = segment(token, 1);
        payload.insert(u"scope"_s, u"api:read api:write admin"_s);
        parts[1] = encodeSegment(payload);
    } else if (change == u"signature") {
        QByteArray sig = QByteArray::fromBase64(
            parts[2].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        sig[sig.size() / 2] = char(sig[sig.size() / 2] ^ 0x01);
        parts[2] = QString::fromLatin1(sig.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    } else if (change == u"alg-hs256") {
        QJsonObject header = segment(token, 0);
        header.insert(u"alg"_s, u"HS256"_s);
        parts[0] = encodeSegment(header);
    } else if (change == u"kid") {
        QJsonObject header = segment(token, 0);
        header.insert(u"kid"_s, u"no-such-kid"_s);
        parts[0] = encodeSegment(header);
    } else if (change == u"audience") {
        audience = resourceFor(u"ES384"_s);
    }
    const Run r = runCli(QStringList {u"verify"_s, parts.join(u'.'), u"--aud"_s, audience, u"--json"_s} + issuerArgs());
    QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
    QVERIFY(!r.json.value("valid"_L1).toBool());
    if (failedCheck.isEmpty())
        return;
    const QJsonArray checks = r.json.value("checks"_L1).toArray();
    bool failed = false;
    for (const auto &c : checks)
        if (c.toObject().value("name"_L1).toString() == failedCheck)
            failed = !c.toObject().value("ok"_L1).toBool();
    QVERIFY2(failed, r.describe().constData());
}

// Rotation seen by the CLI, which fetches on every run: a new kid verifies as soon as it is published; once the
// old kid is removed, tokens signed with it fail with a key-not-found message.
void OidcTest::rotationThroughCli()
{
    const QString alg = u"ES256"_s;
    const QString oldKid = m_kids.value(alg);
    QString error;
    const QString oldToken = accessToken(alg, false, &error);
    QVERIFY2(!oldToken.isEmpty(), qPrintable(error));

    // 1. A new key is published and signs from now on; the old one stays published.
    const QJsonObject added = rotate(alg, u"add"_s);
    QVERIFY(!added.isEmpty());
    const QString newKid = added.value("kid"_L1).toString();
    QVERIFY(newKid != oldKid);
    QCOMPARE(added.value("added"_L1).toArray(), QJsonArray {newKid});
    QVERIFY(added.value("removed"_L1).toArray().isEmpty());
    const QString newToken = accessToken(alg, false, &error);
    QVERIFY2(!newToken.isEmpty(), qPrintable(error));
    QCOMPARE(segment(newToken, 0).value("kid"_L1).toString(), newKid);

    const Run listed = runCli(QStringList {u"jwks"_s, u"fetch"_s, u"--json"_s} + issuerArgs());
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    QStringList kids;
    const QJsonArray keys = listed.json.value("keys"_L1).toArray();
    for (const auto &k : keys)
        kids << k.toObject().value("kid"_L1).toString();
    QVERIFY2(kids.contains(oldKid) && kids.contains(newKid), listed.describe().constData());

    for (const QString &token : {oldToken, newToken}) {
        const Run r = runCli(QStringList {u"verify"_s, token, u"--aud"_s, resourceFor(alg)} + issuerArgs());
        QVERIFY2(r.exitCode == 0, r.describe().constData());
    }

    // 2. The old key is retired: the new token still verifies, the old one names its missing kid.
    const QJsonObject retired = rotate(alg, u"retire"_s);
    QCOMPARE(retired.value("removed"_L1).toArray(), QJsonArray {oldKid});
    const Run ok = runCli(QStringList {u"verify"_s, newToken, u"--aud"_s, resourceFor(alg)} + issuerArgs());
    QVERIFY2(ok.exitCode == 0, ok.describe().constData());
    const Run gone
        = runCli(QStringList {u"verify"_s, oldToken, u"--aud"_s, resourceFor(alg), u"--json"_s} + issuerArgs());
    QVERIFY2(gone.exitCode == 1, gone.describe().constData());
    QVERIFY(!gone.json.value("valid"_L1).toBool());
    bool keyFailed = false;
    const QJsonArray checks = gone.json.value("checks"_L1).toArray();
    for (const auto &c : checks) {
        const QJsonObject o = c.toObject();
        if (o.value("name"_L1).toString() == u"key" && !o.value("ok"_L1).toBool()) {
            keyFailed = true;
            const QString message = o.value("message"_L1).toString();
            QVERIFY2(message.contains(oldKid) && message.contains("matches no key"_L1), gone.describe().constData());
            QVERIFY2(message.contains(newKid), gone.describe().constData()); // the keys it does have are listed
        }
    }
    QVERIFY2(keyFailed, gone.describe().constData());
}

// Rotation seen through JwksCache (cache_duration 300 s, failed_jwk_key_cooldown 30 s) with a FixedClock and real
// fetches: a removed key keeps verifying from the cache until its entry expires; an unknown kid triggers one
// refetch (then the cooldown), which reports the rotation diff.
void OidcTest::rotationWithCache()
{
    using jwb::keysource::JwksFetcher;
    const QString alg = u"RS256"_s;
    jwb::keysource::NetworkOptions options;
    options.extraCa = m_ca;
    options.timeoutMs = 10000;
    auto clock = std::make_shared<jwb::common::FixedClock>(QDateTime::currentDateTimeUtc());
    const QDateTime start = clock->now();
    jwb::keysource::JwksCache cache(clock);
    cache.setTtl(300);
    cache.setCooldown(30);
    jwb::validation::Policy policy;
    policy.issuer = m_issuer;
    policy.audiences = {resourceFor(alg)};

    auto fetched = JwksFetcher::fetchBlocking(QUrl(m_issuer), true, options);
    QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
    const QUrl jwksUrl = fetched->jwksUrl;
    QCOMPARE(jwksUrl, QUrl(m_issuer + u"/jwks"_s));
    QVERIFY(cache.store(jwksUrl, fetched->keys).isEmpty());

    const QString oldKid = m_kids.value(alg);
    QString error;
    const QString oldToken = accessToken(alg, false, &error);
    QVERIFY2(!oldToken.isEmpty(), qPrintable(error));
    const QJsonObject replaced = rotate(alg, u"replace"_s);
    const QString newKid = replaced.value("kid"_L1).toString();
    QCOMPARE(replaced.value("removed"_L1).toArray(), QJsonArray {oldKid});
    const QString newToken = accessToken(alg, false, &error);
    QVERIFY2(!newToken.isEmpty(), qPrintable(error));

    // +60 s: the cached set still has the removed key (KrakenD keeps using it until the entry expires) and
    // lacks the new one.
    clock->setNow(start.addSecs(60));
    auto entry = cache.get(jwksUrl);
    QVERIFY(entry);
    QVERIFY(jwb::validation::Verifier::verify(oldToken, entry->keys, policy).valid);
    const auto miss = jwb::validation::Verifier::verify(newToken, entry->keys, policy);
    QVERIFY(!miss.valid);
    QVERIFY(miss.check(u"key"_s) && !miss.check(u"key"_s)->ok());

    // The unknown kid allows one refetch; the refetch reports the rotation.
    QVERIFY(cache.allowRefetchForMiss(jwksUrl, newKid));
    auto refetched = JwksFetcher::fetchBlocking(jwksUrl, false, options);
    QVERIFY2(refetched, qPrintable(refetched ? QString() : refetched.error().message));
    const auto rotation = cache.store(jwksUrl, refetched->keys);
    QCOMPARE(rotation.added, QStringList {newKid});
    QCOMPARE(rotation.removed, QStringList {oldKid});
    clock->setNow(start.addSecs(70));
    QVERIFY(!cache.allowRefetchForMiss(jwksUrl, newKid)); // within failed_jwk_key_cooldown
    entry = cache.get(jwksUrl);
    QVERIFY(entry);
    QVERIFY(jwb::validation::Verifier::verify(newToken, entry->keys, policy).valid);
    QVERIFY(!jwb::validation::Verifier::verify(oldToken, entry->keys, policy).valid);

    // Expiry: stored at +60, fresh until +360.
    clock->setNow(start.addSecs(359));
    QVERIFY(cache.get(jwksUrl));
    clock->setNow(start.addSecs(360));
    QVERIFY(!cache.get(jwksUrl));
    QVERIFY(cache.allowRefetchForMiss(jwksUrl, newKid)); // the cooldown is over too
}

QTEST_GUILESS_MAIN(OidcTest)
#include "tst_oidc.moc"
