#pragma once

#include "common/Clock.h"
#include "common/Jobs.h"
#include "common/Verdict.h"
#include "jose/Inspection.h"
#include "krakend/Simulator.h"
#include "verification/PastedKey.h"
#include "verification/Report.h"
#include "workspace/KeyResolver.h"

#include <QByteArray>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace jwb::verification {
struct Context;
}

namespace jwb::workspace {
class KeyRing;
struct KeySource;
class Session;
} // namespace jwb::workspace

namespace jwb::ui {

class ChecksModel;
class KeyChoiceBox;

/// The inspector's "Verify" tab: a key (secret, JWK, JWK Set, PEM or DER), the rules to judge by, and the verdict of
/// core's verification::verify with every check in order.
///
/// "Judge as" chooses the rules: the generic ones of the Rules group (an expected algorithm, issuer, audience, type,
/// leeway), or one endpoint of the open krakend.json (setEndpoints). As an endpoint, the Rules group shows what that
/// endpoint's auth/validator requires (read-only) and the checks are the KrakenD simulator's, exactly as Simulate
/// gives them for the same token and keys; with no key given, the endpoint's own jwk_local_path or jwk_url is used
/// (a download runs in the background).
///
/// Keys: the session's one key choice (workspace::KeyResolver). "Automatic" takes the key ring source holding the
/// token's kid (or x5t), else the Issuer source for its iss, else the pasted key; judging as an endpoint it is the
/// choice Simulate makes for that endpoint (the same pin), with the config's own keys when nothing else fits.
/// Choosing an entry of "Keys from" pins it; typing a key pins the pasted key. The "Keys:" line says which keys,
/// why, the key id that matched and the TLS origin.
///
/// The panel only gathers inputs into a verification::Context and shows the Report; every decision (which key,
/// which algorithm, whether a claim passes) is core's. A new token is verified at once; a change of an input
/// re-verifies after kDebounceMs. Key material stays in the editor: it is never logged, stored in settings or shown
/// outside this panel.
class VerifyPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 150;
    static constexpr qint64 kMaxKeyFileBytes = 4 * 1024 * 1024;

    /// An endpoint of the open krakend.json that a token can be judged as.
    struct Endpoint
    {
        QString method;
        QString path;
        krakend::SimulationSetup setup; ///< SimulationSetup::fromEndpoint of that endpoint
    };

