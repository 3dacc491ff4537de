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

} // namespace KeyGenerator

} // namespace jwb::keys
