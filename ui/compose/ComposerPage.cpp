#include "compose/ComposerPage.h"
#include "compose/EncryptBox.h"

#include "common/Duration.h"
#include "common/JsonHighlighter.h"
#include "common/JsonSource.h"
#include "common/JsonText.h"
#include "common/Theme.h"
#include "common/Ticker.h"
#include "crypto/Algorithm.h"
#include "crypto/Key.h"
#include "inspector/TokenEditor.h"
#include "inspector/TokenMarkup.h"
#include "jose/Base64Url.h"
#include "jose/SdJwt.h"
#include "jose/TokenParser.h"
#include "keys/KeyGenerator.h"
#include "keys/TokenSigner.h"
#include "krakend/RequestBuilder.h"
#include "workspace/KeyResolver.h"
#include "workspace/KeyRing.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace jwb::ui {

using workspace::KeyRing;
using workspace::KeySource;

namespace {

constexpr auto kDefaultClaims = "{\n  \"sub\": \"user-123\"\n}";

QStringList splitList(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

QString randomJti()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(jose::Base64Url::encode(bytes));
}

void setEditorText(QPlainTextEdit *edit, const QString &text)
{
    // One undoable edit instead of setPlainText, which would wipe the user's undo history.
    QTextCursor cursor(edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

QPlainTextEdit *makeJsonEditor(QWidget *parent, const QString &name, const QString &accessible, const QString &tip)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setFont(Theme::monospaceFont());
    edit->setAccessibleName(accessible);
    edit->setToolTip(tip);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

QLabel *makeMessageLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

} // namespace

ComposerPage::ComposerPage(KeyRing *ring, std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_ring(ring), m_clock(clock ? std::move(clock) : common::Clock::system())
{
    setObjectName(QStringLiteral("composerPage"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(10);
    rightLayout->addWidget(buildKeyGroup());
    m_encrypt = new EncryptBox(m_ring, right);
    rightLayout->addWidget(m_encrypt);
    rightLayout->addWidget(buildOutput(), 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("composerSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildEditors());
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (m_autoSign->isChecked() && m_inputsValid)
            signNow();
    });

    connect(m_claimsEdit, &QPlainTextEdit::textChanged, this, &ComposerPage::onInputsChanged);
    connect(m_headerEdit, &QPlainTextEdit::textChanged, this, &ComposerPage::onInputsChanged);
    connect(m_kidEdit, &QLineEdit::textChanged, this, &ComposerPage::onInputsChanged);
    connect(m_typEdit, &QLineEdit::textChanged, this, &ComposerPage::onInputsChanged);
    connect(m_sdClaimsEdit, &QLineEdit::textChanged, this, &ComposerPage::onInputsChanged);
    connect(m_algCombo, &QComboBox::currentIndexChanged, this, &ComposerPage::onInputsChanged);
    connect(m_keyCombo, &QComboBox::currentIndexChanged, this, [this] {
        refreshAlgorithms();
        onInputsChanged();
    });
    connect(m_autoSign, &QCheckBox::toggled, this, &ComposerPage::onInputsChanged);
    connect(m_encrypt, &EncryptBox::changed, this, &ComposerPage::onInputsChanged);
    connect(m_signButton, &QPushButton::clicked, this, [this] {
        if (signNow())
            Q_EMIT statusMessage(tr("Signed with %1.").arg(algorithm()));
    });

    if (m_ring) {
        connect(m_ring, &KeyRing::sourcesChanged, this, &ComposerPage::refreshKeys);
        connect(m_ring, &KeyRing::sourceChanged, this, &ComposerPage::refreshKeys);
        connect(m_ring, &KeyRing::sourcesChanged, m_encrypt, &EncryptBox::refresh);
        connect(m_ring, &KeyRing::sourceChanged, m_encrypt, &EncryptBox::refresh);
    }

    m_claimsEdit->setPlainText(QLatin1String(kDefaultClaims));
    refreshKeys();
    applyColours();
    onInputsChanged();
}

ComposerPage::~ComposerPage() = default;

QWidget *ComposerPage::buildEditors()
{
    auto *box = new QWidget(this);

    auto *headerGroup = new QGroupBox(tr("Header (extra members)"), box);
    m_headerEdit = makeJsonEditor(headerGroup, QStringLiteral("headerEdit"), tr("Extra header members"),
        tr("A JSON object merged into the header after alg, typ and kid (e.g. {\"cty\": \"JWT\"}). "
           "Leave empty for none. The algorithm is chosen in the list on the right."));
    m_headerEdit->setPlaceholderText(tr("{ }  — optional, e.g. {\"cty\": \"JWT\"}"));
    m_headerEdit->setMaximumHeight(110);
    m_headerHighlighter = new JsonHighlighter(m_headerEdit->document());
    m_headerError = makeMessageLabel(headerGroup, QStringLiteral("headerErrorLabel"));
    auto *headerLayout = new QVBoxLayout(headerGroup);
    headerLayout->addWidget(m_headerEdit);
    headerLayout->addWidget(m_headerError);

    auto *claimsGroup = new QGroupBox(tr("Claims"), box);
    m_claimsEdit = makeJsonEditor(claimsGroup, QStringLiteral("claimsEdit"), tr("Claims"),
        tr("The token's payload: a JSON object. Checked as you type; the quick-add buttons below add or "
           "replace a claim and keep everything else as written."));
    m_claimsHighlighter = new JsonHighlighter(m_claimsEdit->document());
    m_claimsError = makeMessageLabel(claimsGroup, QStringLiteral("claimsErrorLabel"));
    m_timesLabel = new QLabel(claimsGroup);
    m_timesLabel->setObjectName(QStringLiteral("timesLabel"));
    m_timesLabel->setTextFormat(Qt::RichText);
    m_timesLabel->setWordWrap(true);
    m_timesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *claimsLayout = new QVBoxLayout(claimsGroup);
    claimsLayout->addWidget(m_claimsEdit, 1);
    claimsLayout->addWidget(m_claimsError);
    claimsLayout->addWidget(m_timesLabel);
    claimsLayout->addWidget(buildQuickAdd());

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(headerGroup);
    layout->addWidget(claimsGroup, 1);
    return box;
}

QWidget *ComposerPage::buildQuickAdd()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("quickAdd"));

    auto button = [this, box](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(box);
        b->setObjectName(QStringLiteral("quick_") + name);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tr("Add claim %1").arg(name));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(b, &QToolButton::clicked, this, [this, name] { addQuickClaim(name); });
        return b;
    };

    m_durationCombo = new QComboBox(box);
    m_durationCombo->setObjectName(QStringLiteral("durationCombo"));
    m_durationCombo->setEditable(true);
    m_durationCombo->addItems({QStringLiteral("5m"), QStringLiteral("1h"), QStringLiteral("24h")});
    m_durationCombo->setCurrentText(QStringLiteral("1h"));
    m_durationCombo->setToolTip(tr("How far in the future \"exp\" is: a Go duration such as 5m, 1h, 24h "
                                   "or 1h30m"));
    m_durationCombo->setAccessibleName(tr("Expiry duration"));
    m_durationCombo->setMinimumContentsLength(6);

    auto *timeRow = new QHBoxLayout;
    timeRow->setSpacing(4);
    timeRow->addWidget(new QLabel(tr("Quick add:"), box));
    timeRow->addWidget(button(
        QStringLiteral("exp"), tr("exp = now +"), tr("Set exp to the current time plus the duration on the right")));
    timeRow->addWidget(m_durationCombo);
    timeRow->addWidget(button(QStringLiteral("iat"), tr("iat = now"), tr("Set iat to now")));
    timeRow->addWidget(button(QStringLiteral("nbf"), tr("nbf = now"), tr("Set nbf to now")));
    timeRow->addWidget(
        button(QStringLiteral("jti"), QStringLiteral("jti"), tr("Set jti to a random 128-bit identifier")));
    timeRow->addStretch(1);

    m_quickValueEdit = new QLineEdit(box);
    m_quickValueEdit->setObjectName(QStringLiteral("quickValueEdit"));
    m_quickValueEdit->setPlaceholderText(tr("value (lists: a, b)"));
    m_quickValueEdit->setToolTip(
        tr("The value the buttons on the right put into the claims. iss and sub take it as a string; aud becomes a "
           "string for one value and a list for several; roles is always a list; scope joins the values with spaces. "
           "Empty: a sample value."));
    m_quickValueEdit->setAccessibleName(tr("Quick-add value"));
    m_quickValueEdit->setClearButtonEnabled(true);

    auto *valueRow = new QHBoxLayout;
    valueRow->setSpacing(4);
    valueRow->addWidget(m_quickValueEdit, 1);
    valueRow->addWidget(button(QStringLiteral("iss"), QStringLiteral("iss"), tr("Set the issuer")));
    valueRow->addWidget(button(QStringLiteral("sub"), QStringLiteral("sub"), tr("Set the subject")));
    valueRow->addWidget(button(QStringLiteral("aud"), QStringLiteral("aud"),
        tr("Set the audience: one value as a string, several as a list")));
    valueRow->addWidget(
        button(QStringLiteral("roles"), QStringLiteral("roles"), tr("Set roles to a list of the values")));
    valueRow->addWidget(button(QStringLiteral("scope"), QStringLiteral("scope"),
        tr("Set scope to the values joined by spaces (OAuth 2.0 style)")));

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(timeRow);
    layout->addLayout(valueRow);
    return box;
}

QWidget *ComposerPage::buildKeyGroup()
{
    auto *group = new QGroupBox(tr("Signing"), this);

    m_keyStack = new QStackedWidget(group);
    m_keyStack->setObjectName(QStringLiteral("keyStack"));

    // Empty state: nothing in the ring can sign.
    m_emptyState = new QWidget(m_keyStack);
    m_emptyState->setObjectName(QStringLiteral("composerEmptyState"));
    auto *hint = new QLabel(tr("No key in the workspace can sign (a private key or a shared secret is "
                               "needed). Generate one here, or add one on the Keys page."),
        m_emptyState);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setWordWrap(true);
    auto *newHs = new QPushButton(tr("New HS256 secret"), m_emptyState);
    newHs->setObjectName(QStringLiteral("newHs256Button"));
    newHs->setToolTip(tr("Generate a random 256-bit shared secret into the workspace's key ring"));
    newHs->setAccessibleName(tr("New HS256 secret"));
    auto *newEs = new QPushButton(tr("New ES256 key"), m_emptyState);
    newEs->setObjectName(QStringLiteral("newEs256Button"));
    newEs->setToolTip(tr("Generate a P-256 key pair into the workspace's key ring"));
    newEs->setAccessibleName(tr("New ES256 key"));
    auto *generate = new QPushButton(tr("Generate a key…"), m_emptyState);
    generate->setObjectName(QStringLiteral("generateKeyButton"));
    generate->setToolTip(tr("Open the Keys page's generator (RSA, EC, Ed25519, secrets)"));
    generate->setAccessibleName(tr("Generate a key"));
    connect(newHs, &QPushButton::clicked, this, [this] { generateQuickKey(true); });
    connect(newEs, &QPushButton::clicked, this, [this] { generateQuickKey(false); });
    connect(generate, &QPushButton::clicked, this, &ComposerPage::generateKeyRequested);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addWidget(newHs);
    emptyButtons->addWidget(newEs);
    emptyButtons->addStretch(1);
    emptyButtons->addWidget(generate);
    auto *emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->setContentsMargins(0, 0, 0, 0);
    emptyLayout->addWidget(hint);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(1);

    auto *keyPage = new QWidget(m_keyStack);
    m_keyCombo = new QComboBox(keyPage);
    m_keyCombo->setObjectName(QStringLiteral("keyCombo"));
    m_keyCombo->setToolTip(tr("The key source to sign with: only sources holding a private key or a "
                              "shared secret are listed"));
    m_keyCombo->setAccessibleName(tr("Signing key"));
    m_keyCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_keyCombo->setMinimumContentsLength(16);
    m_keyInfo = new QLabel(keyPage);
    m_keyInfo->setObjectName(QStringLiteral("keyInfoLabel"));
    m_keyInfo->setWordWrap(true);
    m_kidEdit = new QLineEdit(keyPage);
    m_kidEdit->setObjectName(QStringLiteral("kidEdit"));
    m_kidEdit->setToolTip(tr("The kid header. Empty: the key's own kid, if it has one. In a source with "
                             "several keys it also picks the key."));
    m_kidEdit->setAccessibleName(tr("Key id (kid)"));
    m_algCombo = new QComboBox(keyPage);
    m_algCombo->setObjectName(QStringLiteral("algCombo"));
    m_algCombo->setToolTip(tr("Only algorithms the chosen key can sign with are listed; never \"none\""));
    m_algCombo->setAccessibleName(tr("Algorithm"));
    m_typEdit = new QLineEdit(QStringLiteral("JWT"), keyPage);
    m_typEdit->setObjectName(QStringLiteral("typEdit"));
    m_typEdit->setToolTip(tr("The typ header (e.g. JWT, at+jwt). Empty: JWT."));
    m_typEdit->setAccessibleName(tr("Token type (typ)"));
    m_typEdit->setPlaceholderText(QStringLiteral("JWT"));
    m_sdClaimsEdit = new QLineEdit(keyPage);
    m_sdClaimsEdit->setObjectName(QStringLiteral("sdClaimsEdit"));
    m_sdClaimsEdit->setPlaceholderText(tr("e.g. given_name, email (empty: a plain JWT)"));
    m_sdClaimsEdit->setToolTip(tr("Issue an SD-JWT (RFC 9901): these top-level claims leave the payload and become "
                                  "Disclosures with fresh salts; the payload keeps only their digests (_sd)."));
    m_sdClaimsEdit->setAccessibleName(tr("Selectively disclosable claims"));

    auto *form = new QFormLayout(keyPage);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Key:"), m_keyCombo);
    form->addRow(QString(), m_keyInfo);
    form->addRow(QStringLiteral("kid:"), m_kidEdit);
    form->addRow(tr("Algorithm:"), m_algCombo);
    form->addRow(QStringLiteral("typ:"), m_typEdit);
    form->addRow(tr("Selectively disclosable:"), m_sdClaimsEdit);

    m_keyStack->addWidget(m_emptyState);
    m_keyStack->addWidget(keyPage);

    m_autoSign = new QCheckBox(tr("Sign as I type"), group);
    m_autoSign->setObjectName(QStringLiteral("autoSignCheck"));
    m_autoSign->setChecked(true);
    m_autoSign->setToolTip(tr("Re-sign shortly after every change while the inputs are valid"));
    m_autoSign->setAccessibleName(tr("Sign automatically"));
    m_signButton = new QPushButton(tr("Sign"), group);
    m_signButton->setObjectName(QStringLiteral("signButton"));
    m_signButton->setToolTip(tr("Sign the claims with the chosen key and algorithm now"));
    m_signButton->setAccessibleName(tr("Sign"));
    m_signButton->setDefault(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_autoSign);
    row->addStretch(1);
    row->addWidget(m_signButton);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_keyStack);
    layout->addLayout(row);
    return group;
}

QWidget *ComposerPage::buildOutput()
{
    auto *group = new QGroupBox(tr("Token"), this);

    m_resultLabel = makeMessageLabel(group, QStringLiteral("resultLabel"));
    m_resultLabel->setVisible(true);
    m_tokenView = new TokenEditor(group);
    m_tokenView->setObjectName(QStringLiteral("tokenView"));
    m_tokenView->setReadOnly(true);
    m_tokenView->setAccessibleName(tr("Signed token"));
    m_tokenView->setToolTip(tr("The signed compact token: header, payload and signature"));
    m_tokenView->setPlaceholderText(tr("The signed token appears here."));
    m_warningsLabel = makeMessageLabel(group, QStringLiteral("warningsLabel"));

    m_copyButton = new QPushButton(tr("Copy"), group);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setToolTip(tr("Copy the token to the clipboard"));
    m_copyButton->setAccessibleName(tr("Copy token"));
    m_sendButton = new QPushButton(tr("Send to Inspector"), group);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Open the token in the inspector"));
    m_sendButton->setAccessibleName(tr("Send to Inspector"));
    m_curlButton = new QPushButton(tr("Copy as curl"), group);
    m_curlButton->setObjectName(QStringLiteral("curlButton"));
    m_curlButton->setToolTip(tr("Copy a curl command that sends the token as a Bearer token to the URL"));
    m_curlButton->setAccessibleName(tr("Copy as curl"));
    m_urlEdit = new QLineEdit(QStringLiteral("http://localhost:8080/"), group);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setToolTip(tr("The URL \"Copy as curl\" calls (e.g. a KrakenD endpoint)"));
    m_urlEdit->setAccessibleName(tr("curl URL"));

    connect(m_copyButton, &QPushButton::clicked, this, &ComposerPage::copyToken);
    connect(m_curlButton, &QPushButton::clicked, this, &ComposerPage::copyCurl);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (!m_token.isEmpty())
            Q_EMIT sendToInspector(m_token);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_sendButton);
    buttons->addStretch(1);
    auto *curlRow = new QHBoxLayout;
    curlRow->addWidget(new QLabel(tr("URL:"), group));
    curlRow->addWidget(m_urlEdit, 1);
    curlRow->addWidget(m_curlButton);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_tokenView, 1);
    layout->addWidget(m_warningsLabel);
    layout->addLayout(buttons);
    layout->addLayout(curlRow);
    return group;
}

