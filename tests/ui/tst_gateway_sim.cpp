// The Gateway simulation widgets with the demo workspace (resources/samples): SimulationPanel answers 200 with the
// propagated headers for the demo token, 401 (stopping at "signature") for a tampered one, 403 for a token without
// the required role; EndpointMatrix fills every row; TestMatrixPanel mints the test tokens with their expected
// statuses and exports the JWK Set. Every item model goes through QAbstractItemModelTester.
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/Dialogs.h"
#include "common/Jobs.h"
#include "crypto/Backend.h"
#include "crypto/Key.h"
#include "gateway/EndpointMatrix.h"
#include "gateway/EndpointMatrixModel.h"
#include "gateway/SimulationPanel.h"
#include "gateway/TestMatrixModel.h"
#include "gateway/TestMatrixPanel.h"
#include "jose/Base64Url.h"
#include "keys/TokenSigner.h"
#include "workspace/KeyRing.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <sys/stat.h>

using namespace jwb;
using namespace jwb::ui;

namespace {

QString samplePath(const QString &name)
{
    return QStringLiteral(JWB_SOURCE_DIR) + QStringLiteral("/resources/samples/") + name;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString demoToken()
{
    return QString::fromLatin1(readFile(samplePath(QStringLiteral("demo-token.jwt")))).trimmed();
}

/// A token signed with the demo key whose payload is the demo payload with `changes` applied.
QString signedDemo(const QJsonObject &changes)
{
    const QString demo = demoToken();
    QJsonObject payload
        = QJsonDocument::fromJson(jose::Base64Url::decode(demo.split(u'.').at(1).toLatin1()).value()).object();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        payload.insert(it.key(), it.value());
    auto key = crypto::Key::fromPem(readFile(samplePath(QStringLiteral("demo-private.pem"))));
    if (!key)
        return {};
    auto token = keys::TokenSigner::signBytes(crypto::Algorithm::RS256, key.value(),
        QByteArrayLiteral("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"demo-rs256\"}"),
        QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return token ? token.value() : QString();
}

/// The models behind the matrices' views, found as a user's tools see them (by object name).
EndpointMatrixModel *modelOf(EndpointMatrix &matrix)
{
    return qobject_cast<EndpointMatrixModel *>(test::child<QTableView>(&matrix, "endpointMatrixView")->model());
}

TestMatrixModel *modelOf(TestMatrixPanel &panel)
{
    return qobject_cast<TestMatrixModel *>(test::child<QTableView>(&panel, "testMatrixView")->model());
}

QString headerValue(QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == name)
            return table->item(row, 1)->text();
    return QStringLiteral("<missing>");
}

} // namespace

class TestGatewaySim : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QJsonObject m_root;
    std::shared_ptr<const common::Clock> m_clock = common::Clock::fixed(test::nowUtc());

    /// Waits for the panel's next result and returns its status.
    int waitForStatus(SimulationPanel &panel)
    {
        QSignalSpy spy(&panel, &SimulationPanel::simulated);
        if (!spy.wait(15000))
            return -1;
        return spy.last().at(1).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        crypto::Backend::initialize();
        QVERIFY(m_dir.isValid());
        // The sample refers to its keys as "jwk_local_path": "demo-jwks.json", next to krakend.json.
        for (const char *name : {"krakend.json", "demo-jwks.json"})
            QVERIFY(QFile::copy(samplePath(QLatin1String(name)), m_dir.filePath(QLatin1String(name))));
        m_root = QJsonDocument::fromJson(readFile(m_dir.filePath(QStringLiteral("krakend.json")))).object();
        QCOMPARE(m_root.value(QLatin1String("endpoints")).toArray().size(), 2);
    }

    void cleanup() { Dialogs::clearHooks(); }

