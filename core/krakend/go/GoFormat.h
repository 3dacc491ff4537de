#pragma once

#include <QJsonValue>
#include <QString>

namespace jwb::krakend {

/// Go's fmt, strconv and encoding/json output for JSON-decoded values (numbers are float64, objects maps,
/// arrays []interface{}): what KrakenD writes when it turns a claim into text (HeaderFormatter).
namespace GoFormat {

/// Go `fmt.Sprintf("%v", v)` of a JSON-decoded value: shortest `%g` numbers such as `1.651529725e+09`,
/// `<nil>`, `map[k:v]` with sorted keys, `[x y]`.
[[nodiscard]] QString value(const QJsonValue &v);
/// Go `%v` (= strconv 'g', shortest) of a float64: `1`, `2.99`, `1e+06`, `1.651529725e+09`, `1e-05`.
[[nodiscard]] QString floatV(double v);
/// Go `%f` of a float64: six decimals, correctly rounded.
[[nodiscard]] QString floatF(double v);
/// Go `%d` of `int(math.Round(v))` on amd64 (out of range: -9223372036854775808).
[[nodiscard]] QString roundedInt(double v);
/// Go `encoding/json` Marshal: sorted keys (bytewise UTF-8), no spaces, `<`,`>`,`&`, U+2028 and U+2029
/// escaped as \u003c..., numbers in ES6 form (`1e+21`, `1e-7`).
[[nodiscard]] QString json(const QJsonValue &v);

} // namespace GoFormat

} // namespace jwb::krakend
