#pragma once

// Helpers shared by the GUI tests: build tokens from JSON text, a fixed instant to evaluate them at, and child<T>()
// to reach a widget by its object name.

#include "jose/Base64Url.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>

#include <source_location>

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

/// The one descendant of `parent` of type T named `objectName` (QObject::findChildren, recursive): how GUI tests
/// reach a widget instead of a public "for tests" getter. When there is none, or more than one, the test fails
/// right here, at the caller's line, with the names of the T children that do exist, and nullptr comes back; so
/// write `auto *edit = child<QLineEdit>(page, "issuerEdit"); QVERIFY(edit);` (the QVERIFY only stops the test
/// function; the message is already out).
template<class T>
T *child(QObject *parent, const char *objectName, std::source_location where = std::source_location::current())
{
    const QString name = QString::fromLatin1(objectName);
    if (!parent) {
        QTest::qFail(qPrintable(QStringLiteral("child(\"%1\"): the parent is null").arg(name)), where.file_name(),
            int(where.line()));
        return nullptr;
    }
    const QList<T *> found = parent->findChildren<T *>(name);
    if (found.size() == 1)
        return found.first();
    QString message;
    if (found.isEmpty()) {
        QStringList names;
        for (const T *candidate : parent->findChildren<T *>())
            if (!candidate->objectName().isEmpty())
                names << candidate->objectName();
        names.sort();
        message = QStringLiteral("%1 has no %2 named \"%3\"; its named %2 children: %4")
                      .arg(parent->objectName().isEmpty() ? QString::fromLatin1(parent->metaObject()->className())
                                                          : parent->objectName(),
                          QString::fromLatin1(T::staticMetaObject.className()), name,
                          names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
    } else {
        message = QStringLiteral("%1 %2 children are named \"%3\"; the name must be unique")
                      .arg(found.size())
                      .arg(QString::fromLatin1(T::staticMetaObject.className()), name);
    }
    QTest::qFail(qPrintable(message), where.file_name(), int(where.line()));
    return nullptr;
}

} // namespace jwb::test
