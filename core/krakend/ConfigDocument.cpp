#include "krakend/ConfigDocument.h"

#include "common/AtomicFile.h"
#include "common/BoundedFile.h"
#include "common/FileKind.h"
#include "common/JsonSource.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace jwb::krakend {

using common::JsonSourceMap;
using common::Result;
using common::serializeJson;

namespace {
QString legacyOf(const QString &ns)
{
    if (ns == Namespace::validator)
        return Namespace::legacyValidator;
    if (ns == Namespace::signer)
        return Namespace::legacySigner;
    if (ns == Namespace::revoker)
        return Namespace::legacyRevoker;
    return QString();
}
} // namespace

const QStringList &ConfigDocument::preferredOrder()
{
    static const QStringList order
        = {QStringLiteral("endpoint"), QStringLiteral("method"), QStringLiteral("alg"), QStringLiteral("kid"),
            QStringLiteral("jwk_url"), QStringLiteral("jwk_local_path"), QStringLiteral("disable_jwk_security"),
            QStringLiteral("cache"), QStringLiteral("cache_duration"), QStringLiteral("issuer"),
            QStringLiteral("audience"), QStringLiteral("roles_key"), QStringLiteral("roles_key_is_nested"),
            QStringLiteral("roles"), QStringLiteral("scopes_key"), QStringLiteral("scopes"),
            QStringLiteral("scopes_matcher"), QStringLiteral("keys_to_sign"), QStringLiteral("full"),
            QStringLiteral("output_encoding"), QStringLiteral("input_headers"), QStringLiteral("url_pattern"),
            QStringLiteral("host"), QStringLiteral("backend"), QStringLiteral("extra_config")};
    return order;
}

namespace {
constexpr char kByteOrderMark[] = "\xEF\xBB\xBF";
} // namespace

Result<ConfigDocument> ConfigDocument::fromText(const QByteArray &text, const QString &path)
{
    // Text that cannot be JSON at all is not reported byte by byte: the file may be anything (/etc/shadow, a binary).
    if (!common::FileKinds::looksLikeJson(text))
        return Result<ConfigDocument>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("%1 is not a JSON file, so not a KrakenD configuration")
                .arg(path.isEmpty() ? QStringLiteral("the text") : path));
    ConfigDocument d;
    d.m_path = path;
    d.m_text = text;
    d.m_original = text;
    d.m_templates = text.contains("{{") && text.contains("}}");
    auto ok = d.reparse();
    if (!ok) {
        if (d.m_templates)
            return Result<ConfigDocument>::failure(QStringLiteral("template_config"),
                QStringLiteral(
                    "%1 uses flexible-configuration templates ({{ ... }}) and is not plain JSON: %2. Render it "
                    "first (FC_ENABLE=1 krakend check -c ... -d) or export single blocks instead")
                    .arg(path.isEmpty() ? QStringLiteral("the config") : path, ok.error().message));
        return Result<ConfigDocument>::failure(ok.error().code,
            QStringLiteral("%1: %2").arg(path.isEmpty() ? QStringLiteral("config") : path, ok.error().message),
            ok.error().details);
    }
    if (!d.m_map->root().members.size() && d.m_map->root().kind != JsonSourceMap::Kind::Object)
        return Result<ConfigDocument>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("krakend.json must be a JSON object"));
    return d;
}

Result<ConfigDocument> ConfigDocument::open(const QString &path)
{
    auto data = common::BoundedFile::read(path, kMaxBytes);
    if (!data)
        return data.error();
    return fromText(data.value(), path);
}

namespace {

/// Qt calls a well-formed number beyond double "illegal number"; it is legal JSON that does not fit a float64 (Go's
/// encoding/json refuses it as "cannot unmarshal number 1E+400 into Go value of type float64"). The number is
/// named, with what it is.
common::Error outOfRangeNumber(const QByteArray &text, const common::Error &error)
{
    if (!error.message.startsWith(QLatin1String("illegal number")))
        return error;
    const qsizetype offset = error.details.value(QStringLiteral("offset")).toLongLong();
    auto isNumberByte
        = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
    qsizetype begin = std::clamp<qsizetype>(offset, 0, text.size());
    while (begin > 0 && isNumberByte(text[begin - 1]))
        --begin;
    qsizetype end = begin;
    while (end < text.size() && isNumberByte(text[end]))
        ++end;
    const QByteArray number = text.mid(begin, end - begin);
    static const QRegularExpression grammar(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    if (number.isEmpty() || !grammar.match(QString::fromLatin1(number)).hasMatch())
        return error;
    common::Error e = error;
    e.message = QStringLiteral("number out of range: %1 is valid JSON but beyond a float64 (Go's encoding/json "
                               "refuses it too) at byte %2")
                    .arg(QString::fromLatin1(number))
                    .arg(begin);
    return e;
}

} // namespace

Result<void> ConfigDocument::reparse()
{
    auto map = JsonSourceMap::parse(m_text);
    if (!map)
        return outOfRangeNumber(m_text, map.error());
    if (map.value()->root().kind != JsonSourceMap::Kind::Object)
        return Result<void>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("krakend.json must be a JSON object"));
    m_map = map.value();
    m_root = QJsonDocument::fromJson(m_text).object();
    return {};
}

