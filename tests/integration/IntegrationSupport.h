#pragma once

// Shared by the integration suites: bounded runs of external programs (the CLI, openssl), a test PKI made
// at test time with the openssl command, and the Node test servers of tests/integration/servers, started on
// 127.0.0.1 and stopped by the suite. Every wait here is bounded; nothing can hang a test run.

#include "ProcessRun.h"
#include "TestData.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

namespace jwb::itest {

using jwb::test::Run;
using jwb::test::runCli;
using jwb::test::runProgram;

inline QString serversDir()
{
    return QStringLiteral(JWB_SOURCE_DIR "/tests/integration/servers");
}

/// The node binary (JWB_NODE overrides the PATH lookup), or empty.
inline QString findNode()
{
    const QString env = qEnvironmentVariable("JWB_NODE");
    if (!env.isEmpty())
        return QFileInfo(env).isExecutable() ? env : QString();
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

inline QString findOpenssl()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A test PKI in `dir`, made with the openssl command:
///   ca.pem/ca.key              the test CA (EC P-256), trusted by the tests through --ca
///   good.pem/good.key          RSA 2048 leaf for 127.0.0.1 and localhost, valid now, signed by the CA
///   expired.pem/expired.key    EC leaf for 127.0.0.1, valid in January 2020 only, signed by the CA
///   wronghost.pem/wronghost.key EC leaf for wrong.example only, signed by the CA
///   otherca.pem/otherca.key    a CA nobody trusts, and unknownca.pem/unknownca.key, a leaf for 127.0.0.1 it signed
class TestPki
{
public:
    explicit TestPki(QString dir) : m_dir(std::move(dir)) { }

    [[nodiscard]] QString path(const QString &name) const { return m_dir + u'/' + name; }

    /// Makes every certificate; on failure returns false with the openssl output in `error`.
    bool create(QString *error)
    {
        const QByteArray cnf = "[ca]\ndefault_ca = test\n"
                               "[test]\ndir = .\ndatabase = db/index.txt\nserial = db/serial\nnew_certs_dir = db\n"
                               "certificate = ca.pem\nprivate_key = ca.key\ndefault_md = sha256\npolicy = anything\n"
                               "unique_subject = no\ncopy_extensions = none\n"
                               "[anything]\ncommonName = supplied\n"
                               "[leaf]\nsubjectAltName = IP:127.0.0.1,DNS:localhost\nbasicConstraints = CA:FALSE\n"
                               "keyUsage = critical,digitalSignature,keyEncipherment\nextendedKeyUsage = serverAuth\n"
                               "[wrong]\nsubjectAltName = DNS:wrong.example\nbasicConstraints = CA:FALSE\n"
                               "keyUsage = critical,digitalSignature,keyEncipherment\nextendedKeyUsage = serverAuth\n";
        if (!QDir(m_dir).mkpath(QStringLiteral("db")) || !writeFile(path(QStringLiteral("ca.cnf")), cnf)
            || !writeFile(path(QStringLiteral("db/index.txt")), {})
            || !writeFile(path(QStringLiteral("db/serial")), "1000\n")) {
            *error = QStringLiteral("cannot write in %1").arg(m_dir);
            return false;
        }
        const QStringList ec {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256")};
        const QStringList rsa {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")};
        auto makeCa = [&](const QString &name, const QString &cn) {
            return openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ec
                    + QStringList {QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + u".key",
                        QStringLiteral("-out"), name + u".pem", QStringLiteral("-days"), QStringLiteral("3"),
                        QStringLiteral("-subj"), u"/CN=" + cn, QStringLiteral("-addext"),
                        QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                        QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                error);
        };
        auto makeCsr = [&](const QString &name, const QStringList &keySpec, const QString &cn) {
            return openssl(QStringList {QStringLiteral("req"), QStringLiteral("-new")} + keySpec
                    + QStringList {QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + u".key",
                        QStringLiteral("-out"), name + u".csr", QStringLiteral("-subj"), u"/CN=" + cn},
                error);
        };
        // `openssl ca` signs with explicit dates (the expired certificate) and the extension sections of ca.cnf.
        auto sign = [&](const QString &name, const QString &section, const QStringList &dates) {
            return openssl(QStringList {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                               QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-extensions"),
                               section, QStringLiteral("-in"), name + u".csr", QStringLiteral("-out"), name + u".pem"}
                    + dates,
                error);
        };
        const QStringList now {QStringLiteral("-days"), QStringLiteral("2")};
        const QStringList past {QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
            QStringLiteral("-enddate"), QStringLiteral("20200201000000Z")};
        return makeCa(QStringLiteral("ca"), QStringLiteral("JWB Test CA"))
            && makeCsr(QStringLiteral("good"), rsa, QStringLiteral("127.0.0.1"))
            && sign(QStringLiteral("good"), QStringLiteral("leaf"), now)
            && makeCsr(QStringLiteral("expired"), ec, QStringLiteral("127.0.0.1"))
            && sign(QStringLiteral("expired"), QStringLiteral("leaf"), past)
            && makeCsr(QStringLiteral("wronghost"), ec, QStringLiteral("wrong.example"))
            && sign(QStringLiteral("wronghost"), QStringLiteral("wrong"), now)
            && makeCa(QStringLiteral("otherca"), QStringLiteral("Unknown CA"))
            && makeCsr(QStringLiteral("unknownca"), ec, QStringLiteral("127.0.0.1"))
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                           QStringLiteral("unknownca.csr"), QStringLiteral("-CA"), QStringLiteral("otherca.pem"),
                           QStringLiteral("-CAkey"), QStringLiteral("otherca.key"), QStringLiteral("-CAcreateserial"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                           QStringLiteral("ca.cnf"), QStringLiteral("-extensions"), QStringLiteral("leaf"),
                           QStringLiteral("-out"), QStringLiteral("unknownca.pem")},
                error);
    }

    /// The KrakenD pin of a certificate file, computed with openssl only:
    /// openssl x509 -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary, then URL-safe
    /// base64 with padding.
    QString pin(const QString &certFile, QString *error) const
    {
        const Run pub = runProgram(findOpenssl(),
            {QStringLiteral("x509"), QStringLiteral("-in"), certFile, QStringLiteral("-pubkey"),
                QStringLiteral("-noout")},
            {}, 30000, m_dir);
        const Run der = runProgram(findOpenssl(),
            {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-outform"), QStringLiteral("DER")},
            pub.out, 30000, m_dir);
        const Run sha = runProgram(findOpenssl(),
            {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-binary")}, der.out, 30000, m_dir);
        if (pub.exitCode != 0 || der.exitCode != 0 || sha.exitCode != 0 || sha.out.size() != 32) {
            *error = QString::fromUtf8(pub.describe() + '\n' + der.describe() + '\n' + sha.describe());
            return {};
        }
        return QString::fromLatin1(sha.out.toBase64(QByteArray::Base64UrlEncoding));
    }

private:
    bool openssl(const QStringList &args, QString *error) const
    {
        const Run r = runProgram(findOpenssl(), args, {}, 60000, m_dir);
        if (r.exitCode == 0)
            return true;
        *error = QStringLiteral("openssl %1 failed: %2").arg(args.join(u' '), QString::fromUtf8(r.describe()));
        return false;
    }

    QString m_dir;
};

/// One Node test server: started with `node SCRIPT ARGS`, ready when it prints its JSON line on stdout,
/// stopped by closing its stdin (the servers exit on EOF), then killed if it lingers.
class NodeServer
{
public:
    NodeServer() = default;
    NodeServer(const NodeServer &) = delete;
    NodeServer &operator=(const NodeServer &) = delete;
    ~NodeServer() { stop(); }

    bool start(
        const QString &node, const QString &script, const QStringList &args, QString *error, int timeoutMs = 30000)
    {
        m_process.setProgram(node);
        m_process.setArguments(QStringList {script} + args);
        m_process.setWorkingDirectory(serversDir());
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("could not start %1: %2").arg(node, m_process.errorString());
            return false;
        }
        const QDeadlineTimer deadline(timeoutMs);
        QByteArray line;
        while (!m_process.canReadLine()) {
            if (m_process.state() != QProcess::Running || deadline.hasExpired()) {
                *error = QStringLiteral("%1 did not get ready (%2): %3")
                             .arg(script,
                                 m_process.state() == QProcess::Running ? QStringLiteral("timed out")
                                                                        : QStringLiteral("exited"),
                                 QString::fromUtf8(m_process.readAllStandardError()));
                stop();
                return false;
            }
            m_process.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 500)));
        }
        line = m_process.readLine();
        QJsonParseError parseError {};
        m_ready = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("unexpected ready line from %1: %2").arg(script, QString::fromUtf8(line));
            stop();
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    [[nodiscard]] bool isRunning() const { return m_process.state() == QProcess::Running; }
    [[nodiscard]] const QJsonObject &ready() const { return m_ready; }
    [[nodiscard]] int port(const QString &name) const { return m_ready.value(name).toInt(); }
    [[nodiscard]] QByteArray stderrText()
    {
        return m_process.isOpen() ? m_process.readAllStandardError() : QByteArray();
    }

private:
    QProcess m_process;
    QJsonObject m_ready;
};

} // namespace jwb::itest

/// Skips when a prerequisite is missing, but fails under CI=true, where everything must be present.
#define JWB_REQUIRE(condition, message)                                                                                \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            const QByteArray jwbMsg_ = QString(message).toUtf8();                                                      \
            if (jwb::test::underCi())                                                                                  \
                QFAIL(jwbMsg_.constData());                                                                            \
            QSKIP(jwbMsg_.constData());                                                                                \
        }                                                                                                              \
    } while (false)
