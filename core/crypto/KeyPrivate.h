#pragma once

// Internal to core/crypto/*.cpp: the backend objects behind a Key. Not part of the public interface; no other
// folder may include this header (OpenSSL and QCA types stay inside crypto/).

#include "crypto/Key.h"

#include <QtCrypto>
#include <openssl/evp.h>

#include <mutex>
#include <optional>

namespace jwb::crypto {

struct EvpPkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;

struct Key::Data
{
    KeyType type = KeyType::Oct;
    Curve curve = Curve::None;
    bool isPrivate = false;
    int bits = 0;
    QByteArray secret; ///< oct only
    EvpPkeyPtr pkey; ///< RSA, EC, OKP
    std::optional<CertificateInfo> certificate;

    // QCA objects for HS*/RS*, created on first use and reused (QCA keys are not safe for concurrent use).
    std::mutex qcaMutex;
    std::optional<QCA::PublicKey> qcaPublic;
    std::optional<QCA::PrivateKey> qcaPrivate;
};

/// PEM or DER ("PEM"/"DER") of a key: SPKI / PKCS#8, or PKCS#1 / SEC1 with PemFormat::TypeSpecific.
common::Result<QByteArray> encodeKey(
    const EVP_PKEY *pkey, bool includePrivate, PemFormat format, const char *outputType);

/// OpenSSL's error queue as one line (and cleared), for error messages.
QString opensslErrors();

} // namespace jwb::crypto
