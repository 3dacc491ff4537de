#include "MainWindow.h"
#include "MainWindowInternal.h"

#include "crypto/Backend.h"
#include "krakend/RequestBuilder.h"

#include "common/Dialogs.h"
#include "common/SecretClipboard.h"
#include "common/Settings.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TokenEditor.h"

#include "gateway/GatewayPage.h"
#include "gateway/OptionForm.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

namespace jwb::ui {

using mainwindow::kStatusMessageMs;

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
        QStringLiteral("actionSaveWorkspace"), tr("&Save Workspace"), QKeySequence(), [this] { saveWorkspace(); });
    m_saveWorkspaceAction->setStatusTip(tr(
        "Save tokens, key sources and settings; secrets and private keys go to the system keychain only if you agree"));
    m_saveWorkspaceAsAction
        = make(QStringLiteral("actionSaveWorkspaceAs"), tr("Save Workspace &As…"), QKeySequence(), [this] {
              const QString path
                  = Dialogs::getSaveFileName(this, tr("Save Workspace"), tr("JWT Workbench workspace (*.jwb.json)"),
                      m_workspacePath.isEmpty() ? QDir::home().filePath(QStringLiteral("workspace.jwb.json"))
                                                : m_workspacePath);
              if (!path.isEmpty())
                  saveWorkspaceAs(path);
          });
    m_saveConfigAction = make(QStringLiteral("actionSaveConfig"), tr("Save &Configuration"), QKeySequence(), [this] {
        commitFormField(QApplication::focusWidget());
        gatewayPage()->save();
    });
    m_saveConfigAction->setStatusTip(
        tr("Save the Gateway's krakend.json atomically; the first save keeps the original as <file>.bak"));
    m_saveConfigAsAction
        = make(QStringLiteral("actionSaveConfigAs"), tr("Save Con&figuration As…"), QKeySequence(), [this] {
              commitFormField(QApplication::focusWidget());
              const QString current = gatewayConfigPath();
              const QString path = Dialogs::getSaveFileName(this, tr("Save KrakenD configuration"),
                  tr("KrakenD configuration (*.json)"), current.isEmpty() ? QStringLiteral("krakend.json") : current);
              if (!path.isEmpty())
                  gatewayPage()->saveAs(path);
          });
    m_demoAction
        = make(QStringLiteral("actionOpenDemo"), tr("Open &Demo Workspace"), QKeySequence(), &MainWindow::openDemo);
    m_demoAction->setStatusTip(tr("The RS256 demo token, its JWK Set and a sample krakend.json"));
    m_quitAction = make(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    m_undoAction = make(QStringLiteral("actionUndo"), tr("&Undo"), QKeySequence::Undo, [this] { undoOrRedo(false); });
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = make(QStringLiteral("actionRedo"), tr("&Redo"), QKeySequence::Redo, [this] { undoOrRedo(true); });
    // Every redo chord of the platform, and Ctrl+Shift+Z everywhere (the platform's may be Ctrl+Y only).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z); !redoKeys.contains(shiftZ))
        redoKeys.append(shiftZ);
    m_redoAction->setShortcuts(redoKeys);
    // Text fields claim Ctrl+Z through ShortcutOverride, so these act where no text field has focus, and where
    // eventFilter() passes the key on from a field with nothing left to undo.
    m_undoGroup = new QUndoGroup(this);
    m_undoGroup->setObjectName(QStringLiteral("undoGroup"));
    qApp->installEventFilter(this);
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
        // A shell command, not words: built (and quoted) by krakend::RequestBuilder, never translated.
        copyCredential(krakend::RequestBuilder(QString::fromLatin1(m_inspector->inspection().token.compact)).curl(),
            tr("a curl command"));
    });
    m_clearClipboardAction
        = new QAction(tr("Clear Copied Tokens After %1 s").arg(Settings::kDefaultClearClipboardSeconds), this);
    m_clearClipboardAction->setObjectName(QStringLiteral("actionClearClipboard"));
    m_clearClipboardAction->setCheckable(true);
    m_clearClipboardAction->setChecked(Settings::clearClipboardSeconds() > 0);
    m_clearClipboardAction->setStatusTip(tr(
        "A token is a credential: after Copy As Token, Authorization Header or curl, clear the clipboard again unless "
        "something else was copied meanwhile"));
    connect(m_clearClipboardAction, &QAction::toggled, this,
        [](bool on) { Settings::setClearClipboardSeconds(on ? Settings::kDefaultClearClipboardSeconds : 0); });
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

    const QList<std::pair<InspectorWidget::Tab, QString>> tabs
        = {{InspectorWidget::Tab::Decoded, tr("&Decoded")}, {InspectorWidget::Tab::Claims, tr("&Claims")},
            {InspectorWidget::Tab::Findings, tr("&Findings")}, {InspectorWidget::Tab::Signature, tr("&Signature")},
            {InspectorWidget::Tab::Verify, tr("&Verify")}, {InspectorWidget::Tab::Decrypt, tr("D&ecrypt")}};
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
    file->addAction(m_saveConfigAction);
    file->addAction(m_saveConfigAsAction);
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
    updateUndoStack();
    updateSaveShortcuts();
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

