#include "oauth/OAuth.h"

#include "jose/Base64Url.h"
#include "keys/TokenSigner.h"
#include "validation/Verifier.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace jwb::oauth {

using common::Result;

namespace {

struct NamePair
{
    const char *name;
    int value;
};

constexpr NamePair kFlows[]
    = {{"client-credentials", int(Flow::ClientCredentials)}, {"auth-code", int(Flow::AuthorizationCode)},
        {"device", int(Flow::DeviceCode)}, {"refresh", int(Flow::RefreshToken)}};
constexpr NamePair kAuths[]
    = {{"none", int(ClientAuth::None)}, {"client_secret_basic", int(ClientAuth::ClientSecretBasic)},
        {"client_secret_post", int(ClientAuth::ClientSecretPost)}, {"private_key_jwt", int(ClientAuth::PrivateKeyJwt)}};

template<std::size_t N> QString nameOf(const NamePair (&table)[N], int value)
{
    for (const auto &p : table)
        if (p.value == value)
            return QLatin1String(p.name);
    return {};
}

template<std::size_t N> std::optional<int> valueOf(const NamePair (&table)[N], const QString &name)
{
    for (const auto &p : table)
        if (name == QLatin1String(p.name))
            return p.value;
    return std::nullopt;
}

QByteArray formEncode(const QString &value)
{
    // RFC 6749 §2.3.1: client id and secret are form-urlencoded before going into Basic.
    return QUrl::toPercentEncoding(value);
}

/// The server's RFC 6749 §5.2 error, when the body is one.
std::optional<common::Error> serverError(int status, const QJsonObject &o, const QUrl &endpoint)
{
    const QString error = o.value(QLatin1String("error")).toString();
    if (error.isEmpty())
        return std::nullopt;
    const QString description = o.value(QLatin1String("error_description")).toString();
    QVariantMap details {{QStringLiteral("error"), error}, {QStringLiteral("status"), status}};
    if (!description.isEmpty())
        details.insert(QStringLiteral("error_description"), description);
    if (o.contains(QLatin1String("error_uri")))
        details.insert(QStringLiteral("error_uri"), o.value(QLatin1String("error_uri")).toString());
    return common::Error {QStringLiteral("token_error"),
        QStringLiteral("%1 answered HTTP %2 with error \"%3\"%4")
            .arg(endpoint.toDisplayString())
            .arg(status)
            .arg(error, description.isEmpty() ? QString() : QStringLiteral(": %1").arg(description)),
        details};
}

Result<QJsonObject> jsonAnswer(int status, const QByteArray &body, const QUrl &endpoint, const QString &badCode)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error == QJsonParseError::NoError && doc.isObject()) {
        if (auto e = serverError(status, doc.object(), endpoint))
            return *e;
    }
    if (status < 200 || status > 299)
        return Result<QJsonObject>::failure(badCode,
            QStringLiteral("%1 answered HTTP %2 without an OAuth error: %3")
                .arg(endpoint.toDisplayString())
                .arg(status)
                .arg(QString::fromUtf8(body.left(200)).simplified()),
            {{QStringLiteral("status"), status}});
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Result<QJsonObject>::failure(badCode,
            QStringLiteral("%1 answered HTTP %2 with a body that is not a JSON object")
                .arg(endpoint.toDisplayString())
                .arg(status),
            {{QStringLiteral("status"), status}});
    return doc.object();
}

QUrl endpointUrl(const QJsonObject &document, const char *member)
{
    const QString value = document.value(QLatin1String(member)).toString();
    return value.isEmpty() ? QUrl() : QUrl(value, QUrl::StrictMode);
}

crypto::Algorithm assertionAlgorithm(const ClientSettings &client, const keys::Jwk &key)
{
    if (client.assertionAlg)
        return *client.assertionAlg;
    if (auto alg = key.algorithm())
        return *alg;
    const auto candidates = crypto::Algorithms::forKey(key.key.type(), key.key.curve());
    return candidates.isEmpty() ? crypto::Algorithm::RS256 : candidates.first();
}

void addFinding(validation::Report &report, const QString &code, const QString &message)
{
    report.findings.append(common::Finding {common::Severity::Error, code, QStringLiteral("payload"), message});
    report.valid = false;
}

} // namespace

QString flowName(Flow flow)
{
    return nameOf(kFlows, int(flow));
}

std::optional<Flow> flowFromName(const QString &name)
{
    const auto v = valueOf(kFlows, name);
    return v ? std::optional<Flow>(Flow(*v)) : std::nullopt;
}

QString clientAuthName(ClientAuth auth)
{
    return nameOf(kAuths, int(auth));
}

std::optional<ClientAuth> clientAuthFromName(const QString &name)
{
    const auto v = valueOf(kAuths, name);
    return v ? std::optional<ClientAuth>(ClientAuth(*v)) : std::nullopt;
}

