#pragma once

#include "common/Clock.h"
#include "jose/Inspection.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace jwb::ui {

class ClaimsModel;
class FindingsModel;
class JsonHighlighter;
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
    enum class Tab { Decoded, Claims, Findings, Signature, Verify };

    explicit InspectorWidget(std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~InspectorWidget() override;

    void setClock(std::shared_ptr<const common::Clock> clock);
    [[nodiscard]] const std::shared_ptr<const common::Clock> &clock() const { return m_clock; }

    /// Opens `text` as a new input named `title` and shows it; the initial untitled input is reused while empty.
    void addInput(const QString &title, const QString &text);
    /// Replaces the current input's text (one undo step) and decodes it immediately.
    void setTokenText(const QString &text);
    [[nodiscard]] QStringList inputTitles() const;
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
    /// Inspection::toJson() as indented text (the `decode --json` document).
    [[nodiscard]] QString decodedJson() const;
    void showTab(Tab tab);

    // Widgets and models, for the main window's actions and for tests.
    [[nodiscard]] TokenEditor *tokenEditor() const { return m_editor; }
    [[nodiscard]] QPlainTextEdit *headerView() const { return m_headerView; }
    [[nodiscard]] QPlainTextEdit *payloadView() const { return m_payloadView; }
    [[nodiscard]] QPlainTextEdit *signatureView() const { return m_signatureView; }
    [[nodiscard]] ClaimsModel *headerModel() const { return m_headerModel; }
    [[nodiscard]] ClaimsModel *claimsModel() const { return m_claimsModel; }
    [[nodiscard]] FindingsModel *findingsModel() const { return m_findingsModel; }
    [[nodiscard]] QTableView *headerTable() const { return m_headerTable; }
    [[nodiscard]] QTableView *claimsView() const { return m_claimsView; }
    [[nodiscard]] QTableView *findingsView() const { return m_findingsView; }
    [[nodiscard]] VerifyPanel *verifyPanel() const { return m_verifyPanel; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QTimer *refreshTimer() const { return m_refreshTimer; }

Q_SIGNALS:
    /// Emitted after every inspection (edit, input switch, time refresh).
    void inspected();
    /// Files dropped or pasted onto the editor; the window opens them.
    void filesDropped(const QStringList &paths);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Input
    {
        QString title;
        QString text;
        bool scratch = false; ///< the untitled input the window starts with; a first opened token replaces it
    };

    QWidget *buildEditorPane();
    QWidget *buildDecodedTab();
    QWidget *buildClaimsTab();
    QWidget *buildFindingsTab();
    QWidget *buildSignatureTab();
    void inspectText(const QString &text);
    void updateViews();
    void updateDecodedViews();
    void updateSignatureView();
    void updateBanner();
    void updateSegmentInfo();
    void updateTimes();
    void updateCaptions();
    void updateInputCombo();
    void onCurrentInputChosen(int index);

    std::shared_ptr<const common::Clock> m_clock;
    jose::Inspection m_inspection;
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
    QPlainTextEdit *m_signatureView = nullptr;
    VerifyPanel *m_verifyPanel = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace jwb::ui
