#pragma once

#include "common/Result.h"
#include "crypto/Key.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace jwb::crypto {

/// X.509 chains as found in a JWK's x5c or a PEM bundle: what each certificate says, and whether the chain
/// leads to a trust anchor the user gave (never to the system store: a token tool must not trust every CA
/// on the machine for key material).
namespace CertificateChain {
/// Subject, issuer, validity, serial of each DER certificate (entries that do not parse are skipped).
[[nodiscard]] QList<CertificateInfo> describe(const QList<QByteArray> &derChain);
/// Every certificate in PEM text (any number of CERTIFICATE blocks) or a single DER certificate.
[[nodiscard]] common::Result<QList<QByteArray>> loadCertificates(const QByteArray &pemOrDer);
/// Validates leaf + intermediates against `anchors` at instant `at`. Error codes: invalid_certificate,
/// untrusted_chain (with OpenSSL's reason, e.g. "certificate has expired").
[[nodiscard]] common::Result<void> validate(
    const QList<QByteArray> &derChain, const QList<QByteArray> &anchors, const QDateTime &at);
} // namespace CertificateChain

} // namespace jwb::crypto