Result<void> ConfigDocument::writeGuard() const
{
    if (m_templates)
        return Result<void>::failure(QStringLiteral("template_config"),
            QStringLiteral("this config uses flexible-configuration templates ({{ ... }}); editing it here "
                           "could break the templates, so it is read-only (export blocks instead)"));
    return {};
}

QList<EndpointInfo> ConfigDocument::endpoints() const
{
    QList<EndpointInfo> out;
    const QJsonArray eps = m_root.value(QLatin1String("endpoints")).toArray();
    for (int i = 0; i < eps.size(); ++i) {
        const QJsonObject e = eps[i].toObject();
        EndpointInfo info;
        info.index = i;
        info.path = e.value(QLatin1String("endpoint")).toString();
        info.method = e.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper();
        const QJsonObject extra = e.value(QLatin1String("extra_config")).toObject();
        info.hasValidator = extra.contains(Namespace::validator) || extra.contains(Namespace::legacyValidator);
        info.hasSigner = extra.contains(Namespace::signer) || extra.contains(Namespace::legacySigner);
        info.validatorKey = extra.contains(Namespace::validator) ? Namespace::validator
            : info.hasValidator                                  ? Namespace::legacyValidator
                                                                 : QString();
        out.append(info);
    }
    return out;
}

int ConfigDocument::findEndpoint(const QString &path, const QString &method) const
{
    const QString m = method.isEmpty() ? QStringLiteral("GET") : method.toUpper();
    for (const auto &e : endpoints())
        if (e.path == path && e.method == m)
            return e.index;
    return -1;
}

QJsonObject ConfigDocument::endpoint(int index) const
{
    return m_root.value(QLatin1String("endpoints")).toArray().at(index).toObject();
}

QString ConfigDocument::endpointNamespace(int index, const QString &ns) const
{
    const QJsonObject extra = endpoint(index).value(QLatin1String("extra_config")).toObject();
    if (!extra.contains(ns) && !legacyOf(ns).isEmpty() && extra.contains(legacyOf(ns)))
        return legacyOf(ns);
    return ns;
}

QJsonObject ConfigDocument::endpointBlock(int index, const QString &ns) const
{
    return endpoint(index)
        .value(QLatin1String("extra_config"))
        .toObject()
        .value(endpointNamespace(index, ns))
        .toObject();
}

QJsonObject ConfigDocument::serviceBlock(const QString &ns) const
{
    const QJsonObject extra = m_root.value(QLatin1String("extra_config")).toObject();
    if (extra.contains(ns))
        return extra.value(ns).toObject();
    return extra.value(legacyOf(ns)).toObject();
}

QStringList ConfigDocument::duplicateMembers(const QStringList &path) const
{
    QStringList seen, duplicates;
    const JsonSourceMap::Node *node = m_map ? m_map->find(path) : nullptr;
    if (!node || node->kind != JsonSourceMap::Kind::Object)
        return duplicates;
    for (const auto &m : node->members) {
        if (seen.contains(m.key) && !duplicates.contains(m.key))
            duplicates << m.key;
        seen << m.key;
    }
    return duplicates;
}

QStringList ConfigDocument::endpointPath(int index) const
{
    return {QStringLiteral("endpoints"), QString::number(index)};
}

