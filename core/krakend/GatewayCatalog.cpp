#include "krakend/GatewayCatalog.h"

#include "krakend/Namespaces.h"
#include "krakend/SignerConfig.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonArray>

#include <algorithm>

namespace jwb::krakend::GatewayCatalog {

namespace {

OptionGroup group(const char *id, const char *title, std::initializer_list<const char *> options)
{
    OptionGroup g {QString::fromLatin1(id), QString::fromLatin1(title), {}};
    for (const char *o : options)
        g.options.append(QString::fromLatin1(o));
    return g;
}

} // namespace

QString ns(Block block)
{
    switch (block) {
    case Block::Validator:
    case Block::ServiceValidator:
        return Namespace::validator;
    case Block::Signer:
        return Namespace::signer;
    case Block::Revoker:
        return Namespace::revoker;
    }
    return {};
}

bool isServiceLevel(Block block)
{
    return block == Block::ServiceValidator || block == Block::Revoker;
}

const QList<Block> &blocks()
{
    static const QList<Block> list = {Block::Validator, Block::Signer, Block::ServiceValidator, Block::Revoker};
    return list;
}

const QList<OptionInfo> &revokerOptions()
{
    static const QList<OptionInfo> list = optionList({
        {"N", GoType::Uint32, "integer", "none (required)", "2.0",
            "Maximum number of elements kept in the bloom filter (tens of millions work on small machines)."},
        {"P", GoType::Float64, "number", "none (required)", "2.0",
            "Probability of a false positive, e.g. 1e-7: N and P decide the size of the filter."},
        {"hash_name", GoType::String, "string (enum)", "none (required)", "2.0",
            "Hash function: optimal (recommended, less CPU) or default.",
            {QStringLiteral("optimal"), QStringLiteral("default")}},
        {"TTL", GoType::Uint32, "integer (seconds)", "none (required)", "2.0",
            "Lifespan of the tokens in seconds; must match the expiration the identity provider sets."},
        {"port", GoType::Uint32, "integer", "none (required)", "2.0",
            "Port of the RPC service each KrakenD exposes to receive revoked entries."},
        {"token_keys", GoType::StringList, "array of strings", "none (required)", "2.0",
            "Claims watched for revocation: each top-level claim, only when it is a string, is tested as "
            "\"<claim>-<value>\" (e.g. jti-abc); a hit answers 401. Array or numeric claims never match."},
    });
    return list;
}

const QList<OptionInfo> &options(Block block)
{
    switch (block) {
    case Block::Validator:
        return ValidatorConfig::options();
    case Block::Signer:
        return SignerConfig::options();
    case Block::ServiceValidator:
        return ValidatorConfig::serviceOptions();
    case Block::Revoker:
        break;
    }
    return revokerOptions();
}

const QList<OptionGroup> &groups(Block block)
{
    static const QList<OptionGroup> validator = {
        group("keySource", "Key source & TLS",
            {"alg", "jwk_url", "jwk_local_path", "secret_url", "cypher_key", "disable_jwk_security", "jwk_fingerprints",
                "jwk_local_ca", "cipher_suites", "key_identify_strategy"}),
        group("claims", "Claims", {"issuer", "audience", "leeway"}),
        group("rolesScopes", "Roles & scopes",
            {"roles_key", "roles_key_is_nested", "roles", "scopes_key", "scopes", "scopes_matcher"}),
        group("tokenLocation", "Token location", {"auth_header_name", "cookie_key"}),
        group("propagation", "Propagation", {"propagate_claims", "propagate_claims_preserve_array"}),
        group("caching", "Caching", {"cache", "cache_duration", "failed_jwk_key_cooldown"}),
        group("advanced", "Advanced", {"operation_debug"}),
    };
    static const QList<OptionGroup> signer = {
        group("signing", "Signing", {"alg", "kid", "keys_to_sign", "full"}),
        group("keySource", "Key source & TLS",
            {"jwk_url", "jwk_local_path", "secret_url", "cypher_key", "disable_jwk_security", "jwk_fingerprints",
                "jwk_local_ca", "cipher_suites"}),
        group("advanced", "Advanced", {"leeway", "typ"}),
    };
    static const QList<OptionGroup> service
        = {group("sharedCache", "Shared key cache (auth/validator)", {"shared_cache_duration"})};
    static const QList<OptionGroup> revoker = {
        group("revocation", "Token revocation (auth/revoker)", {"N", "P", "hash_name", "TTL", "port", "token_keys"})};
    switch (block) {
    case Block::Validator:
        return validator;
    case Block::Signer:
        return signer;
    case Block::ServiceValidator:
        return service;
    case Block::Revoker:
        break;
    }
    return revoker;
}

QString placeholderJwkUrl()
{
    return QStringLiteral("https://idp.example.com/.well-known/jwks.json");
}

QJsonObject defaultBlock(Block block, const QString &jwkUrlHint)
{
    switch (block) {
    case Block::Validator:
        return {{QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("jwk_url"), jwkUrlHint.isEmpty() ? placeholderJwkUrl() : jwkUrlHint},
            {QStringLiteral("cache"), true}};
    case Block::Signer:
        return {{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), QStringLiteral("sig-1")},
            {QStringLiteral("keys_to_sign"), QJsonArray {QStringLiteral("access_token")}},
            {QStringLiteral("jwk_local_path"), QStringLiteral("private-jwks.json")},
            {QStringLiteral("disable_jwk_security"), true}};
    case Block::Revoker:
        return {{QStringLiteral("N"), 10000000}, {QStringLiteral("P"), 0.0000001},
            {QStringLiteral("hash_name"), QStringLiteral("optimal")}, {QStringLiteral("TTL"), 1500},
            {QStringLiteral("port"), 1234}, {QStringLiteral("token_keys"), QJsonArray {QStringLiteral("jti")}}};
    case Block::ServiceValidator:
        break;
    }
    return {};
}

QString schemaVersion()
{
    return QStringLiteral("2.13");
}

QByteArray newConfigText()
{
    return "{\n"
           "  \"$schema\": \"https://www.krakend.io/schema/v"
        + schemaVersion().toLatin1()
        + "/krakend.json\",\n"
          "  \"version\": 3,\n"
          "  \"endpoints\": []\n"
          "}\n";
}

int compareVersions(const QString &a, const QString &b)
{
    const QStringList pa = a.split(u'.');
    const QStringList pb = b.split(u'.');
    for (qsizetype i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const int x = i < pa.size() ? pa[i].toInt() : 0;
        const int y = i < pb.size() ? pb[i].toInt() : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

QStringList versions()
{
    QString newest = schemaVersion();
    for (const Block block : blocks())
        for (const OptionInfo &o : options(block))
            if (compareVersions(o.since, newest) > 0)
                newest = o.since;
    const QStringList parts = newest.split(u'.');
    const QString major = parts.value(0);
    QStringList out;
    for (int minor = 0; minor <= parts.value(1).toInt(); ++minor)
        out.append(QStringLiteral("%1.%2").arg(major).arg(minor));
    return out;
}

} // namespace jwb::krakend::GatewayCatalog
