// ClaimsModel and FindingsModel on their own: rows, roles, in-place refresh, and the model tester.

#include "SdJwtVectors.h"
#include "TestData.h"
#include "UiTestHelpers.h"

#include "common/Theme.h"
#include "inspector/ClaimsModel.h"
#include "inspector/FindingsModel.h"
#include "inspector/InspectorWidget.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace jwb;
using ui::ClaimsModel;
using ui::FindingsModel;

class TestInspectorModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void claimsInTokenOrder();
    void timeClaimValue_data();
    void timeClaimValue();
    void findingsMarkTheirClaim();
    void refreshKeepsRows();
    void headerPart();
    void notJsonPayloadHasNoRows();
    void findingsStartWithParseIssues();
    void findingsRoles();
    void severityPresentation();
    void tabNames_data();
    void tabNames();
    void sdJwtDisclosedClaims();
};

namespace {
jose::Inspection inspect(const QString &token, qint64 now = test::kNow)
{
    return jose::Inspection::inspect(token, now);
}
} // namespace

void TestInspectorModels::claimsInTokenOrder()
{
    ClaimsModel model(ClaimsModel::Part::Payload);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setInspection(inspect(
        test::makeToken(R"({"alg":"HS256"})", R"({"sub":"s","iss":"i","aud":["a","b"],"custom":{"x":1},"n":1.5})")));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), 3);
    const QStringList expected = {QStringLiteral("sub"), QStringLiteral("iss"), QStringLiteral("aud"),
        QStringLiteral("custom"), QStringLiteral("n")};
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, ClaimsModel::NameColumn).data(ClaimsModel::NameRole).toString(), expected[row]);
    QCOMPARE(model.index(2, ClaimsModel::ValueColumn).data().toString(), QStringLiteral(R"(["a","b"])"));
    QCOMPARE(model.index(0, ClaimsModel::ValueColumn).data().toString(), QStringLiteral("s")); // strings unquoted
    QCOMPARE(model.index(0, ClaimsModel::ValueColumn).data(ClaimsModel::JsonRole).toString(), QStringLiteral("\"s\""));
    QCOMPARE(model.index(3, ClaimsModel::ValueColumn).data().toString(), QStringLiteral(R"({"x":1})"));
    QVERIFY(model.index(1, ClaimsModel::MeaningColumn).data().toString().startsWith(u"Issuer"));
    QVERIFY(model.index(3, ClaimsModel::MeaningColumn).data().toString().contains(u"Not a registered claim"));
}

void TestInspectorModels::timeClaimValue_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QString>("relative");

    const qint64 now = test::kNow;
    QTest::newRow("exp soon") << "{\"exp\":" + test::num(now + 300) + "}" << QStringLiteral("exp")
                              << QStringLiteral("expires in 5 min");
    QTest::newRow("exp past") << "{\"exp\":" + test::num(now - 7200) + "}" << QStringLiteral("exp")
                              << QStringLiteral("expired 2 h ago");
    QTest::newRow("nbf future") << "{\"nbf\":" + test::num(now + 90) + "}" << QStringLiteral("nbf")
                                << QStringLiteral("becomes valid in 1 min 30 s");
    QTest::newRow("iat") << "{\"iat\":" + test::num(now - 3 * 86400) + "}" << QStringLiteral("iat")
                         << QStringLiteral("issued 3 days ago");
    QTest::newRow("fractional exp") << "{\"exp\":" + test::num(now + 60) + ".75}" << QStringLiteral("exp")
                                    << QStringLiteral("expires in 1 min");
}

void TestInspectorModels::timeClaimValue()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, claim);
    QFETCH(QString, relative);
    ClaimsModel model(ClaimsModel::Part::Payload);
    model.setInspection(inspect(test::makeToken(R"({"alg":"HS256"})", payload)));
    const int row = model.rowOf(claim);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, 0).data(ClaimsModel::RelativeRole).toString(), relative);
    const QString value = model.index(row, ClaimsModel::ValueColumn).data().toString();
    QVERIFY2(value.contains(relative), qPrintable(value));
    QVERIFY2(value.contains(u'\n'), qPrintable(value)); // number and phrase, then the instant
    QVERIFY2(value.contains(u'Z'), qPrintable(value));
}

