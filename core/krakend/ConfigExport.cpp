#include "krakend/ConfigExport.h"

#include "common/Duration.h"
#include "krakend/ConfigDocument.h"
#include "krakend/Linter.h"
#include "krakend/Namespaces.h"

#include <QJsonArray>
#include <QUrl>

namespace jwb::krakend::ConfigExport {

using common::Result;

Result<QString> singleUnitDuration(const QString &duration)
{
    if (common::Duration::isSingleUnitDuration(duration))
        return duration;
    auto nanos = common::Duration::parseNanos(duration);
    if (!nanos)
        return nanos.error();
    if (nanos.value() < 0)
        return Result<QString>::failure(
            QStringLiteral("invalid_duration"), QStringLiteral("durations cannot be negative here"));
    struct Unit
    {
        qint64 nanos;
        const char *name;
    };
    for (const Unit &u : {Unit {3600000000000LL, "h"}, Unit {60000000000LL, "m"}, Unit {1000000000LL, "s"},
             Unit {1000000LL, "ms"}, Unit {1000LL, "us"}, Unit {1, "ns"}})
        if (nanos.value() % u.nanos == 0)
            return QStringLiteral("%1%2").arg(nanos.value() / u.nanos).arg(QLatin1String(u.name));
    return QStringLiteral("%1ns").arg(nanos.value());
}

namespace {
Result<QJsonObject> normaliseDurations(QJsonObject block, const QStringList &names, QStringList *notes)
{
    for (const QString &name : names) {
        if (!block.value(name).isString())
            continue;
        const QString before = block.value(name).toString();
        auto after = singleUnitDuration(before);
        if (!after)
            return Result<QJsonObject>::failure(
                QStringLiteral("invalid_duration"), QStringLiteral("%1: %2").arg(name, after.error().message));
        if (after.value() != before) {
            block.insert(name, after.value());
            if (notes)
                notes->append(QStringLiteral("%1 \"%2\" written as \"%3\" (the schema takes one number and one unit)")
                                  .arg(name, before, after.value()));
        }
    }
    return block;
}

Result<QJsonObject> applyKeySourceRules(QJsonObject b, QStringList *notes, bool signer)
{
    const bool url = b.contains(QLatin1String("jwk_url"));
    const bool local = b.contains(QLatin1String("jwk_local_path"));
    if (!b.contains(QLatin1String("alg")))
        return Result<QJsonObject>::failure(QStringLiteral("usage"), QStringLiteral("--alg is required"));
    if (url == local)
        return Result<QJsonObject>::failure(
            QStringLiteral("usage"), QStringLiteral("give exactly one key source: --jwk-url or --jwk-local-path"));
    if (local) {
        if (b.value(QLatin1String("disable_jwk_security")) != QJsonValue(true)) {
            b.insert(QStringLiteral("disable_jwk_security"), true);
            if (notes)
                notes->append(QStringLiteral("disable_jwk_security: true added: KrakenD needs it with jwk_local_path, "
                                             "or every request gets 401"));
        }
        if (!signer && b.contains(QLatin1String("cache"))) {
            b.remove(QStringLiteral("cache"));
            b.remove(QStringLiteral("cache_duration"));
            if (notes)
                notes->append(QStringLiteral("cache removed: with jwk_local_path KrakenD refuses to start"));
        }
    } else {
        const QString u = b.value(QLatin1String("jwk_url")).toString();
        if (!u.startsWith(QLatin1String("https://"))
            && b.value(QLatin1String("disable_jwk_security")) != QJsonValue(true)) {
            b.insert(QStringLiteral("disable_jwk_security"), true);
            if (notes)
                notes->append(
                    QStringLiteral("disable_jwk_security: true added because jwk_url is not https:// (this also "
                                   "turns off certificate checks: use https in production)"));
        }
    }
    return b;
}
} // namespace

const QStringList &securityRelevant(BlockKind kind)
{
    static const QStringList validator = {QStringLiteral("alg"), QStringLiteral("jwk_url"),
        QStringLiteral("jwk_local_path"), QStringLiteral("issuer"), QStringLiteral("audience"), QStringLiteral("roles"),
        QStringLiteral("roles_key"), QStringLiteral("roles_key_is_nested"), QStringLiteral("scopes"),
        QStringLiteral("scopes_key"), QStringLiteral("scopes_matcher"), QStringLiteral("propagate_claims"),
        QStringLiteral("disable_jwk_security"), QStringLiteral("jwk_fingerprints"), QStringLiteral("jwk_local_ca"),
        QStringLiteral("cipher_suites"), QStringLiteral("cache"), QStringLiteral("key_identify_strategy"),
        QStringLiteral("leeway"), QStringLiteral("auth_header_name"), QStringLiteral("cookie_key"),
        QStringLiteral("secret_url"), QStringLiteral("cypher_key")};
    static const QStringList signer = {QStringLiteral("alg"), QStringLiteral("kid"), QStringLiteral("keys_to_sign"),
        QStringLiteral("jwk_url"), QStringLiteral("jwk_local_path"), QStringLiteral("disable_jwk_security"),
        QStringLiteral("jwk_fingerprints"), QStringLiteral("jwk_local_ca"), QStringLiteral("cipher_suites"),
        QStringLiteral("full"), QStringLiteral("secret_url"), QStringLiteral("cypher_key")};
    return kind == BlockKind::Validator ? validator : signer;
}

Result<BlockWrite> composeBlock(BlockKind kind, const QJsonObject &existing, const QJsonObject &givenOptions,
    const QJsonObject &defaults, bool replace)
{
    const bool signer = kind == BlockKind::Signer;
    const bool merge = !replace && !existing.isEmpty();
    const QString jwkUrl = QStringLiteral("jwk_url");
    const QString jwkLocalPath = QStringLiteral("jwk_local_path");
    BlockWrite w;
    w.replaced = !merge;

    QJsonObject given = givenOptions;
    if (signer) {
        for (const char *dropped : {"typ", "leeway"}) {
            if (given.contains(QLatin1String(dropped))) {
                given.remove(QLatin1String(dropped));
                w.notes.append(QStringLiteral("%1 not written: %2")
                                   .arg(QLatin1String(dropped),
                                       qstrcmp(dropped, "typ") == 0 ? QStringLiteral("it is not in KrakenD's schema")
                                                                    : QStringLiteral("KrakenD CE ignores it")));
            }
        }
    }

    // Given members win; the same name in another case goes (Go's decoder matches names case-insensitively).
    QJsonObject block = merge ? existing : QJsonObject();
    for (auto it = given.constBegin(); it != given.constEnd(); ++it) {
        const QStringList names = block.keys();
        for (const QString &name : names)
            if (name != it.key() && name.compare(it.key(), Qt::CaseInsensitive) == 0)
                block.remove(name);
        block.insert(it.key(), it.value());
    }
    // Exactly one key source: giving one replaces the other.
    if (merge && given.contains(jwkUrl) && !given.contains(jwkLocalPath))
        block.remove(jwkLocalPath);
    if (merge && given.contains(jwkLocalPath) && !given.contains(jwkUrl))
        block.remove(jwkUrl);
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        if (block.contains(it.key()))
            continue;
        if ((it.key() == jwkUrl || it.key() == jwkLocalPath)
            && (block.contains(jwkUrl) || block.contains(jwkLocalPath)))
            continue;
        block.insert(it.key(), it.value());
        w.defaultsApplied.append(it.key());
    }

