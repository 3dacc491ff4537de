#include "MainWindow.h"

#include "common/AtomicFile.h"
#include "common/BoundedFile.h"
#include "crypto/Backend.h"
#include "keys/KeyLoader.h"

#include "common/Dialogs.h"
#include "common/Resources.h"
#include "common/SecretClipboard.h"
#include "common/SecretStore.h"
#include "common/TokenFile.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TokenEditor.h"
#include "keys/FetchPermission.h"
#include "keys/FetchPrompt.h"
#include "keys/KeyRing.h"
#include "verify/VerifyPanel.h"

#include "compose/ComposerPage.h"
#include "gateway/EndpointMatrix.h"
#include "gateway/GatewayPage.h"
#include "gateway/SimulationPanel.h"
#include "gateway/TestMatrixPanel.h"
#include "keys/KeysPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QUuid>
#include <QVBoxLayout>

#include <utility>

namespace jwb::ui {

namespace {

constexpr int kStatusMessageMs = 5000;
constexpr int kWorkspaceVersion = 1;

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (mime && mime->hasUrls())
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                paths.append(url.toLocalFile());
    return paths;
}

bool canAccept(const QMimeData *mime)
{
    return mime && (!localFiles(mime).isEmpty() || mime->hasText());
}

QString tabName(InspectorWidget::Tab tab)
{
    switch (tab) {
    case InspectorWidget::Tab::Decoded:
        return QStringLiteral("decoded");
    case InspectorWidget::Tab::Claims:
        return QStringLiteral("claims");
    case InspectorWidget::Tab::Findings:
        return QStringLiteral("findings");
    case InspectorWidget::Tab::Signature:
        return QStringLiteral("signature");
    case InspectorWidget::Tab::Verify:
        return QStringLiteral("verify");
    }
    return QStringLiteral("decoded");
}

/// The folder of the last-session and autosave files (they hold bearer tokens): 0700.
QString dataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    (void)common::AtomicFile::makePrivateDirectory(dir); // a failure shows when a file in it cannot be written
    return dir;
}

common::Result<QJsonObject> readWorkspaceFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return common::Result<QJsonObject>::failure(QStringLiteral("cannot_read"),
            QCoreApplication::translate("jwb::ui::MainWindow", "Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > MainWindow::kMaxWorkspaceBytes)
        return common::Result<QJsonObject>::failure(QStringLiteral("too_large"),
            QCoreApplication::translate("jwb::ui::MainWindow", "%1 is %2 MiB; a workspace is at most %3 MiB")
                .arg(path)
                .arg(file.size() / (1024 * 1024))
                .arg(MainWindow::kMaxWorkspaceBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(error.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return common::Result<QJsonObject>::failure(QStringLiteral("invalid_json"),
            QCoreApplication::translate("jwb::ui::MainWindow", "%1 is not valid JSON: %2 at line %3, column %4")
                .arg(QFileInfo(path).fileName(), error.errorString())
                .arg(line)
                .arg(column));
    }
    if (!doc.isObject() || !doc.object().contains(QLatin1String(common::FileKinds::kWorkspaceMarker)))
        return common::Result<QJsonObject>::failure(QStringLiteral("not_workspace"),
            QCoreApplication::translate("jwb::ui::MainWindow", "%1 is not a JWT Workbench workspace (no \"%2\" member)")
                .arg(QFileInfo(path).fileName(), QLatin1String(common::FileKinds::kWorkspaceMarker)));
    return doc.object();
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QMainWindow(parent), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    Resources::ensureLoaded();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Theme::appIcon());
    setAcceptDrops(true);

    m_network = new QNetworkAccessManager(this);
    m_keyRing = new KeyRing(m_clock, this);
    m_keyRing->setNetworkAccessManager(m_network);
    m_secrets = new SecretStore(this);
    m_workspaceId = QUuid::createUuid().toString(QUuid::WithoutBraces);

    createPages(m_clock);

    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_timeLabel);

    createActions();
    createMenus();

    connect(m_inspector, &InspectorWidget::inspected, this, &MainWindow::updateActions);
    connect(m_inspector, &InspectorWidget::filesDropped, this, &MainWindow::openFiles);

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosaveTimer->start();

    updateActions();
    updateTitle();
    resize(1280, 820);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages(std::shared_ptr<const common::Clock> clock)
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setViewMode(QListView::ListMode);
    m_navigation->setMovement(QListView::Static);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFixedWidth(132);
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setBackgroundRole(QPalette::Window);
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.05);
    m_navigation->setFont(navigationFont);
    m_navigation->viewport()->setAutoFillBackground(false);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    m_inspector = new InspectorWidget(clock, this);
    m_inspector->setKeyRing(m_keyRing);
    addPage(Page::Inspector, m_inspector, tr("Inspector"), QStringLiteral(":/icons/page-inspector.svg"),
        tr("Decode, explain and verify tokens (Ctrl+1)"));

    addLazyPage(Page::Keys, tr("Keys"), QStringLiteral(":/icons/page-keys.svg"),
        tr("Key sources: pasted keys, files, JWK Set URLs, issuers; generate and export (Ctrl+2)"));
    addLazyPage(Page::Gateway, tr("Gateway"), QStringLiteral(":/icons/page-gateway.svg"),
        tr("KrakenD endpoints: edit auth/validator, simulate requests, export (Ctrl+3)"));
    addLazyPage(Page::Composer, tr("Composer"), QStringLiteral(":/icons/page-composer.svg"),
        tr("Compose claims and sign test tokens with keys from the key ring (Ctrl+4)"));

    // The token being inspected is the one to simulate, unless the user typed another one there. Queued: the
    // Gateway's simulations run after the Inspector has shown its verdict, not before. Before the Gateway is
    // built the token only waits.
    connect(
        m_inspector, &InspectorWidget::inspected, this,
        [this] {
            const QString token = QString::fromLatin1(m_inspector->inspection().token.compact);
            if (token.isEmpty() || token == m_lastInspectorToken)
                return;
            if (m_simulationPanel
                && (m_simulationPanel->token().isEmpty() || m_simulationPanel->token() == m_lastInspectorToken))
                m_simulationPanel->setToken(token);
            if (m_endpointMatrix
                && (m_endpointMatrix->token().isEmpty() || m_endpointMatrix->token() == m_lastInspectorToken))
                m_endpointMatrix->setToken(token);
            m_lastInspectorToken = token;
        },
        Qt::QueuedConnection);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        buildPageAt(row);
        m_pages->setCurrentIndex(row);
    });
    connect(m_pages, &QStackedWidget::currentChanged, this, [this] { updateActions(); });
    m_navigation->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *rule = new QFrame(central);
    rule->setFrameShape(QFrame::VLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(m_navigation);
    layout->addWidget(rule);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::createGatewayTools(std::shared_ptr<const common::Clock> clock)
{
    m_simulationPanel = new SimulationPanel(m_keyRing, clock, this);
    m_endpointMatrix = new EndpointMatrix(clock, this);
    m_testMatrix = new TestMatrixPanel(m_keyRing, clock, this);
    QTabWidget *tabs = m_gatewayPage->detailTabs();
    tabs->addTab(m_simulationPanel, tr("Simulate"));
    tabs->setTabToolTip(
        tabs->indexOf(m_simulationPanel), tr("What KrakenD answers for a token and request on this endpoint, and why"));
    tabs->addTab(m_endpointMatrix, tr("All endpoints"));
    tabs->setTabToolTip(tabs->indexOf(m_endpointMatrix), tr("One token against every endpoint"));
    tabs->addTab(m_testMatrix, tr("Test tokens"));
    tabs->setTabToolTip(tabs->indexOf(m_testMatrix),
        tr("Mint valid and broken tokens for this endpoint, with the verdict KrakenD gives each"));

    connect(m_gatewayPage, &GatewayPage::currentEndpointChanged, this, &MainWindow::updateGatewayTools);
    connect(m_gatewayPage, &GatewayPage::documentChanged, this, &MainWindow::updateGatewayTools);
    connect(m_simulationPanel, &SimulationPanel::simulated, m_gatewayPage, &GatewayPage::setVerdict);
    connect(m_testMatrix, &TestMatrixPanel::simulateToken, this, [this, tabs](const QString &token) {
        m_simulationPanel->setToken(token);
        tabs->setCurrentWidget(m_simulationPanel);
        m_simulationPanel->simulateNow();
    });
    connect(m_testMatrix, &TestMatrixPanel::openInInspector, this,
        [this](const QString &token) { addToken(tr("test token"), token); });
    connect(m_endpointMatrix, &EndpointMatrix::endpointActivated, this, [this, tabs](int index) {
        m_gatewayPage->selectEndpoint(index);
        m_simulationPanel->setToken(m_endpointMatrix->token());
        tabs->setCurrentWidget(m_simulationPanel);
        m_simulationPanel->simulateNow();
    });
    auto show = [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); };
    connect(m_simulationPanel, &SimulationPanel::statusMessage, this, show);
    connect(m_endpointMatrix, &EndpointMatrix::statusMessage, this, show);
    connect(m_testMatrix, &TestMatrixPanel::statusMessage, this, show);
    if (!m_lastInspectorToken.isEmpty()) {
        m_simulationPanel->setToken(m_lastInspectorToken);
        m_endpointMatrix->setToken(m_lastInspectorToken);
    }
}

