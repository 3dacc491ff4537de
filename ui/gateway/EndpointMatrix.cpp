#include "gateway/EndpointMatrix.h"

#include "common/KeyChoiceBox.h"
#include "common/Theme.h"
#include "gateway/EndpointMatrixModel.h"
#include "gateway/GatewayWidgets.h"
#include "gateway/SimulationPanel.h"
#include "jose/Inspection.h"
#include "krakend/RequestBuilder.h"
#include "verification/PolicyMapper.h"
#include "verification/Verify.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace jwb::ui {

using krakend::RequestBuilder;

EndpointMatrix::EndpointMatrix(std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    setObjectName(QStringLiteral("endpointMatrix"));

    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("endpointMatrixToken"));
    m_tokenEdit->setPlaceholderText(tr("Paste a token to try it on every endpoint"));
    m_tokenEdit->setFont(Theme::monospaceFont());
    m_tokenEdit->setClearButtonEnabled(true);
    m_tokenEdit->setToolTip(
        tr("Sent to each endpoint where its config reads tokens (auth_header_name with \"Bearer \", or cookie_key)"));
    m_tokenEdit->setAccessibleName(tr("Token for all endpoints"));

    m_runButton = new QPushButton(tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("endpointMatrixRun"));
    m_runButton->setToolTip(tr("Simulate every endpoint again"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("endpointMatrixProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);

    m_keys = new KeyChoiceBox(KeyChoiceBox::Kind::Endpoint, QStringLiteral("endpointMatrixKeyCombo"),
        QStringLiteral("endpointMatrixKeysLine"), this);
    m_keys->combo()->setToolTip(
        tr("Where keys come from. Automatic: for each endpoint, what Simulate uses for it (its pinned choice, else "
           "the key ring source holding the token's key id, else the config's own keys). Choosing an entry pins it "
           "for every endpoint"));
    m_keys->setScope(allEndpointsScope());

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Token"), this));
    top->addWidget(m_tokenEdit, 1);
    top->addWidget(new QLabel(tr("Keys"), this));
    top->addWidget(m_keys->combo());
    top->addWidget(m_progress);
    top->addWidget(m_runButton);

    m_model = new EndpointMatrixModel(this);
    m_model->setPalette(palette());
    m_view = gateway::makeRowTable(QStringLiteral("endpointMatrixView"), m_model, this);
    m_view->setWordWrap(false);
    // Short columns fit their contents; the reason takes the rest.
    for (int column = 0; column < EndpointMatrixModel::ReasonColumn; ++column)
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(EndpointMatrixModel::ReasonColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setResizeContentsPrecision(0); // the rows on screen: a big krakend.json has 260,000
    m_view->setToolTip(tr("Double-click an endpoint to open it in the simulator"));
    m_view->setAccessibleName(tr("Status per endpoint"));

    m_hint = new QLabel(tr("Open a krakend.json to see every endpoint's answer to one token"), this);
    m_hint->setObjectName(QStringLiteral("endpointMatrixHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("endpointMatrixSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_keys->line());
    layout->addWidget(m_hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] { run(false); });
    connect(m_tokenEdit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_runButton, &QPushButton::clicked, this, &EndpointMatrix::runNow);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT endpointActivated(m_model->rowAt(index.row()).endpointIndex);
    });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EndpointMatrix::showKeysOfSelection);
    connect(m_keys, &KeyChoiceBox::changed, m_debounce, qOverload<>(&QTimer::start));
    m_view->setVisible(false);
}

// A running job is cancelled with the page (its Jobs delivery is a child of it) and its result dropped.
EndpointMatrix::~EndpointMatrix() = default;

void EndpointMatrix::setSession(workspace::Session *session)
{
    m_keys->setSession(session);
}

void EndpointMatrix::setKeyRing(workspace::KeyRing *ring)
{
    m_keys->setKeyRing(ring);
}

workspace::ChoiceScope EndpointMatrix::allEndpointsScope()
{
    return workspace::ChoiceScope::forEndpoint(QStringLiteral("*"), QStringLiteral("*"));
}

krakend::SimulationSetup EndpointMatrix::setupOf(int row) const
{
    const EndpointMatrixModel::Row &r = m_model->rowAt(row);
    const QJsonObject endpoint = m_document
        ? m_document->endpoint(r.endpointIndex)
        : m_root.value(QLatin1String("endpoints")).toArray().at(r.endpointIndex).toObject();
    krakend::SimulationSetup setup = krakend::SimulationSetup::fromEndpoint(m_root, endpoint, m_baseDir);
    setup.checkConfigText(m_configText);
    return setup;
}

