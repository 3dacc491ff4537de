#include "crypto/Encryption.h"

#include "crypto/KeyPrivate.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <zlib.h>

#include <array>
#include <cstring>
#include <memory>

namespace jwb::crypto {

using common::Result;

namespace {

template<typename T> Result<T> fail(const char *code, const QString &message)
{
    return Result<T>::failure(QString::fromLatin1(code), message);
}

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;

const unsigned char *u8(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}
unsigned char *u8(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}
int len(const QByteArray &b)
{
    return static_cast<int>(b.size());
}

struct KeyManagementInfo
{
    KeyManagement alg;
    const char *name;
    KeyManagementFamily family;
    KeyType keyType;
    int kekBytes;
};

// clang-format off
const std::array<KeyManagementInfo, 19> kKeyManagement {{
    {KeyManagement::RSA1_5, "RSA1_5", KeyManagementFamily::Rsa, KeyType::Rsa, 0},
    {KeyManagement::RSA_OAEP, "RSA-OAEP", KeyManagementFamily::Rsa, KeyType::Rsa, 0},
    {KeyManagement::RSA_OAEP_256, "RSA-OAEP-256", KeyManagementFamily::Rsa, KeyType::Rsa, 0},
    {KeyManagement::RSA_OAEP_384, "RSA-OAEP-384", KeyManagementFamily::Rsa, KeyType::Rsa, 0},
    {KeyManagement::RSA_OAEP_512, "RSA-OAEP-512", KeyManagementFamily::Rsa, KeyType::Rsa, 0},
    {KeyManagement::A128KW, "A128KW", KeyManagementFamily::AesKeyWrap, KeyType::Oct, 16},
    {KeyManagement::A192KW, "A192KW", KeyManagementFamily::AesKeyWrap, KeyType::Oct, 24},
    {KeyManagement::A256KW, "A256KW", KeyManagementFamily::AesKeyWrap, KeyType::Oct, 32},
    {KeyManagement::Dir, "dir", KeyManagementFamily::Direct, KeyType::Oct, 0},
    {KeyManagement::ECDH_ES, "ECDH-ES", KeyManagementFamily::Ecdh, KeyType::Ec, 0},
    {KeyManagement::ECDH_ES_A128KW, "ECDH-ES+A128KW", KeyManagementFamily::Ecdh, KeyType::Ec, 16},
    {KeyManagement::ECDH_ES_A192KW, "ECDH-ES+A192KW", KeyManagementFamily::Ecdh, KeyType::Ec, 24},
    {KeyManagement::ECDH_ES_A256KW, "ECDH-ES+A256KW", KeyManagementFamily::Ecdh, KeyType::Ec, 32},
    {KeyManagement::A128GCMKW, "A128GCMKW", KeyManagementFamily::AesGcmKeyWrap, KeyType::Oct, 16},
    {KeyManagement::A192GCMKW, "A192GCMKW", KeyManagementFamily::AesGcmKeyWrap, KeyType::Oct, 24},
    {KeyManagement::A256GCMKW, "A256GCMKW", KeyManagementFamily::AesGcmKeyWrap, KeyType::Oct, 32},
    {KeyManagement::PBES2_HS256_A128KW, "PBES2-HS256+A128KW", KeyManagementFamily::Pbes2, KeyType::Oct, 16},
    {KeyManagement::PBES2_HS384_A192KW, "PBES2-HS384+A192KW", KeyManagementFamily::Pbes2, KeyType::Oct, 24},
    {KeyManagement::PBES2_HS512_A256KW, "PBES2-HS512+A256KW", KeyManagementFamily::Pbes2, KeyType::Oct, 32},
}};

struct ContentEncryptionInfo
{
    ContentEncryption enc;
    const char *name;
    int cekBytes;
    int ivBytes;
    bool cbc;
};

const std::array<ContentEncryptionInfo, 6> kContentEncryption {{
    {ContentEncryption::A128CBC_HS256, "A128CBC-HS256", 32, 16, true},
    {ContentEncryption::A192CBC_HS384, "A192CBC-HS384", 48, 16, true},
    {ContentEncryption::A256CBC_HS512, "A256CBC-HS512", 64, 16, true},
    {ContentEncryption::A128GCM, "A128GCM", 16, 12, false},
    {ContentEncryption::A192GCM, "A192GCM", 24, 12, false},
    {ContentEncryption::A256GCM, "A256GCM", 32, 12, false},
}};
// clang-format on

const KeyManagementInfo &info(KeyManagement alg)
{
    return kKeyManagement[static_cast<size_t>(alg)];
}
const ContentEncryptionInfo &info(ContentEncryption enc)
{
    return kContentEncryption[static_cast<size_t>(enc)];
}

const EVP_CIPHER *aesGcm(qsizetype keyBytes)
{
    switch (keyBytes) {
    case 16:
        return EVP_aes_128_gcm();
    case 24:
        return EVP_aes_192_gcm();
    case 32:
        return EVP_aes_256_gcm();
    default:
        return nullptr;
    }
}
const EVP_CIPHER *aesCbc(qsizetype keyBytes)
{
    switch (keyBytes) {
    case 16:
        return EVP_aes_128_cbc();
    case 24:
        return EVP_aes_192_cbc();
    case 32:
        return EVP_aes_256_cbc();
    default:
        return nullptr;
    }
}
const EVP_CIPHER *aesWrap(qsizetype keyBytes)
{
    switch (keyBytes) {
    case 16:
        return EVP_aes_128_wrap();
    case 24:
        return EVP_aes_192_wrap();
    case 32:
        return EVP_aes_256_wrap();
    default:
        return nullptr;
    }
}
const EVP_MD *sha(int bits)
{
    switch (bits) {
    case 1:
        return EVP_sha1();
    case 256:
        return EVP_sha256();
    case 384:
        return EVP_sha384();
    case 512:
        return EVP_sha512();
    default:
        return nullptr;
    }
}

QString decryptionFailedMessage()
{
    return QStringLiteral("the content could not be decrypted: the key, the IV, the ciphertext, the additional "
                          "authenticated data or the authentication tag is wrong");
}

Result<QByteArray> decryptionFailed()
{
    ERR_clear_error();
    return fail<QByteArray>("decryption_failed", decryptionFailedMessage());
}

// One pass of EVP encryption or decryption (`encrypt` 1/0) of `in` under `cipher`/`key`/`iv`; `aad` and the GCM tag
// (set before the final step when decrypting, read after it when encrypting) are used when `gcmTag` is given.
bool aesRun(const EVP_CIPHER *cipher, int encrypt, const QByteArray &key, const QByteArray &iv, const QByteArray &aad,
    const QByteArray &in, QByteArray &out, QByteArray *gcmTag)
{
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr, encrypt) != 1)
        return false;
    if (gcmTag && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, len(iv), nullptr) != 1)
        return false;
    if (EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, u8(key), u8(iv), encrypt) != 1)
        return false;
    int outLen = 0;
    if (gcmTag && !aad.isEmpty() && EVP_CipherUpdate(ctx.get(), nullptr, &outLen, u8(aad), len(aad)) != 1)
        return false;
    out.resize(in.size() + 16);
    int total = 0;
    if (!in.isEmpty() && EVP_CipherUpdate(ctx.get(), u8(out), &outLen, u8(in), len(in)) != 1)
        return false;
    total = in.isEmpty() ? 0 : outLen;
    if (gcmTag && !encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, len(*gcmTag), gcmTag->data()) != 1)
        return false;
    if (EVP_CipherFinal_ex(ctx.get(), u8(out) + total, &outLen) != 1)
        return false;
    out.resize(total + outLen);
    if (gcmTag && encrypt) {
        gcmTag->resize(16);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, gcmTag->data()) != 1)
            return false;
    }
    return true;
}

