// The main window's layout, offscreen (issue #19 items 1, 2 and 4): every page and tab fits 1024x640, text of any
// length in a label never widens the window, and the Simulate answer's trace gets most of the panel's width.
//
// When a page does not fit, the failure names the widgets whose minimum size is too big (deepest first), which is
// how the culprits were found.

#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Dialogs.h"
#include "common/ElidedLabel.h"
#include "common/Scheduler.h"
#include "gateway/GatewayPage.h"
#include "gateway/SimulationPanel.h"
#include "inspector/InspectorWidget.h"
#include "keys/KeysPage.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <cstdio>
#include <memory>

using namespace jwb;

namespace {

constexpr QSize kSmallest(1024, 640);

/// The minimum size a layout gives `widget` (Qt's qSmartMinSize: the minimum size where set, else the minimum size
/// hint, or the size hint along a direction that cannot shrink; nothing along an Ignored direction).
QSize effectiveMinimum(const QWidget *widget)
{
    const QSizePolicy policy = widget->sizePolicy();
    const QSize hint = widget->sizeHint();
    const QSize minimumHint = widget->minimumSizeHint();
    auto along = [](QSizePolicy::Policy p, int hintValue, int minimumHintValue, int minimumValue) {
        if (minimumValue > 0)
            return minimumValue;
        if (p == QSizePolicy::Ignored)
            return 0;
        return (p & QSizePolicy::ShrinkFlag) ? minimumHintValue : qMax(hintValue, minimumHintValue);
    };
    return {along(policy.horizontalPolicy(), hint.width(), minimumHint.width(), widget->minimumWidth()),
        along(policy.verticalPolicy(), hint.height(), minimumHint.height(), widget->minimumHeight())};
}

/// The visible widgets under `root` whose minimum is wider than `width` or taller than `height`, as an indented
/// tree of "Class \"object name\": min WxH (hint WxH)" lines: the path down to the widgets that hold the window open.
QStringList tooBig(const QWidget *root, int width, int height, int depth = 0)
{
    QStringList lines;
    const QSize minimum = effectiveMinimum(root);
    if (minimum.width() <= width && minimum.height() <= height)
        return lines;
    lines << QStringLiteral("%1%2 \"%3\": min %4x%5 (hint %6x%7)")
                 .arg(
                     QString(depth * 2, u' '), QString::fromLatin1(root->metaObject()->className()), root->objectName())
                 .arg(minimum.width())
                 .arg(minimum.height())
                 .arg(root->minimumSizeHint().width())
                 .arg(root->minimumSizeHint().height());
    const auto children = root->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (const QWidget *child : children) {
        if (child->isWindow() || !child->isVisibleTo(root))
            continue;
        lines << tooBig(child, width, height, depth + 1);
    }
    return lines;
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyPageFits_data();
    void everyPageFits();
    void longTextDoesNotWidenTheWindow_data();
    void longTextDoesNotWidenTheWindow();
    void simulateTraceGetsTheRoom();
    void longFilePathIsElidedInTheMiddle();
    void smallScreenScrollsThePages_data();
    void smallScreenScrollsThePages();

private:
    /// Shows `page` and `tab` (an Inspector tab or a Gateway tab name; empty for the page's default).
    void show(const QString &page, const QString &tab);
    /// What fails when the window cannot be as small as kSmallest: the culprits, or empty.
    [[nodiscard]] QString whyTooBig() const;
    /// The smallest window that shows the current pages without scrolling them (the pages sit in a scroll area,
    /// which only a screen smaller than that needs).
    [[nodiscard]] QSize needed() const;

    std::unique_ptr<ui::MainWindow> m_window;
};

void TestWindowLayout::init()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::Dialogs::Hooks hooks;
    hooks.error = [](const QString &, const QString &) {};
    ui::Dialogs::setHooks(hooks);
    m_window = std::make_unique<ui::MainWindow>(
        std::make_shared<common::FixedClock>(test::nowUtc()), std::make_shared<common::ManualScheduler>());
    m_window->openDemo();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWindowLayout::cleanup()
{
    m_window.reset();
    ui::Dialogs::clearHooks();
}

void TestWindowLayout::show(const QString &page, const QString &tab)
{
    if (page == u"inspector") {
        m_window->showPage(ui::MainWindow::Page::Inspector);
        if (!tab.isEmpty())
            m_window->inspector()->showTab(*ui::InspectorWidget::tabFromName(tab));
    } else if (page == u"keys") {
        m_window->showPage(ui::MainWindow::Page::Keys);
    } else if (page == u"gateway") {
        m_window->showPage(ui::MainWindow::Page::Gateway);
        if (!tab.isEmpty())
            QVERIFY(m_window->showGatewayTab(tab));
        if (tab == u"simulate") { // the answer fills in (in the background): measure the page with it
            auto *status = test::child<QLabel>(m_window->simulationPanel(), "simulationStatus");
            QVERIFY(status);
            QTRY_VERIFY(status->text().startsWith(u"200"));
        }
    } else {
        m_window->showPage(ui::MainWindow::Page::Composer);
    }
    QApplication::processEvents();
}

QSize TestWindowLayout::needed() const
{
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("pagesScrollArea"));
    auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pages"));
    if (!scroll || !pages)
        return {QWIDGETSIZE_MAX, QWIDGETSIZE_MAX};
    const QSize pagesMinimum = pages->minimumSizeHint().expandedTo(pages->minimumSize());
    return (m_window->size() - scroll->viewport()->size() + pagesMinimum).expandedTo(m_window->minimumSizeHint());
}

