#include "common/JsonSource.h"

#include "common/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <optional>

namespace jwb::common {

const JsonSourceMap::Node *JsonSourceMap::Node::member(const QString &key) const
{
    const Member *m = memberEntry(key);
    return m ? m->value.get() : nullptr;
}

const JsonSourceMap::Member *JsonSourceMap::Node::memberEntry(const QString &key) const
{
    // The last occurrence wins, as in QJsonDocument and Go's encoding/json.
    const Member *found = nullptr;
    for (const auto &m : members)
        if (m.key == key)
            found = &m;
    return found;
}

namespace {

class Parser
{
public:
    explicit Parser(const QByteArray &t, qsizetype begin = 0, qsizetype end = -1, int maxDepth = -1)
        : m_t(t), m_i(begin), m_end(end < 0 ? t.size() : end), m_maxDepth(maxDepth)
    { }

    Result<std::unique_ptr<JsonSourceMap::Node>> document()
    {
        // A UTF-8 byte order mark is not JSON, but QJsonDocument accepts it: the map does too (offsets stay those of
        // the whole text), and ConfigDocument reports it as KrakenD would.
        if (m_i == 0 && m_t.startsWith("\xEF\xBB\xBF"))
            m_i = 3;
        skip();
        auto node = value(0);
        if (!node)
            return node;
        skip();
        if (m_i != m_end)
            return error(QStringLiteral("unexpected text after the JSON value"));
        return node;
    }

private:
    using NodePtr = std::unique_ptr<JsonSourceMap::Node>;

    Result<NodePtr> error(const QString &what)
    {
        return Result<NodePtr>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("%1 at byte %2").arg(what).arg(m_i),
            {{QStringLiteral("offset"), static_cast<qlonglong>(m_i)}});
    }

    void skip()
    {
        while (m_i < m_end && (m_t[m_i] == ' ' || m_t[m_i] == '\t' || m_t[m_i] == '\n' || m_t[m_i] == '\r'))
            ++m_i;
    }

    bool stringEnd(qsizetype &end) const
    {
        end = JsonSource::stringEnd(m_t, m_i);
        return end >= 0 && end <= m_end;
    }

    /// Past the object or array that opens at m_i, without reading its members (strings are stepped over, so
    /// brackets inside them do not count).
    bool skipComposite()
    {
        const char *p = m_t.constData();
        qsizetype depth = 0;
        for (qsizetype i = m_i; i < m_end; ++i) {
            const char c = p[i];
            if (c == '"') {
                const qsizetype end = JsonSource::stringEnd(m_t, i);
                if (end < 0 || end > m_end)
                    return false;
                i = end - 1;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    m_i = i + 1;
                    return true;
                }
            }
        }
        return false;
    }

