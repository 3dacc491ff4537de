#include "gateway/GatewayPage.h"

#include "common/ElidedLabel.h"

#include "common/AtomicFile.h"
#include "common/Dialogs.h"
#include "common/JsonHighlighter.h"
#include "common/JsonSource.h"
#include "common/Theme.h"
#include "gateway/BlockTab.h"
#include "gateway/DocumentEditCommand.h"
#include "gateway/EndpointFilterModel.h"
#include "gateway/EndpointModel.h"
#include "gateway/GatewayWidgets.h"
#include "gateway/LineDiff.h"
#include "gateway/LintModel.h"
#include "gateway/OptionForm.h"
#include "jose/Inspection.h"
#include "krakend/ConfigExport.h"
#include "krakend/GatewayCatalog.h"
#include "krakend/Namespaces.h"
#include "workspace/KeyRing.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace jwb::ui {

using workspace::KeyRing;
using workspace::KeySource;

using common::Severity;
using gateway::makeButton;
using gateway::makeHint;
using gateway::setBanner;
using krakend::Block;
using krakend::ConfigDocument;
using krakend::EditKind;
using krakend::Namespace::signer;
using krakend::Namespace::validator;
namespace GatewayCatalog = krakend::GatewayCatalog;

namespace {

/// Line and column (1-based) of a byte offset.
std::pair<int, int> lineColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArrayView before(text.constData(), offset);
    const int line = static_cast<int>(before.count('\n')) + 1;
    const qsizetype lastNl = before.lastIndexOf('\n');
    // Columns count characters, not bytes, so that an editor's cursor lands on the spot.
    const int column = static_cast<int>(QString::fromUtf8(before.sliced(lastNl + 1)).size()) + 1;
    return {line, column};
}

} // namespace

// ------------------------------------------------------------------------------------------------ building

