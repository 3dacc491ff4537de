// The main window end to end, offscreen: paste or open a token, wait for the debounced decode, and read what
// the views, models and banner show.

#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/JsonTreeModel.h"
#include "common/Resources.h"
#include "common/Scheduler.h"
#include "compose/ComposerPage.h"
#include "crypto/Backend.h"
#include "gateway/GatewayPage.h"
#include "gateway/SimulationPanel.h"
#include "inspector/ClaimsModel.h"
#include "inspector/FindingsModel.h"
#include "inspector/InspectorWidget.h"
#include "inspector/TokenEditor.h"
#include "keys/KeysPage.h"
#include "verify/VerifyPanel.h"
#include "workspace/KeyRing.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDropEvent>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace jwb;
using test::makeToken;
using test::num;
namespace Resources = ui::Resources;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void decodesPastedToken();
    void keepsMemberOrder();
    void claimsShowTimes();
    void headerParameters();
    void malformedTokenNamesSegmentAndCharacter_data();
    void malformedTokenNamesSegmentAndCharacter();
    void marksTheBadCharacter_data();
    void marksTheBadCharacter();
    void colouredSegments();
    void findings_data();
    void findings();
    void modelsPassTheTester();
    void relativeTimesRefresh();
    void relativeTimesTickTogether();
    void titleFollowsThePage();
    void pastedOverTokenGetsItsOwnTitle();
    void jweWithANoteIsNoError();
    void openFileThroughDialog();
    void rejectsOversizedFile();
    void droppedFileOpens();
    void droppedTextReplacesToken();
    void pasteAndCopyActions();
    void demoWorkspace();
    void severalInputs();
    void hugePayloadStaysResponsive();
    void hugeTokenIsShownInBlocks();
    void pagesAreBuiltWhenFirstShown();
    void treeFollowsTheTokenWhenShown();

private:
    void setToken(const QString &text);
    void settle();
    [[nodiscard]] QAction *action(const char *name) const;
    static bool dropOn(QWidget *target, const QMimeData *mime);

    // The inspector's views and models, found by object name (test::child reports a missing one at the caller's
    // line).
    ui::TokenEditor *tokenEditor(std::source_location where = std::source_location::current()) const
    {
        return test::child<ui::TokenEditor>(m_window->inspector(), "tokenEditor", where);
    }
    QPlainTextEdit *headerView(std::source_location where = std::source_location::current()) const
    {
        return test::child<QPlainTextEdit>(m_window->inspector(), "headerView", where);
    }
    QPlainTextEdit *payloadView(std::source_location where = std::source_location::current()) const
    {
        return test::child<QPlainTextEdit>(m_window->inspector(), "payloadView", where);
    }
    ui::ClaimsModel *headerModel(std::source_location where = std::source_location::current()) const
    {
        return test::child<ui::ClaimsModel>(m_window->inspector(), "headerModel", where);
    }
    ui::ClaimsModel *claimsModel(std::source_location where = std::source_location::current()) const
    {
        return test::child<ui::ClaimsModel>(m_window->inspector(), "claimsModel", where);
    }
    ui::FindingsModel *findingsModel(std::source_location where = std::source_location::current()) const
    {
        return test::child<ui::FindingsModel>(m_window->inspector(), "findingsModel", where);
    }

    std::shared_ptr<common::FixedClock> m_clock;
    std::shared_ptr<common::ManualScheduler> m_scheduler; ///< the window's timers: tests move time on
    std::unique_ptr<ui::MainWindow> m_window;
    QStringList m_errors;
};

void TestMainWindow::init()
{
    QStandardPaths::setTestModeEnabled(true); // the demo writes its sample files under the app's data directory
    m_clock = std::make_shared<common::FixedClock>(test::nowUtc());
    m_scheduler = std::make_shared<common::ManualScheduler>();
    m_window = std::make_unique<ui::MainWindow>(m_clock, m_scheduler);
    m_errors.clear();
    ui::Dialogs::Hooks hooks;
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    hooks.openFileName = [](const QString &, const QString &) { return QString(); };
    ui::Dialogs::setHooks(hooks);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    ui::Dialogs::clearHooks();
}

// Types into the editor the way a paste does; the views follow after the debounce (settle()).
void TestMainWindow::setToken(const QString &text)
{
    tokenEditor()->setPlainText(text);
}

// Moves the window's time past the inspector's debounce.
void TestMainWindow::settle()
{
    m_scheduler->advance(ui::InspectorWidget::kDebounceMs);
}

// What a drag from another application delivers: enter, move, drop. Widgets only take a drop they accepted
// the drag for. Returns whether the drop was accepted.
bool TestMainWindow::dropOn(QWidget *target, const QMimeData *mime)
{
    const QPoint pos(10, 10);
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QAction *TestMainWindow::action(const char *name) const
{
    return m_window->findChild<QAction *>(QString::fromLatin1(name));
}

void TestMainWindow::decodesPastedToken()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("JWT Workbench"));
    setToken(makeToken(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"alice","name":"Alice"})"));
    // Not decoded synchronously: the edit is debounced.
    QVERIFY(!headerView()->toPlainText().contains(u"alg"));
    m_scheduler->advance(ui::InspectorWidget::kDebounceMs - 1);
    QVERIFY(!headerView()->toPlainText().contains(u"alg"));
    m_scheduler->advance(1);
    QVERIFY(headerView()->toPlainText().contains(u"\"alg\""));
    QVERIFY(headerView()->toPlainText().contains(u"\"HS256\""));
    QVERIFY(payloadView()->toPlainText().contains(u"\"sub\": \"alice\""));
    QVERIFY(m_window->statusText().contains(u"Decoded JWS"));
    QVERIFY(m_window->statusText().contains(u"alg HS256"));
}

