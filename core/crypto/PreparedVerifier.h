#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "crypto/Key.h"
#include "crypto/Signature.h"

#include <cstddef>
#include <memory>

namespace jwb::crypto {

/// A signature verifier bound to one algorithm and one key, for verifying many tokens: every object it needs (the
/// EVP_PKEY_CTX with padding and digest set, the HMAC inner and outer hash states, the raw Ed25519 public key for
/// libsodium or the EdDSA EVP_MD_CTX for OpenSSL) is made once in create(), so that verify() costs one digest plus
/// the public-key operation, with no allocation and no copy of the input. That is the same work `openssl speed`
/// (for EdDSA: libsodium's crypto_sign_verify_detached) measures.
///
/// It answers exactly as Signature::verify does for the same algorithm, key, input, signature and VerifyFlavour
/// (same length rules, raw R||S for ECDSA, PSS salt = hash length, constant-time MAC comparison, the same Ed25519
/// library); tst_wycheproof checks that on every vector, and tst_batchverifier on generated tokens. Signature::verify
/// stays the reference path (and the one the design card routes through QCA for HS and RS); this one serves the batch
/// verifier's fast path.
///
/// Not thread-safe: give each thread its own (create() is cheap; Key copies share the parsed key).
class PreparedVerifier
{
public:
    /// Fails with checkKeyFits' errors, or backend_unavailable when OpenSSL refuses the set-up. It does not ask
    /// crypto::Backend whether the algorithm passed its self-test (that would run the test): a caller that decides
    /// validity must (the batch verifier treats an unavailable algorithm as the verifier does). The known-secret
    /// lint (jose/KnownSecrets) uses it without asking, so that decoding an HS token runs no self-test.
    static common::Result<PreparedVerifier> create(
        Algorithm alg, const Key &key, VerifyFlavour flavour = VerifyFlavour::Strict);

    PreparedVerifier(PreparedVerifier &&other) noexcept;
    PreparedVerifier &operator=(PreparedVerifier &&other) noexcept;
    ~PreparedVerifier();

    /// True when `signature` is a valid JWS signature of `input` (the ASCII signing input).
    [[nodiscard]] bool verify(
        const char *input, std::size_t inputLength, const unsigned char *signature, std::size_t signatureLength);
    /// The exact signature length this algorithm and key produce.
    [[nodiscard]] std::size_t signatureLength() const;
    [[nodiscard]] Algorithm algorithm() const;

private:
    struct State;
    explicit PreparedVerifier(std::unique_ptr<State> state);
    std::unique_ptr<State> d;
};

} // namespace jwb::crypto
