#pragma once

#include "jose/Token.h"
#include "verification/Policy.h"

namespace jwb::verification {

/// The form a key typed or pasted by hand takes: a shared secret (the bytes of a text in some encoding) or key
/// material (a JWK, a JWK Set, a PEM or DER key or certificate).
enum class PastedKeyForm { KeyText, Secret };

/// The form that fits this token under this policy: a secret when the algorithm the token will be judged with is an
/// HMAC one (HS256, HS384, HS512), key material otherwise. That algorithm is the policy's when it names one (a gateway
/// endpoint's alg, the generic rules' expected algorithm), else the token header's alg. This only chooses how the
/// input is offered; the algorithm a token is verified with is still the policy's and the key's, never the token's.
/// A token without a readable header (or with an alg this engine does not know) gets KeyText.
[[nodiscard]] PastedKeyForm pastedKeyForm(const jose::Token &token, const Policy &policy);

} // namespace jwb::verification
