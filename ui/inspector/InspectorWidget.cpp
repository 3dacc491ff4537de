#include "inspector/InspectorWidget.h"

#include "inspector/CrackDialog.h"

#include "common/Debouncer.h"
#include "common/Duration.h"
#include "common/JsonHighlighter.h"
#include "common/JsonText.h"
#include "common/JsonTreeModel.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "common/Ticker.h"
#include "inspector/ClaimsModel.h"
#include "inspector/DecryptPanel.h"
#include "inspector/FindingsModel.h"
#include "inspector/TokenEditor.h"
#include "inspector/TokenMarkup.h"
#include "jose/TokenParser.h"
#include "verification/Report.h"
#include "verify/VerifyPanel.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <utility>

namespace jwb::ui {

using workspace::KeyRing;

namespace {

void setTextIfChanged(QPlainTextEdit *view, const QString &text)
{
    if (view->toPlainText() != text)
        view->setPlainText(text);
}

QPlainTextEdit *makeReadOnlyView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setFont(Theme::monospaceFont());
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->document()->setDocumentMargin(8);
    return view;
}

/// Re-fits wrapped rows after anything that changes their height: new data, a column or viewport resize.
/// Coalesced through a zero-delay timer, so a burst of changes costs one pass.
class RowFitter : public QObject
{
public:
    explicit RowFitter(QTableView *table) : QObject(table), m_timer(new QTimer(this))
    {
        m_timer->setSingleShot(true);
        m_timer->setInterval(0);
        connect(m_timer, &QTimer::timeout, table, &QTableView::resizeRowsToContents);
        connect(table->horizontalHeader(), &QHeaderView::sectionResized, m_timer, qOverload<>(&QTimer::start));
        table->viewport()->installEventFilter(this);
    }
    void watch(QAbstractItemModel *model)
    {
        connect(model, &QAbstractItemModel::modelReset, m_timer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::dataChanged, m_timer, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::layoutChanged, m_timer, qOverload<>(&QTimer::start));
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            m_timer->start();
        return QObject::eventFilter(watched, event);
    }

private:
    QTimer *m_timer;
};

/// Gives table rows a little air above and below wrapped text.
class PaddedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 8);
    }
};

void configureTable(QTableView *table, QAbstractItemModel *model)
{
    table->setItemDelegate(new PaddedDelegate(table));
    table->setModel(model);
    table->setWordWrap(true);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setTextElideMode(Qt::ElideRight);
    table->setIconSize(QSize(16, 16));
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setHighlightSections(false);
    (new RowFitter(table))->watch(model);
}

QString hexDump(const QByteArray &bytes, qsizetype limit = 4096)
{
    QStringList lines;
    const qsizetype n = std::min(bytes.size(), limit);
    for (qsizetype row = 0; row < n; row += 16) {
        QString line = QStringLiteral("%1  ").arg(row, 4, 16, QLatin1Char('0'));
        for (qsizetype i = row; i < std::min(row + 16, n); ++i)
            line += QStringLiteral("%1%2")
                        .arg(static_cast<unsigned char>(bytes[i]), 2, 16, QLatin1Char('0'))
                        .arg(i % 16 == 7 ? QStringLiteral("  ") : QStringLiteral(" "));
        lines.append(line.trimmed());
    }
    // (A cast inside translate()'s arguments hides the call from lupdate.)
    if (const int more = static_cast<int>(bytes.size() - limit); more > 0)
        lines.append(QCoreApplication::translate("jwb::ui::InspectorWidget", "… %n more byte(s)", nullptr, more));
    return lines.join(u'\n');
}

/// Decoded bytes as text when they are UTF-8, else as a hex dump.
QString textOrHex(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    const bool ok = !utf8.hasError() && !bytes.contains('\0');
    return ok ? text : hexDump(bytes);
}

/// Marks character `position` of a read-only view (a JSON error inside a decoded segment).
void markCharacter(QPlainTextEdit *view, qsizetype position)
{
    QList<QTextEdit::ExtraSelection> selections;
    if (position >= 0) {
        const int length = view->document()->characterCount() - 1;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(view->document());
        const int start = static_cast<int>(std::min<qsizetype>(position, std::max(0, length - 1)));
        sel.cursor.setPosition(start);
        sel.cursor.setPosition(std::min(start + 1, length), QTextCursor::KeepAnchor);
        const QColor error = Theme::severityColor(common::Severity::Error, view->palette());
        sel.format.setBackground(error);
        sel.format.setForeground(view->palette().color(QPalette::Base));
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(error);
        selections.append(sel);
    }
    view->setExtraSelections(selections);
}

QString htmlColor(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

} // namespace

