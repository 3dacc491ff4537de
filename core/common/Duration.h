#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

namespace jwb::common {

/// Durations and instants as KrakenD and the CLI spell them.
///
/// parseDuration follows Go's time.ParseDuration, which KrakenD uses for `leeway` and friends: an optional
/// sign, then one or more decimal numbers each with a unit (ns, us, µs, ms, s, m, h), e.g. "30s", "1m30s",
/// "1.5h". The result is in nanoseconds. isSingleUnitDuration tells whether the text also passes the
/// stricter pattern of KrakenD's schema (one integer and one unit).
namespace Duration {
[[nodiscard]] Result<qint64> parseNanos(const QString &text);
[[nodiscard]] Result<qint64> parseSeconds(const QString &text); ///< truncated toward zero
[[nodiscard]] bool isSingleUnitDuration(const QString &text);
/// "1h 5m", "45s", "2d 3h": a compact human form of a number of seconds (sign ignored).
[[nodiscard]] QString humanize(qint64 seconds);
/// "in 5 min" / "5 min ago" / "now" relative to `now`.
[[nodiscard]] QString relative(qint64 unixSeconds, qint64 nowUnixSeconds);
/// `--at` values and "Evaluate at": RFC 3339 ("2030-01-01T00:00:00Z", offsets allowed), Unix seconds, or Unix
/// milliseconds (13 to 16 digits, as Date.now() gives them).
[[nodiscard]] Result<QDateTime> parseInstant(const QString &text);
} // namespace Duration

} // namespace jwb::common
