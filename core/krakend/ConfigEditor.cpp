#include "krakend/ConfigEditor.h"

#include "krakend/ConfigExport.h"
#include "krakend/Namespaces.h"
#include "krakend/go/GoStruct.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace jwb::krakend {

using common::Result;

namespace {

bool isEndpointBlock(Block block)
{
    return !GatewayCatalog::isServiceLevel(block);
}

} // namespace

ConfigEditor::ConfigEditor(QObject *parent) : QObject(parent)
{
    const QByteArray text = GatewayCatalog::newConfigText();
    m_doc = ConfigDocument::fromText(text).value();
    m_savedText = text;
}

ConfigEditor::~ConfigEditor() = default;

// ------------------------------------------------------------------------------------------------ file

void ConfigEditor::replace(ConfigDocument doc, const QByteArray &savedText, bool forceModified)
{
    const bool wasModified = isModified();
    const QString oldPath = path();
    m_doc = std::move(doc);
    m_savedText = savedText;
    m_forceModified = forceModified;
    Q_EMIT documentReplaced();
    Q_EMIT changed();
    if (isModified() != wasModified)
        Q_EMIT modifiedChanged(isModified());
    if (path() != oldPath)
        Q_EMIT pathChanged(path());
}

Result<void> ConfigEditor::open(const QString &path)
{
    auto opened = ConfigDocument::open(path);
    if (!opened)
        return opened.error();
    const QByteArray text = opened.value().text();
    replace(std::move(opened).value(), text, false);
    return {};
}

void ConfigEditor::adopt(ConfigDocument document)
{
    const QByteArray text = document.text();
    replace(std::move(document), text, false);
}

void ConfigEditor::newConfig()
{
    const QByteArray text = GatewayCatalog::newConfigText();
    replace(ConfigDocument::fromText(text).value(), text, false);
}

Result<void> ConfigEditor::restoreUnsaved(const QString &path, const QByteArray &text)
{
    if (!path.isEmpty() && QFileInfo::exists(path)) {
        if (auto opened = ConfigDocument::open(path)) {
            ConfigDocument doc = std::move(opened).value();
            const QByteArray disk = doc.text();
            if (auto r = doc.setText(text); !r)
                return r;
            replace(std::move(doc), disk, false);
            return {};
        }
    }
    auto doc = ConfigDocument::fromText(text, path);
    if (!doc)
        return doc.error();
    replace(std::move(doc).value(), text, true);
    return {};
}

SaveReview ConfigEditor::reviewSave(const QString &target, QByteArray *diskBytes) const
{
    const QString where = target.isEmpty() ? path() : target;
    // What the file on disk holds now (it may have changed since it was opened).
    std::optional<QByteArray> disk;
    if (QFile file(where); !where.isEmpty() && file.exists() && file.open(QIODevice::ReadOnly))
        disk = file.readAll();
    if (diskBytes)
        *diskBytes = disk.value_or(QByteArray());
    return krakend::reviewSave(m_doc, disk);
}

Result<void> ConfigEditor::save(const QString &target)
{
    const bool wasModified = isModified();
    const QString oldPath = path();
    if (auto r = m_doc.save(target); !r)
        return r;
    m_savedText = m_doc.text();
    m_forceModified = false;
    if (isModified() != wasModified)
        Q_EMIT modifiedChanged(isModified());
    if (path() != oldPath)
        Q_EMIT pathChanged(path());
    return {};
}

void ConfigEditor::revert()
{
    ConfigDocument doc = m_doc;
    if (doc.setText(m_savedText))
        replace(std::move(doc), m_savedText, false);
}

QString ConfigEditor::baseDir() const
{
    return path().isEmpty() ? QString() : QFileInfo(path()).absolutePath();
}

// ------------------------------------------------------------------------------------------------ reading

bool ConfigEditor::hasBlock(Block block, int endpoint) const
{
    if (isEndpointBlock(block)) {
        const EndpointInfo info = m_doc.endpoints().value(endpoint);
        return block == Block::Validator ? info.hasValidator : info.hasSigner;
    }
    const QJsonObject extra = m_doc.serviceRoot().value(QLatin1String("extra_config")).toObject();
    const QString ns = GatewayCatalog::ns(block);
    return extra.contains(ns)
        || extra.contains(block == Block::Revoker ? Namespace::legacyRevoker : Namespace::legacyValidator);
}

