#include "inspector/DecryptPanel.h"

#include "common/Debouncer.h"
#include "common/JsonHighlighter.h"
#include "common/KeyChoiceBox.h"
#include "common/LongText.h"
#include "common/Theme.h"
#include "crypto/Encryption.h"
#include "keys/KeyLoader.h"
#include "verification/Verify.h"
#include "workspace/KeyResolver.h"
#include "workspace/KeyRing.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace jwb::ui {

using workspace::KeyChoice;

DecryptPanel::DecryptPanel(std::shared_ptr<const common::Clock> clock, QWidget *parent)
    : QWidget(parent), m_clock(std::move(clock))
{
    setObjectName(QStringLiteral("decryptPanel"));
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("decryptIntro"));
    m_intro->setWordWrap(true);

    buildKeyRow();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("decryptStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    LongText::fitAnyWidth(m_status);
    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("decryptFindings"));
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    LongText::fitAnyWidth(m_findings);
    m_findings->hide();

    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(QStringLiteral("decryptedContent"));
    m_content->setReadOnly(true);
    m_content->setFont(Theme::monospaceFont());
    m_content->setAccessibleName(tr("Decrypted content"));
    m_content->setPlaceholderText(tr("The decrypted content appears here."));
    m_highlighter = new JsonHighlighter(m_content->document());

    m_innerVerdict = new QLabel(this);
    m_innerVerdict->setObjectName(QStringLiteral("innerVerdict"));
    m_innerVerdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    LongText::fitAnyWidth(m_innerVerdict);
    m_openInnerButton = new QPushButton(tr("Open inner token"), this);
    m_openInnerButton->setObjectName(QStringLiteral("openInnerButton"));
    m_openInnerButton->setToolTip(tr("Open the nested JWT as a new input of the Inspector, to see its claims, "
                                     "findings and signature"));
    auto *innerRow = new QHBoxLayout;
    innerRow->addWidget(m_innerVerdict, 1);
    innerRow->addWidget(m_openInnerButton);
    m_innerVerdict->hide();
    m_openInnerButton->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_intro);
    auto *sourceRow = new QHBoxLayout;
    auto *sourceLabel = new QLabel(tr("Keys from"), this);
    sourceLabel->setBuddy(m_keys->combo());
    sourceRow->addWidget(sourceLabel);
    sourceRow->addWidget(m_keys->combo(), 1);
    sourceRow->addWidget(m_decryptButton);
    layout->addLayout(sourceRow);
    layout->addWidget(m_keys->line()); // outside the form: a wrapping label there takes rows of room
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Pasted key"), m_keyEdit);
    form->addRow(tr("PBES2 password"), m_passwordEdit);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_findings);
    layout->addLayout(innerRow);
    layout->addWidget(m_content, 1);

    m_debounce = new Debouncer(
        kDebounceMs, [this] { decryptNow(); }, {}, this);
    connect(m_keyEdit, &QPlainTextEdit::textChanged, m_debounce, &Debouncer::start);
    connect(m_passwordEdit, &QLineEdit::textChanged, m_debounce, &Debouncer::start);
    connect(m_keys, &KeyChoiceBox::changed, m_debounce, &Debouncer::start);
    connect(m_decryptButton, &QPushButton::clicked, this, &DecryptPanel::decryptNow);
    connect(m_openInnerButton, &QPushButton::clicked, this, [this] {
        if (m_decryption && m_decryption->inner)
            Q_EMIT openInnerRequested(QString::fromUtf8(m_decryption->inner->token.compact));
    });
    setInspection(m_inspection);
}

DecryptPanel::~DecryptPanel() = default;