void MainWindow::updateSaveShortcuts()
{
    if (!m_saveConfigAction)
        return; // before createActions()
    const bool config = currentPage() == Page::Gateway;
    const bool configHasThem = !m_saveConfigAction->shortcuts().isEmpty();
    if ((configHasThem || !m_saveWorkspaceAction->shortcuts().isEmpty()) && configHasThem == config)
        return; // already so (this runs on every inspection)
    const QList<QKeySequence> save = QKeySequence::keyBindings(QKeySequence::Save);
    // The platform's Save As chord, and Ctrl+Shift+S everywhere (some platforms have none).
    QList<QKeySequence> saveAs = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (const QKeySequence shiftS(Qt::CTRL | Qt::SHIFT | Qt::Key_S); !saveAs.contains(shiftS))
        saveAs.append(shiftS);
    // One action at a time holds a chord (two would make it ambiguous, and neither would fire).
    m_saveConfigAction->setShortcuts(config ? save : QList<QKeySequence>());
    m_saveConfigAsAction->setShortcuts(config ? saveAs : QList<QKeySequence>());
    m_saveWorkspaceAction->setShortcuts(config ? QList<QKeySequence>() : save);
    m_saveWorkspaceAsAction->setShortcuts(config ? QList<QKeySequence>() : saveAs);
}

void MainWindow::updateTitle()
{
    // The title follows the page, then names the workspace: on the Gateway the config being edited (starred while
    // unsaved), "krakend.json* · team.jwb.json — JWT Workbench"; on the Inspector the token shown.
    QStringList parts;
    const bool gateway = currentPage() == Page::Gateway;
    if (gateway) {
        const QString configPath = gatewayConfigPath();
        if (!configPath.isEmpty() || gatewayModified()) {
            const QString config
                = configPath.isEmpty() ? tr("untitled krakend.json") : QFileInfo(configPath).fileName();
            parts.append(config + QStringLiteral("[*]"));
        }
    } else if (currentPage() == Page::Inspector && !m_inspector->isEmpty()) {
        QString token = m_inspector->currentTitle();
        parts.append(token.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]")));
    }
    if (!m_workspacePath.isEmpty())
        parts.append(QFileInfo(m_workspacePath).fileName());
    setWindowTitle(parts.isEmpty() ? QStringLiteral("JWT Workbench")
                                   : parts.join(QStringLiteral(" \u00b7 ")) + QStringLiteral(" \u2014 JWT Workbench"));
    setWindowModified(gateway && gatewayModified());
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
    const int seconds = SecretClipboard::copy(text, m_scheduler);
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

namespace {

/// The focused text field the user can type in, or nullptr.
QWidget *focusedTextField()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *edit = qobject_cast<QPlainTextEdit *>(focus); edit && !edit->isReadOnly())
        return edit;
    if (auto *line = qobject_cast<QLineEdit *>(focus); line && !line->isReadOnly())
        return line;
    return nullptr;
}

