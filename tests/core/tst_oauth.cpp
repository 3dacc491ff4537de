// The pure pieces of oauth/OAuth.h: PKCE (RFC 7636 Appendix B), token and device answers (RFC 6749 §5, RFC 8628
// §3.2), client authentication (RFC 6749 §2.3.1 encoding, RFC 7523 assertion checked with the public key), the
// authorization URL, and the ID token checks of OIDC Core 3.1.3.7 (nonce, azp, aud) on tokens signed here.
#include "crypto/Backend.h"
#include "jose/Base64Url.h"
#include "keys/KeyGenerator.h"
#include "keys/TokenSigner.h"
#include "oauth/OAuth.h"
#include "oauth/OAuthClient.h"
#include "validation/Verifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using namespace Qt::StringLiterals;
using namespace jwb;

namespace {

QJsonObject payloadOf(const QString &token)
{
    return QJsonDocument::fromJson(jose::Base64Url::decode(token.section(u'.', 1, 1).toLatin1()).valueOr({})).object();
}

/// A plain-http identity provider for the flows' edge cases (the client runs with NetworkOptions::insecure): each
/// request goes to `handler`, which answers a status and a JSON body.
class FakeProvider : public QObject
{
public:
    using Handler = std::function<std::pair<int, QByteArray>(const QString &path, const QByteArray &body)>;

    explicit FakeProvider(Handler handler) : m_handler(std::move(handler))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] QString url(const QString &path = {}) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    QStringList requests; ///< "METHOD PATH", in order

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end).toLower();
        const qsizetype lengthAt = head.indexOf("content-length:");
        const int length = lengthAt < 0
            ? 0
            : head.mid(lengthAt + 15, head.indexOf('\r', lengthAt) - lengthAt - 15).trimmed().toInt();
        if (buffer.size() < end + 4 + length)
            return;
        const QList<QByteArray> line = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const QString path = QString::fromLatin1(line.value(1));
        requests << QString::fromLatin1(line.value(0)) + u' ' + path;
        const auto [status, body] = m_handler(path, buffer.mid(end + 4, length));
        m_buffers.remove(socket);
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
            + "Connection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

oauth::ClientSettings fakeClient(const QString &issuer)
{
    oauth::ClientSettings client;
    client.issuer = QUrl(issuer);
    client.clientId = QStringLiteral("c1");
    client.network.insecure = true;
    client.network.timeoutMs = 5000;
    return client;
}

} // namespace

class OAuthTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pkce();
    void names();
    void tokenResponse_data();
    void tokenResponse();
    void deviceAuthorization();
    void clientSecretBasic();
    void clientSecretPost();
    void privateKeyJwt();
    void authorizationUrl();
    void idToken_data();
    void idToken();
    void rfc8414MetadataWithoutKeys();
    void devicePolling_data();
    void devicePolling();

private:
    keys::JwkSet m_issuerKeys;
    keys::JwkSet m_otherKeys;
};

void OAuthTest::initTestCase()
{
    crypto::Backend::initialize();
    auto issuer = keys::KeyGenerator::generate(crypto::Algorithm::ES256, keys::KeyIdRule::fixed(u"issuer-1"_s));
    auto other = keys::KeyGenerator::generate(crypto::Algorithm::ES256, keys::KeyIdRule::fixed(u"issuer-1"_s));
    QVERIFY(issuer && other);
    m_issuerKeys = keys::JwkSet::fromKey(issuer.value(), u"JWK"_s);
    m_otherKeys = keys::JwkSet::fromKey(other.value(), u"JWK"_s);
}

