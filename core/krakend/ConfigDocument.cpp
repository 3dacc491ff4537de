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
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <optional>

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

Result<ConfigDocument> ConfigDocument::fromText(const QByteArray &text, const QString &path, const LoadControl &control)
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
    auto ok = d.reparse(control);
    if (!ok) {
        if (ok.error().is(common::ErrorCode::Cancelled))
            return ok.error();
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
    return d;
}

Result<ConfigDocument> ConfigDocument::open(const QString &path, const LoadControl &control)
{
    auto data = common::BoundedFile::read(path, kMaxBytes);
    if (!data)
        return data.error();
    if (control.cancel.isCancelled())
        return Result<ConfigDocument>::failure(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    return fromText(data.value(), path, control);
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

/// The outline of a krakend.json: where the root's members and the endpoints sit, the service level as values, and
/// one EndpointInfo per endpoint. Immutable once built; documents share it until one of them is edited.
struct ConfigDocument::Index
{
    struct RootMember
    {
        QString key;
        qsizetype begin = 0; ///< the value's first byte
        qsizetype end = 0;
    };
    std::vector<RootMember> members; ///< in document order, duplicates kept
    qsizetype rootEnd = 0;
    bool hasEndpoints = false; ///< the root has an "endpoints" member (of any kind)
    std::vector<std::pair<qsizetype, qsizetype>> spans; ///< the items of "endpoints" when it is an array
    QJsonObject service; ///< the root without "endpoints"
    QList<EndpointInfo> endpoints;

    /// The last member named `key` (the one readers take), or null.
    [[nodiscard]] const RootMember *member(const QString &key) const
    {
        const RootMember *found = nullptr;
        for (const auto &m : members)
            if (m.key == key)
                found = &m;
        return found;
    }
};

namespace {

EndpointInfo endpointInfo(int index, const QJsonObject &e)
{
    EndpointInfo info;
    info.index = index;
    info.path = e.value(QLatin1String("endpoint")).toString();
    info.method = e.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper();
    const QJsonObject extra = e.value(QLatin1String("extra_config")).toObject();
    info.hasValidator = extra.contains(Namespace::validator) || extra.contains(Namespace::legacyValidator);
    info.hasSigner = extra.contains(Namespace::signer) || extra.contains(Namespace::legacySigner);
    info.validatorKey = extra.contains(Namespace::validator) ? Namespace::validator
        : info.hasValidator                                  ? Namespace::legacyValidator
                                                             : QString();
    return info;
}

/// The values of bytes [begin, end) of `text`, one or more JSON values separated by commas, checked by
/// QJsonDocument; nullopt when they are not valid JSON.
std::optional<QJsonArray> valuesAt(const QByteArray &text, qsizetype begin, qsizetype end)
{
    QByteArray piece;
    piece.reserve(end - begin + 2);
    piece.append('[').append(QByteArrayView(text.constData() + begin, end - begin)).append(']');
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(piece, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    return doc.array();
}

/// QJsonDocument's verdict on the whole text: the error every reader of the file gets (offset in details).
common::Error wholeTextError(const QByteArray &text, const common::Error &fallback)
{
    QJsonParseError err {};
    (void)QJsonDocument::fromJson(text, &err);
    if (err.error == QJsonParseError::NoError)
        return fallback;
    return common::Error {QStringLiteral("invalid_json"),
        QStringLiteral("%1 at byte %2").arg(err.errorString()).arg(err.offset),
        {{QStringLiteral("offset"), err.offset}}};
}

constexpr int kBatch = 2048; ///< endpoints checked by one QJsonDocument

} // namespace

Result<void> ConfigDocument::reparse(const LoadControl &control)
{
    auto index = buildIndex(m_text, control);
    if (!index)
        return index.error().is(common::ErrorCode::Cancelled) ? index.error() : outOfRangeNumber(m_text, index.error());
    m_index = index.value();
    return {};
}

Result<std::shared_ptr<const ConfigDocument::Index>> ConfigDocument::buildIndex(
    const QByteArray &text, const LoadControl &control)
{
    using R = Result<std::shared_ptr<const ConfigDocument::Index>>;
    const qint64 total = text.size();
    auto cancelled = [&] { return control.cancel.isCancelled(); };
    auto progress = [&](qint64 done) {
        if (control.progress)
            control.progress(done, total);
    };
    progress(0);
    // The outline: the root's members, and the items of its arrays, as spans (one scan of the bytes).
    auto outline = JsonSourceMap::parseRange(text, 0, text.size(), 1);
    if (!outline)
        return wholeTextError(text, outline.error());
    const JsonSourceMap::Node &root = outline.value()->root();
    if (root.kind != JsonSourceMap::Kind::Object) {
        // QJsonDocument's error first (a top-level scalar is one), else the rule of this file.
        const common::Error notObject {
            QStringLiteral("invalid_config"), QStringLiteral("krakend.json must be a JSON object"), {}};
        return wholeTextError(text, notObject);
    }
    if (cancelled())
        return R::failure(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    auto index = std::make_shared<ConfigDocument::Index>();
    index->rootEnd = root.end;
    const common::Error invalid {QStringLiteral("invalid_json"), QStringLiteral("invalid JSON"), {}};
    for (const auto &m : root.members) {
        const JsonSourceMap::Node &v = *m.value;
        index->members.push_back({m.key, v.begin, v.end});
        if (m.key != u"endpoints") {
            const auto value = valuesAt(text, v.begin, v.end);
            if (!value || value->size() != 1)
                return wholeTextError(text, invalid);
            index->service.insert(m.key, value->first());
            continue;
        }
        // The last "endpoints" counts, as QJsonDocument reads duplicates.
        index->hasEndpoints = true;
        index->spans.clear();
        index->endpoints.clear();
        if (v.kind != JsonSourceMap::Kind::Array) {
            if (const auto value = valuesAt(text, v.begin, v.end); !value || value->size() != 1)
                return wholeTextError(text, invalid);
            continue;
        }
        index->spans.reserve(v.items.size());
        index->endpoints.reserve(static_cast<qsizetype>(v.items.size()));
        for (const auto &item : v.items)
            index->spans.emplace_back(item->begin, item->end);
        // The endpoints are checked in batches, a wave of batches at a time on the cores there are (each batch is
        // independent: its own QJsonDocument); between waves the open reports progress and looks at the token.
        struct Batch
        {
            size_t first = 0;
            size_t last = 0; ///< inclusive
            bool ok = false;
            QList<EndpointInfo> infos;
        };
        const auto &spans = index->spans;
        auto check = [&text, &spans](Batch &b) {
            const auto values = valuesAt(text, spans[b.first].first, spans[b.last].second);
            b.ok = values && values->size() == static_cast<qsizetype>(b.last - b.first + 1);
            if (!b.ok)
                return;
            b.infos.reserve(values->size());
            for (size_t i = b.first; i <= b.last; ++i)
                b.infos.append(
                    endpointInfo(static_cast<int>(i), values->at(static_cast<qsizetype>(i - b.first)).toObject()));
        };
        const size_t wave = static_cast<size_t>(std::clamp(QThread::idealThreadCount(), 1, 4)); // progress stays fine
        bool previewed = false;
        for (size_t first = 0; first < spans.size();) {
            if (cancelled())
                return R::failure(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
            std::vector<Batch> batches;
            for (size_t n = 0; n < wave && first < spans.size(); ++n, first += kBatch)
                batches.push_back({first, std::min(spans.size(), first + kBatch) - 1, false, {}});
            if (batches.size() == 1)
                check(batches.front());
            else
                QtConcurrent::blockingMap(batches, check);
            for (const Batch &b : batches) {
                if (!b.ok)
                    return wholeTextError(text, invalid);
                index->endpoints.append(b.infos);
            }
            if (control.preview && !previewed && first < spans.size()) {
                previewed = true; // after the first wave, when more is to come
                control.preview(index->endpoints);
            }
            progress(spans[batches.back().last].second);
        }
    }
    progress(total);
    return std::shared_ptr<const ConfigDocument::Index>(std::move(index));
}

namespace {

/// The node `path` leads to from `node` (keys and array indexes), or null.
const JsonSourceMap::Node *descend(const JsonSourceMap::Node *node, const QStringList &path)
{
    for (const QString &step : path) {
        if (!node)
            return nullptr;
        if (node->kind == JsonSourceMap::Kind::Object) {
            node = node->member(step);
        } else if (node->kind == JsonSourceMap::Kind::Array) {
            bool ok = false;
            const int i = step.toInt(&ok);
            node = ok && i >= 0 && i < static_cast<int>(node->items.size()) ? node->items[static_cast<size_t>(i)].get()
                                                                            : nullptr;
        } else {
            return nullptr;
        }
    }
    return node;
}

} // namespace

ConfigDocument::Located ConfigDocument::locate(const QStringList &path) const
{
    Located out;
    if (!m_index)
        return out;
    auto parsed = [&](qsizetype begin, qsizetype end, int maxDepth) {
        auto map = JsonSourceMap::parseRange(m_text, begin, end, maxDepth);
        if (map)
            out.map = map.value();
        return out.map ? &out.map->root() : nullptr;
    };
    if (path.isEmpty()) {
        // The root with its members' values as spans: enough to add or replace a member.
        out.node = parsed(0, m_text.size(), 0);
        return out;
    }
    const Index::RootMember *member = m_index->member(path.first());
    if (!member)
        return out;
    if (path.first() == u"endpoints" && path.size() >= 2) {
        bool ok = false;
        const int i = path.at(1).toInt(&ok);
        if (!ok || i < 0 || i >= static_cast<int>(m_index->spans.size()))
            return out;
        const auto &[begin, end] = m_index->spans[static_cast<size_t>(i)];
        out.node = descend(parsed(begin, end, -1), path.mid(2));
        return out;
    }
    // The endpoints array itself: its items as spans.
    out.node = descend(
        parsed(member->begin, member->end, path.size() == 1 && path.first() == u"endpoints" ? 0 : -1), path.mid(1));
    return out;
}

Result<void> ConfigDocument::splice(qsizetype from, qsizetype to, const QByteArray &bytes)
{
    const QByteArray previous = m_text;
    const std::shared_ptr<const Index> before = m_index;
    m_text = m_text.left(from) + bytes + m_text.mid(to);
    const qsizetype delta = bytes.size() - (to - from);
    auto shift = [&](qsizetype offset) { return offset >= to ? offset + delta : offset; };
    // Inside one endpoint's braces: only that endpoint is read again.
    if (before) {
        const auto &spans = before->spans;
        const auto it = std::upper_bound(spans.begin(), spans.end(), from,
            [](qsizetype offset, const std::pair<qsizetype, qsizetype> &span) { return offset < span.first; });
        if (it != spans.begin() && std::prev(it)->first < from && to < std::prev(it)->second) {
            const size_t k = static_cast<size_t>(std::prev(it) - spans.begin());
            const qsizetype begin = spans[k].first;
            const qsizetype end = spans[k].second + delta;
            if (const auto value = valuesAt(m_text, begin, end); value && value->size() == 1) {
                auto next = std::make_shared<Index>(*before);
                for (size_t j = k; j < next->spans.size(); ++j)
                    next->spans[j] = {j == k ? begin : next->spans[j].first + delta, next->spans[j].second + delta};
                for (auto &m : next->members)
                    m = {m.key, shift(m.begin), m.end >= to ? m.end + delta : m.end};
                next->rootEnd += delta;
                next->endpoints[static_cast<qsizetype>(k)]
                    = endpointInfo(static_cast<int>(k), value->first().toObject());
                m_index = std::move(next);
                return {};
            }
        }
        // Inside one top-level member's value other than "endpoints": that value is read again.
        for (size_t k = 0; k < before->members.size(); ++k) {
            const Index::RootMember &m = before->members[k];
            if (m.key == u"endpoints" || !(m.begin < from && to < m.end) || before->member(m.key) != &m)
                continue;
            const auto value = valuesAt(m_text, m.begin, m.end + delta);
            if (!value || value->size() != 1)
                break;
            auto next = std::make_shared<Index>(*before);
            for (auto &n : next->members)
                n = {n.key, shift(n.begin), n.end >= to ? n.end + delta : n.end};
            for (auto &span : next->spans)
                span = {shift(span.first), shift(span.second)};
            next->rootEnd += delta;
            next->service.insert(m.key, value->first());
            m_index = std::move(next);
            return {};
        }
    }
    if (auto r = reparse(); !r) {
        m_text = previous;
        m_index = before;
        return r;
    }
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
    return m_index ? m_index->endpoints : QList<EndpointInfo>();
}

int ConfigDocument::endpointCount() const
{
    return m_index ? static_cast<int>(m_index->spans.size()) : 0;
}

QByteArray ConfigDocument::endpointText(int index) const
{
    if (!m_index || index < 0 || index >= endpointCount())
        return QByteArray();
    const auto &[begin, end] = m_index->spans[static_cast<size_t>(index)];
    return m_text.mid(begin, end - begin);
}

QJsonObject ConfigDocument::serviceRoot() const
{
    return m_index ? m_index->service : QJsonObject();
}

QJsonObject ConfigDocument::root() const
{
    QJsonObject out = serviceRoot();
    if (!m_index || !m_index->hasEndpoints)
        return out;
    const Index::RootMember *member = m_index->member(QStringLiteral("endpoints"));
    if (const auto value = valuesAt(m_text, member->begin, member->end); value && value->size() == 1)
        out.insert(QStringLiteral("endpoints"), value->first());
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
    if (!m_index || index < 0 || index >= endpointCount())
        return QJsonObject();
    const auto &[begin, end] = m_index->spans[static_cast<size_t>(index)];
    const auto value = valuesAt(m_text, begin, end);
    return value && value->size() == 1 ? value->first().toObject() : QJsonObject();
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
    const QJsonObject extra = serviceRoot().value(QLatin1String("extra_config")).toObject();
    if (extra.contains(ns))
        return extra.value(ns).toObject();
    return extra.value(legacyOf(ns)).toObject();
}

QStringList ConfigDocument::duplicateMembers(const QStringList &path) const
{
    QStringList seen, duplicates;
    const Located located = locate(path);
    const JsonSourceMap::Node *node = located.node;
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
    const Located located = locate(objectPath);
    const JsonSourceMap::Node *obj = located.node;
    if (!obj || obj->kind != JsonSourceMap::Kind::Object)
        return Result<void>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("%1 is not an object").arg(objectPath.join(u'.')));
    const JsonSourceMap &map = *located.map;
    const QByteArray unit = map.indentUnit();
    const QByteArray nl = map.usesCrlf() ? QByteArray("\r\n") : QByteArray("\n");
    if (const JsonSourceMap::Member *m = obj->memberEntry(key)) {
        const QByteArray indent = map.lineIndent(m->keyBegin);
        const QByteArray text = serializeJson(value, indent, unit, preferredOrder(), nl);
        return splice(m->value->begin, m->value->end, text);
    }
    const QByteArray keyText = QJsonDocument(QJsonArray {key}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    if (obj->members.empty()) {
        // {} or { } : open it up on new lines at the object's indentation.
        const QByteArray indent = map.lineIndent(obj->begin);
        const QByteArray text = '{' + nl + indent + unit + keyText + ": "
            + serializeJson(value, indent + unit, unit, preferredOrder(), nl) + nl + indent + '}';
        return splice(obj->begin, obj->end, text);
    }
    const JsonSourceMap::Member &last = obj->members.back();
    const QByteArray indent = map.lineIndent(last.keyBegin);
    // Keep the last member on its own line style: if members share a line with the brace, stay inline.
    const bool multiline = m_text.mid(obj->begin, last.keyBegin - obj->begin).contains('\n');
    const QByteArray sep = multiline ? ',' + nl + indent : QByteArray(", ");
    const QByteArray text
        = sep + keyText + ": " + serializeJson(value, multiline ? indent : QByteArray(), unit, preferredOrder(), nl);
    return splice(last.value->end, last.value->end, text);
}

Result<void> ConfigDocument::removeMember(const QStringList &objectPath, const QString &key)
{
    const Located located = locate(objectPath);
    const JsonSourceMap::Node *obj = located.node;
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
        return splice(from, to, QByteArray());
    }
    return {};
}

Result<void> ConfigDocument::appendItem(const QStringList &arrayPath, const QJsonValue &value)
{
    const Located located = locate(arrayPath);
    const JsonSourceMap::Node *arr = located.node;
    if (!arr || arr->kind != JsonSourceMap::Kind::Array)
        return Result<void>::failure(
            QStringLiteral("invalid_config"), QStringLiteral("%1 is not an array").arg(arrayPath.join(u'.')));
    const JsonSourceMap &map = *located.map;
    const QByteArray unit = map.indentUnit();
    const QByteArray nl = map.usesCrlf() ? QByteArray("\r\n") : QByteArray("\n");
    if (arr->items.empty()) {
        const QByteArray indent = map.lineIndent(arr->begin);
        const QByteArray text = '[' + nl + indent + unit
            + serializeJson(value, indent + unit, unit, preferredOrder(), nl) + nl + indent + ']';
        return splice(arr->begin, arr->end, text);
    }
    const auto &last = arr->items.back();
    const QByteArray indent = map.lineIndent(last->begin);
    const QByteArray text = ',' + nl + indent + serializeJson(value, indent, unit, preferredOrder(), nl);
    return splice(last->end, last->end, text);
}

Result<void> ConfigDocument::mergeObject(const QStringList &path, const QJsonObject &value)
{
    const Located located = locate(path);
    const JsonSourceMap::Node *node = located.node;
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
    if (!serviceRoot().contains(QLatin1String("extra_config")))
        if (auto r = setMember({}, QStringLiteral("extra_config"), QJsonObject {}); !r)
            return r;
    const QJsonObject extra = serviceRoot().value(QLatin1String("extra_config")).toObject();
    const QString key = !extra.contains(ns) && extra.contains(legacyOf(ns)) ? legacyOf(ns) : ns;
    if (extra.contains(key))
        return mergeObject({QStringLiteral("extra_config"), key}, block);
    return setMember({QStringLiteral("extra_config")}, key, block);
}

Result<void> ConfigDocument::removeServiceBlock(const QString &ns)
{
    if (auto g = writeGuard(); !g)
        return g;
    const QJsonObject extra = serviceRoot().value(QLatin1String("extra_config")).toObject();
    return removeMember({QStringLiteral("extra_config")}, extra.contains(ns) ? ns : legacyOf(ns));
}

Result<int> ConfigDocument::addEndpoint(const QJsonObject &endpointObject)
{
    if (auto g = writeGuard(); !g)
        return g.error();
    if (!m_index || !m_index->hasEndpoints) {
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
    if (index < 0 || index >= endpointCount())
        return Result<void>::failure(QStringLiteral("unknown_endpoint"), QStringLiteral("no endpoint #%1").arg(index));
    const auto &spans = m_index->spans;
    const auto i = static_cast<size_t>(index);
    qsizetype from, to;
    if (i + 1 < spans.size()) {
        from = spans[i].first;
        to = spans[i + 1].first;
    } else if (i > 0) {
        from = spans[i - 1].second;
        to = spans[i].second;
    } else {
        const Index::RootMember *array = m_index->member(QStringLiteral("endpoints"));
        from = array->begin + 1;
        to = array->end - 1;
    }
    return splice(from, to, QByteArray());
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
    // The outline only (the members' values are spans): the callers have the text checked as a whole already.
    auto map = JsonSourceMap::parseRange(text, 0, text.size(), 0);
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
