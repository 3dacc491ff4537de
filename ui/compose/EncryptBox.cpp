#include "compose/EncryptBox.h"

#include "crypto/Encryption.h"
#include "workspace/KeyRing.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace jwb::ui {

namespace {

/// The key a sender encrypts to: the public half of an asymmetric key, the secret itself.
crypto::Key sendingHalf(const crypto::Key &key)
{
    return key.type() == crypto::KeyType::Oct ? key : key.publicKey();
}

QList<crypto::KeyManagement> offered(const crypto::Key &key)
{
    QList<crypto::KeyManagement> algs;
    for (const auto alg : jose::keyManagementFor(sendingHalf(key)))
        if (crypto::JweAlgorithms::canEncrypt(alg))
            algs << alg;
    return algs;
}

} // namespace

EncryptBox::EncryptBox(workspace::KeyRing *ring, QWidget *parent) : QGroupBox(tr("Encrypt (JWE)"), parent), m_ring(ring)
{
    setObjectName(QStringLiteral("encryptBox"));
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Sign, then encrypt the signed token to a recipient (a nested JWT, cty JWT)"));

    m_body = new QWidget(this);
    m_recipientCombo = new QComboBox(m_body);
    m_recipientCombo->setObjectName(QStringLiteral("recipientCombo"));
    m_recipientCombo->setAccessibleName(tr("Recipient key"));
    m_recipientCombo->setToolTip(tr("The key source of the recipient: an RSA, EC or X25519 key (its public half is "
                                    "used) or a shared secret"));
    m_recipientCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_recipientCombo->setMinimumContentsLength(12);
    m_algCombo = new QComboBox(m_body);
    m_algCombo->setObjectName(QStringLiteral("jweAlgCombo"));
    m_algCombo->setAccessibleName(tr("Key management algorithm"));
    m_algCombo->setToolTip(tr("Only what the recipient key can serve is listed; never RSA1_5"));
    m_encCombo = new QComboBox(m_body);
    m_encCombo->setObjectName(QStringLiteral("jweEncCombo"));
    m_encCombo->setAccessibleName(tr("Content encryption"));
    for (const auto enc : crypto::JweAlgorithms::allContentEncryption())
        m_encCombo->addItem(crypto::JweAlgorithms::name(enc));
    m_encCombo->setCurrentText(QStringLiteral("A256GCM"));
    m_serializationCombo = new QComboBox(m_body);
    m_serializationCombo->setObjectName(QStringLiteral("jweSerializationCombo"));
    m_serializationCombo->setAccessibleName(tr("Serialization"));
    m_serializationCombo->addItem(tr("Compact"), static_cast<int>(jose::JweSerialization::Compact));
    m_serializationCombo->addItem(tr("JSON, flattened"), static_cast<int>(jose::JweSerialization::Flattened));
    m_serializationCombo->addItem(tr("JSON, general"), static_cast<int>(jose::JweSerialization::General));
    m_zipCheck = new QCheckBox(tr("Compress (zip)"), m_body);
    m_zipCheck->setObjectName(QStringLiteral("jweZipCheck"));
    m_zipCheck->setToolTip(tr("DEFLATE before encrypting. Compression can leak the content through its length "
                              "(RFC 8725 section 3.6)."));
    m_hint = new QLabel(m_body);
    m_hint->setObjectName(QStringLiteral("encryptHint"));
    m_hint->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_algCombo, 1);
    row->addWidget(m_encCombo, 1);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_serializationCombo, 1);
    row2->addWidget(m_zipCheck);
    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Recipient:"), m_recipientCombo);
    form->addRow(tr("alg / enc:"), row);
    form->addRow(tr("Form:"), row2);
    form->addRow(QString(), m_hint);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_body);
    m_body->setVisible(false);

    connect(this, &QGroupBox::toggled, this, [this](bool on) {
        m_body->setVisible(on);
        Q_EMIT changed();
    });
    connect(m_recipientCombo, &QComboBox::currentIndexChanged, this, [this] {
        refreshAlgorithms();
        Q_EMIT changed();
    });
    for (QComboBox *combo : {m_algCombo, m_encCombo, m_serializationCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &EncryptBox::changed);
    connect(m_zipCheck, &QCheckBox::toggled, this, &EncryptBox::changed);
    refresh();
}

