#pragma once

#include "common/CancelToken.h"
#include "common/Error.h"
#include "keysource/NetworkOptions.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace jwb::keysource {

/// What one HTTP GET produced.
struct HttpResponse
{
    QUrl url; ///< the final URL, after redirects
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    qint64 maxAgeSeconds = -1; ///< Cache-Control max-age, -1 when absent
    QList<PresentedCertificate> chain;
    QDateTime fetchedAt;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< every response header, as received
};

/// A request other than the key-set GET the fetch makes by default: another method, the caller's headers (a
/// Cookie header too: no cookie jar is read or written), a body; with `anyStatus`, every HTTP status is an answer
/// (no http_status error) and a redirect is not followed but answered, so nothing goes anywhere but the URL given.
struct HttpRequestSpec
{
    QByteArray method = "GET";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool anyStatus = false;
};

/// One asynchronous GET with KrakenD's TLS rules: https only unless insecure, extra CA, SPKI pinning checked
/// on every certificate the server presents, redirects followed only to https (unless insecure), a transfer
/// timeout and a response size limit. Emits finished() exactly once (also after cancel()).
///
/// Error codes: invalid_url, insecure_url, dns_failure, connection_refused, tls_error, pin_mismatch, timeout,
/// too_large, redirect_insecure, invalid_redirect, too_many_redirects (more than 5 hops), http_status,
/// network_error, cancelled.
class HttpFetch : public QObject
{
    Q_OBJECT
public:
    HttpFetch(
        QNetworkAccessManager *manager, const QUrl &url, const NetworkOptions &options, QObject *parent = nullptr);
    ~HttpFetch() override;

    /// Replaces the default request (before start()).
    void setRequest(const HttpRequestSpec &spec) { m_spec = spec; }
    void start();
    void cancel();
    /// Watches `token` while the fetch runs: every `pollMs` it looks at the flag and, once it is cancelled,
    /// cancels the fetch (finished() with the error `cancelled`). For fetches started by work that another
    /// thread may stop (Jobs); a token already cancelled at start() stops the fetch at once.
    void setCancelToken(const common::CancelToken &token, int pollMs = 50);

    [[nodiscard]] bool succeeded() const { return m_error.code.isEmpty(); }
    [[nodiscard]] const common::Error &error() const { return m_error; }
    [[nodiscard]] const HttpResponse &response() const { return m_response; }
    /// What the server presented when TLS refused it (tls_error, pin_mismatch); empty otherwise.
    [[nodiscard]] const std::optional<TlsFailure> &tlsFailure() const { return m_tlsFailure; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void fail(common::ErrorCode code, const QString &message);
    void onEncrypted();
    /// Records the presented chain with its pins; fails with pin_mismatch (and returns false) when pins are
    /// configured and none matches.
    bool checkPeerChain(const QList<QSslCertificate> &chain);
    void onSslErrors(const QList<QSslError> &errors);
    void sendRequest(const QUrl &url);
    /// Starts the watchdog once the request has left (see sendRequest).
    void armWatchdog();
    /// On a 3xx answer with a Location: fails (too many hops, not http(s), https to http unless insecure) or
    /// sends the next request. Returns false when there is nothing to follow.
    bool followRedirect();
    void onReadyRead();
    void onFinished();

    QNetworkAccessManager *m_manager;
    QUrl m_url;
    NetworkOptions m_options;
    std::optional<HttpRequestSpec> m_spec;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QTimer m_cancelPoll;
    std::optional<common::CancelToken> m_cancelToken;
    HttpResponse m_response;
    common::Error m_error;
    QStringList m_sslErrors;
    std::optional<TlsFailure> m_tlsFailure;
    bool m_done = false;
    int m_redirects = 0;
    static constexpr int kMaxRedirects = 5;
};

/// KrakenD pin of a certificate: SHA-256 over its SubjectPublicKeyInfo, URL-safe base64 with padding.
[[nodiscard]] QString certificatePin(const QSslCertificate &cert);
/// A presented certificate as the views and the trust actions use it (subject, issuer, validity, pin, SHA-256).
[[nodiscard]] PresentedCertificate presentedCertificate(const QSslCertificate &cert);
[[nodiscard]] bool isValidPin(const QString &pin);

} // namespace jwb::keysource