InspectorWidget::InspectorWidget(
    std::shared_ptr<const common::Clock> clock, std::shared_ptr<common::Scheduler> scheduler, QWidget *parent)
    : QWidget(parent),
      m_systemClock(clock ? std::move(clock) : common::Clock::system()),
      m_clock(m_systemClock),
      m_scheduler(scheduler ? std::move(scheduler) : common::Scheduler::qt())
{
    setObjectName(QStringLiteral("inspector"));
    m_inputs.append(Input {tr("Untitled"), QString(), true});

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_bannerIcon = new QLabel(m_banner);
    m_bannerIcon->setFixedSize(20, 20);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("bannerText"));
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 12, 8);
    bannerLayout->setSpacing(10);
    bannerLayout->addWidget(m_bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->setDocumentMode(true);
    m_headerModel = new ClaimsModel(ClaimsModel::Part::Header, this);
    m_headerModel->setObjectName(QStringLiteral("headerModel"));
    m_claimsModel = new ClaimsModel(ClaimsModel::Part::Payload, this);
    m_claimsModel->setObjectName(QStringLiteral("claimsModel"));
    m_findingsModel = new FindingsModel(this);
    m_findingsModel->setObjectName(QStringLiteral("findingsModel"));
    m_tabs->addTab(buildDecodedTab(), tr("Decoded"));
    // The other tabs' views are made when a tab is first shown (or asked for): start-up builds what it shows.
    for (const QString &title : {tr("Claims"), tr("Findings"), tr("Signature")}) {
        auto *slot = new QWidget(m_tabs);
        auto *slotLayout = new QVBoxLayout(slot);
        slotLayout->setContentsMargins(0, 8, 0, 0);
        m_tabs->addTab(slot, title);
    }
    m_verifyPanel = new VerifyPanel(m_clock, m_tabs);
    m_tabs->addTab(m_verifyPanel, tr("Verify"));
    m_decryptPanel = new DecryptPanel(m_clock, m_tabs);
    m_tabs->addTab(m_decryptPanel, tr("Decrypt"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        buildTab(static_cast<Tab>(index));
        if (index == static_cast<int>(Tab::Signature) && m_signatureStale)
            updateSignatureView();
    });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("inspectorSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildEditorPane());
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setSizes({540, 680});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 6);
    layout->setSpacing(10);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    m_debounce = new Debouncer(
        kDebounceMs, [this] { inspectNow(); }, m_scheduler, this);
    connect(m_editor, &QPlainTextEdit::textChanged, m_debounce, &Debouncer::start);
    connect(m_editor, &TokenEditor::pasted, this, &InspectorWidget::inspectNow);
    connect(m_editor, &TokenEditor::filesDropped, this, &InspectorWidget::filesDropped);
    connect(m_verifyPanel, &VerifyPanel::verified, this, &InspectorWidget::updateBanner);
    connect(m_decryptPanel, &DecryptPanel::decrypted, this, &InspectorWidget::updateBanner);
    connect(m_decryptPanel, &DecryptPanel::openInnerRequested, this,
        [this](const QString &token) { addInput(tr("Inner token of %1").arg(currentTitle()), token); });

    scheduleRefresh();

    inspectText(QString());
}

InspectorWidget::~InspectorWidget() = default;

QWidget *InspectorWidget::buildEditorPane()
{
    auto *pane = new QWidget(this);
    auto *title = new QLabel(tr("Encoded token"), pane);
    QFont titleFont = title->font();
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    m_inputCombo = new QComboBox(pane);
    m_inputCombo->setObjectName(QStringLiteral("inputCombo"));
    m_inputCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_inputCombo->setToolTip(tr("Tokens opened in this window"));
    m_inputCombo->hide();
    connect(m_inputCombo, &QComboBox::activated, this, &InspectorWidget::onCurrentInputChosen);

    m_editor = new TokenEditor(pane);

    m_segmentInfo = new QLabel(pane);
    m_segmentInfo->setObjectName(QStringLiteral("segmentInfo"));
    m_segmentInfo->setTextFormat(Qt::RichText);
    m_segmentInfo->setWordWrap(true);

    m_timesLabel = new QLabel(pane);
    m_timesLabel->setObjectName(QStringLiteral("timesLabel"));
    m_timesLabel->setTextFormat(Qt::RichText);
    m_timesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    LongText::fitAnyWidth(m_timesLabel);
    // ...but never narrower than a row's date and a word of its summary: an instant cannot wrap.
    m_timesLabel->setMinimumWidth(
        m_timesLabel->fontMetrics().horizontalAdvance(QStringLiteral("exp  expires  2026-11-28T12:00:00Z")));

    auto *evaluateLabel = new QLabel(tr("Evaluate at"), pane);
    m_evaluateAtCombo = new QComboBox(pane);
    m_evaluateAtCombo->setObjectName(QStringLiteral("evaluateAtCombo"));
    m_evaluateAtCombo->addItem(tr("Now (live)"));
    m_evaluateAtCombo->addItem(tr("A chosen time"));
    m_evaluateAtCombo->setAccessibleName(tr("Evaluate at"));
    m_evaluateAtCombo->setToolTip(
        tr("The instant exp, nbf and iat are judged at, here and in Verify. \"Now\" follows the clock; choose a "
           "time to ask \"was this token valid when the request failed?\" or \"will it still be valid tomorrow?\""));
    evaluateLabel->setBuddy(m_evaluateAtCombo);
    m_evaluateAtEdit = new QDateTimeEdit(pane);
    m_evaluateAtEdit->setObjectName(QStringLiteral("evaluateAtEdit"));
    m_evaluateAtEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_evaluateAtEdit->setCalendarPopup(true);
    m_evaluateAtEdit->setTimeSpec(Qt::LocalTime);
    m_evaluateAtEdit->setAccessibleName(tr("Evaluation time (local)"));
    m_evaluateAtEdit->setEnabled(false);
    m_evaluateAtEdit->setDateTime(m_systemClock->now().toLocalTime());
    m_evaluateAtEdit->setToolTip(tr("Local time at which the token is evaluated: type it, or paste an RFC 3339 time "
                                    "or Unix seconds or milliseconds"));
    m_evaluateAtEdit->installEventFilter(this);
    connect(m_evaluateAtCombo, &QComboBox::activated, this, &InspectorWidget::onEvaluateAtChosen);
    connect(m_evaluateAtEdit, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_evaluateAtCombo->currentIndex() == 1)
            setEvaluationTime(m_evaluateAtEdit->dateTime().toUTC());
    });
    auto *evaluateRow = new QHBoxLayout;
    evaluateRow->setContentsMargins(0, 0, 0, 0);
    evaluateRow->addWidget(evaluateLabel);
    evaluateRow->addWidget(m_evaluateAtCombo);
    evaluateRow->addStretch(1);
    // The time on a row of its own, so the pane can be narrow (issue #19: the window fits 1024 px).
    auto *evaluateTimeRow = new QHBoxLayout;
    evaluateTimeRow->setContentsMargins(0, 0, 0, 0);
    evaluateTimeRow->addWidget(m_evaluateAtEdit);
    evaluateTimeRow->addStretch(1);

    auto *head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(title);
    head->addStretch(1);
    head->addWidget(m_inputCombo);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(6);
    layout->addLayout(head);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_segmentInfo);
    layout->addWidget(m_timesLabel);
    layout->addLayout(evaluateRow);
    layout->addLayout(evaluateTimeRow);
    return pane;
}

