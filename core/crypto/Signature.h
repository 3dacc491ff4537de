#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "crypto/Key.h"

#include <QByteArray>

namespace jwb::crypto {

/// Raw JWS signature primitives (RFC 7518 §3). HS* and RS* run through QCA (qca-ossl provider); PS*, ES* and
/// EdDSA through OpenSSL 3 EVP, since QCA has none of them.
///
/// Formats are JWS's: ECDSA signatures are raw R||S of exactly twice the curve's coordinate size (DER or any
/// other length is rejected), PSS uses MGF1 with the same hash and a salt as long as the hash, and HMAC tags
/// are compared in constant time. The key must fit the algorithm: family, curve, and private for signing.
namespace Signature {
/// Error codes: key_algorithm_mismatch, key_not_private, backend_unavailable, sign_failed.
[[nodiscard]] common::Result<QByteArray> sign(Algorithm alg, const Key &key, const QByteArray &signingInput);
/// Error codes: key_algorithm_mismatch, signature_length, bad_signature, backend_unavailable.
[[nodiscard]] common::Result<void> verify(
    Algorithm alg, const Key &key, const QByteArray &signingInput, const QByteArray &signature);
/// Whether `key` can serve `alg` (for signing when `forSigning`): a typed explanation when it cannot.
[[nodiscard]] common::Result<void> checkKeyFits(Algorithm alg, const Key &key, bool forSigning);
} // namespace Signature

} // namespace jwb::crypto
