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

OptionInfo opt(const char *name, GoType goType, const char *type, const char *defaultValue, const char *since,
    const char *meaning, QStringList enumValues = {}, const char *versionNote = "")
{
    OptionInfo o;
    o.name = QString::fromLatin1(name);
    o.goType = goType;
    o.type = QString::fromUtf8(type);
    o.defaultValue = QString::fromUtf8(defaultValue);
    o.since = QString::fromLatin1(since);
    o.meaning = QString::fromUtf8(meaning);
    o.enumValues = std::move(enumValues);
    o.versionNote = QString::fromUtf8(versionNote);
    return o;
}

QStringList algNames()
{
    return jose::Claims::krakendAlgorithms();
}

const char *kindName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return "string";
    case QJsonValue::Double:
        return "number";
    case QJsonValue::Bool:
        return "bool";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    default:
        return "null";
    }
}

const char *goTypeName(GoType t)
{
    switch (t) {
    case GoType::String:
        return "string";
    case GoType::Bool:
        return "bool";
    case GoType::Uint32:
        return "uint32";
    case GoType::StringList:
        return "[]string";
    case GoType::StringPairs:
        return "[][]string";
    case GoType::Uint16List:
        return "[]uint16";
    case GoType::Bytes:
        return "[]uint8";
    }
    return "";
}

/// Go's case folding of JSON member names (encoding/json foldName): "ALG", "Alg" and "alg" are the same field,
/// and so are the Kelvin sign and 'k', or 'ſ' and 's'.
QString foldName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name)
        out += c.toLower().toUpper();
    return out;
}

/// A number after KrakenD's float64 round trip, as the text Go's uint decoder sees.
QString numberText(double v)
{
    return HeaderFormatter::goJson(QJsonValue(v));
}

