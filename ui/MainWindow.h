#pragma once

#include "common/Clock.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace jwb::ui {

class ClaimsModel;
class FindingsModel;
class InspectorWidget;
class TokenEditor;

/// The application window: menus, drag and drop, the status bar, and the inspector as its page.
///
/// Actions carry object names (actionOpen, actionOpenDemo, actionPasteToken, actionCopyJson, actionClear,
/// actionQuit, actionAbout) so tests can trigger them; dialogs go through Dialogs, whose hooks tests install.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `clock` defaults to the system clock; tests pass a fixed one.
    explicit MainWindow(std::shared_ptr<const common::Clock> clock = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `text` as a new token named `title` (a file name, "argument 2", ...).
    void addToken(const QString &title, const QString &text);
    /// Reads a token file (at most TokenFile::kMaxBytes) and shows it; on failure shows an error dialog and
    /// returns false.
    bool openFile(const QString &path);
    /// Opens each file; returns how many could be opened.
    int openFiles(const QStringList &paths);
    /// The built-in demo workspace: the RS256 demo token from the resources.
    void openDemo();
    /// File > Open: asks for a file and opens it.
    void chooseAndOpenFile();
    /// Edit > Paste token: replaces the token with the clipboard's text.
    void pasteToken();
    /// Edit > Copy decoded JSON: the `decode --json` document to the clipboard.
    void copyDecodedJson();

    // Test hooks: the inspector and its main widgets and models.
    [[nodiscard]] InspectorWidget *inspector() const { return m_inspector; }
    [[nodiscard]] TokenEditor *tokenEditor() const;
    [[nodiscard]] QPlainTextEdit *headerView() const;
    [[nodiscard]] QPlainTextEdit *payloadView() const;
    [[nodiscard]] ClaimsModel *headerModel() const;
    [[nodiscard]] ClaimsModel *claimsModel() const;
    [[nodiscard]] FindingsModel *findingsModel() const;
    [[nodiscard]] QTableView *findingsView() const;
    /// The banner text: the parse error naming segment and character, or the findings summary.
    [[nodiscard]] QString statusText() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void about();

    InspectorWidget *m_inspector = nullptr;
    QLabel *m_timeLabel = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_copyJsonAction = nullptr;
    QAction *m_clearAction = nullptr;
    QList<QAction *> m_tabActions;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace jwb::ui
