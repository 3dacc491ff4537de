#include "keys/RemoteSourceDialog.h"

#include "common/Dialogs.h"
#include "common/Theme.h"
#include "keysource/HttpFetch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace jwb::ui {

using workspace::KeyRing;
using workspace::KeySource;

RemoteSourceDialog::RemoteSourceDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("remoteSourceDialog"));
    setWindowTitle(tr("Remote Key Source"));

    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("remoteKind"));
    m_kindCombo->setAccessibleName(tr("Source kind"));
    m_kindCombo->setToolTip(tr("A JWK Set URL is fetched directly; an issuer is looked up through OpenID Connect "
                               "discovery first (.well-known/openid-configuration, then jwks_uri)"));
    m_kindCombo->addItem(tr("JWK Set URL"), KeySource::kindName(KeySource::Kind::Url));
    m_kindCombo->addItem(tr("Issuer (OpenID discovery)"), KeySource::kindName(KeySource::Kind::Issuer));

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("remoteUrl"));
    m_urlEdit->setAccessibleName(tr("URL"));
    m_urlEdit->setToolTip(tr("https URL of the JWK Set, or the issuer URL for discovery"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://idp.example.com/.well-known/jwks.json"));

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("remoteName"));
    m_nameEdit->setAccessibleName(tr("Name"));
    m_nameEdit->setToolTip(tr("What the source is called on every page; its kind, host and path when left empty"));
    m_nameEdit->setPlaceholderText(tr("kind, host and path (JWKS example.com/keys)"));

    m_caEdit = new QLineEdit(this);
    m_caEdit->setObjectName(QStringLiteral("remoteCaFile"));
    m_caEdit->setAccessibleName(tr("Extra CA file"));
    m_caEdit->setToolTip(tr("PEM or DER file with CA certificates trusted in addition to the system store "
                            "(KrakenD's jwk_local_ca), for every source of this URL's origin"));
    m_caEdit->setPlaceholderText(tr("system trust store only"));
    m_caEdit->setClearButtonEnabled(true);
    m_caButton = new QPushButton(tr("Browse…"), this);
    m_caButton->setObjectName(QStringLiteral("remoteCaBrowse"));
    m_caButton->setToolTip(tr("Choose a PEM or DER file with CA certificates"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caEdit, 1);
    caRow->addWidget(m_caButton);

    m_pinsEdit = new QPlainTextEdit(this);
    m_pinsEdit->setObjectName(QStringLiteral("remotePins"));
    m_pinsEdit->setAccessibleName(tr("Pins"));
    m_pinsEdit->setToolTip(tr("KrakenD jwk_fingerprints, one per line: URL-safe base64 SHA-256 of a presented "
                              "certificate's public key. Copy them from the TLS chain of a fetched source."));
    m_pinsEdit->setPlaceholderText(tr("no pinning (one pin per line)"));
    m_pinsEdit->setFont(Theme::monospaceFont());
    m_pinsEdit->setTabChangesFocus(true);
    m_pinsEdit->setFixedHeight(m_pinsEdit->fontMetrics().lineSpacing() * 4 + 12);

    // Plain words on the box; KrakenD's option name is in the tooltip for people who search for it (issue #19 item 9).
    m_insecureCheck = new QCheckBox(tr("Accept plain http and any certificate (insecure)"), this);
    m_insecureCheck->setObjectName(QStringLiteral("remoteInsecure"));
    m_insecureCheck->setAccessibleName(tr("Disable JWK security"));
    m_insecureCheck->setToolTip(
        tr("Allow http and accept any certificate, as KrakenD's disable_jwk_security option does"));
    m_insecureWarning = new QLabel(
        tr("Anyone on the network path can then hand you their own keys. Use this only against a local test server."),
        this);
    m_insecureWarning->setObjectName(QStringLiteral("remoteInsecureWarning"));
    m_insecureWarning->setWordWrap(true);
    QPalette warning = m_insecureWarning->palette();
    warning.setColor(QPalette::WindowText, Theme::severityColor(common::Severity::Warning, palette()));
    m_insecureWarning->setPalette(warning);

    m_timeoutSpin = new QSpinBox(this);
    m_timeoutSpin->setObjectName(QStringLiteral("remoteTimeout"));
    m_timeoutSpin->setAccessibleName(tr("Timeout"));
    m_timeoutSpin->setToolTip(tr("How long one request may take before it is given up"));
    m_timeoutSpin->setRange(1, 300);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_timeoutSpin->setValue(10);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("remoteError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    QPalette error = m_errorLabel->palette();
    error.setColor(QPalette::WindowText, Theme::severityColor(common::Severity::Error, palette()));
    m_errorLabel->setPalette(error);
    m_errorLabel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RemoteSourceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RemoteSourceDialog::reject);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Kind"), m_kindCombo);
    form->addRow(tr("URL"), m_urlEdit);
    form->addRow(tr("Name"), m_nameEdit);
    form->addRow(tr("Extra CA"), caRow);
    form->addRow(tr("Pins"), m_pinsEdit);
    form->addRow(tr("Timeout"), m_timeoutSpin);
    form->addRow(QString(), m_insecureCheck);
    form->addRow(QString(), m_insecureWarning);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    connect(m_caButton, &QPushButton::clicked, this, &RemoteSourceDialog::chooseCaFile);
    connect(m_insecureCheck, &QCheckBox::toggled, this, &RemoteSourceDialog::updateWarning);
    connect(m_insecureCheck, &QCheckBox::toggled, this, &RemoteSourceDialog::trustEdited);
    connect(m_pinsEdit, &QPlainTextEdit::textChanged, this, &RemoteSourceDialog::trustEdited);
    connect(m_caEdit, &QLineEdit::textEdited, this, [this] {
        m_caFromStore.clear();
        trustEdited();
    });
    connect(m_urlEdit, &QLineEdit::textChanged, this, &RemoteSourceDialog::onUrlChanged);
    updateWarning();
    resize(560, sizeHint().height());
}

void RemoteSourceDialog::setTrustStore(const workspace::TrustStore *trust)
{
    m_trustStore = trust;
    m_trustEdited = false;
    onUrlChanged();
}

void RemoteSourceDialog::setSource(const KeySource &source)
{
    m_template = source;
    m_trustEdited = false;
    m_shownOrigin.clear();
    m_kindCombo->setCurrentIndex(source.kind == KeySource::Kind::Issuer ? 1 : 0);
    m_urlEdit->setText(source.location);
    // A name the user did not choose stays empty, so that it follows the URL.
    m_nameEdit->setText(source.name == KeySource::defaultName(source.kind, source.location) ? QString() : source.name);
    m_timeoutSpin->setValue(qMax(1, source.timeoutMs / 1000));
    onUrlChanged();
    updateWarning();
}

void RemoteSourceDialog::setTrust(const workspace::TrustSettings &trust)
{
    const bool filling = std::exchange(m_filling, true);
    m_caFromStore = trust.extraCa;
    m_caEdit->setText(trust.extraCa.isEmpty()
            ? QString()
            : tr("%n certificate(s) from the workspace", nullptr, static_cast<int>(trust.extraCa.size())));
    m_pinsEdit->setPlainText(trust.pins.join(u'\n'));
    m_insecureCheck->setChecked(trust.insecure);
    m_filling = filling;
    updateWarning();
}

void RemoteSourceDialog::onUrlChanged()
{
    if (!m_trustStore || m_trustEdited)
        return;
    const QString origin = workspace::TrustStore::originOf(QUrl::fromUserInput(m_urlEdit->text().trimmed()));
    if (origin == m_shownOrigin)
        return;
    m_shownOrigin = origin;
    setTrust(m_trustStore->settings(origin));
}

void RemoteSourceDialog::trustEdited()
{
    if (!m_filling)
        m_trustEdited = true;
}

common::Result<QList<QSslCertificate>> RemoteSourceDialog::loadCaFile(const QString &path)
{
    auto certificates = workspace::TrustStore::readCaFile(path);
    if (certificates.ok())
        return certificates;
    const QString name = QFileInfo(path).fileName();
    const common::Error &error = certificates.error();
    if (error.is(common::ErrorCode::InvalidCertificate))
        return common::Error {error.code, tr("%1 holds no PEM or DER certificate").arg(name), error.details};
    return error; // unreadable or too large: core's message names the path
}

KeySource RemoteSourceDialog::source() const
{
    const bool issuer = m_kindCombo->currentIndex() == 1;
    KeySource source = KeyRing::url(m_urlEdit->text(), issuer);
    source.id = m_template.id;
    if (!m_nameEdit->text().trimmed().isEmpty())
        source.name = m_nameEdit->text().trimmed();
    source.timeoutMs = m_timeoutSpin->value() * 1000;
    return source;
}

workspace::TrustSettings RemoteSourceDialog::trust() const
{
    workspace::TrustSettings trust;
    trust.extraCa = m_caFromStore;
    if (m_caFromStore.isEmpty() && !m_caEdit->text().trimmed().isEmpty()) {
        const auto loaded = loadCaFile(m_caEdit->text().trimmed());
        if (loaded.ok())
            trust.extraCa = loaded.value();
    }
    const QStringList lines = m_pinsEdit->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const auto &line : lines) {
        if (!line.trimmed().isEmpty())
            trust.pins.append(line.trimmed());
    }
    trust.insecure = m_insecureCheck->isChecked();
    return trust;
}

