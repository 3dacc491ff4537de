// `token fetch` against a real OpenID provider (oidc-provider, tests/integration/servers/oidc-server.mjs, over
// HTTPS on 127.0.0.1 with a test CA): client credentials with client_secret_basic, client_secret_post and
// private_key_jwt (RFC 7523); authorization code with PKCE through the loopback redirect, the provider's login and
// consent pages driven over HTTP by a small form-following "browser"; the device flow (RFC 8628) the same way; the
// refresh token from the authorization code flow exchanged again. Fault modes: a wrong secret (the provider's
// error and error_description shown, exit 1), a slow token endpoint (timeout, exit 3), an untrusted CA (TLS error,
// exit 3), a redirect with another state, the user aborting the sign-in, usage errors (exit 2).
//
// Without Node or the npm dependencies the suite is skipped with a message (under CI=true it fails instead).
#include "IntegrationSupport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using jwb::itest::Run;
using jwb::itest::runCli;

namespace {

QJsonObject segment(const QString &token, int index)
{
    const QByteArray raw = QByteArray::fromBase64(
        token.section(u'.', index, index).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(raw).object();
}

/// A user at a browser, as far as the provider's pages need one: cookies, redirects followed by hand (so that the
/// loopback redirect is seen), forms read and submitted with their hidden fields, a login and password typed in.
class Browser
{
public:
    explicit Browser(const QList<QSslCertificate> &ca) : m_ca(ca) { }

    struct Page
    {
        QUrl url;
        int status = 0;
        QByteArray body;
        QUrl location;
        QString error;
    };

    Page request(const QUrl &url, const QByteArray &form = {}, bool post = false)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_ca);
        request.setSslConfiguration(ssl);
        request.setTransferTimeout(15000);
        if (post)
            request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = post ? m_nam.post(request, form) : m_nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Page page;
        page.url = url;
        if (!reply->isFinished()) {
            reply->abort();
            page.error = u"no answer from %1"_s.arg(url.toString());
        } else {
            page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            page.body = reply->readAll();
            const QByteArray location = reply->rawHeader("Location");
            if (!location.isEmpty())
                page.location = url.resolved(QUrl(QString::fromUtf8(location)));
            if (page.status == 0)
                page.error = reply->errorString();
        }
        reply->deleteLater();
        return page;
    }

    /// Follows `url` through redirects and forms until a page without a form, or the loopback redirect (whose
    /// answer is returned). With `abort`, the consent page is left through its abort link instead.
    Page signIn(const QUrl &start, bool abort, QStringList *trail)
    {
        Page page = request(start);
        for (int step = 0; step < 25; ++step) {
            trail->append(u"%1 %2"_s.arg(page.status).arg(page.url.toString()));
            if (!page.error.isEmpty())
                return page;
            if (page.status >= 300 && page.status < 400 && page.location.isValid()) {
                page = request(page.location);
                continue;
            }
            if (page.url.scheme() == u"http")
                return page; // the loopback redirect answered
            const QString html = QString::fromUtf8(page.body);
            static const QRegularExpression formRe(u"<form[^>]*action=\"([^\"]*)\""_s);
            const auto form = formRe.match(html);
            if (!form.hasMatch())
                return page;
            const QUrl action = page.url.resolved(QUrl(form.captured(1)));
            if (abort && html.contains(u"name=\"prompt\" value=\"consent\""_s)) {
                page = request(QUrl(action.toString() + u"/abort"_s));
                continue;
            }
            page = request(action, fields(html), true);
        }
        return page;
    }

private:
    static QByteArray fields(const QString &html)
    {
        static const QRegularExpression inputRe(u"<input([^>]*)>"_s);
        static const QRegularExpression nameRe(u"name=\"([^\"]*)\""_s);
        static const QRegularExpression valueRe(u"value=\"([^\"]*)\""_s);
        QUrlQuery q;
        for (auto it = inputRe.globalMatch(html); it.hasNext();) {
            const QString attributes = it.next().captured(1);
            const QString name = nameRe.match(attributes).captured(1);
            if (name.isEmpty())
                continue;
            QString value = valueRe.match(attributes).captured(1);
            if (value.isEmpty())
                value = name == u"password" ? u"any-password"_s : u"alice"_s;
            q.addQueryItem(name, value);
        }
        return q.query(QUrl::FullyEncoded).toUtf8();
    }

