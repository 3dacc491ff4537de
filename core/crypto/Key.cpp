#include "crypto/Key.h"

#include "crypto/KeyPrivate.h"

#include <QTimeZone>

#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace jwb::crypto {

using common::Result;

QString opensslErrors()
{
    QStringList parts;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        const char *reason = ERR_reason_error_string(code);
        parts.append(reason ? QString::fromLatin1(reason) : QString::fromLatin1(buf));
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral("; "));
}

namespace {

struct BnDeleter
{
    void operator()(BIGNUM *b) const { BN_clear_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;
struct CtxDeleter
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
using CtxPtr = std::unique_ptr<EVP_PKEY_CTX, CtxDeleter>;
struct BldDeleter
{
    void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamDeleter
{
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

template<typename T> Result<T> fail(const char *code, const QString &message)
{
    return Result<T>::failure(QString::fromLatin1(code), message);
}

BnPtr toBn(const QByteArray &bytes)
{
    return BnPtr(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), static_cast<int>(bytes.size()), nullptr));
}

QByteArray fromBn(const BIGNUM *bn, int padTo = 0)
{
    if (!bn)
        return {};
    const int len = std::max(BN_num_bytes(bn), padTo);
    QByteArray out(len, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), len);
    return out;
}

QByteArray bnParam(const EVP_PKEY *pkey, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
        ERR_clear_error();
        return {};
    }
    BnPtr holder(bn);
    return fromBn(bn, padTo);
}

/// The EVP_PKEY type of an OKP curve; EVP_PKEY_NONE for any other curve.
int okpPkeyType(Curve c)
{
    switch (c) {
    case Curve::Ed25519:
        return EVP_PKEY_ED25519;
    case Curve::Ed448:
        return EVP_PKEY_ED448;
    case Curve::X25519:
        return EVP_PKEY_X25519;
    case Curve::X448:
        return EVP_PKEY_X448;
    default:
        return EVP_PKEY_NONE;
    }
}

const char *groupName(Curve c)
{
    switch (c) {
    case Curve::P256:
        return "prime256v1";
    case Curve::P384:
        return "secp384r1";
    case Curve::P521:
        return "secp521r1";
    case Curve::Secp256k1:
        return "secp256k1";
    default:
        return nullptr;
    }
}

QString certName(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, static_cast<qsizetype>(len));
}

QDateTime asn1Time(const ASN1_TIME *t)
{
    struct tm tmv
    {
    };
    if (!t || ASN1_TIME_to_tm(t, &tmv) != 1)
        return {};
    return QDateTime(
        QDate(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday), QTime(tmv.tm_hour, tmv.tm_min, tmv.tm_sec), Qt::UTC);
}

CertificateInfo certInfo(X509 *x)
{
    CertificateInfo info;
    info.subject = certName(X509_get_subject_name(x));
    info.issuer = certName(X509_get_issuer_name(x));
    info.notBefore = asn1Time(X509_get0_notBefore(x));
    info.notAfter = asn1Time(X509_get0_notAfter(x));
    const ASN1_INTEGER *serial = X509_get0_serialNumber(x);
    BnPtr bn(ASN1_INTEGER_to_BN(serial, nullptr));
    info.serialHex = QString::fromLatin1(fromBn(bn.get()).toHex(':'));
    const int len = i2d_X509(x, nullptr);
    info.der.resize(len);
    auto *p = reinterpret_cast<unsigned char *>(info.der.data());
    i2d_X509(x, &p);
    info.selfSigned = X509_check_issued(x, x) == X509_V_OK;
    return info;
}

bool privateMatchesPublic(EVP_PKEY *pkey, KeyType type)
{
    if (type == KeyType::Ec) {
        CtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
        const bool ok = ctx && EVP_PKEY_pairwise_check(ctx.get()) == 1;
        ERR_clear_error();
        return ok;
    }
    if (type != KeyType::Rsa)
        return true;
    const BnPtr n = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_N)), e = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_E)),
                d = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_D)), p = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1)),
                q = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_FACTOR2));
    if (BN_is_zero(p.get()) || BN_is_zero(q.get()))
        return true;
    std::unique_ptr<BN_CTX, decltype(&BN_CTX_free)> ctx(BN_CTX_new(), &BN_CTX_free);
    BnPtr pq(BN_new()), ed(BN_new()), m(BN_new()), r(BN_new());
    if (!ctx || !pq || !ed || !m || !r || BN_mul(pq.get(), p.get(), q.get(), ctx.get()) != 1
        || BN_cmp(pq.get(), n.get()) != 0 || BN_mul(ed.get(), e.get(), d.get(), ctx.get()) != 1)
        return false;
    for (const BIGNUM *prime : {p.get(), q.get()}) {
        if (!BN_copy(m.get(), prime) || BN_sub_word(m.get(), 1) != 1 || BN_is_zero(m.get())
            || BN_mod(r.get(), ed.get(), m.get(), ctx.get()) != 1 || !BN_is_one(r.get()))
            return false;
    }
    // The CRT members, which signing uses: dp = d mod (p−1), dq = d mod (q−1), qi·q ≡ 1 (mod p).
    const BnPtr dp = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1)),
                dq = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2)),
                qi = toBn(bnParam(pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1));
    if (BN_is_zero(dp.get()) || BN_is_zero(dq.get()) || BN_is_zero(qi.get()))
        return true;
    for (const auto &[prime, exponent] : {std::pair {p.get(), dp.get()}, std::pair {q.get(), dq.get()}}) {
        if (!BN_copy(m.get(), prime) || BN_sub_word(m.get(), 1) != 1
            || BN_mod(r.get(), d.get(), m.get(), ctx.get()) != 1 || BN_cmp(r.get(), exponent) != 0)
            return false;
    }
    return BN_mod_mul(r.get(), qi.get(), q.get(), p.get(), ctx.get()) == 1 && BN_is_one(r.get());
}