QStringList MainWindow::gatewayTabNames()
{
    return {QStringLiteral("validator"), QStringLiteral("signer"), QStringLiteral("export"), QStringLiteral("lint"),
        QStringLiteral("simulate"), QStringLiteral("endpoints"), QStringLiteral("tests")};
}

bool MainWindow::showGatewayTab(const QString &name)
{
    QTabWidget *tabs = gatewayPage()->detailTabs();
    const QString wanted = name.toLower();
    QWidget *target = wanted == u"simulate" ? m_simulationPanel
        : wanted == u"endpoints"            ? m_endpointMatrix
        : wanted == u"tests"                ? static_cast<QWidget *>(m_testMatrix)
                                            : nullptr;
    // By object name (validatorTab, signerTab, exportTab, lintTab), not by the tab's text, which is translated.
    for (int i = 0; !target && i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName().compare(wanted + QStringLiteral("Tab"), Qt::CaseInsensitive) == 0)
            target = tabs->widget(i);
    }
    if (!target)
        return false;
    showPage(Page::Gateway);
    tabs->setCurrentWidget(target);
    if (target == m_simulationPanel)
        m_simulationPanel->simulateNow();
    else if (target == m_endpointMatrix)
        m_endpointMatrix->runNow();
    else if (target == m_testMatrix)
        m_testMatrix->mint();
    return true;
}

void MainWindow::updateGatewayTools()
{
    const QJsonObject root = m_gatewayPage->document().root();
    const QString baseDir = m_gatewayPage->baseDir();
    // Only what the text itself does to KrakenD's start is read from it (a byte order mark).
    const QByteArray text = m_gatewayPage->document().hasByteOrderMark() ? m_gatewayPage->documentText() : QByteArray();
    const int index = m_gatewayPage->currentEndpoint();
    if (index >= 0) {
        m_simulationPanel->setEndpoint(root, index, baseDir, text);
        m_testMatrix->setEndpoint(root, index, baseDir, text);
    }
    m_endpointMatrix->setConfig(root, baseDir, text);
}

void MainWindow::addPage(Page page, QWidget *widget, const QString &title, const QString &icon, const QString &tip)
{
    m_pageIndex.insert(static_cast<int>(page), m_pages->addWidget(widget));
    auto *item = new QListWidgetItem(Theme::svgIcon(icon), title, m_navigation);
    item->setToolTip(tip);
    item->setSizeHint(QSize(124, 40));
    item->setData(Qt::AccessibleTextRole, title);
}

void MainWindow::addLazyPage(Page page, const QString &title, const QString &icon, const QString &tip)
{
    auto *slot = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(slot);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pageSlots.insert(static_cast<int>(page), slot);
    addPage(page, slot, title, icon, tip);
}

void MainWindow::buildPageAt(int stackIndex)
{
    for (auto it = m_pageIndex.cbegin(); it != m_pageIndex.cend(); ++it) {
        if (it.value() != stackIndex)
            continue;
        switch (static_cast<Page>(it.key())) {
        case Page::Keys:
            buildKeysPage();
            break;
        case Page::Gateway:
            buildGatewayPage();
            break;
        case Page::Composer:
            buildComposerPage();
            break;
        case Page::Inspector:
            break;
        }
    }
}

bool MainWindow::isPageBuilt(Page page) const
{
    switch (page) {
    case Page::Keys:
        return m_keysPage != nullptr;
    case Page::Gateway:
        return m_gatewayPage != nullptr;
    case Page::Composer:
        return m_composerPage != nullptr;
    case Page::Inspector:
        break;
    }
    return true;
}

KeysPage *MainWindow::keysPage() const
{
    return const_cast<MainWindow *>(this)->buildKeysPage();
}

GatewayPage *MainWindow::gatewayPage() const
{
    return const_cast<MainWindow *>(this)->buildGatewayPage();
}

ComposerPage *MainWindow::composerPage() const
{
    return const_cast<MainWindow *>(this)->buildComposerPage();
}

SimulationPanel *MainWindow::simulationPanel() const
{
    const_cast<MainWindow *>(this)->buildGatewayPage();
    return m_simulationPanel;
}

EndpointMatrix *MainWindow::endpointMatrix() const
{
    const_cast<MainWindow *>(this)->buildGatewayPage();
    return m_endpointMatrix;
}

TestMatrixPanel *MainWindow::testMatrix() const
{
    const_cast<MainWindow *>(this)->buildGatewayPage();
    return m_testMatrix;
}

