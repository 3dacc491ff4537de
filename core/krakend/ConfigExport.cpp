#include "krakend/ConfigExport.h"

#include "common/Duration.h"
#include "krakend/Linter.h"

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

Result<QJsonObject> validatorBlock(const QJsonObject &options, QStringList *notes)
{
    auto b = applyKeySourceRules(options, notes, false);
    if (!b)
        return b;
    auto d
        = normaliseDurations(b.value(), {QStringLiteral("leeway"), QStringLiteral("failed_jwk_key_cooldown")}, notes);
    if (!d)
        return d;
    const common::Findings findings = Linter::lintValidatorBlock(d.value());
    for (const auto &f : findings)
        if (f.severity == common::Severity::Error)
            return Result<QJsonObject>::failure(
                QStringLiteral("invalid_option"), QStringLiteral("%1: %2").arg(f.subject, f.message));
    return d;
}

Result<QJsonObject> signerBlock(const QJsonObject &options, QStringList *notes)
{
    QJsonObject o = options;
    for (const char *dropped : {"typ", "leeway"}) {
        if (o.contains(QLatin1String(dropped))) {
            o.remove(QLatin1String(dropped));
            if (notes)
                notes->append(QStringLiteral("%1 not written: %2")
                                  .arg(QLatin1String(dropped),
                                      qstrcmp(dropped, "typ") == 0 ? QStringLiteral("it is not in KrakenD's schema")
                                                                   : QStringLiteral("KrakenD CE ignores it")));
        }
    }
    if (!o.contains(QLatin1String("kid")))
        return Result<QJsonObject>::failure(
            QStringLiteral("usage"), QStringLiteral("--kid is required for auth/signer"));
    if (!o.contains(QLatin1String("keys_to_sign")))
        return Result<QJsonObject>::failure(
            QStringLiteral("usage"), QStringLiteral("--keys-to-sign is required for auth/signer"));
    auto b = applyKeySourceRules(o, notes, true);
    if (!b)
        return b;
    const common::Findings findings = Linter::lintSignerBlock(b.value());
    for (const auto &f : findings)
        if (f.severity == common::Severity::Error)
            return Result<QJsonObject>::failure(
                QStringLiteral("invalid_option"), QStringLiteral("%1: %2").arg(f.subject, f.message));
    return b;
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