/// Fills type/curve/bits/isPrivate from an EVP_PKEY and rejects what JOSE here cannot use.
Result<Key> adopt(
    EvpPkeyPtr pkey, std::optional<CertificateInfo> cert, const std::function<Key(std::shared_ptr<Key::Data>)> &make)
{
    auto d = std::make_shared<Key::Data>();
    const int id = EVP_PKEY_get_base_id(pkey.get());
    switch (id) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: {
        d->type = KeyType::Rsa;
        d->bits = EVP_PKEY_get_bits(pkey.get());
        if (d->bits < 1024)
            return fail<Key>("key_too_small",
                QStringLiteral("RSA key of %1 bits is refused: at least 1024 bits are required, and 2048 "
                               "are recommended (RFC 7518 §3.3)")
                    .arg(d->bits));
        d->isPrivate = !bnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_D).isEmpty();
        break;
    }
    case EVP_PKEY_EC: {
        d->type = KeyType::Ec;
        char name[64] = {0};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(pkey.get(), OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len) != 1)
            return fail<Key>("unsupported_curve", QStringLiteral("EC key with explicit or unknown curve parameters"));
        const QString group = QString::fromLatin1(name);
        if (group == u"prime256v1" || group == u"P-256")
            d->curve = Curve::P256;
        else if (group == u"secp384r1" || group == u"P-384")
            d->curve = Curve::P384;
        else if (group == u"secp521r1" || group == u"P-521")
            d->curve = Curve::P521;
        else if (group == u"secp256k1")
            d->curve = Curve::Secp256k1;
        else
            return fail<Key>("unsupported_curve",
                QStringLiteral("EC curve %1 is not supported: JWS uses P-256, P-384, P-521 (ES256/384/512) and "
                               "secp256k1 (ES256K)")
                    .arg(group));
        d->bits = EVP_PKEY_get_bits(pkey.get());
        d->isPrivate = !bnParam(pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY).isEmpty();
        break;
    }
    case EVP_PKEY_ED25519:
    case EVP_PKEY_ED448:
    case EVP_PKEY_X25519:
    case EVP_PKEY_X448: {
        // X25519/X448 are key-agreement keys (JWE ECDH-ES, RFC 8037 section 3.2); no JWS algorithm accepts them.
        d->type = KeyType::Okp;
        d->curve = id == EVP_PKEY_ED25519 ? Curve::Ed25519
            : id == EVP_PKEY_ED448        ? Curve::Ed448
            : id == EVP_PKEY_X25519       ? Curve::X25519
                                          : Curve::X448;
        d->bits = id == EVP_PKEY_ED25519 || id == EVP_PKEY_X25519 ? 255 : 448;
        size_t len = 0;
        d->isPrivate = EVP_PKEY_get_raw_private_key(pkey.get(), nullptr, &len) == 1
            && len == static_cast<size_t>(curveCoordinateBytes(d->curve));
        ERR_clear_error();
        break;
    }
    case EVP_PKEY_DSA:
        return fail<Key>("unsupported_key_type", QStringLiteral("DSA keys are not used by JWS"));
    default:
        return fail<Key>(
            "unsupported_key_type", QStringLiteral("unsupported key type %1").arg(QString::fromLatin1(OBJ_nid2sn(id))));
    }
    // A private key must belong to its public half (a corrupted PEM/DER body can still parse). For RSA the
    // arithmetic is checked directly (n = p·q, e·d ≡ 1 mod p−1 and q−1): OpenSSL's pairwise check also proves
    // p and q prime, which costs 50 ms for 2048 bits and 400 ms for 4096. RSA keys given without their factors
    // (a JWK with only d) cannot be checked this way.
    if (d->isPrivate && !privateMatchesPublic(pkey.get(), d->type))
        return fail<Key>("inconsistent_key",
            QStringLiteral("the private key does not match its public key (a corrupted or altered key)"));
    d->pkey = std::move(pkey);
    d->certificate = std::move(cert);
    return make(std::move(d));
}

