#include "keys/JwkSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace jwb::keys {

using common::Finding;
using common::Result;
using common::Severity;

Result<JwkSet> JwkSet::fromJson(const QByteArray &json)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return Result<JwkSet>::failure(QStringLiteral("invalid_json"),
            QStringLiteral("not valid JSON: %1 at byte %2").arg(err.errorString()).arg(err.offset),
            {{QStringLiteral("offset"), err.offset}});
    if (!doc.isObject())
        return Result<JwkSet>::failure(
            QStringLiteral("invalid_jwks"), QStringLiteral("expected a JWK Set {\"keys\": [...]} or a JWK object"));
    return fromJsonObject(doc.object());
}

Result<JwkSet> JwkSet::fromJsonObject(const QJsonObject &object)
{
    JwkSet set;
    if (object.contains(QLatin1String("keys"))) {
        set.format = QStringLiteral("JWK Set");
        const QJsonValue keysValue = object.value(QLatin1String("keys"));
        if (!keysValue.isArray())
            return Result<JwkSet>::failure(QStringLiteral("invalid_jwks"), QStringLiteral("\"keys\" must be an array"));
        const QJsonArray arr = keysValue.toArray();
        if (arr.isEmpty())
            return Result<JwkSet>::failure(QStringLiteral("empty_jwks"), QStringLiteral("the JWK Set has no keys"));
        for (int i = 0; i < arr.size(); ++i) {
            if (!arr[i].isObject()) {
                set.skipped.append({i, QString(),
                    {QStringLiteral("invalid_jwk"), QStringLiteral("keys[%1] is not an object").arg(i), {}}});
                continue;
            }
            auto jwk = Jwk::fromJson(arr[i].toObject());
            if (jwk)
                set.keys.append(jwk.value());
            else
                set.skipped.append({i, arr[i].toObject().value(QLatin1String("kid")).toString(), jwk.error()});
        }
        if (set.keys.isEmpty()) {
            const auto &first = set.skipped.first().error;
            return Result<JwkSet>::failure(first.code,
                QStringLiteral("no usable key in the JWK Set: keys[%1]: %2")
                    .arg(set.skipped.first().index)
                    .arg(first.message));
        }
    } else if (object.contains(QLatin1String("kty"))) {
        set.format = QStringLiteral("JWK");
        auto jwk = Jwk::fromJson(object);
        if (!jwk)
            return jwk.error();
        set.keys.append(jwk.value());
    } else {
        return Result<JwkSet>::failure(QStringLiteral("invalid_jwks"),
            QStringLiteral("JSON object is neither a JWK Set (no \"keys\") nor a JWK (no \"kty\")"));
    }
    set.analyse();
    return set;
}

JwkSet JwkSet::fromKey(const Jwk &jwk, const QString &format)
{
    JwkSet set;
    set.format = format;
    set.keys.append(jwk);
    set.analyse();
    return set;
}

QJsonObject JwkSet::toJson(bool includePrivate) const
{
    QJsonArray arr;
    for (const auto &k : keys)
        arr.append(includePrivate ? k.json : k.publicJson());
    return QJsonObject {{QStringLiteral("keys"), arr}};
}

QList<int> JwkSet::indexesOfKid(const QString &kid) const
{
    QList<int> out;
    for (int i = 0; i < keys.size(); ++i)
        if (keys[i].kid == kid)
            out.append(i);
    return out;
}

QStringList JwkSet::kids() const
{
    QStringList out;
    for (const auto &k : keys)
        out.append(k.kid);
    return out;
}

bool JwkSet::isMixedSymmetry() const
{
    bool sym = false, asym = false;
    for (const auto &k : keys)
        (k.key.type() == crypto::KeyType::Oct ? sym : asym) = true;
    return sym && asym;
}

void JwkSet::analyse()
{
    findings.clear();
    QSet<QString> seen, dup;
    seen.reserve(keys.size());
    for (const auto &k : keys) {
        if (seen.contains(k.kid))
            dup.insert(k.kid);
        seen.insert(k.kid);
        for (const auto &f : k.findings)
            findings.append(Finding {f.severity, f.code, k.kid.isEmpty() ? f.subject : k.kid, f.message});
    }
    for (const auto &kid : dup)
        findings.append(Finding {Severity::Error, QStringLiteral("duplicate_kid"), kid,
            QStringLiteral("%1 appears on more than one key: a token naming it is ambiguous")
                .arg(kid.isEmpty() ? QStringLiteral("an empty kid") : QStringLiteral("kid \"%1\"").arg(kid))});
    if (isMixedSymmetry())
        findings.append(Finding {Severity::Error, QStringLiteral("mixed_key_set"), QString(),
            QStringLiteral("the set mixes shared secrets with public keys: a verifier using it can be "
                           "tricked into HMAC with public key bytes; keep them in separate sets")});
    bool pub = false, priv = false;
    for (const auto &k : keys)
        if (k.key.type() != crypto::KeyType::Oct)
            (k.key.isPrivate() ? priv : pub) = true;
    if (priv)
        findings.append(
            Finding {pub ? Severity::Error : Severity::Warning, QStringLiteral("private_keys_in_set"), QString(),
                pub ? QStringLiteral("the set mixes public and private keys")
                    : QStringLiteral("the set holds private keys: never publish it; KrakenD's validator "
                                     "refuses private JWKs")});
    for (const auto &s : skipped)
        findings.append(Finding {Severity::Error, QStringLiteral("unusable_key"), s.kid,
            QStringLiteral("keys[%1]%2 skipped: %3 (KrakenD rejects the whole set)")
                .arg(s.index)
                .arg(s.kid.isEmpty() ? QString() : QStringLiteral(" (kid \"%1\")").arg(s.kid))
                .arg(s.error.message)});
}

} // namespace jwb::keys