    /// The entries of an object or array whose opening bracket is at m_i, up to `close`: `entry` reads one.
    template<typename Entry> Result<NodePtr> sequence(NodePtr node, char close, Entry &&entry)
    {
        ++m_i;
        skip();
        if (m_i < m_end && m_t[m_i] == close) {
            node->end = ++m_i;
            return node;
        }
        while (true) {
            skip();
            if (std::optional<Error> failed = entry(*node))
                return *failed;
            skip();
            if (m_i < m_end && m_t[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_end && m_t[m_i] == close) {
                node->end = ++m_i;
                return node;
            }
            return error(QStringLiteral("expected ',' or '%1'").arg(QChar::fromLatin1(close)));
        }
    }

    /// One member of an object: its name, ':' and its value.
    std::optional<Error> member(JsonSourceMap::Node &object, int depth)
    {
        if (m_i >= m_end || m_t[m_i] != '"')
            return error(QStringLiteral("expected a member name")).error();
        qsizetype keyEnd = 0;
        if (!stringEnd(keyEnd))
            return error(QStringLiteral("unterminated string")).error();
        JsonSourceMap::Member m;
        m.keyBegin = m_i;
        // Most names are plain UTF-8 without escapes: read directly; others as QJsonDocument reads them.
        const QByteArrayView raw(m_t.constData() + m_i + 1, keyEnd - m_i - 2);
        if (!raw.contains('\\') && raw.isValidUtf8()) {
            m.key = QString::fromUtf8(raw);
        } else {
            const QJsonDocument k = QJsonDocument::fromJson("[" + m_t.mid(m_i, keyEnd - m_i) + "]");
            if (!k.isArray())
                return error(QStringLiteral("invalid member name")).error();
            m.key = k.array().first().toString();
        }
        m_i = keyEnd;
        skip();
        if (m_i >= m_end || m_t[m_i] != ':')
            return error(QStringLiteral("expected ':'")).error();
        ++m_i;
        skip();
        auto v = value(depth + 1);
        if (!v)
            return v.error();
        m.value = std::move(v).value();
        object.members.push_back(std::move(m));
        return std::nullopt;
    }

    Result<NodePtr> value(int depth)
    {
        if (depth > 512)
            return error(QStringLiteral("nesting too deep"));
        if (m_i >= m_end)
            return error(QStringLiteral("unexpected end of text"));
        auto node = std::make_unique<JsonSourceMap::Node>();
        node->begin = m_i;
        const char c = m_t[m_i];
        if ((c == '{' || c == '[') && m_maxDepth >= 0 && depth > m_maxDepth) {
            node->kind = c == '{' ? JsonSourceMap::Kind::Object : JsonSourceMap::Kind::Array;
            if (!skipComposite())
                return error(c == '{' ? QStringLiteral("unterminated object") : QStringLiteral("unterminated array"));
            node->end = m_i;
            return node;
        }
        if (c == '{') {
            node->kind = JsonSourceMap::Kind::Object;
            return sequence(std::move(node), '}', [&](JsonSourceMap::Node &object) { return member(object, depth); });
        }
        if (c == '[') {
            node->kind = JsonSourceMap::Kind::Array;
            return sequence(std::move(node), ']', [&](JsonSourceMap::Node &array) -> std::optional<Error> {
                auto v = value(depth + 1);
                if (!v)
                    return v.error();
                array.items.push_back(std::move(v).value());
                return std::nullopt;
            });
        }
        if (c == '"') {
            qsizetype end = 0;
            if (!stringEnd(end))
                return error(QStringLiteral("unterminated string"));
            node->kind = JsonSourceMap::Kind::String;
            m_i = end;
            node->end = end;
            return node;
        }
        auto literal = [&](const char *word, JsonSourceMap::Kind kind) -> bool {
            const qsizetype n = qstrlen(word);
            if (m_i + n > m_end || QByteArrayView(m_t.constData() + m_i, n) != QByteArrayView(word, n))
                return false;
            node->kind = kind;
            m_i += n;
            node->end = m_i;
            return true;
        };
        if (literal("true", JsonSourceMap::Kind::Bool) || literal("false", JsonSourceMap::Kind::Bool)
            || literal("null", JsonSourceMap::Kind::Null))
            return node;
        if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype i = m_i;
            while (i < m_end && (QByteArrayView("+-.eE").contains(m_t[i]) || (m_t[i] >= '0' && m_t[i] <= '9')))
                ++i;
            node->kind = JsonSourceMap::Kind::Number;
            m_i = i;
            node->end = i;
            return node;
        }
        return error(QStringLiteral("unexpected character '%1'").arg(QChar::fromLatin1(c)));
    }

    const QByteArray &m_t;
    qsizetype m_i = 0;
    qsizetype m_end = 0;
    int m_maxDepth = -1;
};

} // namespace

Result<std::shared_ptr<const JsonSourceMap>> JsonSourceMap::parse(const QByteArray &text)
{
    // QJsonDocument is the reference for validity (escapes, numbers); the map adds the positions.
    QJsonParseError err {};
    (void)QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError)
        return Result<std::shared_ptr<const JsonSourceMap>>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("%1 at byte %2").arg(err.errorString()).arg(err.offset),
            {{QStringLiteral("offset"), err.offset}});
    return parseRange(text, 0, text.size());
}

Result<std::shared_ptr<const JsonSourceMap>> JsonSourceMap::parseRange(
    const QByteArray &text, qsizetype begin, qsizetype end, int maxDepth)
{
    if (begin < 0 || end > text.size() || begin > end)
        return Result<std::shared_ptr<const JsonSourceMap>>::failure(
            QStringLiteral("invalid_json"), QStringLiteral("no value at bytes %1 to %2").arg(begin).arg(end));
    Parser p(text, begin, end, maxDepth);
    auto root = p.document();
    if (!root)
        return root.error();
    auto map = std::make_shared<JsonSourceMap>();
    map->m_text = text;
    map->m_root = std::move(root).value();
    return std::shared_ptr<const JsonSourceMap>(map);
}

const JsonSourceMap::Node *JsonSourceMap::find(const QStringList &path) const
{
    const Node *n = m_root.get();
    for (const QString &step : path) {
        if (!n)
            return nullptr;
        if (n->kind == Kind::Object) {
            n = n->member(step);
        } else if (n->kind == Kind::Array) {
            bool ok = false;
            const int idx = step.toInt(&ok);
            n = ok && idx >= 0 && idx < static_cast<int>(n->items.size()) ? n->items[static_cast<size_t>(idx)].get()
                                                                          : nullptr;
        } else {
            return nullptr;
        }
    }
    return n;
}

