// HeaderFormatter: every example value of docs/krakend-jwt.md §5, krakend-jose's own TestUnmarshalDataTypesGetClaim
// and TestCalculateHeadersToPropagate expectations, Go's %v/%g/%f/json.Marshal corner cases, preserve-array mode
// and textproto.CanonicalMIMEHeaderKey.
#include "krakend/HeaderFormatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtNumeric>

#include <cmath>

using jwb::krakend::HeaderFormatter;

namespace {

/// A JSON value from its text ("42", "[1,2]", "\"s\""); the text "<missing>" stands for a claim that is absent.
QJsonValue value(const QByteArray &text)
{
    if (text == "<missing>")
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text.constData());
    return doc.array().first();
}

} // namespace

class TestHeaderFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void preserveArray_data();
    void preserveArray();
    void goFloat_data();
    void goFloat();
    void canonicalHeaderName_data();
    void canonicalHeaderName();
    void validHeaderName();
};

void TestHeaderFormatter::format_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    // §5 strings and numbers.
    QTest::newRow("string as is") << QByteArray(R"("string val")") << QStringLiteral("string val");
    QTest::newRow("uuid string") << QByteArray(R"("d0052a8b-6b35-4cb4-af69-b95e241e7208")")
                                 << QStringLiteral("d0052a8b-6b35-4cb4-af69-b95e241e7208");
    QTest::newRow("empty string") << QByteArray(R"("")") << QString();
    QTest::newRow("integer 42") << QByteArray("42") << QStringLiteral("42");
    QTest::newRow("integer 0") << QByteArray("0") << QStringLiteral("0");
    QTest::newRow("integer -42") << QByteArray("-42") << QStringLiteral("-42");
    QTest::newRow("big int 1000001") << QByteArray("1000001") << QStringLiteral("1000001");
    QTest::newRow("timestamp plain") << QByteArray("1651529725") << QStringLiteral("1651529725");
    QTest::newRow("4.0000001 within 1e-6") << QByteArray("4.0000001") << QStringLiteral("4");
    QTest::newRow("3.9999999 rounds up") << QByteArray("3.9999999") << QStringLiteral("4");
    QTest::newRow("4.000001 beyond 1e-6") << QByteArray("4.000001") << QStringLiteral("4.000001");
    QTest::newRow("-42.42 %f") << QByteArray("-42.42") << QStringLiteral("-42.420000");
    QTest::newRow("0.1234567 %f rounds") << QByteArray("0.1234567") << QStringLiteral("0.123457");
    QTest::newRow("2.5e-7 is near 0") << QByteArray("2.5e-7") << QStringLiteral("0");
    QTest::newRow("2.5 %f") << QByteArray("2.5") << QStringLiteral("2.500000");
    QTest::newRow("-0.5 %f") << QByteArray("-0.5") << QStringLiteral("-0.500000");
    QTest::newRow("1e21 beyond int64") << QByteArray("1e21") << QStringLiteral("-9223372036854775808");
    QTest::newRow("-1e21 beyond int64") << QByteArray("-1e21") << QStringLiteral("-9223372036854775808");
    QTest::newRow("2^53+1 loses precision") << QByteArray("9007199254740993") << QStringLiteral("9007199254740992");
    QTest::newRow("0.0078125 exact tie rounds even") << QByteArray("1.0078125") << QStringLiteral("1.007812");

    // §5 arrays: ',' joined, %v elements.
    QTest::newRow("array of strings") << QByteArray(R"(["one","two"])") << QStringLiteral("one,two");
    QTest::newRow("krakend t6_array") << QByteArray(R"(["item 1","item-2",1,-2,2.99,-3.01])")
                                      << QStringLiteral("item 1,item-2,1,-2,2.99,-3.01");
    QTest::newRow("array timestamp %g") << QByteArray("[1651529725]") << QStringLiteral("1.651529725e+09");
    QTest::newRow("array 1234567 %g") << QByteArray("[1234567]") << QStringLiteral("1.234567e+06");
    QTest::newRow("array 123456 %g plain") << QByteArray("[123456]") << QStringLiteral("123456");
    QTest::newRow("array 1000000 %g") << QByteArray("[1000000]") << QStringLiteral("1e+06");
    QTest::newRow("array 0.0001 %g") << QByteArray("[0.0001]") << QStringLiteral("0.0001");
    QTest::newRow("array 0.00001 %g") << QByteArray("[0.00001]") << QStringLiteral("1e-05");
    QTest::newRow("array 1e21 %g") << QByteArray("[1e21]") << QStringLiteral("1e+21");
    QTest::newRow("array 1e100 %g") << QByteArray("[1e100]") << QStringLiteral("1e+100");
    QTest::newRow("array 0.1 %g") << QByteArray("[0.1]") << QStringLiteral("0.1");
    QTest::newRow("array bools and null") << QByteArray("[true,false,null]") << QStringLiteral("true,false,<nil>");
    QTest::newRow("array of object") << QByteArray(R"([{"k":"v","a":1}])") << QStringLiteral("map[a:1 k:v]");
    QTest::newRow("array nested objects")
        << QByteArray(R"([{"n":{"m":[1,"s"]}}])") << QStringLiteral("map[n:map[m:[1 s]]]");
    QTest::newRow("array nested arrays") << QByteArray(R"([["x","y"],[],[1,[2]]])")
                                         << QStringLiteral("[x y],[],[1 [2]]");
    QTest::newRow("empty array") << QByteArray("[]") << QString();
    QTest::newRow("array with empty object") << QByteArray("[{}]") << QStringLiteral("map[]");

    // §5 bool, null, objects: json.Marshal with sorted keys and HTML escaping.
    QTest::newRow("true") << QByteArray("true") << QStringLiteral("true");
    QTest::newRow("false") << QByteArray("false") << QStringLiteral("false");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("null");
    QTest::newRow("krakend x-d object") << QByteArray(R"({"c":["one","two"],"b":"foo","a":1})")
                                        << QStringLiteral(R"({"a":1,"b":"foo","c":["one","two"]})");
    QTest::newRow("object html escaping")
        << QByteArray(R"({"u":"a&b<c>d"})") << QStringLiteral(R"({"u":"a\u0026b\u003cc\u003ed"})");
    QTest::newRow("object key escaping") << QByteArray(R"({"<k>":true})")
                                         << QStringLiteral(R"({"\u003ck\u003e":true})");
    QTest::newRow("object numbers ES6") << QByteArray(R"({"n":1e21,"m":1e-7,"f":1.5,"i":12345678901,"z":0})")
                                        << QStringLiteral(R"({"f":1.5,"i":12345678901,"m":1e-7,"n":1e+21,"z":0})");
    QTest::newRow("object small number") << QByteArray(R"({"s":0.000001})") << QStringLiteral(R"({"s":0.000001})");
    QTest::newRow("object control chars")
        << QByteArray(R"({"c":"a\nb\t\u0001\b\f\r\"\\/"})") << QStringLiteral(R"({"c":"a\nb\t\u0001\b\f\r\"\\/"})");
    QTest::newRow("object line separators")
        << QByteArray(R"({"l":"\u2028\u2029"})") << QStringLiteral(R"({"l":"\u2028\u2029"})");
    QTest::newRow("object non-ASCII raw") << QByteArray(R"({"e":"é€"})") << QStringLiteral(R"({"e":"é€"})");
    QTest::newRow("object keys bytewise")
        << QByteArray(R"({"é":1,"z":2,"Z":3,"a":4})") << QStringLiteral(R"({"Z":3,"a":4,"z":2,"é":1})");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("{}");
    QTest::newRow("object with null and nested") << QByteArray(R"({"x":null,"y":{"b":[true],"a":{}}})")
                                                 << QStringLiteral(R"({"x":null,"y":{"a":{},"b":[true]}})");

    // A missing claim propagates as an empty header (§8.7).
    QTest::newRow("missing claim") << QByteArray("<missing>") << QString();
}