KeysPage *MainWindow::buildKeysPage()
{
    if (m_keysPage)
        return m_keysPage;
    QWidget *slot = m_pageSlots.value(static_cast<int>(Page::Keys));
    m_keysPage = new KeysPage(m_keyRing, m_clock, slot);
    slot->layout()->addWidget(m_keysPage);
    connect(m_keysPage, &KeysPage::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
    if (m_pendingKeySource >= 0 && m_pendingKeySource < m_keyRing->count())
        m_keysPage->selectSource(m_pendingKeySource);
    m_pendingKeySource = -1;
    return m_keysPage;
}

GatewayPage *MainWindow::buildGatewayPage()
{
    if (m_gatewayPage)
        return m_gatewayPage;
    QWidget *slot = m_pageSlots.value(static_cast<int>(Page::Gateway));
    m_gatewayPage = new GatewayPage(m_keyRing, m_clock, slot);
    slot->layout()->addWidget(m_gatewayPage);
    connect(m_gatewayPage, &GatewayPage::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
    connect(m_gatewayPage, &GatewayPage::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_gatewayPage, &GatewayPage::configPathChanged, this, &MainWindow::updateTitle);
    createGatewayTools(m_clock);
    if (const QJsonObject pending = std::exchange(m_pendingGateway, QJsonObject()); !pending.isEmpty())
        m_gatewayPage->fromWorkspaceJson(pending);
    updateActions();
    return m_gatewayPage;
}

ComposerPage *MainWindow::buildComposerPage()
{
    if (m_composerPage)
        return m_composerPage;
    QWidget *slot = m_pageSlots.value(static_cast<int>(Page::Composer));
    m_composerPage = new ComposerPage(m_keyRing, m_clock, slot);
    slot->layout()->addWidget(m_composerPage);
    connect(m_composerPage, &ComposerPage::sendToInspector, this,
        [this](const QString &token) { addToken(tr("composed token"), token); });
    connect(m_composerPage, &ComposerPage::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
    connect(m_composerPage, &ComposerPage::generateKeyRequested, this, [this] {
        showPage(Page::Keys);
        keysPage()->openGeneratorDialog();
    });
    if (const QJsonObject pending = std::exchange(m_pendingComposer, QJsonObject()); !pending.isEmpty())
        m_composerPage->fromWorkspaceJson(pending);
    return m_composerPage;
}

QString MainWindow::gatewayConfigPath() const
{
    return m_gatewayPage ? m_gatewayPage->configPath() : m_pendingGateway.value(QLatin1String("config")).toString();
}

bool MainWindow::gatewayModified() const
{
    return m_gatewayPage && m_gatewayPage->isModified();
}

bool MainWindow::gatewayMaybeSave()
{
    return !m_gatewayPage || m_gatewayPage->maybeSave();
}

void MainWindow::showPage(Page page)
{
    const int index = m_pageIndex.value(static_cast<int>(page), -1);
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

MainWindow::Page MainWindow::currentPage() const
{
    const int index = m_pages->currentIndex();
    for (auto it = m_pageIndex.begin(); it != m_pageIndex.end(); ++it) {
        if (it.value() == index)
            return static_cast<Page>(it.key());
    }
    return Page::Inspector;
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_openAction = make(QStringLiteral("actionOpen"), tr("&Open…"), QKeySequence::Open, &MainWindow::chooseAndOpenFile);
    m_openAction->setStatusTip(
        tr("Open a token, a key or JWK Set, a krakend.json or a workspace: the content decides where it goes"));
    m_openTokenAction = make(QStringLiteral("actionOpenToken"), tr("Open &Token File…"), QKeySequence(), [this] {
        chooseAndOpen(tr("Open Token File"), tr("Token files (*.jwt *.jws *.jwe *.token *.txt);;All files (*)"));
    });
    m_openKeyAction = make(QStringLiteral("actionOpenKey"), tr("Open &Key or JWK Set…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), [this] {
            chooseAndOpen(tr("Open Key File"),
                tr("Keys (*.pem *.crt *.cer *.der *.key *.pub *.json *.jwk *.jwks);;All files (*)"));
        });
    m_openConfigAction = make(QStringLiteral("actionOpenConfig"), tr("Open KrakenD &Config…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
            const QString path = Dialogs::getOpenFileName(
                this, tr("Open KrakenD Configuration"), tr("KrakenD configuration (*.json);;All files (*)"));
            if (!path.isEmpty())
                openKrakendConfig(path);
        });
    m_openWorkspaceAction = make(QStringLiteral("actionOpenWorkspace"), tr("Open &Workspace…"), QKeySequence(), [this] {
        const QString path = Dialogs::getOpenFileName(
            this, tr("Open Workspace"), tr("JWT Workbench workspace (*.jwb.json);;All files (*)"));
        if (!path.isEmpty())
            openWorkspace(path);
    });
    m_saveWorkspaceAction = make(
        QStringLiteral("actionSaveWorkspace"), tr("&Save Workspace"), QKeySequence::Save, [this] { saveWorkspace(); });
    m_saveWorkspaceAction->setStatusTip(tr(
        "Save tokens, key sources and settings; secrets and private keys go to the system keychain only if you agree"));
    m_saveWorkspaceAsAction
        = make(QStringLiteral("actionSaveWorkspaceAs"), tr("Save Workspace &As…"), QKeySequence::SaveAs, [this] {
              const QString path
                  = Dialogs::getSaveFileName(this, tr("Save Workspace"), tr("JWT Workbench workspace (*.jwb.json)"),
                      m_workspacePath.isEmpty() ? QDir::home().filePath(QStringLiteral("workspace.jwb.json"))
                                                : m_workspacePath);
              if (!path.isEmpty())
                  saveWorkspaceAs(path);
          });
    m_demoAction
        = make(QStringLiteral("actionOpenDemo"), tr("Open &Demo Workspace"), QKeySequence(), &MainWindow::openDemo);
    m_demoAction->setStatusTip(tr("The RS256 demo token, its JWK Set and a sample krakend.json"));
    m_quitAction = make(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    m_undoAction = make(QStringLiteral("actionUndo"), tr("&Undo"), QKeySequence::Undo, &MainWindow::undo);
    m_redoAction = make(QStringLiteral("actionRedo"), tr("&Redo"), QKeySequence::Redo, &MainWindow::redo);
    // Text fields claim Ctrl+Z through ShortcutOverride, so these act only where no text field has focus.
    m_pasteAction = make(QStringLiteral("actionPasteToken"), tr("&Paste Token"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), &MainWindow::pasteToken);
    m_pasteAction->setStatusTip(tr("Replace the token with the clipboard's text"));
    m_copyJsonAction = make(QStringLiteral("actionCopyJson"), tr("Decoded &JSON"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &MainWindow::copyDecodedJson);
    m_copyJsonAction->setIconText(tr("Copy JSON"));
    m_copyJsonAction->setStatusTip(
        tr("Copy header, payload, times and findings as one JSON document (like decode --json)"));
    m_copyTokenAction = make(QStringLiteral("actionCopyToken"), tr("Compact &Token"), QKeySequence(),
        [this] { copyCredential(QString::fromLatin1(m_inspector->inspection().token.compact), tr("the token")); });
    m_copyHeaderAction = make(QStringLiteral("actionCopyHeader"), tr("&Header JSON"), QKeySequence(), [this] {
        copyToClipboard(
            QString::fromUtf8(QJsonDocument(m_inspector->inspection().token.header).toJson()), tr("the header"));
    });
    m_copyPayloadAction = make(QStringLiteral("actionCopyPayload"), tr("&Payload JSON"), QKeySequence(), [this] {
        copyToClipboard(
            QString::fromUtf8(QJsonDocument(m_inspector->inspection().token.payload).toJson()), tr("the payload"));
    });
    m_copyAuthorizationAction
        = make(QStringLiteral("actionCopyAuthorization"), tr("&Authorization Header"), QKeySequence(), [this] {
              copyCredential(QStringLiteral("Authorization: Bearer ")
                      + QString::fromLatin1(m_inspector->inspection().token.compact),
                  tr("the Authorization header"));
          });
    m_copyCurlAction = make(QStringLiteral("actionCopyCurl"), tr("&curl Command"), QKeySequence(), [this] {
        copyCredential(tr("curl -i -H 'Authorization: Bearer %1' http://localhost:8080/")
                           .arg(QString::fromLatin1(m_inspector->inspection().token.compact)),
            tr("a curl command"));
    });
    m_clearClipboardAction
        = new QAction(tr("Clear Copied Tokens After %1 s").arg(SecretClipboard::kDefaultSeconds), this);
    m_clearClipboardAction->setObjectName(QStringLiteral("actionClearClipboard"));
    m_clearClipboardAction->setCheckable(true);
    m_clearClipboardAction->setChecked(SecretClipboard::clearAfterSeconds() > 0);
    m_clearClipboardAction->setStatusTip(tr(
        "A token is a credential: after Copy As Token, Authorization Header or curl, clear the clipboard again unless "
        "something else was copied meanwhile"));
    connect(m_clearClipboardAction, &QAction::toggled, this,
        [](bool on) { SecretClipboard::setClearAfterSeconds(on ? SecretClipboard::kDefaultSeconds : 0); });
    m_clearAction = make(QStringLiteral("actionClear"), tr("C&lear Token"), QKeySequence(),
        [this] { m_inspector->setTokenText(QString()); });

    const QList<std::pair<Page, QString>> pages = {{Page::Inspector, tr("&Inspector")}, {Page::Keys, tr("&Keys")},
        {Page::Gateway, tr("&Gateway")}, {Page::Composer, tr("&Composer")}};
    const QStringList pageNames = {tr("Inspector"), tr("Keys"), tr("Gateway"), tr("Composer")};
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const Page page = pages[i].first;
        auto *action = new QAction(pages[i].second, this);
        action->setObjectName(QStringLiteral("actionPage") + pageNames[i]);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        action->setEnabled(m_pageIndex.contains(static_cast<int>(page)));
        connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
        m_pageActions.append(action);
    }

    const QList<std::pair<InspectorWidget::Tab, QString>> tabs = {{InspectorWidget::Tab::Decoded, tr("&Decoded")},
        {InspectorWidget::Tab::Claims, tr("&Claims")}, {InspectorWidget::Tab::Findings, tr("&Findings")},
        {InspectorWidget::Tab::Signature, tr("&Signature")}, {InspectorWidget::Tab::Verify, tr("&Verify")}};
    for (qsizetype i = 0; i < tabs.size(); ++i) {
        const InspectorWidget::Tab tab = tabs[i].first;
        auto *action = new QAction(tabs[i].second, this);
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, tab] {
            showPage(Page::Inspector);
            m_inspector->showTab(tab);
        });
        m_tabActions.append(action);
    }

    m_themeGroup = new QActionGroup(this);
    m_themeGroup->setExclusive(true);
    const QList<std::pair<Theme::Mode, QString>> themes
        = {{Theme::Mode::System, tr("&System")}, {Theme::Mode::Light, tr("&Light")}, {Theme::Mode::Dark, tr("&Dark")}};
    for (const auto &[mode, text] : themes) {
        auto *action = new QAction(text, m_themeGroup);
        QString name = Theme::modeName(mode);
        name[0] = name[0].toUpper();
        action->setObjectName(QStringLiteral("actionTheme") + name);
        action->setCheckable(true);
        action->setChecked(mode == Theme::currentMode());
        connect(action, &QAction::triggered, this, [this, mode = mode] { setThemeMode(mode); });
    }

    m_shortcutsAction = make(QStringLiteral("actionShortcuts"), tr("&Keyboard Shortcuts"),
        QKeySequence(Qt::CTRL | Qt::Key_Slash), &MainWindow::showShortcuts);
    m_aboutAction = make(QStringLiteral("actionAbout"), tr("&About JWT Workbench"), QKeySequence(), &MainWindow::about);
    m_aboutQtAction = make(
        QStringLiteral("actionAboutQt"), tr("About &Qt"), QKeySequence(), [this] { QMessageBox::aboutQt(this); });

    auto *copyButton = new QToolButton(this);
    copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    copyButton->setDefaultAction(m_copyJsonAction);
    copyButton->setAutoRaise(true);
    copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_inspector->tabs()->setCornerWidget(copyButton, Qt::TopRightCorner);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openTokenAction);
    file->addAction(m_openKeyAction);
    file->addAction(m_openConfigAction);
    file->addAction(m_openWorkspaceAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_saveWorkspaceAction);
    file->addAction(m_saveWorkspaceAsAction);
    file->addSeparator();
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_pasteAction);
    QMenu *copyAs = edit->addMenu(tr("&Copy As"));
    copyAs->addAction(m_copyTokenAction);
    copyAs->addAction(m_copyJsonAction);
    copyAs->addAction(m_copyHeaderAction);
    copyAs->addAction(m_copyPayloadAction);
    copyAs->addAction(m_copyAuthorizationAction);
    copyAs->addAction(m_copyCurlAction);
    edit->addAction(m_clearClipboardAction);
    edit->addSeparator();
    edit->addAction(m_clearAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_pageActions);
    view->addSeparator();
    QMenu *tabs = view->addMenu(tr("Inspector &Tab"));
    tabs->addActions(m_tabActions);
    QMenu *theme = view->addMenu(tr("T&heme"));
    theme->addActions(m_themeGroup->actions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::updateActions()
{
    const bool hasToken = !m_inspector->isEmpty();
    const bool hasCompact = !m_inspector->inspection().token.compact.isEmpty();
    m_copyJsonAction->setEnabled(hasToken);
    m_clearAction->setEnabled(hasToken);
    for (QAction *action : {m_copyTokenAction, m_copyAuthorizationAction, m_copyCurlAction})
        action->setEnabled(hasCompact);
    m_copyHeaderAction->setEnabled(m_inspector->inspection().token.headerOk);
    m_copyPayloadAction->setEnabled(m_inspector->inspection().token.payloadIsJson);
    const QDateTime now = m_inspector->clock()->now().toLocalTime();
    m_timeLabel->setText((m_inspector->evaluationTime() ? tr("Evaluated at %1") : tr("Times relative to %1"))
                             .arg(now.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    m_timeLabel->setToolTip(
        tr("Relative times (“expires in …”) are recomputed every %1 s").arg(InspectorWidget::kRefreshMs / 1000));
}

void MainWindow::updateTitle()
{
    // "krakend.json* · team.jwb.json — JWT Workbench": the config being edited (starred while unsaved) and
    // the workspace.
    QStringList parts;
    const QString configPath = gatewayConfigPath();
    if (!configPath.isEmpty() || gatewayModified()) {
        const QString config = configPath.isEmpty() ? tr("untitled krakend.json") : QFileInfo(configPath).fileName();
        parts.append(config + QStringLiteral("[*]"));
    }
    if (!m_workspacePath.isEmpty())
        parts.append(QFileInfo(m_workspacePath).fileName());
    setWindowTitle(parts.isEmpty() ? QStringLiteral("JWT Workbench")
                                   : parts.join(QStringLiteral(" \u00b7 ")) + QStringLiteral(" \u2014 JWT Workbench"));
    setWindowModified(gatewayModified());
}

void MainWindow::addToken(const QString &title, const QString &text)
{
    m_inspector->addInput(title, text);
    showPage(Page::Inspector);
}

bool MainWindow::openToken(const QString &path, const QByteArray &)
{
    const auto text = TokenFile::read(path);
    if (!text) {
        Dialogs::showError(this, tr("Cannot open token file"), text.error().message);
        return false;
    }
    addToken(QFileInfo(path).fileName(), text.value());
    return true;
}

bool MainWindow::openKeys(const QString &path)
{
    // The key ring keeps the path and re-reads it on refresh; a file it cannot read is still added, with its
    // error shown on the Keys page, unless it is not a key at all.
    const auto loaded = keys::KeyLoader::loadFile(path);
    if (!loaded) {
        Dialogs::showError(this, tr("Cannot open key file"),
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), loaded.error().toString()));
        return false;
    }
    const int index = keysPage()->addFile(path);
    m_keysPage->selectSource(index);
    // A key opened while a token is shown is what the user wants to verify it with.
    if (!m_inspector->isEmpty()) {
        m_inspector->verifyPanel()->setKeySource(index);
        m_inspector->showTab(InspectorWidget::Tab::Verify);
        showPage(Page::Inspector);
    } else {
        showPage(Page::Keys);
    }
    return true;
}

bool MainWindow::openConfig(const QString &path)
{
    if (!gatewayMaybeSave())
        return false;
    if (!gatewayPage()->openConfig(path))
        return false;
    showPage(Page::Gateway);
    return true;
}

bool MainWindow::openKrakendConfig(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const auto refuse = [this](const QString &text) {
        Dialogs::showError(this, tr("Cannot open the KrakenD configuration"), text);
        return false;
    };
    // Read once, with the limits of every file the app reads, to say what the file is before anything opens it.
    const auto bytes = common::BoundedFile::read(path, krakend::ConfigDocument::kMaxBytes);
    if (!bytes) {
        const QString reason = bytes.error().details.value(QStringLiteral("reason")).toString();
        if (bytes.error().code != u"unreadable_file")
            return refuse(bytes.error().message);
        if (reason == u"is a directory")
            return refuse(tr("%1 is a directory.").arg(shown));
        if (reason == u"permission denied")
            return refuse(tr("%1 cannot be read: permission denied.").arg(shown));
        return refuse(tr("%1 cannot be read: %2.").arg(shown, reason));
    }
    if (!common::FileKinds::looksLikeJson(bytes.value()))
        return refuse(tr("%1 is not a JSON file, so not a KrakenD configuration.").arg(shown));
    const common::FileKind kind = common::FileKinds::classify(bytes.value(), path);
    if (kind == common::FileKind::Key || kind == common::FileKind::KeySet || kind == common::FileKind::Workspace)
        return refuse(
            tr("%1 is not a KrakenD configuration: it holds a %2.").arg(shown, common::FileKinds::name(kind)));
    if (!openConfig(path))
        return false;
    addRecentFile(path);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    QFile file(path);
    if (!QFileInfo::exists(path)) {
        Dialogs::showError(this, tr("Cannot open file"), tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    // Opening a FIFO would wait for a writer, reading /dev/zero would never end: only regular files are read.
    if (const QFileInfo info(path); !info.isFile()) {
        Dialogs::showError(this, tr("Cannot open file"),
            info.isDir() ? tr("%1 is a directory.").arg(QDir::toNativeSeparators(path))
                         : tr("%1 is not a regular file.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Dialogs::showError(this, tr("Cannot open file"),
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    // Enough to recognise any kind; each opener then applies its own size limit to the whole file.
    const QByteArray head = file.read(TokenFile::kMaxBytes + 1);
    const common::FileKind kind = common::FileKinds::classify(head, path);
    bool opened = false;
    switch (kind) {
    case common::FileKind::Workspace:
        opened = openWorkspace(path);
        break;
    case common::FileKind::KrakendConfig:
        opened = openConfig(path);
        break;
    case common::FileKind::Key:
    case common::FileKind::KeySet:
        opened = openKeys(path);
        break;
    case common::FileKind::Token:
    case common::FileKind::Unknown:
        opened = openToken(path, head);
        break;
    }
    if (opened) {
        addRecentFile(path);
        statusBar()->showMessage(
            tr("Opened %1 (%2)").arg(QFileInfo(path).fileName(), common::FileKinds::name(kind)), kStatusMessageMs);
    }
    return opened;
}

int MainWindow::openFiles(const QStringList &paths)
{
    int opened = 0;
    for (const QString &path : paths)
        opened += openFile(path) ? 1 : 0;
    return opened;
}

void MainWindow::openDemo()
{
    addToken(tr("demo-token.jwt (demo)"), Resources::demoToken());
    bool haveDemoKeys = false;
    for (const auto &source : m_keyRing->sources())
        haveDemoKeys = haveDemoKeys || source.name == tr("Demo JWK Set");
    if (!haveDemoKeys) {
        // The public set verifies the demo token; the private key (the one that signed it) lets the Composer and
        // the test-token matrix sign. It is demo material, published in the repository.
        const int index = m_keyRing->add(
            KeyRing::pasted(tr("Demo JWK Set"), Resources::text(QStringLiteral(":/samples/demo-jwks.json"))));
        if (const auto demoKey
            = keys::KeyLoader::load(Resources::text(QStringLiteral(":/samples/demo-private.pem")).toUtf8());
            demoKey.ok() && !demoKey->keys.isEmpty()) {
            QJsonObject jwk = keys::Jwk::toJson(demoKey->keys.first().key, true);
            jwk.insert(QStringLiteral("kid"), QStringLiteral("demo-rs256"));
            jwk.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
            jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
            m_keyRing->add(KeyRing::pasted(tr("Demo private key (demo-rs256)"),
                QString::fromUtf8(QJsonDocument(jwk).toJson(QJsonDocument::Indented))));
        }
        m_inspector->verifyPanel()->setKeySource(index);
        if (m_keysPage)
            m_keysPage->selectSource(index);
        else
            m_pendingKeySource = index;
    }
    if (gatewayConfigPath().isEmpty() && !gatewayModified()) {
        // The sample krakend.json and the JWK Set its jwk_local_path names, as real files the user may edit and
        // save; written once, so that later edits of the demo are kept.
        const QString dir = dataDir() + QStringLiteral("/demo");
        QDir().mkpath(dir);
        for (const QString &name : {QStringLiteral("krakend.json"), QStringLiteral("demo-jwks.json")}) {
            const QString target = dir + u'/' + name;
            if (!QFileInfo::exists(target)) {
                if (auto written
                    = common::AtomicFile::write(target, Resources::text(QStringLiteral(":/samples/") + name).toUtf8());
                    !written)
                    statusBar()->showMessage(written.error().message, kStatusMessageMs);
            }
        }
        const QString config = dir + QStringLiteral("/krakend.json");
        if (m_gatewayPage)
            m_gatewayPage->openConfig(config);
        else
            m_pendingGateway = QJsonObject {{QStringLiteral("config"), config}};
        updateTitle();
    }
    showPage(Page::Inspector);
    statusBar()->showMessage(tr("Demo workspace: an RS256 token, its JWK Set (Keys) and a sample "
                                "krakend.json (Gateway)"),
        kStatusMessageMs);
}

void MainWindow::chooseAndOpen(const QString &title, const QString &filter)
{
    const QString path = Dialogs::getOpenFileName(this, title, filter);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::chooseAndOpenFile()
{
    chooseAndOpen(tr("Open"),
        tr("Tokens, keys, KrakenD configs and workspaces (*.jwt *.jws *.jwe *.token *.txt *.json *.pem "
           "*.crt *.cer *.der *.key *.pub *.jwk *.jwks);;All files (*)"));
}

void MainWindow::pasteToken()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to decode."), kStatusMessageMs);
        return;
    }
    showPage(Page::Inspector);
    m_inspector->setTokenText(text);
}

void MainWindow::copyToClipboard(const QString &text, const QString &what)
{
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("There is nothing to copy."), kStatusMessageMs);
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Copied %1.").arg(what), kStatusMessageMs);
}

void MainWindow::copyCredential(const QString &text, const QString &what)
{
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("There is nothing to copy."), kStatusMessageMs);
        return;
    }
    const int seconds = SecretClipboard::copy(text);
    statusBar()->showMessage(seconds > 0 ? tr("Copied %1; the clipboard is cleared in %2 s.").arg(what).arg(seconds)
                                         : tr("Copied %1.").arg(what),
        kStatusMessageMs);
}

void MainWindow::copyDecodedJson()
{
    const QString json = m_inspector->decodedJson();
    if (json.isEmpty()) {
        statusBar()->showMessage(tr("There is no token to copy."), kStatusMessageMs);
        return;
    }
    QGuiApplication::clipboard()->setText(json);
    statusBar()->showMessage(tr("Copied the decoded token as JSON."), kStatusMessageMs);
}

void MainWindow::undo()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(focus); edit && !edit->isReadOnly()) {
        edit->undo();
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(focus); line && !line->isReadOnly()) {
        line->undo();
        return;
    }
    if (currentPage() == Page::Gateway) {
        m_gatewayPage->undoStack()->undo();
        return;
    }
    if (currentPage() == Page::Inspector)
        m_inspector->tokenEditor()->undo();
}

void MainWindow::redo()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(focus); edit && !edit->isReadOnly()) {
        edit->redo();
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(focus); line && !line->isReadOnly()) {
        line->redo();
        return;
    }
    if (currentPage() == Page::Gateway) {
        m_gatewayPage->undoStack()->redo();
        return;
    }
    if (currentPage() == Page::Inspector)
        m_inspector->tokenEditor()->redo();
}

