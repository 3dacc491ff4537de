// The GUI tests' own helpers (UiTestHelpers.h): child<T>() finds a unique named widget, and fails the calling test
// with a message naming what exists when the name is missing or not unique.

#include "UiTestHelpers.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

using jwb::test::child;

class TestTestHelpers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void childFindsANamedDescendant();
    void childFailsLoudly();
};

void TestTestHelpers::childFindsANamedDescendant()
{
    QWidget page;
    auto *inner = new QWidget(&page);
    auto *layout = new QVBoxLayout(inner);
    auto *edit = new QLineEdit(inner);
    edit->setObjectName(QStringLiteral("issuerEdit"));
    layout->addWidget(edit);
    auto *button = new QPushButton(&page);
    button->setObjectName(QStringLiteral("issuerEdit")); // same name, other type: not a match for QLineEdit
    QCOMPARE(child<QLineEdit>(&page, "issuerEdit"), edit);
    QCOMPARE(child<QPushButton>(&page, "issuerEdit"), button);
}

void TestTestHelpers::childFailsLoudly()
{
    QWidget page;
    page.setObjectName(QStringLiteral("page"));
    auto *edit = new QLineEdit(&page);
    edit->setObjectName(QStringLiteral("audienceEdit"));
    new QLineEdit(&page); // unnamed: not listed
    auto *twin1 = new QPushButton(&page);
    auto *twin2 = new QPushButton(&page);
    twin1->setObjectName(QStringLiteral("twin"));
    twin2->setObjectName(QStringLiteral("twin"));

    QEXPECT_FAIL("", "no QLineEdit is named issuerEdit: the helper fails the test", Continue);
    QLineEdit *missing = child<QLineEdit>(&page, "issuerEdit");
    QCOMPARE(missing, nullptr);
    QEXPECT_FAIL("", "two QPushButtons are named twin: the helper fails the test", Continue);
    QPushButton *ambiguous = child<QPushButton>(&page, "twin");
    QCOMPARE(ambiguous, nullptr);
    QEXPECT_FAIL("", "a null parent fails the test", Continue);
    QCOMPARE(child<QLineEdit>(nullptr, "audienceEdit"), nullptr);
    QCOMPARE(child<QLineEdit>(&page, "audienceEdit"), edit);
}

QTEST_MAIN(TestTestHelpers)
#include "tst_testhelpers.moc"
