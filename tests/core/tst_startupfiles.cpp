// The simulator reads a jwk_local_path once per change, not once per endpoint (issue #20 item 6: All endpoints over
// 500 endpoints with a 10,001-key set re-read and re-hashed it 500 times). What must hold: a file changed between
// two simulations is read again, whether it grows, keeps its size (rewritten in place within the same second) or
// is replaced by a rename; a removed file is an error again. Each case fails if the simulator kept stale keys.
#include "keys/KeyGenerator.h"
#include "keys/TokenSigner.h"
#include "krakend/Simulator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jwb;

namespace {

/// {"keys":[jwk]} with the public part of `jwk` under `kid`, padded with spaces to `width` bytes when given.
QByteArray setOf(const keys::Jwk &jwk, const QString &kid, qsizetype width = 0)
{
    QJsonObject pub = jwk.publicJson();
    pub.insert(QStringLiteral("kid"), kid);
    QByteArray text
        = QJsonDocument(QJsonObject {{QStringLiteral("keys"), QJsonArray {pub}}}).toJson(QJsonDocument::Compact);
    if (width > text.size())
        text += QByteArray(width - text.size(), ' ');
    return text;
}

bool writeInPlace(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool replaceByRename(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit();
}

} // namespace

class TestStartupFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void changedFileIsReadAgain_data();
    void changedFileIsReadAgain();

private:
    int statusFor(const QString &token) const;

    QTemporaryDir m_dir;
    std::optional<keys::Jwk> m_a, m_b;
    QString m_tokenA, m_tokenB;
};

void TestStartupFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (auto [jwk, token] : {std::pair {&m_a, &m_tokenA}, std::pair {&m_b, &m_tokenB}}) {
        auto generated
            = keys::KeyGenerator::generate(crypto::Algorithm::ES256, keys::KeyIdRule::fixed(QStringLiteral("k1")));
        QVERIFY(generated.ok());
        *jwk = generated.value();
        auto signedToken
            = keys::TokenSigner::sign(crypto::Algorithm::ES256, keys::JwkSet::fromKey(**jwk, QStringLiteral("JWK")),
                QJsonObject {{QStringLiteral("sub"), QStringLiteral("someone")}});
        QVERIFY(signedToken.ok());
        *token = signedToken->token;
    }
}

int TestStartupFiles::statusFor(const QString &token) const
{
    const QJsonObject block {{QStringLiteral("alg"), QStringLiteral("ES256")},
        {QStringLiteral("jwk_local_path"), QStringLiteral("keys.json")},
        {QStringLiteral("disable_jwk_security"), true}};
    krakend::Simulator simulator(krakend::SimulationSetup::fromValidatorDocument(block, m_dir.path()));
    krakend::SimulationRequest request;
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + token});
    return simulator.run(request).status;
}

void TestStartupFiles::changedFileIsReadAgain_data()
{
    QTest::addColumn<bool>("rename");
    QTest::addColumn<bool>("sameSize");
    QTest::newRow("rewritten in place, same size") << false << true;
    QTest::newRow("rewritten in place, other size") << false << false;
    QTest::newRow("replaced by a rename, same size") << true << true;
}

void TestStartupFiles::changedFileIsReadAgain()
{
    QFETCH(bool, rename);
    QFETCH(bool, sameSize);
    const QString path = m_dir.filePath(QStringLiteral("keys.json"));
    const qsizetype width = sameSize ? 400 : 0;
    QVERIFY(writeInPlace(path, setOf(*m_a, QStringLiteral("k1"), width)));
    QCOMPARE(statusFor(m_tokenA), 200);
    QCOMPARE(statusFor(m_tokenA), 200); // the second endpoint: from the cache
    QCOMPARE(statusFor(m_tokenB), 401);
    // Key B under the same kid, at once (the same second, and with sameSize the same size).
    const QByteArray withB = setOf(*m_b, QStringLiteral("k1"), width);
    QVERIFY(rename ? replaceByRename(path, withB) : writeInPlace(path, withB));
    QCOMPARE(statusFor(m_tokenB), 200);
    QCOMPARE(statusFor(m_tokenA), 401);
    QVERIFY(QFile::remove(path));
    QCOMPARE(statusFor(m_tokenB), krakend::kNotStarted); // gone: the validator cannot be created
}

QTEST_GUILESS_MAIN(TestStartupFiles)
#include "tst_startupfiles.moc"
