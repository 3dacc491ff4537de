#include "gateway/SimulationPanel.h"

#include "common/ChecksModel.h"
#include "common/KeyChoiceBox.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "gateway/GatewayWidgets.h"
#include "gateway/JwkCacheTimelineView.h"
#include "jose/Inspection.h"
#include "krakend/RequestBuilder.h"
#include "verification/PolicyMapper.h"
#include "verification/Verify.h"
#include "workspace/KeyContext.h"
#include "workspace/KeyRing.h"

#include <QAbstractItemView>
#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace jwb::ui {

using workspace::KeyRing;

namespace {

using krakend::RequestBuilder;
using krakend::SimulationResult;

enum class Placement { Header, Cookie, Nowhere };

} // namespace

QString SimulationPanel::statusText(int status)
{
    return status ? krakend::statusText(status) : QStringLiteral("\u2014");
}

QColor SimulationPanel::statusColor(int status, const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    switch (status) {
    case 200:
        return dark ? QColor(0x7e, 0xe2, 0xa8) : QColor(0x1a, 0x7f, 0x37);
    case 401:
        return Theme::severityColor(common::Severity::Error, palette);
    case 403:
        return dark ? QColor(0xf5, 0xc2, 0x6b) : QColor(0xa3, 0x5c, 0x00);
    case 500:
    case krakend::kNotStarted: // KrakenD would not start
        return dark ? QColor(0xd8, 0xa6, 0xff) : QColor(0x7b, 0x2c, 0xbf);
    default:
        return palette.color(QPalette::PlaceholderText);
    }
}