QJsonObject ConfigEditor::block(Block block, int endpoint) const
{
    const QString ns = GatewayCatalog::ns(block);
    if (!isEndpointBlock(block))
        return m_doc.serviceBlock(ns);
    return endpoint >= 0 ? m_doc.endpointBlock(endpoint, ns) : QJsonObject();
}

QJsonValue ConfigEditor::shownValue(Block b, int endpoint, const QString &option) const
{
    const QJsonObject members = block(b, endpoint);
    const QString key = GoStruct::memberKey(members, option);
    return key.isEmpty() ? QJsonValue(QJsonValue::Undefined) : members.value(key);
}

QList<LintItem> ConfigEditor::lint(const LintContext &context) const
{
    return Linter::lint(m_doc, context);
}

// ------------------------------------------------------------------------------------------------ edits

Result<void> ConfigEditor::checkEndpoint(int endpoint) const
{
    if (endpoint < 0 || endpoint >= m_doc.endpoints().size())
        return Result<void>::failure(
            QStringLiteral("unknown_endpoint"), QStringLiteral("no endpoint #%1").arg(endpoint));
    return {};
}

Result<void> ConfigEditor::checkEndpoint(Block block, int *endpoint) const
{
    if (!isEndpointBlock(block)) {
        *endpoint = -1; // the service level
        return {};
    }
    return checkEndpoint(*endpoint);
}

Result<void> ConfigEditor::apply(DocumentEdit edit, const Change &change)
{
    ConfigDocument copy = m_doc;
    if (auto r = change(copy); !r)
        return r;
    if (copy.text() == m_doc.text())
        return {};
    edit.before = m_doc.text();
    edit.after = copy.text();
    take(std::move(copy));
    Q_EMIT edited(edit);
    return {};
}

void ConfigEditor::take(ConfigDocument next)
{
    const ConfigDocument before = m_doc;
    const bool wasModified = isModified();
    m_doc = std::move(next);
    const int count = m_doc.endpointCount();
    if (before.endpointCount() != count) {
        Q_EMIT documentReplaced();
    } else {
        // Endpoints whose bytes are the same are the same; others are compared as values (a change of spacing
        // only is no change). Bytes first: a big file is not read endpoint by endpoint.
        for (int i = 0; i < count; ++i)
            if (before.endpointText(i) != m_doc.endpointText(i) && before.endpoint(i) != m_doc.endpoint(i))
                Q_EMIT endpointChanged(i);
        if (before.serviceRoot() != m_doc.serviceRoot())
            Q_EMIT serviceChanged();
    }
    Q_EMIT changed();
    if (isModified() != wasModified)
        Q_EMIT modifiedChanged(isModified());
}

Result<void> ConfigEditor::setOption(Block b, int endpoint, const QString &option, const QJsonValue &value)
{
    const QString ns = GatewayCatalog::ns(b);
    if (auto r = checkEndpoint(b, &endpoint); !r)
        return r;
    const QJsonObject members = GoStruct::withValue(block(b, endpoint), option, value);
    return apply({EditKind::SetOption, b, endpoint, option, {}, {}}, [&](ConfigDocument &d) -> Result<void> {
        if (isEndpointBlock(b))
            return d.setEndpointBlock(endpoint, ns, members);
        if (b == Block::ServiceValidator && members.isEmpty())
            return d.removeServiceBlock(ns);
        return d.setServiceBlock(ns, members);
    });
}

Result<void> ConfigEditor::addBlock(Block b, int endpoint, const QString &jwkUrlHint)
{
    const QString ns = GatewayCatalog::ns(b);
    if (auto r = checkEndpoint(b, &endpoint); !r)
        return r;
    if (hasBlock(b, endpoint))
        return Result<void>::failure(QStringLiteral("block_exists"), QStringLiteral("%1 is there already").arg(ns));
    const QJsonObject members = GatewayCatalog::defaultBlock(b, jwkUrlHint);
    return apply({EditKind::AddBlock, b, endpoint, {}, {}, {}}, [&](ConfigDocument &d) {
        return isEndpointBlock(b) ? d.setEndpointBlock(endpoint, ns, members) : d.setServiceBlock(ns, members);
    });
}

