#pragma once

#include "common/Finding.h"
#include "crypto/Algorithm.h"
#include "validation/Policy.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::krakend {

/// The Go type of a KrakenD option's struct field: it decides which JSON values Go's `encoding/json` accepts.
enum class GoType {
    String, ///< string: a JSON string (null leaves it empty)
    Bool, ///< bool: true/false
    Uint32, ///< uint32: a non-negative integer number (after KrakenD's float64 round trip)
    StringList, ///< []string
    StringPairs, ///< [][]string (propagate_claims)
    Uint16List, ///< []uint16 (cipher_suites)
    Bytes, ///< []byte: a standard-base64 string (cypher_key)
};

/// One configuration option as data the UI can list: name, JSON type, default, first KrakenD version, meaning.
struct OptionInfo
{
    QString name; ///< as written in the config, e.g. "roles_key_is_nested"
    GoType goType = GoType::String;
    QString type; ///< for people: "string", "boolean", "array of strings", "duration string"...
    QStringList enumValues; ///< allowed values when the schema has an enum
    QString defaultValue; ///< KrakenD's runtime default in words ("roles", "1s", "none", "false")
    QString since; ///< first KrakenD version whose schema has it ("2.0", "2.6", ...)
    QString versionNote; ///< finer version facts ("code in CE 2.6.1", "x5t#S256 since 2.10")
    QString meaning; ///< what it does at run time, one paragraph
    bool inSchema = true; ///< false: accepted at run time only (fails `krakend check --lint`)
    bool readAtRuntime = true; ///< false: in the schema but ignored by KrakenD CE's code
};

/// Where a KrakenD config error leaves the endpoint (docs/krakend-jwt.md §3a).
enum class RuntimeState {
    Ok, ///< the validator runs per request
    RejectsAll, ///< KrakenD starts, but the endpoint answers 401 to every request
    StartupFatal, ///< KrakenD exits at startup (logger.Fatal or a panic while building the handler)
};

/// An endpoint's `auth/validator` block (plus the service-level `shared_cache_duration`) as KrakenD CE reads it.
///
/// fromJson() applies KrakenD's runtime semantics, not the schema's: the block goes through Go's
/// `json.Marshal`/`json.Unmarshal` into krakend-jose's `SignatureConfig`, so member names match
/// case-insensitively, unknown members are ignored (reported as findings, with a did-you-mean), numbers pass
/// through float64, and any JSON type mismatch makes the whole block fail to parse, which KrakenD answers with
/// 401 to every request. The typed accessors return what the runtime uses; the `effective...` ones apply
/// KrakenD's defaults and rules (roles_key "roles", cookie "access_token", leeway at least 1 s, cache_duration
/// 0 ⇒ 900, unknown key_identify_strategy ⇒ kid...). runtimeState() tells whether KrakenD would run the
/// validator, reject every request, or not start at all; problems that need the filesystem (jwk_local_ca,
/// jwk_local_path) are checked by the Simulator.
class ValidatorConfig
{
public:
    ValidatorConfig() = default;

    /// The endpoint-level options of docs/krakend-jwt.md §1, in the document's order.
    [[nodiscard]] static const QList<OptionInfo> &options();
    /// The service-level `extra_config["auth/validator"]` options (shared_cache_duration).
    [[nodiscard]] static const QList<OptionInfo> &serviceOptions();
    /// An endpoint or service option by exact name, or nullptr.
    [[nodiscard]] static const OptionInfo *option(const QString &name);
    /// "auth/validator" and its legacy alias "github.com/devopsfaith/krakend-jose/validator".
    [[nodiscard]] static QString ns();
    [[nodiscard]] static QString legacyNs();

    /// Decodes an endpoint block with KrakenD's runtime rules. Never fails: problems are recorded.
    [[nodiscard]] static ValidatorConfig fromJson(const QJsonObject &block);
    /// Adds the service-level block (`extra_config["auth/validator"]` at the root of krakend.json).
    void setServiceBlock(const QJsonObject &serviceBlock);

    /// Edits one option of the source block and decodes again (for forms); a Undefined value removes it.
    void setValue(const QString &option, const QJsonValue &value);

    [[nodiscard]] const QJsonObject &source() const { return m_source; }
    [[nodiscard]] const QJsonObject &serviceSource() const { return m_serviceSource; }
    /// Whether the block sets this option (also through a case-insensitive match).
    [[nodiscard]] bool isSet(const QString &option) const { return m_present.contains(option); }
    /// The decoded value of an option (Undefined when unset or when it failed to decode).
    [[nodiscard]] QJsonValue value(const QString &option) const { return m_values.value(option); }
    /// Every decoded option, canonical names, as KrakenD's struct holds them.
    [[nodiscard]] const QJsonObject &values() const { return m_values; }

