#pragma once

#include "krakend/go/GoFormat.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace jwb::krakend {

/// Go's formatting of claim values, exactly as KrakenD writes them into propagated headers and `{JWT.x}` URL
/// parameters (krakend-jose `Claims.Get`, docs/krakend-jwt.md §5), plus Go's header-name canonicalisation.
///
/// Claims reach KrakenD as Go values decoded from JSON (numbers are float64, objects maps, arrays
/// []interface{}), so every number is formatted from its double. Default mode gives one header value:
/// strings as they are; numbers within 1e-6 of an integer as that integer (Go `%d` of `int(math.Round(v))`,
/// with amd64's conversion of out-of-range values to -9223372036854775808); other numbers with `%f` (six
/// decimals); arrays joined with ',' with each element in Go `%v` form (shortest `%g` numbers such as
/// `1.651529725e+09`, `<nil>`, `map[k:v]`, `[x y]`); bool, null and objects as Go `json.Marshal` output
/// (sorted keys, HTML escaping). Preserve-array mode (`propagate_claims_preserve_array`) gives one value per
/// array element instead.
class HeaderFormatter
{
public:
    /// One header value (default mode), as `Claims.Get` returns it.
    [[nodiscard]] static QString format(const QJsonValue &value);
    /// Preserve-array mode: one value per array element (`%v` each); an empty array gives no value at all;
    /// anything else one value formatted like format().
    [[nodiscard]] static QStringList formatPreservingArray(const QJsonValue &value);

    // Go's number and value formatting (krakend/go/GoFormat), under the names the header rules use.
    [[nodiscard]] static QString goValue(const QJsonValue &value) { return GoFormat::value(value); }
    [[nodiscard]] static QString goFloatV(double value) { return GoFormat::floatV(value); }
    [[nodiscard]] static QString goFloatF(double value) { return GoFormat::floatF(value); }
    [[nodiscard]] static QString goRoundedInt(double value) { return GoFormat::roundedInt(value); }
    [[nodiscard]] static QString goJson(const QJsonValue &value) { return GoFormat::json(value); }
    /// Go `textproto.CanonicalMIMEHeaderKey`: `x-krakend-jti` becomes `X-Krakend-Jti`; a name holding a byte
    /// that is not a header token character (space, colon, non-ASCII...) is returned unchanged.
    [[nodiscard]] static QString canonicalHeaderName(const QString &name);
    /// Whether `name` is a valid HTTP header field name (RFC 7230 token).
    [[nodiscard]] static bool isValidHeaderName(const QString &name);
};

} // namespace jwb::krakend
