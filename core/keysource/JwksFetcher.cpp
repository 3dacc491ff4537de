#include "keysource/JwksFetcher.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>

namespace jwb::keysource {

using common::Finding;
using common::Result;
using common::Severity;

JwksFetcher::JwksFetcher(QNetworkAccessManager *manager, const NetworkOptions &options, QObject *parent)
    : QObject(parent), m_manager(manager), m_options(options)
{ }

void JwksFetcher::startHttp(const QUrl &url, void (JwksFetcher::*next)())
{
    if (m_fetch)
        m_fetch->deleteLater();
    m_fetch = new HttpFetch(m_manager, url, m_options, this);
    connect(m_fetch, &HttpFetch::progress, this, &JwksFetcher::progress);
    connect(m_fetch, &HttpFetch::finished, this, next);
    if (m_cancelToken)
        m_fetch->setCancelToken(*m_cancelToken);
    m_fetch->start();
}

void JwksFetcher::fetchUrl(const QUrl &url)
{
    m_partial = JwksResult {};
    m_partial.jwksUrl = url;
    Q_EMIT stage(QStringLiteral("Downloading the JWK Set from %1").arg(url.toDisplayString()));
    startHttp(url, &JwksFetcher::onJwks);
}

void JwksFetcher::fetchIssuer(const QUrl &issuer)
{
    m_partial = JwksResult {};
    m_partial.issuer = issuer;
    QString base = issuer.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    m_partial.discoveryUrl = QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
    Q_EMIT stage(QStringLiteral("Reading the OpenID Connect discovery document %1")
                     .arg(m_partial.discoveryUrl.toDisplayString()));
    startHttp(m_partial.discoveryUrl, &JwksFetcher::onDiscovery);
}

void JwksFetcher::cancel()
{
    if (m_fetch)
        m_fetch->cancel();
}

void JwksFetcher::finish(Result<JwksResult> result)
{
    if (m_result)
        return;
    if (!result.ok() && m_fetch)
        m_tlsFailure = m_fetch->tlsFailure();
    m_result = std::move(result);
    Q_EMIT finished();
}

void JwksFetcher::onDiscovery()
{
    if (!m_fetch->succeeded()) {
        // OpenID Connect discovery missing: try the OAuth 2.0 metadata location of RFC 8414 once.
        if (m_fetch->error().is(common::ErrorCode::HttpStatus) && m_fetch->response().status == 404
            && !m_triedRfc8414) {
            m_triedRfc8414 = true;
            QUrl rfc8414 = m_partial.issuer;
            QString path = rfc8414.path();
            while (path.endsWith(u'/'))
                path.chop(1);
            rfc8414.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + path);
            m_partial.discoveryUrl = rfc8414;
            Q_EMIT stage(
                QStringLiteral("No OpenID configuration; trying OAuth metadata %1").arg(rfc8414.toDisplayString()));
            startHttp(rfc8414, &JwksFetcher::onDiscovery);
            return;
        }
        common::Error e = m_fetch->error();
        e.message = QStringLiteral("discovery: %1").arg(e.message);
        finish(e);
        return;
    }
    const QByteArray body = m_fetch->response().body;
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        finish(Result<JwksResult>::failure(common::ErrorCode::InvalidJson,
            QStringLiteral("the discovery document %1 is not a JSON object%2")
                .arg(m_partial.discoveryUrl.toDisplayString(),
                    err.error != QJsonParseError::NoError
                        ? QStringLiteral(": %1 at byte %2").arg(err.errorString()).arg(err.offset)
                        : QString())));
        return;
    }
    m_partial.discovery = doc.object();
    // OpenID Connect Discovery §4.3 (and RFC 8414 §3.3): the document's issuer must be identical to the issuer
    // URL it was fetched for. Otherwise these keys are another issuer's (or anyone's): refused.
    const QJsonValue advertisedValue = m_partial.discovery.value(QLatin1String("issuer"));
    const QString advertised = advertisedValue.toString();
    const QString requested = m_partial.issuer.toString();
    if (!advertisedValue.isString() || advertised != requested) {
        QString message = !advertisedValue.isString()
            ? QStringLiteral("the discovery document %1 has no issuer: its keys cannot be bound to \"%2\" (OpenID "
                             "Connect Discovery §4.3 requires the issuer to be identical to the URL asked for)")
                  .arg(m_partial.discoveryUrl.toDisplayString(), requested)
            : QStringLiteral("the discovery document %1 says issuer \"%2\", not \"%3\": its keys are refused (OpenID "
                             "Connect Discovery §4.3 requires the issuer to be identical to the URL asked for)")
                  .arg(m_partial.discoveryUrl.toDisplayString(), advertised, requested);
        auto chopSlash = [](QString s) {
            while (s.endsWith(u'/'))
                s.chop(1);
            return s;
        };
        if (advertisedValue.isString() && chopSlash(advertised) == chopSlash(requested))
            message += QStringLiteral("; they differ only in a trailing slash: ask for \"%1\"").arg(advertised);
        finish(Result<JwksResult>::failure(common::ErrorCode::IssuerMismatch, message,
            {{QStringLiteral("issuer"), requested}, {QStringLiteral("advertised"), advertisedValue.toVariant()}}));
        return;
    }
    const QJsonValue jwksUri = m_partial.discovery.value(QLatin1String("jwks_uri"));
    if (!jwksUri.isString() || jwksUri.toString().isEmpty()) {
        if (m_keysOptional && !m_partial.discovery.contains(QLatin1String("jwks_uri"))) {
            m_partial.keys.issuer = m_partial.issuer.toString();
            finish(m_partial);
            return;
        }
        finish(Result<JwksResult>::failure(common::ErrorCode::NoJwksUri,
            QStringLiteral("the discovery document %1 has no jwks_uri").arg(m_partial.discoveryUrl.toDisplayString())));
        return;
    }
    m_partial.jwksUrl = QUrl(jwksUri.toString());
    Q_EMIT stage(QStringLiteral("Downloading the JWK Set from %1").arg(m_partial.jwksUrl.toDisplayString()));
    startHttp(m_partial.jwksUrl, &JwksFetcher::onJwks);
}