// RFC 7518 section 5.2.2.1 step 5: the first half of HMAC(MAC_KEY, A || IV || E || AL).
QByteArray cbcHmacTag(
    int hashBits, const QByteArray &macKey, const QByteArray &iv, const QByteArray &aad, const QByteArray &ciphertext)
{
    QByteArray al(8, '\0');
    const quint64 aadBits = static_cast<quint64>(aad.size()) * 8;
    for (int i = 0; i < 8; ++i)
        al[7 - i] = static_cast<char>((aadBits >> (8 * i)) & 0xff);
    const QByteArray input = aad + iv + ciphertext + al;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    if (!HMAC(
            sha(hashBits), macKey.constData(), len(macKey), u8(input), static_cast<size_t>(input.size()), mac, &macLen))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), static_cast<qsizetype>(macLen / 2));
}

Result<void> checkLengths(ContentEncryption enc, const QByteArray &cek, const QByteArray &iv)
{
    const auto &i = info(enc);
    if (cek.size() != i.cekBytes)
        return Result<void>::failure(QStringLiteral("invalid_key"),
            QStringLiteral("%1 needs a content encryption key of %2 bytes, not %3")
                .arg(QString::fromLatin1(i.name))
                .arg(i.cekBytes)
                .arg(cek.size()));
    if (iv.size() != i.ivBytes)
        return Result<void>::failure(QStringLiteral("invalid_iv"),
            QStringLiteral("%1 needs an initialization vector of %2 bytes, not %3")
                .arg(QString::fromLatin1(i.name))
                .arg(i.ivBytes)
                .arg(iv.size()));
    return {};
}