QString TestWindowLayout::whyTooBig() const
{
    const QSize minimum = needed();
    if (minimum.width() <= kSmallest.width() && minimum.height() <= kSmallest.height())
        return {};
    // The path to the culprits: every widget that alone asks for more than a third of the width or half the
    // height.
    // JWB_LAYOUT_DETAIL=N lists every widget wider than N px instead (to find a row of widgets that is too long).
    const int detail = qEnvironmentVariableIntValue("JWB_LAYOUT_DETAIL");
    if (detail > 0) // QTest cuts a long failure message: the whole tree goes to stderr
        std::fputs(qPrintable(tooBig(m_window.get(), detail, detail).join(u'\n') + u'\n'), stderr);
    return QStringLiteral("the pages need a window of %1x%2; too big:\n  %3")
        .arg(minimum.width())
        .arg(minimum.height())
        .arg(tooBig(
            m_window.get(), detail > 0 ? detail : kSmallest.width() / 3, detail > 0 ? detail : kSmallest.height() / 2)
                 .join(QStringLiteral("\n  ")));
}

void TestWindowLayout::everyPageFits_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("tab");
    for (const char *tab : {"decoded", "claims", "findings", "signature", "verify", "decrypt"})
        QTest::addRow("inspector/%s", tab) << QStringLiteral("inspector") << QString::fromLatin1(tab);
    QTest::newRow("keys") << QStringLiteral("keys") << QString();
    for (const QString &tab : ui::MainWindow::gatewayTabNames())
        QTest::addRow("gateway/%s", qPrintable(tab)) << QStringLiteral("gateway") << tab;
    QTest::newRow("composer") << QStringLiteral("composer") << QString();
}

// Issue #19 item 1: the window can be made 1024x640 on every page, and then is that size.
void TestWindowLayout::everyPageFits()
{
    QFETCH(QString, page);
    QFETCH(QString, tab);
    show(page, tab);
    const QString why = whyTooBig();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_window->resize(kSmallest);
    QApplication::processEvents();
    QCOMPARE(m_window->size(), kSmallest);
    // Nothing scrolls at that size: every page fits.
    auto *scroll = test::child<QScrollArea>(m_window.get(), "pagesScrollArea");
    QVERIFY(scroll);
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
}

void TestWindowLayout::longTextDoesNotWidenTheWindow_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("tab");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("text"); ///< empty: 2,000 characters, once without a space and once with
    // The Keys page's labels that hold a fetch error, a pin, a rotation diff, a URL, a status.
    for (const char *label : {"keySourceError", "keySourceStatus", "keySourceLocation", "keySourceTitle",
             "keySourceAge", "keyRotation", "keyFetchDetails", "keyDetails"})
        QTest::addRow("keys/%s", label) << QStringLiteral("keys") << QString() << QString::fromLatin1(label)
                                        << QString();
    // The Verify tab's and the Simulate answer's: a key, a reason, a key source naming a file path.
    for (const char *label : {"keyUsedLabel", "verifyDetail", "verifyKeysLine"})
        QTest::addRow("verify/%s", label)
            << QStringLiteral("inspector") << QStringLiteral("verify") << QString::fromLatin1(label) << QString();
    // The Decrypt tab's: an error, a finding, the nested token's verdict, the key choice.
    for (const char *label : {"decryptStatus", "decryptFindings", "innerVerdict", "decryptKeysLine"})
        QTest::addRow("decrypt/%s", label)
            << QStringLiteral("inspector") << QStringLiteral("decrypt") << QString::fromLatin1(label) << QString();
    for (const char *label : {"simulationEndpointLabel", "simulationReason", "simulationKeySource",
             "simulationKeysLine", "testMatrixEndpoint", "testMatrixMessage"})
        QTest::addRow("gateway/%s", label)
            << QStringLiteral("gateway") << QStringLiteral("simulate") << QString::fromLatin1(label) << QString();
    // The answer's badge: the longest status KrakenD's simulation can give (it once widened the window by 6 px).
    QTest::newRow("gateway/simulationStatus")
        << QStringLiteral("gateway") << QStringLiteral("simulate") << QStringLiteral("simulationStatus")
        << QStringLiteral("503 Service Unavailable");
}

