#include "verify/VerifyPanel.h"

#include "common/CryptoStartup.h"

#include "common/ChecksModel.h"
#include "common/Dialogs.h"
#include "common/KeyChoiceBox.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "crypto/Algorithm.h"
#include "crypto/Backend.h"
#include "keys/FetchPrompt.h"
#include "keys/KeyLoader.h"
#include "keys/KeySourcesModel.h"
#include "validation/Policy.h"
#include "verification/Context.h"
#include "verification/PolicyMapper.h"
#include "verification/Verify.h"
#include "workspace/KeyContext.h"
#include "workspace/KeyRing.h"
#include "workspace/Session.h"
#include "workspace/TrustStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace jwb::ui {

using workspace::KeyRing;
using workspace::KeySource;

namespace {

/// Setting a style sheet re-polishes the widget even when it is the same one: only on a change.
void setStyleIfChanged(QWidget *widget, const QString &style)
{
    if (widget->styleSheet() != style)
        widget->setStyleSheet(style);
}

constexpr auto kFromKey = "From the key";

QColor okColor(const QPalette &palette)
{
    return Theme::isDark(palette) ? QColor(0x7e, 0xe2, 0xa8) : QColor(0x1a, 0x7f, 0x37);
}

QColor mutedColor(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

/// Text that a user can read and edit, or nullopt for binary content (a DER key).
std::optional<QString> asText(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError() || bytes.contains('\0'))
        return std::nullopt;
    return text;
}

} // namespace

VerifyPanel::VerifyPanel(std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    setObjectName(QStringLiteral("verifyPanel"));

    auto *inputs = new QHBoxLayout;
    inputs->setSpacing(10);
    inputs->addWidget(buildKeyGroup(), 3);
    inputs->addWidget(buildPolicyGroup(), 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(10);
    layout->addLayout(inputs);
    layout->addWidget(buildResults(), 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &VerifyPanel::verifyNow);

    const auto restart = qOverload<>(&QTimer::start);
    connect(m_keyEdit, &QPlainTextEdit::textChanged, this, &VerifyPanel::onKeyTextEdited);
    connect(m_secretCheck, &QCheckBox::toggled, m_debounce, restart);
    connect(m_secretCheck, &QCheckBox::toggled, this, &VerifyPanel::showKeyForm);
    connect(m_secretEdit, &QLineEdit::textChanged, this, &VerifyPanel::onKeyTextEdited);
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, m_debounce, restart);
    connect(m_algCombo, &QComboBox::currentIndexChanged, this, &VerifyPanel::syncKeyForm);
    connect(m_algCombo, &QComboBox::currentIndexChanged, m_debounce, restart);
    connect(m_issuerEdit, &QLineEdit::textChanged, m_debounce, restart);
    connect(m_audienceEdit, &QLineEdit::textChanged, m_debounce, restart);
    connect(m_leewaySpin, &QSpinBox::valueChanged, m_debounce, restart);
    connect(m_typEdit, &QLineEdit::textChanged, m_debounce, restart);
    connect(m_weakKeysCheck, &QCheckBox::toggled, m_debounce, restart);
    connect(m_openKeyButton, &QPushButton::clicked, this, &VerifyPanel::chooseKeyFile);
    connect(m_judgeCombo, &QComboBox::activated, this, &VerifyPanel::onJudgeAsChosen);

    verifyNow();
}

VerifyPanel::~VerifyPanel() = default;