void ComposerPage::refreshKeys()
{
    const QString current = m_wantedSourceId.isEmpty() ? chosenSourceId() : m_wantedSourceId;
    const QSignalBlocker blocker(m_keyCombo);
    m_keyCombo->clear();
    if (m_ring) {
        // The sources with a key that can sign, as the session's resolver lists them.
        for (const int i : workspace::KeyResolver(*m_ring, *m_ring->trust()).signingSources()) {
            const KeySource &source = m_ring->at(i);
            m_keyCombo->addItem(source.name.isEmpty() ? source.id : source.name, source.id);
        }
    }
    const int found = m_keyCombo->findData(current);
    if (found >= 0) {
        m_keyCombo->setCurrentIndex(found);
        if (current == m_wantedSourceId)
            m_wantedSourceId.clear();
    }
    const int page = m_keyCombo->count() > 0 ? 1 : 0;
    m_keyStack->setCurrentIndex(page);
    // A stacked widget is as tall as its tallest page; let the hidden page take no room.
    for (int i = 0; i < m_keyStack->count(); ++i) {
        const auto policy = i == page ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_keyStack->widget(i)->setSizePolicy(policy, policy);
    }
    m_keyStack->adjustSize();
    refreshAlgorithms();
    onInputsChanged();
}

void ComposerPage::refreshAlgorithms()
{
    QString wanted = m_wantedAlg.isEmpty() ? m_algCombo->currentText() : m_wantedAlg;
    const QSignalBlocker blocker(m_algCombo);
    m_algCombo->clear();
    m_keyInfo->clear();
    const int index = keySource();
    if (index < 0)
        return;
    const KeySource &source = m_ring->at(index);
    for (const auto alg : workspace::KeyResolver::signingAlgorithms(source))
        m_algCombo->addItem(crypto::Algorithms::name(alg));
    QStringList descriptions;
    for (const auto &jwk : source.keys->keys) {
        if (!jwk.key.isPrivate() && jwk.key.type() != crypto::KeyType::Oct)
            continue;
        descriptions.append(
            jwk.kid.isEmpty() ? jwk.key.description() : tr("%1 (kid %2)").arg(jwk.key.description(), jwk.kid));
    }
    m_keyInfo->setText(descriptions.join(QStringLiteral(", ")));
    m_kidEdit->setPlaceholderText(source.keys->keys.size() == 1 && !source.keys->keys.first().kid.isEmpty()
            ? source.keys->keys.first().kid
            : tr("optional (the key has none)"));
    // A single-key source whose JWK names its algorithm starts with that one.
    if (wanted.isEmpty() && source.keys->keys.size() == 1)
        wanted = source.keys->keys.first().alg;
    const int found = m_algCombo->findText(wanted);
    m_algCombo->setCurrentIndex(found >= 0 ? found : 0);
    if (found >= 0)
        m_wantedAlg.clear();
}

