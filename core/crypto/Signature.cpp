#include "crypto/Signature.h"

#include "crypto/Backend.h"
#include "crypto/KeyPrivate.h"
#include "crypto/SignaturePrivate.h"

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <sodium.h>

namespace jwb::crypto::Signature {

using common::Result;

namespace {

template<typename T> Result<T> fail(const char *code, const QString &message)
{
    return Result<T>::failure(QString::fromLatin1(code), message);
}

int hashBits(Algorithm alg)
{
    return Algorithms::hashBits(alg);
}

const EVP_MD *digestFor(Algorithm alg)
{
    switch (hashBits(alg)) {
    case 256:
        return EVP_sha256();
    case 384:
        return EVP_sha384();
    default:
        return EVP_sha512();
    }
}

QString qcaHashName(Algorithm alg)
{
    return QStringLiteral("sha%1").arg(Algorithms::hashBits(alg));
}

QCA::SignatureAlgorithm qcaEmsa3(Algorithm alg)
{
    switch (hashBits(alg)) {
    case 256:
        return QCA::EMSA3_SHA256;
    case 384:
        return QCA::EMSA3_SHA384;
    default:
        return QCA::EMSA3_SHA512;
    }
}

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

struct SigDeleter
{
    void operator()(ECDSA_SIG *s) const { ECDSA_SIG_free(s); }
};

/// Sets PSS padding on a DigestSign/Verify context: MGF1 with the message hash, salt length = hash length.
bool configurePss(EVP_PKEY_CTX *pctx, Algorithm alg)
{
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, hashBits(alg) / 8) == 1
        && EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, digestFor(alg)) == 1;
}

Result<QByteArray> hmac(Algorithm alg, const Key &key, const QByteArray &input)
{
    const QString name = QStringLiteral("hmac(%1)").arg(qcaHashName(alg));
    if (!QCA::isSupported(name.toLatin1().constData()))
        return fail<QByteArray>(
            "backend_unavailable", QStringLiteral("QCA has no %1: is the qca-ossl plugin installed?").arg(name));
    QCA::MessageAuthenticationCode mac(name, QCA::SymmetricKey(QCA::SecureArray(key.secret())));
    mac.update(QCA::MemoryRegion(input));
    return mac.final().toByteArray();
}

/// QCA keys for RS*, built once per Key from its DER form and cached on the key.
Result<void> ensureQcaKey(Key::Data &d, bool priv)
{
    if (priv ? d.qcaPrivate.has_value() : d.qcaPublic.has_value())
        return {};
    if (!QCA::isSupported("pkey") || !QCA::PKey::supportedIOTypes().contains(QCA::PKey::RSA))
        return Result<void>::failure(QStringLiteral("backend_unavailable"),
            QStringLiteral("QCA cannot handle RSA keys: is the qca-ossl plugin installed?"));
    QCA::ConvertResult cr = QCA::ErrorDecode;
    if (priv) {
        auto pkcs8 = encodeKey(d.pkey.get(), true, PemFormat::Standard, "DER");
        if (!pkcs8)
            return pkcs8.error();
        QCA::PrivateKey k = QCA::PrivateKey::fromDER(QCA::SecureArray(pkcs8.value()), QCA::SecureArray(), &cr);
        if (cr != QCA::ConvertGood || k.isNull())
            return Result<void>::failure(
                QStringLiteral("backend_unavailable"), QStringLiteral("QCA could not import the RSA private key"));
        d.qcaPrivate = k;
    } else {
        auto spki = encodeKey(d.pkey.get(), false, PemFormat::Standard, "DER");
        if (!spki)
            return spki.error();
        QCA::PublicKey k = QCA::PublicKey::fromDER(spki.value(), &cr);
        if (cr != QCA::ConvertGood || k.isNull())
            return Result<void>::failure(
                QStringLiteral("backend_unavailable"), QStringLiteral("QCA could not import the RSA public key"));
        d.qcaPublic = k;
    }
    return {};
}