GatewayPage::GatewayPage(KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_ring(ring), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    setObjectName(QStringLiteral("gatewayPage"));
    m_editor = new krakend::ConfigEditor(this);
    m_editor->setObjectName(QStringLiteral("gatewayEditor"));
    m_undo = new QUndoStack(this);
    m_undo->setObjectName(QStringLiteral("gatewayUndoStack"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildByteOrderMarkBar());
    layout->addWidget(buildLoadBar());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("gatewaySplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildEndpointPane());

    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("gatewayTabs"));
    m_tabs->setDocumentMode(true);
    m_validatorTab = new BlockTab(m_editor, Block::Validator, m_tabs);
    m_validatorTab->setJwkUrlHint([this] { return newValidatorUrl(); });
    m_suggestButton = makeButton(tr("Suggest from token…"), QStringLiteral("suggestButton"),
        tr("Fill alg, issuer, audience, JWK URL, roles_key and scopes_key from a token and its issuer"),
        m_validatorTab);
    m_validatorTab->addHeaderButton(m_suggestButton);
    m_validatorTab->addBelowForm(buildServiceGroup());
    m_signerTab = new BlockTab(m_editor, Block::Signer, m_tabs);
    m_lintTab = buildLintTab();
    m_tabs->addTab(m_validatorTab, tr("Validator"));
    m_tabs->addTab(m_signerTab, tr("Signer"));
    m_tabs->addTab(buildExportTab(), tr("Export"));
    m_tabs->addTab(m_lintTab, tr("Lint"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({310, 940});
    layout->addWidget(splitter, 1);

    connectEditor();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { refreshExport(); });
    connect(m_suggestButton, &QPushButton::clicked, this, &GatewayPage::showSuggestDialog);
    for (BlockTab *tab : {m_validatorTab, m_signerTab})
        connect(tab, &BlockTab::statusMessage, this, &GatewayPage::statusMessage);
    refresh();
}

GatewayPage::~GatewayPage()
{
    // Child objects are destroyed after this body, when the page is only a QWidget any more: the undo stack must
    // not call back into it while it clears itself.
    m_undo->disconnect();
}

QWidget *GatewayPage::buildLoadBar()
{
    m_loadBar = new QWidget(this);
    m_loadBar->setObjectName(QStringLiteral("gatewayLoadBar"));
    auto *row = new QHBoxLayout(m_loadBar);
    row->setContentsMargins(0, 0, 0, 0);
    m_loadLabel = new QLabel(m_loadBar);
    m_loadLabel->setObjectName(QStringLiteral("gatewayLoadLabel"));
    m_loadProgress = new QProgressBar(m_loadBar);
    m_loadProgress->setObjectName(QStringLiteral("gatewayLoadProgress"));
    m_loadProgress->setRange(0, 1000);
    m_loadProgress->setTextVisible(true);
    m_loadCancel = makeButton(tr("Cancel"), QStringLiteral("gatewayLoadCancel"),
        tr("Stop opening the file; the document shown stays as it is"), m_loadBar);
    row->addWidget(m_loadLabel);
    row->addWidget(m_loadProgress, 1);
    row->addWidget(m_loadCancel);
    m_loadBar->setVisible(false);
    m_loadTimer = new QTimer(this);
    m_loadTimer->setInterval(50);
    connect(m_loadTimer, &QTimer::timeout, this, [this] {
        if (!m_loadState)
            return;
        const qint64 done = m_loadState->done.load(std::memory_order_relaxed);
        QList<krakend::EndpointInfo> preview;
        {
            QMutexLocker lock(&m_loadState->mutex);
            if (m_loadState->previewReady)
                preview = std::exchange(m_loadState->preview, {});
            m_loadState->previewReady = false;
        }
        if (!preview.isEmpty()) {
            // The first endpoints of the file, listed (not yet editable) while the rest is checked.
            m_selecting = true;
            m_endpointModel->setEndpoints(preview);
            m_selecting = false;
            m_previewShown = true;
        }
        m_loadProgress->setValue(
            m_loadTotal > 0 ? static_cast<int>(std::min<qint64>(done * 1000 / m_loadTotal, 1000)) : 0);
    });
    connect(m_loadCancel, &QPushButton::clicked, this, &GatewayPage::cancelLoading);
    return m_loadBar;
}

QWidget *GatewayPage::buildByteOrderMarkBar()
{
    m_bomBar = new QWidget(this);
    m_bomBar->setObjectName(QStringLiteral("byteOrderMarkBar"));
    auto *row = new QHBoxLayout(m_bomBar);
    row->setContentsMargins(0, 0, 0, 0);
    m_bomLabel = new QLabel(m_bomBar);
    m_bomLabel->setObjectName(QStringLiteral("byteOrderMarkLabel"));
    m_bomLabel->setWordWrap(true);
    row->addWidget(m_bomLabel, 1);
    auto *remove = new QPushButton(tr("Remove byte order mark"), m_bomBar);
    remove->setObjectName(QStringLiteral("removeByteOrderMark"));
    remove->setToolTip(tr("Remove the three bytes EF BB BF at the start of the file (undoable; saved with the file)"));
    connect(remove, &QPushButton::clicked, this,
        [this] { report(m_editor->removeByteOrderMark(), EditKind::RemoveByteOrderMark); });
    row->addWidget(remove, 0, Qt::AlignVCenter);
    m_bomBar->hide();
    return m_bomBar;
}

QWidget *GatewayPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    auto tool = [&](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(QString(text).remove(u'\u2026'));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(b);
        return b;
    };
    connect(tool(tr("New"), QStringLiteral("gatewayNew"), tr("Start a new krakend.json")), &QToolButton::clicked, this,
        [this] {
            if (maybeSave())
                newConfig();
        });
    connect(
        tool(tr("Open…"), QStringLiteral("gatewayOpen"), tr("Open a krakend.json (it is not changed until you save)")),
        &QToolButton::clicked, this, [this] {
            if (!maybeSave())
                return;
            const QString path = Dialogs::getOpenFileName(
                this, tr("Open KrakenD configuration"), tr("KrakenD configuration (*.json);;All files (*)"));
            if (!path.isEmpty())
                openConfig(path);
        });
    connect(tool(tr("Save"), QStringLiteral("gatewaySave"),
                tr("Save atomically; the first save keeps the original as <file>.bak")),
        &QToolButton::clicked, this, [this] { save(); });
    connect(tool(tr("Save As…"), QStringLiteral("gatewaySaveAs"), tr("Save the configuration under another name")),
        &QToolButton::clicked, this, [this] {
            const QString path
                = Dialogs::getSaveFileName(this, tr("Save KrakenD configuration"), tr("KrakenD configuration (*.json)"),
                    configPath().isEmpty() ? QStringLiteral("krakend.json") : configPath());
            if (!path.isEmpty())
                saveAs(path);
        });
    m_undoButton = tool(tr("Undo"), QStringLiteral("gatewayUndo"), tr("Undo the last edit"));
    m_redoButton = tool(tr("Redo"), QStringLiteral("gatewayRedo"), tr("Redo"));
    connect(m_undoButton, &QToolButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QToolButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QWidget::setEnabled);
    // The buttons, not `this`: the stack announces its last change while the page is being destroyed.
    connect(m_undo, &QUndoStack::undoTextChanged, m_undoButton, [button = m_undoButton](const QString &t) {
        button->setToolTip(t.isEmpty() ? tr("Nothing to undo") : tr("Undo: %1").arg(t));
    });
    connect(m_undo, &QUndoStack::redoTextChanged, m_redoButton, [button = m_redoButton](const QString &t) {
        button->setToolTip(t.isEmpty() ? tr("Nothing to redo") : tr("Redo: %1").arg(t));
    });
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);

    m_fileLabel = new ElidedLabel(bar); // a long path is cut in the middle, whole in the tooltip
    m_fileLabel->setObjectName(QStringLiteral("gatewayFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addSpacing(12);
    row->addWidget(m_fileLabel, 1);

    auto *versionLabel = new QLabel(tr("Target KrakenD"), bar);
    m_versionCombo = new QComboBox(bar);
    m_versionCombo->setObjectName(QStringLiteral("targetVersionCombo"));
    m_versionCombo->addItems(GatewayCatalog::versions());
    m_versionCombo->setCurrentText(GatewayCatalog::schemaVersion());
    m_versionCombo->setToolTip(tr("The KrakenD version the config is for: options that appeared later are flagged"));
    m_versionCombo->setAccessibleName(tr("Target KrakenD version"));
    versionLabel->setBuddy(m_versionCombo);
    row->addWidget(versionLabel);
    row->addWidget(m_versionCombo);
    connect(m_versionCombo, &QComboBox::currentTextChanged, this, [this](const QString &v) {
        for (BlockTab *tab : {m_validatorTab, m_signerTab})
            tab->setTargetVersion(v);
        for (OptionForm *f : {m_serviceForm, m_revokerForm})
            f->setTargetVersion(v);
    });
    return bar;
}

QWidget *GatewayPage::buildEndpointPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(4);

    auto *row = new QHBoxLayout;
    m_search = new QLineEdit(pane);
    m_search->setObjectName(QStringLiteral("endpointSearch"));
    m_search->setPlaceholderText(tr("Search path or method"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Shows the endpoints whose path or method contains this text"));
    m_search->setAccessibleName(tr("Search endpoints"));
    m_filterCombo = new QComboBox(pane);
    m_filterCombo->setObjectName(QStringLiteral("endpointFilterCombo"));
    m_filterCombo->addItem(tr("All endpoints"), static_cast<int>(EndpointFilterModel::Filter::All));
    m_filterCombo->addItem(tr("With validator"), static_cast<int>(EndpointFilterModel::Filter::WithValidator));
    m_filterCombo->addItem(tr("Without validator"), static_cast<int>(EndpointFilterModel::Filter::WithoutValidator));
    m_filterCombo->addItem(tr("With signer"), static_cast<int>(EndpointFilterModel::Filter::WithSigner));
    m_filterCombo->setToolTip(tr("Which endpoints to list"));
    m_filterCombo->setAccessibleName(tr("Endpoint filter"));
    row->addWidget(m_search, 1);
    row->addWidget(m_filterCombo);
    layout->addLayout(row);

    m_endpointModel = new EndpointModel(this);
    m_endpointModel->setObjectName(QStringLiteral("endpointModel"));
    m_filter = new EndpointFilterModel(this);
    m_filter->setObjectName(QStringLiteral("endpointFilterModel"));
    m_filter->setSourceModel(m_endpointModel);
    m_endpointView = new QTableView(pane);
    m_endpointView->setObjectName(QStringLiteral("endpointView"));
    m_endpointView->setModel(m_filter);
    m_endpointView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_endpointView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_endpointView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_endpointView->setAlternatingRowColors(true);
    m_endpointView->setShowGrid(false);
    m_endpointView->setWordWrap(false);
    m_endpointView->verticalHeader()->hide();
    m_endpointView->verticalHeader()->setDefaultSectionSize(m_endpointView->fontMetrics().height() + 10);
    m_endpointView->horizontalHeader()->setSectionResizeMode(EndpointModel::PathColumn, QHeaderView::Stretch);
    for (int c : {EndpointModel::MethodColumn, EndpointModel::ValidatorColumn, EndpointModel::SignerColumn})
        m_endpointView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_endpointView->horizontalHeader()->setSectionResizeMode(EndpointModel::VerdictColumn, QHeaderView::Interactive);
    // Fitted to the rows on screen: measuring a thousand rows at each layout froze the window on a 260,000-endpoint
    // file (the short columns hold the same few words in every row).
    m_endpointView->horizontalHeader()->setResizeContentsPrecision(0);
    m_endpointView->horizontalHeader()->resizeSection(EndpointModel::VerdictColumn, 110);
    m_endpointView->setSortingEnabled(true);
    m_endpointView->sortByColumn(-1, Qt::AscendingOrder);
    m_endpointView->setToolTip(tr("The endpoints of the configuration; select one to edit its JWT blocks"));
    m_endpointView->setAccessibleName(tr("Endpoints"));
    layout->addWidget(m_endpointView, 1);

    m_endpointHint = makeHint(QStringLiteral("endpointHint"), pane);
    layout->addWidget(m_endpointHint);

    auto *buttons = new QHBoxLayout;
    auto *add = makeButton(tr("Add endpoint…"), QStringLiteral("addEndpointButton"),
        tr("Append an endpoint (path, method, backend) to the configuration"), pane);
    auto *remove = makeButton(tr("Remove endpoint"), QStringLiteral("removeEndpointButton"),
        tr("Remove the selected endpoint from the configuration"), pane);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &GatewayPage::showAddEndpointDialog);
    connect(remove, &QPushButton::clicked, this, [this] { removeEndpoint(m_current); });

    connect(m_search, &QLineEdit::textChanged, m_filter, &EndpointFilterModel::setSearchText);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setFilter(static_cast<EndpointFilterModel::Filter>(m_filterCombo->currentData().toInt()));
    });
    connect(m_endpointView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &GatewayPage::onCurrentRowChanged);
    // A filter or search change can hide the selection; the view re-selects the current endpoint when visible.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] { selectEndpoint(m_current); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] { selectEndpoint(m_current); });
    return pane;
}

