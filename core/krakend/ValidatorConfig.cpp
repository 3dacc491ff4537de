#include "krakend/ValidatorConfig.h"
#include "krakend/Namespaces.h"

#include "common/Duration.h"
#include "jose/Claims.h"
#include "krakend/HeaderFormatter.h"

#include <QJsonArray>

#include <algorithm>

namespace jwb::krakend {

using common::Finding;
using common::Severity;

namespace {

QStringList algNames()
{
    return jose::Claims::krakendAlgorithms();
}

void add(common::Findings &out, Severity s, const char *code, const QString &subject, const QString &message)
{
    out.append(Finding {s, QString::fromLatin1(code), subject, message});
}

/// Go time.ParseDuration: no surrounding whitespace allowed (Duration::parseNanos trims, Go does not).
std::optional<qint64> goParseDuration(const QString &text)
{
    if (text.isEmpty() || text.trimmed() != text)
        return std::nullopt;
    auto nanos = common::Duration::parseNanos(text);
    if (!nanos)
        return std::nullopt;
    return nanos.value();
}

constexpr qint64 kSecond = 1000000000LL;

} // namespace

// ------------------------------------------------------------------------------------------- ValidatorConfig

const QList<OptionInfo> &ValidatorConfig::options()
{
    static const QList<OptionInfo> list = [] {
        using KS = KeySourceConfig;
        QList<OptionInfo> l = optionList({
            {"alg", GoType::String, "string (enum)", "none at run time (the schema says RS256)", "2.0",
                "The only accepted signing algorithm. Must be one of the 13 names exactly, or KrakenD exits at "
                "startup (\"JOSE: unknown algorithm\"). Each token's header alg must be string-equal to it (401 "
                "\"algorithm is invalid\"); the JWK's own alg and use are ignored.",
                algNames()},
        });
        l += KS::options(Role::Validator,
            {QStringLiteral("jwk_url"), QStringLiteral("jwk_local_path"), QStringLiteral("secret_url"),
                QStringLiteral("cypher_key")});
        l += optionList({
            {"cache", GoType::Bool, "boolean", "false", "2.0",
                "false: every key lookup downloads the JWK Set (two lookups per request). true: all keys of the "
                "downloaded set are cached per endpoint for cache_duration; an unknown kid triggers a refetch; a "
                "warm-up download runs at startup. Not allowed with jwk_local_path (startup fatal)."},
            {"cache_duration", GoType::Uint32, "integer (seconds)", "900 (0 means 900)", "2.0",
                "Time to live of each cached key, counted from when it was stored."},
            {"audience", GoType::StringList, "array of strings", "none (no check)", "2.0",
                "The token's aud (a string or an array of strings) must contain EVERY listed value, not just one. "
                "Empty or absent: no check."},
            {"issuer", GoType::String, "string", "none (no check)", "2.0",
                "Exact string equality with the token's iss; a token without iss fails when this is set."},
            {"roles_key", GoType::String, "string", "roles", "2.0",
                "The claim holding the roles, looked up literally at the top level (dots are part of the name) "
                "unless roles_key_is_nested applies."},
            {"roles_key_is_nested", GoType::Bool, "boolean", "false", "2.0",
                "Nested lookup only when true AND roles_key contains a dot AND it does not start with \"http\". A "
                "dotted key shorter than 4 characters with this flag makes KrakenD panic at startup."},
            {"roles", GoType::StringList, "array of strings", "none (no check)", "2.0",
                "If non-empty the token must hold at least one of them, else 403. An array claim is compared "
                "element by element (a non-string element reached before a match makes KrakenD answer 500); a "
                "string claim is split on single spaces."},
            {"scopes", GoType::StringList, "array of strings", "none (no check)", "2.0",
                "Required scopes (403 when missing). Checked only when scopes_key is also set."},
            {"scopes_key", GoType::String, "string", "none", "2.0",
                "The claim holding the scopes: a space-separated string or an array of strings. A key with a dot "
                "is ALWAYS a nested path (no http exception), so a namespaced top-level claim with dots cannot be "
                "used."},
            {"scopes_matcher", GoType::String, "string (enum)", "any", "2.0",
                "Exactly \"all\" requires every scope; any other value means any one of them.",
                {QStringLiteral("any"), QStringLiteral("all")}},
            {"cookie_key", GoType::String, "string", "access_token", "2.0",
                "The cookie read when the header is absent or empty. Even without this option a cookie named "
                "access_token is accepted. The cookie holds the bare token (no Bearer)."},
            {"auth_header_name", GoType::String, "string", "Authorization", "2.6",
                "The header read first (name canonicalised). A leading \"Bearer \" (any case) is stripped when the "
                "value is longer than 7 characters; otherwise the whole value is the token.",
                {}, "code in CE 2.6.0; earlier versions required Bearer in Authorization"},
            {"leeway", GoType::String, "duration string", "1s", "2.6",
                "Clock skew allowed for exp, nbf and iat. Parsed with Go's time.ParseDuration; unparsable or below "
                "1s means 1s. The schema only allows one number and one unit (\"1m30s\" fails lint, works at run "
                "time).",
                {}, "code in CE 2.6.1"},
            {"failed_jwk_key_cooldown", GoType::String, "duration string", "disabled", "2.7",
                "After a key id lookup fails, the same id fails at once (401 \"no Keys have been found\") for this "
                "long without contacting the identity provider. Below 1s or unparsable: disabled.",
                {}, "code in CE 2.7.1"},
            {"key_identify_strategy", GoType::String, "string (enum)", "kid", "2.0",
                "How the token and the JWKs identify the key: kid, x5t (SHA-1 certificate thumbprint), x5t#S256 "
                "(SHA-256 thumbprint) or kid_x5t (kid followed by x5t). Unknown values mean kid.",
                {QStringLiteral("kid"), QStringLiteral("x5t"), QStringLiteral("x5t#S256"), QStringLiteral("kid_x5t")},
                "x5t#S256 since 2.10"},
        });
        l += KS::options(Role::Validator,
            {QStringLiteral("disable_jwk_security"), QStringLiteral("jwk_fingerprints"), QStringLiteral("jwk_local_ca"),
                QStringLiteral("cipher_suites")});
        l += optionList({
            {"propagate_claims", GoType::StringPairs, "array of [claim, header] pairs", "none", "2.0",
                "Copies claims into request headers after every check passed (the backend sees them only if "
                "input_headers lists them). A claim name with a dot not starting with \"http\" is a nested path. "
                "A missing claim gives an EMPTY header (it wipes a client value); pairs that are not two strings "
                "long are skipped."},
            {"propagate_claims_preserve_array", GoType::Bool, "boolean", "false", "2.11",
                "true: an array claim becomes a header with one value per element instead of one comma-joined "
                "value.",
                {}, "code in CE 2.11.0"},
            {"operation_debug", GoType::Bool, "boolean", "false", "2.0",
                "Logs the reason of every rejection at ERROR level. No effect on responses."},
        });
        return l;
    }();
    return list;
}

const QList<OptionInfo> &ValidatorConfig::serviceOptions()
{
    static const QList<OptionInfo> list = optionList({
        {"shared_cache_duration", GoType::Uint32, "integer (seconds)", "900 (0 or absent means 900)", "2.3",
            "Service level (extra_config at the root): a second-level key cache shared by every endpoint with "
            "cache: true. It is keyed by key_identify_strategy only, not by JWKS URL, so two identity providers "
            "using the same kid can collide."},
    });
    return list;
}

const OptionInfo *ValidatorConfig::option(const QString &name)
{
    const OptionInfo *endpointOption = findOption(options(), name);
    return endpointOption ? endpointOption : findOption(serviceOptions(), name);
}

ValidatorConfig ValidatorConfig::fromJson(const QJsonObject &block)
{
    ValidatorConfig config;
    config.m_decodeFindings = config.decode(block, options(), QStringLiteral("SignatureConfig"), ns());
    config.analyse();
    return config;
}

void ValidatorConfig::setServiceBlock(const QJsonObject &serviceBlock)
{
    m_serviceSource = serviceBlock;
    auto outcome = GoStruct::decode(serviceBlock, serviceOptions(), QStringLiteral("sharedCacheConfig"),
        QStringLiteral("service-level auth/validator"));
    m_serviceValues = outcome.values;
    m_serviceFindings = outcome.findings;
    for (const auto &e : std::as_const(outcome.typeErrors))
        m_serviceFindings.append(
            Finding {Severity::Warning, QStringLiteral("service_type_error"), QStringLiteral("shared_cache_duration"),
                e
                    + QStringLiteral(" (service-level auth/validator; the shared cache keeps its "
                                     "default of 900 s)")});
    if (outcome.present.contains(QStringLiteral("shared_cache_duration")) && sharedCacheDuration() == 0
        && outcome.typeErrors.isEmpty())
        m_serviceFindings.append(Finding {Severity::Info, QStringLiteral("shared_cache_duration_default"),
            QStringLiteral("shared_cache_duration"),
            QStringLiteral("shared_cache_duration 0 means the default, 900 s")});
    analyse();
}

void ValidatorConfig::setValue(const QString &option, const QJsonValue &value)
{
    const QJsonObject service = m_serviceSource;
    *this = fromJson(sourceWith(option, value));
    if (!service.isEmpty())
        setServiceBlock(service);
}

QList<QStringList> ValidatorConfig::propagateClaims() const
{
    QList<QStringList> out;
    const QJsonArray array = m_values.value(QLatin1String("propagate_claims")).toArray();
    for (const auto &pair : array) {
        QStringList p;
        const QJsonArray inner = pair.toArray();
        for (const auto &s : inner)
            p.append(s.toString());
        out.append(p);
    }
    return out;
}

quint32 ValidatorConfig::sharedCacheDuration() const
{
    return static_cast<quint32>(m_serviceValues.value(QLatin1String("shared_cache_duration")).toDouble());
}

std::optional<crypto::Algorithm> ValidatorConfig::algorithm() const
{
    return crypto::Algorithms::fromKrakendName(alg());
}

QString ValidatorConfig::effectiveRolesKey() const
{
    return rolesKey().isEmpty() ? QStringLiteral("roles") : rolesKey();
}

QString ValidatorConfig::effectiveCookieKey() const
{
    return cookieKey().isEmpty() ? QStringLiteral("access_token") : cookieKey();
}

QString ValidatorConfig::effectiveAuthHeaderName() const
{
    return authHeaderName().isEmpty() ? QStringLiteral("Authorization")
                                      : HeaderFormatter::canonicalHeaderName(authHeaderName());
}

qint64 ValidatorConfig::effectiveLeewayNanos() const
{
    const auto nanos = goParseDuration(leeway());
    return nanos && *nanos >= kSecond ? *nanos : kSecond;
}

qint64 ValidatorConfig::effectiveFailedKeyCooldownNanos() const
{
    const auto nanos = goParseDuration(failedJwkKeyCooldown());
    return nanos && *nanos >= kSecond ? *nanos : 0;
}

quint32 ValidatorConfig::effectiveCacheDurationSeconds() const
{
    return cacheDuration() == 0 ? 900 : cacheDuration();
}

quint32 ValidatorConfig::effectiveSharedCacheDurationSeconds() const
{
    return sharedCacheDuration() == 0 ? 900 : sharedCacheDuration();
}

validation::KeyIdStrategy ValidatorConfig::effectiveKeyIdStrategy() const
{
    const QString s = keyIdentifyStrategy();
    if (s == u"x5t")
        return validation::KeyIdStrategy::X5t;
    if (s == u"x5t#S256")
        return validation::KeyIdStrategy::X5tS256;
    if (s == u"kid_x5t")
        return validation::KeyIdStrategy::KidX5t;
    return validation::KeyIdStrategy::Kid;
}

bool ValidatorConfig::rolesLookupIsNested() const
{
    const QString key = effectiveRolesKey();
    return rolesKeyIsNested() && key.contains(u'.') && key.size() >= 4 && !key.startsWith(QLatin1String("http"));
}

bool ValidatorConfig::scopesCheckEnabled() const
{
    return !scopes().isEmpty() && !scopesKey().isEmpty();
}

QString ValidatorConfig::algProblem() const
{
    if (algorithm())
        return {};
    return QStringLiteral("JOSE: unknown algorithm %1").arg(alg());
}

QString ValidatorConfig::cacheLocalPathProblem() const
{
    return cache() && !jwkLocalPath().isEmpty() ? QStringLiteral("cache could not be used with jwk_local_path")
                                                : QString();
}

QString ValidatorConfig::rolesKeyPanicProblem() const
{
    const QString key = effectiveRolesKey();
    if (rolesKeyIsNested() && key.contains(u'.') && key.toUtf8().size() < 4)
        return QStringLiteral("runtime error: slice bounds out of range [:4] with length %1").arg(key.toUtf8().size());
    return {};
}

RuntimeState ValidatorConfig::runtimeState() const
{
    if (!m_typeErrors.isEmpty() || insecureJwkSource())
        return RuntimeState::RejectsAll;
    if (!algProblem().isEmpty() || !fingerprintProblem().isEmpty() || !cacheLocalPathProblem().isEmpty()
        || !rolesKeyPanicProblem().isEmpty())
        return RuntimeState::StartupFatal;
    return RuntimeState::Ok;
}

QString ValidatorConfig::runtimeProblem() const
{
    if (!m_typeErrors.isEmpty())
        return QStringLiteral("Unable to parse the configuration: ") + m_typeErrors.first();
    if (insecureJwkSource())
        return QStringLiteral("JWK client is using an insecure connection to the JWK service");
    for (const QString &p : {algProblem(), fingerprintProblem(), cacheLocalPathProblem()})
        if (!p.isEmpty())
            return QStringLiteral("Unable to create the validator: ") + p;
    if (const QString p = rolesKeyPanicProblem(); !p.isEmpty())
        return QStringLiteral("panic while building the endpoint handler: ") + p;
    return {};
}

void ValidatorConfig::analyse()
{
    m_findings = m_decodeFindings;
    for (const QString &e : std::as_const(m_typeErrors))
        add(m_findings, Severity::Error, "type_error", QString(),
            e + QStringLiteral(": KrakenD cannot parse the block and answers 401 to every request"));
    addKeySourceFindings(m_findings);
    addKeySourceNotes(m_findings);
    addStartupFindings(m_findings);
    addRolesAndScopesFindings(m_findings);
    addDurationFindings(m_findings);
    addClaimAndHeaderFindings(m_findings);
    m_findings += m_serviceFindings;
}

void ValidatorConfig::addKeySourceNotes(common::Findings &out) const
{
    if (disableJwkSecurity() && jwkUrl().startsWith(QLatin1String("https://")))
        add(out, Severity::Info, "tls_verification_disabled", QStringLiteral("disable_jwk_security"),
            QStringLiteral("disable_jwk_security also turns off certificate verification for the https download"));
    if (!secretUrl().isEmpty() && jwkLocalPath().isEmpty())
        add(out, Severity::Info, "secret_url_unused", QStringLiteral("secret_url"),
            QStringLiteral("secret_url only decrypts jwk_local_path; it is ignored here"));
    if (isSet(QStringLiteral("cypher_key")) && secretUrl().isEmpty())
        add(out, Severity::Info, "cypher_key_unused", QStringLiteral("cypher_key"),
            QStringLiteral("cypher_key is only used together with secret_url"));
}

QString ValidatorConfig::exitsAtStartup() const
{
    // krakend-jose returns the 401-for-every-request handler before it creates the validator: while that applies,
    // KrakenD starts, and the creation error only shows once the 401 cause is fixed (the simulator says the same).
    return runtimeState() == RuntimeState::RejectsAll
        ? QStringLiteral("KrakenD would exit at startup once the cause of the 401 for every request is fixed (today "
                         "it starts and answers 401 first)")
        : QStringLiteral("KrakenD exits at startup");
}

void ValidatorConfig::addStartupFindings(common::Findings &out) const
{
    if (const QString p = algProblem(); !p.isEmpty())
        add(out, Severity::Error, "unknown_alg", QStringLiteral("alg"),
            (alg().isEmpty() ? QStringLiteral("alg is missing: KrakenD has no default at run time (the schema's "
                                              "RS256 is not applied)")
                             : QStringLiteral("alg \"%1\" is not one of %2 (exact spelling)")
                                   .arg(alg(), algNames().join(QStringLiteral(", "))))
                + QStringLiteral(": %1 (\"%2\")").arg(exitsAtStartup(), p));
    const qsizetype before = out.size();
    addFingerprintFinding(out);
    for (qsizetype i = before; i < out.size(); ++i)
        out[i].message.replace(QStringLiteral("KrakenD exits at startup"), exitsAtStartup());
    if (const QString p = cacheLocalPathProblem(); !p.isEmpty())
        add(out, Severity::Error, "cache_with_local_path", QStringLiteral("cache"),
            QStringLiteral("\"%1\": %2; remove cache").arg(p, exitsAtStartup()));
    if (const QString p = rolesKeyPanicProblem(); !p.isEmpty())
        add(out, Severity::Error, "roles_key_panic", QStringLiteral("roles_key"),
            QStringLiteral("roles_key \"%1\" with roles_key_is_nested: KrakenD slices the key's first 4 bytes and "
                           "panics while building the handler (%2): %3")
                .arg(effectiveRolesKey(), p, exitsAtStartup()));
}

void ValidatorConfig::addRolesAndScopesFindings(common::Findings &out) const
{
    const QString rk = effectiveRolesKey();
    if (rk.contains(u'.') && !rolesKeyIsNested() && !rk.startsWith(QLatin1String("http")))
        add(out, Severity::Warning, "dotted_roles_key_not_nested", QStringLiteral("roles_key"),
            QStringLiteral("roles_key \"%1\" has a dot but roles_key_is_nested is not true: it is looked up as one "
                           "literal top-level claim name, so Keycloak-style paths give 403 (krakend-ce#997)")
                .arg(rk));
    if (rolesKeyIsNested() && rk.startsWith(QLatin1String("http")) && rk.contains(u'.'))
        add(out, Severity::Info, "roles_key_http_literal", QStringLiteral("roles_key"),
            QStringLiteral("roles_key starts with \"http\": it is looked up literally even with "
                           "roles_key_is_nested (namespaced claims work)"));
    if (rolesKeyIsNested() && !rk.contains(u'.'))
        add(out, Severity::Info, "roles_key_is_nested_unused", QStringLiteral("roles_key_is_nested"),
            QStringLiteral("roles_key_is_nested has no effect: roles_key \"%1\" has no dot").arg(rk));
    if (roles().isEmpty() && isSet(QStringLiteral("roles_key")))
        add(out, Severity::Info, "roles_key_without_roles", QStringLiteral("roles_key"),
            QStringLiteral("roles_key is set but roles is empty: no role check happens"));

    if (!scopes().isEmpty() && scopesKey().isEmpty())
        add(out, Severity::Warning, "scopes_without_scopes_key", QStringLiteral("scopes"),
            QStringLiteral("scopes are listed but scopes_key is empty: KrakenD silently skips the scope check"));
    if (scopes().isEmpty() && !scopesKey().isEmpty())
        add(out, Severity::Info, "scopes_key_without_scopes", QStringLiteral("scopes_key"),
            QStringLiteral("scopes_key is set but scopes is empty: no scope check happens"));
    if (scopesKey().contains(u'.') && scopesKey().startsWith(QLatin1String("http")))
        add(out, Severity::Warning, "scopes_key_namespaced", QStringLiteral("scopes_key"),
            QStringLiteral("scopes_key \"%1\" has a dot, so it is always a nested path (no http exception for "
                           "scopes): a namespaced top-level claim cannot be matched")
                .arg(scopesKey()));
    if (isSet(QStringLiteral("scopes_matcher")) && scopesMatcher() != u"any" && scopesMatcher() != u"all")
        add(out, Severity::Warning, "scopes_matcher_unknown", QStringLiteral("scopes_matcher"),
            QStringLiteral("scopes_matcher \"%1\" is neither any nor all: KrakenD uses any").arg(scopesMatcher()));
}

void ValidatorConfig::addDurationFindings(common::Findings &out) const
{
    if (isSet(QStringLiteral("leeway"))) {
        const auto nanos = goParseDuration(leeway());
        if (!nanos)
            add(out, Severity::Warning, "leeway_unparsable", QStringLiteral("leeway"),
                QStringLiteral("leeway \"%1\" is not a Go duration: KrakenD uses 1s").arg(leeway()));
        else if (*nanos < kSecond)
            add(out, Severity::Info, "leeway_minimum", QStringLiteral("leeway"),
                QStringLiteral("leeway \"%1\" is below 1s: KrakenD uses 1s").arg(leeway()));
        if (nanos && !common::Duration::isSingleUnitDuration(leeway()))
            add(out, Severity::Info, "leeway_not_single_unit", QStringLiteral("leeway"),
                QStringLiteral("leeway \"%1\" works at run time but fails the schema pattern (one number, one unit)")
                    .arg(leeway()));
    }
    if (isSet(QStringLiteral("failed_jwk_key_cooldown")) && effectiveFailedKeyCooldownNanos() == 0)
        add(out, Severity::Info, "cooldown_disabled", QStringLiteral("failed_jwk_key_cooldown"),
            QStringLiteral("failed_jwk_key_cooldown \"%1\" is unparsable or below 1s: the cooldown is disabled")
                .arg(failedJwkKeyCooldown()));
    if (isSet(QStringLiteral("cache_duration")) && cacheDuration() == 0 && m_typeErrors.isEmpty())
        add(out, Severity::Info, "cache_duration_default", QStringLiteral("cache_duration"),
            QStringLiteral("cache_duration 0 means the default, 900 s"));
    if (isSet(QStringLiteral("cache_duration")) && !cache())
        add(out, Severity::Info, "cache_duration_unused", QStringLiteral("cache_duration"),
            QStringLiteral("cache_duration has no effect without \"cache\": true"));

    const QString kis = keyIdentifyStrategy();
    if (isSet(QStringLiteral("key_identify_strategy")) && kis != u"kid" && kis != u"x5t" && kis != u"x5t#S256"
        && kis != u"kid_x5t")
        add(out, Severity::Warning, "key_identify_strategy_unknown", QStringLiteral("key_identify_strategy"),
            QStringLiteral("key_identify_strategy \"%1\" is unknown: KrakenD uses kid").arg(kis));
}

void ValidatorConfig::addClaimAndHeaderFindings(common::Findings &out) const
{
    const auto pairs = propagateClaims();
    for (int i = 0; i < pairs.size(); ++i)
        if (pairs[i].size() != 2)
            add(out, Severity::Warning, "propagate_claims_pair", QStringLiteral("propagate_claims"),
                QStringLiteral("propagate_claims[%1] has %2 element(s) instead of [claim, header]: KrakenD skips it "
                               "with a warning")
                    .arg(i)
                    .arg(pairs[i].size()));
    for (const auto &p : pairs)
        if (p.size() == 2 && !HeaderFormatter::isValidHeaderName(p[1]))
            add(out, Severity::Warning, "propagate_claims_header_name", QStringLiteral("propagate_claims"),
                QStringLiteral("\"%1\" is not a valid header name: Go keeps it as is and it is not canonicalised")
                    .arg(p[1]));

    for (const QString &a : audience())
        if (a.isEmpty())
            add(out, Severity::Warning, "empty_audience", QStringLiteral("audience"),
                QStringLiteral("audience contains an empty string: tokens must then carry an empty aud value"));
    if (isSet(QStringLiteral("auth_header_name")) && !authHeaderName().isEmpty()
        && !HeaderFormatter::isValidHeaderName(authHeaderName()))
        add(out, Severity::Warning, "auth_header_name_invalid", QStringLiteral("auth_header_name"),
            QStringLiteral("auth_header_name \"%1\" is not a valid header name: no request can carry it")
                .arg(authHeaderName()));
}

} // namespace jwb::krakend