Result<EvpPkeyPtr> fromParams(const char *type, OSSL_PARAM_BLD *bld, int selection)
{
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(bld));
    // One fromdata context per thread and key type: creating it fetches the key manager by name, which costs as
    // much as building the key (it shows when a JWK Set of thousands of keys loads).
    struct Cached
    {
        std::string type;
        CtxPtr ctx;
    };
    thread_local std::vector<Cached> cache;
    EVP_PKEY_CTX *ctx = nullptr;
    for (const auto &c : cache)
        if (c.type == type)
            ctx = c.ctx.get();
    if (!ctx) {
        CtxPtr made(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
        if (made && EVP_PKEY_fromdata_init(made.get()) == 1) {
            ctx = made.get();
            cache.push_back({type, std::move(made)});
        }
    }
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata(ctx, &raw, selection, params.get()) != 1)
        return Result<EvpPkeyPtr>::failure(QStringLiteral("invalid_key"),
            QStringLiteral("%1 key rejected by OpenSSL: %2").arg(QString::fromLatin1(type), opensslErrors()));
    return EvpPkeyPtr(raw);
}

Result<EvpPkeyPtr> decodeWith(const char *inputType, const QByteArray &data, const QByteArray &passphrase)
{
    EVP_PKEY *pkey = nullptr;
    OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(&pkey, inputType, nullptr, nullptr, 0, nullptr, nullptr);
    if (!dctx)
        return Result<EvpPkeyPtr>::failure(QStringLiteral("invalid_key"), opensslErrors());
    if (!passphrase.isEmpty())
        OSSL_DECODER_CTX_set_passphrase(dctx, reinterpret_cast<const unsigned char *>(passphrase.constData()),
            static_cast<size_t>(passphrase.size()));
    const auto *ptr = reinterpret_cast<const unsigned char *>(data.constData());
    size_t len = static_cast<size_t>(data.size());
    const int ok = OSSL_DECODER_from_data(dctx, &ptr, &len);
    OSSL_DECODER_CTX_free(dctx);
    if (ok != 1 || !pkey) {
        EVP_PKEY_free(pkey);
        const QString why = opensslErrors();
        return Result<EvpPkeyPtr>::failure(
            QStringLiteral("invalid_key"), why.isEmpty() ? QStringLiteral("not a key OpenSSL recognises") : why);
    }
    return EvpPkeyPtr(pkey);
}

} // namespace

Result<QByteArray> encodeKey(const EVP_PKEY *pkey, bool includePrivate, PemFormat format, const char *outputType)
{
    const int selection = includePrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
    const char *structure = format == PemFormat::TypeSpecific ? "type-specific"
        : includePrivate                                      ? "PrivateKeyInfo"
                                                              : "SubjectPublicKeyInfo";
    OSSL_ENCODER_CTX *ectx = OSSL_ENCODER_CTX_new_for_pkey(pkey, selection, outputType, structure, nullptr);
    if (!ectx || OSSL_ENCODER_CTX_get_num_encoders(ectx) == 0) {
        OSSL_ENCODER_CTX_free(ectx);
        ERR_clear_error();
        return Result<QByteArray>::failure(
            QStringLiteral("unsupported_format"), QStringLiteral("this key cannot be written in that format"));
    }
    unsigned char *buf = nullptr;
    size_t len = 0;
    const int ok = OSSL_ENCODER_to_data(ectx, &buf, &len);
    OSSL_ENCODER_CTX_free(ectx);
    if (ok != 1)
        return Result<QByteArray>::failure(QStringLiteral("encode_failed"), opensslErrors());
    QByteArray out(reinterpret_cast<const char *>(buf), static_cast<qsizetype>(len));
    OPENSSL_clear_free(buf, len);
    return out;
}

KeyType Key::type() const
{
    return m_d ? m_d->type : KeyType::Oct;
}
Curve Key::curve() const
{
    return m_d ? m_d->curve : Curve::None;
}
bool Key::isPrivate() const
{
    return m_d && m_d->isPrivate;
}
int Key::bits() const
{
    return m_d ? m_d->bits : 0;
}

QString Key::description() const
{
    if (!m_d)
        return QStringLiteral("no key");
    switch (m_d->type) {
    case KeyType::Oct:
        return QStringLiteral("oct %1 bits").arg(m_d->bits);
    case KeyType::Rsa:
        return QStringLiteral("RSA %1%2").arg(m_d->bits).arg(m_d->isPrivate ? QStringLiteral(" private") : QString());
    case KeyType::Ec:
    case KeyType::Okp:
        return QStringLiteral("%1 %2%3").arg(
            keyTypeName(m_d->type), curveName(m_d->curve), m_d->isPrivate ? QStringLiteral(" private") : QString());
    }
    return QString();
}

