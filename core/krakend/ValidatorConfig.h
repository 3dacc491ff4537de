#pragma once

#include "common/Finding.h"
#include "crypto/Algorithm.h"
#include "krakend/KeySourceConfig.h"
#include "krakend/Namespaces.h"
#include "krakend/OptionInfo.h"
#include "krakend/go/GoStruct.h"
#include "validation/Policy.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::krakend {

/// Where a KrakenD config error leaves the endpoint (docs/krakend-jwt.md §3a).
enum class RuntimeState {
    Ok, ///< the validator runs per request
    RejectsAll, ///< KrakenD starts, but the endpoint answers 401 to every request
    StartupFatal, ///< KrakenD exits at startup (logger.Fatal or a panic while building the handler)
};

/// An endpoint's `auth/validator` block (plus the service-level `shared_cache_duration`) as KrakenD CE reads it.
///
/// fromJson() applies KrakenD's runtime semantics, not the schema's: the block goes through Go's
/// `json.Marshal`/`json.Unmarshal` into krakend-jose's `SignatureConfig` (GoStruct), so member names match
/// with Go's case folding, unknown members are ignored (reported as findings, with a did-you-mean), numbers pass
/// through float64, and any JSON type mismatch makes the whole block fail to parse, which KrakenD answers with
/// 401 to every request. The typed accessors return what the runtime uses; the `effective...` ones apply
/// KrakenD's defaults and rules (roles_key "roles", cookie "access_token", leeway at least 1 s, cache_duration
/// 0 ⇒ 900, unknown key_identify_strategy ⇒ kid...). runtimeState() tells whether KrakenD would run the
/// validator, reject every request, or not start at all; problems that need the filesystem (jwk_local_ca,
/// jwk_local_path) are checked by the Simulator.
class ValidatorConfig : public KeySourceConfig
{
public:
    ValidatorConfig() : KeySourceConfig(Role::Validator) { }

    /// The endpoint-level options of docs/krakend-jwt.md §1, in the document's order.
    [[nodiscard]] static const QList<OptionInfo> &options();
    /// The service-level `extra_config["auth/validator"]` options (shared_cache_duration).
    [[nodiscard]] static const QList<OptionInfo> &serviceOptions();
    /// An endpoint or service option by exact name, or nullptr.
    [[nodiscard]] static const OptionInfo *option(const QString &name);
    /// "auth/validator" and its legacy alias "github.com/devopsfaith/krakend-jose/validator".
    [[nodiscard]] static QString ns() { return Namespace::validator; }
    [[nodiscard]] static QString legacyNs() { return Namespace::legacyValidator; }

    /// Decodes an endpoint block with KrakenD's runtime rules. Never fails: problems are recorded.
    [[nodiscard]] static ValidatorConfig fromJson(const QJsonObject &block);
    /// Adds the service-level block (`extra_config["auth/validator"]` at the root of krakend.json).
    void setServiceBlock(const QJsonObject &serviceBlock);

    /// Edits one option of the source block and decodes again (for forms); a Undefined value removes it.
    void setValue(const QString &option, const QJsonValue &value);

    [[nodiscard]] const QJsonObject &serviceSource() const { return m_serviceSource; }

    // Raw values, as the Go struct holds them after decoding (zero values when unset); the key source's are
    // KeySourceConfig's.
    [[nodiscard]] QString alg() const { return string(QStringLiteral("alg")); }
    [[nodiscard]] bool cache() const { return boolean(QStringLiteral("cache")); }
    [[nodiscard]] quint32 cacheDuration() const { return uint32(QStringLiteral("cache_duration")); }
    [[nodiscard]] QStringList audience() const { return stringList(QStringLiteral("audience")); }
    [[nodiscard]] QString issuer() const { return string(QStringLiteral("issuer")); }
    [[nodiscard]] QString rolesKey() const { return string(QStringLiteral("roles_key")); }
    [[nodiscard]] bool rolesKeyIsNested() const { return boolean(QStringLiteral("roles_key_is_nested")); }
    [[nodiscard]] QStringList roles() const { return stringList(QStringLiteral("roles")); }
    [[nodiscard]] QStringList scopes() const { return stringList(QStringLiteral("scopes")); }
    [[nodiscard]] QString scopesKey() const { return string(QStringLiteral("scopes_key")); }
    [[nodiscard]] QString scopesMatcher() const { return string(QStringLiteral("scopes_matcher")); }
    [[nodiscard]] QString cookieKey() const { return string(QStringLiteral("cookie_key")); }
    [[nodiscard]] QString authHeaderName() const { return string(QStringLiteral("auth_header_name")); }
    [[nodiscard]] QString leeway() const { return string(QStringLiteral("leeway")); }
    [[nodiscard]] QString failedJwkKeyCooldown() const { return string(QStringLiteral("failed_jwk_key_cooldown")); }
    [[nodiscard]] QString keyIdentifyStrategy() const { return string(QStringLiteral("key_identify_strategy")); }
    [[nodiscard]] QList<QStringList> propagateClaims() const;
    [[nodiscard]] bool propagateClaimsPreserveArray() const
    {
        return boolean(QStringLiteral("propagate_claims_preserve_array"));
    }
    [[nodiscard]] bool operationDebug() const { return boolean(QStringLiteral("operation_debug")); }
    [[nodiscard]] quint32 sharedCacheDuration() const;

