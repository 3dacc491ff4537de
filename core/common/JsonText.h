#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace jwb::common {

/// JSON text helpers that keep what the user wrote: member order, number spelling and string escapes.
/// QJsonDocument sorts object members, which is wrong for showing a token's header as it was signed.
namespace JsonText {
/// Re-indents valid JSON text (`indent` spaces per level) without reordering or re-encoding anything.
/// Input that is not valid JSON is returned unchanged.
[[nodiscard]] QByteArray prettyPrint(const QByteArray &json, int indent = 2);
/// Compact one-line form of any JSON value.
[[nodiscard]] QString compact(const QJsonValue &value);
/// Member names that occur more than once in the same object, anywhere in the document (RFC 8259 leaves
/// duplicates undefined; go-jose, and so KrakenD, rejects them while QJsonDocument keeps the last).
[[nodiscard]] QStringList duplicateKeys(const QByteArray &json);
} // namespace JsonText

} // namespace jwb::common
