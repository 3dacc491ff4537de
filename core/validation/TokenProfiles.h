#pragma once

#include "common/Finding.h"
#include "jose/Token.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace jwb::validation {

/// Which token profile a token claims to follow, from its `typ` header (and, failing that, a `cnf` claim).
enum class TokenProfile {
    None,
    AccessToken, ///< RFC 9068 JWT access token: typ at+jwt or application/at+jwt
    DpopProof, ///< RFC 9449 DPoP proof: typ dpop+jwt
    Confirmation, ///< any other JWT with a cnf claim (RFC 7800 / RFC 8705)
};

/// The stable JSON name ("access_token", "dpop_proof", "confirmation", "" for None).
[[nodiscard]] QString profileName(TokenProfile profile);
/// For people: "OAuth access token (RFC 9068)", "DPoP proof (RFC 9449)", "confirmation claims (RFC 7800)".
[[nodiscard]] QString profileTitle(TokenProfile profile);

/// What the profile checks may compare against, all optional.
struct ProfileInputs
{
    /// The access token a DPoP proof is sent with, exactly as sent (a JWT or an opaque string): its SHA-256 is
    /// compared with the proof's `ath`, and when it is a JWT with `cnf.jkt`, that is compared with the thumbprint
    /// of the proof's key.
    QByteArray accessToken;
    /// The DPoP proof an access token is sent with (compact): the RFC 7638 thumbprint of its jwk is compared with
    /// the token's `cnf.jkt`. Only the proof's key is read; the proof's own checks are made when it is inspected.
    QByteArray dpopProof;
    /// A DER certificate (the client certificate of RFC 8705), compared with `cnf.x5t#S256`.
    QByteArray certificateDer;
    /// Unix seconds, for the age of a DPoP proof's `iat`; 0 leaves the age unchecked.
    qint64 now = 0;
};

/// The profile of one token and what its checks found.
struct ProfileReport
{
    TokenProfile profile = TokenProfile::None;
    common::Findings findings;

    /// `{"name": ..., "title": ..., "findings": [...]}`, the `profile` member of `decode --json`.
    [[nodiscard]] QJsonObject toJson() const;
};

/// Token profiles checked from the token alone plus the optional inputs: RFC 9068 access tokens (required claims
/// and their types, signed, typ), RFC 9449 DPoP proofs (embedded public jwk, asymmetric alg, htm/htu/iat/jti, ath
/// against a given access token, the proof's signature checked with its own jwk) and the confirmation claims
/// `cnf.jkt` and `cnf.x5t#S256`. Lives above keys/ because it parses JWKs and computes RFC 7638 thumbprints.
namespace TokenProfiles {
[[nodiscard]] TokenProfile detect(const jose::Token &token);
[[nodiscard]] ProfileReport check(const jose::Token &token, const ProfileInputs &inputs = {});
/// base64url(SHA-256(accessToken)): the `ath` value RFC 9449 §4.2 asks for.
[[nodiscard]] QString accessTokenHash(const QByteArray &accessToken);
} // namespace TokenProfiles

} // namespace jwb::validation