Result<void> checkAesKey(const QByteArray &kek, const char *what)
{
    if (kek.size() == 16 || kek.size() == 24 || kek.size() == 32)
        return {};
    return Result<void>::failure(QStringLiteral("invalid_key"),
        QStringLiteral("%1 needs a key of 16, 24 or 32 bytes, not %2").arg(QString::fromLatin1(what)).arg(kek.size()));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Algorithm tables

const QList<KeyManagement> &JweAlgorithms::allKeyManagement()
{
    static const QList<KeyManagement> all = [] {
        QList<KeyManagement> l;
        for (const auto &i : kKeyManagement)
            l.append(i.alg);
        return l;
    }();
    return all;
}

const QList<ContentEncryption> &JweAlgorithms::allContentEncryption()
{
    static const QList<ContentEncryption> all = [] {
        QList<ContentEncryption> l;
        for (const auto &i : kContentEncryption)
            l.append(i.enc);
        return l;
    }();
    return all;
}

QString JweAlgorithms::name(KeyManagement alg)
{
    return QString::fromLatin1(info(alg).name);
}

QString JweAlgorithms::name(ContentEncryption enc)
{
    return QString::fromLatin1(info(enc).name);
}

std::optional<KeyManagement> JweAlgorithms::keyManagementFromName(const QString &name)
{
    for (const auto &i : kKeyManagement)
        if (name == QLatin1String(i.name))
            return i.alg;
    return std::nullopt;
}

std::optional<ContentEncryption> JweAlgorithms::contentEncryptionFromName(const QString &name)
{
    for (const auto &i : kContentEncryption)
        if (name == QLatin1String(i.name))
            return i.enc;
    return std::nullopt;
}

KeyManagementFamily JweAlgorithms::family(KeyManagement alg)
{
    return info(alg).family;
}

KeyType JweAlgorithms::keyType(KeyManagement alg)
{
    return info(alg).keyType;
}

int JweAlgorithms::cekBytes(ContentEncryption enc)
{
    return info(enc).cekBytes;
}

int JweAlgorithms::ivBytes(ContentEncryption enc)
{
    return info(enc).ivBytes;
}

int JweAlgorithms::kekBytes(KeyManagement alg)
{
    return info(alg).kekBytes;
}

bool JweAlgorithms::canEncrypt(KeyManagement alg)
{
    return alg != KeyManagement::RSA1_5;
}

// ---------------------------------------------------------------------------------------------------------------
// Content encryption

Result<SealedContent> encryptContent(ContentEncryption enc, const QByteArray &cek, const QByteArray &iv,
    const QByteArray &aad, const QByteArray &plaintext)
{
    if (auto ok = checkLengths(enc, cek, iv); !ok)
        return ok.error();
    SealedContent sealed;
    bool done = false;
    if (info(enc).cbc) {
        const qsizetype half = cek.size() / 2;
        const QByteArray encKey = cek.mid(half);
        done = aesRun(aesCbc(half), 1, encKey, iv, {}, plaintext, sealed.ciphertext, nullptr);
        if (done)
            sealed.tag = cbcHmacTag(static_cast<int>(half * 16), cek.left(half), iv, aad, sealed.ciphertext);
        done = done && !sealed.tag.isEmpty();
    } else {
        done = aesRun(aesGcm(cek.size()), 1, cek, iv, aad, plaintext, sealed.ciphertext, &sealed.tag);
    }
    if (!done)
        return fail<SealedContent>("encryption_failed",
            QStringLiteral("%1 encryption failed: %2").arg(JweAlgorithms::name(enc), opensslErrors()));
    return sealed;
}

Result<QByteArray> decryptContent(ContentEncryption enc, const QByteArray &cek, const QByteArray &iv,
    const QByteArray &aad, const QByteArray &ciphertext, const QByteArray &tag)
{
    if (auto ok = checkLengths(enc, cek, iv); !ok)
        return ok.error();
    const qsizetype tagBytes = info(enc).cbc ? cek.size() / 2 : 16;
    if (tag.size() != tagBytes)
        return fail<QByteArray>("invalid_tag",
            QStringLiteral("%1 needs an authentication tag of %2 bytes, not %3")
                .arg(JweAlgorithms::name(enc))
                .arg(tagBytes)
                .arg(tag.size()));
    QByteArray plaintext;
    if (info(enc).cbc) {
        const qsizetype half = cek.size() / 2;
        const QByteArray expected = cbcHmacTag(static_cast<int>(half * 16), cek.left(half), iv, aad, ciphertext);
        // The tag first, in constant time; only an authentic ciphertext is decrypted (no padding oracle).
        if (expected.size() != tag.size() || CRYPTO_memcmp(expected.constData(), tag.constData(), tag.size()) != 0)
            return decryptionFailed();
        if (ciphertext.isEmpty() || ciphertext.size() % 16 != 0
            || !aesRun(aesCbc(half), 0, cek.mid(half), iv, {}, ciphertext, plaintext, nullptr))
            return decryptionFailed();
    } else {
        QByteArray gcmTag = tag;
        if (!aesRun(aesGcm(cek.size()), 0, cek, iv, aad, ciphertext, plaintext, &gcmTag))
            return decryptionFailed();
    }
    return plaintext;
}

// ---------------------------------------------------------------------------------------------------------------
// AES key wrap (RFC 3394) and AES-GCM key wrap (RFC 7518 section 4.7)

namespace {

bool wrapRun(int encrypt, const QByteArray &kek, const QByteArray &in, QByteArray &out)
{
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return false;
    EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    if (EVP_CipherInit_ex(ctx.get(), aesWrap(kek.size()), nullptr, u8(kek), nullptr, encrypt) != 1)
        return false;
    out.resize(in.size() + 8);
    int outLen = 0;
    if (EVP_CipherUpdate(ctx.get(), u8(out), &outLen, u8(in), len(in)) != 1 || outLen <= 0)
        return false;
    int finalLen = 0;
    if (EVP_CipherFinal_ex(ctx.get(), u8(out) + outLen, &finalLen) != 1)
        return false;
    out.resize(outLen + finalLen);
    return true;
}

} // namespace

Result<QByteArray> aesKeyWrap(const QByteArray &kek, const QByteArray &key)
{
    if (auto ok = checkAesKey(kek, "AES key wrap"); !ok)
        return ok.error();
    if (key.size() < 16 || key.size() % 8 != 0)
        return fail<QByteArray>("invalid_key",
            QStringLiteral("AES key wrap takes a key of at least 16 bytes in steps of 8, not %1 bytes")
                .arg(key.size()));
    QByteArray out;
    if (!wrapRun(1, kek, key, out))
        return fail<QByteArray>("encryption_failed", QStringLiteral("AES key wrap failed: %1").arg(opensslErrors()));
    return out;
}

Result<QByteArray> aesKeyUnwrap(const QByteArray &kek, const QByteArray &wrapped)
{
    if (auto ok = checkAesKey(kek, "AES key unwrap"); !ok)
        return ok.error();
    if (wrapped.size() < 24 || wrapped.size() % 8 != 0)
        return fail<QByteArray>("invalid_encrypted_key",
            QStringLiteral("an AES-wrapped key is at least 24 bytes in steps of 8, not %1 bytes").arg(wrapped.size()));
    QByteArray out;
    if (!wrapRun(0, kek, wrapped, out)) {
        ERR_clear_error();
        return fail<QByteArray>("decryption_failed",
            QStringLiteral("AES key unwrap failed: the integrity check of the wrapped key did not match (wrong "
                           "key-encryption key or altered encrypted key)"));
    }
    return out;
}

Result<SealedContent> aesGcmKeyWrap(const QByteArray &kek, const QByteArray &iv, const QByteArray &cek)
{
    if (auto ok = checkAesKey(kek, "AES-GCM key wrap"); !ok)
        return ok.error();
    if (iv.size() != 12)
        return fail<SealedContent>(
            "invalid_iv", QStringLiteral("AES-GCM key wrap needs a 12-byte IV, not %1 bytes").arg(iv.size()));
    SealedContent sealed;
    if (cek.isEmpty() || !aesRun(aesGcm(kek.size()), 1, kek, iv, {}, cek, sealed.ciphertext, &sealed.tag))
        return fail<SealedContent>(
            "encryption_failed", QStringLiteral("AES-GCM key wrap failed: %1").arg(opensslErrors()));
    return sealed;
}

Result<QByteArray> aesGcmKeyUnwrap(
    const QByteArray &kek, const QByteArray &iv, const QByteArray &wrapped, const QByteArray &tag)
{
    if (auto ok = checkAesKey(kek, "AES-GCM key unwrap"); !ok)
        return ok.error();
    if (iv.size() != 12 || tag.size() != 16)
        return fail<QByteArray>("invalid_header",
            QStringLiteral("AES-GCM key unwrap needs a 12-byte iv and a 16-byte tag, not %1 and %2 bytes")
                .arg(iv.size())
                .arg(tag.size()));
    QByteArray out;
    QByteArray gcmTag = tag;
    if (wrapped.isEmpty() || !aesRun(aesGcm(kek.size()), 0, kek, iv, {}, wrapped, out, &gcmTag)) {
        ERR_clear_error();
        return fail<QByteArray>("decryption_failed",
            QStringLiteral("AES-GCM key unwrap failed: the tag of the encrypted key did not match (wrong "
                           "key-encryption key or altered encrypted key, iv or tag)"));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// RSA key encryption

namespace {

int oaepHashBits(KeyManagement alg)
{
    switch (alg) {
    case KeyManagement::RSA_OAEP:
        return 1;
    case KeyManagement::RSA_OAEP_256:
        return 256;
    case KeyManagement::RSA_OAEP_384:
        return 384;
    case KeyManagement::RSA_OAEP_512:
        return 512;
    default:
        return 0;
    }
}

// A context for EVP_PKEY_encrypt/decrypt (`encrypt` 1/0) with the padding of `alg`; null on failure.
PkeyCtxPtr rsaContext(KeyManagement alg, EVP_PKEY *pkey, bool encrypt)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    if (!ctx || (encrypt ? EVP_PKEY_encrypt_init(ctx.get()) : EVP_PKEY_decrypt_init(ctx.get())) != 1)
        return {};
    if (alg == KeyManagement::RSA1_5)
        return EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1 ? std::move(ctx) : PkeyCtxPtr();
    const EVP_MD *md = sha(oaepHashBits(alg));
    if (!md || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md) != 1 || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), md) != 1)
        return {};
    return ctx;
}

