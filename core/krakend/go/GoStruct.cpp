#include "krakend/go/GoStruct.h"

#include "krakend/HeaderFormatter.h"

#include <QJsonArray>

#include <algorithm>

namespace jwb::krakend::GoStruct {

using common::Finding;
using common::Severity;

namespace {

const char *kindName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return "string";
    case QJsonValue::Double:
        return "number";
    case QJsonValue::Bool:
        return "bool";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    default:
        return "null";
    }
}

const char *goTypeName(GoType t)
{
    switch (t) {
    case GoType::String:
        return "string";
    case GoType::Bool:
        return "bool";
    case GoType::Uint32:
        return "uint32";
    case GoType::Float64:
        return "float64";
    case GoType::StringList:
        return "[]string";
    case GoType::StringPairs:
        return "[][]string";
    case GoType::Uint16List:
        return "[]uint16";
    case GoType::Bytes:
        return "[]uint8";
    }
    return "";
}

/// A number after KrakenD's float64 round trip, as the text Go's uint decoder sees.
QString numberText(double v)
{
    return HeaderFormatter::goJson(QJsonValue(v));
}

bool isUnsigned(const QString &text, quint64 max)
{
    if (text.isEmpty() || !std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;
    bool ok = false;
    const quint64 n = text.toULongLong(&ok);
    return ok && n <= max;
}

int levenshtein(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// The keys of `block` in the order Go marshals a map: bytewise.
QStringList goOrder(const QJsonObject &block)
{
    QStringList keys = block.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return keys;
}

/// The field a member sets: the exact name first, else the Go-folded match. `folded` tells which.
const OptionInfo *fieldFor(const QString &key, const QList<OptionInfo> &options, bool *folded)
{
    *folded = false;
    for (const auto &o : options)
        if (o.name == key)
            return &o;
    const QString f = foldName(key);
    for (const auto &o : options)
        if (foldName(o.name) == f) {
            *folded = true;
            return &o;
        }
    return nullptr;
}

/// One member's value decoded into its field, with Go's error texts for what does not fit.
class FieldDecoder
{
public:
    FieldDecoder(Outcome &out, const OptionInfo &option, const QString &structName)
        : m_out(out), m_option(option), m_field(structName + u'.' + option.name)
    { }

    void decode(const QJsonValue &v)
    {
        if (v.isNull())
            return; // Go leaves the field as it is (slices become nil)
        switch (m_option.goType) {
        case GoType::String:
        case GoType::Bool:
        case GoType::Float64:
            if (v.type() == jsonType())
                set(v);
            else
                kindError(v, goTypeName(m_option.goType));
            break;
        case GoType::Uint32:
            if (const auto n = unsignedNumber(v, 0xFFFFFFFFULL, "uint32"))
                set(*n);
            break;
        case GoType::StringList:
        case GoType::StringPairs:
        case GoType::Uint16List:
            if (!v.isArray())
                kindError(v, goTypeName(m_option.goType));
            else if (const auto decoded = array(v.toArray()))
                set(*decoded);
            break;
        case GoType::Bytes:
            bytes(v);
            break;
        }
    }

private:
    QJsonValue::Type jsonType() const
    {
        return m_option.goType == GoType::String ? QJsonValue::String
            : m_option.goType == GoType::Bool    ? QJsonValue::Bool
                                                 : QJsonValue::Double;
    }
    void set(const QJsonValue &v) { m_out.values.insert(m_option.name, v); }
    void typeError(const QString &what, const char *goType)
    {
        m_out.typeErrors.append(QStringLiteral("json: cannot unmarshal %1 into Go struct field %2 of type %3")
                                    .arg(what, m_field, QLatin1String(goType)));
    }
    void kindError(const QJsonValue &v, const char *goType) { typeError(QLatin1String(kindName(v)), goType); }

    /// A number Go decodes into an unsigned integer field of at most `max`.
    std::optional<double> unsignedNumber(const QJsonValue &v, quint64 max, const char *goType)
    {
        if (!v.isDouble()) {
            kindError(v, goType);
            return std::nullopt;
        }
        const QString text = numberText(v.toDouble());
        if (!isUnsigned(text, max)) {
            typeError(QStringLiteral("number ") + text, goType);
            return std::nullopt;
        }
        return double(text.toULongLong());
    }

    /// []string, [][]string or []uint16: every element is checked (Go reports each), nullopt when one fails.
    std::optional<QJsonArray> array(const QJsonArray &array)
    {
        QJsonArray decoded;
        bool ok = true;
        for (const auto &e : array) {
            if (m_option.goType == GoType::StringList) {
                ok = string(e, decoded) && ok;
            } else if (m_option.goType == GoType::Uint16List) {
                const auto n = e.isNull() ? std::optional<double>(0) : unsignedNumber(e, 0xFFFF, "uint16");
                if (n)
                    decoded.append(*n);
                ok = n && ok;
            } else {
                QJsonArray pair;
                if (e.isArray()) {
                    const QJsonArray inner = e.toArray();
                    for (const auto &s : inner)
                        ok = string(s, pair) && ok;
                } else if (!e.isNull()) {
                    ok = false;
                    kindError(e, "[]string");
                }
                decoded.append(pair);
            }
        }
        return ok ? std::optional(decoded) : std::nullopt;
    }

    /// A string element (null is the empty string) appended to `into`.
    bool string(const QJsonValue &e, QJsonArray &into)
    {
        if (e.isString() || e.isNull()) {
            into.append(e.toString());
            return true;
        }
        kindError(e, "string");
        return false;
    }

    /// []byte: a standard-base64 string, or an array of numbers 0..255; held as standard base64.
    void bytes(const QJsonValue &v)
    {
        if (v.isString()) {
            QString error;
            if (const auto bytes = base64(v.toString().toUtf8(), false, true, &error))
                set(QString::fromLatin1(bytes->toBase64()));
            else
                m_out.typeErrors.append(error);
            return;
        }
        if (!v.isArray()) {
            kindError(v, "[]uint8");
            return;
        }
        QByteArray bytes;
        bool ok = true;
        const QJsonArray array = v.toArray();
        for (const auto &e : array) {
            const auto n = unsignedNumber(e, 0xFF, "uint8");
            if (n)
                bytes.append(char(int(*n)));
            ok = n && ok;
        }
        if (ok)
            set(QString::fromLatin1(bytes.toBase64()));
    }

    Outcome &m_out;
    const OptionInfo &m_option;
    QString m_field;
};

/// Go ignores a member that matches no field; the schema rejects it (comment members aside).
void reportUnknown(Outcome &out, const QString &key, const QList<OptionInfo> &options, const QString &blockName)
{
    if (!key.isEmpty() && QStringLiteral("@$_#").contains(key[0]))
        return; // a comment member: allowed by the schema, ignored by Go
    const QString hint = didYouMean(key, options);
    out.findings.append(Finding {Severity::Warning, QStringLiteral("unknown_option"), key,
        QStringLiteral("\"%1\" is not an %2 option: KrakenD ignores it at run time (the schema rejects it)%3")
            .arg(key, blockName, hint.isEmpty() ? QString() : QStringLiteral("; did you mean \"%1\"?").arg(hint))});
}

} // namespace

QString foldName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name)
        out += c.toLower().toUpper();
    return out;
}

