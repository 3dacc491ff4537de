#pragma once

#include "common/Clock.h"
#include "common/Jobs.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace jwb::workspace {
class KeyRing;
} // namespace jwb::workspace

namespace jwb::ui {

class EncryptBox;
class JsonHighlighter;
class Ticker;
class TokenEditor;

/// The "Composer" page: a header and a claims JSON editor (validated live, with quick-add buttons for the
/// usual claims), a signing key from the workspace's KeyRing, an algorithm that key fits, and the signed
/// compact token, ready to copy, to send to the inspector or to paste into curl.
///
/// Signing is core's keys::TokenSigner; the page only gathers inputs and shows the result. Key material stays
/// in the ring: neither the page's workspace form nor its messages ever contain it.
class ComposerPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;

    explicit ComposerPage(
        workspace::KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent = nullptr);
    ~ComposerPage() override;
    /// Refreshes the relative times under the claims ("(in 1 h)") on `ticker`'s ticks (the window's one timer).
    void followTicker(Ticker *ticker);

    void setClaimsText(const QString &text);
    [[nodiscard]] QString claimsText() const;
    void setHeaderText(const QString &text);
    [[nodiscard]] QString headerText() const;
    /// A JWA name ("ES256"); ignored when the chosen key cannot sign with it.
    void setAlgorithm(const QString &name);
    [[nodiscard]] QString algorithm() const;
    /// Chooses the ring's source at `ringIndex` (ignored when it holds no key able to sign).
    void setKeySource(int ringIndex);
    /// The ring index of the chosen source, or -1.
    [[nodiscard]] int keySource() const;
    /// How far in the future quick-add "exp" goes: a Go duration ("5m", "1h", "36h30m").
    void setQuickDuration(const QString &duration);
    /// The value quick-add uses for iss, sub, aud, roles and scope (lists separated by commas or spaces).
    void setQuickValue(const QString &value);

    /// Validates and signs now; false (and errorText()) when the inputs are invalid or signing failed.
    bool signNow();
    /// The last signed token (encrypted when "Encrypt" is on: that runs in the background, token() is empty until it
    /// is done); empty when the inputs changed into something invalid.
    [[nodiscard]] QString token() const { return m_token; }
    /// Why the inputs cannot be signed (JSON error with line:column, alg conflict, signing error); else empty.
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] QStringList warnings() const { return m_warnings; }
    /// Adds or replaces a claim: exp, iat, nbf, jti, iss, sub, aud, roles, scope. One undo step.
    void addQuickClaim(const QString &name);
    /// The claims quick-add knows.
    [[nodiscard]] static QStringList quickClaimNames();
    [[nodiscard]] EncryptBox *encryptBox() const { return m_encrypt; }

    /// Workspace form: claims, header, alg, typ, kid, chosen source id, curl URL. Never key material.
    [[nodiscard]] QJsonObject toWorkspaceJson() const;
    void fromWorkspaceJson(const QJsonObject &json);

Q_SIGNALS:
    void sendToInspector(const QString &token);
    /// The user wants the Keys page's key generator.
    void generateKeyRequested();
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct EditorCheck
    {
        bool ok = false;
        QJsonObject object;
        QString message; ///< shown under the editor; empty when ok
        qsizetype errorPosition = -1; ///< character to mark, or -1
    };

    QWidget *buildEditors();
    QWidget *buildQuickAdd();
    QWidget *buildKeyGroup();
    QWidget *buildOutput();
    void refreshKeys();
    void refreshAlgorithms();
    void onInputsChanged();
    /// Validates both editors and the header's alg; updates labels and marks. True when signable.
    bool validate();
    /// `notAnObject` is the message for text that is JSON but not an object.
    EditorCheck checkEditor(QPlainTextEdit *edit, const QString &notAnObject) const;
    void showEditorCheck(QPlainTextEdit *edit, QLabel *label, const EditorCheck &check);
    void updateTimes(const QJsonObject &claims);
    QJsonObject m_timesClaims; ///< the claims the times line was made from, for the Ticker's refresh
    void showToken();
    /// Encrypts in the background (PBES2 can take a second), then shows the JWE: the signed token (sign-then-encrypt,
    /// cty JWT) or, without a signing key, the claims as written.
    void encryptContent(const QByteArray &plaintext, bool signedToken);
    void clearToken();
    void generateQuickKey(bool hmac);
    void copyToken();
    void copyCurl();
    void applyColours();
    [[nodiscard]] QString chosenSourceId() const;

    workspace::KeyRing *m_ring = nullptr;
    std::shared_ptr<const common::Clock> m_clock;
    QString m_token;
    QString m_error;
    QStringList m_warnings;
    QString m_wantedSourceId; ///< from a workspace, chosen once the ring has it
    QString m_wantedAlg;
    bool m_inputsValid = false;

    QPlainTextEdit *m_headerEdit = nullptr;
    QPlainTextEdit *m_claimsEdit = nullptr;
    JsonHighlighter *m_headerHighlighter = nullptr;
    JsonHighlighter *m_claimsHighlighter = nullptr;
    QLabel *m_headerError = nullptr;
    QLabel *m_claimsError = nullptr;
    QLabel *m_timesLabel = nullptr;
    QComboBox *m_durationCombo = nullptr;
    QLineEdit *m_quickValueEdit = nullptr;

    QStackedWidget *m_keyStack = nullptr;
    QWidget *m_emptyState = nullptr;
    QComboBox *m_keyCombo = nullptr;
    QLabel *m_keyInfo = nullptr;
    QLineEdit *m_kidEdit = nullptr;
    QComboBox *m_algCombo = nullptr;
    QLineEdit *m_typEdit = nullptr;
    QLineEdit *m_sdClaimsEdit = nullptr; ///< SD-JWT: the claims made selectively disclosable (comma-separated)
    QCheckBox *m_autoSign = nullptr;
    QPushButton *m_signButton = nullptr;

    TokenEditor *m_tokenView = nullptr;
    QLabel *m_resultLabel = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_curlButton = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QTimer *m_debounce = nullptr;
    EncryptBox *m_encrypt = nullptr;
    QString m_encryptedWith; ///< "RSA-OAEP-256, A256GCM to …" when m_token is a JWE
    bool m_signedToo = false; ///< the JWE holds a signed token (else the claims, unsigned)
    common::Jobs::Handle m_encryptJob;
};

} // namespace jwb::ui
