#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace jwb::common {

/// The one way this project reads a file a user or a config names (a key, a JWK Set, jwk_local_path, a
/// krakend.json, a token file): only a regular file is read, at most `maxBytes` of it, through a bounded buffer,
/// so that /dev/zero, a FIFO, a directory or a huge file answer at once with a clear error and bounded memory.
/// The file is opened without blocking (a FIFO with no writer does not hang) and checked after opening, so
/// that what is read is what was checked.
///
/// Errors (the message names the path, never the content):
/// - unreadable_file: "cannot read PATH: no such file or directory" / "permission denied" / "is a directory"
///   (or the system's reason);
/// - not_regular_file: "PATH is not a regular file (a FIFO / a device / a socket)";
/// - input_too_large: "PATH is larger than N MiB".
namespace BoundedFile {
inline constexpr qint64 kKeyFileMax = 4 * 1024 * 1024; ///< keys, JWK Sets, jwk_local_path, CA files
inline constexpr qint64 kDefaultMax = 16 * 1024 * 1024;

[[nodiscard]] Result<QByteArray> read(const QString &path, qint64 maxBytes = kDefaultMax);
/// The same checks as read() (a regular file, opened without blocking, checked after opening), without a size
/// limit: an open file for a reader that streams it (verify --batch), so its memory does not grow with the file.
[[nodiscard]] Result<std::unique_ptr<QFile>> open(const QString &path);
/// "4 MiB", "512 KiB", "100 bytes": how the limits are named in messages.
[[nodiscard]] QString sizeText(qint64 bytes);
} // namespace BoundedFile

} // namespace jwb::common
