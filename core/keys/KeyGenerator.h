#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "keys/Jwk.h"

#include <QString>

namespace jwb::keys {

/// How a generated key gets its kid.
struct KeyIdRule
{
    enum class Kind {
        None, ///< no kid
        Fixed, ///< `text` as it is (trimmed; empty means no kid)
        Thumbprint, ///< `text` + the key's RFC 7638 thumbprint (base64url), cut to `length` characters
    };
    Kind kind = Kind::Thumbprint;
    QString text;
    int length = -1; ///< Thumbprint: how many of its characters (-1: all 43)

    [[nodiscard]] static KeyIdRule none() { return {Kind::None, QString(), -1}; }
    [[nodiscard]] static KeyIdRule fixed(const QString &kid) { return {Kind::Fixed, kid, -1}; }
    [[nodiscard]] static KeyIdRule thumbprint(const QString &prefix = {}, int length = -1)
    {
        return {Kind::Thumbprint, prefix, length};
    }
    /// The kid this rule gives `key`.
    [[nodiscard]] QString kidFor(const crypto::Key &key) const;
};

/// The one key generator: a fresh key for a JWS algorithm (RSA of `rsaBits` for RS* and PS*, EC on the
/// algorithm's curve, Ed25519, or a secret as long as the hash for HS*), as a private JWK with the algorithm as
/// `alg`, `use` "sig" and a kid by `kid`. RSA generation cannot be interrupted (OpenSSL): run it as a Jobs work
/// function and drop the result when cancelled.
namespace KeyGenerator {

inline constexpr int kDefaultRsaBits = 2048;

[[nodiscard]] common::Result<Jwk> generate(
    crypto::Algorithm alg, const KeyIdRule &kid = KeyIdRule::thumbprint(), int rsaBits = kDefaultRsaBits);

/// A key-agreement key for JWE ECDH-ES (RFC 7518 section 4.6, RFC 8037 section 3.2): EC on P-256/384/521 or OKP on
/// X25519/X448, as a private JWK with alg "ECDH-ES" and use "enc". It never signs. Other curves: "unsupported_curve".
[[nodiscard]] common::Result<Jwk> generateForEcdh(crypto::Curve curve, const KeyIdRule &kid = KeyIdRule::thumbprint());

} // namespace KeyGenerator

} // namespace jwb::keys
