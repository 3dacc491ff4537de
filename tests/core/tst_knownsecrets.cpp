// The well-known HMAC secret lint: tokens signed with tutorial and framework default secrets are caught without
// any key, others are not, and only HS algorithms are tried.

#include "../common/TestData.h"
#include "crypto/Algorithm.h"
#include "jose/Base64Url.h"
#include "jose/Inspection.h"
#include "jose/KnownSecrets.h"
#include "jose/TokenParser.h"
#include "keys/KeyLoader.h"
#include "keys/TokenSigner.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QMessageAuthenticationCode>
#include <QTest>
#include <functional>

using namespace jwb;

class TestKnownSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jwtIoSample();
    void signedWith_data();
    void signedWith();
    void rfc7515NotFlagged();
    void hugeTokenSkipped();
    void emptySecret();
};

void TestKnownSecrets::jwtIoSample()
{
    // The token every JWT tutorial shows, signed with jwt.io's sample secret.
    const QString token = QStringLiteral(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
        "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    QCOMPARE(jose::KnownSecrets::find(jose::TokenParser::parse(token)).value_or(QStringLiteral("<none>")),
        QStringLiteral("your-256-bit-secret"));
    const auto inspection = jose::Inspection::inspect(token, 1795867200);
    QVERIFY(!inspection.findings.isEmpty());
    QCOMPARE(inspection.findings.first().code, QStringLiteral("known_secret"));
    QCOMPARE(inspection.findings.first().severity, common::Severity::Error);
}

void TestKnownSecrets::signedWith_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("found");
    for (const char *alg : {"HS256", "HS384", "HS512"}) {
        QTest::addRow("%s secret", alg) << QString::fromLatin1(alg) << QByteArray("secret") << true;
        QTest::addRow("%s changeme", alg) << QString::fromLatin1(alg) << QByteArray("changeme") << true;
        QTest::addRow("%s keyboard cat", alg) << QString::fromLatin1(alg) << QByteArray("keyboard cat") << true;
        QTest::addRow("%s random", alg) << QString::fromLatin1(alg)
                                        << QByteArray("b8d2f1c7a6e54f3e9a0c1d2e3f405162738495a6b7c8d9e0") << false;
    }
}

void TestKnownSecrets::signedWith()
{
    QFETCH(QString, alg);
    QFETCH(QByteArray, secret);
    QFETCH(bool, found);
    const auto key = keys::KeyLoader::fromSecret(secret, keys::SecretEncoding::Utf8);
    QVERIFY(key.ok());
    const auto signedToken = keys::TokenSigner::sign(
        *crypto::Algorithms::fromName(alg), key.value(), QJsonObject {{QStringLiteral("sub"), QStringLiteral("x")}});
    QVERIFY2(signedToken.ok(), qPrintable(signedToken.ok() ? QString() : signedToken.error().toString()));
    const auto match = jose::KnownSecrets::find(jose::TokenParser::parse(signedToken->token));
    QCOMPARE(match.has_value(), found);
    if (found)
        QCOMPARE(*match, QString::fromUtf8(secret));
}

void TestKnownSecrets::rfc7515NotFlagged()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    const QJsonObject vectors = test::readJson(test::sharedPath(QStringLiteral("testvectors/rfc/7515.json"))).object();
    int checked = 0;
    const std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &value) {
        if (value.isObject()) {
            for (const auto &member : value.toObject())
                walk(member);
        } else if (value.isArray()) {
            for (const auto &element : value.toArray())
                walk(element);
        } else if (value.isString() && value.toString().count(u'.') == 2 && value.toString().startsWith(u"eyJ")) {
            const auto token = jose::TokenParser::parse(value.toString());
            if (token.alg().startsWith(u"HS")) {
                ++checked;
                QVERIFY2(!jose::KnownSecrets::find(token), qPrintable(value.toString()));
            }
        }
    };
    walk(vectors);
    QVERIFY2(checked > 0, "RFC 7515 has an HS256 example");
}

void TestKnownSecrets::hugeTokenSkipped()
{
    const auto key = keys::KeyLoader::fromSecret("secret", keys::SecretEncoding::Utf8);
    QVERIFY(key.ok());
    const auto big = keys::TokenSigner::sign(crypto::Algorithm::HS256, key.value(),
        QJsonObject {{QStringLiteral("blob"), QString(jose::KnownSecrets::kMaxSigningInput, u'x')}});
    QVERIFY(big.ok());
    QVERIFY(!jose::KnownSecrets::find(jose::TokenParser::parse(big->token)));
}

void TestKnownSecrets::emptySecret()
{
    // HS256 with an empty key (what a verifier with an unset secret accepts): found, named as the empty secret.
    const QByteArray input
        = jose::Base64Url::encode("{\"alg\":\"HS256\"}") + '.' + jose::Base64Url::encode("{\"sub\":\"x\"}");
    const QByteArray mac = QMessageAuthenticationCode::hash(input, QByteArray(), QCryptographicHash::Sha256);
    const QString token = QString::fromLatin1(input + '.' + jose::Base64Url::encode(mac));
    const auto found = jose::KnownSecrets::find(jose::TokenParser::parse(token));
    QVERIFY(found.has_value());
    QVERIFY(found->isEmpty());
    QVERIFY(jose::Inspection::inspect(token, 1795867200).findings.first().message.contains(u"EMPTY"));
}

QTEST_GUILESS_MAIN(TestKnownSecrets)
#include "tst_knownsecrets.moc"
