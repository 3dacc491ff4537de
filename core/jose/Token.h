#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace jwb::jose {

enum class TokenKind { Unknown, Jws, Jwe };

enum class SegmentRole { Header, Payload, Signature, EncryptedKey, InitializationVector, Ciphertext, Tag, Extra };

[[nodiscard]] QString segmentRoleName(SegmentRole role);

/// One dot-separated part of a compact token, exactly as it appeared (the signing input is built from these
/// raw bytes, never from re-serialised JSON).
struct Segment
{
    SegmentRole role = SegmentRole::Extra;
    QByteArray raw; ///< base64url text as given
    qsizetype offset = 0; ///< 0-based character offset of the segment within Token::compact
    QByteArray decoded; ///< valid only when decodedOk
    bool decodedOk = false;
};

/// Why a token could not be decoded completely. `segment` is the 0-based segment index (or -1 when the
/// problem is the overall structure) and `offset` the 0-based character offset within Token::compact
/// (-1 when it does not point at a character). For JSON errors, `jsonOffset` is the byte offset within
/// the decoded segment.
struct ParseIssue
{
    QString code;
    QString message;
    int segment = -1;
    qsizetype offset = -1;
    qsizetype jsonOffset = -1;
};

/// One part of an SD-JWT (RFC 9901) after the issuer-signed JWT: a Disclosure or the Key Binding JWT, exactly as
/// given, with its 0-based character offset within Token::compact.
struct SdJwtPart
{
    QByteArray raw;
    qsizetype offset = 0;
};

/// A token decoded as far as it would go. Produced by TokenParser; immutable by convention afterwards.
struct Token
{
    TokenKind kind = TokenKind::Unknown;
    QString input; ///< what the user gave, untouched
    QByteArray compact; ///< the compact token after removing Bearer/header/cookie wrappers and whitespace
    qsizetype inputOffset = 0; ///< where `compact` starts within `input`
    QString source; ///< how it was found: "token", "Bearer", "Authorization header", "cookie NAME", ...
    bool hadInnerWhitespace = false;
    QList<Segment> segments;

    bool headerOk = false;
    QJsonObject header;
    bool payloadIsJson = false; ///< payload decoded to a JSON object (always false for JWE)
    QJsonObject payload;
    QByteArray payloadBytes; ///< decoded payload (JWS) whether JSON or not
    QByteArray signature; ///< decoded signature (JWS)
    QList<ParseIssue> issues;

    /// SD-JWT (RFC 9901) `<JWT>~<Disclosure>~...~[<KB-JWT>]`: `compact` holds all of it, `segments` only the
    /// issuer-signed JWT, which ends at `sdJwtTilde` (the offset of the first '~'; -1 when this is no SD-JWT).
    qsizetype sdJwtTilde = -1;
    QList<SdJwtPart> disclosures;
    SdJwtPart keyBinding; ///< the KB-JWT; raw is empty when none was presented

    [[nodiscard]] bool isComplete() const { return issues.isEmpty() && kind != TokenKind::Unknown; }
    [[nodiscard]] QByteArray signingInput() const;
    [[nodiscard]] QString alg() const { return header.value(QLatin1String("alg")).toString(); }
    [[nodiscard]] QString kid() const { return header.value(QLatin1String("kid")).toString(); }
    [[nodiscard]] const Segment *segment(SegmentRole role) const;
    [[nodiscard]] bool isSdJwt() const { return sdJwtTilde >= 0; }
    /// The issuer-signed JWT of an SD-JWT (the whole compact token otherwise).
    [[nodiscard]] QByteArray issuerSignedJwt() const { return isSdJwt() ? compact.left(sdJwtTilde) : compact; }
    /// What a KB-JWT's sd_hash covers: the SD-JWT up to and including the last '~' (RFC 9901 section 4.3.1).
    [[nodiscard]] QByteArray sdHashInput() const;
};

} // namespace jwb::jose
