#include "krakend/go/GoFormat.h"

#include "krakend/go/GoJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace jwb::krakend::GoFormat {

namespace {

QString toChars(double value, std::chars_format format, int precision = -1)
{
    char buffer[400];
    const auto result = precision < 0 ? std::to_chars(buffer, buffer + sizeof buffer, value, format)
                                      : std::to_chars(buffer, buffer + sizeof buffer, value, format, precision);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

/// Object member names in Go's map order: bytewise comparison of their UTF-8 forms.
QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return keys;
}

void appendJsonString(QString &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            continue;
        case u'\\':
            out += QLatin1String("\\\\");
            continue;
        case u'\b':
            out += QLatin1String("\\b");
            continue;
        case u'\f':
            out += QLatin1String("\\f");
            continue;
        case u'\n':
            out += QLatin1String("\\n");
            continue;
        case u'\r':
            out += QLatin1String("\\r");
            continue;
        case u'\t':
            out += QLatin1String("\\t");
            continue;
        default:
            break;
        }
        if (u < 0x20 || u == u'<' || u == u'>' || u == u'&' || u == 0x2028 || u == 0x2029) {
            out += QLatin1String("\\u");
            out += QLatin1Char(hex[(u >> 12) & 0xF]);
            out += QLatin1Char(hex[(u >> 8) & 0xF]);
            out += QLatin1Char(hex[(u >> 4) & 0xF]);
            out += QLatin1Char(hex[u & 0xF]);
            continue;
        }
        out += c;
    }
    out += u'"';
}

/// strconv.FormatFloat(v, 'f', -1, 64): the shortest digits that read back as v, then zeros up to the decimal
/// point (9223372036854775808 is "9223372036854776000"); std::to_chars' fixed form would print every digit.
QString fixedShortest(double value)
{
    if (value == 0)
        return std::signbit(value) ? QStringLiteral("-0") : QStringLiteral("0");
    const QString scientific = toChars(value, std::chars_format::scientific); // -d.ddde+XX
    const qsizetype e = scientific.indexOf(u'e');
    const int exponent = QStringView(scientific).mid(e + 1).toInt();
    const bool negative = scientific.startsWith(u'-');
    QString digits = scientific.left(e).remove(u'-').remove(u'.');
    const int point = exponent + 1; // digits before the decimal point
    QString out;
    if (point >= digits.size())
        out = digits + QString(point - digits.size(), u'0');
    else if (point > 0)
        out = digits.left(point) + u'.' + digits.mid(point);
    else
        out = QStringLiteral("0.") + QString(-point, u'0') + digits;
    return negative ? u'-' + out : out;
}

/// encoding/json's float64 encoder: ES6 number-to-string rules.
QString jsonNumber(double value)
{
    const double abs = std::fabs(value);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
        QString text = toChars(value, std::chars_format::scientific);
        // Go cleans up e-09 to e-9 (only negative exponents with a leading zero).
        const qsizetype n = text.size();
        if (n >= 4 && text[n - 4] == u'e' && text[n - 3] == u'-' && text[n - 2] == u'0')
            text.remove(n - 2, 1);
        return text;
    }
    return fixedShortest(value);
}

void appendJson(QString &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += QLatin1String("null");
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? QLatin1String("true") : QLatin1String("false");
        return;
    case QJsonValue::Double:
        out += jsonNumber(GoJson::numberOf(value));
        return;
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out += u'[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += u',';
            appendJson(out, array.at(i));
        }
        out += u']';
        return;
    }
    case QJsonValue::Object: {
        out += u'{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (const QString &key : sortedKeys(object)) {
            if (!first)
                out += u',';
            first = false;
            appendJsonString(out, key);
            out += u':';
            appendJson(out, object.value(key));
        }
        out += u'}';
        return;
    }
    }
}

} // namespace

QString floatV(double v)
{
    if (v == 0)
        return std::signbit(v) ? QStringLiteral("-0") : QStringLiteral("0");
    // strconv.FormatFloat(v, 'g', -1, 64): shortest digits; %e when the decimal exponent is < -4 or >= 6
    // (the shortest form always decides with precision 6), else %f with just the digits needed.
    const QString scientific = toChars(v, std::chars_format::scientific);
    const qsizetype e = scientific.indexOf(u'e');
    const int exponent = QStringView(scientific).mid(e + 1).toInt();
    if (exponent < -4 || exponent >= 6)
        return scientific;
    return fixedShortest(v);
}

QString floatF(double v)
{
    return toChars(v, std::chars_format::fixed, 6);
}

QString roundedInt(double v)
{
    const double rounded = std::round(v); // Go math.Round: half away from zero, like C round()
    // int(float64) outside the int64 range is undefined in Go; amd64's CVTTSD2SQ yields the "integer
    // indefinite" value 0x8000000000000000.
    if (!(rounded < 9223372036854775808.0) || rounded < -9223372036854775808.0)
        return QStringLiteral("-9223372036854775808");
    return QString::number(static_cast<qint64>(rounded));
}

QString json(const QJsonValue &v)
{
    QString out;
    appendJson(out, v);
    return out;
}

QString value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("<nil>");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return floatV(GoJson::numberOf(v));
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = v.toArray();
        for (const auto &element : array)
            parts.append(GoFormat::value(element));
        return u'[' + parts.join(u' ') + u']';
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject object = v.toObject();
        for (const QString &key : sortedKeys(object))
            parts.append(key + u':' + GoFormat::value(object.value(key)));
        return QLatin1String("map[") + parts.join(u' ') + u']';
    }
    }
    return {};
}

} // namespace jwb::krakend::GoFormat
