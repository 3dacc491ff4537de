#include "krakend/Linter.h"

#include "common/Duration.h"
#include "common/JsonSource.h"
#include "common/JsonText.h"
#include "jose/Inspection.h"
#include "krakend/HeaderFormatter.h"
#include "krakend/SignerConfig.h"
#include "krakend/ValidatorConfig.h"
#include "validation/Verifier.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace jwb::krakend::Linter {

using common::Finding;
using common::Findings;
using common::Severity;

namespace {

bool isCommentKey(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^[@$_#]"));
    return re.match(key).hasMatch();
}

void add(Findings &f, Severity s, const char *code, const QString &subject, const QString &message)
{
    f.append(Finding {s, QString::fromLatin1(code), subject, message});
}

/// Schema-level type check of one member against the option's Go type (the schema mirrors them).
void checkType(Findings &f, const OptionInfo &opt, const QJsonValue &v)
{
    auto bad = [&](const QString &want) {
        add(f, Severity::Error, "schema_type", opt.name,
            QStringLiteral("\"%1\" must be %2, not %3 (the schema rejects it; at run time KrakenD answers 401 to "
                           "every request)")
                .arg(opt.name, want, common::JsonSource::kindName(v)));
    };
    switch (opt.goType) {
    case GoType::String:
        if (!v.isString())
            bad(QStringLiteral("a string"));
        break;
    case GoType::Bool:
        if (!v.isBool())
            bad(QStringLiteral("a boolean"));
        break;
    case GoType::Uint32:
        // Range first: converting a double beyond qint64 (1e300) is undefined behaviour.
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() >= 9223372036854775808.0
            || v.toDouble() != static_cast<double>(static_cast<qint64>(v.toDouble())))
            bad(QStringLiteral("a non-negative integer"));
        break;
    case GoType::Float64:
        if (!v.isDouble())
            bad(QStringLiteral("a number"));
        break;
    case GoType::StringList: {
        const QJsonArray arr = v.toArray();
        if (!v.isArray() || std::any_of(arr.begin(), arr.end(), [](const QJsonValue &e) { return !e.isString(); }))
            bad(QStringLiteral("an array of strings"));
        break;
    }
    case GoType::StringPairs: {
        const QJsonArray arr = v.toArray();
        bool ok = v.isArray();
        for (const auto &e : arr) {
            const QJsonArray pair = e.toArray();
            ok = ok && e.isArray() && pair.size() == 2 && pair[0].isString() && pair[1].isString();
        }
        if (!ok)
            bad(QStringLiteral("an array of [claim, header] string pairs"));
        break;
    }
    case GoType::Uint16List: {
        const QJsonArray arr = v.toArray();
        if (!v.isArray() || std::any_of(arr.begin(), arr.end(), [](const QJsonValue &e) {
                return !e.isDouble() || e.toDouble() < 0 || e.toDouble() > 65535;
            }))
            bad(QStringLiteral("an array of integers (TLS cipher suite ids)"));
        break;
    }
    case GoType::Bytes:
        if (!v.isString())
            bad(QStringLiteral("a base64 string"));
        break;
    }
    if (!opt.enumValues.isEmpty() && v.isString() && !opt.enumValues.contains(v.toString()))
        add(f, Severity::Error, "schema_enum", opt.name,
            QStringLiteral("\"%1\" is \"%2\"; allowed: %3")
                .arg(opt.name, v.toString(), opt.enumValues.join(QStringLiteral(", "))));
}

void checkMembers(Findings &f, const QJsonObject &block, const QList<OptionInfo> &options, const QString &blockName)
{
    for (auto it = block.begin(); it != block.end(); ++it) {
        const QString key = it.key();
        if (isCommentKey(key))
            continue;
        const OptionInfo *opt = nullptr;
        for (const auto &o : options)
            if (o.name == key)
                opt = &o;
        if (!opt) {
            const QString suggestion = GoStruct::didYouMean(key, options);
            add(f, Severity::Error, "unknown_member", key,
                QStringLiteral("%1 has no option \"%2\"%3: the schema rejects it and KrakenD silently ignores it")
                    .arg(blockName, key,
                        suggestion.isEmpty() ? QString() : QStringLiteral(" (did you mean \"%1\"?)").arg(suggestion)));
            continue;
        }
        if (!opt->inSchema)
            add(f, Severity::Error, "not_in_schema", key,
                QStringLiteral("\"%1\" works at run time but is not in KrakenD's schema, so `krakend check --lint` "
                               "fails")
                    .arg(key));
        checkType(f, *opt, it.value());
        if (opt->type.contains(QLatin1String("duration")) && it.value().isString()
            && !common::Duration::isSingleUnitDuration(it.value().toString()))
            add(f, Severity::Error, "schema_duration", key,
                QStringLiteral("\"%1\": \"%2\" must be one integer and one unit (e.g. 90s, 5m, 1h) to pass the schema")
                    .arg(key, it.value().toString()));
    }
}

/// One problem, one finding: the schema pass and the run-time analysis (ValidatorConfig, SignerConfig) see some
/// problems from both sides. The first of each pair stays and says both; the second goes. `adopt`: the kept
/// finding takes the dropped one's message (it says more: the run-time consequence).
struct Overlap
{
    const char *keep;
    const char *drop;
    bool sameSubject;
    bool adopt;
};
constexpr Overlap kOverlaps[] = {
    {"missing_alg", "unknown_alg", true, false}, // alg absent: required by the schema, no run-time default
    {"schema_enum", "unknown_alg", true, true}, // alg not one of the 13: the enum, with KrakenD's exit
    {"no_key_source", "key_source_oneof", false, false}, // neither jwk_url nor jwk_local_path
    {"local_path_needs_disable_jwk_security", "key_source_oneof", false, false},
    {"key_source_oneof", "both_key_sources", false, true}, // both: the oneOf, and what the run time does
    {"missing_member", "missing_required", true, false}, // signer alg, kid, keys_to_sign
    {"missing_member", "unknown_alg", true, false}, // signer without alg: "" is no algorithm either
};

/// Codes that describe the whole block: the schema pass and the run-time pass name different members for them.
const QStringList kOncePerBlock = {QStringLiteral("local_path_needs_disable_jwk_security")};

void dedupe(Findings &f)
{
    auto find = [&f](const QString &code, const QString &subject, bool sameSubject) -> qsizetype {
        for (qsizetype i = 0; i < f.size(); ++i)
            if (f[i].code == code && (!sameSubject || f[i].subject == subject))
                return i;
        return -1;
    };
    QList<bool> dropped(f.size(), false);
    for (qsizetype i = 0; i < f.size(); ++i) {
        const Finding &x = f[i];
        for (const Overlap &o : kOverlaps) {
            if (x.code != QLatin1String(o.drop))
                continue;
            if (const qsizetype kept = find(QLatin1String(o.keep), x.subject, o.sameSubject); kept >= 0) {
                if (o.adopt)
                    f[kept].message = x.message;
                dropped[i] = true;
            }
        }
        // The same problem twice (the schema pass and the run-time one both found it).
        for (qsizetype j = 0; j < i && !dropped[i]; ++j)
            dropped[i]
                = !dropped[j] && f[j].code == x.code && (f[j].subject == x.subject || kOncePerBlock.contains(x.code));
    }
    Findings out;
    for (qsizetype i = 0; i < f.size(); ++i)
        if (!dropped[i])
            out.append(f[i]);
    f = out;
}

Findings runtimeFindings(const Findings &all)
{
    // Unknown and case-mismatched members are reported by the schema pass as errors.
    Findings out;
    for (const auto &f : all)
        if (f.code != u"unknown_option" && f.code != u"option_case_mismatch" && f.code != u"type_error")
            out.append(f);
    return out;
}

QString endpointLabel(const EndpointInfo &e)
{
    return QStringLiteral("endpoints[%1] %2 %3").arg(e.index).arg(e.method, e.path);
}

/// What lura sends on to the backend from the client's request: input_headers, canonicalised; "*" is all.
struct Forwarded
{
    bool all = false;
    QStringList names;
    [[nodiscard]] bool contains(const QString &canonical) const { return all || names.contains(canonical); }
};

Forwarded forwardedHeaders(const QJsonObject &endpoint)
{
    Forwarded f;
    const QJsonArray list = endpoint.value(QLatin1String("input_headers")).toArray();
    for (const auto &h : list) {
        if (h.toString() == u"*")
            f.all = true;
        else if (h.isString())
            f.names << HeaderFormatter::canonicalHeaderName(h.toString());
    }
    return f;
}

/// The headers a validator block fills from claims (propagate_claims), canonicalised.
QStringList propagatedHeaderNames(const ValidatorConfig &cfg)
{
    QStringList out;
    const auto pairs = cfg.propagateClaims();
    for (const auto &p : pairs)
        if (p.size() == 2 && !out.contains(HeaderFormatter::canonicalHeaderName(p[1])))
            out << HeaderFormatter::canonicalHeaderName(p[1]);
    return out;
}

/// Issue #18 item 7: a propagated header that input_headers does not list is dropped by lura's proxy.
void propagatedButDropped(Findings &f, const ValidatorConfig &cfg, const QJsonObject &endpoint)
{
    const Forwarded forwarded = forwardedHeaders(endpoint);
    for (const QString &h : propagatedHeaderNames(cfg))
        if (!forwarded.contains(h))
            add(f, Severity::Warning, "propagated_header_not_forwarded", QStringLiteral("propagate_claims"),
                QStringLiteral("%1 is filled from a claim, but the endpoint's input_headers %2: KrakenD's proxy drops "
                               "it before the backend, which never receives it. Add \"%1\" to input_headers")
                    .arg(h,
                        endpoint.contains(QLatin1String("input_headers"))
                            ? QStringLiteral("does not list it")
                            : QStringLiteral("is absent (no client header is forwarded)")));
}

/// Issue #18 item 8: a header one endpoint fills from a claim, that another forwards from the client unchecked.
void spoofableHeaders(QList<LintItem> &out, const ConfigDocument &doc, const QJsonObject &serviceValidator)
{
    struct Filler
    {
        QString header;
        QString endpoint;
    };
    QList<Filler> fillers;
    const QList<EndpointInfo> endpoints = doc.endpoints();
    QList<QStringList> setBy; // per endpoint: the headers its validator sets
    for (const EndpointInfo &e : endpoints) {
        QStringList names;
        if (e.hasValidator) {
            ValidatorConfig cfg = ValidatorConfig::fromJson(
                doc.endpoint(e.index).value(QLatin1String("extra_config")).toObject().value(e.validatorKey).toObject());
            cfg.setServiceBlock(serviceValidator);
            names = propagatedHeaderNames(cfg);
            for (const QString &h : std::as_const(names))
                fillers.append({h, QStringLiteral("%1 %2").arg(e.method, e.path)});
        }
        setBy.append(names);
    }
    // One filler per header says it (the first, as before): a big file with many propagating validators does not
    // make every endpoint compare itself with each of them.
    QList<Filler> unique;
    for (const Filler &filler : std::as_const(fillers))
        if (std::none_of(unique.begin(), unique.end(), [&](const Filler &u) { return u.header == filler.header; }))
            unique.append(filler);
    fillers = unique;
    if (fillers.isEmpty())
        return; // no header carries identity: no endpoint needs reading again
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const EndpointInfo &e = endpoints[i];
        const Forwarded forwarded = forwardedHeaders(doc.endpoint(e.index));
        QStringList reported;
        for (const Filler &filler : std::as_const(fillers)) {
            if (reported.contains(filler.header) || !forwarded.contains(filler.header)
                || setBy[i].contains(filler.header))
                continue;
            reported << filler.header;
            out.append(
                LintItem {Finding {Severity::Warning, QStringLiteral("spoofable_header"), filler.header,
                              QStringLiteral("%1 carries identity on %2 (propagate_claims fills it from the token), "
                                             "but this endpoint forwards the client's own %1 to its backend "
                                             "(input_headers %3) %4: a backend that trusts %1 here trusts "
                                             "whatever the client sent. Fix: remove %1 from input_headers "
                                             "here, or add an auth/validator that propagates a claim into it "
                                             "(a missing claim then sends an empty value, since CE 2.5)")
                                  .arg(filler.header, filler.endpoint,
                                      forwarded.all ? QStringLiteral("[\"*\"]") : QStringLiteral("lists it"),
                                      e.hasValidator ? QStringLiteral("with a validator that does not set it")
                                                     : QStringLiteral("without a validator"))},
                    endpointLabel(e), e.index});
        }
    }
}

