#pragma once

#include "krakend/LiveRun.h"
#include "krakend/TestTokens.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QAbstractButton;
class QCheckBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace jwb::ui {

/// "Run against a gateway": the test tokens of one endpoint sent, one request at a time, to a base URL the user
/// types (never a default), each answer compared with the status the simulation predicted (core's krakend::LiveRun).
/// Bounded and polite: a delay between requests, a timeout per request, a cap on their number, Cancel at any time;
/// TLS as for key sources (an extra CA file, plain http and unchecked certificates only when allowed). The table
/// shows expected against actual per case; a selected row shows the answer's headers, a body excerpt and why the
/// two may differ.
class LiveRunDialog : public QDialog
{
    Q_OBJECT
public:
    LiveRunDialog(krakend::TestTokenTarget target, QList<krakend::TestTokenCase> cases, krakend::LiveRun::Remint remint,
        QWidget *parent = nullptr);
    ~LiveRunDialog() override;

    /// Starts a run with what the form holds (what the Run button does); false with a message when the form is not
    /// usable (no URL, plain http not allowed, an unreadable CA file).
    bool startRun();
    void cancelRun();
    [[nodiscard]] QLineEdit *urlEdit() const { return m_url; }
    [[nodiscard]] QCheckBox *insecureCheck() const { return m_insecure; }
    [[nodiscard]] QSpinBox *maxRequestsSpin() const { return m_maxRequests; }
    [[nodiscard]] QSpinBox *timeoutSpin() const { return m_timeout; }
    [[nodiscard]] QLineEdit *caEdit() const { return m_ca; }
    [[nodiscard]] const krakend::LiveRun *run() const { return m_run.data(); }
    [[nodiscard]] QString message() const;
    [[nodiscard]] QStandardItemModel *resultModel() const { return m_model; }

Q_SIGNALS:
    void runFinished();

private:
    void fillRow(int row);
    void showSelection();
    void onFinished();
    void updateState();

    krakend::TestTokenTarget m_target;
    QList<krakend::TestTokenCase> m_cases;
    krakend::LiveRun::Remint m_remint;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<krakend::LiveRun> m_run;

    QLineEdit *m_url = nullptr;
    QLineEdit *m_ca = nullptr;
    QCheckBox *m_insecure = nullptr;
    QSpinBox *m_delay = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_maxRequests = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
};

} // namespace jwb::ui