QWidget *GatewayPage::buildServiceGroup()
{
    auto *service = new QGroupBox(tr("Service level (whole file)"), this);
    service->setObjectName(QStringLiteral("serviceGroup"));
    auto *sl = new QVBoxLayout(service);
    m_serviceForm = new OptionForm(QStringLiteral("service"), Block::ServiceValidator, service);
    sl->addWidget(m_serviceForm);

    auto *revRow = new QHBoxLayout;
    m_revokerHint = new QLabel(service);
    m_revokerHint->setObjectName(QStringLiteral("revokerHint"));
    m_revokerHint->setWordWrap(true);
    m_revokerHint->setForegroundRole(QPalette::PlaceholderText);
    m_addRevoker = makeButton(tr("Add revoker"), QStringLiteral("addRevokerButton"),
        tr("Add a service-level auth/revoker (bloom filter of revoked tokens)"), service);
    m_removeRevoker = makeButton(tr("Remove revoker"), QStringLiteral("removeRevokerButton"),
        tr("Remove the service-level auth/revoker block"), service);
    revRow->addWidget(m_revokerHint, 1);
    revRow->addWidget(m_addRevoker);
    revRow->addWidget(m_removeRevoker);
    sl->addLayout(revRow);
    m_revokerForm = new OptionForm(QStringLiteral("revoker"), Block::Revoker, service);
    sl->addWidget(m_revokerForm);

    connect(m_addRevoker, &QPushButton::clicked, this, [this] { addRevoker(); });
    connect(m_removeRevoker, &QPushButton::clicked, this, [this] { removeRevoker(); });
    connect(m_serviceForm, &OptionForm::optionEdited, this,
        [this](const QString &o, const QJsonValue &v) { setServiceOption(o, v); });
    connect(m_revokerForm, &OptionForm::optionEdited, this,
        [this](const QString &o, const QJsonValue &v) { setRevokerOption(o, v); });
    return service;
}

QWidget *GatewayPage::buildExportTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("exportTab"));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    auto *row = new QHBoxLayout;
    m_exportScope = new QComboBox(tab);
    m_exportScope->setObjectName(QStringLiteral("exportScopeCombo"));
    m_exportScope->addItem(tr("Validator block"), static_cast<int>(ExportScope::Validator));
    m_exportScope->addItem(tr("Signer block"), static_cast<int>(ExportScope::Signer));
    m_exportScope->addItem(tr("Endpoint"), static_cast<int>(ExportScope::Endpoint));
    m_exportScope->addItem(tr("Whole file"), static_cast<int>(ExportScope::File));
    m_exportScope->setToolTip(tr("What to show: the current endpoint's block, the endpoint, or the file"));
    m_exportScope->setAccessibleName(tr("Export scope"));
    m_exportMode = new QComboBox(tab);
    m_exportMode->setObjectName(QStringLiteral("exportModeCombo"));
    m_exportMode->addItem(tr("Preview"));
    m_exportMode->addItem(tr("Changes against the file on disk"));
    m_exportMode->setToolTip(tr("Preview the JSON, or compare the edited file with the saved one"));
    m_exportMode->setAccessibleName(tr("Export view"));
    auto *copy
        = makeButton(tr("Copy"), QStringLiteral("exportCopyButton"), tr("Copy the shown JSON to the clipboard"), tab);
    auto *saveButton = makeButton(tr("Save…"), QStringLiteral("exportSaveButton"),
        tr("Whole file: save the configuration (atomic, with .bak). A block or an endpoint: write it "
           "to a file of your choice"),
        tab);
    row->addWidget(m_exportScope);
    row->addWidget(m_exportMode);
    row->addStretch(1);
    row->addWidget(copy);
    row->addWidget(saveButton);
    layout->addLayout(row);

    m_exportStack = new QStackedWidget(tab);
    m_exportView = new QPlainTextEdit(m_exportStack);
    m_exportView->setObjectName(QStringLiteral("exportView"));
    m_exportView->setReadOnly(true);
    m_exportView->setFont(Theme::monospaceFont());
    m_exportView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_exportView->setAccessibleName(tr("Exported JSON"));
    m_highlighter = new JsonHighlighter(m_exportView->document());
    m_highlighter->setPalette(palette());
    m_diffView = new QPlainTextEdit(m_exportStack);
    m_diffView->setObjectName(QStringLiteral("diffView"));
    m_diffView->setReadOnly(true);
    m_diffView->setFont(Theme::monospaceFont());
    m_diffView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diffView->setAccessibleName(tr("Changes against the file on disk"));
    m_exportStack->addWidget(m_exportView);
    m_exportStack->addWidget(m_diffView);
    layout->addWidget(m_exportStack, 1);

    m_exportNotes = new QLabel(tab);
    m_exportNotes->setObjectName(QStringLiteral("exportNotes"));
    m_exportNotes->setWordWrap(true);
    m_exportNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_exportNotes);

    connect(m_exportScope, &QComboBox::currentIndexChanged, this, [this] { refreshExport(); });
    connect(m_exportMode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_exportStack->setCurrentIndex(i);
        refreshExport();
    });
    connect(copy, &QPushButton::clicked, this, &GatewayPage::copyExport);
    connect(saveButton, &QPushButton::clicked, this, &GatewayPage::saveExport);
    return tab;
}

QWidget *GatewayPage::buildLintTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("lintTab"));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 8, 8, 8);
    m_lintSummary = new QLabel(tab);
    m_lintSummary->setObjectName(QStringLiteral("lintSummary"));
    m_lintSummary->setWordWrap(true);
    layout->addWidget(m_lintSummary);
    m_lintModel = new LintModel(this);
    m_lintModel->setObjectName(QStringLiteral("lintModel"));
    m_lintView = new QTreeView(tab);
    m_lintView->setObjectName(QStringLiteral("lintView"));
    m_lintView->setModel(m_lintModel);
    m_lintView->setRootIsDecorated(false);
    m_lintView->setAlternatingRowColors(true);
    m_lintView->setWordWrap(true);
    m_lintView->setUniformRowHeights(false);
    m_lintView->header()->setStretchLastSection(true);
    m_lintView->header()->resizeSection(LintModel::SeverityColumn, 90);
    m_lintView->header()->resizeSection(LintModel::LocationColumn, 210);
    m_lintView->header()->resizeSection(LintModel::OptionColumn, 120);
    m_lintView->setToolTip(tr("Every finding of the file; double-click one to open its endpoint"));
    m_lintView->setAccessibleName(tr("Lint findings"));
    layout->addWidget(m_lintView, 1);
    auto *detail = new QLabel(tab);
    detail->setObjectName(QStringLiteral("lintDetail"));
    detail->setWordWrap(true);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->setMinimumHeight(detail->fontMetrics().height() * 3);
    detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detail->setText(tr("Select a finding to read it in full; double-click opens its endpoint."));
    layout->addWidget(detail);
    connect(m_lintView->selectionModel(), &QItemSelectionModel::currentRowChanged, detail,
        [this, detail](const QModelIndex &current) {
            if (!current.isValid() || current.row() >= m_lint.size()) {
                detail->setText(tr("Select a finding to read it in full; double-click opens its endpoint."));
                return;
            }
            const krakend::LintItem &item = m_lint.at(current.row());
            detail->setText(QStringLiteral("%1 \u2014 %2 (%3)\n%4")
                                .arg(item.location, item.finding.subject, item.finding.code, item.finding.message));
        });
    connect(m_lintView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const int endpoint = index.data(LintModel::EndpointIndexRole).toInt();
        const QString location = m_lintModel->index(index.row(), LintModel::LocationColumn).data().toString();
        if (endpoint >= 0)
            selectEndpoint(endpoint);
        // Tabs are found by widget: other panels may have added theirs in between.
        m_tabs->setCurrentWidget(location.endsWith(QLatin1String("auth/signer")) ? m_signerTab : m_validatorTab);
    });
    return tab;
}

