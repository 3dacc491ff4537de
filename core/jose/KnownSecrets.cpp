#include "jose/KnownSecrets.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

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

const EVP_MD *digestFor(const QString &alg)
{
    if (alg == u"HS256")
        return EVP_sha256();
    if (alg == u"HS384")
        return EVP_sha384();
    if (alg == u"HS512")
        return EVP_sha512();
    return nullptr;
}

} // namespace

int count()
{
    return static_cast<int>(kSecrets.size());
}

std::optional<QString> find(const Token &token)
{
    if (token.kind != TokenKind::Jws || !token.headerOk || token.signature.isEmpty())
        return std::nullopt;
    const EVP_MD *md = digestFor(token.alg());
    if (!md || static_cast<int>(token.signature.size()) != EVP_MD_get_size(md))
        return std::nullopt;
    const QByteArray input = token.signingInput();
    if (input.isEmpty() || input.size() > kMaxSigningInput)
        return std::nullopt;
    unsigned char mac[EVP_MAX_MD_SIZE];
    for (const char *secret : kSecrets) {
        unsigned int length = 0;
        const auto secretLength = static_cast<int>(qstrlen(secret));
        if (!HMAC(md, secret, secretLength, reinterpret_cast<const unsigned char *>(input.constData()),
                static_cast<size_t>(input.size()), mac, &length))
            return std::nullopt;
        if (length == static_cast<unsigned int>(token.signature.size())
            && CRYPTO_memcmp(mac, token.signature.constData(), length) == 0)
            return QString::fromLatin1(secret);
    }
    return std::nullopt;
}

} // namespace jwb::jose::KnownSecrets
