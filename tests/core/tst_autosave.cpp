// workspace::Autosave on a ManualScheduler: the crash copy is written every interval and only then, the last
// session never holds unsaved config edits, a clean close leaves nothing to recover, a recovery copy that cannot be
// read is removed, failed timed saves are reported and retried, and the files are private.

#include "common/Scheduler.h"
#include "workspace/Autosave.h"
#include "workspace/WorkspaceFormat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace jwb;
using namespace jwb::workspace;

namespace {

constexpr int kInterval = 60 * 1000;

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pathsAsBefore();
    void timerWritesTheCrashCopy();
    void lastSessionHasNoUnsavedConfig();
    void cleanCloseLeavesNothingToRecover();
    void recoveryOffer();
    void lastSession();
    void failedSavesAreReportedAndRetried();
    void filesArePrivate();

private:
    std::unique_ptr<Autosave> make(const QString &dir);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<common::ManualScheduler> m_scheduler;
    WorkspaceDocument m_document;
    int m_snapshots = 0;
};

void TestAutosave::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_scheduler = std::make_shared<common::ManualScheduler>();
    m_document = WorkspaceDocument {};
    m_document.id = QStringLiteral("w1");
    m_document.tokens = {{QStringLiteral("t"), QStringLiteral("a.b.c")}};
    m_document.workspacePath = QStringLiteral("/home/me/w.jwb.json");
    m_document.unsavedConfig = UnsavedConfig {QStringLiteral("/home/me/krakend.json"), QByteArrayLiteral("{}")};
    m_snapshots = 0;
}

void TestAutosave::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Autosave> TestAutosave::make(const QString &dir)
{
    return std::make_unique<Autosave>(
        dir,
        [this] {
            ++m_snapshots;
            return m_document;
        },
        m_scheduler, kInterval);
}

void TestAutosave::pathsAsBefore()
{
    QCOMPARE(Autosave::lastSessionPathIn(QStringLiteral("/data")), QStringLiteral("/data/last-session.jwb.json"));
    QCOMPARE(Autosave::autosavePathIn(QStringLiteral("/data")), QStringLiteral("/data/autosave.jwb.json"));
    const auto autosave = make(m_dir->path());
    QCOMPARE(autosave->autosavePath(), m_dir->filePath(QStringLiteral("autosave.jwb.json")));
    QCOMPARE(autosave->lastSessionPath(), m_dir->filePath(QStringLiteral("last-session.jwb.json")));
}

void TestAutosave::timerWritesTheCrashCopy()
{
    const auto autosave = make(m_dir->path());
    QVERIFY(!autosave->isRunning());
    m_scheduler->advance(10 * kInterval);
    QCOMPARE(m_snapshots, 0); // not started: nothing
    autosave->start();
    QVERIFY(autosave->isRunning());
    m_scheduler->advance(kInterval - 1);
    QVERIFY(!QFile::exists(autosave->autosavePath()));
    m_scheduler->advance(1);
    QVERIFY(QFile::exists(autosave->autosavePath()));
    QCOMPARE(m_snapshots, 1);
    const auto written = WorkspaceFormat::read(autosave->autosavePath());
    QVERIFY(written.ok());
    QCOMPARE(written->tokens, m_document.tokens);
    QCOMPARE(written->unsavedConfig, m_document.unsavedConfig); // the crash copy keeps unsaved config edits
    QCOMPARE(written->workspacePath, m_document.workspacePath);

    m_scheduler->advance(2 * kInterval);
    QCOMPARE(m_snapshots, 3);
    autosave->stop();
    QVERIFY(!autosave->isRunning());
    m_scheduler->advance(5 * kInterval);
    QCOMPARE(m_snapshots, 3);
    QCOMPARE(m_scheduler->pendingCount(), 0);
}

