// Workspaces, file routing and the key ring in the Verify tab, end to end
// through the main window, offscreen: save and reopen a session, secrets kept
// out of files (and in the keychain only when the user agrees), crash recovery
// from the autosave, and one Open that sends each kind of file to the page that
// owns it.

#include "LocalHttpsServer.h"
#include "UiTestHelpers.h"

#include "../common/TestData.h"
#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/JsonTreeModel.h"
#include "common/Resources.h"
#include "common/Scheduler.h"
#include "common/SecretClipboard.h"
#include "common/SecretStore.h"
#include "common/Settings.h"
#include "crypto/Backend.h"
#include "gateway/EndpointMatrix.h"
#include "gateway/EndpointMatrixModel.h"
#include "gateway/GatewayPage.h"
#include "gateway/SimulationPanel.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TokenEditor.h"
#include "keys/KeySourcesModel.h"
#include "keys/KeysPage.h"
#include "verify/VerifyPanel.h"
#include "workspace/KeyRing.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>
#include <qt6keychain/keychain.h>

#include <sys/stat.h>

using namespace jwb;

namespace {
const QString kSecret = QStringLiteral("correct horse battery staple, but longer than 32 bytes");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void saveAndReopenKeepsSessionWithoutSecrets();
    void secretsGoToKeychainOnlyWhenAsked();
    void keychainFailureIsReported();
    void keychainErrorsInWords_data();
    void keychainErrorsInWords();
    void realKeychainWithoutServiceSaysSo();
    void missingSecretsGetOneMessage();
    void malformedWorkspaceNamesLineAndColumn();
    void openRoutesEachFileKind_data();
    void openRoutesEachFileKind();
    void byteOrderMarkConfigGoesToTheGateway();
    void openKrakendConfigNeverReachesTheInspector_data();
    void openKrakendConfigNeverReachesTheInspector();
    void recoveryAfterCrash();
    void sessionFilesArePrivate();
    void verifyWithKeyRingSource();
    void evaluateAtChangesVerdict();
    void jsonTreeModel();
    void demoWorkspaceHasKeys();
    void secretClipboardClears();
    void secretsStayOutOfSettingsAndSessions();
    void foreignWorkspaceWaitsForPermission();
    void ownSessionFetches();
    void filesNeverFetch();
    void choiceDialogAnswers();

private:
    /// A local HTTPS server and a workspace whose two remote sources point at it:
    /// one trusts the server's certificate as an extra CA from the file, one is
    /// insecure. False (with a skip reason) without openssl.
    bool startServer(QString *why);
    QJsonObject remoteWorkspace(bool markInsecureWaiting = false) const;
    std::unique_ptr<ui::MainWindow> makeWindow();
    void answer(QMessageBox::StandardButton button);

    std::shared_ptr<common::FixedClock> m_clock;
    QStringList m_errors;
    QStringList m_questions;
    QMessageBox::StandardButton m_answer = QMessageBox::No;
    QHash<QString, QString> m_keychain;
    QString m_refuseWrite; ///< a source id whose keychain write fails
    QList<ui::Dialogs::Choice> m_choices;
    QString m_choiceAnswer; ///< the button text pressed in Dialogs::choose
    std::unique_ptr<test::LocalHttpsServer> m_server;
    /// Serves the workspace's insecure source: one trust setting per origin, so it needs an origin of its own.
    std::unique_ptr<test::LocalHttpsServer> m_otherServer;
    [[nodiscard]] int serverConnections() const { return m_server->connections() + m_otherServer->connections(); }
    [[nodiscard]] int serverRequests() const { return m_server->requests() + m_otherServer->requests(); }
    QSslCertificate m_certificate;
    QSslKey m_key;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // As the app does right after its first paint; until then the verify panel
    // waits for it.
    jwb::crypto::Backend::initialize();
}

void TestWorkspace::init()
{
    m_clock = std::make_shared<common::FixedClock>(test::nowUtc());
    m_errors.clear();
    m_questions.clear();
    m_keychain.clear();
    m_refuseWrite.clear();
    m_choices.clear();
    m_choiceAnswer.clear();
    m_server.reset();
    m_otherServer.reset();
    m_answer = QMessageBox::No;
    m_dir = std::make_unique<QTemporaryDir>();
    QFile::remove(ui::MainWindow::autosavePath());
    QFile::remove(ui::MainWindow::lastSessionPath());
    ui::Dialogs::Hooks hooks;
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    hooks.information = [](const QString &, const QString &) {};
    hooks.question = [this](const QString &, const QString &text, QMessageBox::StandardButtons) {
        m_questions.append(text);
        return m_answer;
    };
    hooks.choose = [this](const ui::Dialogs::Choice &choice) {
        m_choices.append(choice);
        const int index = static_cast<int>(choice.buttons.indexOf(m_choiceAnswer));
        return index >= 0 ? index : choice.escapeButton;
    };
    ui::Dialogs::setHooks(hooks);
    ui::SecretStore::Backend keychain;
    keychain.write = [this](const QString &key, const QString &value) {
        if (!m_refuseWrite.isEmpty() && key.endsWith(u'/' + m_refuseWrite))
            return QStringLiteral("the system keychain refused access (it may be locked)");
        m_keychain.insert(key, value);
        return QString();
    };
    keychain.read = [this](const QString &key, QString *value) {
        if (!m_keychain.contains(key))
            return QStringLiteral("system keychain: entry not found");
        *value = m_keychain.value(key);
        return QString();
    };
    keychain.remove = [this](const QString &key) {
        m_keychain.remove(key);
        return QString();
    };
    ui::SecretStore::setBackend(keychain);
}

void TestWorkspace::cleanup()
{
    m_server.reset();
    m_otherServer.reset();
    ui::Dialogs::clearHooks();
    ui::SecretStore::clearBackend();
    m_dir.reset();
}

std::unique_ptr<ui::MainWindow> TestWorkspace::makeWindow()
{
    return std::make_unique<ui::MainWindow>(m_clock);
}

