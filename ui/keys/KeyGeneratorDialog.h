#pragma once

#include "common/Jobs.h"
#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "keys/Jwk.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace jwb::ui {

/// Generates a signing key for a JWS algorithm: RSA (2048/3072/4096 bits) for RS*/PS*, EC P-256/384/521 for
/// ES*, Ed25519 for EdDSA, a random secret of the hash size for HS*; or an X25519/X448 key for encryption (JWE
/// ECDH-ES, alg "ECDH-ES", use "enc"). The kid is typed or set to the key's RFC 7638 thumbprint; use is "sig" for
/// signing keys. Generation (keys::KeyGenerator) runs as a common::Jobs job (RSA 4096 can
/// take seconds) with a busy indicator; the dialog emits generated() and accepts when the key is ready. Closing the
/// dialog meanwhile abandons the key. Widgets are found by object name (generatorAlgorithm, generatorBits,
/// generatorKid, generatorKidThumbprint, generatorBusy, generatorError, generatorGenerate).
class KeyGeneratorDialog : public QDialog
{
    Q_OBJECT
public:
    struct Options
    {
        crypto::Algorithm algorithm = crypto::Algorithm::ES256;
        int rsaBits = 2048; ///< RS*/PS* only
        QString kid;
        bool kidFromThumbprint = false; ///< kid = RFC 7638 thumbprint (overrides kid)
        /// X25519 or X448: an ECDH-ES key for encryption instead of a key for `algorithm` (Curve::None).
        crypto::Curve ecdhCurve = crypto::Curve::None;
    };

    explicit KeyGeneratorDialog(QWidget *parent = nullptr);
    ~KeyGeneratorDialog() override;

    /// Generates on the calling thread with keys::KeyGenerator (the job's body; tests and scripts use it directly).
    [[nodiscard]] static common::Result<keys::Jwk> generateNow(const Options &options);
    /// "ES256 key 3f2a…" style default source name for a generated key.
    [[nodiscard]] static QString defaultName(const keys::Jwk &jwk);

    [[nodiscard]] Options options() const;
    void setOptions(const Options &options);
    /// Starts generation on common::Jobs::pool(); generated() or failed() follows.
    void startGeneration();
    [[nodiscard]] bool isGenerating() const { return m_job.isRunning(); }

Q_SIGNALS:
    /// The new private key, with kid, alg and use set.
    void generated(const jwb::keys::Jwk &jwk);
    void failed(const QString &error);

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    void updateInputs();
    void onGenerated(const common::Result<keys::Jwk> &result);

    QComboBox *m_algCombo = nullptr;
    QComboBox *m_bitsCombo = nullptr;
    QLineEdit *m_kidEdit = nullptr;
    QCheckBox *m_thumbprintCheck = nullptr;
    QLabel *m_useLabel = nullptr;
    QLabel *m_hintLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    common::Jobs::Handle m_job;
};

} // namespace jwb::ui