void TestAutosave::lastSessionHasNoUnsavedConfig()
{
    const auto autosave = make(m_dir->path());
    QVERIFY(autosave->saveLastSession().ok());
    const auto written = WorkspaceFormat::read(autosave->lastSessionPath());
    QVERIFY(written.ok());
    QVERIFY(!written->unsavedConfig.has_value());
    QCOMPARE(written->workspacePath, m_document.workspacePath);
    QVERIFY(!QFile::exists(autosave->autosavePath()));
}

void TestAutosave::cleanCloseLeavesNothingToRecover()
{
    const auto autosave = make(m_dir->path());
    autosave->start();
    QVERIFY(autosave->saveNow().ok());
    QVERIFY(autosave->pendingRecovery().has_value());
    QVERIFY(autosave->closeCleanly().ok());
    QVERIFY(!QFile::exists(autosave->autosavePath()));
    QVERIFY(QFile::exists(autosave->lastSessionPath()));
    QVERIFY(!autosave->pendingRecovery().has_value());
    QVERIFY(!autosave->isRunning()); // nothing is written after the close
    const int before = m_snapshots;
    m_scheduler->advance(3 * kInterval);
    QCOMPARE(m_snapshots, before);
}

void TestAutosave::recoveryOffer()
{
    const auto autosave = make(m_dir->path());
    QVERIFY(!autosave->pendingRecovery().has_value());
    QVERIFY(autosave->saveNow().ok());
    const auto recovery = autosave->pendingRecovery();
    QVERIFY(recovery.has_value());
    QCOMPARE(recovery->id, QStringLiteral("w1"));
    QVERIFY(recovery->unsavedConfig.has_value());
    QVERIFY(QFile::exists(autosave->autosavePath())); // offered until the user answers
    autosave->discardRecovery();
    QVERIFY(!QFile::exists(autosave->autosavePath()));

    // A copy that cannot be read cannot be recovered: it goes, and is not offered again.
    QFile broken(autosave->autosavePath());
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    QVERIFY(!autosave->pendingRecovery().has_value());
    QVERIFY(!QFile::exists(autosave->autosavePath()));
}

void TestAutosave::lastSession()
{
    const auto autosave = make(m_dir->path());
    const auto none = autosave->lastSession();
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());
    QVERIFY(autosave->saveLastSession().ok());
    const auto saved = autosave->lastSession();
    QVERIFY(saved.ok() && saved.value().has_value());
    QCOMPARE(saved.value()->tokens, m_document.tokens);

    QFile broken(autosave->lastSessionPath());
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"jwt_workbench_workspace\": 99}");
    broken.close();
    const auto future = autosave->lastSession();
    QVERIFY(!future.ok());
    QVERIFY(future.error().is(common::ErrorCode::UnsupportedWorkspace));
}

void TestAutosave::failedSavesAreReportedAndRetried()
{
    // The data directory cannot be made: a file stands where it should be.
    const QString blocked = m_dir->filePath(QStringLiteral("blocked"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const auto autosave = make(blocked + QStringLiteral("/data"));
    QSignalSpy failed(autosave.get(), &Autosave::saveFailed);
    autosave->start();
    m_scheduler->advance(kInterval);
    QCOMPARE(failed.count(), 1);
    QVERIFY(!failed.first().first().value<common::Error>().code.isEmpty());
    m_scheduler->advance(kInterval);
    QCOMPARE(failed.count(), 2); // still tried every interval
    QVERIFY(autosave->isRunning());
    QVERIFY(!autosave->saveLastSession().ok());
}

void TestAutosave::filesArePrivate()
{
    const QString dir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dir));
    QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0755), 0); // as an older installation may have left it
    const mode_t previous = ::umask(0);
    const auto autosave = make(dir);
    const bool saved = autosave->saveNow().ok() && autosave->saveLastSession().ok();
    ::umask(previous);
    QVERIFY(saved);
    QCOMPARE(modeOf(dir), 0700);
    QCOMPARE(modeOf(autosave->autosavePath()), 0600);
    QCOMPARE(modeOf(autosave->lastSessionPath()), 0600);
}

QTEST_GUILESS_MAIN(TestAutosave)
#include "tst_autosave.moc"
