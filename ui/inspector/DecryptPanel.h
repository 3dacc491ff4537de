#pragma once

#include "common/Clock.h"
#include "common/Jobs.h"
#include "jose/Inspection.h"
#include "verification/Decrypt.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace jwb::workspace {
class KeyRing;
}

namespace jwb::ui {

class Debouncer;
class JsonHighlighter;
class KeyChoiceBox;

/// The Inspector's "Decrypt" tab: a JWE decrypted with a key of the key ring (the same "Keys from" choice as the
/// Verify tab: Automatic takes the source holding the JWE's kid) or a pasted private key, secret or PBES2 password.
/// It shows what core's verification::decrypt answers: how it was decrypted, the findings (RSA1_5, zip, p2c), the
/// content (JSON indented) and, for a nested JWT, the inner token's verdict, with "Open inner token" to inspect it.
///
/// Decryption runs as a common::Jobs job: PBES2 with many iterations takes long. The inner token's signing key is
/// found as for any token (workspace::KeyResolver on the inner token, automatic), else the decryption's own keys.
class DecryptPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 200;

    explicit DecryptPanel(std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~DecryptPanel() override;

    void setClock(std::shared_ptr<const common::Clock> clock);
    void setKeyRing(workspace::KeyRing *ring);
    /// A new token: decrypted at once when it is a JWE and a key is there.
    void setInspection(const jose::Inspection &inspection);
    /// Decrypts the current token now (in the background).
    void decryptNow();

    /// The last answer shown (nullopt while none, or while a decryption runs).
    [[nodiscard]] const std::optional<verification::Decryption> &decryption() const { return m_decryption; }
    [[nodiscard]] bool isBusy() const { return m_job.isRunning(); }
    /// One line for the Inspector's banner: "Decrypted …", the error, or empty when nothing was tried.
    [[nodiscard]] QString summary() const;

Q_SIGNALS:
    /// A decryption finished (successfully or not) and is shown.
    void decrypted();
    /// "Open inner token": the nested JWT's compact text.
    void openInnerRequested(const QString &token);

private:
    void buildKeyRow();
    [[nodiscard]] verification::Context decryptionContext();
    [[nodiscard]] verification::Context innerContext(
        const jose::Inspection &inner, const verification::Context &outer) const;
    void show(verification::Decryption d, const verification::Context &context);
    void showContent(const verification::Decryption &d);
    void showNested(const verification::Decryption &d);
    [[nodiscard]] bool isJwe() const;

    std::shared_ptr<const common::Clock> m_clock;
    jose::Inspection m_inspection;
    std::optional<verification::Decryption> m_decryption;
    verification::Context m_context; ///< the keys m_decryption was made with (a nested JWT falls back to them)
    common::Jobs::Handle m_job;

    KeyChoiceBox *m_keys = nullptr;
    QLabel *m_intro = nullptr;
    QPlainTextEdit *m_keyEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_decryptButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_findings = nullptr;
    QPlainTextEdit *m_content = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QLabel *m_innerVerdict = nullptr;
    QPushButton *m_openInnerButton = nullptr;
    Debouncer *m_debounce = nullptr;
};

} // namespace jwb::ui