Result<keys::JwkSet> JwksFetcher::parseJwks(
    const QByteArray &body, const QByteArray &contentType, common::Findings &findings)
{
    const QByteArray ct = contentType.trimmed().toLower();
    if (!ct.startsWith("application/json") && !ct.startsWith("application/jwk-set+json"))
        findings.append(Finding {Severity::Error, QStringLiteral("jwks_content_type"), QStringLiteral("Content-Type"),
            QStringLiteral("the JWKS is served as \"%1\"; KrakenD only accepts application/json or "
                           "application/jwk-set+json and would answer 401 to every token")
                .arg(QString::fromLatin1(contentType.isEmpty() ? QByteArray("(none)") : contentType))});
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return Result<keys::JwkSet>::failure(common::ErrorCode::InvalidJson,
            QStringLiteral("the JWKS is not valid JSON: %1 at byte %2").arg(err.errorString()).arg(err.offset),
            {{QStringLiteral("offset"), err.offset}});
    if (!doc.isObject() || !doc.object().contains(QLatin1String("keys")))
        return Result<keys::JwkSet>::failure(
            common::ErrorCode::NotJwks, QStringLiteral("the response is JSON but not a JWK Set (no \"keys\" array)"));
    auto set = keys::JwkSet::fromJsonObject(doc.object());
    if (!set)
        return set.error();
    findings += set->findings;
    return set;
}

void JwksFetcher::onJwks()
{
    if (!m_fetch->succeeded()) {
        finish(m_fetch->error());
        return;
    }
    m_partial.response = m_fetch->response();
    auto set = parseJwks(m_partial.response.body, m_partial.response.contentType, m_partial.findings);
    if (!set) {
        common::Error e = set.error();
        e.message = QStringLiteral("%1: %2").arg(m_partial.jwksUrl.toDisplayString(), e.message);
        finish(e);
        return;
    }
    m_partial.keys = set.value();
    if (m_partial.issuer.isValid())
        m_partial.keys.issuer = m_partial.issuer.toString();
    Q_EMIT stage(QStringLiteral("%1 key(s) received").arg(m_partial.keys.keys.size()));
    finish(m_partial);
}

Result<JwksResult> JwksFetcher::fetchBlocking(
    const QUrl &url, bool issuer, const NetworkOptions &options, const common::CancelToken &cancel)
{
    QNetworkAccessManager manager;
    JwksFetcher fetcher(&manager, options);
    fetcher.setCancelToken(cancel);
    QEventLoop loop;
    connect(&fetcher, &JwksFetcher::finished, &loop, &QEventLoop::quit);
    if (issuer)
        fetcher.fetchIssuer(url);
    else
        fetcher.fetchUrl(url);
    if (!fetcher.isFinished())
        loop.exec();
    return fetcher.result();
}

} // namespace jwb::keysource
