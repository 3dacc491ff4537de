#include "gateway/TestMatrixPanel.h"

#include "common/AtomicFile.h"
#include "common/Dialogs.h"
#include "common/Duration.h"
#include "common/KeyChoiceBox.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "gateway/GatewayWidgets.h"
#include "gateway/LiveRunDialog.h"
#include "gateway/TestMatrixModel.h"
#include "keys/Thumbprint.h"
#include "verification/PolicyMapper.h"
#include "verification/Verify.h"
#include "workspace/KeyContext.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace jwb::ui {

using workspace::KeyRing;

namespace {

/// The signing combo's entry for "the ring's private half of the endpoint's keys, else a generated key".
const QString kAutomaticSigning = QStringLiteral("auto");

/// Whether `set` holds the public half of `key` (RFC 7638 thumbprints equal).
bool holdsPublicHalf(const keys::JwkSet &set, const keys::Jwk &key)
{
    const QByteArray wanted = keys::Thumbprint::compute(key.key);
    return std::any_of(set.keys.cbegin(), set.keys.cend(),
        [&wanted](const keys::Jwk &jwk) { return keys::Thumbprint::compute(jwk.key) == wanted; });
}

QPlainTextEdit *readOnlyText(QWidget *parent, const QString &name, const QString &accessible, int height)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setFont(Theme::monospaceFont());
    edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    edit->setAccessibleName(accessible);
    edit->setMinimumHeight(height);
    return edit;
}

QString timeLine(const QJsonObject &payload, const char *claim, qint64 now)
{
    const QJsonValue v = payload.value(QLatin1String(claim));
    if (!v.isDouble())
        return {};
    const qint64 t = v.toInteger();
    return QStringLiteral("%1  %2  (%3)")
        .arg(QLatin1String(claim), QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate),
            common::Duration::relative(t, now));
}

} // namespace

