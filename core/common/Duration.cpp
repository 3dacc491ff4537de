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
        return Result<qint64>::failure(QStringLiteral("invalid_duration"),
                                       QStringLiteral("invalid duration \"%1\": %2").arg(input, why));
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
        return qint64{0};
    if (pos >= text.size())
        return bad(QStringLiteral("missing number"));
    long double total = 0;
    while (pos < text.size()) {
        const int numStart = pos;
        while (pos < text.size() && (text[pos].isDigit() || text[pos] == u'.'))
            ++pos;
        if (pos == numStart)
            return bad(QStringLiteral("expected a number at character %1").arg(pos + 1));
        bool ok = false;
        const double number = text.mid(numStart, pos - numStart).toDouble(&ok);
        if (!ok)
            return bad(QStringLiteral("malformed number at character %1").arg(numStart + 1));
        const int unitStart = pos;
        while (pos < text.size() && !text[pos].isDigit() && text[pos] != u'.')
            ++pos;
        const QString unit = text.mid(unitStart, pos - unitStart);
        if (unit.isEmpty())
            return bad(QStringLiteral("missing unit (ns, us, ms, s, m, h) after the number"));
        const qint64 mult = unitNanos(unit);
        if (mult == 0)
            return bad(QStringLiteral("unknown unit \"%1\" (use ns, us, ms, s, m or h)").arg(unit));
        total += static_cast<long double>(number) * mult;
        if (total > static_cast<long double>(std::numeric_limits<qint64>::max()))
            return bad(QStringLiteral("out of range"));
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
    static const QRegularExpression rfc3339(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (rfc3339.match(text).hasMatch()) {
        QString normalized = text;
        normalized[10] = u'T';
        if (normalized.endsWith(u'z'))
            normalized[normalized.size() - 1] = u'Z';
        const QDateTime dt = QDateTime::fromString(normalized, Qt::ISODateWithMs);
        if (dt.isValid())
            return dt.toUTC();
    }
    return Result<QDateTime>::failure(
        QStringLiteral("invalid_time"),
        QStringLiteral("invalid time \"%1\": use RFC 3339 (2030-01-01T00:00:00Z) or Unix seconds").arg(input));
}

} // namespace jwb::common::Duration
