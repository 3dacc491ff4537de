#pragma once

#include "common/Result.h"
#include "crypto/Key.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace jwb::crypto {

/// JWE content encryption (`enc`, RFC 7518 section 5).
enum class ContentEncryption { A128CBC_HS256, A192CBC_HS384, A256CBC_HS512, A128GCM, A192GCM, A256GCM };

/// JWE key management (`alg`, RFC 7518 section 4, plus RSA-OAEP-384/512 from the IANA JOSE registry).
/// RSA1_5 is decrypt-only: encryptKey() refuses it (Bleichenbacher; RFC 8725 section 3.2).
enum class KeyManagement {
    RSA1_5,
    RSA_OAEP,
    RSA_OAEP_256,
    RSA_OAEP_384,
    RSA_OAEP_512,
    A128KW,
    A192KW,
    A256KW,
    Dir,
    ECDH_ES,
    ECDH_ES_A128KW,
    ECDH_ES_A192KW,
    ECDH_ES_A256KW,
    A128GCMKW,
    A192GCMKW,
    A256GCMKW,
    PBES2_HS256_A128KW,
    PBES2_HS384_A192KW,
    PBES2_HS512_A256KW
};

enum class KeyManagementFamily { Rsa, AesKeyWrap, Direct, Ecdh, AesGcmKeyWrap, Pbes2 };

namespace JweAlgorithms {
/// Every key management algorithm, in enum order (19), and every content encryption (6).
[[nodiscard]] const QList<KeyManagement> &allKeyManagement();
[[nodiscard]] const QList<ContentEncryption> &allContentEncryption();
/// Exact, case-sensitive JWA names: "RSA-OAEP-256", "ECDH-ES+A128KW", "PBES2-HS256+A128KW", "dir"; "A128CBC-HS256".
[[nodiscard]] QString name(KeyManagement alg);
[[nodiscard]] QString name(ContentEncryption enc);
[[nodiscard]] std::optional<KeyManagement> keyManagementFromName(const QString &name);
[[nodiscard]] std::optional<ContentEncryption> contentEncryptionFromName(const QString &name);
[[nodiscard]] KeyManagementFamily family(KeyManagement alg);
/// The key a recipient holds: RSA for RSA*, EC or OKP (X25519/X448) for ECDH-ES*, oct for the rest.
[[nodiscard]] KeyType keyType(KeyManagement alg);
/// Bytes of the CEK for `enc`: 32/48/64 for CBC-HS (MAC key then encryption key), 16/24/32 for GCM.
[[nodiscard]] int cekBytes(ContentEncryption enc);
/// Bytes of the IV for `enc`: 16 for CBC, 12 for GCM.
[[nodiscard]] int ivBytes(ContentEncryption enc);
/// The key-encryption key length in bytes for AxKW, AxGCMKW, ECDH-ES+AxKW and PBES2 (16/24/32); 0 otherwise.
[[nodiscard]] int kekBytes(KeyManagement alg);
/// False for RSA1_5 only: never offered for encryption.
[[nodiscard]] bool canEncrypt(KeyManagement alg);
} // namespace JweAlgorithms

/// Content encryption output: ciphertext and authentication tag (16 bytes for GCM; 16/24/32 for CBC-HS).
struct SealedContent
{
    QByteArray ciphertext;
    QByteArray tag;
};

/// Authenticated encryption of `plaintext` with `cek` (cekBytes(enc) long) and `iv` (ivBytes(enc) long); `aad` is
/// the JWE's Additional Authenticated Data (RFC 7516 section 5.1 step 14). CBC-HS per RFC 7518 section 5.2.2.1.
common::Result<SealedContent> encryptContent(ContentEncryption enc, const QByteArray &cek, const QByteArray &iv,
    const QByteArray &aad, const QByteArray &plaintext);
/// The inverse. Every failure after the lengths are checked (a wrong tag, bad CBC padding) is one error,
/// "decryption_failed", with one message: the caller can never tell padding from tag failures (no oracle). The
/// CBC-HS tag is checked, in constant time, before any decryption.
common::Result<QByteArray> decryptContent(ContentEncryption enc, const QByteArray &cek, const QByteArray &iv,
    const QByteArray &aad, const QByteArray &ciphertext, const QByteArray &tag);

