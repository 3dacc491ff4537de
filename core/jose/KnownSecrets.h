#pragma once

#include "jose/Token.h"

#include <QString>

#include <optional>

namespace jwb::jose {

/// Tries the HMAC secrets that tutorials, framework defaults and leaked samples use ("your-256-bit-secret",
/// "secret", "changeme", ...) on an HS256/384/512 token. A match means anybody can forge tokens for whoever
/// accepts it. No key is needed and nothing leaves the machine; the check is skipped for tokens whose signing
/// input exceeds kMaxSigningInput so that huge tokens stay instant.
namespace KnownSecrets {
inline constexpr qsizetype kMaxSigningInput = 64 * 1024;

/// The well-known secret the token's signature verifies with, if any.
[[nodiscard]] std::optional<QString> find(const Token &token);
/// How many secrets find() tries.
[[nodiscard]] int count();
} // namespace KnownSecrets

} // namespace jwb::jose
