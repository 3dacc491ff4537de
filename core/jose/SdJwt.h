#pragma once

#include "common/Finding.h"
#include "common/Result.h"
#include "jose/Token.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace jwb::jose {

/// One Disclosure of an SD-JWT (RFC 9901 section 4.2): `[salt, name, value]` for an object property,
/// `[salt, value]` for an array element, and the digest that the issuer-signed payload must list for it.
struct SdDisclosure
{
    int index = 0; ///< 1-based position among the SD-JWT's Disclosures
    QByteArray raw; ///< the base64url text as given (what the digest covers)
    qsizetype offset = 0; ///< 0-based character offset within Token::compact
    bool decoded = false; ///< a well-formed JSON array of 2 or 3 elements
    bool arrayElement = false;
    QString salt;
    QString name; ///< empty for an array element
    QJsonValue value;
    QString digest; ///< base64url(_sd_alg(raw)); empty when _sd_alg is not supported
    QString path; ///< where it is disclosed ("address.region", "nationalities[0]"); empty when not referenced
};

/// Everything that can be said about an SD-JWT without a key (RFC 9901 section 7.1, steps after the signature):
/// the Disclosures decoded and hashed with `_sd_alg`, matched against the `_sd` arrays (nested objects and
/// Disclosure values too) and the `{"...": digest}` array entries, and the Processed SD-JWT Payload. Problems are
/// collected, not stopped at: a Disclosure that no digest lists, a digest listed twice, a Disclosure given twice, a
/// disclosed name that the object already has, an object Disclosure in an array (or the reverse), a malformed
/// Disclosure and an unsupported `_sd_alg` are errors; digests without a Disclosure (undisclosed claims or decoys)
/// are fine and only counted.
struct SdJwt
{
    QString hashAlg; ///< `_sd_alg`, or "sha-256" when absent
    bool hashAlgSupported = false;
    QList<SdDisclosure> disclosures;
    QJsonObject disclosedPayload; ///< the Processed SD-JWT Payload (empty when no digest could be checked)
    int undisclosedDigests = 0;
    common::Findings problems;
    bool hasKeyBinding = false;
    Token keyBinding; ///< the KB-JWT, parsed (when hasKeyBinding)

    /// No problem of severity Error.
    [[nodiscard]] bool ok() const;
    /// The disclosure disclosed at `path`, or nullptr.
    [[nodiscard]] const SdDisclosure *disclosureAt(const QString &path) const;

    /// Nothing is analysed (an empty SdJwt) unless `token.isSdJwt()`.
    [[nodiscard]] static SdJwt analyse(const Token &token);
    /// The hash function of an `_sd_alg` name (IANA "Named Information Hash Algorithm": sha-256, sha-384,
    /// sha-512, sha3-256, sha3-384, sha3-512); nullopt for any other.
    [[nodiscard]] static std::optional<QCryptographicHash::Algorithm> hashAlgorithm(const QString &name);
    /// base64url(hash(ascii)) without padding: a Disclosure's digest, or a KB-JWT's sd_hash.
    [[nodiscard]] static QString digest(QCryptographicHash::Algorithm alg, const QByteArray &ascii);

    /// The `sd_jwt` member of `decode --json`: hash_alg, disclosures [{index, salt, name, value, digest, path}],
    /// disclosed_payload, undisclosed_digests, key_binding (the KB-JWT's header and payload, or null), problems.
    [[nodiscard]] QJsonObject toJson() const;
};

/// The issuer's side (RFC 9901 section 4.2): claims made selectively disclosable, ready to be signed.
struct SdJwtIssue
{
    QJsonObject payload; ///< the claims without the chosen ones, plus `_sd` (sorted digests) and `_sd_alg` sha-256
    QList<QByteArray> disclosures; ///< base64url `[salt, name, value]`, in the order of the names given
    /// The SD-JWT for `issuerSignedJwt` (the payload above, signed): `<JWT>~<D1>~...~<Dn>~`.
    [[nodiscard]] QByteArray compact(const QByteArray &issuerSignedJwt) const;
};

/// Makes the top-level claims `names` of `claims` selectively disclosable, each with a fresh salt (128 random bits,
/// base64url, from the system generator; `salt` replaces it, for tests). Errors: a name the claims do not have
/// (sd_claim_missing), a name RFC 9901 reserves or that must stay visible for the SD-JWT to be processed
/// (`_sd`, `_sd_alg`, `...`, `cnf`: sd_claim_reserved), or no names (sd_no_claims).
[[nodiscard]] common::Result<SdJwtIssue> makeSelectivelyDisclosable(
    const QJsonObject &claims, const QStringList &names, const std::function<QString()> &salt = {});

/// What a verifier expects of a Key Binding JWT (RFC 9901 section 7.3).
struct KeyBindingExpectations
{
    QString audience; ///< required `aud` (empty: any audience is accepted, with a warning)
    QString nonce; ///< required `nonce` (empty: any nonce is accepted, with a warning)
    qint64 now = 0; ///< Unix seconds
    qint64 maxAgeSeconds = 300; ///< how old `iat` may be
    qint64 leewaySeconds = 0; ///< how far in the future `iat` may be
};

/// The key-less checks of a KB-JWT against its SD-JWT: `typ` is kb+jwt, `sd_hash` is the digest (with the SD-JWT's
/// `_sd_alg`) of the SD-JWT up to its last '~', `aud` and `nonce` are the expected ones, and `iat` is recent.
/// Every failure is an Error finding; an unchecked aud or nonce is a Warning. The signature (with `cnf.jwk`) is
/// checked where keys are known (verification::verifySdJwt).
[[nodiscard]] common::Findings checkKeyBinding(
    const Token &token, const SdJwt &sd, const KeyBindingExpectations &expected);

} // namespace jwb::jose
