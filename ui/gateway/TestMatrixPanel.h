#pragma once

#include "common/Clock.h"
#include "common/Jobs.h"
#include "krakend/Simulator.h"
#include "krakend/TestTokens.h"
#include "workspace/KeyResolver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace jwb::workspace {
class KeyRing;
class Session;
} // namespace jwb::workspace

namespace jwb::ui {

class KeyChoiceBox;
class TestMatrixModel;

/// The test-token matrix of one endpoint: mint tokens that probe its auth/validator (valid, expired, leeway
/// edges, wrong aud/iss, missing role/scope, unknown kid, alg none, HS256 with the public key, nbf in the future)
/// with a generated key or a key ring source, each with the status KrakenD would answer (core's TestTokens runs
/// the Simulator). A selected row shows its token, decoded claims and curl line; the JWK Set for jwk_local_path
/// can be exported. Minting runs as a common::Jobs job (RSA key generation takes a moment).
///
/// Keys: the "Keys" combo and line are the endpoint's key choice, the one Simulate uses (workspace::KeyResolver,
/// pinned per endpoint). "Automatic" signing takes the key ring's private half of those keys
/// (KeyResolver::signingKeyFor), else a generated key. When the signing key is the private half of the keys the
/// endpoint verifies with, every case is judged with the context Simulate uses (verification::simulate: same keys,
/// same TLS); otherwise with the signing key's own public JWK Set, as the message says.
class TestMatrixPanel : public QWidget
{
    Q_OBJECT
public:
    TestMatrixPanel(workspace::KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~TestMatrixPanel() override;

    /// As SimulationPanel::setEndpoint (`configText`: a byte order mark makes every expected answer 500).
    void setEndpoint(
        const QJsonObject &root, int endpointIndex, const QString &baseDir, const QByteArray &configText = {});
    /// The same with the endpoint's object given (a big krakend.json is not made into one object): `service` is the
    /// root without its endpoints (ConfigDocument::serviceRoot).
    void setEndpoint(const QJsonObject &service, const QJsonObject &endpoint, int endpointIndex, const QString &baseDir,
        const QByteArray &configText = {});
    /// Mints with the chosen key (asynchronously; mintFinished tells when).
    void mint();
    /// The window's session: its key ring, trust store and key choices (pins per endpoint, shared with Simulate).
    void setSession(workspace::Session *session);
    /// The endpoint's key choice (what Simulate uses for it; tokens carry no key id yet).
    [[nodiscard]] workspace::KeyChoice keyChoice() const;
    /// Whether the last set was judged with the keys Simulate uses (else with the signing key's public set).
    [[nodiscard]] bool judgedAsSimulate() const { return m_judgedAsSimulate; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// The last minted set (nullopt before the first success or after an error).
    [[nodiscard]] const std::optional<krakend::TestTokenSet> &tokenSet() const { return m_set; }
    [[nodiscard]] QString lastError() const { return m_error; }
    /// The selected case's token, curl line; every case's curl lines as a shell script.
    [[nodiscard]] QString selectedToken() const;
    [[nodiscard]] QString selectedCurl() const;
    void selectCase(int row);
    /// Asks for a file (Dialogs::getSaveFileName) and writes the JWK Set with common::AtomicFile (0600
    /// when it holds the HS* secret); true when written.
    bool exportJwks();
    /// Opens the "Run against a gateway" dialog for the minted cases (nothing is sent until the user runs it there);
    /// returns it (owned by the panel, deleted on close), or nullptr before a mint.
    class LiveRunDialog *openLiveRun();
    /// Whether minting adds the security sweep (alg none spellings, embedded jwk, kid injection, ...).
    void setSweep(bool on);

Q_SIGNALS:
    void openInInspector(const QString &token);
    void simulateToken(const QString &token);
    void statusMessage(const QString &message);
    /// After every mint (success or error).
    void mintFinished(bool ok);

private:
    void refreshKeyChoices();
    void showMinted(const common::Result<krakend::TestTokenSet> &result);
    void showSelection();
    void setBusy(bool busy);
    void updateButtons();
    void copy(const QString &text, const QString &what);
    /// The case in `row` as it is used (copied, run, opened): minted again at the clock's now when core says its
    /// token holds only for seconds (TestTokens::mintedWhenUsed: inside_leeway), and shown so in its row.
    krakend::TestTokenCase caseForUse(int row);
    /// caseForUse of the selected row; an empty case when none is selected.
    krakend::TestTokenCase selectedForUse();

    workspace::KeyRing *m_ring = nullptr;
    std::shared_ptr<const common::Clock> m_clock;
    QJsonObject m_root;
    int m_endpointIndex = -1;
    QString m_baseDir;
    krakend::SimulationSetup m_setup;
    std::optional<krakend::TestTokenSet> m_set;
    krakend::TestTokens::CaseJudge m_judge; ///< what judged m_set (empty: the offline simulator); mintCase reuses it
    QHash<QString, QDateTime> m_usedAt; ///< when a case of m_set was minted again (caseForUse), by id
    QString m_error;
    common::Jobs::Handle m_job; ///< the running mint
    bool m_busy = false;
    bool m_judgedAsSimulate = false;

    QLabel *m_endpointLabel = nullptr;
    QComboBox *m_keyCombo = nullptr; ///< the signing key
    KeyChoiceBox *m_keys = nullptr; ///< the keys the endpoint verifies with: combo and "Keys: …" line
    QPushButton *m_mintButton = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_message = nullptr;
    TestMatrixModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_tokenView = nullptr;
    QPlainTextEdit *m_claimsView = nullptr;
    QPlainTextEdit *m_curlView = nullptr;
    QPushButton *m_copyTokenButton = nullptr;
    QPushButton *m_copyCurlButton = nullptr;
    QPushButton *m_copyAllButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_inspectorButton = nullptr;
    QPushButton *m_simulateButton = nullptr;
    QPushButton *m_liveRunButton = nullptr;
    QCheckBox *m_sweepCheck = nullptr;
};

} // namespace jwb::ui
