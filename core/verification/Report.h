#pragma once

#include "common/Check.h"
#include "common/Error.h"
#include "common/Finding.h"
#include "common/Verdict.h"
#include "krakend/Simulator.h"
#include "validation/Report.h"

#include <QList>
#include <QString>

#include <optional>

namespace jwb::verification {

/// The key that decided, as far as the verification knows it.
struct KeyDescription
{
    QString label; ///< where the keys came from (Context::keyLabel, or the simulator's key source)
    QString kid; ///< generic rules: the key that verified (or was tried)
    QString type; ///< "RSA", "EC", "OKP", "oct"
    QString thumbprint; ///< RFC 7638
    int index = -1; ///< in the key set; -1 when no key was selected
};

/// The answer of verify(): one typed verdict, every check in order, and where it stopped.
///
/// Generic rules: the checks are validation::Verifier's (step 1 parse … 13 iat, status 0), all of them evaluated;
/// stoppedAt is -1. Gateway endpoint: the checks are the simulator's in KrakenD's order, `status` is KrakenD's
/// answer and stoppedAt the check it stops at (-1 when it lets the request through); the checks after it are
/// skipped, marked wouldAlsoFail when they would fail too.
struct Report
{
    common::Verdict verdict = common::Verdict::NotVerified;
    int status = 0; ///< gateway: 200, 401, 403 or 500; 0 for the generic rules
    QList<common::Check> checks;
    int stoppedAt = -1;
    common::Findings findings; ///< generic: the token's and the keys'; gateway: the config's
    /// One line, English: the first failure ("signature: …"), KrakenD's reason, why nothing was judged, or the key
    /// error.
    QString summary;
    KeyDescription key;
    std::optional<common::Error> keyError; ///< set with Verdict::KeyError
    std::optional<validation::Report> generic; ///< the generic verifier's own report
    std::optional<krakend::SimulationResult> gateway; ///< the simulator's own result

    [[nodiscard]] bool isGateway() const { return gateway.has_value(); }
    /// The check with this name, or nullptr when it is not in the report.
    [[nodiscard]] const common::Check *check(common::CheckName name) const;
    /// The check KrakenD stops at (gateway), nullptr otherwise.
    [[nodiscard]] const common::Check *stoppingCheck() const;
    /// What decided against the token: the stopping check (gateway), else the first failed check, else the first
    /// skipped one; nullptr when every check passed.
    [[nodiscard]] const common::Check *firstFailure() const;
};

} // namespace jwb::verification
