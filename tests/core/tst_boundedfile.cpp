// common::BoundedFile, the one reader of files a user or a config names: a regular file only, at most the limit,
// read with a bounded buffer; /dev/zero, a FIFO, a directory or a huge file answer at once with a clear error.

#include "common/BoundedFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace BoundedFile = jwb::common::BoundedFile;

class TestBoundedFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void regularFile();
    void limit();
    void refusedAtOnce_data();
    void refusedAtOnce();
    void permissionDenied();
    void sizeText();

private:
    QString write(const QString &name, const QByteArray &bytes);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestBoundedFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestBoundedFile::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return QString();
    return path;
}

void TestBoundedFile::regularFile()
{
    const QByteArray bytes = QByteArray(200 * 1024, 'x') + "end";
    const QString path = write(QStringLiteral("f.txt"), bytes);
    const auto read = BoundedFile::read(path);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read.value(), bytes);
    const auto empty = BoundedFile::read(write(QStringLiteral("empty"), {}));
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
    // Through a symbolic link: the target is read.
    const QString link = m_dir->filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(path, link));
    QCOMPARE(BoundedFile::read(link).value(), bytes);
}

void TestBoundedFile::limit()
{
    const QString exact = write(QStringLiteral("exact"), QByteArray(1024, 'a'));
    QVERIFY(BoundedFile::read(exact, 1024).ok());
    const QString over = write(QStringLiteral("over"), QByteArray(1025, 'a'));
    const auto refused = BoundedFile::read(over, 1024);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("input_too_large"));
    QCOMPARE(refused.error().message, QStringLiteral("%1 is larger than 1 KiB").arg(over));
}

void TestBoundedFile::refusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("/dev/zero") << QStringLiteral("zero") << QStringLiteral("not_regular_file")
                               << QStringLiteral("@ is not a regular file (a character device): not read");
    QTest::newRow("link to /dev/zero") << QStringLiteral("zero-link") << QStringLiteral("not_regular_file")
                                       << QStringLiteral("@ is not a regular file (a character device): not read");
    QTest::newRow("FIFO without a writer") << QStringLiteral("fifo") << QStringLiteral("not_regular_file")
                                           << QStringLiteral("@ is not a regular file (a FIFO): not read");
    QTest::newRow("100 MB sparse file") << QStringLiteral("sparse") << QStringLiteral("input_too_large")
                                        << QStringLiteral("@ is larger than 16 MiB");
    QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral("unreadable_file")
                               << QStringLiteral("cannot read @: is a directory");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("unreadable_file")
                             << QStringLiteral("cannot read @: no such file or directory");
}

void TestBoundedFile::refusedAtOnce()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QString path;
    if (kind == u"zero") {
        path = QStringLiteral("/dev/zero");
    } else if (kind == u"zero-link") {
        path = m_dir->filePath(QStringLiteral("jwks.json"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
    } else if (kind == u"fifo") {
        path = m_dir->filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == u"sparse") {
        path = m_dir->filePath(QStringLiteral("sparse"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(100 * 1000 * 1000));
    } else if (kind == u"dir") {
        path = m_dir->path();
    } else {
        path = m_dir->filePath(QStringLiteral("nope"));
    }
    QElapsedTimer timer;
    timer.start();
    const auto read = BoundedFile::read(path);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, code);
    QCOMPARE(read.error().message, QString(message).replace(u'@', path));
    QCOMPARE(read.error().details.value(QStringLiteral("path")).toString(), path);
}

void TestBoundedFile::permissionDenied()
{
    // The tests run as root, whom no mode stops: the read runs in a child that became "nobody".
    const QString path = write(QStringLiteral("secret"), "s3cr3t");
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(QFile::setPermissions(m_dir->path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup
            | QFile::ExeGroup));
    const passwd *nobody = ::getpwnam("nobody");
    if (::geteuid() == 0 && !nobody)
        QSKIP("no user 'nobody' to read as");
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        if (::geteuid() == 0 && (::setgid(nobody->pw_gid) != 0 || ::setuid(nobody->pw_uid) != 0))
            ::_exit(3);
        const auto read = BoundedFile::read(path);
        const bool ok = !read.ok() && read.error().code == u"unreadable_file"
            && read.error().message == QStringLiteral("cannot read %1: permission denied").arg(path);
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
}

void TestBoundedFile::sizeText()
{
    QCOMPARE(BoundedFile::sizeText(4 * 1024 * 1024), QStringLiteral("4 MiB"));
    QCOMPARE(BoundedFile::sizeText(1024), QStringLiteral("1 KiB"));
    QCOMPARE(BoundedFile::sizeText(1000), QStringLiteral("1000 bytes"));
}

QTEST_GUILESS_MAIN(TestBoundedFile)
#include "tst_boundedfile.moc"