/// Issue #18 item 9: a member written twice in a JWT block; Go keeps the last one, as the simulator does.
Findings duplicateMembers(const ConfigDocument &doc, const QStringList &path, const QJsonObject &block)
{
    Findings f;
    for (const QString &name : doc.duplicateMembers(path))
        add(f, Severity::Warning, "duplicate_member", name,
            QStringLiteral("\"%1\" is written more than once in this block: KrakenD (Go's decoder) keeps the last "
                           "one, %2, and ignores the others. Keep one")
                .arg(name, common::JsonText::compact(block.value(name))));
    return f;
}

/// Issue #18 item 10: the service-level revoker, under either name. The old bloomfilter member names (Go's field
/// names, from before the JSON tags) do not match the tags: TokenKeys leaves token_keys empty, so nothing is revoked.
Findings revokerFindings(const QJsonObject &rev)
{
    static const QStringList known
        = {QStringLiteral("N"), QStringLiteral("P"), QStringLiteral("hash_name"), QStringLiteral("TTL"),
            QStringLiteral("port"), QStringLiteral("token_keys"), QStringLiteral("revoke_server_api_key"),
            QStringLiteral("revoke_server_max_retries"), QStringLiteral("revoke_server_max_workers"),
            QStringLiteral("revoke_server_ping_interval"), QStringLiteral("revoke_server_ping_url")};
    static const QList<std::pair<QString, QString>> legacy = {{QStringLiteral("HashName"), QStringLiteral("hash_name")},
        {QStringLiteral("TokenKeys"), QStringLiteral("token_keys")}, {QStringLiteral("Port"), QStringLiteral("port")}};
    Findings f;
    QStringList renamed;
    for (auto it = rev.begin(); it != rev.end(); ++it) {
        const QString key = it.key();
        if (isCommentKey(key) || known.contains(key))
            continue;
        QString modern;
        for (const auto &[old, now] : legacy)
            if (old == key)
                modern = now;
        if (modern.isEmpty()) {
            QString suggestion;
            for (const QString &k : known)
                if (k.compare(key, Qt::CaseInsensitive) == 0)
                    suggestion = k;
            add(f, Severity::Error, "unknown_member", key,
                QStringLiteral("auth/revoker has no option \"%1\"%2: the schema rejects it and KrakenD ignores it")
                    .arg(key,
                        suggestion.isEmpty() ? QString() : QStringLiteral(" (did you mean \"%1\"?)").arg(suggestion)));
            continue;
        }
        renamed << modern;
        if (rev.contains(modern))
            continue;
        if (modern == u"token_keys")
            add(f, Severity::Error, "legacy_revoker_member", key,
                QStringLiteral("\"TokenKeys\" is the old name of \"token_keys\": KrakenD reads token_keys, finds it "
                               "empty, and revocation does nothing (no token is ever rejected). Rename it to "
                               "\"token_keys\""));
        else if (modern == u"port")
            add(f, Severity::Error, "legacy_revoker_member", key,
                QStringLiteral("\"Port\" is the old name of \"port\": it works at run time (Go matches names "
                               "without regard to case) but fails the schema. Rename it to \"port\""));
        else
            add(f, Severity::Error, "legacy_revoker_member", key,
                QStringLiteral("\"%1\" is the old name of \"%2\": KrakenD does not read it (its %2 stays empty). "
                               "Rename it to \"%2\"")
                    .arg(key, modern));
    }
    for (const char *required : {"N", "P", "hash_name", "TTL", "port", "token_keys"})
        if (!rev.contains(QLatin1String(required)) && !renamed.contains(QLatin1String(required)))
            add(f, Severity::Error, "missing_member", QLatin1String(required),
                QStringLiteral("auth/revoker requires \"%1\"").arg(QLatin1String(required)));
    return f;
}

