#include "oauth/OAuthClient.h"

#include "common/Clock.h"
#include "keysource/HttpFetch.h"
#include "keysource/JwksFetcher.h"
#include "oauth/LoopbackRedirect.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace jwb::oauth {

using common::Result;

namespace {

const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

common::Error flowError(const QString &code, const QString &message, QVariantMap details = {})
{
    return common::Error {code, message, std::move(details)};
}

} // namespace

OAuthClient::OAuthClient(QNetworkAccessManager *manager, ClientSettings settings, QObject *parent)
    : QObject(parent), m_manager(manager), m_settings(std::move(settings))
{
    m_interactionTimer.setSingleShot(true);
    connect(&m_interactionTimer, &QTimer::timeout, this, [this] {
        fail(flowError(QStringLiteral("interaction_timeout"),
            QStringLiteral("no sign-in within %1 s: the %2 flow was given up")
                .arg(m_settings.interactionTimeoutMs / 1000)
                .arg(flowName(m_flow))));
    });
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &OAuthClient::pollDevice);
    connect(&m_cancelPoll, &QTimer::timeout, this, [this] {
        if (m_cancelToken && m_cancelToken->isCancelled())
            cancel();
    });
}

OAuthClient::~OAuthClient() = default;

void OAuthClient::setCancelToken(const common::CancelToken &token)
{
    m_cancelToken = token;
    m_cancelPoll.start(50);
}

void OAuthClient::start(Flow flow)
{
    m_flow = flow;
    m_partial = FlowResult {};
    m_partial.flow = flow;
    if (m_settings.clientId.isEmpty()) {
        fail(flowError(QStringLiteral("usage"), QStringLiteral("the client id is empty")));
        return;
    }
    if (flow == Flow::RefreshToken && m_refreshToken.isEmpty()) {
        fail(flowError(QStringLiteral("no_refresh_token"), QStringLiteral("the refresh flow needs a refresh token")));
        return;
    }
    m_jwks = new keysource::JwksFetcher(m_manager, m_settings.network, this);
    m_jwks->setKeysOptional(true);
    if (m_cancelToken)
        m_jwks->setCancelToken(*m_cancelToken);
    connect(m_jwks, &keysource::JwksFetcher::stage, this, &OAuthClient::stage);
    connect(m_jwks, &keysource::JwksFetcher::finished, this, &OAuthClient::onMetadata);
    m_jwks->fetchIssuer(m_settings.issuer);
}

void OAuthClient::cancel()
{
    if (isFinished())
        return;
    if (m_jwks)
        m_jwks->cancel();
    if (m_fetch)
        m_fetch->cancel();
    fail(flowError(QStringLiteral("cancelled"), QStringLiteral("the %1 flow was cancelled").arg(flowName(m_flow))));
}

void OAuthClient::onMetadata()
{
    if (isFinished())
        return;
    const auto &fetched = m_jwks->result();
    if (!fetched) {
        m_tlsFailure = m_jwks->tlsFailure();
        fail(fetched.error());
        return;
    }
    auto metadata = ProviderMetadata::fromDocument(fetched->discovery, fetched->issuer, fetched->discoveryUrl);
    if (!metadata) {
        fail(metadata.error());
        return;
    }
    m_partial.metadata = metadata.value();
    m_partial.issuerKeys = fetched->keys;
    startFlow();
}

void OAuthClient::startFlow()
{
    const ProviderMetadata &m = m_partial.metadata;
    const auto missing = [&](const char *member, const QString &why) {
        fail(flowError(QStringLiteral("no_endpoint"),
            QStringLiteral("the provider metadata %1 has no %2: %3")
                .arg(m.url.toDisplayString(), QLatin1String(member), why)));
    };
    if (m.tokenEndpoint.isEmpty())
        return missing("token_endpoint", QStringLiteral("no flow can get a token"));
    QUrlQuery form;
    switch (m_flow) {
    case Flow::ClientCredentials:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        addScopeParameters(form, m_settings);
        postToken(form, &OAuthClient::onToken);
        return;
    case Flow::RefreshToken:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(m_refreshToken));
        addScopeParameters(form, m_settings);
        postToken(form, &OAuthClient::onToken);
        return;
    case Flow::AuthorizationCode:
        if (m.authorizationEndpoint.isEmpty())
            return missing("authorization_endpoint", QStringLiteral("the authorization code flow needs one"));
        startAuthorizationCode();
        return;
    case Flow::DeviceCode:
        if (m.deviceAuthorizationEndpoint.isEmpty())
            return missing("device_authorization_endpoint",
                QStringLiteral("the provider does not offer the device flow (RFC 8628)"));
        startDevice();
        return;
    }
}

