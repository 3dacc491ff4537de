#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "keys/JwkSet.h"
#include "keysource/HttpFetch.h"
#include "keysource/NetworkOptions.h"
#include "validation/Report.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

/// OAuth 2.0 / OpenID Connect client side: getting tokens from an identity provider (issue #22, part 1). The pure
/// pieces (metadata, PKCE, client authentication, token and device answers, ID token checks) live here; the flows
/// run asynchronously in oauth::OAuthClient.
///
/// Secrets (the client secret, refresh tokens, device codes, PKCE verifiers, authorization codes) never go into an
/// error message, a stage text or a log line.
namespace jwb::oauth {

enum class Flow { ClientCredentials, AuthorizationCode, DeviceCode, RefreshToken };

/// "client-credentials", "auth-code", "device", "refresh" (the CLI's --flow values).
[[nodiscard]] QString flowName(Flow flow);
[[nodiscard]] std::optional<Flow> flowFromName(const QString &name);

/// How the client authenticates at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2 as OIDC Core §9 names them).
enum class ClientAuth { None, ClientSecretBasic, ClientSecretPost, PrivateKeyJwt };

/// "none", "client_secret_basic", "client_secret_post", "private_key_jwt".
[[nodiscard]] QString clientAuthName(ClientAuth auth);
[[nodiscard]] std::optional<ClientAuth> clientAuthFromName(const QString &name);

/// Everything a flow needs to know about the client and the provider.
struct ClientSettings
{
    QUrl issuer;
    QString clientId;
    ClientAuth auth = ClientAuth::None;
    QByteArray clientSecret; ///< client_secret_basic / _post; never logged, never in a workspace file
    keys::JwkSet privateKey; ///< private_key_jwt: the client's private key
    std::optional<crypto::Algorithm> assertionAlg; ///< private_key_jwt; empty: the key's JWK alg, else its default
    QStringList scopes;
    QStringList audiences; ///< `audience` parameters (Auth0, Okta and others)
    QStringList resources; ///< RFC 8707 resource indicators
    keysource::NetworkOptions network; ///< the same TLS options as key sources
    int interactionTimeoutMs = 5 * 60 * 1000; ///< the browser or device step: how long the user has
};

/// The provider's metadata (OpenID Connect Discovery 1.0 or RFC 8414).
struct ProviderMetadata
{
    QUrl url; ///< the document read
    QJsonObject document;
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QUrl jwksUri;

    /// Reads the endpoints of a discovery document already checked for its issuer (keysource::JwksFetcher).
    /// Errors: invalid_metadata (an endpoint that is not an absolute http(s) URL).
    [[nodiscard]] static common::Result<ProviderMetadata> fromDocument(
        const QJsonObject &document, const QUrl &issuer, const QUrl &url);
};

/// RFC 7636 PKCE with S256.
struct Pkce
{
    QByteArray verifier; ///< 43 characters of base64url (32 random bytes)
    QByteArray challenge; ///< BASE64URL(SHA-256(verifier))

    [[nodiscard]] static Pkce generate();
    [[nodiscard]] static QByteArray challengeFor(const QByteArray &verifier);
};

/// `bytes` random bytes from the system generator, base64url without padding (state, nonce, jti).
[[nodiscard]] QByteArray randomToken(int bytes = 32);

/// A successful token endpoint answer (RFC 6749 §5.1).
struct TokenResponse
{
    QJsonObject fields; ///< every member, as received
    QString accessToken;
    QString tokenType;
    QString idToken;
    QString refreshToken;
    QString scope;
    qint64 expiresIn = -1;
};

/// A token endpoint (or device authorization endpoint) answer: 200 with a JSON object holding access_token, or an
/// error. Errors: token_error (RFC 6749 §5.2: details error, error_description, error_uri, status; the message
/// quotes them), invalid_token_response (not JSON, no access_token).
[[nodiscard]] common::Result<TokenResponse> parseTokenResponse(
    int status, const QByteArray &body, const QUrl &endpoint);

/// RFC 8628 §3.2 device authorization response.
struct DeviceAuthorization
{
    QByteArray deviceCode; ///< a secret: never shown
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete;
    int intervalSeconds = 5;
    int expiresIn = 0;
};

/// Errors: token_error (the endpoint's error answer), invalid_device_response.
[[nodiscard]] common::Result<DeviceAuthorization> parseDeviceAuthorization(
    int status, const QByteArray &body, const QUrl &endpoint);

/// A token request's headers and form body with the client authentication applied (RFC 6749 §2.3.1 for the
/// secrets; RFC 7523 §2.2 for private_key_jwt: a JWT signed with the client's key, iss = sub = client_id, aud = the
/// token endpoint, a random jti, iat, exp five minutes later). `nowSecs` is the time the assertion is made.
/// Errors: no_client_secret, no_client_key, and those of keys::TokenSigner.
[[nodiscard]] common::Result<keysource::HttpRequestSpec> tokenRequest(
    const ClientSettings &client, const QUrl &endpoint, QUrlQuery form, qint64 nowSecs);

/// The client assertion alone (private_key_jwt).
[[nodiscard]] common::Result<QString> clientAssertion(
    const ClientSettings &client, const QUrl &audience, qint64 nowSecs);

/// The authorization request URL (RFC 6749 §4.1.1, RFC 7636, OIDC Core 3.1.2.1 nonce, RFC 8707 resource).
[[nodiscard]] QUrl authorizationUrl(const ProviderMetadata &metadata, const ClientSettings &client,
    const QUrl &redirectUri, const QByteArray &state, const QByteArray &nonce, const QByteArray &codeChallenge);

/// The scope, audience and resource parameters of `client` added to `form`.
void addScopeParameters(QUrlQuery &form, const ClientSettings &client);

/// An ID token checked with the issuer's keys (validation::Verifier: signature, iss = the issuer, aud contains the
/// client id, exp required) plus what OIDC Core 3.1.3.7 adds: with several audiences `azp` must be present, and
/// an `azp` must equal the client id; the `nonce` sent must come back (when one was sent; a refresh answer's ID
/// token may omit it, OIDC Core 12.2). The extra checks are findings with codes id_token_nonce and id_token_azp;
/// the report is invalid when any fails.
[[nodiscard]] validation::Report checkIdToken(const QString &idToken, const keys::JwkSet &issuerKeys,
    const QString &issuer, const QString &clientId, const QByteArray &nonce);

/// An access token that is a JWT, checked with the issuer's keys and issuer only (its audience is the resource
/// server's business). Not a JWT: nullopt.
[[nodiscard]] std::optional<validation::Report> checkAccessToken(
    const QString &accessToken, const keys::JwkSet &issuerKeys, const QString &issuer);

/// The whole outcome of a flow: the token endpoint's answer plus the checks on the tokens in it.
struct FlowResult
{
    Flow flow = Flow::ClientCredentials;
    ProviderMetadata metadata;
    TokenResponse response;
    keys::JwkSet issuerKeys;
    std::optional<validation::Report> idTokenReport;
    std::optional<validation::Report> accessTokenReport;
};

} // namespace jwb::oauth
