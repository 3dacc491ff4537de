#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace jwb::common {

/// Every check name a verification can report: the generic verifier's (validation::Verifier: parse … iat) and the
/// KrakenD simulator's (krakend::Simulator: config, token, parse … backend). Their text forms (checkNameText) are a
/// stable contract: `verify --json` and `simulate --json` print them, and tests compare them.
enum class CheckName {
    Config, ///< "config": KrakenD's startup checks (simulator step 0)
    Token, ///< "token": the token is found in the request (header or cookie)
    Parse, ///< "parse"
    Alg, ///< "alg"
    Crit, ///< "crit"
    Typ, ///< "typ"
    Key, ///< "key": a key is found for the token
    KeyUse, ///< "key_use": the key may be used for signatures (use, key_ops)
    Signature, ///< "signature"
    ClaimTypes, ///< "claim_types"
    Iss, ///< "iss"
    Aud, ///< "aud"
    Nbf, ///< "nbf"
    Exp, ///< "exp"
    Iat, ///< "iat"
    ClaimsMap, ///< "claims_map"
    Revocation, ///< "revocation"
    Roles, ///< "roles"
    Scopes, ///< "scopes"
    PropagateClaims, ///< "propagate_claims"
    UrlParams, ///< "url_params"
    Backend, ///< "backend": the request goes on to the next handler
};

/// The stable text of a check name ("claim_types" for CheckName::ClaimTypes).
[[nodiscard]] QString checkNameText(CheckName name);
/// The check name with that exact text; nullopt for any other text (no case folding).
[[nodiscard]] std::optional<CheckName> checkNameFromText(QStringView text);
/// Every check name, in declaration order.
[[nodiscard]] const QList<CheckName> &allCheckNames();

/// How a check came out. Skip: not evaluated, or (simulator) not reached because an earlier check stopped the
/// request. Skip counts as "not ok".
enum class Outcome { Pass, Fail, Skip };

/// "pass", "fail", "skip" (the `result` member of `simulate --json`).
[[nodiscard]] QString outcomeText(Outcome outcome);
/// The outcome with that exact text; nullopt for any other text.
[[nodiscard]] std::optional<Outcome> outcomeFromText(QStringView text);
/// Every outcome, in declaration order.
[[nodiscard]] const QList<Outcome> &allOutcomes();

/// One step of any verification, generic (validation::Report::checks) or KrakenD's (krakend::SimulationResult::
/// checks; krakend::SimulationCheck is an alias of this type). `step` orders checks: the generic verifier numbers
/// its checks 1 (parse) to 13 (iat) in the order it evaluates them; the simulator uses the step of KrakenD's
/// pipeline (docs/krakend-jwt.md §3, 0 for the startup checks), which several checks can share (6: iss, aud, nbf,
/// exp, iat). `detail` is an English sentence (the CLI prints it; it is not translated). `status` is the HTTP
/// answer KrakenD gives when this check stops the request (401, 403, 500), 0 when it cannot stop it and for the
/// generic verifier. `wouldAlsoFail` marks a simulator check after the stopping one that was evaluated anyway and
/// would fail too (the same checks as SimulationResult::alsoFails).
struct Check
{
    int step = 0;
    CheckName name = CheckName::Parse;
    Outcome outcome = Outcome::Skip;
    QString detail;
    int status = 0;
    bool wouldAlsoFail = false;

    [[nodiscard]] bool ok() const { return outcome == Outcome::Pass; }
    [[nodiscard]] bool failed() const { return outcome == Outcome::Fail; }
    [[nodiscard]] bool skipped() const { return outcome == Outcome::Skip; }
    [[nodiscard]] QString nameText() const { return checkNameText(name); }

    friend bool operator==(const Check &, const Check &) = default;
};

/// The first check of `checks` with this name, or nullptr.
[[nodiscard]] const Check *findCheck(const QList<Check> &checks, CheckName name);
/// The first failed check of `checks`, else the first one not passed (skipped); nullptr when every check passed.
[[nodiscard]] const Check *firstFailure(const QList<Check> &checks);

} // namespace jwb::common