QString ComposerPage::chosenSourceId() const
{
    return m_keyCombo->currentData().toString();
}

void ComposerPage::setClaimsText(const QString &text)
{
    setEditorText(m_claimsEdit, text);
}

QString ComposerPage::claimsText() const
{
    return m_claimsEdit->toPlainText();
}

void ComposerPage::setHeaderText(const QString &text)
{
    setEditorText(m_headerEdit, text);
}

QString ComposerPage::headerText() const
{
    return m_headerEdit->toPlainText();
}

void ComposerPage::setAlgorithm(const QString &name)
{
    const int found = m_algCombo->findText(name);
    if (found >= 0)
        m_algCombo->setCurrentIndex(found);
}

QString ComposerPage::algorithm() const
{
    return m_algCombo->currentText();
}

void ComposerPage::setKeySource(int ringIndex)
{
    if (!m_ring || ringIndex < 0 || ringIndex >= m_ring->count())
        return;
    const int found = m_keyCombo->findData(m_ring->at(ringIndex).id);
    if (found >= 0)
        m_keyCombo->setCurrentIndex(found);
}

int ComposerPage::keySource() const
{
    if (!m_ring || m_keyCombo->currentIndex() < 0)
        return -1;
    return m_ring->indexOf(chosenSourceId());
}

