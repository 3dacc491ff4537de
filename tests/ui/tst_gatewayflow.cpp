// The Gateway view end to end through the main window, the way a KrakenD user works: open krakend.json, find out
// why a token gets 401 on an endpoint, fix the config, check the verdict, save, and see that nothing else in the
// file changed. Plus the test-token matrix of that endpoint and the verdicts the simulator puts in the list.

#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/Resources.h"
#include "gateway/EndpointModel.h"
#include "gateway/GatewayPage.h"
#include "gateway/SimulationPanel.h"
#include "gateway/TestMatrixPanel.h"
#include "inspector/InspectorWidget.h"
#include "keys/Jwk.h"
#include "keys/KeyLoader.h"
#include "krakend/TestTokens.h"
#include "workspace/KeyRing.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace jwb;

class TestGatewayFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void diagnoseFixSave();
    void testTokensGiveExpectedVerdicts();
    void unsavedConfigSurvivesACrash();
    void closingWithErrorsAsksFirst();

private:
    int simulate();
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
    QByteArray m_original;
};

void TestGatewayFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestGatewayFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_config = m_dir->filePath(QStringLiteral("krakend.json"));
    m_original = ui::Resources::text(QStringLiteral(":/samples/krakend.json")).toUtf8();
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(m_original);
    config.close();
    QFile jwks(m_dir->filePath(QStringLiteral("demo-jwks.json")));
    QVERIFY(jwks.open(QIODevice::WriteOnly));
    jwks.write(ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8());
    jwks.close();
    ui::Dialogs::Hooks hooks;
    hooks.error = [](const QString &, const QString &text) { QFAIL(qPrintable(text)); };
    hooks.question = [](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Cancel; };
    ui::Dialogs::setHooks(hooks);
    // The demo token's exp is in 2100 and its iat/nbf at kNow: evaluate at kNow.
    m_window = std::make_unique<ui::MainWindow>(common::Clock::fixed(test::nowUtc()));
}

void TestGatewayFlow::cleanup()
{
    m_window.reset();
    ui::Dialogs::clearHooks();
}

int TestGatewayFlow::simulate()
{
    auto *panel = m_window->simulationPanel();
    QSignalSpy done(panel, &ui::SimulationPanel::simulated);
    panel->simulateNow();
    if (!done.wait(20000))
        return -1;
    return done.last().at(1).toInt();
}

void TestGatewayFlow::diagnoseFixSave()
{
    QVERIFY(m_window->openFile(m_config));
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Gateway);
    auto *gateway = m_window->gatewayPage();
    QVERIFY(!gateway->isModified());
    QCOMPARE(gateway->document().endpoints().size(), 2);

    // The token from the inspector is the one the simulator gets (handed over once the inspector has shown its
    // verdict: queued, not before).
    m_window->addToken(QStringLiteral("demo"), ui::Resources::demoToken());
    gateway->selectEndpoint(0);
    QTRY_COMPARE(m_window->simulationPanel()->token(), ui::Resources::demoToken().trimmed());
    QCOMPARE(simulate(), 200);

    // A wrong issuer in the config: 401, stopped at iss, and the verdict shows in the endpoint list.
    QVERIFY(gateway->setValidatorOption(QStringLiteral("issuer"), QStringLiteral("https://other.example.com/")));
    QVERIFY(gateway->isModified());
    QCOMPARE(simulate(), 401);
    const auto *stop = m_window->simulationPanel()->result().stoppingCheck();
    QVERIFY(stop);
    QCOMPARE(stop->nameText(), QStringLiteral("iss"));
    const QModelIndex verdict
        = test::child<ui::EndpointModel>(gateway, "endpointModel")->index(0, ui::EndpointModel::VerdictColumn);
    QCOMPARE(verdict.data(ui::EndpointModel::VerdictStatusRole).toInt(), 401);

    // Undo is the fix; redo brings the mistake back; undo again.
    gateway->undoStack()->undo();
    QVERIFY(!gateway->isModified());
    QCOMPARE(simulate(), 200);
    gateway->undoStack()->redo();
    QCOMPARE(simulate(), 401);
    gateway->undoStack()->undo();

    // A real edit, saved: only that endpoint's validator block differs on disk.
    QVERIFY(gateway->setValidatorOption(QStringLiteral("leeway"), QStringLiteral("45s")));
    QVERIFY(gateway->save());
    QFile saved(m_config);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray text = saved.readAll();
    QByteArray expected = m_original;
    const qsizetype first = expected.indexOf("\"leeway\": \"30s\"");
    QVERIFY(first > 0);
    expected.replace(first, qstrlen("\"leeway\": \"30s\""), "\"leeway\": \"45s\"");
    QCOMPARE(text, expected);
    QVERIFY(QFile::exists(m_config + QStringLiteral(".bak")));
    QVERIFY(!gateway->isModified());
}