// --- workspaces ------------------------------------------------------------------------------------------

QJsonObject MainWindow::workspaceJson(QStringList *secretsLeftOut) const
{
    QJsonObject workspace;
    workspace.insert(QLatin1String(common::FileKinds::kWorkspaceMarker), kWorkspaceVersion);
    workspace.insert(QStringLiteral("id"), m_workspaceId);
    workspace.insert(QStringLiteral("saved_at"), m_clock->now().toUTC().toString(Qt::ISODate));

    QJsonArray tokens;
    const QStringList titles = m_inspector->inputTitles();
    const QStringList texts = m_inspector->inputTexts();
    for (qsizetype i = 0; i < titles.size(); ++i) {
        if (texts.value(i).trimmed().isEmpty())
            continue;
        tokens.append(QJsonObject {{QStringLiteral("title"), titles[i]}, {QStringLiteral("text"), texts.value(i)}});
    }
    workspace.insert(QStringLiteral("tokens"), tokens);
    workspace.insert(QStringLiteral("current_token"), m_inspector->currentInput());

    QJsonObject inspector;
    if (const auto at = m_inspector->evaluationTime())
        inspector.insert(QStringLiteral("evaluate_at"), at->toUTC().toString(Qt::ISODate));
    inspector.insert(QStringLiteral("tree"), m_inspector->isTreeMode());
    inspector.insert(
        QStringLiteral("tab"), tabName(static_cast<InspectorWidget::Tab>(m_inspector->tabs()->currentIndex())));
    const int keySource = m_inspector->verifyPanel()->keySource();
    if (keySource >= 0)
        inspector.insert(QStringLiteral("verify_key_source"), m_keyRing->at(keySource).id);
    workspace.insert(QStringLiteral("inspector"), inspector);

    workspace.insert(QStringLiteral("keys"), m_keyRing->toJson(false, secretsLeftOut));
    workspace.insert(
        QStringLiteral("composer"), m_composerPage ? m_composerPage->toWorkspaceJson() : m_pendingComposer);
    workspace.insert(QStringLiteral("gateway"), m_gatewayPage ? m_gatewayPage->toWorkspaceJson() : m_pendingGateway);
    workspace.insert(QStringLiteral("page"), static_cast<int>(currentPage()));
    return workspace;
}