void TestWorkspace::saveAndReopenKeepsSessionWithoutSecrets()
{
    const QString token = test::makeToken(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"alice","exp":1795870800})");
    const QString path = m_dir->filePath(QStringLiteral("session.jwb.json"));
    QString secretId;
    {
        auto window = makeWindow();
        window->addToken(QStringLiteral("first"), token);
        window->addToken(QStringLiteral("second"), QStringLiteral("a.b"));
        window->inspector()->setCurrentInput(0);
        window->inspector()->setTreeMode(true);
        window->inspector()->setEvaluationTime(QDateTime::fromSecsSinceEpoch(test::kNow + 7200, Qt::UTC));
        window->keyRing()->add(workspace::KeyRing::pasted(
            QStringLiteral("demo public"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
        const int secret = window->keyRing()->add(
            workspace::KeyRing::secret(QStringLiteral("hs secret"), kSecret, QStringLiteral("utf8")));
        secretId = window->keyRing()->at(secret).id;
        m_answer = QMessageBox::No;
        QVERIFY(window->saveWorkspaceAs(path));
        QCOMPARE(m_questions.size(), 1); // asked about the one secret
        QVERIFY(m_questions.first().contains(u"1 of the key sources"));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.contains(kSecret.toUtf8()), "the secret must never reach the workspace file");
    QVERIFY(m_keychain.isEmpty());
    const QJsonObject saved = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(saved.value(u"jwt_workbench_workspace").toInt(), 1);
    QCOMPARE(saved.value(u"tokens").toArray().size(), 2);
    QVERIFY(!saved.contains(u"secrets_in_keychain"));

    auto reopened = makeWindow();
    QVERIFY(reopened->openFile(path));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QCOMPARE(reopened->inspector()->inputTitles(), QStringList({QStringLiteral("first"), QStringLiteral("second")}));
    QCOMPARE(reopened->inspector()->tokenEditor()->toPlainText(), token);
    QVERIFY(reopened->inspector()->isTreeMode());
    QCOMPARE(reopened->inspector()->evaluationTime()->toSecsSinceEpoch(), test::kNow + 7200);
    QCOMPARE(reopened->keyRing()->count(), 2);
    QVERIFY(reopened->keyRing()->at(0).keys.has_value());
    const int secret = reopened->keyRing()->indexOf(secretId);
    QVERIFY(secret >= 0);
    QVERIFY(!reopened->keyRing()->at(secret).keys.has_value());
    QVERIFY(reopened->keyRing()->at(secret).errorText().startsWith(u"secret_not_stored"));
    QCOMPARE(reopened->workspacePath(), path);
    QVERIFY(ui::Settings::recentFiles().contains(QFileInfo(path).absoluteFilePath()));
}

void TestWorkspace::secretsGoToKeychainOnlyWhenAsked()
{
    const QString path = m_dir->filePath(QStringLiteral("with-secret.jwb.json"));
    QString id;
    {
        auto window = makeWindow();
        id = window->keyRing()
                 ->at(window->keyRing()->add(
                     workspace::KeyRing::secret(QStringLiteral("hs secret"), kSecret, QStringLiteral("utf8"))))
                 .id;
        m_answer = QMessageBox::Yes;
        QVERIFY(window->saveWorkspaceAs(path));
        // Written before the keychain answered: the file says that the secret is
        // not stored anywhere yet.
        QCOMPARE(readJson(path).value(u"secrets_not_stored").toArray(), QJsonArray({id}));
        QVERIFY(!readJson(path).contains(u"secrets_in_keychain"));
        // Once the keychain has confirmed, the file says where the secret is.
        QTRY_VERIFY(readJson(path).contains(u"secrets_in_keychain"));
        QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Secrets stored in the system keychain."));
    }
    QCOMPARE(m_keychain.size(), 1);
    const QJsonObject saved = readJson(path);
    QCOMPARE(saved.value(u"secrets_in_keychain").toArray(), QJsonArray({id}));
    QVERIFY(!saved.contains(u"secrets_not_stored"));
    QVERIFY(!QJsonDocument(saved).toJson().contains(kSecret.toUtf8()));
    QCOMPARE(m_keychain.begin().value(), kSecret);

    auto reopened = makeWindow();
    QVERIFY(reopened->openWorkspace(path));
    QTRY_VERIFY(reopened->keyRing()->at(0).keys.has_value());
    QCOMPARE(reopened->keyRing()->at(0).text, kSecret);
    QVERIFY(!reopened->keyRing()->at(0).error);
}

void TestWorkspace::keychainFailureIsReported()
{
    // As on a desktop without a Secret Service: every write fails with
    // SecretStore's words for it.
    ui::SecretStore::Backend broken;
    broken.write = [](const QString &, const QString &) { return ui::SecretStore::noServiceMessage(); };
    broken.read = [](const QString &, QString *) { return ui::SecretStore::noServiceMessage(); };
    ui::SecretStore::setBackend(broken);
    QString id;
    const QString path = m_dir->filePath(QStringLiteral("w.jwb.json"));
    {
        auto window = makeWindow();
        id = window->keyRing()
                 ->at(window->keyRing()->add(
                     workspace::KeyRing::secret(QStringLiteral("s"), kSecret, QStringLiteral("utf8"))))
                 .id;
        m_answer = QMessageBox::Yes;
        QVERIFY(window->saveWorkspaceAs(path));
        QTRY_COMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.first().contains(u"saved without 1 of its secret"), qPrintable(m_errors.first()));
        QVERIFY2(
            m_errors.first().contains(u"no keychain service is running on this desktop"), qPrintable(m_errors.first()));
        QTest::qWait(50); // nothing else follows: the file is not rewritten
    }
    // The failed secret is listed as not stored, never as in the keychain.
    const QJsonObject saved = readJson(path);
    QVERIFY(!saved.contains(u"secrets_in_keychain"));
    QCOMPARE(saved.value(u"secrets_not_stored").toArray(), QJsonArray({id}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(kSecret.toUtf8()));

    // Reopened: the source says that its secret was not restored, and no keychain
    // read is attempted.
    m_errors.clear();
    auto reopened = makeWindow();
    QVERIFY(reopened->openWorkspace(path));
    QVERIFY(m_errors.isEmpty());
    QCOMPARE(reopened->keyRing()->at(0).errorText(), workspace::KeySource::secretNotStoredError().toString());
    // (Plural forms aside: the English translation is regenerated after the
    // source changes.)
    QTRY_VERIFY(reopened->statusBar()->currentMessage().contains(u"opened without their secret (not stored): s"));
}

void TestWorkspace::keychainErrorsInWords_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("serviceRunning");
    QTest::addColumn<QString>("expected");
    const QString none = QStringLiteral("no keychain service is running on this desktop");
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << QStringLiteral("No keychain service available")
                                << true << none;
    // QtKeychain 0.13 without libsecret, no session bus or no wallet on it:
    // OtherError "Unknown error".
    QTest::newRow("unknown, no service") << int(QKeychain::OtherError) << QStringLiteral("Unknown error") << false
                                         << none;
    QTest::newRow("dbus name unknown") << int(QKeychain::OtherError)
                                       << QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown: The name "
                                                         "org.freedesktop.secrets was not "
                                                         "provided by any .service files")
                                       << true << none;
    QTest::newRow("other, service running") << int(QKeychain::OtherError) << QStringLiteral("Unknown error") << true
                                            << QStringLiteral("system keychain: Unknown error");
    QTest::newRow("locked") << int(QKeychain::AccessDenied) << QString() << true
                            << QStringLiteral("the system keychain refused access (it may be locked)");
    QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser) << QStringLiteral("Denied") << true
                                    << QStringLiteral("access to the system keychain was denied");
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << QStringLiteral("Entry not found") << false
                               << QStringLiteral("the system keychain holds no such entry");
}

