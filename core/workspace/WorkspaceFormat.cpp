#include "workspace/WorkspaceFormat.h"

#include "common/AtomicFile.h"
#include "common/BoundedFile.h"
#include "common/FileKind.h"
#include "workspace/KeyRing.h"
#include "workspace/TrustStore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>

namespace jwb::workspace::WorkspaceFormat {

using common::ErrorCode;
using common::Result;

namespace {

const QString kMarker = QLatin1String(common::FileKinds::kWorkspaceMarker);

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const auto &item : value.toArray())
        out.append(item.toString());
    return out;
}

/// A format-1 file keeps TLS settings per source ("network"): one setting per origin, the first source's.
Result<QJsonArray> migrateTrust(const QJsonArray &keys, QStringList *conflicts)
{
    QMap<QString, TrustSettings> byOrigin;
    for (int i = 0; i < keys.size(); ++i) {
        const QJsonObject entry = keys.at(i).toObject();
        const auto kind = KeySource::kindFromName(entry.value(QStringLiteral("kind")).toString());
        if (kind != KeySource::Kind::Url && kind != KeySource::Kind::Issuer)
            continue;
        auto settings = TrustSettings::fromJson(
            entry.value(QStringLiteral("network")).toObject(), QStringLiteral("keys[%1]: network").arg(i));
        if (!settings)
            return settings.error();
        const QString origin
            = TrustStore::originOf(QUrl::fromUserInput(entry.value(QStringLiteral("location")).toString().trimmed()));
        if (origin.isEmpty())
            continue;
        if (!byOrigin.contains(origin))
            byOrigin.insert(origin, settings.value());
        else if (byOrigin.value(origin) != settings.value() && !conflicts->contains(origin))
            conflicts->append(origin);
    }
    QJsonArray trust;
    for (auto it = byOrigin.cbegin(); it != byOrigin.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        QJsonObject entry = it.value().toJson();
        entry.insert(QStringLiteral("origin"), it.key());
        trust.append(entry);
    }
    return trust;
}

/// A key entry as written: no secret material, and for a remote source its origin's TLS settings in "network"
/// (where format-1 readers look for them) beside its timeout.
QJsonObject writtenKey(QJsonObject entry, const QMap<QString, TrustSettings> &trust)
{
    const auto source = KeyRing::parse(QJsonArray {entry}, WorkspaceOrigin::OwnSession);
    if (!source || source->isEmpty())
        return entry;
    if (source->first().holdsSecret()) {
        entry.remove(QStringLiteral("text"));
        entry.remove(QStringLiteral("der_base64"));
    }
    if (source->first().isRemote()) {
        QJsonObject network = trust.value(TrustStore::originOf(source->first().url())).toJson();
        network.insert(QStringLiteral("timeout_ms"), source->first().timeoutMs);
        entry.insert(QStringLiteral("network"), network);
    }
    return entry;
}

Result<void> readTokens(const QJsonObject &object, WorkspaceDocument &document)
{
    const QJsonValue tokens = object.value(QStringLiteral("tokens"));
    if (!tokens.isUndefined() && !tokens.isArray())
        return Result<void>::failure(ErrorCode::InvalidWorkspace, QStringLiteral("\"tokens\" must be an array"));
    for (const QJsonValue &token : tokens.toArray()) {
        const QJsonObject entry = token.toObject();
        document.tokens.append({entry.value(QStringLiteral("title")).toString(QStringLiteral("token")),
            entry.value(QStringLiteral("text")).toString()});
    }
    document.currentToken = object.value(QStringLiteral("current_token")).toInt(0);
    return {};
}

Result<void> readKeys(const QJsonObject &object, WorkspaceDocument &document)
{
    document.keys = object.value(QStringLiteral("keys")).toArray();
    if (auto sources = KeyRing::parse(document.keys); !sources)
        return sources.error();
    if (object.contains(QStringLiteral("trust"))) {
        document.trust = object.value(QStringLiteral("trust")).toArray();
        if (auto trust = TrustStore::parse(document.trust); !trust)
            return trust.error();
    } else {
        auto trust = migrateTrust(document.keys, &document.trustConflicts);
        if (!trust)
            return trust.error();
        document.trust = trust.value();
    }
    document.keyChoices = object.value(QStringLiteral("key_choices")).toObject();
    document.secretsInKeychain = stringList(object.value(QStringLiteral("secrets_in_keychain")));
    document.secretsNotStored = stringList(object.value(QStringLiteral("secrets_not_stored")));
    return {};
}

} // namespace

Result<WorkspaceDocument> read(const QString &path, qint64 maxBytes)
{
    const auto bytes = common::BoundedFile::read(path, maxBytes);
    if (!bytes && bytes.error().is(ErrorCode::InputTooLarge)) {
        const qint64 size = QFileInfo(path).size();
        return Result<WorkspaceDocument>::failure(ErrorCode::TooLarge,
            QStringLiteral("%1 is %2 MiB; a workspace is at most %3 MiB")
                .arg(path)
                .arg(size / (1024 * 1024))
                .arg(maxBytes / (1024 * 1024)),
            {{QStringLiteral("path"), path}, {QStringLiteral("size"), size}, {QStringLiteral("max"), maxBytes}});
    }
    if (!bytes) {
        return Result<WorkspaceDocument>::failure(ErrorCode::CannotRead, bytes.error().message,
            {{QStringLiteral("path"), path}, {QStringLiteral("reason"), bytes.error().message}});
    }
    return parse(bytes.value(), QFileInfo(path).fileName());
}

