#include "krakend/KeySourceConfig.h"

#include "common/BoundedFile.h"

#include <QDir>
#include <QJsonArray>
#include <QSslCertificate>

namespace jwb::krakend {

using common::Finding;
using common::Severity;

namespace {

/// A shared option: one row, with the meaning for each block.
struct SharedOption
{
    OptionSpec spec; ///< its meaning is the validator's
    const char *signerMeaning;
};

const QList<SharedOption> &sharedOptions()
{
    static const QList<SharedOption> list = {
        {{"jwk_url", GoType::String, "string (URL)", "none", "2.0",
             "Where the JWK Set is downloaded. Must start with the exact prefix https:// unless "
             "disable_jwk_security is true, otherwise (also when empty) every request gets 401. The response "
             "needs a Content-Type starting with application/json or application/jwk-set+json and at least one "
             "key; one unparsable key breaks the whole set."},
            "A private JWK Set; https:// required unless disable_jwk_security (else 401 to everything). Fetched "
            "once at startup and never refreshed."},
        {{"jwk_local_path", GoType::String, "string (file path)", "none", "2.0",
             "A JWK Set file read at startup (read or parse errors stop KrakenD). Wins over jwk_url when cache is "
             "false. jwk_url is then empty, so disable_jwk_security: true is required or every request gets "
             "401; cache: true with it stops KrakenD at startup."},
            "A private JWK Set file (optionally encrypted with secret_url and cypher_key). Needs "
            "disable_jwk_security: true (the schema enforces it here)."},
        {{"disable_jwk_security", GoType::Bool, "boolean", "false", "2.0",
             "Allows a jwk_url that does not start with https:// (or none at all, as with jwk_local_path) AND "
             "turns off certificate verification of the JWKS download, even for https."},
            "Allows a non-https jwk_url (or none) and turns off certificate verification."},
        {{"jwk_fingerprints", GoType::StringList, "array of strings", "none (no pinning)", "2.0",
             "Certificate pinning: SHA-256 of a presented certificate's SubjectPublicKeyInfo, in URL-safe base64 "
             "WITH padding. An entry Go's base64.URLEncoding rejects (standard alphabet, missing padding) stops "
             "KrakenD at startup; no match makes the download fail (401)."},
            "Certificate pins as for the validator (URL-safe base64 with padding of SHA-256 over SPKI)."},
        {{"jwk_local_ca", GoType::String, "string (PEM file path)", "none", "2.0",
             "Extra trust anchors for the JWKS download, added to the system roots. Unreadable: startup fatal."},
            "Extra trust anchors for the JWKS download."},
        {{"cipher_suites", GoType::Uint16List, "array of integers", "[49199, 49195, 49200, 49196, 52392, 52393]", "2.0",
             "TLS 1.2 cipher suites for the JWKS download (TLS 1.2 is the minimum)."},
            "TLS 1.2 cipher suites for the JWKS download."},
        {{"secret_url", GoType::String, "string (base64key://, awskms://, azurekeyvault://, gcpkms://, hashivault://)",
             "none", "2.0",
             "Only with jwk_local_path: the key that decrypts the file at startup (the file is AES-256-GCM "
             "encrypted with the key in cypher_key)."},
            "Decrypts jwk_local_path at startup, as for the validator."},
        {{"cypher_key", GoType::Bytes, "string (standard base64)", "none", "2.0",
             "The encrypted data key for secret_url. A Go []byte field: the JSON string must be standard "
             "base64, otherwise the block fails to parse (401 to every request)."},
            "The encrypted data key for secret_url (standard base64, else 401 to everything)."},
    };
    return list;
}

void add(common::Findings &out, Severity s, const char *code, const QString &subject, const QString &message)
{
    out.append(Finding {s, QString::fromLatin1(code), subject, message});
}

} // namespace

QList<OptionInfo> KeySourceConfig::options(Role role, const QStringList &names)
{
    QList<OptionInfo> out;
    for (const QString &name : names)
        for (const SharedOption &shared : sharedOptions())
            if (name == QLatin1String(shared.spec.name)) {
                OptionInfo info = shared.spec.info();
                if (role == Role::Signer)
                    info.meaning = QString::fromUtf8(shared.signerMeaning);
                out.append(info);
            }
    return out;
}

const QStringList &KeySourceConfig::optionNames()
{
    static const QStringList names = [] {
        QStringList l;
        for (const SharedOption &shared : sharedOptions())
            l.append(QString::fromLatin1(shared.spec.name));
        return l;
    }();
    return names;
}

common::Findings KeySourceConfig::decode(
    const QJsonObject &block, const QList<OptionInfo> &options, const QString &structName, const QString &ns)
{
    m_source = block;
    GoStruct::Outcome outcome = GoStruct::decode(block, options, structName, ns);
    m_values = std::move(outcome.values);
    m_present = std::move(outcome.present);
    m_typeErrors = std::move(outcome.typeErrors);
    return outcome.findings;
}

QJsonObject KeySourceConfig::sourceWith(const QString &option, const QJsonValue &value) const
{
    return GoStruct::withValue(m_source, option, value);
}

QStringList KeySourceConfig::stringList(const QString &name) const
{
    QStringList out;
    const QJsonArray array = m_values.value(name).toArray();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

QByteArray KeySourceConfig::cypherKey() const
{
    return QByteArray::fromBase64(string(QStringLiteral("cypher_key")).toLatin1());
}

QList<quint16> KeySourceConfig::cipherSuites() const
{
    QList<quint16> out;
    const QJsonArray array = m_values.value(QLatin1String("cipher_suites")).toArray();
    for (const auto &v : array)
        out.append(static_cast<quint16>(v.toInt()));
    return out;
}

bool KeySourceConfig::insecureJwkSource() const
{
    return !jwkUrl().startsWith(QLatin1String("https://")) && !disableJwkSecurity();
}

QString KeySourceConfig::fingerprintProblem() const
{
    const QStringList pins = jwkFingerprints();
    for (int i = 0; i < pins.size(); ++i) {
        QString error;
        if (!GoStruct::base64(pins[i].toUtf8(), true, true, &error))
            return QStringLiteral("decoding fingerprint #%1: %2").arg(i).arg(error);
    }
    return {};
}

QStringList KeySourceConfig::decodedFingerprints() const
{
    QStringList out;
    for (const QString &pin : jwkFingerprints())
        if (const auto bytes = GoStruct::base64(pin.toUtf8(), true, true))
            out.append(QString::fromLatin1(bytes->toBase64(QByteArray::Base64UrlEncoding)));
    return out;
}

KeySourceTls KeySourceConfig::tlsOptions(const QString &baseDir) const
{
    KeySourceTls tls;
    tls.options.insecure = disableJwkSecurity();
    tls.options.pins = decodedFingerprints();
    const QString ca = jwkLocalCa();
    if (ca.isEmpty())
        return tls;
    tls.caPath = QDir::isAbsolutePath(ca) || baseDir.isEmpty() ? ca : QDir(baseDir).filePath(ca);
    // KrakenD reads the file at startup (os.ReadFile) and appends its PEM blocks to the system roots.
    auto pem = common::BoundedFile::read(tls.caPath, common::BoundedFile::kKeyFileMax);
    if (!pem) {
        const common::Error &e = pem.error();
        const QString reason = e.is(common::ErrorCode::UnreadableFile)
            ? QStringLiteral("open %1: %2").arg(tls.caPath, e.details.value(QStringLiteral("reason")).toString())
            : e.message;
        tls.caError = QStringLiteral("failed to append \"%1\" to RootCAs: %2").arg(ca, reason);
        return tls;
    }
    tls.options.extraCa = QSslCertificate::fromData(pem.value(), QSsl::Pem);
    tls.caHoldsNoCertificate = tls.options.extraCa.isEmpty();
    return tls;
}

void KeySourceConfig::addKeySourceFindings(common::Findings &out) const
{
    const bool validator = m_role == Role::Validator;
    const bool hasUrl = !jwkUrl().isEmpty();
    const bool hasPath = !jwkLocalPath().isEmpty();
    if (insecureJwkSource()) {
        if (hasPath && !hasUrl)
            add(out, Severity::Error, "local_path_needs_disable_jwk_security", QStringLiteral("jwk_local_path"),
                validator ? QStringLiteral("jwk_local_path leaves jwk_url empty, which fails KrakenD's https:// "
                                           "check: add \"disable_jwk_security\": true or every request gets 401 "
                                           "(the schema does not catch this)")
                          : QStringLiteral("jwk_local_path needs \"disable_jwk_security\": true, or every request "
                                           "gets 401"));
        else if (!hasUrl && validator)
            add(out, Severity::Error, "no_key_source", QStringLiteral("jwk_url"),
                QStringLiteral("neither jwk_url nor jwk_local_path is set: every request gets 401"));
        else
            add(out, Severity::Error, "insecure_jwk_url", QStringLiteral("jwk_url"),
                QStringLiteral("jwk_url \"%1\" does not start with https:// and disable_jwk_security is not true: %2")
                    .arg(jwkUrl(),
                        validator ? QStringLiteral("every request gets 401 (\"JWK client is using an insecure "
                                                   "connection\")")
                                  : QStringLiteral("401 to every request")));
    } else if (!hasUrl && !hasPath && validator) {
        add(out, Severity::Error, "no_key_source", QStringLiteral("jwk_url"),
            QStringLiteral("neither jwk_url nor jwk_local_path is set: every key lookup downloads from an empty URL "
                           "and fails (401)"));
    }
    if (hasUrl && hasPath)
        add(out, Severity::Warning, "both_key_sources", QStringLiteral("jwk_local_path"),
            QStringLiteral("both jwk_url and jwk_local_path are set: the schema allows exactly one")
                + (!validator ? QString()
                        : boolean(QStringLiteral("cache"))
                        ? QStringLiteral("; at run time cache with jwk_local_path stops KrakenD")
                        : QStringLiteral("; at run time the file wins, and a key id missing from it makes KrakenD "
                                         "download jwk_url and then panic (500)")));
}

void KeySourceConfig::addFingerprintFinding(common::Findings &out) const
{
    const QString p = fingerprintProblem();
    if (p.isEmpty())
        return;
    add(out, Severity::Error, "bad_fingerprint", QStringLiteral("jwk_fingerprints"),
        m_role == Role::Validator ? QStringLiteral("%1: pins must be URL-safe base64 with '=' padding (Go "
                                                   "base64.URLEncoding); KrakenD exits at startup")
                                        .arg(p)
                                  : p + QStringLiteral(": the signer cannot be created (401 to every request)"));
}

} // namespace jwb::krakend