void OAuthClient::startAuthorizationCode()
{
    m_pkce = Pkce::generate();
    m_state = randomToken(24);
    m_nonce = m_settings.scopes.contains(QStringLiteral("openid")) ? randomToken(24) : QByteArray();
    m_loopback = new LoopbackRedirect(this);
    if (!m_loopback->listen(m_state)) {
        fail(m_loopback->error());
        return;
    }
    m_redirectUri = m_loopback->redirectUri();
    connect(m_loopback, &LoopbackRedirect::received, this, &OAuthClient::onRedirect);
    const QUrl url
        = oauth::authorizationUrl(m_partial.metadata, m_settings, m_redirectUri, m_state, m_nonce, m_pkce.challenge);
    Q_EMIT stage(
        QStringLiteral("Waiting for the sign-in in the browser (redirect to %1)").arg(m_redirectUri.toDisplayString()));
    m_interactionTimer.start(m_settings.interactionTimeoutMs);
    const bool opened = m_opener && m_opener(url);
    Q_EMIT authorizationUrl(url, opened);
}

void OAuthClient::onRedirect()
{
    if (isFinished())
        return;
    m_interactionTimer.stop();
    if (!m_loopback->succeeded()) {
        fail(m_loopback->error());
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), QString::fromUtf8(m_loopback->code()));
    form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString());
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(m_pkce.verifier));
    for (const QString &r : m_settings.resources)
        form.addQueryItem(QStringLiteral("resource"), r);
    Q_EMIT stage(QStringLiteral("Exchanging the authorization code at %1")
                     .arg(m_partial.metadata.tokenEndpoint.toDisplayString()));
    postToken(form, &OAuthClient::onToken);
}

void OAuthClient::startDevice()
{
    QUrlQuery form;
    addScopeParameters(form, m_settings);
    const QUrl endpoint = m_partial.metadata.deviceAuthorizationEndpoint;
    auto spec = tokenRequest(m_settings, endpoint, form, common::Clock::system()->nowSecs());
    if (!spec) {
        fail(spec.error());
        return;
    }
    Q_EMIT stage(QStringLiteral("Asking %1 for a user code").arg(endpoint.toDisplayString()));
    post(endpoint, spec.value(), &OAuthClient::onDeviceAuthorization);
}

void OAuthClient::onDeviceAuthorization()
{
    const auto answer = takeAnswer();
    if (!answer)
        return;
    auto device
        = parseDeviceAuthorization(answer->first, answer->second, m_partial.metadata.deviceAuthorizationEndpoint);
    if (!device) {
        fail(device.error());
        return;
    }
    m_device = device.value();
    m_pollInterval = m_device.intervalSeconds;
    const int lifetimeMs = m_device.expiresIn > 0 ? m_device.expiresIn * 1000 : m_settings.interactionTimeoutMs;
    m_interactionTimer.start(qMin(lifetimeMs, m_settings.interactionTimeoutMs));
    Q_EMIT stage(QStringLiteral("Waiting for the user code %1 to be entered at %2")
                     .arg(m_device.userCode, m_device.verificationUri.toDisplayString()));
    Q_EMIT deviceAuthorization(m_device);
    m_pollTimer.start(m_pollInterval * 1000);
}

void OAuthClient::pollDevice()
{
    if (isFinished())
        return;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), kDeviceGrant);
    form.addQueryItem(QStringLiteral("device_code"), QString::fromUtf8(m_device.deviceCode));
    postToken(form, &OAuthClient::onDevicePoll);
}

void OAuthClient::onDevicePoll()
{
    if (isFinished() || !m_fetch)
        return;
    if (m_fetch->succeeded()) {
        const auto &r = m_fetch->response();
        auto parsed = parseTokenResponse(r.status, r.body, m_partial.metadata.tokenEndpoint);
        const QString error = parsed ? QString() : parsed.error().details.value(QStringLiteral("error")).toString();
        // RFC 8628 §3.5: pending means ask again at the interval, slow_down adds 5 seconds to it.
        if (error == u"authorization_pending" || error == u"slow_down") {
            if (error == u"slow_down")
                m_pollInterval += 5;
            m_pollTimer.start(m_pollInterval * 1000);
            return;
        }
        if (error == u"access_denied" || error == u"expired_token") {
            common::Error e = parsed.error();
            e.code = error;
            e.message = error == u"access_denied"
                ? QStringLiteral("the user denied the device authorization (%1)").arg(e.message)
                : QStringLiteral("the user code %1 expired before it was entered (%2)")
                      .arg(m_device.userCode, e.message);
            fail(e);
            return;
        }
    }
    m_interactionTimer.stop();
    onToken();
}

