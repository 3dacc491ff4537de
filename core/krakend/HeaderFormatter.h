#pragma once

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

    /// Go `fmt.Sprintf("%v", v)` of a JSON-decoded value.
    [[nodiscard]] static QString goValue(const QJsonValue &value);
    /// Go `%v` (= strconv 'g', shortest) of a float64: `1`, `2.99`, `1e+06`, `1.651529725e+09`, `1e-05`.
    [[nodiscard]] static QString goFloatV(double value);
    /// Go `%f` of a float64: six decimals, correctly rounded.
    [[nodiscard]] static QString goFloatF(double value);
    /// Go `%d` of `int(math.Round(v))` on amd64.
    [[nodiscard]] static QString goRoundedInt(double value);
    /// Go `encoding/json` Marshal: sorted keys (bytewise UTF-8), no spaces, `<`,`>`,`&`, U+2028 and U+2029
    /// escaped as \u003c..., numbers in ES6 form (`1e+21`, `1e-7`).
    [[nodiscard]] static QString goJson(const QJsonValue &value);
    /// Go `textproto.CanonicalMIMEHeaderKey`: `x-krakend-jti` becomes `X-Krakend-Jti`; a name holding a byte
    /// that is not a header token character (space, colon, non-ASCII...) is returned unchanged.
    [[nodiscard]] static QString canonicalHeaderName(const QString &name);
    /// Whether `name` is a valid HTTP header field name (RFC 7230 token).
    [[nodiscard]] static bool isValidHeaderName(const QString &name);
};

} // namespace jwb::krakend