Result<ProviderMetadata> ProviderMetadata::fromDocument(
    const QJsonObject &document, const QUrl &issuer, const QUrl &url)
{
    ProviderMetadata m;
    m.url = url;
    m.document = document;
    m.issuer = issuer;
    const struct
    {
        const char *member;
        QUrl *target;
    } endpoints[] = {{"authorization_endpoint", &m.authorizationEndpoint}, {"token_endpoint", &m.tokenEndpoint},
        {"device_authorization_endpoint", &m.deviceAuthorizationEndpoint}, {"jwks_uri", &m.jwksUri}};
    for (const auto &e : endpoints) {
        *e.target = endpointUrl(document, e.member);
        if (document.contains(QLatin1String(e.member))
            && (!e.target->isValid()
                || !QStringList {QStringLiteral("https"), QStringLiteral("http")}.contains(e.target->scheme())))
            return Result<ProviderMetadata>::failure(QStringLiteral("invalid_metadata"),
                QStringLiteral("the provider metadata %1 has a %2 that is not an http(s) URL: \"%3\"")
                    .arg(url.toDisplayString(), QLatin1String(e.member),
                        document.value(QLatin1String(e.member)).toVariant().toString()));
    }
    return m;
}

Pkce Pkce::generate()
{
    Pkce p;
    p.verifier = randomToken(32);
    p.challenge = challengeFor(p.verifier);
    return p;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return jose::Base64Url::encode(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return jose::Base64Url::encode(raw);
}

Result<TokenResponse> parseTokenResponse(int status, const QByteArray &body, const QUrl &endpoint)
{
    auto json = jsonAnswer(status, body, endpoint, QStringLiteral("invalid_token_response"));
    if (!json)
        return json.error();
    const QJsonObject &o = json.value();
    TokenResponse r;
    r.fields = o;
    r.accessToken = o.value(QLatin1String("access_token")).toString();
    r.tokenType = o.value(QLatin1String("token_type")).toString();
    r.idToken = o.value(QLatin1String("id_token")).toString();
    r.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    r.scope = o.value(QLatin1String("scope")).toString();
    if (o.value(QLatin1String("expires_in")).isDouble())
        r.expiresIn = qint64(o.value(QLatin1String("expires_in")).toDouble());
    if (r.accessToken.isEmpty())
        return Result<TokenResponse>::failure(QStringLiteral("invalid_token_response"),
            QStringLiteral("%1 answered HTTP %2 without an access_token (RFC 6749 §5.1)")
                .arg(endpoint.toDisplayString())
                .arg(status));
    return r;
}

Result<DeviceAuthorization> parseDeviceAuthorization(int status, const QByteArray &body, const QUrl &endpoint)
{
    auto json = jsonAnswer(status, body, endpoint, QStringLiteral("invalid_device_response"));
    if (!json)
        return json.error();
    const QJsonObject &o = json.value();
    DeviceAuthorization d;
    d.deviceCode = o.value(QLatin1String("device_code")).toString().toUtf8();
    d.userCode = o.value(QLatin1String("user_code")).toString();
    d.verificationUri = QUrl(o.value(QLatin1String("verification_uri")).toString());
    d.verificationUriComplete = QUrl(o.value(QLatin1String("verification_uri_complete")).toString());
    d.expiresIn = o.value(QLatin1String("expires_in")).toInt();
    if (o.value(QLatin1String("interval")).isDouble())
        d.intervalSeconds = qMax(1, o.value(QLatin1String("interval")).toInt());
    if (d.deviceCode.isEmpty() || d.userCode.isEmpty() || !d.verificationUri.isValid() || d.verificationUri.isEmpty())
        return Result<DeviceAuthorization>::failure(QStringLiteral("invalid_device_response"),
            QStringLiteral("%1 answered without device_code, user_code or verification_uri (RFC 8628 §3.2)")
                .arg(endpoint.toDisplayString()));
    return d;
}

Result<QString> clientAssertion(const ClientSettings &client, const QUrl &audience, qint64 nowSecs)
{
    if (client.privateKey.isEmpty())
        return Result<QString>::failure(QStringLiteral("no_client_key"),
            QStringLiteral("private_key_jwt needs the client's private key (RFC 7523 §2.2)"));
    const keys::Jwk &key = client.privateKey.keys.first();
    if (!key.key.isPrivate())
        return Result<QString>::failure(QStringLiteral("no_client_key"),
            QStringLiteral("the client key%1 is a public key: private_key_jwt signs with the private key")
                .arg(key.kid.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(key.kid)));
    const QJsonObject payload {{QStringLiteral("iss"), client.clientId}, {QStringLiteral("sub"), client.clientId},
        {QStringLiteral("aud"), audience.toString()}, {QStringLiteral("jti"), QString::fromLatin1(randomToken(16))},
        {QStringLiteral("iat"), nowSecs}, {QStringLiteral("exp"), nowSecs + 300}};
    auto signed_ = keys::TokenSigner::sign(assertionAlgorithm(client, key), client.privateKey, payload);
    if (!signed_)
        return signed_.error();
    return signed_->token;
}

void addScopeParameters(QUrlQuery &form, const ClientSettings &client)
{
    if (!client.scopes.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), client.scopes.join(u' '));
    for (const QString &a : client.audiences)
        form.addQueryItem(QStringLiteral("audience"), a);
    for (const QString &r : client.resources)
        form.addQueryItem(QStringLiteral("resource"), r);
}