    void demoTokenIsAccepted()
    {
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.resize(1280, 800);
        panel.setEndpoint(m_root, 0, m_dir.path());
        QSignalSpy spy(&panel, &SimulationPanel::simulated);
        panel.setToken(demoToken());
        QVERIFY(spy.wait(15000));
        QCOMPARE(spy.last().at(0).toInt(), 0);
        QCOMPARE(spy.last().at(1).toInt(), 200);
        QCOMPARE(panel.result().status, 200);
        QVERIFY(test::child<QLabel>(&panel, "simulationStatus")->text().startsWith(QStringLiteral("200")));
        QCOMPARE(headerValue(test::child<QTableWidget>(&panel, "simulationBackendHeaders"), QStringLiteral("X-User")),
            QStringLiteral("user-4711"));
        QCOMPARE(headerValue(test::child<QTableWidget>(&panel, "simulationBackendHeaders"), QStringLiteral("X-Roles")),
            QStringLiteral("reader,editor"));
        QVERIFY(test::child<QTreeView>(&panel, "simulationTrace")->model()->rowCount() > 5);
        QCOMPARE(test::child<QTreeWidget>(&panel, "simulationBackendUrls")->topLevelItem(0)->text(0),
            QStringLiteral("/orders"));
        QVERIFY(!panel.isBusy());
        // The token went into the history.
        QCOMPARE(test::child<QComboBox>(&panel, "simulationTokenCombo")->itemText(0), demoToken());
    }

