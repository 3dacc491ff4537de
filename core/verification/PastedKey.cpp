#include "verification/PastedKey.h"

#include "crypto/Algorithm.h"

namespace jwb::verification {

PastedKeyForm pastedKeyForm(const jose::Token &token, const Policy &policy)
{
    std::optional<crypto::Algorithm> alg;
    if (policy.gateway) {
        alg = crypto::Algorithms::fromName(policy.gateway->validator.alg());
    } else if (policy.rules.algorithm) {
        alg = policy.rules.algorithm;
    } else if (token.headerOk) {
        alg = crypto::Algorithms::fromName(token.alg());
    }
    return alg && crypto::Algorithms::family(*alg) == crypto::AlgorithmFamily::Hmac ? PastedKeyForm::Secret
                                                                                    : PastedKeyForm::KeyText;
}

} // namespace jwb::verification
