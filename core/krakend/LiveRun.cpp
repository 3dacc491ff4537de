#include "krakend/LiveRun.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace jwb::krakend {

using common::Result;

namespace {

constexpr int kBodyExcerpt = 300;

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(kBodyExcerpt * 4)).left(kBodyExcerpt);
    for (QChar &ch : text)
        if (ch.category() == QChar::Other_Control && ch != u'\n')
            ch = u' ';
    if (body.size() > text.toUtf8().size())
        text += QStringLiteral("…");
    return text.trimmed();
}

bool accepted(int status)
{
    return status >= 200 && status <= 299;
}

/// What the gateway's acceptance of a token the simulation refuses says, per case.
QString acceptedAnyway(TestTokenKind kind)
{
    switch (kind) {
    case TestTokenKind::Expired:
        return QStringLiteral("the gateway accepted an expired token: is it running this configuration? Is its leeway "
                              "larger, or its clock behind?");
    case TestTokenKind::OutsideLeeway:
        return QStringLiteral("the gateway accepted a token expired just beyond the leeway: is its leeway larger than "
                              "this configuration's, or its clock a few seconds behind?");
    case TestTokenKind::NotYetValid:
        return QStringLiteral("the gateway accepted a token that is not valid yet (nbf): is its clock ahead, or its "
                              "leeway larger?");
    case TestTokenKind::WrongAudience:
        return QStringLiteral("the gateway accepted a wrong audience: does its configuration set `audience`?");
    case TestTokenKind::WrongIssuer:
        return QStringLiteral("the gateway accepted a wrong issuer: does its configuration set `issuer`?");
    case TestTokenKind::MissingRole:
        return QStringLiteral("the gateway accepted a token without the required role: does its configuration set "
                              "`roles` and `roles_key` as this one does?");
    case TestTokenKind::MissingScope:
        return QStringLiteral("the gateway accepted a token without the required scope: does its configuration set "
                              "`scopes` and `scopes_key` as this one does?");
    case TestTokenKind::UnknownKid:
        return QStringLiteral("the gateway accepted a key id its key set should not have: does it use another key set, "
                              "or ignore the kid?");
    case TestTokenKind::AlgNone:
    case TestTokenKind::AlgNoneSpelling:
        return QStringLiteral("the gateway accepted an unsigned token (alg none): this is a critical vulnerability; is "
                              "the endpoint protected at all?");
    case TestTokenKind::HmacWithPublicKey:
        return QStringLiteral("the gateway accepted HS256 keyed with the public key (algorithm confusion): it lets the "
                              "token choose the algorithm");
    case TestTokenKind::EmbeddedJwk:
        return QStringLiteral("the gateway accepted a token signed by the key in its own header: it trusts the "
                              "token's jwk");
    case TestTokenKind::KidInjection:
        return QStringLiteral("the gateway accepted HS256 with an empty secret behind a path in kid: it reads keys "
                              "from files named by the token");
    case TestTokenKind::StrippedSignature:
        return QStringLiteral("the gateway accepted a token without its signature: it does not verify signatures");
    case TestTokenKind::PsychicEcdsa:
        return QStringLiteral("the gateway accepted an ECDSA signature r = s = 0 (CVE-2022-21449): its ECDSA "
                              "verifier lacks the range check (an old Java?)");
    case TestTokenKind::WrongTyp:
    case TestTokenKind::Valid:
    case TestTokenKind::InsideLeeway:
        break;
    }
    return QStringLiteral("the gateway accepted a token the simulation refuses: is it running this configuration?");
}

