#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "oauth/OAuth.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace jwb::keysource {
class JwksFetcher;
class HttpFetch;
} // namespace jwb::keysource

namespace jwb::oauth {

class LoopbackRedirect;

/// Runs one OAuth flow against an identity provider, asynchronously on the event loop of the thread it lives in:
///
/// 1. the provider's metadata from the issuer (keysource::JwksFetcher: OpenID Connect discovery, else RFC 8414;
///    the document's issuer must be identical) and its keys from jwks_uri (for the ID token);
/// 2. the flow: client credentials; authorization code with PKCE S256, state and nonce through a loopback redirect
///    (LoopbackRedirect; the URL goes to the opener callback, which opens a browser or shows it: core has no GUI);
///    device authorization (RFC 8628: deviceAuthorization() shows the user code, then the token endpoint is polled
///    at the server's interval, authorization_pending waits, slow_down adds 5 s, expired_token and access_denied
///    end it); refresh token;
/// 3. the answer's tokens checked with the issuer's keys (checkIdToken, checkAccessToken).
///
/// Every request uses the settings' NetworkOptions (extra CA, pins, insecure, timeout per request); the browser or
/// device step is bounded by interactionTimeoutMs. cancel() stops at any point (error `cancelled`). finished() is
/// emitted exactly once. Errors: those of JwksFetcher and HttpFetch (network), token_error (the server's error and
/// error_description), invalid_token_response, invalid_metadata, no_endpoint, state_mismatch,
/// authorization_error, access_denied, expired_token, interaction_timeout, loopback_failed, no_refresh_token,
/// no_client_secret, no_client_key.
class OAuthClient : public QObject
{
    Q_OBJECT
public:
    /// Opens the authorization URL; returns whether a browser could be asked to open it.
    using UrlOpener = std::function<bool(const QUrl &)>;

    OAuthClient(QNetworkAccessManager *manager, ClientSettings settings, QObject *parent = nullptr);
    ~OAuthClient() override;

    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    /// The refresh token the refresh flow sends (a secret: held in memory only).
    void setRefreshToken(const QByteArray &token) { m_refreshToken = token; }
    void setCancelToken(const common::CancelToken &token);

    void start(Flow flow);
    void cancel();

    [[nodiscard]] bool isFinished() const { return m_result.has_value(); }
    [[nodiscard]] const common::Result<FlowResult> &result() const { return *m_result; }
    /// When a request failed because TLS refused the server: what it presented.
    [[nodiscard]] const std::optional<keysource::TlsFailure> &tlsFailure() const { return m_tlsFailure; }

    /// Runs a flow to completion in a local event loop (the CLI). `onAuthorizationUrl` gets the browser URL and
    /// whether the opener opened it; `onDevice` the user code to show; `onStage` progress text.
    struct Callbacks
    {
        UrlOpener opener;
        std::function<void(const QUrl &, bool opened)> onAuthorizationUrl;
        std::function<void(const DeviceAuthorization &)> onDevice;
        std::function<void(const QString &)> onStage;
    };
    [[nodiscard]] static common::Result<FlowResult> runBlocking(Flow flow, const ClientSettings &settings,
        const QByteArray &refreshToken, const Callbacks &callbacks,
        const common::CancelToken &cancel = common::CancelToken(),
        std::optional<keysource::TlsFailure> *tlsFailure = nullptr);

Q_SIGNALS:
    void stage(const QString &description);
    /// The authorization request is ready: `opened` says whether the opener could open a browser; show the URL
    /// either way (the user may have to copy it).
    void authorizationUrl(const QUrl &url, bool opened);
    /// The device authorization answer: show userCode and the verification URI.
    void deviceAuthorization(const jwb::oauth::DeviceAuthorization &device);
    void finished();

private:
    void onMetadata();
    void startFlow();
    void startAuthorizationCode();
    void onRedirect();
    void startDevice();
    void onDeviceAuthorization();
    void pollDevice();
    void onDevicePoll();
    /// POSTs `form` (with the client authentication) to the token endpoint; onToken() takes the answer.
    void postToken(const QUrlQuery &form, void (OAuthClient::*next)());
    void post(const QUrl &url, const keysource::HttpRequestSpec &spec, void (OAuthClient::*next)());
    void onToken();
    /// The HTTP answer of the last request, or the fetch's error (finishing with it); nullopt when finished.
    std::optional<std::pair<int, QByteArray>> takeAnswer();
    void finish(common::Result<FlowResult> result);
    void fail(const common::Error &error) { finish(error); }

    QNetworkAccessManager *m_manager;
    ClientSettings m_settings;
    UrlOpener m_opener;
    QByteArray m_refreshToken;
    std::optional<common::CancelToken> m_cancelToken;
    Flow m_flow = Flow::ClientCredentials;
    FlowResult m_partial;
    QPointer<keysource::JwksFetcher> m_jwks;
    QPointer<keysource::HttpFetch> m_fetch;
    QPointer<LoopbackRedirect> m_loopback;
    QTimer m_interactionTimer;
    QTimer m_pollTimer;
    QTimer m_cancelPoll;
    Pkce m_pkce;
    QByteArray m_state;
    QByteArray m_nonce;
    QUrl m_redirectUri;
    DeviceAuthorization m_device;
    int m_pollInterval = 5;
    std::optional<common::Result<FlowResult>> m_result;
    std::optional<keysource::TlsFailure> m_tlsFailure;
};

} // namespace jwb::oauth