QWidget *VerifyPanel::buildKeyGroup()
{
    auto *group = new QGroupBox(tr("Key"), this);

    auto *sourceLabel = new QLabel(tr("Keys from"), group);
    m_keys = new KeyChoiceBox(
        KeyChoiceBox::Kind::Inspector, QStringLiteral("keySourceCombo"), QStringLiteral("verifyKeysLine"), group);
    m_sourceCombo = m_keys->combo();
    m_sourceCombo->setAccessibleName(tr("Keys from"));
    m_sourceCombo->setToolTip(
        tr("Automatic: the source of the Keys page holding the token's key id (kid or x5t), else its issuer's "
           "source, else the key pasted here. Or choose one: the key pasted here, or a source of the Keys page (a "
           "file, a JWK Set URL, an issuer)"));
    m_sourceCombo->setMinimumContentsLength(12);
    sourceLabel->setBuddy(m_sourceCombo);
    m_issuerButton = new QPushButton(tr("Use the issuer's keys"), group);
    m_issuerButton->setObjectName(QStringLiteral("useIssuerButton"));
    m_issuerButton->setToolTip(
        tr("Fetch the signing keys of the token's issuer (iss) through OpenID Connect discovery and verify with "
           "them. The request goes to the issuer's own server; the token is not sent anywhere."));
    m_issuerButton->setEnabled(false);
    m_sourceStatus = new QLabel(group);
    m_sourceStatus->setObjectName(QStringLiteral("keySourceStatus"));
    LongText::fitAnyWidth(m_sourceStatus);
    m_sourceStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sourceStatus->hide();
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_sourceCombo, 1);
    sourceRow->addWidget(m_issuerButton);

    m_pastedKeyBox = new QWidget(group);
    m_keyEdit = new QPlainTextEdit(m_pastedKeyBox);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setFont(Theme::monospaceFont());
    m_keyEdit->setPlaceholderText(tr("Paste a secret, a JWK, a JWK Set or a PEM key/certificate"));
    m_keyEdit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_keyEdit->setTabChangesFocus(true);
    m_keyEdit->setMinimumHeight(90);

    m_secretCheck = new QCheckBox(tr("Key is a shared secret"), m_pastedKeyBox);
    m_secretCheck->setObjectName(QStringLiteral("secretCheck"));
    m_encodingCombo = new QComboBox(m_pastedKeyBox);
    m_encodingCombo->setObjectName(QStringLiteral("encodingCombo"));
    // The names KeyLoader::encodingFromName understands.
    m_encodingCombo->addItems(
        {QStringLiteral("utf8"), QStringLiteral("base64"), QStringLiteral("base64url"), QStringLiteral("hex")});
    m_encodingCombo->setToolTip(tr("How the secret is written"));
    m_encodingCombo->setEnabled(false);
    // An HS* token's key: a masked one-line secret that can be shown (the key editor keeps its own text meanwhile).
    m_secretRow = new QWidget(m_pastedKeyBox);
    auto *secretLabel = new QLabel(tr("Secret"), m_secretRow);
    m_secretEdit = new QLineEdit(m_secretRow);
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setFont(Theme::monospaceFont());
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setAccessibleName(tr("Shared secret"));
    m_secretEdit->setPlaceholderText(tr("Paste the shared secret"));
    m_secretEdit->setToolTip(tr("The HMAC secret the token was signed with, written as the encoding next to "
                                "“Key is a shared secret” says. It is never logged nor saved with the workspace."));
    secretLabel->setBuddy(m_secretEdit);
    m_showSecretButton = new QToolButton(m_secretRow);
    m_showSecretButton->setObjectName(QStringLiteral("showSecretButton"));
    m_showSecretButton->setCheckable(true);
    m_showSecretButton->setText(tr("Show"));
    m_showSecretButton->setToolTip(tr("Show or hide the secret"));
    connect(m_showSecretButton, &QToolButton::toggled, this, [this](bool shown) {
        m_secretEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showSecretButton->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto *secretLayout = new QHBoxLayout(m_secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(secretLabel);
    secretLayout->addWidget(m_secretEdit, 1);
    secretLayout->addWidget(m_showSecretButton);
    m_secretRow->hide();

    m_openKeyButton = new QPushButton(tr("Open key file…"), m_pastedKeyBox);
    m_openKeyButton->setObjectName(QStringLiteral("openKeyButton"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_secretCheck);
    row->addWidget(m_encodingCombo);
    row->addStretch(1);
    row->addWidget(m_openKeyButton);

    auto *pastedLayout = new QVBoxLayout(m_pastedKeyBox);
    pastedLayout->setContentsMargins(0, 0, 0, 0);
    pastedLayout->addWidget(m_keyEdit, 1);
    pastedLayout->addWidget(m_secretRow);
    pastedLayout->addLayout(row);
    pastedLayout->addStretch(0); // takes the key editor's room while the secret field is shown

    auto *layout = new QVBoxLayout(group);
    layout->addLayout(sourceRow);
    layout->addWidget(m_keys->line());
    layout->addWidget(m_sourceStatus);
    layout->addWidget(m_pastedKeyBox, 1);
    layout->addStretch(0); // takes the pasted-key box's room while a key-ring source is chosen (it is hidden then)
    connect(m_keys, &KeyChoiceBox::changed, this, &VerifyPanel::onKeysChanged);
    connect(m_issuerButton, &QPushButton::clicked, this, &VerifyPanel::useTokenIssuer);
    return group;
}

QWidget *VerifyPanel::buildPolicyGroup()
{
    auto *group = new QGroupBox(tr("Rules"), this);

    m_judgeCombo = new QComboBox(group);
    m_judgeCombo->setObjectName(QStringLiteral("judgeAsCombo"));
    m_judgeCombo->setAccessibleName(tr("Judge as"));
    m_judgeCombo->setToolTip(tr("Judge the token by the rules below, or exactly as an endpoint of the open "
                                "krakend.json would (KrakenD's own checks, in its order)"));
    m_judgeCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_judgeCombo->setMinimumContentsLength(10);
    m_judgeCombo->addItem(tr("Generic rules"), -1);
    auto *judgeLabel = new QLabel(tr("Judge as"), group);
    judgeLabel->setBuddy(m_judgeCombo);
    auto *judgeRow = new QHBoxLayout;
    judgeRow->addWidget(judgeLabel);
    judgeRow->addWidget(m_judgeCombo, 1);

    m_rulesStack = new QStackedWidget(group);
    m_rulesStack->setObjectName(QStringLiteral("rulesStack"));
    m_rulesStack->addWidget(buildGenericRules(m_rulesStack));
    m_rulesStack->addWidget(buildEndpointRules(m_rulesStack));

    auto *layout = new QVBoxLayout(group);
    layout->addLayout(judgeRow);
    layout->addWidget(m_rulesStack, 1);
    return group;
}

QWidget *VerifyPanel::buildGenericRules(QWidget *parent)
{
    auto *group = new QWidget(parent);
    group->setObjectName(QStringLiteral("genericRules"));

    m_algCombo = new QComboBox(group);
    m_algCombo->setObjectName(QStringLiteral("algCombo"));
    m_algCombo->addItem(QLatin1String(kFromKey), QString());
    // crypto::Algorithm cannot express "none", so the combo cannot offer it.
    for (const crypto::Algorithm alg : crypto::Algorithms::all())
        m_algCombo->addItem(crypto::Algorithms::name(alg), crypto::Algorithms::name(alg));
    m_algCombo->setToolTip(tr("The only algorithm to accept; by default the key decides"));

    m_issuerEdit = new QLineEdit(group);
    m_issuerEdit->setObjectName(QStringLiteral("issuerEdit"));
    m_issuerEdit->setPlaceholderText(tr("any"));
    m_issuerEdit->setClearButtonEnabled(true);

    m_audienceEdit = new QLineEdit(group);
    m_audienceEdit->setObjectName(QStringLiteral("audienceEdit"));
    m_audienceEdit->setPlaceholderText(tr("any (comma-separated)"));
    m_audienceEdit->setClearButtonEnabled(true);

    m_leewaySpin = new QSpinBox(group);
    m_leewaySpin->setObjectName(QStringLiteral("leewaySpin"));
    m_leewaySpin->setRange(0, 24 * 60 * 60);
    m_leewaySpin->setSuffix(tr(" s"));
    m_leewaySpin->setToolTip(tr("Clock skew allowed for exp, nbf and iat"));

    m_typEdit = new QLineEdit(group);
    m_typEdit->setObjectName(QStringLiteral("typEdit"));
    m_typEdit->setPlaceholderText(tr("any (e.g. at+jwt)"));
    m_typEdit->setClearButtonEnabled(true);
    m_typEdit->setToolTip(
        tr("Require this type in the header's typ (explicit typing, RFC 8725): at+jwt for OAuth access "
           "tokens. Letter case and an \"application/\" prefix do not matter."));

    m_weakKeysCheck = new QCheckBox(tr("Allow weak keys"), group);
    m_weakKeysCheck->setObjectName(QStringLiteral("allowWeakKeysCheck"));
    m_weakKeysCheck->setToolTip(tr("Verify even with an RSA key under 2048 bits or an Ed25519 key of small order. Such "
                                   "keys are refused by default: they are too weak or accept forged signatures."));

    auto *form = new QFormLayout(group);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Algorithm"), m_algCombo);
    form->addRow(tr("Issuer"), m_issuerEdit);
    form->addRow(tr("Audience"), m_audienceEdit);
    form->addRow(tr("Type"), m_typEdit);
    form->addRow(tr("Leeway"), m_leewaySpin);
    form->addRow(QString(), m_weakKeysCheck);
    return group;
}

namespace {

/// The rows of the endpoint's rules, in buildEndpointRules' order.
enum MappedRule {
    MappedAlg,
    MappedKeyId,
    MappedIssuer,
    MappedAudience,
    MappedLeeway,
    MappedToken,
    MappedRoles,
    MappedScopes,
    MappedKeys,
    MappedRuleCount
};

} // namespace

QWidget *VerifyPanel::buildEndpointRules(QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("endpointRules"));
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<std::pair<QString, QString>> rows = {{tr("Algorithm"), QStringLiteral("mappedAlg")},
        {tr("Key id"), QStringLiteral("mappedKeyId")}, {tr("Issuer"), QStringLiteral("mappedIssuer")},
        {tr("Audience"), QStringLiteral("mappedAudience")}, {tr("Leeway"), QStringLiteral("mappedLeeway")},
        {tr("Token from"), QStringLiteral("mappedToken")}, {tr("Roles"), QStringLiteral("mappedRoles")},
        {tr("Scopes"), QStringLiteral("mappedScopes")}, {tr("Own keys"), QStringLiteral("mappedKeys")}};
    Q_ASSERT(rows.size() == MappedRuleCount);
    for (const auto &[title, name] : rows) {
        auto *value = new QLabel(box);
        value->setObjectName(name);
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(title, value);
        m_mappedRules.append(value);
    }
    auto *note = new QLabel(tr("KrakenD's rules for this endpoint, read from krakend.json (change them on the "
                               "Gateway page). Without a key above, the endpoint's own keys are used."),
        box);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: %1;").arg(mutedColor(palette()).name()));
    form->addRow(note);
    return box;
}

QWidget *VerifyPanel::buildResults()
{
    auto *results = new QWidget(this);

    m_verdictLabel = new QLabel(results);
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    QFont big = m_verdictLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setWeight(QFont::Bold);
    m_verdictLabel->setFont(big);

    m_detailLabel = new QLabel(results);
    m_detailLabel->setObjectName(QStringLiteral("verifyDetail"));
    m_detailLabel->setTextFormat(Qt::PlainText);
    LongText::fitAnyWidth(m_detailLabel);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_keyLabel = new QLabel(results);
    m_keyLabel->setObjectName(QStringLiteral("keyUsedLabel"));
    m_keyLabel->setTextFormat(Qt::PlainText);
    LongText::fitAnyWidth(m_keyLabel); // a key id or a thumbprint: never wider than the window
    m_keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyLabel->hide();

    m_checksModel = new ChecksModel(this);
    m_checksView = new QTreeView(results);
    m_checksView->setObjectName(QStringLiteral("checksView"));
    m_checksView->setModel(m_checksModel);
    m_checksView->setColumnHidden(ChecksModel::StepColumn, true);
    m_checksView->setRootIsDecorated(false);
    m_checksView->setAlternatingRowColors(true);
    m_checksView->setWordWrap(true);
    m_checksView->setUniformRowHeights(false);
    m_checksView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checksView->header()->setStretchLastSection(true);
    for (const int column : {ChecksModel::StepColumn, ChecksModel::NameColumn, ChecksModel::OutcomeColumn})
        m_checksView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *head = new QHBoxLayout;
    head->setSpacing(12);
    head->addWidget(m_verdictLabel, 0, Qt::AlignTop);
    head->addWidget(m_detailLabel, 1, Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_keyLabel);
    layout->addWidget(m_checksView, 1);
    return results;
}

void VerifyPanel::setClock(std::shared_ptr<const common::Clock> clock)
{
    m_clock = clock ? std::move(clock) : common::Clock::system();
    m_debounce->start();
}

void VerifyPanel::setInspection(const jose::Inspection &inspection)
{
    m_inspection = inspection;
    updateIssuerButton();
    syncKeyForm();
    verifyNow();
}

void VerifyPanel::setKeyRing(KeyRing *ring)
{
    m_keys->setKeyRing(ring);
    updateIssuerButton();
}

void VerifyPanel::setSession(workspace::Session *session)
{
    m_keys->setSession(session);
    updateIssuerButton();
}

void VerifyPanel::onKeysChanged()
{
    m_pastedKeyBox->setVisible(pin().kind != workspace::KeyPin::Kind::Source);
    m_debounce->start();
}

workspace::KeyPin VerifyPanel::pin() const
{
    // A pinned source that was removed falls back to the key pasted here, not to another source (the pin itself
    // stays: a workspace being loaded removes and adds its sources, and the pin names what the user chose).
    const workspace::KeyPin pinned = m_keys->pin();
    if (pinned.kind == workspace::KeyPin::Kind::Source
        && (!m_keys->ring() || m_keys->ring()->indexOf(pinned.sourceId) < 0))
        return workspace::KeyPin::pasted();
    return pinned;
}

void VerifyPanel::setKeySource(int ringIndex)
{
    KeyRing *ring = m_keys->ring();
    m_keys->setPin(ring && ringIndex >= 0 && ringIndex < ring->count()
            ? workspace::KeyPin::source(ring->at(ringIndex).id)
            : workspace::KeyPin::pasted());
    verifyNow();
}

int VerifyPanel::keySource() const
{
    const workspace::KeyPin pinned = m_keys->pin();
    return m_keys->ring() && pinned.kind == workspace::KeyPin::Kind::Source ? m_keys->ring()->indexOf(pinned.sourceId)
                                                                            : -1;
}

workspace::KeyChoice VerifyPanel::resolveKeys() const
{
    const int endpoint = judgeAs();
    workspace::KeyNeed need = endpoint >= 0 && m_endpoints[endpoint].setup.hasValidator
        ? workspace::KeyNeed::forEndpoint(m_inspection, m_endpoints[endpoint].setup.validator)
        : workspace::KeyNeed::forToken(m_inspection);
    need.endpoint = endpoint >= 0;
    need.hasPastedKey = hasPastedKey();
    // The pasted key is the Verify tab's own: an endpoint's scope (shared with Simulate) has no pasted key, so the
    // panel answers that pin itself.
    if (pin().kind == workspace::KeyPin::Kind::Pasted) {
        workspace::KeyChoice pasted;
        pasted.kind = need.hasPastedKey || endpoint < 0 ? workspace::KeyChoice::Kind::Pasted
                                                        : workspace::KeyChoice::Kind::ConfigOwn;
        pasted.reason = workspace::KeyChoice::Reason::Pinned;
        if (pasted.kind == workspace::KeyChoice::Kind::ConfigOwn && !need.configUsesLocalPath
            && need.configJwkUrl.isValid())
            pasted.origin = workspace::TrustStore::originOf(need.configJwkUrl);
        return pasted;
    }
    workspace::KeyChoice choice = m_keys->resolve(need);
    // Judging as an endpoint, a key typed here replaces the endpoint's own keys (as Simulate's key choice does),
    // unless a source holding the token's key id, or a pin, decided.
    if (need.endpoint && need.hasPastedKey && choice.kind == workspace::KeyChoice::Kind::ConfigOwn
        && choice.reason == workspace::KeyChoice::Reason::Default) {
        choice = workspace::KeyChoice {};
        choice.kind = workspace::KeyChoice::Kind::Pasted;
    }
    return choice;
}

void VerifyPanel::syncKeyScope()
{
    const int endpoint = judgeAs();
    m_keys->setKind(endpoint >= 0 ? KeyChoiceBox::Kind::InspectorAsEndpoint : KeyChoiceBox::Kind::Inspector);
    m_keys->setScope(endpoint >= 0 ? workspace::ChoiceScope::forEndpoint(
                         m_endpoints[endpoint].setup.method, m_endpoints[endpoint].setup.endpoint)
                                   : workspace::ChoiceScope::inspector());
    m_pastedKeyBox->setVisible(pin().kind != workspace::KeyPin::Kind::Source);
}

void VerifyPanel::updateIssuerButton()
{
    const QString iss = m_inspection.token.payload.value(QStringLiteral("iss")).toString();
    const QUrl url(iss);
    const bool usable = m_keys->ring() && url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http")
        && !url.host().isEmpty();
    m_issuerButton->setEnabled(usable);
    m_issuerButton->setToolTip(usable
            ? tr("Fetch the keys of %1 through OpenID Connect discovery "
                 "(%1/.well-known/openid-configuration) and verify with them. Only the issuer's "
                 "public metadata is requested; the token is not sent.")
                  .arg(iss)
            : tr("The token has no issuer URL (iss) to discover keys from"));
}

void VerifyPanel::useTokenIssuer()
{
    const QString iss = m_inspection.token.payload.value(QStringLiteral("iss")).toString();
    KeyRing *ring = m_keys->ring();
    if (!ring || iss.isEmpty())
        return;
    int index = -1;
    for (int i = 0; i < ring->count(); ++i) {
        if (ring->at(i).kind == KeySource::Kind::Issuer && ring->at(i).location == iss) {
            index = i;
            break;
        }
    }
    if (index < 0) {
        index = ring->add(KeyRing::url(iss, true));
    } else if (!fetchOnRequest(this, ring, index)) {
        return; // a source from a workspace file whose TLS settings the user did not accept
    }
    setKeySource(index);
}

void VerifyPanel::onKeyTextEdited()
{
    // Typing a key is choosing it (a pin of the pasted key, in this panel's scope).
    if (hasPastedKey() && pin().kind != workspace::KeyPin::Kind::Pasted)
        m_keys->setPin(workspace::KeyPin::pasted());
    // Typing replaces a binary key loaded from a file.
    if (!m_binaryKey.isEmpty() && !m_keyEdit->toPlainText().isEmpty()) {
        m_binaryKey.clear();
        m_binaryKeyName.clear();
        m_keyEdit->setPlaceholderText(pastedKeyHint());
    }
    m_debounce->start();
}

void VerifyPanel::syncKeyForm()
{
    const verification::PastedKeyForm form
        = verification::pastedKeyForm(m_inspection.token, contextWithoutKeys().policy);
    if (form == m_keyForm)
        return;
    m_keyForm = form;
    m_secretCheck->setChecked(form == verification::PastedKeyForm::Secret);
}

void VerifyPanel::showKeyForm()
{
    const bool secret = m_secretCheck->isChecked();
    m_keyEdit->setVisible(!secret);
    m_secretRow->setVisible(secret);
    m_encodingCombo->setEnabled(secret);
}

void VerifyPanel::chooseKeyFile()
{
    const QString path = Dialogs::getOpenFileName(
        this, tr("Open Key File"), tr("Keys (*.json *.jwk *.jwks *.pem *.crt *.cer *.key *.der *.pub);;All files (*)"));
    if (!path.isEmpty())
        openKeyFile(path);
}

void VerifyPanel::openKeyFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Dialogs::showError(this, tr("Open Key File"), tr("Cannot read %1: %2").arg(name, file.errorString()));
        return;
    }
    const QByteArray bytes = file.read(kMaxKeyFileBytes + 1);
    if (bytes.size() > kMaxKeyFileBytes) {
        Dialogs::showError(this, tr("Open Key File"), tr("%1 is larger than 4 MiB: not a key file.").arg(name));
        return;
    }
    m_secretCheck->setChecked(false); // a key file is read as one: the key editor shows what it holds
    if (const auto text = asText(bytes)) {
        m_binaryKey.clear();
        m_binaryKeyName.clear();
        m_keyEdit->setPlainText(*text);
    } else {
        const QSignalBlocker blocker(m_keyEdit);
        m_keyEdit->clear();
        m_binaryKey = bytes;
        m_binaryKeyName = name;
        m_keyEdit->setPlaceholderText(tr("Binary key loaded from %1 (%n byte(s)). Type or paste here to replace it.",
            nullptr, static_cast<int>(bytes.size()))
                                          .arg(name));
    }
    m_debounce->start();
}