    if (signer && !block.contains(QLatin1String("kid")))
        return Result<BlockWrite>::failure(
            QStringLiteral("usage"), QStringLiteral("--kid is required for auth/signer"));
    if (signer && !block.contains(QLatin1String("keys_to_sign")))
        return Result<BlockWrite>::failure(
            QStringLiteral("usage"), QStringLiteral("--keys-to-sign is required for auth/signer"));
    auto ruled = applyKeySourceRules(block, &w.notes, signer);
    if (!ruled)
        return ruled.error();
    // Durations are rewritten in single-unit form where this call sets them; a kept one stays as it was.
    QStringList durations;
    if (!signer)
        for (const QString &name : {QStringLiteral("leeway"), QStringLiteral("failed_jwk_key_cooldown")})
            if (!merge || given.contains(name) || w.defaultsApplied.contains(name))
                durations.append(name);
    auto normalised = normaliseDurations(ruled.value(), durations, &w.notes);
    if (!normalised)
        return normalised.error();

    // The schema and the run time: what this call writes must pass; what a merge kept is reported, not refused
    // (unless the block as a whole is broken: no alg, no or two key sources, a required member missing).
    static const QStringList structural
        = {QStringLiteral("missing_alg"), QStringLiteral("key_source_oneof"), QStringLiteral("missing_member")};
    const common::Findings findings
        = signer ? Linter::lintSignerBlock(normalised.value()) : Linter::lintValidatorBlock(normalised.value());
    for (const auto &f : findings) {
        if (f.severity != common::Severity::Error)
            continue;
        const bool keptMember
            = merge && existing.contains(f.subject) && !given.contains(f.subject) && !structural.contains(f.code);
        if (!keptMember)
            return Result<BlockWrite>::failure(
                QStringLiteral("invalid_option"), QStringLiteral("%1: %2").arg(f.subject, f.message));
        w.warnings.append(QStringLiteral("%1 (kept as it was): %2").arg(f.subject, f.message));
    }

