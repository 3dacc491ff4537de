#include "verify/VerifyPanel.h"

#include "common/CryptoStartup.h"

#include "common/Dialogs.h"
#include "common/Theme.h"
#include "crypto/Algorithm.h"
#include "crypto/Backend.h"
#include "keys/FetchPrompt.h"
#include "keys/KeyLoader.h"
#include "keys/KeyRing.h"
#include "keys/KeySourcesModel.h"
#include "validation/Policy.h"
#include "validation/Verifier.h"

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
#include <QStringDecoder>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace jwb::ui {

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
    connect(m_secretCheck, &QCheckBox::toggled, m_encodingCombo, &QWidget::setEnabled);
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, m_debounce, restart);
    connect(m_algCombo, &QComboBox::currentIndexChanged, m_debounce, restart);
    connect(m_issuerEdit, &QLineEdit::textChanged, m_debounce, restart);
    connect(m_audienceEdit, &QLineEdit::textChanged, m_debounce, restart);
    connect(m_leewaySpin, &QSpinBox::valueChanged, m_debounce, restart);
    connect(m_typEdit, &QLineEdit::textChanged, m_debounce, restart);
    connect(m_weakKeysCheck, &QCheckBox::toggled, m_debounce, restart);
    connect(m_openKeyButton, &QPushButton::clicked, this, &VerifyPanel::chooseKeyFile);

    verifyNow();
}

VerifyPanel::~VerifyPanel() = default;

QWidget *VerifyPanel::buildKeyGroup()
{
    auto *group = new QGroupBox(tr("Key"), this);

    auto *sourceLabel = new QLabel(tr("Keys from"), group);
    m_sourceCombo = new QComboBox(group);
    m_sourceCombo->setObjectName(QStringLiteral("keySourceCombo"));
    m_sourceCombo->setAccessibleName(tr("Keys from"));
    m_sourceCombo->setToolTip(
        tr("Verify with the key pasted here, or with a source of the Keys page (a file, a JWK Set URL, an issuer)"));
    m_sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sourceCombo->setMinimumContentsLength(24);
    m_sourceCombo->addItem(tr("The key pasted below"), QString());
    sourceLabel->setBuddy(m_sourceCombo);
    m_issuerButton = new QPushButton(tr("Use the issuer's keys"), group);
    m_issuerButton->setObjectName(QStringLiteral("useIssuerButton"));
    m_issuerButton->setToolTip(
        tr("Fetch the signing keys of the token's issuer (iss) through OpenID Connect discovery and verify with "
           "them. The request goes to the issuer's own server; the token is not sent anywhere."));
    m_issuerButton->setEnabled(false);
    m_sourceStatus = new QLabel(group);
    m_sourceStatus->setObjectName(QStringLiteral("keySourceStatus"));
    m_sourceStatus->setWordWrap(true);
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
    pastedLayout->addLayout(row);

    auto *layout = new QVBoxLayout(group);
    layout->addLayout(sourceRow);
    layout->addWidget(m_sourceStatus);
    layout->addWidget(m_pastedKeyBox, 1);
    connect(m_sourceCombo, &QComboBox::activated, this, &VerifyPanel::onSourceChosen);
    connect(m_issuerButton, &QPushButton::clicked, this, &VerifyPanel::useTokenIssuer);
    return group;
}

