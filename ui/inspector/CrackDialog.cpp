#include "inspector/CrackDialog.h"

#include "common/BoundedFile.h"
#include "common/Dialogs.h"
#include "common/SecretClipboard.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace jwb::ui {

CrackDialog::CrackDialog(const jose::Token &token, QWidget *parent) : QDialog(parent), m_alg(token.alg())
{
    setWindowTitle(tr("Search a Wordlist for the Secret"));
    setObjectName(QStringLiteral("crackDialog"));
    auto search = jose::SecretSearch::create(token);
    if (search)
        m_search = std::move(search.value());

    auto *intro = new QLabel(tr("Tries every line of a wordlist as the %1 secret of this token, on this machine. "
                                "A secret found here is one anybody with the same list can find: whoever holds it "
                                "can sign tokens the gateway accepts.")
                                 .arg(m_alg),
        this);
    intro->setWordWrap(true);

    m_wordlist = new QLineEdit(this);
    m_wordlist->setObjectName(QStringLiteral("wordlistEdit"));
    m_wordlist->setPlaceholderText(tr("A file with one candidate secret per line"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_wordlist, 1);
    fileRow->addWidget(m_browse);
    m_jobs = new QSpinBox(this);
    m_jobs->setObjectName(QStringLiteral("jobsSpin"));
    m_jobs->setRange(1, 64);
    m_jobs->setValue(std::max(1, QThread::idealThreadCount()));
    m_jobs->setToolTip(tr("Threads to search on (all cores by default)"));
    auto *form = new QFormLayout;
    form->addRow(tr("Wordlist:"), fileRow);
    form->addRow(tr("Threads:"), m_jobs);

    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setReadOnly(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("No secret found yet"));
    m_reveal = new QCheckBox(tr("Reveal"), this);
    m_reveal->setObjectName(QStringLiteral("revealCheck"));
    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copySecretButton"));
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_reveal);
    secretRow->addWidget(m_copy);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Start"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_stop = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addLayout(secretRow);
    layout->addWidget(buttons);

    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &CrackDialog::updateProgress);
    connect(m_browse, &QPushButton::clicked, this, &CrackDialog::chooseWordlist);
    connect(m_start, &QPushButton::clicked, this, &CrackDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &CrackDialog::stop);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reveal, &QCheckBox::toggled, this,
        [this](bool on) { m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const int seconds = SecretClipboard::copy(m_secret->text());
        m_status->setText(seconds > 0 ? tr("The secret is on the clipboard for %n second(s).", nullptr, seconds)
                                      : tr("The secret is on the clipboard."));
    });
    connect(this, &QDialog::finished, this, [this] { stop(); });

    m_secret->setEnabled(false);
    m_reveal->setEnabled(false);
    m_copy->setEnabled(false);
    setRunning(false);
    if (!m_search) {
        m_status->setText(search.error().message);
        m_start->setEnabled(false);
        m_browse->setEnabled(false);
        m_wordlist->setEnabled(false);
    }
    resize(560, sizeHint().height());
}

void CrackDialog::chooseWordlist()
{
    const QString path
        = Dialogs::getOpenFileName(this, tr("Choose a Wordlist"), tr("Wordlists (*.txt *.list *.lst);;All files (*)"));
    if (!path.isEmpty())
        m_wordlist->setText(path);
}

void CrackDialog::setRunning(bool running)
{
    m_start->setEnabled(!running && m_search.has_value());
    m_stop->setEnabled(running);
    m_wordlist->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_jobs->setEnabled(!running);
    if (running)
        m_poll->start();
    else
        m_poll->stop();
}

void CrackDialog::start()
{
    if (!m_search || m_job.isRunning())
        return;
    const QString path = m_wordlist->text().trimmed();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose a wordlist first."));
        return;
    }
    // Opened here, so that a missing or unreadable file is said at once; the worker opens it again and reads it.
    if (auto opened = common::BoundedFile::open(path); !opened) {
        m_status->setText(opened.error().message);
        return;
    }
    m_fileSize = QFileInfo(path).size();
    m_progress = std::make_shared<Progress>();
    m_secret->clear();
    m_secret->setEnabled(false);
    m_reveal->setChecked(false);
    m_reveal->setEnabled(false);
    m_copy->setEnabled(false);
    m_bar->setValue(0);
    m_status->setText(tr("Searching…"));
    setRunning(true);
    jose::SecretSearch::Options options;
    options.jobs = m_jobs->value();
    const auto progress = m_progress;
    options.progress = [progress](const jose::SecretSearch::Progress &p) {
        progress->tried = p.tried;
        progress->bytes = p.bytes;
    };
    m_job.run(
        this,
        [search = *m_search, path, options](
            const common::CancelToken &cancel) mutable -> common::Result<jose::SecretSearch::Outcome> {
            options.cancel = cancel;
            auto file = common::BoundedFile::open(path);
            if (!file)
                return file.error();
            return search.run(*file.value(), options);
        },
        [this](const common::Result<jose::SecretSearch::Outcome> &outcome) { showOutcome(outcome); });
}

void CrackDialog::stop()
{
    if (!m_job.isRunning())
        return;
    m_job.cancel();
    setRunning(false);
    m_status->setText(tr("Stopped after %1 candidates.").arg(QLocale().toString(m_progress->tried.load())));
    Q_EMIT searchEnded();
}

void CrackDialog::updateProgress()
{
    if (!m_progress)
        return;
    if (m_fileSize > 0)
        m_bar->setValue(static_cast<int>(std::min<qint64>(1000, m_progress->bytes.load() * 1000 / m_fileSize)));
    m_status->setText(tr("Searching… %1 candidates tried.").arg(QLocale().toString(m_progress->tried.load())));
}

void CrackDialog::showOutcome(const common::Result<jose::SecretSearch::Outcome> &outcome)
{
    setRunning(false);
    if (!outcome) {
        m_status->setText(outcome.error().message);
    } else if (outcome->found) {
        m_bar->setValue(m_bar->maximum());
        m_secret->setText(QString::fromUtf8(outcome->secret));
        m_secret->setEnabled(true);
        m_reveal->setEnabled(true);
        m_copy->setEnabled(true);
        m_status->setText(tr("Found on line %1 after %2 candidates. Replace this secret with 32 or more random bytes "
                             "and revoke the tokens it signed.")
                              .arg(QLocale().toString(outcome->line), QLocale().toString(outcome->tried)));
    } else {
        m_bar->setValue(m_bar->maximum());
        m_status->setText(tr("Not found: none of the %1 candidates is the secret (%2 s).")
                              .arg(QLocale().toString(outcome->tried))
                              .arg(outcome->seconds, 0, 'f', 1));
    }
    Q_EMIT searchEnded();
}

} // namespace jwb::ui
