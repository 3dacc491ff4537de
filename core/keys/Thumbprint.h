#pragma once

#include "common/Result.h"
#include "crypto/Key.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonObject>

namespace jwb::keys {

enum class ThumbprintHash { Sha256, Sha384, Sha512 };

/// RFC 7638 JWK thumbprints: the hash of the key's required members, in lexicographic order, without
/// whitespace (RSA: e, kty, n; EC: crv, kty, x, y; OKP: crv, kty, x; oct: k, kty).
namespace Thumbprint {
[[nodiscard]] QByteArray canonicalJson(const crypto::Key &key);
[[nodiscard]] QByteArray compute(const crypto::Key &key, ThumbprintHash hash = ThumbprintHash::Sha256);
/// base64url (unpadded) of compute().
[[nodiscard]] QString base64Url(const crypto::Key &key, ThumbprintHash hash = ThumbprintHash::Sha256);
[[nodiscard]] common::Result<ThumbprintHash> hashFromName(const QString &name); ///< sha256|sha384|sha512
/// KrakenD jwk_fingerprints / HPKP pin: SHA-256 of DER SubjectPublicKeyInfo, URL-safe base64 with padding.
[[nodiscard]] QString spkiPin(const QByteArray &spkiDer);
} // namespace Thumbprint

} // namespace jwb::keys
