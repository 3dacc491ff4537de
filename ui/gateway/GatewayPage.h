#pragma once

#include "keys/KeyRingFwd.h"

#include "common/Clock.h"
#include "gateway/OptionForm.h"
#include "krakend/ConfigDocument.h"
#include "krakend/Linter.h"
#include "krakend/SaveReview.h"
#include "krakend/Suggest.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;
class QUndoStack;

namespace jwb::ui {

class EndpointFilterModel;
class EndpointModel;
class JsonHighlighter;
class LintModel;

/// The Gateway page: a krakend.json opened for lossless editing (krakend::ConfigDocument), its endpoint list,
/// forms for each endpoint's auth/validator and auth/signer and for the service-level shared cache and
/// auth/revoker (generated from core's OptionInfo metadata), the lint of the whole file, and an export view
/// (highlighted JSON of a block, an endpoint or the file, and a line diff against the file on disk).
///
/// Every edit goes through ConfigDocument (bytes it does not touch stay identical) as one QUndoStack command.
/// The page decides nothing about validity: lint, runtime verdicts and suggestions are core's. The right-hand
/// detailTabs() are open for other panels (simulation, test tokens) to add their own tabs.
class GatewayPage : public QWidget
{
    Q_OBJECT
public:
    enum class ExportScope { Validator, Signer, Endpoint, File };

    explicit GatewayPage(KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~GatewayPage() override;

    // --- file ---------------------------------------------------------------------------------------------
    /// Opens a krakend.json; errors (with line and column for malformed JSON) go to Dialogs::showError.
    /// Opening never writes the file and leaves the page unmodified.
    bool openConfig(const QString &path);
    /// Starts a new, untitled, minimal version-3 configuration.
    void newConfig();
    /// Saves where the file was opened (asks for a name when untitled): atomic, with a one-time .bak.
    bool save();
    /// Every save goes through here (Save, Save As, the Export tab, the save of maybeSave). When the blocks the
    /// edits changed have lint errors (krakend::reviewSave against the file on disk), it first asks, with the
    /// count, the errors and the diff against the file on disk; the default answer is Cancel. The status
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
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo; }

    // --- integration ----------------------------------------------------------------------------------------
    [[nodiscard]] const krakend::ConfigDocument &document() const { return m_doc; }
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
    static QStringList targetVersions();
    void setTargetVersion(const QString &version);
    [[nodiscard]] QString targetVersion() const;
    void setExportScope(ExportScope scope);
    [[nodiscard]] ExportScope exportScope() const;
    /// The highlighted preview's text for the current export scope.
    [[nodiscard]] QString exportText() const;
    /// The diff view's text ("+ ", "- ", "  " prefixed lines) against the file on disk.
    [[nodiscard]] QString diffText() const;
    [[nodiscard]] const QList<krakend::LintItem> &lintItems() const { return m_lint; }

    // Widgets and models, for tests and the main window.
    [[nodiscard]] QTableView *endpointView() const { return m_endpointView; }
    [[nodiscard]] EndpointModel *endpointModel() const { return m_endpointModel; }
    [[nodiscard]] EndpointFilterModel *endpointFilter() const { return m_filter; }
    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }
    [[nodiscard]] QComboBox *filterCombo() const { return m_filterCombo; }
    [[nodiscard]] QComboBox *versionCombo() const { return m_versionCombo; }
    [[nodiscard]] OptionForm *validatorForm() const { return m_validatorForm; }
    [[nodiscard]] OptionForm *signerForm() const { return m_signerForm; }
    [[nodiscard]] OptionForm *serviceForm() const { return m_serviceForm; }
    [[nodiscard]] OptionForm *revokerForm() const { return m_revokerForm; }
    [[nodiscard]] LintModel *lintModel() const { return m_lintModel; }
    [[nodiscard]] QTreeView *lintView() const { return m_lintView; }
    [[nodiscard]] QComboBox *exportScopeCombo() const { return m_exportScope; }
    [[nodiscard]] QPlainTextEdit *exportView() const { return m_exportView; }
    [[nodiscard]] QPlainTextEdit *diffView() const { return m_diffView; }

    /// The option groups of the validator form (every ValidatorConfig option is in exactly one).
    static QList<OptionGroup> validatorGroups();
    static QList<OptionGroup> signerGroups();
    /// The service-level auth/revoker options (from the v2.13 schema; core has no model of the revoker).
    static const QList<krakend::OptionInfo> &revokerOptions();

Q_SIGNALS:
    void currentEndpointChanged(int index);
    void modifiedChanged(bool modified);
    void statusMessage(const QString &message);
    /// After every change of the text (edit, undo, redo, open, new): dependent panels re-run.
    void documentChanged();
    void configPathChanged(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildEndpointPane();
    QWidget *buildValidatorTab();
    QWidget *buildSignerTab();
    QWidget *buildExportTab();
    QWidget *buildLintTab();
    QWidget *buildByteOrderMarkBar();
    void connectForms();

    using Edit = std::function<common::Result<void>(krakend::ConfigDocument &)>;
    bool edit(const QString &label, int endpoint, const Edit &change);
    void applyText(const QByteArray &text, int endpoint);
    void setDocument(krakend::ConfigDocument doc, const QByteArray &savedText, bool forceModified);
    void refresh();
    void refreshForms();
    void refreshExport();
    void refreshBanners();
    void updateModified();
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

    KeyRing *m_ring = nullptr;
    std::shared_ptr<const common::Clock> m_clock;
    krakend::ConfigDocument m_doc;
    QByteArray m_savedText; ///< what Discard reverts to
    bool m_forceModified = false; ///< restored autosave of an untitled config
    bool m_lastModified = false;
    int m_current = -1;
    bool m_selecting = false;
    QList<krakend::LintItem> m_lint;

    QUndoStack *m_undo = nullptr;
    QLabel *m_fileLabel = nullptr;
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
    QWidget *m_validatorTab = nullptr;
    QWidget *m_signerTab = nullptr;
    QWidget *m_lintTab = nullptr;
    QLabel *m_validatorTitle = nullptr;
    QLabel *m_validatorBanner = nullptr;
    QLabel *m_validatorHint = nullptr;
    QPushButton *m_addValidator = nullptr;
    QPushButton *m_removeValidator = nullptr;
    QPushButton *m_suggestButton = nullptr;
    OptionForm *m_validatorForm = nullptr;
    OptionForm *m_serviceForm = nullptr;
    OptionForm *m_revokerForm = nullptr;
    QPushButton *m_addRevoker = nullptr;
    QPushButton *m_removeRevoker = nullptr;
    QLabel *m_revokerHint = nullptr;

    QLabel *m_signerTitle = nullptr;
    QLabel *m_signerBanner = nullptr;
    QLabel *m_signerHint = nullptr;
    QPushButton *m_addSigner = nullptr;
    QPushButton *m_removeSigner = nullptr;
    OptionForm *m_signerForm = nullptr;

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
};

} // namespace jwb::ui