    QList<QSslCertificate> m_ca;
    QNetworkAccessManager m_nam; // its default cookie jar keeps the provider's session
};

/// The CLI running in the background while the test plays the user.
class CliProcess
{
public:
    explicit CliProcess(const QStringList &args)
    {
        m_process.setProgram(jwb::test::cliPath());
        m_process.setArguments(args);
        m_process.start();
        m_process.closeWriteChannel();
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// The first match of `re` in what the CLI wrote to stderr, waiting up to `ms`.
    QString waitForStderr(const QRegularExpression &re, int ms = 20000)
    {
        QString found;
        (void)QTest::qWaitFor(
            [&] {
                m_err += m_process.readAllStandardError();
                found = re.match(QString::fromUtf8(m_err)).captured(1);
                return !found.isEmpty() || m_process.state() == QProcess::NotRunning;
            },
            ms);
        return found;
    }

    Run finish(int ms = 60000)
    {
        (void)QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, ms);
        Run r;
        r.exitCode = m_process.state() == QProcess::NotRunning ? m_process.exitCode() : -1;
        r.out = m_process.readAllStandardOutput();
        r.err = m_err + m_process.readAllStandardError();
        QJsonParseError e {};
        r.json = QJsonDocument::fromJson(r.out, &e).object();
        r.jsonOk = e.error == QJsonParseError::NoError;
        return r;
    }

private:
    QProcess m_process;
    QByteArray m_err;
};

} // namespace

class TokenFetchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void clientCredentials_data();
    void clientCredentials();
    void printsOnlyTheToken();
    void faults_data();
    void faults();
    void authorizationCodeAndRefresh();
    void authorizationCodeRefused_data();
    void authorizationCodeRefused();
    void deviceFlow();
    void deviceFlowDenied();

private:
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] QStringList base(const QString &clientId) const
    {
        return {
            u"token"_s, u"fetch"_s, u"--issuer"_s, m_issuer, u"--client-id"_s, clientId, u"--ca"_s, file(u"ca.pem"_s)};
    }
    /// Checks the ID token of a `--json` answer: present, verified with the issuer's keys, aud = client id, and
    /// with `nonce` the nonce the CLI sent.
    void checkIdToken(const Run &r, bool nonce);

    QTemporaryDir m_dir;
    jwb::itest::NodeServer m_server;
    QList<QSslCertificate> m_ca;
    QString m_issuer;
};

void TokenFetchTest::initTestCase()
{
    const QString node = jwb::itest::findNode();
    JWB_REQUIRE(!node.isEmpty(),
        QStringLiteral("node is not installed: the OpenID provider tests need Node.js 20+ "
                       "and `npm ci` in tests/integration/servers (make test does both)"));
    const QString provider = jwb::itest::serversDir() + u"/node_modules/oidc-provider/package.json"_s;
    JWB_REQUIRE(QFileInfo::exists(provider),
        u"oidc-provider is not installed: run `npm ci --prefix %1` (or packaging/bootstrap.sh)"_s.arg(
            jwb::itest::serversDir()));
    JWB_REQUIRE(!jwb::itest::findOpenssl().isEmpty(), u"the openssl command is not installed"_s);
    QVERIFY(m_dir.isValid());

    jwb::itest::TestPki pki(m_dir.path());
    QString error;
    QVERIFY2(pki.create(&error), qPrintable(error));
    m_ca = QSslCertificate::fromPath(file(u"ca.pem"_s));
    QCOMPARE(m_ca.size(), 1);
    QVERIFY2(m_server.start(node, jwb::itest::serversDir() + u"/oidc-server.mjs"_s, {m_dir.path()}, &error, 60000),
        qPrintable(error));
    m_issuer = m_server.ready().value("issuer"_L1).toString();
    QVERIFY(!m_issuer.isEmpty());
    QVERIFY(jwb::itest::writeFile(file(u"secret.txt"_s), "jwb-secret\n"));
    QVERIFY(jwb::itest::writeFile(file(u"wrong-secret.txt"_s), "not-the-secret\n"));
    QVERIFY(QFileInfo::exists(file(u"client-es256.pem"_s)));
}