QStringList membersFor(const QJsonObject &block, const QString &option)
{
    const QString folded = foldName(option);
    QStringList out;
    for (const QString &key : goOrder(block))
        if (key == option || foldName(key) == folded)
            out.append(key);
    return out;
}

QString memberKey(const QJsonObject &block, const QString &option)
{
    const QStringList members = membersFor(block, option);
    return members.isEmpty() ? QString() : members.last();
}

QJsonObject withValue(QJsonObject block, const QString &option, const QJsonValue &value)
{
    QString key = memberKey(block, option);
    if (key.isEmpty())
        key = option;
    if (value.isUndefined())
        block.remove(key);
    else
        block.insert(key, value);
    return block;
}

Outcome decode(
    const QJsonObject &block, const QList<OptionInfo> &options, const QString &structName, const QString &blockName)
{
    Outcome out;
    for (const QString &key : goOrder(block)) {
        bool folded = false;
        const OptionInfo *option = fieldFor(key, options, &folded);
        if (!option) {
            reportUnknown(out, key, options, blockName);
            continue;
        }
        if (folded)
            out.findings.append(Finding {Severity::Warning, QStringLiteral("option_case_mismatch"), key,
                QStringLiteral("\"%1\" is read as \"%2\" only because Go's JSON decoding ignores case; the schema "
                               "rejects it: write \"%2\"")
                    .arg(key, option->name)});
        if (!out.present.contains(option->name))
            out.present.append(option->name);
        FieldDecoder(out, *option, structName).decode(block.value(key));
    }
    return out;
}

