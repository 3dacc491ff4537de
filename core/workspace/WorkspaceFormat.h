#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace jwb::workspace {

/// A krakend.json with edits not saved yet, kept in the crash-recovery copy.
struct UnsavedConfig
{
    QString path;
    QByteArray text;

    friend bool operator==(const UnsavedConfig &, const UnsavedConfig &) = default;
};

/// Everything a *.jwb.json holds, as the pages hand it over and take it back. The pages' own parts (inspector,
/// composer, gateway) stay JSON: the pages read and write them.
struct WorkspaceDocument
{
    QString id; ///< names the workspace's secrets in the keychain
    QDateTime savedAt;
    QList<std::pair<QString, QString>> tokens; ///< (title, text)
    int currentToken = 0;
    QJsonObject inspector; ///< evaluate_at, tree, tab, verify_key_source
    QJsonArray keys; ///< KeyRing::toJson: key sources, secrets left out
    QJsonArray trust; ///< TrustStore::toJson: one entry per origin
    QJsonObject keyChoices; ///< Session::choicesToJson
    QJsonObject composer;
    QJsonObject gateway;
    int page = 0;
    QStringList secretsInKeychain; ///< source ids whose secret the keychain holds
    QStringList secretsNotStored; ///< source ids whose secret is nowhere
    QString workspacePath; ///< the last session and the crash copy: the workspace file the session was
    std::optional<UnsavedConfig> unsavedConfig; ///< the crash copy only

    /// Read only: origins whose format-1 sources disagreed about TLS settings; the first source's were kept.
    QStringList trustConflicts;
};

/// The workspace file format. It stays format 1 and only gains members ("trust", "key_choices"), so that older
/// builds still read what newer ones write: each remote source keeps its TLS settings in its own "network" member
/// (written from its origin's trust entry), and a file without "trust" has them migrated from there.
///
/// Secrets are never written: toJson() leaves out the text of every source that holds one, whatever it is given.
///
/// Errors are typed (code and details); the UI words them:
/// - cannot_read {path, reason}; too_large {path, size, max}; invalid_json {file, line, column, reason};
///   not_workspace {file}; unsupported_workspace {version, supported};
/// - invalid_workspace: the message names the member ("\"tokens\" must be an array", "keys[1]: unknown kind ...").
namespace WorkspaceFormat {
inline constexpr int kVersion = 1;
inline constexpr qint64 kMaxBytes = 16 * 1024 * 1024;

/// Reads and checks a workspace file of at most `maxBytes`.
[[nodiscard]] common::Result<WorkspaceDocument> read(const QString &path, qint64 maxBytes = kMaxBytes);
/// The document of `bytes` (named `fileName` in errors).
[[nodiscard]] common::Result<WorkspaceDocument> parse(const QByteArray &bytes, const QString &fileName);
/// Checks a workspace object and migrates per-source "network" settings into "trust" when it has none.
[[nodiscard]] common::Result<WorkspaceDocument> fromJson(const QJsonObject &object);
[[nodiscard]] QJsonObject toJson(const WorkspaceDocument &document);
/// The bytes write() writes (indented JSON).
[[nodiscard]] QByteArray serialize(const WorkspaceDocument &document);
/// Writes through AtomicFile, 0600 whatever the umask (workspaces hold bearer tokens). Errors: unwritable_file.
[[nodiscard]] common::Result<void> write(const QString &path, const WorkspaceDocument &document);
} // namespace WorkspaceFormat

} // namespace jwb::workspace