void TokenFetchTest::cleanupTestCase()
{
    const bool running = m_server.isRunning();
    const QByteArray err = m_server.stderrText();
    m_server.stop();
    if (m_issuer.isEmpty())
        return;
    QVERIFY2(running, QByteArray("the OpenID provider died during the run: " + err).constData());
}

void TokenFetchTest::clientCredentials_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QStringList>("auth");
    QTest::addColumn<QString>("alg");
    QTest::newRow("client_secret_basic") << u"jwb-client"_s << QStringList {u"--client-secret-file"_s, u"secret.txt"_s}
                                         << u"ES256"_s;
    QTest::newRow("client_secret_post") << u"jwb-client-post"_s
                                        << QStringList {u"--client-secret-file"_s, u"secret.txt"_s, u"--auth"_s,
                                               u"client_secret_post"_s}
                                        << u"PS256"_s;
    QTest::newRow("private_key_jwt") << u"jwb-pkjwt"_s << QStringList {u"--private-key"_s, u"client-es256.pem"_s}
                                     << u"EdDSA"_s;
}

void TokenFetchTest::clientCredentials()
{
    QFETCH(QString, clientId);
    QFETCH(QStringList, auth);
    QFETCH(QString, alg);
    auth[1] = file(auth[1]);
    const QString resource = u"https://api.jwb.test/"_s + alg;
    const Run r = runCli(
        base(clientId) + auth + QStringList {u"--resource"_s, resource, u"--scope"_s, u"api:read"_s, u"--json"_s});
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    const QString token = r.json.value("access_token"_L1).toString();
    QCOMPARE(r.json.value("token_type"_L1).toString(), u"Bearer"_s);
    QCOMPARE(r.json.value("scope"_L1).toString(), u"api:read"_s);
    QVERIFY(r.json.value("expires_in"_L1).toInt() > 0);
    QCOMPARE(segment(token, 0).value("alg"_L1).toString(), alg);
    const QJsonObject jwb = r.json.value("jwb"_L1).toObject();
    QCOMPARE(jwb.value("flow"_L1).toString(), u"client-credentials"_s);
    QCOMPARE(jwb.value("issuer"_L1).toString(), m_issuer);
    QCOMPARE(jwb.value("token_endpoint"_L1).toString(), m_issuer + u"/token"_s);
    const QJsonObject decoded = jwb.value("decoded"_L1).toObject().value("access_token"_L1).toObject();
    QCOMPARE(decoded.value("payload"_L1).toObject().value("aud"_L1).toString(), resource);
    QCOMPARE(decoded.value("payload"_L1).toObject().value("client_id"_L1).toString(), clientId);
    const QJsonObject verified = jwb.value("verification"_L1).toObject().value("access_token"_L1).toObject();
    QVERIFY2(verified.value("valid"_L1).toBool(), r.describe().constData());
    QCOMPARE(verified.value("alg"_L1).toString(), alg);
    // The secret never appears in what the CLI prints.
    QVERIFY(!r.out.contains("jwb-secret") && !r.err.contains("jwb-secret"));
}

void TokenFetchTest::printsOnlyTheToken()
{
    const Run r = runCli(base(u"jwb-client"_s)
        + QStringList {u"--client-secret-file"_s, file(u"secret.txt"_s), u"--resource"_s,
            u"https://api.jwb.test/RS256"_s, u"--scope"_s, u"api:read"_s});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    const QString token = QString::fromUtf8(r.out).trimmed();
    QCOMPARE(token.count(u'.'), 2);
    QCOMPARE(r.out, token.toUtf8() + '\n');
    QCOMPARE(segment(token, 1).value("iss"_L1).toString(), m_issuer);
    // The token verifies with the issuer's keys through the verify command too.
    const Run v = runCli({u"verify"_s, token, u"--issuer"_s, m_issuer, u"--ca"_s, file(u"ca.pem"_s), u"--aud"_s,
        u"https://api.jwb.test/RS256"_s});
    QVERIFY2(v.exitCode == 0, v.describe().constData());
}