QByteArray p1363ToDer(const QByteArray &sig)
{
    const int half = static_cast<int>(sig.size() / 2);
    std::unique_ptr<ECDSA_SIG, SigDeleter> s(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(sig.constData()), half, nullptr);
    BIGNUM *ss = BN_bin2bn(reinterpret_cast<const unsigned char *>(sig.constData()) + half, half, nullptr);
    ECDSA_SIG_set0(s.get(), r, ss);
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(s.get(), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

QByteArray derToP1363(const QByteArray &der, int coordBytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<ECDSA_SIG, SigDeleter> s(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!s)
        return {};
    QByteArray out(coordBytes * 2, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(s.get()), reinterpret_cast<unsigned char *>(out.data()), coordBytes);
    BN_bn2binpad(ECDSA_SIG_get0_s(s.get()), reinterpret_cast<unsigned char *>(out.data()) + coordBytes, coordBytes);
    return out;
}

Result<QByteArray> evpSign(Algorithm alg, const Key &key, const QByteArray &input)
{
    const AlgorithmFamily fam = Algorithms::family(alg);
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    const EVP_MD *md = fam == AlgorithmFamily::EdDsa ? nullptr : digestFor(alg);
    if (EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key.data()->pkey.get()) != 1
        || (fam == AlgorithmFamily::RsaPss && !configurePss(pctx, alg)))
        return fail<QByteArray>("sign_failed", QStringLiteral("cannot start signing: %1").arg(opensslErrors()));
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, static_cast<size_t>(input.size())) != 1)
        return fail<QByteArray>("sign_failed", opensslErrors());
    QByteArray sig(static_cast<qsizetype>(len), '\0');
    if (EVP_DigestSign(
            ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in, static_cast<size_t>(input.size()))
        != 1)
        return fail<QByteArray>("sign_failed", opensslErrors());
    sig.resize(static_cast<qsizetype>(len));
    if (fam == AlgorithmFamily::Ecdsa)
        return derToP1363(sig, curveCoordinateBytes(key.curve()));
    return sig;
}

Result<void> evpVerify(Algorithm alg, const Key &key, const QByteArray &input, const QByteArray &signature)
{
    const AlgorithmFamily fam = Algorithms::family(alg);
    QByteArray sig = signature;
    if (fam == AlgorithmFamily::Ecdsa) {
        sig = p1363ToDer(signature);
        if (sig.isEmpty())
            return Result<void>::failure(QStringLiteral("bad_signature"), QStringLiteral("malformed ECDSA signature"));
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    const EVP_MD *md = fam == AlgorithmFamily::EdDsa ? nullptr : digestFor(alg);
    if (EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.data()->pkey.get()) != 1
        || (fam == AlgorithmFamily::RsaPss && !configurePss(pctx, alg)))
        return Result<void>::failure(QStringLiteral("backend_unavailable"),
            QStringLiteral("cannot start verification: %1").arg(opensslErrors()));
    const int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(sig.constData()),
        static_cast<size_t>(sig.size()), reinterpret_cast<const unsigned char *>(input.constData()),
        static_cast<size_t>(input.size()));
    ERR_clear_error();
    if (rc != 1)
        return Result<void>::failure(QStringLiteral("bad_signature"),
            QStringLiteral("the %1 signature does not match the signing input and key").arg(Algorithms::name(alg)));
    return {};
}

/// Ed25519 through libsodium (VerifyFlavour::Strict). The key was parsed by OpenSSL; libsodium gets its 32 raw bytes.
Result<void> sodiumVerify(const Key &key, const QByteArray &input, const QByteArray &signature)
{
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    std::size_t length = sizeof publicKey;
    if (!ed25519SodiumReady() || EVP_PKEY_get_raw_public_key(key.data()->pkey.get(), publicKey, &length) != 1
        || length != sizeof publicKey) {
        ERR_clear_error();
        return Result<void>::failure(
            QStringLiteral("backend_unavailable"), QStringLiteral("libsodium cannot take this Ed25519 key"));
    }
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
            reinterpret_cast<const unsigned char *>(input.constData()), static_cast<unsigned long long>(input.size()),
            publicKey)
        != 0)
        return Result<void>::failure(QStringLiteral("bad_signature"),
            QStringLiteral("the EdDSA signature does not match the signing input and key"));
    return {};
}

} // namespace

