#include "common/Duration.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace jwb::common::Duration {

namespace {
constexpr qint64 kNanosPerSecond = 1000000000LL;

qint64 unitNanos(const QString &unit)
{
    if (unit == u"ns")
        return 1;
    if (unit == u"us" || unit == u"\u00b5s" || unit == u"\u03bcs")
        return 1000;
    if (unit == u"ms")
        return 1000000;
    if (unit == u"s")
        return kNanosPerSecond;
    if (unit == u"m")
        return 60 * kNanosPerSecond;
    if (unit == u"h")
        return 3600 * kNanosPerSecond;
    return 0;
}
} // namespace

Result<qint64> parseNanos(const QString &input)
{
    const QString text = input.trimmed();
    auto bad = [&](const QString &why) {
        return Result<qint64>::failure(
            QStringLiteral("invalid_duration"), QStringLiteral("invalid duration \"%1\": %2").arg(input, why));
    };
    if (text.isEmpty())
        return bad(QStringLiteral("empty"));
    int pos = 0;
    bool negative = false;
    if (text[0] == u'-' || text[0] == u'+') {
        negative = text[0] == u'-';
        ++pos;
    }
    if (text.mid(pos) == u"0")
        return qint64 {0};
    if (pos >= text.size())
        return bad(QStringLiteral("missing number"));
    // Integer arithmetic digit by digit, as Go does: "0.3s" is exactly 300000000 ns, which a double
    // multiplication would truncate to 299999999.
    constexpr auto kMax = static_cast<quint64>(std::numeric_limits<qint64>::max());
    auto isDigit = [&](qsizetype i) { return i < text.size() && text[i] >= u'0' && text[i] <= u'9'; };
    quint64 total = 0;
    while (pos < text.size()) {
        const int numStart = pos;
        quint64 whole = 0;
        for (; isDigit(pos); ++pos) {
            const auto digit = static_cast<quint64>(text[pos].unicode() - u'0');
            if (whole > (kMax - digit) / 10)
                return bad(QStringLiteral("out of range"));
            whole = whole * 10 + digit;
        }
        const bool hasWhole = pos != numStart;
        quint64 fraction = 0;
        double scale = 1;
        bool hasFraction = false;
        if (pos < text.size() && text[pos] == u'.') {
            ++pos;
            const int fractionStart = pos;
            for (; isDigit(pos); ++pos) {
                const auto digit = static_cast<quint64>(text[pos].unicode() - u'0');
                if (fraction > (kMax - digit) / 10)
                    continue; // digits beyond 63 bits of precision cannot change the result
                fraction = fraction * 10 + digit;
                scale *= 10;
            }
            hasFraction = pos != fractionStart;
        }
        if (!hasWhole && !hasFraction)
            return bad(QStringLiteral("expected a number at character %1").arg(numStart + 1));
        const int unitStart = pos;
        while (pos < text.size() && !isDigit(pos) && text[pos] != u'.')
            ++pos;
        const QString unit = text.mid(unitStart, pos - unitStart);
        if (unit.isEmpty())
            return bad(QStringLiteral("missing unit (ns, us, ms, s, m, h) after the number"));
        const auto mult = static_cast<quint64>(unitNanos(unit));
        if (mult == 0)
            return bad(QStringLiteral("unknown unit \"%1\" (use ns, us, ms, s, m or h)").arg(unit));
        if (whole > kMax / mult)
            return bad(QStringLiteral("out of range"));
        quint64 value = whole * mult;
        if (fraction > 0) {
            value += static_cast<quint64>(static_cast<double>(fraction) * (static_cast<double>(mult) / scale));
            if (value > kMax)
                return bad(QStringLiteral("out of range"));
        }
        if (value > kMax - total)
            return bad(QStringLiteral("out of range"));
        total += value;
    }
    const auto nanos = static_cast<qint64>(total);
    return negative ? -nanos : nanos;
}

Result<qint64> parseSeconds(const QString &text)
{
    auto nanos = parseNanos(text);
    if (!nanos)
        return nanos.error();
    return nanos.value() / kNanosPerSecond;
}

bool isSingleUnitDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+(ns|ms|us|\u00b5s|s|m|h)$"));
    return re.match(text).hasMatch();
}

QString humanize(qint64 seconds)
{
    if (seconds < 0)
        seconds = -seconds;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60) {
        const qint64 s = seconds % 60;
        return s ? QStringLiteral("%1 min %2 s").arg(minutes).arg(s) : QStringLiteral("%1 min").arg(minutes);
    }
    const qint64 hours = minutes / 60;
    if (hours < 48) {
        const qint64 m = minutes % 60;
        return m ? QStringLiteral("%1 h %2 min").arg(hours).arg(m) : QStringLiteral("%1 h").arg(hours);
    }
    const qint64 days = hours / 24;
    if (days < 730) {
        const qint64 h = hours % 24;
        return h ? QStringLiteral("%1 days %2 h").arg(days).arg(h) : QStringLiteral("%1 days").arg(days);
    }
    return QStringLiteral("%1 years").arg(days / 365);
}

QString relative(qint64 unixSeconds, qint64 nowUnixSeconds)
{
    const qint64 delta = unixSeconds - nowUnixSeconds;
    if (delta == 0)
        return QStringLiteral("now");
    return delta > 0 ? QStringLiteral("in %1").arg(humanize(delta)) : QStringLiteral("%1 ago").arg(humanize(delta));
}

Result<QDateTime> parseInstant(const QString &input)
{
    const QString text = input.trimmed();
    static const QRegularExpression unixRe(QStringLiteral("^-?[0-9]{1,12}$"));
    if (unixRe.match(text).hasMatch())
        return QDateTime::fromSecsSinceEpoch(text.toLongLong(), Qt::UTC);
    // 13 to 16 digits are milliseconds (JavaScript's Date.now(), many logs): as seconds they would be past the
    // year 33,000.
    static const QRegularExpression unixMsRe(QStringLiteral("^-?[0-9]{13,16}$"));
    if (unixMsRe.match(text).hasMatch())
        return QDateTime::fromMSecsSinceEpoch(text.toLongLong(), Qt::UTC);
    static const QRegularExpression rfc3339(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (rfc3339.match(text).hasMatch()) {
        QString normalized = text;
        normalized[10] = u'T';
        if (normalized.endsWith(u'z'))
            normalized[normalized.size() - 1] = u'Z';
        const QDateTime dt = QDateTime::fromString(normalized, Qt::ISODateWithMs);
        if (dt.isValid())
            return dt.toUTC();
    }
    return Result<QDateTime>::failure(QStringLiteral("invalid_time"),
        QStringLiteral("invalid time \"%1\": use RFC 3339 (2030-01-01T00:00:00Z), Unix seconds or Unix milliseconds")
            .arg(input));
}

} // namespace jwb::common::Duration
