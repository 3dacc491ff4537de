#pragma once

#include "common/Clock.h"
#include "common/Jobs.h"
#include "krakend/Simulator.h"
#include "workspace/KeyResolver.h"

#include <QColor>
#include <QJsonObject>
#include <QPalette>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>

class QButtonGroup;
class QComboBox;
class QBoxLayout;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTimer;
class QTreeView;
class QTreeWidget;

namespace jwb::workspace {
class KeyRing;
class Session;
} // namespace jwb::workspace

namespace jwb::ui {

class ChecksModel;
class KeyChoiceBox;

/// "What would KrakenD answer?" for one endpoint of a krakend.json: a token (pasted, or from the history), the
/// request around it (method, headers, cookies; the token goes into the config's header or cookie), the
/// evaluation time and where keys come from: the session's one key choice for this endpoint (workspace::KeyResolver:
/// automatic, or pinned in the "Keys" combo to a key ring source or the config's own jwk_local_path / jwk_url), shown
/// on the "Keys:" line with the TLS origin. The answer is core's verification::simulate (krakend::Simulator): status
/// badge, reason, the trace in KrakenD's order with the stopping check highlighted and the checks that would also fail
/// marked, the headers the backend receives and the backend URLs with their {JWT.x} parameters.
///
/// Simulator::run may download a JWK Set, so it always runs as a common::Jobs job; Cancel cancels it (the cancel
/// reaches the download) and its result is never shown. Inputs re-run the simulation after kDebounceMs. The
/// config's own jwk_url is downloaded with the trust store's extra CA for its origin (TrustStore::optionsForGateway).
///
/// Only a simulation the user asked for (Simulate, simulateNow()) downloads a jwk_url: one that runs by itself
/// (a token or a config opened, an input changed) makes no network request, and says that Simulate downloads
/// the keys, until the user has simulated with that jwk_url once.
class SimulationPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;
    static constexpr int kHistorySize = 20;

    SimulationPanel(workspace::KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~SimulationPanel() override;

    /// The endpoint `endpointIndex` of root["endpoints"]; relative key files resolve against `baseDir`. `configText`
    /// is the file's text, for what it alone does to KrakenD's start (a byte order mark: every answer is 500).
    void setEndpoint(
        const QJsonObject &root, int endpointIndex, const QString &baseDir, const QByteArray &configText = {});
    /// The same with the endpoint's object given (a big krakend.json is not made into one object): `service` is the
    /// root without its endpoints (ConfigDocument::serviceRoot).
    void setEndpoint(const QJsonObject &service, const QJsonObject &endpoint, int endpointIndex, const QString &baseDir,
        const QByteArray &configText = {});
    /// Puts a token into the input (and its history) and simulates.
    void setToken(const QString &token);
    [[nodiscard]] QString token() const;
    /// Starts a simulation now (cancelling a running one).
    void simulateNow();
    /// Forgets the running simulation.
    void cancel();
    /// The window's session: its key ring, trust store and key choices (pins per endpoint).
    void setSession(workspace::Session *session);
    /// The key choice the next simulation uses (also shown on the "Keys:" line).
    [[nodiscard]] workspace::KeyChoice keyChoice() const;

    /// A downloader for simulations nobody asked for: it makes no request, and sets `wanted` when run() needed
    /// the download.
    [[nodiscard]] static krakend::JwksDownloader offlineDownloader(std::shared_ptr<std::atomic_bool> wanted);

    /// "200 OK", "401 Unauthorized", "403 Forbidden", "500 Internal Server Error".
    [[nodiscard]] static QString statusText(int status);
    /// The badge colour of a status, readable on the palette's base (green, red, amber, purple).
    [[nodiscard]] static QColor statusColor(int status, const QPalette &palette);

    [[nodiscard]] int endpointIndex() const { return m_endpointIndex; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// The last result shown (status 0 before the first one).
    [[nodiscard]] const krakend::SimulationResult &result() const { return m_result; }
    /// The request the inputs describe (token placed where chosen).
    [[nodiscard]] krakend::SimulationRequest request() const;

    /// The answer's one-line reason (what a run that could not simulate says, too).
    [[nodiscard]] QLabel *reasonLabel() const { return m_reasonLabel; }

Q_SIGNALS:
    void simulated(int endpointIndex, int status, const QString &reason);
    void statusMessage(const QString &message);

private:
    QWidget *buildRequest();
    QWidget *buildResults();
    QBoxLayout *buildButtons(QWidget *box);
    QTableWidget *buildPairTable(const QString &objectName, const QString &first, const QString &second);
    void refreshPlacement();
    void scheduleRun();
    /// Runs the simulation; `asked`: the user asked for it, so it may download the config's jwk_url.
    void run(bool asked);
    void rememberToken(const QString &token);
    void setBusy(bool busy);
    void showEmpty(const QString &hint);
    void showResult(const krakend::SimulationResult &result);
    void setBadge(int status, const QString &text);

    std::shared_ptr<const common::Clock> m_clock;
    QJsonObject m_root;
    QJsonObject m_endpoint;
    int m_endpointIndex = -1;
    QString m_baseDir;
    krakend::SimulationSetup m_setup;
    krakend::SimulationResult m_result;
    common::Jobs::Handle m_job; ///< the running simulation
    bool m_busy = false;
    QStringList m_downloadsAsked; ///< jwk_urls the user simulated with: later runs may download them too

    QLabel *m_endpointLabel = nullptr;
    QComboBox *m_tokenCombo = nullptr;
    QComboBox *m_placementCombo = nullptr;
    QComboBox *m_methodCombo = nullptr;
    QTableWidget *m_requestHeaders = nullptr;
    QTableWidget *m_cookies = nullptr;
    QRadioButton *m_nowRadio = nullptr;
    QRadioButton *m_atRadio = nullptr;
    QDateTimeEdit *m_atEdit = nullptr;
    KeyChoiceBox *m_keys = nullptr; ///< the "Keys" combo and the "Keys: …" line
    QPushButton *m_simulateButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_busyBar = nullptr;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLabel *m_keySourceLabel = nullptr;
    QTreeView *m_traceView = nullptr;
    ChecksModel *m_traceModel = nullptr;
    QLabel *m_checkDetail = nullptr; ///< the full text of the selected (or stopping) check
    QTableWidget *m_headersView = nullptr;
    QTreeWidget *m_backendView = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace jwb::ui