void TokenFetchTest::faults_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    const QString secret = file(u"secret.txt"_s);
    QTest::newRow("wrong secret") << QStringList {u"--client-id"_s, u"jwb-client"_s, u"--client-secret-file"_s,
        file(u"wrong-secret.txt"_s)}
                                  << 1 << u"token_error"_s
                                  << u"error \"invalid_client\": client authentication failed"_s;
    QTest::newRow("unknown client") << QStringList {u"--client-id"_s, u"nobody"_s, u"--client-secret-file"_s, secret}
                                    << 1 << u"token_error"_s << u"invalid_client"_s;
    QTest::newRow("slow token endpoint") << QStringList {u"--client-id"_s, u"jwb-slow"_s, u"--client-secret-file"_s,
        secret, u"--timeout"_s, u"2s"_s} << 3
                                         << u"timeout"_s << u"/token"_s;
    QTest::newRow("untrusted CA") << QStringList {u"--client-id"_s, u"jwb-client"_s, u"--client-secret-file"_s, secret,
        u"--no-ca"_s} << 3 << u"tls_error"_s
                                  << u"discovery: TLS with 127.0.0.1 failed"_s;
    QTest::newRow("issuer with a trailing slash")
        << QStringList {u"--client-id"_s, u"jwb-client"_s, u"--client-secret-file"_s, secret, u"--issuer-slash"_s} << 3
        << u"issuer_mismatch"_s << u"trailing slash"_s;
    QTest::newRow("unknown flow") << QStringList {u"--client-id"_s, u"jwb-client"_s, u"--flow"_s, u"implicit"_s} << 2
                                  << u"usage"_s << u"--flow implicit"_s;
    QTest::newRow("secret and key") << QStringList {u"--client-id"_s, u"jwb-client"_s, u"--client-secret-file"_s,
        secret, u"--private-key"_s, file(u"client-es256.pem"_s)}
                                    << 2 << u"usage"_s << u"not both"_s;
    QTest::newRow("refresh without a token") << QStringList {u"--client-id"_s, u"jwb-native"_s, u"--flow"_s,
        u"refresh"_s} << 2 << u"usage"_s << u"--refresh-token-file"_s;
    QTest::newRow("browser sign-in never done") << QStringList {u"--client-id"_s, u"jwb-native"_s, u"--flow"_s,
        u"auth-code"_s, u"--no-browser"_s, u"--wait"_s, u"1s"_s}
                                                << 1 << u"interaction_timeout"_s << u"no sign-in within 1 s"_s;
    QTest::newRow("device code never entered")
        << QStringList {u"--client-id"_s, u"jwb-native"_s, u"--flow"_s, u"device"_s, u"--wait"_s, u"1s"_s} << 1
        << u"interaction_timeout"_s << u"no sign-in within 1 s"_s;
    QTest::newRow("public client, client credentials")
        << QStringList {u"--client-id"_s, u"jwb-native"_s} << 1 << u"token_error"_s
        << u"error \"invalid_request\": requested grant type is not allowed for this client"_s;
}

void TokenFetchTest::faults()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    QString issuer = m_issuer;
    QStringList ca {u"--ca"_s, file(u"ca.pem"_s)};
    if (args.removeAll(u"--no-ca"_s))
        ca.clear();
    if (args.removeAll(u"--issuer-slash"_s))
        issuer += u'/';
    const Run r = runCli(QStringList {u"token"_s, u"fetch"_s, u"--issuer"_s, issuer, u"--json"_s} + ca + args);
    QVERIFY2(r.exitCode == exitCode && r.jsonOk, r.describe().constData());
    QCOMPARE(r.errorCode(), code);
    QVERIFY2(r.errorMessage().contains(messagePart), r.describe().constData());
    QVERIFY2(r.err.contains(messagePart.toUtf8()), r.describe().constData());
    if (code == u"token_error") {
        const QJsonObject e = r.json.value("error"_L1).toObject();
        const QString oauthError = e.value("error"_L1).toString();
        QVERIFY2(!oauthError.isEmpty() && messagePart.contains(oauthError), r.describe().constData());
        QVERIFY(!e.value("error_description"_L1).toString().isEmpty());
    }
    if (code == u"timeout")
        QVERIFY2(r.elapsedMs < 15000, r.describe().constData());
    QVERIFY(!r.out.contains("jwb-secret") && !r.err.contains("jwb-secret"));
}

