#include "keys/TokenRequestDialog.h"

#include "common/Dialogs.h"
#include "common/SecretStore.h"
#include "common/Settings.h"
#include "keys/KeyLoader.h"
#include "oauth/OAuthClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace jwb::ui {

using common::Result;

TokenRequestDialog::TokenRequestDialog(
    std::function<keysource::NetworkOptions(const QUrl &)> optionsFor, QWidget *parent)
    : QDialog(parent), m_optionsFor(std::move(optionsFor)), m_manager(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("tokenRequestDialog"));
    setWindowTitle(tr("Get Token from Identity Provider"));
    setMinimumWidth(620);
    m_opener = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    m_secrets = new SecretStore(this);
    buildUi();
    restoreInputs();
    updateInputs();
}

TokenRequestDialog::~TokenRequestDialog()
{
    if (m_client)
        m_client->cancel();
}

void TokenRequestDialog::buildUi()
{
    const auto edit = [this](const QString &name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_issuerEdit = edit(QStringLiteral("tokenIssuer"), tr("https://idp.example.com (OpenID discovery)"));
    m_clientIdEdit = edit(QStringLiteral("tokenClientId"), tr("client id"));
    m_authCombo = new QComboBox(this);
    m_authCombo->setObjectName(QStringLiteral("tokenAuth"));
    m_authCombo->addItem(tr("None (public client)"), int(oauth::ClientAuth::None));
    m_authCombo->addItem(tr("Client secret (HTTP Basic)"), int(oauth::ClientAuth::ClientSecretBasic));
    m_authCombo->addItem(tr("Client secret (in the form)"), int(oauth::ClientAuth::ClientSecretPost));
    m_authCombo->addItem(tr("Private key JWT (RFC 7523)"), int(oauth::ClientAuth::PrivateKeyJwt));
    m_secretEdit = edit(QStringLiteral("tokenSecret"), tr("saved only in the system keychain"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit = edit(QStringLiteral("tokenKeyFile"), tr("the client's private key (PEM, JWK)"));
    m_keyButton = new QPushButton(tr("Browse…"), this);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(m_keyButton);
    m_flowCombo = new QComboBox(this);
    m_flowCombo->setObjectName(QStringLiteral("tokenFlow"));
    m_flowCombo->addItem(tr("Client credentials"), int(oauth::Flow::ClientCredentials));
    m_flowCombo->addItem(tr("Authorization code + PKCE (browser)"), int(oauth::Flow::AuthorizationCode));
    m_flowCombo->addItem(tr("Device code (RFC 8628)"), int(oauth::Flow::DeviceCode));
    m_flowCombo->addItem(tr("Refresh token"), int(oauth::Flow::RefreshToken));
    m_refreshEdit = edit(QStringLiteral("tokenRefresh"), tr("saved only in the system keychain"));
    m_refreshEdit->setEchoMode(QLineEdit::Password);
    m_scopeEdit = edit(QStringLiteral("tokenScope"), tr("openid profile api:read (space-separated)"));
    m_audienceEdit = edit(QStringLiteral("tokenAudience"), tr("audience parameter (optional, space-separated)"));
    m_resourceEdit = edit(QStringLiteral("tokenResource"), tr("RFC 8707 resource indicators (optional)"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Issuer:"), m_issuerEdit);
    form->addRow(tr("Client &id:"), m_clientIdEdit);
    form->addRow(tr("Client &authentication:"), m_authCombo);
    form->addRow(tr("Client &secret:"), m_secretEdit);
    auto *keyLabel = new QLabel(tr("Client &key:"), this);
    keyLabel->setBuddy(m_keyEdit);
    form->addRow(keyLabel, keyRow);
    form->addRow(tr("&Flow:"), m_flowCombo);
    form->addRow(tr("&Refresh token:"), m_refreshEdit);
    form->addRow(tr("S&copes:"), m_scopeEdit);
    form->addRow(tr("Au&dience:"), m_audienceEdit);
    form->addRow(tr("Reso&urce:"), m_resourceEdit);
    m_rememberCheck = new QCheckBox(tr("Re&member the client secret and refresh token in the system keychain"), this);
    m_rememberCheck->setObjectName(QStringLiteral("tokenRemember"));
    m_rememberCheck->setChecked(true);
    form->addRow(QString(), m_rememberCheck);

    m_promptEdit = edit(QStringLiteral("tokenPrompt"), QString());
    m_promptEdit->setReadOnly(true);
    m_promptEdit->setVisible(false);
    m_userCodeLabel = new QLabel(this);
    m_userCodeLabel->setObjectName(QStringLiteral("tokenUserCode"));
    m_userCodeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_userCodeLabel->setVisible(false);
    m_statusLabel = new QLabel(tr("Tokens obtained open in the Inspector, verified with the issuer's keys."), this);
    m_statusLabel->setObjectName(QStringLiteral("tokenStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startButton = buttons->addButton(tr("&Get Token"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("tokenStart"));
    m_startButton->setDefault(true);
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("tokenCancel"));
    m_cancelButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_promptEdit);
    layout->addWidget(m_userCodeLabel);
    layout->addWidget(m_busy);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    connect(m_authCombo, &QComboBox::currentIndexChanged, this, &TokenRequestDialog::updateInputs);
    connect(m_flowCombo, &QComboBox::currentIndexChanged, this, &TokenRequestDialog::updateInputs);
    connect(m_keyButton, &QPushButton::clicked, this, &TokenRequestDialog::chooseKeyFile);
    connect(m_startButton, &QPushButton::clicked, this, &TokenRequestDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &TokenRequestDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void TokenRequestDialog::updateInputs()
{
    const auto auth = oauth::ClientAuth(m_authCombo->currentData().toInt());
    const bool secret = auth == oauth::ClientAuth::ClientSecretBasic || auth == oauth::ClientAuth::ClientSecretPost;
    m_secretEdit->setEnabled(secret);
    m_keyEdit->setEnabled(auth == oauth::ClientAuth::PrivateKeyJwt);
    m_keyButton->setEnabled(auth == oauth::ClientAuth::PrivateKeyJwt);
    m_refreshEdit->setEnabled(flow() == oauth::Flow::RefreshToken);
}

void TokenRequestDialog::chooseKeyFile()
{
    const QString path = Dialogs::getOpenFileName(
        this, tr("Client Private Key"), tr("Keys (*.pem *.key *.json *.jwk);;All files (*)"));
    if (!path.isEmpty())
        m_keyEdit->setText(path);
}

oauth::Flow TokenRequestDialog::flow() const
{
    return oauth::Flow(m_flowCombo->currentData().toInt());
}

QString TokenRequestDialog::statusText() const
{
    return m_statusLabel->text();
}

Result<oauth::ClientSettings> TokenRequestDialog::settings() const
{
    using R = Result<oauth::ClientSettings>;
    oauth::ClientSettings s;
    s.issuer = QUrl(m_issuerEdit->text().trimmed());
    if (!s.issuer.isValid() || s.issuer.scheme().isEmpty() || s.issuer.host().isEmpty())
        return R::failure(QStringLiteral("usage"), tr("Enter the issuer's URL (https://…)."));
    s.clientId = m_clientIdEdit->text().trimmed();
    if (s.clientId.isEmpty())
        return R::failure(QStringLiteral("usage"), tr("Enter the client id."));
    s.auth = oauth::ClientAuth(m_authCombo->currentData().toInt());
    if (s.auth == oauth::ClientAuth::ClientSecretBasic || s.auth == oauth::ClientAuth::ClientSecretPost) {
        s.clientSecret = m_secretEdit->text().toUtf8();
        if (s.clientSecret.isEmpty())
            return R::failure(QStringLiteral("no_client_secret"), tr("Enter the client secret."));
    }
    if (s.auth == oauth::ClientAuth::PrivateKeyJwt) {
        auto key = keys::KeyLoader::loadFile(m_keyEdit->text().trimmed());
        if (!key)
            return R::failure(key.error().code, tr("The client key cannot be used: %1").arg(key.error().message));
        s.privateKey = key.value();
    }
    s.scopes = m_scopeEdit->text().split(u' ', Qt::SkipEmptyParts);
    s.audiences = m_audienceEdit->text().split(u' ', Qt::SkipEmptyParts);
    s.resources = m_resourceEdit->text().split(u' ', Qt::SkipEmptyParts);
    if (m_optionsFor)
        s.network = m_optionsFor(s.issuer);
    return s;
}

void TokenRequestDialog::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: palette(link-visited)") : QString());
    m_statusLabel->setForegroundRole(error ? QPalette::BrightText : QPalette::WindowText);
}

void TokenRequestDialog::start()
{
    if (m_client)
        return;
    auto s = settings();
    if (!s) {
        setStatus(s.error().message, true);
        return;
    }
    if (flow() == oauth::Flow::RefreshToken && m_refreshEdit->text().trimmed().isEmpty()) {
        setStatus(tr("Enter the refresh token (or get one with another flow first)."), true);
        return;
    }
    m_client = new oauth::OAuthClient(m_manager, s.value(), this);
    m_client->setUrlOpener(m_opener);
    m_client->setRefreshToken(m_refreshEdit->text().trimmed().toUtf8());
    connect(m_client, &oauth::OAuthClient::stage, this, [this](const QString &text) { setStatus(text); });
    connect(m_client, &oauth::OAuthClient::authorizationUrl, this, [this](const QUrl &url, bool opened) {
        m_promptEdit->setText(url.toString(QUrl::FullyEncoded));
        m_promptEdit->setVisible(true);
        setStatus(opened ? tr("Sign in in the browser that opened (or open the URL above).")
                         : tr("No browser could be opened: open the URL above to sign in."));
    });
    connect(m_client, &oauth::OAuthClient::deviceAuthorization, this, [this](const oauth::DeviceAuthorization &d) {
        const QUrl target = d.verificationUriComplete.isEmpty() ? d.verificationUri : d.verificationUriComplete;
        m_promptEdit->setText(target.toString(QUrl::FullyEncoded));
        m_promptEdit->setVisible(true);
        m_userCodeLabel->setText(tr("User code: <b>%1</b> (enter it at %2)")
                                     .arg(d.userCode.toHtmlEscaped(), d.verificationUri.toDisplayString()));
        m_userCodeLabel->setVisible(true);
    });
    connect(m_client, &oauth::OAuthClient::finished, this, &TokenRequestDialog::onFinished);
    m_busy->setVisible(true);
    m_startButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_promptEdit->clear();
    m_promptEdit->setVisible(false);
    m_userCodeLabel->setVisible(false);
    setStatus(tr("Reading the provider's metadata…"));
    m_client->start(flow());
}

QJsonObject TokenRequestDialog::inputs() const
{
    return QJsonObject {{QStringLiteral("issuer"), m_issuerEdit->text().trimmed()},
        {QStringLiteral("client_id"), m_clientIdEdit->text().trimmed()},
        {QStringLiteral("auth"), oauth::clientAuthName(oauth::ClientAuth(m_authCombo->currentData().toInt()))},
        {QStringLiteral("key_file"), m_keyEdit->text().trimmed()}, {QStringLiteral("flow"), oauth::flowName(flow())},
        {QStringLiteral("scope"), m_scopeEdit->text().trimmed()},
        {QStringLiteral("audience"), m_audienceEdit->text().trimmed()},
        {QStringLiteral("resource"), m_resourceEdit->text().trimmed()},
        {QStringLiteral("remember"), m_rememberCheck->isChecked()}};
}

void TokenRequestDialog::restoreInputs()
{
    const QJsonObject o = Settings::identityProvider();
    if (o.isEmpty())
        return;
    const auto text = [&o](const char *name) { return o.value(QLatin1String(name)).toString(); };
    m_issuerEdit->setText(text("issuer"));
    m_clientIdEdit->setText(text("client_id"));
    if (const auto auth = oauth::clientAuthFromName(text("auth")))
        m_authCombo->setCurrentIndex(m_authCombo->findData(int(*auth)));
    m_keyEdit->setText(text("key_file"));
    if (const auto f = oauth::flowFromName(text("flow")))
        m_flowCombo->setCurrentIndex(m_flowCombo->findData(int(*f)));
    m_scopeEdit->setText(text("scope"));
    m_audienceEdit->setText(text("audience"));
    m_resourceEdit->setText(text("resource"));
    m_rememberCheck->setChecked(o.value(QLatin1String("remember")).toBool(true));
    if (!m_rememberCheck->isChecked() || m_issuerEdit->text().isEmpty() || m_clientIdEdit->text().isEmpty())
        return;
    // The secrets come back from the keychain, unless the user typed something meanwhile.
    connect(m_secrets, &SecretStore::readDone, this,
        [this](const QString &key, const QString &value, const QString &error) {
            if (!error.isEmpty() || value.isEmpty())
                return;
            QLineEdit *target = key == secretKey(QStringLiteral("client_secret")) ? m_secretEdit
                : key == secretKey(QStringLiteral("refresh_token"))               ? m_refreshEdit
                                                                                  : nullptr;
            if (target && target->text().isEmpty())
                target->setText(value);
        });
    m_secrets->read(secretKey(QStringLiteral("client_secret")));
    m_secrets->read(secretKey(QStringLiteral("refresh_token")));
}

QString TokenRequestDialog::secretKey(const QString &what) const
{
    return QStringLiteral("oauth/%1/%2/%3").arg(m_issuerEdit->text().trimmed(), m_clientIdEdit->text().trimmed(), what);
}

void TokenRequestDialog::rememberSecrets(const QString &refreshToken)
{
    Settings::setIdentityProvider(inputs());
    if (!m_rememberCheck->isChecked())
        return;
    if (m_secretEdit->isEnabled() && !m_secretEdit->text().isEmpty())
        m_secrets->write(secretKey(QStringLiteral("client_secret")), m_secretEdit->text());
    if (!refreshToken.isEmpty())
        m_secrets->write(secretKey(QStringLiteral("refresh_token")), refreshToken);
}

void TokenRequestDialog::cancel()
{
    if (m_client)
        m_client->cancel();
}

void TokenRequestDialog::onFinished()
{
    oauth::OAuthClient *client = m_client;
    m_client = nullptr;
    client->deleteLater();
    m_busy->setVisible(false);
    m_startButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    const auto &result = client->result();
    if (!result) {
        const common::Error &e = result.error();
        setStatus(tr("No token: %1 (%2)").arg(e.message, e.code), true);
        Q_EMIT flowFinished(false);
        return;
    }
    const oauth::FlowResult &r = result.value();
    rememberSecrets(r.response.refreshToken);
    const QString issuer = r.metadata.issuer.toDisplayString();
    QStringList got {tr("access token")};
    QString idNote;
    if (!r.response.refreshToken.isEmpty()) {
        m_refreshEdit->setText(r.response.refreshToken);
        got << tr("refresh token (ready for the refresh flow)");
    }
    if (r.idTokenReport) {
        got << tr("ID token");
        const auto *failure = r.idTokenReport->firstFailure();
        QStringList why;
        if (failure)
            why << failure->detail;
        for (const auto &f : r.idTokenReport->findings)
            if (f.code.startsWith(u"id_token_"))
                why << f.message;
        idNote = r.idTokenReport->valid ? tr(" The ID token passed its checks (signature, iss, aud, azp, nonce, exp).")
                                        : tr(" The ID token FAILED its checks: %1").arg(why.join(QStringLiteral("; ")));
    }
    setStatus(tr("Got %1 from %2.%3").arg(got.join(QStringLiteral(", ")), issuer, idNote),
        !idNote.isEmpty() && r.idTokenReport && !r.idTokenReport->valid);
    Q_EMIT tokenObtained(tr("access token from %1").arg(issuer), r.response.accessToken);
    if (!r.response.idToken.isEmpty())
        Q_EMIT tokenObtained(tr("ID token from %1").arg(issuer), r.response.idToken);
    if (r.response.refreshToken.count(u'.') == 2)
        Q_EMIT tokenObtained(tr("refresh token from %1").arg(issuer), r.response.refreshToken);
    Q_EMIT flowFinished(true);
}

} // namespace jwb::ui
