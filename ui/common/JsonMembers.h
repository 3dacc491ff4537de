#pragma once

#include <QByteArray>
#include <QStringList>

namespace jwb::ui {

/// The member names of a JSON object in the order they were written. QJsonObject sorts its keys, but a table
/// of claims reads best in the issuer's order (iss, sub, aud, exp...), the same order the JSON view shows.
namespace JsonMembers {
/// Top-level member names of `json`, first occurrence of each, in document order; empty when `json` is not an
/// object. Names are unescaped (\u0041 becomes A).
[[nodiscard]] QStringList topLevelNames(const QByteArray &json);
} // namespace JsonMembers

} // namespace jwb::ui
