#pragma once

#include "common/Result.h"
#include "keys/Jwk.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace jwb::krakend {

/// go-jose v3 as KrakenD uses it: JWK and JWK Set decoding (JSONWebKey.UnmarshalJSON), JWS parsing
/// (ParseSigned) and the signing input it verifies. Error texts are go-jose's (or encoding/json's), which KrakenD
/// logs after "Unable to validate the token: ".
namespace GoJose {

/// go-jose base64URLDecode: trailing '=' trimmed, then RawURLEncoding (non-strict: '\r', '\n' skipped, unused
/// low bits not checked). On failure `error` gets Go's text.
[[nodiscard]] std::optional<QByteArray> base64(QByteArrayView text, QString *error);

/// A JWK as go-jose decodes it, with whether it carries private members (a verifier refuses those).
struct Key
{
    keys::Jwk jwk; ///< its json is the JWK as given
    bool privateMembers = false;
};

/// JSONWebKey.UnmarshalJSON: member types, base64url members (trailing '=' allowed), kty and curve, RSA private
/// keys need p and q, no certificates on oct keys, x5c/x5t consistency. alg, use and key_ops are not looked
/// at. Error code invalid_jwk.
[[nodiscard]] common::Result<Key> parseJwk(const QJsonValue &value);
/// A JWK Set decoded as KrakenD does: the whole set fails when one key fails ("... (keys[2])"); `null` and a
/// set without "keys" are empty. Results are cached by content (validating RSA private keys is slow, and the
/// inspector re-runs the simulation on every edit). Error code invalid_jwks.
[[nodiscard]] common::Result<QList<Key>> parseJwks(const QByteArray &body);

/// A JWS as ParseSigned leaves it.
struct Jws
{
    bool json = false; ///< the JSON serialization (else compact)
    QJsonObject header; ///< merged header of the first signature (protected members win)
    bool hasProtected = false; ///< a protected header buffer exists (always for compact)
    QByteArray protectedBytes;
    QJsonObject protectedHeader;
    QByteArray payload;
    QByteArray signature;
    int signatureCount = 1;
};

/// ParseSigned: every whitespace character removed; '{' starts the JSON serialization, anything else must be
/// compact with exactly three parts. Headers are checked as rawHeader.sanitized() does (kid, alg and nonce
/// strings, x5c certificates, an embedded jwk public). Error code parse.
[[nodiscard]] common::Result<Jws> parseJws(const QString &input);
/// computeAuthData: base64url(protected bytes) '.' payload (base64url unless the protected header says
/// "b64": false). go-jose re-encodes what it decoded, so padding in the token does not reach the signature.
/// Error code crypto when the protected header is empty or not JSON.
[[nodiscard]] common::Result<QByteArray> signingInput(const Jws &jws);
/// Why go-jose refuses the header's "crit" (not an array of strings, or an entry other than "b64"); empty when
/// it does not.
[[nodiscard]] QString critProblem(const QJsonObject &header);

} // namespace GoJose

} // namespace jwb::krakend