void TokenFetchTest::checkIdToken(const Run &r, bool nonce)
{
    const QString idToken = r.json.value("id_token"_L1).toString();
    QVERIFY2(!idToken.isEmpty(), r.describe().constData());
    const QJsonObject jwb = r.json.value("jwb"_L1).toObject();
    const QJsonObject payload
        = jwb.value("decoded"_L1).toObject().value("id_token"_L1).toObject().value("payload"_L1).toObject();
    QCOMPARE(payload.value("aud"_L1).toString(), u"jwb-native"_s);
    QCOMPARE(payload.value("sub"_L1).toString(), u"alice"_s);
    if (nonce) // sent with the authorization request: it comes back (a refreshed ID token may repeat it)
        QVERIFY2(!payload.value("nonce"_L1).toString().isEmpty(), r.describe().constData());
    const QJsonObject report = jwb.value("verification"_L1).toObject().value("id_token"_L1).toObject();
    QVERIFY2(report.value("valid"_L1).toBool(), r.describe().constData());
    QStringList passed;
    const QJsonArray checks = report.value("checks"_L1).toArray();
    for (const auto &c : checks)
        if (c.toObject().value("ok"_L1).toBool())
            passed << c.toObject().value("name"_L1).toString();
    for (const auto *name : {"signature", "iss", "aud", "exp"})
        QVERIFY2(passed.contains(QLatin1String(name)), r.describe().constData());
}

void TokenFetchTest::authorizationCodeAndRefresh()
{
    CliProcess cli(base(u"jwb-native"_s)
        + QStringList {
            u"--flow"_s, u"auth-code"_s, u"--no-browser"_s, u"--scope"_s, u"openid offline_access"_s, u"--json"_s});
    const QString url = cli.waitForStderr(QRegularExpression(u"(https://\\S+/auth\\?\\S+)"_s));
    QVERIFY2(!url.isEmpty(), cli.finish(1000).describe().constData());
    const QUrlQuery query {QUrl(url)};
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge"_s).size(), 43);
    QVERIFY(!query.queryItemValue(u"state"_s).isEmpty());
    QVERIFY(!query.queryItemValue(u"nonce"_s).isEmpty());
    const QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    QVERIFY(redirect.port() > 0);

    Browser browser(m_ca);
    QStringList trail;
    const Browser::Page last = browser.signIn(QUrl(url), false, &trail);
    QVERIFY2(last.url.scheme() == u"http" && last.status == 200, qPrintable(trail.join(u'\n')));
    QVERIFY(last.body.contains("You can close this window"));
    const Run r = cli.finish();
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.json.value("jwb"_L1).toObject().value("flow"_L1).toString(), u"auth-code"_s);
    checkIdToken(r, true);
    const QJsonObject idPayload = r.json.value("jwb"_L1)
                                      .toObject()
                                      .value("decoded"_L1)
                                      .toObject()
                                      .value("id_token"_L1)
                                      .toObject()
                                      .value("payload"_L1)
                                      .toObject();
    QCOMPARE(idPayload.value("nonce"_L1).toString(), query.queryItemValue(u"nonce"_s));
    const QString refresh = r.json.value("refresh_token"_L1).toString();
    QVERIFY2(!refresh.isEmpty(), r.describe().constData());

    // The refresh token for a new access token (and ID token, without nonce).
    QVERIFY(jwb::itest::writeFile(file(u"refresh.txt"_s), refresh.toUtf8() + '\n'));
    const Run again = runCli(base(u"jwb-native"_s)
        + QStringList {u"--flow"_s, u"refresh"_s, u"--refresh-token-file"_s, file(u"refresh.txt"_s), u"--json"_s});
    QVERIFY2(again.exitCode == 0 && again.jsonOk, again.describe().constData());
    QVERIFY(!again.json.value("access_token"_L1).toString().isEmpty());
    QVERIFY(again.json.value("access_token"_L1).toString() != r.json.value("access_token"_L1).toString());
    checkIdToken(again, false);
    QVERIFY2(!again.err.contains(refresh.toUtf8()), again.describe().constData());

    // A refresh token that the provider does not know: its error, exit 1.
    QVERIFY(jwb::itest::writeFile(file(u"bad-refresh.txt"_s), "not-a-refresh-token\n"));
    const Run bad = runCli(base(u"jwb-native"_s)
        + QStringList {u"--flow"_s, u"refresh"_s, u"--refresh-token-file"_s, file(u"bad-refresh.txt"_s), u"--json"_s});
    QVERIFY2(bad.exitCode == 1, bad.describe().constData());
    QCOMPARE(bad.json.value("error"_L1).toObject().value("error"_L1).toString(), u"invalid_grant"_s);
}

