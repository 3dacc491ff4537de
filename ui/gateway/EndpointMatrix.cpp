#include "gateway/EndpointMatrix.h"

#include "common/Theme.h"
#include "gateway/EndpointMatrixModel.h"
#include "gateway/SimulationPanel.h"
#include "krakend/Simulator.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace jwb::ui {

namespace {

QString stripBearer(QString token)
{
    token = token.trimmed();
    if (token.startsWith(QLatin1String("bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    return token;
}

} // namespace

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

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Token"), this));
    top->addWidget(m_tokenEdit, 1);
    top->addWidget(m_progress);
    top->addWidget(m_runButton);

    m_model = new EndpointMatrixModel(this);
    m_model->setPalette(palette());
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("endpointMatrixView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Short columns fit their contents; the reason takes the rest.
    for (int column = 0; column < EndpointMatrixModel::ReasonColumn; ++column)
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(EndpointMatrixModel::ReasonColumn, QHeaderView::Stretch);
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
    m_view->setVisible(false);
}

EndpointMatrix::~EndpointMatrix()
{
    ++m_generation; // a running worker's result is dropped
}

void EndpointMatrix::setConfig(const QJsonObject &root, const QString &baseDir, const QByteArray &configText)
{
    m_root = root;
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
    ++m_generation;
    m_running = false;
    m_model->setEndpoints(rows);
    m_view->setVisible(!rows.isEmpty());
    m_hint->setVisible(rows.isEmpty());
    if (rows.isEmpty())
        m_hint->setText(root.isEmpty() ? tr("Open a krakend.json to see every endpoint's answer to one token")
                                       : tr("This config has no endpoints"));
    run(false);
}

void EndpointMatrix::setToken(const QString &token)
{
    m_tokenEdit->setText(stripBearer(token));
    run(false);
}

QString EndpointMatrix::token() const
{
    return stripBearer(m_tokenEdit->text());
}

void EndpointMatrix::setReplacementKeys(const std::optional<keys::JwkSet> &set, const QString &label)
{
    m_replacement = set;
    m_replacementLabel = label;
    run(false);
}

void EndpointMatrix::runNow()
{
    run(true);
}

void EndpointMatrix::run(bool asked)
{
    m_debounce->stop();
    m_asked = asked;
    ++m_generation;
    m_model->resetResults();
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
    const EndpointMatrixModel::Row &r = m_model->rowAt(row);
    const QJsonObject endpoint = m_root.value(QLatin1String("endpoints")).toArray().at(r.endpointIndex).toObject();
    krakend::SimulationSetup setup = krakend::SimulationSetup::fromEndpoint(m_root, endpoint, m_baseDir);
    setup.checkConfigText(m_configText);
    krakend::SimulationRequest request;
    request.method = r.method;
    const QString t = token();
    if (!t.isEmpty()) {
        if (!setup.validator.cookieKey().isEmpty())
            request.cookies.append({setup.validator.cookieKey(), t});
        else
            request.headers.append({setup.validator.effectiveAuthHeaderName(), QStringLiteral("Bearer ") + t});
    }
    const QString jwkUrl = setup.validator.jwkUrl();
    if (m_asked && !jwkUrl.isEmpty() && !m_downloadsAsked.contains(jwkUrl))
        m_downloadsAsked.append(jwkUrl);
    krakend::Simulator simulator(std::move(setup));
    simulator.setClock(m_clock);
    if (m_replacement)
        simulator.setReplacementKeys(*m_replacement, m_replacementLabel);
    auto wanted = std::make_shared<std::atomic_bool>(false);
    if (!jwkUrl.isEmpty() && !m_downloadsAsked.contains(jwkUrl))
        simulator.setDownloader(SimulationPanel::offlineDownloader(wanted));

    const quint64 generation = m_generation;
    auto result = std::make_shared<krakend::SimulationResult>();
    QThread *thread = QThread::create([simulator, request, result] { *result = simulator.run(request); });
    thread->setObjectName(QStringLiteral("jwb-endpoint-matrix"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, generation, result, row, wanted, jwkUrl] {
        if (generation != m_generation)
            return;
        const auto *stop = result->stoppingCheck();
        if (*wanted)
            m_model->setResult(row, 0, QString(),
                tr("Not simulated: its keys come from jwk_url %1, and a run that starts by itself makes no network "
                   "request. Run downloads them.")
                    .arg(jwkUrl));
        else
            m_model->setResult(row, result->status, stop ? stop->nameText() : QString(), result->reason);
        m_progress->setValue(row + 1);
        if (row + 1 < m_model->rowCount()) {
            runRow(row + 1);
            return;
        }
        m_running = false;
        m_progress->setVisible(false);
        updateSummary();
        Q_EMIT finished();
    });
    thread->start();
}

void EndpointMatrix::updateSummary()
{
    QMap<int, int> counts;
    int notSimulated = 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (!m_model->rowAt(i).done)
            continue;
        if (m_model->rowAt(i).status == 0)
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
    m_summary->setText(parts.isEmpty()
            ? QString()
            : tr("%n endpoint(s): %1. Double-click one to open it in the simulator.", nullptr, m_model->rowCount())
                  .arg(parts.join(QStringLiteral(", "))));
    if (!parts.isEmpty())
        Q_EMIT statusMessage(m_summary->text());
}

} // namespace jwb::ui
