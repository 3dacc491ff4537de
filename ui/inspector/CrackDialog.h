#pragma once

#include "common/Jobs.h"
#include "jose/SecretSearch.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace jwb::ui {

/// "Search a wordlist for the secret" of an HS256/384/512 token (the Findings tab's action; `crack` on the command
/// line): the user picks a wordlist file and a thread count; jose::SecretSearch runs it on a worker (common::Jobs)
/// with a progress bar over the file's bytes and a Stop button that cancels the search. A secret found is shown
/// once, masked until "Reveal" is ticked; Copy puts it on the clipboard for a while (SecretClipboard). It is never
/// logged, kept in settings or written anywhere.
///
/// Object names (for tests and accessibility): wordlistEdit, browseButton, jobsSpin, startButton, stopButton,
/// progressBar, statusLabel, secretEdit, revealCheck, copySecretButton.
class CrackDialog : public QDialog
{
    Q_OBJECT

public:
    CrackDialog(const jose::Token &token, QWidget *parent = nullptr);

    /// Starts the search on the wordlist named in the dialog (what the Start button does).
    void start();
    /// Stops a running search (the Stop button).
    void stop();

Q_SIGNALS:
    /// A search ended: found, not found, failed or stopped (the status label says which).
    void searchEnded();

private:
    void chooseWordlist();
    void updateProgress();
    void setRunning(bool running);
    void showOutcome(const common::Result<jose::SecretSearch::Outcome> &outcome);

    std::optional<jose::SecretSearch> m_search;
    QString m_alg;
    common::Jobs::Handle m_job;
    struct Progress
    {
        std::atomic<qint64> tried {0};
        std::atomic<qint64> bytes {0};
    };
    std::shared_ptr<Progress> m_progress;
    qint64 m_fileSize = 0;

    QLineEdit *m_wordlist = nullptr;
    QPushButton *m_browse = nullptr;
    QSpinBox *m_jobs = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_reveal = nullptr;
    QPushButton *m_copy = nullptr;
    QTimer *m_poll = nullptr;
};

} // namespace jwb::ui