void TestGatewayFlow::testTokensGiveExpectedVerdicts()
{
    QVERIFY(m_window->openFile(m_config));
    m_window->gatewayPage()->selectEndpoint(0);
    // Sign with the demo private key (kid demo-rs256), the key behind the config's jwk_local_path set, so that the
    // simulator, which uses the config's own keys, judges the minted tokens exactly as the matrix predicts.
    const auto demoKey
        = keys::KeyLoader::load(ui::Resources::text(QStringLiteral(":/samples/demo-private.pem")).toUtf8());
    QVERIFY(demoKey.ok());
    QJsonObject jwk = keys::Jwk::toJson(demoKey->keys.first().key, true);
    jwk.insert(QStringLiteral("kid"), QStringLiteral("demo-rs256"));
    const int source = m_window->keyRing()->add(
        workspace::KeyRing::pasted(QStringLiteral("demo private"), QString::fromUtf8(QJsonDocument(jwk).toJson())));
    auto *matrix = m_window->testMatrix();
    const int choice
        = test::child<QComboBox>(matrix, "testMatrixKeyCombo")->findData(m_window->keyRing()->at(source).id);
    QVERIFY(choice > 0);
    test::child<QComboBox>(matrix, "testMatrixKeyCombo")->setCurrentIndex(choice);
    QSignalSpy minted(matrix, &ui::TestMatrixPanel::mintFinished);
    matrix->mint();
    QVERIFY(minted.wait(60000));
    QVERIFY2(minted.last().at(0).toBool(), qPrintable(matrix->lastError()));
    QVERIFY(matrix->tokenSet().has_value());
    const auto &set = *matrix->tokenSet();
    QCOMPARE(set.keyId, QStringLiteral("demo-rs256"));
    const QList<std::pair<QString, int>> expected = {{QStringLiteral("valid"), 200}, {QStringLiteral("expired"), 401},
        {QStringLiteral("inside_leeway"), 200}, {QStringLiteral("outside_leeway"), 401},
        {QStringLiteral("wrong_audience"), 401}, {QStringLiteral("missing_role"), 403},
        {QStringLiteral("missing_scope"), 403}, {QStringLiteral("unknown_kid"), 401}, {QStringLiteral("alg_none"), 401},
        {QStringLiteral("hs256_public_key"), 401}};
    for (const auto &[id, status] : expected) {
        const auto *testCase = set.find(id);
        QVERIFY2(testCase, qPrintable(id));
        QCOMPARE(testCase->expectedStatus, status);
    }

    // "Simulate" on a case runs it through the simulation panel, which agrees.
    const int missingRole = [&set] {
        for (int i = 0; i < set.cases.size(); ++i)
            if (set.cases[i].id == u"missing_role")
                return i;
        return -1;
    }();
    QVERIFY(missingRole >= 0);
    matrix->selectCase(missingRole);
    QSignalSpy simulated(m_window->simulationPanel(), &ui::SimulationPanel::simulated);
    Q_EMIT matrix->simulateToken(matrix->selectedToken());
    QVERIFY(simulated.wait(20000));
    QCOMPARE(simulated.last().at(1).toInt(), 403);
    QCOMPARE(m_window->simulationPanel()->result().stoppingCheck()->nameText(), QStringLiteral("roles"));
}

void TestGatewayFlow::unsavedConfigSurvivesACrash()
{
    QFile::remove(ui::MainWindow::autosavePath());
    QVERIFY(m_window->openFile(m_config));
    m_window->gatewayPage()->selectEndpoint(1);
    QVERIFY(m_window->gatewayPage()->setValidatorOption(QStringLiteral("leeway"), QStringLiteral("2m")));
    QVERIFY(m_window->autosaveNow());
    const QByteArray edited = m_window->gatewayPage()->documentText();
    m_window.reset(); // the process dies: no close event, no prompt, nothing saved to krakend.json

    QFile config(m_config);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), m_original);

    ui::Dialogs::Hooks hooks;
    hooks.question = [](const QString &, const QString &text, QMessageBox::StandardButtons) {
        return text.contains(u"unsaved changes to a KrakenD configuration") ? QMessageBox::Yes : QMessageBox::No;
    };
    ui::Dialogs::setHooks(hooks);
    m_window = std::make_unique<ui::MainWindow>(common::Clock::fixed(test::nowUtc()));
    QVERIFY(m_window->offerRecovery());
    QVERIFY(m_window->gatewayPage()->isModified());
    QCOMPARE(m_window->gatewayPage()->configPath(), m_config);
    QCOMPARE(m_window->gatewayPage()->documentText(), edited);
    QVERIFY(m_window->gatewayPage()->save());
    config.close();
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), edited);
}

void TestGatewayFlow::closingWithErrorsAsksFirst()
{
    // Closing the window with an edit that breaks a validator: "Save" in the close prompt goes through the save
    // review, whose Cancel keeps both the window and the file as they were.
    QVERIFY(m_window->openFile(m_config));
    m_window->gatewayPage()->selectEndpoint(0);
    QVERIFY(m_window->gatewayPage()->setValidatorOption(QStringLiteral("alg"), QJsonValue(QJsonValue::Undefined)));
    QStringList asked;
    QString answer = QStringLiteral("Cancel");
    ui::Dialogs::Hooks hooks;
    hooks.question = [](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Save; };
    hooks.choose = [&](const ui::Dialogs::Choice &choice) {
        asked.append(choice.title);
        return static_cast<int>(choice.buttons.indexOf(answer));
    };
    ui::Dialogs::setHooks(hooks);
    m_window->show();
    QVERIFY(!m_window->close());
    QCOMPARE(asked, QStringList {QStringLiteral("Save with lint errors?")});
    QVERIFY(m_window->isVisible());
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), m_original);
    config.close();

    answer = QStringLiteral("Save with errors");
    QVERIFY(m_window->close());
    QCOMPARE(asked.size(), 2);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), m_window->gatewayPage()->documentText());
    QVERIFY(m_window->gatewayPage()->documentText() != m_original);
}

QTEST_MAIN(TestGatewayFlow)
#include "tst_gatewayflow.moc"