    // What the runtime uses.
    [[nodiscard]] std::optional<crypto::Algorithm> algorithm() const; ///< exact, case-sensitive
    [[nodiscard]] QString effectiveRolesKey() const; ///< "roles" when empty
    [[nodiscard]] QString effectiveCookieKey() const; ///< "access_token" when empty
    [[nodiscard]] QString effectiveAuthHeaderName() const; ///< canonicalised; "Authorization"
    [[nodiscard]] qint64 effectiveLeewayNanos() const; ///< unparsable or < 1s ⇒ 1s
    [[nodiscard]] qint64 effectiveFailedKeyCooldownNanos() const; ///< 0 = disabled (< 1s or unparsable)
    [[nodiscard]] quint32 effectiveCacheDurationSeconds() const; ///< 0 ⇒ 900
    [[nodiscard]] quint32 effectiveSharedCacheDurationSeconds() const; ///< 0 or absent ⇒ 900
    [[nodiscard]] validation::KeyIdStrategy effectiveKeyIdStrategy() const; ///< unknown ⇒ kid
    /// Roles are looked up as a nested path only when roles_key_is_nested, the key has a '.', and it does not
    /// start with "http" (krakend-jose gin/jose.go).
    [[nodiscard]] bool rolesLookupIsNested() const;
    /// Scopes are checked only when both `scopes` and `scopes_key` are non-empty.
    [[nodiscard]] bool scopesCheckEnabled() const;
    [[nodiscard]] bool scopesMatchAll() const { return scopesMatcher() == u"all"; }
    /// Whether the JWKS comes from jwk_local_path (set and cache false); otherwise from jwk_url.
    [[nodiscard]] bool usesLocalPath() const { return !jwkLocalPath().isEmpty() && !cache(); }

    // KrakenD's verdict on the block itself, in its startup order: parse (type errors) → https check →
    // validator creation (alg, fingerprints, [jwk_local_ca], cache+jwk_local_path, [jwk_local_path file]) →
    // handler construction (roles_key slice panic). Bracketed steps need files: see Simulator.
    [[nodiscard]] RuntimeState runtimeState() const;
    /// One line for runtimeState() != Ok: the reason KrakenD would log (empty when Ok).
    [[nodiscard]] QString runtimeProblem() const;
    /// "JOSE: unknown algorithm X" when alg is not one of the 13 (exact spelling), else empty.
    [[nodiscard]] QString algProblem() const;
    /// "cache could not be used with jwk_local_path" when both are set.
    [[nodiscard]] QString cacheLocalPathProblem() const;
    /// The Go slice panic of `roles_key[:4]` for a nested dotted key shorter than 4 characters.
    [[nodiscard]] QString rolesKeyPanicProblem() const;
    /// The consequence of a validator-creation error, as every finding states it: "KrakenD exits at startup", or,
    /// while the block already makes every request 401 (which KrakenD decides first), that it would exit once that
    /// is fixed. Lint and the simulator share it, so they cannot contradict each other.
    [[nodiscard]] QString exitsAtStartup() const;

    /// Everything worth telling about the block: unknown or case-mismatched options, type errors, the
    /// runtime traps of docs/krakend-jwt.md §8 (dotted roles_key without the nested flag, scopes without
    /// scopes_key, jwk_local_path without disable_jwk_security, ...). Ordered as found.
    [[nodiscard]] const common::Findings &findings() const { return m_findings; }

private:
    void analyse();
    void addKeySourceNotes(common::Findings &out) const;
    void addStartupFindings(common::Findings &out) const;
    void addRolesAndScopesFindings(common::Findings &out) const;
    void addDurationFindings(common::Findings &out) const;
    void addClaimAndHeaderFindings(common::Findings &out) const;

    QJsonObject m_serviceSource;
    QJsonObject m_serviceValues;
    common::Findings m_decodeFindings;
    common::Findings m_findings;
    common::Findings m_serviceFindings;
};

} // namespace jwb::krakend
