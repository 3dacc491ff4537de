#pragma once

#include "common/Finding.h"
#include "common/Result.h"
#include "keys/JwkSet.h"
#include "keysource/HttpFetch.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace jwb::keysource {

/// A JWK Set obtained from the network, with everything needed to explain it.
struct JwksResult
{
    QUrl issuer; ///< when discovered
    QUrl discoveryUrl; ///< the metadata document used, when discovered
    QJsonObject discovery; ///< its JSON
    QUrl jwksUrl;
    HttpResponse response; ///< of the JWKS request (status, content type, TLS chain with pins, max-age)
    keys::JwkSet keys;
    common::Findings findings; ///< content type KrakenD would refuse, keys KrakenD would reject
};

/// Fetches a JWK Set from a URL, or from an issuer through OpenID Connect discovery
/// (`{issuer}/.well-known/openid-configuration`, falling back to RFC 8414
/// `/.well-known/oauth-authorization-server{path}`), then `jwks_uri`. Asynchronous: emits stage() as it
/// goes, progress() while downloading, and finished() exactly once; cancel() stops it.
///
/// Errors: those of HttpFetch, plus invalid_json (with the offset), not_jwks, empty_jwks, invalid_jwk (no
/// usable key), discovery_failed, no_jwks_uri, issuer_mismatch (the discovery document's issuer is missing or
/// not identical to the issuer asked for). Keys found through an issuer carry it (JwkSet::issuer), so that the
/// verifier accepts only that issuer's tokens with them.
class JwksFetcher : public QObject
{
    Q_OBJECT
public:
    JwksFetcher(QNetworkAccessManager *manager, const NetworkOptions &options, QObject *parent = nullptr);

    void fetchUrl(const QUrl &url);
    void fetchIssuer(const QUrl &issuer);
    void cancel();
    /// Every request of this fetch watches `token` (HttpFetch::setCancelToken): cancelling it stops the fetch
    /// from any thread, with the error `cancelled`.
    void setCancelToken(const common::CancelToken &token) { m_cancelToken = token; }
    /// For an issuer: a discovery document without jwks_uri (RFC 8414 makes it optional) is not an error; the
    /// result then holds the document and an empty key set (an OAuth client needs the endpoints more than keys).
    void setKeysOptional(bool optional) { m_keysOptional = optional; }

    [[nodiscard]] bool isFinished() const { return m_result.has_value(); }
    [[nodiscard]] const common::Result<JwksResult> &result() const { return *m_result; }
    /// When the fetch failed because TLS refused a server (tls_error, pin_mismatch): what that server presented.
    [[nodiscard]] const std::optional<TlsFailure> &tlsFailure() const { return m_tlsFailure; }

    /// Parses a JWKS HTTP response body the way the fetcher does (shared with file and test inputs).
    [[nodiscard]] static common::Result<keys::JwkSet> parseJwks(
        const QByteArray &body, const QByteArray &contentType, common::Findings &findings);
    /// Runs a fetch to completion in a local event loop (CLI use, or a Jobs work function). `issuer` selects
    /// discovery; `cancel` stops it early (error `cancelled`).
    [[nodiscard]] static common::Result<JwksResult> fetchBlocking(const QUrl &url, bool issuer,
        const NetworkOptions &options, const common::CancelToken &cancel = common::CancelToken());

Q_SIGNALS:
    void stage(const QString &description);
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void startHttp(const QUrl &url, void (JwksFetcher::*next)());
    void onDiscovery();
    void onJwks();
    void finish(common::Result<JwksResult> result);

    QNetworkAccessManager *m_manager;
    NetworkOptions m_options;
    QPointer<HttpFetch> m_fetch;
    JwksResult m_partial;
    bool m_triedRfc8414 = false;
    bool m_keysOptional = false;
    std::optional<common::CancelToken> m_cancelToken;
    std::optional<common::Result<JwksResult>> m_result;
    std::optional<TlsFailure> m_tlsFailure;
};

} // namespace jwb::keysource