void TestWorkspace::keychainErrorsInWords()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(bool, serviceRunning);
    QFETCH(QString, expected);
    QCOMPARE(ui::SecretStore::describeError(code, message, serviceRunning), expected);
}

void TestWorkspace::realKeychainWithoutServiceSaysSo()
{
    // The real QtKeychain, where no keychain service runs (as under these
    // offscreen tests): the job's error reaches the user in words. On a desktop
    // with a keychain nothing is written to it.
    ui::SecretStore::clearBackend();
    if (ui::SecretStore::keychainServiceRunning())
        QSKIP("a keychain service runs on this session bus");
    ui::SecretStore store;
    QSignalSpy done(&store, &ui::SecretStore::done);
    store.write(QStringLiteral("tst_workspace/probe"), QStringLiteral("not a real secret"));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    QCOMPARE(done.first().at(1).toString(), QStringLiteral("no keychain service is running on this desktop"));
    QSignalSpy read(&store, &ui::SecretStore::readDone);
    store.read(QStringLiteral("tst_workspace/probe"));
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 30000);
    QCOMPARE(read.first().at(2).toString(), QStringLiteral("no keychain service is running on this desktop"));
}

void TestWorkspace::missingSecretsGetOneMessage()
{
    // Two secrets: the keychain takes one and refuses the other. The file lists
    // each where it is; reopened on a desktop whose keychain has lost the first
    // one, both open with the same error and one message names both.
    const QString path = m_dir->filePath(QStringLiteral("two.jwb.json"));
    QString kept;
    QString refused;
    {
        auto window = makeWindow();
        kept = window->keyRing()
                   ->at(window->keyRing()->add(
                       workspace::KeyRing::secret(QStringLiteral("kept"), kSecret, QStringLiteral("utf8"))))
                   .id;
        refused = window->keyRing()
                      ->at(window->keyRing()->add(
                          workspace::KeyRing::secret(QStringLiteral("refused"), kSecret, QStringLiteral("utf8"))))
                      .id;
        m_refuseWrite = refused;
        m_answer = QMessageBox::Yes;
        QVERIFY(window->saveWorkspaceAs(path));
        QTRY_COMPARE(m_errors.size(), 1);
        QVERIFY(m_errors.first().contains(u"saved without 1 of its secret"));
    }
    const QJsonObject saved = readJson(path);
    QCOMPARE(saved.value(u"secrets_in_keychain").toArray(), QJsonArray({kept}));
    QCOMPARE(saved.value(u"secrets_not_stored").toArray(), QJsonArray({refused}));

    m_keychain.clear(); // e.g. another desktop
    auto reopened = makeWindow();
    QVERIFY(reopened->openWorkspace(path));
    QCOMPARE(reopened->keyRing()->count(), 2);
    QTRY_VERIFY(reopened->statusBar()->currentMessage().startsWith(u"2 key source"));
    QVERIFY2(
        reopened->statusBar()->currentMessage().endsWith(u"opened without their secret (not stored): kept, refused "
                                                         u"(system keychain: entry not found)"),
        qPrintable(reopened->statusBar()->currentMessage()));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(reopened->keyRing()->at(i).errorText(), workspace::KeySource::secretNotStoredError().toString());
        QVERIFY(!reopened->keyRing()->at(i).keys);
    }
}

void TestWorkspace::malformedWorkspaceNamesLineAndColumn()
{
    const QString path = writeFile(
        *m_dir, QStringLiteral("bad.jwb.json"), "{\n  \"jwt_workbench_workspace\": 1,\n  \"tokens\": [,]\n}");
    auto window = makeWindow();
    QVERIFY(!window->openFile(path));
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(u"line 3"), qPrintable(m_errors.first()));

    const QString future = writeFile(*m_dir, QStringLiteral("future.jwb.json"), "{\"jwt_workbench_workspace\": 99}");
    QVERIFY(!window->openFile(future));
    QVERIFY2(m_errors.last().contains(u"not supported"), qPrintable(m_errors.last()));
}

void TestWorkspace::openRoutesEachFileKind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("keySources");
    QTest::newRow("token") << QStringLiteral("t.jwt") << QStringLiteral(":/samples/demo-token.jwt") << 1 << 0;
    QTest::newRow("jwks") << QStringLiteral("keys.json") << QStringLiteral(":/samples/demo-jwks.json") << 0 << 1;
    QTest::newRow("pem") << QStringLiteral("key.pem") << QStringLiteral(":/samples/demo-public.pem") << 0 << 1;
}

