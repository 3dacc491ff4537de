#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace jwb::common {

/// The one way this project writes a user's file: the bytes go to a temporary file next to the file, unbuffered,
/// so that a short write (disk full, file-size limit, I/O error) is seen before anything is replaced; only then
/// is the temporary file synced and renamed over the file. On any failure the file is untouched and the temporary
/// file removed. Errors: unwritable_file, with the path and the system's reason.
///
/// Modes: a file that exists keeps its permissions; a new file gets the usual 0666 less the umask; a file that
/// holds secrets (private keys, shared secrets, bearer tokens) is 0600 whatever the umask and whatever it was.
/// A symbolic link is followed: the content of its final target is replaced, and the link stays a link.
namespace AtomicFile {
enum class Access {
    Default, ///< keep the mode of the file it replaces; a new file: 0666 less the umask
    Secret, ///< 0600 (owner read and write only), whatever the umask or the replaced file's mode
};

[[nodiscard]] Result<void> write(const QString &path, const QByteArray &bytes, Access access = Access::Default);
/// Writes with exactly `permissions` (a backup that keeps the mode of the file it backs up).
[[nodiscard]] Result<void> write(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions);

/// Where a write to `path` lands: the final target when `path` is a symbolic link (also a dangling one, relative
/// targets resolved against the link's folder), otherwise `path` itself.
[[nodiscard]] QString resolvedPath(const QString &path);

/// The mode of `path` (following links) as owner/group/other bits, to give a copy the same mode; empty when the
/// file does not exist.
[[nodiscard]] QFileDevice::Permissions permissionsOf(const QString &path);

/// Creates `dir` (and its parents) when needed and makes it 0700: the folder of files that hold secrets.
/// Errors: unwritable_file.
[[nodiscard]] Result<void> makePrivateDirectory(const QString &dir);

/// Owner read and write only (0600).
inline constexpr QFileDevice::Permissions kSecretPermissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace AtomicFile

} // namespace jwb::common