Result<void> ConfigEditor::removeBlock(Block b, int endpoint)
{
    const QString ns = GatewayCatalog::ns(b);
    if (auto r = checkEndpoint(b, &endpoint); !r)
        return r;
    if (!hasBlock(b, endpoint))
        return Result<void>::failure(QStringLiteral("no_block"), QStringLiteral("there is no %1 to remove").arg(ns));
    return apply({EditKind::RemoveBlock, b, endpoint, {}, {}, {}}, [&](ConfigDocument &d) {
        return isEndpointBlock(b) ? d.removeEndpointBlock(endpoint, ns) : d.removeServiceBlock(ns);
    });
}

Result<int> ConfigEditor::addEndpoint(const QString &path, const QString &method, const QString &backendUrl)
{
    auto endpoint = ConfigExport::endpoint(path, method, backendUrl, {});
    if (!endpoint)
        return endpoint.error();
    int index = -1;
    const int next = static_cast<int>(m_doc.endpoints().size());
    auto r
        = apply({EditKind::AddEndpoint, Block::Validator, next, path, {}, {}}, [&](ConfigDocument &d) -> Result<void> {
              auto added = d.addEndpoint(endpoint.value());
              if (!added)
                  return added.error();
              index = added.value();
              return {};
          });
    if (!r)
        return r.error();
    return index;
}

Result<void> ConfigEditor::removeEndpoint(int index)
{
    if (auto r = checkEndpoint(index); !r)
        return r;
    const EndpointInfo e = m_doc.endpoints().at(index);
    return apply(
        {EditKind::RemoveEndpoint, Block::Validator, index, QStringLiteral("%1 %2").arg(e.method, e.path), {}, {}},
        [&](ConfigDocument &d) { return d.removeEndpoint(index); });
}

Result<void> ConfigEditor::applySuggestion(
    int endpoint, const Suggestion &s, const QString &rolesKey, const QString &scopesKey)
{
    if (auto r = checkEndpoint(endpoint); !r)
        return r;
    QJsonObject members = block(Block::Validator, endpoint);
    auto put = [&](const char *name, const QJsonValue &v) {
        members = GoStruct::withValue(members, QString::fromLatin1(name), v);
    };
    if (!s.alg.isEmpty())
        put("alg", s.alg);
    if (!s.issuer.isEmpty())
        put("issuer", s.issuer);
    if (!s.audience.isEmpty())
        put("audience", QJsonArray::fromStringList(s.audience));
    if (!s.jwkUrl.isEmpty() && GoStruct::memberKey(members, QStringLiteral("jwk_local_path")).isEmpty())
        put("jwk_url", s.jwkUrl);
    const ClaimCandidate *role = nullptr;
    for (const auto &c : s.rolesKey)
        if (rolesKey.isEmpty() ? !role : c.path == rolesKey)
            role = &c;
    if (role) {
        put("roles_key", role->path);
        if (role->nested)
            put("roles_key_is_nested", true);
    }
    for (const auto &c : s.scopesKey)
        if (scopesKey.isEmpty() || c.path == scopesKey) {
            put("scopes_key", c.path);
            break;
        }
    return apply({EditKind::ApplySuggestion, Block::Validator, endpoint, {}, {}, {}},
        [&](ConfigDocument &d) { return d.setEndpointBlock(endpoint, Namespace::validator, members); });
}

Result<void> ConfigEditor::removeByteOrderMark()
{
    return apply({EditKind::RemoveByteOrderMark, Block::Validator, -1, {}, {}, {}},
        [](ConfigDocument &d) { return d.removeByteOrderMark(); });
}

// ------------------------------------------------------------------------------------------------ undo, redo

Result<void> ConfigEditor::restore(const QByteArray &text, int endpoint)
{
    if (text != m_doc.text()) {
        ConfigDocument copy = m_doc;
        if (auto r = copy.setText(text); !r)
            return r;
        take(std::move(copy));
    }
    Q_EMIT restored(endpoint);
    return {};
}

} // namespace jwb::krakend
