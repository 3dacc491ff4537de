#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace jwb::jose {

/// Strict base64url (RFC 7515 §2, RFC 4648 §5): alphabet A-Z a-z 0-9 '-' '_', no padding, no whitespace,
/// and canonical (the unused low bits of the last character are zero). A failure carries the 0-based
/// character offset of the first bad character in details["offset"].
namespace Base64Url {
[[nodiscard]] QByteArray encode(const QByteArray &data);
[[nodiscard]] common::Result<QByteArray> decode(QByteArrayView text);
/// The same strict rules without messages or allocation, for hot loops: decodes `n` characters into `out`
/// (room for n * 3 / 4 bytes) and returns the decoded length, or -1 where decode() would fail.
[[nodiscard]] qsizetype decodeInto(const char *text, qsizetype n, unsigned char *out);
/// Lenient decoding for keys that users paste: also accepts standard base64, padding and whitespace.
[[nodiscard]] common::Result<QByteArray> decodeLenient(QByteArrayView text);
} // namespace Base64Url

} // namespace jwb::jose
