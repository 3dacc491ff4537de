// common::AtomicFile, the one writer of the user's files: files with secrets are 0600 whatever the umask, a
// replaced file keeps its mode, a write through a symbolic link replaces the target's content (the link stays),
// and the folder of secret files is 0700. Every case runs with umask 0, the most permissive.

#include "common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

namespace AtomicFile = jwb::common::AtomicFile;

namespace {
/// The permission bits of `path` as the system has them (st_mode & 07777), without following a last link when
/// `follow` is false.
int modeOf(const QString &path, bool follow = true)
{
    struct stat st
    {
    };
    const QByteArray native = QFile::encodeName(path);
    if ((follow ? ::stat(native.constData(), &st) : ::lstat(native.constData(), &st)) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void newFileFollowsTheUmask();
    void secretFileIs0600();
    void secretReplacesAWiderFile();
    void replacedFileKeepsItsMode();
    void explicitPermissions();
    void throughASymlink();
    void throughARelativeDanglingSymlink();
    void privateDirectory();

private:
    mode_t m_umask = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAtomicFile::initTestCase()
{
    m_umask = ::umask(0);
}

void TestAtomicFile::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestAtomicFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAtomicFile::newFileFollowsTheUmask()
{
    const QString path = m_dir->filePath(QStringLiteral("plain.json"));
    QVERIFY(AtomicFile::write(path, "{}").ok());
    QCOMPARE(modeOf(path), 0666);
    QCOMPARE(contentOf(path), QByteArray("{}"));
}

void TestAtomicFile::secretFileIs0600()
{
    const QString path = m_dir->filePath(QStringLiteral("private.pem"));
    QVERIFY(AtomicFile::write(path, "secret", AtomicFile::Access::Secret).ok());
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(contentOf(path), QByteArray("secret"));
    // No temporary file is left next to it.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("private.pem")});
}

void TestAtomicFile::secretReplacesAWiderFile()
{
    const QString path = m_dir->filePath(QStringLiteral("key.json"));
    QVERIFY(AtomicFile::write(path, "public").ok());
    QCOMPARE(modeOf(path), 0666);
    QVERIFY(AtomicFile::write(path, "private", AtomicFile::Access::Secret).ok());
    QCOMPARE(modeOf(path), 0600);
}

void TestAtomicFile::replacedFileKeepsItsMode()
{
    const QString path = m_dir->filePath(QStringLiteral("krakend.json"));
    QVERIFY(AtomicFile::write(path, "{}").ok());
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
    QVERIFY(AtomicFile::write(path, "{\"version\":3}").ok());
    QCOMPARE(modeOf(path), 0640);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    QVERIFY(AtomicFile::write(path, "{\"version\":3} ").ok());
    QCOMPARE(modeOf(path), 0600);
}

void TestAtomicFile::explicitPermissions()
{
    const QString path = m_dir->filePath(QStringLiteral("krakend.json.bak"));
    QVERIFY(
        AtomicFile::write(path, "{}", QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup).ok());
    QCOMPARE(modeOf(path), 0640);
}

void TestAtomicFile::throughASymlink()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("real")));
    const QString target = m_dir->filePath(QStringLiteral("real/krakend.json"));
    const QString link = m_dir->filePath(QStringLiteral("krakend.json"));
    QVERIFY(AtomicFile::write(target, "old").ok());
    QCOMPARE(::chmod(QFile::encodeName(target).constData(), 0640), 0);
    QVERIFY(QFile::link(target, link));
    QCOMPARE(AtomicFile::resolvedPath(link), target);
    QVERIFY(AtomicFile::write(link, "new").ok());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(QFileInfo(link).symLinkTarget(), target);
    QCOMPARE(contentOf(target), QByteArray("new"));
    QCOMPARE(modeOf(target), 0640);
    // A secret written through the link makes the target 0600; the link itself is untouched.
    const int linkMode = modeOf(link, false);
    QVERIFY(AtomicFile::write(link, "secret", AtomicFile::Access::Secret).ok());
    QCOMPARE(modeOf(target), 0600);
    QCOMPARE(modeOf(link, false), linkMode);
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestAtomicFile::throughARelativeDanglingSymlink()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("keys")));
    const QString link = m_dir->filePath(QStringLiteral("keys/current.pem"));
    QCOMPARE(::symlink("v2.pem", QFile::encodeName(link).constData()), 0);
    QCOMPARE(AtomicFile::resolvedPath(link), m_dir->filePath(QStringLiteral("keys/v2.pem")));
    QVERIFY(AtomicFile::write(link, "key", AtomicFile::Access::Secret).ok());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(contentOf(m_dir->filePath(QStringLiteral("keys/v2.pem"))), QByteArray("key"));
    QCOMPARE(modeOf(m_dir->filePath(QStringLiteral("keys/v2.pem"))), 0600);
}

void TestAtomicFile::privateDirectory()
{
    const QString dir = m_dir->filePath(QStringLiteral("a/b/data"));
    QVERIFY(AtomicFile::makePrivateDirectory(dir).ok());
    QCOMPARE(modeOf(dir), 0700);
    // An existing, wider folder is narrowed.
    QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0777), 0);
    QVERIFY(AtomicFile::makePrivateDirectory(dir).ok());
    QCOMPARE(modeOf(dir), 0700);
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