/// What the gateway's refusal of a token the simulation accepts says, per case.
QString refusedAnyway(const TestTokenCase &c, int actual)
{
    if (c.kind == TestTokenKind::InsideLeeway)
        return QStringLiteral("the gateway refused a token within the leeway: is its leeway smaller, or its clock "
                              "ahead? (The token was minted just before it was sent.)");
    if (c.kind == TestTokenKind::WrongTyp)
        return QStringLiteral("the gateway refused a token whose only fault is its typ: it checks typ, which KrakenD "
                              "does not");
    if (actual == 401)
        return QStringLiteral("the gateway refused a token the simulation accepts: does it have the signing key (its "
                              "jwk_url or jwk_local_path serves this key set? the same kid?), the same alg, issuer and "
                              "audience, and the clock of this machine?");
    return QStringLiteral("the gateway answered %1 where the simulation accepts the token: roles or scopes (403), or "
                          "another rule in front of the endpoint?")
        .arg(actual);
}

} // namespace

Result<QUrl> checkBaseUrl(const QString &text, bool allowHttp)
{
    const QString trimmed = text.trimmed();
    const QUrl url = QUrl::fromUserInput(trimmed);
    const QString scheme = url.scheme().toLower();
    if (trimmed.isEmpty() || !url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")
        || !trimmed.contains(QStringLiteral("://")))
        return Result<QUrl>::failure(common::ErrorCode::InvalidUrl,
            QStringLiteral("\"%1\" is not a gateway URL: give http(s)://host[:port] (the tokens go nowhere else)")
                .arg(trimmed));
    if (url.hasQuery() || url.hasFragment())
        return Result<QUrl>::failure(common::ErrorCode::InvalidUrl,
            QStringLiteral("\"%1\": the base URL takes no query or fragment; each case adds its endpoint's path")
                .arg(trimmed));
    if (scheme == u"http" && !allowHttp)
        return Result<QUrl>::failure(common::ErrorCode::InsecureUrl,
            QStringLiteral("%1 is plain http: the tokens would cross the network unencrypted; allow it explicitly "
                           "(--insecure) for a local gateway")
                .arg(trimmed));
    return url;
}

QUrl liveCaseUrl(const QUrl &baseUrl, const TestTokenTarget &target)
{
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    QString path = target.path.isEmpty() ? QStringLiteral("/") : target.path;
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    const qsizetype query = path.indexOf(u'?');
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
        path.truncate(query);
    }
    url.setPath(base + path);
    return url;
}

keysource::HttpRequestSpec liveCaseRequest(const TestTokenTarget &target, const QString &token)
{
    keysource::HttpRequestSpec spec;
    spec.method = target.method.toUpper().toLatin1();
    spec.anyStatus = true;
    const SimulationRequest request = target.request(token);
    for (const auto &[name, value] : request.headers)
        spec.headers.append({name.toLatin1(), value.toUtf8()});
    QStringList cookies;
    for (const auto &[name, value] : request.cookies)
        cookies << name + u'=' + value;
    if (!cookies.isEmpty())
        spec.headers.append({QByteArrayLiteral("Cookie"), cookies.join(QStringLiteral("; ")).toUtf8()});
    return spec;
}

QString explainMismatch(const TestTokenCase &c, int actualStatus, const QString &errorCode)
{
    if (actualStatus == c.expectedStatus && errorCode.isEmpty())
        return {};
    if (actualStatus == 0)
        return errorCode == u"cancelled" ? QStringLiteral("not sent: the run was cancelled")
                                         : QStringLiteral("no answer from the gateway (%1)").arg(errorCode);
    if (actualStatus == 404 || actualStatus == 405)
        return QStringLiteral("the gateway has no such endpoint (%1): check the base URL, the path and the method")
            .arg(actualStatus);
    if (actualStatus >= 300 && actualStatus <= 399)
        return QStringLiteral("the gateway redirected (%1); redirects are not followed: is the base URL the gateway's "
                              "own (http vs https, a trailing path)?")
            .arg(actualStatus);
    if (accepted(c.expectedStatus) && actualStatus >= 500)
        return QStringLiteral("authorization passed, but the backend failed (%1): the gateway accepted the token")
            .arg(actualStatus);
    if (!accepted(c.expectedStatus) && (accepted(actualStatus) || actualStatus >= 500))
        return acceptedAnyway(c.kind);
    if (accepted(c.expectedStatus))
        return refusedAnyway(c, actualStatus);
    if (c.expectedStatus == 403 && actualStatus == 401)
        return QStringLiteral("the gateway refused with 401 where the simulation gets to the roles or scopes check "
                              "(403): it failed an earlier check (key, alg, issuer, audience or time)");
    if (c.expectedStatus == 401 && actualStatus == 403)
        return QStringLiteral("the gateway refused with 403 where the simulation stops earlier with 401: its "
                              "signature and claim checks passed, and a roles or scopes rule refused it");
    return QStringLiteral("the gateway answered %1 where the simulation expects %2")
        .arg(actualStatus)
        .arg(c.expectedStatus);
}

