#pragma once

#include "common/Clock.h"
#include "common/Jobs.h"
#include "krakend/ConfigDocument.h"
#include "krakend/ConfigEditor.h"
#include "krakend/Linter.h"
#include "krakend/SaveReview.h"
#include "krakend/Suggest.h"

#include <QJsonObject>
#include <QMutex>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QTimer;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;
class QUndoStack;

namespace jwb::workspace {
class KeyRing;
} // namespace jwb::workspace

namespace jwb::ui {

class BlockTab;
class ElidedLabel;
class EndpointFilterModel;
class EndpointModel;
class JsonHighlighter;
class LintModel;
class OptionForm;

/// The Gateway page: a view of a krakend::ConfigEditor (a krakend.json opened for lossless editing): its endpoint
/// list, a BlockTab for each endpoint's auth/validator and auth/signer, forms for the service-level shared cache
/// and auth/revoker (generated from core's GatewayCatalog), the lint of the whole file, and an export view
/// (highlighted JSON of a block, an endpoint or the file, and a line diff against the file on disk).
///
/// Every edit goes through the editor (bytes it does not touch stay identical); each one it records
/// (ConfigEditor::edited) becomes a DocumentEditCommand on this page's QUndoStack, which the main window puts in
/// its QUndoGroup. The page decides nothing about validity: lint, runtime verdicts and suggestions are core's.
/// The right-hand detailTabs() are open for other panels (simulation, test tokens) to add their own tabs.
///
/// Widgets and models carry object names (endpointView, endpointModel, endpointFilterModel, endpointSearch,
/// endpointFilterCombo, targetVersionCombo, validatorForm, signerForm, serviceForm, revokerForm, lintModel,
/// lintView, exportScopeCombo, exportView, diffView, gatewayUndoStack).
class GatewayPage : public QWidget
{
    Q_OBJECT
public:
    enum class ExportScope { Validator, Signer, Endpoint, File };

    explicit GatewayPage(
        workspace::KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~GatewayPage() override;

    // --- file ---------------------------------------------------------------------------------------------
    /// Files from this size on open in the background (openConfig returns at once).
    static constexpr qint64 kBackgroundOpenBytes = 1024 * 1024;
    /// Documents with this many endpoints are linted in the background (the Lint tab says so meanwhile).
    static constexpr int kBackgroundLintEndpoints = 2000;
    /// Up to this many endpoints the list's short columns fit their contents.
    static constexpr int kFitColumnRows = 1000;

    /// Opens a krakend.json; errors (with line and column for malformed JSON) go to Dialogs::showError.
    /// Opening never writes the file and leaves the page unmodified. A file of kBackgroundOpenBytes or more is
    /// read and checked on a worker (ConfigDocument::open with progress and a cancel token) while the window
    /// stays responsive: the page shows a progress bar with Cancel (gatewayLoadBar, gatewayLoadProgress,
    /// gatewayLoadCancel) and keeps the previous document, disabled, until the new one is in; openConfig then
    /// returns true for "started", and loadingChanged(false) tells when it ended.
    bool openConfig(const QString &path);
    /// A background open is running.
    [[nodiscard]] bool isLoading() const;
    /// Stops a background open; the previous document stays as it was.
    void cancelLoading();
    /// Starts a new, untitled, minimal version-3 configuration.
    void newConfig();
    /// Saves where the file was opened (asks for a name when untitled): atomic, with a one-time .bak.
    bool save();
    /// Every save goes through here (Save, Save As, the Export tab, the save of maybeSave). When the blocks the
    /// edits changed have lint errors (ConfigEditor::reviewSave against the file on disk), it first asks, with
    /// the count, the errors and the diff against the file on disk; the default answer is Cancel. The status
    /// message of a saved file that fails lint says how many errors it has.
    bool saveAs(const QString &path);
    /// For close: nothing to do when unmodified, else asks Save / Discard / Cancel (Dialogs::question).
    /// Returns false on Cancel (or a failed save). Discard reverts the page to the saved text.
    bool maybeSave();
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] QString configPath() const;
    /// The current text (what crash recovery autosaves).
    [[nodiscard]] QByteArray documentText() const;
    /// Restores autosaved text for `path` (empty for an untitled config); the page is then modified.
    bool restoreUnsaved(const QString &path, const QByteArray &text);
    /// The page's undo stack (one per document); the main window adds it to its QUndoGroup.
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo; }

