#include "gateway/BlockTab.h"

#include "gateway/DocumentEditCommand.h"
#include "gateway/GatewayWidgets.h"
#include "gateway/OptionForm.h"
#include "krakend/SignerConfig.h"
#include "krakend/ValidatorConfig.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace jwb::ui {

using common::Severity;
using krakend::Block;
using krakend::EditKind;
namespace GatewayCatalog = krakend::GatewayCatalog;

namespace {

/// The words that differ between the validator's tab and the signer's.
struct BlockTexts
{
    const char *prefix; ///< object names
    const char *add;
    const char *addTip;
    const char *remove;
    const char *removeTip;
    const char *missing; ///< the hint of an endpoint without the block
};

const BlockTexts &textsFor(Block block)
{
    static const BlockTexts validator {"validator", QT_TRANSLATE_NOOP("jwb::ui::BlockTab", "Add validator"),
        QT_TRANSLATE_NOOP(
            "jwb::ui::BlockTab", "Add an auth/validator block to this endpoint (alg and a JWK URL to fill in)"),
        QT_TRANSLATE_NOOP("jwb::ui::BlockTab", "Remove validator"),
        QT_TRANSLATE_NOOP(
            "jwb::ui::BlockTab", "Remove this endpoint's auth/validator block: the endpoint becomes public"),
        QT_TRANSLATE_NOOP("jwb::ui::BlockTab",
            "This endpoint has no auth/validator: KrakenD lets every request through. “Add validator” creates "
            "one; “Suggest from token…” fills one from a token.")};
    static const BlockTexts signer {"signer", QT_TRANSLATE_NOOP("jwb::ui::BlockTab", "Add signer"),
        QT_TRANSLATE_NOOP(
            "jwb::ui::BlockTab", "Add an auth/signer block: KrakenD then signs the listed response fields as JWTs"),
        QT_TRANSLATE_NOOP("jwb::ui::BlockTab", "Remove signer"),
        QT_TRANSLATE_NOOP("jwb::ui::BlockTab", "Remove this endpoint's auth/signer block"),
        QT_TRANSLATE_NOOP("jwb::ui::BlockTab",
            "This endpoint has no auth/signer. A signer makes KrakenD sign fields of the backend response (e.g. "
            "access_token) as JWTs, typically on a login endpoint.")};
    return block == Block::Signer ? signer : validator;
}

} // namespace

