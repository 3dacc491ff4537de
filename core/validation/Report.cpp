#include "validation/Report.h"

#include <QJsonArray>

namespace jwb::validation {

const common::Check *Report::check(common::CheckName name) const
{
    return common::findCheck(checks, name);
}

const common::Check *Report::check(const QString &name) const
{
    const auto known = common::checkNameFromText(name);
    return known ? check(*known) : nullptr;
}

const common::Check *Report::firstFailure() const
{
    return common::firstFailure(checks);
}

QJsonObject Report::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("valid"), valid);
    o.insert(QStringLiteral("alg"),
        algorithm ? QJsonValue(crypto::Algorithms::name(*algorithm))
                  : QJsonValue(inspection.token.alg().isEmpty() ? QJsonValue() : QJsonValue(inspection.token.alg())));
    if (keyIndex >= 0)
        o.insert(QStringLiteral("key"),
            QJsonObject {{QStringLiteral("kid"), keyKid.isEmpty() ? QJsonValue() : QJsonValue(keyKid)},
                {QStringLiteral("kty"), keyType}, {QStringLiteral("thumbprint"), keyThumbprint},
                {QStringLiteral("index"), keyIndex}});
    else
        o.insert(QStringLiteral("key"), QJsonValue());
    QJsonArray arr;
    for (const auto &c : checks) {
        QJsonObject co {{QStringLiteral("name"), c.nameText()}, {QStringLiteral("ok"), c.ok()},
            {QStringLiteral("message"), c.detail}};
        if (c.skipped())
            co.insert(QStringLiteral("skipped"), true);
        arr.append(co);
    }
    o.insert(QStringLiteral("checks"), arr);
    o.insert(QStringLiteral("findings"), jose::findingsToJson(findings));
    if (inspection.token.headerOk)
        o.insert(QStringLiteral("header"), inspection.token.header);
    if (inspection.token.payloadIsJson)
        o.insert(QStringLiteral("payload"), inspection.token.payload);
    return o;
}

} // namespace jwb::validation
