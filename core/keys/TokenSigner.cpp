#include "keys/TokenSigner.h"

#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Base64Url.h"

#include <QJsonDocument>

namespace jwb::keys::TokenSigner {

common::Result<Jwk> chooseKey(crypto::Algorithm alg, const JwkSet &set, const std::optional<QString> &kid)
{
    std::optional<common::Error> lastError; // keeps its stable code: key_algorithm_mismatch or key_not_private
    for (const auto &jwk : set.keys) {
        if (kid && set.keys.size() > 1 && jwk.kid != *kid)
            continue;
        if (auto fits = crypto::Signature::checkKeyFits(alg, jwk.key, true); !fits) {
            lastError = fits.error();
            continue;
        }
        return jwk;
    }
    if (lastError)
        return *lastError;
    if (set.keys.isEmpty())
        return common::Result<Jwk>::failure(QStringLiteral("no_key"), QStringLiteral("the key set is empty"));
    return common::Result<Jwk>::failure(QStringLiteral("unknown_kid"),
        QStringLiteral("no key with kid \"%1\" in the key set").arg(kid.value_or(QString())));
}

common::Result<QString> signBytes(
    crypto::Algorithm alg, const crypto::Key &key, const QByteArray &headerJson, const QByteArray &payloadJson)
{
    if (!crypto::Backend::instance().isAvailable(alg)) {
        return common::Result<QString>::failure(QStringLiteral("algorithm_unavailable"),
            QStringLiteral("%1 is unavailable: %2")
                .arg(crypto::Algorithms::name(alg), crypto::Backend::instance().capability(alg).detail));
    }
    const QByteArray signingInput = jose::Base64Url::encode(headerJson) + '.' + jose::Base64Url::encode(payloadJson);
    auto signature = crypto::Signature::sign(alg, key, signingInput);
    if (!signature)
        return signature.error();
    return QString::fromLatin1(signingInput + '.' + jose::Base64Url::encode(signature.value()));
}

common::Result<SignedToken> sign(crypto::Algorithm alg, const JwkSet &set, const QJsonObject &payload,
    const QJsonObject &extraHeader, const std::optional<QString> &kid)
{
    auto chosen = chooseKey(alg, set, kid);
    if (!chosen)
        return chosen.error();
    const QString algName = crypto::Algorithms::name(alg);
    SignedToken out;
    out.payload = payload;
    out.keyKid = chosen->kid;
    if (chosen->key.type() == crypto::KeyType::Oct && chosen->key.bits() < crypto::Algorithms::hashBits(alg)) {
        out.warnings.append(QStringLiteral("the secret has %1 bits; %2 requires at least %3 (RFC 7518 §3.2)")
                                .arg(chosen->key.bits())
                                .arg(algName)
                                .arg(crypto::Algorithms::hashBits(alg)));
    }
    out.header = QJsonObject {{QStringLiteral("alg"), algName}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QString headerKid = kid ? *kid : chosen->kid;
    if (!headerKid.isEmpty())
        out.header.insert(QStringLiteral("kid"), headerKid);
    for (auto it = extraHeader.begin(); it != extraHeader.end(); ++it) {
        if (it.key() == u"alg" && it.value().toString() != algName) {
            return common::Result<SignedToken>::failure(QStringLiteral("header_alg"),
                QStringLiteral("the extra header cannot change alg; choose the algorithm"));
        }
        out.header.insert(it.key(), it.value());
    }
    auto token = signBytes(alg, chosen->key, QJsonDocument(out.header).toJson(QJsonDocument::Compact),
        QJsonDocument(out.payload).toJson(QJsonDocument::Compact));
    if (!token)
        return token.error();
    out.token = token.value();
    return out;
}

} // namespace jwb::keys::TokenSigner