SimulationPanel::SimulationPanel(KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    setObjectName(QStringLiteral("simulationPanel"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("simulationSplitter"));
    splitter->addWidget(buildRequest());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    // The answer gets most of the width (issue #19: its trace must be readable at 1280 px); the request is a
    // compact form whose tables stay folded until used.
    splitter->setSizes({320, 960});

    m_endpointLabel = gateway::makeTitle(QStringLiteral("simulationEndpointLabel"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_endpointLabel);
    layout->addWidget(splitter, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { run(false); });

    connect(m_tokenCombo, &QComboBox::editTextChanged, this, &SimulationPanel::scheduleRun);
    connect(m_placementCombo, &QComboBox::currentIndexChanged, this, &SimulationPanel::scheduleRun);
    connect(m_methodCombo, &QComboBox::currentTextChanged, this, &SimulationPanel::scheduleRun);
    connect(m_keys, &KeyChoiceBox::changed, this, &SimulationPanel::scheduleRun);
    connect(m_requestHeaders, &QTableWidget::itemChanged, this, &SimulationPanel::scheduleRun);
    connect(m_cookies, &QTableWidget::itemChanged, this, &SimulationPanel::scheduleRun);
    connect(m_nowRadio, &QRadioButton::toggled, this, &SimulationPanel::scheduleRun);
    connect(m_atRadio, &QRadioButton::toggled, m_atEdit, &QWidget::setEnabled);
    connect(m_atEdit, &QDateTimeEdit::dateTimeChanged, this, &SimulationPanel::scheduleRun);
    connect(m_simulateButton, &QPushButton::clicked, this, &SimulationPanel::simulateNow);
    connect(m_cancelButton, &QPushButton::clicked, this, &SimulationPanel::cancel);
    m_keys->setKeyRing(ring);
    showEmpty(tr("Choose an endpoint of a krakend.json to simulate"));
}

// A running job owns copies of everything it needs; destroying the panel cancels it and drops its result.
SimulationPanel::~SimulationPanel() = default;

void SimulationPanel::setSession(workspace::Session *session)
{
    m_keys->setSession(session);
}

QTableWidget *SimulationPanel::buildPairTable(const QString &objectName, const QString &first, const QString &second)
{
    auto *table = new QTableWidget(0, 2, this);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({first, second});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setMinimumHeight(70);
    table->setMaximumHeight(170);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

QWidget *SimulationPanel::buildRequest()
{
    auto *box = new QGroupBox(tr("Request"), this);

    m_tokenCombo = new QComboBox(box);
    m_tokenCombo->setObjectName(QStringLiteral("simulationTokenCombo"));
    m_tokenCombo->setEditable(true);
    m_tokenCombo->setInsertPolicy(QComboBox::NoInsert);
    m_tokenCombo->setMaxCount(kHistorySize);
    m_tokenCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tokenCombo->setMinimumContentsLength(12);
    m_tokenCombo->lineEdit()->setPlaceholderText(tr("Paste a token (a \"Bearer \" prefix is fine)"));
    m_tokenCombo->lineEdit()->setFont(Theme::monospaceFont());
    m_tokenCombo->setToolTip(tr("The token to send. Paste one, or pick an earlier one from the list"));
    m_tokenCombo->setAccessibleName(tr("Token"));

    m_placementCombo = new QComboBox(box);
    m_placementCombo->setObjectName(QStringLiteral("simulationPlacementCombo"));
    m_placementCombo->setToolTip(
        tr("Where the token goes: the header the config reads (auth_header_name, with \"Bearer \"), its cookie "
           "(cookie_key; KrakenD reads it only when the header is absent), or nowhere (use the tables)"));
    m_placementCombo->setAccessibleName(tr("Place token in"));
    m_placementCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_placementCombo->setMinimumContentsLength(12); // a long header name is elided, not the window widened

    m_methodCombo = new QComboBox(box);
    m_methodCombo->setObjectName(QStringLiteral("simulationMethodCombo"));
    m_methodCombo->setEditable(true);
    m_methodCombo->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_methodCombo->setToolTip(tr("The request's HTTP method (the endpoint's own by default)"));
    m_methodCombo->setAccessibleName(tr("Method"));

    m_requestHeaders = buildPairTable(QStringLiteral("simulationHeadersTable"), tr("Header"), tr("Value"));
    m_requestHeaders->setToolTip(tr("Extra request headers, sent after the token's header; for a "
                                    "repeated name the first one counts, as in Go"));
    m_requestHeaders->setAccessibleName(tr("Request headers"));
    m_cookies = buildPairTable(QStringLiteral("simulationCookiesTable"), tr("Cookie"), tr("Value"));
    m_cookies->setToolTip(tr("Request cookies (sent as Cookie: name=value)"));
    m_cookies->setAccessibleName(tr("Request cookies"));

    struct PairTexts
    {
        QString addTip, addName, removeTip, removeName;
    };
    auto pairButtons = [this, box](QTableWidget *table, const PairTexts &texts) {
        auto *add = new QToolButton(box);
        add->setText(QStringLiteral("+"));
        add->setToolTip(texts.addTip);
        add->setAccessibleName(texts.addName);
        auto *remove = new QToolButton(box);
        remove->setText(QStringLiteral("\u2212"));
        remove->setToolTip(texts.removeTip);
        remove->setAccessibleName(texts.removeName);
        connect(add, &QToolButton::clicked, table, [table] {
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem);
            table->setItem(row, 1, new QTableWidgetItem);
            table->editItem(table->item(row, 0));
        });
        connect(remove, &QToolButton::clicked, this, [this, table] {
            const int row = table->currentRow();
            if (row >= 0) {
                table->removeRow(row);
                scheduleRun();
            }
        });
        auto *row = new QVBoxLayout;
        row->addWidget(add);
        row->addWidget(remove);
        row->addStretch(1);
        auto *h = new QHBoxLayout;
        h->addWidget(table, 1);
        h->addLayout(row);
        return h;
    };
    // A table folds under its title while it is empty, so the request stays a compact form and the answer gets
    // the room (issue #19); the title says how many rows it holds, and adding a row (or unfolding) shows it.
    auto foldable = [box](QTableWidget *table, const QString &title, QLayout *content, const QString &name) {
        auto *toggle = new QToolButton(box);
        toggle->setObjectName(name);
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setAutoRaise(true);
        toggle->setCheckable(true);
        toggle->setToolTip(table->toolTip());
        auto *body = new QWidget(box);
        body->setLayout(content);
        content->setContentsMargins(0, 0, 0, 0);
        auto update = [toggle, body, table, title] {
            toggle->setText(
                table->rowCount() == 0 ? title : QStringLiteral("%1 (%2)").arg(title).arg(table->rowCount()));
            toggle->setArrowType(toggle->isChecked() ? Qt::DownArrow : Qt::RightArrow);
            body->setVisible(toggle->isChecked());
        };
        connect(toggle, &QToolButton::toggled, box, update);
        connect(table->model(), &QAbstractItemModel::rowsInserted, box, [toggle, update] {
            toggle->setChecked(true);
            update();
        });
        connect(table->model(), &QAbstractItemModel::rowsRemoved, box, update);
        update();
        return std::pair {toggle, body};
    };

    m_nowRadio = new QRadioButton(tr("Now"), box);
    m_nowRadio->setObjectName(QStringLiteral("simulationNowRadio"));
    m_nowRadio->setToolTip(tr("Evaluate exp, nbf and iat at the current time"));
    m_nowRadio->setChecked(true);
    m_atRadio = new QRadioButton(tr("At"), box);
    m_atRadio->setObjectName(QStringLiteral("simulationAtRadio"));
    m_atRadio->setToolTip(tr("Evaluate as of a chosen instant (UTC)"));
    auto *group = new QButtonGroup(box);
    group->addButton(m_nowRadio);
    group->addButton(m_atRadio);
    m_atEdit = new QDateTimeEdit(m_clock->now().toUTC(), box);
    m_atEdit->setObjectName(QStringLiteral("simulationAtEdit"));
    m_atEdit->setTimeSpec(Qt::UTC);
    m_atEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_atEdit->setCalendarPopup(true);
    m_atEdit->setEnabled(false);
    m_atEdit->setToolTip(tr("The instant KrakenD's clock shows (UTC)"));
    m_atEdit->setAccessibleName(tr("Evaluation time"));
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_nowRadio);
    timeRow->addWidget(m_atRadio);
    timeRow->addStretch(1);

    m_keys = new KeyChoiceBox(
        KeyChoiceBox::Kind::Endpoint, QStringLiteral("simulationKeyCombo"), QStringLiteral("simulationKeysLine"), box);
    m_keys->combo()->setToolTip(
        tr("Where keys come from. Automatic: the key ring source holding the token's key id, else the source "
           "whose URL is the config's jwk_url, else the config's own jwk_local_path / jwk_url. Choosing an entry "
           "pins it for this endpoint (every other rule of the config still applies)"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Token"), m_tokenCombo);
    form->addRow(tr("Place token in"), m_placementCombo);
    form->addRow(tr("Method"), m_methodCombo);
    form->addRow(tr("Evaluate"), timeRow);
    form->addRow(QString(), m_atEdit);
    form->addRow(tr("Keys"), m_keys->combo());

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    // Below the form, full width: in the form's field column this wrapped line got the height of a narrow one.
    layout->addWidget(m_keys->line());
    for (const auto &[toggle, body] :
        {foldable(m_requestHeaders, tr("Extra headers"),
             pairButtons(m_requestHeaders,
                 {tr("Add a header"), tr("Add header"), tr("Remove the selected header"), tr("Remove header")}),
             QStringLiteral("simulationHeadersToggle")),
            foldable(m_cookies, tr("Cookies"),
                pairButtons(m_cookies,
                    {tr("Add a cookie"), tr("Add cookie"), tr("Remove the selected cookie"), tr("Remove cookie")}),
                QStringLiteral("simulationCookiesToggle"))}) {
        layout->addWidget(toggle);
        layout->addWidget(body);
    }
    auto *hint
        = new QLabel(tr("The token goes where “Place token in” says. Add headers or cookies to try other "
                        "inputs: a second Authorization header (the first one counts), a cookie fallback when the "
                        "header is absent, or a client-sent header that propagate_claims overwrites."),
            box);
    hint->setObjectName(QStringLiteral("simulationRequestHint"));
    hint->setWordWrap(true);
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    hint->setStyleSheet(QStringLiteral("color: %1;").arg(palette().color(QPalette::PlaceholderText).name()));
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addLayout(buildButtons(box));
    return box;
}

QBoxLayout *SimulationPanel::buildButtons(QWidget *box)
{
    m_simulateButton = new QPushButton(tr("Simulate"), box);
    m_simulateButton->setObjectName(QStringLiteral("simulateButton"));
    m_simulateButton->setToolTip(tr("Run KrakenD's pipeline on this request now"));
    m_cancelButton = new QPushButton(tr("Cancel"), box);
    m_cancelButton->setObjectName(QStringLiteral("simulationCancelButton"));
    m_cancelButton->setToolTip(tr("Stop waiting for the running simulation (e.g. a slow jwk_url)"));
    m_cancelButton->setEnabled(false);
    m_busyBar = new QProgressBar(box);
    m_busyBar->setObjectName(QStringLiteral("simulationBusy"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(10);
    m_busyBar->setMinimumWidth(30);
    m_busyBar->setVisible(false);
    // Issue #18: the endpoint's JWK cache over time (why a rotated kid gives 401s for a while).
    auto *timelineButton = new QPushButton(tr("JWK cache timeline…"), box);
    timelineButton->setObjectName(QStringLiteral("jwkCacheTimelineButton"));
    timelineButton->setToolTip(tr("When KrakenD downloads this endpoint's jwk_url key set, and when a rotated kid "
                                  "becomes visible (cache, cache_duration, shared_cache_duration, "
                                  "failed_jwk_key_cooldown)"));
    connect(timelineButton, &QPushButton::clicked, this, [this] {
        auto *view = new JwkCacheTimelineView(m_setup.validator, this);
        view->setAttribute(Qt::WA_DeleteOnClose);
        view->open();
    });
    // The timeline on a row of its own, so the request can be narrow (issue #19).
    auto *timelineRow = new QHBoxLayout;
    timelineRow->addWidget(timelineButton);
    timelineRow->addStretch(1);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_busyBar, 1);
    runRow->addStretch(0);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_simulateButton);
    auto *buttons = new QVBoxLayout;
    buttons->addLayout(timelineRow);
    buttons->addLayout(runRow);
    return buttons;
}

QWidget *SimulationPanel::buildResults()
{
    auto *box = new QGroupBox(tr("KrakenD's answer"), this);

    m_statusLabel = new QLabel(box);
    m_statusLabel->setObjectName(QStringLiteral("simulationStatus"));
    m_statusLabel->setAlignment(Qt::AlignCenter);
    // "401 Unauthorized" or "503 Service Unavailable" in the big font: wraps rather than widening the window.
    m_statusLabel->setWordWrap(true);
    QFont big = m_statusLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setWeight(QFont::Bold);
    m_statusLabel->setFont(big);
    m_statusLabel->setAccessibleName(tr("Status"));

    m_reasonLabel = new QLabel(box);
    m_reasonLabel->setObjectName(QStringLiteral("simulationReason"));
    m_reasonLabel->setTextFormat(Qt::PlainText);
    LongText::fitAnyWidth(m_reasonLabel); // the answer's words never widen the window
    m_reasonLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reasonLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_keySourceLabel = new QLabel(box);
    m_keySourceLabel->setObjectName(QStringLiteral("simulationKeySource"));
    m_keySourceLabel->setTextFormat(Qt::PlainText);
    LongText::fitAnyWidth(m_keySourceLabel); // may name a file path
    m_keySourceLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_keySourceLabel->setStyleSheet(
        QStringLiteral("color: %1;").arg(palette().color(QPalette::PlaceholderText).name()));
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_reasonLabel);
    texts->addWidget(m_keySourceLabel);
    texts->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_statusLabel, 0, Qt::AlignTop);
    top->addLayout(texts, 1);

    m_traceModel = new ChecksModel(this);
    m_traceView = new QTreeView(box);
    m_traceView->setObjectName(QStringLiteral("simulationTrace"));
    m_traceView->setModel(m_traceModel);
    m_traceView->header()->setStretchLastSection(true);
    // The names and outcomes take what they need; the detail column gets the rest (issue #19).
    for (const int column : {ChecksModel::StepColumn, ChecksModel::NameColumn, ChecksModel::OutcomeColumn})
        m_traceView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_traceView->setWordWrap(true);
    m_traceView->setUniformRowHeights(false);
    m_traceView->setAlternatingRowColors(true);
    m_traceView->setToolTip(tr("KrakenD's checks in its order; it stops at the first failure"));
    m_traceView->setAccessibleName(tr("Trace"));

    m_headersView = new QTableWidget(0, 3, box);
    m_headersView->setObjectName(QStringLiteral("simulationBackendHeaders"));
    m_headersView->setHorizontalHeaderLabels({tr("Header"), tr("Value"), tr("From claim")});
    m_headersView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_headersView->verticalHeader()->hide();
    m_headersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headersView->setToolTip(
        tr("Headers KrakenD writes from claims (propagate_claims); they replace client values, and the backend "
           "sees them only if the endpoint's input_headers lets them through"));
    m_headersView->setAccessibleName(tr("Headers the backend receives"));

    m_backendView = new QTreeWidget(box);
    m_backendView->setObjectName(QStringLiteral("simulationBackendUrls"));
    m_backendView->setColumnCount(2);
    m_backendView->setHeaderLabels({tr("Backend url_pattern"), tr("Resolved")});
    m_backendView->header()->setStretchLastSection(true);
    m_backendView->setRootIsDecorated(true);
    m_backendView->setToolTip(tr("Backend URLs with their {JWT.x} parameters filled from the token"));
    m_backendView->setAccessibleName(tr("Backend URLs"));

    m_checkDetail = new QLabel(box);
    m_checkDetail->setObjectName(QStringLiteral("simulationCheckDetail"));
    m_checkDetail->setTextFormat(Qt::PlainText);
    m_checkDetail->setWordWrap(true);
    m_checkDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkDetail->setFrameShape(QFrame::StyledPanel);
    m_checkDetail->setMargin(4);
    m_checkDetail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    m_checkDetail->setAccessibleName(tr("Selected check"));
    connect(
        m_traceView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
            const QString name = index.siblingAtColumn(ChecksModel::NameColumn).data().toString();
            const QString detail = index.siblingAtColumn(ChecksModel::DetailColumn).data().toString();
            if (index.isValid() && !detail.isEmpty())
                m_checkDetail->setText(QStringLiteral("%1: %2").arg(name, detail));
        });

    auto *lower = new QSplitter(Qt::Vertical, box);
    lower->setObjectName(QStringLiteral("simulationResultSplitter"));
    auto *traceBox = new QWidget(lower);
    auto *tl = new QVBoxLayout(traceBox);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_traceView, 1);
    tl->addWidget(m_checkDetail);
    lower->addWidget(traceBox);
    auto *headersBox = new QWidget(lower);
    auto *hl = new QVBoxLayout(headersBox);
    hl->setContentsMargins(0, 0, 0, 0);
    hl->addWidget(new QLabel(tr("Headers the backend receives"), headersBox));
    hl->addWidget(m_headersView, 1);
    lower->addWidget(headersBox);
    auto *urlBox = new QWidget(lower);
    auto *ul = new QVBoxLayout(urlBox);
    ul->setContentsMargins(0, 0, 0, 0);
    ul->addWidget(new QLabel(tr("Backend URLs"), urlBox));
    ul->addWidget(m_backendView, 1);
    lower->addWidget(urlBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 1);
    lower->setStretchFactor(2, 1);
    lower->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(top);
    layout->addWidget(lower, 1);
    return box;
}

