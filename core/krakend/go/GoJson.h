#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace jwb::krakend {

/// Go's encoding/json (and go-jose's fork) as far as the simulator needs it: what Go makes of a JSON text that
/// QJsonDocument also has to read, and how Go names JSON kinds and decoded types in its error messages.
namespace GoJson {

/// The outcome of scanning a JSON text with Go's rules: RFC 8259 grammar checked strictly (Qt accepts "1."),
/// numbers that overflow float64 recorded (Go fails to decode them into float64, Qt refuses the whole document)
/// and, like those that underflow (Go reads 0), replaced by 0 in `sanitized` so that Qt can parse the rest.
/// Invalid UTF-8 inside strings becomes U+FFFD byte by byte, as Go's decoder makes it (utf8.DecodeRune), where Qt
/// would refuse the whole text. A negative zero (-0, -0.0, -0e5), which Go keeps and QJsonValue cannot hold, is
/// recorded and comes back from document() as the marker numberOf() reads as -0.
struct Scan
{
    bool ok = false;
    QString error; ///< Go's syntax error text ("invalid character 'x' looking for beginning of value")
    QByteArray sanitized;
    bool overflow = false;
    QString overflowLiteral; ///< the first overflowing number as written
    QStringList overflowMembers; ///< top-level members whose value holds an overflowing number
    bool topLevelNull = false;
    char topLevelKind = 0; ///< '{', '[', '"', 'n', 't', 'f' or '0' (number)
    /// Where the negative zeros are: object member names (strings) and array indexes (numbers) from the top.
    QList<QJsonArray> negativeZeros;
    bool invalidUtf8 = false; ///< some string held bytes that are not UTF-8 (now U+FFFD)

    /// The document QJsonDocument makes of `sanitized` (after a successful scan), negative zeros marked.
    [[nodiscard]] QJsonDocument document() const;
    /// How Go's "cannot unmarshal X into ..." names a top-level value that is not an object: "array",
    /// "string", "number" or "bool".
    [[nodiscard]] QString topLevelKindName() const;
};

/// The float64 Go holds for a decoded JSON number: the value, or -0.0 for the negative-zero marker of
/// Scan::document() (a NaN, which no JSON text can produce).
[[nodiscard]] double numberOf(const QJsonValue &value);

/// Scans `text` (at most 10000 levels deep, as Go).
[[nodiscard]] Scan scan(const QByteArray &text);

/// The JSON kind of a value as Go's decoding errors name it: "string", "number", "bool", "array", "object",
/// "null".
[[nodiscard]] QString kindOf(const QJsonValue &value);

/// The Go dynamic type of a JSON-decoded value, as a failed `v.(string)` names it: "float64", "bool",
/// "[]interface {}", "map[string]interface {}", "string", "nil".
[[nodiscard]] QString dynamicType(const QJsonValue &value);

} // namespace GoJson

} // namespace jwb::krakend