QList<std::pair<QByteArray, QByteArray>> relevantHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    static const QList<QByteArray> names {
        "www-authenticate", "content-type", "server", "location", "x-krakend", "x-krakend-completed", "content-length"};
    QList<std::pair<QByteArray, QByteArray>> out;
    for (const auto &header : headers) {
        const QByteArray name = header.first.toLower();
        if (names.contains(name) || name.startsWith("x-krakend"))
            out.append(header);
    }
    return out;
}

LiveRun::LiveRun(QNetworkAccessManager *manager, TestTokenTarget target, QList<TestTokenCase> cases,
    LiveRunOptions options, Remint remint, QObject *parent)
    : QObject(parent),
      m_manager(manager),
      m_target(std::move(target)),
      m_cases(std::move(cases)),
      m_options(std::move(options)),
      m_remint(std::move(remint))
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, &LiveRun::sendNext);
    for (const TestTokenCase &c : m_cases) {
        LiveCaseResult r;
        r.id = c.id;
        r.title = c.title;
        r.expectedStatus = c.expectedStatus;
        r.expectedReason = c.expectedReason;
        r.url = liveCaseUrl(m_options.baseUrl, m_target).toString();
        m_results.append(r);
    }
}

LiveRun::~LiveRun()
{
    if (m_fetch)
        m_fetch->disconnect(this);
}

void LiveRun::start()
{
    if (m_started)
        return;
    m_started = true;
    sendNext();
}

void LiveRun::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    m_delay.stop();
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->cancel();
        m_fetch->deleteLater();
        LiveCaseResult &r = m_results[m_next - 1];
        r.errorCode = QStringLiteral("cancelled");
        r.errorMessage = QStringLiteral("cancelled while waiting for the answer");
        r.explanation = explainMismatch(m_cases.at(m_next - 1), 0, r.errorCode);
        Q_EMIT caseFinished(m_next - 1);
    }
    finish();
}

void LiveRun::sendNext()
{
    if (m_cancelled || m_finished)
        return;
    if (m_next >= m_cases.size() || m_next >= m_options.maxRequests) {
        finish();
        return;
    }
    const int index = m_next++;
    TestTokenCase &c = m_cases[index];
    LiveCaseResult &r = m_results[index];
    if (TestTokens::mintedWhenUsed(c.kind) && m_remint) {
        // Minted now, so that its times count from this request (inside the leeway for as long as it allows).
        if (auto again = m_remint(c)) {
            c = again.value();
            r.expectedStatus = c.expectedStatus;
            r.expectedReason = c.expectedReason;
        }
    }
    Q_EMIT caseStarted(index);
    m_fetch = new keysource::HttpFetch(m_manager, QUrl(r.url), m_options.network, this);
    keysource::HttpRequestSpec spec = liveCaseRequest(m_target, c.token);
    m_fetch->setRequest(spec);
    connect(m_fetch, &keysource::HttpFetch::finished, this, &LiveRun::onFetchFinished);
    r.sent = true;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_fetch->start();
}

