// The wordlist search for an HS* token's secret (jose::SecretSearch, `crack`): found on the right line whatever the
// block size, thread count and line endings; the lowest line when the secret stands twice; nothing found is a clean
// "no"; cancel, progress, read failures, over-long lines and tokens that are not HS* answer clearly. Tokens are made
// with Qt's own HMAC (QMessageAuthenticationCode), independent of the OpenSSL code under test, and RFC 7515 A.1's
// published HS256 example is found with its published key.

#include "../common/FailingDevice.h"
#include "../common/TestData.h"
#include "jose/Base64Url.h"
#include "jose/SecretSearch.h"
#include "jose/TokenParser.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace jwb;
using jose::SecretSearch;

namespace {

/// A compact JWS signed with Qt's HMAC.
QString tokenFor(const QByteArray &alg, const QByteArray &secret)
{
    const QByteArray input = jose::Base64Url::encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + '.'
        + jose::Base64Url::encode(R"({"sub":"someone","admin":true})");
    const auto hash = alg == "HS256" ? QCryptographicHash::Sha256
        : alg == "HS384"             ? QCryptographicHash::Sha384
                                     : QCryptographicHash::Sha512;
    return QString::fromLatin1(
        input + '.' + jose::Base64Url::encode(QMessageAuthenticationCode::hash(input, secret, hash)));
}

/// `count` lines of pseudo-random words, deterministic.
QByteArray words(int count, quint32 seed = 7)
{
    QByteArray out;
    quint32 x = seed;
    for (int i = 0; i < count; ++i) {
        const int length = 6 + static_cast<int>(x % 9);
        for (int j = 0; j < length; ++j) {
            x = x * 1103515245u + 12345u;
            out += static_cast<char>('a' + (x >> 16) % 26);
        }
        out += '\n';
    }
    return out;
}

common::Result<SecretSearch::Outcome> searchIn(
    const SecretSearch &search, QByteArray list, int jobs, qsizetype block = 8 * 1024 * 1024)
{
    QBuffer device(&list);
    device.open(QIODevice::ReadOnly);
    SecretSearch::Options options;
    options.jobs = jobs;
    options.limits = {block, 64 * 1024};
    return search.run(device, options);
}

} // namespace

class TestSecretSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void found_data();
    void found();
    void lowestLineWins_data();
    void lowestLineWins();
    void notFound();
    void rfc7515A1();
    void notHmac_data();
    void notHmac();
    void cancelAndProgress();
    void readFailure();
    void overlongLineSkipped();
};

void TestSecretSearch::found_data()
{
    QTest::addColumn<QByteArray>("alg");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("ending");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<qsizetype>("block");
    QTest::newRow("HS256, LF, 1 job") << QByteArray("HS256") << QByteArray("hunter2") << QByteArray("\n") << 1
                                      << qsizetype(8 * 1024 * 1024);
    QTest::newRow("HS384, CRLF, 2 jobs") << QByteArray("HS384") << QByteArray("correct horse battery staple")
                                         << QByteArray("\r\n") << 2 << qsizetype(4096);
    QTest::newRow("HS512, last line without newline, 3 jobs")
        << QByteArray("HS512") << QByteArray("s3cr3t!") << QByteArray() << 3 << qsizetype(1000);
    // Longer than SHA-256's block: hashed first (RFC 2104).
    QTest::newRow("HS256, 100-byte secret, tiny blocks")
        << QByteArray("HS256") << QByteArray(100, 'k') << QByteArray("\n") << 2 << qsizetype(50);
    QTest::newRow("HS512, 200-byte secret with spaces kept")
        << QByteArray("HS512") << QByteArray("  padded  ") + QByteArray(190, 'x') << QByteArray("\n") << 1
        << qsizetype(8 * 1024 * 1024);
}

void TestSecretSearch::found()
{
    QFETCH(QByteArray, alg);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, ending);
    QFETCH(int, jobs);
    QFETCH(qsizetype, block);
    auto search = SecretSearch::create(jose::TokenParser::parse(tokenFor(alg, secret)));
    QVERIFY(search.ok());
    QVERIFY(search->matches(secret));
    QVERIFY(!search->matches(secret + 'x'));
    // 3,000 words, two blank lines, then the secret; line numbers count the blank lines.
    QByteArray list = words(3000);
    if (ending == "\r\n")
        list.replace("\n", "\r\n");
    list += ending + ending + secret + ending;
    const auto outcome = searchIn(search.value(), list, jobs, block);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->found);
    QCOMPARE(outcome->line, qint64(ending.isEmpty() ? 3001 : 3003));
    QCOMPARE(outcome->secret, secret);
    QCOMPARE(outcome->tried >= 3001, true);
    QVERIFY(!outcome->cancelled);
}

void TestSecretSearch::lowestLineWins_data()
{
    QTest::addColumn<int>("jobs");
    QTest::newRow("1 job") << 1;
    QTest::newRow("2 jobs") << 2;
    QTest::newRow("5 jobs") << 5;
}

void TestSecretSearch::lowestLineWins()
{
    QFETCH(int, jobs);
    auto search = SecretSearch::create(jose::TokenParser::parse(tokenFor("HS256", "twice")));
    QVERIFY(search.ok());
    // The secret on line 20,001, late in the first thread's half, and again 1,001 lines later, 500 lines into the
    // second thread's half (found first): the lower line is reported, on any thread count.
    const QByteArray filler("wwwwwwwwww\n"); // 11 bytes: the halves fall where this test needs them
    const QByteArray list
        = filler.repeated(20000) + "twice\n" + filler.repeated(1000) + "twice\n" + filler.repeated(20000);
    const auto outcome = searchIn(search.value(), list, jobs);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->found);
    QCOMPARE(outcome->line, qint64(20001));
}

