#pragma once
// A local HTTPS server for GUI tests (QSslServer on 127.0.0.1, a self-signed certificate made with the openssl
// command): answers each request with the body registered for its path, counts the requests per path, and
// closes the connection. Enough for JWK Sets and discovery documents; tests trust it through an extra CA.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>

namespace jwb::test {

/// A self-signed P-256 certificate for localhost and 127.0.0.1, written to `dir`; false with `error` set when
/// the openssl command is missing or fails.
inline bool makeLocalhostCertificate(const QString &dir, QSslCertificate *certificate, QSslKey *key, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("no openssl command");
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(openssl,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
            QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    }
    const auto certificates = QSslCertificate::fromPath(QDir(dir).filePath(QStringLiteral("server.pem")));
    QFile keyFile(QDir(dir).filePath(QStringLiteral("server.key")));
    if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("openssl made no usable certificate");
        return false;
    }
    *key = QSslKey(keyFile.readAll(), QSsl::Ec);
    *certificate = certificates.first();
    if (key->isNull()) {
        *error = QStringLiteral("openssl made no usable key");
        return false;
    }
    return true;
}

class LocalHttpsServer : public QObject
{
public:
    bool start(const QSslCertificate &certificate, const QSslKey &key)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(config);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                if (socket->bytesAvailable() > 0)
                    onReadyRead(socket);
            }
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    /// https://127.0.0.1:PORT followed by `path`.
    [[nodiscard]] QString url(const QString &path = {}) const
    {
        return QStringLiteral("https://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    /// What a GET of `path` answers (200, application/json); other paths get 404.
    void setBody(const QString &path, const QByteArray &body) { m_bodies.insert(path, body); }
    [[nodiscard]] int requests(const QString &path = {}) const
    {
        return path.isEmpty() ? m_total : m_requests.value(path);
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QString path = requestLine.size() > 1 ? QString::fromLatin1(requestLine.at(1)) : QString();
        ++m_total;
        ++m_requests[path];
        const auto it = m_bodies.constFind(path);
        const QByteArray status = it == m_bodies.cend() ? "404 Not Found" : "200 OK";
        const QByteArray body = it == m_bodies.cend() ? QByteArray("not found\n") : *it;
        socket->write("HTTP/1.1 " + status
            + "\r\nContent-Type: application/json\r\nCache-Control: max-age=300\r\n"
              "Connection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    QHash<QString, QByteArray> m_bodies;
    QHash<QString, int> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_total = 0;
};

} // namespace jwb::test
