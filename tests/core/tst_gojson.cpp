// GoJson: the simulator's Go-compatible JSON scanner and Go's names for JSON kinds, tested directly (the
// simulator's tests reach them through tokens and key sets).
#include "krakend/go/GoJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace jwb::krakend;

class TestGoJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntaxErrors_data();
    void syntaxErrors();
    void overflowIsRecordedAndSanitized();
    void underflowReadsAsZero();
    void topLevelKinds_data();
    void topLevelKinds();
    void depthLimit();
    void kindNames();
    void negativeZerosAndInvalidUtf8();
};

void TestGoJson::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("dot then letter") << QByteArray("[1.x]")
                                     << QStringLiteral("invalid character 'x' after decimal point in numeric literal");
    QTest::newRow("after top level") << QByteArray("{} x")
                                     << QStringLiteral("invalid character 'x' after top-level value");
    QTest::newRow("unquoted key") << QByteArray("{a:1}")
                                  << QStringLiteral("invalid character 'a' looking for beginning of object key string");
    QTest::newRow("control in string") << QByteArray("\"a\x01\"")
                                       << QStringLiteral("invalid character '\\x01' in string literal");
    QTest::newRow("bad escape") << QByteArray("\"\\q\"")
                                << QStringLiteral("invalid character 'q' in string escape code");
    QTest::newRow("leading zero") << QByteArray("[01]") << QStringLiteral("invalid character '1' after array element");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("unexpected end of JSON input");
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}")
                                   << QStringLiteral("invalid character '1' after object key");
    QTest::newRow("trailing comma") << QByteArray("[1,]")
                                    << QStringLiteral("invalid character ']' looking for beginning of value");
}

void TestGoJson::syntaxErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const GoJson::Scan scan = GoJson::scan(text);
    QVERIFY(!scan.ok);
    QCOMPARE(scan.error, error);
}

void TestGoJson::overflowIsRecordedAndSanitized()
{
    const GoJson::Scan scan = GoJson::scan(R"({"exp": 1e400, "nested": {"n": -2e999}, "ok": 5})");
    QVERIFY(scan.ok);
    QVERIFY(scan.overflow);
    QCOMPARE(scan.overflowLiteral, QStringLiteral("1e400"));
    QCOMPARE(scan.overflowMembers, (QStringList {QStringLiteral("exp"), QStringLiteral("nested")}));
    // Qt can read what remains: the overflowing numbers became 0, the rest is untouched.
    const QJsonObject o = scan.document().object();
    QCOMPARE(o.value(QLatin1String("exp")).toDouble(), 0.0);
    QCOMPARE(o.value(QLatin1String("nested")).toObject().value(QLatin1String("n")).toDouble(), 0.0);
    QCOMPARE(o.value(QLatin1String("ok")).toInt(), 5);
}

void TestGoJson::underflowReadsAsZero()
{
    const GoJson::Scan scan = GoJson::scan(R"({"tiny": 1e-400, "small": 0.00000000000000000000001e-400})");
    QVERIFY(scan.ok);
    QVERIFY(!scan.overflow); // Go reads an underflow as 0 without an error
    QVERIFY(scan.overflowMembers.isEmpty());
    QCOMPARE(scan.document().object().value(QLatin1String("tiny")).toDouble(), 0.0);
}

void TestGoJson::topLevelKinds_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<char>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("null");
    QTest::newRow("object") << QByteArray(" {} ") << '{' << QStringLiteral("bool") << false;
    QTest::newRow("array") << QByteArray("[1]") << '[' << QStringLiteral("array") << false;
    QTest::newRow("string") << QByteArray("\"x\"") << '"' << QStringLiteral("string") << false;
    QTest::newRow("number") << QByteArray("-3") << '0' << QStringLiteral("number") << false;
    QTest::newRow("true") << QByteArray("true") << 't' << QStringLiteral("bool") << false;
    QTest::newRow("null") << QByteArray("null") << 'n' << QStringLiteral("bool") << true;
}

void TestGoJson::topLevelKinds()
{
    QFETCH(QByteArray, text);
    QFETCH(char, kind);
    QFETCH(QString, name);
    QFETCH(bool, null);
    const GoJson::Scan scan = GoJson::scan(text);
    QVERIFY2(scan.ok, qPrintable(scan.error));
    QCOMPARE(scan.topLevelKind, kind);
    QCOMPARE(scan.topLevelNull, null);
    if (kind != '{')
        QCOMPARE(scan.topLevelKindName(), name);
}

