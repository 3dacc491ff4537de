#include "workspace/Session.h"

#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"
#include "workspace/WorkspaceFormat.h"

namespace jwb::workspace {

using common::Result;

ChoiceScope ChoiceScope::forEndpoint(const QString &method, const QString &path)
{
    return {Kind::Endpoint, (method.isEmpty() ? QStringLiteral("GET") : method.toUpper()) + u' ' + path};
}

QString ChoiceScope::key() const
{
    switch (kind) {
    case Kind::Inspector:
        return QStringLiteral("inspector");
    case Kind::Signing:
        return QStringLiteral("signing");
    case Kind::Endpoint:
        return QStringLiteral("endpoint ") + endpoint;
    }
    return {};
}

std::optional<ChoiceScope> ChoiceScope::fromKey(const QString &key)
{
    if (key == u"inspector")
        return inspector();
    if (key == u"signing")
        return signing();
    if (key.startsWith(QLatin1String("endpoint ")) && key.size() > 9)
        return ChoiceScope {Kind::Endpoint, key.mid(9)};
    return std::nullopt;
}

Session::Session(std::shared_ptr<const common::Clock> clock, QObject *parent)
    : QObject(parent), m_trust(new TrustStore(this)), m_ring(new KeyRing(m_trust, std::move(clock), this))
{
    connect(m_ring, &KeyRing::sourcesChanged, this, &Session::choicesChanged);
    connect(m_ring, &KeyRing::sourceChanged, this, &Session::choicesChanged);
    connect(m_trust, &TrustStore::changed, this, &Session::choicesChanged);
}

Session::~Session() = default;

KeyChoice Session::resolve(const ChoiceScope &scope, const KeyNeed &need) const
{
    return resolver().resolve(need, pinned(scope));
}

void Session::pin(const ChoiceScope &scope, const KeyPin &pin)
{
    if (pinned(scope) == pin)
        return;
    if (pin.isAutomatic())
        m_pins.remove(scope.key());
    else
        m_pins.insert(scope.key(), pin);
    Q_EMIT choicesChanged();
}

KeyPin Session::pinned(const ChoiceScope &scope) const
{
    return m_pins.value(scope.key());
}

QJsonObject Session::choicesToJson() const
{
    QJsonObject choices;
    for (auto it = m_pins.cbegin(); it != m_pins.cend(); ++it)
        choices.insert(it.key(), it.value().toText());
    return choices;
}

Result<void> Session::load(const WorkspaceDocument &document, WorkspaceOrigin origin)
{
    auto trust = TrustStore::parse(document.trust);
    if (!trust)
        return trust.error();
    auto sources = KeyRing::parse(document.keys, origin);
    if (!sources)
        return sources.error();
    // The trust settings first: the ring's fetches start as soon as it has its sources.
    m_trust->replace(trust.value(), origin == WorkspaceOrigin::OwnSession);
    for (const KeySource &source : sources.value()) {
        if (source.awaitingPermission)
            m_trust->markUnconfirmed(TrustStore::originOf(source.url()));
    }
    m_pins.clear();
    for (auto it = document.keyChoices.constBegin(); it != document.keyChoices.constEnd(); ++it) {
        const auto scope = ChoiceScope::fromKey(it.key());
        const auto pin = KeyPin::fromText(it.value().toString());
        if (scope && pin && !pin->isAutomatic())
            m_pins.insert(scope->key(), *pin);
    }
    const auto loaded = m_ring->fromJson(document.keys, origin);
    Q_EMIT choicesChanged();
    return loaded;
}

void Session::store(WorkspaceDocument &document, QStringList *secretsLeftOut) const
{
    document.keys = m_ring->toJson(false, secretsLeftOut);
    document.trust = m_trust->toJson();
    document.keyChoices = choicesToJson();
}

} // namespace jwb::workspace