Result<void> checkRsaKey(KeyManagement alg, const Key &key, bool needPrivate)
{
    if (JweAlgorithms::family(alg) != KeyManagementFamily::Rsa)
        return Result<void>::failure(QStringLiteral("unsupported_algorithm"),
            QStringLiteral("%1 is not an RSA key encryption algorithm").arg(JweAlgorithms::name(alg)));
    if (key.isNull() || key.type() != KeyType::Rsa || !key.data()->pkey)
        return Result<void>::failure(QStringLiteral("wrong_key_type"),
            QStringLiteral("%1 needs an RSA key, not %2")
                .arg(JweAlgorithms::name(alg), key.isNull() ? QStringLiteral("no key") : key.description()));
    if (needPrivate && !key.isPrivate())
        return Result<void>::failure(QStringLiteral("private_key_required"),
            QStringLiteral("%1 decryption needs the private RSA key; %2 is public")
                .arg(JweAlgorithms::name(alg), key.description()));
    if (key.bits() < 2048)
        return Result<void>::failure(QStringLiteral("key_too_small"),
            QStringLiteral("%1 needs an RSA key of at least 2048 bits (RFC 7518 section 4.2/4.3), not %2")
                .arg(JweAlgorithms::name(alg))
                .arg(key.bits()));
    return {};
}

} // namespace

