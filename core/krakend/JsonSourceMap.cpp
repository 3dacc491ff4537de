#include "krakend/JsonSourceMap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jwb::krakend {

using common::Result;

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
    explicit Parser(const QByteArray &t) : m_t(t) { }

    Result<std::unique_ptr<JsonSourceMap::Node>> document()
    {
        // A UTF-8 byte order mark is not JSON, but QJsonDocument accepts it: the map does too (offsets stay those of
        // the whole text), and ConfigDocument reports it as KrakenD would.
        if (m_t.startsWith("\xEF\xBB\xBF"))
            m_i = 3;
        skip();
        auto node = value(0);
        if (!node)
            return node;
        skip();
        if (m_i != m_t.size())
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
        while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\t' || m_t[m_i] == '\n' || m_t[m_i] == '\r'))
            ++m_i;
    }

    bool stringEnd(qsizetype &end)
    {
        qsizetype i = m_i + 1;
        while (i < m_t.size()) {
            const char c = m_t[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                end = i + 1;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            ++i;
        }
        return false;
    }

    Result<NodePtr> value(int depth)
    {
        if (depth > 512)
            return error(QStringLiteral("nesting too deep"));
        if (m_i >= m_t.size())
            return error(QStringLiteral("unexpected end of text"));
        auto node = std::make_unique<JsonSourceMap::Node>();
        node->begin = m_i;
        const char c = m_t[m_i];
        if (c == '{') {
            node->kind = JsonSourceMap::Kind::Object;
            ++m_i;
            skip();
            if (m_i < m_t.size() && m_t[m_i] == '}') {
                node->end = ++m_i;
                return node;
            }
            while (true) {
                skip();
                if (m_i >= m_t.size() || m_t[m_i] != '"')
                    return error(QStringLiteral("expected a member name"));
                qsizetype keyEnd = 0;
                if (!stringEnd(keyEnd))
                    return error(QStringLiteral("unterminated string"));
                JsonSourceMap::Member m;
                m.keyBegin = m_i;
                const QJsonDocument k = QJsonDocument::fromJson("[" + m_t.mid(m_i, keyEnd - m_i) + "]");
                if (!k.isArray())
                    return error(QStringLiteral("invalid member name"));
                m.key = k.array().first().toString();
                m_i = keyEnd;
                skip();
                if (m_i >= m_t.size() || m_t[m_i] != ':')
                    return error(QStringLiteral("expected ':'"));
                ++m_i;
                skip();
                auto v = value(depth + 1);
                if (!v)
                    return v;
                m.value = std::move(v).value();
                node->members.push_back(std::move(m));
                skip();
                if (m_i < m_t.size() && m_t[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (m_i < m_t.size() && m_t[m_i] == '}') {
                    node->end = ++m_i;
                    return node;
                }
                return error(QStringLiteral("expected ',' or '}'"));
            }
        }
        if (c == '[') {
            node->kind = JsonSourceMap::Kind::Array;
            ++m_i;
            skip();
            if (m_i < m_t.size() && m_t[m_i] == ']') {
                node->end = ++m_i;
                return node;
            }
            while (true) {
                skip();
                auto v = value(depth + 1);
                if (!v)
                    return v;
                node->items.push_back(std::move(v).value());
                skip();
                if (m_i < m_t.size() && m_t[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (m_i < m_t.size() && m_t[m_i] == ']') {
                    node->end = ++m_i;
                    return node;
                }
                return error(QStringLiteral("expected ',' or ']'"));
            }
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
            if (m_t.mid(m_i, n) != word)
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
            while (i < m_t.size() && (QByteArrayView("+-.eE").contains(m_t[i]) || (m_t[i] >= '0' && m_t[i] <= '9')))
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
    Parser p(text);
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

QByteArray JsonSourceMap::indentUnit() const
{
    const qsizetype nl = m_text.indexOf('\n');
    if (nl >= 0) {
        qsizetype i = nl + 1;
        while (i < m_text.size() && (m_text[i] == ' ' || m_text[i] == '\t'))
            ++i;
        if (i > nl + 1)
            return m_text.mid(nl + 1, i - nl - 1);
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

} // namespace jwb::krakend