void TestGoJson::depthLimit()
{
    const QByteArray ok = QByteArray(10000, '[') + QByteArray(10000, ']');
    QVERIFY(GoJson::scan(ok).ok);
    const QByteArray deep = QByteArray(10002, '[') + QByteArray(10002, ']');
    const GoJson::Scan scan = GoJson::scan(deep);
    QVERIFY(!scan.ok);
    QCOMPARE(scan.error, QStringLiteral("exceeded max depth"));
}

void TestGoJson::kindNames()
{
    QCOMPARE(GoJson::kindOf(QJsonValue(QStringLiteral("s"))), QStringLiteral("string"));
    QCOMPARE(GoJson::kindOf(QJsonValue(1.5)), QStringLiteral("number"));
    QCOMPARE(GoJson::kindOf(QJsonValue(true)), QStringLiteral("bool"));
    QCOMPARE(GoJson::kindOf(QJsonArray()), QStringLiteral("array"));
    QCOMPARE(GoJson::kindOf(QJsonObject()), QStringLiteral("object"));
    QCOMPARE(GoJson::kindOf(QJsonValue()), QStringLiteral("null"));
    QCOMPARE(GoJson::kindOf(QJsonValue(QJsonValue::Undefined)), QStringLiteral("null"));

    QCOMPARE(GoJson::dynamicType(QJsonValue(2)), QStringLiteral("float64"));
    QCOMPARE(GoJson::dynamicType(QJsonArray()), QStringLiteral("[]interface {}"));
    QCOMPARE(GoJson::dynamicType(QJsonObject()), QStringLiteral("map[string]interface {}"));
    QCOMPARE(GoJson::dynamicType(QJsonValue(false)), QStringLiteral("bool"));
    QCOMPARE(GoJson::dynamicType(QJsonValue()), QStringLiteral("nil"));
}

void TestGoJson::negativeZerosAndInvalidUtf8()
{
    // Issue #18: Go keeps -0 (QJsonValue cannot: the scan records where, document() marks it) and decodes bytes that
    // are not UTF-8 as U+FFFD, one per byte (Qt would refuse the whole text).
    const GoJson::Scan scan = GoJson::scan("{\"a\": [-0, 1, -0e3], \"o\": {\"b\": -0.0, \"c\": 0}, "
                                           "\"s\": \"x\xff\xc3"
                                           "y\", \"k\xfe\": 2, \"z\": -0}");
    QVERIFY2(scan.ok, qPrintable(scan.error));
    QVERIFY(scan.invalidUtf8);
    QCOMPARE(scan.negativeZeros,
        (QList<QJsonArray> {QJsonArray {QStringLiteral("a"), 0}, QJsonArray {QStringLiteral("a"), 2},
            QJsonArray {QStringLiteral("o"), QStringLiteral("b")}, QJsonArray {QStringLiteral("z")}}));
    const QJsonObject o = scan.document().object();
    const QJsonArray a = o.value(QLatin1String("a")).toArray();
    QVERIFY(std::signbit(GoJson::numberOf(a.at(0))) && GoJson::numberOf(a.at(0)) == 0);
    QCOMPARE(GoJson::numberOf(a.at(1)), 1.0);
    QVERIFY(std::signbit(GoJson::numberOf(a.at(2))));
    QVERIFY(std::signbit(GoJson::numberOf(o.value(QLatin1String("o")).toObject().value(QLatin1String("b")))));
    QVERIFY(!std::signbit(GoJson::numberOf(o.value(QLatin1String("o")).toObject().value(QLatin1String("c")))));
    QVERIFY(std::signbit(GoJson::numberOf(o.value(QLatin1String("z")))));
    QCOMPARE(o.value(QLatin1String("s")).toString(), QStringLiteral("x\uFFFD\uFFFDy"));
    QCOMPARE(o.value(QStringLiteral("k\uFFFD")).toInt(), 2);
    // Valid UTF-8 is kept as it is, and nothing is marked.
    const GoJson::Scan valid = GoJson::scan("{\"s\": \"\xc3\xa9\xf0\x9f\x98\x80\"}");
    QVERIFY(valid.ok && !valid.invalidUtf8 && valid.negativeZeros.isEmpty());
    QCOMPARE(valid.document().object().value(QLatin1String("s")).toString(), QStringLiteral("\u00e9\U0001F600"));
}

QTEST_GUILESS_MAIN(TestGoJson)
#include "tst_gojson.moc"