void GatewayPage::connectEditor()
{
    connect(m_editor, &krakend::ConfigEditor::edited, this,
        [this](const krakend::DocumentEdit &edit) { m_undo->push(new DocumentEditCommand(m_editor, edit)); });
    connect(m_editor, &krakend::ConfigEditor::changed, this, [this] {
        if (!m_replacing)
            refresh();
    });
    // Undo and redo show the endpoint the edit concerned.
    connect(m_editor, &krakend::ConfigEditor::restored, this, [this](int endpoint) {
        if (endpoint >= 0 && endpoint != m_current && endpoint < document().endpoints().size())
            selectEndpoint(endpoint);
    });
    connect(m_editor, &krakend::ConfigEditor::modifiedChanged, this, [this](bool modified) {
        updateTitle();
        Q_EMIT modifiedChanged(modified);
    });
    connect(m_editor, &krakend::ConfigEditor::pathChanged, this, &GatewayPage::configPathChanged);
}

// ------------------------------------------------------------------------------------------------ file

common::Result<void> GatewayPage::replaceDocument(const std::function<common::Result<void>()> &replace)
{
    m_replacing = true;
    auto r = replace();
    m_replacing = false;
    if (!r)
        return r;
    m_undo->clear();
    m_endpointModel->setEndpoints({}); // the verdicts were the old document's
    m_current = -1;
    refresh();
    if (!document().endpoints().isEmpty())
        selectEndpoint(0);
    else
        Q_EMIT currentEndpointChanged(-1);
    Q_EMIT configPathChanged(configPath());
    return {};
}

bool GatewayPage::openConfig(const QString &path)
{
    if (QFileInfo(path).size() >= kBackgroundOpenBytes) {
        openInBackground(path);
        return true;
    }
    auto opened = replaceDocument([&] { return m_editor->open(path); });
    if (!opened) {
        reportOpenError(path, opened.error());
        return false;
    }
    reportOpened(path);
    return true;
}

bool GatewayPage::isLoading() const
{
    return m_load.isRunning();
}

void GatewayPage::openInBackground(const QString &path)
{
    m_load.cancel();
    auto state = std::make_shared<LoadState>();
    m_loadState = state;
    m_loadTotal = std::max<qint64>(1, QFileInfo(path).size());
    m_loadLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_loadProgress->setValue(0);
    setLoading(true);
    Q_EMIT statusMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    // The worker reads and checks the file; the page gets the finished document (nothing of it is shared with
    // the worker afterwards) and shows it on this thread.
    m_load.run(
        this,
        [path, state](const common::CancelToken &token) {
            krakend::ConfigDocument::LoadControl control;
            control.cancel = token;
            control.progress = [state](qint64 bytes, qint64) { state->done.store(bytes, std::memory_order_relaxed); };
            control.preview = [state](const QList<krakend::EndpointInfo> &first) {
                QMutexLocker lock(&state->mutex);
                state->preview = first;
                state->previewReady = true;
            };
            return krakend::ConfigDocument::open(path, control);
        },
        [this, path](common::Result<krakend::ConfigDocument> opened) {
            if (opened)
                m_previewShown = false; // the new document replaces the first endpoints listed
            setLoading(false);
            if (!opened) {
                reportOpenError(path, opened.error());
                return;
            }
            (void)replaceDocument([&]() -> common::Result<void> {
                m_editor->adopt(std::move(opened).value());
                return {};
            });
            reportOpened(path);
        });
}

void GatewayPage::cancelLoading()
{
    if (!m_load.isRunning())
        return;
    m_load.cancel();
    setLoading(false);
    Q_EMIT statusMessage(tr("Opening cancelled: the configuration shown is unchanged"));
}

void GatewayPage::setLoading(bool loading)
{
    // The document shown cannot be edited while another replaces it; the load bar stays usable.
    for (QWidget *child : findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        if (child != m_loadBar)
            child->setEnabled(!loading);
    m_loadBar->setVisible(loading);
    if (loading) {
        m_loadTimer->start();
    } else {
        m_loadTimer->stop();
        m_loadState.reset();
        if (m_previewShown) {
            // Cancelled or failed after the first endpoints of the file were listed: the document's own again.
            m_previewShown = false;
            m_selecting = true;
            m_endpointModel->setEndpoints(document().endpoints());
            m_selecting = false;
            selectEndpoint(m_current);
        }
    }
    Q_EMIT loadingChanged(loading);
}

void GatewayPage::reportOpenError(const QString &path, const common::Error &e)
{
    QString text = e.message;
    if (e.details.contains(QStringLiteral("offset"))) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const auto [line, column]
                = lineColumn(f.read(64 * 1024 * 1024), e.details.value(QStringLiteral("offset")).toLongLong());
            text = tr("%1 is not valid JSON: line %2, column %3.\n\n%4")
                       .arg(QDir::toNativeSeparators(path))
                       .arg(line)
                       .arg(column)
                       .arg(e.message);
        }
    }
    Dialogs::showError(this, tr("Cannot open the KrakenD configuration"), text);
    Q_EMIT statusMessage(tr("Could not open %1").arg(QDir::toNativeSeparators(path)));
}

void GatewayPage::reportOpened(const QString &path)
{
    Q_EMIT statusMessage(
        tr("Opened %1 (%n endpoint(s))", nullptr, document().endpointCount()).arg(QDir::toNativeSeparators(path)));
    if (m_editor->isReadOnly())
        Q_EMIT statusMessage(tr("This config uses flexible-configuration templates: it is read-only here"));
    if (document().hasByteOrderMark())
        Q_EMIT statusMessage(tr("%1 starts with a byte order mark: KrakenD would not start with it")
                                 .arg(QDir::toNativeSeparators(path)));
}

void GatewayPage::newConfig()
{
    (void)replaceDocument([this]() -> common::Result<void> {
        m_editor->newConfig();
        return {};
    });
    Q_EMIT statusMessage(tr("New configuration"));
}

bool GatewayPage::save()
{
    if (configPath().isEmpty()) {
        const QString path = Dialogs::getSaveFileName(this, tr("Save KrakenD configuration"),
            tr("KrakenD configuration (*.json)"), QStringLiteral("krakend.json"));
        if (path.isEmpty())
            return false;
        return saveAs(path);
    }
    return saveAs(configPath());
}

bool GatewayPage::saveAs(const QString &path)
{
    // What the file on disk holds now (it may have changed since it was opened), and what this save changes.
    QByteArray disk;
    const krakend::SaveReview review = m_editor->reviewSave(path, &disk);
    if (review.needsConfirmation() && !confirmSaveWithErrors(path, review, disk)) {
        Q_EMIT statusMessage(tr("Not saved: %n lint error(s) in the changed blocks", nullptr,
            static_cast<int>(review.editedErrors.size())));
        return false;
    }
    if (auto r = m_editor->save(path); !r) {
        Dialogs::showError(this, tr("Cannot save the KrakenD configuration"), r.error().message);
        return false;
    }
    m_undo->setClean();
    updateTitle();
    refreshExport();
    // A file that fails lint is never reported as simply saved.
    Q_EMIT statusMessage(review.totalErrors > 0
            ? tr("Saved %1 (%n lint error(s))", nullptr, review.totalErrors).arg(QDir::toNativeSeparators(configPath()))
            : tr("Saved %1").arg(QDir::toNativeSeparators(configPath())));
    return true;
}

