// The pure pieces of oauth/OAuth.h: PKCE (RFC 7636 Appendix B), token and device answers (RFC 6749 §5, RFC 8628
// §3.2), client authentication (RFC 6749 §2.3.1 encoding, RFC 7523 assertion checked with the public key), the
// authorization URL, and the ID token checks of OIDC Core 3.1.3.7 (nonce, azp, aud) on tokens signed here.
#include "crypto/Backend.h"
#include "jose/Base64Url.h"
#include "keys/KeyGenerator.h"
#include "keys/TokenSigner.h"
#include "oauth/OAuth.h"
#include "validation/Verifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jwb;

namespace {

QJsonObject payloadOf(const QString &token)
{
    return QJsonDocument::fromJson(jose::Base64Url::decode(token.section(u'.', 1, 1).toLatin1()).valueOr({})).object();
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

QTEST_GUILESS_MAIN(OAuthTest)
#include "tst_oauth.moc"