void OAuthClient::postToken(const QUrlQuery &form, void (OAuthClient::*next)())
{
    const QUrl endpoint = m_partial.metadata.tokenEndpoint;
    auto spec = tokenRequest(m_settings, endpoint, form, common::Clock::system()->nowSecs());
    if (!spec) {
        fail(spec.error());
        return;
    }
    post(endpoint, spec.value(), next);
}

void OAuthClient::post(const QUrl &url, const keysource::HttpRequestSpec &spec, void (OAuthClient::*next)())
{
    if (m_fetch)
        m_fetch->deleteLater();
    m_fetch = new keysource::HttpFetch(m_manager, url, m_settings.network, this);
    m_fetch->setRequest(spec);
    if (m_cancelToken)
        m_fetch->setCancelToken(*m_cancelToken);
    connect(m_fetch, &keysource::HttpFetch::finished, this, next);
    m_fetch->start();
}

std::optional<std::pair<int, QByteArray>> OAuthClient::takeAnswer()
{
    if (isFinished() || !m_fetch)
        return std::nullopt;
    if (!m_fetch->succeeded()) {
        m_tlsFailure = m_fetch->tlsFailure();
        common::Error e = m_fetch->error();
        e.message = QStringLiteral("%1: %2").arg(m_fetch->response().url.isEmpty()
                ? QStringLiteral("token request")
                : m_fetch->response().url.toDisplayString(),
            e.message);
        fail(e);
        return std::nullopt;
    }
    return std::make_pair(m_fetch->response().status, m_fetch->response().body);
}

void OAuthClient::onToken()
{
    const auto answer = takeAnswer();
    if (!answer)
        return;
    auto parsed = parseTokenResponse(answer->first, answer->second, m_partial.metadata.tokenEndpoint);
    if (!parsed) {
        fail(parsed.error());
        return;
    }
    m_partial.response = parsed.value();
    const QString issuer = m_partial.metadata.issuer.toString();
    if (!m_partial.response.idToken.isEmpty())
        m_partial.idTokenReport = checkIdToken(m_partial.response.idToken, m_partial.issuerKeys, issuer,
            m_settings.clientId, m_flow == Flow::AuthorizationCode ? m_nonce : QByteArray());
    m_partial.accessTokenReport = checkAccessToken(m_partial.response.accessToken, m_partial.issuerKeys, issuer);
    finish(m_partial);
}

void OAuthClient::finish(Result<FlowResult> result)
{
    if (m_result)
        return;
    m_interactionTimer.stop();
    m_pollTimer.stop();
    m_cancelPoll.stop();
    if (m_loopback)
        m_loopback->close();
    m_result = std::move(result);
    Q_EMIT finished();
}

Result<FlowResult> OAuthClient::runBlocking(Flow flow, const ClientSettings &settings, const QByteArray &refreshToken,
    const Callbacks &callbacks, const common::CancelToken &cancel, std::optional<keysource::TlsFailure> *tlsFailure)
{
    QNetworkAccessManager manager;
    OAuthClient client(&manager, settings);
    client.setUrlOpener(callbacks.opener);
    client.setRefreshToken(refreshToken);
    client.setCancelToken(cancel);
    if (callbacks.onAuthorizationUrl)
        connect(&client, &OAuthClient::authorizationUrl, &client, callbacks.onAuthorizationUrl);
    if (callbacks.onDevice)
        connect(&client, &OAuthClient::deviceAuthorization, &client, callbacks.onDevice);
    if (callbacks.onStage)
        connect(&client, &OAuthClient::stage, &client, callbacks.onStage);
    QEventLoop loop;
    connect(&client, &OAuthClient::finished, &loop, &QEventLoop::quit);
    client.start(flow);
    if (!client.isFinished())
        loop.exec();
    if (tlsFailure)
        *tlsFailure = client.tlsFailure();
    return client.result();
}

} // namespace jwb::oauth