void SimulationPanel::setEndpoint(
    const QJsonObject &root, int endpointIndex, const QString &baseDir, const QByteArray &configText)
{
    const QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
    setEndpoint(root,
        endpointIndex >= 0 && endpointIndex < endpoints.size() ? endpoints.at(endpointIndex).toObject() : QJsonObject(),
        endpointIndex, baseDir, configText);
}

void SimulationPanel::setEndpoint(const QJsonObject &root, const QJsonObject &endpoint, int endpointIndex,
    const QString &baseDir, const QByteArray &configText)
{
    m_root = root;
    m_endpointIndex = endpointIndex;
    m_baseDir = baseDir;
    m_endpoint = endpoint;
    m_setup = krakend::SimulationSetup::fromEndpoint(root, m_endpoint, baseDir);
    m_setup.checkConfigText(configText);
    m_keys->setScope(workspace::ChoiceScope::forEndpoint(m_setup.method, m_setup.endpoint));
    if (m_endpoint.isEmpty()) {
        m_endpointLabel->setText(QString());
        refreshPlacement();
        showEmpty(tr("Choose an endpoint of a krakend.json to simulate"));
        return;
    }
    m_endpointLabel->setText(
        (m_setup.hasValidator ? QStringLiteral("%1 %2")
                              : tr("%1 %2  (no auth/validator: KrakenD does not check tokens here)"))
            .arg(m_setup.method, m_setup.endpoint));
    {
        const QSignalBlocker block(m_methodCombo);
        m_methodCombo->setCurrentText(m_setup.method);
    }
    refreshPlacement();
    scheduleRun();
}