void TestHeaderFormatter::format()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(HeaderFormatter::format(value(input)), expected);
}

void TestHeaderFormatter::preserveArray_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("roles array") << QByteArray(R"(["role_a","role_b"])")
                                 << QStringList {QStringLiteral("role_a"), QStringLiteral("role_b")};
    QTest::newRow("array %v per element")
        << QByteArray(R"([1651529725,true,null,{"k":1},["x","y"],2.5])")
        << QStringList {QStringLiteral("1.651529725e+09"), QStringLiteral("true"), QStringLiteral("<nil>"),
               QStringLiteral("map[k:1]"), QStringLiteral("[x y]"), QStringLiteral("2.5")};
    QTest::newRow("empty array: no value") << QByteArray("[]") << QStringList {};
    QTest::newRow("missing: one empty value") << QByteArray("<missing>") << QStringList {QString()};
    QTest::newRow("string: one value") << QByteArray(R"("a b")") << QStringList {QStringLiteral("a b")};
    QTest::newRow("number: as default mode") << QByteArray("1651529725") << QStringList {QStringLiteral("1651529725")};
    QTest::newRow("float: as default mode") << QByteArray("-42.42") << QStringList {QStringLiteral("-42.420000")};
    QTest::newRow("object: JSON") << QByteArray(R"({"b":1,"a":"&"})")
                                  << QStringList {QStringLiteral(R"({"a":"\u0026","b":1})")};
    QTest::newRow("bool: JSON") << QByteArray("true") << QStringList {QStringLiteral("true")};
}