void TestWorkspace::openRoutesEachFileKind()
{
    QFETCH(QString, name);
    QFETCH(QString, resource);
    QFETCH(int, tokens);
    QFETCH(int, keySources);
    auto window = makeWindow();
    const QString path = writeFile(*m_dir, name, ui::Resources::text(resource).toUtf8());
    QVERIFY(window->openFile(path));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QCOMPARE(window->inspector()->isEmpty() ? 0 : 1, tokens);
    QCOMPARE(window->keyRing()->count(), keySources);
    if (keySources > 0) {
        QCOMPARE(window->keyRing()->at(0).kind, workspace::KeySource::Kind::File);
        QVERIFY(window->keyRing()->at(0).keys.has_value());
    }
}

void TestWorkspace::byteOrderMarkConfigGoesToTheGateway()
{
    // Saved "UTF-8 with BOM": still a krakend.json, opened in the Gateway view (which says KrakenD would not start),
    // both through Open and through Open KrakenD Config; it never becomes a token.
    const QByteArray config = "\xEF\xBB\xBF" + ui::Resources::text(QStringLiteral(":/samples/krakend.json")).toUtf8();
    for (const bool viaConfigAction : {false, true}) {
        auto window = makeWindow();
        const QString path = writeFile(*m_dir, QStringLiteral("bom.json"), config);
        QVERIFY(viaConfigAction ? window->openKrakendConfig(path) : window->openFile(path));
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
        QVERIFY(window->inspector()->isEmpty());
        QCOMPARE(window->gatewayPage()->configPath(), path);
        QVERIFY(window->gatewayPage()->document().hasByteOrderMark());
        QVERIFY(!window->gatewayPage()->findChild<QWidget *>(QStringLiteral("byteOrderMarkBar"))->isHidden());
    }
}

void TestWorkspace::openKrakendConfigNeverReachesTheInspector_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QStringLiteral("text") << QStringLiteral("is not a JSON file");
    QTest::newRow("a token") << QStringLiteral("token") << QStringLiteral("is not a JSON file");
    QTest::newRow("a directory") << QStringLiteral("dir") << QStringLiteral("is a directory.");
    QTest::newRow("a JWK Set") << QStringLiteral("jwks")
                               << QStringLiteral("is not a KrakenD configuration: it holds a key set");
    QTest::newRow("a FIFO") << QStringLiteral("fifo") << QStringLiteral("is not a regular file (a FIFO)");
}