void ComposerPage::setQuickDuration(const QString &duration)
{
    m_durationCombo->setCurrentText(duration);
}

void ComposerPage::setQuickValue(const QString &value)
{
    m_quickValueEdit->setText(value);
}

QStringList ComposerPage::quickClaimNames()
{
    return {QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("nbf"), QStringLiteral("jti"),
        QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"), QStringLiteral("roles"),
        QStringLiteral("scope")};
}

void ComposerPage::addQuickClaim(const QString &name)
{
    const EditorCheck claims = checkEditor(m_claimsEdit, tr("The claims must be a JSON object { … }"));
    if (!claims.ok) {
        Q_EMIT statusMessage(tr("Fix the claims JSON before adding %1.").arg(name));
        return;
    }
    const qint64 now = m_clock->nowSecs();
    const QString valueText = m_quickValueEdit->text().trimmed();
    const QStringList values = splitList(valueText);
    QJsonValue value;
    if (name == u"exp") {
        const auto seconds = common::Duration::parseSeconds(m_durationCombo->currentText().trimmed());
        if (!seconds) {
            Q_EMIT statusMessage(tr("The expiry duration is not valid: %1").arg(seconds.error().message));
            return;
        }
        value = now + seconds.value();
    } else if (name == u"iat" || name == u"nbf") {
        value = now;
    } else if (name == u"jti") {
        value = randomJti();
    } else if (name == u"iss") {
        value = valueText.isEmpty() ? QStringLiteral("https://issuer.example.com") : valueText;
    } else if (name == u"sub") {
        value = valueText.isEmpty() ? QStringLiteral("user-123") : valueText;
    } else if (name == u"aud") {
        if (values.size() > 1)
            value = QJsonArray::fromStringList(values);
        else
            value = values.isEmpty() ? QStringLiteral("api.example.com") : values.first();
    } else if (name == u"roles") {
        value = QJsonArray::fromStringList(values.isEmpty() ? QStringList {QStringLiteral("user")} : values);
    } else if (name == u"scope") {
        value = values.isEmpty() ? QStringLiteral("read write") : values.join(u' ');
    } else {
        Q_EMIT statusMessage(tr("Unknown quick claim %1").arg(name));
        return;
    }
    // The member is set in place (or appended): the user's order, spelling and other values stay as written.
    const QString updated = QString::fromUtf8(common::JsonSource::setMember(claimsText().toUtf8(), name, value));
    if (updated != claimsText())
        setClaimsText(updated);
}

