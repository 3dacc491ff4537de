#pragma once

#include "common/Clock.h"
#include "common/Scheduler.h"
#include "jose/Inspection.h"
#include "validation/TokenProfiles.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QFrame;
class QStackedWidget;
class QToolButton;
class QTreeView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QPushButton;
class QTableView;

namespace jwb::verification {
struct Report;
}

namespace jwb::workspace {
class KeyRing;
} // namespace jwb::workspace

namespace jwb::ui {

class ClaimsModel;
class DecryptPanel;
class FindingsModel;
class JsonTreeModel;
class JsonHighlighter;
class Debouncer;
class Ticker;
class TokenEditor;
class VerifyPanel;

/// The inspector page: a token editor on the left, the decoded header and payload, claims, findings and
/// signature on the right, and a banner with the overall outcome above both.
///
/// Edits are debounced (kDebounceMs) and then handed to core's one entry point, jose::Inspection::inspect,
/// with the injected clock's time; every view is filled from the returned Inspection. Relative times are
/// refreshed every kRefreshMs without disturbing selection or scrolling. Several inputs (files, arguments) can
/// be open at once; a combo box above the editor switches between them.
class InspectorWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 100;
    static constexpr int kRefreshMs = 30 * 1000;
    enum class Tab { Decoded, Claims, Findings, Signature, Verify, Decrypt };

    /// `scheduler` (default common::Scheduler::qt()) times the edit debounce and the kRefreshMs refresh.
    explicit InspectorWidget(std::shared_ptr<const common::Clock> clock,
        std::shared_ptr<common::Scheduler> scheduler = {}, QWidget *parent = nullptr);
    ~InspectorWidget() override;

    /// The clock that says what "now" is (the system clock; tests pass a fixed one).
    void setClock(std::shared_ptr<const common::Clock> clock);
    /// The clock tokens are evaluated with: clock(), or the instant chosen in "Evaluate at".
    [[nodiscard]] const std::shared_ptr<const common::Clock> &clock() const { return m_clock; }
    /// Evaluates times (exp, nbf, iat, verification) at `instant` instead of now; nullopt returns to now.
    void setEvaluationTime(const std::optional<QDateTime> &instant);
    [[nodiscard]] std::optional<QDateTime> evaluationTime() const { return m_evaluationTime; }
    /// Lets the Verify tab use the workspace's key sources.
    void setKeyRing(workspace::KeyRing *ring);
    /// The Decoded tab as highlighted JSON text (false) or as a tree (true).
    void setTreeMode(bool tree);
    [[nodiscard]] bool isTreeMode() const;

    /// Opens `text` as a new input named `title` and shows it; the initial untitled input is reused while empty.
    void addInput(const QString &title, const QString &text);
    /// Replaces the current input's text (one undo step) and decodes it immediately.
    void setTokenText(const QString &text);
    [[nodiscard]] QStringList inputTitles() const;
    /// The title of the token shown: the one it was opened with (a file name, "argument 2") while the text is that
    /// token or an edit of it; once the user replaces it with another token, one made from the new token (its sub,
    /// iss or kid, else "Token N").
    [[nodiscard]] QString currentTitle() const { return m_inputs.at(m_current).title; }
    /// Refreshes the times on `ticker`'s ticks (the window's one timer) instead of every kRefreshMs of its own.
    void followTicker(Ticker *ticker);
    [[nodiscard]] QStringList inputTexts() const;
    /// Replaces every input (a workspace being opened); an empty list leaves one empty input.
    void setInputs(const QList<std::pair<QString, QString>> &inputs, int current);
    [[nodiscard]] int currentInput() const { return m_current; }
    void setCurrentInput(int index);

    /// Decodes the editor's text now instead of waiting for the debounce.
    void inspectNow();
    /// Re-evaluates the current text at the clock's present time (what the 30 s timer does).
    void refreshTimes();

    [[nodiscard]] const jose::Inspection &inspection() const { return m_inspection; }
    [[nodiscard]] bool isEmpty() const;
    /// The banner's text: the parse error, or a summary of the findings.
    [[nodiscard]] QString statusText() const;
    /// Inspection::toJson() with the token profile's `profile` member, as indented text (the `decode --json`
    /// document).
    [[nodiscard]] QString decodedJson() const;
    void showTab(Tab tab);
    [[nodiscard]] Tab currentTab() const;
    /// The tab's name in workspace files and on the command line (--tab): decoded, claims, findings, signature,
    /// verify, decrypt. These names never change.
    [[nodiscard]] static QString tabName(Tab tab);
    /// The tab with that name, in any case.
    [[nodiscard]] static std::optional<Tab> tabFromName(const QString &name);