    // Raw values, as the Go struct holds them after decoding (zero values when unset).
    [[nodiscard]] QString alg() const { return string(QStringLiteral("alg")); }
    [[nodiscard]] QString jwkUrl() const { return string(QStringLiteral("jwk_url")); }
    [[nodiscard]] QString jwkLocalPath() const { return string(QStringLiteral("jwk_local_path")); }
    [[nodiscard]] QString secretUrl() const { return string(QStringLiteral("secret_url")); }
    [[nodiscard]] QByteArray cypherKey() const;
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
    [[nodiscard]] bool disableJwkSecurity() const { return boolean(QStringLiteral("disable_jwk_security")); }
    [[nodiscard]] QStringList jwkFingerprints() const { return stringList(QStringLiteral("jwk_fingerprints")); }
    [[nodiscard]] QString jwkLocalCa() const { return string(QStringLiteral("jwk_local_ca")); }
    [[nodiscard]] QList<quint16> cipherSuites() const;
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
    /// Go's decoding errors (each makes the endpoint answer 401 to everything).
    [[nodiscard]] const QStringList &typeErrors() const { return m_typeErrors; }
    /// jwk_url lacks the exact "https://" prefix and disable_jwk_security is false (also for jwk_local_path).
    [[nodiscard]] bool insecureJwkSource() const;
    /// "JOSE: unknown algorithm X" when alg is not one of the 13 (exact spelling), else empty.
    [[nodiscard]] QString algProblem() const;
    /// "decoding fingerprint #i: ..." for the first jwk_fingerprints entry Go's base64.URLEncoding rejects.
    [[nodiscard]] QString fingerprintProblem() const;
    /// "cache could not be used with jwk_local_path" when both are set.
    [[nodiscard]] QString cacheLocalPathProblem() const;
    /// The Go slice panic of `roles_key[:4]` for a nested dotted key shorter than 4 characters.
    [[nodiscard]] QString rolesKeyPanicProblem() const;
    /// The fingerprints decoded with Go's rules and re-encoded canonically (URL-safe base64, padded).
    [[nodiscard]] QStringList decodedFingerprints() const;

    /// Everything worth telling about the block: unknown or case-mismatched options, type errors, the
    /// runtime traps of docs/krakend-jwt.md §8 (dotted roles_key without the nested flag, scopes without
    /// scopes_key, jwk_local_path without disable_jwk_security, ...). Ordered as found.
    [[nodiscard]] const common::Findings &findings() const { return m_findings; }

private:
    [[nodiscard]] QString string(const QString &name) const { return m_values.value(name).toString(); }
    [[nodiscard]] bool boolean(const QString &name) const { return m_values.value(name).toBool(); }
    [[nodiscard]] quint32 uint32(const QString &name) const
    {
        return static_cast<quint32>(m_values.value(name).toDouble());
    }
    [[nodiscard]] QStringList stringList(const QString &name) const;
    void analyse();

    QJsonObject m_source;
    QJsonObject m_serviceSource;
    QJsonObject m_values;
    QJsonObject m_serviceValues;
    QStringList m_present;
    QStringList m_typeErrors;
    common::Findings m_decodeFindings;
    common::Findings m_findings;
    common::Findings m_serviceFindings;
};

/// Go's `encoding/json` decoding of a KrakenD extra_config block into a Go struct, shared by ValidatorConfig and
/// SignerConfig. `structName` is used in Go's error text ("json: cannot unmarshal ... into Go struct field
/// SignatureConfig.audience of type []string").
namespace GoDecode {
struct Outcome
{
    QJsonObject values; ///< canonical option name → decoded value
    QStringList present; ///< canonical names the block sets
    QStringList typeErrors; ///< Go's error texts
    common::Findings findings; ///< unknown and case-mismatched members
};
[[nodiscard]] Outcome decode(
    const QJsonObject &block, const QList<OptionInfo> &options, const QString &structName, const QString &blockName);
/// Go's `encoding/base64` decoding: `url` selects the URL-safe alphabet, `padded` the '=' padding rule
/// (URLEncoding/StdEncoding vs RawURLEncoding); '\r' and '\n' are skipped and the unused low bits of the last
/// character are not checked, as in Go. On failure `error` gets Go's text ("illegal base64 data at input byte 4").
[[nodiscard]] std::optional<QByteArray> base64(QByteArrayView text, bool url, bool padded, QString *error = nullptr);
/// The closest option name (Levenshtein ≤ 3, or a known legacy spelling), empty if none.
[[nodiscard]] QString didYouMean(const QString &name, const QList<OptionInfo> &options);
} // namespace GoDecode

} // namespace jwb::krakend