Result<keysource::HttpRequestSpec> tokenRequest(
    const ClientSettings &client, const QUrl &endpoint, QUrlQuery form, qint64 nowSecs)
{
    keysource::HttpRequestSpec spec;
    spec.method = "POST";
    spec.anyStatus = true;
    spec.headers.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    spec.headers.append(std::make_pair(QByteArray("Accept"), QByteArray("application/json")));
    const bool secret = client.auth == ClientAuth::ClientSecretBasic || client.auth == ClientAuth::ClientSecretPost;
    if (secret && client.clientSecret.isEmpty())
        return Result<keysource::HttpRequestSpec>::failure(QStringLiteral("no_client_secret"),
            QStringLiteral("%1 needs the client secret of \"%2\"").arg(clientAuthName(client.auth), client.clientId));
    switch (client.auth) {
    case ClientAuth::ClientSecretBasic: {
        const QByteArray pair = formEncode(client.clientId) + ':' + formEncode(QString::fromUtf8(client.clientSecret));
        spec.headers.append(std::make_pair(QByteArray("Authorization"), QByteArray("Basic ") + pair.toBase64()));
    } break;
    case ClientAuth::ClientSecretPost:
        form.addQueryItem(QStringLiteral("client_id"), client.clientId);
        form.addQueryItem(QStringLiteral("client_secret"), QString::fromUtf8(client.clientSecret));
        break;
    case ClientAuth::PrivateKeyJwt: {
        auto assertion = clientAssertion(client, endpoint, nowSecs);
        if (!assertion)
            return assertion.error();
        form.addQueryItem(QStringLiteral("client_id"), client.clientId);
        form.addQueryItem(QStringLiteral("client_assertion_type"),
            QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
        form.addQueryItem(QStringLiteral("client_assertion"), assertion.value());
        break;
    }
    case ClientAuth::None:
        form.addQueryItem(QStringLiteral("client_id"), client.clientId);
        break;
    }
    // QUrlQuery leaves '+' alone, which a form decoder reads as a space: encode it (and keep the rest).
    spec.body = form.query(QUrl::FullyEncoded).toUtf8().replace("+", "%2B");
    return spec;
}

QUrl authorizationUrl(const ProviderMetadata &metadata, const ClientSettings &client, const QUrl &redirectUri,
    const QByteArray &state, const QByteArray &nonce, const QByteArray &codeChallenge)
{
    QUrl url = metadata.authorizationEndpoint;
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), client.clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), redirectUri.toString());
    addScopeParameters(q, client);
    q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
    if (!nonce.isEmpty())
        q.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(nonce));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QString query = q.query(QUrl::FullyEncoded);
    url.setQuery(query.replace(u'+', QStringLiteral("%2B")), QUrl::StrictMode);
    return url;
}

validation::Report checkIdToken(const QString &idToken, const keys::JwkSet &issuerKeys, const QString &issuer,
    const QString &clientId, const QByteArray &nonce)
{
    validation::Policy policy;
    policy.issuer = issuer;
    policy.audiences = {clientId};
    policy.requireExp = true;
    validation::Report report = validation::Verifier::verify(idToken, issuerKeys, policy);
    if (report.malformed)
        return report;
    const QJsonObject payload = report.inspection.token.payload;
    const QJsonValue aud = payload.value(QLatin1String("aud"));
    const QJsonValue azp = payload.value(QLatin1String("azp"));
    if (aud.isArray() && aud.toArray().size() > 1 && !azp.isString())
        addFinding(report, QStringLiteral("id_token_azp"),
            QStringLiteral("the ID token has several audiences but no azp (OpenID Connect Core 3.1.3.7, item 4)"));
    else if (azp.isString() && azp.toString() != clientId)
        addFinding(report, QStringLiteral("id_token_azp"),
            QStringLiteral("the ID token's azp is \"%1\", not the client id \"%2\" (OpenID Connect Core 3.1.3.7, "
                           "item 5)")
                .arg(azp.toString(), clientId));
    if (!nonce.isEmpty()) {
        const QJsonValue got = payload.value(QLatin1String("nonce"));
        if (!got.isString())
            addFinding(report, QStringLiteral("id_token_nonce"),
                QStringLiteral("the ID token has no nonce, but one was sent (OpenID Connect Core 3.1.3.7, item 11)"));
        else if (got.toString().toUtf8() != nonce)
            addFinding(report, QStringLiteral("id_token_nonce"),
                QStringLiteral("the ID token's nonce is not the one sent with the request: a replayed or "
                               "injected token (OpenID Connect Core 3.1.3.7, item 11)"));
    }
    return report;
}

std::optional<validation::Report> checkAccessToken(
    const QString &accessToken, const keys::JwkSet &issuerKeys, const QString &issuer)
{
    if (accessToken.count(u'.') != 2)
        return std::nullopt;
    validation::Policy policy;
    policy.issuer = issuer;
    validation::Report report = validation::Verifier::verify(accessToken, issuerKeys, policy);
    if (report.malformed)
        return std::nullopt;
    return report;
}

} // namespace jwb::oauth
