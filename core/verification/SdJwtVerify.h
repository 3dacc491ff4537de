#pragma once

#include "jose/Inspection.h"
#include "jose/SdJwt.h"
#include "keys/JwkSet.h"
#include "validation/Policy.h"
#include "validation/Report.h"

#include <QJsonObject>

#include <optional>

namespace jwb::verification {

/// What `verify` expects of an SD-JWT presentation beyond the issuer's rules.
struct SdJwtOptions
{
    QString audience; ///< the KB-JWT's required aud (empty: not checked, with a warning)
    QString nonce; ///< the KB-JWT's required nonce (empty: not checked, with a warning)
    qint64 maxAgeSeconds = 300; ///< how old the KB-JWT's iat may be
    bool requireKeyBinding = false; ///< a presentation without a KB-JWT is invalid
};

/// The verdict on an SD-JWT (RFC 9901 section 7): the issuer-signed JWT under the caller's keys and policy (the
/// generic verifier, so every check of `verify` applies), the Disclosures against its digests (jose::SdJwt), and
/// a Key Binding JWT when one is presented: its key-less checks (jose::checkKeyBinding) and its signature with
/// `cnf.jwk` of the Processed Payload, checked by the generic verifier with that one key and `typ: kb+jwt`.
/// The holder key comes from the issuer-signed payload, never from the KB-JWT itself.
struct SdJwtVerification
{
    bool valid = false;
    validation::Report issuer;
    jose::SdJwt sd;
    std::optional<validation::Report> keyBinding; ///< the KB-JWT's signature check, when cnf.jwk was usable
    common::Findings keyBindingProblems; ///< every KB-JWT problem (Error) and unchecked aud/nonce (Warning)

    /// `verify --json` of an SD-JWT: the issuer report's members (valid now covers the whole SD-JWT, issuer_valid
    /// the JWT alone) plus `sd_jwt` (SdJwt::toJson) with `key_binding` {present, valid, checks, problems}.
    [[nodiscard]] QJsonObject toJson() const;
};

[[nodiscard]] SdJwtVerification verifySdJwt(const jose::Inspection &inspection, const keys::JwkSet &issuerKeys,
    const validation::Policy &policy, const SdJwtOptions &options);

} // namespace jwb::verification
