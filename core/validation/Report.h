#pragma once

#include "common/Check.h"
#include "common/Finding.h"
#include "crypto/Algorithm.h"
#include "jose/Inspection.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace jwb::validation {

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
    QList<common::Check> checks; ///< in evaluation order; step 1 (parse) to 13 (iat), status 0
    common::Findings findings;
    jose::Inspection inspection;

    /// The check with this name, or nullptr when it was not reached.
    [[nodiscard]] const common::Check *check(common::CheckName name) const;
    /// The same by its text ("signature"); nullptr for an unknown name.
    [[nodiscard]] const common::Check *check(const QString &name) const;
    /// The first failed check, else the first skipped one; nullptr when valid.
    [[nodiscard]] const common::Check *firstFailure() const;
    /// `verify --json` (docs/cli.md): valid, alg, key {kid, kty, thumbprint}, checks [{name, ok, message}], findings.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace jwb::validation