QString RemoteSourceDialog::validate() const
{
    const QString text = m_urlEdit->text().trimmed();
    const QUrl url(text);
    if (text.isEmpty())
        return tr("Enter the URL of a JWK Set or an issuer.");
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return tr("“%1” is not an http(s) URL.").arg(text);
    if (url.scheme() == u"http" && !m_insecureCheck->isChecked())
        return tr("KrakenD fetches keys over https only; use https or allow http with disable_jwk_security.");
    if (m_caFromStore.isEmpty() && !m_caEdit->text().trimmed().isEmpty()) {
        const auto loaded = loadCaFile(m_caEdit->text().trimmed());
        if (!loaded.ok())
            return loaded.error().message;
    }
    const QStringList lines = m_pinsEdit->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const auto &line : lines) {
        if (!line.trimmed().isEmpty() && !keysource::isValidPin(line.trimmed()))
            return tr("“%1” is not a pin: expected URL-safe base64 of a SHA-256 digest (44 characters).")
                .arg(line.trimmed());
    }
    return {};
}

void RemoteSourceDialog::accept()
{
    const QString problem = validate();
    m_errorLabel->setText(problem);
    m_errorLabel->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

void RemoteSourceDialog::chooseCaFile()
{
    const QString path = Dialogs::getOpenFileName(
        this, tr("Extra CA Certificates"), tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (path.isEmpty())
        return;
    m_caFromStore.clear();
    m_caEdit->setText(path);
    trustEdited();
}

void RemoteSourceDialog::updateWarning()
{
    m_insecureWarning->setVisible(m_insecureCheck->isChecked());
}

} // namespace jwb::ui
