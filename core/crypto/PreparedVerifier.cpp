// The batch verifier's signature primitive. HMAC keeps its inner and outer hash states precomputed
// (crypto/HmacState); the others keep OpenSSL's or libsodium's objects ready.
#include "crypto/PreparedVerifier.h"

#include "crypto/Hmac.h"

#include "crypto/KeyPrivate.h"
#include "crypto/Signature.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <cstring>

namespace jwb::crypto {

namespace {

const EVP_MD *digestFor(int bits)
{
    return bits == 256 ? EVP_sha256() : bits == 384 ? EVP_sha384() : EVP_sha512();
}

/// Raw R||S (each `half` bytes) as a DER ECDSA-Sig-Value, the form EVP_PKEY_verify takes. Minimal INTEGER
/// encodings, as i2d_ECDSA_SIG produces from the same numbers. Returns the DER length.
std::size_t rawToDer(const unsigned char *rs, std::size_t half, unsigned char *out)
{
    auto integer = [](const unsigned char *v, std::size_t n, unsigned char *o) -> std::size_t {
        while (n > 0 && *v == 0) {
            ++v;
            --n;
        }
        std::size_t len = 0;
        o[len++] = 0x02;
        const bool pad = n == 0 || (v[0] & 0x80);
        const std::size_t contentLength = n + (pad ? 1 : 0);
        o[len++] = static_cast<unsigned char>(contentLength); // at most 67 bytes (P-521): short form
        if (pad)
            o[len++] = 0;
        std::memcpy(o + len, v, n);
        return len + n;
    };
    unsigned char body[2 * 72];
    std::size_t bodyLength = integer(rs, half, body);
    bodyLength += integer(rs + half, half, body + bodyLength);
    std::size_t len = 0;
    out[len++] = 0x30;
    if (bodyLength >= 0x80) {
        out[len++] = 0x81;
    }
    out[len++] = static_cast<unsigned char>(bodyLength);
    std::memcpy(out + len, body, bodyLength);
    return len + bodyLength;
}

} // namespace

struct PreparedVerifier::State
{
    Algorithm alg = Algorithm::HS256;
    AlgorithmFamily family = AlgorithmFamily::Hmac;
    int hashBits = 256;
    std::size_t signatureLength = 0;
    std::size_t coordinateBytes = 0;
    Key key; // keeps the EVP_PKEY alive

    // HMAC: hash states after absorbing the padded key XOR ipad / opad.
    std::unique_ptr<HmacState> hmacState;

    EVP_PKEY_CTX *pkeyCtx = nullptr; // RS, PS, ES: verify_init'ed once
    EVP_MD_CTX *mdCtx = nullptr; // EdDSA, VerifyFlavour::GoJose: DigestVerifyInit'ed once
    bool sodium = false; // EdDSA, VerifyFlavour::Strict: libsodium with the raw public key
    unsigned char ed25519Public[crypto_sign_PUBLICKEYBYTES] {};

    ~State()
    {
        EVP_PKEY_CTX_free(pkeyCtx);
        EVP_MD_CTX_free(mdCtx);
    }

    void digest(const char *input, std::size_t n, unsigned char *out) const
    {
        const auto *in = reinterpret_cast<const unsigned char *>(input);
        if (hashBits == 256)
            SHA256(in, n, out);
        else if (hashBits == 384)
            SHA384(in, n, out);
        else
            SHA512(in, n, out);
    }

