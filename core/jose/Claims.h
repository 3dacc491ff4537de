#pragma once

#include "common/Finding.h"
#include "crypto/Algorithm.h"
#include "jose/Token.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace jwb::jose {

/// A NumericDate claim (exp, nbf, iat) rendered for people.
struct TimeClaim
{
    QString name; ///< "exp", "nbf" or "iat"
    qint64 unix = 0; ///< seconds since the epoch (fractions truncated, as KrakenD does)
    QDateTime utc; ///< the same instant in UTC
    QString iso; ///< ISO 8601 UTC, e.g. 2030-01-01T00:00:00Z
    QString relative; ///< "in 5 min", "3 h ago"
    QString summary; ///< "expires in 5 min", "expired 3 h ago", "issued 2 h ago", "valid since ..."
};

/// Knowledge about registered and common claims and header parameters, plus the decode-time lints.
namespace Claims {
/// One sentence explaining a registered (RFC 7519, OIDC, RFC 8693/9068) claim, or empty when unknown.
[[nodiscard]] QString describeClaim(const QString &name);
/// One sentence explaining a JOSE header parameter (RFC 7515/7516), or empty when unknown.
[[nodiscard]] QString describeHeader(const QString &name);
/// exp, nbf and iat in that order, for those present as JSON numbers.
[[nodiscard]] QList<TimeClaim> times(const QJsonObject &payload, qint64 nowUnix);
/// The algorithms KrakenD accepts in `alg` (case-sensitive).
[[nodiscard]] const QStringList &krakendAlgorithms();
/// Why KrakenD refuses an algorithm this engine verifies (ES256K, Ed25519, Ed448), as one sentence; empty for the
/// 13 it accepts. The Inspector's finding and the simulator's alg check say the same.
[[nodiscard]] QString krakendRejection(crypto::Algorithm alg);
/// Every problem visible without a key: alg none, embedded keys, missing or expired times, claim types...
/// Ordered by severity (errors first), then by where they appear.
[[nodiscard]] common::Findings lint(const Token &token, qint64 nowUnix);
} // namespace Claims

} // namespace jwb::jose