void TestInspectorModels::findingsMarkTheirClaim()
{
    ClaimsModel model(ClaimsModel::Part::Payload);
    model.setInspection(
        inspect(test::makeToken(R"({"alg":"HS256"})", "{\"sub\":\"a\",\"exp\":" + test::num(test::kNow - 10) + "}")));
    const QModelIndex exp = model.index(model.rowOf(QStringLiteral("exp")), ClaimsModel::NameColumn);
    QCOMPARE(exp.data(ClaimsModel::SeverityRole).toInt(), static_cast<int>(common::Severity::Error));
    QVERIFY(!exp.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(exp.data(Qt::ToolTipRole).toString().contains(u"expired"));
    const QModelIndex sub = model.index(model.rowOf(QStringLiteral("sub")), ClaimsModel::NameColumn);
    QVERIFY(!sub.data(ClaimsModel::SeverityRole).isValid());
    QVERIFY(!sub.data(Qt::DecorationRole).isValid());
}

void TestInspectorModels::refreshKeepsRows()
{
    ClaimsModel model(ClaimsModel::Part::Payload);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString token = test::makeToken(R"({"alg":"HS256"})", "{\"exp\":" + test::num(test::kNow + 600) + "}");
    model.setInspection(inspect(token));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setInspection(inspect(token, test::kNow + 300));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.index(0, 0).data(ClaimsModel::RelativeRole).toString(), QStringLiteral("expires in 5 min"));
    // Different names: a reset.
    model.setInspection(inspect(test::makeToken(R"({"alg":"HS256"})", R"({"sub":"x"})")));
    QCOMPARE(resets.count(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestInspectorModels::headerPart()
{
    ClaimsModel model(ClaimsModel::Part::Header);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setInspection(inspect(
        test::makeToken(R"({"typ":"JWT","alg":"none","jku":"https://x.example/k"})", R"({"sub":"a"})", QString())));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("typ"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("alg"));
    QCOMPARE(model.index(1, 0).data(ClaimsModel::SeverityRole).toInt(), static_cast<int>(common::Severity::Error));
    QCOMPARE(model.index(2, 0).data(ClaimsModel::SeverityRole).toInt(), static_cast<int>(common::Severity::Warning));
    QVERIFY(model.index(2, ClaimsModel::MeaningColumn).data().toString().contains(u"JWK Set"));
    QVERIFY(!model.index(0, 0).data(ClaimsModel::RelativeRole).toString().size());
}

void TestInspectorModels::notJsonPayloadHasNoRows()
{
    ClaimsModel model(ClaimsModel::Part::Payload);
    model.setInspection(inspect(test::makeToken(R"({"alg":"HS256"})", "hello")));
    QCOMPARE(model.rowCount(), 0);
    ClaimsModel header(ClaimsModel::Part::Header);
    header.setInspection(inspect(QStringLiteral("!!!.e30.c2ln")));
    QCOMPARE(header.rowCount(), 0);
}

void TestInspectorModels::findingsStartWithParseIssues()
{
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const jose::Inspection in = inspect(test::b64(R"({"alg":"none"})") + QStringLiteral(".e?30."));
    QVERIFY(!in.token.issues.isEmpty());
    model.setInspection(in);
    QCOMPARE(model.rowCount(), in.token.issues.size() + in.findings.size());
    QCOMPARE(model.index(0, 0).data(FindingsModel::CodeRole).toString(), QStringLiteral("invalid_base64url"));
    QCOMPARE(model.index(0, 0).data(FindingsModel::SubjectRole).toString(), QStringLiteral("payload"));
    QCOMPARE(model.codes().mid(in.token.issues.size()).first(), in.findings.first().code);
    QCOMPARE(model.count(common::Severity::Error),
        static_cast<int>(std::count_if(in.findings.begin(), in.findings.end(), [](const common::Finding &f) {
            return f.severity == common::Severity::Error;
        })) + in.token.issues.size());
}

void TestInspectorModels::findingsRoles()
{
    FindingsModel model;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const jose::Inspection in = inspect(test::makeToken(R"({"alg":"RS256","jwk":{"kty":"RSA"}})", R"({"sub":"a"})"));
    model.setInspection(in);
    model.setInspection(in); // unchanged: no reset, selection survives a time refresh
    QCOMPARE(resets.count(), 1);
    const int row = static_cast<int>(model.codes().indexOf(u"embedded_jwk"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, FindingsModel::SeverityColumn).data().toString(), QStringLiteral("Warning"));
    QCOMPARE(model.index(row, FindingsModel::CodeColumn).data().toString(), QStringLiteral("embedded_jwk"));
    QCOMPARE(model.index(row, 0).data(FindingsModel::SubjectRole).toString(), QStringLiteral("jwk"));
    QVERIFY(model.index(row, FindingsModel::MessageColumn).data(Qt::ToolTipRole).toString().contains(u"About: jwk"));
    QCOMPARE(model.headerData(FindingsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Finding"));
}

void TestInspectorModels::severityPresentation()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Base, Qt::black);
    for (const common::Severity s : {common::Severity::Info, common::Severity::Warning, common::Severity::Error}) {
        QVERIFY(!ui::Theme::severityIcon(s).isNull());
        QVERIFY(ui::Theme::severityColor(s, dark).lightness() > ui::Theme::severityColor(s, light).lightness());
    }
    QVERIFY(ui::Theme::severityColor(common::Severity::Error, light)
        != ui::Theme::severityColor(common::Severity::Warning, light));
    QCOMPARE(ui::Theme::severityLabel(common::Severity::Error), QStringLiteral("Error"));
    QVERIFY(!ui::Theme::appIcon().isNull());
}

void TestInspectorModels::tabNames_data()
{
    // The names workspace files and --tab use: they never change.
    using Tab = jwb::ui::InspectorWidget::Tab;
    QTest::addColumn<Tab>("tab");
    QTest::addColumn<QString>("name");
    QTest::newRow("decoded") << Tab::Decoded << QStringLiteral("decoded");
    QTest::newRow("claims") << Tab::Claims << QStringLiteral("claims");
    QTest::newRow("findings") << Tab::Findings << QStringLiteral("findings");
    QTest::newRow("signature") << Tab::Signature << QStringLiteral("signature");
    QTest::newRow("verify") << Tab::Verify << QStringLiteral("verify");
    QTest::newRow("decrypt") << Tab::Decrypt << QStringLiteral("decrypt");
}

void TestInspectorModels::tabNames()
{
    using jwb::ui::InspectorWidget;
    QFETCH(InspectorWidget::Tab, tab);
    QFETCH(QString, name);
    QCOMPARE(InspectorWidget::tabName(tab), name);
    QCOMPARE(InspectorWidget::tabFromName(name), std::optional(tab));
    QCOMPARE(InspectorWidget::tabFromName(name.toUpper()), std::optional(tab));
    QCOMPARE(InspectorWidget::tabFromName(name + u'x'), std::nullopt);
}

void TestInspectorModels::sdJwtDisclosedClaims()
{
    // RFC 9901 section 5.2: four Disclosures (family_name, address, given_name and the array element "US").
    if (test::sdJwtVectors().isEmpty()) {
        if (test::underCi())
            QFAIL("the SD-JWT vectors are missing");
        QSKIP("../shared/testvectors/sd-jwt is not available");
    }
    const QString presentation = test::sdJwtPresentation52();
    ClaimsModel model(ClaimsModel::Part::Payload);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const jose::Inspection in = inspect(presentation);
    model.setInspection(in);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, ClaimsModel::NameColumn).data(ClaimsModel::NameRole).toString();
    QCOMPARE(names,
        (QStringList {QStringLiteral("iss"), QStringLiteral("iat"), QStringLiteral("exp"), QStringLiteral("sub"),
            QStringLiteral("nationalities"), QStringLiteral("cnf"), QStringLiteral("family_name"),
            QStringLiteral("address"), QStringLiteral("given_name")}));
    const auto disclosedRow = [&model](const QString &name) {
        return model.index(model.rowOf(name), ClaimsModel::NameColumn).data(ClaimsModel::DisclosedRole).toBool();
    };
    QVERIFY(!disclosedRow(QStringLiteral("iss")));
    QVERIFY(!disclosedRow(QStringLiteral("cnf")));
    QVERIFY(disclosedRow(QStringLiteral("given_name")));
    QVERIFY(disclosedRow(QStringLiteral("address")));
    QVERIFY(disclosedRow(QStringLiteral("nationalities"))); // one of its elements was disclosed
    const int given = model.rowOf(QStringLiteral("given_name"));
    QCOMPARE(model.index(given, ClaimsModel::ValueColumn).data().toString(), QStringLiteral("John"));
    QVERIFY(model.index(given, ClaimsModel::MeaningColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Selectively disclosed (disclosed by Disclosure 3)")));
    const int nationalities = model.rowOf(QStringLiteral("nationalities"));
    QCOMPARE(model.index(nationalities, ClaimsModel::ValueColumn).data(ClaimsModel::JsonRole).toString(),
        QStringLiteral(R"(["US"])"));
    QVERIFY(model.index(nationalities, ClaimsModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("nationalities[0] disclosed by Disclosure 4")));
    QCOMPARE(model.index(given, ClaimsModel::NameColumn).data(Qt::ForegroundRole).value<QBrush>(),
        QGuiApplication::palette().brush(QPalette::Link));

    // The Findings tab lists the SD-JWT's problems (here: the undisclosed digests).
    FindingsModel findings;
    findings.setInspection(in);
    bool undisclosed = false;
    for (int row = 0; row < findings.rowCount(); ++row)
        undisclosed
            = undisclosed || findings.index(row, 0).data(FindingsModel::CodeRole).toString() == u"undisclosed_digests";
    QVERIFY(undisclosed);
}

QTEST_MAIN(TestInspectorModels)
#include "tst_inspectormodels.moc"