QWidget *VerifyPanel::buildPolicyGroup()
{
    auto *group = new QGroupBox(tr("Rules"), this);

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
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Algorithm"), m_algCombo);
    form->addRow(tr("Issuer"), m_issuerEdit);
    form->addRow(tr("Audience"), m_audienceEdit);
    form->addRow(tr("Type"), m_typEdit);
    form->addRow(tr("Leeway"), m_leewaySpin);
    form->addRow(QString(), m_weakKeysCheck);
    return group;
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
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_keyLabel = new QLabel(results);
    m_keyLabel->setObjectName(QStringLiteral("keyUsedLabel"));
    m_keyLabel->setTextFormat(Qt::PlainText);
    m_keyLabel->setWordWrap(true);
    m_keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyLabel->hide();

    m_checksView = new QTreeWidget(results);
    m_checksView->setObjectName(QStringLiteral("checksView"));
    m_checksView->setColumnCount(3);
    m_checksView->setHeaderLabels({tr("Result"), tr("Check"), tr("Message")});
    m_checksView->setRootIsDecorated(false);
    m_checksView->setAlternatingRowColors(true);
    m_checksView->setWordWrap(true);
    m_checksView->setUniformRowHeights(false);
    m_checksView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checksView->header()->setStretchLastSection(true);
    m_checksView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checksView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

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
    m_debounce->start();
}

void VerifyPanel::setKeyRing(KeyRing *ring)
{
    if (m_ring)
        m_ring->disconnect(this);
    m_ring = ring;
    if (m_ring) {
        connect(m_ring, &KeyRing::sourcesChanged, this, &VerifyPanel::updateSourceCombo);
        connect(m_ring, &KeyRing::sourceChanged, this, [this](int index) {
            if (index >= 0 && index < m_ring->count() && m_ring->at(index).id == m_sourceId)
                m_debounce->start();
            updateSourceCombo();
        });
    }
    updateSourceCombo();
    updateIssuerButton();
}

void VerifyPanel::updateSourceCombo()
{
    const QSignalBlocker blocker(m_sourceCombo);
    while (m_sourceCombo->count() > 1)
        m_sourceCombo->removeItem(1);
    int current = 0;
    if (m_ring) {
        for (int i = 0; i < m_ring->count(); ++i) {
            const KeySource &source = m_ring->at(i);
            QString label = source.name;
            if (source.fetching)
                label = tr("%1 (fetching…)").arg(source.name);
            else if (source.keys)
                label = tr("%1 (%n key(s))", nullptr, static_cast<int>(source.keys->keys.size())).arg(source.name);
            else if (source.error)
                label = tr("%1 (error)").arg(source.name);
            m_sourceCombo->addItem(label, source.id);
            if (source.id == m_sourceId)
                current = m_sourceCombo->count() - 1;
        }
    }
    if (current == 0 && !m_sourceId.isEmpty()) {
        m_sourceId.clear(); // the source was removed
        m_debounce->start();
    }
    m_sourceCombo->setCurrentIndex(current);
    m_pastedKeyBox->setVisible(m_sourceId.isEmpty());
}

void VerifyPanel::onSourceChosen()
{
    m_sourceId = m_sourceCombo->currentData().toString();
    m_pastedKeyBox->setVisible(m_sourceId.isEmpty());
    verifyNow();
}

void VerifyPanel::setKeySource(int ringIndex)
{
    m_sourceId = (m_ring && ringIndex >= 0 && ringIndex < m_ring->count()) ? m_ring->at(ringIndex).id : QString();
    updateSourceCombo();
    verifyNow();
}

int VerifyPanel::keySource() const
{
    return m_ring && !m_sourceId.isEmpty() ? m_ring->indexOf(m_sourceId) : -1;
}

void VerifyPanel::updateIssuerButton()
{
    const QString iss = m_inspection.token.payload.value(QStringLiteral("iss")).toString();
    const QUrl url(iss);
    const bool usable
        = m_ring && url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") && !url.host().isEmpty();
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
    if (!m_ring || iss.isEmpty())
        return;
    int index = -1;
    for (int i = 0; i < m_ring->count(); ++i) {
        if (m_ring->at(i).kind == KeySource::Kind::Issuer && m_ring->at(i).location == iss) {
            index = i;
            break;
        }
    }
    if (index < 0) {
        m_sourceId.clear();
        index = m_ring->add(KeyRing::url(iss, true));
    } else if (!fetchOnRequest(this, m_ring, index)) {
        return; // a source from a workspace file whose TLS settings the user did not accept
    }
    setKeySource(index);
}