void LiveRun::onFetchFinished()
{
    auto *fetch = m_fetch.data();
    if (!fetch)
        return;
    m_fetch.clear();
    const int index = m_next - 1;
    LiveCaseResult &r = m_results[index];
    r.elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    if (fetch->succeeded()) {
        const keysource::HttpResponse &response = fetch->response();
        r.actualStatus = response.status;
        r.headers = relevantHeaders(response.headers);
        r.bodyExcerpt = excerpt(response.body);
    } else {
        r.errorCode = fetch->error().code;
        r.errorMessage = fetch->error().message;
    }
    r.matched = r.errorCode.isEmpty() && r.actualStatus == r.expectedStatus;
    r.explanation = explainMismatch(m_cases.at(index), r.actualStatus, r.errorCode);
    fetch->deleteLater();
    Q_EMIT caseFinished(index);
    if (m_next >= m_cases.size() || m_next >= m_options.maxRequests) {
        finish();
        return;
    }
    if (m_options.delayMs > 0)
        m_delay.start(m_options.delayMs);
    else
        QMetaObject::invokeMethod(this, &LiveRun::sendNext, Qt::QueuedConnection);
}

void LiveRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (int i = 0; i < m_results.size(); ++i) {
        LiveCaseResult &r = m_results[i];
        if (r.sent)
            continue;
        r.explanation = m_cancelled
            ? QStringLiteral("not sent: the run was cancelled")
            : QStringLiteral("not sent: the cap of %1 requests was reached").arg(m_options.maxRequests);
    }
    Q_EMIT finished();
}

bool LiveRun::allMatched() const
{
    if (m_cancelled || m_results.isEmpty())
        return false;
    return std::all_of(m_results.begin(), m_results.end(), [](const LiveCaseResult &r) { return r.matched; });
}

int LiveRun::sentCount() const
{
    return int(std::count_if(m_results.begin(), m_results.end(), [](const LiveCaseResult &r) { return r.sent; }));
}

int LiveRun::mismatchCount() const
{
    return int(std::count_if(
        m_results.begin(), m_results.end(), [](const LiveCaseResult &r) { return r.sent && !r.matched; }));
}

QString LiveRun::summary() const
{
    const int sent = sentCount();
    const int differ = mismatchCount();
    QString text = QStringLiteral("%1 of %2 cases answered as simulated").arg(sent - differ).arg(m_results.size());
    if (differ > 0)
        text += QStringLiteral("; %1 differ").arg(differ);
    if (sent < m_results.size())
        text += m_cancelled ? QStringLiteral("; cancelled after %1 requests").arg(sent)
                            : QStringLiteral("; %1 not sent (at most %2 requests)")
                                  .arg(m_results.size() - sent)
                                  .arg(m_options.maxRequests);
    return text;
}

QJsonObject LiveRun::toJson() const
{
    QJsonArray cases;
    for (const LiveCaseResult &r : m_results) {
        QJsonObject headers;
        for (const auto &[name, value] : r.headers)
            headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
        QJsonObject o {{QStringLiteral("id"), r.id}, {QStringLiteral("title"), r.title}, {QStringLiteral("url"), r.url},
            {QStringLiteral("expected_status"), r.expectedStatus},
            {QStringLiteral("expected_reason"), r.expectedReason}, {QStringLiteral("sent"), r.sent},
            {QStringLiteral("actual_status"), r.actualStatus ? QJsonValue(r.actualStatus) : QJsonValue()},
            {QStringLiteral("matched"), r.matched}, {QStringLiteral("headers"), headers},
            {QStringLiteral("body_excerpt"), r.bodyExcerpt}, {QStringLiteral("elapsed_ms"), r.elapsedMs},
            {QStringLiteral("explanation"), r.explanation}};
        if (!r.errorCode.isEmpty())
            o.insert(QStringLiteral("error"),
                QJsonObject {{QStringLiteral("code"), r.errorCode}, {QStringLiteral("message"), r.errorMessage}});
        cases.append(o);
    }
    return QJsonObject {{QStringLiteral("base_url"), m_options.baseUrl.toString()}, {QStringLiteral("cases"), cases},
        {QStringLiteral("sent"), sentCount()}, {QStringLiteral("mismatches"), mismatchCount()},
        {QStringLiteral("cancelled"), m_cancelled}, {QStringLiteral("all_matched"), allMatched()},
        {QStringLiteral("summary"), summary()}};
}

} // namespace jwb::krakend