std::optional<QByteArray> base64(QByteArrayView text, bool url, bool padded, QString *error)
{
    auto value = [url](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == (url ? '-' : '+'))
            return 62;
        if (c == (url ? '_' : '/'))
            return 63;
        return -1;
    };
    auto corrupt = [error](qsizetype at) -> std::optional<QByteArray> {
        if (error)
            *error = QStringLiteral("illegal base64 data at input byte %1").arg(at);
        return std::nullopt;
    };
    QByteArray out;
    qsizetype si = 0;
    const qsizetype n = text.size();
    // Mirrors encoding/base64 decodeQuantum: four characters at a time, newlines skipped, padding checked.
    while (true) {
        int quantum[4] = {0, 0, 0, 0};
        int dlen = 4;
        int j = 0;
        bool end = false;
        for (; j < 4;) {
            if (si == n) {
                if (j == 0)
                    return out;
                if (j == 1 || padded)
                    return corrupt(si - j);
                dlen = j;
                end = true;
                break;
            }
            const char c = text[si++];
            if (c == '\n' || c == '\r')
                continue;
            const int v = value(c);
            if (v >= 0) {
                quantum[j++] = v;
                continue;
            }
            if (c != '=' || !padded)
                return corrupt(si - 1);
            // Padding: only after 2 or 3 characters; "==" after 2.
            if (j < 2)
                return corrupt(si - 1);
            if (j == 2) {
                while (si < n && (text[si] == '\n' || text[si] == '\r'))
                    ++si;
                if (si == n)
                    return corrupt(n);
                if (text[si] != '=')
                    return corrupt(si - 1);
                ++si;
            }
            while (si < n && (text[si] == '\n' || text[si] == '\r'))
                ++si;
            if (si < n)
                return corrupt(si);
            dlen = j;
            end = true;
            break;
        }
        const quint32 bits = (quint32(quantum[0]) << 18) | (quint32(quantum[1]) << 12) | (quint32(quantum[2]) << 6)
            | quint32(quantum[3]);
        if (dlen >= 2)
            out.append(char((bits >> 16) & 0xFF));
        if (dlen >= 3)
            out.append(char((bits >> 8) & 0xFF));
        if (dlen >= 4)
            out.append(char(bits & 0xFF));
        if (end)
            return out;
    }
}

QString didYouMean(const QString &name, const QList<OptionInfo> &options)
{
    static const QList<QPair<QString, QString>> legacy = {
        {QStringLiteral("jwk-url"), QStringLiteral("jwk_url")},
        {QStringLiteral("propagate-claims"), QStringLiteral("propagate_claims")},
        {QStringLiteral("scope_key"), QStringLiteral("scopes_key")},
        {QStringLiteral("scope"), QStringLiteral("scopes")},
        {QStringLiteral("roles-key"), QStringLiteral("roles_key")},
        {QStringLiteral("keys-to-sign"), QStringLiteral("keys_to_sign")},
        {QStringLiteral("scope_matcher"), QStringLiteral("scopes_matcher")},
        {QStringLiteral("audiences"), QStringLiteral("audience")},
        {QStringLiteral("aud"), QStringLiteral("audience")},
        {QStringLiteral("iss"), QStringLiteral("issuer")},
    };
    // A pair, not a structured binding: clang before 16 cannot capture bindings in the lambda (fuzz build).
    for (const auto &entry : legacy)
        if (name == entry.first
            && std::any_of(options.begin(), options.end(), [&](const OptionInfo &o) { return o.name == entry.second; }))
            return entry.second;
    QString best;
    int bestDistance = 4;
    const QString lowered = name.toLower();
    for (const auto &o : options) {
        const int d = levenshtein(lowered, o.name);
        if (d < bestDistance) {
            bestDistance = d;
            best = o.name;
        }
    }
    return best;
}

} // namespace jwb::krakend::GoStruct
