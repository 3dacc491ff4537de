#include "crypto/CertificateChain.h"

#include "crypto/KeyPrivate.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

namespace jwb::crypto::CertificateChain {

using common::Result;

namespace {
struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

X509Ptr parse(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error();
    return x;
}
} // namespace

QList<CertificateInfo> describe(const QList<QByteArray> &derChain)
{
    QList<CertificateInfo> out;
    for (const auto &der : derChain) {
        auto key = Key::fromDer(der);
        if (key && key->hasCertificate())
            out.append(key->certificate());
    }
    return out;
}

Result<QList<QByteArray>> loadCertificates(const QByteArray &data)
{
    QList<QByteArray> out;
    if (data.contains("-----BEGIN")) {
        BIO *bio = BIO_new_mem_buf(data.constData(), static_cast<int>(data.size()));
        while (X509 *x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            const int len = i2d_X509(x, nullptr);
            QByteArray der(len, '\0');
            auto *p = reinterpret_cast<unsigned char *>(der.data());
            i2d_X509(x, &p);
            out.append(der);
            X509_free(x);
        }
        BIO_free(bio);
        ERR_clear_error();
    } else if (parse(data)) {
        out.append(data);
    }
    if (out.isEmpty())
        return Result<QList<QByteArray>>::failure(QStringLiteral("invalid_certificate"),
            QStringLiteral("no X.509 certificate found (PEM CERTIFICATE blocks or DER)"));
    return out;
}

Result<void> validate(const QList<QByteArray> &derChain, const QList<QByteArray> &anchors, const QDateTime &at)
{
    if (derChain.isEmpty())
        return Result<void>::failure(QStringLiteral("invalid_certificate"), QStringLiteral("the chain is empty"));
    X509Ptr leaf = parse(derChain.first());
    if (!leaf)
        return Result<void>::failure(
            QStringLiteral("invalid_certificate"), QStringLiteral("the leaf certificate does not parse"));
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
    for (int i = 0; i < anchors.size(); ++i) {
        X509Ptr a = parse(anchors[i]);
        if (!a)
            return Result<void>::failure(
                QStringLiteral("invalid_certificate"), QStringLiteral("trust anchor %1 does not parse").arg(i + 1));
        X509_STORE_add_cert(store.get(), a.get());
    }
    std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509) *)> untrusted(
        sk_X509_new_null(), [](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); });
    for (int i = 1; i < derChain.size(); ++i) {
        X509Ptr c = parse(derChain[i]);
        if (!c)
            return Result<void>::failure(QStringLiteral("invalid_certificate"),
                QStringLiteral("certificate %1 of the chain does not parse").arg(i + 1));
        sk_X509_push(untrusted.get(), c.release());
    }
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
    X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get());
    X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(at.toSecsSinceEpoch()));
    const int ok = X509_verify_cert(ctx.get());
    if (ok != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
        ERR_clear_error();
        return Result<void>::failure(QStringLiteral("untrusted_chain"),
            QStringLiteral("certificate %1 of the chain: %2")
                .arg(depth + 1)
                .arg(QString::fromLatin1(X509_verify_cert_error_string(err))));
    }
    return {};
}

} // namespace jwb::crypto::CertificateChain
