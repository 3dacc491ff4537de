// LongText: eliding lines too long for Qt's text layout, and mapping positions across the cut.

#include "common/LongText.h"

#include <QTest>

using jwb::ui::LongText;

class TestLongText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortTextUntouched();
    void longLineElided();
    void onlyLongLinesChange();
    void mapsPositions();
};

void TestLongText::shortTextUntouched()
{
    const QString text = QStringLiteral("{\n  \"a\": 1\n}\n");
    const LongText t = LongText::elide(text, 10);
    QCOMPARE(t.text(), text);
    QVERIFY(!t.isElided());
    QCOMPARE(t.map(5), 5);
}

void TestLongText::longLineElided()
{
    const QString line = QStringLiteral("\"") + QString(1000, u'x') + QStringLiteral("\"");
    const LongText t = LongText::elide(line, 100);
    QVERIFY(t.isElided());
    QVERIFY(t.text().size() < 200);
    QVERIFY(t.text().startsWith(u"\"xxx"));
    QVERIFY(t.text().endsWith(u"xxx\""));
    // 1002 characters: the first 3/4 of the limit and the last 1/8 are kept.
    QVERIFY2(t.text().contains(u"915 characters not shown"), qPrintable(t.text()));
    QCOMPARE(t.text().count(u'"'), 2); // the marker adds no quotes: JSON highlighting stays balanced
}

void TestLongText::onlyLongLinesChange()
{
    const QString text = QStringLiteral("short\n") + QString(500, u'a') + QStringLiteral("\nend");
    const LongText t = LongText::elide(text, 100);
    const QStringList lines = t.text().split(u'\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.first(), QStringLiteral("short"));
    QCOMPARE(lines.last(), QStringLiteral("end"));
    QVERIFY(lines[1].size() < 200);
}

void TestLongText::mapsPositions()
{
    const QString text = QString(1000, u'a') + QStringLiteral("\nZ");
    const LongText t = LongText::elide(text, 100);
    QCOMPARE(t.map(10), 10); // before the cut
    QCOMPARE(t.text()[t.map(1001)], u'Z'); // after it
    QCOMPARE(t.text()[t.map(999)], u'a'); // in the kept tail
    QCOMPARE(t.text()[t.map(500)], u' '); // a hidden character points at the marker
}

QTEST_GUILESS_MAIN(TestLongText)
#include "tst_longtext.moc"
