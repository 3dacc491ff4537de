#include "MainWindow.h"

#include "crypto/Backend.h"

#include "common/Dialogs.h"
#include "common/Resources.h"
#include "common/Theme.h"
#include "common/TokenFile.h"
#include "inspector/InspectorWidget.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QUrl>

namespace jwb::ui {

namespace {

constexpr int kStatusMessageMs = 5000;

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

} // namespace

MainWindow::MainWindow(std::shared_ptr<const common::Clock> clock, QWidget *parent) : QMainWindow(parent)
{
    Resources::ensureLoaded();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("JWT Workbench"));
    setWindowIcon(Theme::appIcon());
    setAcceptDrops(true);

    m_inspector = new InspectorWidget(std::move(clock), this);
    setCentralWidget(m_inspector);

    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_timeLabel);

    createActions();
    createMenus();

    connect(m_inspector, &InspectorWidget::inspected, this, &MainWindow::updateActions);
    connect(m_inspector, &InspectorWidget::filesDropped, this, &MainWindow::openFiles);
    updateActions();
    resize(1280, 820);
}

MainWindow::~MainWindow() = default;

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
    m_openAction = make(QStringLiteral("actionOpen"), QStringLiteral("&Open Token File\u2026"), QKeySequence::Open,
        &MainWindow::chooseAndOpenFile);
    m_openAction->setStatusTip(QStringLiteral("Open a file that contains a token, a Bearer header or a cookie"));
    m_demoAction = make(
        QStringLiteral("actionOpenDemo"), QStringLiteral("Open &Demo Token"), QKeySequence(), &MainWindow::openDemo);
    m_demoAction->setStatusTip(QStringLiteral("Show the built-in RS256 demo token"));
    m_quitAction = make(QStringLiteral("actionQuit"), QStringLiteral("&Quit"), QKeySequence::Quit, &QWidget::close);

    m_pasteAction = make(QStringLiteral("actionPasteToken"), QStringLiteral("&Paste Token"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), &MainWindow::pasteToken);
    m_pasteAction->setStatusTip(QStringLiteral("Replace the token with the clipboard's text"));
    m_copyJsonAction = make(QStringLiteral("actionCopyJson"), QStringLiteral("&Copy Decoded JSON"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &MainWindow::copyDecodedJson);
    m_copyJsonAction->setIconText(QStringLiteral("Copy JSON"));
    m_copyJsonAction->setStatusTip(
        QStringLiteral("Copy header, payload, times and findings as one JSON document (like decode --json)"));
    m_clearAction = make(QStringLiteral("actionClear"), QStringLiteral("C&lear Token"), QKeySequence(),
        [this] { m_inspector->setTokenText(QString()); });

    const QList<std::pair<InspectorWidget::Tab, QString>> tabs
        = {{InspectorWidget::Tab::Decoded, QStringLiteral("&Decoded")},
            {InspectorWidget::Tab::Claims, QStringLiteral("&Claims")},
            {InspectorWidget::Tab::Findings, QStringLiteral("&Findings")},
            {InspectorWidget::Tab::Signature, QStringLiteral("&Signature")},
            {InspectorWidget::Tab::Verify, QStringLiteral("&Verify")}};
    for (qsizetype i = 0; i < tabs.size(); ++i) {
        const InspectorWidget::Tab tab = tabs[i].first;
        auto *action = new QAction(tabs[i].second, this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, tab] { m_inspector->showTab(tab); });
        m_tabActions.append(action);
    }

    m_aboutAction = make(
        QStringLiteral("actionAbout"), QStringLiteral("&About JWT Workbench"), QKeySequence(), &MainWindow::about);
    m_aboutQtAction = make(QStringLiteral("actionAboutQt"), QStringLiteral("About &Qt"), QKeySequence(),
        [this] { QMessageBox::aboutQt(this); });

    auto *copyButton = new QToolButton(this);
    copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    copyButton->setDefaultAction(m_copyJsonAction);
    copyButton->setAutoRaise(true);
    copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_inspector->tabs()->setCornerWidget(copyButton, Qt::TopRightCorner);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(m_openAction);
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    edit->addAction(m_pasteAction);
    edit->addAction(m_copyJsonAction);
    edit->addSeparator();
    edit->addAction(m_clearAction);

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    view->addActions(m_tabActions);

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::updateActions()
{
    const bool hasToken = !m_inspector->isEmpty();
    m_copyJsonAction->setEnabled(hasToken);
    m_clearAction->setEnabled(hasToken);
    const QDateTime now = m_inspector->clock()->now().toLocalTime();
    m_timeLabel->setText(QStringLiteral("Times relative to %1").arg(now.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    m_timeLabel->setToolTip(QStringLiteral("Relative times (\u201cexpires in \u2026\u201d) are recomputed every %1 s")
                                .arg(InspectorWidget::kRefreshMs / 1000));
}

void MainWindow::addToken(const QString &title, const QString &text)
{
    m_inspector->addInput(title, text);
}

bool MainWindow::openFile(const QString &path)
{
    const auto text = TokenFile::read(path);
    if (!text) {
        Dialogs::showError(this, QStringLiteral("Cannot open token file"), text.error().message);
        return false;
    }
    addToken(QFileInfo(path).fileName(), text.value());
    statusBar()->showMessage(QStringLiteral("Opened %1").arg(QFileInfo(path).fileName()), kStatusMessageMs);
    return true;
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
    addToken(QStringLiteral("demo-token.jwt (demo)"), Resources::demoToken());
    statusBar()->showMessage(
        QStringLiteral("Demo token: RS256, signed with the demo key from resources/samples (demo-jwks.json)"),
        kStatusMessageMs);
}

void MainWindow::chooseAndOpenFile()
{
    const QString path = Dialogs::getOpenFileName(this, QStringLiteral("Open Token File"),
        QStringLiteral("Token files (*.jwt *.jws *.jwe *.token *.txt *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::pasteToken()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(QStringLiteral("The clipboard holds no text to decode."), kStatusMessageMs);
        return;
    }
    m_inspector->setTokenText(text);
}

void MainWindow::copyDecodedJson()
{
    const QString json = m_inspector->decodedJson();
    if (json.isEmpty()) {
        statusBar()->showMessage(QStringLiteral("There is no token to copy."), kStatusMessageMs);
        return;
    }
    QGuiApplication::clipboard()->setText(json);
    statusBar()->showMessage(QStringLiteral("Copied the decoded token as JSON."), kStatusMessageMs);
}

void MainWindow::about()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(QStringLiteral("About JWT Workbench"));
    box->setIconPixmap(Theme::appIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(
        QStringLiteral("<h3>JWT Workbench %1</h3>"
                       "<p>Inspect, verify and simulate JSON Web Tokens and KrakenD JWT policies.</p>"
                       "<p>Decoding never needs a key and never sends the token anywhere.</p>"
                       "<p><b>Cryptography</b> (known-answer self-test at start-up):<br>%2</p>")
            .arg(QStringLiteral(JWB_VERSION),
                crypto::Backend::initialize().report().toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
    box->open();
}

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
        m_inspector->setTokenText(mime->text());
    }
}

} // namespace jwb::ui
