// Settings: every key the GUI stores, read and written through typed accessors under the key strings earlier
// versions used (so that users keep their recent files, window layout, theme and clipboard choice).

#include "common/Settings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace jwb::ui;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keyNamesStayTheSame_data();
    void keyNamesStayTheSame();
    void readsWhatEarlierVersionsStored();
    void recentFilesMostRecentFirst();
    void recentFilesRemoveAndClear();
    void windowGeometryAndState();
    void theme();
    void clearClipboardSeconds();
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettings::init()
{
    QSettings().clear();
}

void TestSettings::keyNamesStayTheSame_data()
{
    QTest::addColumn<Settings::Key>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("recentFiles") << Settings::Key::RecentFiles << QStringLiteral("recentFiles");
    QTest::newRow("geometry") << Settings::Key::WindowGeometry << QStringLiteral("window/geometry");
    QTest::newRow("state") << Settings::Key::WindowState << QStringLiteral("window/state");
    QTest::newRow("theme") << Settings::Key::Theme << QStringLiteral("theme");
    QTest::newRow("identity provider") << Settings::Key::IdentityProvider << QStringLiteral("identityProvider/last");
    QTest::newRow("clipboard") << Settings::Key::ClearClipboardSeconds
                               << QStringLiteral("security/clearClipboardSeconds");
}

void TestSettings::keyNamesStayTheSame()
{
    QFETCH(Settings::Key, key);
    QFETCH(QString, name);
    QCOMPARE(Settings::keyName(key), name);
}

void TestSettings::readsWhatEarlierVersionsStored()
{
    {
        QSettings settings;
        settings.setValue(QStringLiteral("recentFiles"), QStringList {QStringLiteral("/a.jwt"), QStringLiteral("/b")});
        settings.setValue(QStringLiteral("window/geometry"), QByteArrayLiteral("geo"));
        settings.setValue(QStringLiteral("window/state"), QByteArrayLiteral("state"));
        settings.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
        settings.setValue(QStringLiteral("security/clearClipboardSeconds"), 0);
    }
    QCOMPARE(Settings::recentFiles(), QStringList({QStringLiteral("/a.jwt"), QStringLiteral("/b")}));
    QCOMPARE(Settings::windowGeometry(), QByteArrayLiteral("geo"));
    QCOMPARE(Settings::windowState(), QByteArrayLiteral("state"));
    QCOMPARE(Settings::theme(), std::optional(Theme::Mode::Dark));
    QCOMPARE(Settings::clearClipboardSeconds(), 0);
}

void TestSettings::recentFilesMostRecentFirst()
{
    QVERIFY(Settings::recentFiles().isEmpty());
    for (int i = 0; i < Settings::kMaxRecentFiles + 2; ++i)
        Settings::addRecentFile(QStringLiteral("/f%1").arg(i));
    QStringList files = Settings::recentFiles();
    QCOMPARE(files.size(), Settings::kMaxRecentFiles);
    QCOMPARE(files.first(), QStringLiteral("/f%1").arg(Settings::kMaxRecentFiles + 1));
    QCOMPARE(files.last(), QStringLiteral("/f2"));
    // Opening one again moves it to the top, once.
    Settings::addRecentFile(QStringLiteral("/f5"));
    files = Settings::recentFiles();
    QCOMPARE(files.size(), Settings::kMaxRecentFiles);
    QCOMPARE(files.first(), QStringLiteral("/f5"));
    QCOMPARE(files.count(QStringLiteral("/f5")), 1);
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList(), files);
}

void TestSettings::recentFilesRemoveAndClear()
{
    Settings::addRecentFile(QStringLiteral("/a"));
    Settings::addRecentFile(QStringLiteral("/b"));
    Settings::removeRecentFile(QStringLiteral("/a"));
    QCOMPARE(Settings::recentFiles(), QStringList {QStringLiteral("/b")});
    Settings::clearRecentFiles();
    QVERIFY(Settings::recentFiles().isEmpty());
    QVERIFY(!QSettings().contains(QStringLiteral("recentFiles")));
}

void TestSettings::windowGeometryAndState()
{
    QVERIFY(Settings::windowGeometry().isEmpty());
    QVERIFY(Settings::windowState().isEmpty());
    Settings::setWindowGeometry(QByteArrayLiteral("\x01\x02"));
    Settings::setWindowState(QByteArrayLiteral("\x03"));
    QCOMPARE(QSettings().value(QStringLiteral("window/geometry")).toByteArray(), QByteArrayLiteral("\x01\x02"));
    QCOMPARE(QSettings().value(QStringLiteral("window/state")).toByteArray(), QByteArrayLiteral("\x03"));
}

void TestSettings::theme()
{
    QCOMPARE(Settings::theme(), std::nullopt);
    Settings::setTheme(Theme::Mode::Light);
    QCOMPARE(Settings::theme(), std::optional(Theme::Mode::Light));
    QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("light"));
    // A name this version does not know counts as no choice.
    QSettings().setValue(QStringLiteral("theme"), QStringLiteral("sepia"));
    QCOMPARE(Settings::theme(), std::nullopt);
}

void TestSettings::clearClipboardSeconds()
{
    QCOMPARE(Settings::clearClipboardSeconds(), Settings::kDefaultClearClipboardSeconds);
    QCOMPARE(Settings::kDefaultClearClipboardSeconds, 30);
    Settings::setClearClipboardSeconds(5);
    QCOMPARE(Settings::clearClipboardSeconds(), 5);
    Settings::setClearClipboardSeconds(-3);
    QCOMPARE(Settings::clearClipboardSeconds(), 0);
    QCOMPARE(QSettings().value(QStringLiteral("security/clearClipboardSeconds")).toInt(), 0);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