void TokenFetchTest::authorizationCodeRefused_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("another state") << u"state"_s << u"state_mismatch"_s << u"another state"_s;
    QTest::newRow("user aborts") << u"abort"_s << u"authorization_error"_s << u"access_denied"_s;
}

void TokenFetchTest::authorizationCodeRefused()
{
    QFETCH(QString, how);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    CliProcess cli(base(u"jwb-native"_s)
        + QStringList {u"--flow"_s, u"auth-code"_s, u"--no-browser"_s, u"--scope"_s, u"openid"_s, u"--json"_s});
    const QString url = cli.waitForStderr(QRegularExpression(u"(https://\\S+/auth\\?\\S+)"_s));
    QVERIFY2(!url.isEmpty(), cli.finish(1000).describe().constData());
    Browser browser(m_ca);
    if (how == u"state") {
        QUrl forged(QUrlQuery(QUrl(url)).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        forged.setQuery(u"code=stolen&state=not-the-state"_s);
        const Browser::Page page = browser.request(forged);
        QCOMPARE(page.status, 400);
    } else {
        QStringList trail;
        const Browser::Page last = browser.signIn(QUrl(url), true, &trail);
        QVERIFY2(last.url.scheme() == u"http" && last.status == 400, qPrintable(trail.join(u'\n')));
    }
    const Run r = cli.finish();
    QVERIFY2(r.exitCode == 1 && r.jsonOk, r.describe().constData());
    QCOMPARE(r.errorCode(), code);
    QVERIFY2(r.errorMessage().contains(messagePart), r.describe().constData());
}

// The user aborts the device sign-in at the consent page: the next poll answers access_denied (RFC 8628 §3.5).
void TokenFetchTest::deviceFlowDenied()
{
    CliProcess cli(
        base(u"jwb-native"_s) + QStringList {u"--flow"_s, u"device"_s, u"--scope"_s, u"openid"_s, u"--json"_s});
    const QString complete = cli.waitForStderr(QRegularExpression(u"or open (https://\\S+)"_s));
    QVERIFY2(!complete.isEmpty(), cli.finish(1000).describe().constData());
    Browser browser(m_ca);
    QStringList trail;
    browser.signIn(QUrl(complete), true, &trail);
    const Run r = cli.finish(30000);
    const QByteArray context = r.describe() + '\n' + trail.join(u'\n').toUtf8();
    QVERIFY2(r.exitCode == 1 && r.jsonOk, context.constData());
    QCOMPARE(r.errorCode(), u"access_denied"_s);
    QVERIFY2(r.errorMessage().contains(u"denied"_s), r.describe().constData());
}

void TokenFetchTest::deviceFlow()
{
    CliProcess cli(
        base(u"jwb-native"_s) + QStringList {u"--flow"_s, u"device"_s, u"--scope"_s, u"openid"_s, u"--json"_s});
    const QString complete = cli.waitForStderr(QRegularExpression(u"or open (https://\\S+)"_s));
    QVERIFY2(!complete.isEmpty(), cli.finish(1000).describe().constData());
    const QString userCode = QUrlQuery(QUrl(complete)).queryItemValue(u"user_code"_s);
    QVERIFY(!userCode.isEmpty());
    Browser browser(m_ca);
    QStringList trail;
    const Browser::Page last = browser.signIn(QUrl(complete), false, &trail);
    QVERIFY2(last.status == 200 && last.url.path().startsWith(u"/device"_s), qPrintable(trail.join(u'\n')));
    const Run r = cli.finish(30000);
    QVERIFY2(r.exitCode == 0 && r.jsonOk, r.describe().constData());
    QVERIFY2(r.err.contains(userCode.toUtf8()), r.describe().constData());
    QCOMPARE(r.json.value("jwb"_L1).toObject().value("flow"_L1).toString(), u"device"_s);
    checkIdToken(r, false);
}

QTEST_GUILESS_MAIN(TokenFetchTest)
#include "tst_token_fetch.moc"
