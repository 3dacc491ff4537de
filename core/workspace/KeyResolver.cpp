#include "workspace/KeyResolver.h"

#include "crypto/Signature.h"
#include "keys/Thumbprint.h"
#include "krakend/ValidatorConfig.h"
#include "validation/Verifier.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <algorithm>

namespace jwb::workspace {

using validation::KeyIdStrategy;
using validation::Verifier;

namespace {

struct Match
{
    QString keyId;
    KeyIdStrategy strategy;
};

/// The strategies to try and, for each, the id the token gives. An explicit strategy follows the verifier's rule
/// for whether the token names a key at all; the Inspector's tries only use members the header has.
QList<Match> wantedIds(const KeyNeed &need)
{
    QList<Match> wanted;
    if (need.strategy) {
        const QString id = Verifier::tokenKeyId(need.header, *need.strategy);
        const bool namesKey
            = *need.strategy == KeyIdStrategy::Kid ? need.header.contains(QLatin1String("kid")) : !id.isEmpty();
        if (namesKey && !id.isEmpty())
            wanted.append({id, *need.strategy});
        return wanted;
    }
    const std::pair<const char *, KeyIdStrategy> members[]
        = {{"kid", KeyIdStrategy::Kid}, {"x5t", KeyIdStrategy::X5t}, {"x5t#S256", KeyIdStrategy::X5tS256}};
    for (const auto &[member, strategy] : members) {
        const QString id = need.header.value(QLatin1String(member)).toString();
        if (!id.isEmpty())
            wanted.append({id, strategy});
    }
    return wanted;
}

bool holds(const KeySource &source, const Match &wanted)
{
    if (!source.keys)
        return false;
    return std::any_of(source.keys->keys.cbegin(), source.keys->keys.cend(), [&wanted](const keys::Jwk &jwk) {
        const QString id = Verifier::jwkKeyId(jwk, wanted.strategy);
        return !id.isEmpty() && id == wanted.keyId;
    });
}

std::optional<Match> matchIn(const KeySource &source, const QList<Match> &wanted)
{
    for (const Match &match : wanted) {
        if (holds(source, match))
            return match;
    }
    return std::nullopt;
}

bool canSign(const keys::Jwk &jwk, std::optional<crypto::Algorithm> alg)
{
    if (alg)
        return crypto::Signature::checkKeyFits(*alg, jwk.key, true).ok();
    return jwk.key.isPrivate() || jwk.key.type() == crypto::KeyType::Oct;
}

QString strategyWord(KeyIdStrategy strategy)
{
    return strategy == KeyIdStrategy::Kid ? QStringLiteral("kid") : validation::keyIdStrategyName(strategy);
}

} // namespace

KeyNeed KeyNeed::forToken(const jose::Inspection &token)
{
    KeyNeed need;
    need.header = token.token.header;
    need.issuer = token.token.payload.value(QLatin1String("iss")).toString();
    return need;
}

KeyNeed KeyNeed::forEndpoint(const jose::Inspection &token, const krakend::ValidatorConfig &validator)
{
    KeyNeed need = forToken(token);
    need.endpoint = true;
    need.strategy = validator.effectiveKeyIdStrategy();
    need.configUsesLocalPath = validator.usesLocalPath();
    if (!validator.jwkUrl().isEmpty())
        need.configJwkUrl = QUrl(validator.jwkUrl());
    return need;
}

QString KeyPin::toText() const
{
    switch (kind) {
    case Kind::Automatic:
        return {};
    case Kind::Source:
        return QStringLiteral("source:") + sourceId;
    case Kind::ConfigOwn:
        return QStringLiteral("config");
    case Kind::Pasted:
        return QStringLiteral("pasted");
    }
    return {};
}

std::optional<KeyPin> KeyPin::fromText(const QString &text)
{
    if (text.isEmpty())
        return KeyPin {};
    if (text == u"config")
        return configOwn();
    if (text == u"pasted")
        return pasted();
    if (text.startsWith(QLatin1String("source:")) && text.size() > 7)
        return source(text.mid(7));
    return std::nullopt;
}

QString KeyChoice::describe() const
{
    QString what;
    switch (kind) {
    case Kind::Source:
        what = QStringLiteral("key ring source “%1”").arg(sourceName);
        break;
    case Kind::ConfigOwn:
        what = QStringLiteral("the config's own keys");
        break;
    case Kind::Pasted:
        what = QStringLiteral("the pasted key");
        break;
    case Kind::None:
        what = QStringLiteral("no key");
        break;
    }
    switch (reason) {
    case Reason::Pinned:
        what += QStringLiteral(" (chosen)");
        break;
    case Reason::HoldsKeyId:
        what += QStringLiteral(" (holds %1 “%2”)").arg(strategyWord(*matchedBy), matchedKeyId);
        break;
    case Reason::ConfigUrl:
        what += QStringLiteral(" (the config's jwk_url)");
        break;
    case Reason::Issuer:
        what += QStringLiteral(" (the token's issuer)");
        break;
    case Reason::Default:
        break;
    }
    if (pending)
        what += QStringLiteral(", still fetching");
    if (stale)
        what += QStringLiteral(", stale keys");
    return what;
}

KeyChoice KeyResolver::resolve(const KeyNeed &need, const KeyPin &pin) const
{
    std::optional<KeyChoice> choice = pinned(need, pin);
    if (!choice)
        choice = keyIdHolder(need);
    if (!choice)
        choice = bySourceUrl(need);
    if (!choice) {
        choice = KeyChoice {};
        if (need.endpoint) {
            choice->kind = KeyChoice::Kind::ConfigOwn;
            if (!need.configUsesLocalPath && need.configJwkUrl.isValid())
                choice->origin = TrustStore::originOf(need.configJwkUrl);
        } else if (need.hasPastedKey) {
            choice->kind = KeyChoice::Kind::Pasted;
        }
    }
    if (choice->reason != KeyChoice::Reason::Pinned && choice->reason != KeyChoice::Reason::HoldsKeyId)
        choice->pending = choice->pending || anyFetchingFirstKeys();
    return *choice;
}

std::optional<KeyChoice> KeyResolver::pinned(const KeyNeed &need, const KeyPin &pin) const
{
    KeyChoice choice;
    choice.reason = KeyChoice::Reason::Pinned;
    switch (pin.kind) {
    case KeyPin::Kind::Automatic:
        return std::nullopt;
    case KeyPin::Kind::Source: {
        const int index = m_ring.indexOf(pin.sourceId);
        if (index < 0)
            return std::nullopt; // removed: automatic again
        choice = fromSource(index, KeyChoice::Reason::Pinned);
        if (const auto match = matchIn(m_ring.at(index), wantedIds(need))) {
            choice.matchedKeyId = match->keyId;
            choice.matchedBy = match->strategy;
        }
        return choice;
    }
    case KeyPin::Kind::ConfigOwn:
        if (!need.endpoint)
            return std::nullopt;
        choice.kind = KeyChoice::Kind::ConfigOwn;
        if (!need.configUsesLocalPath && need.configJwkUrl.isValid())
            choice.origin = TrustStore::originOf(need.configJwkUrl);
        return choice;
    case KeyPin::Kind::Pasted:
        if (need.endpoint)
            return std::nullopt;
        choice.kind = KeyChoice::Kind::Pasted;
        return choice;
    }
    return std::nullopt;
}

std::optional<KeyChoice> KeyResolver::keyIdHolder(const KeyNeed &need) const
{
    // The key id decides before the ring order: a source holding the kid beats one holding only the x5t.
    for (const Match &wanted : wantedIds(need)) {
        for (int i = 0; i < m_ring.count(); ++i) {
            if (!holds(m_ring.at(i), wanted))
                continue;
            KeyChoice choice = fromSource(i, KeyChoice::Reason::HoldsKeyId);
            choice.matchedKeyId = wanted.keyId;
            choice.matchedBy = wanted.strategy;
            return choice;
        }
    }
    return std::nullopt;
}

std::optional<KeyChoice> KeyResolver::bySourceUrl(const KeyNeed &need) const
{
    const bool jwkUrl = need.endpoint && !need.configUsesLocalPath && need.configJwkUrl.isValid();
    if (jwkUrl) {
        for (int i = 0; i < m_ring.count(); ++i) {
            const KeySource &source = m_ring.at(i);
            if (source.kind == KeySource::Kind::Url && source.url() == need.configJwkUrl)
                return fromSource(i, KeyChoice::Reason::ConfigUrl);
        }
    }
    if (!need.issuer.isEmpty()) {
        for (int i = 0; i < m_ring.count(); ++i) {
            const KeySource &source = m_ring.at(i);
            if (source.kind == KeySource::Kind::Issuer && source.location.trimmed() == need.issuer)
                return fromSource(i, KeyChoice::Reason::Issuer);
        }
    }
    return std::nullopt;
}

KeyChoice KeyResolver::fromSource(int index, KeyChoice::Reason reason) const
{
    const KeySource &source = m_ring.at(index);
    KeyChoice choice;
    choice.kind = KeyChoice::Kind::Source;
    choice.reason = reason;
    choice.sourceId = source.id;
    choice.sourceName = source.name;
    choice.keys = source.keys;
    choice.stale = source.stale && source.keys.has_value();
    choice.pending = source.fetching && !source.keys;
    if (source.isRemote()) {
        choice.origin = TrustStore::originOf(source.url());
        choice.tls = m_trust.optionsFor(source.url(), source.timeoutMs);
    }
    return choice;
}

bool KeyResolver::anyFetchingFirstKeys() const
{
    return std::any_of(m_ring.sources().cbegin(), m_ring.sources().cend(),
        [](const KeySource &source) { return source.fetching && !source.keys; });
}

QList<int> KeyResolver::signingSources(std::optional<crypto::Algorithm> alg) const
{
    QList<int> out;
    for (int i = 0; i < m_ring.count(); ++i) {
        const auto &keys = m_ring.at(i).keys;
        if (keys && std::any_of(keys->keys.cbegin(), keys->keys.cend(), [alg](const keys::Jwk &jwk) {
                return canSign(jwk, alg);
            }))
            out.append(i);
    }
    return out;
}

QList<crypto::Algorithm> KeyResolver::signingAlgorithms(const KeySource &source)
{
    QList<crypto::Algorithm> out;
    if (!source.keys)
        return out;
    for (const auto alg : crypto::Algorithms::all()) {
        if (std::any_of(source.keys->keys.cbegin(), source.keys->keys.cend(),
                [alg](const keys::Jwk &jwk) { return canSign(jwk, alg); }))
            out.append(alg);
    }
    return out;
}

std::optional<SigningKey> KeyResolver::signingKeyFor(
    const keys::JwkSet &verifyKeys, std::optional<crypto::Algorithm> alg) const
{
    QList<QByteArray> wanted;
    for (const auto &jwk : verifyKeys.keys)
        wanted.append(keys::Thumbprint::compute(jwk.key));
    for (const KeySource &source : m_ring.sources()) {
        if (!source.keys)
            continue;
        for (const auto &jwk : source.keys->keys) {
            const bool signer = jwk.key.isPrivate() || jwk.key.type() == crypto::KeyType::Oct;
            if (signer && canSign(jwk, alg) && wanted.contains(keys::Thumbprint::compute(jwk.key)))
                return SigningKey {source.id, jwk};
        }
    }
    return std::nullopt;
}

} // namespace jwb::workspace
