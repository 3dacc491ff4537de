#include "jose/Token.h"

namespace jwb::jose {

QString segmentRoleName(SegmentRole role)
{
    switch (role) {
    case SegmentRole::Header:
        return QStringLiteral("header");
    case SegmentRole::Payload:
        return QStringLiteral("payload");
    case SegmentRole::Signature:
        return QStringLiteral("signature");
    case SegmentRole::EncryptedKey:
        return QStringLiteral("encrypted key");
    case SegmentRole::InitializationVector:
        return QStringLiteral("initialization vector");
    case SegmentRole::Ciphertext:
        return QStringLiteral("ciphertext");
    case SegmentRole::Tag:
        return QStringLiteral("authentication tag");
    case SegmentRole::Extra:
        return QStringLiteral("extra segment");
    }
    return QString();
}

QByteArray Token::signingInput() const
{
    if (segments.size() < 2)
        return {};
    return segments[0].raw + '.' + segments[1].raw;
}

QByteArray Token::sdHashInput() const
{
    if (!isSdJwt())
        return {};
    return compact.left(compact.lastIndexOf('~') + 1);
}

const Segment *Token::segment(SegmentRole role) const
{
    for (const auto &s : segments)
        if (s.role == role)
            return &s;
    return nullptr;
}

} // namespace jwb::jose