Result<QByteArray> rsaEncryptKey(KeyManagement alg, const Key &publicKey, const QByteArray &cek)
{
    if (alg == KeyManagement::RSA1_5)
        return fail<QByteArray>("unsupported_algorithm",
            QStringLiteral("RSA1_5 is decrypt-only here: encrypting with it invites padding-oracle attacks (RFC "
                           "8725 section 3.2); use RSA-OAEP-256"));
    if (auto ok = checkRsaKey(alg, publicKey, false); !ok)
        return ok.error();
    PkeyCtxPtr ctx = rsaContext(alg, publicKey.data()->pkey.get(), true);
    size_t outLen = 0;
    QByteArray out;
    if (ctx && EVP_PKEY_encrypt(ctx.get(), nullptr, &outLen, u8(cek), static_cast<size_t>(cek.size())) == 1) {
        out.resize(static_cast<qsizetype>(outLen));
        if (EVP_PKEY_encrypt(ctx.get(), u8(out), &outLen, u8(cek), static_cast<size_t>(cek.size())) == 1) {
            out.resize(static_cast<qsizetype>(outLen));
            return out;
        }
    }
    return fail<QByteArray>("encryption_failed",
        QStringLiteral("%1 encryption of the content key failed: %2").arg(JweAlgorithms::name(alg), opensslErrors()));
}