    // --- integration ----------------------------------------------------------------------------------------
    /// The document's editor: the model this page shows.
    [[nodiscard]] krakend::ConfigEditor *editor() const { return m_editor; }
    [[nodiscard]] const krakend::ConfigDocument &document() const { return m_editor->document(); }
    /// The folder relative paths in the config (jwk_local_path, jwk_local_ca) resolve against: the config's
    /// folder, or empty for an untitled config.
    [[nodiscard]] QString baseDir() const;
    /// The endpoint shown in the forms (index in the file), -1 when none.
    [[nodiscard]] int currentEndpoint() const { return m_current; }
    void selectEndpoint(int index);
    /// Shows a simulated verdict in the endpoint list (status 0 clears it).
    void setVerdict(int endpointIndex, int status, const QString &reason);
    /// The right-hand tabs (Validator, Signer, Export, Lint); other panels may add tabs.
    [[nodiscard]] QTabWidget *detailTabs() const { return m_tabs; }
    /// Config path, selected endpoint, filter, search, target version and export scope.
    [[nodiscard]] QJsonObject toWorkspaceJson() const;
    void fromWorkspaceJson(const QJsonObject &json);

    // --- edits: each is one undoable step; false (and an error dialog) when the document refuses it ---------
    bool setValidatorOption(const QString &option, const QJsonValue &value);
    bool setSignerOption(const QString &option, const QJsonValue &value);
    /// shared_cache_duration of the service-level auth/validator; Undefined removes the block.
    bool setServiceOption(const QString &option, const QJsonValue &value);
    bool setRevokerOption(const QString &option, const QJsonValue &value);
    bool addValidator();
    bool removeValidator();
    bool addSigner();
    bool removeSigner();
    bool addRevoker();
    bool removeRevoker();
    /// Appends an endpoint (ConfigExport::endpoint) and selects it; returns its index or -1.
    int addEndpoint(const QString &path, const QString &method, const QString &backendUrl);
    bool removeEndpoint(int index);
    /// Fills the current endpoint's validator from a suggestion (alg, issuer, audience, jwk_url, roles_key,
    /// scopes_key) as one undoable edit, creating the validator when needed. Empty keys take the first candidate.
    bool applySuggestion(
        const krakend::Suggestion &suggestion, const QString &rolesKey = {}, const QString &scopesKey = {});
    /// krakend::Suggestion::fromToken on `token` (and an issuer's discovery document), then applySuggestion.
    bool suggestFromToken(const QString &token, const QJsonObject &discovery = {});

    // --- view state -----------------------------------------------------------------------------------------
    /// One of krakend::GatewayCatalog::versions(); others are ignored.
    void setTargetVersion(const QString &version);
    [[nodiscard]] QString targetVersion() const;
    void setExportScope(ExportScope scope);
    [[nodiscard]] ExportScope exportScope() const;
    /// The highlighted preview's text for the current export scope.
    [[nodiscard]] QString exportText() const;
    /// The diff view's text ("+ ", "- ", "  " prefixed lines) against the file on disk.
    [[nodiscard]] QString diffText() const;
    [[nodiscard]] const QList<krakend::LintItem> &lintItems() const { return m_lint; }

Q_SIGNALS:
    void currentEndpointChanged(int index);
    void modifiedChanged(bool modified);
    void statusMessage(const QString &message);
    /// After every change of the text (edit, undo, redo, open, new): dependent panels re-run.
    void documentChanged();
    void configPathChanged(const QString &path);
    /// A background open started (true) or ended, opened, failed or cancelled (false).
    void loadingChanged(bool loading);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildEndpointPane();
    QWidget *buildServiceGroup();
    QWidget *buildExportTab();
    QWidget *buildLintTab();
    QWidget *buildByteOrderMarkBar();
    QWidget *buildLoadBar();
    void openInBackground(const QString &path);
    void setLoading(bool loading);
    void reportOpenError(const QString &path, const common::Error &error);
    void reportOpened(const QString &path);
    /// Shows m_lint in the Lint tab (summary, tab title, list).
    void showLint();
    void connectEditor();