common::Result<void> MainWindow::loadWorkspaceJson(const QJsonObject &workspace, WorkspaceOrigin origin)
{
    const int version = workspace.value(QLatin1String(common::FileKinds::kWorkspaceMarker)).toInt(-1);
    if (version < 1 || version > kWorkspaceVersion)
        return common::Result<void>::failure(QStringLiteral("unsupported_workspace"),
            tr("workspace format %1 is not supported (this version reads format %2)")
                .arg(workspace.value(QLatin1String(common::FileKinds::kWorkspaceMarker)).toVariant().toString())
                .arg(kWorkspaceVersion));
    const QJsonValue tokens = workspace.value(QStringLiteral("tokens"));
    if (!tokens.isUndefined() && !tokens.isArray())
        return common::Result<void>::failure(QStringLiteral("invalid_workspace"), tr("\"tokens\" must be an array"));
    if (auto keys = m_keyRing->fromJson(workspace.value(QStringLiteral("keys")).toArray(), origin); !keys)
        return keys;

    m_workspaceId = workspace.value(QStringLiteral("id")).toString(m_workspaceId);
    QList<std::pair<QString, QString>> inputs;
    for (const QJsonValue &token : tokens.toArray()) {
        const QJsonObject entry = token.toObject();
        inputs.append({entry.value(QStringLiteral("title")).toString(QStringLiteral("token")),
            entry.value(QStringLiteral("text")).toString()});
    }
    m_inspector->setInputs(inputs, workspace.value(QStringLiteral("current_token")).toInt(0));

    const QJsonObject inspector = workspace.value(QStringLiteral("inspector")).toObject();
    const QString evaluateAt = inspector.value(QStringLiteral("evaluate_at")).toString();
    m_inspector->setEvaluationTime(
        evaluateAt.isEmpty() ? std::nullopt : std::optional<QDateTime>(QDateTime::fromString(evaluateAt, Qt::ISODate)));
    m_inspector->setTreeMode(inspector.value(QStringLiteral("tree")).toBool(false));
    for (const auto tab : {InspectorWidget::Tab::Decoded, InspectorWidget::Tab::Claims, InspectorWidget::Tab::Findings,
             InspectorWidget::Tab::Signature, InspectorWidget::Tab::Verify}) {
        if (tabName(tab) == inspector.value(QStringLiteral("tab")).toString())
            m_inspector->showTab(tab);
    }
    m_inspector->verifyPanel()->setKeySource(
        m_keyRing->indexOf(inspector.value(QStringLiteral("verify_key_source")).toString()));
    const QJsonObject composer = workspace.value(QStringLiteral("composer")).toObject();
    if (m_composerPage)
        m_composerPage->fromWorkspaceJson(composer);
    else
        m_pendingComposer = composer;
    const QJsonObject gateway = workspace.value(QStringLiteral("gateway")).toObject();
    if (m_gatewayPage) {
        m_gatewayPage->fromWorkspaceJson(gateway);
    } else {
        // What the page would say when it opens it, said now.
        const QString config = gateway.value(QLatin1String("config")).toString();
        if (!config.isEmpty() && !QFileInfo::exists(config))
            statusBar()->showMessage(
                tr("The workspace's KrakenD config %1 no longer exists").arg(QDir::toNativeSeparators(config)),
                kStatusMessageMs);
        m_pendingGateway = gateway;
        updateTitle();
    }
    const int page = workspace.value(QStringLiteral("page")).toInt(0);
    if (page >= 0 && page <= static_cast<int>(Page::Composer))
        showPage(static_cast<Page>(page));
    loadSecrets(workspace);
    return {};
}