TestMatrixPanel::TestMatrixPanel(KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_ring(ring), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    setObjectName(QStringLiteral("testMatrixPanel"));

    m_endpointLabel = gateway::makeTitle(QStringLiteral("testMatrixEndpoint"), this);

    m_keyCombo = new QComboBox(this);
    m_keyCombo->setObjectName(QStringLiteral("testMatrixKeyCombo"));
    m_keyCombo->setToolTip(
        tr("The key that signs the test tokens. Automatic: the key ring's private key (or secret) for the keys this "
           "endpoint verifies with, else a fresh one fitting the config's alg; or a fresh key; or a key ring source "
           "holding a private key (or secret) for it"));
    m_keyCombo->setAccessibleName(tr("Signing key"));
    m_keyCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_keyCombo->setMinimumContentsLength(14);

    m_mintButton = new QPushButton(tr("Mint"), this);
    m_mintButton->setObjectName(QStringLiteral("testMatrixMint"));
    m_mintButton->setToolTip(tr("Make a token for every case and simulate each one"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(10);
    m_busyBar->setVisible(false);

    m_keys = new KeyChoiceBox(KeyChoiceBox::Kind::Endpoint, QStringLiteral("testMatrixKeysCombo"),
        QStringLiteral("testMatrixKeysLine"), this);
    m_keys->combo()->setToolTip(tr("The keys this endpoint verifies with: the choice Simulate uses for it "
                                   "(choosing an entry pins it for this endpoint on both tabs)"));

    m_sweepCheck = new QCheckBox(tr("Security sweep"), this);
    m_sweepCheck->setObjectName(QStringLiteral("testMatrixSweep"));
    m_sweepCheck->setToolTip(tr("Also mint attack tokens every gateway must refuse: alg none in four spellings, an "
                                "embedded jwk, kid path injection, a stripped signature, psychic ECDSA (ES*), a wrong "
                                "typ"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Key"), this));
    top->addWidget(m_keyCombo, 1);
    top->addWidget(new QLabel(tr("Keys"), this));
    top->addWidget(m_keys->combo(), 1);
    top->addWidget(m_busyBar);
    top->addWidget(m_mintButton);
    // The sweep's switch sits under Mint: in the top row it would hold the window wider than 1024 px (issue #19).
    auto *keysRow = new QHBoxLayout;
    keysRow->addWidget(m_keys->line(), 1);
    keysRow->addWidget(m_sweepCheck);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("testMatrixMessage"));
    LongText::fitAnyWidth(m_message);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model = new TestMatrixModel(this);
    m_model->setPalette(palette());
    m_view = gateway::makeRowTable(QStringLiteral("testMatrixView"), m_model, this);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Test tokens"));
    m_view->setToolTip(tr("Select a case to see its token, claims and curl command"));

    auto *details = new QWidget(this);
    m_tokenView = readOnlyText(details, QStringLiteral("testMatrixToken"), tr("Token"), 60);
    m_claimsView = readOnlyText(details, QStringLiteral("testMatrixClaims"), tr("Decoded claims"), 80);
    m_curlView = readOnlyText(details, QStringLiteral("testMatrixCurl"), tr("curl command"), 60);
    m_tokenView->setPlaceholderText(tr("Mint, then select a case"));
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(new QLabel(tr("Token"), details));
    dl->addWidget(m_tokenView, 2);
    dl->addWidget(new QLabel(tr("Decoded"), details));
    dl->addWidget(m_claimsView, 3);
    dl->addWidget(new QLabel(QStringLiteral("curl"), details));
    dl->addWidget(m_curlView, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("testMatrixSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_copyTokenButton = button(
        tr("Copy token"), QStringLiteral("testMatrixCopyToken"), tr("Copy the selected token to the clipboard"));
    m_copyCurlButton
        = button(tr("Copy curl"), QStringLiteral("testMatrixCopyCurl"), tr("Copy the selected case's curl command"));
    m_copyAllButton = button(tr("Copy all curl commands"), QStringLiteral("testMatrixCopyAll"),
        tr("Copy a shell script with every case's curl command and its expected status"));
    m_exportButton = button(tr("Export JWK Set for jwk_local_path…"), QStringLiteral("testMatrixExportJwks"),
        tr("Save the public JWK Set KrakenD needs to verify these tokens (jwk_local_path)"));
    m_inspectorButton = button(tr("Open in Inspector"), QStringLiteral("testMatrixOpenInspector"),
        tr("Show the selected token in the inspector"));
    m_simulateButton
        = button(tr("Simulate"), QStringLiteral("testMatrixSimulate"), tr("Send the selected token to the simulator"));
    m_liveRunButton = button(tr("Run against gateway…"), QStringLiteral("testMatrixLiveRun"),
        tr("Send every case to a running gateway you name and compare its answers with the simulation's"));
    // Two rows: in one the six buttons would hold the window wider than 1024 px (issue #19).
    auto *copyRow = new QHBoxLayout;
    for (QPushButton *b : {m_copyTokenButton, m_copyCurlButton, m_copyAllButton})
        copyRow->addWidget(b);
    copyRow->addStretch(1);
    copyRow->addWidget(m_liveRunButton);
    auto *useRow = new QHBoxLayout;
    useRow->addWidget(m_exportButton);
    useRow->addStretch(1);
    useRow->addWidget(m_inspectorButton);
    useRow->addWidget(m_simulateButton);
    auto *buttons = new QVBoxLayout;
    buttons->addLayout(copyRow);
    buttons->addLayout(useRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_endpointLabel);
    layout->addLayout(top);
    layout->addLayout(keysRow);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_mintButton, &QPushButton::clicked, this, &TestMatrixPanel::mint);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TestMatrixPanel::showSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TestMatrixPanel::showSelection);
    connect(m_copyTokenButton, &QPushButton::clicked, this, [this] { copy(selectedForUse().token, tr("Token")); });
    connect(m_copyCurlButton, &QPushButton::clicked, this, [this] { copy(selectedForUse().curl, tr("curl command")); });
    connect(m_copyAllButton, &QPushButton::clicked, this, [this] {
        if (!m_set)
            return;
        for (int row = 0; row < m_model->rowCount(); ++row)
            caseForUse(row);
        copy(m_set->curlScript(),
            tr("Shell script with %n curl command(s)", nullptr, static_cast<int>(m_set->cases.size())));
    });
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportJwks(); });
    connect(m_liveRunButton, &QPushButton::clicked, this, [this] {
        if (LiveRunDialog *dialog = openLiveRun())
            dialog->show();
    });
    connect(m_inspectorButton, &QPushButton::clicked, this, [this] {
        if (const QString token = selectedForUse().token; !token.isEmpty())
            Q_EMIT openInInspector(token);
    });
    connect(m_simulateButton, &QPushButton::clicked, this, [this] {
        if (const QString token = selectedForUse().token; !token.isEmpty())
            Q_EMIT simulateToken(token);
    });
    if (m_ring) {
        connect(m_ring, &KeyRing::sourcesChanged, this, &TestMatrixPanel::refreshKeyChoices);
        connect(m_ring, &KeyRing::sourceChanged, this, &TestMatrixPanel::refreshKeyChoices);
    }
    m_keys->setKeyRing(m_ring);
    connect(m_keys, &KeyChoiceBox::changed, this, [this] { m_keys->showChoice(keyChoice()); });
    refreshKeyChoices();
    m_message->setText(tr("Choose an endpoint with an auth/validator, then Mint"));
    updateButtons();
}

