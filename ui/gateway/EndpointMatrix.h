#pragma once

#include "common/Clock.h"
#include "keys/JwkSet.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace jwb::ui {

class EndpointMatrixModel;

/// "All endpoints" for one token: what KrakenD answers on every endpoint of a krakend.json (status, stopping
/// check, reason). Endpoints are simulated one after another in a worker thread (a jwk_url may have to be
/// downloaded), and rows fill in as results arrive. Double-clicking a row emits endpointActivated.
class EndpointMatrix : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointMatrix(std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~EndpointMatrix() override;

    /// `configText`: the file's text, for what it alone does to KrakenD's start (a byte order mark: 500 everywhere).
    void setConfig(const QJsonObject &root, const QString &baseDir, const QByteArray &configText = {});
    /// The token sent as the config reads it (auth_header_name with "Bearer ", or cookie_key when set); re-runs.
    void setToken(const QString &token);
    [[nodiscard]] QString token() const;
    /// Keys used instead of each endpoint's own source (nullopt: the config's jwk_local_path / jwk_url).
    void setReplacementKeys(const std::optional<keys::JwkSet> &set, const QString &label = {});
    /// Starts over: every row pending, then simulated in order. This is the user asking (Run): rows may
    /// download their jwk_url. Runs that start by themselves (a config, a token or keys given) make no network
    /// request; their rows that need a download say so until the user runs them once.
    void runNow();
    [[nodiscard]] bool isRunning() const { return m_running; }

    [[nodiscard]] EndpointMatrixModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *tokenEdit() const { return m_tokenEdit; }

Q_SIGNALS:
    /// An endpoint (index in root["endpoints"]) was double-clicked.
    void endpointActivated(int endpointIndex);
    /// Every row has its result.
    void finished();
    void statusMessage(const QString &message);

private:
    void run(bool asked);
    void runRow(int row);
    void updateSummary();

    std::shared_ptr<const common::Clock> m_clock;
    QJsonObject m_root;
    QString m_baseDir;
    QByteArray m_configText;
    std::optional<keys::JwkSet> m_replacement;
    QString m_replacementLabel;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_asked = false; ///< the running pass was asked for by the user
    QStringList m_downloadsAsked; ///< jwk_urls the user ran with: later passes may download them too

    EndpointMatrixModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QPushButton *m_runButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_hint = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace jwb::ui