void TestMainWindow::keepsMemberOrder()
{
    setToken(makeToken(R"({"typ":"JWT","alg":"HS256"})", R"({"zeta":1,"iss":"me","alpha":true})"));
    settle();
    QVERIFY(payloadView()->toPlainText().contains(u"zeta"));
    const QString payload = payloadView()->toPlainText();
    QVERIFY(payload.indexOf(u"zeta") < payload.indexOf(u"iss"));
    QVERIFY(payload.indexOf(u"iss") < payload.indexOf(u"alpha"));
    const QString header = headerView()->toPlainText();
    QVERIFY(header.indexOf(u"typ") < header.indexOf(u"alg"));

    ui::ClaimsModel *claims = claimsModel();
    QCOMPARE(claims->rowCount(), 3);
    QCOMPARE(claims->index(0, 0).data().toString(), QStringLiteral("zeta"));
    QCOMPARE(claims->index(1, 0).data().toString(), QStringLiteral("iss"));
    QCOMPARE(claims->index(2, 0).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(claims->index(2, ui::ClaimsModel::ValueColumn).data().toString(), QStringLiteral("true"));
}

void TestMainWindow::claimsShowTimes()
{
    const qint64 now = test::kNow;
    setToken(makeToken(R"({"alg":"RS256"})",
        "{\"iss\":\"https://auth.example.com/\",\"exp\":" + num(now + 300) + ",\"nbf\":" + num(now - 60)
            + ",\"iat\":" + num(now - 7200) + "}"));
    ui::ClaimsModel *claims = claimsModel();
    settle();
    QCOMPARE(claims->rowCount(), 4);

    const int exp = claims->rowOf(QStringLiteral("exp"));
    QVERIFY(exp >= 0);
    QCOMPARE(claims->index(exp, 0).data(ui::ClaimsModel::RelativeRole).toString(), QStringLiteral("expires in 5 min"));
    QCOMPARE(claims->index(exp, 0).data(ui::ClaimsModel::UnixTimeRole).toLongLong(), now + 300);
    const QString value = claims->index(exp, ui::ClaimsModel::ValueColumn).data().toString();
    QVERIFY2(value.contains(u"expires in 5 min"), qPrintable(value));
    QVERIFY2(value.contains(QString::number(now + 300)), qPrintable(value));
    QVERIFY2(value.contains(u"2026-11-28T12:05:00Z"), qPrintable(value));
    QVERIFY(claims->index(exp, ui::ClaimsModel::ValueColumn).data(Qt::ToolTipRole).toString().contains(u"Local:"));
    QVERIFY(claims->index(exp, ui::ClaimsModel::MeaningColumn).data().toString().contains(u"Expiration"));

    QCOMPARE(claims->index(claims->rowOf(QStringLiteral("iat")), 0).data(ui::ClaimsModel::RelativeRole).toString(),
        QStringLiteral("issued 2 h ago"));
    QCOMPARE(claims->index(claims->rowOf(QStringLiteral("nbf")), 0).data(ui::ClaimsModel::RelativeRole).toString(),
        QStringLiteral("valid since 1 min ago"));
    // Claims that are not times have no relative text; unknown claims still get a sentence.
    QVERIFY(claims->index(claims->rowOf(QStringLiteral("iss")), 0)
                .data(ui::ClaimsModel::RelativeRole)
                .toString()
                .isEmpty());
}

void TestMainWindow::headerParameters()
{
    setToken(makeToken(R"({"alg":"RS256","kid":"k1","x-custom":1})", R"({"sub":"a"})"));
    ui::ClaimsModel *header = headerModel();
    settle();
    QCOMPARE(header->rowCount(), 3);
    QCOMPARE(header->part(), ui::ClaimsModel::Part::Header);
    QVERIFY(header->index(header->rowOf(QStringLiteral("kid")), ui::ClaimsModel::MeaningColumn)
                .data()
                .toString()
                .contains(u"Key id"));
    QVERIFY(!header->index(header->rowOf(QStringLiteral("x-custom")), ui::ClaimsModel::MeaningColumn)
                 .data()
                 .toString()
                 .isEmpty());
    QCOMPARE(header->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Parameter"));
    QCOMPARE(claimsModel()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Claim"));
}

void TestMainWindow::malformedTokenNamesSegmentAndCharacter_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QStringList>("expected");

    const QString header = test::b64(R"({"alg":"HS256","typ":"JWT"})");
    const QString payload = test::b64(R"({"sub":"1234567890","name":"John"})");
    QString badPayload = payload;
    badPayload[9] = u'?';
    const qsizetype tokenOffset = header.size() + 1 + 9;
    QTest::newRow("bad character in payload")
        << header + u'.' + badPayload + u".c2ln"
        << QStringList {QStringLiteral("segment 2 (payload): '?' at character 10 is not base64url"),
               QStringLiteral("(character %1 of the token)").arg(tokenOffset + 1)};
    QTest::newRow("padding") << header + QStringLiteral("=.") + payload + u".c2ln"
                             << QStringList {QStringLiteral("segment 1 (header)"), QStringLiteral("padding")};
    QTest::newRow("two segments") << header + u'.' + payload
                                  << QStringList {QStringLiteral("3 segments"), QStringLiteral("this has 2 segments")};
    QTest::newRow("header not JSON") << test::b64("not json") + u'.' + payload + u".c2ln"
                                     << QStringList {QStringLiteral("segment 1 (header) is not valid JSON")};
    QTest::newRow("standard base64 in signature")
        << header + u'.' + payload + QStringLiteral(".ab+d")
        << QStringList {QStringLiteral("segment 3 (signature)"), QStringLiteral("'+' at character 3")};
}

void TestMainWindow::malformedTokenNamesSegmentAndCharacter()
{
    QFETCH(QString, token);
    QFETCH(QStringList, expected);
    setToken(token);
    settle();
    QVERIFY(m_window->inspector()->inspection().token.input == token);
    for (const QString &part : expected)
        QVERIFY2(m_window->statusText().contains(part), qPrintable(m_window->statusText()));
    // The parse issue is also the first finding.
    QCOMPARE(findingsModel()->items().first().severity, common::Severity::Error);
    QCOMPARE(findingsModel()->items().first().code, m_window->inspector()->inspection().token.issues.first().code);
}

void TestMainWindow::marksTheBadCharacter_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("position");

    const QString header = test::b64(R"({"alg":"HS256"})");
    const QString payload = test::b64(R"({"sub":"1234567890"})");
    QString bad = payload;
    bad[5] = u'*';
    const QString token = header + u'.' + bad + u".c2ln";
    const int inToken = static_cast<int>(header.size() + 1 + 5);
    QTest::newRow("bare") << token << inToken;
    QTest::newRow("Bearer prefix") << QStringLiteral("Bearer ") + token << inToken + 7;
    QTest::newRow("Authorization header") << QStringLiteral("Authorization: Bearer ") + token << inToken + 22;
    QTest::newRow("quoted, leading spaces") << QStringLiteral("  \"") + token + u'"' << inToken + 3;
    // Line breaks inside the token are dropped by the parser; the mark must still land on the '*'.
    const QString wrapped
        = header.left(4) + u'\n' + header.mid(4) + u'.' + bad.left(3) + QStringLiteral("\n  ") + bad.mid(3) + u".c2ln";
    QTest::newRow("wrapped lines") << wrapped << static_cast<int>(wrapped.indexOf(u'*'));
}

void TestMainWindow::marksTheBadCharacter()
{
    QFETCH(QString, input);
    QFETCH(int, position);
    QCOMPARE(input[position], u'*');
    setToken(input);
    settle();
    QVERIFY(m_window->inspector()->inspection().token.input == input);
    QVERIFY(m_window->statusText().contains(u"'*'"));
    int marks = 0;
    for (const QTextEdit::ExtraSelection &sel : tokenEditor()->extraSelections()) {
        if (sel.format.property(ui::TokenEditor::MarkupProperty).toString() != u"error:character")
            continue;
        ++marks;
        QCOMPARE(sel.cursor.selectionStart(), position);
        QCOMPARE(sel.cursor.selectionEnd(), position + 1);
    }
    QCOMPARE(marks, 1);
}

void TestMainWindow::colouredSegments()
{
    const QString token = makeToken(R"({"alg":"HS256"})", R"({"sub":"a"})");
    setToken(QStringLiteral("Bearer ") + token);
    settle();
    QVERIFY(!tokenEditor()->extraSelections().isEmpty());
    QStringList tags;
    for (const QTextEdit::ExtraSelection &sel : tokenEditor()->extraSelections()) {
        const QString tag = sel.format.property(ui::TokenEditor::MarkupProperty).toString();
        tags.append(tag);
        if (tag == u"segment:header")
            QCOMPARE(sel.cursor.selectedText(), token.section(u'.', 0, 0));
        if (tag == u"segment:signature")
            QCOMPARE(sel.cursor.selectedText(), token.section(u'.', 2, 2));
        if (tag == u"wrapper")
            QCOMPARE(sel.cursor.selectedText(), QStringLiteral("Bearer"));
    }
    QCOMPARE(tags,
        (QStringList {QStringLiteral("segment:header"), QStringLiteral("segment:payload"),
            QStringLiteral("segment:signature"), QStringLiteral("wrapper"), QStringLiteral("separator"),
            QStringLiteral("separator")}));
}

void TestMainWindow::findings_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("severity");

    const qint64 now = test::kNow;
    QTest::newRow("alg none") << makeToken(R"({"alg":"none"})", R"({"sub":"a"})", QString())
                              << QStringLiteral("alg_none") << static_cast<int>(common::Severity::Error);
    QTest::newRow("expired") << makeToken(R"({"alg":"HS256"})", "{\"exp\":" + num(now - 3600) + "}")
                             << QStringLiteral("expired") << static_cast<int>(common::Severity::Error);
    QTest::newRow("embedded jku") << makeToken(R"({"alg":"RS256","jku":"https://evil.example/keys"})", R"({"sub":"a"})")
                                  << QStringLiteral("embedded_jku") << static_cast<int>(common::Severity::Warning);
    QTest::newRow("duplicate member") << makeToken(R"({"alg":"HS256"})", R"({"sub":"a","sub":"b"})")
                                      << QStringLiteral("duplicate_key") << static_cast<int>(common::Severity::Error);
}

void TestMainWindow::findings()
{
    QFETCH(QString, token);
    QFETCH(QString, code);
    QFETCH(int, severity);
    setToken(token);
    settle();
    QVERIFY(findingsModel()->codes().contains(code));
    ui::FindingsModel *model = findingsModel();
    const int row = static_cast<int>(model->codes().indexOf(code));
    QCOMPARE(model->index(row, 0).data(ui::FindingsModel::SeverityRole).toInt(), severity);
    QVERIFY(!model->index(row, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model->index(row, ui::FindingsModel::MessageColumn).data().toString().isEmpty());
    QCOMPARE(model->index(row, ui::FindingsModel::CodeColumn).data().toString(), code);
    // The view shows this model, and the tab title counts the findings.
    m_window->inspector()->showTab(ui::InspectorWidget::Tab::Findings); // the view is made when its tab is shown
    auto *view = test::child<QTableView>(m_window->inspector(), "findingsView");
    QVERIFY(view);
    QCOMPARE(view->model(), model);
    QVERIFY(m_window->inspector()->tabs()->tabText(2).contains(QString::number(model->rowCount())));
    const QString banner = m_window->statusText();
    QVERIFY2(banner.contains(severity == static_cast<int>(common::Severity::Error) ? u"error" : u"warning"),
        qPrintable(banner));
}

void TestMainWindow::modelsPassTheTester()
{
    QAbstractItemModelTester claims(claimsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester header(headerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester findings(findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList tokens = {
        makeToken(R"({"alg":"RS256","kid":"a"})", "{\"sub\":\"x\",\"exp\":" + num(test::kNow + 60) + "}"),
        makeToken(
            R"({"alg":"none"})", R"({"iat":1,"nbf":2,"exp":3,"roles":["a","b"],"nested":{"k":[1,2]}})", QString()),
        QStringLiteral("not a token"), QString(), Resources::demoToken(),
        Resources::demoToken(), // same names again: updated in place
    };
    for (const QString &token : tokens) {
        m_window->inspector()->setTokenText(token);
        QVERIFY(!QTest::currentTestFailed());
    }
    m_window->inspector()->refreshTimes();
}

void TestMainWindow::relativeTimesRefresh()
{
    QCOMPARE(ui::InspectorWidget::kRefreshMs, 30 * 1000);

    setToken(makeToken(R"({"alg":"HS256"})", "{\"sub\":\"a\",\"exp\":" + num(test::kNow + 300) + "}"));
    ui::ClaimsModel *claims = claimsModel();
    settle();
    QCOMPARE(claims->rowCount(), 2);
    const QModelIndex exp = claims->index(claims->rowOf(QStringLiteral("exp")), 0);
    QCOMPARE(exp.data(ui::ClaimsModel::RelativeRole).toString(), QStringLiteral("expires in 5 min"));

    QSignalSpy resets(claims, &QAbstractItemModel::modelReset);
    QSignalSpy changes(claims, &QAbstractItemModel::dataChanged);
    m_clock->setNow(test::nowUtc().addSecs(120));
    m_scheduler->advance(ui::InspectorWidget::kRefreshMs); // the periodic refresh
    QCOMPARE(exp.data(ui::ClaimsModel::RelativeRole).toString(), QStringLiteral("expires in 3 min"));
    QCOMPARE(resets.count(), 0); // same rows: updated in place, the index stays valid
    QVERIFY(changes.count() > 0);

    // Once past exp, core reports it and the window shows it.
    m_clock->setNow(test::nowUtc().addSecs(400));
    m_scheduler->advance(ui::InspectorWidget::kRefreshMs); // and it keeps going
    QVERIFY(findingsModel()->codes().contains(u"expired"));
    QCOMPARE(exp.data(ui::ClaimsModel::SeverityRole).toInt(), static_cast<int>(common::Severity::Error));
}

void TestMainWindow::relativeTimesTickTogether()
{
    // One timer for every relative time of the window: the Inspector's times (left), its Verify tab, the Keys page's
    // ages and the Composer's times change on the same tick.
    setToken(makeToken(R"({"alg":"HS256"})", "{\"sub\":\"a\",\"exp\":" + num(test::kNow + 300) + "}"));
    settle();
    auto *inspectorTimes = test::child<QLabel>(m_window->inspector(), "timesLabel");
    QVERIFY2(inspectorTimes->text().contains(u"in 5 min"), qPrintable(inspectorTimes->text()));

    m_window->keyRing()->add(workspace::KeyRing::secret(
        QStringLiteral("hs"), QStringLiteral("a-secret-of-32-characters-or-more"), QStringLiteral("utf8")));
    m_window->showPage(ui::MainWindow::Page::Keys);
    auto *age = test::child<QLabel>(m_window.get(), "keySourceAge");
    m_window->keysPage()->selectSource(0);
    QCOMPARE(age->text(), QStringLiteral("loaded just now"));

    m_window->showPage(ui::MainWindow::Page::Composer);
    auto *claims = test::child<QPlainTextEdit>(m_window->composerPage(), "claimsEdit");
    claims->setPlainText(QString::fromLatin1("{\"sub\":\"a\",\"exp\":" + num(test::kNow + 300) + "}"));
    auto *composerTimes = test::child<QLabel>(m_window->composerPage(), "timesLabel");
    QTRY_VERIFY2(composerTimes->text().contains(u"(in 5 min"), qPrintable(composerTimes->text()));

    m_clock->setNow(test::nowUtc().addSecs(120));
    m_scheduler->advance(ui::InspectorWidget::kRefreshMs); // the window's one tick comes within one interval
    QVERIFY2(inspectorTimes->text().contains(u"in 3 min"), qPrintable(inspectorTimes->text()));
    QCOMPARE(age->text(), QStringLiteral("loaded 2 min ago"));
    QVERIFY2(composerTimes->text().contains(u"(in 3 min"), qPrintable(composerTimes->text()));
}

void TestMainWindow::titleFollowsThePage()
{
    using Page = ui::MainWindow::Page;
    QCOMPARE(m_window->windowTitle(), QStringLiteral("JWT Workbench"));
    m_window->openDemo();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("demo-token.jwt (demo) \u2014 JWT Workbench"));
    QVERIFY(!m_window->isWindowModified());
    m_window->showPage(Page::Gateway);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("krakend.json[*] \u2014 JWT Workbench"));
    m_window->showPage(Page::Keys);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("JWT Workbench"));
    m_window->showPage(Page::Inspector);
    QVERIFY2(m_window->windowTitle().startsWith(u"demo-token.jwt"), qPrintable(m_window->windowTitle()));
    m_window->inspector()->setTokenText(QString());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("JWT Workbench"));
}

void TestMainWindow::pastedOverTokenGetsItsOwnTitle()
{
    m_window->openDemo();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("demo-token.jwt (demo)"));
    // An edit of the demo token (its header and payload stay) keeps the title.
    const QString demo = m_window->inspector()->inputTexts().at(m_window->inspector()->currentInput());
    setToken(demo + QStringLiteral("x"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("demo-token.jwt (demo)"));
    // Another token pasted over it: the title follows the new token (its sub), in the window title too.
    setToken(makeToken(R"({"alg":"HS256"})", R"({"sub":"alice","iss":"https://idp"})"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("alice"));
    QCOMPARE(m_window->inspector()->inputTitles().at(m_window->inspector()->currentInput()), QStringLiteral("alice"));
    QVERIFY2(m_window->windowTitle().startsWith(u"alice"), qPrintable(m_window->windowTitle()));
    setToken(makeToken(R"({"alg":"HS256"})", R"({"iss":"https://idp.example.com"})"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("https://idp.example.com"));
    setToken(makeToken(R"({"alg":"HS256","kid":"k7"})", R"({"n":1})"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("kid k7"));
    setToken(makeToken(R"({"alg":"HS256"})", R"({"n":2})"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("Token 1"));
    // Half a paste keeps the title until there is a token to name.
    setToken(QStringLiteral("eyJ"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("Token 1"));

    // A token without sub, iss or kid opened from a file: an edit of its claims (same header) keeps the file's name.
    m_window->addToken(QStringLiteral("plain.jwt"), makeToken(R"({"alg":"HS384"})", R"({"n":1})"));
    setToken(makeToken(R"({"alg":"HS384"})", R"({"n":3})"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("plain.jwt"));
    setToken(makeToken(R"({"alg":"HS512"})", R"({"n":4})"));
    settle();
    QCOMPARE(m_window->inspector()->currentTitle(), QStringLiteral("Token 2"));
}

void TestMainWindow::jweWithANoteIsNoError()
{
    // A JWE has one note (its payload is encrypted): the banner is informative, not a red error, also with a key
    // in the Verify tab (which cannot verify a JWE).
    const QString jwe
        = QString::fromLatin1(QByteArray(R"({"alg":"RSA-OAEP","enc":"A256GCM"})")
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + ".ZW5jcnlwdGVkLWtleQ.aXYtYWJjZGVmZ2g.Y2lwaGVydGV4dA.dGFnLXRhZy10YWc");
    crypto::Backend::initialize(); // the app runs the self-test after its first paint (CryptoStartup)
    m_window->keyRing()->add(workspace::KeyRing::secret(
        QStringLiteral("hs"), QStringLiteral("a-secret-of-32-characters-or-more"), QStringLiteral("utf8")));
    m_window->addToken(QStringLiteral("jwe"), jwe);
    m_window->inspector()->verifyPanel()->setKeySource(0);
    m_window->inspector()->verifyPanel()->verifyNow();
    QCOMPARE(m_window->inspector()->verifyPanel()->verdict(), common::Verdict::Invalid); // a JWE is not verifiable
    auto *banner = m_window->inspector()->findChild<QFrame *>(QStringLiteral("banner"));
    QVERIFY(banner);
    QCOMPARE(findingsModel()->count(common::Severity::Error), 0);
    QCOMPARE(findingsModel()->count(common::Severity::Warning), 0);
    QCOMPARE(findingsModel()->count(common::Severity::Info), 1);
    QVERIFY2(
        m_window->inspector()->statusText().contains(u"encrypted"), qPrintable(m_window->inspector()->statusText()));
    QCOMPARE(banner->property("severity").toString(), QStringLiteral("info"));
}

void TestMainWindow::openFileThroughDialog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("token.jwt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xef\xbb\xbf" + Resources::demoToken().toLatin1() + "\n"); // with a BOM, as some editors save
    file.close();

    ui::Dialogs::Hooks hooks;
    hooks.openFileName = [path](const QString &, const QString &) { return path; };
    hooks.error = [this](const QString &, const QString &text) { m_errors.append(text); };
    ui::Dialogs::setHooks(hooks);
    action("actionOpen")->trigger();
    QVERIFY(m_errors.isEmpty());
    QCOMPARE(tokenEditor()->toPlainText().trimmed(), Resources::demoToken());
    QVERIFY(headerView()->toPlainText().contains(u"demo-rs256")); // opening decodes at once
    QCOMPARE(m_window->inspector()->inputTitles().last(), QStringLiteral("token.jwt"));
}

void TestMainWindow::rejectsOversizedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.jwt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(1024 * 1024 + 1, 'a'));
    file.close();
    setToken(QStringLiteral("keep.me.please"));

    QVERIFY(!m_window->openFile(path));
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(u"huge.jwt") && m_errors.first().contains(u"1048577 bytes")
            && m_errors.first().contains(u"1 MiB"),
        qPrintable(m_errors.first()));
    QCOMPARE(tokenEditor()->toPlainText(), QStringLiteral("keep.me.please"));

    QVERIFY(!m_window->openFile(dir.filePath(QStringLiteral("missing.jwt"))));
    QVERIFY(m_errors.last().contains(u"does not exist"));
}

void TestMainWindow::droppedFileOpens()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dropped.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Authorization: Bearer " + Resources::demoToken().toLatin1());
    file.close();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(dropOn(m_window.get(), &mime));
    QVERIFY(tokenEditor()->toPlainText().startsWith(u"Authorization: Bearer eyJ"));
    QCOMPARE(m_window->inspector()->inspection().token.source, QStringLiteral("Authorization header"));

    // Files dropped onto the editor itself are opened too, not inserted as URLs.
    QSignalSpy spy(m_window->inspector(), &ui::InspectorWidget::filesDropped);
    QVERIFY(dropOn(tokenEditor()->viewport(), &mime));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toStringList(), QStringList {path});
}

void TestMainWindow::droppedTextReplacesToken()
{
    setToken(QStringLiteral("old.token.text"));
    QMimeData mime;
    const QString token = makeToken(R"({"alg":"ES256"})", R"({"sub":"dropped"})");
    mime.setText(token);
    QVERIFY(dropOn(m_window.get(), &mime));
    QCOMPARE(tokenEditor()->toPlainText(), token);
    QVERIFY(payloadView()->toPlainText().contains(u"dropped"));
}

void TestMainWindow::pasteAndCopyActions()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    QVERIFY(!action("actionCopyJson")->isEnabled()); // nothing to copy yet

    const QString token = makeToken(R"({"alg":"PS256","kid":"p"})", R"({"sub":"clip"})");
    clipboard->setText(token);
    action("actionPasteToken")->trigger();
    QCOMPARE(tokenEditor()->toPlainText(), token);
    QVERIFY(headerView()->toPlainText().contains(u"PS256"));
    QVERIFY(action("actionCopyJson")->isEnabled());

    action("actionCopyJson")->trigger();
    const QJsonObject json = QJsonDocument::fromJson(clipboard->text().toUtf8()).object();
    QCOMPARE(json.value(u"kind").toString(), QStringLiteral("JWS"));
    QCOMPARE(json.value(u"header").toObject().value(u"alg").toString(), QStringLiteral("PS256"));
    QCOMPARE(json.value(u"payload").toObject().value(u"sub").toString(), QStringLiteral("clip"));
    QVERIFY(json.value(u"findings").isArray());
}

void TestMainWindow::demoWorkspace()
{
    m_window->openDemo();
    const jose::Inspection &in = m_window->inspector()->inspection();
    QVERIFY(in.token.isComplete());
    QCOMPARE(in.token.alg(), QStringLiteral("RS256"));
    QCOMPARE(in.token.header.value(u"typ").toString(), QStringLiteral("JWT"));
    QCOMPARE(in.token.payload.value(u"iss").toString(), QStringLiteral("https://auth.example.com/"));
    QCOMPARE(in.token.payload.value(u"aud").toArray().first().toString(), QStringLiteral("api.example.com"));
    QCOMPARE(in.token.signature.size(), 256); // RSA-2048
    for (const common::Finding &f : in.findings)
        QVERIFY2(f.severity != common::Severity::Error, qPrintable(f.message));

    // The demo key set names the token's kid, and the demo gateway config points at it.
    const QJsonObject jwks
        = QJsonDocument::fromJson(Resources::text(QStringLiteral(":/samples/demo-jwks.json")).toUtf8()).object();
    const QJsonObject jwk = jwks.value(u"keys").toArray().first().toObject();
    QCOMPARE(jwk.value(u"kid").toString(), in.token.kid());
    QCOMPARE(jwk.value(u"kty").toString(), QStringLiteral("RSA"));
    QCOMPARE(jwk.value(u"alg").toString(), QStringLiteral("RS256"));
    const QJsonObject krakend
        = QJsonDocument::fromJson(Resources::text(QStringLiteral(":/samples/krakend.json")).toUtf8()).object();
    QCOMPARE(krakend.value(u"version").toInt(), 3);
    const QJsonObject validator = krakend.value(u"endpoints")
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(u"extra_config")
                                      .toObject()
                                      .value(u"auth/validator")
                                      .toObject();
    QCOMPARE(validator.value(u"jwk_local_path").toString(), QStringLiteral("demo-jwks.json"));
    QCOMPARE(validator.value(u"alg").toString(), in.token.alg());
    QCOMPARE(validator.value(u"issuer").toString(), in.token.payload.value(u"iss").toString());
    QVERIFY(Resources::text(QStringLiteral(":/samples/demo-private.pem")).startsWith(u"-----BEGIN PRIVATE KEY-----"));
}

void TestMainWindow::severalInputs()
{
    auto *combo = m_window->inspector()->findChild<QComboBox *>(QStringLiteral("inputCombo"));
    QVERIFY(combo);
    QVERIFY(combo->isHidden());
    const QString first = makeToken(R"({"alg":"HS256"})", R"({"sub":"first"})");
    const QString second = makeToken(R"({"alg":"HS384"})", R"({"sub":"second"})");
    m_window->addToken(QStringLiteral("one"), first); // reuses the empty untitled input
    m_window->addToken(QStringLiteral("two"), second);
    QCOMPARE(m_window->inspector()->inputTitles(), (QStringList {QStringLiteral("one"), QStringLiteral("two")}));
    QVERIFY(combo->isVisible());
    QCOMPARE(m_window->inspector()->currentInput(), 1);
    QVERIFY(payloadView()->toPlainText().contains(u"second"));

    tokenEditor()->setPlainText(second + QStringLiteral("edited")); // kept when switching away
    m_window->inspector()->setCurrentInput(0);
    QVERIFY(payloadView()->toPlainText().contains(u"first"));
    m_window->inspector()->setCurrentInput(1);
    QCOMPARE(tokenEditor()->toPlainText(), second + QStringLiteral("edited"));

    // An empty input that was opened on purpose (an empty argument) is not silently replaced.
    m_window->addToken(QStringLiteral("empty"), QString());
    m_window->addToken(QStringLiteral("three"), first);
    QCOMPARE(m_window->inspector()->inputTitles().size(), 4);
}

void TestMainWindow::hugePayloadStaysResponsive()
{
    // Close to the 1 MiB file limit in one JSON string: the views shorten the line (Qt lays out one huge line very
    // slowly), while the decoded JSON keeps every character.
    const QByteArray blob(600 * 1000, 'A');
    const QString token = makeToken(R"({"alg":"HS256"})", "{\"sub\":\"big\",\"blob\":\"" + blob + "\"}");
    m_window->inspector()->setTokenText(token);
    const QString shown = payloadView()->toPlainText();
    QVERIFY(shown.size() < 10 * 1000);
    QVERIFY2(shown.contains(u"characters not shown"), qPrintable(shown.left(200)));
    QVERIFY(shown.contains(u"\"sub\": \"big\""));
    ui::ClaimsModel *claims = claimsModel();
    QVERIFY(claims->index(claims->rowOf(QStringLiteral("blob")), ui::ClaimsModel::ValueColumn).data().toString().size()
        < 2000);
    const QJsonObject json = QJsonDocument::fromJson(m_window->inspector()->decodedJson().toUtf8()).object();
    QCOMPARE(json.value(u"payload").toObject().value(u"blob").toString().size(), blob.size());
}

void TestMainWindow::hugeTokenIsShownInBlocks()
{
    // A one-line token of 300 KB is shown in blocks of TokenEditor::kChunkColumn characters (Qt lays out a block
    // as a whole); the token itself, its decoding and the marks are those of the text the user gave.
    const QByteArray blob(300 * 1000, 'B');
    QString token = makeToken(R"({"alg":"HS256"})", "{\"sub\":\"big\",\"blob\":\"" + blob + "\"}");
    const qsizetype bad = token.lastIndexOf(u'.') - 7; // in the payload, far beyond the first block
    token[bad] = u'*';
    const QString input = QStringLiteral("Bearer ") + token;
    QGuiApplication::clipboard()->setText(input);
    action("actionPasteToken")->trigger();

    ui::TokenEditor *editor = tokenEditor();
    QVERIFY(editor->isChunked());
    QVERIFY(editor->document()->blockCount() > 250);
    QCOMPARE(editor->tokenText(), input);
    QCOMPARE(m_window->inspector()->inputTexts().value(m_window->inspector()->inputTitles().size() - 1), input);
    QString shown = editor->toPlainText();
    shown.remove(u'\n');
    QCOMPARE(shown, input);
    QCOMPARE(m_window->inspector()->inspection().token.compact, token.toLatin1());
    // The breaks are the editor's, not the token's: nothing says the token held whitespace.
    QVERIFY(!m_window->inspector()->inspection().token.hadInnerWhitespace);

    // The bad character is marked where the editor shows it.
    const QString text = editor->toPlainText();
    bool marked = false;
    for (const QTextEdit::ExtraSelection &sel : editor->extraSelections()) {
        if (sel.format.property(ui::TokenEditor::MarkupProperty).toString() != u"error:character")
            continue;
        marked = true;
        QCOMPARE(text.mid(sel.cursor.selectionStart(), sel.cursor.selectionEnd() - sel.cursor.selectionStart()),
            QStringLiteral("*"));
    }
    QVERIFY(marked);

    // Once edited, what is shown is the token.
    QTextCursor cursor(editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral("x"));
    QVERIFY(!editor->isChunked());
    QCOMPARE(editor->tokenText(), editor->toPlainText());
    // Undo is an edit too: the text shown (with its breaks) is what the token is.
    editor->undo();
    QVERIFY(!editor->isChunked());
    QCOMPARE(editor->tokenText(), text);

    // A short token is never broken.
    setToken(makeToken(R"({"alg":"HS256"})", R"({"sub":"small"})"));
    QCOMPARE(editor->document()->blockCount(), 1);
    QVERIFY(!editor->isChunked());
}

void TestMainWindow::pagesAreBuiltWhenFirstShown()
{
    // Start-up builds the Inspector only; what the demo gives the other pages waits until each is shown.
    m_window->openDemo();
    using Page = ui::MainWindow::Page;
    QVERIFY(!m_window->isPageBuilt(Page::Keys));
    QVERIFY(!m_window->isPageBuilt(Page::Gateway));
    QVERIFY(!m_window->isPageBuilt(Page::Composer));
    // The title follows the page: the Inspector names its token, not the config.
    QVERIFY2(m_window->windowTitle().startsWith(u"demo-token.jwt"), qPrintable(m_window->windowTitle()));
    const QJsonObject workspace = m_window->workspaceJson();
    const QString config = workspace.value(u"gateway").toObject().value(u"config").toString();
    QVERIFY2(config.endsWith(u"/demo/krakend.json"), qPrintable(config));
    QCoreApplication::processEvents(); // the queued hand-off of the inspected token to the Gateway's tools

    // Shown: the Gateway opens the demo config and its simulator takes the inspected token.
    m_window->showPage(Page::Gateway);
    QVERIFY(m_window->isPageBuilt(Page::Gateway));
    QCOMPARE(m_window->currentPage(), Page::Gateway);
    QCOMPARE(m_window->gatewayPage()->configPath(), config);
    QVERIFY(!m_window->gatewayPage()->document().endpoints().isEmpty());
    QCOMPARE(m_window->simulationPanel()->token().toLatin1(), m_window->inspector()->inspection().token.compact);
    QVERIFY(!m_window->isPageBuilt(Page::Composer));

    // The Keys page selects the demo key set, as it would have had it been built at start.
    m_window->showPage(Page::Keys);
    QCOMPARE(m_window->keysPage()->currentSource(), m_window->inspector()->verifyPanel()->keySource());

    // A workspace loaded before the Composer is built reaches it when it is.
    QJsonObject changed = m_window->workspaceJson();
    changed.insert(QStringLiteral("composer"), QJsonObject {{QStringLiteral("kid"), QStringLiteral("lazy-kid")}});
    QVERIFY(m_window->loadWorkspaceJson(changed).ok());
    QVERIFY(!m_window->isPageBuilt(Page::Composer));
    QCOMPARE(
        m_window->workspaceJson().value(u"composer").toObject().value(u"kid").toString(), QStringLiteral("lazy-kid"));
    QCOMPARE(m_window->composerPage()->toWorkspaceJson().value(u"kid").toString(), QStringLiteral("lazy-kid"));
}

void TestMainWindow::treeFollowsTheTokenWhenShown()
{
    ui::InspectorWidget *inspector = m_window->inspector();
    // The value the tree shows for the payload's "sub".
    auto *view = test::child<QTreeView>(inspector, "jsonTreeView");
    QVERIFY(view);
    auto treeSub = [view] {
        auto *model = qobject_cast<ui::JsonTreeModel *>(view->model());
        if (!model)
            return QStringLiteral("no JsonTreeModel");
        for (int top = 0; top < model->rowCount(); ++top) {
            const QModelIndex part = model->index(top, ui::JsonTreeModel::NameColumn);
            for (int row = 0; row < model->rowCount(part); ++row) {
                if (model->index(row, ui::JsonTreeModel::NameColumn, part).data().toString() == u"sub")
                    return model->index(row, ui::JsonTreeModel::ValueColumn, part).data().toString();
            }
        }
        return QString();
    };
    // Pasted while the JSON text is shown, the tree is filled when it is shown.
    setToken(makeToken(R"({"alg":"HS256"})", R"({"sub":"first"})"));
    inspector->inspectNow();
    QVERIFY(!inspector->isTreeMode());
    inspector->setTreeMode(true);
    QVERIFY(treeSub().contains(u"first"));
    // Pasted while the tree is shown, it follows at once; and back in text mode, on the next show.
    setToken(makeToken(R"({"alg":"HS256"})", R"({"sub":"second"})"));
    inspector->inspectNow();
    QVERIFY(treeSub().contains(u"second"));
    inspector->setTreeMode(false);
    setToken(makeToken(R"({"alg":"HS256"})", R"({"sub":"third"})"));
    inspector->inspectNow();
    inspector->setTreeMode(true);
    QVERIFY(treeSub().contains(u"third"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