// A running mint is cancelled with the panel (its Jobs delivery is a child of it).
TestMatrixPanel::~TestMatrixPanel() = default;

void TestMatrixPanel::setSession(workspace::Session *session)
{
    if (m_ring)
        m_ring->disconnect(this);
    m_ring = session ? &session->keys() : nullptr;
    if (m_ring) {
        connect(m_ring, &KeyRing::sourcesChanged, this, &TestMatrixPanel::refreshKeyChoices);
        connect(m_ring, &KeyRing::sourceChanged, this, &TestMatrixPanel::refreshKeyChoices);
    }
    m_keys->setSession(session);
    refreshKeyChoices();
}

workspace::KeyChoice TestMatrixPanel::keyChoice() const
{
    return m_keys->resolve(workspace::KeyNeed::forEndpoint(jose::Inspection(), m_setup.validator));
}

void TestMatrixPanel::refreshKeyChoices()
{
    const QSignalBlocker block(m_keyCombo);
    const QString current = m_keyCombo->count() > 0 ? m_keyCombo->currentData().toString() : kAutomaticSigning;
    m_keyCombo->clear();
    m_keyCombo->addItem(
        tr("Automatic: the key ring's private key for the endpoint's keys, else a fresh one"), kAutomaticSigning);
    m_keyCombo->addItem(tr("Generate a key fitting the config"), QString());
    if (m_ring && m_ring->trust()) {
        for (const int index : workspace::KeyResolver(*m_ring, *m_ring->trust()).signingSources())
            m_keyCombo->addItem(tr("Key ring: %1").arg(m_ring->at(index).name), m_ring->at(index).id);
    }
    const int index = m_keyCombo->findData(current);
    m_keyCombo->setCurrentIndex(index >= 0 ? index : 0);
}

void TestMatrixPanel::setEndpoint(
    const QJsonObject &root, int endpointIndex, const QString &baseDir, const QByteArray &configText)
{
    const QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
    setEndpoint(root,
        endpointIndex >= 0 && endpointIndex < endpoints.size() ? endpoints.at(endpointIndex).toObject() : QJsonObject(),
        endpointIndex, baseDir, configText);
}

