#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QStringList>

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
};

} // namespace jwb::keysource