bool GatewayPage::confirmSaveWithErrors(const QString &path, const krakend::SaveReview &review, const QByteArray &disk)
{
    constexpr int kListed = 8;
    const int count = static_cast<int>(review.editedErrors.size());
    QStringList lines;
    lines.append(tr("The blocks you changed have %n lint error(s): KrakenD (or krakend check --lint) would fail "
                    "on them.",
        nullptr, count));
    lines.append(QString());
    for (int i = 0; i < count && i < kListed; ++i) {
        const krakend::LintItem &item = review.editedErrors.at(i);
        lines.append(QStringLiteral("\u2022 %1: %2").arg(item.location, item.finding.message));
    }
    if (count > kListed)
        lines.append(tr("… and %n more error(s) (Lint tab)", nullptr, count - kListed));
    if (review.totalErrors > count) {
        lines.append(QString());
        lines.append(tr(
            "The file has %n other lint error(s) in blocks you did not change.", nullptr, review.totalErrors - count));
    }
    lines.append(QString());
    lines.append(disk.isEmpty() && !QFileInfo::exists(path)
            ? tr("%1 does not exist yet: every line below is new.").arg(QDir::toNativeSeparators(path))
            : tr("What the save changes in %1 on disk:").arg(QDir::toNativeSeparators(path)));

    Dialogs::Choice choice;
    choice.title = tr("Save with lint errors?");
    choice.text = lines.join(u'\n');
    choice.details = LineDiff::toText(
        LineDiff::hunks(LineDiff::diffText(QString::fromUtf8(disk), QString::fromUtf8(document().text()))));
    choice.buttons = {tr("Save with errors"), tr("Cancel")};
    choice.defaultButton = 1;
    choice.escapeButton = 1;
    return Dialogs::choose(this, choice) == 0;
}

bool GatewayPage::maybeSave()
{
    if (!isModified())
        return true;
    const QString name = configPath().isEmpty() ? tr("The new configuration") : QFileInfo(configPath()).fileName();
    const auto answer
        = Dialogs::question(this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_undo->clear();
        m_editor->revert();
        return true;
    }
    return false;
}

bool GatewayPage::isModified() const
{
    return m_editor->isModified();
}

QString GatewayPage::configPath() const
{
    return m_editor->path();
}

QByteArray GatewayPage::documentText() const
{
    return m_editor->text();
}

bool GatewayPage::restoreUnsaved(const QString &path, const QByteArray &text)
{
    const bool onDisk = !path.isEmpty() && QFileInfo::exists(path);
    if (auto r = replaceDocument([&] { return m_editor->restoreUnsaved(path, text); }); !r) {
        Dialogs::showError(this, tr("Cannot restore the unsaved configuration"),
            onDisk ? tr("The autosaved text of %1 is not valid: %2").arg(path, r.error().message) : r.error().message);
        return false;
    }
    Q_EMIT statusMessage(onDisk ? tr("Restored unsaved changes of %1").arg(QDir::toNativeSeparators(path))
                                : tr("Restored an unsaved configuration"));
    return true;
}

QString GatewayPage::baseDir() const
{
    return m_editor->baseDir();
}

// ------------------------------------------------------------------------------------------------ edits

bool GatewayPage::report(const common::Result<void> &result, EditKind kind, Block block, const QString &subject)
{
    return DocumentEditCommand::report(this, result, {kind, block, m_current, subject, {}, {}});
}

bool GatewayPage::setValidatorOption(const QString &option, const QJsonValue &value)
{
    return m_validatorTab->setOption(option, value);
}

bool GatewayPage::setSignerOption(const QString &option, const QJsonValue &value)
{
    return m_signerTab->setOption(option, value);
}

bool GatewayPage::setServiceOption(const QString &option, const QJsonValue &value)
{
    return report(m_editor->setOption(Block::ServiceValidator, -1, option, value), EditKind::SetOption,
        Block::ServiceValidator, option);
}

bool GatewayPage::setRevokerOption(const QString &option, const QJsonValue &value)
{
    return report(m_editor->setOption(Block::Revoker, -1, option, value), EditKind::SetOption, Block::Revoker, option);
}

QString GatewayPage::newValidatorUrl() const
{
    // A JWK URL the workspace already knows is a better start than core's placeholder.
    if (m_ring)
        for (const KeySource &s : m_ring->sources()) {
            if (s.kind == KeySource::Kind::Url && s.location.startsWith(QLatin1String("https://")))
                return s.location;
            if (s.kind == KeySource::Kind::Issuer && s.fetch && s.fetch->jwksUrl.isValid())
                return s.fetch->jwksUrl.toString();
        }
    return {};
}

bool GatewayPage::addValidator()
{
    return m_validatorTab->addBlock();
}

bool GatewayPage::removeValidator()
{
    return m_validatorTab->removeBlock();
}

bool GatewayPage::addSigner()
{
    return m_signerTab->addBlock();
}

bool GatewayPage::removeSigner()
{
    return m_signerTab->removeBlock();
}

bool GatewayPage::addRevoker()
{
    if (m_editor->hasBlock(Block::Revoker))
        return false;
    return report(m_editor->addBlock(Block::Revoker), EditKind::AddBlock, Block::Revoker);
}

bool GatewayPage::removeRevoker()
{
    if (!m_editor->hasBlock(Block::Revoker))
        return false;
    return report(m_editor->removeBlock(Block::Revoker), EditKind::RemoveBlock, Block::Revoker);
}

int GatewayPage::addEndpoint(const QString &path, const QString &method, const QString &backendUrl)
{
    auto added = m_editor->addEndpoint(path, method, backendUrl);
    if (!added) {
        Dialogs::showError(this, tr("Cannot add the endpoint"), added.error().message);
        return -1;
    }
    selectEndpoint(added.value());
    return added.value();
}

bool GatewayPage::removeEndpoint(int index)
{
    if (index < 0 || index >= document().endpoints().size())
        return false;
    const krakend::EndpointInfo e = document().endpoints().at(index);
    if (!report(m_editor->removeEndpoint(index), EditKind::RemoveEndpoint, Block::Validator,
            QStringLiteral("%1 %2").arg(e.method, e.path)))
        return false;
    selectEndpoint(std::min(index, static_cast<int>(document().endpoints().size()) - 1));
    return true;
}

bool GatewayPage::applySuggestion(const krakend::Suggestion &s, const QString &rolesKey, const QString &scopesKey)
{
    if (m_current < 0)
        return false;
    return report(m_editor->applySuggestion(m_current, s, rolesKey, scopesKey), EditKind::ApplySuggestion);
}

bool GatewayPage::suggestFromToken(const QString &token, const QJsonObject &discovery)
{
    const jose::Inspection inspection = jose::Inspection::inspect(token, m_clock->nowSecs());
    if (!inspection.token.headerOk) {
        Dialogs::showError(
            this, tr("Cannot suggest a validator"), tr("The text is not a JWT whose header can be read."));
        return false;
    }
    return applySuggestion(krakend::Suggestion::fromToken(inspection.token, discovery));
}

// ------------------------------------------------------------------------------------------------ views

