#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "crypto/Key.h"

#include <QByteArray>

namespace jwb::crypto {

/// Whose acceptance rules an EdDSA (Ed25519) verification follows. Every other algorithm has one set of rules and
/// ignores it. Both flavours check RFC 8032 §5.1.7's cofactorless equation [S]B = R + [k]A, require S < L and
/// compare R as bytes; they differ only on points of small order and non-canonical encodings:
///
/// - Strict (this tool's verifier: `verify`, `verify --batch`, the app): libsodium's crypto_sign_verify_detached,
///   which also refuses a public key A that is a point of small order or encodes y >= p, and a signature whose R
///   is a point of small order. A signature verifies under Strict only if it verifies under GoJose.
/// - GoJose (the KrakenD simulator): what go-jose, and so KrakenD, accepts through Go's crypto/ed25519. OpenSSL
///   3's EVP Ed25519 follows the same rules (any valid point as A, small-order and non-canonical ones included);
///   tst_signature checks that on forgeries recorded from Go.
enum class VerifyFlavour {
    Strict,
    GoJose,
};

/// Raw JWS signature primitives (RFC 7518 §3). HS* and RS* run through QCA (qca-ossl provider); PS* and ES*
/// through OpenSSL 3 EVP, since QCA has none of them; EdDSA verification through libsodium (VerifyFlavour::Strict,
/// about 2.3 times faster than OpenSSL 3.0's) or OpenSSL (VerifyFlavour::GoJose), EdDSA signing through OpenSSL.
/// Keys are always parsed by OpenSSL.
///
/// Formats are JWS's: ECDSA signatures are raw R||S of exactly twice the curve's coordinate size (DER or any
/// other length is rejected), PSS uses MGF1 with the same hash and a salt as long as the hash, and HMAC tags
/// are compared in constant time. The key must fit the algorithm: family, curve, and private for signing. An
/// algorithm whose known-answer self-test failed (crypto::Backend; the first sign or verify of an algorithm runs
/// its test) is refused with backend_unavailable.
namespace Signature {
/// Error codes: key_algorithm_mismatch, key_not_private, backend_unavailable, sign_failed.
[[nodiscard]] common::Result<QByteArray> sign(Algorithm alg, const Key &key, const QByteArray &signingInput);
/// Error codes: key_algorithm_mismatch, signature_length, bad_signature, backend_unavailable.
[[nodiscard]] common::Result<void> verify(Algorithm alg, const Key &key, const QByteArray &signingInput,
    const QByteArray &signature, VerifyFlavour flavour = VerifyFlavour::Strict);
/// Whether `key` can serve `alg` (for signing when `forSigning`): a typed explanation when it cannot.
[[nodiscard]] common::Result<void> checkKeyFits(Algorithm alg, const Key &key, bool forSigning);
/// libsodium initialised (sodium_init, once per process); false only if it cannot be (then Strict EdDSA refuses).
[[nodiscard]] bool ed25519SodiumReady();
} // namespace Signature

} // namespace jwb::crypto