void OAuthTest::pkce()
{
    // RFC 7636 Appendix B.
    QCOMPARE(oauth::Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const oauth::Pkce a = oauth::Pkce::generate();
    const oauth::Pkce b = oauth::Pkce::generate();
    QCOMPARE(a.verifier.size(), 43); // RFC 7636 §4.1: 43 to 128 characters
    QVERIFY(a.verifier != b.verifier);
    QCOMPARE(a.challenge, oauth::Pkce::challengeFor(a.verifier));
}

void OAuthTest::names()
{
    for (auto flow : {oauth::Flow::ClientCredentials, oauth::Flow::AuthorizationCode, oauth::Flow::DeviceCode,
             oauth::Flow::RefreshToken})
        QCOMPARE(oauth::flowFromName(oauth::flowName(flow)), flow);
    QCOMPARE(oauth::flowName(oauth::Flow::AuthorizationCode), u"auth-code"_s);
    QVERIFY(!oauth::flowFromName(u"implicit"_s));
    QCOMPARE(oauth::clientAuthFromName(u"private_key_jwt"_s), oauth::ClientAuth::PrivateKeyJwt);
    QVERIFY(!oauth::clientAuthFromName(u"tls_client_auth"_s));
}

void OAuthTest::tokenResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("ok") << 200 << QByteArray(R"({"access_token":"a.b.c","token_type":"Bearer","expires_in":60})")
                        << QString() << QString();
    QTest::newRow("invalid_client") << 401
                                    << QByteArray(R"({"error":"invalid_client","error_description":"bad secret"})")
                                    << u"token_error"_s << u"HTTP 401 with error \"invalid_client\": bad secret"_s;
    QTest::newRow("error without description")
        << 400 << QByteArray(R"({"error":"invalid_grant"})") << u"token_error"_s << u"error \"invalid_grant\""_s;
    QTest::newRow("HTML 502") << 502 << QByteArray("<html>Bad gateway</html>") << u"invalid_token_response"_s
                              << u"HTTP 502 without an OAuth error"_s;
    QTest::newRow("200 without access_token") << 200 << QByteArray(R"({"token_type":"Bearer"})")
                                              << u"invalid_token_response"_s << u"without an access_token"_s;
    QTest::newRow("200 not JSON") << 200 << QByteArray("access_token=x") << u"invalid_token_response"_s
                                  << u"not a JSON object"_s;
}

void OAuthTest::tokenResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    const auto r = oauth::parseTokenResponse(status, body, QUrl(u"https://idp.test/token"_s));
    if (code.isEmpty()) {
        QVERIFY(r);
        QCOMPARE(r->accessToken, u"a.b.c"_s);
        QCOMPARE(r->expiresIn, 60);
        QCOMPARE(r->fields.size(), 3);
        return;
    }
    QVERIFY(!r);
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(u"https://idp.test/token"_s));
    if (code == u"token_error")
        QCOMPARE(r.error().details.value(u"status"_s).toInt(), status);
}

void OAuthTest::deviceAuthorization()
{
    const QUrl endpoint(u"https://idp.test/device/auth"_s);
    const auto d = oauth::parseDeviceAuthorization(200,
        R"({"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https://idp.test/device",)"
        R"("verification_uri_complete":"https://idp.test/device?user_code=ABCD-EFGH","expires_in":600,"interval":7})",
        endpoint);
    QVERIFY(d);
    QCOMPARE(d->userCode, u"ABCD-EFGH"_s);
    QCOMPARE(d->intervalSeconds, 7);
    QCOMPARE(d->expiresIn, 600);
    const auto defaultInterval = oauth::parseDeviceAuthorization(
        200, R"({"device_code":"dc","user_code":"X","verification_uri":"https://idp.test/device"})", endpoint);
    QVERIFY(defaultInterval);
    QCOMPARE(defaultInterval->intervalSeconds, 5); // RFC 8628 §3.2
    const auto missing = oauth::parseDeviceAuthorization(200, R"({"user_code":"X"})", endpoint);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, u"invalid_device_response"_s);
    const auto refused = oauth::parseDeviceAuthorization(400, R"({"error":"invalid_scope"})", endpoint);
    QVERIFY(!refused);
    QCOMPARE(refused.error().details.value(u"error"_s).toString(), u"invalid_scope"_s);
}