bool isUnsigned(const QString &text, quint64 max)
{
    if (text.isEmpty() || !std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;
    bool ok = false;
    const quint64 n = text.toULongLong(&ok);
    return ok && n <= max;
}

int levenshtein(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
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

// ------------------------------------------------------------------------------------------------ GoDecode

namespace GoDecode {

std::optional<QByteArray> base64(QByteArrayView text, bool url, bool padded, QString *error)
{
    auto value = [url](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == (url ? '-' : '+'))
            return 62;
        if (c == (url ? '_' : '/'))
            return 63;
        return -1;
    };
    auto corrupt = [error](qsizetype at) -> std::optional<QByteArray> {
        if (error)
            *error = QStringLiteral("illegal base64 data at input byte %1").arg(at);
        return std::nullopt;
    };
    QByteArray out;
    qsizetype si = 0;
    const qsizetype n = text.size();
    // Mirrors encoding/base64 decodeQuantum: four characters at a time, newlines skipped, padding checked.
    while (true) {
        int quantum[4] = {0, 0, 0, 0};
        int dlen = 4;
        int j = 0;
        bool end = false;
        for (; j < 4;) {
            if (si == n) {
                if (j == 0)
                    return out;
                if (j == 1 || padded)
                    return corrupt(si - j);
                dlen = j;
                end = true;
                break;
            }
            const char c = text[si++];
            if (c == '\n' || c == '\r')
                continue;
            const int v = value(c);
            if (v >= 0) {
                quantum[j++] = v;
                continue;
            }
            if (c != '=' || !padded)
                return corrupt(si - 1);
            // Padding: only after 2 or 3 characters; "==" after 2.
            if (j < 2)
                return corrupt(si - 1);
            if (j == 2) {
                while (si < n && (text[si] == '\n' || text[si] == '\r'))
                    ++si;
                if (si == n)
                    return corrupt(n);
                if (text[si] != '=')
                    return corrupt(si - 1);
                ++si;
            }
            while (si < n && (text[si] == '\n' || text[si] == '\r'))
                ++si;
            if (si < n)
                return corrupt(si);
            dlen = j;
            end = true;
            break;
        }
        const quint32 bits = (quint32(quantum[0]) << 18) | (quint32(quantum[1]) << 12) | (quint32(quantum[2]) << 6)
            | quint32(quantum[3]);
        if (dlen >= 2)
            out.append(char((bits >> 16) & 0xFF));
        if (dlen >= 3)
            out.append(char((bits >> 8) & 0xFF));
        if (dlen >= 4)
            out.append(char(bits & 0xFF));
        if (end)
            return out;
    }
}

QString didYouMean(const QString &name, const QList<OptionInfo> &options)
{
    static const QList<QPair<QString, QString>> legacy = {
        {QStringLiteral("jwk-url"), QStringLiteral("jwk_url")},
        {QStringLiteral("propagate-claims"), QStringLiteral("propagate_claims")},
        {QStringLiteral("scope_key"), QStringLiteral("scopes_key")},
        {QStringLiteral("scope"), QStringLiteral("scopes")},
        {QStringLiteral("roles-key"), QStringLiteral("roles_key")},
        {QStringLiteral("keys-to-sign"), QStringLiteral("keys_to_sign")},
        {QStringLiteral("scope_matcher"), QStringLiteral("scopes_matcher")},
        {QStringLiteral("audiences"), QStringLiteral("audience")},
        {QStringLiteral("aud"), QStringLiteral("audience")},
        {QStringLiteral("iss"), QStringLiteral("issuer")},
    };
    // A pair, not a structured binding: clang before 16 cannot capture bindings in the lambda (fuzz build).
    for (const auto &entry : legacy)
        if (name == entry.first
            && std::any_of(options.begin(), options.end(), [&](const OptionInfo &o) { return o.name == entry.second; }))
            return entry.second;
    QString best;
    int bestDistance = 4;
    const QString lowered = name.toLower();
    for (const auto &o : options) {
        const int d = levenshtein(lowered, o.name);
        if (d < bestDistance) {
            bestDistance = d;
            best = o.name;
        }
    }
    return best;
}

Outcome decode(
    const QJsonObject &block, const QList<OptionInfo> &options, const QString &structName, const QString &blockName)
{
    Outcome out;
    QStringList keys = block.keys();
    // KrakenD re-marshals the parsed block: Go sorts map keys bytewise, so for two spellings of one field the
    // later one in that order wins.
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    for (const QString &key : keys) {
        const OptionInfo *option = nullptr;
        bool folded = false;
        for (const auto &o : options)
            if (o.name == key)
                option = &o;
        if (!option) {
            const QString f = foldName(key);
            for (const auto &o : options)
                if (foldName(o.name) == f)
                    option = &o;
            folded = option != nullptr;
        }
        if (!option) {
            if (!key.isEmpty() && QStringLiteral("@$_#").contains(key[0]))
                continue; // a comment member: allowed by the schema, ignored by Go
            const QString hint = didYouMean(key, options);
            out.findings.append(Finding {Severity::Warning, QStringLiteral("unknown_option"), key,
                QStringLiteral("\"%1\" is not an %2 option: KrakenD ignores it at run time (the schema rejects "
                               "it)%3")
                    .arg(key, blockName,
                        hint.isEmpty() ? QString() : QStringLiteral("; did you mean \"%1\"?").arg(hint))});
            continue;
        }
        if (folded)
            out.findings.append(Finding {Severity::Warning, QStringLiteral("option_case_mismatch"), key,
                QStringLiteral("\"%1\" is read as \"%2\" only because Go's JSON decoding ignores case; the schema "
                               "rejects it: write \"%2\"")
                    .arg(key, option->name)});
        if (!out.present.contains(option->name))
            out.present.append(option->name);

        const QJsonValue v = block.value(key);
        const QString field = structName + u'.' + option->name;
        auto typeError = [&](const QString &what, const char *goType) {
            out.typeErrors.append(QStringLiteral("json: cannot unmarshal %1 into Go struct field %2 of type %3")
                                      .arg(what, field, QLatin1String(goType)));
        };
        if (v.isNull())
            continue; // Go leaves the field as it is (slices become nil)
        switch (option->goType) {
        case GoType::String:
            if (v.isString())
                out.values.insert(option->name, v);
            else
                typeError(QLatin1String(kindName(v)), "string");
            break;
        case GoType::Bool:
            if (v.isBool())
                out.values.insert(option->name, v);
            else
                typeError(QLatin1String(kindName(v)), "bool");
            break;
        case GoType::Uint32:
            if (!v.isDouble())
                typeError(QLatin1String(kindName(v)), "uint32");
            else if (const QString text = numberText(v.toDouble()); !isUnsigned(text, 0xFFFFFFFFULL))
                typeError(QStringLiteral("number ") + text, "uint32");
            else
                out.values.insert(option->name, QJsonValue(double(text.toULongLong())));
            break;
        case GoType::StringList:
        case GoType::StringPairs:
        case GoType::Uint16List: {
            if (!v.isArray()) {
                typeError(QLatin1String(kindName(v)), goTypeName(option->goType));
                break;
            }
            QJsonArray decoded;
            const QJsonArray array = v.toArray();
            bool ok = true;
            for (const auto &e : array) {
                if (option->goType == GoType::StringList) {
                    if (e.isString() || e.isNull())
                        decoded.append(e.toString());
                    else {
                        ok = false;
                        typeError(QLatin1String(kindName(e)), "string");
                    }
                } else if (option->goType == GoType::Uint16List) {
                    if (e.isNull())
                        decoded.append(0);
                    else if (!e.isDouble()) {
                        ok = false;
                        typeError(QLatin1String(kindName(e)), "uint16");
                    } else if (const QString text = numberText(e.toDouble()); !isUnsigned(text, 0xFFFF)) {
                        ok = false;
                        typeError(QStringLiteral("number ") + text, "uint16");
                    } else
                        decoded.append(double(text.toULongLong()));
                } else {
                    QJsonArray pair;
                    if (e.isArray()) {
                        const QJsonArray inner = e.toArray();
                        for (const auto &s : inner) {
                            if (s.isString() || s.isNull()) {
                                pair.append(s.toString());
                            } else {
                                ok = false;
                                typeError(QLatin1String(kindName(s)), "string");
                            }
                        }
                    } else if (!e.isNull()) {
                        ok = false;
                        typeError(QLatin1String(kindName(e)), "[]string");
                    }
                    decoded.append(pair);
                }
            }
            if (ok)
                out.values.insert(option->name, decoded);
            break;
        }
        case GoType::Bytes: {
            if (v.isString()) {
                QString error;
                const auto bytes = base64(v.toString().toUtf8(), false, true, &error);
                if (bytes)
                    out.values.insert(option->name, QString::fromLatin1(bytes->toBase64()));
                else
                    out.typeErrors.append(error);
            } else if (v.isArray()) {
                QByteArray bytes;
                bool ok = true;
                const QJsonArray array = v.toArray();
                for (const auto &e : array) {
                    if (!e.isDouble() || !isUnsigned(numberText(e.toDouble()), 0xFF)) {
                        ok = false;
                        typeError(e.isDouble() ? QString(QStringLiteral("number ") + numberText(e.toDouble()))
                                               : QString::fromLatin1(kindName(e)),
                            "uint8");
                    } else {
                        bytes.append(char(int(e.toDouble())));
                    }
                }
                if (ok)
                    out.values.insert(option->name, QString::fromLatin1(bytes.toBase64()));
            } else {
                typeError(QLatin1String(kindName(v)), "[]uint8");
            }
            break;
        }
        }
    }
    return out;
}

} // namespace GoDecode

// ------------------------------------------------------------------------------------------- ValidatorConfig

const QList<OptionInfo> &ValidatorConfig::options()
{
    static const QList<OptionInfo> list = [] {
        QList<OptionInfo> l;
        l << opt("alg", GoType::String, "string (enum)", "none at run time (the schema says RS256)", "2.0",
            "The only accepted signing algorithm. Must be one of the 13 names exactly, or KrakenD exits at "
            "startup (\"JOSE: unknown algorithm\"). Each token's header alg must be string-equal to it (401 "
            "\"algorithm is invalid\"); the JWK's own alg and use are ignored.",
            algNames());
        l << opt("jwk_url", GoType::String, "string (URL)", "none", "2.0",
            "Where the JWK Set is downloaded. Must start with the exact prefix https:// unless "
            "disable_jwk_security is true, otherwise (also when empty) every request gets 401. The response "
            "needs a Content-Type starting with application/json or application/jwk-set+json and at least one "
            "key; one unparsable key breaks the whole set.");
        l << opt("jwk_local_path", GoType::String, "string (file path)", "none", "2.0",
            "A JWK Set file read at startup (read or parse errors stop KrakenD). Wins over jwk_url when cache is "
            "false. jwk_url is then empty, so disable_jwk_security: true is required or every request gets "
            "401; cache: true with it stops KrakenD at startup.");
        l << opt("secret_url", GoType::String,
            "string (base64key://, awskms://, azurekeyvault://, gcpkms://, hashivault://)", "none", "2.0",
            "Only with jwk_local_path: the key that decrypts the file at startup (the file is AES-256-GCM "
            "encrypted with the key in cypher_key).");
        l << opt("cypher_key", GoType::Bytes, "string (standard base64)", "none", "2.0",
            "The encrypted data key for secret_url. A Go []byte field: the JSON string must be standard "
            "base64, otherwise the block fails to parse (401 to every request).");
        l << opt("cache", GoType::Bool, "boolean", "false", "2.0",
            "false: every key lookup downloads the JWK Set (two lookups per request). true: all keys of the "
            "downloaded set are cached per endpoint for cache_duration; an unknown kid triggers a refetch; a "
            "warm-up download runs at startup. Not allowed with jwk_local_path (startup fatal).");
        l << opt("cache_duration", GoType::Uint32, "integer (seconds)", "900 (0 means 900)", "2.0",
            "Time to live of each cached key, counted from when it was stored.");
        l << opt("audience", GoType::StringList, "array of strings", "none (no check)", "2.0",
            "The token's aud (a string or an array of strings) must contain EVERY listed value, not just one. "
            "Empty or absent: no check.");
        l << opt("issuer", GoType::String, "string", "none (no check)", "2.0",
            "Exact string equality with the token's iss; a token without iss fails when this is set.");
        l << opt("roles_key", GoType::String, "string", "roles", "2.0",
            "The claim holding the roles, looked up literally at the top level (dots are part of the name) "
            "unless roles_key_is_nested applies.");
        l << opt("roles_key_is_nested", GoType::Bool, "boolean", "false", "2.0",
            "Nested lookup only when true AND roles_key contains a dot AND it does not start with \"http\". A "
            "dotted key shorter than 4 characters with this flag makes KrakenD panic at startup.");
        l << opt("roles", GoType::StringList, "array of strings", "none (no check)", "2.0",
            "If non-empty the token must hold at least one of them, else 403. An array claim is compared "
            "element by element (a non-string element reached before a match makes KrakenD answer 500); a "
            "string claim is split on single spaces.");
        l << opt("scopes", GoType::StringList, "array of strings", "none (no check)", "2.0",
            "Required scopes (403 when missing). Checked only when scopes_key is also set.");
        l << opt("scopes_key", GoType::String, "string", "none", "2.0",
            "The claim holding the scopes: a space-separated string or an array of strings. A key with a dot is "
            "ALWAYS a nested path (no http exception), so a namespaced top-level claim with dots cannot be used.");
        l << opt("scopes_matcher", GoType::String, "string (enum)", "any", "2.0",
            "Exactly \"all\" requires every scope; any other value means any one of them.",
            {QStringLiteral("any"), QStringLiteral("all")});
        l << opt("cookie_key", GoType::String, "string", "access_token", "2.0",
            "The cookie read when the header is absent or empty. Even without this option a cookie named "
            "access_token is accepted. The cookie holds the bare token (no Bearer).");
        l << opt("auth_header_name", GoType::String, "string", "Authorization", "2.6",
            "The header read first (name canonicalised). A leading \"Bearer \" (any case) is stripped when the "
            "value is longer than 7 characters; otherwise the whole value is the token.",
            {}, "code in CE 2.6.0; earlier versions required Bearer in Authorization");
        l << opt("leeway", GoType::String, "duration string", "1s", "2.6",
            "Clock skew allowed for exp, nbf and iat. Parsed with Go's time.ParseDuration; unparsable or below "
            "1s means 1s. The schema only allows one number and one unit (\"1m30s\" fails lint, works at run "
            "time).",
            {}, "code in CE 2.6.1");
        l << opt("failed_jwk_key_cooldown", GoType::String, "duration string", "disabled", "2.7",
            "After a key id lookup fails, the same id fails at once (401 \"no Keys have been found\") for this "
            "long without contacting the identity provider. Below 1s or unparsable: disabled.",
            {}, "code in CE 2.7.1");
        l << opt("key_identify_strategy", GoType::String, "string (enum)", "kid", "2.0",
            "How the token and the JWKs identify the key: kid, x5t (SHA-1 certificate thumbprint), x5t#S256 "
            "(SHA-256 thumbprint) or kid_x5t (kid followed by x5t). Unknown values mean kid.",
            {QStringLiteral("kid"), QStringLiteral("x5t"), QStringLiteral("x5t#S256"), QStringLiteral("kid_x5t")},
            "x5t#S256 since 2.10");
        l << opt("disable_jwk_security", GoType::Bool, "boolean", "false", "2.0",
            "Allows a jwk_url that does not start with https:// (or none at all, as with jwk_local_path) AND "
            "turns off certificate verification of the JWKS download, even for https.");
        l << opt("jwk_fingerprints", GoType::StringList, "array of strings", "none (no pinning)", "2.0",
            "Certificate pinning: SHA-256 of a presented certificate's SubjectPublicKeyInfo, in URL-safe base64 "
            "WITH padding. An entry Go's base64.URLEncoding rejects (standard alphabet, missing padding) stops "
            "KrakenD at startup; no match makes the download fail (401).");
        l << opt("jwk_local_ca", GoType::String, "string (PEM file path)", "none", "2.0",
            "Extra trust anchors for the JWKS download, added to the system roots. Unreadable: startup fatal.");
        l << opt("cipher_suites", GoType::Uint16List, "array of integers", "[49199, 49195, 49200, 49196, 52392, 52393]",
            "2.0", "TLS 1.2 cipher suites for the JWKS download (TLS 1.2 is the minimum).");
        l << opt("propagate_claims", GoType::StringPairs, "array of [claim, header] pairs", "none", "2.0",
            "Copies claims into request headers after every check passed (the backend sees them only if "
            "input_headers lists them). A claim name with a dot not starting with \"http\" is a nested path. "
            "A missing claim gives an EMPTY header (it wipes a client value); pairs that are not two strings "
            "long are skipped.");
        l << opt("propagate_claims_preserve_array", GoType::Bool, "boolean", "false", "2.11",
            "true: an array claim becomes a header with one value per element instead of one comma-joined value.", {},
            "code in CE 2.11.0");
        l << opt("operation_debug", GoType::Bool, "boolean", "false", "2.0",
            "Logs the reason of every rejection at ERROR level. No effect on responses.");
        return l;
    }();
    return list;
}

const QList<OptionInfo> &ValidatorConfig::serviceOptions()
{
    static const QList<OptionInfo> list = {
        opt("shared_cache_duration", GoType::Uint32, "integer (seconds)", "900 (0 or absent means 900)", "2.3",
            "Service level (extra_config at the root): a second-level key cache shared by every endpoint with "
            "cache: true. It is keyed by key_identify_strategy only, not by JWKS URL, so two identity providers "
            "using the same kid can collide."),
    };
    return list;
}

const OptionInfo *ValidatorConfig::option(const QString &name)
{
    for (const auto &o : options())
        if (o.name == name)
            return &o;
    for (const auto &o : serviceOptions())
        if (o.name == name)
            return &o;
    return nullptr;
}

QString ValidatorConfig::ns()
{
    return Namespace::validator;
}

QString ValidatorConfig::legacyNs()
{
    return Namespace::legacyValidator;
}

ValidatorConfig ValidatorConfig::fromJson(const QJsonObject &block)
{
    ValidatorConfig config;
    config.m_source = block;
    auto outcome = GoDecode::decode(block, options(), QStringLiteral("SignatureConfig"), ns());
    config.m_values = outcome.values;
    config.m_present = outcome.present;
    config.m_typeErrors = outcome.typeErrors;
    config.m_decodeFindings = outcome.findings;
    config.analyse();
    return config;
}

void ValidatorConfig::setServiceBlock(const QJsonObject &serviceBlock)
{
    m_serviceSource = serviceBlock;
    auto outcome = GoDecode::decode(serviceBlock, serviceOptions(), QStringLiteral("sharedCacheConfig"),
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
    QJsonObject source = m_source;
    if (value.isUndefined())
        source.remove(option);
    else
        source.insert(option, value);
    const QJsonObject service = m_serviceSource;
    *this = fromJson(source);
    if (!service.isEmpty())
        setServiceBlock(service);
}

QStringList ValidatorConfig::stringList(const QString &name) const
{
    QStringList out;
    const QJsonArray array = m_values.value(name).toArray();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

QByteArray ValidatorConfig::cypherKey() const
{
    return QByteArray::fromBase64(string(QStringLiteral("cypher_key")).toLatin1());
}

QList<quint16> ValidatorConfig::cipherSuites() const
{
    QList<quint16> out;
    const QJsonArray array = m_values.value(QLatin1String("cipher_suites")).toArray();
    for (const auto &v : array)
        out.append(static_cast<quint16>(v.toInt()));
    return out;
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
    return crypto::Algorithms::fromName(alg());
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

bool ValidatorConfig::insecureJwkSource() const
{
    return !jwkUrl().startsWith(QLatin1String("https://")) && !disableJwkSecurity();
}

QString ValidatorConfig::algProblem() const
{
    if (algorithm())
        return {};
    return QStringLiteral("JOSE: unknown algorithm %1").arg(alg());
}

QString ValidatorConfig::fingerprintProblem() const
{
    const QStringList pins = jwkFingerprints();
    for (int i = 0; i < pins.size(); ++i) {
        QString error;
        if (!GoDecode::base64(pins[i].toUtf8(), true, true, &error))
            return QStringLiteral("decoding fingerprint #%1: %2").arg(i).arg(error);
    }
    return {};
}

QStringList ValidatorConfig::decodedFingerprints() const
{
    QStringList out;
    for (const QString &pin : jwkFingerprints())
        if (const auto bytes = GoDecode::base64(pin.toUtf8(), true, true))
            out.append(QString::fromLatin1(bytes->toBase64(QByteArray::Base64UrlEncoding)));
    return out;
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
    auto add = [this](Severity s, const char *code, const QString &subject, const QString &message) {
        m_findings.append(Finding {s, QString::fromLatin1(code), subject, message});
    };

    for (const QString &e : std::as_const(m_typeErrors))
        add(Severity::Error, "type_error", QString(),
            e + QStringLiteral(": KrakenD cannot parse the block and answers 401 to every request"));

    // Key source.
    const bool hasUrl = !jwkUrl().isEmpty();
    const bool hasPath = !jwkLocalPath().isEmpty();
    if (insecureJwkSource()) {
        if (hasPath && !hasUrl)
            add(Severity::Error, "local_path_needs_disable_jwk_security", QStringLiteral("jwk_local_path"),
                QStringLiteral("jwk_local_path leaves jwk_url empty, which fails KrakenD's https:// check: add "
                               "\"disable_jwk_security\": true or every request gets 401 (the schema does not catch "
                               "this)"));
        else if (!hasUrl)
            add(Severity::Error, "no_key_source", QStringLiteral("jwk_url"),
                QStringLiteral("neither jwk_url nor jwk_local_path is set: every request gets 401"));
        else
            add(Severity::Error, "insecure_jwk_url", QStringLiteral("jwk_url"),
                QStringLiteral("jwk_url \"%1\" does not start with https:// and disable_jwk_security is not true: "
                               "every request gets 401 (\"JWK client is using an insecure connection\")")
                    .arg(jwkUrl()));
    } else if (!hasUrl && !hasPath) {
        add(Severity::Error, "no_key_source", QStringLiteral("jwk_url"),
            QStringLiteral("neither jwk_url nor jwk_local_path is set: every key lookup downloads from an empty URL "
                           "and fails (401)"));
    }
    if (hasUrl && hasPath)
        add(Severity::Warning, "both_key_sources", QStringLiteral("jwk_local_path"),
            QStringLiteral("both jwk_url and jwk_local_path are set: the schema allows exactly one; at run time %1")
                .arg(cache() ? QStringLiteral("cache with jwk_local_path stops KrakenD")
                             : QStringLiteral("the file wins, and a key id missing from it makes KrakenD download "
                                              "jwk_url and then panic (500)")));
    if (disableJwkSecurity() && jwkUrl().startsWith(QLatin1String("https://")))
        add(Severity::Info, "tls_verification_disabled", QStringLiteral("disable_jwk_security"),
            QStringLiteral("disable_jwk_security also turns off certificate verification for the https download"));
    if (!secretUrl().isEmpty() && !hasPath)
        add(Severity::Info, "secret_url_unused", QStringLiteral("secret_url"),
            QStringLiteral("secret_url only decrypts jwk_local_path; it is ignored here"));
    if (isSet(QStringLiteral("cypher_key")) && secretUrl().isEmpty())
        add(Severity::Info, "cypher_key_unused", QStringLiteral("cypher_key"),
            QStringLiteral("cypher_key is only used together with secret_url"));

    // Startup-fatal problems.
    if (const QString p = algProblem(); !p.isEmpty())
        add(Severity::Error, "unknown_alg", QStringLiteral("alg"),
            (alg().isEmpty() ? QStringLiteral("alg is missing: KrakenD has no default at run time (the schema's "
                                              "RS256 is not applied)")
                             : QStringLiteral("alg \"%1\" is not one of %2 (exact spelling)")
                                   .arg(alg(), algNames().join(QStringLiteral(", "))))
                + QStringLiteral(": KrakenD exits at startup (\"%1\")").arg(p));
    if (const QString p = fingerprintProblem(); !p.isEmpty())
        add(Severity::Error, "bad_fingerprint", QStringLiteral("jwk_fingerprints"),
            QStringLiteral("%1: pins must be URL-safe base64 with '=' padding (Go base64.URLEncoding); KrakenD exits "
                           "at startup")
                .arg(p));
    if (const QString p = cacheLocalPathProblem(); !p.isEmpty())
        add(Severity::Error, "cache_with_local_path", QStringLiteral("cache"),
            QStringLiteral("\"%1\": KrakenD exits at startup; remove cache").arg(p));
    if (const QString p = rolesKeyPanicProblem(); !p.isEmpty())
        add(Severity::Error, "roles_key_panic", QStringLiteral("roles_key"),
            QStringLiteral("roles_key \"%1\" with roles_key_is_nested: KrakenD slices the key's first 4 bytes and "
                           "panics at startup (%2)")
                .arg(effectiveRolesKey(), p));

    // Roles.
    const QString rk = effectiveRolesKey();
    if (rk.contains(u'.') && !rolesKeyIsNested() && !rk.startsWith(QLatin1String("http")))
        add(Severity::Warning, "dotted_roles_key_not_nested", QStringLiteral("roles_key"),
            QStringLiteral("roles_key \"%1\" has a dot but roles_key_is_nested is not true: it is looked up as one "
                           "literal top-level claim name, so Keycloak-style paths give 403 (krakend-ce#997)")
                .arg(rk));
    if (rolesKeyIsNested() && rk.startsWith(QLatin1String("http")) && rk.contains(u'.'))
        add(Severity::Info, "roles_key_http_literal", QStringLiteral("roles_key"),
            QStringLiteral("roles_key starts with \"http\": it is looked up literally even with "
                           "roles_key_is_nested (namespaced claims work)"));
    if (rolesKeyIsNested() && !rk.contains(u'.'))
        add(Severity::Info, "roles_key_is_nested_unused", QStringLiteral("roles_key_is_nested"),
            QStringLiteral("roles_key_is_nested has no effect: roles_key \"%1\" has no dot").arg(rk));
    if (roles().isEmpty() && isSet(QStringLiteral("roles_key")))
        add(Severity::Info, "roles_key_without_roles", QStringLiteral("roles_key"),
            QStringLiteral("roles_key is set but roles is empty: no role check happens"));

    // Scopes.
    if (!scopes().isEmpty() && scopesKey().isEmpty())
        add(Severity::Warning, "scopes_without_scopes_key", QStringLiteral("scopes"),
            QStringLiteral("scopes are listed but scopes_key is empty: KrakenD silently skips the scope check"));
    if (scopes().isEmpty() && !scopesKey().isEmpty())
        add(Severity::Info, "scopes_key_without_scopes", QStringLiteral("scopes_key"),
            QStringLiteral("scopes_key is set but scopes is empty: no scope check happens"));
    if (scopesKey().contains(u'.') && scopesKey().startsWith(QLatin1String("http")))
        add(Severity::Warning, "scopes_key_namespaced", QStringLiteral("scopes_key"),
            QStringLiteral("scopes_key \"%1\" has a dot, so it is always a nested path (no http exception for "
                           "scopes): a namespaced top-level claim cannot be matched")
                .arg(scopesKey()));
    if (isSet(QStringLiteral("scopes_matcher")) && scopesMatcher() != u"any" && scopesMatcher() != u"all")
        add(Severity::Warning, "scopes_matcher_unknown", QStringLiteral("scopes_matcher"),
            QStringLiteral("scopes_matcher \"%1\" is neither any nor all: KrakenD uses any").arg(scopesMatcher()));

    // Durations.
    if (isSet(QStringLiteral("leeway"))) {
        const auto nanos = goParseDuration(leeway());
        if (!nanos)
            add(Severity::Warning, "leeway_unparsable", QStringLiteral("leeway"),
                QStringLiteral("leeway \"%1\" is not a Go duration: KrakenD uses 1s").arg(leeway()));
        else if (*nanos < kSecond)
            add(Severity::Info, "leeway_minimum", QStringLiteral("leeway"),
                QStringLiteral("leeway \"%1\" is below 1s: KrakenD uses 1s").arg(leeway()));
        if (nanos && !common::Duration::isSingleUnitDuration(leeway()))
            add(Severity::Info, "leeway_not_single_unit", QStringLiteral("leeway"),
                QStringLiteral("leeway \"%1\" works at run time but fails the schema pattern (one number, one unit)")
                    .arg(leeway()));
    }
    if (isSet(QStringLiteral("failed_jwk_key_cooldown")) && effectiveFailedKeyCooldownNanos() == 0)
        add(Severity::Info, "cooldown_disabled", QStringLiteral("failed_jwk_key_cooldown"),
            QStringLiteral("failed_jwk_key_cooldown \"%1\" is unparsable or below 1s: the cooldown is disabled")
                .arg(failedJwkKeyCooldown()));
    if (isSet(QStringLiteral("cache_duration")) && cacheDuration() == 0 && m_typeErrors.isEmpty())
        add(Severity::Info, "cache_duration_default", QStringLiteral("cache_duration"),
            QStringLiteral("cache_duration 0 means the default, 900 s"));
    if (isSet(QStringLiteral("cache_duration")) && !cache())
        add(Severity::Info, "cache_duration_unused", QStringLiteral("cache_duration"),
            QStringLiteral("cache_duration has no effect without \"cache\": true"));

    const QString kis = keyIdentifyStrategy();
    if (isSet(QStringLiteral("key_identify_strategy")) && kis != u"kid" && kis != u"x5t" && kis != u"x5t#S256"
        && kis != u"kid_x5t")
        add(Severity::Warning, "key_identify_strategy_unknown", QStringLiteral("key_identify_strategy"),
            QStringLiteral("key_identify_strategy \"%1\" is unknown: KrakenD uses kid").arg(kis));

    // Propagation.
    const auto pairs = propagateClaims();
    for (int i = 0; i < pairs.size(); ++i)
        if (pairs[i].size() != 2)
            add(Severity::Warning, "propagate_claims_pair", QStringLiteral("propagate_claims"),
                QStringLiteral("propagate_claims[%1] has %2 element(s) instead of [claim, header]: KrakenD skips it "
                               "with a warning")
                    .arg(i)
                    .arg(pairs[i].size()));
    for (const auto &p : pairs)
        if (p.size() == 2 && !HeaderFormatter::isValidHeaderName(p[1]))
            add(Severity::Warning, "propagate_claims_header_name", QStringLiteral("propagate_claims"),
                QStringLiteral("\"%1\" is not a valid header name: Go keeps it as is and it is not canonicalised")
                    .arg(p[1]));

    for (const QString &a : audience())
        if (a.isEmpty())
            add(Severity::Warning, "empty_audience", QStringLiteral("audience"),
                QStringLiteral("audience contains an empty string: tokens must then carry an empty aud value"));
    if (isSet(QStringLiteral("auth_header_name")) && !authHeaderName().isEmpty()
        && !HeaderFormatter::isValidHeaderName(authHeaderName()))
        add(Severity::Warning, "auth_header_name_invalid", QStringLiteral("auth_header_name"),
            QStringLiteral("auth_header_name \"%1\" is not a valid header name: no request can carry it")
                .arg(authHeaderName()));

    m_findings += m_serviceFindings;
}

} // namespace jwb::krakend