    explicit VerifyPanel(std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~VerifyPanel() override;

    void setClock(std::shared_ptr<const common::Clock> clock);
    /// The token to verify (the inspector's current inspection); verifies it at once.
    void setInspection(const jose::Inspection &inspection);
    /// Runs the verification now instead of waiting for the debounce.
    void verifyNow();
    /// The workspace's key sources: the "Keys from" combo offers them next to the pasted key (pins kept here).
    void setKeyRing(workspace::KeyRing *ring);
    /// The window's session: its key ring, trust store and key choices (the Inspector's pin, the endpoints' pins).
    void setSession(workspace::Session *session);
    /// Pins the key ring source with this index (-1: the key pasted in the panel).
    void setKeySource(int ringIndex);
    /// The pinned key ring source's index; -1 when no source is pinned (Automatic or the pasted key).
    [[nodiscard]] int keySource() const;
    /// The key choice of the last verification (what the "Keys:" line shows).
    [[nodiscard]] const workspace::KeyChoice &keyChoice() const { return m_choice; }
    /// Adds the token's issuer (iss) as an OpenID discovery source to the key ring and verifies with it.
    void useTokenIssuer();
    /// Reads a key file (at most kMaxKeyFileBytes): text goes into the key editor, binary (DER) is kept aside.
    void openKeyFile(const QString &path);
    /// The endpoints "Judge as" offers next to the generic rules. The chosen one stays chosen while an endpoint
    /// with its method and path is in the list; otherwise the generic rules are chosen again.
    void setEndpoints(const QList<Endpoint> &endpoints);
    /// Judges as endpoint `index` of setEndpoints' list; -1: the generic rules.
    void setJudgeAs(int index);
    [[nodiscard]] int judgeAs() const;
    /// "GET /orders" for the endpoint judged as; empty for the generic rules.
    [[nodiscard]] QString judgeAsTitle() const;

    /// Valid, Invalid, Malformed, KeyError (the key could not be read), Pending (keys on their way) or NotVerified
    /// (no key or no token yet).
    [[nodiscard]] common::Verdict verdict() const { return m_report.verdict; }
    /// The last verification's report (what the Inspector's banner is built from).
    [[nodiscard]] const verification::Report &report() const { return m_report; }
    /// The key error shown in the results, e.g. "invalid_pem: …"; empty when the key was read.
    [[nodiscard]] QString keyError() const { return m_keyError; }

    /// The pasted key's editor and the "Keys from" combo (the workspace and start-up tests type and choose there).
    [[nodiscard]] QPlainTextEdit *keyEdit() const { return m_keyEdit; }
    [[nodiscard]] QComboBox *sourceCombo() const { return m_sourceCombo; }

Q_SIGNALS:
    /// Emitted once after every verification with the new report() (also when it says Pending or NotVerified).
    void verified();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildKeyGroup();
    QWidget *buildPolicyGroup();
    QWidget *buildGenericRules(QWidget *parent);
    QWidget *buildEndpointRules(QWidget *parent);
    QWidget *buildResults();
    void chooseKeyFile();
    void onKeysChanged();
    /// The pin of the current scope; a pinned source that no longer exists reads as the pasted key.
    [[nodiscard]] workspace::KeyPin pin() const;
    [[nodiscard]] workspace::KeyChoice resolveKeys() const;
    void updateIssuerButton();
    void onKeyTextEdited();
    /// Asks core which form the pasted key takes for this token and these rules (verification::pastedKeyForm); when
    /// that changes, ticks or unticks "Key is a shared secret" (the user may still change it by hand).
    void syncKeyForm();
    /// The secret field (masked, with its encoding) when "Key is a shared secret" is ticked, else the key editor;
    /// each keeps its text while the other is shown.
    void showKeyForm();
    void onJudgeAsChosen();
    void showEndpointRules();
    [[nodiscard]] QString pastedKeyHint() const;
    [[nodiscard]] const workspace::KeySource *chosenSource() const;
    [[nodiscard]] bool hasPastedKey() const;
    void showSourceStatus(const workspace::KeySource *source);
    [[nodiscard]] verification::Context contextWithoutKeys() const;
    void useChoice(verification::Context &context, const workspace::KeyChoice &choice);
    void syncKeyScope();
    void usePastedKey(verification::Context &context);
    void waitForCrypto();
    void verifyInBackground(const verification::Context &context);
    void showReport(const verification::Report &report);
    void showNotVerified(const verification::Report &report);
    void showNeutral(const verification::Report &report, const QString &title, const QString &text);
    void showKeyError(const verification::Report &report);
    void showJudged(const verification::Report &report);
    void setVerdict(common::Verdict verdict, const QString &text, const QColor &color);

    std::shared_ptr<const common::Clock> m_clock;
    jose::Inspection m_inspection;
    QByteArray m_binaryKey; ///< a DER file's bytes; cleared as soon as the editor is typed in
    QString m_binaryKeyName;
    verification::Report m_report;
    QString m_keyError;
    QList<Endpoint> m_endpoints;
    common::Jobs::Handle m_job; ///< a verification that downloads an endpoint's keys

    KeyChoiceBox *m_keys = nullptr; ///< the "Keys from" combo and the "Keys:" line
    workspace::KeyChoice m_choice; ///< the last verification's key choice
    bool m_waitingForCrypto = false; ///< a verification waits for the start-up crypto self-test
    QComboBox *m_sourceCombo = nullptr;
    QPushButton *m_issuerButton = nullptr;
    QLabel *m_sourceStatus = nullptr;
    QWidget *m_pastedKeyBox = nullptr;
    QPlainTextEdit *m_keyEdit = nullptr;
    QCheckBox *m_secretCheck = nullptr;
    QWidget *m_secretRow = nullptr;
    QLineEdit *m_secretEdit = nullptr; ///< the shared secret, masked unless m_showSecretButton is on; never stored
    QToolButton *m_showSecretButton = nullptr;
    verification::PastedKeyForm m_keyForm = verification::PastedKeyForm::KeyText; ///< core's last answer
    QComboBox *m_encodingCombo = nullptr;
    QPushButton *m_openKeyButton = nullptr;
    QComboBox *m_judgeCombo = nullptr;
    QStackedWidget *m_rulesStack = nullptr;
    QList<QLabel *> m_mappedRules; ///< the endpoint's rules, one label per row of buildEndpointRules
    QComboBox *m_algCombo = nullptr;
    QLineEdit *m_issuerEdit = nullptr;
    QLineEdit *m_audienceEdit = nullptr;
    QSpinBox *m_leewaySpin = nullptr;
    QLineEdit *m_typEdit = nullptr;
    QCheckBox *m_weakKeysCheck = nullptr;
    QLabel *m_verdictLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QLabel *m_keyLabel = nullptr;
    ChecksModel *m_checksModel = nullptr;
    QTreeView *m_checksView = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace jwb::ui