void TestHeaderFormatter::preserveArray()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QCOMPARE(HeaderFormatter::formatPreservingArray(value(input)), expected);
}

void TestHeaderFormatter::goFloat_data()
{
    QTest::addColumn<double>("input");
    QTest::addColumn<QString>("v");
    QTest::addColumn<QString>("f");
    QTest::addColumn<QString>("json");
    QTest::newRow("1") << 1.0 << QStringLiteral("1") << QStringLiteral("1.000000") << QStringLiteral("1");
    QTest::newRow("2.99") << 2.99 << QStringLiteral("2.99") << QStringLiteral("2.990000") << QStringLiteral("2.99");
    QTest::newRow("-3.01") << -3.01 << QStringLiteral("-3.01") << QStringLiteral("-3.010000")
                           << QStringLiteral("-3.01");
    QTest::newRow("1651529725") << 1651529725.0 << QStringLiteral("1.651529725e+09")
                                << QStringLiteral("1651529725.000000") << QStringLiteral("1651529725");
    QTest::newRow("1234567") << 1234567.0 << QStringLiteral("1.234567e+06") << QStringLiteral("1234567.000000")
                             << QStringLiteral("1234567");
    QTest::newRow("1e-05") << 1e-5 << QStringLiteral("1e-05") << QStringLiteral("0.000010")
                           << QStringLiteral("0.00001");
    QTest::newRow("1e-07") << 1e-7 << QStringLiteral("1e-07") << QStringLiteral("0.000000") << QStringLiteral("1e-7");
    QTest::newRow("5e-324") << 5e-324 << QStringLiteral("5e-324") << QStringLiteral("0.000000")
                            << QStringLiteral("5e-324");
    QTest::newRow("1e21") << 1e21 << QStringLiteral("1e+21") << QStringLiteral("1000000000000000000000.000000")
                          << QStringLiteral("1e+21");
    QTest::newRow("1e20") << 1e20 << QStringLiteral("1e+20") << QStringLiteral("100000000000000000000.000000")
                          << QStringLiteral("100000000000000000000");
    QTest::newRow("-0") << -0.0 << QStringLiteral("-0") << QStringLiteral("-0.000000") << QStringLiteral("-0");
    // Issue #18: encoding/json writes strconv 'f' -1, the shortest digits and then zeros (not every digit).
    QTest::newRow("2^63") << 9223372036854775808.0 << QStringLiteral("9.223372036854776e+18")
                          << QStringLiteral("9223372036854775808.000000") << QStringLiteral("9223372036854776000");
    QTest::newRow("-2^63") << -9223372036854775808.0 << QStringLiteral("-9.223372036854776e+18")
                           << QStringLiteral("-9223372036854775808.000000") << QStringLiteral("-9223372036854776000");
    QTest::newRow("1e20+1 is 1e20") << 100000000000000000001.0 << QStringLiteral("1e+20")
                                    << QStringLiteral("100000000000000000000.000000")
                                    << QStringLiteral("100000000000000000000");
    QTest::newRow("123456789.125") << 123456789.125 << QStringLiteral("1.23456789125e+08")
                                   << QStringLiteral("123456789.125000") << QStringLiteral("123456789.125");
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << QStringLiteral("0.30000000000000004") << QStringLiteral("0.300000")
                             << QStringLiteral("0.30000000000000004");
}