void OAuthTest::clientSecretBasic()
{
    oauth::ClientSettings client;
    client.clientId = u"my client"_s;
    client.clientSecret = "p@ss:word+1";
    client.auth = oauth::ClientAuth::ClientSecretBasic;
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    const auto spec = oauth::tokenRequest(client, QUrl(u"https://idp.test/token"_s), form, 1000);
    QVERIFY(spec);
    QByteArray authorization;
    for (const auto &h : spec->headers)
        if (h.first == "Authorization")
            authorization = h.second;
    // RFC 6749 §2.3.1: form-urlencoded, then Basic.
    QCOMPARE(QByteArray::fromBase64(authorization.mid(6)), QByteArray("my%20client:p%40ss%3Aword%2B1"));
    QCOMPARE(spec->body, QByteArray("grant_type=client_credentials"));
    QCOMPARE(spec->method, QByteArray("POST"));

    client.clientSecret.clear();
    const auto none = oauth::tokenRequest(client, QUrl(u"https://idp.test/token"_s), form, 1000);
    QVERIFY(!none);
    QCOMPARE(none.error().code, u"no_client_secret"_s);
}

void OAuthTest::clientSecretPost()
{
    oauth::ClientSettings client;
    client.clientId = u"c"_s;
    client.clientSecret = "a+b c";
    client.auth = oauth::ClientAuth::ClientSecretPost;
    client.scopes = {u"openid"_s, u"api:read"_s};
    client.resources = {u"https://api.test/"_s};
    QUrlQuery form;
    oauth::addScopeParameters(form, client);
    const auto spec = oauth::tokenRequest(client, QUrl(u"https://idp.test/token"_s), form, 1000);
    QVERIFY(spec);
    const QUrlQuery sent(QString::fromUtf8(spec->body));
    QCOMPARE(sent.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded), u"a+b c"_s);
    QVERIFY(spec->body.contains("a%2Bb"));
    QCOMPARE(sent.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"openid api:read"_s);
    QCOMPARE(sent.queryItemValue(u"resource"_s, QUrl::FullyDecoded), u"https://api.test/"_s);
}

void OAuthTest::privateKeyJwt()
{
    auto key = keys::KeyGenerator::generate(crypto::Algorithm::ES256, keys::KeyIdRule::fixed(u"client-1"_s));
    QVERIFY(key);
    oauth::ClientSettings client;
    client.clientId = u"pk-client"_s;
    client.auth = oauth::ClientAuth::PrivateKeyJwt;
    client.privateKey = keys::JwkSet::fromKey(key.value(), u"JWK"_s);
    const QUrl endpoint(u"https://idp.test/token"_s);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto spec = oauth::tokenRequest(client, endpoint, QUrlQuery(), now);
    QVERIFY(spec);
    const QUrlQuery sent(QString::fromUtf8(spec->body));
    QCOMPARE(sent.queryItemValue(u"client_assertion_type"_s, QUrl::FullyDecoded),
        u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    const QString assertion = sent.queryItemValue(u"client_assertion"_s, QUrl::FullyDecoded);
    const QJsonObject claims = payloadOf(assertion);
    QCOMPARE(claims.value("iss"_L1).toString(), u"pk-client"_s);
    QCOMPARE(claims.value("sub"_L1).toString(), u"pk-client"_s);
    QCOMPARE(claims.value("aud"_L1).toString(), endpoint.toString());
    QCOMPARE(claims.value("exp"_L1).toInteger(), now + 300);
    QVERIFY(!claims.value("jti"_L1).toString().isEmpty());
    QVERIFY(claims.value("jti"_L1) != payloadOf(oauth::clientAssertion(client, endpoint, now).value()).value("jti"_L1));
    // Verifies with the public key only.
    keys::JwkSet publicSet = keys::JwkSet::fromKey(keys::Jwk::fromJson(key->publicJson()).value(), u"JWK"_s);
    validation::Policy policy;
    policy.audiences = {endpoint.toString()};
    QVERIFY(validation::Verifier::verify(assertion, publicSet, policy).valid);

    client.privateKey = publicSet;
    const auto publicOnly = oauth::clientAssertion(client, endpoint, now);
    QVERIFY(!publicOnly);
    QCOMPARE(publicOnly.error().code, u"no_client_key"_s);
}

void OAuthTest::authorizationUrl()
{
    oauth::ProviderMetadata m;
    m.authorizationEndpoint = QUrl(u"https://idp.test/auth?tenant=1"_s);
    oauth::ClientSettings client;
    client.clientId = u"native"_s;
    client.scopes = {u"openid"_s};
    const QUrl url = oauth::authorizationUrl(
        m, client, QUrl(u"http://127.0.0.1:5555/callback"_s), "st+ate", "nonce1", "challenge1");
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(u"tenant"_s), u"1"_s);
    QCOMPARE(q.queryItemValue(u"response_type"_s), u"code"_s);
    QCOMPARE(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), u"http://127.0.0.1:5555/callback"_s);
    QCOMPARE(q.queryItemValue(u"state"_s, QUrl::FullyDecoded), u"st+ate"_s);
    QCOMPARE(q.queryItemValue(u"nonce"_s), u"nonce1"_s);
    QCOMPARE(q.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(q.queryItemValue(u"code_challenge"_s), u"challenge1"_s);
}