ComposerPage::EditorCheck ComposerPage::checkEditor(QPlainTextEdit *edit, const QString &notAnObject) const
{
    EditorCheck check;
    const QString text = edit->toPlainText();
    if (text.trimmed().isEmpty()) {
        check.ok = true;
        return check;
    }
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; the editor counts UTF-16 characters.
        qsizetype pos = QString::fromUtf8(utf8.left(error.offset)).size();
        const QString problem = error.errorString();
        bool missingComma = false;
        if (error.error == QJsonParseError::UnterminatedObject || error.error == QJsonParseError::UnterminatedArray
            || error.error == QJsonParseError::MissingValueSeparator) {
            // Qt stops inside the next member (past its opening quote); the mistake is the missing comma right
            // after the previous value, so point there.
            qsizetype p = std::min(pos, text.size());
            if (p > 0 && text.at(p - 1) == u'"')
                --p;
            qsizetype back = p;
            while (back > 0 && text.at(back - 1).isSpace())
                --back;
            if (back < p && back > 0 && pos < text.size()) {
                pos = back;
                missingComma = true;
            }
        }
        if (error.error == QJsonParseError::IllegalValue || error.error == QJsonParseError::IllegalNumber) {
            // Qt reports the offset after the bad word ("tru", "01"); point at its first character instead.
            qsizetype p = std::min(pos, text.size());
            while (p > 0 && text.at(p - 1).isSpace())
                --p;
            const auto isWordChar = [](QChar c) { return c.isLetterOrNumber() || c == u'.' || c == u'+' || c == u'-'; };
            qsizetype start = p;
            while (start > 0 && isWordChar(text.at(start - 1)))
                --start;
            if (start < p)
                pos = start;
        }
        const qsizetype lineStart = pos == 0 ? 0 : text.lastIndexOf(u'\n', pos - 1) + 1;
        const qsizetype line = text.left(pos).count(u'\n') + 1;
        const qsizetype column = pos - lineStart + 1;
        check.message = (missingComma ? tr("Line %1, column %2: %3 (missing comma?)") : tr("Line %1, column %2: %3"))
                            .arg(line)
                            .arg(column)
                            .arg(problem);
        // Mark the character before a missing comma (a line end itself cannot be seen).
        check.errorPosition = missingComma ? pos - 1 : pos;
        return check;
    }
    if (!doc.isObject()) {
        check.message = notAnObject;
        check.errorPosition = text.indexOf(QRegularExpression(QStringLiteral("\\S")));
        return check;
    }
    const QStringList duplicates = common::JsonText::duplicateKeys(utf8);
    if (!duplicates.isEmpty()) {
        check.message = tr("Duplicate member %1: KrakenD (go-jose) rejects such tokens")
                            .arg(QStringLiteral("\"") + duplicates.join(QStringLiteral("\", \"")) + u'"');
        return check;
    }
    check.ok = true;
    check.object = doc.object();
    return check;
}

