#include "crypto/Algorithm.h"

namespace jwb::crypto {

namespace Algorithms {

const QList<Algorithm> &all()
{
    static const QList<Algorithm> list = {Algorithm::HS256, Algorithm::HS384, Algorithm::HS512, Algorithm::RS256,
        Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::PS384, Algorithm::PS512, Algorithm::ES256,
        Algorithm::ES384, Algorithm::ES512, Algorithm::EdDSA, Algorithm::ES256K, Algorithm::Ed25519, Algorithm::Ed448};
    return list;
}

const QList<Algorithm> &krakend()
{
    // In the order of KrakenD's schema enum (and of krakend-jose's error messages).
    static const QList<Algorithm> list = {Algorithm::EdDSA, Algorithm::HS256, Algorithm::HS384, Algorithm::HS512,
        Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::ES256, Algorithm::ES384, Algorithm::ES512,
        Algorithm::PS256, Algorithm::PS384, Algorithm::PS512};
    return list;
}

bool isKrakend(Algorithm alg)
{
    return krakend().contains(alg);
}

QString name(Algorithm alg)
{
    switch (alg) {
    case Algorithm::HS256:
        return QStringLiteral("HS256");
    case Algorithm::HS384:
        return QStringLiteral("HS384");
    case Algorithm::HS512:
        return QStringLiteral("HS512");
    case Algorithm::RS256:
        return QStringLiteral("RS256");
    case Algorithm::RS384:
        return QStringLiteral("RS384");
    case Algorithm::RS512:
        return QStringLiteral("RS512");
    case Algorithm::PS256:
        return QStringLiteral("PS256");
    case Algorithm::PS384:
        return QStringLiteral("PS384");
    case Algorithm::PS512:
        return QStringLiteral("PS512");
    case Algorithm::ES256:
        return QStringLiteral("ES256");
    case Algorithm::ES384:
        return QStringLiteral("ES384");
    case Algorithm::ES512:
        return QStringLiteral("ES512");
    case Algorithm::EdDSA:
        return QStringLiteral("EdDSA");
    case Algorithm::ES256K:
        return QStringLiteral("ES256K");
    case Algorithm::Ed25519:
        return QStringLiteral("Ed25519");
    case Algorithm::Ed448:
        return QStringLiteral("Ed448");
    }
    return QString();
}

std::optional<Algorithm> fromName(const QString &text)
{
    for (Algorithm a : all())
        if (name(a) == text)
            return a;
    return std::nullopt;
}

std::optional<Algorithm> fromKrakendName(const QString &text)
{
    const auto alg = fromName(text);
    return alg && isKrakend(*alg) ? alg : std::nullopt;
}

AlgorithmFamily family(Algorithm alg)
{
    switch (alg) {
    case Algorithm::HS256:
    case Algorithm::HS384:
    case Algorithm::HS512:
        return AlgorithmFamily::Hmac;
    case Algorithm::RS256:
    case Algorithm::RS384:
    case Algorithm::RS512:
        return AlgorithmFamily::RsaPkcs1;
    case Algorithm::PS256:
    case Algorithm::PS384:
    case Algorithm::PS512:
        return AlgorithmFamily::RsaPss;
    case Algorithm::ES256:
    case Algorithm::ES384:
    case Algorithm::ES512:
    case Algorithm::ES256K:
        return AlgorithmFamily::Ecdsa;
    case Algorithm::EdDSA:
    case Algorithm::Ed25519:
    case Algorithm::Ed448:
        return AlgorithmFamily::EdDsa;
    }
    return AlgorithmFamily::Hmac;
}

KeyType keyType(Algorithm alg)
{
    switch (family(alg)) {
    case AlgorithmFamily::Hmac:
        return KeyType::Oct;
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        return KeyType::Rsa;
    case AlgorithmFamily::Ecdsa:
        return KeyType::Ec;
    case AlgorithmFamily::EdDsa:
        return KeyType::Okp;
    }
    return KeyType::Oct;
}

Curve requiredCurve(Algorithm alg)
{
    switch (alg) {
    case Algorithm::ES256:
        return Curve::P256;
    case Algorithm::ES384:
        return Curve::P384;
    case Algorithm::ES512:
        return Curve::P521;
    case Algorithm::ES256K:
        return Curve::Secp256k1;
    case Algorithm::EdDSA:
    case Algorithm::Ed25519:
        return Curve::Ed25519;
    case Algorithm::Ed448:
        return Curve::Ed448;
    default:
        return Curve::None;
    }
}

bool acceptsCurve(Algorithm alg, Curve curve)
{
    if (alg == Algorithm::EdDSA)
        return curve == Curve::Ed25519 || curve == Curve::Ed448;
    return requiredCurve(alg) == curve;
}

QString curvesText(Algorithm alg)
{
    if (alg == Algorithm::EdDSA)
        return QStringLiteral("Ed25519 or Ed448");
    return curveName(requiredCurve(alg));
}

int hashBits(Algorithm alg)
{
    switch (alg) {
    case Algorithm::HS256:
    case Algorithm::RS256:
    case Algorithm::PS256:
    case Algorithm::ES256:
    case Algorithm::ES256K:
        return 256;
    case Algorithm::HS384:
    case Algorithm::RS384:
    case Algorithm::PS384:
    case Algorithm::ES384:
        return 384;
    default:
        return 512;
    }
}

QList<Algorithm> forKey(KeyType type, Curve curve)
{
    QList<Algorithm> out;
    for (Algorithm a : all()) {
        if (keyType(a) != type)
            continue;
        if ((type == KeyType::Ec || type == KeyType::Okp) && !acceptsCurve(a, curve))
            continue;
        out.append(a);
    }
    return out;
}

QString backendName(Algorithm alg)
{
    const AlgorithmFamily f = family(alg);
    return f == AlgorithmFamily::Hmac || f == AlgorithmFamily::RsaPkcs1 ? QStringLiteral("QCA")
                                                                        : QStringLiteral("OpenSSL");
}

} // namespace Algorithms

QString keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::Oct:
        return QStringLiteral("oct");
    case KeyType::Rsa:
        return QStringLiteral("RSA");
    case KeyType::Ec:
        return QStringLiteral("EC");
    case KeyType::Okp:
        return QStringLiteral("OKP");
    }
    return QString();
}