workspace::KeyChoice EndpointMatrix::keyChoice(int row) const
{
    const krakend::SimulationSetup setup = setupOf(row);
    // The page's own pin applies to every row; Automatic leaves each endpoint its own (Simulate's) choice.
    const workspace::ChoiceScope scope = m_keys->pin().isAutomatic()
        ? workspace::ChoiceScope::forEndpoint(setup.method, setup.endpoint)
        : allEndpointsScope();
    // Without a validator the validator is empty: no jwk_url, nothing to choose but the config's own (none).
    const auto inspection = jose::Inspection::inspect(token(), m_clock->nowSecs());
    return m_keys->resolve(scope, workspace::KeyNeed::forEndpoint(inspection, setup.validator));
}

void EndpointMatrix::showKeysOfSelection()
{
    if (m_model->rowCount() == 0) {
        m_keys->line()->clear();
        return;
    }
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    const EndpointMatrixModel::Row &r = m_model->rowAt(row);
    m_keys->showChoice(keyChoice(row));
    m_keys->line()->setText(QStringLiteral("%1 %2 \u2014 %3").arg(r.method, r.endpoint, m_keys->line()->text()));
}

void EndpointMatrix::setDocument(
    const krakend::ConfigDocument &document, const QString &baseDir, const QByteArray &configText)
{
    m_root = document.serviceRoot();
    m_document = document;
    m_baseDir = baseDir;
    m_configText = configText;
    QList<EndpointMatrixModel::Row> rows;
    rows.reserve(document.endpointCount());
    for (const krakend::EndpointInfo &e : document.endpoints()) {
        EndpointMatrixModel::Row row;
        row.endpointIndex = e.index;
        row.endpoint = e.path;
        row.method = e.method;
        row.hasValidator = e.hasValidator;
        rows.append(row);
    }
    setRows(rows);
}

void EndpointMatrix::setConfig(const QJsonObject &root, const QString &baseDir, const QByteArray &configText)
{
    m_root = root;
    m_document.reset();
    m_baseDir = baseDir;
    m_configText = configText;
    QList<EndpointMatrixModel::Row> rows;
    const QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
    for (int i = 0; i < endpoints.size(); ++i) {
        const QJsonObject e = endpoints.at(i).toObject();
        EndpointMatrixModel::Row row;
        row.endpointIndex = i;
        row.endpoint = e.value(QLatin1String("endpoint")).toString();
        const QString method = e.value(QLatin1String("method")).toString();
        row.method = method.isEmpty() ? QStringLiteral("GET") : method.toUpper();
        row.hasValidator = krakend::SimulationSetup::validatorBlock(e).has_value();
        rows.append(row);
    }
    setRows(rows);
}

void EndpointMatrix::setRows(const QList<EndpointMatrixModel::Row> &rows)
{
    const QJsonObject &root = m_root;
    m_job.cancel();
    m_running = false;
    m_model->setEndpoints(rows);
    // The matrix is often a hidden tab, and a hidden table fits a column to every row: a big file's columns keep
    // their width instead (GatewayPage::kFitColumnRows).
    for (int column = 0; column < EndpointMatrixModel::ReasonColumn; ++column)
        m_view->horizontalHeader()->setSectionResizeMode(
            column, rows.size() > 1000 ? QHeaderView::Interactive : QHeaderView::ResizeToContents);
    m_view->setVisible(!rows.isEmpty());
    m_hint->setVisible(rows.isEmpty());
    if (rows.isEmpty())
        m_hint->setText(root.isEmpty() ? tr("Open a krakend.json to see every endpoint's answer to one token")
                                       : tr("This config has no endpoints"));
    run(false);
}

void EndpointMatrix::setToken(const QString &token)
{
    m_tokenEdit->setText(RequestBuilder::bareToken(token));
    run(false);
}

QString EndpointMatrix::token() const
{
    return RequestBuilder::bareToken(m_tokenEdit->text());
}

void EndpointMatrix::runNow()
{
    run(true);
}

