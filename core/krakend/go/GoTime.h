#pragma once

#include <QDateTime>
#include <QString>

namespace jwb::krakend {

/// Go's time arithmetic as go-jose's claim validation does it: time.Time in Go's internal representation,
/// NumericDate's float64 → int64 conversion, Add with saturation, Before.
namespace GoTime {

inline constexpr qint64 kNanos = 1000000000LL;

/// time.Time: seconds since year 1 (wrapping like Go's unixToInternal addition for absurd dates) and nanoseconds.
struct Time
{
    qint64 sec = 0;
    qint64 nsec = 0;
};

/// Go's float64 → int64 conversion on amd64 (NumericDate(f)): truncation, 0x8000000000000000 out of range.
[[nodiscard]] qint64 toInt64(double f);
/// time.Unix(sec, nsec).
[[nodiscard]] Time fromUnix(qint64 unixSec, qint64 nsec = 0);
/// time.Now() as a clock showing `at` (millisecond precision, also before 1970).
[[nodiscard]] Time fromDateTime(const QDateTime &at);
/// Time.Add(d): nanoseconds carried into seconds; the seconds saturate instead of overflowing.
[[nodiscard]] Time add(Time t, qint64 nanos);
/// Time.Before.
[[nodiscard]] bool before(Time a, Time b);

/// A duration for people: "1s", "1.5s" (whole seconds without decimals).
[[nodiscard]] QString durationText(qint64 nanos);
/// Unix seconds with their UTC date when it has one: "1700000000 (2023-11-14T22:13:20Z)".
[[nodiscard]] QString unixText(qint64 unix);

} // namespace GoTime

} // namespace jwb::krakend
