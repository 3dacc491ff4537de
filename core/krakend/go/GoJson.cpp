#include "krakend/go/GoJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtNumeric>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace jwb::krakend::GoJson {

namespace {

/// The length of the UTF-8 sequence at `p` (n bytes left) as Go's utf8.DecodeRune accepts it, or 0 when the byte
/// starts no valid sequence (Go then decodes one byte as U+FFFD): no overlong forms, no surrogates, at most U+10FFFF.
int utf8SequenceLength(const unsigned char *p, qsizetype n)
{
    const unsigned char c = p[0];
    int length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (n < length || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < length; ++i)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return length;
}

/// `value` with the element at `path` (from index `i` on) replaced by `replacement`.
QJsonValue replacedAt(const QJsonValue &value, const QJsonArray &path, qsizetype i, const QJsonValue &replacement)
{
    if (i == path.size())
        return replacement;
    if (path[i].isString()) {
        QJsonObject o = value.toObject();
        const QString key = path[i].toString();
        o.insert(key, replacedAt(o.value(key), path, i + 1, replacement));
        return o;
    }
    QJsonArray a = value.toArray();
    const auto index = static_cast<qsizetype>(path[i].toDouble());
    if (index >= 0 && index < a.size())
        a[index] = replacedAt(a.at(index), path, i + 1, replacement);
    return a;
}

class JsonScanner
{
public:
    explicit JsonScanner(const QByteArray &in) : m_in(in) { }