void EndpointMatrix::run(bool asked)
{
    m_debounce->stop();
    m_asked = asked;
    m_job.cancel();
    m_model->resetResults();
    showKeysOfSelection();
    if (m_model->rowCount() == 0) {
        m_running = false;
        m_progress->setVisible(false);
        updateSummary();
        return;
    }
    m_running = true;
    m_progress->setRange(0, m_model->rowCount());
    m_progress->setValue(0);
    m_progress->setVisible(true);
    runRow(0);
}

void EndpointMatrix::runRow(int row)
{
    // Rows whose keys are not there (still fetching, or a source without keys) say so and are passed over; the
    // first row that can be simulated runs as a job, and its result starts the next row.
    for (; row < m_model->rowCount(); ++row) {
        const EndpointMatrixModel::Row &r = m_model->rowAt(row);
        const krakend::SimulationSetup setup = setupOf(row);
        // The token where the endpoint's config reads it (its cookie_key, else its header); none when empty.
        const QString t = token();
        RequestBuilder builder = RequestBuilder::forEndpoint(setup, t);
        builder.setMethod(r.method);
        if (t.isEmpty())
            builder.setPlacement(krakend::TokenPlacement::nowhere());
        const krakend::SimulationRequest request = builder.request();

        // The row's context is the one Simulate builds for this endpoint: same key choice, same entry point.
        verification::Context context;
        context.policy = verification::PolicyMapper::forEndpoint(setup);
        context.clock = m_clock;
        const workspace::KeyChoice choice = keyChoice(row);
        m_keys->apply(context, choice);
        if (context.keysPending || context.keyError) {
            m_model->setWithoutKeys(row,
                context.keysPending ? tr("Waiting for the keys of key ring source “%1”").arg(choice.sourceName)
                                    : tr("Not simulated: key ring source “%1” has no keys (%2)")
                                          .arg(choice.sourceName, context.keyError->message));
            m_progress->setValue(row + 1);
            continue;
        }
        const QString jwkUrl = setup.validator.jwkUrl();
        if (m_asked && !jwkUrl.isEmpty() && !m_downloadsAsked.contains(jwkUrl))
            m_downloadsAsked.append(jwkUrl);
        auto wanted = std::make_shared<std::atomic_bool>(false);
        if (!jwkUrl.isEmpty() && !m_downloadsAsked.contains(jwkUrl))
            context.downloader = SimulationPanel::offlineDownloader(wanted);
        m_job.run(
            this,
            [context, request](const common::CancelToken &cancel) mutable {
                context.cancel = cancel;
                return verification::simulate(request, context);
            },
            [this, row, wanted, jwkUrl](const krakend::SimulationResult &result) {
                const auto *stop = result.stoppingCheck();
                if (*wanted)
                    m_model->setResult(row, 0, QString(),
                        tr("Not simulated: its keys come from jwk_url %1, and a run that starts by itself makes no "
                           "network request. Run downloads them.")
                            .arg(jwkUrl));
                else
                    m_model->setResult(row, result.status, stop ? stop->nameText() : QString(), result.reason);
                m_progress->setValue(row + 1);
                runRow(row + 1);
            });
        return;
    }
    m_running = false;
    m_progress->setVisible(false);
    updateSummary();
    Q_EMIT finished();
}

void EndpointMatrix::updateSummary()
{
    QMap<int, int> counts;
    int notSimulated = 0;
    int withoutKeys = 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (!m_model->rowAt(i).done)
            continue;
        if (m_model->rowAt(i).withoutKeys)
            ++withoutKeys; // its key ring source is fetching or has no keys
        else if (m_model->rowAt(i).status == 0)
            ++notSimulated; // waits for Run to download its keys
        else
            ++counts[m_model->rowAt(i).status];
    }
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts << QStringLiteral("%1 \u00d7 %2")
                     .arg(it.value())
                     .arg(it.key() == krakend::kNotStarted ? tr("KrakenD would not start") : QString::number(it.key()));
    if (notSimulated > 0)
        parts << tr("%n endpoint(s) not simulated (Run downloads their keys)", nullptr, notSimulated);
    if (withoutKeys > 0)
        parts << tr("%n endpoint(s) without keys (see Keys)", nullptr, withoutKeys);
    m_summary->setText(parts.isEmpty()
            ? QString()
            : tr("%n endpoint(s): %1. Double-click one to open it in the simulator.", nullptr, m_model->rowCount())
                  .arg(parts.join(QStringLiteral(", "))));
    if (!parts.isEmpty())
        Q_EMIT statusMessage(m_summary->text());
}

} // namespace jwb::ui
