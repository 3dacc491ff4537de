// Issue #19 item 13: a big krakend.json opens in the background. The window's event loop keeps turning while the
// file is read and checked, the page shows a progress bar with Cancel, Cancel keeps the document shown, and the
// finished document lists every endpoint. Through the menu's path (MainWindow::openKrakendConfig).
#include "MainWindow.h"
#include "common/Dialogs.h"
#include "gateway/GatewayPage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using jwb::ui::GatewayPage;
using jwb::ui::MainWindow;

namespace {

/// A krakend.json of `count` endpoints (about 190 bytes each), half of them with a validator.
QByteArray bigConfig(int count)
{
    QByteArray out = "{\n  \"version\": 3,\n  \"endpoints\": [\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += "    {\n      \"endpoint\": \"/big/" + n + "\",\n      \"backend\": [{\"url_pattern\": \"/" + n
            + "\", \"host\": [\"http://b:80\"]}]";
        if (i % 2 == 0)
            out += ",\n      \"extra_config\": {\"auth/validator\": {\"alg\": \"RS256\", \"jwk_url\": "
                   "\"https://idp.example/jwks\"}}";
        out += i + 1 < count ? "\n    },\n" : "\n    }\n";
    }
    return out + "  ]\n}\n";
}

const QByteArray kSmall = "{\n  \"version\": 3,\n  \"endpoints\": [\n    {\"endpoint\": \"/small\", \"backend\": "
                          "[{\"url_pattern\": \"/s\", \"host\": [\"http://b:80\"]}]}\n  ]\n}\n";

} // namespace

class TestBigFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_small = write(QStringLiteral("small.json"), kSmall);
        m_big = write(QStringLiteral("big.json"), bigConfig(40000)); // about 7 MB
        QVERIFY(QFileInfo(m_big).size() > GatewayPage::kBackgroundOpenBytes);
        jwb::ui::Dialogs::Hooks hooks;
        hooks.error = [this](const QString &, const QString &text) { m_errors << text; };
        jwb::ui::Dialogs::setHooks(hooks);
    }
    void cleanupTestCase() { jwb::ui::Dialogs::clearHooks(); }

    void opensInTheBackgroundWithProgress()
    {
        MainWindow window;
        window.show();
        GatewayPage *page = window.gatewayPage();
        QVERIFY(window.openKrakendConfig(m_small));
        QCOMPARE(page->document().endpointCount(), 1);
        auto *view = page->findChild<QTableView *>(QStringLiteral("endpointView"));
        auto *bar = page->findChild<QWidget *>(QStringLiteral("gatewayLoadBar"));
        auto *progress = page->findChild<QProgressBar *>(QStringLiteral("gatewayLoadProgress"));
        QVERIFY(view && bar && progress);
        QVERIFY(bar->isHidden());

        // A timer of this thread ticks while the file is read and checked: the event loop is not blocked.
        int ticksWhileLoading = 0;
        int progressSeen = 0;
        QTimer ticker;
        ticker.setInterval(2);
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (page->isLoading()) {
                ++ticksWhileLoading;
                progressSeen = std::max(progressSeen, progress->value());
            }
        });
        ticker.start();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window.openKrakendConfig(m_big)); // returns at once: started
        QVERIFY(page->isLoading());
        QVERIFY(bar->isVisibleTo(page));
        QCOMPARE(progress->maximum(), 1000);
        QVERIFY(!view->isEnabled()); // the document shown is not edited while another replaces it
        QCOMPARE(page->document().endpointCount(), 1); // still the previous one
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 60000);
        const qint64 took = clock.elapsed();
        QVERIFY2(ticksWhileLoading >= 3, qPrintable(QString::number(ticksWhileLoading)));
        if (took > 400) // long enough for the 50 ms progress poll to have seen a piece checked
            QVERIFY2(progressSeen > 0, qPrintable(QString::number(took)));
        QVERIFY(bar->isHidden());
        QVERIFY(view->isEnabled());
        QCOMPARE(page->document().endpointCount(), 40000);
        QCOMPARE(view->model()->rowCount(), 40000);
        QCOMPARE(page->configPath(), m_big);
        QVERIFY(!page->isModified());
        QVERIFY(m_errors.isEmpty());
        // The lint of a big document comes from a worker too.
        auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("gatewayTabs"));
        QWidget *lintTab = page->findChild<QWidget *>(QStringLiteral("lintTab"));
        QTRY_VERIFY_WITH_TIMEOUT(!tabs->tabText(tabs->indexOf(lintTab)).contains(u'\u2026'), 60000);
        QCOMPARE(page->lintItems().size(), 0); // every block of this file passes
    }

    void cancelKeepsTheDocumentShown()
    {
        MainWindow window;
        window.show();
        GatewayPage *page = window.gatewayPage();
        QVERIFY(window.openKrakendConfig(m_small));
        const QByteArray before = page->documentText();
        QSignalSpy loading(page, &GatewayPage::loadingChanged);
        QVERIFY(window.openKrakendConfig(m_big));
        QVERIFY(page->isLoading());
        auto *cancel = page->findChild<QPushButton *>(QStringLiteral("gatewayLoadCancel"));
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!page->isLoading());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.last().first().toBool(), false);
        // Nothing of the cancelled open arrives later.
        QTest::qWait(1500);
        QCOMPARE(page->documentText(), before);
        QCOMPARE(page->configPath(), m_small);
        QCOMPARE(page->document().endpointCount(), 1);
        QCOMPARE(page->findChild<QTableView *>(QStringLiteral("endpointView"))->model()->rowCount(), 1);
        QVERIFY(page->findChild<QTableView *>(QStringLiteral("endpointView"))->isEnabled());
        QVERIFY(m_errors.isEmpty());
    }

    void invalidBigFileSaysWhereAndKeepsTheDocument()
    {
        MainWindow window;
        window.show();
        GatewayPage *page = window.gatewayPage();
        QVERIFY(window.openKrakendConfig(m_small));
        QByteArray broken = bigConfig(20000);
        broken.replace("\"/big/15000\"", "/big/15000"); // deep in the file
        const QString path = write(QStringLiteral("broken.json"), broken);
        m_errors.clear();
        QVERIFY(window.openKrakendConfig(path));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 60000);
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.first().contains(QStringLiteral("line")), qPrintable(m_errors.first()));
        QCOMPARE(page->configPath(), m_small);
        QCOMPARE(page->document().endpointCount(), 1);
        m_errors.clear();
    }

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir m_dir;
    QString m_small;
    QString m_big;
    QStringList m_errors;
};

QTEST_MAIN(TestBigFiles)
#include "tst_bigfiles.moc"
