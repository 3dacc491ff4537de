// A refused TLS connection and what follows it (issue #19 items 10 and 11): HttpFetch records the chain the server
// presented at the moment TLS refused it (self-signed server, pin mismatch), TrustFix offers the next steps and
// says what each changes in the origin's trust settings, after which the fetch succeeds, also for the other sources
// of that origin; a cancelled or failed fetch closes its TCP connection; and the watchdog of a fetch counts from
// when the request leaves, not from start() while the event loop is still blocked (the start-up "timeout" after
// 8 s of a server that answers in 0.15 s).

#include "LocalHttpsServer.h"

#include "keysource/HttpFetch.h"
#include "keysource/JwksFetcher.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustFix.h"
#include "workspace/TrustStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace jwb;
using workspace::TrustFix;

namespace {

QByteArray jwksBody()
{
    const auto key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    const QJsonArray keys {
        keys::Jwk::fromKey(key.value(), QStringLiteral("k1"), QStringLiteral("ES256"), QStringLiteral("sig"))
            .publicJson()};
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
}

/// Runs one HttpFetch to its end.
struct FetchRun
{
    std::unique_ptr<QNetworkAccessManager> manager = std::make_unique<QNetworkAccessManager>();
    std::unique_ptr<keysource::HttpFetch> fetch;

    bool run(const QUrl &url, const keysource::NetworkOptions &options, int waitMs = 30000)
    {
        fetch = std::make_unique<keysource::HttpFetch>(manager.get(), url, options);
        QSignalSpy finished(fetch.get(), &keysource::HttpFetch::finished);
        fetch->start();
        return finished.count() == 1 || finished.wait(waitMs);
    }
};

/// A plain HTTP server that counts open connections: answers nothing (`silent`), 404 (keep-alive), or hangs.
class CountingServer : public QObject
{
public:
    enum class Mode { Silent, NotFound };
    explicit CountingServer(Mode mode) : m_mode(mode)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_open;
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    --m_open;
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    const QByteArray request = socket->readAll();
                    if (m_mode == Mode::NotFound && request.contains("\r\n\r\n"))
                        socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n"
                                      "not found");
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/jwks").arg(m_server.serverPort()));
    }
    [[nodiscard]] int open() const { return m_open; }

private:
    Mode m_mode;
    QTcpServer m_server;
    int m_open = 0;
};

/// A server on a thread of its own, so that it answers while the test's event loop is blocked: HTTPS with the given
/// certificate (plain HTTP without one), answering with the JWK Set at once (`answer`), or never.
class ThreadedServer : public QThread
{
public:
    ThreadedServer(
        bool answer, QByteArray body, QSslCertificate certificate = QSslCertificate(), QSslKey key = QSslKey())
        : m_answer(answer), m_body(std::move(body)), m_certificate(std::move(certificate)), m_key(std::move(key))
    { }
    ~ThreadedServer() override
    {
        quit();
        wait();
    }
    quint16 startAndWait()
    {
        start();
        m_ready.acquire();
        return m_port;
    }

protected:
    void run() override
    {
        QSslServer server;
        const bool tls = !m_certificate.isNull();
        if (tls) {
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setLocalCertificate(m_certificate);
            config.setPrivateKey(m_key);
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
            server.setSslConfiguration(config);
        }
        const auto serve = [this](QTcpSocket *socket) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!m_answer || !socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                              "Content-Length: "
                    + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        };
        if (tls) {
            QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&server, serve] {
                while (QTcpSocket *socket = server.nextPendingConnection())
                    serve(socket);
            });
            server.listen(QHostAddress::LocalHost);
        } else {
            // A plain QTcpServer: QSslServer would start a handshake on every connection.
            auto *plain = new QTcpServer(&server);
            QObject::connect(plain, &QTcpServer::newConnection, plain, [plain, serve] {
                while (QTcpSocket *socket = plain->nextPendingConnection())
                    serve(socket);
            });
            plain->listen(QHostAddress::LocalHost);
            m_port = plain->serverPort();
        }
        if (tls)
            m_port = server.serverPort();
        m_ready.release();
        exec();
    }