void VerifyPanel::setEndpoints(const QList<Endpoint> &endpoints)
{
    const int current = judgeAs();
    const QString method = current >= 0 ? m_endpoints[current].method : QString();
    const QString path = current >= 0 ? m_endpoints[current].path : QString();
    m_endpoints = endpoints;
    int keep = -1;
    const QSignalBlocker blocker(m_judgeCombo);
    while (m_judgeCombo->count() > 1)
        m_judgeCombo->removeItem(1);
    for (int i = 0; i < m_endpoints.size(); ++i) {
        const Endpoint &e = m_endpoints[i];
        const QString title = QStringLiteral("%1 %2").arg(e.method, e.path); // as judgeAsTitle()
        m_judgeCombo->addItem(e.setup.hasValidator ? title : tr("%1 (no validator)").arg(title), i);
        if (current >= 0 && keep < 0 && e.method == method && e.path == path)
            keep = i;
    }
    m_judgeCombo->setCurrentIndex(m_judgeCombo->findData(keep));
    syncKeyScope();
    syncKeyForm();
    if (current < 0)
        return; // judged by the generic rules before and after: nothing to verify again
    m_rulesStack->setCurrentIndex(keep >= 0 ? 1 : 0);
    if (keep >= 0)
        showEndpointRules(); // the endpoint's config may have changed
    verifyNow();
}

