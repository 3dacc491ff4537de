#include "krakend/SignerConfig.h"
#include "krakend/Namespaces.h"

#include "crypto/Signature.h"
#include "jose/Claims.h"

#include <QJsonArray>

namespace jwb::krakend {

using common::Finding;
using common::Severity;

namespace {

OptionInfo opt(const char *name, GoType goType, const char *type, const char *defaultValue, const char *since,
    const char *meaning, QStringList enumValues = {}, bool inSchema = true, bool readAtRuntime = true,
    const char *versionNote = "")
{
    OptionInfo o;
    o.name = QString::fromLatin1(name);
    o.goType = goType;
    o.type = QString::fromUtf8(type);
    o.defaultValue = QString::fromUtf8(defaultValue);
    o.since = QString::fromLatin1(since);
    o.meaning = QString::fromUtf8(meaning);
    o.enumValues = std::move(enumValues);
    o.inSchema = inSchema;
    o.readAtRuntime = readAtRuntime;
    o.versionNote = QString::fromUtf8(versionNote);
    return o;
}

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
        QList<OptionInfo> l;
        l << opt("alg", GoType::String, "string (enum)", "none (required by the schema)", "2.0",
            "Signing algorithm, passed to go-jose as is. It must fit the key: HS* an oct key, RS*/PS* an RSA "
            "private key, ES* an EC private key on the matching curve, EdDSA an Ed25519 private key. A misfit "
            "or unknown alg makes the signer fail: the endpoint answers 401 to every request.",
            jose::Claims::krakendAlgorithms());
        l << opt("kid", GoType::String, "string", "none (required by the schema)", "2.0",
            "The key to sign with, looked up by kid only (no key_identify_strategy), once at startup. Unknown "
            "kid: \"no Keys have been found\", 401 to every request. Tokens carry the JWK's kid in their "
            "header.");
        l << opt("keys_to_sign", GoType::StringList, "array of strings", "none (required by the schema)", "2.0",
            "Top-level keys of the backend response whose value is a JSON object; each such value is replaced "
            "by its signed token. Missing keys and non-object values are skipped silently.");
        l << opt("full", GoType::Bool, "boolean", "false", "2.0",
            "false: compact h.p.s tokens; true: the flattened JWS JSON serialization, as a string.");
        l << opt("jwk_url", GoType::String, "string (URL)", "none", "2.0",
            "A private JWK Set; https:// required unless disable_jwk_security (else 401 to everything). "
            "Fetched once at startup and never refreshed.");
        l << opt("jwk_local_path", GoType::String, "string (file path)", "none", "2.0",
            "A private JWK Set file (optionally encrypted with secret_url and cypher_key). Needs "
            "disable_jwk_security: true (the schema enforces it here).");
        l << opt("disable_jwk_security", GoType::Bool, "boolean", "false", "2.0",
            "Allows a non-https jwk_url (or none) and turns off certificate verification.");
        l << opt("jwk_fingerprints", GoType::StringList, "array of strings", "none", "2.0",
            "Certificate pins as for the validator (URL-safe base64 with padding of SHA-256 over SPKI).");
        l << opt("jwk_local_ca", GoType::String, "string (PEM file path)", "none", "2.0",
            "Extra trust anchors for the JWKS download.");
        l << opt("cipher_suites", GoType::Uint16List, "array of integers", "[49199, 49195, 49200, 49196, 52392, 52393]",
            "2.0", "TLS 1.2 cipher suites for the JWKS download.");
        l << opt("secret_url", GoType::String, "string", "none", "2.0",
            "Decrypts jwk_local_path at startup, as for the validator.");
        l << opt("cypher_key", GoType::Bytes, "string (standard base64)", "none", "2.0",
            "The encrypted data key for secret_url (standard base64, else 401 to everything).");
        l << opt("leeway", GoType::String, "duration string", "1s", "2.7",
            "In the schema since 2.7 but not read by KrakenD CE's code: harmless and ignored.", {}, true, false);
        l << opt("typ", GoType::String, "string", "JWT", "2.0",
            "Overrides the typ header of the tokens. Read at run time but not in the schema, so it fails lint.", {},
            false, true);
        return l;
    }();
    return list;
}

const OptionInfo *SignerConfig::option(const QString &name)
{
    for (const auto &o : options())
        if (o.name == name)
            return &o;
    return nullptr;
}

QString SignerConfig::ns()
{
    return Namespace::signer;
}

QString SignerConfig::legacyNs()
{
    return Namespace::legacySigner;
}

SignerConfig SignerConfig::fromJson(const QJsonObject &block)
{
    SignerConfig config;
    config.m_source = block;
    QJsonObject decodable = block;
    decodable.remove(QStringLiteral("leeway")); // known to the schema, absent from the Go struct
    auto outcome = GoDecode::decode(decodable, runtimeOptions(), QStringLiteral("SignerConfig"), ns());
    config.m_values = outcome.values;
    config.m_present = outcome.present;
    if (block.contains(QLatin1String("leeway")))
        config.m_present.append(QStringLiteral("leeway"));
    config.m_typeErrors = outcome.typeErrors;
    config.m_findings = outcome.findings;
    config.analyse();
    return config;
}

void SignerConfig::setValue(const QString &option, const QJsonValue &value)
{
    QJsonObject source = m_source;
    if (value.isUndefined())
        source.remove(option);
    else
        source.insert(option, value);
    *this = fromJson(source);
}

QStringList SignerConfig::keysToSign() const
{
    QStringList out;
    const QJsonArray array = m_values.value(QLatin1String("keys_to_sign")).toArray();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

QStringList SignerConfig::jwkFingerprints() const
{
    QStringList out;
    const QJsonArray array = m_values.value(QLatin1String("jwk_fingerprints")).toArray();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

std::optional<crypto::Algorithm> SignerConfig::algorithm() const
{
    return crypto::Algorithms::fromName(alg());
}

bool SignerConfig::insecureJwkSource() const
{
    return !jwkUrl().startsWith(QLatin1String("https://")) && !disableJwkSecurity();
}

QString SignerConfig::fingerprintProblem() const
{
    const QStringList pins = jwkFingerprints();
    for (int i = 0; i < pins.size(); ++i) {
        QString error;
        if (!GoDecode::base64(pins[i].toUtf8(), true, true, &error))
            return QStringLiteral("decoding fingerprint #%1: %2").arg(i).arg(error);
    }
    return {};
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
    if (insecureJwkSource()) {
        if (!jwkLocalPath().isEmpty() && jwkUrl().isEmpty())
            add(Severity::Error, "local_path_needs_disable_jwk_security", QStringLiteral("jwk_local_path"),
                QStringLiteral("jwk_local_path needs \"disable_jwk_security\": true, or every request gets 401"));
        else
            add(Severity::Error, "insecure_jwk_url", QStringLiteral("jwk_url"),
                QStringLiteral("jwk_url \"%1\" does not start with https:// and disable_jwk_security is not true: "
                               "401 to every request")
                    .arg(jwkUrl()));
    }
    if (!jwkUrl().isEmpty() && !jwkLocalPath().isEmpty())
        add(Severity::Warning, "both_key_sources", QStringLiteral("jwk_local_path"),
            QStringLiteral("both jwk_url and jwk_local_path are set: the schema allows exactly one"));
    if (const QString p = fingerprintProblem(); !p.isEmpty())
        add(Severity::Error, "bad_fingerprint", QStringLiteral("jwk_fingerprints"),
            p + QStringLiteral(": the signer cannot be created (401 to every request)"));
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
