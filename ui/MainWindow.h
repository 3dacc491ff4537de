#pragma once

#include "common/Clock.h"
#include "common/FileKind.h"
#include "common/Jobs.h"
#include "common/Result.h"
#include "common/Scheduler.h"
#include "common/Theme.h"
#include "workspace/KeyRing.h"
#include "workspace/WorkspaceFormat.h"

#include <QHash>
#include <QJsonObject>
#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QPushButton;
class QListWidget;
class QMenu;
class QNetworkAccessManager;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoGroup;

namespace jwb::workspace {
class Autosave;
class Session;
} // namespace jwb::workspace

namespace jwb::ui {

class ClaimsModel;
class ComposerPage;
class FindingsModel;
class GatewayPage;
class InspectorWidget;
class KeysPage;
class EndpointMatrix;
class SecretStore;
class SimulationPanel;
class TestMatrixPanel;
class Ticker;
class TokenEditor;

/// The application window: a navigation list (Inspector, Keys, Gateway, Composer) beside the pages, menus,
/// the status bar, drag and drop, workspaces (save, open, restore the last session, autosave for crash
/// recovery), recent files, the theme, and window state.
///
/// Every file goes through one door, openFile(): core's FileKinds::classify says whether it holds a token, a
/// key, a JWK Set, a krakend.json or a workspace, and the window hands it to the page that owns that kind.
///
/// Actions carry object names (actionOpen, actionOpenToken, actionOpenKey, actionOpenConfig,
/// actionOpenWorkspace, actionSaveWorkspace, actionSaveWorkspaceAs, actionOpenDemo, actionPasteToken,
/// actionCopyJson, actionCopyToken, actionCopyCurl, actionUndo, actionRedo, actionClear, actionQuit,
/// actionThemeSystem/Light/Dark, actionShortcuts, actionAbout, actionPageInspector/Keys/Gateway/Composer) so
/// tests can trigger them; dialogs go through Dialogs, whose hooks tests install.
///
/// The class is implemented in three files: MainWindow.cpp (pages, opening files, drag and drop),
/// MainWindowActions.cpp (actions, menus, clipboard, undo/redo, help) and MainWindowSession.cpp (workspaces,
/// keychain, last session, autosave and recovery, recent files, window state, theme).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Inspector, Keys, Gateway, Composer };
    static constexpr int kAutosaveMs = 60 * 1000;
    static constexpr qint64 kMaxWorkspaceBytes = workspace::WorkspaceFormat::kMaxBytes;

