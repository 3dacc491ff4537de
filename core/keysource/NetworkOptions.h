#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

namespace jwb::keysource {

/// How key material may be fetched: KrakenD's jwk_local_ca, jwk_fingerprints and disable_jwk_security, plus
/// the limits a desktop tool needs (timeout, response size).
struct NetworkOptions
{
    QList<QSslCertificate> extraCa; ///< added to the system trust store (jwk_local_ca)
    QStringList pins; ///< KrakenD jwk_fingerprints: URL-safe base64 (padded) SHA-256 of SPKI
    bool insecure = false; ///< disable_jwk_security: http allowed, certificates not checked
    int timeoutMs = 10000;
    qint64 maxBytes = 2 * 1024 * 1024;
};

/// A certificate the server presented, with its KrakenD pin.
struct PresentedCertificate
{
    QString subject;
    QString issuer;
    QString notBefore;
    QString notAfter;
    QString pin; ///< paste into jwk_fingerprints
    QString sha256; ///< SHA-256 of the whole certificate (DER), hex with colons, as certificate viewers show it
    bool selfSigned = false; ///< issued by its own subject
    QSslCertificate certificate; ///< the certificate itself (what "trust this CA" adds)
};

/// A refused TLS connection, with what the server presented at that moment: what a view needs to show the chain
/// and what TrustFix needs to offer the next step. Recorded for tls_error and pin_mismatch.
struct TlsFailure
{
    QUrl server; ///< the URL of the hop that failed (after a redirect, not the one first asked)
    QList<PresentedCertificate> chain; ///< leaf first; empty when the server presented none
    QStringList errors; ///< the TLS library's words for each problem
    bool untrustedIssuer = false; ///< the chain does not lead to a trusted CA (self-signed, unknown issuer)
    bool hostMismatch = false; ///< the certificate is not for this host name
    bool badValidity = false; ///< a certificate is expired or not yet valid
    bool pinMismatch = false; ///< the chain verified, but no certificate matches the configured pins
};

} // namespace jwb::keysource