void ComposerPage::showEditorCheck(QPlainTextEdit *edit, QLabel *label, const EditorCheck &check)
{
    label->setText(check.message);
    label->setVisible(!check.message.isEmpty());
    QList<QTextEdit::ExtraSelection> selections;
    if (check.errorPosition >= 0) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(edit->document());
        qsizetype pos = check.errorPosition;
        const qsizetype length = edit->document()->characterCount() - 1;
        if (pos >= length)
            pos = std::max<qsizetype>(0, length - 1);
        mark.cursor.setPosition(static_cast<int>(pos));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setBackground(Theme::severityBackground(common::Severity::Error, palette()));
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(Theme::severityColor(common::Severity::Error, palette()));
        mark.format.setToolTip(check.message);
        selections.append(mark);
    }
    edit->setExtraSelections(selections);
}

bool ComposerPage::validate()
{
    const EditorCheck header = checkEditor(m_headerEdit, tr("The header must be a JSON object { … }"));
    const EditorCheck claims = checkEditor(m_claimsEdit, tr("The claims must be a JSON object { … }"));
    EditorCheck headerShown = header;
    if (header.ok && header.object.contains(QStringLiteral("alg"))) {
        const QJsonValue alg = header.object.value(QStringLiteral("alg"));
        if (alg.toString() != algorithm() || !alg.isString()) {
            headerShown.ok = false;
            headerShown.message
                = tr("The header sets alg to %1 but the chosen algorithm is %2: choose "
                     "the algorithm in the list")
                      .arg(common::JsonText::compact(alg), algorithm().isEmpty() ? tr("none yet") : algorithm());
            headerShown.errorPosition = -1;
        }
    }
    showEditorCheck(m_headerEdit, m_headerError, headerShown);
    showEditorCheck(m_claimsEdit, m_claimsError, claims);
    updateTimes(claims.object);

    QStringList problems;
    if (!headerShown.ok)
        problems.append(tr("Header: %1").arg(headerShown.message));
    if (!claims.ok)
        problems.append(tr("Claims: %1").arg(claims.message));
    if (keySource() < 0) {
        if (!m_encrypt->isOn())
            problems.append(tr("No signing key: generate one or add one on the Keys page"));
    } else if (algorithm().isEmpty()) {
        problems.append(tr("The chosen key cannot sign"));
    }
    m_error = problems.join(u'\n');
    m_inputsValid = problems.isEmpty();
    m_signButton->setEnabled(m_inputsValid);
    return m_inputsValid;
}

void ComposerPage::followTicker(Ticker *ticker)
{
    connect(ticker, &Ticker::ticked, this, [this] { updateTimes(m_timesClaims); });
}

