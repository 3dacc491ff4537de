#pragma once

#include "common/Finding.h"
#include "common/Result.h"
#include "keys/Jwk.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace jwb::keys {

/// A key that could not be used, and why (the rest of the set still works here; KrakenD would reject the
/// whole set, which the simulator reports separately).
struct SkippedKey
{
    int index = -1;
    QString kid;
    common::Error error;
};

/// A set of keys from any source: a JWK Set, a single JWK, PEM or DER (certificates included), or a
/// shared secret. Parsed once; verification looks keys up here.
class JwkSet
{
public:
    QList<Jwk> keys;
    QList<SkippedKey> skipped;
    common::Findings findings; ///< duplicate kids, mixed symmetric/asymmetric or public/private keys
    QString format; ///< "JWK Set", "JWK", "PEM", "DER", "secret"
    /// The issuer these keys were discovered for (OpenID Connect discovery, RFC 8414), empty otherwise. Keys
    /// published by an issuer vouch only for that issuer's tokens: the verifier requires iss to equal it.
    QString issuer;

    /// {"keys":[...]} or a single JWK object. A set whose every key fails is an error.
    static common::Result<JwkSet> fromJson(const QByteArray &json);
    static common::Result<JwkSet> fromJsonObject(const QJsonObject &object);
    static JwkSet fromKey(const Jwk &jwk, const QString &format);

    /// {"keys":[...]}: public members only unless includePrivate.
    [[nodiscard]] QJsonObject toJson(bool includePrivate) const;
    /// Indexes of the keys whose kid equals `kid` exactly.
    [[nodiscard]] QList<int> indexesOfKid(const QString &kid) const;
    [[nodiscard]] QStringList kids() const;
    /// Both symmetric (oct) and asymmetric keys: an ambiguous set that invites algorithm confusion.
    [[nodiscard]] bool isMixedSymmetry() const;
    [[nodiscard]] bool isEmpty() const { return keys.isEmpty(); }

    /// Recomputes `findings` from `keys` and `skipped`.
    void analyse();
};

} // namespace jwb::keys