void VerifyPanel::setJudgeAs(int index)
{
    const int wanted = index >= 0 && index < m_endpoints.size() ? index : -1;
    m_judgeCombo->setCurrentIndex(m_judgeCombo->findData(wanted));
    onJudgeAsChosen();
}

int VerifyPanel::judgeAs() const
{
    const int index = m_judgeCombo->currentData().toInt();
    return index >= 0 && index < m_endpoints.size() ? index : -1;
}

QString VerifyPanel::judgeAsTitle() const
{
    const int index = judgeAs();
    return index >= 0 ? QStringLiteral("%1 %2").arg(m_endpoints[index].method, m_endpoints[index].path) : QString();
}

void VerifyPanel::onJudgeAsChosen()
{
    const bool endpoint = judgeAs() >= 0;
    m_rulesStack->setCurrentIndex(endpoint ? 1 : 0);
    syncKeyScope();
    syncKeyForm();
    if (endpoint)
        showEndpointRules();
    if (m_binaryKey.isEmpty())
        m_keyEdit->setPlaceholderText(pastedKeyHint());
    verifyNow();
}

void VerifyPanel::showEndpointRules()
{
    const krakend::SimulationSetup &setup = m_endpoints[judgeAs()].setup;
    const krakend::ValidatorConfig &cfg = setup.validator;
    const validation::Policy rules = verification::PolicyMapper::rulesOf(cfg);
    const QString none = tr("none required");
    QStringList texts(MappedRuleCount);
    if (!setup.hasValidator) {
        texts.fill(tr("— (no auth/validator: KrakenD lets every request through)"), MappedRuleCount);
    } else {
        texts[MappedAlg] = rules.algorithm ? crypto::Algorithms::name(*rules.algorithm)
                                           : tr("%1 (unknown to KrakenD: it would not start)").arg(cfg.alg());
        texts[MappedKeyId] = validation::keyIdStrategyName(rules.keyIdStrategy);
        texts[MappedIssuer] = rules.issuer.isEmpty() ? tr("any") : rules.issuer;
        texts[MappedAudience]
            = rules.audiences.isEmpty() ? tr("any") : tr("all of %1").arg(rules.audiences.join(QStringLiteral(", ")));
        texts[MappedLeeway] = tr("%1 s").arg(rules.leewaySeconds);
        texts[MappedToken] = cfg.cookieKey().isEmpty()
            ? tr("header %1 (Bearer)").arg(cfg.effectiveAuthHeaderName())
            : tr("cookie %1, or header %2").arg(cfg.effectiveCookieKey(), cfg.effectiveAuthHeaderName());
        texts[MappedRoles] = cfg.roles().isEmpty()
            ? none
            : tr("one of %1 in claim %2").arg(cfg.roles().join(QStringLiteral(", ")), cfg.effectiveRolesKey());
        texts[MappedScopes] = !cfg.scopesCheckEnabled()
            ? none
            : tr("%1 of %2 in claim %3")
                  .arg(cfg.scopesMatchAll() ? tr("all") : tr("any"), cfg.scopes().join(QStringLiteral(", ")),
                      cfg.scopesKey());
        texts[MappedKeys] = cfg.usesLocalPath() ? tr("jwk_local_path %1").arg(cfg.jwkLocalPath())
                                                : tr("jwk_url %1").arg(cfg.jwkUrl());
    }
    for (int i = 0; i < MappedRuleCount; ++i)
        m_mappedRules[i]->setText(texts[i]);
}