Result<Key> Key::fromSecret(const QByteArray &secret)
{
    if (secret.isEmpty())
        return fail<Key>("empty_secret", QStringLiteral("the secret is empty"));
    auto d = std::make_shared<Data>();
    d->type = KeyType::Oct;
    d->secret = secret;
    d->bits = static_cast<int>(secret.size() * 8);
    d->isPrivate = true;
    return Key(std::move(d));
}

Result<Key> Key::fromRsa(const RsaComponents &c)
{
    if (c.n.isEmpty() || c.e.isEmpty())
        return fail<Key>("invalid_key", QStringLiteral("RSA key needs both n and e"));
    BnPtr n = toBn(c.n), e = toBn(c.e);
    if (BN_is_zero(e.get()) || BN_is_one(e.get()) || !BN_is_odd(e.get()))
        return fail<Key>("invalid_key", QStringLiteral("RSA public exponent e must be odd and greater than 1"));
    if (!BN_is_odd(n.get()))
        return fail<Key>("invalid_key", QStringLiteral("RSA modulus n must be odd"));
    std::unique_ptr<OSSL_PARAM_BLD, BldDeleter> bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get());
    const bool priv = !c.d.isEmpty();
    BnPtr d, p, q, dp, dq, qi;
    if (priv) {
        d = toBn(c.d);
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, d.get());
        if (!c.p.isEmpty() && !c.q.isEmpty() && (c.dp.isEmpty() || c.dq.isEmpty() || c.qi.isEmpty())) {
            // d, p and q without the CRT members: derive them, as go-jose (and so KrakenD) does with
            // rsa.PrivateKey.Precompute, instead of refusing the key (KrakenD's own fixtures have such JWKs).
            p = toBn(c.p), q = toBn(c.q), dp.reset(BN_new()), dq.reset(BN_new()), qi.reset(BN_new());
            BnPtr pm1(BN_dup(p.get())), qm1(BN_dup(q.get()));
            std::unique_ptr<BN_CTX, decltype(&BN_CTX_free)> bnCtx(BN_CTX_new(), BN_CTX_free);
            if (!BN_sub_word(pm1.get(), 1) || !BN_sub_word(qm1.get(), 1)
                || !BN_mod(dp.get(), d.get(), pm1.get(), bnCtx.get())
                || !BN_mod(dq.get(), d.get(), qm1.get(), bnCtx.get())
                || !BN_mod_inverse(qi.get(), q.get(), p.get(), bnCtx.get()))
                return fail<Key>("inconsistent_key",
                    QStringLiteral("RSA private key is inconsistent: p and q are not "
                                   "usable primes"));
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR1, p.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR2, q.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT1, dp.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT2, dq.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1, qi.get());
        } else if (!c.p.isEmpty() && !c.q.isEmpty() && !c.dp.isEmpty() && !c.dq.isEmpty() && !c.qi.isEmpty()) {
            p = toBn(c.p), q = toBn(c.q), dp = toBn(c.dp), dq = toBn(c.dq), qi = toBn(c.qi);
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR1, p.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR2, q.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT1, dp.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT2, dq.get());
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1, qi.get());
        }
    }
    auto pkey = fromParams("RSA", bld.get(), priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
    if (!pkey)
        return pkey.error();
    if (priv) {
        // The arithmetic check (n = p·q, e·d ≡ 1): OpenSSL's pairwise check would also prove p and q prime, tens of
        // milliseconds per key (the demo workspace's private JWK alone cost a fifth of the app's start-up).
        if (!c.p.isEmpty() && !privateMatchesPublic(pkey->get(), KeyType::Rsa))
            return fail<Key>("inconsistent_key",
                QStringLiteral("RSA private key is inconsistent (n, e, d, p, q do not belong together)"));
    }
    return adopt(std::move(pkey).value(), std::nullopt, [](auto d) { return Key(std::move(d)); });
}