    /// Shows a new document (open, new, restore): the undo history and the verdicts go, the first endpoint is
    /// selected. `replace` changes the editor's document; nothing changes when it fails.
    common::Result<void> replaceDocument(const std::function<common::Result<void>()> &replace);
    /// Reports a refused edit of the page's own (service level, endpoints, suggestion, byte order mark).
    bool report(const common::Result<void> &result, krakend::EditKind kind, krakend::Block block = {},
        const QString &subject = {});
    void refresh();
    void refreshForms();
    void refreshExport();
    void updateTitle();
    void onCurrentRowChanged();
    void showSuggestDialog();
    void showAddEndpointDialog();
    /// The save review's question; true when the user chose to save anyway.
    bool confirmSaveWithErrors(const QString &path, const krakend::SaveReview &review, const QByteArray &disk);
    void copyExport();
    void saveExport();
    [[nodiscard]] QByteArray indentUnit() const;
    [[nodiscard]] QString newValidatorUrl() const;

    workspace::KeyRing *m_ring = nullptr;
    std::shared_ptr<const common::Clock> m_clock;
    krakend::ConfigEditor *m_editor = nullptr;
    bool m_replacing = false; ///< a new document is being taken: refresh once it is in
    int m_current = -1;
    bool m_selecting = false;
    QList<krakend::LintItem> m_lint;

    QUndoStack *m_undo = nullptr;
    ElidedLabel *m_fileLabel = nullptr;
    QWidget *m_bomBar = nullptr; ///< "KrakenD would not start: byte order mark" with the Remove button
    QLabel *m_bomLabel = nullptr;
    QComboBox *m_versionCombo = nullptr;
    QToolButton *m_undoButton = nullptr;
    QToolButton *m_redoButton = nullptr;

    EndpointModel *m_endpointModel = nullptr;
    EndpointFilterModel *m_filter = nullptr;
    QTableView *m_endpointView = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QLabel *m_endpointHint = nullptr;

    QTabWidget *m_tabs = nullptr;
    BlockTab *m_validatorTab = nullptr;
    BlockTab *m_signerTab = nullptr;
    QWidget *m_lintTab = nullptr;
    QPushButton *m_suggestButton = nullptr;
    OptionForm *m_serviceForm = nullptr;
    OptionForm *m_revokerForm = nullptr;
    QPushButton *m_addRevoker = nullptr;
    QPushButton *m_removeRevoker = nullptr;
    QLabel *m_revokerHint = nullptr;

    QComboBox *m_exportScope = nullptr;
    QComboBox *m_exportMode = nullptr;
    QStackedWidget *m_exportStack = nullptr;
    QPlainTextEdit *m_exportView = nullptr;
    QPlainTextEdit *m_diffView = nullptr;
    QLabel *m_exportNotes = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QString m_diffPlain;

    LintModel *m_lintModel = nullptr;
    QTreeView *m_lintView = nullptr;
    QLabel *m_lintSummary = nullptr;

    QPointer<QWidget> m_suggestDialog;

    common::Jobs::Handle m_load; ///< a background open
    common::Jobs::Handle m_lintJob; ///< the lint of a big document
    /// What a background open shares with its worker: bytes checked so far, and the first endpoints checked.
    struct LoadState
    {
        std::atomic<qint64> done {0};
        QMutex mutex;
        QList<krakend::EndpointInfo> preview; ///< guarded by mutex
        bool previewReady = false; ///< guarded by mutex
    };
    std::shared_ptr<LoadState> m_loadState;
    bool m_previewShown = false; ///< the endpoint list shows the loading file's first endpoints
    qint64 m_loadTotal = 0;
    QWidget *m_loadBar = nullptr;
    QLabel *m_loadLabel = nullptr;
    QProgressBar *m_loadProgress = nullptr;
    QPushButton *m_loadCancel = nullptr;
    QTimer *m_loadTimer = nullptr;
};

} // namespace jwb::ui
