#include "keys/KeyGenerator.h"

#include "keys/Thumbprint.h"

namespace jwb::keys {

QString KeyIdRule::kidFor(const crypto::Key &key) const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Fixed:
        return text.trimmed();
    case Kind::Thumbprint: {
        const QString thumbprint = Thumbprint::base64Url(key);
        return text + (length < 0 ? thumbprint : thumbprint.left(length));
    }
    }
    return QString();
}

namespace KeyGenerator {

common::Result<Jwk> generate(crypto::Algorithm alg, const KeyIdRule &kid, int rsaBits)
{
    const crypto::KeyType type = crypto::Algorithms::keyType(alg);
    int bits = 0;
    if (type == crypto::KeyType::Rsa)
        bits = rsaBits;
    else if (type == crypto::KeyType::Oct)
        bits = crypto::Algorithms::hashBits(alg);
    auto key = crypto::Key::generate(type, bits, crypto::Algorithms::requiredCurve(alg));
    if (!key)
        return key.error();
    return Jwk::fromKey(key.value(), kid.kidFor(key.value()), crypto::Algorithms::name(alg), QStringLiteral("sig"));
}

common::Result<Jwk> generateForEcdh(crypto::Curve curve, const KeyIdRule &kid)
{
    const bool okp = curve == crypto::Curve::X25519 || curve == crypto::Curve::X448;
    if (!okp && curve != crypto::Curve::P256 && curve != crypto::Curve::P384 && curve != crypto::Curve::P521)
        return common::Result<Jwk>::failure(QStringLiteral("unsupported_curve"),
            QStringLiteral("ECDH-ES keys are on P-256, P-384, P-521, X25519 or X448, not %1")
                .arg(crypto::curveName(curve).isEmpty() ? QStringLiteral("no curve") : crypto::curveName(curve)));
    auto key = crypto::Key::generate(okp ? crypto::KeyType::Okp : crypto::KeyType::Ec, 0, curve);
    if (!key)
        return key.error();
    return Jwk::fromKey(key.value(), kid.kidFor(key.value()), QStringLiteral("ECDH-ES"), QStringLiteral("enc"));
}

} // namespace KeyGenerator

} // namespace jwb::keys