void GatewayPage::refresh()
{
    const int count = static_cast<int>(document().endpoints().size());
    m_selecting = true;
    m_endpointModel->setEndpoints(document().endpoints());
    // A hidden table fits a column to every one of its rows (QTableView::sizeHintForColumn): with a big file's
    // 260,000 the short columns keep their width instead.
    for (int c : {EndpointModel::MethodColumn, EndpointModel::ValidatorColumn, EndpointModel::SignerColumn})
        m_endpointView->horizontalHeader()->setSectionResizeMode(
            c, count > kFitColumnRows ? QHeaderView::Interactive : QHeaderView::ResizeToContents);
    m_selecting = false;
    if (m_current >= count)
        m_current = count - 1;
    // Text and colours set on every refresh: they follow the language and the theme.
    if (document().hasByteOrderMark())
        setBanner(m_bomLabel, Severity::Error,
            tr("This file starts with a UTF-8 byte order mark: KrakenD would not start, because Go's JSON parser "
               "refuses it (“invalid character 'ï' looking for beginning of value”)."));
    m_bomBar->setVisible(document().hasByteOrderMark());
    if (document().endpointCount() >= kBackgroundLintEndpoints) {
        // A big file's lint takes seconds: it runs on a copy of the document (the copy shares the text) and the
        // Lint tab says so until it is in; a newer change replaces the job.
        m_lint.clear();
        m_lintModel->setItems(m_lint);
        m_lintSummary->setText(tr("Checking %n endpoint(s)…", nullptr, document().endpointCount()));
        m_tabs->setTabText(m_tabs->indexOf(m_lintTab), tr("Lint (…)"));
        const krakend::ConfigDocument snapshot = document();
        m_lintJob.run(
            this,
            [snapshot](const common::CancelToken &cancel) {
                return krakend::Linter::lint(snapshot, krakend::LintContext(), cancel);
            },
            [this](QList<krakend::LintItem> items) {
                m_lint = std::move(items);
                showLint();
                refreshForms();
            });
    } else {
        m_lintJob.cancel();
        m_lint = m_editor->lint();
        showLint();
    }
    m_endpointHint->setText(count == 0 ? tr("No endpoints yet. “Add endpoint…” creates one.") : QString());
    m_endpointHint->setVisible(count == 0);
    selectEndpoint(m_current);
    refreshForms();
    refreshExport();
    updateTitle();
    Q_EMIT documentChanged();
}

void GatewayPage::showLint()
{
    m_lintModel->setItems(m_lint);
    const int errors = m_lintModel->count(Severity::Error);
    const int warnings = m_lintModel->count(Severity::Warning);
    const int infos = m_lintModel->count(Severity::Info);
    if (m_lint.isEmpty()) {
        m_lintSummary->setText(tr("No findings: the JWT blocks pass the v%1 schema and show none of the "
                                  "known run-time traps.")
                                   .arg(GatewayCatalog::schemaVersion()));
    } else {
        //: The three counts of the lint summary, e.g. "1 error, 2 warnings, 0 notes".
        const QString counts = tr("%1, %2, %3.")
                                   .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                                       tr("%n note(s)", nullptr, infos));
        m_lintSummary->setText(errors > 0
                ? tr("%1 krakend check --lint or KrakenD itself would fail on the errors.").arg(counts)
                : counts);
    }
    m_tabs->setTabText(m_tabs->indexOf(m_lintTab), m_lint.isEmpty() ? tr("Lint") : tr("Lint (%1)").arg(m_lint.size()));
}

