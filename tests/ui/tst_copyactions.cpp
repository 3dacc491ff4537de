// Edit > Copy As > curl Command, offscreen: the command line comes from krakend::RequestBuilder (shell-quoted,
// never a translated string), with the token the Inspector shows.

#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "inspector/TokenEditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace jwb;

class TestCopyActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curlCommandIsQuoted();
};

void TestCopyActions::curlCommandIsQuoted()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::Dialogs::Hooks hooks;
    hooks.openFileName = [](const QString &, const QString &) { return QString(); };
    ui::Dialogs::setHooks(hooks);
    ui::MainWindow window(std::make_shared<common::FixedClock>(test::nowUtc()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString token = test::makeToken(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"it's me"})");
    auto *editor = window.findChild<ui::TokenEditor *>();
    auto *curl = window.findChild<QAction *>(QStringLiteral("actionCopyCurl"));
    QVERIFY(editor && curl);
    editor->setPlainText(QStringLiteral("Bearer ") + token);
    // The Inspector decodes after its debounce; then the action copies the bare token, quoted, and the URL, quoted.
    const QString expected
        = QStringLiteral("curl -i -H 'Authorization: Bearer %1' 'http://localhost:8080/'").arg(token);
    QTRY_VERIFY_WITH_TIMEOUT((curl->trigger(), QApplication::clipboard()->text() == expected), 3000);
    ui::Dialogs::clearHooks();
}

QTEST_MAIN(TestCopyActions)
#include "tst_copyactions.moc"
