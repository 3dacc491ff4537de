#pragma once

#include "common/Result.h"

#include <QString>

namespace jwb::ui {

/// Reads a file that holds a token (or a Bearer header, a cookie, a JWS JSON document) as UTF-8 text.
/// Files larger than the limit, binary files and unreadable paths become an Error with a sentence that
/// names the file, ready for an error dialog.
namespace TokenFile {
inline constexpr qint64 kMaxBytes = 1024 * 1024;

[[nodiscard]] common::Result<QString> read(const QString &path, qint64 maxBytes = kMaxBytes);
} // namespace TokenFile

} // namespace jwb::ui
