#include "keys/KeyGeneratorDialog.h"

#include "keys/KeyGenerator.h"
#include "keys/Thumbprint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace jwb::ui {

KeyGeneratorDialog::KeyGeneratorDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("keyGeneratorDialog"));
    setWindowTitle(tr("Generate Key"));

    m_algCombo = new QComboBox(this);
    m_algCombo->setObjectName(QStringLiteral("generatorAlgorithm"));
    m_algCombo->setAccessibleName(tr("Algorithm"));
    m_algCombo->setToolTip(tr("The JWS algorithm the key is for; it decides the key type and curve"));
    const auto addAlg = [this](crypto::Algorithm alg, const QString &note) {
        const QString name = crypto::Algorithms::name(alg);
        m_algCombo->addItem(note.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, note), name);
    };
    for (const auto alg : {crypto::Algorithm::RS256, crypto::Algorithm::RS384, crypto::Algorithm::RS512})
        addAlg(alg, tr("RSA PKCS#1 v1.5"));
    for (const auto alg : {crypto::Algorithm::PS256, crypto::Algorithm::PS384, crypto::Algorithm::PS512})
        addAlg(alg, tr("RSA-PSS"));
    addAlg(crypto::Algorithm::ES256, tr("EC P-256"));
    addAlg(crypto::Algorithm::ES384, tr("EC P-384"));
    addAlg(crypto::Algorithm::ES512, tr("EC P-521"));
    addAlg(crypto::Algorithm::EdDSA, tr("Ed25519"));
    addAlg(crypto::Algorithm::ES256K, tr("EC secp256k1; not for KrakenD"));
    addAlg(crypto::Algorithm::Ed25519, tr("RFC 9864 name; KrakenD wants EdDSA"));
    addAlg(crypto::Algorithm::Ed448, tr("not for KrakenD"));
    for (const auto alg : {crypto::Algorithm::HS256, crypto::Algorithm::HS384, crypto::Algorithm::HS512})
        addAlg(alg, tr("shared secret"));
    for (const auto curve : {crypto::Curve::X25519, crypto::Curve::X448})
        m_algCombo->addItem(tr("%1 (for encryption, ECDH-ES)").arg(crypto::curveName(curve)),
            QStringLiteral("ECDH-ES:%1").arg(crypto::curveName(curve)));
    m_algCombo->setCurrentIndex(m_algCombo->findData(QStringLiteral("ES256")));

    m_bitsCombo = new QComboBox(this);
    m_bitsCombo->setObjectName(QStringLiteral("generatorBits"));
    m_bitsCombo->setAccessibleName(tr("RSA key size"));
    m_bitsCombo->setToolTip(tr("RSA modulus size; 4096 bits can take several seconds to generate"));
    for (const int bits : {2048, 3072, 4096})
        m_bitsCombo->addItem(tr("%1 bits").arg(bits), bits);

    m_kidEdit = new QLineEdit(this);
    m_kidEdit->setObjectName(QStringLiteral("generatorKid"));
    m_kidEdit->setAccessibleName(tr("Key id"));
    m_kidEdit->setToolTip(tr("The kid tokens will name in their header to select this key"));
    m_kidEdit->setPlaceholderText(tr("no kid"));
    m_kidEdit->setClearButtonEnabled(true);

    m_thumbprintCheck = new QCheckBox(tr("kid = RFC 7638 thumbprint"), this);
    m_thumbprintCheck->setObjectName(QStringLiteral("generatorKidThumbprint"));
    m_thumbprintCheck->setAccessibleName(tr("Use the thumbprint as kid"));
    m_thumbprintCheck->setToolTip(tr("Set the kid to the key's SHA-256 JWK thumbprint, computed after generation"));

    m_useLabel = new QLabel(QStringLiteral("sig"), this);
    m_useLabel->setObjectName(QStringLiteral("generatorUse"));

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("generatorHint"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setTextFormat(Qt::PlainText);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("generatorError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("generatorBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Generating"));
    m_busy->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("generatorGenerate"));

    auto *form = new QFormLayout;
    form->addRow(tr("Algorithm"), m_algCombo);
    form->addRow(tr("Key size"), m_bitsCombo);
    form->addRow(tr("kid"), m_kidEdit);
    form->addRow(QString(), m_thumbprintCheck);
    form->addRow(tr("use"), m_useLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &KeyGeneratorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &KeyGeneratorDialog::reject);
    connect(m_algCombo, &QComboBox::currentIndexChanged, this, &KeyGeneratorDialog::updateInputs);
    connect(m_thumbprintCheck, &QCheckBox::toggled, this, &KeyGeneratorDialog::updateInputs);
    updateInputs();
    resize(420, sizeHint().height());
}

KeyGeneratorDialog::~KeyGeneratorDialog() = default; // a running job is cancelled with its Delivery child

common::Result<keys::Jwk> KeyGeneratorDialog::generateNow(const Options &options)
{
    if (options.ecdhCurve != crypto::Curve::None)
        return keys::KeyGenerator::generateForEcdh(options.ecdhCurve,
            options.kidFromThumbprint ? keys::KeyIdRule::thumbprint() : keys::KeyIdRule::fixed(options.kid));
    return keys::KeyGenerator::generate(options.algorithm,
        options.kidFromThumbprint ? keys::KeyIdRule::thumbprint() : keys::KeyIdRule::fixed(options.kid),
        options.rsaBits);
}