void GatewayPage::selectEndpoint(int index)
{
    const int count = static_cast<int>(document().endpoints().size());
    if (index >= count)
        index = count - 1;
    if (index < -1)
        index = -1;
    m_selecting = true;
    const QModelIndex proxy = index >= 0 ? m_filter->mapFromSource(m_endpointModel->index(index, 0)) : QModelIndex();
    if (proxy.isValid())
        m_endpointView->selectionModel()->setCurrentIndex(
            proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else if (index < 0)
        m_endpointView->selectionModel()->clear();
    m_selecting = false;
    if (index != m_current) {
        m_current = index;
        refreshForms();
        refreshExport();
        Q_EMIT currentEndpointChanged(m_current);
    }
}

void GatewayPage::onCurrentRowChanged()
{
    if (m_selecting)
        return;
    const QModelIndex current = m_endpointView->selectionModel()->currentIndex();
    if (!current.isValid())
        return; // hidden by the filter: the forms keep showing the endpoint
    const int index = current.data(EndpointModel::EndpointIndexRole).toInt();
    if (index == m_current)
        return;
    m_current = index;
    refreshForms();
    refreshExport();
    Q_EMIT currentEndpointChanged(m_current);
}

void GatewayPage::setVerdict(int endpointIndex, int status, const QString &reason)
{
    m_endpointModel->setVerdict(endpointIndex, status, reason);
}

void GatewayPage::refreshForms()
{
    for (BlockTab *tab : {m_validatorTab, m_signerTab})
        tab->showEndpoint(m_current, m_lint);
    m_suggestButton->setEnabled(m_current >= 0 && !m_editor->isReadOnly());

    auto findingsAt = [&](const QString &location) {
        common::Findings out;
        for (const auto &item : m_lint)
            if (item.endpoint == -1 && item.location.endsWith(location))
                out.append(item.finding);
        return out;
    };
    const bool writable = !m_editor->isReadOnly();
    m_serviceForm->setBlock(m_editor->block(Block::ServiceValidator));
    m_serviceForm->setFindings(findingsAt(QStringLiteral("service \u203a auth/validator")));
    m_serviceForm->setEditable(writable);
    const bool hasRevoker = m_editor->hasBlock(Block::Revoker);
    m_revokerForm->setVisible(hasRevoker);
    m_revokerForm->setBlock(m_editor->block(Block::Revoker));
    m_revokerForm->setFindings(findingsAt(QStringLiteral("service \u203a auth/revoker")));
    m_revokerForm->setEditable(writable);
    m_revokerHint->setText(hasRevoker ? tr("Revoked tokens are rejected with 401 by every endpoint.")
                                      : tr("No auth/revoker: tokens cannot be revoked before they expire."));
    m_addRevoker->setEnabled(!hasRevoker && writable);
    m_removeRevoker->setEnabled(hasRevoker && writable);
}

QByteArray GatewayPage::indentUnit() const
{
    // The document's text is valid JSON (it opened): no map of a whole (maybe 50 MB) file for the first indented line.
    return common::JsonSourceMap::indentUnitOf(document().text());
}

GatewayPage::ExportScope GatewayPage::exportScope() const
{
    return static_cast<ExportScope>(m_exportScope->currentData().toInt());
}

void GatewayPage::setExportScope(ExportScope scope)
{
    m_exportScope->setCurrentIndex(m_exportScope->findData(static_cast<int>(scope)));
}

void GatewayPage::refreshExport()
{
    const ExportScope scope = exportScope();
    const bool has = m_current >= 0 && m_current < document().endpoints().size();
    const QByteArray unit = indentUnit();
    QString text;
    QStringList notes;
    QString placeholder;
    auto blockText = [&](const QString &ns, bool present, const char *what) {
        if (!has) {
            placeholder = tr("Select an endpoint to see its %1 block.").arg(QLatin1String(what));
            return;
        }
        if (!present) {
            placeholder = tr("This endpoint has no %1 block.").arg(ns);
            return;
        }
        const QJsonObject extra = document().endpoint(m_current).value(QLatin1String("extra_config")).toObject();
        const QString key = extra.contains(ns)
            ? ns
            : (ns == validator ? krakend::Namespace::legacyValidator : krakend::Namespace::legacySigner);
        const QJsonObject block = document().endpointBlock(m_current, ns);
        text = QString::fromUtf8(
            common::serializeJson(QJsonObject {{key, block}}, QByteArray(), unit, ConfigDocument::preferredOrder()));
        QStringList adjust;
        auto exported = ns == validator ? krakend::ConfigExport::validatorBlock(block, &adjust)
                                        : krakend::ConfigExport::signerBlock(block, &adjust);
        if (!exported)
            notes.append(tr("Export check: %1").arg(exported.error().message));
        for (const QString &a : adjust)
            notes.append(tr("The exporter would adjust: %1").arg(a));
    };
    switch (scope) {
    case ExportScope::Validator:
        blockText(validator, has && document().endpoints().at(m_current).hasValidator, "auth/validator");
        break;
    case ExportScope::Signer:
        blockText(signer, has && document().endpoints().at(m_current).hasSigner, "auth/signer");
        break;
    case ExportScope::Endpoint:
        if (has)
            text = QString::fromUtf8(common::serializeJson(
                document().endpoint(m_current), QByteArray(), unit, ConfigDocument::preferredOrder()));
        else
            placeholder = tr("Select an endpoint to see it.");
        break;
    case ExportScope::File:
        text = QString::fromUtf8(document().text());
        break;
    }
    if (m_exportView->toPlainText() != text)
        m_exportView->setPlainText(text);
    m_exportView->setPlaceholderText(placeholder);

    if (m_exportMode->currentIndex() == 1) {
        const QList<LineDiff::Line> lines = LineDiff::hunks(LineDiff::diffText(QString::fromUtf8([this] {
            QFile f(configPath());
            return !configPath().isEmpty() && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }()),
            QString::fromUtf8(document().text())));
        QStringList out;
        for (const auto &l : lines) {
            switch (l.kind) {
            case LineDiff::Line::Kind::Same:
                out.append(QStringLiteral("  ") + l.text);
                break;
            case LineDiff::Line::Kind::Added:
                out.append(QStringLiteral("+ ") + l.text);
                break;
            case LineDiff::Line::Kind::Removed:
                out.append(QStringLiteral("- ") + l.text);
                break;
            case LineDiff::Line::Kind::Skipped:
                out.append(l.text);
                break;
            }
        }
        m_diffPlain = out.join(u'\n');
        m_diffView->setPlainText(m_diffPlain);
        const bool dark = Theme::isDark(palette());
        const QColor addBg = dark ? QColor(0x1f, 0x3d, 0x2a) : QColor(0xe3, 0xf6, 0xe8);
        const QColor delBg = dark ? QColor(0x4a, 0x23, 0x26) : QColor(0xfd, 0xe7, 0xe9);
        const QColor skipFg = palette().color(QPalette::PlaceholderText);
        QTextCursor cursor(m_diffView->document());
        int i = 0;
        for (QTextBlock b = m_diffView->document()->begin(); b.isValid() && i < lines.size(); b = b.next(), ++i) {
            const auto kind = lines[i].kind;
            if (kind == LineDiff::Line::Kind::Same)
                continue;
            cursor.setPosition(b.position());
            QTextBlockFormat bf;
            QTextCharFormat cf;
            if (kind == LineDiff::Line::Kind::Added)
                bf.setBackground(addBg);
            else if (kind == LineDiff::Line::Kind::Removed)
                bf.setBackground(delBg);
            else
                cf.setForeground(skipFg);
            cursor.setBlockFormat(bf);
            if (kind == LineDiff::Line::Kind::Skipped) {
                cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
                cursor.setCharFormat(cf);
            }
        }
        const int changes = LineDiff::changeCount(lines);
        m_diffView->setPlaceholderText(tr("No changes against the file on disk."));
        if (changes == 0)
            m_diffView->clear();
        notes = {configPath().isEmpty() ? tr("Untitled: every line is new until the configuration is saved.")
                : changes == 0          ? tr("No unsaved changes: the file on disk has the same text.")
                                        : tr("%n line(s) added or removed against %1 on disk.", nullptr, changes)
                                     .arg(QFileInfo(configPath()).fileName())};
    }
    m_exportNotes->setText(notes.join(u'\n'));
    m_exportNotes->setVisible(!notes.isEmpty());
}

QString GatewayPage::exportText() const
{
    return m_exportView->toPlainText();
}

QString GatewayPage::diffText() const
{
    QFile f(configPath());
    const QByteArray disk = !configPath().isEmpty() && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    QStringList out;
    for (const auto &l : LineDiff::diffText(QString::fromUtf8(disk), QString::fromUtf8(document().text()))) {
        if (l.kind == LineDiff::Line::Kind::Added)
            out.append(QStringLiteral("+ ") + l.text);
        else if (l.kind == LineDiff::Line::Kind::Removed)
            out.append(QStringLiteral("- ") + l.text);
        else
            out.append(QStringLiteral("  ") + l.text);
    }
    return out.join(u'\n');
}

void GatewayPage::copyExport()
{
    const QString text = m_exportMode->currentIndex() == 1 ? m_diffPlain : exportText();
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Copied to the clipboard"));
}

void GatewayPage::saveExport()
{
    if (exportScope() == ExportScope::File) {
        save();
        return;
    }
    const QString text = exportText();
    if (text.isEmpty())
        return;
    const QString path
        = Dialogs::getSaveFileName(this, tr("Save JSON"), tr("JSON (*.json)"), QStringLiteral("block.json"));
    if (path.isEmpty())
        return;
    if (auto written = common::AtomicFile::write(path, text.toUtf8() + '\n'); !written) {
        Dialogs::showError(this, tr("Cannot save the JSON"), written.error().message);
        return;
    }
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void GatewayPage::updateTitle()
{
    QString name = configPath().isEmpty() ? tr("Untitled configuration") : QDir::toNativeSeparators(configPath());
    if (isModified())
        name = QStringLiteral("\u25cf ") + name;
    if (m_editor->isReadOnly())
        name = tr("%1  (templates: read-only)").arg(name);
    m_fileLabel->setFullText(name);
    m_fileLabel->setNote(isModified() ? tr("Unsaved changes") : tr("Saved"));
}

void GatewayPage::setTargetVersion(const QString &version)
{
    if (GatewayCatalog::versions().contains(version))
        m_versionCombo->setCurrentText(version);
}

QString GatewayPage::targetVersion() const
{
    return m_versionCombo->currentText();
}

QJsonObject GatewayPage::toWorkspaceJson() const
{
    return QJsonObject {{QStringLiteral("config"), configPath()}, {QStringLiteral("endpoint"), m_current},
        {QStringLiteral("filter"), EndpointFilterModel::filterName(m_filter->filter())},
        {QStringLiteral("search"), m_search->text()}, {QStringLiteral("targetVersion"), targetVersion()},
        {QStringLiteral("exportScope"), static_cast<int>(exportScope())}};
}

void GatewayPage::fromWorkspaceJson(const QJsonObject &json)
{
    const QString path = json.value(QLatin1String("config")).toString();
    if (!path.isEmpty() && path != configPath()) {
        if (QFileInfo::exists(path))
            openConfig(path);
        else
            Q_EMIT statusMessage(
                tr("The workspace's KrakenD config %1 no longer exists").arg(QDir::toNativeSeparators(path)));
    }
    const auto filter = EndpointFilterModel::filterFromName(json.value(QLatin1String("filter")).toString());
    m_filterCombo->setCurrentIndex(m_filterCombo->findData(static_cast<int>(filter)));
    m_search->setText(json.value(QLatin1String("search")).toString());
    if (json.contains(QLatin1String("targetVersion")))
        setTargetVersion(json.value(QLatin1String("targetVersion")).toString());
    if (json.contains(QLatin1String("exportScope")))
        setExportScope(static_cast<ExportScope>(json.value(QLatin1String("exportScope")).toInt()));
    if (json.contains(QLatin1String("endpoint")))
        selectEndpoint(json.value(QLatin1String("endpoint")).toInt(-1));
}

void GatewayPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        m_endpointModel->setPalette(palette());
        m_lintModel->setPalette(palette());
        refreshForms();
        refreshExport();
    }
}