private:
    bool m_answer;
    QByteArray m_body;
    QSslCertificate m_certificate;
    QSslKey m_key;
    std::atomic<quint16> m_port {0};
    QSemaphore m_ready;
};

keysource::NetworkOptions httpOptions(int timeoutMs)
{
    keysource::NetworkOptions options;
    options.insecure = true; // plain http to the local servers
    options.timeoutMs = timeoutMs;
    return options;
}

} // namespace

class TestTlsFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selfSignedFailureKeepsTheChain();
    void offersFollowTheFailure();
    void trustCaThenTheFetchSucceeds();
    void pinThisCertificateThenTheFetchSucceeds();
    void pinThisCertificateTrustsTheAnchorOfAChain();
    void pinMismatchOffersThePin();
    void addCaFileNeedsCertificates();
    void fixAppliesToEverySourceOfTheOrigin();
    void cancelClosesTheConnection();
    void timeoutClosesTheConnection();
    void httpErrorClosesTheConnection();
    void blockedStartDoesNotEatTheTimeout();
    void blockedStartStillGetsTheFullTimeout();

private:
    keysource::NetworkOptions tlsOptions() const
    {
        keysource::NetworkOptions options;
        options.timeoutMs = 20000;
        return options;
    }
    /// A failed fetch of the self-signed server under `options`.
    std::optional<keysource::TlsFailure> failureUnder(const keysource::NetworkOptions &options)
    {
        FetchRun run;
        if (!run.run(QUrl(m_server.url(QStringLiteral("/jwks.json"))), options) || run.fetch->succeeded())
            return std::nullopt;
        return run.fetch->tlsFailure();
    }

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    test::LocalHttpsServer m_server;
};

void TestTlsFailure::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QVERIFY(m_dir.isValid());
    QString error;
    if (!test::makeLocalhostCertificate(m_dir.path(), &m_certificate, &m_key, &error))
        QSKIP(qPrintable(error));
    QVERIFY(m_server.start(m_certificate, m_key));
    m_server.setBody(jwksBody());
}