void SimulationPanel::refreshPlacement()
{
    const QSignalBlocker block(m_placementCombo);
    const int previous = m_placementCombo->currentData().toInt();
    const bool hadChoice = m_placementCombo->count() > 0;
    m_placementCombo->clear();
    const QString header = m_setup.validator.effectiveAuthHeaderName();
    const QString cookie = m_setup.validator.effectiveCookieKey();
    m_placementCombo->addItem(tr("Header %1: Bearer …").arg(header), int(Placement::Header));
    m_placementCombo->addItem(tr("Cookie %1").arg(cookie), int(Placement::Cookie));
    m_placementCombo->addItem(tr("Nowhere (use the tables)"), int(Placement::Nowhere));
    // A config that names a cookie is usually fed by it.
    int wanted = int(Placement::Header);
    if (hadChoice && previous == int(Placement::Nowhere))
        wanted = previous;
    else if (!m_setup.validator.cookieKey().isEmpty())
        wanted = int(Placement::Cookie);
    m_placementCombo->setCurrentIndex(m_placementCombo->findData(wanted));
}

void SimulationPanel::setToken(const QString &token)
{
    const QString clean = RequestBuilder::bareToken(token);
    rememberToken(clean);
    m_tokenCombo->setEditText(clean);
    scheduleRun();
}