void VerifyPanel::onKeyTextEdited()
{
    // Typing replaces a binary key loaded from a file.
    if (!m_binaryKey.isEmpty() && !m_keyEdit->toPlainText().isEmpty()) {
        m_binaryKey.clear();
        m_binaryKeyName.clear();
        m_keyEdit->setPlaceholderText(tr("Paste a secret, a JWK, a JWK Set or a PEM key/certificate"));
    }
    m_debounce->start();
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
        m_secretCheck->setChecked(false);
    }
    m_debounce->start();
}

void VerifyPanel::verifyNow()
{
    m_debounce->stop();
    const QString keyText = m_keyEdit->toPlainText();
    const int ringIndex = keySource();
    const KeySource *ringSource = ringIndex >= 0 ? &m_ring->at(ringIndex) : nullptr;
    m_sourceStatus->setVisible(ringSource != nullptr);
    if (ringSource) {
        QString status;
        if (ringSource->fetching)
            status
                = tr("Fetching %1: %2").arg(ringSource->location, KeySourcesModel::progressText(ringSource->progress));
        else if (ringSource->error)
            status = ringSource->keys ? tr("Last refresh failed (using the keys fetched before): %1")
                                            .arg(KeySourcesModel::errorText(*ringSource))
                                      : KeySourcesModel::errorText(*ringSource);
        else if (ringSource->keys)
            status = tr("%n key(s) from %1", nullptr, static_cast<int>(ringSource->keys->keys.size()))
                         .arg(ringSource->location.isEmpty() ? ringSource->name : ringSource->location);
        m_sourceStatus->setText(status);
        if (!ringSource->keys) {
            if (ringSource->fetching)
                showNeutral(tr("Fetching keys…"), status);
            else
                showKeyError(!ringSource->error ? QStringLiteral("no_key: ") + tr("the source has no keys")
                                                : KeySourcesModel::errorText(*ringSource));
            return;
        }
    } else if (keyText.trimmed().isEmpty() && m_binaryKey.isEmpty()) {
        showNeutral(tr("Give a key to verify"), tr("Paste a key or a secret above, or open a key file."));
        return;
    }
    if (m_inspection.token.input.trimmed().isEmpty()) {
        showNeutral(tr("No token"), tr("Paste a token on the left to verify it."));
        return;
    }

    if (!crypto::Backend::isInitialized()) {
        // At start-up the crypto self-test runs right after the first paint (app/gui/main.cpp): verify after it
        // rather than running it here, before anything is on screen.
        showNeutral(tr("Verifying…"), tr("Starting the cryptography self-test."));
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
        return;
    }
    common::Result<keys::JwkSet> keySet = [&]() -> common::Result<keys::JwkSet> {
        if (ringSource)
            return *ringSource->keys;
        if (!m_binaryKey.isEmpty() && keyText.isEmpty())
            return keys::KeyLoader::load(m_binaryKey);
        if (m_secretCheck->isChecked()) {
            const auto encoding = keys::KeyLoader::encodingFromName(m_encodingCombo->currentText());
            if (!encoding)
                return encoding.error();
            return keys::KeyLoader::fromSecret(keyText.toUtf8(), encoding.value());
        }
        return keys::KeyLoader::load(keyText.toUtf8());
    }();
    if (!keySet) {
        QString text = keySet.error().toString();
        if (!ringSource && !m_secretCheck->isChecked() && keySet.error().is(common::ErrorCode::UnknownKeyFormat))
            text += tr("\nIf this is a shared secret, tick “Key is a shared secret”.");
        showKeyError(text);
        return;
    }

    validation::Policy policy;
    if (const QString alg = m_algCombo->currentData().toString(); !alg.isEmpty())
        policy.algorithm = crypto::Algorithms::fromName(alg);
    policy.issuer = m_issuerEdit->text().trimmed();
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    policy.audiences = m_audienceEdit->text().split(separators, Qt::SkipEmptyParts);
    policy.leewaySeconds = m_leewaySpin->value();
    policy.requiredTyp = m_typEdit->text().trimmed();
    policy.allowWeakKeys = m_weakKeysCheck->isChecked();
    policy.clock = m_clock;
    showReport(validation::Verifier::verify(m_inspection, keySet.value(), policy));
}

