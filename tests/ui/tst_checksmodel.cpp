// ui::ChecksModel: the one tree of checks shown by the Verify tab and the Simulate trace. Checks keep their order,
// those sharing a step sit under a step row, config findings under a last row; the stopping check and its step are
// marked, later checks that would fail too say so; the roles give typed values. QAbstractItemModelTester watches
// every change.
#include "common/ChecksModel.h"
#include "common/Theme.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTreeView>

using namespace jwb;
using common::CheckName;
using common::Outcome;
using Kind = ui::ChecksModel::RowKind;

namespace {

common::Check check(int step, CheckName name, Outcome outcome, int status = 0, bool alsoFails = false)
{
    common::Check c;
    c.step = step;
    c.name = name;
    c.outcome = outcome;
    c.detail = QStringLiteral("detail of ") + common::checkNameText(name);
    c.status = status;
    c.wouldAlsoFail = alsoFails;
    return c;
}

/// A KrakenD trace that stops at exp (step 6) with roles (step 9) failing too.
QList<common::Check> trace()
{
    return {check(0, CheckName::Config, Outcome::Pass), check(1, CheckName::Token, Outcome::Pass),
        check(1, CheckName::Parse, Outcome::Pass), check(2, CheckName::Alg, Outcome::Pass),
        check(4, CheckName::Signature, Outcome::Pass), check(6, CheckName::Iss, Outcome::Pass),
        check(6, CheckName::Exp, Outcome::Fail, 401), check(6, CheckName::Iat, Outcome::Skip),
        check(9, CheckName::Roles, Outcome::Skip, 403, true), check(13, CheckName::Backend, Outcome::Skip)};
}

Kind kindOf(const QModelIndex &index)
{
    return index.data(ui::ChecksModel::KindRole).value<Kind>();
}

} // namespace

class TestChecksModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void genericChecksAreFlat();
    void stepsGroupTheirChecks();
    void stoppedAndWouldAlsoFail();
    void typedRoles();
    void configFindingsComeLast();
    void changesAreTested();
    void expandsStepRowsOnly();
};

void TestChecksModel::genericChecksAreFlat()
{
    // The generic verifier numbers its checks 1..13: no two share a step, so no row has children.
    ui::ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks({check(1, CheckName::Parse, Outcome::Pass), check(2, CheckName::Alg, Outcome::Pass),
        check(7, CheckName::Signature, Outcome::Fail), check(12, CheckName::Exp, Outcome::Skip)});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(ui::ChecksModel::ColumnCount));
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(model.rowCount(model.index(row, 0)), 0);
        QCOMPARE(kindOf(model.index(row, 0)), Kind::Check);
    }
    QCOMPARE(model.index(0, ui::ChecksModel::NameColumn).data().toString(), QStringLiteral("parse"));
    QCOMPARE(model.index(2, ui::ChecksModel::StepColumn).data().toInt(), 7);
    QCOMPARE(model.index(2, ui::ChecksModel::OutcomeColumn).data().toString(), QStringLiteral("✗ FAIL"));
    QCOMPARE(model.index(0, ui::ChecksModel::OutcomeColumn).data().toString(), QStringLiteral("✓ ok"));
    QCOMPARE(model.index(3, ui::ChecksModel::OutcomeColumn).data().toString(), QStringLiteral("– skip"));
    QCOMPARE(model.index(2, ui::ChecksModel::DetailColumn).data().toString(), QStringLiteral("detail of signature"));
    QCOMPARE(model.index(2, ui::ChecksModel::DetailColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("detail of signature"));
    QVERIFY(!model.stoppedIndex().isValid());
    QCOMPARE(model.checkAt(model.index(2, 3))->name, CheckName::Signature);
}

void TestChecksModel::stepsGroupTheirChecks()
{
    ui::ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(trace(), 6);
    // config | step 1 (token, parse) | alg | signature | step 6 (iss, exp, iat) | roles | backend
    QCOMPARE(model.rowCount(), 7);
    const QModelIndex token = model.index(1, 0);
    QCOMPARE(kindOf(token), Kind::Step);
    QCOMPARE(model.index(1, ui::ChecksModel::NameColumn).data().toString(), QStringLiteral("Token"));
    QCOMPARE(model.rowCount(token), 2);
    QCOMPARE(model.index(1, ui::ChecksModel::NameColumn, token).data().toString(), QStringLiteral("parse"));
    const QModelIndex claims = model.index(4, 0);
    QCOMPARE(model.index(4, ui::ChecksModel::NameColumn).data().toString(), QStringLiteral("Registered claims"));
    QCOMPARE(model.rowCount(claims), 3);
    QCOMPARE(model.parent(model.index(2, 0, claims)), claims);
    QVERIFY(model.checkAt(claims) == nullptr);
    QCOMPARE(model.index(6, ui::ChecksModel::NameColumn).data().toString(), QStringLiteral("backend"));
    QCOMPARE(model.indexOfCheck(CheckName::Iat).parent(), claims);
    QCOMPARE(model.indexOfCheck(9).data().toString(), QStringLiteral("backend"));
    QVERIFY(!model.indexOfCheck(CheckName::Scopes).isValid());
}