bool ed25519SodiumReady()
{
    // sodium_init() picks the CPU's code paths; it is idempotent and thread-safe, and a static makes it run once.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Result<void> checkKeyFits(Algorithm alg, const Key &key, bool forSigning)
{
    if (key.isNull())
        return Result<void>::failure(QStringLiteral("no_key"), QStringLiteral("no key was given"));
    const KeyType want = Algorithms::keyType(alg);
    const QString algName = Algorithms::name(alg);
    if (key.type() != want) {
        QString why
            = QStringLiteral("%1 needs %2 key, but this is %3")
                  .arg(algName,
                      want == KeyType::Oct       ? QStringLiteral("a shared secret (oct)")
                          : want == KeyType::Rsa ? QStringLiteral("an RSA")
                          : want == KeyType::Ec  ? QStringLiteral("an EC %1").arg(Algorithms::curvesText(alg))
                                                 : QStringLiteral("an %1 (OKP)").arg(Algorithms::curvesText(alg)),
                      key.description());
        if (want == KeyType::Oct)
            why += QStringLiteral(" (using a public key as an HMAC secret is the algorithm-confusion attack)");
        return Result<void>::failure(QStringLiteral("key_algorithm_mismatch"), why);
    }
    if (Algorithms::requiredCurve(alg) != Curve::None && !Algorithms::acceptsCurve(alg, key.curve()))
        return Result<void>::failure(QStringLiteral("key_algorithm_mismatch"),
            QStringLiteral("%1 needs a key on %2, but this key is on %3%4")
                .arg(algName, Algorithms::curvesText(alg), curveName(key.curve()),
                    key.curve() == Curve::X25519 || key.curve() == Curve::X448
                        ? QStringLiteral(" (a key-agreement key for JWE ECDH-ES, never for signatures)")
                        : QString()));
    if (forSigning && !key.isPrivate())
        return Result<void>::failure(QStringLiteral("key_not_private"),
            QStringLiteral("signing with %1 needs a private key; this one is public").arg(algName));
    return {};
}

namespace {

/// An algorithm whose self-test failed is never used: every sign and verify asks (the first ask runs the test).
Result<void> checkAvailable(Algorithm alg)
{
    const Backend &backend = Backend::instance();
    if (backend.isAvailable(alg))
        return {};
    return Result<void>::failure(QStringLiteral("backend_unavailable"),
        QStringLiteral("%1 is unavailable: %2").arg(Algorithms::name(alg), backend.capability(alg).detail));
}

} // namespace

Result<QByteArray> sign(Algorithm alg, const Key &key, const QByteArray &signingInput)
{
    if (auto fits = checkKeyFits(alg, key, true); !fits)
        return fits.error();
    if (auto available = checkAvailable(alg); !available)
        return available.error();
    return unchecked::sign(alg, key, signingInput);
}

Result<void> verify(
    Algorithm alg, const Key &key, const QByteArray &signingInput, const QByteArray &signature, VerifyFlavour flavour)
{
    if (auto fits = checkKeyFits(alg, key, false); !fits)
        return fits;
    if (auto available = checkAvailable(alg); !available)
        return available;
    return unchecked::verify(alg, key, signingInput, signature, flavour);
}

Result<QByteArray> unchecked::sign(Algorithm alg, const Key &key, const QByteArray &signingInput)
{
    if (auto fits = checkKeyFits(alg, key, true); !fits)
        return fits.error();
    switch (Algorithms::family(alg)) {
    case AlgorithmFamily::Hmac:
        return hmac(alg, key, signingInput);
    case AlgorithmFamily::RsaPkcs1: {
        auto *d = const_cast<Key::Data *>(key.data());
        std::lock_guard lock(d->qcaMutex);
        if (auto ok = ensureQcaKey(*d, true); !ok)
            return ok.error();
        QByteArray sig = d->qcaPrivate->signMessage(QCA::MemoryRegion(signingInput), qcaEmsa3(alg));
        if (sig.isEmpty())
            return fail<QByteArray>(
                "sign_failed", QStringLiteral("QCA failed to sign with %1").arg(Algorithms::name(alg)));
        return sig;
    }
    case AlgorithmFamily::RsaPss:
    case AlgorithmFamily::Ecdsa:
    case AlgorithmFamily::EdDsa:
        return evpSign(alg, key, signingInput);
    }
    return fail<QByteArray>("sign_failed", QStringLiteral("unknown algorithm"));
}

Result<void> unchecked::verify(
    Algorithm alg, const Key &key, const QByteArray &signingInput, const QByteArray &signature, VerifyFlavour flavour)
{
    if (auto fits = checkKeyFits(alg, key, false); !fits)
        return fits;
    const AlgorithmFamily fam = Algorithms::family(alg);
    // Exact lengths first: a JWS signature's size is fixed by the algorithm and key.
    qsizetype expected = -1;
    if (fam == AlgorithmFamily::Hmac)
        expected = hashBits(alg) / 8;
    else if (fam == AlgorithmFamily::Ecdsa)
        expected = 2 * curveCoordinateBytes(key.curve());
    else if (fam == AlgorithmFamily::EdDsa)
        expected = key.curve() == Curve::Ed448 ? 114 : 64;
    else
        expected = (key.bits() + 7) / 8;
    if (signature.size() != expected)
        return Result<void>::failure(QStringLiteral("signature_length"),
            QStringLiteral("%1 signature is %2 bytes; this key makes %3-byte signatures%4")
                .arg(Algorithms::name(alg))
                .arg(signature.size())
                .arg(expected)
                .arg(fam == AlgorithmFamily::Ecdsa && signature.startsWith('\x30')
                        ? QStringLiteral(" (it looks DER-encoded; JWS uses raw R||S)")
                        : QString()));
    switch (fam) {
    case AlgorithmFamily::Hmac: {
        auto mac = hmac(alg, key, signingInput);
        if (!mac)
            return mac.error();
        if (CRYPTO_memcmp(mac->constData(), signature.constData(), static_cast<size_t>(expected)) != 0)
            return Result<void>::failure(QStringLiteral("bad_signature"),
                QStringLiteral("the %1 MAC does not match: wrong secret or altered token").arg(Algorithms::name(alg)));
        return {};
    }
    case AlgorithmFamily::RsaPkcs1: {
        auto *d = const_cast<Key::Data *>(key.data());
        std::lock_guard lock(d->qcaMutex);
        if (auto ok = ensureQcaKey(*d, false); !ok)
            return ok;
        if (!d->qcaPublic->verifyMessage(QCA::MemoryRegion(signingInput), signature, qcaEmsa3(alg)))
            return Result<void>::failure(QStringLiteral("bad_signature"),
                QStringLiteral("the %1 signature does not match the signing input and key").arg(Algorithms::name(alg)));
        return {};
    }
    case AlgorithmFamily::EdDsa:
        if (flavour == VerifyFlavour::Strict && key.curve() == Curve::Ed25519)
            return sodiumVerify(key, signingInput, signature);
        // OpenSSL's Ed25519 rules are Go's (see VerifyFlavour); libsodium has no Ed448, OpenSSL's follows RFC 8032.
        return evpVerify(alg, key, signingInput, signature);
    case AlgorithmFamily::RsaPss:
    case AlgorithmFamily::Ecdsa:
        return evpVerify(alg, key, signingInput, signature);
    }
    return Result<void>::failure(QStringLiteral("bad_signature"), QStringLiteral("unknown algorithm"));
}

} // namespace jwb::crypto::Signature
