#pragma once

#include "common/Result.h"
#include "jose/Token.h"

namespace jwb::jose {

/// Turns what a user pasted into a Token, decoding as far as possible.
///
/// Accepts a raw compact JWS (3 segments) or JWE (5 segments), surrounded by whitespace or quotes, behind a
/// `Bearer ` prefix (any case), a whole `Authorization: Bearer ...` header line, a `Cookie:` header or a
/// `name=value` cookie pair, and the flattened JWS JSON serialization. Every segment is decoded with strict
/// base64url; the header (and a JWS payload) is parsed as JSON. Problems do not stop the parse: each one is
/// recorded in Token::issues with the segment and character offset, and everything else is still decoded.
class TokenParser
{
public:
    [[nodiscard]] static Token parse(const QString &input);
    /// Like parse(), but a token with any issue becomes an Error (code and message of the first issue,
    /// details: segment, offset, json_offset).
    [[nodiscard]] static common::Result<Token> parseStrict(const QString &input);
    /// The Error that parseStrict() would return for an incomplete token.
    [[nodiscard]] static common::Error issueToError(const Token &token);
};

} // namespace jwb::jose