/// Whether a text field has typing to undo (or to redo).
bool canStep(QWidget *field, bool redo)
{
    if (auto *edit = qobject_cast<QPlainTextEdit *>(field))
        return redo ? edit->document()->isRedoAvailable() : edit->document()->isUndoAvailable();
    if (auto *line = qobject_cast<QLineEdit *>(field))
        return redo ? line->isRedoAvailable() : line->isUndoAvailable();
    return false;
}

void step(QWidget *field, bool redo)
{
    if (auto *edit = qobject_cast<QPlainTextEdit *>(field))
        redo ? edit->redo() : edit->undo();
    else if (auto *line = qobject_cast<QLineEdit *>(field))
        redo ? line->redo() : line->undo();
}

/// The option form (of the Gateway's blocks) whose option `field` is the editor of, and that option's name; none
/// for any other field (also the row editors of a list option, which commit when the row is done).
std::pair<OptionForm *, QString> formOption(QWidget *field)
{
    for (QWidget *w = field ? field->parentWidget() : nullptr; w; w = w->parentWidget()) {
        if (auto *form = qobject_cast<OptionForm *>(w)) {
            for (const QString &option : form->optionNames()) {
                if (form->editor(option) == field)
                    return {form, option};
            }
            break;
        }
    }
    return {nullptr, QString()};
}

} // namespace

bool MainWindow::commitFormField(QWidget *field)
{
    const auto [form, option] = formOption(field);
    if (!form)
        return false;
    form->commit(option);
    return true;
}

void MainWindow::updateUndoStack()
{
    if (!m_undoGroup)
        return; // before createActions()
    QUndoStack *stack = m_gatewayPage ? m_gatewayPage->undoStack() : nullptr;
    if (stack && !m_undoGroup->stacks().contains(stack))
        m_undoGroup->addStack(stack);
    m_undoGroup->setActiveStack(currentPage() == Page::Gateway ? stack : nullptr);
}

void MainWindow::undoOrRedo(bool redo)
{
    const bool pageStack = m_undoGroup->activeStack() != nullptr;
    QWidget *field = focusedTextField();
    if (pageStack && commitFormField(field)) {
        // The field's typing becomes an edit of the document first (if it changed anything): the stack then undoes
        // that edit, or the one before it.
        redo ? m_undoGroup->redo() : m_undoGroup->undo();
        return;
    }
    if (field && (!pageStack || canStep(field, redo))) {
        step(field, redo);
        return;
    }
    if (pageStack) {
        redo ? m_undoGroup->redo() : m_undoGroup->undo();
        return;
    }
    if (currentPage() == Page::Inspector)
        step(m_inspector->tokenEditor(), redo);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // A text field claims Ctrl+Z even with nothing to undo. Where the page has an undo stack, such a field lets
    // the key through to the Undo action (ignored, not delivered), which then undoes the page's last edit.
    if (event->type() == QEvent::ShortcutOverride && m_undoGroup->activeStack() && watched == focusedTextField()) {
        const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
        const bool undo = m_undoAction->shortcuts().contains(pressed);
        const bool redo = m_redoAction->shortcuts().contains(pressed);
        auto *field = static_cast<QWidget *>(watched);
        if ((undo || redo) && (!canStep(field, redo) || formOption(field).first)) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
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
    const QList<QAction *> saves {
        m_saveConfigAction, m_saveConfigAsAction, m_saveWorkspaceAction, m_saveWorkspaceAsAction};
    for (QAction *action : std::as_const(actions)) {
        if (action->shortcut().isEmpty() || saves.contains(action))
            continue; // the Save chords move with the page: listed below
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(action->text().remove(u'&').remove(QStringLiteral("\u2026"))));
        table->setItem(row, 1, new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText)));
    }
    const QList<std::pair<QString, QString>> fixed
        = {{tr("Save the page's document (on the Gateway the krakend.json, elsewhere the workspace)"),
               QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)},
            {tr("Save the page's document as"),
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S).toString(QKeySequence::NativeText)},
            {tr("Undo (in a text field; in a Gateway form field: the field's edit)"),
                QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)},
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

} // namespace jwb::ui