void TestMatrixPanel::setEndpoint(const QJsonObject &root, const QJsonObject &endpoint, int endpointIndex,
    const QString &baseDir, const QByteArray &configText)
{
    m_root = root;
    m_endpointIndex = endpointIndex;
    m_baseDir = baseDir;
    m_setup = krakend::SimulationSetup::fromEndpoint(root, endpoint, baseDir);
    m_setup.checkConfigText(configText);
    m_keys->setScope(workspace::ChoiceScope::forEndpoint(m_setup.method, m_setup.endpoint));
    m_keys->showChoice(keyChoice());
    m_job.cancel();
    setBusy(false);
    m_set.reset();
    m_error.clear();
    m_model->clear();
    if (endpoint.isEmpty()) {
        m_endpointLabel->clear();
        m_message->setText(tr("Choose an endpoint with an auth/validator, then Mint"));
    } else {
        m_endpointLabel->setText(tr("%1 %2  —  alg %3")
                                     .arg(m_setup.method, m_setup.endpoint,
                                         m_setup.validator.alg().isEmpty() ? tr("(none)") : m_setup.validator.alg()));
        m_message->setText(m_setup.hasValidator
                ? tr("Mint test tokens for this endpoint: each gets the status KrakenD would answer")
                : tr("This endpoint has no auth/validator: KrakenD does not check tokens here"));
    }
    updateButtons();
}

void TestMatrixPanel::mint()
{
    // The keys the endpoint verifies with: the choice Simulate uses (tokens carry no key id before they exist).
    const workspace::KeyChoice choice = keyChoice();
    m_keys->showChoice(choice);
    const workspace::KeyNeed need = workspace::KeyNeed::forEndpoint(jose::Inspection(), m_setup.validator);
    const std::optional<keys::JwkSet> verifyKeys
        = m_ring ? workspace::KeyContext::knownKeys(choice, need, *m_ring) : std::nullopt;

    std::optional<keys::Jwk> key;
    const QString signing = m_keyCombo->currentData().toString();
    if (signing == kAutomaticSigning) {
        if (verifyKeys && m_ring && m_ring->trust()) {
            if (const auto found = workspace::KeyResolver(*m_ring, *m_ring->trust())
                                       .signingKeyFor(*verifyKeys, m_setup.validator.algorithm()))
                key = found->jwk;
        }
    } else if (!signing.isEmpty() && m_ring) {
        const int index = m_ring->indexOf(signing);
        if (index < 0 || !m_ring->at(index).keys) {
            m_error = tr("the key ring source is gone or has no keys");
            m_message->setText(m_error);
            Q_EMIT mintFinished(false);
            return;
        }
        auto chosen = krakend::TestTokens::chooseKey(m_setup.validator, *m_ring->at(index).keys);
        if (!chosen) {
            m_error = chosen.error().message;
            m_message->setText(tr("Cannot mint with \"%1\": %2").arg(m_ring->at(index).name, m_error));
            Q_EMIT mintFinished(false);
            return;
        }
        key = chosen.value();
    }

    // Judged as Simulate judges: when the signing key is the private half of the keys the endpoint verifies with,
    // every case goes through verification::simulate with Simulate's context (keys, TLS of the config's jwk_url).
    verification::Context context;
    context.policy = verification::PolicyMapper::forEndpoint(m_setup);
    context.clock = m_clock;
    m_keys->apply(context, choice);
    const bool asSimulate = key && verifyKeys && holdsPublicHalf(*verifyKeys, *key) && !context.keysPending
        && !context.keyError && m_setup.hasValidator;

    const krakend::SimulationSetup setup = m_setup;
    krakend::TestTokens::CaseJudge judge; // kept for the cases minted again when they are used
    if (asSimulate)
        judge
            = [context](const krakend::SimulationRequest &request) { return verification::simulate(request, context); };
    m_job.run(
        this,
        [setup, key, clock = m_clock, context, asSimulate, sweep = m_sweepCheck->isChecked()](
            const common::CancelToken &cancel) mutable -> common::Result<krakend::TestTokenSet> {
            krakend::TestTokens::CaseJudge judge;
            if (asSimulate) {
                context.cancel = cancel;
                judge = [context](const krakend::SimulationRequest &request) {
                    return verification::simulate(request, context);
                };
            }
            auto set = krakend::TestTokens::mint(setup, key, clock, {}, judge);
            if (set && sweep)
                if (auto swept = krakend::TestTokens::addSweep(setup, set.value(), clock, judge); !swept)
                    return swept.error();
            return set;
        },
        [this, asSimulate, judge](const common::Result<krakend::TestTokenSet> &result) {
            m_judgedAsSimulate = asSimulate && result.ok();
            m_judge = judge;
            showMinted(result);
        });
    setBusy(true);
    m_message->setText(tr("Minting…"));
}

