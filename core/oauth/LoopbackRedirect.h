#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <optional>

class QTcpSocket;

namespace jwb::oauth {

/// The redirect target of a native app's authorization request (RFC 8252 §7.3): a listener on 127.0.0.1 with a
/// port the system picks, for one redirect to /callback. It answers every other path with 404 and keeps
/// listening (a browser may ask for /favicon.ico first); the redirect itself gets a short HTML page, then the
/// listener closes and received() is emitted once. The `state` must be the one sent (else state_mismatch: the
/// answer is not ours); an `error` from the authorization server becomes authorization_error with its
/// error_description. Only the first 16 KiB of a request are read.
class LoopbackRedirect : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackRedirect(QObject *parent = nullptr);
    ~LoopbackRedirect() override;

    /// Starts listening; false (with error()) when no port could be opened.
    bool listen(const QByteArray &expectedState);
    void close();
    /// http://127.0.0.1:PORT/callback
    [[nodiscard]] QUrl redirectUri() const;

    [[nodiscard]] bool succeeded() const { return !m_code.isEmpty(); }
    [[nodiscard]] const QByteArray &code() const { return m_code; }
    [[nodiscard]] const common::Error &error() const { return m_error; }

Q_SIGNALS:
    void received();

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void finish(const QByteArray &code, const common::Error &error);

    QTcpServer m_server;
    QByteArray m_state;
    QHash<QTcpSocket *, QByteArray> m_buffers; ///< what each connection sent so far
    QByteArray m_code;
    common::Error m_error;
    bool m_done = false;
};

} // namespace jwb::oauth
