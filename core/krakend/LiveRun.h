#pragma once

#include "common/Result.h"
#include "keysource/HttpFetch.h"
#include "keysource/NetworkOptions.h"
#include "krakend/TestTokens.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace jwb::krakend {

/// How politely a live run goes: one request at a time, `delayMs` between them, each bounded by the network
/// options' timeout, at most `maxRequests` in all. Nothing is sent anywhere but `baseUrl` + each case's path.
struct LiveRunOptions
{
    QUrl baseUrl; ///< what the user typed (checkBaseUrl); never a default
    keysource::NetworkOptions network; ///< TLS (extra CA, pins, insecure for http) and the timeout per request
    int delayMs = 0;
    int maxRequests = 50;
};

/// One case sent to the gateway and what it answered.
struct LiveCaseResult
{
    QString id;
    QString title;
    int expectedStatus = 0;
    QString expectedReason;
    QString url; ///< where the request went
    int actualStatus = 0; ///< 0: no answer (see errorCode)
    QString errorCode; ///< the network failure (connection_refused, tls_error, timeout, ...), empty when answered
    QString errorMessage;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< the answer's headers that tell about auth and the server
    QString bodyExcerpt; ///< the first 300 characters of the body, control characters replaced
    qint64 elapsedMs = 0;
    bool sent = false; ///< false: skipped (the request cap, cancel)
    bool matched = false;
    QString explanation; ///< why they may differ, when they do
};

/// The base URL a live run may go to: http or https, a host, no query or fragment; its path (if any) is kept and the
/// endpoint's path appended. http needs `allowHttp` (TLS options decide the rest). Errors: invalid_url, insecure_url.
[[nodiscard]] common::Result<QUrl> checkBaseUrl(const QString &text, bool allowHttp);

/// Where a case's request goes: base URL + the endpoint path (with its sample values).
[[nodiscard]] QUrl liveCaseUrl(const QUrl &baseUrl, const TestTokenTarget &target);

/// The request that carries `token` to the gateway, as the config reads it: `Authorization: Bearer TOKEN` (or the
/// configured header), or the configured cookie.
[[nodiscard]] keysource::HttpRequestSpec liveCaseRequest(const TestTokenTarget &target, const QString &token);

/// Why the gateway's answer may differ from the simulation's, as far as the case says: "the gateway accepted an
/// expired token: is it running this configuration? is its leeway larger?". Empty when they match.
[[nodiscard]] QString explainMismatch(const TestTokenCase &c, int actualStatus, const QString &errorCode = {});

/// The headers of an answer worth showing next to its status (WWW-Authenticate, Content-Type, Server, X-Krakend*,
/// ...), in the order received.
[[nodiscard]] QList<std::pair<QByteArray, QByteArray>> relevantHeaders(
    const QList<std::pair<QByteArray, QByteArray>> &headers);

/// Sends each case's token to a live gateway, one request at a time, and compares the status it answers with the
/// one the simulation predicted. Emits caseFinished(i) after each case and finished() once (also after cancel()).
/// Cases minted to be used at once (TestTokens::mintedWhenUsed: inside_leeway) are minted again through `remint`
/// just before they are sent.
class LiveRun : public QObject
{
    Q_OBJECT
public:
    using Remint = std::function<common::Result<TestTokenCase>(const TestTokenCase &)>;

    LiveRun(QNetworkAccessManager *manager, TestTokenTarget target, QList<TestTokenCase> cases, LiveRunOptions options,
        Remint remint = {}, QObject *parent = nullptr);
    ~LiveRun() override;

    void start();
    void cancel();

    [[nodiscard]] const QList<LiveCaseResult> &results() const { return m_results; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] bool wasCancelled() const { return m_cancelled; }
    /// Every case was sent and answered with the predicted status.
    [[nodiscard]] bool allMatched() const;
    [[nodiscard]] int sentCount() const;
    [[nodiscard]] int mismatchCount() const;
    /// "8 of 9 cases answered as simulated; 1 differs" and the like.
    [[nodiscard]] QString summary() const;
    /// {base_url, cases [{id, title, url, expected_status, expected_reason, actual_status, matched, error, headers,
    /// body_excerpt, elapsed_ms, explanation}], sent, matched, mismatches, cancelled, all_matched}
    [[nodiscard]] QJsonObject toJson() const;

Q_SIGNALS:
    void caseStarted(int index);
    void caseFinished(int index);
    void finished();

private:
    void sendNext();
    void onFetchFinished();
    void finish();

    QNetworkAccessManager *m_manager;
    TestTokenTarget m_target;
    QList<TestTokenCase> m_cases;
    LiveRunOptions m_options;
    Remint m_remint;
    QList<LiveCaseResult> m_results;
    QPointer<keysource::HttpFetch> m_fetch;
    QTimer m_delay;
    int m_next = 0;
    qint64 m_startedMs = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace jwb::krakend
