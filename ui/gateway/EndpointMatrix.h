#pragma once

#include "krakend/ConfigDocument.h"

#include "common/Clock.h"
#include "common/Jobs.h"
#include "gateway/EndpointMatrixModel.h"
#include "krakend/ConfigDocument.h"
#include "krakend/Simulator.h"
#include "workspace/Session.h"

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

namespace jwb::workspace {
class KeyRing;
class Session;
} // namespace jwb::workspace

namespace jwb::ui {

class EndpointMatrixModel;
class KeyChoiceBox;

/// "All endpoints" for one token: what KrakenD answers on every endpoint of a krakend.json (status, stopping
/// check, reason). Endpoints are simulated one after another as common::Jobs jobs (a jwk_url may have to be
/// downloaded), and rows fill in as results arrive. Double-clicking a row emits endpointActivated.
///
/// Keys: the session's one key choice, as Simulate makes it. "Automatic" resolves each row with that endpoint's own
/// pin (what Simulate pinned for it) through workspace::KeyResolver; choosing an entry here pins it for every row.
/// The "Keys:" line shows the choice of the selected row (the first one when none is selected).
class EndpointMatrix : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointMatrix(std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~EndpointMatrix() override;

    /// `configText`: the file's text, for what it alone does to KrakenD's start (a byte order mark: 500 everywhere).
    void setConfig(const QJsonObject &root, const QString &baseDir, const QByteArray &configText = {});
    /// The same from a document (a big krakend.json is not made into one object: rows come from its endpoint
    /// list, and each endpoint is read when its row runs).
    void setDocument(
        const krakend::ConfigDocument &document, const QString &baseDir, const QByteArray &configText = {});
    /// The token sent as the config reads it (auth_header_name with "Bearer ", or cookie_key when set); re-runs.
    void setToken(const QString &token);
    [[nodiscard]] QString token() const;
    /// The window's session: its key ring, trust store and key choices.
    void setSession(workspace::Session *session);
    /// A key ring alone (tests; pins kept by the page).
    void setKeyRing(workspace::KeyRing *ring);
    /// The scope under which the page's own choice is pinned: it applies to every row.
    [[nodiscard]] static workspace::ChoiceScope allEndpointsScope();
    /// The key choice of row `row` (its endpoint's pin, unless the page's own choice pins one for all rows).
    [[nodiscard]] workspace::KeyChoice keyChoice(int row) const;
    /// Starts over: every row pending, then simulated in order. This is the user asking (Run): rows may
    /// download their jwk_url. Runs that start by themselves (a config, a token or keys given) make no network
    /// request; their rows that need a download say so until the user runs them once.
    void runNow();
    [[nodiscard]] bool isRunning() const { return m_running; }

    /// The rows and their answers.
    [[nodiscard]] EndpointMatrixModel *model() const { return m_model; }

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
    void showKeysOfSelection();
    [[nodiscard]] krakend::SimulationSetup setupOf(int row) const;
    void setRows(const QList<EndpointMatrixModel::Row> &rows);

    std::shared_ptr<const common::Clock> m_clock;
    QJsonObject m_root;
    std::optional<krakend::ConfigDocument> m_document; ///< set by setDocument: endpoints are read from it
    QString m_baseDir;
    QByteArray m_configText;
    common::Jobs::Handle m_job; ///< the row being simulated
    bool m_running = false;
    bool m_asked = false; ///< the running pass was asked for by the user
    QStringList m_downloadsAsked; ///< jwk_urls the user ran with: later passes may download them too

    EndpointMatrixModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    KeyChoiceBox *m_keys = nullptr; ///< the "Keys" combo and the "Keys: …" line
    QPushButton *m_runButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_hint = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace jwb::ui
