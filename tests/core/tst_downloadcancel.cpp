// Cancelling a JWK Set download: the simulator's network downloader, Simulator::run and JwksFetcher::fetchBlocking
// against a server that accepts connections and never answers return `cancelled` soon after the token is
// cancelled (from the same thread or another one), long before their timeout.
#include "common/CancelToken.h"
#include "keysource/JwksFetcher.h"
#include "krakend/Simulator.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QtConcurrent>

using namespace jwb;

namespace {

/// A deadline far beyond the test's patience: a result before it comes from the cancel, not the timeout.
constexpr int kTimeoutMs = 60000;
/// How long after cancel() a blocked download may still take (the poll is 50 ms; the machine is shared).
constexpr qint64 kSoonMs = 2000;

keysource::NetworkOptions insecureOptions()
{
    keysource::NetworkOptions o;
    o.insecure = true; // plain http to the local server
    o.timeoutMs = kTimeoutMs;
    return o;
}

/// Lets the work run for 300 ms (it must still be waiting: the server never answers), cancels `token` and waits
/// for the future, which must finish within kSoonMs of the cancel.
template<class T> void cancelAndWait(const QFuture<T> &future, const common::CancelToken &token)
{
    QTest::qWait(300);
    QVERIFY(!future.isFinished());
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    token.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QVERIFY2(sinceCancel.elapsed() < kSoonMs, qPrintable(QString::number(sinceCancel.elapsed())));
}

} // namespace

class TestDownloadCancel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void downloaderStopsWhenCancelledOnItsThread();
    void downloaderStopsWhenCancelledFromAnotherThread();
    void alreadyCancelledNeverConnects();
    void simulatorRunIsCancelled();
    void simulatorHandsItsTokenToTheDownloader();
    void jwksFetcherIsCancelled();

private:
    QUrl url(const QString &path = QStringLiteral("/jwks.json")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    QTcpServer m_server; ///< accepts, never answers
};

void TestDownloadCancel::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

void TestDownloadCancel::downloaderStopsWhenCancelledOnItsThread()
{
    const common::CancelToken token;
    QElapsedTimer sinceCancel;
    QTimer::singleShot(300, this, [&] {
        sinceCancel.start();
        token.cancel();
    });
    const auto download = krakend::Simulator::networkDownloader(kTimeoutMs);
    const auto result = download(url(), insecureOptions(), token);
    QVERIFY(sinceCancel.isValid()); // it waited for the cancel: the server never answers
    QVERIFY2(sinceCancel.elapsed() < kSoonMs, qPrintable(QString::number(sinceCancel.elapsed())));
    QVERIFY(!result);
    QVERIFY(result.error().is(common::ErrorCode::Cancelled));
}

void TestDownloadCancel::downloaderStopsWhenCancelledFromAnotherThread()
{
    const common::CancelToken token;
    const auto download = krakend::Simulator::networkDownloader(kTimeoutMs);
    const keysource::NetworkOptions options = insecureOptions();
    const QUrl target = url();
    QFuture<common::Result<keysource::HttpResponse>> future
        = QtConcurrent::run([download, target, options, token] { return download(target, options, token); });
    cancelAndWait(future, token);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(future.result().error().is(common::ErrorCode::Cancelled));
}

void TestDownloadCancel::alreadyCancelledNeverConnects()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const common::CancelToken token;
    token.cancel();
    QElapsedTimer timer;
    timer.start();
    const auto result = krakend::Simulator::networkDownloader(kTimeoutMs)(
        QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.serverPort())), insecureOptions(), token);
    QVERIFY(timer.elapsed() < kSoonMs);
    QVERIFY(result.error().is(common::ErrorCode::Cancelled));
    QTest::qWait(100);
    QVERIFY(!server.hasPendingConnections());
}

void TestDownloadCancel::simulatorRunIsCancelled()
{
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = krakend::ValidatorConfig::fromJson(QJsonDocument::fromJson(
        QStringLiteral(R"({"alg":"HS256","jwk_url":"%1","disable_jwk_security":true})").arg(url().toString()).toUtf8())
                                                             .object());
    const krakend::Simulator simulator(setup); // the default downloader: the network, with the config's TLS
    krakend::SimulationRequest request;
    request.headers.append(
        {QStringLiteral("Authorization"), QStringLiteral("Bearer eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.e30.AAAA")});
    const common::CancelToken token;
    QFuture<krakend::SimulationResult> future
        = QtConcurrent::run([simulator, request, token] { return simulator.run(request, token); });
    cancelAndWait(future, token);
    if (QTest::currentTestFailed())
        return;
    const krakend::SimulationResult r = future.result();
    QCOMPARE(r.status, 401);
    QVERIFY(r.networkError);
    QCOMPARE(r.stoppingCheck()->nameText(), QStringLiteral("key"));
    QVERIFY2(r.reason.endsWith(QStringLiteral(": cancelled")), qPrintable(r.reason));
}

void TestDownloadCancel::simulatorHandsItsTokenToTheDownloader()
{
    krakend::SimulationSetup setup;
    setup.hasValidator = true;
    setup.validator = krakend::ValidatorConfig::fromJson(
        QJsonDocument::fromJson(R"({"alg":"HS256","jwk_url":"https://keys.example/jwks"})").object());
    krakend::Simulator simulator(setup);
    std::optional<common::CancelToken> seen;
    simulator.setDownloader([&seen](const QUrl &, const keysource::NetworkOptions &,
                                const common::CancelToken &cancel) -> common::Result<keysource::HttpResponse> {
        seen = cancel;
        return common::Error::of(common::ErrorCode::Cancelled, QStringLiteral("cancelled"));
    });
    krakend::SimulationRequest request;
    request.headers.append(
        {QStringLiteral("Authorization"), QStringLiteral("Bearer eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.e30.AAAA")});
    const common::CancelToken token;
    const krakend::SimulationResult r = simulator.run(request, token);
    QVERIFY(seen);
    QVERIFY(*seen == token);
    QVERIFY(r.networkError);
}

void TestDownloadCancel::jwksFetcherIsCancelled()
{
    const common::CancelToken token;
    const QUrl target = url(QStringLiteral("/issuer"));
    const keysource::NetworkOptions options = insecureOptions();
    QFuture<common::Result<keysource::JwksResult>> future = QtConcurrent::run(
        [target, options, token] { return keysource::JwksFetcher::fetchBlocking(target, true, options, token); });
    cancelAndWait(future, token);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(future.result().error().is(common::ErrorCode::Cancelled));
}

QTEST_GUILESS_MAIN(TestDownloadCancel)
#include "tst_downloadcancel.moc"
