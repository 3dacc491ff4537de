// The Gateway page's "Run against gateway…" (issue #22, part 2), offscreen: the test tokens of the sample endpoint,
// with the security sweep, sent by LiveRunDialog to an in-process HTTP server that refuses every token with 401.
// Exactly the cases the simulation does not answer with 401 (valid, inside the leeway, wrong typ, and the roles and
// scopes the sample config requires: 403) must be reported as differing; each request must carry its token as the
// config reads it; nothing is sent before Run, or to a plain-http URL unless allowed; and Cancel stops the run.
#include "TestData.h"
#include "UiTestHelpers.h"

#include "crypto/Backend.h"
#include "gateway/LiveRunDialog.h"
#include "gateway/TestMatrixModel.h"
#include "gateway/TestMatrixPanel.h"
#include "workspace/KeyRing.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;
using namespace jwb::ui;

namespace {

QString samplePath(const QString &name)
{
    return QStringLiteral(JWB_SOURCE_DIR) + QStringLiteral("/resources/samples/") + name;
}

/// A minimal HTTP/1.1 server: answers every request with `status` and a small JSON body, and keeps each request's
/// head. `delayMs` holds the answer back.
class TinyGateway : public QObject
{
public:
    explicit TinyGateway(int status, int delayMs = 0) : m_status(status), m_delayMs(delayMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    const qsizetype end = m_buffers[socket].indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    requests << m_buffers[socket].left(end);
                    m_buffers[socket].remove(0, end + 4);
                    const QByteArray body = m_status == 200 ? "{\"ok\":true}" : "{\"error\":\"refused\"}";
                    auto reply = [socket, status = m_status, body] {
                        socket->write("HTTP/1.1 " + QByteArray::number(status)
                            + (status == 200 ? " OK" : " Unauthorized")
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                            + "\r\n\r\n" + body);
                    };
                    if (m_delayMs > 0)
                        QTimer::singleShot(m_delayMs, socket, reply);
                    else
                        reply();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    QList<QByteArray> requests;

private:
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_status;
    int m_delayMs;
};

} // namespace

class TestLiveRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_root;
    std::shared_ptr<const common::Clock> m_clock = common::Clock::system();