QString VerifyPanel::pastedKeyHint() const
{
    return judgeAs() >= 0 ? tr("Paste a secret, a JWK, a JWK Set or a PEM key/certificate, or leave this empty to "
                               "use the endpoint's own keys")
                          : tr("Paste a secret, a JWK, a JWK Set or a PEM key/certificate");
}

const KeySource *VerifyPanel::chosenSource() const
{
    if (m_choice.kind != workspace::KeyChoice::Kind::Source || !m_keys->ring())
        return nullptr;
    const int ringIndex = m_keys->ring()->indexOf(m_choice.sourceId);
    return ringIndex >= 0 ? &m_keys->ring()->at(ringIndex) : nullptr;
}

bool VerifyPanel::hasPastedKey() const
{
    if (m_secretCheck->isChecked())
        return !m_secretEdit->text().isEmpty();
    return !m_keyEdit->toPlainText().trimmed().isEmpty() || !m_binaryKey.isEmpty();
}

void VerifyPanel::showSourceStatus(const KeySource *source)
{
    m_sourceStatus->setVisible(source != nullptr);
    if (!source)
        return;
    QString status;
    if (source->fetching)
        status = tr("Fetching %1: %2").arg(source->location, KeySourcesModel::progressText(source->progress));
    else if (source->error)
        status = source->keys
            ? tr("Last refresh failed (using the keys fetched before): %1").arg(KeySourcesModel::errorMessage(*source))
            : KeySourcesModel::errorMessage(*source);
    else if (source->keys)
        status = tr("%n key(s) from %1", nullptr, static_cast<int>(source->keys->keys.size()))
                     .arg(source->location.isEmpty() ? source->name : source->location);
    m_sourceStatus->setText(status);
}

