#pragma once

#include "common/Result.h"
#include "crypto/Algorithm.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <memory>

namespace jwb::crypto {

/// Big-endian unsigned integers of an RSA key (RFC 7518 §6.3). Private members are empty for a public key.
struct RsaComponents
{
    QByteArray n, e, d, p, q, dp, dq, qi;
};

/// An EC key on a NIST curve (RFC 7518 §6.2): x, y (and d) padded to the curve's coordinate length.
struct EcComponents
{
    Curve curve = Curve::None;
    QByteArray x, y, d;
};

/// An OKP key (RFC 8037): x is the public key, d the private seed.
struct OkpComponents
{
    Curve curve = Curve::None;
    QByteArray x, d;
};

/// What is known about an X.509 certificate a key came from.
struct CertificateInfo
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString serialHex;
    QByteArray der;
    bool selfSigned = false;
};

enum class PemFormat {
    Standard, ///< SPKI ("PUBLIC KEY") for public keys, PKCS#8 ("PRIVATE KEY") for private keys
    TypeSpecific, ///< PKCS#1 ("RSA PUBLIC/PRIVATE KEY") or SEC1 ("EC PRIVATE KEY")
};

/// A parsed key: an opaque, immutable, cheaply copyable value. Parse once, use for many tokens; the
/// backend objects (OpenSSL EVP_PKEY, QCA keys) are created once and shared between copies.
///
/// Factories validate what they are given: EC points must be on their curve, a private EC key must match
/// its public point, RSA moduli under 1024 bits are refused, and curves other than P-256/384/521, secp256k1,
/// Ed25519/Ed448 and X25519/X448 are reported as unsupported by name. X25519 and X448 keys (OKP) serve JWE
/// ECDH-ES only: no signature algorithm accepts them.
class Key
{
public:
    Key() = default;

    [[nodiscard]] bool isNull() const { return !m_d; }
    [[nodiscard]] KeyType type() const;
    [[nodiscard]] Curve curve() const;
    [[nodiscard]] bool isPrivate() const;
    /// RSA modulus bits, curve field bits (256/384/521/255) or the secret length in bits.
    [[nodiscard]] int bits() const;
    /// "RSA 2048", "EC P-256", "OKP Ed25519", "OKP X25519", "oct 512 bits".
    [[nodiscard]] QString description() const;
    /// An Ed25519 public key that is one of the 8 points of small order, in any of its 14 encodings (either sign
    /// bit; y = 0 and y = 1 also written non-canonically as p and p + 1). Under such a key a signature forged
    /// without any secret (R and A of small order, S = 0) verifies for a share of all messages, or for every
    /// message when the key is the identity. Always false for other key types.
    [[nodiscard]] bool isSmallOrder() const;

    static common::Result<Key> fromSecret(const QByteArray &secret);
    static common::Result<Key> fromRsa(const RsaComponents &c);
    static common::Result<Key> fromEc(const EcComponents &c);
    static common::Result<Key> fromOkp(const OkpComponents &c);
    /// PEM text: SPKI, PKCS#1, PKCS#8 (optionally encrypted, with `passphrase`), SEC1, or an X.509 certificate
    /// (its public key; the certificate is kept, see certificate()). The first key block found is used.
    static common::Result<Key> fromPem(const QByteArray &pem, const QByteArray &passphrase = {});
    /// DER: SPKI, PKCS#1, PKCS#8, SEC1 or an X.509 certificate, detected automatically.
    static common::Result<Key> fromDer(const QByteArray &der);
    /// A fresh key from the system CSPRNG: RSA of `bits` (2048..8192), EC on `curve`, OKP on `curve` (Ed25519 when
    /// Curve::None; Ed448, X25519, X448), or a secret of `bits` bits (at least 256).
    static common::Result<Key> generate(KeyType type, int bits = 0, Curve curve = Curve::None);

    [[nodiscard]] QByteArray secret() const; ///< oct keys only
    [[nodiscard]] RsaComponents rsa() const;
    [[nodiscard]] EcComponents ec() const;
    [[nodiscard]] OkpComponents okp() const;
    [[nodiscard]] bool hasCertificate() const;
    [[nodiscard]] CertificateInfo certificate() const;

    /// The public half (the same key when already public). For oct keys there is none: returns the key itself.
    [[nodiscard]] Key publicKey() const;
    [[nodiscard]] common::Result<QByteArray> toPem(bool includePrivate, PemFormat format = PemFormat::Standard) const;
    [[nodiscard]] common::Result<QByteArray> toDer(bool includePrivate, PemFormat format = PemFormat::Standard) const;
    /// DER SubjectPublicKeyInfo (what KrakenD pins hash, and what QCA imports).
    [[nodiscard]] QByteArray spkiDer() const;

    /// Same key material (public parts; plus secret for oct).
    [[nodiscard]] bool samePublicKey(const Key &other) const;

    struct Data;
    [[nodiscard]] const Data *data() const { return m_d.get(); }

private:
    [[nodiscard]] common::Result<QByteArray> encoded(
        bool includePrivate, PemFormat format, const char *outputType) const;
    explicit Key(std::shared_ptr<Data> d) : m_d(std::move(d)) { }
    std::shared_ptr<Data> m_d;
};

} // namespace jwb::crypto