    w.block = normalised.value();
    w.given = given.keys();
    for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
        if (!w.block.contains(it.key()))
            w.removed.insert(it.key(), it.value());
        else if (merge && !given.contains(it.key()) && w.block.value(it.key()) == it.value())
            w.kept.append(it.key());
    }
    for (auto it = w.removed.constBegin(); it != w.removed.constEnd(); ++it)
        if (securityRelevant(kind).contains(it.key()))
            w.removedSecurityRelevant.append(it.key());
    return w;
}

Result<BlockWrite> writeEndpointBlock(ConfigDocument &doc, BlockKind kind, const QString &path, const QString &method,
    const QString &backendUrl, const QJsonObject &given, const QJsonObject &defaults, const BlockPlacement &placement)
{
    const QString ns = kind == BlockKind::Validator ? Namespace::validator : Namespace::signer;
    const QString legacy = kind == BlockKind::Validator ? Namespace::legacyValidator : Namespace::legacySigner;
    QStringList fileWarnings;
    if (const QString problem = ConfigDocument::startupProblem(doc.text()); !problem.isEmpty())
        fileWarnings.append(QStringLiteral("%1: %2; KrakenD would not start with this file: remove the byte order "
                                           "mark (it is kept here, as every byte not edited)")
                                .arg(doc.path().isEmpty() ? QStringLiteral("the file") : doc.path(), problem));

    const int index = doc.findEndpoint(path, method);
    if (index < 0) {
        auto composed = composeBlock(kind, {}, given, defaults, true);
        if (!composed)
            return composed.error();
        auto endpointObject = endpoint(path, method, backendUrl, QJsonObject {{ns, composed->block}});
        if (!endpointObject)
            return endpointObject.error();
        auto added = doc.addEndpoint(endpointObject.value());
        if (!added)
            return added.error();
        BlockWrite w = composed.value();
        w.endpoint = added.value();
        w.addedEndpoint = true;
        w.key = ns;
        w.block = doc.endpoint(w.endpoint).value(QLatin1String("extra_config")).toObject().value(ns).toObject();
        w.warnings += fileWarnings;
        return w;
    }

    const QString previousKey = doc.endpointBlockKey(index, ns);
    const QJsonObject existing = previousKey.isEmpty() ? QJsonObject() : doc.endpointBlock(index, ns);
    auto composed = composeBlock(kind, existing, given, defaults, placement.replace);
    if (!composed)
        return composed.error();
    BlockWrite w = composed.value();
    w.endpoint = index;
    w.hadBlock = !previousKey.isEmpty();
    w.previousKey = previousKey;
    const bool legacyPresent = doc.endpoint(index).value(QLatin1String("extra_config")).toObject().contains(legacy);
    common::Result<void> written;
    if (placement.renameLegacy && legacyPresent) {
        written = doc.renameLegacyEndpointBlock(index, ns, w.block);
        w.key = ns;
        w.renamed = previousKey == legacy;
        if (!w.renamed)
            w.notes.append(
                QStringLiteral("the legacy key %1 was removed: KrakenD ignored it, %2 being present").arg(legacy, ns));
    } else {
        written = doc.setEndpointBlock(index, ns, w.block);
        w.key = previousKey.isEmpty() ? ns : previousKey;
        if (w.key == legacy)
            w.warnings.append(QStringLiteral("the block is under the legacy key %1: KrakenD reads it, but the v2.13 "
                                             "schema (krakend check --lint) refuses it; --rename-legacy rewrites it "
                                             "as %2")
                                  .arg(legacy, ns));
        else if (legacyPresent)
            w.warnings.append(QStringLiteral("the endpoint also has the legacy key %1, which KrakenD ignores (%2 "
                                             "wins) and the schema refuses; --rename-legacy removes it")
                                  .arg(legacy, ns));
    }
    if (!written)
        return written.error();
    w.block = doc.endpoint(index).value(QLatin1String("extra_config")).toObject().value(w.key).toObject();
    w.warnings += fileWarnings;
    return w;
}