void TestTlsFailure::selfSignedFailureKeepsTheChain()
{
    FetchRun run;
    QVERIFY(run.run(QUrl(m_server.url(QStringLiteral("/jwks.json"))), tlsOptions()));
    QVERIFY(!run.fetch->succeeded());
    QCOMPARE(run.fetch->error().code, QStringLiteral("tls_error"));
    const auto &failure = run.fetch->tlsFailure();
    QVERIFY(failure);
    QCOMPARE(failure->server, QUrl(m_server.url(QStringLiteral("/jwks.json"))));
    QCOMPARE(int(failure->chain.size()), 1);
    const keysource::PresentedCertificate &leaf = failure->chain.first();
    QCOMPARE(leaf.subject, QStringLiteral("localhost"));
    QCOMPARE(leaf.issuer, QStringLiteral("localhost"));
    QVERIFY(leaf.selfSigned);
    QCOMPARE(leaf.pin, keysource::certificatePin(m_certificate));
    QCOMPARE(leaf.sha256, QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
    QCOMPARE(leaf.certificate, m_certificate);
    QVERIFY(failure->untrustedIssuer);
    QVERIFY(!failure->hostMismatch);
    QVERIFY(!failure->pinMismatch);
    QVERIFY(!failure->errors.isEmpty());
}

void TestTlsFailure::offersFollowTheFailure()
{
    keysource::TlsFailure failure;
    QVERIFY(TrustFix::offers(failure).isEmpty()); // a handshake failure without certificate problems
    failure.untrustedIssuer = true;
    QCOMPARE(TrustFix::offers(failure), (QList<TrustFix::Offer> {{TrustFix::Action::AddCaFile, -1}}));

    // A leaf and its (self-signed) root: trust the root, pin the leaf.
    keysource::PresentedCertificate leaf;
    leaf.pin = QStringLiteral("leaf");
    keysource::PresentedCertificate root;
    root.selfSigned = true;
    failure.chain = {leaf, root};
    QCOMPARE(TrustFix::offers(failure),
        (QList<TrustFix::Offer> {
            {TrustFix::Action::TrustCa, 1}, {TrustFix::Action::PinCertificate, 0}, {TrustFix::Action::AddCaFile, -1}}));
    QVERIFY(TrustFix::trustCanFix(failure));
    failure.hostMismatch = true;
    QVERIFY(!TrustFix::trustCanFix(failure));

    keysource::TlsFailure pins;
    pins.pinMismatch = true;
    pins.chain = {leaf};
    QCOMPARE(TrustFix::offers(pins), (QList<TrustFix::Offer> {{TrustFix::Action::PinCertificate, 0}}));
    QVERIFY(!TrustFix::apply({}, pins, TrustFix::Action::TrustCa).ok());
    QCOMPARE(TrustFix::apply({}, pins, TrustFix::Action::TrustCa).error().code, QStringLiteral("not_offered"));
}

void TestTlsFailure::trustCaThenTheFetchSucceeds()
{
    const auto failure = failureUnder(tlsOptions());
    QVERIFY(failure);
    const auto trust = TrustFix::apply({}, *failure, TrustFix::Action::TrustCa);
    QVERIFY(trust.ok());
    QCOMPARE(trust.value().extraCa, QList<QSslCertificate> {m_certificate});
    QVERIFY(trust.value().pins.isEmpty());
    QVERIFY(!trust.value().insecure);
    // Applied twice, nothing is added twice.
    QCOMPARE(TrustFix::apply(trust.value(), *failure, TrustFix::Action::TrustCa).value(), trust.value());

    workspace::TrustStore store;
    const QUrl url(m_server.url(QStringLiteral("/jwks.json")));
    store.set(workspace::TrustStore::originOf(url), trust.value());
    FetchRun run;
    QVERIFY(run.run(url, store.optionsFor(url, 20000)));
    QVERIFY2(run.fetch->succeeded(), qPrintable(run.fetch->error().toString()));
    QVERIFY(!run.fetch->tlsFailure());
}

void TestTlsFailure::pinThisCertificateThenTheFetchSucceeds()
{
    const auto failure = failureUnder(tlsOptions());
    QVERIFY(failure);
    const auto trust = TrustFix::apply({}, *failure, TrustFix::Action::PinCertificate);
    QVERIFY(trust.ok());
    QCOMPARE(trust.value().pins, QStringList {keysource::certificatePin(m_certificate)});
    // The chain did not verify: a pin alone would not let it pass (pins narrow, they never replace the check).
    QCOMPARE(trust.value().extraCa, QList<QSslCertificate> {m_certificate});

    keysource::NetworkOptions options = tlsOptions();
    options.extraCa = trust.value().extraCa;
    options.pins = trust.value().pins;
    FetchRun run;
    QVERIFY(run.run(QUrl(m_server.url(QStringLiteral("/jwks.json"))), options));
    QVERIFY2(run.fetch->succeeded(), qPrintable(run.fetch->error().toString()));
}

void TestTlsFailure::pinThisCertificateTrustsTheAnchorOfAChain()
{
    // A leaf issued by a root the system does not trust, both presented: the leaf's key is pinned and the root
    // (the anchor) trusted, so that the chain verifies and only this key passes.
    QTemporaryDir dir;
    QSslCertificate leafCertificate;
    QSslKey leafKey;
    QString error;
    QVERIFY(test::makeLocalhostCertificate(dir.path(), &leafCertificate, &leafKey, &error));
    keysource::PresentedCertificate leaf = keysource::presentedCertificate(leafCertificate);
    leaf.selfSigned = false; // as if issued by the root below
    keysource::TlsFailure failure;
    failure.untrustedIssuer = true;
    failure.chain = {leaf, keysource::presentedCertificate(m_certificate)};
    const auto pinned = TrustFix::apply({}, failure, TrustFix::Action::PinCertificate);
    QVERIFY(pinned.ok());
    QCOMPARE(pinned.value().pins, QStringList {keysource::certificatePin(leafCertificate)});
    QCOMPARE(pinned.value().extraCa, QList<QSslCertificate> {m_certificate});
    const auto trusted = TrustFix::apply({}, failure, TrustFix::Action::TrustCa);
    QCOMPARE(trusted.value().extraCa, QList<QSslCertificate> {m_certificate});
    QVERIFY(trusted.value().pins.isEmpty());
}

void TestTlsFailure::pinMismatchOffersThePin()
{
    keysource::NetworkOptions options = tlsOptions();
    options.extraCa = {m_certificate};
    options.pins = {QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
    FetchRun run;
    QVERIFY(run.run(QUrl(m_server.url(QStringLiteral("/jwks.json"))), options));
    QCOMPARE(run.fetch->error().code, QStringLiteral("pin_mismatch"));
    const auto &failure = run.fetch->tlsFailure();
    QVERIFY(failure);
    QVERIFY(failure->pinMismatch);
    QVERIFY(!failure->untrustedIssuer);
    QCOMPARE(int(failure->chain.size()), 1);
    QCOMPARE(failure->chain.first().pin, keysource::certificatePin(m_certificate));
    QCOMPARE(TrustFix::offers(*failure), (QList<TrustFix::Offer> {{TrustFix::Action::PinCertificate, 0}}));

    workspace::TrustSettings current;
    current.extraCa = options.extraCa;
    current.pins = options.pins;
    const auto trust = TrustFix::apply(current, *failure, TrustFix::Action::PinCertificate);
    QVERIFY(trust.ok());
    QCOMPARE(trust.value().pins, options.pins + QStringList {keysource::certificatePin(m_certificate)});
    QCOMPARE(trust.value().extraCa, options.extraCa); // the chain verified: no CA added

    options.pins = trust.value().pins;
    FetchRun again;
    QVERIFY(again.run(QUrl(m_server.url(QStringLiteral("/jwks.json"))), options));
    QVERIFY2(again.fetch->succeeded(), qPrintable(again.fetch->error().toString()));
}

void TestTlsFailure::addCaFileNeedsCertificates()
{
    const auto failure = failureUnder(tlsOptions());
    QVERIFY(failure);
    const auto none = TrustFix::apply({}, *failure, TrustFix::Action::AddCaFile, {});
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, QStringLiteral("invalid_certificate"));
    const auto file = workspace::TrustStore::readCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    QVERIFY(file.ok());
    const auto trust = TrustFix::apply({}, *failure, TrustFix::Action::AddCaFile, file.value());
    QVERIFY(trust.ok());
    QCOMPARE(trust.value().extraCa, QList<QSslCertificate> {m_certificate});
}

void TestTlsFailure::fixAppliesToEverySourceOfTheOrigin()
{
    workspace::KeyRing ring;
    QSignalSpy finished(&ring, &workspace::KeyRing::fetchFinished);
    auto first = workspace::KeyRing::url(m_server.url(QStringLiteral("/a/jwks.json")), false);
    auto second = workspace::KeyRing::url(m_server.url(QStringLiteral("/b/jwks.json")), false);
    first.timeoutMs = second.timeoutMs = 20000;
    ring.add(first);
    ring.add(second);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 40000);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(ring.at(i).error->code, QStringLiteral("tls_error"));
        QVERIFY(ring.at(i).tlsFailure);
        QCOMPARE(int(ring.at(i).tlsFailure->chain.size()), 1);
    }
    QVERIFY(!TrustFix::applyTo(ring, -1, TrustFix::Action::TrustCa).ok());

    const auto started = TrustFix::applyTo(ring, 0, TrustFix::Action::TrustCa);
    QVERIFY(started.ok());
    QCOMPARE(started.value(), 2);
    const QString origin = workspace::TrustStore::originOf(QUrl(m_server.url()));
    QCOMPARE(ring.trust()->settings(origin).extraCa, QList<QSslCertificate> {m_certificate});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 40000);
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(!ring.at(i).error, qPrintable(ring.at(i).errorText()));
        QVERIFY(!ring.at(i).tlsFailure);
        QCOMPARE(ring.at(i).keys->kids(), QStringList {QStringLiteral("k1")});
    }
    // Nothing left to fix.
    QCOMPARE(TrustFix::applyTo(ring, 0, TrustFix::Action::TrustCa).error().code, QStringLiteral("no_tls_failure"));
}