Result<QByteArray> rsaDecryptKey(
    KeyManagement alg, const Key &privateKey, const QByteArray &encryptedKey, int expectedBytes)
{
    if (auto ok = checkRsaKey(alg, privateKey, true); !ok)
        return ok.error();
    if (expectedBytes <= 0 || expectedBytes > 64)
        return fail<QByteArray>("invalid_argument",
            QStringLiteral("a content key of %1 bytes is not used by any JWE enc").arg(expectedBytes));
    const bool pkcs1 = alg == KeyManagement::RSA1_5;
    // RSA1_5: the fallback key is drawn before decrypting and used whatever the padding says (RFC 3218 section
    // 2.3.2), so that the time and result do not depend on where the padding check failed.
    const QByteArray fallback = pkcs1 ? randomBytes(expectedBytes) : QByteArray();
    if (pkcs1 && fallback.size() != expectedBytes)
        return fail<QByteArray>("random_failed", QStringLiteral("the system random generator failed"));
    PkeyCtxPtr ctx = rsaContext(alg, privateKey.data()->pkey.get(), false);
    const int modulusBytes = (privateKey.bits() + 7) / 8;
    QByteArray out(modulusBytes, '\0');
    size_t outLen = out.size();
    const bool decrypted = ctx
        && EVP_PKEY_decrypt(ctx.get(), u8(out), &outLen, u8(encryptedKey), static_cast<size_t>(encryptedKey.size()))
            == 1;
    ERR_clear_error();
    if (!pkcs1) {
        if (!decrypted)
            return fail<QByteArray>("decryption_failed",
                QStringLiteral("%1 decryption of the encrypted key failed (wrong key or altered encrypted key)")
                    .arg(JweAlgorithms::name(alg)));
        out.resize(static_cast<qsizetype>(outLen));
        return out;
    }
    // Select without branching on secret data: good = decrypted and of the expected length.
    const unsigned char good = static_cast<unsigned char>(
        0 - static_cast<unsigned char>(decrypted & (outLen == static_cast<size_t>(expectedBytes))));
    QByteArray cek(expectedBytes, '\0');
    for (int i = 0; i < expectedBytes; ++i)
        cek[i] = static_cast<char>((static_cast<unsigned char>(out[i]) & good)
            | (static_cast<unsigned char>(fallback[i]) & static_cast<unsigned char>(~good)));
    OPENSSL_cleanse(out.data(), static_cast<size_t>(out.size()));
    return cek;
}

