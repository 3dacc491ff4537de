#include "common/JsonText.h"

#include "common/JsonSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QSet>
#include <QStringList>

namespace jwb::common::JsonText {

namespace {
bool isValidJson(const QByteArray &json)
{
    QJsonParseError err {};
    (void)QJsonDocument::fromJson(json, &err);
    if (err.error == QJsonParseError::NoError)
        return true;
    // QJsonDocument only takes objects/arrays at the top; accept scalars by wrapping them. Exactly one value
    // must come out, or "1,2" would pass as valid.
    QJsonParseError err2 {};
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + json + "]", &err2);
    return err2.error == QJsonParseError::NoError && wrapped.array().size() == 1;
}

/// Copies the JSON string literal that starts at json[i] == '"' (valid JSON: it is closed); returns the index
/// after its closing quote.
qsizetype copyString(const QByteArray &json, qsizetype i, QByteArray *out)
{
    const qsizetype end = JsonSource::stringEnd(json, i);
    out->append(json.constData() + i, end - i);
    return end;
}

/// Appends the names that stand twice in an object of `node`'s subtree to `dups`, in document order.
void collectDuplicates(const JsonSourceMap::Node &node, QStringList &dups)
{
    QSet<QString> seen;
    for (const JsonSourceMap::Member &member : node.members) {
        if (seen.contains(member.key) && !dups.contains(member.key))
            dups.append(member.key);
        seen.insert(member.key);
        collectDuplicates(*member.value, dups);
    }
    for (const auto &item : node.items)
        collectDuplicates(*item, dups);
}
} // namespace

QByteArray prettyPrint(const QByteArray &json, int indent)
{
    if (!isValidJson(json))
        return json;
    QByteArray out;
    out.reserve(json.size() * 2);
    int level = 0;
    auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(level * indent, ' '));
    };
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        switch (c) {
        case '"':
            i = copyString(json, i, &out);
            continue;
        case '{':
        case '[': {
            // Empty containers stay on one line.
            qsizetype j = i + 1;
            while (j < json.size() && (json[j] == ' ' || json[j] == '\t' || json[j] == '\n' || json[j] == '\r'))
                ++j;
            if (j < json.size() && (json[j] == '}' || json[j] == ']')) {
                out.append(c);
                out.append(json[j]);
                i = j + 1;
                continue;
            }
            out.append(c);
            ++level;
            newline();
            break;
        }
        case '}':
        case ']':
            --level;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(',');
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out.append(c);
        }
        ++i;
    }
    return out;
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QStringList duplicateKeys(const QByteArray &json)
{
    QStringList dups;
    if (!isValidJson(json))
        return dups;
    // The source map keeps every member, duplicates included, with its name decoded: "a" and "\u0061" are the
    // same member.
    if (const auto map = JsonSourceMap::parse(json))
        collectDuplicates(map.value()->root(), dups);
    return dups;
}

} // namespace jwb::common::JsonText