    Scan scan()
    {
        skipWs();
        m_scan.topLevelKind = peekKind();
        if (!value(0))
            return fail();
        skipWs();
        if (m_pos != m_in.size()) {
            m_error = QStringLiteral("invalid character %1 after top-level value").arg(charName());
            return fail();
        }
        m_scan.ok = true;
        m_scan.sanitized = m_out;
        m_scan.topLevelNull = m_scan.topLevelKind == 'n';
        return m_scan;
    }

private:
    Scan fail()
    {
        m_scan.ok = false;
        m_scan.error = m_error.isEmpty() ? QStringLiteral("unexpected end of JSON input") : m_error;
        return m_scan;
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_in.size(); }
    [[nodiscard]] char cur() const { return m_in[m_pos]; }
    [[nodiscard]] QString charName() const
    {
        if (atEnd())
            return QStringLiteral("(end)");
        const unsigned char c = static_cast<unsigned char>(cur());
        if (c >= 0x20 && c < 0x7f)
            return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
        return QStringLiteral("'\\x%1'").arg(c, 2, 16, QLatin1Char('0'));
    }
    [[nodiscard]] char peekKind() const
    {
        if (atEnd())
            return 0;
        const char c = cur();
        return (c == '-' || (c >= '0' && c <= '9')) ? '0' : c;
    }
    void skipWs()
    {
        while (!atEnd() && (cur() == ' ' || cur() == '\t' || cur() == '\n' || cur() == '\r'))
            m_out.append(m_in[m_pos++]);
    }
    bool expect(char c, const char *context)
    {
        if (atEnd() || cur() != c) {
            if (atEnd())
                m_error = QStringLiteral("unexpected end of JSON input");
            else
                m_error = QStringLiteral("invalid character %1 %2").arg(charName(), QLatin1String(context));
            return false;
        }
        m_out.append(m_in[m_pos++]);
        return true;
    }
    bool literal(const char *word)
    {
        const qsizetype n = qstrlen(word);
        if (m_in.mid(m_pos, n) != QByteArrayView(word)) {
            m_error = QStringLiteral("invalid character %1 in literal %2").arg(charName(), QLatin1String(word));
            return false;
        }
        m_out.append(m_in.mid(m_pos, n));
        m_pos += n;
        return true;
    }
    bool string(QByteArray *raw)
    {
        const qsizetype start = m_out.size();
        if (!expect('"', "looking for beginning of value"))
            return false;
        while (true) {
            if (atEnd()) {
                m_error = QStringLiteral("unexpected end of JSON input");
                return false;
            }
            const unsigned char c = static_cast<unsigned char>(cur());
            if (c == '"') {
                m_out.append(m_in[m_pos++]);
                break;
            }
            if (c < 0x20) {
                m_error = QStringLiteral("invalid character %1 in string literal").arg(charName());
                return false;
            }
            if (c >= 0x80) {
                const int length = utf8SequenceLength(
                    reinterpret_cast<const unsigned char *>(m_in.constData()) + m_pos, m_in.size() - m_pos);
                if (length == 0) {
                    m_out.append("\xEF\xBF\xBD"); // U+FFFD, as Go's decoder writes it
                    m_scan.invalidUtf8 = true;
                    ++m_pos;
                } else {
                    m_out.append(m_in.mid(m_pos, length));
                    m_pos += length;
                }
                continue;
            }
            if (c == '\\') {
                m_out.append(m_in[m_pos++]);
                if (atEnd()) {
                    m_error = QStringLiteral("unexpected end of JSON input");
                    return false;
                }
                const char e = cur();
                if (e == 'u') {
                    m_out.append(m_in[m_pos++]);
                    for (int i = 0; i < 4; ++i) {
                        if (atEnd() || !std::isxdigit(static_cast<unsigned char>(cur()))) {
                            m_error = QStringLiteral("invalid character %1 in \\u hexadecimal character escape")
                                          .arg(charName());
                            return false;
                        }
                        m_out.append(m_in[m_pos++]);
                    }
                    continue;
                }
                if (!QByteArrayView("\"\\/bfnrt").contains(e)) {
                    m_error = QStringLiteral("invalid character %1 in string escape code").arg(charName());
                    return false;
                }
            }
            m_out.append(m_in[m_pos++]);
        }
        if (raw)
            *raw = m_out.mid(start);
        return true;
    }
    bool number(const QString &member, int depth)
    {
        const qsizetype start = m_pos;
        auto digit = [this] { return !atEnd() && cur() >= '0' && cur() <= '9'; };
        if (cur() == '-')
            ++m_pos;
        if (!digit()) {
            m_error = QStringLiteral("invalid character %1 in numeric literal").arg(charName());
            return false;
        }
        int intDigits = 0;
        bool leadingZero = cur() == '0';
        if (leadingZero) {
            ++m_pos;
        } else {
            while (digit())
                ++m_pos, ++intDigits;
        }
        int fractionZeros = 0;
        bool inZeros = true;
        if (!atEnd() && cur() == '.') {
            ++m_pos;
            if (!digit()) {
                m_error = QStringLiteral("invalid character %1 after decimal point in numeric literal").arg(charName());
                return false;
            }
            while (digit()) {
                if (inZeros && cur() == '0')
                    ++fractionZeros;
                else
                    inZeros = false;
                ++m_pos;
            }
        }
        long long exponent = 0;
        if (!atEnd() && (cur() == 'e' || cur() == 'E')) {
            ++m_pos;
            bool negative = false;
            if (!atEnd() && (cur() == '+' || cur() == '-'))
                negative = m_in[m_pos++] == '-';
            if (!digit()) {
                m_error = QStringLiteral("invalid character %1 in exponent of numeric literal").arg(charName());
                return false;
            }
            while (digit()) {
                exponent = std::min<long long>(exponent * 10 + (cur() - '0'), 100000000);
                ++m_pos;
            }
            if (negative)
                exponent = -exponent;
        }
        const QByteArray token = m_in.mid(start, m_pos - start);
        double v = 0;
        const auto result = std::from_chars(token.constData(), token.constData() + token.size(), v);
        if (result.ec == std::errc::result_out_of_range) {
            // Decide by the decimal magnitude: overflow fails in Go, underflow reads as 0.
            const long long magnitude = exponent + (intDigits > 0 ? intDigits : -fractionZeros);
            if (magnitude > 0) {
                m_scan.overflow = true;
                if (m_scan.overflowLiteral.isEmpty())
                    m_scan.overflowLiteral = QString::fromLatin1(token);
                if (!member.isNull() && !m_scan.overflowMembers.contains(member))
                    m_scan.overflowMembers.append(member);
            }
            m_out.append('0');
            return true;
        }
        if (v == 0 && std::signbit(v) && depth > 0)
            m_scan.negativeZeros.append(m_path);
        m_out.append(token);
        return true;
    }
    /// The `"key":` of an object member (its value follows); top-level keys are remembered for overflowMembers.
    bool memberKey(int depth)
    {
        QByteArray raw;
        if (atEnd() || cur() != '"') {
            if (atEnd())
                m_error = QStringLiteral("unexpected end of JSON input");
            else
                m_error
                    = QStringLiteral("invalid character %1 looking for beginning of object key string").arg(charName());
            return false;
        }
        if (!string(&raw))
            return false;
        const QString name = QJsonDocument::fromJson("[" + raw + "]").array().first().toString();
        if (depth == 0)
            m_member = name;
        m_path[m_path.size() - 1] = name;
        skipWs();
        if (!expect(':', "after object key"))
            return false;
        skipWs();
        return true;
    }
    /// At '{' or '[': the members or elements up to the closing bracket. Two stack frames per nesting level
    /// (value() and this), so that 10000 levels fit a thread's stack even in a sanitizer build.
    bool container(int depth)
    {
        const bool object = cur() == '{';
        const char close = object ? '}' : ']';
        m_out.append(m_in[m_pos++]);
        skipWs();
        if (!atEnd() && cur() == close) {
            m_out.append(m_in[m_pos++]);
            return true;
        }
        m_path.append(QJsonValue(0));
        for (int index = 0;; ++index) {
            skipWs();
            if (!object)
                m_path[m_path.size() - 1] = index;
            if (object && !memberKey(depth))
                return false;
            if (!value(depth + 1))
                return false;
            skipWs();
            if (!atEnd() && cur() == ',') {
                m_out.append(m_in[m_pos++]);
                continue;
            }
            m_path.removeLast();
            return expect(close, object ? "after object key:value pair" : "after array element");
        }
    }
    bool value(int depth)
    {
        if (atEnd()) {
            m_error = QStringLiteral("unexpected end of JSON input");
            return false;
        }
        if (depth > 10000) {
            m_error = QStringLiteral("exceeded max depth");
            return false;
        }
        const char c = cur();
        switch (c) {
        case '{':
        case '[':
            return container(depth);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number(depth > 0 ? m_member : QString(), depth);
            m_error = QStringLiteral("invalid character %1 looking for beginning of value").arg(charName());
            return false;
        }
    }