    void tamperedTokenStopsAtSignature()
    {
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 0, m_dir.path());
        QString token = demoToken();
        const qsizetype at = token.lastIndexOf(u'.') + 20;
        token[at] = token[at] == u'A' ? u'B' : u'A';
        QSignalSpy spy(&panel, &SimulationPanel::simulated);
        panel.setToken(token);
        QVERIFY(spy.wait(15000));
        QCOMPARE(panel.result().status, 401);
        QVERIFY(panel.result().stoppingCheck());
        QCOMPARE(panel.result().stoppingCheck()->nameText(), QStringLiteral("signature"));
        QVERIFY(test::child<QLabel>(&panel, "simulationStatus")->text().startsWith(QStringLiteral("401")));
        // The stopping row is marked in the trace.
        const auto hits
            = test::child<QTreeView>(&panel, "simulationTrace")
                  ->model()
                  ->match(test::child<QTreeView>(&panel, "simulationTrace")->model()->index(0, 1), Qt::DisplayRole,
                      QStringLiteral("signature"), -1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits.first().siblingAtColumn(2).data().toString().contains(QStringLiteral("stops here")));
        QCOMPARE(test::child<QTableWidget>(&panel, "simulationBackendHeaders")->rowCount(),
            1); // the "does not reach the backend" note
        QVERIFY(test::child<QTableWidget>(&panel, "simulationBackendHeaders")
                    ->item(0, 0)
                    ->text()
                    .startsWith(QStringLiteral("none")));
    }

    void missingRoleIsForbidden()
    {
        const QString token = signedDemo({{QStringLiteral("roles"), QJsonArray {QStringLiteral("guest")}}});
        QVERIFY(!token.isEmpty());
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 0, m_dir.path());
        panel.setToken(token);
        QCOMPARE(waitForStatus(panel), 403);
        QCOMPARE(panel.result().stoppingCheck()->nameText(), QStringLiteral("roles"));
        QVERIFY(test::child<QLabel>(&panel, "simulationStatus")->text().startsWith(QStringLiteral("403")));
    }

    void evaluationTimeAndCookiePlacement()
    {
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 0, m_dir.path());
        panel.setToken(demoToken());
        QCOMPARE(waitForStatus(panel), 200);
        // After exp (2100-01-01) plus the 30 s leeway the token is expired.
        test::child<QRadioButton>(&panel, "simulationAtRadio")->setChecked(true);
        test::child<QDateTimeEdit>(&panel, "simulationAtEdit")
            ->setDateTime(QDateTime(QDate(2100, 1, 2), QTime(0, 0), Qt::UTC));
        QCOMPARE(waitForStatus(panel), 401);
        QCOMPARE(panel.result().stoppingCheck()->nameText(), QStringLiteral("exp"));
        // The cookie fallback (access_token) also carries the token.
        panel.findChild<QRadioButton *>(QStringLiteral("simulationNowRadio"))->setChecked(true);
        test::child<QComboBox>(&panel, "simulationPlacementCombo")->setCurrentIndex(1);
        QCOMPARE(panel.request().cookies.size(), 1);
        QCOMPARE(panel.request().cookies.first().first, QStringLiteral("access_token"));
        panel.simulateNow();
        QCOMPARE(waitForStatus(panel), 200);
    }

    void keyRingReplacementKeys()
    {
        // A key ring source that does not hold the demo key: the signature no longer verifies.
        workspace::KeyRing ring(m_clock);
        auto other = crypto::Key::generate(crypto::KeyType::Rsa, 2048);
        QVERIFY(other.ok());
        const keys::Jwk jwk = keys::Jwk::fromKey(other->publicKey(), QStringLiteral("demo-rs256"));
        ring.add(workspace::KeyRing::pasted(QStringLiteral("other"),
            QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk.json}}}).toJson())));
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 0, m_dir.path());
        // Automatic, the source, the config's own keys: the source is pinned as a user chooses it.
        auto *keyCombo = test::child<QComboBox>(&panel, "simulationKeyCombo");
        QCOMPARE(keyCombo->count(), 3);
        const int pin = keyCombo->findData(QString(QStringLiteral("source:") + ring.at(0).id));
        QCOMPARE(pin, 1);
        keyCombo->setCurrentIndex(pin);
        Q_EMIT keyCombo->activated(pin);
        panel.setToken(demoToken());
        QCOMPARE(waitForStatus(panel), 401);
        QCOMPARE(panel.result().stoppingCheck()->nameText(), QStringLiteral("signature"));
        QVERIFY(panel.result().keySource.contains(QStringLiteral("other")));
    }

    void cancelIgnoresTheResult()
    {
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 0, m_dir.path());
        test::child<QComboBox>(&panel, "simulationTokenCombo")->setEditText(demoToken());
        QSignalSpy spy(&panel, &SimulationPanel::simulated);
        panel.simulateNow();
        QVERIFY(panel.isBusy());
        panel.cancel();
        QVERIFY(!panel.isBusy());
        QVERIFY(!spy.wait(1000));
        QCOMPARE(panel.result().status, 0);
    }

    // Cancel reaches the download: a jwk_url that accepts the connection and never answers stops being fetched at
    // once (the job ends), instead of holding a worker until its 60 s timeout.
    void cancelStopsTheDownload()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QJsonObject root = m_root;
        QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
        QJsonObject endpoint = endpoints.first().toObject();
        QJsonObject extra = endpoint.value(QLatin1String("extra_config")).toObject();
        QJsonObject validator = extra.value(QLatin1String("auth/validator")).toObject();
        validator.remove(QStringLiteral("jwk_local_path"));
        validator.insert(
            QStringLiteral("jwk_url"), QStringLiteral("http://127.0.0.1:%1/jwks").arg(silent.serverPort()));
        validator.insert(QStringLiteral("disable_jwk_security"), true);
        extra.insert(QStringLiteral("auth/validator"), validator);
        endpoint.insert(QStringLiteral("extra_config"), extra);
        endpoints.replace(0, endpoint);
        root.insert(QStringLiteral("endpoints"), endpoints);

        const int before = common::Jobs::liveCount();
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(root, 0, m_dir.path());
        test::child<QComboBox>(&panel, "simulationTokenCombo")->setEditText(demoToken());
        panel.simulateNow();
        QVERIFY(panel.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections() || silent.nextPendingConnection(), 10000);
        QCOMPARE(common::Jobs::liveCount(), before + 1);
        QElapsedTimer timer;
        timer.start();
        panel.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(common::Jobs::liveCount(), before, 5000);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(panel.result().status, 0);
    }

    // All endpoints' own choice pins every row; Automatic leaves each endpoint its own choice.
    void endpointMatrixKeyChoice()
    {
        // A source holding the demo kid with another key: chosen automatically, every row fails its signature.
        workspace::KeyRing ring(m_clock);
        auto other = crypto::Key::generate(crypto::KeyType::Rsa, 2048);
        QVERIFY(other.ok());
        const keys::Jwk jwk = keys::Jwk::fromKey(other->publicKey(), QStringLiteral("demo-rs256"));
        ring.add(workspace::KeyRing::pasted(QStringLiteral("other"),
            QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {jwk.json}}}).toJson())));
        EndpointMatrix matrix(m_clock);
        matrix.setKeyRing(&ring);
        QSignalSpy finished(&matrix, &EndpointMatrix::finished);
        matrix.setConfig(m_root, m_dir.path());
        QVERIFY(finished.wait(15000));
        matrix.setToken(demoToken());
        QVERIFY(finished.wait(15000));
        auto *line = test::child<QLabel>(&matrix, "endpointMatrixKeysLine");
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(modelOf(matrix)->rowAt(row).status, 401);
            QCOMPARE(modelOf(matrix)->rowAt(row).stoppingCheck, QStringLiteral("signature"));
        }
        QVERIFY2(line->text().contains(QStringLiteral("“other”")), qPrintable(line->text()));
        // The config's own keys (jwk_local_path demo-jwks.json), pinned for all endpoints.
        auto *combo = test::child<QComboBox>(&matrix, "endpointMatrixKeyCombo");
        const int config = combo->findData(QStringLiteral("config"));
        QVERIFY(config > 0);
        combo->setCurrentIndex(config);
        Q_EMIT combo->activated(config);
        QVERIFY(finished.wait(15000));
        QCOMPARE(modelOf(matrix)->rowAt(0).status, 200);
        QCOMPARE(modelOf(matrix)->rowAt(1).status, 200);
        QVERIFY2(line->text().contains(QStringLiteral("the config's own keys")), qPrintable(line->text()));
        QCOMPARE(matrix.keyChoice(1).kind, workspace::KeyChoice::Kind::ConfigOwn);

        // A source without keys, pinned: no row is simulated, and each says why (not "Run downloads them").
        const int broken = ring.add(workspace::KeyRing::pasted(QStringLiteral("broken"), QStringLiteral("not a key")));
        QVERIFY(!ring.at(broken).keys.has_value());
        const int pin = combo->findData(QString(QStringLiteral("source:") + ring.at(broken).id));
        QVERIFY(pin > 0);
        combo->setCurrentIndex(pin);
        Q_EMIT combo->activated(pin);
        QVERIFY(finished.wait(15000));
        for (int row = 0; row < 2; ++row) {
            QVERIFY(modelOf(matrix)->rowAt(row).withoutKeys);
            QCOMPARE(modelOf(matrix)->rowAt(row).status, 0);
            QVERIFY2(modelOf(matrix)->rowAt(row).reason.contains(QStringLiteral("“broken” has no keys")),
                qPrintable(modelOf(matrix)->rowAt(row).reason));
        }
        const QString summary = test::child<QLabel>(&matrix, "endpointMatrixSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("2 endpoints without keys")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("Run downloads")), qPrintable(summary));
    }

    void endpointMatrixFillsEveryRow()
    {
        EndpointMatrix matrix(m_clock);
        QAbstractItemModelTester tester(modelOf(matrix), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&matrix, &EndpointMatrix::finished);
        matrix.setConfig(m_root, m_dir.path());
        QVERIFY(finished.wait(15000)); // no token: every endpoint answers 401
        QCOMPARE(modelOf(matrix)->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(modelOf(matrix)->rowAt(row).status, 401);
            QCOMPARE(modelOf(matrix)->rowAt(row).stoppingCheck, QStringLiteral("token"));
        }
        matrix.setToken(demoToken());
        QVERIFY(finished.wait(15000));
        QCOMPARE(modelOf(matrix)->doneCount(), 2);
        QCOMPARE(modelOf(matrix)->rowAt(0).method, QStringLiteral("GET"));
        QCOMPARE(modelOf(matrix)->rowAt(1).method, QStringLiteral("POST"));
        QCOMPARE(modelOf(matrix)->data(modelOf(matrix)->index(0, EndpointMatrixModel::StatusColumn)).toString(),
            QStringLiteral("200 OK"));
        QCOMPARE(
            modelOf(matrix)
                ->data(modelOf(matrix)->index(1, EndpointMatrixModel::StatusColumn), EndpointMatrixModel::StatusRole)
                .toInt(),
            200);

        // A token without the editor role: GET still allows reader, POST needs editor.
        matrix.setToken(signedDemo({{QStringLiteral("roles"), QJsonArray {QStringLiteral("reader")}}}));
        QVERIFY(finished.wait(15000));
        QCOMPARE(modelOf(matrix)->rowAt(0).status, 200);
        QCOMPARE(modelOf(matrix)->rowAt(1).status, 403);
        QCOMPARE(modelOf(matrix)->rowAt(1).stoppingCheck, QStringLiteral("roles"));

        QSignalSpy activated(&matrix, &EndpointMatrix::endpointActivated);
        Q_EMIT test::child<QTableView>(&matrix, "endpointMatrixView")->doubleClicked(modelOf(matrix)->index(1, 0));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toInt(), 1);
    }

    void byteOrderMarkMeansKrakenDWouldNotStart()
    {
        // The text of a config saved with a byte order mark: the simulation tools agree with the Gateway page's bar.
        const QByteArray text = "\xEF\xBB\xBF" + QJsonDocument(m_root).toJson();
        workspace::KeyRing ring(m_clock);
        SimulationPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 0, m_dir.path(), text);
        panel.setToken(demoToken());
        QCOMPARE(waitForStatus(panel), krakend::kNotStarted); // no HTTP status (issue #18)
        QVERIFY2(panel.result().reason.startsWith(QStringLiteral("KrakenD would not start: the file starts with a "
                                                                 "UTF-8 byte order mark")),
            qPrintable(panel.result().reason));

        EndpointMatrix matrix(m_clock);
        QSignalSpy finished(&matrix, &EndpointMatrix::finished);
        matrix.setConfig(m_root, m_dir.path(), text);
        QVERIFY(finished.wait(15000));
        for (int row = 0; row < modelOf(matrix)->rowCount(); ++row)
            QCOMPARE(modelOf(matrix)->rowAt(row).status, krakend::kNotStarted);
    }

    void testMatrixMintsExpectedStatuses()
    {
        workspace::KeyRing ring(m_clock);
        TestMatrixPanel panel(&ring, m_clock);
        QAbstractItemModelTester tester(modelOf(panel), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setEndpoint(m_root, 0, m_dir.path());
        QSignalSpy done(&panel, &TestMatrixPanel::mintFinished);
        panel.mint();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().first().toBool(), qPrintable(panel.lastError()));
        QCOMPARE(modelOf(panel)->rowCount(), 12);
        const QHash<QString, int> expected {{QStringLiteral("valid"), 200}, {QStringLiteral("expired"), 401},
            {QStringLiteral("inside_leeway"), 200}, {QStringLiteral("outside_leeway"), 401},
            {QStringLiteral("wrong_audience"), 401}, {QStringLiteral("wrong_issuer"), 401},
            {QStringLiteral("missing_role"), 403}, {QStringLiteral("missing_scope"), 403},
            {QStringLiteral("unknown_kid"), 401}, {QStringLiteral("alg_none"), 401},
            {QStringLiteral("hs256_public_key"), 401}, {QStringLiteral("nbf_future"), 401}};
        for (int row = 0; row < modelOf(panel)->rowCount(); ++row) {
            const QModelIndex index = modelOf(panel)->index(row, TestMatrixModel::StatusColumn);
            const QString id = index.data(TestMatrixModel::CaseIdRole).toString();
            QVERIFY2(expected.contains(id), qPrintable(id));
            QCOMPARE(index.data(TestMatrixModel::StatusRole).toInt(), expected.value(id));
            QVERIFY(index.data().toString().startsWith(QString::number(expected.value(id))));
        }

        // Selecting a row shows its token, claims and curl line; the buttons emit the token.
        panel.selectCase(1);
        const auto &expiredCase = modelOf(panel)->caseAt(1);
        QCOMPARE(test::child<QPlainTextEdit>(&panel, "testMatrixToken")->toPlainText(), expiredCase.token);
        QVERIFY(test::child<QPlainTextEdit>(&panel, "testMatrixCurl")
                    ->toPlainText()
                    .startsWith(QStringLiteral("curl -i -H 'Authorization: Bearer ")));
        QVERIFY(
            test::child<QPlainTextEdit>(&panel, "testMatrixClaims")->toPlainText().contains(QStringLiteral("exp ")));
        QSignalSpy simulate(&panel, &TestMatrixPanel::simulateToken);
        QSignalSpy inspect(&panel, &TestMatrixPanel::openInInspector);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("testMatrixSimulate")), Qt::LeftButton);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("testMatrixOpenInspector")), Qt::LeftButton);
        QCOMPARE(simulate.size(), 1);
        QCOMPARE(simulate.first().first().toString(), expiredCase.token);
        QCOMPARE(inspect.size(), 1);

        // Export the JWK Set through the save-file hook.
        const QString out = m_dir.filePath(QStringLiteral("exported-jwks.json"));
        QString suggested;
        Dialogs::Hooks hooks;
        hooks.saveFileName = [&](const QString &, const QString &, const QString &s) {
            suggested = s;
            return out;
        };
        Dialogs::setHooks(hooks);
        QVERIFY(panel.exportJwks());
        QCOMPARE(suggested, m_dir.filePath(QStringLiteral("demo-jwks.json")));
        const QJsonObject jwks = QJsonDocument::fromJson(readFile(out)).object();
        QCOMPARE(jwks, panel.tokenSet()->jwksForLocalPath());
        QVERIFY(!jwks.value(QLatin1String("keys")).toArray().first().toObject().contains(QLatin1String("d")));
    }

    void testMatrixSecretExportIs0600()
    {
        // For HS256 the exported JWK Set holds the shared secret: 0600 even with umask 0.
        QJsonObject root = m_root;
        QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
        endpoints.append(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/hmac")},
            {QStringLiteral("backend"),
                QJsonArray {QJsonObject {{QStringLiteral("url_pattern"), QStringLiteral("/")},
                    {QStringLiteral("host"), QJsonArray {QStringLiteral("http://svc")}}}}},
            {QStringLiteral("extra_config"),
                QJsonObject {{QStringLiteral("auth/validator"),
                    QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")},
                        {QStringLiteral("jwk_url"), QStringLiteral("https://idp.example.com/jwks")}}}}}});
        root.insert(QStringLiteral("endpoints"), endpoints);
        workspace::KeyRing ring(m_clock);
        TestMatrixPanel panel(&ring, m_clock);
        panel.setEndpoint(root, static_cast<int>(endpoints.size() - 1), m_dir.path());
        QSignalSpy done(&panel, &TestMatrixPanel::mintFinished);
        panel.mint();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().first().toBool(), qPrintable(panel.lastError()));
        const QString out = m_dir.filePath(QStringLiteral("hmac-jwks.json"));
        Dialogs::Hooks hooks;
        hooks.saveFileName = [&](const QString &, const QString &, const QString &) { return out; };
        hooks.question
            = [](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Yes; };
        Dialogs::setHooks(hooks);
        const mode_t previous = ::umask(0);
        const bool exported = panel.exportJwks();
        ::umask(previous);
        QVERIFY(exported);
        QVERIFY(QJsonDocument::fromJson(readFile(out))
                    .object()
                    .value(QLatin1String("keys"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QLatin1String("k")));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &st), 0);
        QCOMPARE(static_cast<int>(st.st_mode & 07777), 0600);
    }

    void testMatrixInsideLeewayIsMintedWhenUsed()
    {
        // The inside_leeway token is minted again when it is copied, simulated or opened: its exp counts from that
        // moment (the panel's clock, moved forward here instead of sleeping). The sample's GET endpoint has a 30 s
        // leeway: enough to test by hand, so no note about it.
        auto clock = std::make_shared<common::FixedClock>(test::nowUtc());
        const qint64 t0 = clock->nowSecs();
        workspace::KeyRing ring(clock);
        TestMatrixPanel panel(&ring, clock);
        panel.setEndpoint(m_root, 0, m_dir.path());
        QSignalSpy done(&panel, &TestMatrixPanel::mintFinished);
        panel.mint();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().first().toBool(), qPrintable(panel.lastError()));
        auto *model = modelOf(panel);
        int inside = -1;
        int expired = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->caseAt(row).id == u"inside_leeway")
                inside = row;
            else if (model->caseAt(row).id == u"expired")
                expired = row;
        }
        QVERIFY(inside >= 0 && expired >= 0);
        auto expOf = [](const QString &token) {
            const auto payload = jose::Base64Url::decode(token.section(u'.', 1, 1).toLatin1());
            return payload ? QJsonDocument::fromJson(payload.value()).object().value(QLatin1String("exp")).toInteger()
                           : qint64(0);
        };
        QCOMPARE(expOf(model->caseAt(inside).token), t0 - 1);
        const QString expiredToken = model->caseAt(expired).token;
        auto *message = test::child<QLabel>(&panel, "testMatrixMessage");
        QVERIFY2(!message->text().contains(u"by hand"), qPrintable(message->text()));

        // Copy token, 100 s later: the clipboard gets a token expired 1 s before the copy, accepted for 29 s more.
        clock->setNow(test::nowUtc().addSecs(100));
        panel.selectCase(inside);
        QTest::mouseClick(test::child<QPushButton>(&panel, "testMatrixCopyToken"), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(expOf(copied), t0 + 100 - 1);
        QCOMPARE(model->caseAt(inside).token, copied); // the row shows what was copied
        QCOMPARE(model->caseAt(inside).expectedStatus, 200);
        QCOMPARE(test::child<QPlainTextEdit>(&panel, "testMatrixToken")->toPlainText(), copied);
        QVERIFY(test::child<QPlainTextEdit>(&panel, "testMatrixClaims")->toPlainText().contains(u"Minted again"));
        QVERIFY(model->caseAt(inside).description.contains(u"still accepted for 29 s"));

        // Copy curl, Simulate, Open in Inspector and Copy all: each mints it at its own moment.
        clock->setNow(test::nowUtc().addSecs(200));
        QTest::mouseClick(test::child<QPushButton>(&panel, "testMatrixCopyCurl"), Qt::LeftButton);
        const QString curl = QGuiApplication::clipboard()->text();
        QVERIFY(curl.startsWith(u"curl -i "));
        QCOMPARE(expOf(curl.section(QStringLiteral("Bearer "), 1).section(u'\'', 0, 0)), t0 + 200 - 1);
        clock->setNow(test::nowUtc().addSecs(300));
        QSignalSpy simulate(&panel, &TestMatrixPanel::simulateToken);
        QTest::mouseClick(test::child<QPushButton>(&panel, "testMatrixSimulate"), Qt::LeftButton);
        QCOMPARE(simulate.size(), 1);
        QCOMPARE(expOf(simulate.first().first().toString()), t0 + 300 - 1);
        clock->setNow(test::nowUtc().addSecs(400));
        QSignalSpy inspect(&panel, &TestMatrixPanel::openInInspector);
        QTest::mouseClick(test::child<QPushButton>(&panel, "testMatrixOpenInspector"), Qt::LeftButton);
        QCOMPARE(inspect.size(), 1);
        QCOMPARE(expOf(inspect.first().first().toString()), t0 + 400 - 1);
        clock->setNow(test::nowUtc().addSecs(500));
        QTest::mouseClick(test::child<QPushButton>(&panel, "testMatrixCopyAll"), Qt::LeftButton);
        const QString script = QGuiApplication::clipboard()->text();
        QCOMPARE(expOf(model->caseAt(inside).token), t0 + 500 - 1);
        QVERIFY(script.contains(model->caseAt(inside).token));
        // The other cases hold for an hour or more: they stay as minted.
        QCOMPARE(model->caseAt(expired).token, expiredToken);
        QVERIFY(script.contains(expiredToken));
    }

    void testMatrixSaysWhenTheLeewayIsTooSmall()
    {
        // The sample's POST endpoint has no leeway (KrakenD's 1 s): too little to copy a token and run its curl
        // line before it leaves the leeway. The message and the case say so.
        workspace::KeyRing ring(m_clock);
        TestMatrixPanel panel(&ring, m_clock);
        panel.setEndpoint(m_root, 1, m_dir.path());
        QSignalSpy done(&panel, &TestMatrixPanel::mintFinished);
        panel.mint();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().first().toBool(), qPrintable(panel.lastError()));
        const QString message = test::child<QLabel>(&panel, "testMatrixMessage")->text();
        QVERIFY2(message.contains(u"too small to test \"inside_leeway\" by hand"), qPrintable(message));
        const auto *inside = panel.tokenSet()->find(QStringLiteral("inside_leeway"));
        QVERIFY(inside);
        QVERIFY2(inside->description.contains(u"too short to copy and run by hand"), qPrintable(inside->description));
    }

    void testMatrixWithoutValidator()
    {
        QJsonObject root = m_root;
        QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
        endpoints.append(QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/open")}});
        root.insert(QStringLiteral("endpoints"), endpoints);
        workspace::KeyRing ring(m_clock);
        TestMatrixPanel panel(&ring, m_clock);
        panel.setEndpoint(root, 2, m_dir.path());
        QVERIFY(!test::child<QPushButton>(&panel, "testMatrixMint")->isEnabled());
        QVERIFY(test::child<QLabel>(&panel, "testMatrixMessage")->text().contains(QStringLiteral("no auth/validator")));
    }
};

QTEST_MAIN(TestGatewaySim)
#include "tst_gateway_sim.moc"