// Issue #19 item 2: a label holding 2,000 characters without a space (a pin, a URL, a base64 diff) neither raises
// the window's minimum width nor resizes the window.
void TestWindowLayout::longFilePathIsElidedInTheMiddle()
{
    // The Gateway's file path at 1024 px: cut in the middle (start and file name kept), whole in the tooltip, and the
    // window keeps its size.
    show(QStringLiteral("gateway"), QString());
    m_window->resize(kSmallest);
    QApplication::processEvents();
    const QSize before = m_window->size();
    auto *label = m_window->findChild<ui::ElidedLabel *>(QStringLiteral("gatewayFileLabel"));
    QVERIFY(label);
    const QString path = QStringLiteral("/home/someone") + QStringLiteral("/a-rather-long-folder-name").repeated(12)
        + QStringLiteral("/krakend.json");
    label->setFullText(path);
    QApplication::processEvents();
    QCOMPARE(m_window->size(), before);
    QVERIFY(label->isElided());
    QVERIFY2(label->text().contains(u'\u2026') && label->text().startsWith(QLatin1String("/home/someone"))
            && label->text().endsWith(QLatin1String("krakend.json")),
        qPrintable(label->text()));
    QVERIFY(label->toolTip().contains(path));
    QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
    // A short path is shown whole, and the tooltip keeps only the note.
    label->setFullText(QStringLiteral("/tmp/krakend.json"));
    label->setNote(QStringLiteral("Saved"));
    QCOMPARE(label->text(), QStringLiteral("/tmp/krakend.json"));
    QCOMPARE(label->toolTip(), QStringLiteral("Saved"));
}

void TestWindowLayout::longTextDoesNotWidenTheWindow()
{
    QFETCH(QString, page);
    QFETCH(QString, tab);
    QFETCH(QString, label);
    QFETCH(QString, text);
    show(page, tab);
    m_window->resize(kSmallest);
    QApplication::processEvents();
    const QSize before = m_window->size();
    const int minimumWidth = needed().width();
    auto *target = m_window->findChild<QLabel *>(label);
    QVERIFY2(target, qPrintable(label));
    const bool generated = text.isEmpty();
    for (int i = 0; generated && i < 2000; ++i)
        text += QChar(u'A' + i % 26);
    target->setText(text);
    target->show();
    QApplication::processEvents();
    const QString why = whyTooBig();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(m_window->size(), before);
    QVERIFY2(needed().width() <= minimumWidth,
        qPrintable(QStringLiteral("%1 -> %2").arg(minimumWidth).arg(needed().width())));
    if (!generated)
        return;
    // With spaces (an error sentence) the same.
    target->setText(QString(text).replace(u'E', u' '));
    QApplication::processEvents();
    QVERIFY2(whyTooBig().isEmpty(), qPrintable(whyTooBig()));
    QCOMPARE(m_window->size(), before);
    QVERIFY(needed().width() <= minimumWidth);
}

// Issue #19 item 4: at 1280 px the Simulate answer's trace shows its detail column wide enough to read: at least
// 30% of the panel (the rest: the endpoint list's side of the page, the request form, the trace's other columns).
void TestWindowLayout::simulateTraceGetsTheRoom()
{
    show(QStringLiteral("gateway"), QStringLiteral("simulate"));
    m_window->resize(1280, 800);
    QApplication::processEvents();
    auto *panel = m_window->simulationPanel();
    auto *trace = test::child<QTreeView>(panel, "simulationTrace");
    QVERIFY(trace);
    QVERIFY(trace->isVisibleTo(panel));
    const int last = trace->header()->count() - 1;
    const int detail = trace->header()->sectionSize(last);
    QStringList sections;
    for (int i = 0; i < trace->header()->count(); ++i)
        sections << QString::number(trace->header()->sectionSize(i));
    // Before: the request's empty tables took 40% of the width and the detail column about a sixth of the panel.
    QVERIFY2(detail * 10 >= panel->width() * 3,
        qPrintable(QStringLiteral("detail column %1 px of a %2 px panel (columns %3; trace %4 px)")
                       .arg(detail)
                       .arg(panel->width())
                       .arg(sections.join(u' '))
                       .arg(trace->width())));
}

void TestWindowLayout::smallScreenScrollsThePages_data()
{
    everyPageFits_data();
}

// Issue #19 item 3: QT_SCALE_FACTOR=2 on a 1440x900 screen offers 720x450 logical pixels, less than the pages
// need; the window still fits it (fitToScreen asks for 95% of it) and the pages scroll inside.
void TestWindowLayout::smallScreenScrollsThePages()
{
    QFETCH(QString, page);
    QFETCH(QString, tab);
    show(page, tab);
    const QSize screen = QSize(720, 450) * 0.95;
    QVERIFY2(m_window->minimumSizeHint().width() <= screen.width()
            && m_window->minimumSizeHint().height() <= screen.height(),
        qPrintable(QStringLiteral("minimum %1x%2")
                       .arg(m_window->minimumSizeHint().width())
                       .arg(m_window->minimumSizeHint().height())));
    m_window->resize(screen);
    QApplication::processEvents();
    QCOMPARE(m_window->size(), screen);
    auto *scroll = test::child<QScrollArea>(m_window.get(), "pagesScrollArea");
    QVERIFY(scroll);
    QVERIFY(scroll->horizontalScrollBar()->maximum() > 0);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