void SimulationPanel::rememberToken(const QString &token)
{
    // Most recent first, no duplicates; the text being edited stays as it is.
    if (token.isEmpty() || m_tokenCombo->itemText(0) == token)
        return;
    const QSignalBlocker block(m_tokenCombo);
    const QString editing = m_tokenCombo->currentText();
    const int existing = m_tokenCombo->findText(token);
    if (existing >= 0)
        m_tokenCombo->removeItem(existing);
    m_tokenCombo->insertItem(0, token);
    m_tokenCombo->setCurrentIndex(0);
    m_tokenCombo->setEditText(editing);
}

QString SimulationPanel::token() const
{
    return RequestBuilder::bareToken(m_tokenCombo->currentText());
}

krakend::SimulationRequest SimulationPanel::request() const
{
    const QString method = m_methodCombo->currentText().trimmed();
    RequestBuilder builder;
    builder.setMethod(method.isEmpty() ? QStringLiteral("GET") : method);
    switch (Placement(m_placementCombo->currentData().toInt())) {
    case Placement::Header:
        builder.setPlacement(krakend::TokenPlacement::endpointHeader(m_setup.validator));
        break;
    case Placement::Cookie:
        builder.setPlacement(krakend::TokenPlacement::endpointCookie(m_setup.validator));
        break;
    case Placement::Nowhere:
        builder.setPlacement(krakend::TokenPlacement::nowhere());
        break;
    }
    if (const QString t = token(); !t.isEmpty())
        builder.setToken(t);
    auto pairs = [](const QTableWidget *table, auto add) {
        for (int row = 0; row < table->rowCount(); ++row) {
            const auto *name = table->item(row, 0);
            const auto *value = table->item(row, 1);
            if (name && !name->text().trimmed().isEmpty())
                add(name->text().trimmed(), value ? value->text() : QString());
        }
    };
    pairs(m_requestHeaders, [&builder](const QString &n, const QString &v) { builder.addHeader(n, v); });
    pairs(m_cookies, [&builder](const QString &n, const QString &v) { builder.addCookie(n, v); });
    return builder.request();
}