void OAuthTest::idToken_data()
{
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<QByteArray>("nonceSent");
    QTest::addColumn<QString>("failure"); // a finding code, a failed check name, or empty when valid

    const QJsonObject good {{u"nonce"_s, u"n-1"_s}};
    QTest::newRow("valid") << good << false << QByteArray("n-1") << QString();
    QTest::newRow("valid, no nonce asked (refresh)") << QJsonObject {} << false << QByteArray() << QString();
    QTest::newRow("nonce differs") << QJsonObject {{u"nonce"_s, u"n-2"_s}} << false << QByteArray("n-1")
                                   << u"id_token_nonce"_s;
    QTest::newRow("nonce missing") << QJsonObject {} << false << QByteArray("n-1") << u"id_token_nonce"_s;
    QTest::newRow("azp of another client") << QJsonObject {{u"nonce"_s, u"n-1"_s}, {u"azp"_s, u"other"_s}} << false
                                           << QByteArray("n-1") << u"id_token_azp"_s;
    QTest::newRow("several audiences, no azp") << QJsonObject {{u"aud"_s, QJsonArray {u"client-a"_s, u"other"_s}}}
                                               << false << QByteArray() << u"id_token_azp"_s;
    QTest::newRow("several audiences, azp = client")
        << QJsonObject {{u"aud"_s, QJsonArray {u"client-a"_s, u"other"_s}}, {u"azp"_s, u"client-a"_s}} << false
        << QByteArray() << QString();
    QTest::newRow("aud of another client") << QJsonObject {{u"aud"_s, u"other"_s}} << false << QByteArray() << u"aud"_s;
    QTest::newRow("another issuer") << QJsonObject {{u"iss"_s, u"https://evil.test"_s}} << false << QByteArray()
                                    << u"iss"_s;
    QTest::newRow("signed by another key") << QJsonObject {} << true << QByteArray() << u"signature"_s;
}

void OAuthTest::idToken()
{
    QFETCH(QJsonObject, extra);
    QFETCH(bool, otherKey);
    QFETCH(QByteArray, nonceSent);
    QFETCH(QString, failure);

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims {{u"iss"_s, u"https://idp.test"_s}, {u"sub"_s, u"alice"_s}, {u"aud"_s, u"client-a"_s},
        {u"iat"_s, now}, {u"exp"_s, now + 300}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        claims.insert(it.key(), it.value());
    const auto token = keys::TokenSigner::sign(crypto::Algorithm::ES256, otherKey ? m_otherKeys : m_issuerKeys, claims);
    QVERIFY(token);
    const validation::Report report
        = oauth::checkIdToken(token->token, m_issuerKeys, u"https://idp.test"_s, u"client-a"_s, nonceSent);
    QCOMPARE(report.valid, failure.isEmpty());
    if (failure.isEmpty())
        return;
    bool found = false;
    for (const auto &f : report.findings)
        found = found || f.code == failure;
    if (const auto *check = report.check(failure))
        found = found || check->failed();
    QVERIFY2(found, qPrintable(failure));
}

// No OpenID configuration (404): the RFC 8414 document is used; it has no jwks_uri, which a client may live with.
// The opaque access token is not judged.
void OAuthTest::rfc8414MetadataWithoutKeys()
{
    QString issuer;
    FakeProvider idp([&issuer](const QString &path, const QByteArray &) -> std::pair<int, QByteArray> {
        if (path == u"/.well-known/oauth-authorization-server")
            return {200,
                QJsonDocument(QJsonObject {{u"issuer"_s, issuer}, {u"token_endpoint"_s, QString(issuer + u"/token"_s)}})
                    .toJson()};
        if (path == u"/token")
            return {200, R"({"access_token":"opaque-123","token_type":"Bearer"})"};
        return {404, "{}"};
    });
    issuer = idp.url();
    auto client = fakeClient(issuer);
    client.auth = oauth::ClientAuth::ClientSecretPost;
    client.clientSecret = "s";
    const auto r = oauth::OAuthClient::runBlocking(oauth::Flow::ClientCredentials, client, {}, {});
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->response.accessToken, u"opaque-123"_s);
    QCOMPARE(r->metadata.url.path(), u"/.well-known/oauth-authorization-server"_s);
    QVERIFY(r->issuerKeys.isEmpty());
    QVERIFY(!r->accessTokenReport);
    QCOMPARE(idp.requests,
        (QStringList {u"GET /.well-known/openid-configuration"_s, u"GET /.well-known/oauth-authorization-server"_s,
            u"POST /token"_s}));
}