void crossCheck(Findings &f, const ValidatorConfig &cfg, const LintContext &ctx)
{
    const auto alg = cfg.algorithm();
    if (ctx.keySet && alg) {
        bool any = false;
        for (const auto &k : ctx.keySet->keys)
            any = any || crypto::Algorithms::forKey(k.key.type(), k.key.curve()).contains(*alg);
        if (!any)
            add(f, Severity::Error, "alg_no_key", QStringLiteral("alg"),
                QStringLiteral("alg %1 cannot be served by any key of the key set (%2 key(s)): every token gets 401")
                    .arg(cfg.alg())
                    .arg(ctx.keySet->keys.size()));
        for (const auto &k : ctx.keySet->keys)
            if (const crypto::Curve c = k.key.curve(); c == crypto::Curve::Secp256k1 || c == crypto::Curve::Ed448
                || c == crypto::Curve::X25519 || c == crypto::Curve::X448)
                add(f, Severity::Error, "jwk_curve_unsupported", QStringLiteral("jwk"),
                    QStringLiteral("key \"%1\" is on %2, which go-jose cannot load: KrakenD fails the whole key set "
                                   "and answers 401 to every token")
                        .arg(k.kid, crypto::curveName(c)));
        for (const auto &k : ctx.keySet->keys)
            if (k.key.isPrivate() && k.key.type() != crypto::KeyType::Oct) {
                add(f, Severity::Error, "private_jwk", QStringLiteral("jwk"),
                    QStringLiteral("key \"%1\" carries private members: KrakenD's validator refuses private JWKs (401)")
                        .arg(k.kid));
                break;
            }
    }
    if (ctx.sampleToken.isEmpty())
        return;
    const jose::Token t = jose::Inspection::inspect(ctx.sampleToken, 0).token;
    if (!t.headerOk)
        return;
    if (!cfg.alg().isEmpty() && t.alg() != cfg.alg())
        add(f, Severity::Error, "token_alg_mismatch", QStringLiteral("alg"),
            QStringLiteral("the sample token uses %1 but the endpoint requires %2 (401)").arg(t.alg(), cfg.alg()));
    if (ctx.keySet) {
        const auto strategy = cfg.effectiveKeyIdStrategy();
        const QString wanted = validation::Verifier::tokenKeyId(t.header, strategy);
        bool found = false;
        for (const auto &k : ctx.keySet->keys)
            found = found || validation::Verifier::jwkKeyId(k, strategy) == wanted;
        if (!found)
            add(f, Severity::Error, "token_kid_missing", QStringLiteral("kid"),
                QStringLiteral("the sample token's %1 \"%2\" is not in the key set (401 \"no Keys have been found\")")
                    .arg(validation::keyIdStrategyName(strategy), wanted));
    }
    if (!t.payloadIsJson)
        return;
    const QJsonObject &p = t.payload;
    auto lookup = [&](const QString &key, bool nested) -> QJsonValue {
        if (!nested)
            return p.value(key);
        QJsonValue v = p;
        for (const auto &part : key.split(u'.')) {
            if (!v.isObject())
                return QJsonValue::Undefined;
            v = v.toObject().value(part);
        }
        return v;
    };
    if (!cfg.roles().isEmpty()) {
        const QString key = cfg.effectiveRolesKey();
        const QJsonValue literal = lookup(key, false);
        const QJsonValue nested = key.contains(u'.') ? lookup(key, true) : QJsonValue(QJsonValue::Undefined);
        if (literal.isUndefined() && !nested.isUndefined() && !cfg.rolesLookupIsNested())
            add(f, Severity::Error, "roles_key_needs_nested", QStringLiteral("roles_key"),
                QStringLiteral("the token has %1 as a nested path, but without roles_key_is_nested KrakenD looks for a "
                               "top-level claim named \"%1\" (403)")
                    .arg(key));
        else if (cfg.rolesLookupIsNested() ? nested.isUndefined() : literal.isUndefined())
            add(f, Severity::Warning, "roles_key_absent", QStringLiteral("roles_key"),
                QStringLiteral("the sample token has no claim at roles_key \"%1\" (403)").arg(key));
    }
    if (cfg.scopesCheckEnabled()) {
        const QString key = cfg.scopesKey();
        const QJsonValue v = lookup(key, key.contains(u'.'));
        if (v.isUndefined())
            add(f, Severity::Warning, "scopes_key_absent", QStringLiteral("scopes_key"),
                QStringLiteral("the sample token has no claim at scopes_key \"%1\" (403)").arg(key));
        else if (!v.isString() && !v.isArray())
            add(f, Severity::Warning, "scopes_type", QStringLiteral("scopes_key"),
                QStringLiteral("scopes_key \"%1\" holds %2; KrakenD expects a space-separated string or an array (403)")
                    .arg(key, common::JsonSource::kindName(v)));
    }
}

} // namespace

