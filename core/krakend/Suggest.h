#pragma once

#include "jose/Token.h"

#include <QJsonObject>
#include <QStringList>

namespace jwb::krakend {

/// A claim path that could feed roles_key or scopes_key.
struct ClaimCandidate
{
    QString path; ///< "roles", "realm_access.roles", "https://example.com/roles"
    bool nested = false; ///< needs roles_key_is_nested (roles) — scopes nest on any dot by themselves
    QString shape; ///< "array of 3 strings", "space-separated string (2 items)"
    QStringList sample; ///< the first values
};

/// What a token (and optionally its issuer's discovery document) reveals about the validator block it
/// needs: alg, issuer, audience, jwk_url, and ranked candidates for roles_key and scopes_key (claim paths
/// holding strings or arrays of strings; names that look like roles/groups or scopes come first).
struct Suggestion
{
    QString alg;
    QString issuer;
    QStringList audience;
    QString jwkUrl;
    QList<ClaimCandidate> rolesKey;
    QList<ClaimCandidate> scopesKey;

    static Suggestion fromToken(const jose::Token &token, const QJsonObject &discovery = {});
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace jwb::krakend
