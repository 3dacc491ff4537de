#include "krakend/Matchers.h"

#include "common/JsonText.h"
#include "krakend/go/GoJson.h"

#include <QJsonArray>

namespace jwb::krakend::Matchers {

namespace {

QString compact(const QJsonValue &v)
{
    return common::JsonText::compact(v);
}

/// Go's runtime error when `v.(string)` meets another dynamic type.
QString conversionPanic(const QJsonValue &v)
{
    return QStringLiteral("interface conversion: interface {} is %1, not string").arg(GoJson::dynamicType(v));
}

} // namespace

std::optional<QJsonObject> nestedParent(const QJsonObject &claims, const QStringList &segments, QString *broken)
{
    QJsonObject tmp = claims;
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        const QJsonValue v = tmp.value(segments[i]);
        if (v.isUndefined()) {
            *broken = QStringLiteral("\"%1\" is missing").arg(segments.mid(0, i + 1).join(u'.'));
            return std::nullopt;
        }
        if (!v.isObject()) {
            *broken = QStringLiteral("\"%1\" is a %2, not an object")
                          .arg(segments.mid(0, i + 1).join(u'.'), GoJson::kindOf(v));
            return std::nullopt;
        }
        tmp = v.toObject();
    }
    return tmp;
}

Match canAccess(const QString &key, const QJsonObject &claims, const QStringList &required)
{
    const QJsonValue v = claims.value(key);
    if (v.isUndefined())
        return {MatchKind::Fail, QStringLiteral("claim \"%1\" is missing").arg(key)};
    if (v.isArray()) {
        const QJsonArray roles = v.toArray();
        for (const QString &role : required)
            for (qsizetype i = 0; i < roles.size(); ++i) {
                if (!roles[i].isString())
                    return {MatchKind::Panic,
                        QStringLiteral("element %1 of \"%2\" is a %3 (%4), reached before any match: Go's "
                                       "r.(string) panics (interface conversion)")
                            .arg(i)
                            .arg(key, GoJson::kindOf(roles[i]), compact(roles[i])),
                        conversionPanic(roles[i])};
                if (roles[i].toString() == role)
                    return {MatchKind::Pass, QStringLiteral("\"%1\" holds role \"%2\"").arg(key, role)};
            }
        return {MatchKind::Fail,
            QStringLiteral("\"%1\" is %2: none of the required roles %3")
                .arg(key, compact(v), compact(QJsonArray::fromStringList(required)))};
    }
    if (v.isString()) {
        const QStringList roles = v.toString().split(u' ');
        for (const QString &role : required)
            if (roles.contains(role))
                return {MatchKind::Pass, QStringLiteral("\"%1\" (split on spaces) holds role \"%2\"").arg(key, role)};
        return {MatchKind::Fail,
            QStringLiteral("\"%1\" is \"%2\" (split on single spaces): none of the required "
                           "roles %3")
                .arg(key, v.toString(), compact(QJsonArray::fromStringList(required)))};
    }
    return {MatchKind::Fail,
        QStringLiteral("\"%1\" is a %2 (%3): only arrays and space-separated strings hold roles")
            .arg(key, GoJson::kindOf(v), compact(v))};
}

Match roles(const ValidatorConfig &config, const QJsonObject &claims)
{
    const QStringList required = config.roles();
    const QString key = config.effectiveRolesKey();
    if (!config.rolesLookupIsNested())
        return canAccess(key, claims, required);
    const QStringList segments = key.split(u'.');
    QString broken;
    const auto parent = nestedParent(claims, segments, &broken);
    if (!parent)
        return {MatchKind::Fail, QStringLiteral("nested path %1: %2").arg(key, broken)};
    Match m = canAccess(segments.last(), *parent, required);
    m.detail = QStringLiteral("nested path %1: %2").arg(key, m.detail);
    return m;
}

Match scopes(const ValidatorConfig &config, const QJsonObject &claims)
{
    const QString key = config.scopesKey();
    const QStringList required = config.scopes();
    const bool all = config.scopesMatchAll();
    QJsonValue v;
    QString where = QStringLiteral("\"%1\"").arg(key);
    if (key.contains(u'.')) {
        const QStringList segments = key.split(u'.');
        QString broken;
        const auto parent = nestedParent(claims, segments, &broken);
        if (!parent)
            return {MatchKind::Fail, QStringLiteral("nested path %1: %2").arg(key, broken)};
        v = parent->value(segments.last());
        where = QStringLiteral("nested path %1").arg(key);
    } else {
        v = claims.value(key);
    }
    if (v.isUndefined())
        return {MatchKind::Fail, QStringLiteral("%1 is missing").arg(where)};
    QStringList present;
    if (v.isArray() && !v.toArray().isEmpty()) {
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString())
                return {MatchKind::Panic,
                    QStringLiteral("element %1 of %2 is a %3 (%4): converting the scopes to "
                                   "strings panics")
                        .arg(i)
                        .arg(where, GoJson::kindOf(array[i]), compact(array[i])),
                    conversionPanic(array[i])};
            present.append(array[i].toString());
        }
    } else if (v.isString()) {
        present = v.toString().split(u' ');
    } else {
        return {MatchKind::Fail,
            QStringLiteral("%1 is %2 (%3): scopes must be a space-separated string or a "
                           "non-empty array of strings")
                .arg(where, v.isArray() ? QStringLiteral("an empty array") : QStringLiteral("a ") + GoJson::kindOf(v),
                    compact(v))};
    }
    QStringList missing, found;
    for (const QString &s : required)
        (present.contains(s) ? found : missing).append(s);
    const bool ok = all ? missing.isEmpty() : !found.isEmpty();
    if (ok)
        return {MatchKind::Pass,
            QStringLiteral("%1 = %2; %3 match: %4")
                .arg(where, compact(v), all ? QStringLiteral("all") : QStringLiteral("any"),
                    found.join(QStringLiteral(", ")))};
    return {MatchKind::Fail,
        QStringLiteral("%1 = %2; %3 of %4 required, missing %5")
            .arg(where, compact(v), all ? QStringLiteral("all") : QStringLiteral("any"),
                compact(QJsonArray::fromStringList(required)), missing.join(QStringLiteral(", ")))};
}

QJsonValue propagationValue(const QJsonObject &claims, const QString &claim)
{
    const QByteArray bytes = claim.toUtf8();
    if (claim.contains(u'.') && (bytes.size() < 4 || !bytes.startsWith("http"))) {
        const QStringList segments = claim.split(u'.');
        QString broken;
        const auto parent = nestedParent(claims, segments, &broken);
        if (!parent)
            return QJsonValue(QJsonValue::Undefined);
        return parent->value(segments.last());
    }
    return claims.value(claim);
}

} // namespace jwb::krakend::Matchers
