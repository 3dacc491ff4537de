#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace jwb::common {

/// The one way this project writes a user's file: the bytes go to a temporary file next to `path`, unbuffered,
/// so that a short write (disk full, file-size limit, I/O error) is seen before anything is replaced; only then
/// is the temporary file synced and renamed over `path`. On any failure `path` is untouched and the temporary
/// file removed. Errors: unwritable_file, with the path and the system's reason.
namespace AtomicFile {
[[nodiscard]] Result<void> write(const QString &path, const QByteArray &bytes);
} // namespace AtomicFile

} // namespace jwb::common