void OAuthTest::devicePolling_data()
{
    QTest::addColumn<QStringList>("answers"); // the token endpoint's errors, in order; "" = the token
    QTest::addColumn<QString>("code"); // the flow's error code, empty on success
    QTest::addColumn<int>("minMs"); // polls at 1 s, +5 s after slow_down (timers may fire up to 5 % early)
    QTest::newRow("pending, then the token")
        << QStringList {u"authorization_pending"_s, QString()} << QString() << 1800;
    QTest::newRow("slow_down adds 5 s") << QStringList {u"slow_down"_s, QString()} << QString() << 6500;
    QTest::newRow("expired_token") << QStringList {u"expired_token"_s} << u"expired_token"_s << 900;
    QTest::newRow("access_denied") << QStringList {u"access_denied"_s} << u"access_denied"_s << 900;
}

void OAuthTest::devicePolling()
{
    QFETCH(QStringList, answers);
    QFETCH(QString, code);
    QFETCH(int, minMs);
    QString issuer;
    int polls = 0;
    FakeProvider idp([&](const QString &path, const QByteArray &body) -> std::pair<int, QByteArray> {
        if (path == u"/.well-known/openid-configuration")
            return {200,
                QJsonDocument(QJsonObject {{u"issuer"_s, issuer}, {u"token_endpoint"_s, QString(issuer + u"/token"_s)},
                                  {u"device_authorization_endpoint"_s, QString(issuer + u"/device"_s)}})
                    .toJson()};
        if (path == u"/device")
            return {200,
                QJsonDocument(QJsonObject {{u"device_code"_s, u"dc-1"_s}, {u"user_code"_s, u"WXYZ"_s},
                                  {u"verification_uri"_s, QString(issuer + u"/verify"_s)}, {u"interval"_s, 1},
                                  {u"expires_in"_s, 60}})
                    .toJson()};
        if (QUrlQuery(QString::fromUtf8(body)).queryItemValue(u"device_code"_s) != u"dc-1")
            return {400, R"({"error":"invalid_grant"})"};
        const QString error = answers.value(polls++);
        if (error.isEmpty())
            return {200, R"({"access_token":"at-1","token_type":"Bearer"})"};
        return {400, QJsonDocument(QJsonObject {{u"error"_s, error}}).toJson()};
    });
    issuer = idp.url();
    QString userCode;
    oauth::OAuthClient::Callbacks callbacks;
    callbacks.onDevice = [&userCode](const oauth::DeviceAuthorization &d) { userCode = d.userCode; };
    QElapsedTimer timer;
    timer.start();
    const auto r = oauth::OAuthClient::runBlocking(oauth::Flow::DeviceCode, fakeClient(issuer), {}, callbacks);
    QCOMPARE(userCode, u"WXYZ"_s);
    QVERIFY2(timer.elapsed() >= minMs, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(polls, answers.size());
    if (code.isEmpty()) {
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->response.accessToken, u"at-1"_s);
        return;
    }
    QVERIFY(!r);
    QCOMPARE(r.error().code, code);
}

QTEST_GUILESS_MAIN(OAuthTest)
#include "tst_oauth.moc"