Result<void> ConfigDocument::setMember(const QStringList &objectPath, const QString &key, const QJsonValue &value)
{
    const JsonSourceMap::Node *obj = m_map->find(objectPath);
    if (!obj || obj->kind != JsonSourceMap::Kind::Object)
        return Result<void>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("%1 is not an object").arg(objectPath.join(u'.')));
    const QByteArray unit = m_map->indentUnit();
    const QByteArray nl = m_map->usesCrlf() ? QByteArray("\r\n") : QByteArray("\n");
    if (const JsonSourceMap::Member *m = obj->memberEntry(key)) {
        const QByteArray indent = m_map->lineIndent(m->keyBegin);
        const QByteArray text = serializeJson(value, indent, unit, preferredOrder(), nl);
        m_text = m_text.left(m->value->begin) + text + m_text.mid(m->value->end);
        return reparse();
    }
    const QByteArray keyText = QJsonDocument(QJsonArray {key}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    if (obj->members.empty()) {
        // {} or { } : open it up on new lines at the object's indentation.
        const QByteArray indent = m_map->lineIndent(obj->begin);
        const QByteArray text = '{' + nl + indent + unit + keyText + ": "
            + serializeJson(value, indent + unit, unit, preferredOrder(), nl) + nl + indent + '}';
        m_text = m_text.left(obj->begin) + text + m_text.mid(obj->end);
        return reparse();
    }
    const JsonSourceMap::Member &last = obj->members.back();
    const QByteArray indent = m_map->lineIndent(last.keyBegin);
    // Keep the last member on its own line style: if members share a line with the brace, stay inline.
    const bool multiline = m_text.mid(obj->begin, last.keyBegin - obj->begin).contains('\n');
    const QByteArray sep = multiline ? ',' + nl + indent : QByteArray(", ");
    const QByteArray text
        = sep + keyText + ": " + serializeJson(value, multiline ? indent : QByteArray(), unit, preferredOrder(), nl);
    m_text = m_text.left(last.value->end) + text + m_text.mid(last.value->end);
    return reparse();
}

Result<void> ConfigDocument::removeMember(const QStringList &objectPath, const QString &key)
{
    const JsonSourceMap::Node *obj = m_map->find(objectPath);
    if (!obj || obj->kind != JsonSourceMap::Kind::Object)
        return {};
    for (size_t i = 0; i < obj->members.size(); ++i) {
        const auto &m = obj->members[i];
        if (m.key != key)
            continue;
        qsizetype from, to;
        if (i + 1 < obj->members.size()) {
            // Remove from this key up to the next key (keeps the next member's indentation).
            from = m.keyBegin;
            to = obj->members[i + 1].keyBegin;
        } else if (i > 0) {
            // Last member: remove from the end of the previous value.
            from = obj->members[i - 1].value->end;
            to = m.value->end;
        } else {
            // Only member: leave an empty object.
            from = obj->begin + 1;
            to = obj->end - 1;
        }
        m_text = m_text.left(from) + m_text.mid(to);
        return reparse();
    }
    return {};
}

Result<void> ConfigDocument::appendItem(const QStringList &arrayPath, const QJsonValue &value)
{
    const JsonSourceMap::Node *arr = m_map->find(arrayPath);
    if (!arr || arr->kind != JsonSourceMap::Kind::Array)
        return Result<void>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("%1 is not an array").arg(arrayPath.join(u'.')));
    const QByteArray unit = m_map->indentUnit();
    const QByteArray nl = m_map->usesCrlf() ? QByteArray("\r\n") : QByteArray("\n");
    if (arr->items.empty()) {
        const QByteArray indent = m_map->lineIndent(arr->begin);
        const QByteArray text = '[' + nl + indent + unit
            + serializeJson(value, indent + unit, unit, preferredOrder(), nl) + nl + indent + ']';
        m_text = m_text.left(arr->begin) + text + m_text.mid(arr->end);
        return reparse();
    }
    const auto &last = arr->items.back();
    const QByteArray indent = m_map->lineIndent(last->begin);
    const QByteArray text = ',' + nl + indent + serializeJson(value, indent, unit, preferredOrder(), nl);
    m_text = m_text.left(last->end) + text + m_text.mid(last->end);
    return reparse();
}

Result<void> ConfigDocument::mergeObject(const QStringList &path, const QJsonObject &value)
{
    const JsonSourceMap::Node *node = m_map->find(path);
    if (!node || node->kind != JsonSourceMap::Kind::Object)
        return Result<void>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("%1 is not an object").arg(path.join(u'.')));
    const QJsonObject current = QJsonDocument::fromJson(m_text.mid(node->begin, node->end - node->begin)).object();
    for (const QString &key : current.keys())
        if (!value.contains(key))
            if (auto r = removeMember(path, key); !r)
                return r;
    QStringList keys;
    for (const auto &k : preferredOrder())
        if (value.contains(k))
            keys.append(k);
    QStringList rest = value.keys();
    rest.sort();
    for (const auto &k : rest)
        if (!keys.contains(k))
            keys.append(k);
    for (const QString &key : keys) {
        if (current.contains(key) && current.value(key) == value.value(key))
            continue; // identical: keep its bytes
        if (auto r = setMember(path, key, value.value(key)); !r)
            return r;
    }
    return {};
}