void TestHeaderFormatter::goFloat()
{
    QFETCH(double, input);
    QFETCH(QString, v);
    QFETCH(QString, f);
    QFETCH(QString, json);
    QCOMPARE(HeaderFormatter::goFloatV(input), v);
    QCOMPARE(HeaderFormatter::goFloatF(input), f);
    // QJsonValue cannot hold -0 (Qt stores it as the integer 0): GoJson's scan marks Go's -0 with a NaN, which
    // the formatters read as -0 (issue #18).
    const QJsonValue claim = input == 0 && std::signbit(input) ? QJsonValue(qQNaN()) : QJsonValue(input);
    QCOMPARE(HeaderFormatter::goJson(claim), json);
    QCOMPARE(HeaderFormatter::goValue(claim), v);
}

void TestHeaderFormatter::canonicalHeaderName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("krakend jti") << QStringLiteral("x-krakend-jti") << QStringLiteral("X-Krakend-Jti");
    QTest::newRow("upper case") << QStringLiteral("AUTHORIZATION") << QStringLiteral("Authorization");
    QTest::newRow("custom auth") << QStringLiteral("x-custom-auth") << QStringLiteral("X-Custom-Auth");
    QTest::newRow("mixed") << QStringLiteral("X-CUSTOM-auth") << QStringLiteral("X-Custom-Auth");
    QTest::newRow("already canonical") << QStringLiteral("X-Krakend-Sub") << QStringLiteral("X-Krakend-Sub");
    QTest::newRow("underscore does not capitalise") << QStringLiteral("x_user_id") << QStringLiteral("X_user_id");
    QTest::newRow("digits and dots") << QStringLiteral("x-1.2-a") << QStringLiteral("X-1.2-A");
    QTest::newRow("leading dash") << QStringLiteral("-x-") << QStringLiteral("-X-");
    QTest::newRow("double dash") << QStringLiteral("a--b") << QStringLiteral("A--B");
    QTest::newRow("space: unchanged") << QStringLiteral("my header") << QStringLiteral("my header");
    QTest::newRow("colon: unchanged") << QStringLiteral("x:y") << QStringLiteral("x:y");
    QTest::newRow("non-ASCII: unchanged") << QStringLiteral("x-ümlaut") << QStringLiteral("x-ümlaut");
    QTest::newRow("empty") << QString() << QString();
}

void TestHeaderFormatter::canonicalHeaderName()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(HeaderFormatter::canonicalHeaderName(input), expected);
}

void TestHeaderFormatter::validHeaderName()
{
    QVERIFY(HeaderFormatter::isValidHeaderName(QStringLiteral("X-Custom_Auth.1")));
    QVERIFY(HeaderFormatter::isValidHeaderName(QStringLiteral("!#$%&'*+-.^_`|~")));
    QVERIFY(!HeaderFormatter::isValidHeaderName(QString()));
    QVERIFY(!HeaderFormatter::isValidHeaderName(QStringLiteral("a b")));
    QVERIFY(!HeaderFormatter::isValidHeaderName(QStringLiteral("a:b")));
    QVERIFY(!HeaderFormatter::isValidHeaderName(QStringLiteral("ä")));
}

QTEST_GUILESS_MAIN(TestHeaderFormatter)
#include "tst_headerformatter.moc"