    bool hmac(const char *input, std::size_t n, const unsigned char *tag) const
    {
        return hmacState->matches(input, n, tag);
    }
};

PreparedVerifier::PreparedVerifier(std::unique_ptr<State> state) : d(std::move(state)) { }
PreparedVerifier::PreparedVerifier(PreparedVerifier &&other) noexcept = default;
PreparedVerifier &PreparedVerifier::operator=(PreparedVerifier &&other) noexcept = default;
PreparedVerifier::~PreparedVerifier() = default;

common::Result<PreparedVerifier> PreparedVerifier::create(Algorithm alg, const Key &key, VerifyFlavour flavour)
{
    if (auto fits = Signature::checkKeyFits(alg, key, false); !fits)
        return fits.error();
    auto s = std::make_unique<State>();
    s->alg = alg;
    s->family = Algorithms::family(alg);
    s->hashBits = Algorithms::hashBits(alg);
    s->key = key;
    auto unavailable = [&](const char *what) {
        return common::Result<PreparedVerifier>::failure(QStringLiteral("backend_unavailable"),
            QStringLiteral("cannot prepare %1 verification (%2): %3")
                .arg(Algorithms::name(alg), QLatin1String(what), opensslErrors()));
    };
    switch (s->family) {
    case AlgorithmFamily::Hmac: {
        s->signatureLength = static_cast<std::size_t>(s->hashBits / 8);
        QByteArray secret = key.secret();
        s->hmacState = std::make_unique<HmacState>(s->hashBits);
        s->hmacState->setKey(
            reinterpret_cast<const unsigned char *>(secret.constData()), static_cast<std::size_t>(secret.size()));
        OPENSSL_cleanse(secret.data(), static_cast<std::size_t>(secret.size()));
        break;
    }
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
    case AlgorithmFamily::Ecdsa: {
        EVP_PKEY *pkey = key.data()->pkey.get();
        s->pkeyCtx = EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr);
        if (!s->pkeyCtx || EVP_PKEY_verify_init(s->pkeyCtx) != 1)
            return unavailable("verify_init");
        const EVP_MD *md = digestFor(s->hashBits);
        if (s->family == AlgorithmFamily::Ecdsa) {
            s->coordinateBytes = static_cast<std::size_t>(curveCoordinateBytes(key.curve()));
            s->signatureLength = 2 * s->coordinateBytes;
            if (EVP_PKEY_CTX_set_signature_md(s->pkeyCtx, md) != 1)
                return unavailable("digest");
        } else {
            s->signatureLength = static_cast<std::size_t>((key.bits() + 7) / 8);
            const bool pss = s->family == AlgorithmFamily::RsaPss;
            // PKCS#1 v1.5: no signature digest on the context; verify() compares against DigestInfo || hash built
            // here (RFC 8017 §9.2), which is what RSA_verify would build, without its allocation per call.
            if (EVP_PKEY_CTX_set_rsa_padding(s->pkeyCtx, pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) != 1
                || (pss && EVP_PKEY_CTX_set_signature_md(s->pkeyCtx, md) != 1)
                || (pss
                    && (EVP_PKEY_CTX_set_rsa_pss_saltlen(s->pkeyCtx, s->hashBits / 8) != 1
                        || EVP_PKEY_CTX_set_rsa_mgf1_md(s->pkeyCtx, md) != 1)))
                return unavailable("padding");
        }
        break;
    }
    case AlgorithmFamily::EdDsa:
        s->signatureLength = key.curve() == Curve::Ed448 ? 114 : 64;
        if (flavour == VerifyFlavour::Strict && key.curve() == Curve::Ed25519) { // libsodium has no Ed448
            std::size_t length = sizeof s->ed25519Public;
            if (!Signature::ed25519SodiumReady()
                || EVP_PKEY_get_raw_public_key(key.data()->pkey.get(), s->ed25519Public, &length) != 1
                || length != sizeof s->ed25519Public)
                return unavailable("raw Ed25519 public key for libsodium");
            s->sodium = true;
            break;
        }
        s->mdCtx = EVP_MD_CTX_new();
        if (!s->mdCtx || EVP_DigestVerifyInit(s->mdCtx, nullptr, nullptr, nullptr, key.data()->pkey.get()) != 1)
            return unavailable("DigestVerifyInit");
        break;
    }
    ERR_clear_error();
    return PreparedVerifier(std::move(s));
}

bool PreparedVerifier::verify(
    const char *input, std::size_t inputLength, const unsigned char *signature, std::size_t signatureLength)
{
    if (signatureLength != d->signatureLength)
        return false;
    switch (d->family) {
    case AlgorithmFamily::Hmac:
        return d->hmac(input, inputLength, signature);
    case AlgorithmFamily::RsaPkcs1: {
        // DigestInfo DER prefixes for SHA-256/384/512 (RFC 8017 §9.2, note 1), then the hash.
        static const unsigned char sha256Prefix[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65,
            0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
        static const unsigned char sha384Prefix[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65,
            0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
        static const unsigned char sha512Prefix[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65,
            0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};
        const unsigned char *prefix = d->hashBits == 256 ? sha256Prefix
            : d->hashBits == 384                         ? sha384Prefix
                                                         : sha512Prefix;
        unsigned char tbs[19 + SHA512_DIGEST_LENGTH];
        std::memcpy(tbs, prefix, 19);
        d->digest(input, inputLength, tbs + 19);
        const int rc = EVP_PKEY_verify(
            d->pkeyCtx, signature, signatureLength, tbs, 19 + static_cast<std::size_t>(d->hashBits / 8));
        if (rc != 1)
            ERR_clear_error();
        return rc == 1;
    }
    case AlgorithmFamily::RsaPss: {
        unsigned char md[SHA512_DIGEST_LENGTH];
        d->digest(input, inputLength, md);
        const int rc
            = EVP_PKEY_verify(d->pkeyCtx, signature, signatureLength, md, static_cast<std::size_t>(d->hashBits / 8));
        if (rc != 1)
            ERR_clear_error();
        return rc == 1;
    }
    case AlgorithmFamily::Ecdsa: {
        unsigned char md[SHA512_DIGEST_LENGTH];
        d->digest(input, inputLength, md);
        unsigned char der[160];
        const std::size_t derLength = rawToDer(signature, d->coordinateBytes, der);
        const int rc = EVP_PKEY_verify(d->pkeyCtx, der, derLength, md, static_cast<std::size_t>(d->hashBits / 8));
        if (rc != 1)
            ERR_clear_error();
        return rc == 1;
    }
    case AlgorithmFamily::EdDsa: {
        if (d->sodium)
            return crypto_sign_verify_detached(signature, reinterpret_cast<const unsigned char *>(input),
                       static_cast<unsigned long long>(inputLength), d->ed25519Public)
                == 0;
        const int rc = EVP_DigestVerify(
            d->mdCtx, signature, signatureLength, reinterpret_cast<const unsigned char *>(input), inputLength);
        if (rc != 1)
            ERR_clear_error();
        return rc == 1;
    }
    }
    return false;
}

std::size_t PreparedVerifier::signatureLength() const
{
    return d->signatureLength;
}

Algorithm PreparedVerifier::algorithm() const
{
    return d->alg;
}

} // namespace jwb::crypto