QString KeyGeneratorDialog::defaultName(const keys::Jwk &jwk)
{
    if (!jwk.kid.isEmpty())
        return tr("%1 key %2").arg(jwk.alg, jwk.kid.left(16));
    return tr("%1 key %2").arg(jwk.alg, keys::Thumbprint::base64Url(jwk.key).left(8));
}

KeyGeneratorDialog::Options KeyGeneratorDialog::options() const
{
    Options options;
    const QString data = m_algCombo->currentData().toString();
    if (data.startsWith(QLatin1String("ECDH-ES:")))
        options.ecdhCurve = crypto::curveFromName(data.mid(8)).value_or(crypto::Curve::X25519);
    else
        options.algorithm = crypto::Algorithms::fromName(data).value_or(crypto::Algorithm::ES256);
    options.rsaBits = m_bitsCombo->currentData().toInt();
    options.kid = m_kidEdit->text();
    options.kidFromThumbprint = m_thumbprintCheck->isChecked();
    return options;
}

void KeyGeneratorDialog::setOptions(const Options &options)
{
    m_algCombo->setCurrentIndex(m_algCombo->findData(options.ecdhCurve == crypto::Curve::None
            ? crypto::Algorithms::name(options.algorithm)
            : QStringLiteral("ECDH-ES:%1").arg(crypto::curveName(options.ecdhCurve))));
    const int bits = m_bitsCombo->findData(options.rsaBits);
    if (bits >= 0)
        m_bitsCombo->setCurrentIndex(bits);
    m_kidEdit->setText(options.kid);
    m_thumbprintCheck->setChecked(options.kidFromThumbprint);
    updateInputs();
}

void KeyGeneratorDialog::updateInputs()
{
    const Options current = options();
    const bool ecdh = current.ecdhCurve != crypto::Curve::None;
    const crypto::KeyType type = ecdh ? crypto::KeyType::Okp : crypto::Algorithms::keyType(current.algorithm);
    const bool busy = isGenerating();
    m_algCombo->setEnabled(!busy);
    m_bitsCombo->setEnabled(!busy && type == crypto::KeyType::Rsa);
    m_kidEdit->setEnabled(!busy && !current.kidFromThumbprint);
    m_thumbprintCheck->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    switch (type) {
    case crypto::KeyType::Rsa:
        m_hintLabel->setText(tr("An RSA key pair. KrakenD and most IdPs use 2048 bits; larger keys are slower."));
        break;
    case crypto::KeyType::Ec:
        m_hintLabel->setText(
            tr("An EC key pair on %1.").arg(crypto::curveName(crypto::Algorithms::requiredCurve(current.algorithm))));
        break;
    case crypto::KeyType::Okp:
        m_hintLabel->setText(tr("An %1 key pair (RFC 8037).")
                                 .arg(crypto::curveName(crypto::Algorithms::requiredCurve(current.algorithm))));
        break;
    case crypto::KeyType::Oct:
        m_hintLabel->setText(tr("A random %1-bit shared secret (an oct JWK). Anyone holding it can sign tokens.")
                                 .arg(crypto::Algorithms::hashBits(current.algorithm)));
        break;
    }
    m_useLabel->setText(ecdh ? QStringLiteral("enc") : QStringLiteral("sig"));
    m_useLabel->setToolTip(
        ecdh ? tr("An encryption key: it can never sign or verify tokens") : tr("Generated keys are signing keys"));
    if (ecdh)
        m_hintLabel->setText(tr("An %1 key pair for encryption (JWE ECDH-ES, RFC 8037): tokens are encrypted to its "
                                "public key and decrypted with the private key. It cannot sign or verify tokens.")
                                 .arg(crypto::curveName(current.ecdhCurve)));
    else if (!crypto::Algorithms::isKrakend(current.algorithm))
        m_hintLabel->setText(m_hintLabel->text() + QLatin1Char(' ')
            + tr("KrakenD does not accept %1: its validator answers 401 to such tokens.")
                  .arg(crypto::Algorithms::name(current.algorithm)));
}

void KeyGeneratorDialog::accept()
{
    startGeneration();
}

void KeyGeneratorDialog::reject()
{
    // A running generation cannot be interrupted (OpenSSL); closing the dialog abandons its result.
    m_job.cancel();
    m_busy->hide();
    updateInputs();
    QDialog::reject();
}

void KeyGeneratorDialog::startGeneration()
{
    if (isGenerating())
        return;
    m_errorLabel->hide();
    m_job.run(
        this, [options = options()](const common::CancelToken &) { return generateNow(options); },
        [this](const common::Result<keys::Jwk> &result) { onGenerated(result); });
    m_busy->show();
    updateInputs();
}

void KeyGeneratorDialog::onGenerated(const common::Result<keys::Jwk> &result)
{
    m_busy->hide();
    updateInputs();
    if (!result) {
        m_errorLabel->setText(result.error().message);
        m_errorLabel->show();
        Q_EMIT failed(result.error().message);
        return;
    }
    Q_EMIT generated(result.value());
    QDialog::accept();
}

} // namespace jwb::ui
