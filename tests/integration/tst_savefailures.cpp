// No lost data: saves that fail (read-only directory, a full disk, a process killed in the middle of writing)
// leave the user's file exactly as it was. The writes under test are the CLI's `config validator --into` (the
// same core ConfigDocument::save the Gateway view uses) and `key convert --out`. Failures are injected from the
// outside: a process that may not write the directory (an unprivileged user when the tests run as root), a
// file-size limit (ulimit -f) with SIGXFSZ ignored, so writes fail as on a full disk, and the same limit with
// SIGXFSZ left to kill the process mid-write.

#include "../common/ProcessRun.h"
#include "../common/TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace jwb;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A krakend.json of about 64 KiB (many endpoints), so that a rewrite is far above a small file-size limit.
QByteArray bigConfig()
{
    QByteArray endpoints;
    for (int i = 0; i < 400; ++i) {
        if (i)
            endpoints += ",\n";
        endpoints += "    {\"endpoint\": \"/v1/items/" + QByteArray::number(i)
            + "\", \"method\": \"GET\", \"backend\": [{\"host\": [\"http://backend:8080\"], \"url_pattern\": \"/items/"
            + QByteArray::number(i) + "\"}]}";
    }
    return "{\n  \"$schema\": \"https://www.krakend.io/schema/v2.13/krakend.json\",\n  \"version\": 3,\n"
           "  \"endpoints\": [\n"
        + endpoints + "\n  ]\n}\n";
}

QStringList editArgs(const QString &path)
{
    return {QStringLiteral("config"), QStringLiteral("validator"), QStringLiteral("--alg"), QStringLiteral("RS256"),
        QStringLiteral("--jwk-url"), QStringLiteral("https://idp.example/jwks.json"), QStringLiteral("--issuer"),
        QStringLiteral("https://idp.example"), QStringLiteral("--endpoint"), QStringLiteral("/v1/items/7"),
        QStringLiteral("--into"), path};
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

/// Runs the CLI under bash with `prelude` (ulimit, trap) applied first.
test::Run runLimited(const QString &prelude, const QStringList &args)
{
    QStringList quoted;
    for (const QString &arg : args)
        quoted.append(shellQuote(arg));
    const QString script = prelude + QStringLiteral("; exec ") + shellQuote(test::cliPath()) + u' ' + quoted.join(u' ');
    return test::runProgram(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), script});
}

QStringList leftovers(const QDir &dir, const QStringList &expected)
{
    QStringList extra = dir.entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : expected)
        extra.removeAll(name);
    return extra;
}

} // namespace

class TestSaveFailures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editSucceedsWithoutLimits();
    void readOnlyDirectory();
    void diskFull();
    void killedMidSave();
    void keyExportDiskFull();
};

void TestSaveFailures::initTestCase()
{
    QVERIFY2(QFile::exists(test::cliPath()), "jwt-workbench-cli is missing");
}

void TestSaveFailures::editSucceedsWithoutLimits()
{
    // The control: the same edit works when nothing fails, so the failures below are caused by the injection.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("krakend.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bigConfig());
    file.close();
    const auto r = test::runCli(editArgs(path));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(readAll(path) != bigConfig());
    QVERIFY(readAll(path).contains("https://idp.example/jwks.json"));
    QCOMPARE(readAll(path + QStringLiteral(".bak")), bigConfig());
}

void TestSaveFailures::readOnlyDirectory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("krakend.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bigConfig());
    file.close();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QFile::setPermissions(dir.path(),
        QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::ExeOther);

    test::Run r;
    if (::geteuid() == 0) {
        // root writes anywhere: run the CLI as an unprivileged user instead.
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("running as root and setpriv (util-linux) is missing: cannot drop privileges");
        QStringList args = {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"), test::cliPath()};
        args += editArgs(path);
        r = test::runProgram(setpriv, args);
    } else {
        r = test::runCli(editArgs(path));
    }
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("krakend.json"), r.err.constData());
    QCOMPARE(readAll(path), bigConfig());
    QCOMPARE(leftovers(QDir(dir.path()), {QStringLiteral("krakend.json")}), QStringList());
}

void TestSaveFailures::diskFull()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("krakend.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bigConfig());
    file.close();
    // 8 KiB per file: the .bak and the new file (64 KiB each) cannot be written; writes fail with EFBIG.
    const auto r = runLimited(QStringLiteral("ulimit -f 8; trap '' XFSZ"), editArgs(path));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(!r.err.isEmpty(), "the failure must be explained");
    QCOMPARE(readAll(path), bigConfig());
    QCOMPARE(leftovers(QDir(dir.path()), {QStringLiteral("krakend.json"), QStringLiteral("krakend.json.bak")}),
        QStringList());
}

void TestSaveFailures::killedMidSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("krakend.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bigConfig());
    file.close();
    // The same limit with SIGXFSZ at its default: the kernel kills the process in the middle of a write.
    const auto r = runLimited(QStringLiteral("ulimit -f 8"), editArgs(path));
    QVERIFY2(r.exitCode != 0, "the process must not have finished the save");
    QCOMPARE(readAll(path), bigConfig());
}

void TestSaveFailures::keyExportDiskFull()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("keys.json"));
    const QByteArray original = "{\"keys\": []}\n";
    QFile file(out);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(original);
    file.close();
    // A 4096-bit private key in PEM is over 3 KiB: more than a 1 KiB limit allows.
    const auto r = runLimited(QStringLiteral("ulimit -f 1; trap '' XFSZ"),
        {QStringLiteral("keygen"), QStringLiteral("--alg"), QStringLiteral("RS256"), QStringLiteral("--bits"),
            QStringLiteral("4096"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 2, r.err.constData());
    QVERIFY2(r.err.contains("keys.json"), r.err.constData());
    QCOMPARE(readAll(out), original);
}

QTEST_GUILESS_MAIN(TestSaveFailures)
#include "tst_savefailures.moc"
