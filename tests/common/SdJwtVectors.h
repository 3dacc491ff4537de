#pragma once

// RFC 9901's examples (../shared/testvectors/sd-jwt, read in place through TestData.h): the core, CLI and Inspector
// SD-JWT tests share these readers.

#include "TestData.h"

#include <QJsonArray>
#include <QJsonObject>

namespace jwb::test {

inline QJsonObject sdJwtVectors()
{
    return readJson(sharedPath(QStringLiteral("testvectors/sd-jwt/rfc9901-examples.json"))).object();
}

/// Section 5's example: the 5.1 issuer payload and Disclosures, and its presentations.
inline QJsonObject sdJwtExample5()
{
    return sdJwtVectors().value(QStringLiteral("examples")).toArray().at(0).toObject();
}

/// The 5.2 presentation (with its Key Binding JWT), compact.
inline QString sdJwtPresentation52()
{
    return sdJwtExample5()
        .value(QStringLiteral("presentations"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("compact"))
        .toString();
}

} // namespace jwb::test
