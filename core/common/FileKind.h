#pragma once

#include <QByteArray>
#include <QString>

namespace jwb::common {

/// What a file (or a dropped text) holds, so that one "Open" can route it to the right place: a token goes to
/// the inspector, keys to the key ring, a krakend.json to the gateway view, a workspace replaces the session.
enum class FileKind {
    Token, ///< a JWT/JWE, a Bearer or Authorization header line, a cookie, a JWS JSON serialization
    Key, ///< PEM (keys, certificates), DER, a single JWK
    KeySet, ///< a JWK Set {"keys": [...]}
    KrakendConfig, ///< a KrakenD configuration (version + endpoints / extra_config)
    Workspace, ///< a JWT Workbench workspace (*.jwb.json)
    Unknown,
};

namespace FileKinds {
/// The marker member of a workspace file.
inline constexpr char kWorkspaceMarker[] = "jwt_workbench_workspace";

/// Decides from the content (the file name only breaks ties: *.jwb.json); a leading UTF-8 byte order mark is
/// ignored. Never fails: text that is nothing else is a Token, so that the inspector can say what is wrong with it.
[[nodiscard]] FileKind classify(const QByteArray &content, const QString &fileName = {});
/// Whether `content` can be JSON text at all: past a UTF-8 byte order mark and white space comes '{' or '['.
/// (What "Open KrakenD Config" requires before anything else; such a file is never sent anywhere else.)
[[nodiscard]] bool looksLikeJson(const QByteArray &content);
[[nodiscard]] QString name(FileKind kind); ///< "token", "key", "key set", "KrakenD config", "workspace", "unknown"
} // namespace FileKinds

} // namespace jwb::common
