#include "oauth/LoopbackRedirect.h"

#include <QTcpSocket>
#include <QUrlQuery>

namespace jwb::oauth {

namespace {

constexpr qint64 kMaxRequest = 16 * 1024;

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

LoopbackRedirect::LoopbackRedirect(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirect::onConnection);
}

LoopbackRedirect::~LoopbackRedirect()
{
    m_server.close();
}

bool LoopbackRedirect::listen(const QByteArray &expectedState)
{
    m_state = expectedState;
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    m_error = common::Error {QStringLiteral("loopback_failed"),
        QStringLiteral("cannot listen on 127.0.0.1 for the browser's redirect: %1").arg(m_server.errorString()), {}};
    return false;
}

void LoopbackRedirect::close()
{
    m_done = true;
    m_server.close();
}

QUrl LoopbackRedirect::redirectUri() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(m_server.serverPort()));
}

void LoopbackRedirect::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackRedirect::answer(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray body = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                                           "</head><body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1>"
                                           "<p>%2</p></body></html>")
                                .arg(htmlEscape(title), htmlEscape(text))
                                .toUtf8();
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
    // Out to the kernel now: the flow may end (and a CLI exit) right after the redirect was taken.
    socket->flush();
    socket->disconnectFromHost();
}

void LoopbackRedirect::onReadable(QTcpSocket *socket)
{
    if (m_done) {
        socket->abort();
        return;
    }
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->read(kMaxRequest - buffer.size() + 1);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequest)
            answer(socket, 400, QStringLiteral("Bad request"), QStringLiteral("The request is too large."));
        return;
    }
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    if (requestLine.value(0) != "GET" || target.path() != u"/callback") {
        answer(socket, 404, QStringLiteral("Not found"), QStringLiteral("Nothing here."));
        return;
    }
    const QUrlQuery query(target);
    const auto item
        = [&query](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    if (item("state").toUtf8() != m_state) {
        answer(socket, 400, QStringLiteral("Sign-in refused"),
            QStringLiteral("The answer does not carry the state this request was sent with."));
        finish({},
            common::Error {QStringLiteral("state_mismatch"),
                QStringLiteral("the redirect to %1 carries another state than the one sent (RFC 6749 "
                               "§10.12): the answer is not for this request and was refused")
                    .arg(redirectUri().toDisplayString()),
                {}});
        return;
    }
    if (!item("error").isEmpty()) {
        const QString description = item("error_description");
        answer(socket, 400, QStringLiteral("Sign-in failed"),
            description.isEmpty() ? item("error") : QStringLiteral("%1: %2").arg(item("error"), description));
        QVariantMap details {{QStringLiteral("error"), item("error")}};
        if (!description.isEmpty())
            details.insert(QStringLiteral("error_description"), description);
        finish({},
            common::Error {QStringLiteral("authorization_error"),
                QStringLiteral("the authorization server answered error \"%1\"%2")
                    .arg(item("error"), description.isEmpty() ? QString() : QStringLiteral(": ") + description),
                details});
        return;
    }
    const QByteArray code = item("code").toUtf8();
    if (code.isEmpty()) {
        answer(socket, 400, QStringLiteral("Sign-in failed"), QStringLiteral("The redirect carries no code."));
        finish({},
            common::Error {QStringLiteral("authorization_error"),
                QStringLiteral("the redirect carries neither a code nor an error (RFC 6749 §4.1.2)"), {}});
        return;
    }
    answer(socket, 200, QStringLiteral("Signed in"),
        QStringLiteral("JWT Workbench received the authorization. You can close this window."));
    finish(code, {});
}

void LoopbackRedirect::finish(const QByteArray &code, const common::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_code = code;
    m_error = error;
    m_server.close();
    Q_EMIT received();
}

} // namespace jwb::oauth
