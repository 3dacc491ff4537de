#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "crypto/Algorithm.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace jwb::validation {

enum class KeyIdStrategy { Kid, X5t, X5tS256, KidX5t };

[[nodiscard]] common::Result<KeyIdStrategy> keyIdStrategyFromName(const QString &name);
[[nodiscard]] QString keyIdStrategyName(KeyIdStrategy strategy);

/// A typ value as RFC 7515 §4.1.9 compares it: lower case, "application/" prepended when it has no '/'.
[[nodiscard]] QString normalizedMediaType(const QString &typ);

/// The rules a token is judged by. The accepted algorithm comes from here or from the key, never from the
/// token alone; `none` cannot be expressed.
struct Policy
{
    std::optional<crypto::Algorithm> algorithm; ///< the only accepted algorithm; empty = what the key allows
    KeyIdStrategy keyIdStrategy = KeyIdStrategy::Kid;
    QString issuer; ///< exact match when non-empty
    QStringList audiences; ///< every one must be in aud
    qint64 leewaySeconds = 0; ///< applied to exp, nbf, iat
    bool requireExp = false;
    /// The header's typ must name this media type (RFC 8725 §3.11 explicit typing), compared as RFC 7515 §4.1.9
    /// says: case-insensitively, with "application/" implied when the value has no '/'. Empty: typ not checked.
    QString requiredTyp;
    /// Verify with keys RFC 7518 and RFC 8032 call unsafe: RSA under 2048 bits, Ed25519 public keys of small
    /// order. Off by default: such a key fails the key_use check. On: it verifies, and its findings still say why
    /// it is weak.
    bool allowWeakKeys = false;
    std::shared_ptr<const common::Clock> clock = common::Clock::system();
};

} // namespace jwb::validation