bool MainWindow::openWorkspace(const QString &path)
{
    if (!gatewayMaybeSave())
        return false;
    const auto workspace = readWorkspaceFile(path);
    if (!workspace) {
        Dialogs::showError(this, tr("Cannot open workspace"), workspace.error().message);
        return false;
    }
    if (auto loaded = loadWorkspaceJson(workspace.value()); !loaded) {
        Dialogs::showError(this, tr("Cannot open workspace"),
            QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), loaded.error().message));
        return false;
    }
    m_workspacePath = path;
    addRecentFile(path);
    updateTitle();
    // Nothing was fetched while it opened: one question for every remote source it lists.
    const int waiting = static_cast<int>(FetchPermission::waiting(*m_keyRing).size());
    if (waiting > 0 && !askToFetch(this, m_keyRing))
        statusBar()->showMessage(
            tr("%n remote key source(s) not fetched: Keys > Refresh fetches one", nullptr, waiting), kStatusMessageMs);
    return true;
}

bool MainWindow::writeJsonFile(const QString &path, const QJsonObject &json, QString *error) const
{
    // Workspaces, the last session and the autosave hold bearer tokens: 0600 whatever the umask.
    if (auto written = common::AtomicFile::write(
            path, QJsonDocument(json).toJson(QJsonDocument::Indented), common::AtomicFile::Access::Secret);
        !written) {
        *error = written.error().message;
        return false;
    }
    return true;
}

