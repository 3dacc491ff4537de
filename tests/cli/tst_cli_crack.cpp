// `jwt-workbench-cli crack`, run as a real process: the secret found on its line (text and --json, exit 0), a list
// without it (exit 1), a wordlist from standard input, several jobs, and usage errors (no --wordlist, a token that is
// not HS*, a missing file, bad --jobs; exit 2). Tokens are signed by `sign`, so the two commands agree.
#include "ProcessRun.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using jwb::test::Run;
using jwb::test::runCli;

class TestCliCrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void found_data();
    void found();
    void notFound();
    void wordlistFromStdin();
    void usageErrors();

private:
    QString write(const QString &name, const QByteArray &data);
    QString sign(const QString &alg, const QByteArray &secret);

    QTemporaryDir m_dir;
    QByteArray m_words;
};

QString TestCliCrack::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QString TestCliCrack::sign(const QString &alg, const QByteArray &secret)
{
    const QString secretFile = write(QStringLiteral("secret-%1.txt").arg(alg), secret);
    const Run s = runCli({QStringLiteral("sign"), QStringLiteral("--alg"), alg, QStringLiteral("--secret-file"),
        secretFile, QStringLiteral(R"({"sub":"someone"})")});
    if (s.exitCode != 0)
        qFatal("sign failed: %s", s.describe().constData());
    return QString::fromLatin1(s.out.trimmed());
}

void TestCliCrack::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (int i = 0; i < 50000; ++i)
        m_words += "word" + QByteArray::number(i * 7919 % 100003) + '\n';
}

void TestCliCrack::found_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("jobs");
    QTest::newRow("HS256, 1 job") << QStringLiteral("HS256") << QStringLiteral("1");
    QTest::newRow("HS384, 2 jobs") << QStringLiteral("HS384") << QStringLiteral("2");
    QTest::newRow("HS512, 3 jobs") << QStringLiteral("HS512") << QStringLiteral("3");
}

void TestCliCrack::found()
{
    QFETCH(QString, alg);
    QFETCH(QString, jobs);
    const QByteArray secret = "summer-2026-" + alg.toLatin1();
    const QString token = sign(alg, secret);
    const QString list = write(QStringLiteral("list-%1.txt").arg(alg), m_words + secret + "\r\n" + m_words);

    const Run text
        = runCli({QStringLiteral("crack"), token, QStringLiteral("--wordlist"), list, QStringLiteral("--jobs"), jobs});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.out.contains(QByteArray("secret found on line 50001 of " + list.toUtf8() + ": " + secret)),
        text.describe().constData());

    const Run json = runCli({QStringLiteral("crack"), token, QStringLiteral("--wordlist"), list,
        QStringLiteral("--jobs"), jobs, QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0 && json.jsonOk, json.describe().constData());
    QCOMPARE(json.json.value(QLatin1String("found")).toBool(), true);
    QCOMPARE(json.json.value(QLatin1String("line")).toInt(), 50001);
    QCOMPARE(json.json.value(QLatin1String("secret")).toString(), QString::fromLatin1(secret));
    QCOMPARE(json.json.value(QLatin1String("alg")).toString(), alg);
    QCOMPARE(json.json.value(QLatin1String("jobs")).toInt(), jobs.toInt());
    QVERIFY(json.json.value(QLatin1String("tried")).toInteger() >= 50001);
}

void TestCliCrack::notFound()
{
    const QString token = sign(QStringLiteral("HS256"), "not-in-the-list");
    const QString list = write(QStringLiteral("plain.txt"), m_words);
    const Run json
        = runCli({QStringLiteral("crack"), token, QStringLiteral("--wordlist"), list, QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 1 && json.jsonOk, json.describe().constData());
    QCOMPARE(json.json.value(QLatin1String("found")).toBool(), false);
    QCOMPARE(json.json.value(QLatin1String("tried")).toInt(), 50000);
    QCOMPARE(json.json.value(QLatin1String("bytes")).toInteger(), qint64(m_words.size()));
    QVERIFY(!json.json.contains(QLatin1String("secret")));
    const Run text = runCli({QStringLiteral("crack"), token, QStringLiteral("--wordlist"), list});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.startsWith(QByteArray("no line of " + list.toUtf8() + " is the secret (50000 candidates")),
        text.describe().constData());
}

void TestCliCrack::wordlistFromStdin()
{
    const QString token = sign(QStringLiteral("HS256"), "from-stdin");
    const Run r = runCli({QStringLiteral("crack"), token, QStringLiteral("--wordlist"), QStringLiteral("-")},
        "alpha\nbeta\n\nfrom-stdin\ngamma\n");
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.out.contains("secret found on line 4 of standard input: from-stdin"), r.describe().constData());
}

void TestCliCrack::usageErrors()
{
    const QString hs = sign(QStringLiteral("HS256"), "x-secret-for-usage-tests");
    const QString list = write(QStringLiteral("small.txt"), "a\nb\n");
    const Run noList = runCli({QStringLiteral("crack"), hs});
    QCOMPARE(noList.exitCode, 2);
    QVERIFY2(noList.err.contains("--wordlist FILE is required"), noList.describe().constData());

    const Run keygen = runCli({QStringLiteral("keygen"), QStringLiteral("--alg"), QStringLiteral("ES256")});
    QVERIFY2(keygen.exitCode == 0, keygen.describe().constData());
    const QString key = write(QStringLiteral("es256.jwk"), keygen.out);
    const Run es = runCli({QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("ES256"),
        QStringLiteral("--key"), key, QStringLiteral(R"({"a":1})")});
    QVERIFY2(es.exitCode == 0, es.describe().constData());
    const Run notHmac = runCli({QStringLiteral("crack"), QString::fromLatin1(es.out.trimmed()),
        QStringLiteral("--wordlist"), list, QStringLiteral("--json")});
    QCOMPARE(notHmac.exitCode, 2);
    QCOMPARE(notHmac.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("not_hmac"));

    const Run missing = runCli(
        {QStringLiteral("crack"), hs, QStringLiteral("--wordlist"), m_dir.filePath(QStringLiteral("nope.txt"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("no such file or directory"), missing.describe().constData());

    const Run badJobs = runCli({QStringLiteral("crack"), hs, QStringLiteral("--wordlist"), list,
        QStringLiteral("--jobs"), QStringLiteral("0")});
    QCOMPARE(badJobs.exitCode, 2);
    QVERIFY2(badJobs.err.contains("--jobs"), badJobs.describe().constData());

    const Run bothStdin = runCli({QStringLiteral("crack"), QStringLiteral("--wordlist"), QStringLiteral("-")}, "x\n");
    QCOMPARE(bothStdin.exitCode, 2);
    QVERIFY2(bothStdin.err.contains("cannot both come from standard input"), bothStdin.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliCrack)
#include "tst_cli_crack.moc"