verification::Context VerifyPanel::contextWithoutKeys() const
{
    verification::Context context;
    context.clock = m_clock;
    if (const int endpoint = judgeAs(); endpoint >= 0) {
        context.policy = verification::PolicyMapper::forEndpoint(m_endpoints[endpoint].setup);
        return context;
    }
    validation::Policy &policy = context.policy.rules;
    if (const QString alg = m_algCombo->currentData().toString(); !alg.isEmpty())
        policy.algorithm = crypto::Algorithms::fromName(alg);
    policy.issuer = m_issuerEdit->text().trimmed();
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    policy.audiences = m_audienceEdit->text().split(separators, Qt::SkipEmptyParts);
    policy.leewaySeconds = m_leewaySpin->value();
    policy.requiredTyp = m_typEdit->text().trimmed();
    policy.allowWeakKeys = m_weakKeysCheck->isChecked();
    policy.clock = m_clock;
    return context;
}

/// The keys of the choice: a source's keys (or that they are still on their way, or why there are none), or for an
/// endpoint's own jwk_url the trust store's CA for its origin (workspace::KeyContext, as Simulate does).
void VerifyPanel::useChoice(verification::Context &context, const workspace::KeyChoice &choice)
{
    m_keys->apply(context, choice);
    if (!context.keyError)
        return;
    const KeySource *source = chosenSource();
    m_keyError = source && source->error ? KeySourcesModel::errorMessage(*source) : context.keyError->message;
}