QWidget *InspectorWidget::buildDecodedTab()
{
    auto *tab = new QWidget(this);
    m_headerCaption = new QLabel(tab);
    m_payloadCaption = new QLabel(tab);
    m_headerView = makeReadOnlyView(QStringLiteral("headerView"), tab);
    m_payloadView = makeReadOnlyView(QStringLiteral("payloadView"), tab);
    m_headerView->setAccessibleName(tr("Decoded header"));
    m_payloadView->setAccessibleName(tr("Decoded payload"));
    m_headerHighlighter = new JsonHighlighter(m_headerView->document());
    m_payloadHighlighter = new JsonHighlighter(m_payloadView->document());

    auto section = [tab](QLabel *caption, QPlainTextEdit *view) {
        auto *box = new QWidget(tab);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        layout->addWidget(caption);
        layout->addWidget(view, 1);
        return box;
    };
    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(section(m_headerCaption, m_headerView));
    splitter->addWidget(section(m_payloadCaption, m_payloadView));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({170, 510});

    m_treeModel = new JsonTreeModel(this);
    m_treeView = new QTreeView(tab);
    m_treeView->setObjectName(QStringLiteral("jsonTreeView"));
    m_treeView->setAccessibleName(tr("Header and payload as a tree"));
    m_treeView->setModel(m_treeModel);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->header()->setSectionResizeMode(JsonTreeModel::NameColumn, QHeaderView::ResizeToContents);
    m_treeView->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_treeView->header()->setSectionResizeMode(JsonTreeModel::TypeColumn, QHeaderView::ResizeToContents);
    m_treeView->header()->setStretchLastSection(false);

    m_decodedStack = new QStackedWidget(tab);
    m_decodedStack->addWidget(splitter);
    m_decodedStack->addWidget(m_treeView);

    auto modeButton = [tab](const QString &name, const QString &text, const QString &tip) {
        auto *button = new QToolButton(tab);
        button->setObjectName(name);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        return button;
    };
    m_textModeButton = modeButton(QStringLiteral("jsonTextMode"), QStringLiteral("JSON"),
        tr("Show the header and payload as highlighted JSON, in the order they were written"));
    m_treeModeButton = modeButton(QStringLiteral("jsonTreeMode"), tr("Tree"),
        tr("Show the header and payload as a tree with types; expand nested objects and arrays"));
    auto *group = new QButtonGroup(tab);
    group->setExclusive(true);
    group->addButton(m_textModeButton);
    group->addButton(m_treeModeButton);
    m_textModeButton->setChecked(true);
    connect(m_treeModeButton, &QToolButton::toggled, this, &InspectorWidget::setTreeMode);

    auto *modes = new QHBoxLayout;
    modes->setContentsMargins(0, 0, 0, 0);
    modes->setSpacing(2);
    modes->addStretch(1);
    modes->addWidget(m_textModeButton);
    modes->addWidget(m_treeModeButton);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(modes);
    layout->addWidget(m_decodedStack, 1);
    return tab;
}

void InspectorWidget::buildTab(Tab which)
{
    QWidget *tab = m_tabs->widget(static_cast<int>(which));
    switch (which) {
    case Tab::Claims:
        if (!m_claimsView)
            buildClaimsTab(tab);
        break;
    case Tab::Findings:
        if (!m_findingsView)
            buildFindingsTab(tab);
        break;
    case Tab::Signature:
        if (!m_signatureView)
            buildSignatureTab(tab);
        break;
    case Tab::Decoded:
    case Tab::Verify:
    case Tab::Decrypt:
        break;
    }
}

void InspectorWidget::buildClaimsTab(QWidget *tab)
{
    m_headerTable = new QTableView(tab);
    m_headerTable->setObjectName(QStringLiteral("headerTable"));
    m_claimsView = new QTableView(tab);
    m_claimsView->setObjectName(QStringLiteral("claimsView"));
    for (auto [table, model] : {std::pair {m_headerTable, m_headerModel}, std::pair {m_claimsView, m_claimsModel}}) {
        configureTable(table, model);
        table->setColumnWidth(ClaimsModel::NameColumn, 130);
        table->setColumnWidth(ClaimsModel::ValueColumn, 330);
    }

    auto caption = [tab](const QString &text) {
        auto *label = new QLabel(text, tab);
        QFont font = label->font();
        font.setWeight(QFont::DemiBold);
        label->setFont(font);
        return label;
    };
    auto section = [tab](QLabel *label, QTableView *table) {
        auto *box = new QWidget(tab);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        layout->addWidget(label);
        layout->addWidget(table, 1);
        return box;
    };
    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(section(caption(tr("Header parameters")), m_headerTable));
    splitter->addWidget(section(caption(tr("Payload claims")), m_claimsView));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({170, 510});
    tab->layout()->addWidget(splitter);
}