void TestSecretSearch::notFound()
{
    auto search = SecretSearch::create(jose::TokenParser::parse(tokenFor("HS256", "not in the list")));
    QVERIFY(search.ok());
    const QByteArray list = words(5000) + "\n\n";
    for (const int jobs : {1, 3}) {
        const auto outcome = searchIn(search.value(), list, jobs, 4096);
        QVERIFY(outcome.ok());
        QVERIFY(!outcome->found);
        QCOMPARE(outcome->tried, qint64(5000)); // every line but the blank ones
        QCOMPARE(outcome->bytes, qint64(list.size()));
        QVERIFY(outcome->secret.isEmpty());
    }
}

void TestSecretSearch::rfc7515A1()
{
    JWB_REQUIRE_SHARED("testvectors/rfc/7515.json");
    const QJsonObject vectors = test::readJson(test::sharedPath(QStringLiteral("testvectors/rfc/7515.json"))).object();
    const QJsonObject a1 = vectors.value(QLatin1String("keys"))
                               .toObject()
                               .value(QLatin1String("A.1"))
                               .toObject()
                               .value(QLatin1String("jwk"))
                               .toObject();
    const QByteArray k = jose::Base64Url::decode(a1.value(QLatin1String("k")).toString().toLatin1()).value();
    QCOMPARE(k.size(), 64);
    QString compact;
    for (const auto &v : vectors.value(QLatin1String("jws")).toArray())
        if (v.toObject().value(QLatin1String("id")).toString() == u"rfc7515-A.1")
            compact = v.toObject().value(QLatin1String("compact")).toString();
    QVERIFY(!compact.isEmpty());
    auto search = SecretSearch::create(jose::TokenParser::parse(compact));
    QVERIFY(search.ok());
    const auto outcome = searchIn(search.value(), words(200) + k + '\n' + words(5), 2);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->found);
    QCOMPARE(outcome->line, qint64(201));
    QCOMPARE(outcome->secret, k);
}

void TestSecretSearch::notHmac_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    const QByteArray body = jose::Base64Url::encode("{\"sub\":\"x\"}");
    QTest::newRow("RS256") << QString::fromLatin1(jose::Base64Url::encode("{\"alg\":\"RS256\"}") + '.' + body + ".AAAA")
                           << QStringLiteral("its alg is \"RS256\"");
    QTest::newRow("none") << QString::fromLatin1(jose::Base64Url::encode("{\"alg\":\"none\"}") + '.' + body + '.')
                          << QStringLiteral("its alg is \"none\"");
    QTest::newRow("short signature") << QString::fromLatin1(jose::Base64Url::encode("{\"alg\":\"HS256\"}") + '.' + body
        + ".AAAA") << QStringLiteral("its signature has 3 bytes, HS256 has 32");
    QTest::newRow("JWE") << QStringLiteral("eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..AAAA.AAAA.AAAA")
                         << QStringLiteral("this is not a signed token (JWS) with a readable header");
}

void TestSecretSearch::notHmac()
{
    QFETCH(QString, token);
    QFETCH(QString, message);
    const auto search = SecretSearch::create(jose::TokenParser::parse(token));
    QVERIFY(!search.ok());
    QCOMPARE(search.error().code, QStringLiteral("not_hmac"));
    QVERIFY2(search.error().message.endsWith(message), qPrintable(search.error().message));
}

void TestSecretSearch::cancelAndProgress()
{
    auto search = SecretSearch::create(jose::TokenParser::parse(tokenFor("HS256", "absent")));
    QVERIFY(search.ok());
    QByteArray list = words(20000);
    QBuffer device(&list);
    device.open(QIODevice::ReadOnly);
    SecretSearch::Options options;
    options.limits = {16 * 1024, 64 * 1024};
    QList<SecretSearch::Progress> seen;
    // Cancelled from the progress callback after the second block: the search stops there.
    options.progress = [&](const SecretSearch::Progress &p) {
        seen << p;
        if (seen.size() == 2)
            options.cancel.cancel();
    };
    const auto outcome = search->run(device, options);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->cancelled);
    QVERIFY(!outcome->found);
    QCOMPARE(seen.size(), 2);
    QVERIFY(seen[0].tried > 0 && seen[1].tried > seen[0].tried);
    QVERIFY(seen[1].bytes > seen[0].bytes);
    QCOMPARE(outcome->tried, seen[1].tried);
    QVERIFY(outcome->bytes < list.size());
}

void TestSecretSearch::readFailure()
{
    auto search = SecretSearch::create(jose::TokenParser::parse(tokenFor("HS256", "absent")));
    QVERIFY(search.ok());
    jwb::test::FailingDevice device(words(10000), 20000);
    SecretSearch::Options options;
    options.limits = {4096, 64 * 1024};
    const auto outcome = search->run(device, options);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, QStringLiteral("unreadable_input"));
    QCOMPARE(
        outcome.error().message, QStringLiteral("reading the wordlist stopped after 20000 bytes: Input/output error"));
}

void TestSecretSearch::overlongLineSkipped()
{
    auto search = SecretSearch::create(jose::TokenParser::parse(tokenFor("HS256", "after")));
    QVERIFY(search.ok());
    // A 100 KiB line (over the 64 KiB limit) is skipped and counted: the secret after it is on line 12.
    const QByteArray list = words(10) + QByteArray(100 * 1024, 'z') + "\nafter\n";
    const auto outcome = searchIn(search.value(), list, 1, 1024);
    QVERIFY(outcome.ok());
    QVERIFY(outcome->found);
    QCOMPARE(outcome->line, qint64(12));
    QCOMPARE(outcome->tried, qint64(11));
}

QTEST_GUILESS_MAIN(TestSecretSearch)
#include "tst_secretsearch.moc"
