#include "verification/SdJwtVerify.h"

#include "keys/Jwk.h"
#include "validation/Verifier.h"

#include <QJsonArray>

#include <algorithm>

namespace jwb::verification {

namespace {

using common::Finding;
using common::Severity;

bool hasError(const common::Findings &findings)
{
    return std::any_of(
        findings.begin(), findings.end(), [](const Finding &f) { return f.severity == Severity::Error; });
}

/// The holder key of the Processed Payload (RFC 7800 cnf.jwk), or why there is none.
common::Result<keys::JwkSet> holderKey(const jose::SdJwt &sd)
{
    const QJsonValue jwk = sd.disclosedPayload.value(QLatin1String("cnf")).toObject().value(QLatin1String("jwk"));
    if (!jwk.isObject())
        return common::Error {QStringLiteral("kb_jwt_no_cnf"),
            QStringLiteral("the SD-JWT's payload has no cnf.jwk: there is no holder key to check the Key Binding JWT "
                           "with"),
            {}};
    auto parsed = keys::Jwk::fromJson(jwk.toObject());
    if (!parsed)
        return common::Error {QStringLiteral("kb_jwt_bad_cnf"),
            QStringLiteral("cnf.jwk is not a usable key: %1").arg(parsed.error().message), {}};
    if (parsed->key.isPrivate())
        return common::Error {QStringLiteral("kb_jwt_bad_cnf"),
            QStringLiteral("cnf.jwk holds a private key; a holder key in a credential must be public"), {}};
    return keys::JwkSet::fromKey(parsed.value(), QStringLiteral("JWK"));
}

} // namespace

SdJwtVerification verifySdJwt(const jose::Inspection &inspection, const keys::JwkSet &issuerKeys,
    const validation::Policy &policy, const SdJwtOptions &options)
{
    SdJwtVerification v;
    v.issuer = validation::Verifier::verify(inspection, issuerKeys, policy);
    v.sd = inspection.sdJwt;
    const qint64 now = policy.clock->nowSecs();

    if (v.sd.hasKeyBinding) {
        jose::KeyBindingExpectations expected;
        expected.audience = options.audience;
        expected.nonce = options.nonce;
        expected.now = now;
        expected.maxAgeSeconds = options.maxAgeSeconds;
        expected.leewaySeconds = policy.leewaySeconds;
        v.keyBindingProblems = jose::checkKeyBinding(inspection.token, v.sd, expected);
        auto holder = holderKey(v.sd);
        if (!holder) {
            v.keyBindingProblems.append(
                Finding {Severity::Error, holder.error().code, QStringLiteral("cnf"), holder.error().message});
        } else {
            validation::Policy kbPolicy;
            kbPolicy.clock = policy.clock;
            kbPolicy.leewaySeconds = policy.leewaySeconds;
            kbPolicy.requiredTyp = QStringLiteral("kb+jwt");
            kbPolicy.allowWeakKeys = policy.allowWeakKeys;
            const jose::Inspection kb
                = jose::Inspection::inspect(QString::fromLatin1(inspection.token.keyBinding.raw), now);
            v.keyBinding = validation::Verifier::verify(kb, holder.value(), kbPolicy);
            if (!v.keyBinding->valid) {
                const common::Check *failed = v.keyBinding->firstFailure();
                v.keyBindingProblems.append(
                    Finding {Severity::Error, QStringLiteral("kb_jwt_invalid"), QStringLiteral("kb_jwt"),
                        QStringLiteral("the Key Binding JWT does not verify with cnf.jwk: %1")
                            .arg(failed ? QStringLiteral("%1: %2").arg(failed->nameText(), failed->detail)
                                        : QStringLiteral("invalid"))});
            }
        }
    } else if (options.requireKeyBinding) {
        v.keyBindingProblems.append(Finding {Severity::Error, QStringLiteral("kb_jwt_missing"),
            QStringLiteral("kb_jwt"), QStringLiteral("a Key Binding JWT is required, and none was presented")});
    } else if (v.sd.disclosedPayload.value(QLatin1String("cnf")).isObject()) {
        v.keyBindingProblems.append(
            Finding {Severity::Warning, QStringLiteral("kb_jwt_absent"), QStringLiteral("kb_jwt"),
                QStringLiteral("the SD-JWT names a holder key (cnf) but was presented without a Key Binding JWT: "
                               "nothing proves that the presenter holds it")});
    }
    v.valid = v.issuer.valid && v.sd.ok() && !hasError(v.keyBindingProblems);
    return v;
}

QJsonObject SdJwtVerification::toJson() const
{
    QJsonObject o = issuer.toJson();
    o.insert(QStringLiteral("issuer_valid"), issuer.valid);
    o.insert(QStringLiteral("valid"), valid);
    QJsonObject sdJson = sd.toJson();
    QJsonObject kb {{QStringLiteral("present"), sd.hasKeyBinding},
        {QStringLiteral("valid"), sd.hasKeyBinding ? QJsonValue(!hasError(keyBindingProblems)) : QJsonValue()}};
    if (keyBinding)
        kb.insert(QStringLiteral("checks"), keyBinding->toJson().value(QStringLiteral("checks")));
    if (sd.hasKeyBinding) {
        const QJsonObject parsed = sdJson.value(QStringLiteral("key_binding")).toObject();
        kb.insert(QStringLiteral("header"), parsed.value(QStringLiteral("header")));
        kb.insert(QStringLiteral("payload"), parsed.value(QStringLiteral("payload")));
    }
    kb.insert(QStringLiteral("problems"), jose::findingsToJson(keyBindingProblems));
    sdJson.insert(QStringLiteral("key_binding"), kb);
    sdJson.insert(QStringLiteral("valid"), sd.ok());
    o.insert(QStringLiteral("sd_jwt"), sdJson);
    return o;
}

} // namespace jwb::verification