QByteArray JsonSourceMap::lineIndent(qsizetype offset) const
{
    qsizetype start = offset;
    while (start > 0 && m_text[start - 1] != '\n')
        --start;
    qsizetype i = start;
    while (i < m_text.size() && (m_text[i] == ' ' || m_text[i] == '\t'))
        ++i;
    return m_text.mid(start, i - start);
}

QByteArray JsonSourceMap::indentUnitOf(const QByteArray &text)
{
    const qsizetype nl = text.indexOf('\n');
    if (nl >= 0) {
        qsizetype i = nl + 1;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i > nl + 1)
            return text.mid(nl + 1, i - nl - 1);
    }
    return "  ";
}

bool JsonSourceMap::usesCrlf() const
{
    return m_text.contains("\r\n");
}

QByteArray serializeJson(const QJsonValue &value, const QByteArray &indent, const QByteArray &unit,
    const QStringList &order, const QByteArray &newline)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.isEmpty())
            return "{}";
        QStringList keys;
        for (const auto &k : order)
            if (o.contains(k))
                keys.append(k);
        QStringList rest = o.keys();
        rest.sort();
        for (const auto &k : rest)
            if (!keys.contains(k))
                keys.append(k);
        QByteArray out = "{";
        for (int i = 0; i < keys.size(); ++i) {
            out += newline + indent + unit
                + QJsonDocument(QJsonArray {keys[i]}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + ": "
                + serializeJson(o.value(keys[i]), indent + unit, unit, order, newline);
            if (i + 1 < keys.size())
                out += ',';
        }
        return out + newline + indent + '}';
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.isEmpty())
            return "[]";
        // Short arrays of scalars stay on one line, as people write them in krakend.json.
        bool scalars = true;
        for (const auto &v : a)
            scalars = scalars && !v.isObject() && !v.isArray();
        if (scalars) {
            QByteArray line = QJsonDocument(a).toJson(QJsonDocument::Compact);
            if (line.size() <= 80) {
                line.replace("\",\"", "\", \"");
                return line;
            }
        }
        QByteArray out = "[";
        for (int i = 0; i < a.size(); ++i) {
            out += newline + indent + unit + serializeJson(a[i], indent + unit, unit, order, newline);
            if (i + 1 < a.size())
                out += ',';
        }
        return out + newline + indent + ']';
    }
    return QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

namespace JsonSource {

qsizetype stringEnd(const QByteArray &json, qsizetype quote)
{
    qsizetype i = quote + 1;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '\\') {
            i += 2;
            continue;
        }
        if (c == '"')
            return i + 1;
        if (static_cast<unsigned char>(c) < 0x20)
            return -1;
        ++i;
    }
    return -1;
}

QString decodeString(const QByteArray &literal)
{
    const QJsonDocument doc = QJsonDocument::fromJson('[' + literal + ']');
    return doc.isArray() && doc.array().size() == 1 ? doc.array().first().toString() : QString();
}

QString kindName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

QString kindPhrase(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return kindName(value);
    return (value.isArray() || value.isObject() ? QStringLiteral("an ") : QStringLiteral("a ")) + kindName(value);
}

QStringList topLevelNames(const QByteArray &json)
{
    const auto map = JsonSourceMap::parse(json);
    if (!map || map.value()->root().kind != JsonSourceMap::Kind::Object)
        return {};
    QStringList names;
    for (const JsonSourceMap::Member &member : map.value()->root().members)
        if (!names.contains(member.key))
            names.append(member.key);
    return names;
}

QByteArray setMember(const QByteArray &json, const QString &name, const QJsonValue &value)
{
    const QByteArray source = json.trimmed().isEmpty() ? QByteArrayLiteral("{}") : json;
    const auto map = JsonSourceMap::parse(source);
    if (!map || map.value()->root().kind != JsonSourceMap::Kind::Object)
        return json;
    const JsonSourceMap::Node &root = map.value()->root();
    const QByteArray valueText = JsonText::compact(value).toUtf8();
    QByteArray out = source;
    if (const JsonSourceMap::Node *existing = root.member(name)) {
        out.replace(existing->begin, existing->end - existing->begin, valueText);
    } else {
        const QByteArray entry = JsonText::compact(QJsonValue(name)).toUtf8() + ": " + valueText;
        if (root.members.empty())
            out.replace(root.begin + 1, root.end - root.begin - 2, entry);
        else
            out.insert(root.members.back().value->end, ", " + entry);
    }
    return JsonText::prettyPrint(out, 2);
}

} // namespace JsonSource

} // namespace jwb::common
