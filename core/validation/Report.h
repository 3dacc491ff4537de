#pragma once

#include "common/Finding.h"
#include "crypto/Algorithm.h"
#include "jose/Inspection.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace jwb::validation {

/// One step of a verification, in the order it was evaluated.
struct Check
{
    QString name; ///< stable: parse, alg, crit, typ, key, key_use, signature, claim_types, iss, aud, nbf, exp, iat
    bool ok = false;
    bool skipped = false; ///< not evaluated because an earlier step made it meaningless (still counts as not ok)
    QString message;
};

/// The verdict on a token: every check, every finding, which key decided.
struct Report
{
    bool valid = false;
    bool malformed = false; ///< the token could not be parsed (an input error rather than a verdict)
    std::optional<crypto::Algorithm> algorithm;
    int keyIndex = -1; ///< index in the key set of the key that verified (or was tried)
    QString keyKid;
    QString keyType;
    QString keyThumbprint;
    QList<Check> checks;
    common::Findings findings;
    jose::Inspection inspection;

    [[nodiscard]] const Check *check(const QString &name) const;
    /// The first failed check, or nullptr when valid.
    [[nodiscard]] const Check *firstFailure() const;
    /// `verify --json` (docs/cli.md): valid, alg, key {kid, kty, thumbprint}, checks [{name, ok, message}], findings.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace jwb::validation