Result<QJsonObject> validatorBlock(const QJsonObject &options, QStringList *notes)
{
    auto composed = composeBlock(BlockKind::Validator, {}, options, {}, true);
    if (!composed)
        return composed.error();
    if (notes)
        *notes += composed->notes;
    return composed->block;
}

Result<QJsonObject> signerBlock(const QJsonObject &options, QStringList *notes)
{
    auto composed = composeBlock(BlockKind::Signer, {}, options, {}, true);
    if (!composed)
        return composed.error();
    if (notes)
        *notes += composed->notes;
    return composed->block;
}

Result<QJsonObject> endpoint(
    const QString &path, const QString &method, const QString &backendUrl, const QJsonObject &extraConfig)
{
    if (!path.startsWith(u'/'))
        return Result<QJsonObject>::failure(QStringLiteral("usage"), QStringLiteral("--endpoint must start with '/'"));
    if (backendUrl.isEmpty())
        return Result<QJsonObject>::failure(QStringLiteral("usage"),
            QStringLiteral("KrakenD's schema requires a backend: give --backend URL (e.g. http://service:8080/path)"));
    const QUrl url(backendUrl);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return Result<QJsonObject>::failure(
            QStringLiteral("usage"), QStringLiteral("--backend must be an http(s) URL with a host"));
    const QString host = url.scheme() + QStringLiteral("://") + url.authority();
    QString pattern = url.path(QUrl::FullyEncoded);
    if (pattern.isEmpty())
        pattern = path;
    QJsonObject e {{QStringLiteral("endpoint"), path},
        {QStringLiteral("method"), method.isEmpty() ? QStringLiteral("GET") : method.toUpper()},
        {QStringLiteral("backend"),
            QJsonArray {
                QJsonObject {{QStringLiteral("url_pattern"), pattern}, {QStringLiteral("host"), QJsonArray {host}}}}},
        {QStringLiteral("extra_config"), extraConfig}};
    return e;
}

} // namespace jwb::krakend::ConfigExport
