#include "keysource/HttpFetch.h"

#include "crypto/Key.h"
#include "keys/Thumbprint.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>

namespace jwb::keysource {

QString certificatePin(const QSslCertificate &cert)
{
    auto key = crypto::Key::fromDer(cert.toDer());
    QByteArray spki = key ? key->spkiDer() : QByteArray();
    if (spki.isEmpty())
        spki = cert.publicKey().toDer();
    return keys::Thumbprint::spkiPin(spki);
}

PresentedCertificate presentedCertificate(const QSslCertificate &cert)
{
    PresentedCertificate pc;
    pc.subject = cert.subjectDisplayName();
    pc.issuer = cert.issuerDisplayName();
    pc.notBefore = cert.effectiveDate().toUTC().toString(Qt::ISODate);
    pc.notAfter = cert.expiryDate().toUTC().toString(Qt::ISODate);
    pc.pin = certificatePin(cert);
    pc.sha256 = QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    pc.selfSigned = cert.isSelfSigned();
    pc.certificate = cert;
    return pc;
}

bool isValidPin(const QString &pin)
{
    // Go's base64.URLEncoding of 32 bytes: 43 characters of the URL-safe alphabet and one '='.
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{43}=$"));
    return re.match(pin).hasMatch();
}

HttpFetch::HttpFetch(QNetworkAccessManager *manager, const QUrl &url, const NetworkOptions &options, QObject *parent)
    : QObject(parent), m_manager(manager), m_url(url), m_options(options)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // Decided behind what already waits in the event queue: after the loop was blocked, the answer may have
        // arrived meanwhile (QNetworkAccessManager's thread delivers it as queued calls) and must win.
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(common::ErrorCode::Timeout,
                    QStringLiteral("%1 did not answer within %2 s")
                        .arg(m_url.toDisplayString())
                        .arg(m_options.timeoutMs / 1000.0));
            },
            Qt::QueuedConnection);
    });
    connect(&m_cancelPoll, &QTimer::timeout, this, [this] {
        if (m_cancelToken && m_cancelToken->isCancelled())
            cancel();
    });
}

HttpFetch::~HttpFetch()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpFetch::start()
{
    if (m_cancelToken && m_cancelToken->isCancelled()) {
        cancel();
        return;
    }
    const QString scheme = m_url.scheme().toLower();
    if (!m_url.isValid() || m_url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        fail(
            common::ErrorCode::InvalidUrl, QStringLiteral("\"%1\" is not an http(s) URL").arg(m_url.toDisplayString()));
        return;
    }
    if (scheme != u"https" && !m_options.insecure) {
        fail(common::ErrorCode::InsecureUrl,
            QStringLiteral("%1 is not https: KrakenD refuses it (401 for every token) unless disable_jwk_security is "
                           "set; pass --insecure to fetch it anyway")
                .arg(m_url.toDisplayString()));
        return;
    }
    sendRequest(m_url);
}

void HttpFetch::armWatchdog()
{
    if (!m_done && !m_timer.isActive())
        m_timer.start(m_options.timeoutMs + 1000);
}

void HttpFetch::sendRequest(const QUrl &url)
{
    // Redirects are followed here rather than by Qt: Qt 6.4's UserVerifiedRedirectPolicy answers the second
    // hop of a chain with a bogus "HTTP 100" and no error, and every hop needs the scheme rule and the pins.
    QNetworkRequest request(url);
    request.setRawHeader("Accept", m_spec ? "*/*" : "application/jwk-set+json, application/json");
    request.setRawHeader("User-Agent", "JWT-Workbench/" JWB_VERSION);
    if (m_spec) {
        // The caller's headers only: no cookie from Qt's jar goes out, and none the server sets is kept.
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        for (const auto &[name, value] : m_spec->headers)
            request.setRawHeader(name, value);
    }
    // An idle connection is not kept in the manager's cache: a fetch that failed after an answer (an HTTP error
    // status) must not leave its connection open, and a key set is fetched too rarely to gain from keeping one.
    request.setAttribute(QNetworkRequest::ConnectionCacheExpiryTimeoutSecondsAttribute, 0);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_options.extraCa.isEmpty())
        ssl.addCaCertificates(m_options.extraCa);
    if (m_options.insecure)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    request.setSslConfiguration(ssl);

    m_response.body.clear();
    m_response.chain.clear();
    m_sslErrors.clear();
    m_tlsFailure.reset();
    if (m_spec && (m_spec->method != "GET" || !m_spec->body.isEmpty()))
        m_reply = m_manager->sendCustomRequest(request, m_spec->method, m_spec->body);
    else
        m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::encrypted, this, &HttpFetch::onEncrypted);
    connect(m_reply, &QNetworkReply::sslErrors, this, &HttpFetch::onSslErrors);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpFetch::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &HttpFetch::progress);
    connect(m_reply, &QNetworkReply::finished, this, &HttpFetch::onFinished);
    // QNetworkAccessManager sends the request on the next turn of the event loop (a queued call made by get()).
    // The watchdog starts behind that call, not now: time the loop spends blocked before the request leaves (a
    // busy start-up) is no time the server had to answer. It runs once for the whole fetch, redirects included.
    QMetaObject::invokeMethod(this, &HttpFetch::armWatchdog, Qt::QueuedConnection);
}