// ------------------------------------------------------------------------------------------------ dialogs

void GatewayPage::showAddEndpointDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("addEndpointDialog"));
    dialog->setWindowTitle(tr("Add endpoint"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout(dialog);
    auto *path = new QLineEdit(QStringLiteral("/v1/"), dialog);
    path->setObjectName(QStringLiteral("newEndpointPath"));
    path->setToolTip(tr("The endpoint path, starting with /; {placeholders} allowed"));
    path->setAccessibleName(tr("Endpoint path"));
    auto *method = new QComboBox(dialog);
    method->setObjectName(QStringLiteral("newEndpointMethod"));
    method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
        QStringLiteral("DELETE")});
    method->setToolTip(tr("HTTP method"));
    method->setAccessibleName(tr("Method"));
    auto *backend = new QLineEdit(QStringLiteral("http://backend:8080/"), dialog);
    backend->setObjectName(QStringLiteral("newEndpointBackend"));
    backend->setToolTip(tr("The backend URL: host and url_pattern"));
    backend->setAccessibleName(tr("Backend URL"));
    form->addRow(tr("Path"), path);
    form->addRow(tr("Method"), method);
    form->addRow(tr("Backend URL"), backend);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, path, method, backend] {
        if (addEndpoint(path->text().trimmed(), method->currentText(), backend->text().trimmed()) >= 0)
            dialog->accept();
    });
    dialog->open();
}

void GatewayPage::showSuggestDialog()
{
    if (m_suggestDialog) {
        m_suggestDialog->raise();
        return;
    }
    auto *dialog = new QDialog(this);
    m_suggestDialog = dialog;
    dialog->setObjectName(QStringLiteral("suggestDialog"));
    dialog->setWindowTitle(tr("Suggest a validator from a token"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->resize(640, 480);
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("Paste a token the endpoint should accept. Its header and claims give alg, "
                                "issuer and audience; an issuer from the key ring adds its jwks_uri. "
                                "Applying is one step you can undo."),
        dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *token = new QPlainTextEdit(dialog);
    token->setObjectName(QStringLiteral("suggestToken"));
    token->setFont(Theme::monospaceFont());
    token->setPlaceholderText(QStringLiteral("eyJhbGciOi\u2026"));
    token->setToolTip(tr("A JWT (compact form) the endpoint should accept; it is not stored"));
    token->setAccessibleName(tr("Token"));
    token->setMaximumHeight(110);
    layout->addWidget(token);
    auto *form = new QFormLayout;
    auto *issuer = new QComboBox(dialog);
    issuer->setObjectName(QStringLiteral("suggestIssuer"));
    issuer->addItem(tr("None"), -1);
    if (m_ring)
        for (int i = 0; i < m_ring->count(); ++i)
            if (m_ring->at(i).fetch && !m_ring->at(i).fetch->discovery.isEmpty())
                issuer->addItem(m_ring->at(i).name, i);
    issuer->setToolTip(tr("An issuer source of the key ring whose discovery document gives jwks_uri"));
    issuer->setAccessibleName(tr("Issuer"));
    auto *roles = new QComboBox(dialog);
    roles->setObjectName(QStringLiteral("suggestRolesKey"));
    roles->setToolTip(tr("Claim paths of the token that could hold roles"));
    roles->setAccessibleName(QStringLiteral("roles_key"));
    auto *scopes = new QComboBox(dialog);
    scopes->setObjectName(QStringLiteral("suggestScopesKey"));
    scopes->setToolTip(tr("Claim paths of the token that could hold scopes"));
    scopes->setAccessibleName(QStringLiteral("scopes_key"));
    form->addRow(tr("Issuer (key ring)"), issuer);
    form->addRow(QStringLiteral("roles_key"), roles);
    form->addRow(QStringLiteral("scopes_key"), scopes);
    layout->addLayout(form);
    auto *preview = new QLabel(dialog);
    preview->setObjectName(QStringLiteral("suggestPreview"));
    preview->setWordWrap(true);
    preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(preview, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    QPushButton *apply = buttons->button(QDialogButtonBox::Apply);
    apply->setObjectName(QStringLiteral("suggestApply"));
    apply->setDefault(true);
    apply->setToolTip(tr("Fill the endpoint's validator with these values (one undoable step)"));
    apply->setEnabled(false);

    auto suggestion = std::make_shared<krakend::Suggestion>();
    auto update = [this, token, issuer, roles, scopes, preview, apply, suggestion] {
        const jose::Inspection ins = jose::Inspection::inspect(token->toPlainText().trimmed(), m_clock->nowSecs());
        roles->clear();
        scopes->clear();
        if (!ins.token.headerOk) {
            preview->setText(
                token->toPlainText().trimmed().isEmpty() ? QString() : tr("Not a JWT whose header can be read."));
            apply->setEnabled(false);
            return;
        }
        QJsonObject discovery;
        const int src = issuer->currentData().toInt();
        if (m_ring && src >= 0 && src < m_ring->count() && m_ring->at(src).fetch)
            discovery = m_ring->at(src).fetch->discovery;
        *suggestion = krakend::Suggestion::fromToken(ins.token, discovery);
        roles->addItem(tr("(leave as is)"), QString());
        for (const auto &c : suggestion->rolesKey)
            roles->addItem(
                (c.nested ? tr("%1 — %2 (nested)") : QStringLiteral("%1 \u2014 %2")).arg(c.path, c.shape), c.path);
        if (roles->count() > 1)
            roles->setCurrentIndex(1);
        scopes->addItem(tr("(leave as is)"), QString());
        for (const auto &c : suggestion->scopesKey)
            scopes->addItem(QStringLiteral("%1 \u2014 %2").arg(c.path, c.shape), c.path);
        if (scopes->count() > 1)
            scopes->setCurrentIndex(1);
        QStringList lines;
        auto line = [&](const char *name, const QString &v) {
            if (!v.isEmpty())
                lines.append(QStringLiteral("%1: %2").arg(QLatin1String(name), v));
        };
        line("alg", suggestion->alg);
        line("issuer", suggestion->issuer);
        line("audience", suggestion->audience.join(QStringLiteral(", ")));
        line("jwk_url", suggestion->jwkUrl);
        preview->setText(
            lines.isEmpty() ? tr("The token reveals nothing to fill.") : tr("Will set:\n%1").arg(lines.join(u'\n')));
        apply->setEnabled(true);
    };
    connect(token, &QPlainTextEdit::textChanged, dialog, update);
    connect(issuer, &QComboBox::currentIndexChanged, dialog, update);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(apply, &QPushButton::clicked, dialog, [this, dialog, roles, scopes, suggestion] {
        krakend::Suggestion s = *suggestion;
        const QString rolesKey = roles->currentData().toString();
        const QString scopesKey = scopes->currentData().toString();
        if (rolesKey.isEmpty())
            s.rolesKey.clear();
        if (scopesKey.isEmpty())
            s.scopesKey.clear();
        if (applySuggestion(s, rolesKey, scopesKey)) {
            Q_EMIT statusMessage(tr("Validator filled from the token"));
            dialog->accept();
        }
    });
    dialog->open();
}

} // namespace jwb::ui
