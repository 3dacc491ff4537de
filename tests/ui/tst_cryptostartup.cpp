// The crypto self-test at start-up runs after the window's first paint, and a verification that was waiting for
// it follows. Its own test program: crypto::Backend is initialized once per process, and this must start without.
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "common/CryptoStartup.h"
#include "common/Resources.h"
#include "common/Scheduler.h"
#include "crypto/Backend.h"
#include "inspector/InspectorWidget.h"
#include "verify/VerifyPanel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace jwb;

namespace {

/// Records whether the self-test had run when the window first painted.
class PaintWatcher : public QObject
{
public:
    using QObject::QObject;
    bool painted = false;
    bool initializedAtFirstPaint = true;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            initializedAtFirstPaint = crypto::Backend::isInitialized();
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestCryptoStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selfTestFollowsTheFirstPaint();
};

void TestCryptoStartup::selfTestFollowsTheFirstPaint()
{
    QVERIFY(!crypto::Backend::isInitialized());
    auto clock = std::make_shared<common::FixedClock>(test::nowUtc());
    ui::InspectorWidget window(clock);
    window.resize(1000, 700);
    QFile jwks(QStringLiteral(JWB_SOURCE_DIR "/resources/samples/demo-jwks.json"));
    QVERIFY(jwks.open(QIODevice::ReadOnly));
    window.verifyPanel()->keyEdit()->setPlainText(QString::fromUtf8(jwks.readAll()));
    window.setTokenText(ui::Resources::demoToken());

    // As the app's main() does: the start-up first, then anything else that watches the first paint.
    auto *startup = ui::CryptoStartup::instance();
    QSignalSpy ready(startup, &ui::CryptoStartup::ready);
    // Its kLatestMs fallback is timed by a scheduler the test drives.
    auto scheduler = std::make_shared<common::ManualScheduler>();
    startup->runAfterFirstPaint(&window, scheduler);
    QVERIFY(startup->isScheduled());
    QCOMPARE(scheduler->pendingCount(), 1);
    PaintWatcher watcher;
    window.installEventFilter(&watcher);

    // Before the window is shown nothing runs the self-test: not the event loop, nor time short of kLatestMs.
    QCoreApplication::processEvents();
    scheduler->advance(ui::CryptoStartup::kLatestMs - 1);
    QCoreApplication::processEvents();
    QVERIFY(!crypto::Backend::isInitialized());
    QCOMPARE(ready.count(), 0);
    QCOMPARE(common::verdictText(window.verifyPanel()->verdict()), QStringLiteral("none"));

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(watcher.painted);
    QVERIFY2(!watcher.initializedAtFirstPaint, "the self-test ran before the first paint");
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(crypto::Backend::isInitialized());
    QVERIFY(!startup->isScheduled());
    // The verification that waited for it has run.
    QTRY_COMPARE(common::verdictText(window.verifyPanel()->verdict()), QStringLiteral("valid"));
    // The fallback, when it falls due, does not run the self-test a second time.
    scheduler->advance(1);
    QCOMPARE(scheduler->pendingCount(), 0);
    QCOMPARE(ready.count(), 1);
}

QTEST_MAIN(TestCryptoStartup)
#include "tst_cryptostartup.moc"