void TestMatrixPanel::showMinted(const common::Result<krakend::TestTokenSet> &result)
{
    setBusy(false);
    if (!result) {
        m_set.reset();
        m_error = result.error().message;
        m_model->clear();
        m_message->setText(tr("Cannot mint: %1").arg(m_error));
        updateButtons();
        Q_EMIT mintFinished(false);
        return;
    }
    m_error.clear();
    m_set = result.value();
    m_usedAt.clear();
    m_model->setCases(m_set->cases);
    m_view->resizeColumnToContents(TestMatrixModel::CaseColumn);
    m_view->resizeColumnToContents(TestMatrixModel::StatusColumn);
    const int count = static_cast<int>(m_set->cases.size());
    QString text;
    if (m_judgedAsSimulate)
        text = tr("%n token(s) signed with the key \"%1\" (%2) of the key ring. Statuses are KrakenD's answers "
                  "with the keys Simulate uses for this endpoint (see Keys)",
            nullptr, count)
                   .arg(m_set->keyId, m_set->signingKey.key.description());
    else
        text = (m_set->generatedKey
                ? tr("%n token(s) signed with a generated key \"%1\" (%2). Statuses assume KrakenD verifies with "
                     "this key's JWK Set (Export…)",
                    nullptr, count)
                : tr("%n token(s) signed with the key \"%1\" (%2). Statuses assume KrakenD verifies with this "
                     "key's JWK Set (Export…)",
                    nullptr, count))
                   .arg(m_set->keyId, m_set->signingKey.key.description());
    for (const QString &note : m_set->notes)
        text += u'\n' + tr("Note: %1").arg(note);
    m_message->setText(text);
    selectCase(0);
    updateButtons();
    Q_EMIT statusMessage(tr("Minted %n test token(s)", nullptr, count));
    Q_EMIT mintFinished(true);
}

void TestMatrixPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_mintButton->setEnabled(!busy);
}

void TestMatrixPanel::updateButtons()
{
    const bool selected = !selectedToken().isEmpty();
    m_copyTokenButton->setEnabled(selected);
    m_copyCurlButton->setEnabled(selected);
    m_inspectorButton->setEnabled(selected);
    m_simulateButton->setEnabled(selected);
    m_copyAllButton->setEnabled(m_set.has_value());
    m_liveRunButton->setEnabled(m_set.has_value() && !m_busy);
    m_exportButton->setEnabled(m_set.has_value());
    m_mintButton->setEnabled(!m_busy && m_setup.hasValidator);
}

void TestMatrixPanel::selectCase(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_view->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString TestMatrixPanel::selectedToken() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->caseAt(current.row()).token : QString();
}

QString TestMatrixPanel::selectedCurl() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_model->caseAt(current.row()).curl : QString();
}

