#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>

namespace jwb::krakend {

/// Where every value of a JSON text sits, byte for byte, so that an edit can replace exactly one value or
/// member and leave every other byte of the file alone (key order, spacing, comments-as-keys, number
/// spelling). Parsing is strict RFC 8259 (what QJsonDocument accepts); errors carry the byte offset.
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
        [[nodiscard]] const Node *member(const QString &key) const;
        [[nodiscard]] const Member *memberEntry(const QString &key) const;
    };

    static common::Result<std::shared_ptr<const JsonSourceMap>> parse(const QByteArray &text);

    [[nodiscard]] const Node &root() const { return *m_root; }
    [[nodiscard]] const QByteArray &text() const { return m_text; }
    /// Follows a path of object keys and array indexes ("endpoints", "3", "extra_config").
    [[nodiscard]] const Node *find(const QStringList &path) const;
    /// The indentation (whitespace) of the line on which `offset` sits.
    [[nodiscard]] QByteArray lineIndent(qsizetype offset) const;
    /// The file's indentation unit, guessed from its first indented line (default two spaces).
    [[nodiscard]] QByteArray indentUnit() const;
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

} // namespace jwb::krakend