    const QByteArray &m_in;
    qsizetype m_pos = 0;
    QByteArray m_out;
    QString m_error;
    QString m_member;
    QJsonArray m_path; ///< member names and indexes down to the current value
    Scan m_scan;
};

/// How Go names a decoded JSON value: its JSON kind in decoding errors, its dynamic type in a failed type
/// assertion. Null (and a missing value) is "null" and "nil".
struct TypeNames
{
    QJsonValue::Type type;
    const char *kind;
    const char *dynamicType;
};

constexpr TypeNames kTypeNames[] = {
    {QJsonValue::String, "string", "string"},
    {QJsonValue::Double, "number", "float64"},
    {QJsonValue::Bool, "bool", "bool"},
    {QJsonValue::Array, "array", "[]interface {}"},
    {QJsonValue::Object, "object", "map[string]interface {}"},
};

const TypeNames *namesOf(QJsonValue::Type type)
{
    for (const TypeNames &names : kTypeNames)
        if (names.type == type)
            return &names;
    return nullptr;
}

} // namespace

QString Scan::topLevelKindName() const
{
    switch (topLevelKind) {
    case '[':
        return QStringLiteral("array");
    case '"':
        return QStringLiteral("string");
    case '0':
        return QStringLiteral("number");
    default:
        return QStringLiteral("bool");
    }
}

QJsonDocument Scan::document() const
{
    QJsonDocument doc = QJsonDocument::fromJson(sanitized);
    if (negativeZeros.isEmpty())
        return doc;
    QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    for (const QJsonArray &path : negativeZeros)
        root = replacedAt(root, path, 0, QJsonValue(qQNaN()));
    return root.isObject() ? QJsonDocument(root.toObject()) : QJsonDocument(root.toArray());
}

double numberOf(const QJsonValue &value)
{
    const double v = value.toDouble();
    return std::isnan(v) ? -0.0 : v;
}

Scan scan(const QByteArray &text)
{
    return JsonScanner(text).scan();
}

QString kindOf(const QJsonValue &value)
{
    const TypeNames *names = namesOf(value.type());
    return QLatin1String(names ? names->kind : "null");
}

QString dynamicType(const QJsonValue &value)
{
    const TypeNames *names = namesOf(value.type());
    return QLatin1String(names ? names->dynamicType : "nil");
}

} // namespace jwb::krakend::GoJson
