#include "keys/Thumbprint.h"

#include "jose/Base64Url.h"

namespace jwb::keys::Thumbprint {

using crypto::KeyType;

QByteArray canonicalJson(const crypto::Key &key)
{
    auto b = [](const QByteArray &v) { return jose::Base64Url::encode(v); };
    switch (key.type()) {
    case KeyType::Rsa: {
        const auto c = key.rsa();
        return "{\"e\":\"" + b(c.e) + "\",\"kty\":\"RSA\",\"n\":\"" + b(c.n) + "\"}";
    }
    case KeyType::Ec: {
        const auto c = key.ec();
        return "{\"crv\":\"" + crypto::curveName(c.curve).toLatin1() + "\",\"kty\":\"EC\",\"x\":\"" + b(c.x)
            + "\",\"y\":\"" + b(c.y) + "\"}";
    }
    case KeyType::Okp: {
        const auto c = key.okp();
        return "{\"crv\":\"" + crypto::curveName(c.curve).toLatin1() + "\",\"kty\":\"OKP\",\"x\":\"" + b(c.x) + "\"}";
    }
    case KeyType::Oct:
        return "{\"k\":\"" + b(key.secret()) + "\",\"kty\":\"oct\"}";
    }
    return {};
}

QByteArray compute(const crypto::Key &key, ThumbprintHash hash)
{
    const auto algo = hash == ThumbprintHash::Sha384 ? QCryptographicHash::Sha384
        : hash == ThumbprintHash::Sha512             ? QCryptographicHash::Sha512
                                                     : QCryptographicHash::Sha256;
    return QCryptographicHash::hash(canonicalJson(key), algo);
}

QString base64Url(const crypto::Key &key, ThumbprintHash hash)
{
    return QString::fromLatin1(jose::Base64Url::encode(compute(key, hash)));
}

common::Result<ThumbprintHash> hashFromName(const QString &name)
{
    const QString n = name.toLower().remove(u'-');
    if (n == u"sha256")
        return ThumbprintHash::Sha256;
    if (n == u"sha384")
        return ThumbprintHash::Sha384;
    if (n == u"sha512")
        return ThumbprintHash::Sha512;
    return common::Result<ThumbprintHash>::failure(
        QStringLiteral("usage"), QStringLiteral("unknown hash \"%1\": use sha256, sha384 or sha512").arg(name));
}

QString spkiPin(const QByteArray &spkiDer)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(spkiDer, QCryptographicHash::Sha256).toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace jwb::keys::Thumbprint
