#pragma once

#include "common/Result.h"
#include "crypto/Key.h"
#include "jose/Jwe.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;

namespace jwb::workspace {
class KeyRing;
}

namespace jwb::ui {

/// The Composer's "Encrypt" group: when checked, the signed token is encrypted to a recipient key of the key ring
/// (sign-then-encrypt, cty JWT). The recipient is any source holding a key that can receive a JWE (an RSA, EC or
/// X25519/X448 key, whose public half is used, or a shared secret); the algorithms are the ones core's
/// jose::keyManagementFor offers for it, so RSA1_5 never appears.
class EncryptBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit EncryptBox(workspace::KeyRing *ring, QWidget *parent = nullptr);

    /// The group is checked: the Composer encrypts what it signs.
    [[nodiscard]] bool isOn() const { return isChecked(); }
    /// Refills the recipients from the ring (keeps the choice when it is still there).
    void refresh();

    /// What to encrypt with: the recipient key and the options chosen (cty JWT and the recipient's kid set).
    struct Request
    {
        crypto::Key key;
        jose::JweEncryptOptions options;
        QString words; ///< "RSA-OAEP-256, A256GCM to “idp key”"
    };
    [[nodiscard]] common::Result<Request> request() const;

    // For tests and the workspace form.
    void setRecipient(const QString &sourceId);
    [[nodiscard]] QString recipient() const;
    void setAlgorithm(const QString &name);
    [[nodiscard]] QString algorithm() const;

Q_SIGNALS:
    /// A choice changed: encrypt again.
    void changed();

private:
    void refreshAlgorithms();
    /// The first key of the chosen source that can receive a JWE, and its kid.
    [[nodiscard]] std::optional<std::pair<crypto::Key, QString>> recipientKey() const;

    workspace::KeyRing *m_ring = nullptr;
    QWidget *m_body = nullptr;
    QComboBox *m_recipientCombo = nullptr;
    QComboBox *m_algCombo = nullptr;
    QComboBox *m_encCombo = nullptr;
    QComboBox *m_serializationCombo = nullptr;
    QCheckBox *m_zipCheck = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace jwb::ui
