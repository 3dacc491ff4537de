// HMAC with reusable keyed states needs OpenSSL's low-level SHA-2 functions: deprecated in OpenSSL 3 (jwb_core
// builds with OPENSSL_NO_DEPRECATED) but present, and the fastest way to reuse a keyed state (EVP_MD_CTX_copy_ex
// allocates a provider context per copy). This file and PreparedVerifier.cpp opt back in.
#undef OPENSSL_NO_DEPRECATED
#define OPENSSL_SUPPRESS_DEPRECATED

#include "crypto/Hmac.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstring>

namespace jwb::crypto {

struct HmacState::States
{
    int bits = 256;
    SHA256_CTX inner256 {}, outer256 {};
    SHA512_CTX inner512 {}, outer512 {};

    void wipe()
    {
        OPENSSL_cleanse(&inner256, sizeof inner256);
        OPENSSL_cleanse(&outer256, sizeof outer256);
        OPENSSL_cleanse(&inner512, sizeof inner512);
        OPENSSL_cleanse(&outer512, sizeof outer512);
    }
};

HmacState::HmacState(int hashBits) : d(std::make_unique<States>())
{
    d->bits = hashBits == 384 || hashBits == 512 ? hashBits : 256;
    setKey(nullptr, 0);
}

HmacState::~HmacState()
{
    d->wipe();
}

std::size_t HmacState::tagLength() const
{
    return static_cast<std::size_t>(d->bits / 8);
}

void HmacState::setKey(const unsigned char *key, std::size_t length)
{
    const std::size_t block = d->bits == 256 ? 64 : 128;
    unsigned char k[128] = {};
    if (length > block) {
        if (d->bits == 256)
            SHA256(key, length, k);
        else if (d->bits == 384)
            SHA384(key, length, k);
        else
            SHA512(key, length, k);
    } else if (length > 0) {
        std::memcpy(k, key, length);
    }
    unsigned char ipad[128], opad[128];
    for (std::size_t i = 0; i < block; ++i) {
        ipad[i] = k[i] ^ 0x36;
        opad[i] = k[i] ^ 0x5c;
    }
    if (d->bits == 256) {
        SHA256_Init(&d->inner256);
        SHA256_Update(&d->inner256, ipad, block);
        SHA256_Init(&d->outer256);
        SHA256_Update(&d->outer256, opad, block);
    } else if (d->bits == 384) {
        SHA384_Init(&d->inner512);
        SHA384_Update(&d->inner512, ipad, block);
        SHA384_Init(&d->outer512);
        SHA384_Update(&d->outer512, opad, block);
    } else {
        SHA512_Init(&d->inner512);
        SHA512_Update(&d->inner512, ipad, block);
        SHA512_Init(&d->outer512);
        SHA512_Update(&d->outer512, opad, block);
    }
    OPENSSL_cleanse(k, sizeof k);
    OPENSSL_cleanse(ipad, sizeof ipad);
    OPENSSL_cleanse(opad, sizeof opad);
}

void HmacState::mac(const char *input, std::size_t length, unsigned char *out) const
{
    if (d->bits == 256) {
        SHA256_CTX c = d->inner256;
        SHA256_Update(&c, input, length);
        SHA256_Final(out, &c);
        c = d->outer256;
        SHA256_Update(&c, out, SHA256_DIGEST_LENGTH);
        SHA256_Final(out, &c);
        OPENSSL_cleanse(&c, sizeof c);
        return;
    }
    SHA512_CTX c = d->inner512;
    const std::size_t len = tagLength();
    if (d->bits == 384) {
        SHA384_Update(&c, input, length);
        SHA384_Final(out, &c);
        c = d->outer512;
        SHA384_Update(&c, out, len);
        SHA384_Final(out, &c);
    } else {
        SHA512_Update(&c, input, length);
        SHA512_Final(out, &c);
        c = d->outer512;
        SHA512_Update(&c, out, len);
        SHA512_Final(out, &c);
    }
    OPENSSL_cleanse(&c, sizeof c);
}

bool HmacState::matches(const char *input, std::size_t length, const unsigned char *tag) const
{
    unsigned char out[SHA512_DIGEST_LENGTH];
    mac(input, length, out);
    return CRYPTO_memcmp(out, tag, tagLength()) == 0;
}

} // namespace jwb::crypto
