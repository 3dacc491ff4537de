#pragma once

// The rows both key-ring tests run: tests/core/tst_keyring.cpp checks what the ring loads, tests/ui/tst_keyring.cpp
// how the Keys page words the same sources. One table, so the two cannot drift apart.

#include "Rfc7517.h"

#include "crypto/Key.h"

#include <QTest>

namespace jwb::test {

/// Columns kind ("pasted" or "secret"), text, encoding, keys (how many load), format (JwkSet::format).
inline void addLocalKindRows()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("keys");
    QTest::addColumn<QString>("format");

    const auto ec = crypto::Key::generate(crypto::KeyType::Ec, 0, crypto::Curve::P256);
    QVERIFY(ec.ok());
    QTest::newRow("public PEM") << "pasted" << QString::fromLatin1(ec->toPem(false).value()) << QString() << 1 << "PEM";
    QTest::newRow("private PEM") << "pasted" << QString::fromLatin1(ec->toPem(true).value()) << QString() << 1 << "PEM";
    QTest::newRow("JWK") << "pasted" << QString::fromUtf8(QJsonDocument(rfc7517EcJwk()).toJson()) << QString() << 1
                         << "JWK";
    QTest::newRow("JWK Set") << "pasted" << rfc7517JwksText(QStringLiteral("A.1")) << QString() << 2 << "JWK Set";
    QTest::newRow("utf8 secret") << "secret"
                                 << "a-string-secret-at-least-256-bits-long"
                                 << "utf8" << 1 << "secret";
    QTest::newRow("hex secret") << "secret"
                                << "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
                                << "hex" << 1 << "secret";
}

/// Columns kind, text, encoding, code (the error code the source gets).
inline void addLoadErrorRows()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << "pasted"
                           << "   " << QString() << "no_key";
    QTest::newRow("not a key") << "pasted"
                               << "hello world" << QString() << "unknown_key_format";
    QTest::newRow("broken PEM") << "pasted"
                                << "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" << QString()
                                << "invalid_pem";
    QTest::newRow("bad hex secret") << "secret"
                                    << "xyz"
                                    << "hex"
                                    << "invalid_secret";
    QTest::newRow("unknown encoding") << "secret"
                                      << "abc"
                                      << "rot13"
                                      << "usage";
}

} // namespace jwb::test