Result<void> ConfigDocument::setEndpointBlock(int index, const QString &ns, const QJsonObject &block)
{
    if (auto g = writeGuard(); !g)
        return g;
    if (index < 0 || index >= endpoints().size())
        return Result<void>::failure(QStringLiteral("unknown_endpoint"), QStringLiteral("no endpoint #%1").arg(index));
    const QStringList ep = endpointPath(index);
    if (!endpoint(index).contains(QLatin1String("extra_config")))
        if (auto r = setMember(ep, QStringLiteral("extra_config"), QJsonObject {}); !r)
            return r;
    const QStringList extra = ep + QStringList {QStringLiteral("extra_config")};
    const QString key = endpointNamespace(index, ns);
    if (!endpointBlock(index, ns).isEmpty()
        || endpoint(index).value(QLatin1String("extra_config")).toObject().contains(key))
        return mergeObject(extra + QStringList {key}, block);
    return setMember(extra, key, block);
}

QString ConfigDocument::endpointBlockKey(int index, const QString &ns) const
{
    const QJsonObject extra = endpoint(index).value(QLatin1String("extra_config")).toObject();
    const QString key = endpointNamespace(index, ns);
    return extra.contains(key) ? key : QString();
}

Result<void> ConfigDocument::renameLegacyEndpointBlock(int index, const QString &ns, const QJsonObject &block)
{
    if (auto g = writeGuard(); !g)
        return g;
    if (index < 0 || index >= endpoints().size())
        return Result<void>::failure(QStringLiteral("unknown_endpoint"), QStringLiteral("no endpoint #%1").arg(index));
    const QString legacy = legacyOf(ns);
    if (!legacy.isEmpty())
        if (auto r = removeMember(endpointPath(index) + QStringList {QStringLiteral("extra_config")}, legacy); !r)
            return r;
    return setEndpointBlock(index, ns, block);
}

Result<void> ConfigDocument::removeEndpointBlock(int index, const QString &ns)
{
    if (auto g = writeGuard(); !g)
        return g;
    return removeMember(
        endpointPath(index) + QStringList {QStringLiteral("extra_config")}, endpointNamespace(index, ns));
}

Result<void> ConfigDocument::setServiceBlock(const QString &ns, const QJsonObject &block)
{
    if (auto g = writeGuard(); !g)
        return g;
    if (!m_root.contains(QLatin1String("extra_config")))
        if (auto r = setMember({}, QStringLiteral("extra_config"), QJsonObject {}); !r)
            return r;
    const QJsonObject extra = m_root.value(QLatin1String("extra_config")).toObject();
    const QString key = !extra.contains(ns) && extra.contains(legacyOf(ns)) ? legacyOf(ns) : ns;
    if (extra.contains(key))
        return mergeObject({QStringLiteral("extra_config"), key}, block);
    return setMember({QStringLiteral("extra_config")}, key, block);
}

Result<void> ConfigDocument::removeServiceBlock(const QString &ns)
{
    if (auto g = writeGuard(); !g)
        return g;
    const QJsonObject extra = m_root.value(QLatin1String("extra_config")).toObject();
    return removeMember({QStringLiteral("extra_config")}, extra.contains(ns) ? ns : legacyOf(ns));
}

Result<int> ConfigDocument::addEndpoint(const QJsonObject &endpointObject)
{
    if (auto g = writeGuard(); !g)
        return g.error();
    if (!m_root.contains(QLatin1String("endpoints"))) {
        if (auto r = setMember({}, QStringLiteral("endpoints"), QJsonArray {endpointObject}); !r)
            return r.error();
    } else if (auto r = appendItem({QStringLiteral("endpoints")}, endpointObject); !r) {
        return r.error();
    }
    return static_cast<int>(endpoints().size() - 1);
}

