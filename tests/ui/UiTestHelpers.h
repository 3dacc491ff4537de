#pragma once

// Helpers shared by the GUI tests: build tokens from JSON text, and a fixed instant to evaluate them at.

#include "jose/Base64Url.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace jwb::test {

/// 2026-11-28T12:00:00Z: every GUI test evaluates times at this instant.
inline constexpr qint64 kNow = 1795867200;

inline QDateTime nowUtc()
{
    return QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC);
}

inline QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(jose::Base64Url::encode(bytes));
}

/// header.payload.signature from JSON texts; the signature is arbitrary base64url (no key is involved).
inline QString makeToken(
    const QByteArray &header, const QByteArray &payload, const QString &signature = QStringLiteral("c2lnbmF0dXJl"))
{
    return b64(header) + u'.' + b64(payload) + u'.' + signature;
}

inline QByteArray num(qint64 value)
{
    return QByteArray::number(value);
}

} // namespace jwb::test