workspace::KeyChoice SimulationPanel::keyChoice() const
{
    // Without a validator the validator is empty: no jwk_url, nothing to choose but the config's own (none).
    const auto inspection = jose::Inspection::inspect(token(), m_clock->nowSecs());
    return m_keys->resolve(workspace::KeyNeed::forEndpoint(inspection, m_setup.validator));
}

void SimulationPanel::scheduleRun()
{
    if (m_endpoint.isEmpty())
        return;
    m_debounce->start();
}

krakend::JwksDownloader SimulationPanel::offlineDownloader(std::shared_ptr<std::atomic_bool> wanted)
{
    return [wanted](const QUrl &url, const keysource::NetworkOptions &) {
        *wanted = true;
        return common::Result<keysource::HttpResponse>::failure(
            QStringLiteral("not_downloaded"), QStringLiteral("%1 was not downloaded").arg(url.toDisplayString()));
    };
}

void SimulationPanel::simulateNow()
{
    run(true);
}

void SimulationPanel::run(bool asked)
{
    m_debounce->stop();
    if (m_endpoint.isEmpty()) {
        m_job.cancel();
        setBusy(false);
        showEmpty(tr("Choose an endpoint of a krakend.json to simulate"));
        return;
    }
    const krakend::SimulationRequest req = request();
    rememberToken(token());

    // The one key choice (workspace::KeyResolver) and the one entry point (verification::simulate): the Inspector's
    // "Judge as", All endpoints and Test tokens build the same context for the same token and endpoint.
    verification::Context context;
    context.policy = verification::PolicyMapper::forEndpoint(m_setup);
    context.clock = m_atRadio->isChecked() ? common::Clock::fixed(m_atEdit->dateTime().toUTC()) : m_clock;
    const workspace::KeyChoice choice = keyChoice();
    m_keys->showChoice(choice);
    m_keys->apply(context, choice);
    if (context.keysPending || context.keyError) {
        m_job.cancel();
        setBusy(false);
        showEmpty(context.keysPending
                ? tr("Waiting for the keys of key ring source “%1”: the simulation runs when they arrive")
                      .arg(choice.sourceName)
                : tr("Not simulated: key ring source “%1” has no keys (%2)")
                      .arg(choice.sourceName, context.keyError->message));
        return;
    }

    // A run nobody asked for never reaches the network (a krakend.json or a token does not make requests by
    // being opened); once the user simulated with this jwk_url, later runs may fetch it again.
    const QString jwkUrl = m_setup.validator.jwkUrl();
    if (asked && !jwkUrl.isEmpty() && !m_downloadsAsked.contains(jwkUrl))
        m_downloadsAsked.append(jwkUrl);
    const bool mayDownload = jwkUrl.isEmpty() || m_downloadsAsked.contains(jwkUrl);
    auto wanted = std::make_shared<std::atomic_bool>(false);
    if (!mayDownload)
        context.downloader = offlineDownloader(wanted);

    // The job gets copies only; Cancel (or a newer run) cancels its token, which stops a slow jwk_url download.
    m_job.run(
        this,
        [context, req](const common::CancelToken &cancel) mutable {
            context.cancel = cancel;
            return verification::simulate(req, context);
        },
        [this, wanted, jwkUrl](const SimulationResult &result) {
            setBusy(false);
            if (*wanted) {
                showEmpty(tr("Not simulated yet: this endpoint's keys come from jwk_url %1, and a simulation that "
                             "runs by itself makes no network request. Simulate downloads them.")
                              .arg(jwkUrl));
                return;
            }
            showResult(result);
        });
    setBusy(true);
    const bool remote = mayDownload && m_setup.hasValidator && !m_setup.validator.usesLocalPath()
        && workspace::KeyContext::downloadsConfigUrl(choice);
    Q_EMIT statusMessage(remote
            ? tr("Simulating %1 %2 (downloading %3)…").arg(m_setup.method, m_setup.endpoint, m_setup.validator.jwkUrl())
            : tr("Simulating %1 %2…").arg(m_setup.method, m_setup.endpoint));
}