Result<Key> Key::fromEc(const EcComponents &c)
{
    const char *group = groupName(c.curve);
    if (!group)
        return fail<Key>("unsupported_curve", QStringLiteral("EC keys must be on P-256, P-384, P-521 or secp256k1"));
    const int len = curveCoordinateBytes(c.curve);
    if (c.x.size() != len || c.y.size() != len)
        return fail<Key>("invalid_key",
            QStringLiteral("%1 coordinates must be %2 bytes each (x has %3, y has %4)")
                .arg(curveName(c.curve))
                .arg(len)
                .arg(c.x.size())
                .arg(c.y.size()));
    if (!c.d.isEmpty() && c.d.size() != len)
        return fail<Key>("invalid_key",
            QStringLiteral("%1 private scalar d must be %2 bytes (has %3)")
                .arg(curveName(c.curve))
                .arg(len)
                .arg(c.d.size()));
    const QByteArray point = QByteArray(1, '\x04') + c.x + c.y;
    if (c.d.isEmpty()) {
        // Public keys (JWK Sets hold thousands): copy the curve's parameters from a per-thread template key and set
        // the point, instead of building the group from its name for every key (the group's set-up costs more than
        // the rest of the key). The checks below are the same either way.
        thread_local std::map<Curve, EvpPkeyPtr> templates;
        EvpPkeyPtr &templ = templates[c.curve];
        if (!templ)
            templ.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", group));
        EvpPkeyPtr key(EVP_PKEY_new());
        if (templ && key && EVP_PKEY_copy_parameters(key.get(), templ.get()) == 1
            && EVP_PKEY_set1_encoded_public_key(key.get(), reinterpret_cast<const unsigned char *>(point.constData()),
                   static_cast<size_t>(point.size()))
                == 1) {
            CtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
            if (EVP_PKEY_public_check_quick(ctx.get()) == 1)
                return adopt(std::move(key), std::nullopt, [](auto d) { return Key(std::move(d)); });
        }
        ERR_clear_error(); // refused: the general path below gives the precise error
    }
    std::unique_ptr<OSSL_PARAM_BLD, BldDeleter> bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
    OSSL_PARAM_BLD_push_octet_string(
        bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), static_cast<size_t>(point.size()));
    BnPtr d;
    if (!c.d.isEmpty()) {
        d = toBn(c.d);
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get());
    }
    auto pkey = fromParams("EC", bld.get(), c.d.isEmpty() ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR);
    if (!pkey)
        return fail<Key>(
            "invalid_key", QStringLiteral("the point is not a valid %1 public key").arg(curveName(c.curve)));
    CtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey->get(), nullptr));
    // P-256, P-384, P-521 and secp256k1 have cofactor 1: a point on the curve other than infinity has order n, so the
    // quick check (on the curve, not infinity) is the whole check; the full one would add a scalar multiplication by n
    // per key (70 us, most of the time spent loading a large JWK Set).
    if (EVP_PKEY_public_check_quick(ctx.get()) != 1) {
        ERR_clear_error();
        return fail<Key>("invalid_key",
            QStringLiteral("the point (x, y) is not on curve %1: refusing it (invalid-curve attack)")
                .arg(curveName(c.curve)));
    }
    if (!c.d.isEmpty() && EVP_PKEY_pairwise_check(ctx.get()) != 1) {
        ERR_clear_error();
        return fail<Key>(
            "inconsistent_key", QStringLiteral("the private scalar d does not match the public point (x, y)"));
    }
    return adopt(std::move(pkey).value(), std::nullopt, [](auto d) { return Key(std::move(d)); });
}

Result<Key> Key::fromOkp(const OkpComponents &c)
{
    const int type = okpPkeyType(c.curve);
    if (type == EVP_PKEY_NONE)
        return fail<Key>("unsupported_curve",
            QStringLiteral("OKP keys are Ed25519 or Ed448 (signatures) or X25519 or X448 (ECDH-ES), not %1")
                .arg(curveName(c.curve).isEmpty() ? QStringLiteral("this curve") : curveName(c.curve)));
    const int size = curveCoordinateBytes(c.curve);
    const QString name = curveName(c.curve);
    if (c.x.size() != size || (!c.d.isEmpty() && c.d.size() != size))
        return fail<Key>("invalid_key",
            QStringLiteral("%1 keys are %2 bytes (x has %3%4)")
                .arg(name)
                .arg(size)
                .arg(c.x.size())
                .arg(c.d.isEmpty() ? QString() : QStringLiteral(", d has %1").arg(c.d.size())));
    EVP_PKEY *raw = nullptr;
    if (c.d.isEmpty())
        raw = EVP_PKEY_new_raw_public_key(
            type, nullptr, reinterpret_cast<const unsigned char *>(c.x.constData()), static_cast<size_t>(size));
    else
        raw = EVP_PKEY_new_raw_private_key(
            type, nullptr, reinterpret_cast<const unsigned char *>(c.d.constData()), static_cast<size_t>(size));
    if (!raw)
        return fail<Key>("invalid_key", QStringLiteral("%1 key rejected: %2").arg(name, opensslErrors()));
    EvpPkeyPtr pkey(raw);
    if (!c.d.isEmpty()) {
        QByteArray pub(size, '\0');
        size_t len = static_cast<size_t>(size);
        EVP_PKEY_get_raw_public_key(raw, reinterpret_cast<unsigned char *>(pub.data()), &len);
        if (pub != c.x)
            return fail<Key>("inconsistent_key", QStringLiteral("the %1 private key d does not match x").arg(name));
    }
    return adopt(std::move(pkey), std::nullopt, [](auto d) { return Key(std::move(d)); });
}

