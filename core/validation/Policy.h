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
    std::shared_ptr<const common::Clock> clock = common::Clock::system();
};

} // namespace jwb::validation