QString curveName(Curve curve)
{
    switch (curve) {
    case Curve::P256:
        return QStringLiteral("P-256");
    case Curve::P384:
        return QStringLiteral("P-384");
    case Curve::P521:
        return QStringLiteral("P-521");
    case Curve::Ed25519:
        return QStringLiteral("Ed25519");
    case Curve::Secp256k1:
        return QStringLiteral("secp256k1");
    case Curve::Ed448:
        return QStringLiteral("Ed448");
    case Curve::X25519:
        return QStringLiteral("X25519");
    case Curve::X448:
        return QStringLiteral("X448");
    case Curve::None:
        break;
    }
    return QString();
}

std::optional<Curve> curveFromName(const QString &name)
{
    for (Curve c : {Curve::P256, Curve::P384, Curve::P521, Curve::Ed25519, Curve::Secp256k1, Curve::Ed448,
             Curve::X25519, Curve::X448})
        if (curveName(c) == name)
            return c;
    return std::nullopt;
}

int curveCoordinateBytes(Curve curve)
{
    switch (curve) {
    case Curve::P256:
    case Curve::Ed25519:
    case Curve::Secp256k1:
    case Curve::X25519:
        return 32;
    case Curve::Ed448:
        return 57;
    case Curve::X448:
        return 56;
    case Curve::P384:
        return 48;
    case Curve::P521:
        return 66;
    case Curve::None:
        break;
    }
    return 0;
}

} // namespace jwb::crypto