void HttpFetch::setCancelToken(const common::CancelToken &token, int pollMs)
{
    m_cancelToken = token;
    m_cancelPoll.setInterval(pollMs);
    if (!m_cancelPoll.isActive() && !m_done)
        m_cancelPoll.start();
}

void HttpFetch::cancel()
{
    fail(common::ErrorCode::Cancelled, QStringLiteral("cancelled"));
}

void HttpFetch::fail(common::ErrorCode code, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_cancelPoll.stop();
    m_error = common::Error::of(code, message);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    Q_EMIT finished();
}

void HttpFetch::onEncrypted()
{
    checkPeerChain(m_reply->sslConfiguration().peerCertificateChain());
}

bool HttpFetch::checkPeerChain(const QList<QSslCertificate> &chain)
{
    m_response.chain.clear();
    QStringList presented;
    bool pinned = false;
    for (const auto &cert : chain) {
        const PresentedCertificate pc = presentedCertificate(cert);
        presented.append(QStringLiteral("%1 (%2)").arg(pc.pin, pc.subject));
        if (m_options.pins.contains(pc.pin))
            pinned = true;
        m_response.chain.append(pc);
    }
    if (!m_options.pins.isEmpty() && !pinned) {
        // The server of this hop (after a redirect it is not the one first asked).
        const QUrl server = m_reply ? m_reply->url() : m_url;
        TlsFailure failure;
        failure.server = server;
        failure.chain = m_response.chain;
        failure.pinMismatch = true;
        failure.errors.append(QStringLiteral("no presented certificate matches the configured pins"));
        m_tlsFailure = failure;
        fail(common::ErrorCode::PinMismatch,
            QStringLiteral("no certificate presented by %1 matches the configured pins; presented: %2")
                .arg(server.toDisplayString(
                         QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment),
                    presented.isEmpty() ? QStringLiteral("(none)") : presented.join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

void HttpFetch::onSslErrors(const QList<QSslError> &errors)
{
    for (const auto &e : errors)
        m_sslErrors.append(e.errorString());
    if (m_options.insecure) {
        m_reply->ignoreSslErrors();
        return;
    }
    // The chain is recorded now: once the handshake is aborted the reply no longer has it.
    TlsFailure failure;
    failure.server = m_reply->url();
    QList<QSslCertificate> chain = m_reply->sslConfiguration().peerCertificateChain();
    if (chain.isEmpty()) {
        for (const auto &e : errors) {
            if (!e.certificate().isNull() && !chain.contains(e.certificate()))
                chain.append(e.certificate());
        }
    }
    for (const auto &cert : std::as_const(chain))
        failure.chain.append(presentedCertificate(cert));
    for (const auto &e : errors) {
        failure.errors.append(e.errorString());
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
            failure.untrustedIssuer = true;
            break;
        case QSslError::HostNameMismatch:
            failure.hostMismatch = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            failure.badValidity = true;
            break;
        default:
            break;
        }
    }
    m_tlsFailure = failure;
}

bool HttpFetch::followRedirect()
{
    const QByteArray location = m_reply->rawHeader("Location");
    if (location.isEmpty())
        return false;
    const QUrl from = m_reply->url();
    const QUrl to = from.resolved(QUrl::fromEncoded(location));
    const QString scheme = to.scheme().toLower();
    if (++m_redirects > kMaxRedirects) {
        fail(common::ErrorCode::TooManyRedirects,
            QStringLiteral("%1 redirected more than %2 times (last to %3)")
                .arg(m_url.toDisplayString())
                .arg(kMaxRedirects)
                .arg(to.toDisplayString()));
    } else if (!to.isValid() || to.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        fail(common::ErrorCode::InvalidRedirect,
            QStringLiteral("%1 redirects to \"%2\", which is not an http(s) URL")
                .arg(from.toDisplayString(), QString::fromLatin1(location)));
    } else if (scheme != u"https" && !m_options.insecure) {
        fail(common::ErrorCode::RedirectInsecure,
            QStringLiteral("%1 redirects to %2, which is not https; refused unless insecure connections are allowed "
                           "for this source")
                .arg(from.toDisplayString(), to.toDisplayString()));
    } else {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply.clear();
        sendRequest(to);
    }
    return true;
}

void HttpFetch::onReadyRead()
{
    if (!m_reply || !m_reply->isOpen()) // aborted (transfer timeout): nothing left to read
        return;
    m_response.body += m_reply->readAll();
    if (m_response.body.size() > m_options.maxBytes)
        fail(common::ErrorCode::TooLarge,
            QStringLiteral("the response from %1 exceeds %2 KiB; refusing it")
                .arg(m_url.toDisplayString())
                .arg(m_options.maxBytes / 1024));
}

void HttpFetch::onFinished()
{
    if (m_done || !m_reply)
        return;
    onReadyRead();
    if (m_done)
        return;
    const QNetworkReply::NetworkError err = m_reply->error();
    m_response.url = m_reply->url();
    m_response.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_response.contentType = m_reply->rawHeader("Content-Type");
    m_response.headers.clear();
    for (const auto &pair : m_reply->rawHeaderPairs())
        m_response.headers.append({pair.first, pair.second});
    m_response.fetchedAt = QDateTime::currentDateTimeUtc();
    static const QRegularExpression maxAge(
        QStringLiteral("max-age\\s*=\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = maxAge.match(QString::fromLatin1(m_reply->rawHeader("Cache-Control"))); m.hasMatch())
        m_response.maxAgeSeconds = m.captured(1).toLongLong();
    const QString host = m_url.host();
    switch (err) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::HostNotFoundError:
        fail(common::ErrorCode::DnsFailure, QStringLiteral("host %1 could not be resolved (DNS)").arg(host));
        return;
    case QNetworkReply::ConnectionRefusedError:
        fail(common::ErrorCode::ConnectionRefused,
            QStringLiteral("%1:%2 refused the connection")
                .arg(host)
                .arg(m_url.port(m_url.scheme() == u"https" ? 443 : 80)));
        return;
    case QNetworkReply::SslHandshakeFailedError:
        if (!m_tlsFailure) {
            TlsFailure failure;
            failure.server = m_reply->url();
            failure.errors.append(m_reply->errorString());
            m_tlsFailure = failure;
        }
        fail(common::ErrorCode::TlsError,
            QStringLiteral("TLS with %1 failed: %2")
                .arg(host, m_sslErrors.isEmpty() ? m_reply->errorString() : m_sslErrors.join(QStringLiteral("; "))));
        return;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        fail(common::ErrorCode::Timeout,
            QStringLiteral("%1 did not answer within %2 s")
                .arg(m_url.toDisplayString())
                .arg(m_options.timeoutMs / 1000.0));
        return;
    case QNetworkReply::TooManyRedirectsError:
        fail(common::ErrorCode::TooManyRedirects,
            QStringLiteral("%1 redirected too many times").arg(m_url.toDisplayString()));
        return;
    default:
        if (m_response.status == 0) {
            fail(common::ErrorCode::NetworkError,
                QStringLiteral("fetching %1 failed: %2").arg(m_url.toDisplayString(), m_reply->errorString()));
            return;
        }
        break; // an HTTP error status: reported below with the body kept
    }
    // A request on a connection that QNetworkAccessManager reuses (discovery, then jwks_uri on the same host)
    // gets no encrypted() signal: check the pins and record the chain here, or the JWKS would be accepted
    // unpinned and listed without its certificates.
    if (m_response.url.scheme().toLower() == u"https" && m_response.chain.isEmpty()
        && !checkPeerChain(m_reply->sslConfiguration().peerCertificateChain()))
        return;
    const bool anyStatus = m_spec && m_spec->anyStatus;
    if (!anyStatus && m_response.status >= 300 && m_response.status <= 399 && m_response.status != 304
        && followRedirect())
        return;
    if (!anyStatus && (m_response.status < 200 || m_response.status > 299)) {
        fail(common::ErrorCode::HttpStatus,
            QStringLiteral("%1 answered HTTP %2 %3")
                .arg(m_response.url.toDisplayString())
                .arg(m_response.status)
                .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
        return;
    }
    m_done = true;
    m_timer.stop();
    m_cancelPoll.stop();
    m_reply->deleteLater();
    m_reply.clear();
    Q_EMIT finished();
}

} // namespace jwb::keysource