void ComposerPage::updateTimes(const QJsonObject &claims)
{
    m_timesClaims = claims;
    QStringList lines;
    const qint64 now = m_clock->nowSecs();
    for (const auto &name : {QStringLiteral("iat"), QStringLiteral("nbf"), QStringLiteral("exp")}) {
        if (!claims.contains(name))
            continue;
        const QJsonValue value = claims.value(name);
        if (!value.isDouble()) {
            lines.append(tr("<b>%1</b>: <span style=\"color:%2\">not a number (NumericDate expected)</span>")
                             .arg(name, Theme::severityColor(common::Severity::Warning, palette()).name()));
            continue;
        }
        const auto secs = static_cast<qint64>(value.toDouble());
        const QString when
            = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        lines.append(tr("<b>%1</b>: %2 UTC (%3)").arg(name, when, common::Duration::relative(secs, now)));
    }
    m_timesLabel->setText(lines.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    m_timesLabel->setVisible(!lines.isEmpty());
}

void ComposerPage::onInputsChanged()
{
    if (!validate()) {
        m_debounce->stop();
        clearToken();
        return;
    }
    if (m_autoSign->isChecked())
        m_debounce->start();
}

bool ComposerPage::signNow()
{
    m_debounce->stop();
    if (!validate()) {
        clearToken();
        return false;
    }
    if (keySource() < 0) { // Encrypt without a signing key: the claims as written, encrypted (no cty)
        m_error.clear();
        m_warnings.clear();
        encryptContent(m_claimsEdit->toPlainText().toUtf8(), false);
        return true;
    }
    const auto alg = crypto::Algorithms::fromName(algorithm());
    const KeySource &source = m_ring->at(keySource());
    if (!alg || !source.keys) {
        m_error = tr("The chosen key cannot sign");
        clearToken();
        return false;
    }
    const EditorCheck header = checkEditor(m_headerEdit, tr("The header must be a JSON object { … }"));
    const EditorCheck claims = checkEditor(m_claimsEdit, tr("The claims must be a JSON object { … }"));
    QJsonObject extraHeader;
    const QString typ = m_typEdit->text().trimmed();
    if (!typ.isEmpty())
        extraHeader.insert(QStringLiteral("typ"), typ);
    for (auto it = header.object.begin(); it != header.object.end(); ++it)
        extraHeader.insert(it.key(), it.value());
    const QString kid = m_kidEdit->text().trimmed();
    // SD-JWT: the chosen claims become Disclosures, decided in core; the payload signed holds their digests.
    QStringList sdNames;
    for (const QString &name : m_sdClaimsEdit->text().split(u','))
        if (!name.trimmed().isEmpty())
            sdNames << name.trimmed();
    QJsonObject payload = claims.object;
    std::optional<jose::SdJwtIssue> sdIssue;
    if (!sdNames.isEmpty()) {
        auto issue = jose::makeSelectivelyDisclosable(claims.object, sdNames);
        if (!issue) {
            m_error = tr("SD-JWT: %1").arg(issue.error().message);
            clearToken();
            return false;
        }
        sdIssue = issue.value();
        payload = sdIssue->payload;
    }
    auto signedToken = keys::TokenSigner::sign(
        *alg, *source.keys, payload, extraHeader, kid.isEmpty() ? std::nullopt : std::optional<QString>(kid));
    if (!signedToken) {
        m_error = signedToken.error().message;
        clearToken();
        return false;
    }
    m_error.clear();
    const QString token
        = sdIssue ? QString::fromLatin1(sdIssue->compact(signedToken->token.toLatin1())) : signedToken->token;
    m_warnings = signedToken->warnings;
    if (m_encrypt->isOn()) {
        encryptContent(token.toUtf8(), true);
        return true;
    }
    m_encryptJob.cancel();
    m_encryptedWith.clear();
    m_token = token;
    showToken();
    return true;
}

void ComposerPage::encryptContent(const QByteArray &plaintext, bool signedToken)
{
    auto request = m_encrypt->request();
    if (request && !signedToken)
        request->options.protectedHeader.remove(QStringLiteral("cty"));
    const QStringList warnings = m_warnings;
    if (!request) {
        m_error = request.error().message;
        clearToken();
        return;
    }
    clearToken();
    m_resultLabel->setText(tr("Encrypting…"));
    m_encryptJob.run(
        this,
        [plaintext, request = request.value()](
            const common::CancelToken &) { return jose::encryptJwe(plaintext, request.key, request.options); },
        [this, words = request->words, warnings, signedToken](common::Result<QByteArray> jwe) {
            if (!jwe) {
                m_error = tr("Encrypt: %1").arg(jwe.error().message);
                clearToken();
                return;
            }
            m_token = QString::fromUtf8(jwe.value());
            m_warnings = warnings;
            m_encryptedWith = words;
            m_signedToo = signedToken;
            showToken();
        });
}

void ComposerPage::showToken()
{
    m_tokenView->replaceText(m_token);
    m_tokenView->applyMarkup(TokenMarkup::of(jose::TokenParser::parse(m_token)));
    const QString alg = algorithm();
    const int length = static_cast<int>(m_token.size());
    if (m_encryptedWith.isEmpty())
        m_resultLabel->setText(tr("Signed with %1 — %n character(s)", nullptr, length).arg(alg));
    else if (m_signedToo)
        m_resultLabel->setText(
            tr("Signed with %1, encrypted (%2) — %n character(s)", nullptr, length).arg(alg, m_encryptedWith));
    else
        m_resultLabel->setText(
            tr("Encrypted, not signed (%1) — %n character(s)", nullptr, length).arg(m_encryptedWith));
    m_resultLabel->setStyleSheet(QString());
    m_warningsLabel->setText(
        m_warnings.isEmpty() ? QString() : QStringLiteral("\u26a0 ") + m_warnings.join(QStringLiteral("\n\u26a0 ")));
    m_warningsLabel->setVisible(!m_warnings.isEmpty());
    for (auto *button : {m_copyButton, m_sendButton, m_curlButton})
        button->setEnabled(true);
}

void ComposerPage::clearToken()
{
    m_encryptJob.cancel(); // a pending encryption of inputs that are gone
    m_encryptedWith.clear();
    m_token.clear();
    m_warnings.clear();
    m_tokenView->replaceText(QString());
    m_tokenView->applyMarkup(TokenMarkup {});
    m_warningsLabel->setVisible(false);
    m_resultLabel->setText(m_error.isEmpty() ? tr("Not signed yet.") : m_error);
    // No key yet is a hint (the empty state above says what to do), not an error.
    m_resultLabel->setStyleSheet(m_error.isEmpty() || keySource() < 0
            ? QString()
            : QStringLiteral("color: %1").arg(Theme::severityColor(common::Severity::Error, palette()).name()));
    for (auto *button : {m_copyButton, m_sendButton, m_curlButton})
        button->setEnabled(false);
}

void ComposerPage::generateQuickKey(bool hmac)
{
    if (!m_ring)
        return;
    const crypto::Algorithm alg = hmac ? crypto::Algorithm::HS256 : crypto::Algorithm::ES256;
    // The kid is the first 12 characters of the key's RFC 7638 thumbprint.
    auto jwk = keys::KeyGenerator::generate(alg, keys::KeyIdRule::thumbprint(QString(), 12));
    if (!jwk) {
        Q_EMIT statusMessage(tr("Could not generate a key: %1").arg(jwk.error().message));
        return;
    }
    m_wantedAlg = crypto::Algorithms::name(alg);
    const int index
        = m_ring->add(KeyRing::generated(hmac ? tr("Composer HS256 secret") : tr("Composer ES256 key"), jwk.value()));
    refreshKeys();
    setKeySource(index);
    Q_EMIT statusMessage(hmac
            ? tr("Generated an HS256 secret into the workspace's keys (not saved unless you choose to).")
            : tr("Generated an ES256 key into the workspace's keys (not saved unless you choose to)."));
}

void ComposerPage::copyToken()
{
    if (m_token.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_token);
    Q_EMIT statusMessage(tr("Token copied to the clipboard."));
}

void ComposerPage::copyCurl()
{
    if (m_token.isEmpty())
        return;
    // `curl -H 'Authorization: Bearer TOKEN' 'URL'`, every argument shell-quoted; no URL: http://localhost:8080/.
    const QString curl
        = krakend::RequestBuilder(m_token).setBaseUrl(m_urlEdit->text().trimmed()).setShowResponseHeaders(false).curl();
    QGuiApplication::clipboard()->setText(curl);
    Q_EMIT statusMessage(tr("curl command copied to the clipboard."));
}

QJsonObject ComposerPage::toWorkspaceJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("claims"), claimsText());
    json.insert(QStringLiteral("header"), headerText());
    json.insert(QStringLiteral("alg"), algorithm());
    json.insert(QStringLiteral("typ"), m_typEdit->text());
    json.insert(QStringLiteral("kid"), m_kidEdit->text());
    json.insert(QStringLiteral("source"), chosenSourceId());
    json.insert(QStringLiteral("exp_duration"), m_durationCombo->currentText());
    json.insert(QStringLiteral("curl_url"), m_urlEdit->text());
    return json;
}