void DecryptPanel::buildKeyRow()
{
    m_keys = new KeyChoiceBox(
        KeyChoiceBox::Kind::Inspector, QStringLiteral("decryptKeyCombo"), QStringLiteral("decryptKeysLine"), this);
    m_keys->combo()->setAccessibleName(tr("Decryption keys from"));
    m_keys->combo()->setToolTip(tr("Automatic: the source of the Keys page holding the JWE's key id (kid), else the "
                                   "key pasted below. Or choose a source: its private keys and secrets are tried."));
    m_keys->combo()->setMinimumContentsLength(12);
    m_decryptButton = new QPushButton(tr("Decrypt"), this);
    m_decryptButton->setObjectName(QStringLiteral("decryptButton"));
    m_keyEdit = new QPlainTextEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("decryptKeyEdit"));
    m_keyEdit->setFont(Theme::monospaceFont());
    m_keyEdit->setPlaceholderText(tr("Paste a private key (JWK, JWK Set, PEM) or a shared secret"));
    m_keyEdit->setAccessibleName(tr("Decryption key"));
    m_keyEdit->setTabChangesFocus(true);
    m_keyEdit->setFixedHeight(m_keyEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("decryptPasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setAccessibleName(tr("PBES2 password"));
    m_passwordEdit->setPlaceholderText(tr("For alg PBES2-…: the password"));
    m_passwordEdit->setToolTip(tr("Never logged nor saved with the workspace."));
}

void DecryptPanel::setClock(std::shared_ptr<const common::Clock> clock)
{
    m_clock = std::move(clock);
}

void DecryptPanel::setKeyRing(workspace::KeyRing *ring)
{
    m_keys->setKeyRing(ring);
}

bool DecryptPanel::isJwe() const
{
    return verification::looksLikeJwe(m_inspection);
}

void DecryptPanel::setInspection(const jose::Inspection &inspection)
{
    // The same text again (the Inspector's time refresh): PBES2 is not run again; a nested JWT is judged anew.
    const bool same = m_decryption && !m_job.isRunning() && inspection.token.input == m_inspection.token.input;
    m_inspection = inspection;
    if (same) {
        if (m_decryption->inner) {
            m_decryption->innerReport.reset();
            show(std::move(*m_decryption), m_context);
        }
        return;
    }
    const bool jwe = isJwe();
    m_intro->setText(jwe ? tr("Decrypt this JWE with a private key or secret of the key ring, or one pasted here. "
                              "The token never supplies its own key.")
                         : tr("Only an encrypted token (JWE: five segments, or the JSON serialization) can be "
                              "decrypted. This input is none."));
    for (QWidget *w : {static_cast<QWidget *>(m_keys->combo()), static_cast<QWidget *>(m_keyEdit),
             static_cast<QWidget *>(m_passwordEdit), static_cast<QWidget *>(m_decryptButton)})
        w->setEnabled(jwe);
    decryptNow();
}

verification::Context DecryptPanel::decryptionContext()
{
    verification::Context context;
    context.clock = m_clock;
    workspace::KeyNeed need = workspace::KeyNeed::forToken(m_inspection);
    need.hasPastedKey = !m_keyEdit->toPlainText().trimmed().isEmpty();
    const KeyChoice choice = m_keys->resolve(need);
    m_keys->showChoice(choice);
    if (choice.kind != KeyChoice::Kind::Pasted) {
        m_keys->apply(context, choice);
        return context;
    }
    const keys::KeyLoader::Pasted pasted = keys::KeyLoader::classifyPasted(m_keyEdit->toPlainText());
    context.keyLabel = tr("the key pasted in Decrypt");
    if (pasted.kind == keys::KeyLoader::Pasted::Kind::Key) {
        context.keys = pasted.keys;
    } else if (pasted.kind == keys::KeyLoader::Pasted::Kind::Secret) {
        auto set = keys::KeyLoader::fromSecret(m_keyEdit->toPlainText().trimmed().toUtf8(), pasted.encoding);
        if (set)
            context.keys = set.value();
        else
            context.keyError = set.error();
    } else if (pasted.error) {
        context.keyError = pasted.error;
    }
    return context;
}

verification::Context DecryptPanel::innerContext(
    const jose::Inspection &inner, const verification::Context &outer) const
{
    // The inner token's key is found as for any token: the source holding its kid, else its issuer's source; when
    // the ring has none, the decryption's own keys (a JWK Set that holds the signer's public key too).
    if (!m_keys->ring() || !m_keys->trust())
        return outer;
    const workspace::KeyResolver resolver(*m_keys->ring(), *m_keys->trust());
    const KeyChoice choice = resolver.resolve(workspace::KeyNeed::forToken(inner));
    if (choice.kind != KeyChoice::Kind::Source)
        return outer;
    verification::Context context;
    context.clock = m_clock;
    m_keys->apply(context, choice);
    return context;
}

void DecryptPanel::decryptNow()
{
    m_debounce->cancel();
    m_job.cancel();
    m_decryption.reset();
    const bool jwe = isJwe();
    m_innerVerdict->hide();
    m_openInnerButton->hide();
    m_findings->hide();
    m_content->clear();
    if (!jwe) {
        m_status->clear();
        return;
    }
    verification::Context context = decryptionContext();
    verification::DecryptOptions options;
    options.password = m_passwordEdit->text().toUtf8();
    // The inner token is judged below, on this thread, where the key ring can be read.
    options.innerContext = [clock = m_clock](const jose::Inspection &) {
        verification::Context none;
        none.clock = clock;
        return none;
    };
    if (!context.keys && !context.keyError && !context.keysPending && options.password.isEmpty()) {
        m_status->setText(tr("Choose a key source holding the recipient's private key, or paste a key, a secret "
                             "or a password."));
        return;
    }
    m_status->setText(tr("Decrypting…"));
    m_job.run(
        this,
        [inspection = m_inspection, context, options](
            const common::CancelToken &) { return verification::decrypt(inspection, context, options); },
        [this, context](verification::Decryption d) { show(std::move(d), context); });
}

void DecryptPanel::show(verification::Decryption d, const verification::Context &context)
{
    m_context = context;
    m_context.clock = m_clock; // "Evaluate at" may have moved since
    if (d.inner) {
        d.inner = jose::Inspection::inspect(QString::fromUtf8(d.inner->token.compact), m_clock->nowSecs());
        d.innerReport = verification::verify(*d.inner, innerContext(*d.inner, m_context));
    }
    m_decryption = std::move(d);
    const verification::Decryption &r = *m_decryption;
    const QPalette pal = palette();
    if (r.error) {
        m_status->setText(tr("Not decrypted: %1").arg(r.error->message));
        m_status->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::severityColor(common::Severity::Error, pal).name()));
    } else {
        QString key = r.key.type;
        if (!r.key.kid.isEmpty())
            key = tr("%1 key “%2”").arg(r.key.type, r.key.kid);
        if (!r.key.label.isEmpty())
            key = tr("%1 from %2").arg(key, r.key.label);
        m_status->setText(
            tr("Decrypted with %1 (%2, %3%4).")
                .arg(key, crypto::JweAlgorithms::name(r.result->alg), crypto::JweAlgorithms::name(r.result->enc),
                    r.result->compressed ? tr(", compressed") : QString()));
        m_status->setStyleSheet(QString());
    }
    QStringList findings;
    for (const auto &f : r.findings)
        findings << QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                        .arg(Theme::severityColor(f.severity, pal).name(),
                            f.severity == common::Severity::Warning     ? tr("Warning:")
                                : f.severity == common::Severity::Error ? tr("Error:")
                                                                        : tr("Note:"),
                            f.message.toHtmlEscaped());
    m_findings->setText(findings.join(QStringLiteral("<br>")));
    m_findings->setVisible(!findings.isEmpty());
    showContent(r);
    showNested(r);
    Q_EMIT decrypted();
}

