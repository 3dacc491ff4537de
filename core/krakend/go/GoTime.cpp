#include "krakend/go/GoTime.h"

#include <limits>

namespace jwb::krakend::GoTime {

namespace {

constexpr qint64 kUnixToInternal = 62135596800LL;

} // namespace

qint64 toInt64(double f)
{
    if (!(f < 9223372036854775808.0) || !(f >= -9223372036854775808.0))
        return std::numeric_limits<qint64>::min();
    return static_cast<qint64>(f);
}

Time fromUnix(qint64 unixSec, qint64 nsec)
{
    return {static_cast<qint64>(static_cast<quint64>(unixSec) + static_cast<quint64>(kUnixToInternal)), nsec};
}

Time fromDateTime(const QDateTime &at)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    const qint64 sec = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    return fromUnix(sec, (ms - sec * 1000) * 1000000);
}

Time add(Time t, qint64 nanos)
{
    qint64 dsec = nanos / kNanos;
    qint64 nsec = t.nsec + nanos % kNanos;
    if (nsec >= kNanos) {
        ++dsec;
        nsec -= kNanos;
    } else if (nsec < 0) {
        --dsec;
        nsec += kNanos;
    }
    t.nsec = nsec;
    // Time.addSec saturates instead of overflowing.
    qint64 sum = 0;
    if (__builtin_add_overflow(t.sec, dsec, &sum))
        sum = dsec > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    t.sec = sum;
    return t;
}

bool before(Time a, Time b)
{
    return a.sec < b.sec || (a.sec == b.sec && a.nsec < b.nsec);
}

QString durationText(qint64 nanos)
{
    if (nanos % kNanos == 0)
        return QStringLiteral("%1s").arg(nanos / kNanos);
    return QStringLiteral("%1s").arg(static_cast<double>(nanos) / kNanos, 0, 'g', 12);
}

QString unixText(qint64 unix)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(unix, Qt::UTC);
    // Years 1 to 9999 only (253402300800 is year 10000); compared without llabs, which overflows for INT64_MIN.
    return t.isValid() && unix > -253402300800LL && unix < 253402300800LL
        ? QStringLiteral("%1 (%2)").arg(unix).arg(t.toString(Qt::ISODate))
        : QString::number(unix);
}

} // namespace jwb::krakend::GoTime
