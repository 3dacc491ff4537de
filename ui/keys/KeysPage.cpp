#include "keys/KeysPage.h"

#include "common/AtomicFile.h"
#include "common/Dialogs.h"
#include "common/JsonHighlighter.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "common/Ticker.h"
#include "crypto/CertificateChain.h"
#include "jose/Base64Url.h"
#include "keys/FetchPrompt.h"
#include "keys/KeyLoader.h"
#include "keys/KeySourcesModel.h"
#include "keys/KeysModel.h"
#include "keys/RemoteSourceDialog.h"
#include "keys/Thumbprint.h"
#include "keys/TokenRequestDialog.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace jwb::ui {

using workspace::KeyRing;
using workspace::KeySource;

namespace {

QString prettyJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(jose::Base64Url::encode(bytes));
}

QString fileSafe(const QString &name)
{
    QString safe = name;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    safe = safe.left(60);
    return safe.isEmpty() ? QStringLiteral("key") : safe;
}

QLabel *selectableLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    LongText::fitAnyWidth(label); // a URL, a status, a rotation diff: never wider than the window
    return label;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    widget->setPalette(palette);
}

/// Whether two sets hold the same keys and the same skipped entries (a refresh often brings identical keys).
bool sameKeySet(const keys::JwkSet &a, const keys::JwkSet &b)
{
    if (a.keys.size() != b.keys.size() || a.skipped.size() != b.skipped.size())
        return false;
    for (qsizetype i = 0; i < a.keys.size(); ++i) {
        if (a.keys.at(i).json != b.keys.at(i).json)
            return false;
    }
    for (qsizetype i = 0; i < a.skipped.size(); ++i) {
        if (a.skipped.at(i).kid != b.skipped.at(i).kid || a.skipped.at(i).error.code != b.skipped.at(i).error.code)
            return false;
    }
    return true;
}

QString htmlRow(const QString &name, const QString &value, bool mono = false)
{
    const QString shown = value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped();
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), mono ? QString(u"<code>" + shown + u"</code>") : shown);
}

} // namespace