void TestChecksModel::stoppedAndWouldAlsoFail()
{
    ui::ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(trace(), 6);
    const QModelIndex stopped = model.stoppedIndex();
    QVERIFY(stopped.isValid());
    QCOMPARE(stopped.data().toString(), QStringLiteral("exp"));
    QVERIFY(stopped.data(ui::ChecksModel::StoppedRole).toBool());
    QCOMPARE(stopped.data(ui::ChecksModel::StatusRole).toInt(), 401);
    QVERIFY(model.index(stopped.row(), ui::ChecksModel::OutcomeColumn, stopped.parent())
                .data()
                .toString()
                .contains(QStringLiteral("stops here (401)")));
    QVERIFY(stopped.data(Qt::BackgroundRole).isValid());
    QVERIFY(stopped.parent().data(ui::ChecksModel::StoppedRole).toBool()); // its step row
    QVERIFY(!model.index(0, 0).data(ui::ChecksModel::StoppedRole).toBool());

    const QModelIndex roles = model.indexOfCheck(CheckName::Roles, ui::ChecksModel::OutcomeColumn);
    QVERIFY(roles.data(ui::ChecksModel::WouldAlsoFailRole).toBool());
    QVERIFY(roles.data().toString().contains(QStringLiteral("would also fail (403)")));
    QVERIFY(!model.indexOfCheck(CheckName::Iat).data(ui::ChecksModel::WouldAlsoFailRole).toBool());
    QVERIFY(!model.indexOfCheck(CheckName::Iat).data(ui::ChecksModel::StoppedRole).toBool());
}

void TestChecksModel::typedRoles()
{
    ui::ChecksModel model;
    model.setChecks(trace(), 6);
    const QModelIndex exp = model.indexOfCheck(CheckName::Exp, ui::ChecksModel::DetailColumn);
    QCOMPARE(exp.data(ui::ChecksModel::OutcomeRole).value<Outcome>(), Outcome::Fail);
    QCOMPARE(exp.data(ui::ChecksModel::NameRole).value<CheckName>(), CheckName::Exp);
    QCOMPARE(exp.data(ui::ChecksModel::StepRole).toInt(), 6);
    QCOMPARE(model.index(0, 0).data(ui::ChecksModel::OutcomeRole).value<Outcome>(), Outcome::Pass);
    QCOMPARE(model.indexOfCheck(CheckName::Backend).data(ui::ChecksModel::OutcomeRole).value<Outcome>(), Outcome::Skip);
    // A step row has a step but no outcome or name.
    QCOMPARE(model.index(4, 0).data(ui::ChecksModel::StepRole).toInt(), 6);
    QVERIFY(!model.index(4, 0).data(ui::ChecksModel::OutcomeRole).isValid());
    QVERIFY(!model.index(4, 0).data(ui::ChecksModel::NameRole).isValid());
}

void TestChecksModel::configFindingsComeLast()
{
    ui::ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(trace(), -1,
        {common::Finding {common::Severity::Warning, QStringLiteral("unknown_option"), QStringLiteral("rolez"),
             QStringLiteral("did you mean roles?")},
            common::Finding {common::Severity::Error, QStringLiteral("type_error"), QString(), QStringLiteral("bad")}});
    QCOMPARE(model.rowCount(), 8);
    const QModelIndex findings = model.index(7, 0);
    QCOMPARE(kindOf(findings), Kind::Findings);
    QCOMPARE(model.index(7, ui::ChecksModel::NameColumn).data().toString(), QStringLiteral("Config findings"));
    QCOMPARE(model.index(7, ui::ChecksModel::OutcomeColumn).data().toInt(), 2);
    QCOMPARE(model.rowCount(findings), 2);
    QCOMPARE(kindOf(model.index(0, 0, findings)), Kind::Finding);
    QCOMPARE(model.index(0, ui::ChecksModel::NameColumn, findings).data().toString(), QStringLiteral("unknown_option"));
    QCOMPARE(model.index(0, ui::ChecksModel::DetailColumn, findings).data().toString(),
        QStringLiteral("rolez: did you mean roles?"));
    QCOMPARE(model.index(1, ui::ChecksModel::DetailColumn, findings).data().toString(), QStringLiteral("bad"));
    QVERIFY(!model.index(1, ui::ChecksModel::OutcomeColumn, findings).data(Qt::DecorationRole).isNull());
    QVERIFY(model.checkAt(model.index(0, 0, findings)) == nullptr);
    QVERIFY(!model.stoppedIndex().isValid());
}

void TestChecksModel::changesAreTested()
{
    // Every change the views see, under the tester: new results, findings, palette, clear.
    ui::ChecksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(
        trace(), 6, {common::Finding {common::Severity::Info, QStringLiteral("x"), QString(), QStringLiteral("y")}});
    QCOMPARE(model.rowCount(), 8);
    model.setPalette(ui::Theme::darkPalette());
    model.setChecks({check(1, CheckName::Parse, Outcome::Fail)});
    QCOMPARE(model.rowCount(), 1); // a new result replaces the findings too
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.checks().isEmpty());
    QCOMPARE(model.stoppedAt(), -1);
    model.setPalette(QPalette());
    QCOMPARE(model.headerData(ui::ChecksModel::DetailColumn, Qt::Horizontal).toString(), QStringLiteral("Detail"));
}

void TestChecksModel::expandsStepRowsOnly()
{
    ui::ChecksModel model;
    model.setChecks(
        trace(), 6, {common::Finding {common::Severity::Info, QStringLiteral("x"), QString(), QStringLiteral("y")}});
    QTreeView view;
    view.setModel(&model);
    ui::expandStepRows(&view);
    QVERIFY(view.isExpanded(model.index(1, 0))); // token
    QVERIFY(view.isExpanded(model.index(4, 0))); // registered claims
    QVERIFY(!view.isExpanded(model.index(7, 0))); // config findings
}

QTEST_MAIN(TestChecksModel)
#include "tst_checksmodel.moc"