void DecryptPanel::showContent(const verification::Decryption &d)
{
    m_highlighter->setPalette(palette());
    if (!d.decrypted())
        return;
    if (d.inner) {
        // The inner token's parts, as the Decoded tab would show them.
        QString text = tr("Nested JWT header:") + u'\n'
            + QString::fromUtf8(QJsonDocument(d.inner->token.header).toJson(QJsonDocument::Indented)).trimmed();
        if (d.inner->token.payloadIsJson)
            text += u"\n\n" + tr("Nested JWT payload:") + u'\n'
                + QString::fromUtf8(QJsonDocument(d.inner->token.payload).toJson(QJsonDocument::Indented)).trimmed();
        m_highlighter->setDocument(m_content->document());
        m_content->setPlainText(text);
        return;
    }
    // Prose is not JSON: no JSON colours on it.
    m_highlighter->setDocument(d.contentIsJson() ? m_content->document() : nullptr);
    m_content->setPlainText(LongText::elide(d.contentText()).text());
}

void DecryptPanel::showNested(const verification::Decryption &d)
{
    if (!d.inner || !d.innerReport)
        return;
    const verification::Report &report = *d.innerReport;
    QString verdict;
    common::Severity tone = common::Severity::Info;
    switch (report.verdict) {
    case common::Verdict::Valid:
        verdict = tr("Nested JWT: signature and claims valid (%1).").arg(report.key.label);
        break;
    case common::Verdict::NotVerified:
        verdict = tr("Nested JWT: not verified; no key for its signature (open it to choose one).");
        tone = common::Severity::Warning;
        break;
    default:
        verdict = tr("Nested JWT: invalid. %1").arg(report.summary);
        tone = common::Severity::Error;
        break;
    }
    m_innerVerdict->setText(verdict);
    m_innerVerdict->setStyleSheet(tone == common::Severity::Info
            ? QString()
            : QStringLiteral("color: %1;").arg(Theme::severityColor(tone, palette()).name()));
    m_innerVerdict->show();
    m_openInnerButton->show();
}

QString DecryptPanel::summary() const
{
    if (!m_decryption)
        return {};
    if (m_decryption->error)
        return tr("Not decrypted: %1").arg(m_decryption->error->message);
    if (m_decryption->innerReport)
        return m_decryption->innerReport->verdict == common::Verdict::Valid
            ? tr("Decrypted: a nested JWT, valid.")
            : tr("Decrypted: a nested JWT, not valid (see Decrypt).");
    return tr("Decrypted (see Decrypt).");
}

} // namespace jwb::ui
