#pragma once

#include "common/Finding.h"
#include "common/Result.h"
#include "crypto/Encryption.h"
#include "crypto/Key.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace jwb::jose {

/// One recipient of a JWE (RFC 7516 section 7.2): its per-recipient unprotected `header` and encrypted key.
struct JweRecipient
{
    QJsonObject header;
    QByteArray encryptedKey; ///< decoded; empty for dir and ECDH-ES
};

enum class JweSerialization { Compact, Flattened, General };

/// A JWE as given, compact (5 segments) or JSON (flattened or general), decoded but not decrypted.
struct JweMessage
{
    JweSerialization serialization = JweSerialization::Compact;
    QByteArray protectedRaw; ///< the base64url protected header exactly as given (part of the AAD)
    QJsonObject protectedHeader;
    QJsonObject sharedUnprotected; ///< JSON `unprotected`
    QList<JweRecipient> recipients; ///< one for compact and flattened
    QByteArray iv, ciphertext, tag; ///< decoded
    QByteArray aadRaw; ///< JSON `aad` member as given (base64url), empty when absent

    /// The JOSE header for one recipient: protected, shared unprotected and per-recipient members together.
    [[nodiscard]] QJsonObject joseHeader(int recipient = 0) const;
    /// The Additional Authenticated Data: ASCII(protectedRaw), plus '.' + aadRaw when `aad` is present.
    [[nodiscard]] QByteArray additionalData() const;
};

/// Reads a compact JWE or a JWE JSON serialization. Errors say what and where ("segment 3 (IV): not base64url",
/// "recipients[1].header: duplicate member 'alg' across headers" (RFC 7516 section 7.2.1 forbids that), "the
/// protected header is not JSON at byte 17"), with code "invalid_jwe".
common::Result<JweMessage> parseJwe(const QByteArray &text);

struct JweDecryptOptions
{
    /// PBES2 `p2c` above this is refused before any work ("p2c_too_large"); RFC 7518 recommends at least 1000.
    int maxPbes2Iterations = 1000000;
    /// `zip: DEF` content inflating to more than this is refused ("too_large") without inflating the rest.
    qsizetype maxDecompressedBytes = 1024 * 1024;
    /// When set, a JWE with another `alg` / `enc` is refused ("alg_not_allowed") before any key is used.
    std::optional<crypto::KeyManagement> expectedAlg;
    std::optional<crypto::ContentEncryption> expectedEnc;
};

/// What decrypting gave.
struct JweDecryption
{
    QJsonObject header; ///< the JOSE header of the recipient that was decrypted
    int recipient = 0; ///< its index in JweMessage::recipients
    int keyIndex = 0; ///< which of the candidate keys did it
    crypto::KeyManagement alg = crypto::KeyManagement::Dir;
    crypto::ContentEncryption enc = crypto::ContentEncryption::A128GCM;
    QByteArray plaintext; ///< after decompression when `zip: DEF`
    bool compressed = false;
    /// `cty` is "JWT" (any case, RFC 7519 section 5.2) or the plaintext is itself a compact JWS/JWE: a nested token.
    bool nestedJwt = false;
    /// rsa1_5 (Bleichenbacher), zip_deflate (RFC 8725 section 3.6), pbes2_low_iterations (p2c < 1000),
    /// header_unprotected (alg/enc outside the integrity-protected header), ...
    common::Findings findings;
};

/// Decrypts with the first of `keys` that fits: a key is tried only for a recipient whose `alg` needs its key
/// type (and curve), and, when the recipient names a `kid` and the key has one in `keyIds` (same index; may be
/// shorter), only if they match. The token never supplies its own key: `epk` is only the peer's public half
/// for ECDH-ES, checked to be on the recipient key's curve. `crit` members this engine does not understand are
/// refused. Every failure to decrypt with a fitting key is the same "decryption_failed" error whatever the
/// cause (wrong key, tag, padding: no oracle); other codes: "invalid_jwe", "unsupported_algorithm",
/// "alg_not_allowed", "no_fitting_key", "p2c_too_large", "too_large", "invalid_key", "unsupported_critical" (a
/// `crit` extension; `crit` outside the protected header is "invalid_jwe").
common::Result<JweDecryption> decryptJwe(const JweMessage &jwe, const QList<crypto::Key> &keys,
    const QStringList &keyIds = {}, const JweDecryptOptions &options = {});

struct JweEncryptOptions
{
    crypto::KeyManagement alg = crypto::KeyManagement::RSA_OAEP_256;
    crypto::ContentEncryption enc = crypto::ContentEncryption::A256GCM;
    /// Extra protected-header members (kid, typ, cty, apu/apv, ...); alg, enc, zip, epk, iv, tag, p2s and p2c are
    /// set by the engine and may not be given here.
    QJsonObject protectedHeader;
    bool compress = false; ///< zip: DEF
    int pbes2Iterations = 600000; ///< p2c for PBES2 (at least 1000)
    JweSerialization serialization = JweSerialization::Compact;
    QByteArray aad; ///< JSON serializations only: the `aad` member (raw bytes; encoded by the engine)
    /// Tests only: fixed CEK / IV / ephemeral key / p2s, to reproduce published examples. Never set them otherwise.
    QByteArray fixedCek, fixedIv, fixedP2s;
    std::optional<crypto::Key> fixedEphemeralKey;
    /// Tests only: the AxGCMKW key-wrap IV (12 bytes), and the protected header's exact base64url for published
    /// examples whose member order QJsonObject cannot keep (it must decode to the members the engine sets).
    QByteArray fixedKeyWrapIv, fixedProtectedRaw;
};

/// Encrypts `plaintext` to `recipientKey` (public RSA/EC/X25519 key, or the shared oct key / PBES2 password).
/// RSA1_5 is refused ("unsupported_algorithm"); a key that cannot serve alg/enc is "invalid_key"; an engine-set
/// header member in `protectedHeader`, `aad` with the compact form, a wrong-sized fixed value or PBES2 under 1000
/// iterations is "invalid_options". Returns the compact or JSON text.
common::Result<QByteArray> encryptJwe(
    const QByteArray &plaintext, const crypto::Key &recipientKey, const JweEncryptOptions &options);

/// Findings on a JWE's JOSE header alone (no key needed; decode time and after decryption): rsa1_5, zip_deflate,
/// p2c_too_large (over `maxPbes2Iterations`), pbes2_low_iterations (p2c under 1000), unknown_jwe_alg,
/// unknown_jwe_enc, header_unprotected (alg/enc missing from `protectedHeader`).
[[nodiscard]] common::Findings jweHeaderFindings(
    const QJsonObject &header, const QJsonObject &protectedHeader, int maxPbes2Iterations = 1000000);

/// The key management and content encryption a key can serve for encryption (for menus): RSA → RSA-OAEP*,
/// EC/X25519 → ECDH-ES*, an oct key of 16/24/32 bytes → AxKW/AxGCMKW of that size, `dir` for the enc whose CEK
/// length it has, PBES2 for any secret.
[[nodiscard]] QList<crypto::KeyManagement> keyManagementFor(const crypto::Key &key);

} // namespace jwb::jose
