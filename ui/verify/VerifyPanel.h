#pragma once

#include "keys/KeyRingFwd.h"

#include "common/Clock.h"
#include "jose/Inspection.h"

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
class QTimer;
class QTreeWidget;

namespace jwb::validation {
struct Report;
}

namespace jwb::ui {

/// The inspector's "Verify" tab: a key (secret, JWK, JWK Set, PEM or DER), an optional expected algorithm,
/// issuer, audience and leeway, and the verdict of core's validation::Verifier with every check in order.
///
/// The panel only gathers inputs and shows the Report; every decision (which key, which algorithm, whether a
/// claim passes) is core's. Any change of the token or of an input re-verifies after kDebounceMs. Key material
/// stays in the editor: it is never logged, stored in settings or shown outside this panel.
class VerifyPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 150;
    static constexpr qint64 kMaxKeyFileBytes = 4 * 1024 * 1024;

    explicit VerifyPanel(std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~VerifyPanel() override;

    void setClock(std::shared_ptr<const common::Clock> clock);
    /// The token to verify (the inspector's current inspection); re-verifies after the debounce.
    void setInspection(const jose::Inspection &inspection);
    /// Runs the verification now instead of waiting for the debounce.
    void verifyNow();
    /// The workspace's key sources: the "Keys from" combo offers them next to the pasted key.
    void setKeyRing(KeyRing *ring);
    /// Uses the key ring source with this index (-1: the key pasted in the panel).
    void setKeySource(int ringIndex);
    [[nodiscard]] int keySource() const;
    /// Adds the token's issuer (iss) as an OpenID discovery source to the key ring and verifies with it.
    void useTokenIssuer();
    /// Reads a key file (at most kMaxKeyFileBytes): text goes into the key editor, binary (DER) is kept aside.
    void openKeyFile(const QString &path);

    /// "valid", "invalid", "error" (the key could not be read) or "none" (no key or no token yet).
    [[nodiscard]] QString verdict() const { return m_verdict; }
    /// The key error shown in the results, e.g. "invalid_pem: …"; empty when the key was read.
    [[nodiscard]] QString keyError() const { return m_keyError; }

    // Widgets, for tests.
    [[nodiscard]] QPlainTextEdit *keyEdit() const { return m_keyEdit; }
    [[nodiscard]] QComboBox *sourceCombo() const { return m_sourceCombo; }
    [[nodiscard]] QPushButton *issuerButton() const { return m_issuerButton; }
    [[nodiscard]] QCheckBox *secretCheck() const { return m_secretCheck; }
    [[nodiscard]] QComboBox *encodingCombo() const { return m_encodingCombo; }
    [[nodiscard]] QComboBox *algCombo() const { return m_algCombo; }
    [[nodiscard]] QLineEdit *issuerEdit() const { return m_issuerEdit; }
    [[nodiscard]] QLineEdit *audienceEdit() const { return m_audienceEdit; }
    [[nodiscard]] QSpinBox *leewaySpin() const { return m_leewaySpin; }
    [[nodiscard]] QPushButton *openKeyButton() const { return m_openKeyButton; }
    [[nodiscard]] QLabel *verdictLabel() const { return m_verdictLabel; }
    [[nodiscard]] QLabel *keyLabel() const { return m_keyLabel; }
    [[nodiscard]] QTreeWidget *checksView() const { return m_checksView; }

Q_SIGNALS:
    /// Emitted after every verification with the new verdict().
    void verified();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildKeyGroup();
    QWidget *buildPolicyGroup();
    QWidget *buildResults();
    void chooseKeyFile();
    void updateSourceCombo();
    void onSourceChosen();
    void updateIssuerButton();
    void onKeyTextEdited();
    void showNeutral(const QString &title, const QString &text);
    void showKeyError(const QString &text);
    void showReport(const validation::Report &report);
    void setVerdict(const QString &verdict, const QString &text, const QColor &color);

    std::shared_ptr<const common::Clock> m_clock;
    jose::Inspection m_inspection;
    QByteArray m_binaryKey; ///< a DER file's bytes; cleared as soon as the editor is typed in
    QString m_binaryKeyName;
    QString m_verdict = QStringLiteral("none");
    QString m_keyError;

    KeyRing *m_ring = nullptr;
    QString m_sourceId; ///< the chosen ring source; empty for the pasted key
    bool m_waitingForCrypto = false; ///< a verification waits for the start-up crypto self-test
    QComboBox *m_sourceCombo = nullptr;
    QPushButton *m_issuerButton = nullptr;
    QLabel *m_sourceStatus = nullptr;
    QWidget *m_pastedKeyBox = nullptr;
    QPlainTextEdit *m_keyEdit = nullptr;
    QCheckBox *m_secretCheck = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QPushButton *m_openKeyButton = nullptr;
    QComboBox *m_algCombo = nullptr;
    QLineEdit *m_issuerEdit = nullptr;
    QLineEdit *m_audienceEdit = nullptr;
    QSpinBox *m_leewaySpin = nullptr;
    QLineEdit *m_typEdit = nullptr;
    QCheckBox *m_weakKeysCheck = nullptr;
    QLabel *m_verdictLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QLabel *m_keyLabel = nullptr;
    QTreeWidget *m_checksView = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace jwb::ui