void VerifyPanel::setVerdict(const QString &verdict, const QString &text, const QColor &color)
{
    m_verdict = verdict;
    m_verdictLabel->setText(text);
    setStyleIfChanged(m_verdictLabel, QStringLiteral("color: %1;").arg(color.name(QColor::HexRgb)));
    m_verdictLabel->setProperty("verdict", verdict);
}

void VerifyPanel::showNeutral(const QString &title, const QString &text)
{
    m_keyError.clear();
    setVerdict(QStringLiteral("none"), title, mutedColor(palette()));
    m_detailLabel->setText(text);
    setStyleIfChanged(m_detailLabel, QString());
    m_keyLabel->hide();
    m_checksView->clear();
    Q_EMIT verified();
}

void VerifyPanel::showKeyError(const QString &text)
{
    m_keyError = text;
    const QColor error = Theme::severityColor(common::Severity::Error, palette());
    setVerdict(QStringLiteral("error"), tr("Key error"), error);
    m_detailLabel->setText(text);
    setStyleIfChanged(m_detailLabel, QStringLiteral("color: %1;").arg(error.name(QColor::HexRgb)));
    m_keyLabel->hide();
    m_checksView->clear();
    Q_EMIT verified();
}

void VerifyPanel::showReport(const validation::Report &report)
{
    m_keyError.clear();
    const QPalette pal = palette();
    const QColor ok = okColor(pal);
    const QColor fail = Theme::severityColor(common::Severity::Error, pal);
    const QColor muted = mutedColor(pal);

    if (report.valid) {
        setVerdict(QStringLiteral("valid"), tr("VALID"), ok);
        m_detailLabel->setText(tr("The signature and every rule check out."));
    } else {
        setVerdict(QStringLiteral("invalid"), tr("INVALID"), fail);
        const common::Check *first = report.firstFailure();
        m_detailLabel->setText(first ? QStringLiteral("%1: %2").arg(first->nameText(), first->detail) : QString());
    }
    setStyleIfChanged(m_detailLabel, QString());

    if (report.keyIndex >= 0 || !report.keyType.isEmpty()) {
        QStringList facts;
        facts << tr("Key used: %1").arg(report.keyType.isEmpty() ? QStringLiteral("?") : report.keyType);
        facts << tr("kid %1").arg(report.keyKid.isEmpty() ? tr("(none)") : report.keyKid);
        if (!report.keyThumbprint.isEmpty())
            facts << tr("RFC 7638 thumbprint %1").arg(report.keyThumbprint);
        m_keyLabel->setText(facts.join(QStringLiteral("  \u00b7  ")));
        m_keyLabel->show();
    } else {
        m_keyLabel->hide();
    }

    m_checksView->clear();
    QList<QTreeWidgetItem *> items;
    for (const common::Check &check : report.checks) {
        auto *item = new QTreeWidgetItem;
        const QString result = check.skipped() ? tr("– skip") : check.ok() ? tr("✓ ok") : tr("✗ FAIL");
        item->setText(0, result);
        item->setText(1, check.nameText());
        item->setText(2, check.detail);
        item->setToolTip(2, check.detail);
        item->setForeground(0, check.skipped() ? muted : check.ok() ? ok : fail);
        if (check.failed()) {
            QFont bold = item->font(0);
            bold.setWeight(QFont::Bold);
            item->setFont(0, bold);
        }
        item->setData(0, Qt::UserRole,
            check.skipped()  ? QStringLiteral("skip")
                : check.ok() ? QStringLiteral("ok")
                             : QStringLiteral("FAIL"));
        items.append(item);
    }
    m_checksView->addTopLevelItems(items);
    Q_EMIT verified();
}

void VerifyPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_debounce)
        m_debounce->start();
}

} // namespace jwb::ui