void ComposerPage::fromWorkspaceJson(const QJsonObject &json)
{
    if (json.contains(QStringLiteral("claims")))
        setClaimsText(json.value(QStringLiteral("claims")).toString());
    if (json.contains(QStringLiteral("header")))
        setHeaderText(json.value(QStringLiteral("header")).toString());
    if (json.contains(QStringLiteral("typ")))
        m_typEdit->setText(json.value(QStringLiteral("typ")).toString());
    m_kidEdit->setText(json.value(QStringLiteral("kid")).toString());
    if (json.contains(QStringLiteral("exp_duration")))
        m_durationCombo->setCurrentText(json.value(QStringLiteral("exp_duration")).toString());
    if (json.contains(QStringLiteral("curl_url")))
        m_urlEdit->setText(json.value(QStringLiteral("curl_url")).toString());
    // The ring may load the source later (a workspace is read before its keys): remember what to pick.
    m_wantedSourceId = json.value(QStringLiteral("source")).toString();
    m_wantedAlg = json.value(QStringLiteral("alg")).toString();
    refreshKeys();
}

void ComposerPage::applyColours()
{
    const QPalette pal = palette();
    m_headerHighlighter->setPalette(pal);
    m_claimsHighlighter->setPalette(pal);
    const QString error = Theme::severityColor(common::Severity::Error, pal).name();
    const QString warning = Theme::severityColor(common::Severity::Warning, pal).name();
    m_headerError->setStyleSheet(QStringLiteral("color: %1").arg(error));
    m_claimsError->setStyleSheet(QStringLiteral("color: %1").arg(error));
    m_warningsLabel->setStyleSheet(QStringLiteral("color: %1").arg(warning));
    m_keyInfo->setStyleSheet(QStringLiteral("color: %1").arg(pal.color(QPalette::PlaceholderText).name()));
}

void ComposerPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        validate();
        if (m_token.isEmpty())
            clearToken();
        else
            showToken();
    }
}

} // namespace jwb::ui