void TestWorkspace::openKrakendConfigNeverReachesTheInspector()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    auto window = makeWindow();
    QString path;
    if (kind == u"text") {
        path = writeFile(*m_dir, QStringLiteral("notes.json"), "just some notes, SECRET=1\n");
    } else if (kind == u"token") {
        path = writeFile(
            *m_dir, QStringLiteral("t.json"), ui::Resources::text(QStringLiteral(":/samples/demo-token.jwt")).toUtf8());
    } else if (kind == u"dir") {
        path = m_dir->filePath(QStringLiteral("folder.json"));
        QVERIFY(QDir().mkpath(path));
    } else if (kind == u"jwks") {
        path = writeFile(*m_dir, QStringLiteral("keys.json"),
            ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8());
    } else {
        path = m_dir->filePath(QStringLiteral("pipe.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    }
    // Through the menu action, as the user does it.
    ui::Dialogs::Hooks hooks;
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    hooks.question = [](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::No; };
    hooks.openFileName = [path](const QString &, const QString &) { return path; };
    ui::Dialogs::setHooks(hooks);
    window->findChild<QAction *>(QStringLiteral("actionOpenConfig"))->trigger();
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(message), qPrintable(m_errors.first()));
    QVERIFY2(!m_errors.first().contains(u"SECRET"), qPrintable(m_errors.first()));
    QVERIFY(window->inspector()->isEmpty());
    QCOMPARE(window->keyRing()->count(), 0);
    QVERIFY(window->gatewayPage()->configPath().isEmpty());
    // Plain Open refuses what is not a regular file too (a FIFO would block it, /dev/zero never end).
    if (kind == u"dir" || kind == u"fifo") {
        m_errors.clear();
        QVERIFY(!window->openFile(path));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY(window->inspector()->isEmpty());
    }
}

void TestWorkspace::recoveryAfterCrash()
{
    const QString token = test::makeToken(R"({"alg":"ES256"})", R"({"sub":"unsaved"})");
    {
        auto window = makeWindow();
        window->addToken(QStringLiteral("unsaved work"), token);
        QVERIFY(window->autosaveNow());
        // No close event: the process "crashed" and left the autosave behind.
    }
    QVERIFY(QFile::exists(ui::MainWindow::autosavePath()));

    m_answer = QMessageBox::No;
    {
        auto declined = makeWindow();
        QVERIFY(!declined->offerRecovery());
        QCOMPARE(m_questions.size(), 1);
    }
    QVERIFY2(!QFile::exists(ui::MainWindow::autosavePath()), "a declined recovery is not offered again");

    {
        // This time the periodic autosave writes it, timed by the window's scheduler.
        auto scheduler = std::make_shared<common::ManualScheduler>();
        ui::MainWindow window(m_clock, scheduler);
        window.addToken(QStringLiteral("unsaved work"), token);
        scheduler->advance(ui::MainWindow::kAutosaveMs - 1);
        QVERIFY(!QFile::exists(ui::MainWindow::autosavePath()));
        scheduler->advance(1);
        QVERIFY(QFile::exists(ui::MainWindow::autosavePath()));
    }
    m_answer = QMessageBox::Yes;
    auto recovered = makeWindow();
    QVERIFY(recovered->offerRecovery());
    QCOMPARE(recovered->inspector()->tokenEditor()->toPlainText(), token);
    QVERIFY(m_questions.last().contains(u"did not close normally"));

    // A clean close removes the autosave and writes the last session, which a
    // plain start restores.
    recovered->close();
    QVERIFY(!QFile::exists(ui::MainWindow::autosavePath()));
    auto next = makeWindow();
    QVERIFY(next->restoreLastSession());
    QCOMPARE(next->inspector()->tokenEditor()->toPlainText(), token);
}

void TestWorkspace::sessionFilesArePrivate()
{
    // The autosave, the last session and a saved workspace hold bearer tokens: 0600 in a 0700 folder, whatever
    // the umask (0 here, the most permissive) and however wide an older installation left the folder.
    const auto modeOf = [](const QString &path) {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
    };
    const QString dataDir = QFileInfo(ui::MainWindow::autosavePath()).absolutePath();
    QCOMPARE(::chmod(QFile::encodeName(dataDir).constData(), 0755), 0);
    const mode_t previous = ::umask(0);
    auto window = makeWindow();
    window->addToken(QStringLiteral("bearer"), test::makeToken(R"({"alg":"ES256"})", R"({"sub":"me"})"));
    const bool autosaved = window->autosaveNow();
    const bool sessionSaved = window->saveLastSession();
    const QString workspace = m_dir->filePath(QStringLiteral("w.jwb.json"));
    const bool workspaceSaved = window->saveWorkspaceAs(workspace);
    ::umask(previous);
    QVERIFY(autosaved);
    QVERIFY(sessionSaved);
    QVERIFY(workspaceSaved);
    QCOMPARE(modeOf(dataDir), 0700);
    QCOMPARE(modeOf(ui::MainWindow::autosavePath()), 0600);
    QCOMPARE(modeOf(ui::MainWindow::lastSessionPath()), 0600);
    QCOMPARE(modeOf(workspace), 0600);
}

void TestWorkspace::verifyWithKeyRingSource()
{
    auto window = makeWindow();
    window->addToken(QStringLiteral("demo"), ui::Resources::demoToken());
    auto *panel = window->inspector()->verifyPanel();
    QCOMPARE(panel->sourceCombo()->count(), 2); // only "Automatic" and "the key pasted below"
    const int index = window->keyRing()->add(workspace::KeyRing::pasted(
        QStringLiteral("demo jwks"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
    QCOMPARE(panel->sourceCombo()->count(), 3);
    panel->setKeySource(index);
    QCOMPARE(common::verdictText(panel->verdict()), QStringLiteral("valid"));
    QVERIFY(!panel->keyEdit()->isVisibleTo(panel));

    // A source whose keys do not fit gives "invalid", not a silent pass.
    const int other
        = window->keyRing()->add(workspace::KeyRing::secret(QStringLiteral("wrong"), kSecret, QStringLiteral("utf8")));
    panel->setKeySource(other);
    QCOMPARE(common::verdictText(panel->verdict()), QStringLiteral("invalid"));

    // Removing the chosen source falls back to the pasted key (none: not
    // verified).
    window->keyRing()->remove(other);
    QCOMPARE(panel->keySource(), -1);
    panel->verifyNow();
    QCOMPARE(common::verdictText(panel->verdict()), QStringLiteral("none"));
}

void TestWorkspace::evaluateAtChangesVerdict()
{
    auto window = makeWindow();
    // Expires one hour after kNow.
    const QString token = test::makeToken(R"({"alg":"HS256"})", "{\"exp\":" + test::num(test::kNow + 3600) + "}");
    window->addToken(QStringLiteral("t"), token);
    const auto expired = [&window] {
        for (const auto &finding : window->inspector()->inspection().findings)
            if (finding.code == u"expired")
                return true;
        return false;
    };
    QVERIFY(!expired());
    window->inspector()->setEvaluationTime(QDateTime::fromSecsSinceEpoch(test::kNow + 7200, Qt::UTC));
    QVERIFY(expired());
    auto *evaluateAt = test::child<QComboBox>(window->inspector(), "evaluateAtCombo");
    QVERIFY(evaluateAt);
    QCOMPARE(evaluateAt->currentIndex(), 1);
    window->inspector()->setEvaluationTime(std::nullopt);
    QVERIFY(!expired());
}

void TestWorkspace::jsonTreeModel()
{
    ui::JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocuments({{QStringLiteral("Header"), R"({"alg":"RS256","kid":"k"})"},
        {QStringLiteral("Payload"), R"({"sub":"a","roles":["x","y"],"nested":{"a b":1}})"}});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex payload = model.index(1, 0);
    QCOMPARE(model.rowCount(payload), 3);
    // Top-level members keep the written order.
    QCOMPARE(model.index(0, 0, payload).data().toString(), QStringLiteral("sub"));
    QCOMPARE(model.index(1, 0, payload).data().toString(), QStringLiteral("roles"));
    const QModelIndex roles = model.index(1, 0, payload);
    QCOMPARE(model.rowCount(roles), 2);
    QCOMPARE(model.index(1, ui::JsonTreeModel::ValueColumn, roles).data().toString(), QStringLiteral("\"y\""));
    QCOMPARE(model.pathOf(model.index(1, 0, roles)), QStringLiteral("payload.roles[1]"));
    const QModelIndex nested = model.index(2, 0, payload);
    QCOMPARE(model.pathOf(model.index(0, 0, nested)), QStringLiteral("payload.nested[\"a b\"]"));
    QCOMPARE(model.index(2, ui::JsonTreeModel::TypeColumn, payload).data().toString(), QStringLiteral("object"));
    model.setDocuments({{QStringLiteral("Payload"), "not json"}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestWorkspace::demoWorkspaceHasKeys()
{
    auto window = makeWindow();
    window->openDemo();
    QVERIFY(window->keyRing()->count() >= 1);
    QCOMPARE(common::verdictText(window->inspector()->verifyPanel()->verdict()), QStringLiteral("valid"));
    QVERIFY2(window->statusText().contains(u"check out"), qPrintable(window->statusText()));
    window->inspector()->setTreeMode(true);
    auto *treeView = test::child<QTreeView>(window->inspector(), "jsonTreeView");
    QVERIFY(treeView);
    QCOMPARE(treeView->model()->rowCount(), 2);
    // The tree belongs to the Decoded tab, and the Claims tab keeps its tables (made when the tab is shown).
    window->inspector()->showTab(ui::InspectorWidget::Tab::Claims);
    auto *claimsView = test::child<QTableView>(window->inspector(), "claimsView");
    QVERIFY(claimsView);
    auto *tabs = window->inspector()->tabs();
    QVERIFY(tabs->widget(static_cast<int>(ui::InspectorWidget::Tab::Decoded))->isAncestorOf(treeView));
    QVERIFY(tabs->widget(static_cast<int>(ui::InspectorWidget::Tab::Claims))->isAncestorOf(claimsView));
    QVERIFY(!tabs->widget(static_cast<int>(ui::InspectorWidget::Tab::Claims))->findChild<QTreeView *>());
}

void TestWorkspace::secretClipboardClears()
{
    // The clearing is timed by the window's scheduler: the test moves time on instead of waiting.
    auto scheduler = std::make_shared<common::ManualScheduler>();
    QClipboard *clipboard = QGuiApplication::clipboard();
    ui::Settings::setClearClipboardSeconds(1);
    QCOMPARE(ui::SecretClipboard::copy(kSecret, scheduler), 1);
    QCOMPARE(clipboard->text(), kSecret);
    scheduler->advance(999);
    QCOMPARE(clipboard->text(), kSecret); // not before its time
    scheduler->advance(1);
    QVERIFY(clipboard->text().isEmpty());

    // Something else copied meanwhile is left alone.
    QCOMPARE(ui::SecretClipboard::copy(kSecret, scheduler), 1);
    clipboard->setText(QStringLiteral("not a secret"));
    scheduler->advance(1000);
    QCOMPARE(clipboard->text(), QStringLiteral("not a secret"));
    QCOMPARE(scheduler->pendingCount(), 0);

    ui::Settings::setClearClipboardSeconds(0);
    QCOMPARE(ui::SecretClipboard::copy(kSecret, scheduler), 0);
    QCOMPARE(scheduler->pendingCount(), 0); // nothing to clear

    // Edit > Clear Copied Tokens is that setting; Copy As > Token goes through
    // it.
    auto window = std::make_unique<ui::MainWindow>(m_clock, scheduler);
    window->addToken(QStringLiteral("demo"), ui::Resources::demoToken());
    auto *option = window->findChild<QAction *>(QStringLiteral("actionClearClipboard"));
    QVERIFY(option);
    QVERIFY(!option->isChecked());
    option->setChecked(true);
    QCOMPARE(ui::Settings::clearClipboardSeconds(), ui::Settings::kDefaultClearClipboardSeconds);
    ui::Settings::setClearClipboardSeconds(1);
    window->findChild<QAction *>(QStringLiteral("actionCopyToken"))->trigger();
    QCOMPARE(clipboard->text(), ui::Resources::demoToken().trimmed());
    scheduler->advance(999);
    QCOMPARE(clipboard->text(), ui::Resources::demoToken().trimmed());
    scheduler->advance(1);
    QVERIFY(clipboard->text().isEmpty());
    ui::Settings::setClearClipboardSeconds(ui::Settings::kDefaultClearClipboardSeconds);
}

void TestWorkspace::secretsStayOutOfSettingsAndSessions()
{
    // A session with a secret, a private key and a token; everything the app
    // writes on its own (settings, the last session, the crash-recovery autosave)
    // and the window title must be free of the key material.
    const QByteArray privatePem = ui::Resources::text(QStringLiteral(":/samples/demo-private.pem")).toUtf8();
    {
        auto window = makeWindow();
        window->keyRing()->add(workspace::KeyRing::secret(QStringLiteral("hs"), kSecret, QStringLiteral("utf8")));
        window->keyRing()->add(workspace::KeyRing::pasted(QStringLiteral("private"), QString::fromUtf8(privatePem)));
        window->openDemo();
        QVERIFY(window->autosaveNow());
        QVERIFY(!window->windowTitle().contains(kSecret));
        const QString autosave = QString::fromUtf8(QJsonDocument(readJson(ui::MainWindow::autosavePath())).toJson());
        QVERIFY(!autosave.isEmpty());
        QVERIFY(!autosave.contains(kSecret));
        QVERIFY(!autosave.contains(u"PRIVATE KEY"));
        window->show();
        window->close(); // writes the settings and the last session
    }
    QSettings settings;
    settings.sync();
    for (const QString &path : {settings.fileName(), ui::MainWindow::lastSessionPath()}) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(kSecret.toUtf8()), qPrintable(path));
        QVERIFY2(!bytes.contains("PRIVATE KEY"), qPrintable(path));
        // The private JWK members of the demo key ("d", "p", "q") are not there
        // either.
        QVERIFY2(!bytes.contains("\"d\""), qPrintable(path));
    }
}

bool TestWorkspace::startServer(QString *why)
{
    if (!QSslSocket::supportsSsl()) {
        *why = QStringLiteral("no TLS backend");
        return false;
    }
    if (m_certificate.isNull() && !test::makeLocalhostCertificate(m_dir->path(), &m_certificate, &m_key, why))
        return false;
    m_server = std::make_unique<test::LocalHttpsServer>();
    m_otherServer = std::make_unique<test::LocalHttpsServer>();
    if (!m_server->start(m_certificate, m_key) || !m_otherServer->start(m_certificate, m_key)) {
        *why = QStringLiteral("cannot listen on 127.0.0.1");
        return false;
    }
    m_server->setBody(ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8());
    m_otherServer->setBody(ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8());
    return true;
}

QJsonObject TestWorkspace::remoteWorkspace(bool markInsecureWaiting) const
{
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(m_server->port());
    QJsonObject withCa {{QStringLiteral("id"), QStringLiteral("ca")},
        {QStringLiteral("name"), QStringLiteral("with CA")}, {QStringLiteral("kind"), QStringLiteral("jwk_url")},
        {QStringLiteral("location"), QString(base + u"/a.json")},
        {QStringLiteral("network"),
            QJsonObject {{QStringLiteral("ca_pem"), QJsonArray {QString::fromLatin1(m_certificate.toPem())}},
                {QStringLiteral("timeout_ms"), 20000}}}};
    QJsonObject insecure {{QStringLiteral("id"), QStringLiteral("insecure")},
        {QStringLiteral("name"), QStringLiteral("no checks")}, {QStringLiteral("kind"), QStringLiteral("jwk_url")},
        {QStringLiteral("location"), m_otherServer->url(QStringLiteral("/b.json"))},
        {QStringLiteral("network"),
            QJsonObject {{QStringLiteral("insecure"), true}, {QStringLiteral("timeout_ms"), 20000}}}};
    if (markInsecureWaiting)
        insecure.insert(QStringLiteral("awaiting_permission"), true);
    return QJsonObject {{QStringLiteral("jwt_workbench_workspace"), 1},
        {QStringLiteral("id"), QStringLiteral("foreign")}, {QStringLiteral("keys"), QJsonArray {withCa, insecure}},
        {QStringLiteral("page"), 1}};
}

void TestWorkspace::foreignWorkspaceWaitsForPermission()
{
    QString why;
    if (!startServer(&why))
        QSKIP(qPrintable(why));
    const QString path = writeFile(
        *m_dir, QStringLiteral("foreign.jwb.json"), QJsonDocument(remoteWorkspace()).toJson(QJsonDocument::Indented));

    // "Not now": opening makes no request at all, and the sources show that they
    // wait.
    m_choiceAnswer = QStringLiteral("Not now");
    auto window = makeWindow();
    QVERIFY(window->openFile(path));
    QCOMPARE(m_choices.size(), 1);
    const ui::Dialogs::Choice asked = m_choices.first();
    QCOMPARE(asked.buttons, (QStringList {QStringLiteral("Fetch now"), QStringLiteral("Not now")}));
    QCOMPARE(asked.defaultButton, 1);
    QCOMPARE(asked.escapeButton, 1);
    QVERIFY2(asked.text.contains(u"127.0.0.1: with CA (JWK Set URL), no checks (JWK Set URL)"), qPrintable(asked.text));
    QVERIFY(asked.text.contains(u"\u201cFetch now\u201d accepts them"));
    QVERIFY(asked.text.contains(u"/b.json: insecure: certificates are not checked"));
    QVERIFY(asked.text.contains(u"/a.json: trusts 1 extra CA certificate"));
    QVERIFY(asked.text.contains(u"from the file: localhost"));
    QTest::qWait(300);
    QCOMPARE(serverConnections(), 0);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(window->keyRing()->at(i).awaitingPermission);
        QVERIFY(!window->keyRing()->at(i).fetching);
    }
    auto *page = window->keysPage();
    auto *sourceList = test::child<QListView>(page, "keySourceList");
    QVERIFY(sourceList);
    QCOMPARE(sourceList->model()->index(0, 0).data(ui::KeySourcesModel::StatusRole).toString(),
        QStringLiteral("not fetched: waiting for your permission (Refresh fetches it)"));

    // Refresh on the Keys page fetches one later; its TLS setting from the file
    // is confirmed first.
    page->selectSource(0);
    page->refreshCurrent();
    QCOMPARE(m_choices.size(), 2);
    QVERIFY(m_choices.last().text.contains(u"/a.json: trusts 1 extra CA certificate"));
    QVERIFY(!m_choices.last().text.contains(u"/b.json"));
    QTest::qWait(300);
    QCOMPARE(serverConnections(), 0);
    m_choiceAnswer = QStringLiteral("Fetch now");
    page->refreshCurrent();
    QTRY_VERIFY_WITH_TIMEOUT(window->keyRing()->at(0).keys.has_value(), 30000);
    QVERIFY2(!window->keyRing()->at(0).error, qPrintable(window->keyRing()->at(0).errorText()));
    QCOMPARE(serverRequests(), 1);
    QVERIFY(window->keyRing()->at(1).awaitingPermission);

    // "Fetch now" on opening fetches every listed source.
    auto other = makeWindow();
    QVERIFY(other->openWorkspace(path));
    QCOMPARE(m_choices.size(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!other->keyRing()->at(0).fetching && !other->keyRing()->at(1).fetching, 30000);
    QVERIFY2(other->keyRing()->at(0).keys, qPrintable(other->keyRing()->at(0).errorText()));
    QVERIFY2(other->keyRing()->at(1).keys, qPrintable(other->keyRing()->at(1).errorText()));
    QCOMPARE(serverRequests(), 3);
}

void TestWorkspace::ownSessionFetches()
{
    QString why;
    if (!startServer(&why))
        QSKIP(qPrintable(why));
    // The last session is the user's own: fetched without a question, except a
    // source still waiting when it was saved.
    QFile session(ui::MainWindow::lastSessionPath());
    QVERIFY(session.open(QIODevice::WriteOnly));
    session.write(QJsonDocument(remoteWorkspace(true)).toJson());
    session.close();
    {
        auto window = makeWindow();
        QVERIFY(window->restoreLastSession());
        QTRY_VERIFY_WITH_TIMEOUT(window->keyRing()->at(0).keys.has_value(), 30000);
        QVERIFY(window->keyRing()->at(1).awaitingPermission);
        QTest::qWait(200);
        QCOMPARE(serverConnections(), 1);
        QVERIFY(m_choices.isEmpty());
    }

    // "Not now" on a workspace file survives closing the window: the next start
    // does not fetch them either.
    m_choiceAnswer = QStringLiteral("Not now");
    const QString path = writeFile(
        *m_dir, QStringLiteral("foreign.jwb.json"), QJsonDocument(remoteWorkspace()).toJson(QJsonDocument::Indented));
    {
        auto window = makeWindow();
        QVERIFY(window->openWorkspace(path));
        window->show();
        window->close(); // writes the last session
    }
    {
        auto window = makeWindow();
        QVERIFY(window->restoreLastSession());
        QVERIFY(window->keyRing()->at(0).awaitingPermission);
        QVERIFY(window->keyRing()->at(1).awaitingPermission);
        QTest::qWait(300);
        QCOMPARE(serverConnections(), 1);
    }

    // The crash-recovery copy is the user's own session too.
    QFile autosave(ui::MainWindow::autosavePath());
    QVERIFY(autosave.open(QIODevice::WriteOnly));
    autosave.write(QJsonDocument(remoteWorkspace(true)).toJson());
    autosave.close();
    m_answer = QMessageBox::Yes;
    auto recovered = makeWindow();
    QVERIFY(recovered->offerRecovery());
    QTRY_VERIFY_WITH_TIMEOUT(recovered->keyRing()->at(0).keys.has_value(), 30000);
    QVERIFY(recovered->keyRing()->at(1).awaitingPermission);
    QCOMPARE(serverConnections(), 2);
    QCOMPARE(m_choices.size(), 1); // only the workspace file asked
}

void TestWorkspace::filesNeverFetch()
{
    QString why;
    if (!startServer(&why))
        QSKIP(qPrintable(why));
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(m_server->port());
    // A token that names URLs for its keys (jku, x5u) and an issuer; a
    // krakend.json whose validator downloads its keys from the server with
    // certificate checks off; a JWK Set whose key names a URL; a PEM key.
    const QString token = test::makeToken(QJsonDocument(QJsonObject {{QStringLiteral("alg"), QStringLiteral("RS256")},
                                                            {QStringLiteral("kid"), QStringLiteral("demo-rs256")},
                                                            {QStringLiteral("jku"), QString(base + u"/jku")},
                                                            {QStringLiteral("x5u"), QString(base + u"/x5u")}})
                                              .toJson(QJsonDocument::Compact),
        QJsonDocument(QJsonObject {{QStringLiteral("iss"), base}, {QStringLiteral("sub"), QStringLiteral("alice")},
                          {QStringLiteral("exp"), test::kNow + 600}})
            .toJson(QJsonDocument::Compact));
    const QJsonObject validator {{QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("jwk_url"), QString(base + u"/jwks.json")}, {QStringLiteral("disable_jwk_security"), true}};
    const QJsonObject config {{QStringLiteral("version"), 3},
        {QStringLiteral("endpoints"),
            QJsonArray {QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("/orders")},
                {QStringLiteral("extra_config"), QJsonObject {{QStringLiteral("auth/validator"), validator}}},
                {QStringLiteral("backend"),
                    QJsonArray {QJsonObject {{QStringLiteral("host"), QJsonArray {QStringLiteral("http://b:8000")}},
                        {QStringLiteral("url_pattern"), QStringLiteral("/orders")}}}}}}}};
    QJsonObject jwks
        = QJsonDocument::fromJson(ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8()).object();
    QJsonArray keys = jwks.value(u"keys").toArray();
    QJsonObject first = keys.first().toObject();
    first.insert(QStringLiteral("x5u"), QString(base + u"/cert.pem"));
    keys.replace(0, first);
    jwks.insert(QStringLiteral("keys"), keys);

    auto window = makeWindow();
    QVERIFY(window->openFile(writeFile(*m_dir, QStringLiteral("t.jwt"), token.toLatin1())));
    QVERIFY(window->openFile(writeFile(*m_dir, QStringLiteral("krakend.json"), QJsonDocument(config).toJson())));
    QVERIFY(window->openFile(writeFile(*m_dir, QStringLiteral("keys.json"), QJsonDocument(jwks).toJson())));
    QVERIFY(window->openFile(writeFile(
        *m_dir, QStringLiteral("key.pem"), ui::Resources::text(QStringLiteral(":/samples/demo-public.pem")).toUtf8())));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    // The endpoint's own keys (its jwk_url), not keys.json that holds the token's kid: pinned as a user does.
    auto *keyCombo = window->simulationPanel()->findChild<QComboBox *>(QStringLiteral("simulationKeyCombo"));
    QVERIFY(keyCombo);
    keyCombo->setCurrentIndex(keyCombo->findData(QStringLiteral("config")));
    Q_EMIT keyCombo->activated(keyCombo->currentIndex());
    // Every page built and shown, as a user would look at them; the Gateway's
    // tools run on their own.
    for (const auto page : {ui::MainWindow::Page::Gateway, ui::MainWindow::Page::Keys, ui::MainWindow::Page::Inspector})
        window->showPage(page);
    window->inspector()->showTab(ui::InspectorWidget::Tab::Verify);
    QTest::qWait(1500);
    QCOMPARE(m_server->connections(), 0);
    QVERIFY(m_choices.isEmpty());
    // The Gateway's automatic runs say why they have no answer.
    QVERIFY2(window->simulationPanel()->reasonLabel()->text().startsWith(u"Not simulated yet"),
        qPrintable(window->simulationPanel()->reasonLabel()->text()));
    const auto *matrix = window->endpointMatrix()->model();
    QTRY_VERIFY(matrix->index(0, ui::EndpointMatrixModel::ReasonColumn).data().toString().startsWith(u"Not simulated"));

    // Asking is another matter: Simulate downloads the config's jwk_url, and
    // later runs may too.
    window->simulationPanel()->simulateNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window->simulationPanel()->result().status != 0, 30000);
    const int before = m_server->requests();
    QSignalSpy ran(window->endpointMatrix(), &ui::EndpointMatrix::finished);
    window->endpointMatrix()->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(ran.count(), 1, 30000);
    QVERIFY(m_server->requests() > before);
    QVERIFY(!matrix->index(0, ui::EndpointMatrixModel::ReasonColumn).data().toString().startsWith(u"Not simulated"));
}

void TestWorkspace::choiceDialogAnswers()
{
    // The real dialog behind Dialogs::choose (no hook): named buttons, the details shown in full, the button
    // pressed is the answer, and closing it is the escape button.
    ui::Dialogs::clearHooks();
    ui::Dialogs::Choice choice;
    choice.title = QStringLiteral("Fetch keys from the network?");
    choice.text = QStringLiteral("Hosts that would be contacted");
    choice.details = QStringLiteral("+ added\n- removed");
    choice.buttons = {QStringLiteral("Fetch now"), QStringLiteral("Not now")};
    choice.defaultButton = 1;
    choice.escapeButton = 1;
    QString details;
    QString defaultButton; // the dialog is gone once choose() returns: keep the text
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        details = dialog->findChild<QPlainTextEdit *>(QStringLiteral("choiceDetails"))->toPlainText();
        for (auto *button : dialog->findChildren<QPushButton *>()) {
            if (button->isDefault())
                defaultButton = button->text();
            if (button->text() == u"Fetch now")
                button->click();
        }
    });
    QCOMPARE(ui::Dialogs::choose(nullptr, choice), 0);
    QCOMPARE(details, choice.details);
    QCOMPARE(defaultButton, QStringLiteral("Not now"));

    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->reject(); // Escape, or the window closed
    });
    QCOMPARE(ui::Dialogs::choose(nullptr, choice), 1);
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