/// The key pasted (or opened) in the panel, read by core's KeyLoader.
void VerifyPanel::usePastedKey(verification::Context &context)
{
    const QString keyText = m_keyEdit->toPlainText();
    context.keyLabel = tr("the key pasted in Verify");
    common::Result<keys::JwkSet> keySet = [&]() -> common::Result<keys::JwkSet> {
        if (m_secretCheck->isChecked()) {
            const auto encoding = keys::KeyLoader::encodingFromName(m_encodingCombo->currentText());
            if (!encoding)
                return encoding.error();
            return keys::KeyLoader::fromSecret(m_secretEdit->text().toUtf8(), encoding.value());
        }
        if (!m_binaryKey.isEmpty() && keyText.isEmpty())
            return keys::KeyLoader::load(m_binaryKey);
        return keys::KeyLoader::load(keyText.toUtf8());
    }();
    if (keySet) {
        context.keys = std::move(keySet.value());
        return;
    }
    m_keyError = keySet.error().message;
    if (!m_secretCheck->isChecked() && keySet.error().is(common::ErrorCode::UnknownKeyFormat))
        m_keyError += tr("\nIf this is a shared secret, tick “Key is a shared secret”.");
    context.keyError = keySet.error();
}

void VerifyPanel::waitForCrypto()
{
    // At start-up the crypto self-test runs right after the first paint (app/gui/main.cpp): verify after it
    // rather than running it here, before anything is on screen.
    showNeutral(verification::Report(), tr("Verifying…"), tr("Starting the cryptography self-test."));
    if (!m_waitingForCrypto) {
        m_waitingForCrypto = true;
        connect(
            CryptoStartup::instance(), &CryptoStartup::ready, this,
            [this] {
                m_waitingForCrypto = false;
                verifyNow();
            },
            Qt::SingleShotConnection);
    }
    // Without a start-up that runs it after the first paint, whoever asks first runs it.
    CryptoStartup::instance()->requestSoon();
}

/// An endpoint that downloads its own jwk_url: verified on a worker thread, Pending until it answers.
void VerifyPanel::verifyInBackground(const verification::Context &context)
{
    const krakend::SimulationSetup &setup = *context.policy.gateway;
    verification::Report pending;
    pending.verdict = common::Verdict::Pending;
    showNeutral(pending, tr("Verifying…"),
        tr("Downloading the keys of %1 %2 from %3").arg(setup.method, setup.endpoint, setup.validator.jwkUrl()));
    m_job.run(
        this,
        [context = context, inspection = m_inspection](const common::CancelToken &cancel) mutable {
            context.cancel = cancel;
            return verification::verify(inspection, context);
        },
        [this](verification::Report report) { showReport(report); });
}

void VerifyPanel::verifyNow()
{
    m_debounce->stop();
    m_job.cancel();
    m_keyError.clear();
    m_choice = resolveKeys();
    m_keys->showChoice(m_choice);
    const KeySource *ringSource = chosenSource();
    showSourceStatus(ringSource);
    verification::Context context = contextWithoutKeys();
    useChoice(context, m_choice);
    const bool pasted = m_choice.kind == workspace::KeyChoice::Kind::Pasted && hasPastedKey();
    const bool judging = !m_inspection.token.input.trimmed().isEmpty() && !context.keysPending && !context.keyError
        && (ringSource || pasted || context.policy.isGateway());
    if (judging && !crypto::Backend::isInitialized()) {
        waitForCrypto();
        return;
    }
    if (judging && pasted)
        usePastedKey(context);
    const krakend::SimulationSetup *endpoint = context.policy.gateway ? &*context.policy.gateway : nullptr;
    if (judging && endpoint && !context.keys && !context.keyError && endpoint->hasValidator
        && !endpoint->validator.usesLocalPath() && !endpoint->validator.jwkUrl().isEmpty()) {
        verifyInBackground(context);
        return;
    }
    showReport(verification::verify(m_inspection, context));
}

