#pragma once

#include "krakend/ValidatorConfig.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::krakend {

/// krakend-jose's claim lookups after the signature: roles (CanAccess), scopes (the scopes matchers) and the claim
/// a propagate_claims pair reads, with KrakenD's nesting rules and its panics on non-string array elements.
namespace Matchers {

enum class MatchKind { Pass, Fail, Panic };

/// What a roles or scopes check decides: Pass, Fail (403) or Panic (Go's runtime error; gin answers 500).
struct Match
{
    Match(MatchKind k, QString d, QString p = QString()) : kind(k), detail(std::move(d)), panic(std::move(p)) { }
    MatchKind kind = MatchKind::Fail;
    QString detail; ///< one sentence for the check
    QString panic; ///< Go's runtime error for MatchKind::Panic
};

/// getNestedClaim: walks every segment but the last through JSON objects; nullopt when the path breaks, with
/// `broken` saying where ("\"a.b\" is missing", "\"a\" is a string, not an object").
[[nodiscard]] std::optional<QJsonObject> nestedParent(
    const QJsonObject &claims, const QStringList &segments, QString *broken);
/// CanAccess for one claim: for each required role, for each token role (type-asserted to string as it goes).
/// An array holds roles; a string holds them separated by single spaces.
[[nodiscard]] Match canAccess(const QString &key, const QJsonObject &claims, const QStringList &required);
/// The roles check of a validator (roles_key, nested when rolesLookupIsNested()).
[[nodiscard]] Match roles(const ValidatorConfig &config, const QJsonObject &claims);
/// The scopes check of a validator (scopes_key, dotted keys nested; scopes_matcher any or all).
[[nodiscard]] Match scopes(const ValidatorConfig &config, const QJsonObject &claims);
/// Claims.Get after CalculateHeadersToPropagate's nesting rule (a dotted name not starting with "http" is a
/// path): Undefined when missing.
[[nodiscard]] QJsonValue propagationValue(const QJsonObject &claims, const QString &claim);

} // namespace Matchers

} // namespace jwb::krakend