void TestTlsFailure::cancelClosesTheConnection()
{
    CountingServer server(CountingServer::Mode::Silent);
    QVERIFY(server.listen());
    QNetworkAccessManager manager;
    keysource::HttpFetch fetch(&manager, server.url(), httpOptions(60000));
    QSignalSpy finished(&fetch, &keysource::HttpFetch::finished);
    fetch.start();
    QTRY_COMPARE_WITH_TIMEOUT(server.open(), 1, 10000);
    QTest::qWait(200);
    fetch.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(fetch.error().code, QStringLiteral("cancelled"));
    QTRY_COMPARE_WITH_TIMEOUT(server.open(), 0, 5000);
}

void TestTlsFailure::timeoutClosesTheConnection()
{
    CountingServer server(CountingServer::Mode::Silent);
    QVERIFY(server.listen());
    QNetworkAccessManager manager;
    keysource::HttpFetch fetch(&manager, server.url(), httpOptions(1000));
    QSignalSpy finished(&fetch, &keysource::HttpFetch::finished);
    fetch.start();
    QTRY_COMPARE_WITH_TIMEOUT(server.open(), 1, 10000);
    QVERIFY(finished.wait(10000));
    QCOMPARE(fetch.error().code, QStringLiteral("timeout"));
    QTRY_COMPARE_WITH_TIMEOUT(server.open(), 0, 5000);
}