void VerifyPanel::setVerdict(common::Verdict verdict, const QString &text, const QColor &color)
{
    m_verdictLabel->setText(text);
    setStyleIfChanged(m_verdictLabel, QStringLiteral("color: %1;").arg(color.name(QColor::HexRgb)));
    m_verdictLabel->setProperty("verdict", common::verdictText(verdict));
}

void VerifyPanel::showReport(const verification::Report &report)
{
    switch (report.verdict) {
    case common::Verdict::NotVerified:
        showNotVerified(report);
        break;
    case common::Verdict::Pending:
        showNeutral(report, tr("Fetching keys…"), m_sourceStatus->text());
        break;
    case common::Verdict::KeyError:
        showKeyError(report);
        break;
    case common::Verdict::Valid:
    case common::Verdict::Invalid:
    case common::Verdict::Malformed:
        showJudged(report);
        break;
    }
}

void VerifyPanel::showNotVerified(const verification::Report &report)
{
    if (judgeAs() < 0 && !chosenSource() && !hasPastedKey())
        showNeutral(report, tr("Give a key to verify"), tr("Paste a key or a secret above, or open a key file."));
    else if (m_inspection.token.input.trimmed().isEmpty())
        showNeutral(report, tr("No token"), tr("Paste a token on the left to verify it."));
    else
        showNeutral(report, tr("Not verified"), report.summary);
}

void VerifyPanel::showNeutral(const verification::Report &report, const QString &title, const QString &text)
{
    m_report = report;
    setVerdict(report.verdict, title, mutedColor(palette()));
    m_detailLabel->setText(text);
    setStyleIfChanged(m_detailLabel, QString());
    m_keyLabel->hide();
    m_checksModel->clear();
    Q_EMIT verified();
}

void VerifyPanel::showKeyError(const verification::Report &report)
{
    m_report = report;
    const QColor error = Theme::severityColor(common::Severity::Error, palette());
    setVerdict(report.verdict, tr("Key error"), error);
    m_detailLabel->setText(m_keyError);
    setStyleIfChanged(m_detailLabel, QStringLiteral("color: %1;").arg(error.name(QColor::HexRgb)));
    m_keyLabel->hide();
    m_checksModel->clear();
    Q_EMIT verified();
}

void VerifyPanel::showJudged(const verification::Report &report)
{
    m_report = report;
    const QPalette pal = palette();
    const bool valid = report.verdict == common::Verdict::Valid;
    const QColor color = valid ? okColor(pal) : Theme::severityColor(common::Severity::Error, pal);
    if (report.isGateway()) {
        const krakend::SimulationSetup &setup = m_endpoints[judgeAs()].setup;
        setVerdict(report.verdict, krakend::statusText(report.status), color);
        m_detailLabel->setText(tr("KrakenD's answer for %1 %2: %3").arg(setup.method, setup.endpoint, report.summary));
    } else if (valid) {
        setVerdict(report.verdict, tr("VALID"), color);
        m_detailLabel->setText(tr("The signature and every rule check out."));
    } else {
        setVerdict(report.verdict, tr("INVALID"), color);
        const common::Check *first = report.firstFailure();
        m_detailLabel->setText(first ? QStringLiteral("%1: %2").arg(first->nameText(), first->detail) : QString());
    }
    setStyleIfChanged(m_detailLabel, QString());

    if (report.isGateway() && !report.key.label.isEmpty()) {
        m_keyLabel->setText(tr("Keys: %1").arg(report.key.label));
        m_keyLabel->show();
    } else if (!report.isGateway() && (report.key.index >= 0 || !report.key.type.isEmpty())) {
        QStringList facts;
        facts << tr("Key used: %1").arg(report.key.type.isEmpty() ? QStringLiteral("?") : report.key.type);
        facts << tr("kid %1").arg(report.key.kid.isEmpty() ? tr("(none)") : report.key.kid);
        if (!report.key.thumbprint.isEmpty())
            facts << tr("RFC 7638 thumbprint %1").arg(report.key.thumbprint);
        m_keyLabel->setText(facts.join(QStringLiteral("  \u00b7  ")));
        m_keyLabel->show();
    } else {
        m_keyLabel->hide();
    }

    m_checksModel->setPalette(pal);
    m_checksModel->setChecks(
        report.checks, report.stoppedAt, report.isGateway() ? report.findings : common::Findings());
    m_checksView->setColumnHidden(ChecksModel::StepColumn, !report.isGateway());
    m_checksView->setRootIsDecorated(report.isGateway());
    expandStepRows(m_checksView);
    Q_EMIT verified();
}

void VerifyPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_debounce) {
        m_checksModel->setPalette(palette());
        m_debounce->start();
    }
}

} // namespace jwb::ui
