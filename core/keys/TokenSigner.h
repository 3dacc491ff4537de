#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "keys/JwkSet.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::keys {

/// A compact JWS made by TokenSigner, with what went into it.
struct SignedToken
{
    QString token;
    QJsonObject header;
    QJsonObject payload;
    QString keyKid; ///< kid of the key used (may be empty)
    QStringList warnings; ///< e.g. an HMAC secret shorter than the hash (RFC 7518 §3.2)
};

/// Signs claims into a compact JWS with a key from a key set: the one behind `sign` (CLI), the Composer and
/// the test-token matrix. The header is {"alg", "typ": "JWT", "kid" when known} plus `extraHeader`, which may
/// not change alg. `none` cannot be expressed: crypto::Algorithm has no such value.
namespace TokenSigner {

/// The first key of `set` that may sign with `alg`; with `kid`, the key with that kid (a single-key set is
/// used whatever its kid). Errors: key_algorithm_mismatch, key_not_private (from checkKeyFits), unknown_kid.
[[nodiscard]] common::Result<Jwk> chooseKey(
    crypto::Algorithm alg, const JwkSet &set, const std::optional<QString> &kid);

/// Signs `payload`. `kid`, when given, also goes into the header (else the chosen key's kid, if any).
[[nodiscard]] common::Result<SignedToken> sign(crypto::Algorithm alg, const JwkSet &set, const QJsonObject &payload,
    const QJsonObject &extraHeader = {}, const std::optional<QString> &kid = std::nullopt);

/// Signs exact header and payload bytes (already JSON) with `key`: for test tokens whose bytes matter.
[[nodiscard]] common::Result<QString> signBytes(
    crypto::Algorithm alg, const crypto::Key &key, const QByteArray &headerJson, const QByteArray &payloadJson);

} // namespace TokenSigner

} // namespace jwb::keys
