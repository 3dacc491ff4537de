#pragma once

#include "keys/KeyRing.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace jwb::ui {

/// Adds or edits a remote key source: a JWK Set URL or an issuer (OpenID Connect discovery), with the TLS
/// options KrakenD has for it: an extra CA (jwk_local_ca), SPKI pins (jwk_fingerprints), "disable_jwk_security"
/// (insecure, warned about) and a timeout. The dialog only gathers values; the ring fetches.
class RemoteSourceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RemoteSourceDialog(QWidget *parent = nullptr);

    /// Fills the inputs from an existing source (edit) or a template (add).
    void setSource(const KeySource &source);
    /// A source built from the inputs (kind, name, location, network); state members are empty.
    [[nodiscard]] KeySource source() const;
    /// Why the inputs cannot be used (empty URL, bad pin, unreadable CA file), or empty when they can.
    [[nodiscard]] QString validate() const;
    /// Reads PEM certificates from a file for the extra CA; errors name the file.
    [[nodiscard]] static common::Result<QList<QSslCertificate>> loadCaFile(const QString &path);

    // Widgets, for tests.
    [[nodiscard]] QLineEdit *urlEdit() const { return m_urlEdit; }
    [[nodiscard]] QComboBox *kindCombo() const { return m_kindCombo; }
    [[nodiscard]] QLineEdit *caEdit() const { return m_caEdit; }
    [[nodiscard]] QPlainTextEdit *pinsEdit() const { return m_pinsEdit; }
    [[nodiscard]] QCheckBox *insecureCheck() const { return m_insecureCheck; }
    [[nodiscard]] QSpinBox *timeoutSpin() const { return m_timeoutSpin; }

public Q_SLOTS:
    void accept() override;

private:
    void chooseCaFile();
    void updateWarning();

    QComboBox *m_kindCombo = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_caEdit = nullptr;
    QPushButton *m_caButton = nullptr;
    QPlainTextEdit *m_pinsEdit = nullptr;
    QCheckBox *m_insecureCheck = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QLabel *m_errorLabel = nullptr;
    QList<QSslCertificate> m_caFromSource; ///< CA certificates of an edited source, kept unless a file replaces them
    KeySource m_template;
};

} // namespace jwb::ui