void InspectorWidget::buildFindingsTab(QWidget *tab)
{
    m_findingsView = new QTableView(tab);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    configureTable(m_findingsView, m_findingsModel);
    m_findingsView->setColumnWidth(FindingsModel::SeverityColumn, 110);
    m_findingsView->setColumnWidth(FindingsModel::MessageColumn, 420);
    tab->layout()->addWidget(m_findingsView);
    // An HS* token's secret can be searched in a wordlist (CrackDialog; `crack` on the command line).
    m_crackButton = new QPushButton(tr("Search a Wordlist for the Secret…"), tab);
    m_crackButton->setObjectName(QStringLiteral("crackButton"));
    m_crackButton->setToolTip(tr("Try every line of a wordlist file as this token's HMAC secret, on this machine"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_crackButton);
    qobject_cast<QBoxLayout *>(tab->layout())->addLayout(row);
    connect(m_crackButton, &QPushButton::clicked, this, [this] {
        auto *dialog = new CrackDialog(m_inspection.token, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    updateCrackButton();
}

void InspectorWidget::updateCrackButton()
{
    if (m_crackButton)
        m_crackButton->setVisible(!isEmpty() && jose::SecretSearch::algorithmFor(m_inspection.token).ok());
}

void InspectorWidget::buildSignatureTab(QWidget *tab)
{
    m_signatureView = makeReadOnlyView(QStringLiteral("signatureView"), tab);
    m_signatureView->setAccessibleName(tr("Signature details"));
    tab->layout()->addWidget(m_signatureView);
    m_signatureStale = true;
}

void InspectorWidget::setClock(std::shared_ptr<const common::Clock> clock)
{
    m_systemClock = clock ? std::move(clock) : common::Clock::system();
    applyClock();
}

void InspectorWidget::setEvaluationTime(const std::optional<QDateTime> &instant)
{
    m_evaluationTime = instant;
    {
        const QSignalBlocker comboBlocker(m_evaluateAtCombo);
        const QSignalBlocker editBlocker(m_evaluateAtEdit);
        m_evaluateAtCombo->setCurrentIndex(instant ? 1 : 0);
        m_evaluateAtEdit->setEnabled(instant.has_value());
        // Set only when it shows another second: while the user types, each keystroke comes back here, and setting
        // the same time again would reset the section being typed.
        const QDateTime shown = (instant ? *instant : m_systemClock->now()).toLocalTime();
        if (m_evaluateAtEdit->dateTime().toSecsSinceEpoch() != shown.toSecsSinceEpoch())
            m_evaluateAtEdit->setDateTime(shown);
    }
    applyClock();
}

bool InspectorWidget::eventFilter(QObject *watched, QEvent *event)
{
    // "Evaluate at" takes a pasted RFC 3339 time, Unix seconds or milliseconds (common::Duration::parseInstant);
    // anything else pastes as QDateTimeEdit would.
    if (watched == m_evaluateAtEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        if (const auto instant = common::Duration::parseInstant(QGuiApplication::clipboard()->text())) {
            setEvaluationTime(instant.value());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void InspectorWidget::onEvaluateAtChosen()
{
    if (m_evaluateAtCombo->currentIndex() == 0)
        setEvaluationTime(std::nullopt);
    else
        setEvaluationTime(m_evaluationTime ? *m_evaluationTime : m_systemClock->now());
}

void InspectorWidget::applyClock()
{
    m_clock = m_evaluationTime ? common::Clock::fixed(*m_evaluationTime) : m_systemClock;
    m_verifyPanel->setClock(m_clock);
    m_decryptPanel->setClock(m_clock);
    refreshTimes();
}

void InspectorWidget::setKeyRing(KeyRing *ring)
{
    m_verifyPanel->setKeyRing(ring);
    m_decryptPanel->setKeyRing(ring);
}

void InspectorWidget::setTreeMode(bool tree)
{
    if (tree)
        updateTree();
    m_decodedStack->setCurrentIndex(tree ? 1 : 0);
    (tree ? m_treeModeButton : m_textModeButton)->setChecked(true);
}

bool InspectorWidget::isTreeMode() const
{
    return m_decodedStack->currentIndex() == 1;
}

void InspectorWidget::addInput(const QString &title, const QString &text)
{
    m_inputs[m_current].text = m_editor->tokenText();
    if (m_inputs[m_current].scratch && m_inputs[m_current].text.trimmed().isEmpty()) {
        m_inputs[m_current] = Input {title, text, false};
    } else {
        m_inputs.append(Input {title, text, false});
        m_current = static_cast<int>(m_inputs.size() - 1);
    }
    updateInputCombo();
    m_editor->setToken(text);
    inspectNow();
}

void InspectorWidget::setTokenText(const QString &text)
{
    m_editor->replaceText(text);
    inspectNow();
}

QStringList InspectorWidget::inputTitles() const
{
    QStringList titles;
    for (const Input &input : m_inputs)
        titles.append(input.title);
    return titles;
}

QStringList InspectorWidget::inputTexts() const
{
    QStringList texts;
    for (qsizetype i = 0; i < m_inputs.size(); ++i)
        texts.append(i == m_current ? m_editor->tokenText() : m_inputs[i].text);
    return texts;
}

void InspectorWidget::setInputs(const QList<std::pair<QString, QString>> &inputs, int current)
{
    m_inputs.clear();
    for (const auto &[title, text] : inputs)
        m_inputs.append(Input {title, text, false});
    if (m_inputs.isEmpty())
        m_inputs.append(Input {tr("Untitled"), QString(), true});
    m_current = std::clamp(current, 0, static_cast<int>(m_inputs.size()) - 1);
    updateInputCombo();
    m_editor->setToken(m_inputs[m_current].text);
    inspectNow();
}

void InspectorWidget::setCurrentInput(int index)
{
    if (index < 0 || index >= m_inputs.size() || index == m_current)
        return;
    m_inputs[m_current].text = m_editor->tokenText();
    m_current = index;
    updateInputCombo();
    m_editor->setToken(m_inputs[m_current].text);
    inspectNow();
}

void InspectorWidget::onCurrentInputChosen(int index)
{
    setCurrentInput(index);
}

void InspectorWidget::updateInputCombo()
{
    const QSignalBlocker blocker(m_inputCombo);
    m_inputCombo->clear();
    for (const Input &input : std::as_const(m_inputs))
        m_inputCombo->addItem(input.title);
    m_inputCombo->setCurrentIndex(m_current);
    m_inputCombo->setVisible(m_inputs.size() > 1);
    Q_EMIT titleChanged();
}

void InspectorWidget::followTicker(Ticker *ticker)
{
    m_scheduler->cancel(m_refreshId);
    connect(ticker, &Ticker::ticked, this, &InspectorWidget::refreshTimes);
}

void InspectorWidget::scheduleRefresh()
{
    m_refreshId = m_scheduler->singleShot(kRefreshMs, this, [this] {
        refreshTimes();
        scheduleRefresh();
    });
}

void InspectorWidget::inspectNow()
{
    m_debounce->cancel();
    // Paste to verdict in one go: the verify panel verifies a new inspection at once (its own debounce is for edits
    // of its key and options), and the banner is built from that verdict.
    inspectText(m_editor->tokenText());
}

void InspectorWidget::refreshTimes()
{
    if (!m_evaluationTime) { // the disabled field shows the live time, not the time the page was built
        const QSignalBlocker editBlocker(m_evaluateAtEdit);
        m_evaluateAtEdit->setDateTime(m_systemClock->now().toLocalTime());
    }
    if (m_debounce->isPending())
        return; // an inspection is about to run anyway
    inspectText(m_inspectedText);
}

void InspectorWidget::inspectText(const QString &text)
{
    m_inspectedText = text;
    m_inputs[m_current].text = m_editor->tokenText();
    m_inspection = jose::Inspection::inspect(text, m_clock->nowSecs());
    followTitle();
    m_profile = validation::TokenProfiles::check(m_inspection.token, pairedInputs());
    updateViews();
    m_verifyPanel->setInspection(m_inspection); // verifies, then builds the banner (VerifyPanel::verified)
    m_decryptPanel->setInspection(m_inspection); // a JWE: decrypts in the background (DecryptPanel::decrypted)
    Q_EMIT inspected();
}

void InspectorWidget::followTitle()
{
    Input &input = m_inputs[m_current];
    const jose::Token &t = m_inspection.token;
    const QByteArray second = t.segments.size() > 1 ? t.segments.at(1).raw : QByteArray();
    QString name;
    for (const char *claim : {"sub", "iss"}) {
        const QJsonValue value = t.payload.value(QLatin1String(claim));
        if (name.isEmpty() && value.isString())
            name = value.toString().trimmed();
    }
    const QJsonValue kid = t.header.value(QLatin1String("kid"));
    if (name.isEmpty() && kid.isString() && !kid.toString().isEmpty())
        name = tr("kid %1").arg(kid.toString());
    const QByteArray header = t.segments.isEmpty() ? QByteArray() : t.segments.at(0).raw;
    if (!input.anchored) { // the token the title was given for
        input.anchored = true;
        input.anchorHeader = header;
        input.anchorSegment = second;
        input.anchorName = name;
        return;
    }
    if (second == input.anchorSegment || !t.headerOk || isEmpty())
        return; // the same token, or half a paste or a cleared editor: nothing to name yet
    // An edit that keeps the token's sub (or iss, or kid), or the header of a token without any, is an edit of the
    // same token: the title stays.
    const bool sameToken = name.isEmpty() && input.anchorName.isEmpty()
        ? !header.isEmpty() && header == input.anchorHeader
        : name == input.anchorName;
    input.anchorHeader = header;
    input.anchorSegment = second;
    input.anchorName = name;
    if (sameToken)
        return;
    const QString title = name.isEmpty() ? tr("Token %1").arg(m_current + 1) : name;
    if (title == input.title)
        return;
    input.title = title;
    input.scratch = false;
    updateInputCombo();
}

validation::ProfileInputs InspectorWidget::pairedInputs() const
{
    // A DPoP proof and the access token it is sent with are paired across the open inputs by the proof's ath (the
    // SHA-256 of the access token): the proof then gets its ath and the token's cnf.jkt compared, the access
    // token its cnf.jkt compared with the proof's key.
    validation::ProfileInputs inputs;
    inputs.now = m_inspection.now;
    const jose::Token &token = m_inspection.token;
    const validation::TokenProfile profile = validation::TokenProfiles::detect(token);
    const bool proof = profile == validation::TokenProfile::DpopProof;
    const QString ath = token.payload.value(QLatin1String("ath")).toString();
    const bool bound = !proof && profile != validation::TokenProfile::None
        && token.payload.value(QLatin1String("cnf")).toObject().contains(QLatin1String("jkt"));
    if ((proof && ath.isEmpty()) || (!proof && !bound))
        return inputs;
    const QString ownHash = bound ? validation::TokenProfiles::accessTokenHash(token.compact) : QString();
    for (qsizetype i = 0; i < m_inputs.size(); ++i) {
        const QString text = m_inputs[i].text.trimmed();
        if (i == m_current || text.isEmpty())
            continue;
        const jose::Token other = jose::TokenParser::parse(text);
        if (bound) {
            if (validation::TokenProfiles::detect(other) == validation::TokenProfile::DpopProof
                && other.payload.value(QLatin1String("ath")).toString() == ownHash) {
                inputs.dpopProof = other.compact;
                return inputs;
            }
            continue;
        }
        // The input as a token (its Bearer or header wrapper removed), or as an opaque token.
        for (const QByteArray &candidate : {other.compact, text.toUtf8()}) {
            if (!candidate.isEmpty() && validation::TokenProfiles::accessTokenHash(candidate) == ath) {
                inputs.accessToken = candidate;
                return inputs;
            }
        }
    }
    return inputs;
}

bool InspectorWidget::isEmpty() const
{
    return m_inspectedText.trimmed().isEmpty();
}

QString InspectorWidget::statusText() const
{
    return m_bannerText->text();
}

QString InspectorWidget::decodedJson() const
{
    if (isEmpty())
        return {};
    QJsonObject doc = m_inspection.toJson();
    if (m_profile.profile != validation::TokenProfile::None)
        doc.insert(QStringLiteral("profile"), m_profile.toJson()); // as `decode --json` prints it
    return QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
}

void InspectorWidget::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

InspectorWidget::Tab InspectorWidget::currentTab() const
{
    return static_cast<Tab>(m_tabs->currentIndex());
}

QString InspectorWidget::tabName(Tab tab)
{
    switch (tab) {
    case Tab::Decoded:
        break;
    case Tab::Claims:
        return QStringLiteral("claims");
    case Tab::Findings:
        return QStringLiteral("findings");
    case Tab::Signature:
        return QStringLiteral("signature");
    case Tab::Verify:
        return QStringLiteral("verify");
    case Tab::Decrypt:
        return QStringLiteral("decrypt");
    }
    return QStringLiteral("decoded");
}

std::optional<InspectorWidget::Tab> InspectorWidget::tabFromName(const QString &name)
{
    for (const Tab tab : {Tab::Decoded, Tab::Claims, Tab::Findings, Tab::Signature, Tab::Verify, Tab::Decrypt}) {
        if (name.compare(tabName(tab), Qt::CaseInsensitive) == 0)
            return tab;
    }
    return std::nullopt;
}

void InspectorWidget::updateViews()
{
    m_editor->applyMarkup(isEmpty() ? TokenMarkup {} : TokenMarkup::of(m_inspection.token));
    updateDecodedViews();
    if (isEmpty()) {
        m_headerModel->clear();
        m_claimsModel->clear();
        m_findingsModel->clear();
    } else {
        m_headerModel->setInspection(m_inspection);
        m_claimsModel->setInspection(m_inspection);
        m_findingsModel->setInspection(m_inspection, m_profile.findings);
    }
    updateCrackButton();
    // A hidden tab is filled when it is shown: a paste lays out only what can be seen.
    if (m_tabs->currentIndex() == static_cast<int>(Tab::Signature))
        updateSignatureView();
    else
        m_signatureStale = true;
    updateSegmentInfo();
    updateTimes();
    updateCaptions();

    const int problems = m_findingsModel->rowCount();
    const int findingsTab = static_cast<int>(Tab::Findings);
    // Only on a change: a new tab text or icon lays the tab bar out again.
    const QString findingsText = problems ? tr("Findings (%1)").arg(problems) : tr("Findings");
    if (m_tabs->tabText(findingsTab) != findingsText)
        m_tabs->setTabText(findingsTab, findingsText);
    std::optional<common::Severity> worst;
    for (const common::Severity s : {common::Severity::Error, common::Severity::Warning}) {
        if (m_findingsModel->count(s) > 0) {
            worst = s;
            break;
        }
    }
    if (worst != m_findingsIconSeverity || m_tabs->tabIcon(findingsTab).isNull() != !worst) {
        m_findingsIconSeverity = worst;
        m_tabs->setTabIcon(findingsTab, worst ? Theme::severityIcon(*worst) : QIcon());
    }
}

void InspectorWidget::updateDecodedViews()
{
    const jose::Token &t = m_inspection.token;
    qsizetype headerMark = -1;
    qsizetype payloadMark = -1;
    // A JSON error inside a decoded segment: show the decoded text as it is and point at the byte.
    for (const jose::ParseIssue &issue : t.issues) {
        if (issue.jsonOffset < 0 || issue.segment < 0 || issue.segment >= t.segments.size())
            continue;
        const QByteArray &decoded = t.segments[issue.segment].decoded;
        const qsizetype chars = QString::fromUtf8(decoded.left(issue.jsonOffset)).size();
        if (issue.segment == 0 && headerMark < 0)
            headerMark = chars;
        else if (issue.segment == 1 && payloadMark < 0)
            payloadMark = chars;
    }

    const jose::Segment *header = t.segment(jose::SegmentRole::Header);
    if (isEmpty()) {
        m_headerView->setPlaceholderText(tr("The decoded header appears here."));
        setTextIfChanged(m_headerView, QString());
    } else if (header && header->decodedOk && !header->raw.isEmpty()) {
        m_headerView->setPlaceholderText(QString());
        const LongText shown
            = LongText::elide(t.headerOk ? QString::fromUtf8(common::JsonText::prettyPrint(header->decoded))
                                         : textOrHex(header->decoded));
        setTextIfChanged(m_headerView, shown.text());
        if (headerMark >= 0)
            headerMark = shown.map(headerMark);
    } else {
        m_headerView->setPlaceholderText(tr("The header could not be decoded; see the message above."));
        setTextIfChanged(m_headerView, QString());
    }
    markCharacter(m_headerView, headerMark);

    const jose::Segment *payload = t.segment(jose::SegmentRole::Payload);
    if (isEmpty()) {
        m_payloadView->setPlaceholderText(tr("The decoded payload (the claims) appears here."));
        setTextIfChanged(m_payloadView, QString());
    } else if (t.kind == jose::TokenKind::Jwe) {
        const jose::Segment *ciphertext = t.segment(jose::SegmentRole::Ciphertext);
        m_payloadView->setPlaceholderText(
            tr("This is an encrypted token (JWE). Its payload is %n byte(s) of ciphertext and can only be read "
               "with the recipient's private key.",
                nullptr, ciphertext ? static_cast<int>(ciphertext->decoded.size()) : 0));
        setTextIfChanged(m_payloadView, QString());
    } else if (t.payloadIsJson) {
        m_payloadView->setPlaceholderText(QString());
        setTextIfChanged(
            m_payloadView, LongText::elide(QString::fromUtf8(common::JsonText::prettyPrint(payload->decoded))).text());
    } else if (payload && payload->decodedOk && !t.payloadBytes.isEmpty()) {
        m_payloadView->setPlaceholderText(QString());
        const LongText shown = LongText::elide(textOrHex(t.payloadBytes));
        setTextIfChanged(m_payloadView, shown.text());
        if (payloadMark >= 0)
            payloadMark = shown.map(payloadMark);
    } else if (payload && payload->decodedOk) {
        m_payloadView->setPlaceholderText(tr("The payload is empty (detached content)."));
        setTextIfChanged(m_payloadView, QString());
    } else {
        m_payloadView->setPlaceholderText(tr("The payload could not be decoded; see the message above."));
        setTextIfChanged(m_payloadView, QString());
    }
    markCharacter(m_payloadView, payloadMark);

    QList<std::pair<QString, QByteArray>> documents;
    if (!isEmpty() && header && header->decodedOk)
        documents.append({tr("Header"), header->decoded});
    if (!isEmpty() && t.kind == jose::TokenKind::Jws && payload && payload->decodedOk)
        documents.append({tr("Payload"), t.payloadBytes});
    QByteArray treeSource;
    for (const auto &document : std::as_const(documents))
        treeSource += document.first.toUtf8() + '\0' + document.second + '\0';
    if (treeSource != m_treeSource || documents.isEmpty()) {
        // Only on a new token: the 30 s time refresh must not collapse what the user expanded. While the JSON
        // text is shown the tree waits until it is.
        m_treeSource = treeSource;
        m_treeDocuments = documents;
        m_treeStale = true;
        if (isTreeMode())
            updateTree();
    }
}

void InspectorWidget::updateTree()
{
    if (!m_treeStale)
        return;
    m_treeStale = false;
    m_treeModel->setDocuments(std::exchange(m_treeDocuments, {}));
    m_treeView->expandToDepth(0);
}

void InspectorWidget::updateSignatureView()
{
    if (!m_signatureView) {
        m_signatureStale = true;
        return;
    }
    m_signatureStale = false;
    const jose::Token &t = m_inspection.token;
    QStringList lines;
    if (isEmpty()) {
        m_signatureView->setPlaceholderText(tr("The signature of the token appears here."));
    } else if (t.kind == jose::TokenKind::Jwe) {
        lines << tr("Encrypted token (JWE), %n part(s)", nullptr, static_cast<int>(t.segments.size()));
        for (const jose::Segment &seg : t.segments)
            lines << QStringLiteral("  %1: %2")
                         .arg(jose::segmentRoleName(seg.role),
                             seg.decodedOk ? tr("%n byte(s)", nullptr, static_cast<int>(seg.decoded.size()))
                                           : tr("not decoded"));
    } else if (const jose::Segment *sig = t.segment(jose::SegmentRole::Signature)) {
        const QString alg = t.headerOk ? t.alg() : QString();
        lines << tr("Algorithm    %1 (as the header claims; the key decides what is accepted)")
                     .arg(alg.isEmpty() ? tr("unknown") : alg);
        if (!sig->decodedOk) {
            lines << tr("Signature    not decoded");
        } else if (sig->raw.isEmpty()) {
            lines << tr("Signature    empty");
        } else {
            lines << tr("Signature    %n byte(s) (%1 bits)", nullptr, static_cast<int>(t.signature.size()))
                         .arg(t.signature.size() * 8);
        }
        lines << tr("Signed input %n character(s) (header.payload, exactly as written)", nullptr,
            static_cast<int>(t.signingInput().size()));
        lines << tr("Verified     no: decoding does not check the signature");
        if (sig->decodedOk && !sig->raw.isEmpty()) {
            lines << QString() << QStringLiteral("base64url") << LongText::elide(QString::fromLatin1(sig->raw)).text()
                  << QString() << QStringLiteral("hex") << hexDump(t.signature);
        }
    } else {
        m_signatureView->setPlaceholderText(tr("No signature segment was found."));
    }
    setTextIfChanged(m_signatureView, lines.join(u'\n'));
}

void InspectorWidget::updateSegmentInfo()
{
    const jose::Token &t = m_inspection.token;
    if (isEmpty() || t.segments.isEmpty()) {
        m_segmentInfo->clear();
        m_segmentInfo->hide();
        return;
    }
    const QPalette pal = palette();
    QStringList parts;
    // A JWS has 3 segments and a JWE 5; a file of many tokens read as one text has thousands, and a label of them
    // all took seconds to lay out: the first few are named, the rest counted.
    constexpr qsizetype kShown = 6;
    for (qsizetype i = 0; i < std::min(t.segments.size(), kShown); ++i) {
        const jose::Segment &seg = t.segments[i];
        parts << QStringLiteral("<span style=\"color:%1\">\u25cf</span>&nbsp;%2&nbsp;%3")
                     .arg(
                         htmlColor(Theme::segmentColor(seg.role, pal)), jose::segmentRoleName(seg.role).toHtmlEscaped())
                     .arg(seg.raw.size());
    }
    if (t.segments.size() > kShown)
        parts << tr("%n more segment(s)", nullptr, static_cast<int>(t.segments.size() - kShown));
    //: %1: each segment's name and length in characters, e.g. "header 36 · payload 120 · signature 342".
    QString text = tr("%1 &nbsp;characters").arg(parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    QStringList notes;
    if (t.source != u"token")
        notes << tr("found in: %1").arg(t.source.toHtmlEscaped());
    if (t.hadInnerWhitespace)
        notes << tr("line breaks and spaces inside the token were ignored");
    if (!notes.isEmpty())
        text += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                    .arg(htmlColor(pal.color(QPalette::PlaceholderText)), notes.join(QStringLiteral("; ")));
    m_segmentInfo->setText(text);
    m_segmentInfo->show();
}

void InspectorWidget::updateTimes()
{
    if (isEmpty() || m_inspection.times.isEmpty()) {
        m_timesLabel->clear();
        m_timesLabel->hide();
        return;
    }
    const QPalette pal = palette();
    const QString muted = htmlColor(pal.color(QPalette::PlaceholderText));
    QString rows;
    for (const jose::TimeClaim &t : m_inspection.times) {
        // The colour of a time is the colour of the worst finding core reported about that claim.
        std::optional<common::Severity> worst;
        for (const common::Finding &f : m_inspection.findings)
            if (f.subject == t.name && f.severity != common::Severity::Info
                && (!worst || static_cast<int>(f.severity) > static_cast<int>(*worst)))
                worst = f.severity;
        const QString color = htmlColor(worst ? Theme::severityColor(*worst, pal) : pal.color(QPalette::WindowText));
        const QDateTime local = t.utc.toLocalTime();
        const QString instant = local.offsetFromUtc() == 0
            ? t.iso
            : QStringLiteral("%1 \u00b7 %2").arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")), t.iso);
        rows += QStringLiteral("<tr><td style=\"padding-right:10px\"><tt>%1</tt></td>"
                               "<td style=\"padding-right:14px; color:%2\">%3</td>"
                               "<td style=\"color:%4\">%5</td></tr>")
                    .arg(t.name.toHtmlEscaped(), color, t.summary.toHtmlEscaped(), muted, instant.toHtmlEscaped());
    }
    m_timesLabel->setText(QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">%1</table>").arg(rows));
    m_timesLabel->show();
}

void InspectorWidget::updateCaptions()
{
    const QPalette pal = palette();
    const QString muted = htmlColor(pal.color(QPalette::PlaceholderText));
    auto caption = [&](jose::SegmentRole role, const QString &title, const QString &subtitle) {
        return QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>"
                              "&nbsp;&nbsp;<span style=\"color:%3\">%4</span>")
            .arg(htmlColor(Theme::segmentColor(role, pal)), title, muted, subtitle.toHtmlEscaped());
    };
    const jose::Token &t = m_inspection.token;
    QString headerSub = tr("algorithm and token type");
    if (!isEmpty() && t.headerOk) {
        QStringList bits;
        for (const char *name : {"alg", "enc", "typ", "kid"}) {
            const QJsonValue v = t.header.value(QLatin1String(name));
            if (v.isString())
                bits << QStringLiteral("%1 %2").arg(QLatin1String(name), v.toString());
        }
        if (!bits.isEmpty())
            headerSub = bits.join(QStringLiteral(" \u00b7 "));
    }
    QString payloadSub = tr("claims");
    const jose::Segment *payload = t.segment(jose::SegmentRole::Payload);
    if (!isEmpty() && t.payloadIsJson)
        payloadSub = tr("%n claim(s)", nullptr, static_cast<int>(t.payload.size()));
    else if (t.kind == jose::TokenKind::Jwe)
        payloadSub = tr("encrypted");
    else if (!isEmpty() && payload && payload->decodedOk)
        payloadSub = tr("%n byte(s), not a JSON object", nullptr, static_cast<int>(t.payloadBytes.size()));
    else if (!isEmpty())
        payloadSub = tr("not decoded");
    if (!isEmpty() && !t.headerOk)
        headerSub = tr("not decoded");
    m_headerCaption->setText(caption(jose::SegmentRole::Header, tr("HEADER"), headerSub));
    m_payloadCaption->setText(caption(jose::SegmentRole::Payload, tr("PAYLOAD"), payloadSub));
}

QString InspectorWidget::verdictSentence(const verification::Report &report) const
{
    const common::Check *failure = report.firstFailure();
    const QString failed = failure ? failure->nameText() : QString();
    if (report.isGateway())
        return failed.isEmpty() ? tr("As %1, KrakenD answers %2 (see Verify).")
                                      .arg(m_verifyPanel->judgeAsTitle(), krakend::statusText(report.status))
                                : tr("As %1, KrakenD answers %2 at %3 (see Verify).")
                                      .arg(m_verifyPanel->judgeAsTitle(), krakend::statusText(report.status), failed);
    switch (report.verdict) {
    case common::Verdict::Valid:
        return tr("The signature and the rules check out (see Verify).");
    case common::Verdict::Invalid:
    case common::Verdict::Malformed:
        return tr("Verification FAILED (see Verify).");
    case common::Verdict::KeyError:
        return tr("The verification key could not be read (see Verify).");
    case common::Verdict::Pending:
        return tr("Verifying: the keys are being fetched.");
    case common::Verdict::NotVerified:
        break;
    }
    return tr("The signature has not been verified.");
}

void InspectorWidget::updateBanner()
{
    const jose::Token &t = m_inspection.token;
    const QPalette pal = palette();
    std::optional<common::Severity> tone;
    QString text;
    if (isEmpty()) {
        text = tr("Paste a token to decode it, drop a file here, or open one with File › Open.");
    } else if (!t.issues.isEmpty()) {
        tone = common::Severity::Error;
        text = t.issues.first().message;
        if (t.issues.size() > 1)
            text = tr("%1 (and %n more problem(s); see Findings)", nullptr, static_cast<int>(t.issues.size() - 1))
                       .arg(text);
    } else {
        QStringList facts;
        const QString kind = t.kind == jose::TokenKind::Jwe ? tr("JWE header") : QStringLiteral("JWS");
        for (const char *name : {"alg", "enc", "kid"}) {
            const QJsonValue v = t.header.value(QLatin1String(name));
            if (v.isString())
                facts << QStringLiteral("%1 %2").arg(QLatin1String(name), v.toString());
        }
        const QString decoded = facts.isEmpty() ? tr("Decoded %1").arg(kind)
                                                : tr("Decoded %1 (%2)").arg(kind, facts.join(QStringLiteral(", ")));
        QStringList counts;
        const int errors = m_findingsModel->count(common::Severity::Error);
        const int warnings = m_findingsModel->count(common::Severity::Warning);
        // A JWE's decryption findings (RSA1_5, zip, p2c) give the tone too; their words are on the Decrypt tab.
        bool decryptWarning = false;
        if (t.kind == jose::TokenKind::Jwe && m_decryptPanel->decryption())
            for (const auto &f : m_decryptPanel->decryption()->findings)
                decryptWarning = decryptWarning || f.severity == common::Severity::Warning;
        const int infos = m_findingsModel->count(common::Severity::Info);
        if (errors)
            counts << tr("%n error(s)", nullptr, errors);
        if (warnings)
            counts << tr("%n warning(s)", nullptr, warnings);
        if (infos)
            counts << tr("%n note(s)", nullptr, infos);
        text = counts.isEmpty() ? tr("%1: no findings.").arg(decoded)
                                : tr("%1: %2 (see Findings).").arg(decoded, counts.join(QStringLiteral(", ")));
        const verification::Report &report = m_verifyPanel->report();
        // A JWE is not verified (the banner says its payload is encrypted): the verifier's refusal of it is no
        // failure of this token, and the findings alone give the tone.
        const bool failed = t.kind != jose::TokenKind::Jwe
            && (report.verdict == common::Verdict::Invalid || report.verdict == common::Verdict::Malformed);
        QString jwe = m_decryptPanel->summary();
        if (jwe.isEmpty())
            jwe = tr("The payload is encrypted: the Decrypt tab decrypts it with a key.");
        text += u' ' + (t.kind == jose::TokenKind::Jwe ? jwe : verdictSentence(report));
        if (errors || failed)
            tone = common::Severity::Error;
        else if (warnings || decryptWarning)
            tone = common::Severity::Warning;
        else
            tone = common::Severity::Info;
    }
    m_bannerText->setText(text);
    const QColor background = tone ? Theme::severityBackground(*tone, pal) : pal.color(QPalette::AlternateBase);
    const QColor border = tone ? Theme::severityColor(*tone, pal) : pal.color(QPalette::Mid);
    const QString style = QStringLiteral(
        "QFrame#banner { background: %1; border: 1px solid rgba(%2, %3, %4, 110); border-radius: 6px; }")
                              .arg(background.name(QColor::HexRgb))
                              .arg(border.red())
                              .arg(border.green())
                              .arg(border.blue());
    // Setting a style sheet re-polishes the banner and everything in it: only when the tone changes.
    if (style != m_banner->styleSheet()) {
        m_bannerIcon->setPixmap(Theme::severityIcon(tone.value_or(common::Severity::Info)).pixmap(20, 20));
        m_banner->setStyleSheet(style);
    }
    m_banner->setProperty("severity", tone ? common::severityName(*tone) : QStringLiteral("none"));
    Q_EMIT bannerUpdated();
}

void InspectorWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_headerHighlighter->setPalette(palette());
        m_payloadHighlighter->setPalette(palette());
        m_tabs->setTabIcon(static_cast<int>(Tab::Findings), QIcon()); // drawn again in the new palette
        m_findingsIconSeverity.reset();
        updateViews();
        updateBanner();
    }
}

} // namespace jwb::ui
