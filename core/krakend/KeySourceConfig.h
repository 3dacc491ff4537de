#pragma once

#include "common/Finding.h"
#include "keysource/NetworkOptions.h"
#include "krakend/OptionInfo.h"
#include "krakend/go/GoStruct.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace jwb::krakend {

/// The TLS settings of a key source's JWKS download, as KrakenD builds them from the block.
struct KeySourceTls
{
    keysource::NetworkOptions options; ///< insecure (disable_jwk_security), pins, extra CA (jwk_local_ca)
    QString caPath; ///< jwk_local_ca resolved against the config's folder; empty when unset
    /// Why KrakenD cannot use jwk_local_ca, in its words ("failed to append \"ca.pem\" to RootCAs: open …");
    /// empty when the file could be read. KrakenD does not start (validator) or answers 401 (signer).
    QString caError;
    bool caHoldsNoCertificate = false; ///< the file has no PEM certificate: Go adds nothing, silently
};

/// The part krakend-jose's validator (`auth/validator`) and signer (`auth/signer`) blocks share: the block decoded
/// with Go's rules (GoStruct), and its key source (jwk_url, jwk_local_path, disable_jwk_security, jwk_fingerprints,
/// jwk_local_ca, cipher_suites, secret_url, cypher_key): the options as data, their values, the TLS settings of
/// the download and the findings about them. ValidatorConfig and SignerConfig are built on it.
class KeySourceConfig
{
public:
    /// Which block: the wording of meanings and findings differs (a validator's problem stops KrakenD or rejects
    /// every request; a signer's always rejects every request).
    enum class Role { Validator, Signer };

    /// The shared options named in `names`, in that order, with `role`'s meanings.
    [[nodiscard]] static QList<OptionInfo> options(Role role, const QStringList &names);
    /// The eight shared option names.
    [[nodiscard]] static const QStringList &optionNames();

    [[nodiscard]] Role role() const { return m_role; }
    [[nodiscard]] const QJsonObject &source() const { return m_source; }
    /// Whether the block sets this option (also through a Go-folded spelling).
    [[nodiscard]] bool isSet(const QString &option) const { return m_present.contains(option); }
    /// The decoded value of an option (Undefined when unset or when it failed to decode).
    [[nodiscard]] QJsonValue value(const QString &option) const { return m_values.value(option); }
    /// Every decoded option, canonical names, as KrakenD's struct holds them.
    [[nodiscard]] const QJsonObject &values() const { return m_values; }
    /// Go's decoding errors (each makes the endpoint answer 401 to everything).
    [[nodiscard]] const QStringList &typeErrors() const { return m_typeErrors; }

    // The key source's raw values, as the Go struct holds them after decoding (zero values when unset).
    [[nodiscard]] QString jwkUrl() const { return string(QStringLiteral("jwk_url")); }
    [[nodiscard]] QString jwkLocalPath() const { return string(QStringLiteral("jwk_local_path")); }
    [[nodiscard]] QString secretUrl() const { return string(QStringLiteral("secret_url")); }
    [[nodiscard]] QByteArray cypherKey() const;
    [[nodiscard]] bool disableJwkSecurity() const { return boolean(QStringLiteral("disable_jwk_security")); }
    [[nodiscard]] QStringList jwkFingerprints() const { return stringList(QStringLiteral("jwk_fingerprints")); }
    [[nodiscard]] QString jwkLocalCa() const { return string(QStringLiteral("jwk_local_ca")); }
    [[nodiscard]] QList<quint16> cipherSuites() const;

    /// jwk_url lacks the exact "https://" prefix and disable_jwk_security is false (also for jwk_local_path).
    [[nodiscard]] bool insecureJwkSource() const;
    /// "decoding fingerprint #i: ..." for the first jwk_fingerprints entry Go's base64.URLEncoding rejects.
    [[nodiscard]] QString fingerprintProblem() const;
    /// The fingerprints decoded with Go's rules and re-encoded canonically (URL-safe base64, padded).
    [[nodiscard]] QStringList decodedFingerprints() const;
    /// The TLS settings of the JWKS download; `baseDir` is the config's folder (relative jwk_local_ca).
    [[nodiscard]] KeySourceTls tlsOptions(const QString &baseDir) const;

protected:
    explicit KeySourceConfig(Role role) : m_role(role) { }

    /// Decodes `block` with Go's rules into this struct's fields (`options`); returns the decoding findings.
    common::Findings decode(
        const QJsonObject &block, const QList<OptionInfo> &options, const QString &structName, const QString &ns);
    /// The source block with one option set (through the member KrakenD reads) or removed (Undefined).
    [[nodiscard]] QJsonObject sourceWith(const QString &option, const QJsonValue &value) const;

    /// The findings about where the keys come from: an insecure jwk_url, jwk_local_path without
    /// disable_jwk_security, no key source (validator), both sources.
    void addKeySourceFindings(common::Findings &out) const;
    /// bad_fingerprint, when a pin does not decode.
    void addFingerprintFinding(common::Findings &out) const;

    [[nodiscard]] QString string(const QString &name) const { return m_values.value(name).toString(); }
    [[nodiscard]] bool boolean(const QString &name) const { return m_values.value(name).toBool(); }
    [[nodiscard]] quint32 uint32(const QString &name) const
    {
        return static_cast<quint32>(m_values.value(name).toDouble());
    }
    [[nodiscard]] QStringList stringList(const QString &name) const;

    Role m_role;
    QJsonObject m_source;
    QJsonObject m_values;
    QStringList m_present;
    QStringList m_typeErrors;
};

} // namespace jwb::krakend