void SimulationPanel::cancel()
{
    if (!m_busy)
        return;
    m_job.cancel();
    setBusy(false);
    Q_EMIT statusMessage(tr("Simulation cancelled; its result will be ignored"));
}

void SimulationPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_cancelButton->setEnabled(busy);
}

void SimulationPanel::setBadge(int status, const QString &text)
{
    const QColor color = statusColor(status, palette());
    m_statusLabel->setText(text);
    QColor background = color;
    background.setAlpha(40);
    m_statusLabel->setStyleSheet(
        QStringLiteral("QLabel { color: %1; background: rgba(%2,%3,%4,%5); border: 2px solid %1; border-radius: 6px; "
                       "padding: 6px 14px; }")
            .arg(color.name())
            .arg(background.red())
            .arg(background.green())
            .arg(background.blue())
            .arg(background.alpha()));
}

void SimulationPanel::showEmpty(const QString &hint)
{
    m_result = SimulationResult();
    setBadge(0, QStringLiteral("—"));
    m_reasonLabel->setText(hint);
    m_keySourceLabel->clear();
    m_traceModel->clear();
    m_checkDetail->clear();
    m_headersView->setRowCount(0);
    m_backendView->clear();
}

void SimulationPanel::showResult(const SimulationResult &result)
{
    m_result = result;
    const QPalette pal = palette();
    setBadge(result.status, statusText(result.status));
    QString reason = result.reason;
    if (!result.complete)
        reason += u'\n' + tr("Incomplete: %1").arg(result.incompleteReason);
    m_reasonLabel->setText(reason);
    m_keySourceLabel->setText(result.keySource.isEmpty() ? QString() : tr("Keys: %1").arg(result.keySource));

    // Trace: one row per check; the checks of one step (6: iss, aud, nbf, exp, iat) under a shared parent.
    m_traceModel->setPalette(pal);
    m_traceModel->setChecks(result.checks, result.stoppedAt, result.configFindings);
    expandStepRows(m_traceView);
    m_traceView->resizeColumnToContents(ChecksModel::StepColumn);
    m_traceView->resizeColumnToContents(ChecksModel::NameColumn);
    m_traceView->resizeColumnToContents(ChecksModel::OutcomeColumn);
    m_checkDetail->setText(tr("Select a check to read its whole detail"));
    if (const QModelIndex stopped = m_traceModel->stoppedIndex(); stopped.isValid()) {
        // Show the stopping check without making the user search for it.
        m_traceView->scrollTo(stopped);
        m_traceView->setCurrentIndex(stopped);
    }
    const QColor warn = Theme::severityColor(common::Severity::Warning, pal);
    const QColor muted = pal.color(QPalette::PlaceholderText);

    // Headers the backend receives.
    m_headersView->clearSpans();
    m_headersView->setRowCount(0);
    for (const auto &h : result.propagatedHeaders) {
        const QStringList values = h.values.isEmpty() ? QStringList {QString()} : h.values;
        for (const QString &value : values) {
            const int row = m_headersView->rowCount();
            m_headersView->insertRow(row);
            auto *name = new QTableWidgetItem(h.name);
            auto *claim = new QTableWidgetItem(h.claim);
            if (!h.reachesBackend) {
                // Issue #18: lura's proxy drops what input_headers does not list.
                const QString why = tr("KrakenD writes %1 into the request, but the endpoint's input_headers does "
                                       "not list it: the backend never receives it")
                                        .arg(h.name);
                name->setForeground(warn);
                name->setToolTip(why);
                claim->setText(tr("%1, dropped: not in input_headers").arg(h.claim));
                claim->setForeground(warn);
                claim->setToolTip(why);
            }
            m_headersView->setItem(row, 0, name);
            auto *v = new QTableWidgetItem(value.isEmpty() ? tr("(empty)") : value);
            if (value.isEmpty())
                v->setForeground(muted);
            v->setToolTip(value);
            m_headersView->setItem(row, 1, v);
            m_headersView->setItem(row, 2, claim);
        }
    }
    if (result.status != 200) {
        // Say why the table is empty rather than leave a blank.
        m_headersView->insertRow(0);
        auto *none = new QTableWidgetItem(result.startupFatal()
                ? tr("none: KrakenD would not start, so no request reaches the backend")
                : tr("none: KrakenD answers %1 itself, the request does not reach the backend").arg(result.status));
        none->setForeground(muted);
        m_headersView->setItem(0, 0, none);
        m_headersView->setSpan(0, 0, 1, 3);
    } else if (result.propagatedHeaders.isEmpty()) {
        m_headersView->insertRow(0);
        auto *none = new QTableWidgetItem(tr("none: the validator has no propagate_claims"));
        none->setForeground(muted);
        m_headersView->setItem(0, 0, none);
        m_headersView->setSpan(0, 0, 1, 3);
    }
    m_headersView->resizeColumnToContents(0);

    // Backend URLs with {JWT.x} filled in (left as is when the claim is missing, as KrakenD does).
    m_backendView->clear();
    for (const QString &pattern : m_setup.urlPatterns) {
        QString resolved = pattern;
        auto *item = new QTreeWidgetItem(m_backendView);
        item->setText(0, pattern);
        for (const auto &p : result.urlParams) {
            const QString placeholder = u'{' + p.name + u'}';
            if (!pattern.contains(placeholder))
                continue;
            if (p.resolved)
                resolved.replace(placeholder, p.value);
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, placeholder);
            child->setText(1, p.resolved ? p.value : tr("left unreplaced: claim %1 is missing").arg(p.claim));
            if (!p.resolved)
                child->setForeground(1, warn);
        }
        item->setText(1,
            result.status == 200        ? resolved
                : result.startupFatal() ? tr("(not reached: KrakenD would not start)")
                                        : tr("(not reached: %1)").arg(result.status));
        item->setExpanded(true);
    }
    if (m_setup.urlPatterns.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_backendView);
        item->setText(0, tr("(the endpoint has no backend url_pattern)"));
        item->setForeground(0, muted);
    }
    m_backendView->resizeColumnToContents(0);

    Q_EMIT simulated(m_endpointIndex, result.status, result.reason);
    Q_EMIT statusMessage(QStringLiteral("%1 %2: %3").arg(m_setup.method, m_setup.endpoint, statusText(result.status)));
}

} // namespace jwb::ui
