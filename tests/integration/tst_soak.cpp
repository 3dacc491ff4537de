// Long-running robustness: a JWK Set that rotates on every request is fetched 1,000 times through the real
// fetcher and cache, and 100,000 requests go through the KrakenD simulator. Memory and open file descriptors are
// measured after a warm-up and at the end; neither may grow beyond a small allowance. The figures are printed
// (QINFO) for the project's notes.
//
// Under AddressSanitizer (make asan) resident memory means nothing: freed blocks sit in ASan's quarantine (up to
// 256 MiB), so the process grows whether or not anything leaks. There the measure is the heap the program still
// holds (__sanitizer_get_current_allocated_bytes, quarantine excluded), and the runs are a tenth as long, which
// keeps a Debug ASan build inside Qt Test's function timeout; LeakSanitizer checks for leaks at exit as well.

#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "keys/Jwk.h"
#include "keysource/JwksCache.h"
#include "keysource/JwksFetcher.h"
#include "krakend/Simulator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define JWB_SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JWB_SOAK_ASAN 1
#endif
#endif
#ifdef JWB_SOAK_ASAN
// From the sanitizer runtime (sanitizer/allocator_interface.h, which gcc does not install).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

using namespace jwb;

namespace {

#ifdef JWB_SOAK_ASAN
constexpr bool kSanitized = true;
constexpr int kScale = 10; // iterations divided by this
const char kMemoryName[] = "live heap";
#else
constexpr bool kSanitized = false;
constexpr int kScale = 1;
const char kMemoryName[] = "RSS";
#endif

/// Resident memory (the ordinary build) or the heap still allocated (under ASan), in KiB.
qint64 memoryKiB()
{
#ifdef JWB_SOAK_ASAN
    return static_cast<qint64>(__sanitizer_get_current_allocated_bytes() / 1024);
#else
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * ::sysconf(_SC_PAGESIZE) / 1024 : -1;
#endif
}

int openFds()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

/// Serves the next of `bodies` on every request (HTTP/1.1, one request per connection).
class RotatingServer : public QObject
{
public:
    explicit RotatingServer(QList<QByteArray> bodies) : m_bodies(std::move(bodies))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    if (!m_buffer[socket].contains("\r\n\r\n"))
                        return;
                    m_buffer.remove(socket);
                    const QByteArray body = m_bodies.at(m_served++ % m_bodies.size());
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] int served() const { return m_served; }

private:
    QTcpServer m_server;
    QList<QByteArray> m_bodies;
    QHash<QTcpSocket *, QByteArray> m_buffer;
    int m_served = 0;
};

QByteArray jwks(const QList<keys::Jwk> &keys)
{
    QJsonArray array;
    for (const auto &jwk : keys)
        array.append(jwk.publicJson());
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), array}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rotatingJwksThousandRefreshes();
    void hundredThousandSimulations();
};

void TestSoak::initTestCase()
{
    crypto::Backend::initialize();
}