Result<void> ConfigDocument::removeEndpoint(int index)
{
    if (auto g = writeGuard(); !g)
        return g;
    const JsonSourceMap::Node *arr = m_map->find({QStringLiteral("endpoints")});
    if (!arr || arr->kind != JsonSourceMap::Kind::Array || index < 0 || index >= static_cast<int>(arr->items.size()))
        return Result<void>::failure(QStringLiteral("unknown_endpoint"), QStringLiteral("no endpoint #%1").arg(index));
    const auto i = static_cast<size_t>(index);
    qsizetype from, to;
    if (i + 1 < arr->items.size()) {
        from = arr->items[i]->begin;
        to = arr->items[i + 1]->begin;
    } else if (i > 0) {
        from = arr->items[i - 1]->end;
        to = arr->items[i]->end;
    } else {
        from = arr->begin + 1;
        to = arr->end - 1;
    }
    m_text = m_text.left(from) + m_text.mid(to);
    return reparse();
}

bool ConfigDocument::hasByteOrderMark() const
{
    return m_text.startsWith(kByteOrderMark);
}

Result<void> ConfigDocument::removeByteOrderMark()
{
    if (!hasByteOrderMark())
        return {};
    if (auto g = writeGuard(); !g)
        return g;
    return setText(m_text.mid(3));
}

QString ConfigDocument::startupProblem(const QByteArray &text)
{
    if (!text.startsWith(kByteOrderMark))
        return QString();
    return QStringLiteral("the file starts with a UTF-8 byte order mark (bytes EF BB BF), which Go's encoding/json "
                          "refuses: \"invalid character '\u00EF' looking for beginning of value\"");
}

QString ConfigDocument::versionProblem(const QByteArray &text)
{
    // The literal as written: Go decodes it into an int, so 3.0 or 3e0 fail where Qt would read the number 3.
    auto map = JsonSourceMap::parse(text);
    if (!map || map.value()->root().kind != JsonSourceMap::Kind::Object)
        return QString(); // not a krakend.json this check can read: the callers report the syntax themselves
    const JsonSourceMap::Node *node = map.value()->find({QStringLiteral("version")});
    const QByteArray literal = node ? text.mid(node->begin, node->end - node->begin) : QByteArray("null");
    const QString intError = QStringLiteral("json: cannot unmarshal %1 into Go struct field "
                                            "parseableServiceConfig.version of type int");
    if (literal == "null")
        return QStringLiteral("unsupported version: 0 (want: 3)");
    switch (literal.at(0)) {
    case '"':
        return intError.arg(QStringLiteral("string"));
    case 't':
    case 'f':
        return intError.arg(QStringLiteral("bool"));
    case '[':
        return intError.arg(QStringLiteral("array"));
    case '{':
        return intError.arg(QStringLiteral("object"));
    default:
        break;
    }
    bool ok = false;
    const qint64 version = literal.toLongLong(&ok);
    if (!ok || literal.contains('+'))
        return intError.arg(QStringLiteral("number ") + QString::fromLatin1(literal));
    return version == 3 ? QString() : QStringLiteral("unsupported version: %1 (want: 3)").arg(version);
}

QString ConfigDocument::fileStartupProblem(const QByteArray &text)
{
    if (const QString bom = startupProblem(text); !bom.isEmpty())
        return bom;
    return versionProblem(text);
}

Result<void> ConfigDocument::setText(const QByteArray &text)
{
    const QByteArray previous = m_text;
    m_text = text;
    if (auto r = reparse(); !r) {
        m_text = previous;
        return r;
    }
    m_templates = text.contains("{{") && text.contains("}}");
    return {};
}

Result<void> ConfigDocument::save(const QString &target)
{
    if (auto g = writeGuard(); !g)
        return g;
    const QString path = target.isEmpty() ? m_path : target;
    if (path.isEmpty())
        return Result<void>::failure(QStringLiteral("usage"), QStringLiteral("no file name to save to"));
    // Through a symbolic link the target is saved, so the backup is the target's: named after it, next to it,
    // with its mode (a 0600 krakend.json does not get a world-readable copy).
    const QString resolved = common::AtomicFile::resolvedPath(path);
    const QString backup = resolved + QStringLiteral(".bak");
    if (QFileInfo::exists(resolved) && !QFileInfo::exists(backup)) {
        auto bytes = common::BoundedFile::read(resolved, kMaxBytes);
        if (!bytes)
            return bytes.error();
        if (auto written
            = common::AtomicFile::write(backup, bytes.value(), common::AtomicFile::permissionsOf(resolved));
            !written)
            return Result<void>::failure(QStringLiteral("unwritable_file"),
                QStringLiteral("cannot write the backup (%1)").arg(written.error().message));
    }
    if (auto written = common::AtomicFile::write(path, m_text); !written)
        return written;
    m_path = path;
    m_original = m_text;
    return {};
}

} // namespace jwb::krakend