namespace {

/// The 32 raw bytes of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4: exactly this 12-byte prefix, then the key),
/// or nothing. Such a key then skips OpenSSL's generic decoders, which cost more than a whole one-token `verify`.
std::optional<QByteArray> ed25519SpkiKey(const QByteArray &der)
{
    static const char prefix[] = "\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00";
    if (der.size() != 44 || !der.startsWith(QByteArrayView(prefix, 12)))
        return std::nullopt;
    return der.mid(12);
}

} // namespace

Result<Key> Key::fromPem(const QByteArray &pem, const QByteArray &passphrase)
{
    const qsizetype begin = pem.indexOf("-----BEGIN ");
    if (begin < 0)
        return fail<Key>("invalid_pem", QStringLiteral("no -----BEGIN ...----- line: this is not PEM"));
    const qsizetype labelEnd = pem.indexOf("-----", begin + 11);
    const QByteArray label = pem.mid(begin + 11, labelEnd - begin - 11);
    if (label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE" || label == "X509 CERTIFICATE") {
        BioPtr bio(BIO_new_mem_buf(pem.constData() + begin, static_cast<int>(pem.size() - begin)));
        X509Ptr cert(PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr));
        if (!cert)
            return fail<Key>(
                "invalid_certificate", QStringLiteral("the CERTIFICATE block does not parse: %1").arg(opensslErrors()));
        EvpPkeyPtr pkey(X509_get_pubkey(cert.get()));
        if (!pkey)
            return fail<Key>("invalid_certificate",
                QStringLiteral("the certificate's public key is not supported: %1").arg(opensslErrors()));
        return adopt(std::move(pkey), certInfo(cert.get()), [](auto d) { return Key(std::move(d)); });
    }
    if (label == "PUBLIC KEY") {
        const qsizetype bodyStart = pem.indexOf('\n', labelEnd);
        const qsizetype end = pem.indexOf("-----END PUBLIC KEY-----", labelEnd);
        if (bodyStart > 0 && end > bodyStart) {
            const auto body
                = QByteArray::fromBase64Encoding(pem.mid(bodyStart, end - bodyStart).simplified().replace(' ', ""),
                    QByteArray::AbortOnBase64DecodingErrors);
            if (body)
                if (const auto raw = ed25519SpkiKey(body.decoded))
                    return fromOkp({Curve::Ed25519, *raw, {}});
        }
    }
    if (label == "PUBLIC KEY" || label == "PRIVATE KEY") {
        BioPtr bio(BIO_new_mem_buf(pem.constData() + begin, static_cast<int>(pem.size() - begin)));
        EVP_PKEY *k = label == "PUBLIC KEY" ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)
                                            : PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
        if (k)
            return adopt(EvpPkeyPtr(k), std::nullopt, [](auto d) { return Key(std::move(d)); });
        ERR_clear_error();
    }
    if (label.contains("ENCRYPTED") && passphrase.isEmpty())
        return fail<Key>("passphrase_required", QStringLiteral("the private key is encrypted: a passphrase is needed"));
    auto pkey = decodeWith("PEM", pem.mid(begin), passphrase);
    if (!pkey)
        return fail<Key>("invalid_pem",
            QStringLiteral("the %1 block does not parse as a key: %2")
                .arg(QString::fromLatin1(label), pkey.error().message));
    return adopt(std::move(pkey).value(), std::nullopt, [](auto d) { return Key(std::move(d)); });
}

Result<Key> Key::fromDer(const QByteArray &der)
{
    if (der.isEmpty())
        return fail<Key>("invalid_der", QStringLiteral("empty DER input"));
    if (const auto raw = ed25519SpkiKey(der))
        return fromOkp({Curve::Ed25519, *raw, {}});
    {
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
        if (cert && p == reinterpret_cast<const unsigned char *>(der.constData()) + der.size()) {
            EvpPkeyPtr pkey(X509_get_pubkey(cert.get()));
            if (!pkey)
                return fail<Key>(
                    "invalid_certificate", QStringLiteral("the certificate's public key is not supported"));
            return adopt(std::move(pkey), certInfo(cert.get()), [](auto d) { return Key(std::move(d)); });
        }
        ERR_clear_error();
    }
    {
        // Fast paths for the common structures; OpenSSL's generic decoder is slow at guessing.
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        if (EVP_PKEY *k = d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size())))
            return adopt(EvpPkeyPtr(k), std::nullopt, [](auto d) { return Key(std::move(d)); });
        p = reinterpret_cast<const unsigned char *>(der.constData());
        if (EVP_PKEY *k = d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size())))
            return adopt(EvpPkeyPtr(k), std::nullopt, [](auto d) { return Key(std::move(d)); });
        // PKCS#1 RSAPublicKey before the generic decoder, which takes SEQUENCE{INTEGER, INTEGER} for DH parameters.
        EVP_PKEY *rsa = nullptr;
        if (OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(
                &rsa, "DER", "type-specific", "RSA", EVP_PKEY_PUBLIC_KEY, nullptr, nullptr)) {
            const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
            size_t len = static_cast<size_t>(der.size());
            const bool decoded = OSSL_DECODER_from_data(dctx, &in, &len) == 1 && rsa && len == 0;
            OSSL_DECODER_CTX_free(dctx);
            if (decoded)
                return adopt(EvpPkeyPtr(rsa), std::nullopt, [](auto d) { return Key(std::move(d)); });
            EVP_PKEY_free(rsa);
        }
        ERR_clear_error();
    }
    auto pkey = decodeWith("DER", der, {});
    if (!pkey)
        return fail<Key>("invalid_der",
            QStringLiteral("not a DER key or certificate (SPKI, PKCS#1, PKCS#8, SEC1, X.509): %1")
                .arg(pkey.error().message));
    return adopt(std::move(pkey).value(), std::nullopt, [](auto d) { return Key(std::move(d)); });
}

