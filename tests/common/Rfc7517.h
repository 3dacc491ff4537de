#pragma once

// RFC 7517's example keys, read in place from ../shared (TestData.h): the key-ring, Keys page and JWK tests share
// these readers.

#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jwb::test {

inline QJsonObject rfc7517()
{
    return readJson(sharedPath(QStringLiteral("testvectors/rfc/7517.json"))).object();
}

/// The JWK Set of an appendix section ("A.1", "A.2", ...) as JSON text.
inline QString rfc7517JwksText(const QString &section)
{
    const QJsonObject set = rfc7517()
                                .value(QStringLiteral("jwk_sets"))
                                .toObject()
                                .value(section)
                                .toObject()
                                .value(QStringLiteral("jwks"))
                                .toObject();
    return QString::fromUtf8(QJsonDocument(set).toJson());
}

/// The first key of appendix A.1 (an EC P-256 public JWK).
inline QJsonObject rfc7517EcJwk()
{
    return rfc7517()
        .value(QStringLiteral("jwk_sets"))
        .toObject()
        .value(QStringLiteral("A.1"))
        .toObject()
        .value(QStringLiteral("jwks"))
        .toObject()
        .value(QStringLiteral("keys"))
        .toArray()
        .first()
        .toObject();
}

/// The DER of the first x5c certificate of appendix B's key.
inline QByteArray rfc7517CertificateDer()
{
    return QByteArray::fromBase64(rfc7517()
                                      .value(QStringLiteral("keys"))
                                      .toObject()
                                      .value(QStringLiteral("B"))
                                      .toObject()
                                      .value(QStringLiteral("jwk"))
                                      .toObject()
                                      .value(QStringLiteral("x5c"))
                                      .toArray()
                                      .first()
                                      .toString()
                                      .toLatin1());
}

} // namespace jwb::test