BlockTab::BlockTab(krakend::ConfigEditor *editor, Block block, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_block(block)
{
    const BlockTexts &texts = textsFor(block);
    const QString prefix = QString::fromLatin1(texts.prefix);
    const QString capitalised = prefix.at(0).toUpper() + prefix.mid(1);
    setObjectName(prefix + QStringLiteral("Tab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);

    m_head = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(prefix + QStringLiteral("Title"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_add = gateway::makeButton(tr(texts.add), QStringLiteral("add%1Button").arg(capitalised), tr(texts.addTip), this);
    m_remove = gateway::makeButton(
        tr(texts.remove), QStringLiteral("remove%1Button").arg(capitalised), tr(texts.removeTip), this);
    m_head->addWidget(m_title, 1);
    m_head->addWidget(m_add);
    m_head->addWidget(m_remove);
    layout->addLayout(m_head);

    m_banner = new QLabel(this);
    m_banner->setObjectName(prefix + QStringLiteral("Banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(prefix + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    m_content = new QVBoxLayout(content);
    m_content->setContentsMargins(0, 0, 8, 8);
    m_content->setSpacing(10);
    m_hint = gateway::makeHint(prefix + QStringLiteral("Hint"), content);
    m_content->addWidget(m_hint);
    m_form = new OptionForm(prefix, block, content);
    m_content->addWidget(m_form);
    m_content->addStretch(1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    connect(m_add, &QPushButton::clicked, this, [this] { addBlock(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeBlock(); });
    connect(m_form, &OptionForm::optionEdited, this,
        [this](const QString &option, const QJsonValue &value) { setOption(option, value); });
}

void BlockTab::addHeaderButton(QPushButton *button)
{
    m_head->insertWidget(m_head->indexOf(m_add), button);
}

void BlockTab::addBelowForm(QWidget *widget)
{
    // Before the closing stretch.
    m_content->insertWidget(m_content->count() - 1, widget);
}

void BlockTab::setTargetVersion(const QString &version)
{
    m_form->setTargetVersion(version);
}

bool BlockTab::report(const common::Result<void> &result, EditKind kind, const QString &option)
{
    return DocumentEditCommand::report(this, result, {kind, m_block, m_endpoint, option, {}, {}});
}

bool BlockTab::setOption(const QString &option, const QJsonValue &value)
{
    if (m_endpoint < 0)
        return false;
    return report(m_editor->setOption(m_block, m_endpoint, option, value), EditKind::SetOption, option);
}

bool BlockTab::addBlock()
{
    if (m_endpoint < 0 || m_editor->hasBlock(m_block, m_endpoint))
        return false;
    const QString hint = m_jwkUrlHint ? m_jwkUrlHint() : QString();
    if (!report(m_editor->addBlock(m_block, m_endpoint, hint), EditKind::AddBlock))
        return false;
    if (m_block == Block::Validator)
        Q_EMIT statusMessage(tr("Added auth/validator: set jwk_url to your identity provider's JWK Set"));
    return true;
}

bool BlockTab::removeBlock()
{
    if (m_endpoint < 0 || !m_editor->hasBlock(m_block, m_endpoint))
        return false;
    return report(m_editor->removeBlock(m_block, m_endpoint), EditKind::RemoveBlock);
}

QString BlockTab::runtimeBanner(const QJsonObject &members) const
{
    if (m_block == Block::Signer) {
        const auto cfg = krakend::SignerConfig::fromJson(members);
        return cfg.runtimeState() == krakend::RuntimeState::Ok
            ? QString()
            : tr("The signer cannot be created, so this endpoint answers 401 to every request: %1")
                  .arg(cfg.runtimeProblem());
    }
    auto cfg = krakend::ValidatorConfig::fromJson(members);
    cfg.setServiceBlock(m_editor->block(Block::ServiceValidator));
    switch (cfg.runtimeState()) {
    case krakend::RuntimeState::Ok:
        break;
    case krakend::RuntimeState::RejectsAll:
        return tr("KrakenD starts, but this endpoint answers 401 to every request: %1").arg(cfg.runtimeProblem());
    case krakend::RuntimeState::StartupFatal:
        return tr("KrakenD would not start with this block: %1").arg(cfg.runtimeProblem());
    }
    return {};
}

void BlockTab::showEndpoint(int endpoint, const QList<krakend::LintItem> &lint)
{
    const QList<krakend::EndpointInfo> endpoints = m_editor->document().endpoints();
    const bool has = endpoint >= 0 && endpoint < endpoints.size();
    m_endpoint = has ? endpoint : -1;
    const krakend::EndpointInfo info = has ? endpoints.at(endpoint) : krakend::EndpointInfo {};
    const bool present = has && m_editor->hasBlock(m_block, endpoint);
    const bool writable = !m_editor->isReadOnly();
    m_title->setText(has ? QStringLiteral("%1 %2").arg(info.method, info.path) : tr("No endpoint selected"));

    const QJsonObject members = has ? m_editor->block(m_block, endpoint) : QJsonObject();
    common::Findings findings;
    const QString suffix = QStringLiteral(" \u203a ") + GatewayCatalog::ns(m_block);
    for (const auto &item : lint)
        if (has && item.endpoint == endpoint && item.location.endsWith(suffix))
            findings.append(item.finding);
    m_form->setVisible(present);
    m_form->setBlock(members);
    m_form->setFindings(findings);
    m_form->setEditable(writable);

    const QString noEndpoint = endpoints.isEmpty()
        ? tr("This configuration has no endpoints yet. “Add endpoint…” on the left creates one.")
        : tr("Select an endpoint on the left to edit its JWT blocks.");
    m_hint->setText(has ? tr(textsFor(m_block).missing) : noEndpoint);
    m_hint->setVisible(!present);
    m_add->setEnabled(has && !present && writable);
    m_remove->setEnabled(present && writable);

    if (!writable)
        gateway::setBanner(m_banner, Severity::Warning,
            tr("This config uses flexible-configuration templates ({{ … }}): it is read-only here. "
               "Export single blocks instead."));
    else
        gateway::setBanner(m_banner, Severity::Error, present ? runtimeBanner(members) : QString());
}

} // namespace jwb::ui