    LiveRunDialog *mintAndOpen(TestMatrixPanel &panel)
    {
        panel.setEndpoint(m_root, 0, m_dir.path());
        panel.setSweep(true);
        QSignalSpy done(&panel, &TestMatrixPanel::mintFinished);
        panel.mint();
        if (!done.wait(30000) || !done.first().first().toBool())
            return nullptr;
        return panel.openLiveRun();
    }

private Q_SLOTS:
    void initTestCase()
    {
        crypto::Backend::initialize();
        QVERIFY(m_dir.isValid());
        for (const char *name : {"krakend.json", "demo-jwks.json"})
            QVERIFY(QFile::copy(samplePath(QLatin1String(name)), m_dir.filePath(QLatin1String(name))));
        QFile f(m_dir.filePath(QStringLiteral("krakend.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_root = QJsonDocument::fromJson(f.readAll()).object();
    }

    void reportsWhatTheGatewayAnswersDifferently()
    {
        TinyGateway gateway(401);
        QVERIFY(gateway.listen());
        workspace::KeyRing ring(m_clock);
        TestMatrixPanel panel(&ring, m_clock);
        LiveRunDialog *dialog = mintAndOpen(panel);
        QVERIFY2(dialog, qPrintable(panel.lastError()));
        const QList<krakend::TestTokenCase> cases = panel.tokenSet()->cases;
        QVERIFY(cases.size() > 12); // the sweep's attacks too
        QCOMPARE(dialog->resultModel()->rowCount(), cases.size());

        // Nothing goes out before Run, and plain http needs the explicit permission.
        dialog->urlEdit()->setText(gateway.url());
        QVERIFY(!dialog->startRun());
        QVERIFY2(dialog->message().contains(QStringLiteral("plain http")), qPrintable(dialog->message()));
        QTest::qWait(100);
        QVERIFY(gateway.requests.isEmpty());

        dialog->insecureCheck()->setChecked(true);
        QSignalSpy finished(dialog, &LiveRunDialog::runFinished);
        QVERIFY(dialog->startRun());
        QVERIFY(finished.wait(60000));
        QCOMPARE(gateway.requests.size(), cases.size());
        QSet<QString> differ;
        for (int row = 0; row < cases.size(); ++row) {
            const krakend::LiveCaseResult &r = dialog->run()->results().at(row);
            QCOMPARE(r.actualStatus, 401);
            if (!r.matched)
                differ.insert(r.id);
            const QString shown = dialog->resultModel()->item(row, 3)->text();
            QVERIFY2(r.matched ? shown == QStringLiteral("as simulated") : shown.startsWith(QStringLiteral("differs")),
                qPrintable(shown));
        }
        // Every case the simulation answers otherwise than 401: accepted ones (valid, inside the leeway, wrong typ)
        // and those refused only by the roles or scopes check (403, which the sample config asks for).
        QSet<QString> notUnauthorized;
        for (const auto &c : cases)
            if (c.expectedStatus != 401)
                notUnauthorized.insert(c.id);
        QCOMPARE(differ, notUnauthorized);
        QVERIFY(differ.contains(QStringLiteral("valid")));
        QVERIFY(differ.contains(QStringLiteral("wrong_typ")));
        QVERIFY(differ.contains(QStringLiteral("missing_role")));
        for (const krakend::LiveCaseResult &r : dialog->run()->results())
            if (r.id == u"missing_role")
                QVERIFY2(
                    r.explanation.contains(QStringLiteral("roles or scopes check (403)")), qPrintable(r.explanation));
        // Each request carries its case's token as the config reads it (the sample reads the Authorization header).
        for (int i = 0; i < cases.size(); ++i) {
            const QByteArray &head = gateway.requests.at(i);
            QVERIFY2(head.startsWith("GET /v1/orders"), head.constData());
            if (!krakend::TestTokens::mintedWhenUsed(cases.at(i).kind))
                QVERIFY2(head.contains(QByteArray("Authorization: Bearer " + cases.at(i).token.toLatin1())),
                    head.constData());
        }
        QVERIFY(dialog->message().contains(QStringLiteral("differ")));
        // make-screenshots.sh runs this test on Xvfb with JWB_SCREENSHOT_DIR set: the dialog as a user sees it.
        if (const QString dir = qEnvironmentVariable("JWB_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog->resize(1000, 640);
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            dialog->findChild<QTableView *>(QStringLiteral("liveRunView"))->selectRow(0);
            QTest::qWait(200);
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/gateway-liverun-light.png")));
        }
        delete dialog;
    }

    void capAndCancel()
    {
        TinyGateway gateway(200, 2000);
        QVERIFY(gateway.listen());
        workspace::KeyRing ring(m_clock);
        TestMatrixPanel panel(&ring, m_clock);
        LiveRunDialog *dialog = mintAndOpen(panel);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(gateway.url());
        dialog->insecureCheck()->setChecked(true);
        dialog->maxRequestsSpin()->setValue(2);
        QSignalSpy finished(dialog, &LiveRunDialog::runFinished);
        QVERIFY(dialog->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(gateway.requests.size(), 1, 5000);
        dialog->cancelRun();
        QCOMPARE(finished.count(), 1);
        QVERIFY(dialog->run()->wasCancelled());
        QCOMPARE(dialog->run()->sentCount(), 1);
        QVERIFY(dialog->message().contains(QStringLiteral("cancelled")));
        QTest::qWait(300);
        QCOMPARE(gateway.requests.size(), 1);
        delete dialog;
    }
};

QTEST_MAIN(TestLiveRun)
#include "tst_liverun.moc"