/// AES Key Wrap (RFC 3394, default IV) with a 16/24/32-byte `kek`; `key` a multiple of 8 bytes, at least 16.
common::Result<QByteArray> aesKeyWrap(const QByteArray &kek, const QByteArray &key);
/// The inverse; a wrong integrity value is "decryption_failed".
common::Result<QByteArray> aesKeyUnwrap(const QByteArray &kek, const QByteArray &wrapped);

/// RSA key encryption of `cek` for alg RSA-OAEP (SHA-1), RSA-OAEP-256/384/512 (MGF1 with the same hash).
/// RSA1_5 is refused ("unsupported_algorithm"). `publicKey` must be RSA (2048 bits or more).
common::Result<QByteArray> rsaEncryptKey(KeyManagement alg, const Key &publicKey, const QByteArray &cek);
/// RSA key decryption with a private RSA key. For RSA1_5 any padding failure yields a random key of
/// `expectedBytes` instead of an error (RFC 7516 section 11.5; RFC 3218): the content decryption then fails
/// like any wrong key, so the caller cannot learn whether the padding was right. OAEP failures are
/// "decryption_failed".
common::Result<QByteArray> rsaDecryptKey(
    KeyManagement alg, const Key &privateKey, const QByteArray &encryptedKey, int expectedBytes);

/// ECDH shared secret Z between our private key and the peer's public key: EC keys on the same NIST curve
/// (P-256, P-384, P-521) or OKP X25519 / X448. The peer's point is checked (on the curve, not the identity; an
/// all-zero X25519/X448 result is refused). Errors name what is wrong: "curve_mismatch", "invalid_key".
common::Result<QByteArray> ecdhSharedSecret(const Key &privateKey, const Key &peerPublicKey);
/// A fresh ephemeral key pair on the curve of `recipient` (for ECDH-ES encryption).
common::Result<Key> ephemeralKeyFor(const Key &recipient);
/// Concat KDF of NIST SP 800-56A with SHA-256 as JWA profiles it (RFC 7518 section 4.6.2): `algorithmId` is the
/// `enc` name for ECDH-ES and the `alg` name for ECDH-ES+AxKW; `apu`/`apv` the decoded header values.
[[nodiscard]] QByteArray concatKdf(
    const QByteArray &z, int keyBits, const QByteArray &algorithmId, const QByteArray &apu, const QByteArray &apv);

/// PBKDF2 with HMAC-SHA-256/384/512 (`hashBits`); the salt is already `alg || 0x00 || p2s` (RFC 7518 4.8.1.1).
common::Result<QByteArray> pbkdf2(
    int hashBits, const QByteArray &password, const QByteArray &salt, int iterations, int keyBytes);

/// AES-GCM key wrap (RFC 7518 section 4.7): encrypts `cek` under `kek` with a 12-byte `iv`, no AAD.
common::Result<SealedContent> aesGcmKeyWrap(const QByteArray &kek, const QByteArray &iv, const QByteArray &cek);
common::Result<QByteArray> aesGcmKeyUnwrap(
    const QByteArray &kek, const QByteArray &iv, const QByteArray &wrapped, const QByteArray &tag);

/// Raw DEFLATE (RFC 1951, as `zip: DEF` means). inflateRaw stops with "too_large" as soon as the output would
/// exceed `maxOutput` bytes (a decompression bomb costs at most that much), "invalid_deflate" on a bad stream.
common::Result<QByteArray> inflateRaw(const QByteArray &data, qsizetype maxOutput);
[[nodiscard]] QByteArray deflateRaw(const QByteArray &data);

/// Bytes from the system CSPRNG (OpenSSL RAND_bytes); empty when `count` <= 0 or the generator fails, so callers
/// check the size.
[[nodiscard]] QByteArray randomBytes(int count);

} // namespace jwb::crypto
