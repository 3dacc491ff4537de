#include "krakend/HeaderFormatter.h"

#include "krakend/go/GoFormat.h"
#include "krakend/go/GoJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace jwb::krakend {

namespace {

constexpr double kEpsilon = 1e-6; // krakend-jose jose.go `epsilon`

bool isTokenByte(char16_t c)
{
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    switch (c) {
    case u'!':
    case u'#':
    case u'$':
    case u'%':
    case u'&':
    case u'\'':
    case u'*':
    case u'+':
    case u'-':
    case u'.':
    case u'^':
    case u'_':
    case u'`':
    case u'|':
    case u'~':
        return true;
    default:
        return false;
    }
}

} // namespace

QString HeaderFormatter::format(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {}; // a missing claim propagates as an empty header
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double v = GoJson::numberOf(value);
        if (std::fabs(v - std::round(v)) <= kEpsilon)
            return GoFormat::roundedInt(v);
        return GoFormat::floatF(v);
    }
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const auto &element : array)
            parts.append(GoFormat::value(element));
        return parts.join(u',');
    }
    case QJsonValue::Null:
    case QJsonValue::Bool:
    case QJsonValue::Object:
        return GoFormat::json(value);
    }
    return {};
}

QStringList HeaderFormatter::formatPreservingArray(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList values;
        const QJsonArray array = value.toArray();
        for (const auto &element : array)
            values.append(GoFormat::value(element));
        return values;
    }
    return {format(value)};
}

bool HeaderFormatter::isValidHeaderName(const QString &name)
{
    if (name.isEmpty())
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) { return isTokenByte(c.unicode()); });
}

QString HeaderFormatter::canonicalHeaderName(const QString &name)
{
    // Non-ASCII characters are never token bytes, so working on UTF-16 units equals Go's byte loop.
    for (const QChar c : name)
        if (!isTokenByte(c.unicode()))
            return name;
    QString out = name;
    bool upper = true;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (upper && u >= u'a' && u <= u'z')
            c = QChar(u - 32);
        else if (!upper && u >= u'A' && u <= u'Z')
            c = QChar(u + 32);
        upper = c == u'-';
    }
    return out;
}

} // namespace jwb::krakend
