#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace jwb::crypto {

/// The JWS algorithms KrakenD accepts (RFC 7518 §3 plus EdDSA from RFC 8037). `none` is deliberately not
/// representable: there is no way to ask this engine to accept an unsecured token.
enum class Algorithm { HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA };

enum class AlgorithmFamily { Hmac, RsaPkcs1, RsaPss, Ecdsa, EdDsa };

enum class KeyType { Oct, Rsa, Ec, Okp };

enum class Curve { None, P256, P384, P521, Ed25519 };

namespace Algorithms {
[[nodiscard]] const QList<Algorithm> &all();
/// Exact, case-sensitive lookup of a JWA name ("RS256"); nullopt for "none", "rs256" or anything unknown.
[[nodiscard]] std::optional<Algorithm> fromName(const QString &name);
[[nodiscard]] QString name(Algorithm alg);
[[nodiscard]] AlgorithmFamily family(Algorithm alg);
[[nodiscard]] KeyType keyType(Algorithm alg);
/// The curve an EC/OKP algorithm requires (ES256 → P-256, EdDSA → Ed25519); Curve::None otherwise.
[[nodiscard]] Curve requiredCurve(Algorithm alg);
/// Digest size in bits (256, 384, 512); 512 for EdDSA (SHA-512 inside Ed25519).
[[nodiscard]] int hashBits(Algorithm alg);
/// The algorithms a key of this type and curve can serve.
[[nodiscard]] QList<Algorithm> forKey(KeyType type, Curve curve);
/// "QCA" or "OpenSSL": which backend implements the algorithm (design card: QCA has no ECDSA, PSS, EdDSA).
[[nodiscard]] QString backendName(Algorithm alg);
} // namespace Algorithms

[[nodiscard]] QString keyTypeName(KeyType type); ///< JWK kty: "oct", "RSA", "EC", "OKP"
[[nodiscard]] QString curveName(Curve curve); ///< JWK crv: "P-256", "P-384", "P-521", "Ed25519", ""
[[nodiscard]] std::optional<Curve> curveFromName(const QString &name);
[[nodiscard]] int curveCoordinateBytes(Curve curve); ///< 32, 48, 66, 32

} // namespace jwb::crypto