KeysPage::KeysPage(KeyRing *ring, std::shared_ptr<const common::Clock> clock,
    std::shared_ptr<common::Scheduler> scheduler, QWidget *parent)
    : QWidget(parent),
      m_ring(ring),
      m_clock(clock ? std::move(clock) : common::Clock::system()),
      m_scheduler(scheduler ? std::move(scheduler) : common::Scheduler::qt())
{
    Q_ASSERT(m_ring);
    setObjectName(QStringLiteral("keysPage"));
    m_sourcesModel = new KeySourcesModel(m_ring, this);
    m_keysModel = new KeysModel(m_clock, this);

    createActions();
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("keysSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildSourcesPane());
    splitter->addWidget(buildDetailPane());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({370, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_ring, &KeyRing::sourcesChanged, this, &KeysPage::onSourcesReset);
    connect(m_ring, &KeyRing::sourceChanged, this, &KeysPage::onSourceChanged);
    // One origin's TLS settings are shown with every source of that origin.
    connect(m_ring->trust(), &workspace::TrustStore::changed, this, [this] { showSource(); });
    connect(m_sourceList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showSource();
        updateActions();
    });
    connect(m_keysTable->selectionModel(), &QItemSelectionModel::currentChanged, this, &KeysPage::showKey);

    scheduleAgeRefresh();

    onSourcesReset();
}

KeysPage::~KeysPage() = default;

void KeysPage::followTicker(Ticker *ticker)
{
    m_scheduler->cancel(m_ageRefreshId);
    connect(ticker, &Ticker::ticked, this, [this] {
        m_sourcesModel->refreshAges();
        updateAge();
    });
}

void KeysPage::scheduleAgeRefresh()
{
    m_ageRefreshId = m_scheduler->singleShot(kAgeRefreshMs, this, [this] {
        m_sourcesModel->refreshAges();
        updateAge();
        scheduleAgeRefresh();
    });
}

void KeysPage::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        return action;
    };
    m_pasteAction = make(tr("Paste key or secret…"), QStringLiteral("actionKeysPaste"),
        tr("Add a PEM key or certificate, a JWK, a JWK Set or a shared secret from text"));
    m_fileAction = make(
        tr("Open key file…"), QStringLiteral("actionKeysOpenFile"), tr("Add a key file: PEM, DER, JWK or JWK Set"));
    m_urlAction = make(tr("JWK Set URL…"), QStringLiteral("actionKeysUrl"),
        tr("Fetch a JWK Set from an https URL (KrakenD's jwk_url)"));
    m_issuerAction = make(tr("Issuer (OpenID discovery)…"), QStringLiteral("actionKeysIssuer"),
        tr("Find the JWK Set of an issuer through OpenID Connect discovery"));
    m_generateAction = make(tr("Generate…"), QStringLiteral("actionKeysGenerate"),
        tr("Generate a new signing key (RSA, EC, Ed25519 or a shared secret)"));
    m_tokenAction = make(tr("Get token from identity provider…"), QStringLiteral("actionKeysGetToken"),
        tr("Get a token from an identity provider (client credentials, browser sign-in, device code, refresh) and "
           "open it in the Inspector"));
    m_editAction = make(tr("Edit…"), QStringLiteral("actionKeysEdit"),
        tr("Change the URL and TLS options (CA, pins, insecure, timeout) of the remote source"));
    m_refreshAction = make(tr("Refresh"), QStringLiteral("actionKeysRefresh"),
        tr("Reload the selected source, or fetch it again and show which kids changed"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction = make(tr("Cancel"), QStringLiteral("actionKeysCancel"), tr("Stop the running fetch"));
    m_removeAction = make(tr("Remove"), QStringLiteral("actionKeysRemove"), tr("Remove the selected source"));
    m_exportJwkAction
        = make(tr("Export JWK…"), QStringLiteral("actionKeysExportJwk"), tr("Save the selected key's public JWK"));
    m_exportJwksAction = make(tr("Export JWK Set (public)…"), QStringLiteral("actionKeysExportJwks"),
        tr("Save the public keys of this source as a JWK Set"));
    m_exportPrivateJwksAction = make(tr("Export JWK Set with private keys…"),
        QStringLiteral("actionKeysExportPrivateJwks"), tr("Save the keys including private members (asks first)"));
    m_exportPemAction = make(tr("Export PEM…"), QStringLiteral("actionKeysExportPem"),
        tr("Save the selected key's public key as PEM (SubjectPublicKeyInfo)"));
    m_copyJwkAction = make(tr("Copy JWK"), QStringLiteral("actionKeysCopyJwk"), tr("Copy the selected public JWK"));
    m_copyJwksAction
        = make(tr("Copy JWK Set"), QStringLiteral("actionKeysCopyJwks"), tr("Copy the public keys as a JWK Set"));
    m_copyPemAction
        = make(tr("Copy PEM"), QStringLiteral("actionKeysCopyPem"), tr("Copy the selected public key as PEM"));
    m_copyThumbprintAction = make(tr("Copy thumbprint"), QStringLiteral("actionKeysCopyThumbprint"),
        tr("Copy the RFC 7638 SHA-256 thumbprint of the selected key"));
    m_copyPinAction = make(tr("Copy pin"), QStringLiteral("actionKeysCopyPin"),
        tr("Copy the selected certificate's pin, ready for KrakenD's jwk_fingerprints"));

    connect(m_pasteAction, &QAction::triggered, this, &KeysPage::openPasteDialog);
    connect(m_fileAction, &QAction::triggered, this, &KeysPage::openKeyFileDialog);
    connect(m_urlAction, &QAction::triggered, this, [this] { openRemoteDialog(false); });
    connect(m_issuerAction, &QAction::triggered, this, [this] { openRemoteDialog(true); });
    connect(m_generateAction, &QAction::triggered, this, &KeysPage::openGeneratorDialog);
    connect(m_tokenAction, &QAction::triggered, this, &KeysPage::openTokenDialog);
    connect(m_editAction, &QAction::triggered, this, &KeysPage::openEditDialog);
    connect(m_refreshAction, &QAction::triggered, this, &KeysPage::refreshCurrent);
    connect(m_cancelAction, &QAction::triggered, this, &KeysPage::cancelCurrent);
    connect(m_removeAction, &QAction::triggered, this, &KeysPage::removeCurrent);
    connect(m_exportJwkAction, &QAction::triggered, this, [this] { exportJwk(false); });
    connect(m_exportJwksAction, &QAction::triggered, this, [this] { exportJwks(false); });
    connect(m_exportPrivateJwksAction, &QAction::triggered, this, [this] { exportJwks(true); });
    connect(m_exportPemAction, &QAction::triggered, this, [this] { exportPem(false); });
    connect(m_copyJwkAction, &QAction::triggered, this, &KeysPage::copyJwk);
    connect(m_copyJwksAction, &QAction::triggered, this, &KeysPage::copyJwks);
    connect(m_copyPemAction, &QAction::triggered, this, &KeysPage::copyPem);
    connect(m_copyThumbprintAction, &QAction::triggered, this, &KeysPage::copyThumbprint);
    connect(m_copyPinAction, &QAction::triggered, this, [this] { copyPin(-1); });
}

QWidget *KeysPage::buildSourcesPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("keySourcesPane"));
    pane->setMinimumWidth(300);

    auto *addMenu = new QMenu(pane);
    addMenu->addAction(m_pasteAction);
    addMenu->addAction(m_fileAction);
    addMenu->addAction(m_urlAction);
    addMenu->addAction(m_issuerAction);
    addMenu->addSeparator();
    addMenu->addAction(m_tokenAction);
    m_addButton = new QToolButton(pane);
    m_addButton->setObjectName(QStringLiteral("keysAddButton"));
    m_addButton->setText(tr("Add"));
    m_addButton->setToolTip(tr(
        "Add a key source: pasted text, a file, a JWK Set URL or an issuer; or get a token from an identity provider"));
    m_addButton->setAccessibleName(tr("Add key source"));
    m_addButton->setMenu(addMenu);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *toolbar = new QToolBar(pane);
    toolbar->setObjectName(QStringLiteral("keysToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addWidget(m_addButton);
    toolbar->addAction(m_generateAction);
    toolbar->addSeparator();
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addAction(m_removeAction);

    m_sourceList = new QListView(pane);
    m_sourceList->setObjectName(QStringLiteral("keySourceList"));
    m_sourceList->setAccessibleName(tr("Key sources"));
    m_sourceList->setToolTip(tr("The workspace's key sources; select one to see its keys"));
    m_sourceList->setModel(m_sourcesModel);
    m_sourceList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sourceList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sourceList->setIconSize(QSize(20, 20));
    m_sourceList->setSpacing(2);
    m_sourceList->setUniformItemSizes(false);
    m_sourceList->setWordWrap(true);
    m_sourceList->setTextElideMode(Qt::ElideMiddle);
    m_sourceList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_sourceList->addActions({m_refreshAction, m_cancelAction, m_editAction, m_removeAction});

    m_emptyHint = new QLabel(tr("No key sources yet.\nUse Add to paste a key or secret, open a key file, or fetch a "
                                "JWK Set URL or an issuer; or Generate a new key."),
        pane);
    m_emptyHint->setObjectName(QStringLiteral("keySourcesHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    setTextColor(m_emptyHint, palette().color(QPalette::PlaceholderText));

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(toolbar);
    layout->addWidget(m_sourceList, 1);
    layout->addWidget(m_emptyHint, 1);
    return pane;
}

QWidget *KeysPage::buildDetailPane()
{
    auto *stack = new QStackedWidget(this);
    stack->setObjectName(QStringLiteral("keySourceDetailStack"));

    m_noSourceHint = new QLabel(tr("Select a key source on the left to see its keys."), stack);
    m_noSourceHint->setObjectName(QStringLiteral("keyDetailHint"));
    m_noSourceHint->setAlignment(Qt::AlignCenter);
    m_noSourceHint->setWordWrap(true);
    setTextColor(m_noSourceHint, palette().color(QPalette::PlaceholderText));
    stack->addWidget(m_noSourceHint);

    m_detail = new QWidget(stack);
    m_detail->setObjectName(QStringLiteral("keySourceDetail"));
    stack->addWidget(m_detail);

    m_titleLabel = new QLabel(m_detail);
    m_titleLabel->setObjectName(QStringLiteral("keySourceTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont big = m_titleLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setWeight(QFont::Bold);
    m_titleLabel->setFont(big);
    LongText::fitAnyWidth(m_titleLabel);

    auto *editButton = new QToolButton(m_detail);
    editButton->setObjectName(QStringLiteral("keysEditButton"));
    editButton->setDefaultAction(m_editAction);

    auto *exportMenu = new QMenu(m_detail);
    exportMenu->addAction(m_exportJwkAction);
    exportMenu->addAction(m_exportJwksAction);
    exportMenu->addAction(m_exportPrivateJwksAction);
    exportMenu->addAction(m_exportPemAction);
    exportMenu->addSeparator();
    exportMenu->addAction(m_copyJwkAction);
    exportMenu->addAction(m_copyJwksAction);
    exportMenu->addAction(m_copyPemAction);
    exportMenu->addAction(m_copyThumbprintAction);
    m_exportButton = new QToolButton(m_detail);
    m_exportButton->setObjectName(QStringLiteral("keysExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save or copy keys as JWK, JWK Set or PEM"));
    m_exportButton->setAccessibleName(tr("Export keys"));
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);

    auto *head = new QHBoxLayout;
    head->addWidget(m_titleLabel, 1);
    head->addWidget(editButton);
    head->addWidget(m_exportButton);

    m_locationLabel = selectableLabel(m_detail, QStringLiteral("keySourceLocation"));

    m_statusLabel = selectableLabel(m_detail, QStringLiteral("keySourceStatus"));
    m_progress = new QProgressBar(m_detail);
    m_progress->setObjectName(QStringLiteral("keySourceProgress"));
    m_progress->setAccessibleName(tr("Fetch in progress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(140);
    m_progress->setMaximumHeight(14);
    m_cancelButton = new QPushButton(tr("Cancel"), m_detail);
    m_cancelButton->setObjectName(QStringLiteral("keySourceCancel"));
    m_cancelButton->setToolTip(tr("Stop the running fetch; the keys of the last good fetch stay"));
    connect(m_cancelButton, &QPushButton::clicked, this, &KeysPage::cancelCurrent);
    m_ageLabel = new QLabel(m_detail);
    m_ageLabel->setObjectName(QStringLiteral("keySourceAge"));
    LongText::fitAnyWidth(m_ageLabel);
    setTextColor(m_ageLabel, palette().color(QPalette::PlaceholderText));

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancelButton);
    statusRow->addSpacing(12);
    statusRow->addWidget(m_ageLabel);

    m_errorLabel = new QLabel(m_detail);
    m_errorLabel->setObjectName(QStringLiteral("keySourceError"));
    m_errorLabel->setTextFormat(Qt::RichText);
    LongText::fitAnyWidth(m_errorLabel); // a long error never widens the window (issue #19)
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setAutoFillBackground(true);
    m_errorLabel->setMargin(6);

    m_encodingRow = new QWidget(m_detail);
    m_encodingCombo = new QComboBox(m_encodingRow);
    m_encodingCombo->setObjectName(QStringLiteral("keySecretEncoding"));
    m_encodingCombo->setAccessibleName(tr("Secret encoding"));
    m_encodingCombo->setToolTip(tr("How the secret is written: the key bytes are the UTF-8 text itself, or the "
                                   "text decoded from base64, base64url or hex"));
    m_encodingCombo->addItems(
        {QStringLiteral("utf8"), QStringLiteral("base64"), QStringLiteral("base64url"), QStringLiteral("hex")});
    auto *encodingLayout = new QHBoxLayout(m_encodingRow);
    encodingLayout->setContentsMargins(0, 0, 0, 0);
    encodingLayout->addWidget(new QLabel(tr("Secret encoding:"), m_encodingRow));
    encodingLayout->addWidget(m_encodingCombo);
    encodingLayout->addStretch(1);
    connect(m_encodingCombo, &QComboBox::activated, this, [this] {
        const int index = currentSource();
        if (index < 0 || m_ring->at(index).kind != KeySource::Kind::Secret)
            return;
        KeySource source = m_ring->at(index);
        source.secretEncoding = m_encodingCombo->currentText();
        m_ring->update(index, source);
    });

    m_keysTable = new QTableView(m_detail);
    m_keysTable->setObjectName(QStringLiteral("keysTable"));
    m_keysTable->setAccessibleName(tr("Keys"));
    m_keysTable->setToolTip(tr("The keys of the selected source; select one to see its JWK, PEM and certificate"));
    m_keysTable->setModel(m_keysModel);
    m_keysTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keysTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keysTable->setAlternatingRowColors(true);
    m_keysTable->setWordWrap(false);
    m_keysTable->setTextElideMode(Qt::ElideMiddle);
    m_keysTable->verticalHeader()->hide();
    m_keysTable->horizontalHeader()->setStretchLastSection(true);
    m_keysTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_keysTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_keysTable->addActions(
        {m_copyThumbprintAction, m_copyJwkAction, m_copyPemAction, m_exportJwkAction, m_exportPemAction});

    m_tabs = new QTabWidget(m_detail);
    m_tabs->setObjectName(QStringLiteral("keyDetailTabs"));
    m_tabs->setDocumentMode(true);

    m_jwkView = new QPlainTextEdit(m_tabs);
    m_jwkView->setObjectName(QStringLiteral("keyJwkView"));
    m_jwkView->setAccessibleName(tr("JWK"));
    m_jwkView->setReadOnly(true);
    m_jwkView->setFont(Theme::monospaceFont());
    m_jwkView->setToolTip(tr("The selected key as JWK (public members; private members are never shown)"));
    m_jwkHighlighter = new JsonHighlighter(m_jwkView->document());
    m_jwkHighlighter->setPalette(palette());
    m_tabs->addTab(m_jwkView, tr("JWK"));

    m_pemView = new QPlainTextEdit(m_tabs);
    m_pemView->setObjectName(QStringLiteral("keyPemView"));
    m_pemView->setAccessibleName(tr("PEM"));
    m_pemView->setReadOnly(true);
    m_pemView->setFont(Theme::monospaceFont());
    m_pemView->setToolTip(tr("The selected key's public key as PEM (SubjectPublicKeyInfo)"));
    m_tabs->addTab(m_pemView, tr("PEM"));

    m_keyDetails = new QLabel(m_tabs);
    m_keyDetails->setObjectName(QStringLiteral("keyDetails"));
    m_keyDetails->setTextFormat(Qt::RichText);
    LongText::fitAnyWidth(m_keyDetails);
    m_keyDetails->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_keyDetails->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_keyDetails->setMargin(8);
    auto *detailsScroll = new QScrollArea(m_tabs);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setWidget(m_keyDetails);
    m_tabs->addTab(detailsScroll, tr("Thumbprints && certificate"));

    m_remoteTab = buildRemoteTab();
    m_tabs->addTab(m_remoteTab, tr("Fetch && TLS"));

    auto *vsplit = new QSplitter(Qt::Vertical, m_detail);
    vsplit->setObjectName(QStringLiteral("keyDetailSplitter"));
    vsplit->setChildrenCollapsible(false);
    vsplit->addWidget(m_keysTable);
    vsplit->addWidget(m_tabs);
    vsplit->setStretchFactor(0, 2);
    vsplit->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(m_detail);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(head);
    layout->addWidget(m_locationLabel);
    layout->addLayout(statusRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buildTlsActions());
    layout->addWidget(m_encodingRow);
    layout->addWidget(vsplit, 1);
    return stack;
}

QWidget *KeysPage::buildRemoteTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("keyRemoteTab"));

    m_fetchLabel = new QLabel(tab);
    m_fetchLabel->setObjectName(QStringLiteral("keyFetchDetails"));
    m_fetchLabel->setTextFormat(Qt::RichText);
    LongText::fitAnyWidth(m_fetchLabel);
    m_fetchLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_rotationLabel = selectableLabel(tab, QStringLiteral("keyRotation"));

    m_chainView = new QTreeWidget(tab);
    m_chainView->setObjectName(QStringLiteral("keyTlsChain"));
    m_chainView->setAccessibleName(tr("TLS chain"));
    m_chainView->setToolTip(tr("The certificates the server presented, leaf first, with the pin KrakenD's "
                               "jwk_fingerprints expects"));
    m_chainView->setHeaderLabels({tr("Subject"), tr("Issuer"), tr("Valid from"), tr("Valid until"), tr("Pin")});
    m_chainView->setRootIsDecorated(false);
    m_chainView->setAlternatingRowColors(true);
    m_chainView->setUniformRowHeights(true);
    m_chainView->header()->setStretchLastSection(true);
    m_chainView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_chainView->addAction(m_copyPinAction);
    m_chainView->setMinimumHeight(70);

    auto *copyPinButton = new QPushButton(tr("Copy pin"), tab);
    copyPinButton->setObjectName(QStringLiteral("keyCopyPin"));
    copyPinButton->setToolTip(m_copyPinAction->toolTip());
    connect(copyPinButton, &QPushButton::clicked, this, [this] { copyPin(-1); });

    m_findingsView = new QTreeWidget(tab);
    m_findingsView->setObjectName(QStringLiteral("keyFetchFindings"));
    m_findingsView->setAccessibleName(tr("Fetch findings"));
    m_findingsView->setToolTip(tr("What core noticed about the fetched JWK Set (content type, keys KrakenD would "
                                  "reject, issuer mismatch)"));
    m_findingsView->setHeaderLabels({tr("Severity"), tr("Code"), tr("Message")});
    m_findingsView->setRootIsDecorated(false);
    m_findingsView->setWordWrap(true);
    m_findingsView->header()->setStretchLastSection(true);
    m_findingsView->setMinimumHeight(60);

    auto *chainHead = new QHBoxLayout;
    auto *chainTitle = new QLabel(tr("<b>TLS chain presented</b>"), tab);
    chainHead->addWidget(chainTitle, 1);
    chainHead->addWidget(copyPinButton);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_fetchLabel);
    layout->addWidget(m_rotationLabel);
    layout->addLayout(chainHead);
    layout->addWidget(m_chainView, 2);
    layout->addWidget(new QLabel(tr("<b>Findings</b>"), tab));
    layout->addWidget(m_findingsView, 1);
    return tab;
}

QWidget *KeysPage::buildTlsActions()
{
    m_tlsActions = new QWidget(m_detail);
    m_tlsActions->setObjectName(QStringLiteral("keyTlsActions"));
    m_tlsHint = new QLabel(m_tlsActions);
    m_tlsHint->setObjectName(QStringLiteral("keyTlsHint"));
    m_tlsHint->setWordWrap(true);
    m_tlsHint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // variable text: never widens the window
    m_trustCaButton = new QPushButton(tr("Trust this CA…"), m_tlsActions);
    m_trustCaButton->setObjectName(QStringLiteral("keyTrustCa"));
    m_pinButton = new QPushButton(tr("Pin this certificate"), m_tlsActions);
    m_pinButton->setObjectName(QStringLiteral("keyPinCertificate"));
    m_pinButton->setToolTip(tr("Accept this server's own certificate: its key is pinned (jwk_fingerprints) and, when "
                               "its chain did not verify, the chain's anchor is trusted as well"));
    m_caFileButton = new QPushButton(tr("Add CA file…"), m_tlsActions);
    m_caFileButton->setObjectName(QStringLiteral("keyAddCaFile"));
    m_caFileButton->setToolTip(tr("Trust the CA certificates of a PEM or DER file for this origin (jwk_local_ca)"));
    connect(
        m_trustCaButton, &QPushButton::clicked, this, [this] { applyTrustFix(workspace::TrustFix::Action::TrustCa); });
    connect(m_pinButton, &QPushButton::clicked, this,
        [this] { applyTrustFix(workspace::TrustFix::Action::PinCertificate); });
    connect(
        m_caFileButton, &QPushButton::clicked, this, [this] { applyTrustFix(workspace::TrustFix::Action::AddCaFile); });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_trustCaButton);
    buttons->addWidget(m_pinButton);
    buttons->addWidget(m_caFileButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(m_tlsActions);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_tlsHint);
    layout->addLayout(buttons);
    m_tlsActions->hide();
    return m_tlsActions;
}

void KeysPage::showTlsFailure()
{
    const int index = currentSource();
    const KeySource *source = index >= 0 ? &m_ring->at(index) : nullptr;
    const bool failed = source && source->tlsFailure && !source->fetching;
    const QList<workspace::TrustFix::Offer> offers
        = failed ? workspace::TrustFix::offers(*source->tlsFailure) : QList<workspace::TrustFix::Offer> {};
    auto offered = [&offers](workspace::TrustFix::Action action) {
        return std::any_of(offers.cbegin(), offers.cend(), [action](const auto &o) { return o.action == action; });
    };
    m_tlsActions->setVisible(failed);
    if (!failed)
        return;
    const keysource::TlsFailure &failure = *source->tlsFailure;
    const QString origin = workspace::TrustStore::originOf(source->url());
    QString hint = failure.chain.isEmpty() ? tr("The server presented no certificate.")
                                           : tr("The server presented %n certificate(s), shown under Fetch & TLS.",
                                               nullptr, static_cast<int>(failure.chain.size()));
    if (!offers.isEmpty())
        hint += u' ' + tr("A change of trust applies to %1 on every page.").arg(origin);
    if (failure.hostMismatch)
        hint += u' ' + tr("The certificate is not for this host name: trusting it will not be enough.");
    if (failure.badValidity)
        hint += u' ' + tr("A certificate is expired or not yet valid: trusting it will not be enough.");
    m_tlsHint->setText(hint);
    m_trustCaButton->setVisible(offered(workspace::TrustFix::Action::TrustCa));
    m_pinButton->setVisible(offered(workspace::TrustFix::Action::PinCertificate));
    m_caFileButton->setVisible(offered(workspace::TrustFix::Action::AddCaFile));
    for (const auto &offer : offers) {
        if (offer.action == workspace::TrustFix::Action::TrustCa)
            m_trustCaButton->setToolTip(tr("Trust “%1” as a certificate authority for %2 (jwk_local_ca)")
                                            .arg(failure.chain.at(offer.certificate).subject, origin));
    }
    // The chain is what the user needs to judge the offer.
    if (!failure.chain.isEmpty())
        m_tabs->setCurrentWidget(m_remoteTab);
}

void KeysPage::applyTrustFix(workspace::TrustFix::Action action)
{
    using workspace::TrustFix;
    const int index = currentSource();
    if (index < 0 || !m_ring->at(index).tlsFailure)
        return;
    const KeySource &source = m_ring->at(index);
    const keysource::TlsFailure failure = *source.tlsFailure;
    const QString origin = workspace::TrustStore::originOf(source.url());
    QList<QSslCertificate> caFile;
    switch (action) {
    case TrustFix::Action::TrustCa: {
        const QList<TrustFix::Offer> offers = TrustFix::offers(failure);
        const auto offer = std::find_if(offers.cbegin(), offers.cend(),
            [](const TrustFix::Offer &o) { return o.action == TrustFix::Action::TrustCa; });
        if (offer == offers.cend())
            return;
        const keysource::PresentedCertificate &cert = failure.chain.at(offer->certificate);
        const auto answer = Dialogs::question(this, tr("Trust This CA"),
            tr("Trust “%1” as a certificate authority for %2?\n\nSHA-256 fingerprint:\n%3\n\nEvery key source, issuer "
               "and jwk_url of %2 will then accept the certificates it issued. Compare the fingerprint with the "
               "one the server's owner gives you before you trust it.")
                .arg(cert.subject, origin, cert.sha256),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        break;
    }
    case TrustFix::Action::AddCaFile: {
        const QString path = Dialogs::getOpenFileName(
            this, tr("Add CA File"), tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (path.isEmpty())
            return;
        const auto read = workspace::TrustStore::readCaFile(path);
        if (!read.ok()) {
            Dialogs::showError(this, tr("Add CA File"), tr("No CA certificate added: %1").arg(read.error().message));
            return;
        }
        caFile = read.value();
        break;
    }
    case TrustFix::Action::PinCertificate:
        break;
    }
    const auto started = TrustFix::applyTo(*m_ring, index, action, caFile);
    if (!started.ok()) {
        Dialogs::showError(this, tr("Change Trust"), started.error().message);
        return;
    }
    Q_EMIT statusMessage(tr("Trust of %1 changed; fetching %n source(s) again", nullptr, started.value()).arg(origin));
}

// ---- adding sources -------------------------------------------------------------------------------------------

int KeysPage::addPasted(const QString &text)
{
    const keys::KeyLoader::Pasted pasted = keys::KeyLoader::classifyPasted(text);
    switch (pasted.kind) {
    case keys::KeyLoader::Pasted::Kind::Empty:
        Q_EMIT statusMessage(tr("Nothing to add: the text is empty"));
        return -1;
    case keys::KeyLoader::Pasted::Kind::Secret: {
        const QString encoding = keys::KeyLoader::encodingName(pasted.encoding);
        // KeyLoader's own message for this case speaks of CLI options; say it in the page's words.
        const QString why = pasted.error->is(common::ErrorCode::UnknownKeyFormat) ? tr("not a PEM key, JWK or JWK Set")
                                                                                  : pasted.error->message;
        const auto answer = Dialogs::question(this, tr("Add Shared Secret"),
            tr("This text is not a key (%1).\n\nAdd it as a shared secret for HS256/384/512, read as %2? You "
               "can change the encoding afterwards.")
                .arg(why, encoding),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            return addSecret(text.trimmed(), encoding);
        Q_EMIT statusMessage(tr("Nothing added"));
        return -1;
    }
    case keys::KeyLoader::Pasted::Kind::NotAKey:
        Dialogs::showError(this, tr("Paste Key"), tr("The text is not a key: %1").arg(pasted.error->message));
        return -1;
    case keys::KeyLoader::Pasted::Kind::Key:
        break;
    }
    const keys::JwkSet &set = *pasted.keys;
    QString name = tr("Pasted %1").arg(set.format);
    if (set.keys.size() == 1 && !set.keys.first().kid.isEmpty())
        name += u' ' + set.keys.first().kid;
    else if (set.keys.size() > 1)
        name = tr("Pasted %1 (%n key(s))", nullptr, static_cast<int>(set.keys.size())).arg(set.format);
    const int index = m_ring->add(KeyRing::pasted(name, text));
    selectSource(index);
    Q_EMIT statusMessage(tr("Added %1").arg(name));
    return index;
}

int KeysPage::addSecret(const QString &text, const QString &encoding, const QString &name)
{
    const int index = m_ring->add(
        KeyRing::secret(name.isEmpty() ? tr("Shared secret %1").arg(m_ring->count() + 1) : name, text, encoding));
    selectSource(index);
    Q_EMIT statusMessage(tr("Added a shared secret"));
    return index;
}

int KeysPage::addFile(const QString &path)
{
    const int index = m_ring->add(KeyRing::file(path));
    selectSource(index);
    const KeySource &source = m_ring->at(index);
    Q_EMIT statusMessage(!source.error
            ? tr("Opened %1").arg(source.name)
            : tr("Could not read %1: %2").arg(source.name, KeySourcesModel::errorMessage(source)));
    return index;
}

int KeysPage::addUrl(const QString &url, bool issuer, const keysource::NetworkOptions &options)
{
    KeySource source = KeyRing::url(url, issuer);
    source.timeoutMs = options.timeoutMs;
    workspace::TrustSettings trust;
    trust.extraCa = options.extraCa;
    trust.pins = options.pins;
    trust.insecure = options.insecure;
    if (!trust.isEmpty())
        m_ring->trust()->set(workspace::TrustStore::originOf(source.url()), trust);
    const int index = m_ring->add(source);
    selectSource(index);
    Q_EMIT statusMessage(tr("Fetching %1").arg(url));
    return index;
}

int KeysPage::generate(const KeyGeneratorDialog::Options &options)
{
    const auto jwk = KeyGeneratorDialog::generateNow(options);
    if (!jwk) {
        Dialogs::showError(this, tr("Generate Key"), jwk.error().message);
        return -1;
    }
    return addGenerated(jwk.value());
}

int KeysPage::addGenerated(const keys::Jwk &jwk, const QString &name)
{
    const int index
        = m_ring->add(KeyRing::generated(name.isEmpty() ? KeyGeneratorDialog::defaultName(jwk) : name, jwk));
    selectSource(index);
    Q_EMIT statusMessage(tr("Generated %1").arg(m_ring->at(index).name));
    return index;
}

void KeysPage::openPasteDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("pasteKeyDialog"));
    dialog->setWindowTitle(tr("Paste Key or Secret"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *edit = new QPlainTextEdit(dialog);
    edit->setObjectName(QStringLiteral("pasteKeyEdit"));
    edit->setAccessibleName(tr("Key text"));
    edit->setToolTip(tr("A PEM key or certificate, a JWK, a JWK Set, or a shared secret"));
    edit->setPlaceholderText(tr("Paste a PEM key or certificate, a JWK, a JWK Set, or a shared secret"));
    edit->setFont(Theme::monospaceFont());
    const QString clip = QApplication::clipboard()->text();
    if (clip.size() < 64 * 1024)
        edit->setPlainText(clip);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edit] { addPasted(edit->toPlainText()); });
    dialog->resize(560, 360);
    dialog->open();
}

void KeysPage::openKeyFileDialog()
{
    const QString path = Dialogs::getOpenFileName(
        this, tr("Open Key File"), tr("Keys (*.json *.jwk *.jwks *.pem *.crt *.cer *.key *.der *.pub);;All files (*)"));
    if (!path.isEmpty())
        addFile(path);
}

void KeysPage::openRemoteDialog(bool issuer)
{
    auto *dialog = new RemoteSourceDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(issuer ? tr("Add Issuer") : tr("Add JWK Set URL"));
    dialog->setTrustStore(m_ring->trust());
    dialog->setSource(KeyRing::url({}, issuer));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const KeySource source = dialog->source();
        m_ring->trust()->set(workspace::TrustStore::originOf(source.url()), dialog->trust());
        const int index = m_ring->add(source);
        selectSource(index);
        Q_EMIT statusMessage(tr("Fetching %1").arg(source.location));
    });
    dialog->open();
}