void TestMatrixPanel::showSelection()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_tokenView->clear();
        m_claimsView->clear();
        m_curlView->clear();
        updateButtons();
        return;
    }
    const krakend::TestTokenCase &c = m_model->caseAt(current.row());
    m_tokenView->setPlainText(c.token);
    const QDateTime mintedAt = m_usedAt.value(c.id, m_set ? m_set->mintedAt : m_clock->now());
    const qint64 now = mintedAt.toSecsSinceEpoch();
    QStringList lines;
    lines << tr("%1 — expect %2").arg(c.title, QString::number(c.expectedStatus));
    lines << c.expectedReason;
    if (krakend::TestTokens::mintedWhenUsed(c.kind))
        lines << tr("Minted again each time it is copied, opened or simulated (last at %1): its exp counts from "
                    "that moment.")
                     .arg(QLocale().toString(mintedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
    lines << QString();
    for (const char *claim : {"iat", "nbf", "exp"}) {
        const QString line = timeLine(c.payload, claim, now);
        if (!line.isEmpty())
            lines << line;
    }
    lines << QString();
    lines << QStringLiteral("header  ") + QString::fromUtf8(QJsonDocument(c.header).toJson(QJsonDocument::Compact));
    lines << QStringLiteral("payload ")
            + QString::fromUtf8(QJsonDocument(c.payload).toJson(QJsonDocument::Indented)).trimmed();
    m_claimsView->setPlainText(lines.join(u'\n'));
    m_curlView->setPlainText(c.curl);
    updateButtons();
}

krakend::TestTokenCase TestMatrixPanel::caseForUse(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    const krakend::TestTokenCase &shown = m_model->caseAt(row);
    if (!m_set || !krakend::TestTokens::mintedWhenUsed(shown.kind))
        return shown;
    const QDateTime now = m_clock->now();
    auto again = krakend::TestTokens::mintCase(m_setup, *m_set, shown.id, m_clock, m_judge);
    if (!again) {
        Q_EMIT statusMessage(tr("Cannot mint \"%1\" again: %2").arg(shown.title, again.error().message));
        return shown;
    }
    for (krakend::TestTokenCase &c : m_set->cases) {
        if (c.id == again->id)
            c = again.value();
    }
    m_usedAt.insert(again->id, now);
    m_model->setCase(row, again.value());
    if (m_view->selectionModel()->currentIndex().row() == row)
        showSelection();
    return again.value();
}

krakend::TestTokenCase TestMatrixPanel::selectedForUse()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? caseForUse(current.row()) : krakend::TestTokenCase();
}

void TestMatrixPanel::copy(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("%1 copied to the clipboard").arg(what));
}

bool TestMatrixPanel::exportJwks()
{
    if (!m_set)
        return false;
    const bool secret = m_set->signingKey.key.type() == crypto::KeyType::Oct;
    if (secret
        && Dialogs::question(this, tr("Export shared secret"),
               tr("For %1 the JWK Set holds the shared secret itself (KrakenD verifies HMAC with it). "
                  "Write it to a file?")
                   .arg(m_set->alg))
            != QMessageBox::Yes)
        return false;
    QString suggested = m_setup.validator.jwkLocalPath();
    if (suggested.isEmpty())
        suggested = QStringLiteral("test-jwks.json");
    if (QFileInfo(suggested).isRelative() && !m_baseDir.isEmpty())
        suggested = QDir(m_baseDir).filePath(suggested);
    const QString path = Dialogs::getSaveFileName(
        this, tr("Export JWK Set for jwk_local_path"), tr("JWK Set (*.json);;All files (*)"), suggested);
    if (path.isEmpty())
        return false;
    const QByteArray bytes = QJsonDocument(m_set->jwksForLocalPath()).toJson(QJsonDocument::Indented);
    if (auto written = common::AtomicFile::write(path, bytes,
            m_set->jwksHoldsSecret() ? common::AtomicFile::Access::Secret : common::AtomicFile::Access::Default);
        !written) {
        Dialogs::showError(this, tr("Export JWK Set"), written.error().message);
        return false;
    }
    Q_EMIT statusMessage(tr("JWK Set written to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void TestMatrixPanel::setSweep(bool on)
{
    m_sweepCheck->setChecked(on);
}

LiveRunDialog *TestMatrixPanel::openLiveRun()
{
    if (!m_set)
        return nullptr;
    // Each case is minted again just before it is sent when its token holds only for seconds (inside_leeway).
    auto remint = [setup = m_setup, set = *m_set, clock = m_clock, judge = m_judge](const krakend::TestTokenCase &c) {
        return krakend::TestTokens::mintCase(setup, set, c.id, clock, judge);
    };
    auto *dialog = new LiveRunDialog(m_set->target, m_set->cases, remint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

} // namespace jwb::ui