bool MainWindow::saveWorkspace()
{
    if (m_workspacePath.isEmpty()) {
        const QString path = Dialogs::getSaveFileName(this, tr("Save Workspace"),
            tr("JWT Workbench workspace (*.jwb.json)"), QDir::home().filePath(QStringLiteral("workspace.jwb.json")));
        if (path.isEmpty())
            return false;
        return saveWorkspaceAs(path);
    }
    return saveWorkspaceAs(m_workspacePath);
}

bool MainWindow::saveWorkspaceAs(const QString &requested)
{
    QString path = requested;
    if (!path.endsWith(QLatin1String(".jwb.json"), Qt::CaseInsensitive) && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jwb.json");
    QStringList leftOut;
    QJsonObject workspace = workspaceJson(&leftOut);
    bool toKeychain = false;
    if (!leftOut.isEmpty()) {
        const auto answer = Dialogs::question(this, tr("Secrets in this workspace"),
            tr("%1 of the key sources hold a secret or a private key. They are never written to the "
               "workspace file.\n\nKeep them in the system keychain, so that opening this workspace "
               "restores them?")
                .arg(leftOut.size()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        toKeychain = answer == QMessageBox::Yes;
        // Until the keychain confirms each one, the file says that none of them is stored anywhere.
        workspace.insert(QStringLiteral("secrets_not_stored"), QJsonArray::fromStringList(leftOut));
    }
    QString error;
    if (!writeJsonFile(path, workspace, &error)) {
        Dialogs::showError(this, tr("Cannot save workspace"), error);
        return false;
    }
    m_workspacePath = path;
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved workspace %1").arg(QFileInfo(path).fileName()), kStatusMessageMs);
    if (toKeychain)
        storeSecrets(path, workspace, leftOut);
    return true;
}

void MainWindow::storeSecrets(const QString &path, const QJsonObject &written, const QStringList &sourceIds)
{
    const QString prefix = m_workspaceId + u'/';
    auto waiting = std::make_shared<QStringList>();
    for (const QString &id : sourceIds) {
        const int index = m_keyRing->indexOf(id);
        if (index >= 0)
            waiting->append(prefix + id);
    }
    if (waiting->isEmpty())
        return;
    auto stored = std::make_shared<QStringList>();
    auto failed = std::make_shared<QStringList>();
    auto reasons = std::make_shared<QStringList>();
    auto *context = new QObject(this);
    connect(m_secrets, &SecretStore::done, context,
        [this, path, written, prefix, waiting, stored, failed, reasons, context](
            const QString &key, const QString &error) {
            if (!waiting->removeOne(key))
                return;
            const QString id = key.mid(prefix.size());
            if (error.isEmpty()) {
                stored->append(id);
            } else {
                failed->append(id);
                if (!reasons->contains(error))
                    reasons->append(error);
            }
            if (!waiting->isEmpty())
                return;
            context->deleteLater();
            if (!stored->isEmpty()) {
                // Only now may the file say that these secrets are in the keychain; a save made since then
                // (the file no longer holds what this one wrote) has its own answer.
                QFile file(path);
                const QByteArray before = QJsonDocument(written).toJson(QJsonDocument::Indented);
                if (file.open(QIODevice::ReadOnly) && file.readAll() == before) {
                    file.close();
                    QJsonObject updated = written;
                    updated.insert(QStringLiteral("secrets_in_keychain"), QJsonArray::fromStringList(*stored));
                    if (failed->isEmpty())
                        updated.remove(QStringLiteral("secrets_not_stored"));
                    else
                        updated.insert(QStringLiteral("secrets_not_stored"), QJsonArray::fromStringList(*failed));
                    QString writeError;
                    if (!writeJsonFile(path, updated, &writeError)) {
                        Dialogs::showError(this, tr("Secrets not recorded"),
                            tr("The secrets are in the system keychain, but the workspace file could not say so: "
                               "%1")
                                .arg(writeError));
                        return;
                    }
                }
            }
            if (!failed->isEmpty()) {
                Dialogs::showError(this, tr("Secrets not stored"),
                    tr("The workspace was saved without %n of its secret(s): %1.\n\nThe file lists them as not "
                       "stored; paste them again after opening it.",
                        nullptr, static_cast<int>(failed->size()))
                        .arg(reasons->join(QStringLiteral("; "))));
            } else {
                statusBar()->showMessage(tr("Secrets stored in the system keychain."), kStatusMessageMs);
            }
        });
    for (const QString &key : std::as_const(*waiting)) {
        const KeySource &source = m_keyRing->at(m_keyRing->indexOf(key.mid(prefix.size())));
        const QString value = source.text.isEmpty() ? QString::fromLatin1(source.binary.toBase64()) : source.text;
        m_secrets->write(key, value);
    }
}

void MainWindow::loadSecrets(const QJsonObject &workspace)
{
    const QJsonArray ids = workspace.value(QStringLiteral("secrets_in_keychain")).toArray();
    const QString prefix = workspace.value(QStringLiteral("id")).toString() + u'/';
    auto waiting = std::make_shared<QStringList>();
    for (const QJsonValue &id : ids) {
        const int index = m_keyRing->indexOf(id.toString());
        if (index >= 0 && m_keyRing->at(index).text.isEmpty() && m_keyRing->at(index).binary.isEmpty())
            waiting->append(prefix + id.toString());
    }
    if (waiting->isEmpty()) {
        reportMissingSecrets(QString());
        return;
    }
    auto reasons = std::make_shared<QStringList>();
    auto *context = new QObject(this);
    connect(m_secrets, &SecretStore::readDone, context,
        [this, prefix, waiting, reasons, context](const QString &key, const QString &value, const QString &error) {
            if (!waiting->removeOne(key))
                return;
            const int index = m_keyRing->indexOf(key.mid(prefix.size()));
            if (index >= 0 && error.isEmpty() && !value.isEmpty()) {
                KeySource source = m_keyRing->at(index);
                source.text = value;
                m_keyRing->update(index, source);
            } else if (index >= 0 && !error.isEmpty() && !reasons->contains(error)) {
                reasons->append(error);
            }
            if (!waiting->isEmpty())
                return;
            context->deleteLater();
            reportMissingSecrets(reasons->join(QStringLiteral("; ")));
        });
    for (const QString &key : std::as_const(*waiting))
        m_secrets->read(key);
}

void MainWindow::reportMissingSecrets(const QString &keychainError)
{
    // Every source that opened without its secret carries the same error (KeyRing::fromJson); one message
    // names them all, after whatever the opening itself says in the status bar.
    QStringList names;
    for (const KeySource &source : m_keyRing->sources()) {
        if (source.error.startsWith(QLatin1String("secret_not_stored:")))
            names.append(source.name);
    }
    if (names.isEmpty())
        return;
    QString message
        = tr("%n key source(s) opened without their secret (not stored): %1", nullptr, static_cast<int>(names.size()))
              .arg(names.join(QStringLiteral(", ")));
    if (!keychainError.isEmpty())
        message += tr(" (%1)").arg(keychainError);
    QTimer::singleShot(0, this, [this, message] { statusBar()->showMessage(message, 2 * kStatusMessageMs); });
}

QString MainWindow::lastSessionPath()
{
    return dataDir() + QStringLiteral("/last-session.jwb.json");
}

QString MainWindow::autosavePath()
{
    return dataDir() + QStringLiteral("/autosave.jwb.json");
}

bool MainWindow::saveLastSession()
{
    QJsonObject workspace = workspaceJson();
    workspace.insert(QStringLiteral("workspace_path"), m_workspacePath);
    QString error;
    return writeJsonFile(lastSessionPath(), workspace, &error);
}

bool MainWindow::restoreLastSession()
{
    if (!QFile::exists(lastSessionPath()))
        return false;
    const auto workspace = readWorkspaceFile(lastSessionPath());
    if (!workspace || !loadWorkspaceJson(workspace.value(), WorkspaceOrigin::OwnSession).ok()) {
        statusBar()->showMessage(tr("The last session could not be restored; starting afresh."), kStatusMessageMs);
        return false;
    }
    m_workspacePath = workspace->value(QStringLiteral("workspace_path")).toString();
    updateTitle();
    reportWaitingSources();
    return true;
}

void MainWindow::reportWaitingSources()
{
    const int waiting = static_cast<int>(FetchPermission::waiting(*m_keyRing).size());
    if (waiting > 0)
        statusBar()->showMessage(
            tr("%n remote key source(s) still wait for your permission: Keys > Refresh fetches one", nullptr, waiting),
            kStatusMessageMs);
}

bool MainWindow::autosaveNow()
{
    QJsonObject workspace = workspaceJson();
    workspace.insert(QStringLiteral("workspace_path"), m_workspacePath);
    // Unsaved edits of the krakend.json are the work most worth recovering.
    if (gatewayModified()) {
        workspace.insert(QStringLiteral("unsaved_config"),
            QJsonObject {{QStringLiteral("path"), m_gatewayPage->configPath()},
                {QStringLiteral("text"), QString::fromUtf8(m_gatewayPage->documentText())}});
    }
    QString error;
    return writeJsonFile(autosavePath(), workspace, &error);
}

bool MainWindow::offerRecovery()
{
    if (!QFile::exists(autosavePath()))
        return false;
    const auto workspace = readWorkspaceFile(autosavePath());
    if (!workspace) {
        QFile::remove(autosavePath());
        return false;
    }
    const QString when = workspace->value(QStringLiteral("saved_at")).toString();
    const bool unsavedConfig = workspace->contains(QStringLiteral("unsaved_config"));
    const auto answer = Dialogs::question(this, tr("Recover unsaved work?"),
        (unsavedConfig ? tr("JWT Workbench did not close normally. A copy of the session from %1, with unsaved "
                            "changes to a KrakenD configuration, was kept.\n\nRecover it?")
                       : tr("JWT Workbench did not close normally. A copy of the session from %1 was kept.\n\n"
                            "Recover it?"))
            .arg(QDateTime::fromString(when, Qt::ISODate).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QFile::remove(autosavePath());
        return false;
    }
    if (!loadWorkspaceJson(workspace.value(), WorkspaceOrigin::OwnSession).ok())
        return false;
    m_workspacePath = workspace->value(QStringLiteral("workspace_path")).toString();
    if (unsavedConfig) {
        const QJsonObject config = workspace->value(QStringLiteral("unsaved_config")).toObject();
        gatewayPage()->restoreUnsaved(
            config.value(QStringLiteral("path")).toString(), config.value(QStringLiteral("text")).toString().toUtf8());
    }
    updateTitle();
    reportWaitingSources();
    return true;
}

// --- recent files, window state --------------------------------------------------------------------------

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    if (path.startsWith(u':'))
        return; // resources are not files a user can reopen
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        auto *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] {
                if (!QFile::exists(path)) {
                    Dialogs::showError(
                        this, tr("Cannot open file"), tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
                    QStringList remaining = recentFiles();
                    remaining.removeAll(path);
                    QSettings().setValue(QStringLiteral("recentFiles"), remaining);
                    updateRecentMenu();
                    return;
                }
                openFile(path);
            });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(QStringLiteral("recentFiles"));
            updateRecentMenu();
        });
    }
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(QStringLiteral("window/state")).toByteArray(); !state.isEmpty())
        restoreState(state);
    if (const auto mode = Theme::modeFromName(settings.value(QStringLiteral("theme")).toString());
        mode && *mode != Theme::currentMode())
        setThemeMode(*mode, false);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::setThemeMode(Theme::Mode mode, bool remember)
{
    Theme::applyMode(mode);
    if (remember)
        QSettings().setValue(QStringLiteral("theme"), Theme::modeName(mode));
    for (QAction *action : m_themeGroup->actions()) {
        QString name = Theme::modeName(mode);
        name[0] = name[0].toUpper();
        action->setChecked(action->objectName() == QStringLiteral("actionTheme") + name);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!gatewayMaybeSave()) {
        event->ignore();
        return;
    }
    saveWindowState();
    saveLastSession();
    // A clean exit leaves nothing to recover.
    QFile::remove(autosavePath());
    event->accept();
}