Result<WorkspaceDocument> parse(const QByteArray &bytes, const QString &fileName)
{
    QJsonParseError error {};
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(error.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return Result<WorkspaceDocument>::failure(ErrorCode::InvalidJson,
            QStringLiteral("%1 is not valid JSON: %2 at line %3, column %4")
                .arg(fileName, error.errorString())
                .arg(line)
                .arg(column),
            {{QStringLiteral("file"), fileName}, {QStringLiteral("reason"), error.errorString()},
                {QStringLiteral("line"), line}, {QStringLiteral("column"), column}});
    }
    if (!json.isObject() || !json.object().contains(kMarker)) {
        return Result<WorkspaceDocument>::failure(ErrorCode::NotWorkspace,
            QStringLiteral("%1 is not a JWT Workbench workspace (no \"%2\" member)").arg(fileName, kMarker),
            {{QStringLiteral("file"), fileName}});
    }
    return fromJson(json.object());
}

Result<WorkspaceDocument> fromJson(const QJsonObject &object)
{
    if (!object.contains(kMarker)) {
        return Result<WorkspaceDocument>::failure(
            ErrorCode::NotWorkspace, QStringLiteral("not a JWT Workbench workspace (no \"%1\" member)").arg(kMarker));
    }
    const int version = object.value(kMarker).toInt(-1);
    if (version < 1 || version > kVersion) {
        const QString shown = object.value(kMarker).toVariant().toString();
        return Result<WorkspaceDocument>::failure(ErrorCode::UnsupportedWorkspace,
            QStringLiteral("workspace format %1 is not supported (this version reads format %2)")
                .arg(shown)
                .arg(kVersion),
            {{QStringLiteral("version"), shown}, {QStringLiteral("supported"), kVersion}});
    }
    WorkspaceDocument document;
    if (auto tokens = readTokens(object, document); !tokens)
        return tokens.error();
    if (auto keys = readKeys(object, document); !keys)
        return keys.error();
    document.id = object.value(QStringLiteral("id")).toString();
    document.savedAt = QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODate);
    document.inspector = object.value(QStringLiteral("inspector")).toObject();
    document.composer = object.value(QStringLiteral("composer")).toObject();
    document.gateway = object.value(QStringLiteral("gateway")).toObject();
    document.page = object.value(QStringLiteral("page")).toInt(0);
    document.workspacePath = object.value(QStringLiteral("workspace_path")).toString();
    if (object.contains(QStringLiteral("unsaved_config"))) {
        const QJsonObject config = object.value(QStringLiteral("unsaved_config")).toObject();
        document.unsavedConfig = UnsavedConfig {
            config.value(QStringLiteral("path")).toString(), config.value(QStringLiteral("text")).toString().toUtf8()};
    }
    return document;
}

QJsonObject toJson(const WorkspaceDocument &document)
{
    QJsonObject object;
    object.insert(kMarker, kVersion);
    object.insert(QStringLiteral("id"), document.id);
    if (document.savedAt.isValid())
        object.insert(QStringLiteral("saved_at"), document.savedAt.toUTC().toString(Qt::ISODate));
    QJsonArray tokens;
    for (const auto &[title, text] : document.tokens)
        tokens.append(QJsonObject {{QStringLiteral("title"), title}, {QStringLiteral("text"), text}});
    object.insert(QStringLiteral("tokens"), tokens);
    object.insert(QStringLiteral("current_token"), document.currentToken);
    object.insert(QStringLiteral("inspector"), document.inspector);

    const QMap<QString, TrustSettings> trust = TrustStore::parse(document.trust).valueOr({});
    QJsonArray keys;
    for (const auto &entry : document.keys)
        keys.append(writtenKey(entry.toObject(), trust));
    object.insert(QStringLiteral("keys"), keys);
    object.insert(QStringLiteral("trust"), document.trust);
    if (!document.keyChoices.isEmpty())
        object.insert(QStringLiteral("key_choices"), document.keyChoices);

    object.insert(QStringLiteral("composer"), document.composer);
    object.insert(QStringLiteral("gateway"), document.gateway);
    object.insert(QStringLiteral("page"), document.page);
    if (!document.secretsInKeychain.isEmpty())
        object.insert(QStringLiteral("secrets_in_keychain"), QJsonArray::fromStringList(document.secretsInKeychain));
    if (!document.secretsNotStored.isEmpty())
        object.insert(QStringLiteral("secrets_not_stored"), QJsonArray::fromStringList(document.secretsNotStored));
    if (!document.workspacePath.isEmpty())
        object.insert(QStringLiteral("workspace_path"), document.workspacePath);
    if (document.unsavedConfig) {
        object.insert(QStringLiteral("unsaved_config"),
            QJsonObject {{QStringLiteral("path"), document.unsavedConfig->path},
                {QStringLiteral("text"), QString::fromUtf8(document.unsavedConfig->text)}});
    }
    return object;
}

QByteArray serialize(const WorkspaceDocument &document)
{
    return QJsonDocument(toJson(document)).toJson(QJsonDocument::Indented);
}

Result<void> write(const QString &path, const WorkspaceDocument &document)
{
    return common::AtomicFile::write(path, serialize(document), common::AtomicFile::Access::Secret);
}

} // namespace jwb::workspace::WorkspaceFormat
