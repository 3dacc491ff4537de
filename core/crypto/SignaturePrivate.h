#pragma once

// Internal to core/crypto/*.cpp: the signature primitives without the availability check, for the self-test
// (crypto/Backend.cpp) that decides availability. Everything else goes through Signature::sign and ::verify.

#include "crypto/Signature.h"

namespace jwb::crypto::Signature::unchecked {

[[nodiscard]] common::Result<QByteArray> sign(Algorithm alg, const Key &key, const QByteArray &signingInput);
[[nodiscard]] common::Result<void> verify(
    Algorithm alg, const Key &key, const QByteArray &signingInput, const QByteArray &signature, VerifyFlavour flavour);

} // namespace jwb::crypto::Signature::unchecked