void EncryptBox::refresh()
{
    const QString current = recipient();
    {
        const QSignalBlocker blocker(m_recipientCombo);
        m_recipientCombo->clear();
        for (int i = 0; m_ring && i < m_ring->count(); ++i) {
            const workspace::KeySource &source = m_ring->at(i);
            if (!source.keys)
                continue;
            bool fits = false;
            for (const auto &jwk : source.keys->keys)
                fits = fits || !offered(jwk.key).isEmpty();
            if (fits)
                m_recipientCombo->addItem(source.name.isEmpty() ? source.id : source.name, source.id);
        }
        const int found = m_recipientCombo->findData(current);
        m_recipientCombo->setCurrentIndex(found >= 0 ? found : 0);
    }
    m_hint->setText(m_recipientCombo->count() == 0
            ? tr("No key in the workspace can receive a JWE: add the recipient's public key on the Keys page.")
            : QString());
    m_hint->setVisible(m_recipientCombo->count() == 0);
    refreshAlgorithms();
}

std::optional<std::pair<crypto::Key, QString>> EncryptBox::recipientKey() const
{
    const QString id = recipient();
    for (int i = 0; m_ring && i < m_ring->count(); ++i) {
        const workspace::KeySource &source = m_ring->at(i);
        if (source.id != id || !source.keys)
            continue;
        const auto alg = crypto::JweAlgorithms::keyManagementFromName(algorithm());
        for (const auto &jwk : source.keys->keys) {
            const QList<crypto::KeyManagement> algs = offered(jwk.key);
            if (!algs.isEmpty() && (!alg || algs.contains(*alg)))
                return std::pair(sendingHalf(jwk.key), jwk.kid);
        }
    }
    return std::nullopt;
}

void EncryptBox::refreshAlgorithms()
{
    const QString wanted = m_algCombo->currentText();
    const QSignalBlocker blocker(m_algCombo);
    m_algCombo->clear();
    const QString id = recipient();
    for (int i = 0; m_ring && i < m_ring->count(); ++i) {
        const workspace::KeySource &source = m_ring->at(i);
        if (source.id != id || !source.keys)
            continue;
        for (const auto &jwk : source.keys->keys)
            for (const auto alg : offered(jwk.key))
                if (m_algCombo->findText(crypto::JweAlgorithms::name(alg)) < 0)
                    m_algCombo->addItem(crypto::JweAlgorithms::name(alg));
    }
    const int found = m_algCombo->findText(wanted);
    m_algCombo->setCurrentIndex(found >= 0 ? found : 0);
}

common::Result<EncryptBox::Request> EncryptBox::request() const
{
    const auto alg = crypto::JweAlgorithms::keyManagementFromName(algorithm());
    const auto enc = crypto::JweAlgorithms::contentEncryptionFromName(m_encCombo->currentText());
    const auto key = recipientKey();
    if (!alg || !enc || !key)
        return common::Result<Request>::failure(
            QStringLiteral("no_recipient"), tr("Encrypt: choose a recipient key that can receive a JWE"));
    Request r;
    r.key = key->first;
    r.options.alg = *alg;
    r.options.enc = *enc;
    r.options.compress = m_zipCheck->isChecked();
    r.options.serialization = static_cast<jose::JweSerialization>(m_serializationCombo->currentData().toInt());
    r.options.protectedHeader.insert(QStringLiteral("cty"), QStringLiteral("JWT"));
    if (!key->second.isEmpty())
        r.options.protectedHeader.insert(QStringLiteral("kid"), key->second);
    r.words = tr("%1, %2 to %3").arg(algorithm(), m_encCombo->currentText(), m_recipientCombo->currentText());
    return r;
}

void EncryptBox::setRecipient(const QString &sourceId)
{
    const int found = m_recipientCombo->findData(sourceId);
    if (found >= 0)
        m_recipientCombo->setCurrentIndex(found);
}

QString EncryptBox::recipient() const
{
    return m_recipientCombo->currentData().toString();
}

void EncryptBox::setAlgorithm(const QString &name)
{
    const int found = m_algCombo->findText(name);
    if (found >= 0)
        m_algCombo->setCurrentIndex(found);
}

QString EncryptBox::algorithm() const
{
    return m_algCombo->currentText();
}

} // namespace jwb::ui
