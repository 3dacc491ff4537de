#include "common/KeyChoiceBox.h"
#include "common/LongText.h"

#include "workspace/KeyContext.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>

namespace jwb::ui {

using workspace::ChoiceScope;
using workspace::KeyChoice;
using workspace::KeyPin;

KeyChoiceBox::KeyChoiceBox(Kind kind, const QString &comboName, const QString &lineName, QWidget *parent)
    : QObject(parent), m_kind(kind), m_combo(new QComboBox(parent)), m_line(new QLabel(parent))
{
    m_combo->setObjectName(comboName);
    m_combo->setAccessibleName(tr("Keys"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(10);
    m_line->setObjectName(lineName);
    m_line->setAccessibleName(tr("Keys used"));
    m_line->setTextFormat(Qt::PlainText);
    LongText::fitAnyWidth(m_line); // source names and URLs: never wider than the window
    m_line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_combo, &QComboBox::activated, this, &KeyChoiceBox::onActivated);
    refill();
}

void KeyChoiceBox::detach()
{
    if (m_session)
        m_session->disconnect(this);
    if (m_ring) {
        m_ring->disconnect(this);
        if (m_ring->trust())
            m_ring->trust()->disconnect(this);
    }
}

void KeyChoiceBox::setSession(workspace::Session *session)
{
    detach();
    m_session = session;
    m_ring = session ? &session->keys() : nullptr;
    if (m_session)
        connect(m_session, &workspace::Session::choicesChanged, this, &KeyChoiceBox::onSourcesChanged);
    onSourcesChanged();
}

void KeyChoiceBox::setKeyRing(workspace::KeyRing *ring)
{
    if (m_session && ring == &m_session->keys())
        return;
    detach();
    m_session = nullptr;
    m_ring = ring;
    if (m_ring) {
        connect(m_ring, &workspace::KeyRing::sourcesChanged, this, &KeyChoiceBox::onSourcesChanged);
        connect(m_ring, &workspace::KeyRing::sourceChanged, this, &KeyChoiceBox::onSourcesChanged);
        if (m_ring->trust())
            connect(m_ring->trust(), &workspace::TrustStore::changed, this, &KeyChoiceBox::onSourcesChanged);
    }
    onSourcesChanged();
}

const workspace::TrustStore *KeyChoiceBox::trust() const
{
    return m_ring ? m_ring->trust() : nullptr;
}

void KeyChoiceBox::setScope(const ChoiceScope &scope)
{
    if (scope.key() == m_scope.key())
        return;
    m_scope = scope;
    refill();
}

void KeyChoiceBox::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    refill();
}

KeyPin KeyChoiceBox::pinOf(const ChoiceScope &scope) const
{
    return m_session ? m_session->pinned(scope) : m_localPins.value(scope.key());
}

void KeyChoiceBox::setPin(const KeyPin &pin)
{
    if (m_session) {
        m_session->pin(m_scope, pin); // choicesChanged refills and tells the page
        return;
    }
    if (pin.isAutomatic())
        m_localPins.remove(m_scope.key());
    else
        m_localPins.insert(m_scope.key(), pin);
    refill();
    Q_EMIT changed();
}

KeyChoice KeyChoiceBox::resolve(const workspace::KeyNeed &need) const
{
    return resolve(m_scope, need);
}

KeyChoice KeyChoiceBox::resolve(const ChoiceScope &scope, const workspace::KeyNeed &need) const
{
    if (!m_ring || !m_ring->trust()) {
        KeyChoice none;
        if (need.endpoint)
            none.kind = KeyChoice::Kind::ConfigOwn;
        else if (need.hasPastedKey)
            none.kind = KeyChoice::Kind::Pasted;
        return none;
    }
    return workspace::KeyResolver(*m_ring, *m_ring->trust()).resolve(need, pinOf(scope));
}

void KeyChoiceBox::apply(verification::Context &context, const KeyChoice &choice) const
{
    if (m_ring && m_ring->trust())
        workspace::KeyContext::apply(context, choice, *m_ring, *m_ring->trust());
}

void KeyChoiceBox::showChoice(const KeyChoice &choice)
{
    m_line->setText(describe(choice, trust()));
}

QString KeyChoiceBox::describe(const KeyChoice &choice, const workspace::TrustStore *trust)
{
    QString what;
    switch (choice.kind) {
    case KeyChoice::Kind::Source:
        what = tr("key ring source “%1”").arg(choice.sourceName);
        break;
    case KeyChoice::Kind::ConfigOwn:
        what = tr("the config's own keys");
        break;
    case KeyChoice::Kind::Pasted:
        what = tr("the key pasted below");
        break;
    case KeyChoice::Kind::None:
        what = tr("none");
        break;
    }
    QStringList why;
    switch (choice.reason) {
    case KeyChoice::Reason::Pinned:
        why << tr("chosen");
        break;
    case KeyChoice::Reason::HoldsKeyId:
        break; // the matched key id says it
    case KeyChoice::Reason::ConfigUrl:
        why << tr("its URL is the config's jwk_url");
        break;
    case KeyChoice::Reason::Issuer:
        why << tr("the token's issuer");
        break;
    case KeyChoice::Reason::Default:
        why << tr("automatic");
        break;
    }
    if (!choice.matchedKeyId.isEmpty()) {
        const QString member = choice.matchedBy && *choice.matchedBy != validation::KeyIdStrategy::Kid
            ? validation::keyIdStrategyName(*choice.matchedBy)
            : QStringLiteral("kid");
        why << tr("holds %1 “%2”").arg(member, choice.matchedKeyId);
    }
    if (choice.pending)
        why << tr("still fetching");
    if (choice.stale)
        why << tr("keys from the last successful fetch");
    QString text
        = why.isEmpty() ? tr("Keys: %1").arg(what) : tr("Keys: %1 (%2)").arg(what, why.join(QStringLiteral(", ")));
    if (!choice.origin.isEmpty()) {
        const workspace::TrustSettings settings = trust ? trust->settings(choice.origin) : workspace::TrustSettings();
        QStringList tls;
        if (!settings.extraCa.isEmpty())
            tls << tr("extra CA from the trust store (%n certificate(s))", nullptr,
                static_cast<int>(settings.extraCa.size()));
        const bool gateway = workspace::KeyContext::downloadsConfigUrl(choice);
        if (!gateway && !settings.pins.isEmpty())
            tls << tr("%n pin(s)", nullptr, static_cast<int>(settings.pins.size()));
        if (!gateway && settings.insecure)
            tls << tr("certificate checks off");
        if (gateway)
            tls << tr("plus the config's own TLS settings");
        else if (tls.isEmpty())
            tls << tr("system CAs");
        text += u'\n' + tr("TLS %1: %2").arg(choice.origin, tls.join(QStringLiteral(", ")));
    }
    return text;
}

void KeyChoiceBox::onActivated()
{
    const auto pin = KeyPin::fromText(m_combo->currentData().toString());
    setPin(pin.value_or(KeyPin {}));
}

void KeyChoiceBox::onSourcesChanged()
{
    refill();
    Q_EMIT changed();
}

void KeyChoiceBox::refill()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(m_kind == Kind::Inspector ? tr("Automatic (the source holding the token's key id)")
                                               : tr("Automatic (the source holding the token's key id, else the "
                                                    "config's own keys)"),
        QString());
    if (m_ring) {
        for (int i = 0; i < m_ring->count(); ++i) {
            const workspace::KeySource &source = m_ring->at(i);
            QString label = source.name;
            if (source.fetching && !source.keys)
                label = tr("%1 (fetching…)").arg(source.name);
            else if (source.keys)
                label = tr("%1 (%n key(s))", nullptr, static_cast<int>(source.keys->keys.size())).arg(source.name);
            else if (source.error)
                label = tr("%1 (error)").arg(source.name);
            m_combo->addItem(label, KeyPin::source(source.id).toText());
        }
    }
    if (m_kind != Kind::Inspector)
        m_combo->addItem(tr("The config's own keys (jwk_local_path / jwk_url)"), KeyPin::configOwn().toText());
    if (m_kind != Kind::Endpoint)
        m_combo->addItem(tr("The key pasted below"), KeyPin::pasted().toText());
    // A pinned source that is gone: the Inspector falls back to its pasted key (VerifyPanel reads it so), an
    // endpoint to the automatic choice (KeyResolver skips it).
    int index = m_combo->findData(pin().toText());
    if (index < 0 && pin().kind == KeyPin::Kind::Source && m_kind != Kind::Endpoint)
        index = m_combo->findData(KeyPin::pasted().toText());
    m_combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace jwb::ui
