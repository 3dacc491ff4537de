#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace jwb::common {

/// Where every value of a JSON text sits, byte for byte, so that an edit can replace exactly one value or
/// member and leave every other byte of the file alone (key order, spacing, comments-as-keys, number
/// spelling). Parsing is strict RFC 8259 (what QJsonDocument accepts); errors carry the byte offset. Members
/// that occur twice are both kept, in order: a reader of the map decides which one counts.
class JsonSourceMap
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null };
    struct Node;
    struct Member
    {
        QString key;
        qsizetype keyBegin = 0; ///< offset of the opening quote of the key
        std::unique_ptr<Node> value;
    };
    struct Node
    {
        Kind kind = Kind::Null;
        qsizetype begin = 0; ///< first byte of the value
        qsizetype end = 0; ///< one past its last byte
        std::vector<Member> members; ///< objects
        std::vector<std::unique_ptr<Node>> items; ///< arrays

        /// The member named `key`; of several, the last (as QJsonDocument and Go's encoding/json read them).
        [[nodiscard]] const Node *member(const QString &key) const;
        [[nodiscard]] const Member *memberEntry(const QString &key) const;
    };

    static Result<std::shared_ptr<const JsonSourceMap>> parse(const QByteArray &text);
    /// The map of the one value that spans [begin, end) of `text`, for text its caller has already checked (a
    /// ConfigDocument checks its file once when it opens it): QJsonDocument is not run again, only the structure
    /// is read. Offsets are those of the whole text, and lineIndent(), indentUnit() and usesCrlf() read the whole
    /// text. With `maxDepth` >= 0, an object or array deeper than that (the value itself is depth 0) is a node
    /// with its kind and span only, skipped without reading its members: a shallow map of a big file costs one
    /// scan of its bytes. The whole text (begin 0, end its size) may start with a byte order mark, as in parse().
    static Result<std::shared_ptr<const JsonSourceMap>> parseRange(
        const QByteArray &text, qsizetype begin, qsizetype end, int maxDepth = -1);

    [[nodiscard]] const Node &root() const { return *m_root; }
    [[nodiscard]] const QByteArray &text() const { return m_text; }
    /// Follows a path of object keys and array indexes ("endpoints", "3", "extra_config").
    [[nodiscard]] const Node *find(const QStringList &path) const;
    /// The indentation (whitespace) of the line on which `offset` sits.
    [[nodiscard]] QByteArray lineIndent(qsizetype offset) const;
    /// The file's indentation unit, guessed from its first indented line (default two spaces).
    [[nodiscard]] QByteArray indentUnit() const { return indentUnitOf(m_text); }
    /// The same for any text, without a map of it.
    [[nodiscard]] static QByteArray indentUnitOf(const QByteArray &text);
    /// Whether the line ending is CRLF.
    [[nodiscard]] bool usesCrlf() const;

private:
    QByteArray m_text;
    std::unique_ptr<Node> m_root;
};

/// Serialises a JSON value the way a person would write it inside a file indented with `unit`, starting
/// at indentation `indent`. Object members come in `order` first (those present), then the rest sorted.
[[nodiscard]] QByteArray serializeJson(const QJsonValue &value, const QByteArray &indent, const QByteArray &unit,
    const QStringList &order = {}, const QByteArray &newline = "\n");

/// The one text-preserving JSON layer: everything that reads or edits JSON as the text a person wrote (member
/// order, spelling of numbers and escapes) rather than as QJsonDocument's sorted values. JsonSourceMap gives the
/// positions; JsonText (pretty printing, duplicate names) and the Gateway's ConfigDocument build on it. Only the
/// simulator's Go scanner (krakend/go/GoJson) is separate: it follows Go's encoding/json, not RFC 8259.
namespace JsonSource {

/// The index just past the JSON string literal that starts at `json[quote]` (a '"'), or -1 when it is not
/// closed on valid terms (end of text, or a raw control character inside).
[[nodiscard]] qsizetype stringEnd(const QByteArray &json, qsizetype quote);
/// The text of a JSON string literal, quotes included (`"a\u0041"` gives `aA`); empty when it is not one.
[[nodiscard]] QString decodeString(const QByteArray &literal);

/// The name of a JSON value's kind, as findings and error messages say it: "null", "boolean", "number",
/// "string", "array", "object" ("undefined" for a missing value).
[[nodiscard]] QString kindName(const QJsonValue &value);
/// The same with its article, for sentences: "null", "a boolean", "a number", "a string", "an array",
/// "an object" ("undefined").
[[nodiscard]] QString kindPhrase(const QJsonValue &value);

/// Top-level member names of `json`, first occurrence of each, in document order (QJsonObject sorts its keys;
/// a table of claims reads best in the issuer's order: iss, sub, aud, exp...). Names are unescaped (\u0041 is
/// A). Empty when `json` is not a valid JSON object.
[[nodiscard]] QStringList topLevelNames(const QByteArray &json);

/// `json` (an object; empty text counts as {}) with its member `name` set to `value`: the value replaced in
/// place when the member is there (the last one, which is what readers take, when it is there twice), else the
/// member appended; the result is re-indented (JsonText::prettyPrint, 2 spaces) with every other member, its
/// order and spelling kept. Text that is not a JSON object is returned unchanged.
[[nodiscard]] QByteArray setMember(const QByteArray &json, const QString &name, const QJsonValue &value);

} // namespace JsonSource

} // namespace jwb::common