void KeysPage::openEditDialog()
{
    const int index = currentSource();
    if (index < 0 || !m_ring->at(index).isRemote())
        return;
    auto *dialog = new RemoteSourceDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit %1").arg(m_ring->at(index).name));
    dialog->setTrustStore(m_ring->trust());
    dialog->setSource(m_ring->at(index));
    const QString id = m_ring->at(index).id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        const int i = m_ring->indexOf(id);
        if (i < 0)
            return;
        const KeySource source = dialog->source();
        m_ring->trust()->set(workspace::TrustStore::originOf(source.url()), dialog->trust());
        m_ring->update(i, source);
    });
    dialog->open();
}

void KeysPage::openGeneratorDialog()
{
    auto *dialog = new KeyGeneratorDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyGeneratorDialog::generated, this, [this](const keys::Jwk &jwk) { addGenerated(jwk); });
    dialog->open();
}

TokenRequestDialog *KeysPage::openTokenDialog()
{
    auto *dialog = new TokenRequestDialog([this](const QUrl &url) { return m_ring->trust()->optionsFor(url); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TokenRequestDialog::tokenObtained, this, &KeysPage::openInInspector);
    connect(dialog, &TokenRequestDialog::flowFinished, this, [this, dialog](bool ok) {
        if (!ok)
            return;
        const auto s = dialog->settings();
        if (!s)
            return;
        const QString issuer = s->issuer.toString();
        for (int i = 0; i < m_ring->count(); ++i)
            if (m_ring->at(i).isRemote() && m_ring->at(i).location == issuer)
                return;
        addUrl(issuer, true, s->network);
        Q_EMIT statusMessage(tr("Added the issuer %1 to the key ring").arg(issuer));
    });
    dialog->show();
    return dialog;
}

void KeysPage::refreshCurrent()
{
    const int index = currentSource();
    if (index < 0)
        return;
    if (!fetchOnRequest(this, m_ring, index))
        return;
    Q_EMIT statusMessage(m_ring->at(index).isRemote() ? tr("Fetching %1 again").arg(m_ring->at(index).location)
                                                      : tr("Reloaded %1").arg(m_ring->at(index).name));
}

void KeysPage::cancelCurrent()
{
    const int index = currentSource();
    if (index >= 0 && m_ring->at(index).fetching) {
        m_ring->cancel(index);
        Q_EMIT statusMessage(tr("Fetch cancelled"));
    }
}

void KeysPage::removeCurrent()
{
    const int index = currentSource();
    if (index < 0)
        return;
    const KeySource &source = m_ring->at(index);
    if (source.kind == KeySource::Kind::Generated || source.kind == KeySource::Kind::Secret) {
        // Generated keys and typed secrets exist nowhere else: removing them loses them for good.
        const auto answer = Dialogs::question(this, tr("Remove Key Source"),
            tr("“%1” exists only in this workspace. Remove it? Export it first if you still need it.").arg(source.name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    const QString name = source.name;
    m_ring->remove(index);
    if (m_ring->count() > 0)
        selectSource(qMin(index, m_ring->count() - 1));
    Q_EMIT statusMessage(tr("Removed %1").arg(name));
}

// ---- selection ------------------------------------------------------------------------------------------------

void KeysPage::selectSource(int index)
{
    if (index < 0 || index >= m_sourcesModel->rowCount()) {
        m_sourceList->selectionModel()->clearCurrentIndex();
        m_sourceList->selectionModel()->clearSelection();
        return;
    }
    m_sourceList->selectionModel()->setCurrentIndex(m_sourcesModel->index(index), QItemSelectionModel::ClearAndSelect);
}

int KeysPage::currentSource() const
{
    const QModelIndex current = m_sourceList->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void KeysPage::selectKey(int row)
{
    if (row < 0 || row >= m_keysModel->rowCount())
        return;
    m_keysTable->selectionModel()->setCurrentIndex(
        m_keysModel->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int KeysPage::currentKey() const
{
    const QModelIndex current = m_keysTable->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

const keys::Jwk *KeysPage::selectedJwk() const
{
    const int row = currentKey();
    if (row >= 0)
        return m_keysModel->jwkAt(row);
    // With nothing selected, a source of one key means that key.
    return m_keysModel->keySet().keys.size() == 1 ? m_keysModel->jwkAt(0) : nullptr;
}

void KeysPage::onSourcesReset()
{
    // The ring reset the model: find the source shown before by id.
    const int again = m_shownId.isEmpty() ? -1 : m_ring->indexOf(m_shownId);
    m_sourceList->setVisible(m_ring->count() > 0);
    m_emptyHint->setVisible(m_ring->count() == 0);
    if (again >= 0)
        selectSource(again);
    else
        showSource();
    updateActions();
}

void KeysPage::onSourceChanged(int index)
{
    if (index == currentSource())
        showSource();
    updateActions();
}

void KeysPage::showSource()
{
    auto *stack = qobject_cast<QStackedWidget *>(m_detail->parentWidget());
    const int index = currentSource();
    if (index < 0) {
        stack->setCurrentWidget(m_noSourceHint);
        m_noSourceHint->setText(
            m_ring->count() == 0 ? tr("No key sources yet.") : tr("Select a key source on the left to see its keys."));
        m_shownId.clear();
        m_keysModel->clear();
        showKey();
        showTlsFailure();
        return;
    }
    stack->setCurrentWidget(m_detail);
    const KeySource &source = m_ring->at(index);

    m_titleLabel->setText(source.name);
    QString location = KeySourcesModel::kindText(source);
    if (!source.location.isEmpty())
        location += QStringLiteral(" · ") + source.location;
    if (source.isRemote()) {
        const workspace::TrustSettings trust = m_ring->trust()->settingsFor(source.url());
        QStringList tls;
        if (trust.insecure)
            tls.append(tr("disable_jwk_security: certificates not checked"));
        if (!trust.extraCa.isEmpty())
            tls.append(tr("extra CA: %n certificate(s)", nullptr, static_cast<int>(trust.extraCa.size())));
        if (!trust.pins.isEmpty())
            tls.append(tr("%n pin(s)", nullptr, static_cast<int>(trust.pins.size())));
        if (!tls.isEmpty())
            location += QStringLiteral(" · ") + tls.join(QStringLiteral(", "));
    }
    m_locationLabel->setText(location);

    // The error has its own banner below; the status line only says what is usable.
    if (!source.keys && source.error && !source.fetching)
        m_statusLabel->setText(tr("No usable keys"));
    else
        m_statusLabel->setText(KeySourcesModel::statusText(source, false));
    m_progress->setVisible(source.fetching);
    m_cancelButton->setVisible(source.fetching);

    if (!source.error) {
        m_errorLabel->hide();
    } else {
        // The sentence leads; the machine code is in the tooltip for people who search for it (issue #19 item 9).
        QString html = KeySourcesModel::errorMessage(source).toHtmlEscaped();
        m_errorLabel->setToolTip(KeySourcesModel::errorCodeLine(source));
        if (source.keys && !source.fetching)
            html += u"<br/>" + tr("The keys below are from the last successful fetch.").toHtmlEscaped();
        m_errorLabel->setText(html);
        QPalette palette = m_errorLabel->palette();
        palette.setColor(QPalette::Window, Theme::severityBackground(common::Severity::Error, this->palette()));
        palette.setColor(QPalette::WindowText, Theme::severityColor(common::Severity::Error, this->palette()));
        m_errorLabel->setPalette(palette);
        m_errorLabel->show();
    }

    showTlsFailure();

    m_encodingRow->setVisible(source.kind == KeySource::Kind::Secret);
    if (source.kind == KeySource::Kind::Secret)
        m_encodingCombo->setCurrentText(source.secretEncoding);
    updateAge();

    // Keep the table (and the key selection) while only the fetch stage changes.
    const bool sameSource = m_shownId == source.id;
    const bool sameKeys
        = sameSource && (source.keys ? sameKeySet(*source.keys, m_keysModel->keySet()) : m_keysModel->rowCount() == 0);
    if (!sameKeys) {
        const QString previousKid = sameSource && selectedJwk() ? selectedJwk()->kid : QString();
        m_shownId = source.id;
        if (source.keys)
            m_keysModel->setKeys(*source.keys);
        else
            m_keysModel->clear();
        m_keysTable->resizeColumnsToContents();
        const int kidWidth = m_keysTable->columnWidth(KeysModel::Kid);
        m_keysTable->setColumnWidth(KeysModel::Kid, qMin(kidWidth, 180));
        m_keysTable->setColumnWidth(KeysModel::Thumbprint, qMin(m_keysTable->columnWidth(KeysModel::Thumbprint), 340));
        m_keysTable->setColumnWidth(KeysModel::X5t, qMin(m_keysTable->columnWidth(KeysModel::X5t), 140));
        m_keysTable->setColumnWidth(
            KeysModel::Certificate, qMin(m_keysTable->columnWidth(KeysModel::Certificate), 260));
        const int again = previousKid.isEmpty() ? -1 : m_keysModel->rowOfKid(previousKid);
        selectKey(again >= 0 ? again : 0);
    }
    // Without keys the detail tabs would only repeat "no keys"; the table and the banner say it.
    m_tabs->setVisible(m_keysModel->rowCount() > 0 || source.isRemote());
    showKey();
    showRemote();
}

void KeysPage::updateAge()
{
    const int index = currentSource();
    m_ageLabel->setText(index < 0 ? QString() : KeySourcesModel::ageText(m_ring->at(index), m_ring->ageSeconds(index)));
}

void KeysPage::showKey()
{
    const int row = currentKey();
    const keys::SkippedKey *skipped = row >= 0 ? m_keysModel->skippedAt(row) : nullptr;
    const keys::Jwk *jwk = selectedJwk();
    if (skipped) {
        m_jwkView->setPlainText(tr("This key could not be used:\n%1").arg(skipped->error.message));
        m_pemView->clear();
        m_keyDetails->setText(QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                                  .arg(tr("Skipped key %1").arg(skipped->index + 1).toHtmlEscaped(),
                                      skipped->error.message.toHtmlEscaped()));
        updateActions();
        return;
    }
    if (!jwk) {
        const bool none = m_keysModel->rowCount() == 0;
        const QString hint = none ? tr("No keys to show.") : tr("Select a key in the table.");
        m_jwkView->setPlainText(hint);
        m_pemView->setPlainText(hint);
        m_keyDetails->setText(hint.toHtmlEscaped());
        updateActions();
        return;
    }

    const bool secret = jwk->key.type() == crypto::KeyType::Oct;
    QJsonObject shown = jwk->publicJson();
    if (secret)
        shown.insert(QStringLiteral("k"), tr("(hidden: %1-bit secret)").arg(jwk->key.bits()));
    QString jwkText = prettyJson(shown);
    if (jwk->key.isPrivate() && !secret)
        jwkText += u"\n\n" + tr("// private members hidden; Export JWK Set with private keys writes them");
    m_jwkView->setPlainText(jwkText);

    if (secret) {
        m_pemView->setPlainText(tr("A shared secret has no PEM form."));
    } else {
        const auto pem = jwk->key.publicKey().toPem(false);
        m_pemView->setPlainText(pem ? QString::fromLatin1(pem.value()) : pem.error().message);
    }

    QString html = QStringLiteral("<table>");
    html += htmlRow(tr("Key"), jwk->key.description()); // "RSA 2048 private": the description says it
    html += htmlRow(tr("kid"), jwk->kid);
    html += htmlRow(tr("alg"), jwk->alg);
    html += htmlRow(tr("use"), jwk->use);
    if (jwk->hasKeyOps)
        html += htmlRow(tr("key_ops"), jwk->keyOps.join(QStringLiteral(", ")));
    QStringList algs;
    for (const auto alg : jwk->allowedAlgorithms())
        algs.append(crypto::Algorithms::name(alg));
    html += htmlRow(tr("Verifies"), algs.join(QStringLiteral(", ")));
    html += htmlRow(tr("Thumbprint SHA-256"), keys::Thumbprint::base64Url(jwk->key), true);
    html
        += htmlRow(tr("Thumbprint SHA-384"), keys::Thumbprint::base64Url(jwk->key, keys::ThumbprintHash::Sha384), true);
    html
        += htmlRow(tr("Thumbprint SHA-512"), keys::Thumbprint::base64Url(jwk->key, keys::ThumbprintHash::Sha512), true);
    if (!secret)
        html += htmlRow(tr("KrakenD pin (SPKI)"), keys::Thumbprint::spkiPin(jwk->key.spkiDer()), true);
    if (!jwk->x5t.isEmpty())
        html += htmlRow(tr("x5t"), base64Url(jwk->x5t), true);
    if (!jwk->x5tS256.isEmpty())
        html += htmlRow(tr("x5t#S256"), base64Url(jwk->x5tS256), true);
    html += QStringLiteral("</table>");

    QList<QByteArray> chain = jwk->x5c;
    if (chain.isEmpty() && jwk->key.hasCertificate())
        chain.append(jwk->key.certificate().der);
    const auto certificates = crypto::CertificateChain::describe(chain);
    const QDateTime now = m_clock->now();
    for (int i = 0; i < certificates.size(); ++i) {
        const auto &cert = certificates.at(i);
        html += QStringLiteral("<p><b>%1</b></p><table>")
                    .arg((i == 0 ? tr("Certificate") : tr("Issuer certificate %1").arg(i)).toHtmlEscaped());
        html += htmlRow(tr("Subject"), cert.subject);
        html += htmlRow(tr("Issuer"), cert.selfSigned ? tr("%1 (self-signed)").arg(cert.issuer) : cert.issuer);
        QString validity
            = tr("%1 to %2")
                  .arg(cert.notBefore.toUTC().toString(Qt::ISODate), cert.notAfter.toUTC().toString(Qt::ISODate));
        if (cert.notAfter.isValid() && cert.notAfter < now)
            validity = tr("%1 (expired)").arg(validity);
        else if (cert.notBefore.isValid() && cert.notBefore > now)
            validity = tr("%1 (not yet valid)").arg(validity);
        html += htmlRow(tr("Validity"), validity);
        html += htmlRow(tr("Serial"), cert.serialHex, true);
        html += htmlRow(
            tr("SHA-1 (x5t)"), base64Url(QCryptographicHash::hash(cert.der, QCryptographicHash::Sha1)), true);
        html += htmlRow(
            tr("SHA-256 (x5t#S256)"), base64Url(QCryptographicHash::hash(cert.der, QCryptographicHash::Sha256)), true);
        html += QStringLiteral("</table>");
    }
    if (!jwk->findings.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Findings").toHtmlEscaped());
        for (const auto &finding : jwk->findings) {
            html += QStringLiteral("<li><span style='color:%1'>%2</span> <code>%3</code>: %4</li>")
                        .arg(Theme::severityColor(finding.severity, palette()).name(),
                            Theme::severityLabel(finding.severity).toHtmlEscaped(), finding.code.toHtmlEscaped(),
                            finding.message.toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    m_keyDetails->setText(html);
    updateActions();
}

void KeysPage::showRemote()
{
    const int index = currentSource();
    const bool remote = index >= 0 && m_ring->at(index).isRemote();
    m_tabs->setTabVisible(m_tabs->indexOf(m_remoteTab), remote);
    m_chainView->clear();
    m_findingsView->clear();
    if (!remote) {
        m_fetchLabel->clear();
        m_rotationLabel->clear();
        return;
    }
    const KeySource &source = m_ring->at(index);
    // What the server presented: at the failure when TLS refused it (the current state), else at the last fetch.
    const auto showChain = [this](const QList<keysource::PresentedCertificate> &chain, const QString &none) {
        for (const auto &cert : chain) {
            auto *item = new QTreeWidgetItem(
                m_chainView, {cert.subject, cert.issuer, cert.notBefore, cert.notAfter, cert.pin});
            item->setFont(4, Theme::monospaceFont());
            item->setToolTip(0, tr("Certificate SHA-256: %1").arg(cert.sha256));
            item->setToolTip(4, tr("SHA-256 of the certificate's public key, as KrakenD's jwk_fingerprints wants it"));
            item->setData(4, Qt::UserRole, cert.pin);
        }
        if (chain.isEmpty())
            new QTreeWidgetItem(m_chainView, {none});
        for (int column = 0; column < 4; ++column)
            m_chainView->resizeColumnToContents(column);
        if (m_chainView->topLevelItemCount() > 0)
            m_chainView->setCurrentItem(m_chainView->topLevelItem(0));
    };
    if (source.tlsFailure && !source.fetching) {
        const keysource::TlsFailure &failure = *source.tlsFailure;
        QString html = QStringLiteral("<table>");
        html += htmlRow(tr("Server"), failure.server.toDisplayString());
        html += htmlRow(tr("TLS refused it"), failure.errors.join(QStringLiteral("; ")));
        html += QStringLiteral("</table>");
        m_fetchLabel->setText(html);
        m_rotationLabel->clear();
        showChain(failure.chain, tr("(the server presented no certificate)"));
        new QTreeWidgetItem(m_findingsView, {QString(), QString(), tr("No findings.")});
        return;
    }
    if (!source.fetch) {
        m_fetchLabel->setText(source.fetching ? tr("Fetching…") : tr("Not fetched successfully yet."));
        m_rotationLabel->clear();
        return;
    }
    const keysource::JwksResult &fetch = *source.fetch;
    QString html = QStringLiteral("<table>");
    if (!fetch.issuer.isEmpty())
        html += htmlRow(tr("Issuer"), fetch.issuer.toDisplayString());
    if (!fetch.discoveryUrl.isEmpty())
        html += htmlRow(tr("Discovery URL"), fetch.discoveryUrl.toDisplayString());
    html += htmlRow(tr("JWKS URL"), fetch.jwksUrl.toDisplayString());
    if (fetch.response.url.isValid() && fetch.response.url != fetch.jwksUrl)
        html += htmlRow(tr("Final URL"), fetch.response.url.toDisplayString());
    html += htmlRow(tr("HTTP"),
        tr("%1, %2, %n byte(s)", nullptr, static_cast<int>(fetch.response.body.size()))
            .arg(fetch.response.status)
            .arg(fetch.response.contentType.isEmpty() ? tr("no content type")
                                                      : QString::fromLatin1(fetch.response.contentType)));
    if (fetch.response.maxAgeSeconds >= 0)
        html += htmlRow(tr("Cache-Control max-age"), tr("%1 s").arg(fetch.response.maxAgeSeconds));
    html += QStringLiteral("</table>");
    m_fetchLabel->setText(html);

    if (source.rotation.isEmpty()) {
        m_rotationLabel->setText(tr("Last refresh: no kids added or removed."));
    } else {
        QStringList parts;
        if (!source.rotation.added.isEmpty())
            parts.append(tr("added %1").arg(source.rotation.added.join(QStringLiteral(", "))));
        if (!source.rotation.removed.isEmpty())
            parts.append(tr("removed %1").arg(source.rotation.removed.join(QStringLiteral(", "))));
        m_rotationLabel->setText(tr("Last refresh (key rotation): %1.").arg(parts.join(QStringLiteral("; "))));
    }

    showChain(fetch.response.chain, tr("(no TLS: plain http)"));

    common::Findings findings = fetch.findings;
    for (const auto &finding : source.keys ? source.keys->findings : common::Findings {}) {
        if (!findings.contains(finding))
            findings.append(finding);
    }
    for (const auto &finding : findings) {
        auto *item = new QTreeWidgetItem(
            m_findingsView, {Theme::severityLabel(finding.severity), finding.code, finding.message});
        item->setIcon(0, Theme::severityIcon(finding.severity));
        item->setToolTip(2, finding.message);
    }
    if (findings.isEmpty())
        new QTreeWidgetItem(m_findingsView, {QString(), QString(), tr("No findings.")});
    m_findingsView->resizeColumnToContents(0);
    m_findingsView->resizeColumnToContents(1);
}

void KeysPage::updateActions()
{
    const int index = currentSource();
    const bool has = index >= 0;
    const KeySource *source = has ? &m_ring->at(index) : nullptr;
    const bool hasKeys = source && source->keys && !source->keys->keys.isEmpty();
    const keys::Jwk *jwk = has ? selectedJwk() : nullptr;
    const bool asymmetric = jwk && jwk->key.type() != crypto::KeyType::Oct;
    m_refreshAction->setEnabled(has);
    m_cancelAction->setEnabled(source && source->fetching);
    m_removeAction->setEnabled(has);
    m_editAction->setEnabled(source && source->isRemote());
    if (auto *edit = findChild<QToolButton *>(QStringLiteral("keysEditButton")))
        edit->setVisible(source && source->isRemote());
    m_exportButton->setEnabled(hasKeys);
    m_exportJwkAction->setEnabled(asymmetric);
    m_exportJwksAction->setEnabled(hasKeys);
    m_exportPrivateJwksAction->setEnabled(hasKeys);
    m_exportPemAction->setEnabled(asymmetric);
    m_copyJwkAction->setEnabled(asymmetric);
    m_copyJwksAction->setEnabled(hasKeys);
    m_copyPemAction->setEnabled(asymmetric);
    m_copyThumbprintAction->setEnabled(jwk != nullptr);
    m_copyPinAction->setEnabled(source
        && ((source->tlsFailure && !source->tlsFailure->chain.isEmpty())
            || (source->fetch && !source->fetch->response.chain.isEmpty())));
}

// ---- exports --------------------------------------------------------------------------------------------------

bool KeysPage::confirmPrivate(const QString &what)
{
    const auto answer = Dialogs::question(this, tr("Export Private Keys"),
        tr("%1 will contain private key material. Anyone who gets the file can sign tokens that your services "
           "accept.\n\nWrite the private keys? Choose No to export only the public keys.")
            .arg(what),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}

QJsonObject KeysPage::keySetJson(bool includePrivate, int *leftOut) const
{
    QJsonArray keys;
    int left = 0;
    for (const auto &jwk : m_keysModel->keySet().keys) {
        if (includePrivate) {
            keys.append(jwk.json);
        } else if (jwk.key.type() == crypto::KeyType::Oct) {
            ++left; // a shared secret has no public half
        } else {
            keys.append(jwk.publicJson());
        }
    }
    if (leftOut)
        *leftOut = left;
    return QJsonObject {{QStringLiteral("keys"), keys}};
}

bool KeysPage::saveText(
    const QString &title, const QString &filter, const QString &suggested, const QByteArray &bytes, bool secret)
{
    const QString path = Dialogs::getSaveFileName(this, title, filter, suggested);
    if (path.isEmpty())
        return false;
    if (auto written = common::AtomicFile::write(
            path, bytes, secret ? common::AtomicFile::Access::Secret : common::AtomicFile::Access::Default);
        !written) {
        Dialogs::showError(this, title, written.error().message);
        return false;
    }
    Q_EMIT statusMessage(tr("Wrote %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool KeysPage::exportJwk(bool includePrivate)
{
    const keys::Jwk *jwk = selectedJwk();
    if (!jwk)
        return false;
    const bool secret = jwk->key.type() == crypto::KeyType::Oct;
    bool withPrivate = includePrivate && (jwk->key.isPrivate() || secret);
    if (withPrivate)
        withPrivate = confirmPrivate(tr("The JWK"));
    if (secret && !withPrivate) {
        Dialogs::showError(this, tr("Export JWK"), tr("A shared secret has no public part to export."));
        return false;
    }
    const QJsonObject json = withPrivate ? jwk->json : jwk->publicJson();
    const QString base = fileSafe(jwk->kid.isEmpty() ? m_titleLabel->text() : jwk->kid);
    return saveText(tr("Export JWK"), tr("JWK (*.json *.jwk);;All files (*)"), base + QStringLiteral(".jwk.json"),
        QJsonDocument(json).toJson(QJsonDocument::Indented), withPrivate);
}

bool KeysPage::exportJwks(bool includePrivate)
{
    if (m_keysModel->keySet().keys.isEmpty())
        return false;
    const bool withPrivate = includePrivate && confirmPrivate(tr("The JWK Set"));
    int left = 0;
    const QJsonObject json = keySetJson(withPrivate, &left);
    if (json.value(QStringLiteral("keys")).toArray().isEmpty()) {
        Dialogs::showError(this, tr("Export JWK Set"),
            tr("This source holds only shared secrets; they have no public part. Export with private keys to write "
               "them."));
        return false;
    }
    const bool written = saveText(tr("Export JWK Set"), tr("JWK Set (*.json *.jwks);;All files (*)"),
        fileSafe(m_titleLabel->text()) + QStringLiteral(".jwks.json"),
        QJsonDocument(json).toJson(QJsonDocument::Indented), withPrivate);
    if (written && left > 0)
        Q_EMIT statusMessage(tr("Wrote the public keys; %n shared secret(s) left out", nullptr, left));
    return written;
}

bool KeysPage::exportPem(bool includePrivate)
{
    const keys::Jwk *jwk = selectedJwk();
    if (!jwk)
        return false;
    if (jwk->key.type() == crypto::KeyType::Oct) {
        Dialogs::showError(this, tr("Export PEM"), tr("A shared secret has no PEM form."));
        return false;
    }
    const bool withPrivate = includePrivate && jwk->key.isPrivate() && confirmPrivate(tr("The PEM file"));
    const auto pem = withPrivate ? jwk->key.toPem(true) : jwk->key.publicKey().toPem(false);
    if (!pem) {
        Dialogs::showError(this, tr("Export PEM"), pem.error().message);
        return false;
    }
    const QString base = fileSafe(jwk->kid.isEmpty() ? m_titleLabel->text() : jwk->kid);
    return saveText(tr("Export PEM"), tr("PEM (*.pem);;All files (*)"),
        base + (withPrivate ? QStringLiteral(".key.pem") : QStringLiteral(".pub.pem")), pem.value(), withPrivate);
}

void KeysPage::setClipboard(const QString &text, const QString &message)
{
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(message);
}

void KeysPage::copyJwk()
{
    const keys::Jwk *jwk = selectedJwk();
    if (jwk && jwk->key.type() != crypto::KeyType::Oct)
        setClipboard(prettyJson(jwk->publicJson()), tr("Copied the public JWK"));
}

void KeysPage::copyJwks()
{
    int left = 0;
    const QJsonObject json = keySetJson(false, &left);
    if (json.value(QStringLiteral("keys")).toArray().isEmpty())
        return;
    setClipboard(prettyJson(json),
        left > 0 ? tr("Copied the public JWK Set (%n shared secret(s) left out)", nullptr, left)
                 : tr("Copied the public JWK Set"));
}

void KeysPage::copyPem()
{
    const keys::Jwk *jwk = selectedJwk();
    if (!jwk || jwk->key.type() == crypto::KeyType::Oct)
        return;
    const auto pem = jwk->key.publicKey().toPem(false);
    if (pem)
        setClipboard(QString::fromLatin1(pem.value()), tr("Copied the public key as PEM"));
}

void KeysPage::copyThumbprint()
{
    if (const keys::Jwk *jwk = selectedJwk())
        setClipboard(keys::Thumbprint::base64Url(jwk->key), tr("Copied the RFC 7638 thumbprint"));
}

void KeysPage::copyPin(int row)
{
    QTreeWidgetItem *item = row >= 0 ? m_chainView->topLevelItem(row) : m_chainView->currentItem();
    if (!item)
        return;
    const QString pin = item->data(4, Qt::UserRole).toString();
    if (!pin.isEmpty())
        setClipboard(pin, tr("Copied the pin of %1").arg(item->text(0)));
}

void KeysPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_jwkHighlighter) {
        m_jwkHighlighter->setPalette(palette());
        setTextColor(m_emptyHint, palette().color(QPalette::PlaceholderText));
        setTextColor(m_noSourceHint, palette().color(QPalette::PlaceholderText));
        setTextColor(m_ageLabel, palette().color(QPalette::PlaceholderText));
        showSource();
    }
}

} // namespace jwb::ui