    /// `clock` defaults to the system clock and `scheduler` (the inspector's debounce and refresh, the Keys page's
    /// ages, autosave, clearing copied secrets) to common::Scheduler::qt(); tests pass a fixed clock and a
    /// ManualScheduler.
    explicit MainWindow(std::shared_ptr<const common::Clock> clock = {},
        std::shared_ptr<common::Scheduler> scheduler = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `text` as a new token named `title` (a file name, "argument 2", ...) and shows the Inspector.
    void addToken(const QString &title, const QString &text);
    /// Opens any file the app understands (see the class comment). On failure shows an error and returns false.
    bool openFile(const QString &path);
    /// Opens each file; returns how many could be opened.
    int openFiles(const QStringList &paths);
    /// The built-in demo workspace: the RS256 demo token, its JWK Set in the key ring and the sample
    /// krakend.json in the Gateway view.
    void openDemo();
    /// File > Open: asks for a file of any kind and opens it.
    void chooseAndOpenFile();
    /// File > Open KrakenD Config: opens `path` in the Gateway view and nowhere else. A directory, an unreadable
    /// file, a file that is not JSON, or a key, key set or workspace is refused with an error (never sent to the
    /// Inspector). A byte order mark is accepted; the Gateway view reports it as KrakenD would.
    bool openKrakendConfig(const QString &path);
    /// Edit > Paste token: replaces the token with the clipboard's text.
    void pasteToken();
    /// Edit > Copy as > Decoded JSON: the `decode --json` document to the clipboard.
    void copyDecodedJson();

    // Workspaces.
    /// The workspace document (tokens, key sources without secrets, page settings). Sources whose secret was
    /// left out are listed in `secretsLeftOut`.
    [[nodiscard]] QJsonObject workspaceJson(QStringList *secretsLeftOut = nullptr) const;
    /// Replaces the session with a workspace document; errors name the member. `origin` decides which remote
    /// key sources are fetched at once (FetchPermission::needed): none of a file, those of the user's own session.
    common::Result<void> loadWorkspaceJson(
        const QJsonObject &workspace, workspace::WorkspaceOrigin origin = workspace::WorkspaceOrigin::File);
    /// Opens a workspace file. It makes no network request by itself: its remote key sources wait, and one
    /// prompt (askToFetch) lists their hosts and TLS settings with "Fetch now" / "Not now".
    bool openWorkspace(const QString &path);
    /// Saves to the current workspace file, or asks for one. Offers to keep secrets in the OS keychain.
    bool saveWorkspace();
    bool saveWorkspaceAs(const QString &path);
    [[nodiscard]] QString workspacePath() const { return m_workspacePath; }
    /// Where the last session and the crash-recovery copy are kept (the app's data directory).
    [[nodiscard]] static QString lastSessionPath();
    [[nodiscard]] static QString autosavePath();
    /// Writes the last-session file (no secrets); called on close.
    bool saveLastSession();
    /// Reopens the last session, if any; returns whether one was restored. It is the user's own: its remote
    /// key sources are fetched as before, except those still waiting for permission when it was saved.
    bool restoreLastSession();
    /// When an autosave exists (the app did not close cleanly), offers to recover it. Returns whether it did.
    /// The autosave is the user's own session too (same rule as restoreLastSession).
    bool offerRecovery();
    /// Writes the crash-recovery copy now (what the timer does every kAutosaveMs).
    bool autosaveNow();

    // Pages.
    void showPage(Page page);
    /// Shows a tab of the Gateway view by name: validator, signer, export, lint, simulate, endpoints, tests.
    bool showGatewayTab(const QString &name);
    [[nodiscard]] static QStringList gatewayTabNames();
    [[nodiscard]] Page currentPage() const;
    /// Applies a theme; `remember` keeps it for the next start (View > Theme does, --theme does not).
    void setThemeMode(Theme::Mode mode, bool remember = true);

    // The pages. Tests find the widgets inside them by object name (tests/ui/UiTestHelpers.h, test::child).
    [[nodiscard]] InspectorWidget *inspector() const { return m_inspector; }
    [[nodiscard]] workspace::KeyRing *keyRing() const { return m_keyRing; }
    // The Keys, Gateway and Composer pages are built the first time they are shown or asked for (start-up and
    // memory pay only for the Inspector); until then what they are to show waits in the window. Asking builds the
    // page, so these are not const.
    [[nodiscard]] KeysPage *keysPage();
    [[nodiscard]] GatewayPage *gatewayPage();
    [[nodiscard]] ComposerPage *composerPage();
    [[nodiscard]] SimulationPanel *simulationPanel();
    [[nodiscard]] EndpointMatrix *endpointMatrix();
    [[nodiscard]] TestMatrixPanel *testMatrix();
    /// Whether a page has been built yet (see keysPage()).
    [[nodiscard]] bool isPageBuilt(Page page) const;
    /// The banner text: the parse error naming segment and character, or the findings summary.
    [[nodiscard]] QString statusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    /// Ctrl+Z in a text field with nothing left to undo goes to the page's undo stack (see undoOrRedo()).
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createPages(std::shared_ptr<const common::Clock> clock);
    void addPage(Page page, QWidget *widget, const QString &title, const QString &icon, const QString &tip);
    /// A slot in the page stack that the page fills when it is built.
    void addLazyPage(Page page, const QString &title, const QString &icon, const QString &tip);
    void buildPageAt(int stackIndex);
    KeysPage *buildKeysPage();
    GatewayPage *buildGatewayPage();
    ComposerPage *buildComposerPage();
    void createGatewayTools(std::shared_ptr<const common::Clock> clock);
    /// The krakend.json the Gateway shows (or will show once built), and whether it has unsaved edits.
    [[nodiscard]] QString gatewayConfigPath() const;
    [[nodiscard]] bool gatewayModified() const;
    [[nodiscard]] bool gatewayMaybeSave();
    void updateGatewayTools();
    void createActions();
    void createMenus();
    void updateActions();
    void updateRecentMenu();
    void updateTitle();
    void addRecentFile(const QString &path);
    void about();
    void showShortcuts();
    void chooseAndOpen(const QString &title, const QString &filter);
    bool openToken(const QString &path, const QByteArray &content);
    bool openKeys(const QString &path);
    /// A key file of kBackgroundKeyBytes or more (a JWK Set of thousands of keys) is read and checked on a worker,
    /// with a busy bar and Cancel in the status bar (keyLoadBar, keyLoadCancel); the window stays responsive.
    void openKeysInBackground(const QString &path);
    void finishKeys(int index);
    bool openConfig(const QString &path);
    void copyToClipboard(const QString &text, const QString &what);
    /// A token, Authorization header or curl command: a credential, copied through SecretClipboard.
    void copyCredential(const QString &text, const QString &what);
    /// Edit > Undo / Redo act on the page the user is on: a focused text field undoes its own typing first; on a
    /// page with an undo stack (the Gateway's document) one with nothing left to undo leaves it to the stack, and a
    /// field of an option form commits its typing (as Return would) and leaves it to the stack at once; on the
    /// Inspector the token editor undoes.
    void undoOrRedo(bool redo);
    /// Makes the current page's undo stack the group's active one (none outside the Gateway).
    void updateUndoStack();
    /// Ctrl+S and Ctrl+Shift+S go to the Save actions of the current page's document: the krakend.json on the
    /// Gateway, the workspace elsewhere.
    void updateSaveShortcuts();
    /// When `field` is the editor of an option of a Gateway option form, commits what it shows (as Return would)
    /// and returns true.
    bool commitFormField(QWidget *field);
    /// The session as a workspace document (key sources without secrets, listed in `secretsLeftOut`).
    [[nodiscard]] workspace::WorkspaceDocument workspaceDocument(QStringList *secretsLeftOut = nullptr) const;
    /// What the last session and the crash copy hold: the document, the workspace path, unsaved config edits.
    [[nodiscard]] workspace::WorkspaceDocument sessionSnapshot() const;
    common::Result<void> loadWorkspaceDocument(
        const workspace::WorkspaceDocument &document, workspace::WorkspaceOrigin origin);
    /// A workspace error (WorkspaceFormat's typed errors) in the window's words.
    [[nodiscard]] static QString workspaceErrorText(const common::Error &error);
    /// Stores the secrets of `sourceIds` in the keychain; once it has answered for all of them, rewrites the
    /// workspace file at `path` (if it still holds `written`) to list those stored as in the keychain.
    void storeSecrets(const QString &path, const workspace::WorkspaceDocument &written, const QStringList &sourceIds);
    void loadSecrets(const workspace::WorkspaceDocument &document);
    /// One status message naming every key source that opened without its secret.
    void reportMissingSecrets(const QString &keychainError);
    /// After the user's own session was restored: says how many remote sources still wait for permission.
    void reportWaitingSources();
    void restoreWindowState();
    /// `wanted` bounded to 95% of the available area of the window's screen.
    [[nodiscard]] QSize fitToScreen(QSize wanted) const;
    void saveWindowState() const;

    std::shared_ptr<const common::Clock> m_clock;
    std::shared_ptr<common::Scheduler> m_scheduler;
    Ticker *m_ticker = nullptr; ///< the one timer of every relative time the pages show
    workspace::Session *m_session = nullptr; ///< the key ring, the trust store, the key choices
    workspace::KeyRing *m_keyRing = nullptr; ///< the session's ring
    workspace::Autosave *m_autosave = nullptr; ///< last session and crash copy
    common::Jobs::Handle m_keyLoad; ///< a big key file being read
    QWidget *m_keyLoadBar = nullptr; ///< in the status bar while it is read: label, busy bar, Cancel
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<int, int> m_pageIndex; ///< Page → index in m_pages
    InspectorWidget *m_inspector = nullptr;
    KeysPage *m_keysPage = nullptr;
    GatewayPage *m_gatewayPage = nullptr;
    ComposerPage *m_composerPage = nullptr;
    SimulationPanel *m_simulationPanel = nullptr;
    EndpointMatrix *m_endpointMatrix = nullptr;
    TestMatrixPanel *m_testMatrix = nullptr;
    QHash<int, QWidget *> m_pageSlots; ///< Page → the stack's slot for a page built on first use
    QJsonObject m_pendingGateway; ///< the Gateway's workspace state until it is built
    QJsonObject m_pendingComposer; ///< the Composer's workspace state until it is built
    int m_pendingKeySource = -1; ///< the key source the Keys page selects when built
    QString m_lastInspectorToken; ///< the token the Gateway tools took from the inspector
    QString m_workspacePath;
    QString m_workspaceId; ///< names this workspace's secrets in the keychain
    bool m_closing = false;

    QLabel *m_timeLabel = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openTokenAction = nullptr;
    QAction *m_openKeyAction = nullptr;
    QAction *m_openConfigAction = nullptr;
    QAction *m_openWorkspaceAction = nullptr;
    QAction *m_saveWorkspaceAction = nullptr;
    QAction *m_saveWorkspaceAsAction = nullptr;
    QAction *m_saveConfigAction = nullptr; ///< the Gateway's krakend.json
    QAction *m_saveConfigAsAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QUndoGroup *m_undoGroup = nullptr; ///< one stack per document (the Gateway's); the current page's is active
    QAction *m_pasteAction = nullptr;
    QAction *m_copyJsonAction = nullptr;
    QAction *m_copyTokenAction = nullptr;
    QAction *m_copyHeaderAction = nullptr;
    QAction *m_copyPayloadAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_copyAuthorizationAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_clearClipboardAction = nullptr;
    QList<QAction *> m_pageActions;
    QList<QAction *> m_tabActions;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace jwb::ui