void TestTlsFailure::httpErrorClosesTheConnection()
{
    // A 404 on a keep-alive connection is a failed fetch too: its connection is not kept for later.
    CountingServer server(CountingServer::Mode::NotFound);
    QVERIFY(server.listen());
    QNetworkAccessManager manager;
    keysource::HttpFetch fetch(&manager, server.url(), httpOptions(20000));
    QSignalSpy finished(&fetch, &keysource::HttpFetch::finished);
    fetch.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(fetch.error().code, QStringLiteral("http_status"));
    QTRY_COMPARE_WITH_TIMEOUT(server.open(), 0, 5000);
}

void TestTlsFailure::blockedStartDoesNotEatTheTimeout()
{
    // The start-up "timeout" of a server that answers in 0.15 s: an HTTPS server that answers at once, from its own
    // thread, and the test's event loop blocked for longer than the whole timeout right after start(), as a busy
    // start-up blocks the application's. Qt's network thread waits for the blocked loop during the TLS handshake
    // (it reports `encrypted` to it and waits), so the request only goes out once the loop runs again; it then gets
    // its answer, not a timeout counted from start().
    ThreadedServer server(true, jwksBody(), m_certificate, m_key);
    const quint16 port = server.startAndWait();
    QNetworkAccessManager manager;
    keysource::NetworkOptions options;
    options.extraCa = {m_certificate};
    options.timeoutMs = 1000;
    keysource::HttpFetch fetch(&manager, QUrl(QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(port)), options);
    QSignalSpy finished(&fetch, &keysource::HttpFetch::finished);
    fetch.start();
    QThread::msleep(2500);
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY2(fetch.succeeded(), qPrintable(fetch.error().toString()));
    QCOMPARE(fetch.response().status, 200);
}

void TestTlsFailure::blockedStartStillGetsTheFullTimeout()
{
    // A server that never answers: the timeout counts from when the request left, after the blocked loop ran again.
    ThreadedServer server(false, QByteArray());
    const quint16 port = server.startAndWait();
    QNetworkAccessManager manager;
    keysource::HttpFetch fetch(
        &manager, QUrl(QStringLiteral("http://127.0.0.1:%1/jwks.json").arg(port)), httpOptions(1000));
    QSignalSpy finished(&fetch, &keysource::HttpFetch::finished);
    fetch.start();
    QThread::msleep(2500);
    QElapsedTimer sinceUnblocked;
    sinceUnblocked.start();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(fetch.error().code, QStringLiteral("timeout"));
    QVERIFY2(sinceUnblocked.elapsed() >= 900, qPrintable(QString::number(sinceUnblocked.elapsed())));
}

QTEST_MAIN(TestTlsFailure)
#include "tst_tlsfailure.moc"
