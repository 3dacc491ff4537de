#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace jwb::crypto {

/// The JWS algorithms this engine signs and verifies: the 13 KrakenD accepts (RFC 7518 §3 plus EdDSA from RFC 8037),
/// then ES256K (RFC 8812, secp256k1) and the fully specified Ed25519 and Ed448 of RFC 9864. `none` is deliberately
/// not representable: there is no way to ask this engine to accept an unsecured token.
enum class Algorithm {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    EdDSA,
    ES256K,
    Ed25519,
    Ed448
};

enum class AlgorithmFamily { Hmac, RsaPkcs1, RsaPss, Ecdsa, EdDsa };

enum class KeyType { Oct, Rsa, Ec, Okp };

/// X25519 and X448 (RFC 8037 section 3.2) are key-agreement curves for JWE ECDH-ES only: no JWS algorithm accepts them.
enum class Curve { None, P256, P384, P521, Ed25519, Secp256k1, Ed448, X25519, X448 };

namespace Algorithms {
/// Every algorithm of the engine (16), in enum order.
[[nodiscard]] const QList<Algorithm> &all();
/// The 13 KrakenD accepts (`jose.go` supportedAlgorithms), in its schema's order: all() without ES256K, Ed25519 and
/// Ed448.
[[nodiscard]] const QList<Algorithm> &krakend();
[[nodiscard]] bool isKrakend(Algorithm alg);
/// Exact, case-sensitive lookup of a JWA name ("RS256"); nullopt for "none", "rs256" or anything unknown.
[[nodiscard]] std::optional<Algorithm> fromName(const QString &name);
/// fromName, limited to what KrakenD accepts: a validator or signer `alg` of "ES256K" or "Ed25519" is unknown to it.
[[nodiscard]] std::optional<Algorithm> fromKrakendName(const QString &name);
[[nodiscard]] QString name(Algorithm alg);
[[nodiscard]] AlgorithmFamily family(Algorithm alg);
[[nodiscard]] KeyType keyType(Algorithm alg);
/// The curve an EC/OKP algorithm generates keys on (ES256 → P-256, ES256K → secp256k1, EdDSA and Ed25519 →
/// Ed25519, Ed448 → Ed448); Curve::None otherwise.
[[nodiscard]] Curve requiredCurve(Algorithm alg);
/// Whether a key on `curve` can serve `alg`: requiredCurve, except that EdDSA (RFC 8037) takes Ed25519 and Ed448.
[[nodiscard]] bool acceptsCurve(Algorithm alg, Curve curve);
/// The curves acceptsCurve allows, for messages ("P-256", "Ed25519 or Ed448"); empty for RSA and HMAC.
[[nodiscard]] QString curvesText(Algorithm alg);
/// Digest size in bits (256, 384, 512); 512 for EdDSA (SHA-512 inside Ed25519).
[[nodiscard]] int hashBits(Algorithm alg);
/// The algorithms a key of this type and curve can serve.
[[nodiscard]] QList<Algorithm> forKey(KeyType type, Curve curve);
/// "QCA" or "OpenSSL": which backend implements the algorithm (design card: QCA has no ECDSA, PSS, EdDSA).
[[nodiscard]] QString backendName(Algorithm alg);
} // namespace Algorithms

[[nodiscard]] QString keyTypeName(KeyType type); ///< JWK kty: "oct", "RSA", "EC", "OKP"
[[nodiscard]] QString curveName(
    Curve curve); ///< JWK crv: "P-256", "P-384", "P-521", "secp256k1", "Ed25519", "Ed448", "X25519", "X448", ""
[[nodiscard]] std::optional<Curve> curveFromName(const QString &name);
[[nodiscard]] int curveCoordinateBytes(
    Curve curve); ///< 32, 48, 66, 32 (P-256, secp256k1, Ed25519, X25519), 57 (Ed448), 56 (X448)

} // namespace jwb::crypto