    // For the main window's actions and wiring. Tests find the other views and models by object name (headerView,
    // payloadView, jsonTreeView, headerModel, claimsModel, findingsModel, evaluateAtCombo, ...).
    [[nodiscard]] TokenEditor *tokenEditor() const { return m_editor; }
    [[nodiscard]] VerifyPanel *verifyPanel() const { return m_verifyPanel; }
    [[nodiscard]] DecryptPanel *decryptPanel() const { return m_decryptPanel; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    /// Emitted after every inspection (edit, input switch, time refresh).
    void inspected();
    /// The banner was built: once per change of the token, the time or the verification (a new verdict), always from
    /// the verification of the token it describes.
    void bannerUpdated();
    /// Files dropped or pasted onto the editor; the window opens them.
    void filesDropped(const QStringList &paths);
    /// currentTitle() changed (another input shown, or the text replaced by another token).
    void titleChanged();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Input
    {
        Input(QString title, QString text, bool scratch)
            : title(std::move(title)), text(std::move(text)), scratch(scratch)
        { }

        QString title;
        QString text;
        bool scratch = false; ///< the untitled input the window starts with; a first opened token replaces it
        /// The token the title belongs to, set when it is first inspected: its second segment (the payload of a
        /// JWS), its header and the name it would get (sub, iss or kid). Another payload with another name (or,
        /// for tokens without one, another header) is another token, and the title follows it (followTitle()).
        bool anchored = false;
        QByteArray anchorHeader;
        QByteArray anchorSegment;
        QString anchorName;
    };
    /// Gives the current input a title made from its new token when the user replaced the token it was named for.
    void followTitle();

    QWidget *buildEditorPane();
    QWidget *buildDecodedTab();
    /// Fills a tab made empty at start-up, once.
    void buildTab(Tab which);
    void updateTree();
    void buildClaimsTab(QWidget *tab);
    void buildFindingsTab(QWidget *tab);
    void updateCrackButton();
    void buildSignatureTab(QWidget *tab);
    void inspectText(const QString &text);
    /// refreshTimes() in kRefreshMs, and again after that, for as long as the widget lives.
    void scheduleRefresh();
    void updateViews();
    void updateDecodedViews();
    void updateSignatureView();
    void updateBanner();
    [[nodiscard]] QString verdictSentence(const verification::Report &report) const;
    void updateSegmentInfo();
    void updateTimes();
    void updateCaptions();
    void updateInputCombo();
    void onCurrentInputChosen(int index);
    void applyClock();
    [[nodiscard]] validation::ProfileInputs pairedInputs() const;
    void onEvaluateAtChosen();

    std::shared_ptr<const common::Clock> m_systemClock; ///< as injected
    std::shared_ptr<const common::Clock> m_clock; ///< m_systemClock, or fixed at m_evaluationTime
    std::optional<QDateTime> m_evaluationTime;
    jose::Inspection m_inspection;
    validation::ProfileReport m_profile; ///< the token profile of m_inspection (RFC 9068, RFC 9449, cnf)
    QString m_inspectedText;
    QList<Input> m_inputs;
    int m_current = 0;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QComboBox *m_inputCombo = nullptr;
    TokenEditor *m_editor = nullptr;
    QLabel *m_segmentInfo = nullptr;
    QLabel *m_timesLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_headerCaption = nullptr;
    QLabel *m_payloadCaption = nullptr;
    QPlainTextEdit *m_headerView = nullptr;
    QPlainTextEdit *m_payloadView = nullptr;
    JsonHighlighter *m_headerHighlighter = nullptr;
    JsonHighlighter *m_payloadHighlighter = nullptr;
    ClaimsModel *m_headerModel = nullptr;
    ClaimsModel *m_claimsModel = nullptr;
    QTableView *m_headerTable = nullptr;
    QTableView *m_claimsView = nullptr;
    FindingsModel *m_findingsModel = nullptr;
    QTableView *m_findingsView = nullptr;
    QPushButton *m_crackButton = nullptr; ///< on the Findings tab, shown for HS* tokens
    QPlainTextEdit *m_signatureView = nullptr;
    bool m_signatureStale = false;
    std::optional<common::Severity> m_findingsIconSeverity; ///< what the Findings tab's icon shows ///< the signature
                                                            ///< view waits for its tab to be shown
    VerifyPanel *m_verifyPanel = nullptr;
    DecryptPanel *m_decryptPanel = nullptr;
    QStackedWidget *m_decodedStack = nullptr;
    QToolButton *m_textModeButton = nullptr;
    QToolButton *m_treeModeButton = nullptr;
    JsonTreeModel *m_treeModel = nullptr;
    QTreeView *m_treeView = nullptr;
    QList<std::pair<QString, QByteArray>> m_treeDocuments; ///< what the tree shows next, while m_treeStale
    bool m_treeStale = false;
    QByteArray m_treeSource; ///< what the tree shows, to rebuild it only when the token changes
    QComboBox *m_evaluateAtCombo = nullptr;
    QDateTimeEdit *m_evaluateAtEdit = nullptr;
    std::shared_ptr<common::Scheduler> m_scheduler;
    common::Scheduler::Id m_refreshId {}; ///< the pending refresh of scheduleRefresh(), until a Ticker takes over
    Debouncer *m_debounce = nullptr;
};

} // namespace jwb::ui