Findings lintValidatorBlock(const QJsonObject &block)
{
    Findings f;
    checkMembers(f, block, ValidatorConfig::options(), Namespace::validator);
    const ValidatorConfig cfg = ValidatorConfig::fromJson(block);
    if (!block.contains(QLatin1String("alg")))
        add(f, Severity::Error, "missing_alg", QStringLiteral("alg"),
            QStringLiteral("alg is required by the schema, and KrakenD has no default at run time: %1")
                .arg(cfg.exitsAtStartup()));
    const bool url = block.contains(QLatin1String("jwk_url"));
    const bool local = block.contains(QLatin1String("jwk_local_path"));
    if (url == local)
        add(f, Severity::Error, "key_source_oneof", url ? QStringLiteral("jwk_local_path") : QStringLiteral("jwk_url"),
            url ? QStringLiteral("set exactly one of jwk_url and jwk_local_path (the schema's oneOf fails with both)")
                : QStringLiteral("set exactly one of jwk_url and jwk_local_path"));
    f += runtimeFindings(cfg.findings());
    dedupe(f);
    return f;
}

Findings lintSignerBlock(const QJsonObject &block)
{
    Findings f;
    checkMembers(f, block, SignerConfig::options(), Namespace::signer);
    for (const char *required : {"alg", "kid", "keys_to_sign"})
        if (!block.contains(QLatin1String(required)))
            add(f, Severity::Error, "missing_member", QLatin1String(required),
                QStringLiteral("auth/signer requires \"%1\"").arg(QLatin1String(required)));
    const bool url = block.contains(QLatin1String("jwk_url"));
    const bool local = block.contains(QLatin1String("jwk_local_path"));
    if (url == local)
        add(f, Severity::Error, "key_source_oneof", QStringLiteral("jwk_url"),
            QStringLiteral("set exactly one of jwk_url and jwk_local_path"));
    if (local && block.value(QLatin1String("disable_jwk_security")) != QJsonValue(true))
        add(f, Severity::Error, "local_path_needs_disable_jwk_security", QStringLiteral("disable_jwk_security"),
            QStringLiteral("the schema requires disable_jwk_security: true with jwk_local_path in auth/signer"));
    f += runtimeFindings(SignerConfig::fromJson(block).findings());
    dedupe(f);
    return f;
}

