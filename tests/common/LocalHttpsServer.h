#pragma once

// A local HTTPS server for tests of every suite (QSslServer with a self-signed certificate made by the openssl
// command; tests/common is on every suite's include path, so `#include "LocalHttpsServer.h"` finds it):
// it answers every request with one body (or, for paths given their own, with that path's body) and counts the
// connections it was asked for, so that a test can prove that something made no network request at all.

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QString>
#include <QTcpSocket>

namespace jwb::test {

/// A self-signed P-256 certificate for localhost and 127.0.0.1, written into `dir` (server.pem, server.key).
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
    const auto certificates = QSslCertificate::fromPath(dir + QStringLiteral("/server.pem"));
    QFile keyFile(dir + QStringLiteral("/server.key"));
    *key = keyFile.open(QIODevice::ReadOnly) ? QSslKey(keyFile.readAll(), QSsl::Ec) : QSslKey();
    if (certificates.isEmpty() || key->isNull()) {
        *error = QStringLiteral("openssl made no usable certificate or key");
        return false;
    }
    *certificate = certificates.first();
    return true;
}

/// A minimal HTTPS server: answers every request with the current body (or its path's), then closes the connection.
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
        // Every connection that reaches the server starts a handshake, whether or not it then succeeds.
        connect(&m_server, &QSslServer::startedEncryptionHandshake, this, [this] { ++m_connections; });
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
    void setBody(const QByteArray &body) { m_body = body; }
    /// The body for requests of exactly `path` (e.g. a discovery document next to its JWK Set).
    void setBody(const QString &path, const QByteArray &body) { m_bodies.insert(path, body); }
    /// Complete HTTP requests answered.
    [[nodiscard]] int requests() const { return m_requests; }
    /// TCP connections that reached the server (a request or not).
    [[nodiscard]] int connections() const { return m_connections; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        ++m_requests;
        const QString path = requestLine.size() > 1 ? QString::fromLatin1(requestLine.at(1)) : QString();
        const QByteArray body = m_bodies.value(path, m_body);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: max-age=300\r\n"
                      "Connection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    QByteArray m_body;
    QHash<QString, QByteArray> m_bodies;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
    int m_connections = 0;
};

} // namespace jwb::test
