#pragma once

#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QPointer>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace jwb::ui {

/// Adds or edits a remote key source: a JWK Set URL or an issuer (OpenID Connect discovery), with a timeout and
/// the TLS options KrakenD has for its origin: an extra CA (jwk_local_ca, PEM or DER), SPKI pins
/// (jwk_fingerprints), "disable_jwk_security" (insecure, warned about). The TLS options are the origin's, shared by
/// every source of that origin (workspace::TrustStore): the dialog shows the store's settings for the URL typed
/// until the user changes them. The dialog only gathers values; the page stores them and the ring fetches.
class RemoteSourceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RemoteSourceDialog(QWidget *parent = nullptr);

    /// The store whose settings the TLS inputs show for the URL typed (until the user edits them).
    void setTrustStore(const workspace::TrustStore *trust);
    /// Fills the inputs from an existing source (edit) or a template (add); the TLS inputs from the trust store.
    void setSource(const workspace::KeySource &source);
    /// Fills the TLS inputs.
    void setTrust(const workspace::TrustSettings &trust);
    /// A source built from the inputs (kind, name, location, timeout); state members are empty.
    [[nodiscard]] workspace::KeySource source() const;
    /// The TLS settings the inputs give the source's origin.
    [[nodiscard]] workspace::TrustSettings trust() const;
    /// Why the inputs cannot be used (empty URL, bad pin, unreadable CA file), or empty when they can.
    [[nodiscard]] QString validate() const;
    /// Reads the certificates of a CA file (workspace::TrustStore::readCaFile: PEM or DER); errors name the file.
    [[nodiscard]] static common::Result<QList<QSslCertificate>> loadCaFile(const QString &path);

public Q_SLOTS:
    void accept() override;

private:
    void chooseCaFile();
    void updateWarning();
    void onUrlChanged();
    void trustEdited();

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
    QList<QSslCertificate> m_caFromStore; ///< CA certificates the origin has, kept unless a file replaces them
    workspace::KeySource m_template;
    QPointer<const workspace::TrustStore> m_trustStore;
    QString m_shownOrigin; ///< the origin whose settings the TLS inputs show
    bool m_trustEdited = false; ///< the user changed a TLS input: the URL no longer refills them
    bool m_filling = false;
};

} // namespace jwb::ui