QList<LintItem> lint(const ConfigDocument &doc, const LintContext &ctx)
{
    return lint(doc, ctx, common::CancelToken());
}

QList<LintItem> lint(const ConfigDocument &doc, const LintContext &ctx, const common::CancelToken &cancel)
{
    QList<LintItem> out;
    auto push = [&](const Findings &fs, const QString &location, int endpoint) {
        for (const auto &f : fs)
            out.append(LintItem {f, location, endpoint});
    };
    if (const QString problem = ConfigDocument::startupProblem(doc.text()); !problem.isEmpty())
        push({Finding {Severity::Error, QStringLiteral("byte_order_mark"), QString(),
                 QStringLiteral("KrakenD would not start: %1. Fix: remove the byte order mark (save the file as "
                                "UTF-8 without BOM)")
                     .arg(problem)}},
            QStringLiteral("file"), -1);
    const QJsonObject root = doc.serviceRoot(); // the service level; endpoints are read one by one below
    // The same rule the simulator applies (SimulationSetup::checkConfigText).
    if (const QString problem = ConfigDocument::versionProblem(doc.text()); !problem.isEmpty())
        push({Finding {Severity::Error, QStringLiteral("version"), QStringLiteral("version"),
                 QStringLiteral("KrakenD would not start: %1. Fix: \"version\": 3 (KrakenD 2.x reads configuration "
                                "version 3)")
                     .arg(problem)}},
            QStringLiteral("root"), -1);

    const QJsonObject serviceExtra = root.value(QLatin1String("extra_config")).toObject();
    for (const auto &[legacy, modern] : {std::pair {Namespace::legacyValidator, Namespace::validator},
             std::pair {Namespace::legacySigner, Namespace::signer},
             std::pair {Namespace::legacyRevoker, Namespace::revoker}})
        if (serviceExtra.contains(legacy))
            push({Finding {Severity::Error, QStringLiteral("legacy_namespace"), legacy,
                     QStringLiteral("\"%1\" works at run time but fails the v2.13 schema: rename it to \"%2\"")
                         .arg(legacy, modern)}},
                QStringLiteral("service › extra_config"), -1);
    if (serviceExtra.contains(Namespace::validator)) {
        const QJsonObject svc = serviceExtra.value(Namespace::validator).toObject();
        Findings f;
        checkMembers(f, svc, ValidatorConfig::serviceOptions(), QStringLiteral("service auth/validator"));
        if (!svc.contains(QLatin1String("shared_cache_duration")))
            add(f, Severity::Error, "missing_member", QStringLiteral("shared_cache_duration"),
                QStringLiteral(
                    "the service-level auth/validator block requires shared_cache_duration (integer seconds)"));
        push(f, QStringLiteral("service › auth/validator"), -1);
    }
    for (const QString &ns : {Namespace::revoker, Namespace::legacyRevoker}) {
        if (!serviceExtra.contains(ns))
            continue;
        const QJsonObject rev = serviceExtra.value(ns).toObject();
        push(revokerFindings(rev) + duplicateMembers(doc, {QStringLiteral("extra_config"), ns}, rev),
            QStringLiteral("service › %1").arg(ns), -1);
        break; // lura's alias normalisation: auth/revoker wins over the legacy key
    }

    for (const EndpointInfo &e : doc.endpoints()) {
        if (e.index % 1024 == 0 && cancel.isCancelled())
            return out;
        const QJsonObject endpoint = doc.endpoint(e.index);
        const QJsonObject extra = endpoint.value(QLatin1String("extra_config")).toObject();
        for (const auto &[legacy, modern] : {std::pair {Namespace::legacyValidator, Namespace::validator},
                 std::pair {Namespace::legacySigner, Namespace::signer}})
            if (extra.contains(legacy))
                push({Finding {Severity::Error, QStringLiteral("legacy_namespace"), legacy,
                         QStringLiteral("\"%1\" works at run time but fails the v2.13 schema: rename it to \"%2\"")
                             .arg(legacy, modern)}},
                    endpointLabel(e), e.index);
        if (e.hasValidator) {
            // The endpoint is read once (a big file is read endpoint by endpoint): its block under the key KrakenD
            // reads (EndpointInfo::validatorKey, as ConfigDocument::endpointBlock finds it).
            const QJsonObject block = extra.value(e.validatorKey).toObject();
            Findings f = lintValidatorBlock(block);
            f += duplicateMembers(doc,
                {QStringLiteral("endpoints"), QString::number(e.index), QStringLiteral("extra_config"), e.validatorKey},
                block);
            ValidatorConfig cfg = ValidatorConfig::fromJson(block);
            cfg.setServiceBlock(serviceExtra.value(Namespace::validator).toObject());
            crossCheck(f, cfg, ctx);
            propagatedButDropped(f, cfg, endpoint);
            if (cfg.cache() && !serviceExtra.contains(Namespace::validator))
                add(f, Severity::Info, "no_shared_cache", QStringLiteral("cache"),
                    QStringLiteral(
                        "cache is on but there is no service-level shared_cache_duration: each endpoint keeps "
                        "its own cache"));
            push(f, endpointLabel(e) + QStringLiteral(" › auth/validator"), e.index);
        }
        if (e.hasSigner) {
            const QString signerKey = extra.contains(Namespace::signer) ? Namespace::signer : Namespace::legacySigner;
            const QJsonObject block = extra.value(signerKey).toObject();
            push(lintSignerBlock(block)
                    + duplicateMembers(doc,
                        {QStringLiteral("endpoints"), QString::number(e.index), QStringLiteral("extra_config"),
                            signerKey},
                        block),
                endpointLabel(e) + QStringLiteral(" › auth/signer"), e.index);
        }
        if ((e.hasValidator || e.hasSigner) && !endpoint.contains(QLatin1String("backend")))
            push({Finding {Severity::Error, QStringLiteral("missing_backend"), QStringLiteral("backend"),
                     QStringLiteral("the schema requires a backend on every endpoint")}},
                endpointLabel(e), e.index);
    }
    spoofableHeaders(out, doc, serviceExtra.value(Namespace::validator).toObject());
    return out;
}

bool hasErrors(const QList<LintItem> &items)
{
    return std::any_of(
        items.begin(), items.end(), [](const LintItem &i) { return i.finding.severity == Severity::Error; });
}

} // namespace jwb::krakend::Linter
