#include "jose/KnownSecrets.h"

#include "crypto/Key.h"
#include "crypto/PreparedVerifier.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <optional>
#include <vector>

namespace jwb::jose::KnownSecrets {

namespace {

// Defaults of tutorials and frameworks, jwt.io's sample secret, and the most common short passwords.
constexpr std::array kSecrets = {"your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "secret",
    "secretkey", "secret_key", "secret-key", "SecretKey", "Secret", "SECRET", "jwt_secret", "jwt-secret", "jwtsecret",
    "JWT_SECRET", "my_secret", "mysecret", "my-secret", "mysecretkey", "my-secret-key", "my_secret_key",
    "your_secret_key", "your-secret-key", "yoursecretkey", "supersecret", "super-secret", "supersecretkey",
    "super_secret_key", "topsecret", "top-secret", "s3cr3t", "s3cret", "secret123", "secret1234", "Secret123",
    "password", "Password", "password1", "password123", "passw0rd", "P@ssw0rd", "changeme", "change-me", "changeit",
    "change_this_secret", "replace-me", "default", "defaultsecret", "key", "jwtkey", "jwt-key", "jwt_key", "token",
    "tokensecret", "auth", "authsecret", "auth-secret", "api", "apikey", "api_key", "api-secret", "test", "testing",
    "testsecret", "test-secret", "test_secret", "dev", "development", "devsecret", "dev-secret", "local", "demo",
    "example", "sample", "admin", "administrator", "root", "qwerty", "qwerty123", "123456", "1234567890", "12345678",
    "123456789", "abc123", "letmein", "welcome", "hello", "hello world", "Hello World", "keyboard cat", "shhhhh",
    "shhhhhared-secret", "foobar", "foo", "bar", "gottfried", "hmac", "hs256", "HS256", "krakend", "signingkey",
    "signing-key", "private", "privatekey", "jwt", "JWT", "null", "undefined", "none", ""};

} // namespace

int count()
{
    return static_cast<int>(kSecrets.size());
}

std::optional<QString> find(const Token &token)
{
    if (token.kind != TokenKind::Jws || !token.headerOk || token.signature.isEmpty())
        return std::nullopt;
    const auto alg = crypto::Algorithms::fromName(token.alg());
    if (!alg || crypto::Algorithms::family(*alg) != crypto::AlgorithmFamily::Hmac)
        return std::nullopt;
    const QByteArray input = token.signingInput();
    if (input.isEmpty() || input.size() > kMaxSigningInput)
        return std::nullopt;
    // One prepared HMAC per secret and hash, made once per thread: a check costs the three hash passes of each
    // HMAC and nothing else (HMAC() would fetch the digest and set up a context every time, ~120 times).
    // The empty secret cannot be a Key: it is checked last, with HMAC() directly.
    struct Prepared
    {
        const char *secret;
        crypto::PreparedVerifier verifier;
    };
    thread_local std::array<std::optional<std::vector<Prepared>>, 3> prepared;
    auto &verifiers = prepared[static_cast<size_t>(*alg) - static_cast<size_t>(crypto::Algorithm::HS256)];
    if (!verifiers) {
        verifiers.emplace();
        for (const char *secret : kSecrets) {
            auto key = crypto::Key::fromSecret(QByteArray(secret));
            if (!key)
                continue;
            if (auto verifier = crypto::PreparedVerifier::create(*alg, key.value()))
                verifiers->push_back({secret, std::move(verifier.value())});
        }
    }
    const auto *signature = reinterpret_cast<const unsigned char *>(token.signature.constData());
    for (Prepared &p : *verifiers)
        if (p.verifier.verify(input.constData(), static_cast<size_t>(input.size()), signature,
                static_cast<size_t>(token.signature.size())))
            return QString::fromLatin1(p.secret);
    const int hashBits = crypto::Algorithms::hashBits(*alg);
    const EVP_MD *md = hashBits == 256 ? EVP_sha256() : hashBits == 384 ? EVP_sha384() : EVP_sha512();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    static const unsigned char empty[1] = {0};
    if (HMAC(md, empty, 0, reinterpret_cast<const unsigned char *>(input.constData()),
            static_cast<size_t>(input.size()), mac, &length)
        && length == static_cast<unsigned int>(token.signature.size())
        && CRYPTO_memcmp(mac, token.signature.constData(), length) == 0)
        return QString();
    return std::nullopt;
}

} // namespace jwb::jose::KnownSecrets