Result<Key> Key::generate(KeyType type, int bits, Curve curve)
{
    EVP_PKEY *raw = nullptr;
    switch (type) {
    case KeyType::Oct: {
        if (bits == 0)
            bits = 256;
        if (bits < 256 || bits % 8 != 0 || bits > 8192)
            return fail<Key>("invalid_size", QStringLiteral("secrets are 256 to 8192 bits, in whole bytes"));
        QByteArray secret(bits / 8, '\0');
        if (RAND_priv_bytes(reinterpret_cast<unsigned char *>(secret.data()), static_cast<int>(secret.size())) != 1)
            return fail<Key>("rng_failure", QStringLiteral("the random generator failed: %1").arg(opensslErrors()));
        return fromSecret(secret);
    }
    case KeyType::Rsa:
        if (bits == 0)
            bits = 2048;
        if (bits < 2048 || bits > 8192)
            return fail<Key>(
                "invalid_size", QStringLiteral("RSA keys are generated with 2048 to 8192 bits (asked: %1)").arg(bits));
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
        break;
    case KeyType::Ec: {
        const char *group = groupName(curve);
        if (!group)
            return fail<Key>("unsupported_curve", QStringLiteral("choose P-256, P-384, P-521 or secp256k1"));
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", group);
        break;
    }
    case KeyType::Okp:
        if (curve == Curve::None)
            curve = Curve::Ed25519;
        if (okpPkeyType(curve) == EVP_PKEY_NONE)
            return fail<Key>("unsupported_curve",
                QStringLiteral("OKP keys are Ed25519 or Ed448 (signatures) or X25519 or X448 (ECDH-ES)"));
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, curveName(curve).toUpper().toLatin1().constData());
        break;
    }
    if (!raw)
        return fail<Key>("keygen_failed", QStringLiteral("key generation failed: %1").arg(opensslErrors()));
    return adopt(EvpPkeyPtr(raw), std::nullopt, [](auto d) { return Key(std::move(d)); });
}

QByteArray Key::secret() const
{
    return m_d && m_d->type == KeyType::Oct ? m_d->secret : QByteArray();
}