// --- help ------------------------------------------------------------------------------------------------

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    QList<QAction *> actions = findChildren<QAction *>();
    std::sort(actions.begin(), actions.end(), [](QAction *a, QAction *b) {
        return a->text().remove(u'&').compare(b->text().remove(u'&'), Qt::CaseInsensitive) < 0;
    });
    for (QAction *action : std::as_const(actions)) {
        if (action->shortcut().isEmpty())
            continue;
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(action->text().remove(u'&').remove(QStringLiteral("\u2026"))));
        table->setItem(row, 1, new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText)));
    }
    const QList<std::pair<QString, QString>> fixed
        = {{tr("Undo (in a text field)"), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)},
            {tr("Drop a file or a token on the window"), tr("drag and drop")}};
    for (const auto &[text, keys] : fixed) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(460, 520);
    dialog->open();
}

void MainWindow::about()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About JWT Workbench"));
    box->setIconPixmap(Theme::appIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(
        tr("<h3>JWT Workbench %1</h3>"
           "<p>Inspect, verify and simulate JSON Web Tokens and KrakenD JWT policies.</p>"
           "<p>Decoding never needs a key and never sends the token anywhere.</p>"
           "<p><b>Qt</b> %2 (built with %3)</p>"
           "<p><b>Cryptography</b> (known-answer self-test at start-up):<br>%4</p>")
            .arg(QStringLiteral(JWB_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                crypto::Backend::initialize().report().toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
    box->open();
}

// --- inspector shortcuts for tests -----------------------------------------------------------------------

TokenEditor *MainWindow::tokenEditor() const
{
    return m_inspector->tokenEditor();
}

QPlainTextEdit *MainWindow::headerView() const
{
    return m_inspector->headerView();
}

QPlainTextEdit *MainWindow::payloadView() const
{
    return m_inspector->payloadView();
}

ClaimsModel *MainWindow::headerModel() const
{
    return m_inspector->headerModel();
}

ClaimsModel *MainWindow::claimsModel() const
{
    return m_inspector->claimsModel();
}

FindingsModel *MainWindow::findingsModel() const
{
    return m_inspector->findingsModel();
}

QTableView *MainWindow::findingsView() const
{
    return m_inspector->findingsView();
}

QString MainWindow::statusText() const
{
    return m_inspector->statusText();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (canAccept(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (canAccept(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (const QStringList files = localFiles(mime); !files.isEmpty()) {
        event->acceptProposedAction();
        openFiles(files);
    } else if (mime && mime->hasText()) {
        event->acceptProposedAction();
        showPage(Page::Inspector);
        m_inspector->setTokenText(mime->text());
    }
}

} // namespace jwb::ui
