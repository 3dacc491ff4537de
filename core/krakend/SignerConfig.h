#pragma once

#include "crypto/Key.h"
#include "krakend/KeySourceConfig.h"
#include "krakend/Namespaces.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonObject>

namespace jwb::krakend {

/// An endpoint's `auth/signer` block (docs/krakend-jwt.md §2) as KrakenD CE reads it: the options as data, and
/// the block decoded with Go's rules into krakend-jose's `SignerConfig`.
///
/// Unlike the validator, nothing about the signer stops KrakenD: a type error, a jwk_url without https://
/// (and no disable_jwk_security), a bad fingerprint, an unknown alg or a key that does not fit it makes the
/// signer's creation fail, and the endpoint then answers 401 to every request (`erroredHandler`). The key
/// itself is looked up once at startup, by kid only; keyProblem() judges a candidate key. `leeway` is in the
/// schema but not read by CE; `typ` is read at run time but fails lint.
class SignerConfig : public KeySourceConfig
{
public:
    SignerConfig() : KeySourceConfig(Role::Signer) { }

    [[nodiscard]] static const QList<OptionInfo> &options();
    [[nodiscard]] static const OptionInfo *option(const QString &name);
    /// "auth/signer" and its legacy alias "github.com/devopsfaith/krakend-jose/signer".
    [[nodiscard]] static QString ns() { return Namespace::signer; }
    [[nodiscard]] static QString legacyNs() { return Namespace::legacySigner; }

    [[nodiscard]] static SignerConfig fromJson(const QJsonObject &block);
    /// Edits one option of the source block and decodes again; an Undefined value removes it.
    void setValue(const QString &option, const QJsonValue &value);

    // The signer's own values (the key source's are KeySourceConfig's).
    [[nodiscard]] QString alg() const { return string(QStringLiteral("alg")); }
    [[nodiscard]] QString kid() const { return string(QStringLiteral("kid")); }
    [[nodiscard]] QStringList keysToSign() const { return stringList(QStringLiteral("keys_to_sign")); }
    [[nodiscard]] bool full() const { return boolean(QStringLiteral("full")); }
    [[nodiscard]] QString typ() const { return string(QStringLiteral("typ")); }
    [[nodiscard]] QString effectiveTyp() const { return typ().isEmpty() ? QStringLiteral("JWT") : typ(); }
    [[nodiscard]] std::optional<crypto::Algorithm> algorithm() const;

    /// Ok, or RejectsAll (every request 401); the signer never stops KrakenD.
    [[nodiscard]] RuntimeState runtimeState() const;
    [[nodiscard]] QString runtimeProblem() const;
    /// Why `key` cannot sign with alg (HS* need oct; RS*/PS* an RSA private key; ES* an EC private key on the
    /// matching curve; EdDSA an Ed25519 private key), empty when it can.
    [[nodiscard]] QString keyProblem(const crypto::Key &key) const;

    [[nodiscard]] const common::Findings &findings() const { return m_findings; }

private:
    void analyse();

    common::Findings m_findings;
};

} // namespace jwb::krakend
