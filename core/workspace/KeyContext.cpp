#include "workspace/KeyContext.h"

#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

namespace jwb::workspace::KeyContext {

namespace {

/// What a JWK Set URL would publish for `set`: the public half of every private asymmetric key (a gateway is never
/// handed private keys: go-jose refuses to verify with one); shared secrets stay, HMAC needs them.
keys::JwkSet publicHalves(const keys::JwkSet &set)
{
    keys::JwkSet out = set;
    for (keys::Jwk &jwk : out.keys) {
        if (!jwk.key.isPrivate() || jwk.key.type() == crypto::KeyType::Oct)
            continue;
        if (auto half = keys::Jwk::fromJson(jwk.publicJson()))
            jwk = std::move(half.value());
    }
    return out;
}

} // namespace

QString sourceLabel(const QString &sourceName)
{
    return QStringLiteral("key ring source \"%1\"").arg(sourceName);
}

bool downloadsConfigUrl(const KeyChoice &choice)
{
    if (choice.kind == KeyChoice::Kind::ConfigOwn)
        return true;
    return choice.kind == KeyChoice::Kind::Source && choice.reason == KeyChoice::Reason::ConfigUrl && !choice.keys
        && !choice.pending;
}

void apply(verification::Context &context, const KeyChoice &choice, const KeyRing &ring, const TrustStore &trust)
{
    if (downloadsConfigUrl(choice)) {
        const krakend::SimulationSetup *setup = context.policy.gateway ? &*context.policy.gateway : nullptr;
        if (!setup || setup->validator.usesLocalPath() || setup->validator.jwkUrl().isEmpty())
            return;
        // Only the store's extra CA: pins and insecure come from the config (TrustStore::optionsForGateway).
        context.tls.extraCa
            = trust.optionsForGateway(QUrl(setup->validator.jwkUrl()), keysource::NetworkOptions()).extraCa;
        return;
    }
    if (choice.kind != KeyChoice::Kind::Source)
        return;
    context.keyLabel = sourceLabel(choice.sourceName);
    if (choice.keys) {
        context.keys = context.policy.isGateway() ? publicHalves(*choice.keys) : *choice.keys;
        return;
    }
    if (choice.pending) {
        context.keysPending = true;
        return;
    }
    const int index = ring.indexOf(choice.sourceId);
    const KeySource *source = index >= 0 ? &ring.at(index) : nullptr;
    context.keyError = source && source->error
        ? *source->error
        : common::Error::of(common::ErrorCode::NoKey, QStringLiteral("the source has no keys"));
}

std::optional<keys::JwkSet> knownKeys(const KeyChoice &choice, const KeyNeed &need, const KeyRing &ring)
{
    if (choice.keys)
        return choice.keys;
    if (!downloadsConfigUrl(choice) || need.configUsesLocalPath || !need.configJwkUrl.isValid())
        return std::nullopt;
    for (const KeySource &source : ring.sources()) {
        if (source.kind == KeySource::Kind::Url && source.url() == need.configJwkUrl && source.keys)
            return source.keys;
    }
    return std::nullopt;
}

} // namespace jwb::workspace::KeyContext
