#include "gateway/LiveRunDialog.h"

#include "common/Dialogs.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "gateway/SimulationPanel.h"
#include "workspace/TrustStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace jwb::ui {

namespace {

enum Column { CaseColumn, ExpectedColumn, ActualColumn, ResultColumn, ColumnCount };

QSpinBox *spin(QWidget *parent, const QString &name, int min, int max, int value, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

} // namespace

LiveRunDialog::LiveRunDialog(krakend::TestTokenTarget target, QList<krakend::TestTokenCase> cases,
    krakend::LiveRun::Remint remint, QWidget *parent)
    : QDialog(parent), m_target(std::move(target)), m_cases(std::move(cases)), m_remint(std::move(remint))
{
    setObjectName(QStringLiteral("liveRunDialog"));
    setWindowTitle(tr("Run test tokens against a gateway"));
    m_manager = new QNetworkAccessManager(this);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("liveRunUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://gateway.example.com:8080"));
    m_url->setToolTip(tr("The gateway's base URL: each case is sent to it with its endpoint's path, and nowhere else"));
    m_url->setClearButtonEnabled(true);
    m_ca = new QLineEdit(this);
    m_ca->setObjectName(QStringLiteral("liveRunCa"));
    m_ca->setPlaceholderText(tr("System trust store"));
    auto *caBrowse = new QPushButton(tr("Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(caBrowse);
    m_insecure = new QCheckBox(tr("Allow plain http and unchecked certificates (a local gateway)"), this);
    m_insecure->setObjectName(QStringLiteral("liveRunInsecure"));
    m_delay = spin(this, QStringLiteral("liveRunDelay"), 0, 60000, 100, tr(" ms"));
    m_delay->setSingleStep(100);
    m_timeout = spin(this, QStringLiteral("liveRunTimeout"), 1, 120, 10, tr(" s"));
    m_maxRequests = spin(this, QStringLiteral("liveRunMaxRequests"), 1, 1000, 50, QString());
    auto *limits = new QHBoxLayout;
    limits->addWidget(new QLabel(tr("Delay"), this));
    limits->addWidget(m_delay);
    limits->addWidget(new QLabel(tr("Timeout"), this));
    limits->addWidget(m_timeout);
    limits->addWidget(new QLabel(tr("At most"), this));
    limits->addWidget(m_maxRequests);
    limits->addWidget(new QLabel(tr("requests"), this));
    limits->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("Gateway URL"), m_url);
    form->addRow(tr("Extra CA"), caRow);
    form->addRow(QString(), m_insecure);
    form->addRow(tr("Pace"), limits);

    m_runButton = new QPushButton(tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("liveRunStart"));
    m_runButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel run"), this);
    m_cancelButton->setObjectName(QStringLiteral("liveRunCancel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("liveRunProgress"));
    m_progress->setRange(0, int(m_cases.size()));
    m_progress->setValue(0);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_progress, 1);
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("liveRunMessage"));
    m_message->setTextFormat(Qt::PlainText);
    LongText::fitAnyWidth(m_message);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Case"), tr("Expected"), tr("Actual"), tr("Result")});
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("liveRunView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Expected and actual status per case"));
    for (const krakend::TestTokenCase &c : m_cases) {
        QList<QStandardItem *> row;
        row << new QStandardItem(c.title) << new QStandardItem(QString::number(c.expectedStatus))
            << new QStandardItem(QStringLiteral("–")) << new QStandardItem(tr("not sent yet"));
        row.first()->setToolTip(c.description);
        row.at(ExpectedColumn)->setForeground(SimulationPanel::statusColor(c.expectedStatus, palette()));
        m_model->appendRow(row);
    }
    m_view->resizeColumnToContents(CaseColumn);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("liveRunDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(Theme::monospaceFont());
    m_details->setPlaceholderText(tr("Select a case to see the gateway's answer"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);
    resize(860, 600);

    connect(m_runButton, &QPushButton::clicked, this, &LiveRunDialog::startRun);
    connect(m_cancelButton, &QPushButton::clicked, this, &LiveRunDialog::cancelRun);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(caBrowse, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::getOpenFileName(
            this, tr("CA certificate"), tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (!path.isEmpty())
            m_ca->setText(QDir::toNativeSeparators(path));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveRunDialog::showSelection);
    connect(m_url, &QLineEdit::textChanged, this, &LiveRunDialog::updateState);
    m_message->setText(tr("%n case(s) for %1 %2. Nothing is sent until you press Run, and only to the URL you type.",
        nullptr, int(m_cases.size()))
                           .arg(m_target.method, m_target.path));
    updateState();
}

// A running run is cancelled with the dialog: the LiveRun is a child and drops its request.
LiveRunDialog::~LiveRunDialog()
{
    if (m_run)
        m_run->cancel();
}

QString LiveRunDialog::message() const
{
    return m_message->text();
}

bool LiveRunDialog::startRun()
{
    if (m_run && !m_run->isFinished())
        return false;
    krakend::LiveRunOptions options;
    options.network.insecure = m_insecure->isChecked();
    auto url = krakend::checkBaseUrl(m_url->text(), options.network.insecure);
    if (!url) {
        m_message->setText(url.error().message);
        return false;
    }
    options.baseUrl = url.value();
    const QString ca = m_ca->text().trimmed();
    if (!ca.isEmpty()) {
        auto certificates = workspace::TrustStore::readCaFile(ca);
        if (!certificates) {
            m_message->setText(certificates.error().message);
            return false;
        }
        options.network.extraCa = certificates.value();
    }
    options.delayMs = m_delay->value();
    options.network.timeoutMs = m_timeout->value() * 1000;
    options.maxRequests = m_maxRequests->value();
    if (m_run)
        m_run->deleteLater();
    m_run = new krakend::LiveRun(m_manager, m_target, m_cases, options, m_remint, this);
    connect(m_run, &krakend::LiveRun::caseStarted, this, [this](int row) {
        m_model->item(row, ResultColumn)->setText(tr("sending…"));
        m_message->setText(tr("Sending %1 (%2 of %3)…")
                               .arg(m_cases.at(row).title)
                               .arg(row + 1)
                               .arg(std::min<qsizetype>(m_cases.size(), m_maxRequests->value())));
    });
    connect(m_run, &krakend::LiveRun::caseFinished, this, [this](int row) {
        fillRow(row);
        m_progress->setValue(row + 1);
    });
    connect(m_run, &krakend::LiveRun::finished, this, &LiveRunDialog::onFinished);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        m_model->item(row, ActualColumn)->setText(QStringLiteral("–"));
        m_model->item(row, ResultColumn)->setText(tr("waiting"));
    }
    m_progress->setValue(0);
    m_run->start();
    updateState();
    return true;
}

void LiveRunDialog::cancelRun()
{
    if (m_run && !m_run->isFinished())
        m_run->cancel();
}

void LiveRunDialog::fillRow(int row)
{
    if (!m_run || row < 0 || row >= m_run->results().size())
        return;
    const krakend::LiveCaseResult &r = m_run->results().at(row);
    QStandardItem *actual = m_model->item(row, ActualColumn);
    actual->setText(r.actualStatus ? QString::number(r.actualStatus) : (r.sent ? r.errorCode : QStringLiteral("–")));
    actual->setForeground(r.actualStatus ? SimulationPanel::statusColor(r.actualStatus, palette()) : QBrush());
    m_model->item(row, ExpectedColumn)->setText(QString::number(r.expectedStatus));
    QStandardItem *result = m_model->item(row, ResultColumn);
    if (!r.sent) {
        result->setText(r.explanation);
        result->setForeground(QBrush());
    } else {
        result->setText(r.matched ? tr("as simulated") : tr("differs: %1").arg(r.explanation));
        result->setForeground(
            Theme::severityColor(r.matched ? common::Severity::Info : common::Severity::Error, palette()));
    }
    result->setToolTip(r.explanation);
    if (m_view->selectionModel()->currentIndex().row() == row)
        showSelection();
}

void LiveRunDialog::showSelection()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_run || current.row() >= m_run->results().size()) {
        m_details->clear();
        return;
    }
    const krakend::LiveCaseResult &r = m_run->results().at(current.row());
    QStringList lines;
    lines << QStringLiteral("%1 %2").arg(m_target.method, r.url);
    lines << tr("Expected %1: %2").arg(r.expectedStatus).arg(r.expectedReason);
    if (r.actualStatus)
        lines << tr("Answered %1 in %2 ms").arg(r.actualStatus).arg(r.elapsedMs);
    else if (r.sent)
        lines << tr("No answer: %1").arg(r.errorMessage);
    if (!r.explanation.isEmpty())
        lines << tr("Why they may differ: %1").arg(r.explanation);
    for (const auto &[name, value] : r.headers)
        lines << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value);
    if (!r.bodyExcerpt.isEmpty())
        lines << QString() << r.bodyExcerpt;
    m_details->setPlainText(lines.join(u'\n'));
}

void LiveRunDialog::onFinished()
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        fillRow(row);
    m_message->setText(m_run->summary());
    updateState();
    if (m_view->selectionModel()->currentIndex().isValid())
        showSelection();
    else
        m_view->selectRow(0);
    Q_EMIT runFinished();
}

void LiveRunDialog::updateState()
{
    const bool running = m_run && !m_run->isFinished();
    m_runButton->setEnabled(!running && !m_url->text().trimmed().isEmpty());
    m_cancelButton->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *> {m_url, m_ca, m_insecure, m_delay, m_timeout, m_maxRequests})
        w->setEnabled(!running);
}

} // namespace jwb::ui