void TestSoak::rotatingJwksThousandRefreshes()
{
    QList<keys::Jwk> pool;
    for (int i = 0; i < 4; ++i) {
        const auto key = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
        QVERIFY(key.ok());
        pool.append(keys::Jwk::fromKey(key.value(), QStringLiteral("k%1").arg(i), QStringLiteral("ES256")));
    }
    // Each body drops one kid and adds another: every refresh is a rotation.
    RotatingServer server(
        {jwks({pool[0], pool[1]}), jwks({pool[1], pool[2]}), jwks({pool[2], pool[3]}), jwks({pool[3], pool[0]})});
    QVERIFY(server.listen());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/jwks.json").arg(server.port()));
    keysource::NetworkOptions options;
    options.insecure = true; // plain http on loopback (disable_jwk_security)
    QNetworkAccessManager manager;
    keysource::JwksCache cache;

    qint64 rssWarm = 0;
    int fdsWarm = 0;
    int rotations = 0;
    constexpr int kRefreshes = 1000 / kScale;
    constexpr int kWarmUp = 100 / kScale;
    for (int i = 0; i < kRefreshes; ++i) {
        keysource::JwksFetcher fetcher(&manager, options);
        QSignalSpy finished(&fetcher, &keysource::JwksFetcher::finished);
        fetcher.fetchUrl(url);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QVERIFY2(
            fetcher.result().ok(), qPrintable(fetcher.result().ok() ? QString() : fetcher.result().error().toString()));
        rotations += cache.store(url, fetcher.result().value().keys).isEmpty() ? 0 : 1;
        if (i == kWarmUp) {
            QCoreApplication::processEvents();
            rssWarm = memoryKiB();
            fdsWarm = openFds();
        }
    }
    QCoreApplication::processEvents();
    const qint64 rssEnd = memoryKiB();
    const int fdsEnd = openFds();
    qInfo("JWKS refreshes: %d (%d rotations)%s; %s after %d: %lld KiB, after %d: %lld KiB (%+lld KiB); open fds %d -> "
          "%d",
        kRefreshes, rotations, kSanitized ? " under ASan" : "", kMemoryName, kWarmUp, static_cast<long long>(rssWarm),
        kRefreshes, static_cast<long long>(rssEnd), static_cast<long long>(rssEnd - rssWarm), fdsWarm, fdsEnd);
    QCOMPARE(server.served(), kRefreshes);
    QVERIFY(rotations >= kRefreshes - 1);
    QVERIFY2(rssEnd - rssWarm < 4096,
        qPrintable(QStringLiteral("%1 grew by 4 MiB or more over %2 refreshes")
                       .arg(QLatin1String(kMemoryName))
                       .arg(kRefreshes - kWarmUp)));
    QVERIFY2(fdsEnd <= fdsWarm + 2, "file descriptors leaked");
}

void TestSoak::hundredThousandSimulations()
{
    QFile config(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/krakend.json"));
    QFile keys(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/demo-jwks.json"));
    QFile token(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/demo-token.jwt"));
    QVERIFY(config.open(QIODevice::ReadOnly) && keys.open(QIODevice::ReadOnly) && token.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(config.readAll()).object();
    const auto endpoint
        = krakend::SimulationSetup::findEndpoint(root, QStringLiteral("/v1/orders"), QStringLiteral("GET"));
    QVERIFY(endpoint);
    krakend::Simulator simulator(krakend::SimulationSetup::fromEndpoint(root, *endpoint, QString()));
    simulator.setReplacementJwks(keys.readAll(), QStringLiteral("demo-jwks.json"));
    simulator.setClock(common::Clock::fixed(QDateTime::fromSecsSinceEpoch(1795867200 + 60, Qt::UTC)));
    const QString bearer = QStringLiteral("Bearer ") + QString::fromLatin1(token.readAll().trimmed());
    krakend::SimulationRequest good;
    good.headers.append({QStringLiteral("Authorization"), bearer});
    krakend::SimulationRequest tampered;
    tampered.headers.append({QStringLiteral("Authorization"), bearer.left(bearer.size() - 4) + QStringLiteral("AAAA")});

    constexpr int kRequests = 100000 / kScale;
    constexpr int kWarmUp = 5000 / kScale;
    qint64 rssWarm = 0;
    int fdsWarm = 0;
    int allowed = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRequests; ++i) {
        const auto result = simulator.run(i % 10 == 0 ? tampered : good);
        allowed += result.status == 200 ? 1 : 0;
        if (i == kWarmUp) {
            rssWarm = memoryKiB();
            fdsWarm = openFds();
        }
    }
    const qint64 elapsed = timer.elapsed();
    const qint64 rssEnd = memoryKiB();
    const int fdsEnd = openFds();
    qInfo("simulations: %d in %lld ms (%.0f/s)%s; %s after %d: %lld KiB, after %d: %lld KiB (%+lld KiB); open fds %d "
          "-> %d",
        kRequests, static_cast<long long>(elapsed), kRequests * 1000.0 / std::max<qint64>(elapsed, 1),
        kSanitized ? " under ASan" : "", kMemoryName, kWarmUp, static_cast<long long>(rssWarm), kRequests,
        static_cast<long long>(rssEnd), static_cast<long long>(rssEnd - rssWarm), fdsWarm, fdsEnd);
    QCOMPARE(allowed, kRequests - kRequests / 10);
    QVERIFY2(rssEnd - rssWarm < 4096,
        qPrintable(QStringLiteral("%1 grew by 4 MiB or more over %2 simulations")
                       .arg(QLatin1String(kMemoryName))
                       .arg(kRequests - kWarmUp)));
    QCOMPARE(fdsEnd, fdsWarm);
}

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
