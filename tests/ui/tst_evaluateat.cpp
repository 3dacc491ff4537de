// The Inspector's "Evaluate at" as people use it (issue #19 item 5): typed digits stick, a pasted RFC 3339 time,
// Unix seconds or milliseconds is taken, and the disabled field shows the live time rather than a stale one.
#include "UiTestHelpers.h"

#include "common/Clock.h"
#include "inspector/InspectorWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QTest>

using namespace jwb;
using jwb::test::child;

class TestEvaluateAt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedDigitsStick();
    void pastedInstant_data();
    void pastedInstant();
    void disabledFieldShowsTheLiveTime();
};

void TestEvaluateAt::typedDigitsStick()
{
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.setEvaluationTime(test::nowUtc());
    auto *edit = child<QDateTimeEdit>(&inspector, "evaluateAtEdit");
    QVERIFY(edit && edit->isEnabled());
    edit->setFocus();
    edit->setSelectedSection(QDateTimeEdit::YearSection); // as a click on the year selects it
    QTest::keyClicks(edit, QStringLiteral("2031"));
    QVERIFY(inspector.evaluationTime());
    QCOMPARE(inspector.evaluationTime()->toLocalTime().date().year(), 2031);
    QCOMPARE(edit->dateTime().date().year(), 2031);
    // Two digits where the first alone is already a valid day: the second one must stick too.
    edit->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClicks(edit, QStringLiteral("15"));
    QCOMPARE(edit->dateTime().date().day(), 15);
    QCOMPARE(inspector.evaluationTime()->toLocalTime().date().day(), 15);
    edit->setSelectedSection(QDateTimeEdit::MinuteSection);
    QTest::keyClicks(edit, QStringLiteral("42"));
    QCOMPARE(inspector.evaluationTime()->toLocalTime().time().minute(), 42);
}

void TestEvaluateAt::pastedInstant_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs");
    QTest::newRow("RFC 3339") << QStringLiteral("2030-01-01T00:00:00Z") << 1893456000000LL;
    QTest::newRow("RFC 3339 with offset") << QStringLiteral(" 2030-01-01T05:30:00+05:30\n") << 1893456000000LL;
    QTest::newRow("Unix seconds") << QStringLiteral("1893456000") << 1893456000000LL;
    QTest::newRow("Unix milliseconds") << QStringLiteral("1893456000000") << 1893456000000LL;
}

void TestEvaluateAt::pastedInstant()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    inspector.show();
    inspector.setEvaluationTime(test::nowUtc());
    auto *edit = child<QDateTimeEdit>(&inspector, "evaluateAtEdit");
    QVERIFY(edit);
    QGuiApplication::clipboard()->setText(text);
    edit->setFocus();
    QTest::keySequence(edit, QKeySequence::Paste);
    QVERIFY(inspector.evaluationTime());
    QCOMPARE(inspector.evaluationTime()->toMSecsSinceEpoch(), msecs);
    QCOMPARE(edit->dateTime().toMSecsSinceEpoch(), msecs);
    // Not a time: nothing changes.
    QGuiApplication::clipboard()->setText(QStringLiteral("tomorrow"));
    QTest::keySequence(edit, QKeySequence::Paste);
    QCOMPARE(inspector.evaluationTime()->toMSecsSinceEpoch(), msecs);
}

void TestEvaluateAt::disabledFieldShowsTheLiveTime()
{
    ui::InspectorWidget inspector(common::Clock::fixed(test::nowUtc()));
    auto *edit = child<QDateTimeEdit>(&inspector, "evaluateAtEdit");
    QVERIFY(edit && !edit->isEnabled());
    QCOMPARE(edit->dateTime().toSecsSinceEpoch(), test::kNow);
    // Time goes on (the clock says an hour later): the disabled field follows at the next refresh.
    inspector.setClock(common::Clock::fixed(test::nowUtc().addSecs(3600)));
    QCOMPARE(edit->dateTime().toSecsSinceEpoch(), test::kNow + 3600);
}

QTEST_MAIN(TestEvaluateAt)
#include "tst_evaluateat.moc"