RsaComponents Key::rsa() const
{
    RsaComponents c;
    if (!m_d || m_d->type != KeyType::Rsa)
        return c;
    const EVP_PKEY *k = m_d->pkey.get();
    c.n = bnParam(k, OSSL_PKEY_PARAM_RSA_N);
    c.e = bnParam(k, OSSL_PKEY_PARAM_RSA_E);
    if (m_d->isPrivate) {
        c.d = bnParam(k, OSSL_PKEY_PARAM_RSA_D);
        c.p = bnParam(k, OSSL_PKEY_PARAM_RSA_FACTOR1);
        c.q = bnParam(k, OSSL_PKEY_PARAM_RSA_FACTOR2);
        c.dp = bnParam(k, OSSL_PKEY_PARAM_RSA_EXPONENT1);
        c.dq = bnParam(k, OSSL_PKEY_PARAM_RSA_EXPONENT2);
        c.qi = bnParam(k, OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
    }
    return c;
}

EcComponents Key::ec() const
{
    EcComponents c;
    if (!m_d || m_d->type != KeyType::Ec)
        return c;
    const int len = curveCoordinateBytes(m_d->curve);
    c.curve = m_d->curve;
    c.x = bnParam(m_d->pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X, len);
    c.y = bnParam(m_d->pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y, len);
    if (m_d->isPrivate)
        c.d = bnParam(m_d->pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY, len);
    return c;
}

bool Key::isSmallOrder() const
{
    if (!m_d || m_d->type != KeyType::Okp || m_d->curve != Curve::Ed25519)
        return false;
    // The y coordinates of the small-order points, little-endian, sign bit (bit 255) cleared: the same list as
    // libsodium's ge25519_has_small_order. Computed from the curve equation (tests/core/tst_signature.cpp checks
    // that each is a point of order 1, 2, 4 or 8).
    static const unsigned char kSmallOrderY[7][32] = {
        // y = 0 (order 4)
        {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
        // y = 1, the identity (order 1)
        {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
        // order 8
        {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20,
            0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
        // order 8
        {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf,
            0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},
        // y = p - 1 = -1 (order 2)
        {0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
        // y = 0 written as p (non-canonical, order 4)
        {0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
        // y = 1 written as p + 1 (non-canonical, order 1)
        {0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
    };
    unsigned char a[32];
    size_t len = sizeof a;
    if (EVP_PKEY_get_raw_public_key(m_d->pkey.get(), a, &len) != 1 || len != sizeof a)
        return false;
    a[31] &= 0x7f;
    for (const auto &y : kSmallOrderY)
        if (std::memcmp(a, y, sizeof a) == 0)
            return true;
    return false;
}

OkpComponents Key::okp() const
{
    OkpComponents c;
    if (!m_d || m_d->type != KeyType::Okp)
        return c;
    c.curve = m_d->curve;
    unsigned char buf[57]; // Ed448 (57 bytes) or Ed25519 (32)
    size_t len = sizeof buf;
    if (EVP_PKEY_get_raw_public_key(m_d->pkey.get(), buf, &len) == 1)
        c.x = QByteArray(reinterpret_cast<const char *>(buf), static_cast<qsizetype>(len));
    len = sizeof buf;
    if (m_d->isPrivate && EVP_PKEY_get_raw_private_key(m_d->pkey.get(), buf, &len) == 1)
        c.d = QByteArray(reinterpret_cast<const char *>(buf), static_cast<qsizetype>(len));
    OPENSSL_cleanse(buf, sizeof buf);
    return c;
}

bool Key::hasCertificate() const
{
    return m_d && m_d->certificate.has_value();
}

CertificateInfo Key::certificate() const
{
    return hasCertificate() ? *m_d->certificate : CertificateInfo {};
}

Key Key::publicKey() const
{
    if (!m_d || !m_d->isPrivate || m_d->type == KeyType::Oct)
        return *this;
    unsigned char *buf = nullptr;
    const int len = i2d_PUBKEY(m_d->pkey.get(), &buf);
    if (len <= 0)
        return {};
    const unsigned char *p = buf;
    EVP_PKEY *pub = d2i_PUBKEY(nullptr, &p, len);
    OPENSSL_free(buf);
    if (!pub)
        return {};
    auto key = adopt(EvpPkeyPtr(pub), m_d->certificate, [](auto d) { return Key(std::move(d)); });
    return key ? key.value() : Key();
}

Result<QByteArray> Key::encoded(bool includePrivate, PemFormat format, const char *outputType) const
{
    const QString form = QString::fromLatin1(outputType);
    if (!m_d || m_d->type == KeyType::Oct)
        return fail<QByteArray>("unsupported_format", QStringLiteral("symmetric keys have no %1 form").arg(form));
    if (includePrivate && !m_d->isPrivate)
        return fail<QByteArray>(
            "not_private", QStringLiteral("this is a public key: there is no private part to write"));
    if (format == PemFormat::TypeSpecific && m_d->type == KeyType::Okp)
        return fail<QByteArray>("unsupported_format",
            QStringLiteral("%1 keys have no PKCS#1/SEC1 form; use SPKI or PKCS#8").arg(curveName(m_d->curve)));
    if (format == PemFormat::TypeSpecific && m_d->type == KeyType::Ec && !includePrivate)
        return fail<QByteArray>(
            "unsupported_format", QStringLiteral("EC public keys have no type-specific %1; use SPKI").arg(form));
    return encodeKey(m_d->pkey.get(), includePrivate, format, outputType);
}

Result<QByteArray> Key::toPem(bool includePrivate, PemFormat format) const
{
    return encoded(includePrivate, format, "PEM");
}

Result<QByteArray> Key::toDer(bool includePrivate, PemFormat format) const
{
    return encoded(includePrivate, format, "DER");
}

QByteArray Key::spkiDer() const
{
    auto der = toDer(false);
    return der ? der.value() : QByteArray();
}

bool Key::samePublicKey(const Key &other) const
{
    if (!m_d || !other.m_d || m_d->type != other.m_d->type)
        return false;
    if (m_d->type == KeyType::Oct)
        return m_d->secret == other.m_d->secret;
    return EVP_PKEY_eq(m_d->pkey.get(), other.m_d->pkey.get()) == 1;
}

} // namespace jwb::crypto