// ---------------------------------------------------------------------------------------------------------------
// ECDH-ES

namespace {

bool isEcdhCurve(Curve curve)
{
    return curve == Curve::P256 || curve == Curve::P384 || curve == Curve::P521 || curve == Curve::X25519
        || curve == Curve::X448;
}

Result<void> checkEcdhKey(const Key &key, const char *role)
{
    if (key.isNull() || !key.data()->pkey || !isEcdhCurve(key.curve()))
        return Result<void>::failure(QStringLiteral("wrong_key_type"),
            QStringLiteral("ECDH needs an EC key on P-256, P-384 or P-521 or an OKP key on X25519 or X448 as %1, "
                           "not %2")
                .arg(QString::fromLatin1(role), key.isNull() ? QStringLiteral("no key") : key.description()));
    return {};
}

} // namespace

Result<QByteArray> ecdhSharedSecret(const Key &privateKey, const Key &peerPublicKey)
{
    if (auto ok = checkEcdhKey(privateKey, "our key"); !ok)
        return ok.error();
    if (auto ok = checkEcdhKey(peerPublicKey, "the peer's key"); !ok)
        return ok.error();
    if (!privateKey.isPrivate())
        return fail<QByteArray>("private_key_required",
            QStringLiteral("ECDH needs our private key; %1 is public").arg(privateKey.description()));
    if (privateKey.curve() != peerPublicKey.curve())
        return fail<QByteArray>("curve_mismatch",
            QStringLiteral("ECDH keys must be on the same curve: ours is %1, the peer's %2")
                .arg(curveName(privateKey.curve()), curveName(peerPublicKey.curve())));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, privateKey.data()->pkey.get(), nullptr));
    // validate_peer = 1: OpenSSL checks the peer's public key (on the curve, not the point at infinity).
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1
        || EVP_PKEY_derive_set_peer_ex(ctx.get(), peerPublicKey.data()->pkey.get(), 1) != 1)
        return fail<QByteArray>("invalid_key",
            QStringLiteral("the peer's %1 public key is not valid for ECDH: %2")
                .arg(curveName(peerPublicKey.curve()), opensslErrors()));
    size_t zLen = 0;
    QByteArray z;
    if (EVP_PKEY_derive(ctx.get(), nullptr, &zLen) == 1) {
        z.resize(static_cast<qsizetype>(zLen));
        if (EVP_PKEY_derive(ctx.get(), u8(z), &zLen) != 1)
            z.clear();
        else
            z.resize(static_cast<qsizetype>(zLen));
    }
    // X25519/X448 (RFC 7748 section 6.1): an all-zero result means a small-order peer point. (On the NIST curves a
    // zero x-coordinate is a legitimate, if rare, shared secret.)
    unsigned char any = 0;
    for (const char c : z)
        any |= static_cast<unsigned char>(c);
    if (z.isEmpty() || (privateKey.type() == KeyType::Okp && any == 0)) {
        const QString why = opensslErrors();
        return fail<QByteArray>("invalid_key",
            QStringLiteral("ECDH with the peer's %1 public key gives no usable shared secret (a point of small "
                           "order or off the curve)%2")
                .arg(curveName(peerPublicKey.curve()), why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    return z;
}

Result<Key> ephemeralKeyFor(const Key &recipient)
{
    if (auto ok = checkEcdhKey(recipient, "the recipient's key"); !ok)
        return ok.error();
    return Key::generate(recipient.type(), 0, recipient.curve());
}

QByteArray concatKdf(
    const QByteArray &z, int keyBits, const QByteArray &algorithmId, const QByteArray &apu, const QByteArray &apv)
{
    const auto be32 = [](quint32 v) -> QByteArray {
        QByteArray b(4, '\0');
        for (int i = 0; i < 4; ++i)
            b[3 - i] = static_cast<char>((v >> (8 * i)) & 0xff);
        return b;
    };
    const auto prefixed = [&](const QByteArray &d) -> QByteArray { return be32(static_cast<quint32>(d.size())) + d; };
    const QByteArray otherInfo
        = prefixed(algorithmId) + prefixed(apu) + prefixed(apv) + be32(static_cast<quint32>(keyBits));
    const int keyBytes = keyBits / 8;
    QByteArray out;
    for (quint32 counter = 1; out.size() < keyBytes; ++counter) {
        const QByteArray input = be32(counter) + z + otherInfo;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digestLen = 0;
        if (EVP_Digest(input.constData(), static_cast<size_t>(input.size()), digest, &digestLen, EVP_sha256(), nullptr)
            != 1)
            return {};
        out.append(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(digestLen));
    }
    out.truncate(keyBytes);
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// PBES2

Result<QByteArray> pbkdf2(
    int hashBits, const QByteArray &password, const QByteArray &salt, int iterations, int keyBytes)
{
    const EVP_MD *md = hashBits == 1 ? nullptr : sha(hashBits);
    if (!md)
        return fail<QByteArray>(
            "unsupported_algorithm", QStringLiteral("PBKDF2 with HMAC-SHA-%1 is not used by JWE").arg(hashBits));
    if (iterations < 1 || keyBytes < 1 || keyBytes > 64)
        return fail<QByteArray>("invalid_argument",
            QStringLiteral("PBKDF2 needs at least one iteration and 1 to 64 key bytes, not %1 and %2")
                .arg(iterations)
                .arg(keyBytes));
    QByteArray out(keyBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(password.constData(), len(password), u8(salt), len(salt), iterations, md, keyBytes, u8(out))
        != 1)
        return fail<QByteArray>("derivation_failed", QStringLiteral("PBKDF2 failed: %1").arg(opensslErrors()));
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// DEFLATE

Result<QByteArray> inflateRaw(const QByteArray &data, qsizetype maxOutput)
{
    z_stream zs {};
    if (inflateInit2(&zs, -15) != Z_OK)
        return fail<QByteArray>("invalid_deflate", QStringLiteral("zlib could not start inflating"));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = static_cast<uInt>(data.size());
    QByteArray out;
    constexpr qsizetype chunk = 64 * 1024;
    int rc = Z_OK;
    while (rc == Z_OK) {
        // Never let zlib write more than one byte past the cap: that byte proves the output is too large.
        const qsizetype room = std::min(chunk, maxOutput - out.size() + 1);
        const qsizetype before = out.size();
        out.resize(before + room);
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + before);
        zs.avail_out = static_cast<uInt>(room);
        rc = inflate(&zs, Z_NO_FLUSH);
        out.resize(before + room - static_cast<qsizetype>(zs.avail_out));
        if (out.size() > maxOutput) {
            inflateEnd(&zs);
            return fail<QByteArray>(
                "too_large", QStringLiteral("the decompressed content exceeds the limit of %1 bytes").arg(maxOutput));
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0)
            break; // input ended before the stream did
        if (rc == Z_BUF_ERROR)
            rc = Z_OK;
    }
    const bool complete = rc == Z_STREAM_END && zs.avail_in == 0;
    inflateEnd(&zs);
    if (!complete)
        return fail<QByteArray>("invalid_deflate",
            QStringLiteral("the compressed content is not a complete raw DEFLATE stream (RFC 1951)%1")
                .arg(rc == Z_STREAM_END ? QStringLiteral(": bytes follow its end") : QString()));
    return out;
}

QByteArray deflateRaw(const QByteArray &data)
{
    z_stream zs {};
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>(data.size()))), '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// ---------------------------------------------------------------------------------------------------------------

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, '\0');
    if (RAND_bytes(u8(out), count) != 1)
        return {};
    return out;
}

} // namespace jwb::crypto
