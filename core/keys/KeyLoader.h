#pragma once

#include "common/Result.h"
#include "keys/JwkSet.h"

#include <QByteArray>
#include <QString>

namespace jwb::keys {

enum class SecretEncoding { Utf8, Base64, Base64Url, Hex };

/// Reads keys from whatever a user has: a JWK Set, a JWK, PEM (SPKI, PKCS#1, PKCS#8, SEC1, certificates,
/// several blocks) or DER, detected from the content. Files are limited to 4 MiB.
namespace KeyLoader {
[[nodiscard]] common::Result<JwkSet> load(const QByteArray &data);
[[nodiscard]] common::Result<JwkSet> loadFile(const QString &path);
[[nodiscard]] common::Result<SecretEncoding> encodingFromName(const QString &name);
[[nodiscard]] common::Result<JwkSet> fromSecret(const QByteArray &text, SecretEncoding encoding);
} // namespace KeyLoader

} // namespace jwb::keys
