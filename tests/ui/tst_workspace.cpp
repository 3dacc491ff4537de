// Workspaces, file routing and the key ring in the Verify tab, end to end through the main window, offscreen:
// save and reopen a session, secrets kept out of files (and in the keychain only when the user agrees),
// crash recovery from the autosave, and one Open that sends each kind of file to the page that owns it.

#include "UiTestHelpers.h"

#include "../common/TestData.h"
#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/JsonTreeModel.h"
#include "common/Resources.h"
#include "common/SecretClipboard.h"
#include "common/SecretStore.h"
#include "crypto/Backend.h"
#include "gateway/GatewayPage.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TokenEditor.h"
#include "keys/KeyRing.h"
#include "verify/VerifyPanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

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

private:
    std::unique_ptr<ui::MainWindow> makeWindow();
    void answer(QMessageBox::StandardButton button);

    std::shared_ptr<common::FixedClock> m_clock;
    QStringList m_errors;
    QStringList m_questions;
    QMessageBox::StandardButton m_answer = QMessageBox::No;
    QHash<QString, QString> m_keychain;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // As the app does right after its first paint; until then the verify panel waits for it.
    jwb::crypto::Backend::initialize();
}

void TestWorkspace::init()
{
    m_clock = std::make_shared<common::FixedClock>(test::nowUtc());
    m_errors.clear();
    m_questions.clear();
    m_keychain.clear();
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
    ui::Dialogs::setHooks(hooks);
    ui::SecretStore::Backend keychain;
    keychain.write = [this](const QString &key, const QString &value) {
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
        window->keyRing()->add(ui::KeyRing::pasted(
            QStringLiteral("demo public"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
        const int secret
            = window->keyRing()->add(ui::KeyRing::secret(QStringLiteral("hs secret"), kSecret, QStringLiteral("utf8")));
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
    QCOMPARE(reopened->tokenEditor()->toPlainText(), token);
    QVERIFY(reopened->inspector()->isTreeMode());
    QCOMPARE(reopened->inspector()->evaluationTime()->toSecsSinceEpoch(), test::kNow + 7200);
    QCOMPARE(reopened->keyRing()->count(), 2);
    QVERIFY(reopened->keyRing()->at(0).keys.has_value());
    const int secret = reopened->keyRing()->indexOf(secretId);
    QVERIFY(secret >= 0);
    QVERIFY(!reopened->keyRing()->at(secret).keys.has_value());
    QVERIFY(reopened->keyRing()->at(secret).error.startsWith(u"secret_not_stored"));
    QCOMPARE(reopened->workspacePath(), path);
    QVERIFY(reopened->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
}

void TestWorkspace::secretsGoToKeychainOnlyWhenAsked()
{
    const QString path = m_dir->filePath(QStringLiteral("with-secret.jwb.json"));
    {
        auto window = makeWindow();
        window->keyRing()->add(ui::KeyRing::secret(QStringLiteral("hs secret"), kSecret, QStringLiteral("utf8")));
        m_answer = QMessageBox::Yes;
        QVERIFY(window->saveWorkspaceAs(path));
        QTRY_COMPARE(m_keychain.size(), 1);
    }
    QVERIFY(!readJson(path).isEmpty());
    QVERIFY(!QJsonDocument(readJson(path)).toJson().contains(kSecret.toUtf8()));
    QCOMPARE(m_keychain.begin().value(), kSecret);

    auto reopened = makeWindow();
    QVERIFY(reopened->openWorkspace(path));
    QTRY_VERIFY(reopened->keyRing()->at(0).keys.has_value());
    QCOMPARE(reopened->keyRing()->at(0).text, kSecret);
}

void TestWorkspace::keychainFailureIsReported()
{
    ui::SecretStore::Backend broken;
    broken.write = [](const QString &, const QString &) { return QStringLiteral("system keychain: no service"); };
    ui::SecretStore::setBackend(broken);
    auto window = makeWindow();
    window->keyRing()->add(ui::KeyRing::secret(QStringLiteral("s"), kSecret, QStringLiteral("utf8")));
    m_answer = QMessageBox::Yes;
    const QString path = m_dir->filePath(QStringLiteral("w.jwb.json"));
    QVERIFY(window->saveWorkspaceAs(path));
    QTRY_COMPARE(m_errors.size(), 1);
    QVERIFY(m_errors.first().contains(u"without its secrets"));
    QVERIFY(m_errors.first().contains(u"no service"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(kSecret.toUtf8()));
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
        QCOMPARE(window->keyRing()->at(0).kind, ui::KeySource::Kind::File);
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
        auto window = makeWindow();
        window->addToken(QStringLiteral("unsaved work"), token);
        QVERIFY(window->autosaveNow());
    }
    m_answer = QMessageBox::Yes;
    auto recovered = makeWindow();
    QVERIFY(recovered->offerRecovery());
    QCOMPARE(recovered->tokenEditor()->toPlainText(), token);
    QVERIFY(m_questions.last().contains(u"did not close normally"));

    // A clean close removes the autosave and writes the last session, which a plain start restores.
    recovered->close();
    QVERIFY(!QFile::exists(ui::MainWindow::autosavePath()));
    auto next = makeWindow();
    QVERIFY(next->restoreLastSession());
    QCOMPARE(next->tokenEditor()->toPlainText(), token);
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
    QCOMPARE(panel->sourceCombo()->count(), 1); // only "the key pasted below"
    const int index = window->keyRing()->add(ui::KeyRing::pasted(
        QStringLiteral("demo jwks"), ui::Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
    QCOMPARE(panel->sourceCombo()->count(), 2);
    panel->setKeySource(index);
    QCOMPARE(panel->verdict(), QStringLiteral("valid"));
    QVERIFY(!panel->keyEdit()->isVisibleTo(panel));

    // A source whose keys do not fit gives "invalid", not a silent pass.
    const int other
        = window->keyRing()->add(ui::KeyRing::secret(QStringLiteral("wrong"), kSecret, QStringLiteral("utf8")));
    panel->setKeySource(other);
    QCOMPARE(panel->verdict(), QStringLiteral("invalid"));

    // Removing the chosen source falls back to the pasted key (none: not verified).
    window->keyRing()->remove(other);
    QCOMPARE(panel->keySource(), -1);
    panel->verifyNow();
    QCOMPARE(panel->verdict(), QStringLiteral("none"));
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
    QCOMPARE(window->inspector()->evaluateAtCombo()->currentIndex(), 1);
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
    QCOMPARE(window->inspector()->verifyPanel()->verdict(), QStringLiteral("valid"));
    QVERIFY2(window->statusText().contains(u"check out"), qPrintable(window->statusText()));
    window->inspector()->setTreeMode(true);
    QVERIFY(window->inspector()->treeModel()->rowCount() == 2);
    // The tree belongs to the Decoded tab, and the Claims tab keeps its tables.
    auto *tabs = window->inspector()->tabs();
    QVERIFY(tabs->widget(static_cast<int>(ui::InspectorWidget::Tab::Decoded))
                ->isAncestorOf(window->inspector()->treeView()));
    QVERIFY(tabs->widget(static_cast<int>(ui::InspectorWidget::Tab::Claims))
                ->isAncestorOf(window->inspector()->claimsView()));
    QVERIFY(!tabs->widget(static_cast<int>(ui::InspectorWidget::Tab::Claims))->findChild<QTreeView *>());
}

void TestWorkspace::secretClipboardClears()
{
    ui::SecretClipboard::setClearAfterSeconds(1);
    QCOMPARE(ui::SecretClipboard::copy(kSecret), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), kSecret);
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);

    // Something else copied meanwhile is left alone.
    QCOMPARE(ui::SecretClipboard::copy(kSecret), 1);
    QGuiApplication::clipboard()->setText(QStringLiteral("not a secret"));
    QTest::qWait(1300);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("not a secret"));

    ui::SecretClipboard::setClearAfterSeconds(0);
    QCOMPARE(ui::SecretClipboard::copy(kSecret), 0);

    // Edit > Clear Copied Tokens is that setting; Copy As > Token goes through it.
    auto window = makeWindow();
    window->addToken(QStringLiteral("demo"), ui::Resources::demoToken());
    auto *option = window->findChild<QAction *>(QStringLiteral("actionClearClipboard"));
    QVERIFY(option);
    QVERIFY(!option->isChecked());
    option->setChecked(true);
    QCOMPARE(ui::SecretClipboard::clearAfterSeconds(), ui::SecretClipboard::kDefaultSeconds);
    ui::SecretClipboard::setClearAfterSeconds(1);
    window->findChild<QAction *>(QStringLiteral("actionCopyToken"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), ui::Resources::demoToken().trimmed());
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);
    ui::SecretClipboard::setClearAfterSeconds(ui::SecretClipboard::kDefaultSeconds);
}

void TestWorkspace::secretsStayOutOfSettingsAndSessions()
{
    // A session with a secret, a private key and a token; everything the app writes on its own (settings, the
    // last session, the crash-recovery autosave) and the window title must be free of the key material.
    const QByteArray privatePem = ui::Resources::text(QStringLiteral(":/samples/demo-private.pem")).toUtf8();
    {
        auto window = makeWindow();
        window->keyRing()->add(ui::KeyRing::secret(QStringLiteral("hs"), kSecret, QStringLiteral("utf8")));
        window->keyRing()->add(ui::KeyRing::pasted(QStringLiteral("private"), QString::fromUtf8(privatePem)));
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
        // The private JWK members of the demo key ("d", "p", "q") are not there either.
        QVERIFY2(!bytes.contains("\"d\""), qPrintable(path));
    }
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
