#include "krakend/SignerConfig.h"
#include "krakend/Namespaces.h"

#include "crypto/Signature.h"
#include "jose/Claims.h"

#include <QJsonArray>

namespace jwb::krakend {

using common::Finding;
using common::Severity;

namespace {

/// The options KrakenD's Go struct has (leeway is schema-only and never decoded).
const QList<OptionInfo> &runtimeOptions()
{
    static const QList<OptionInfo> list = [] {
        QList<OptionInfo> l;
        for (const auto &o : SignerConfig::options())
            if (o.readAtRuntime)
                l.append(o);
        return l;
    }();
    return list;
}

} // namespace

const QList<OptionInfo> &SignerConfig::options()
{
    static const QList<OptionInfo> list = [] {
        QList<OptionInfo> l = optionList({
            {"alg", GoType::String, "string (enum)", "none (required by the schema)", "2.0",
                "Signing algorithm, passed to go-jose as is. It must fit the key: HS* an oct key, RS*/PS* an RSA "
                "private key, ES* an EC private key on the matching curve, EdDSA an Ed25519 private key. A misfit "
                "or unknown alg makes the signer fail: the endpoint answers 401 to every request.",
                jose::Claims::krakendAlgorithms()},
            {"kid", GoType::String, "string", "none (required by the schema)", "2.0",
                "The key to sign with, looked up by kid only (no key_identify_strategy), once at startup. Unknown "
                "kid: \"no Keys have been found\", 401 to every request. Tokens carry the JWK's kid in their "
                "header."},
            {"keys_to_sign", GoType::StringList, "array of strings", "none (required by the schema)", "2.0",
                "Top-level keys of the backend response whose value is a JSON object; each such value is replaced "
                "by its signed token. Missing keys and non-object values are skipped silently."},
            {"full", GoType::Bool, "boolean", "false", "2.0",
                "false: compact h.p.s tokens; true: the flattened JWS JSON serialization, as a string."},
        });
        l += KeySourceConfig::options(Role::Signer, KeySourceConfig::optionNames());
        l += optionList({
            {"leeway", GoType::String, "duration string", "1s", "2.7",
                "In the schema since 2.7 but not read by KrakenD CE's code: harmless and ignored.", {}, "", true,
                false},
            {"typ", GoType::String, "string", "JWT", "2.0",
                "Overrides the typ header of the tokens. Read at run time but not in the schema, so it fails lint.", {},
                "", false, true},
        });
        return l;
    }();
    return list;
}

const OptionInfo *SignerConfig::option(const QString &name)
{
    return findOption(options(), name);
}

SignerConfig SignerConfig::fromJson(const QJsonObject &block)
{
    SignerConfig config;
    QJsonObject decodable = block;
    decodable.remove(QStringLiteral("leeway")); // known to the schema, absent from the Go struct
    config.m_findings = config.decode(decodable, runtimeOptions(), QStringLiteral("SignerConfig"), ns());
    config.m_source = block;
    if (block.contains(QLatin1String("leeway")))
        config.m_present.append(QStringLiteral("leeway"));
    config.analyse();
    return config;
}

void SignerConfig::setValue(const QString &option, const QJsonValue &value)
{
    *this = fromJson(sourceWith(option, value));
}

std::optional<crypto::Algorithm> SignerConfig::algorithm() const
{
    return crypto::Algorithms::fromKrakendName(alg());
}

QString SignerConfig::keyProblem(const crypto::Key &key) const
{
    const auto a = algorithm();
    if (!a)
        return QStringLiteral("go-jose/go-jose: unknown/unsupported algorithm \"%1\"").arg(alg());
    if (auto fits = crypto::Signature::checkKeyFits(*a, key, true); !fits)
        return fits.error().message;
    return {};
}

RuntimeState SignerConfig::runtimeState() const
{
    if (!m_typeErrors.isEmpty() || insecureJwkSource() || !fingerprintProblem().isEmpty() || !algorithm())
        return RuntimeState::RejectsAll;
    return RuntimeState::Ok;
}

QString SignerConfig::runtimeProblem() const
{
    if (!m_typeErrors.isEmpty())
        return QStringLiteral("Unable to create the signer: ") + m_typeErrors.first();
    if (insecureJwkSource())
        return QStringLiteral("Unable to create the signer: JWK client is using an insecure connection to the JWK "
                              "service");
    if (const QString p = fingerprintProblem(); !p.isEmpty())
        return QStringLiteral("Unable to create the signer: ") + p;
    if (!algorithm())
        return QStringLiteral("Unable to create the signer: go-jose/go-jose: unknown/unsupported algorithm \"%1\"")
            .arg(alg());
    return {};
}

void SignerConfig::analyse()
{
    auto add = [this](Severity s, const char *code, const QString &subject, const QString &message) {
        m_findings.append(Finding {s, QString::fromLatin1(code), subject, message});
    };
    for (const QString &e : std::as_const(m_typeErrors))
        add(Severity::Error, "type_error", QString(),
            e + QStringLiteral(": the signer cannot be created and the endpoint answers 401 to every request"));
    for (const char *required : {"alg", "kid", "keys_to_sign"})
        if (!isSet(QLatin1String(required)))
            add(Severity::Error, "missing_required", QLatin1String(required),
                QStringLiteral("\"%1\" is required by the schema").arg(QLatin1String(required)));
    if (!algorithm())
        add(Severity::Error, "unknown_alg", QStringLiteral("alg"),
            QStringLiteral("alg \"%1\" is not a JWS algorithm KrakenD can sign with: 401 to every request").arg(alg()));
    addKeySourceFindings(m_findings);
    addFingerprintFinding(m_findings);
    if (isSet(QStringLiteral("keys_to_sign")) && keysToSign().isEmpty())
        add(Severity::Warning, "nothing_to_sign", QStringLiteral("keys_to_sign"),
            QStringLiteral("keys_to_sign is empty: responses pass through unsigned"));
    if (m_source.contains(QLatin1String("leeway")))
        add(Severity::Info, "signer_leeway_ignored", QStringLiteral("leeway"),
            QStringLiteral("leeway passes lint but KrakenD CE's signer does not read it"));
    if (isSet(QStringLiteral("typ")))
        add(Severity::Warning, "signer_typ_not_in_schema", QStringLiteral("typ"),
            QStringLiteral("typ works at run time but is not in the schema: krakend check --lint fails"));
}

} // namespace jwb::krakend
