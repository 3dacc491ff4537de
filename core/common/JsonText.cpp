#include "common/JsonText.h"

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

/// Copies a JSON string literal starting at json[i] == '"'; returns the index after its closing quote.
qsizetype copyString(const QByteArray &json, qsizetype i, QByteArray *out)
{
    const qsizetype start = i++;
    while (i < json.size()) {
        if (json[i] == '\\') {
            i += 2;
            continue;
        }
        if (json[i] == '"') {
            ++i;
            break;
        }
        ++i;
    }
    if (out)
        out->append(json.constData() + start, i - start);
    return i;
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
    // A stack of key sets, one per open container (arrays push an unused set to keep depth aligned). Names are
    // compared decoded, so "a" and "\u0061" are the same member.
    QList<QSet<QString>> stack;
    QList<bool> isObject;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        if (c == '"') {
            QByteArray literal;
            const qsizetype next = copyString(json, i, &literal);
            if (expectKey && !isObject.isEmpty() && isObject.last()) {
                const QString name = QJsonDocument::fromJson("[" + literal + "]").array().first().toString();
                if (stack.last().contains(name) && !dups.contains(name))
                    dups.append(name);
                stack.last().insert(name);
                expectKey = false;
            }
            i = next;
            continue;
        }
        if (c == '{') {
            stack.append(QSet<QString>());
            isObject.append(true);
            expectKey = true;
        } else if (c == '[') {
            stack.append(QSet<QString>());
            isObject.append(false);
            expectKey = false;
        } else if (c == '}' || c == ']') {
            stack.removeLast();
            isObject.removeLast();
        } else if (c == ',') {
            expectKey = !isObject.isEmpty() && isObject.last();
        }
        ++i;
    }
    return dups;
}

} // namespace jwb::common::JsonText
