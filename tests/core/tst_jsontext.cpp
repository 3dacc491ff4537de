// JsonText: re-indenting JSON without reordering or re-encoding it, and finding duplicate member names.
#include "common/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace JsonText = jwb::common::JsonText;

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prettyPrint_data();
    void prettyPrint();
    void prettyPrintIndent();
    void prettyPrintInvalidUnchanged_data();
    void prettyPrintInvalidUnchanged();
    void prettyPrintIsStable_data();
    void prettyPrintIsStable();
    void compact_data();
    void compact();
    void duplicateKeys_data();
    void duplicateKeys();
};

void TestJsonText::prettyPrint_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("pretty");
    QTest::newRow("member order kept") << QByteArray(R"({"b":1,"a":2,"c":3})")
                                       << QByteArray("{\n  \"b\": 1,\n  \"a\": 2,\n  \"c\": 3\n}");
    QTest::newRow("RFC 7515 A.1 header with CRLF") << QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}")
                                                   << QByteArray("{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}");
    QTest::newRow("nested") << QByteArray(R"({"z":{"y":[1,2]},"a":true})")
                            << QByteArray(
                                   "{\n  \"z\": {\n    \"y\": [\n      1,\n      2\n    ]\n  },\n  \"a\": true\n}");
    QTest::newRow("string escapes kept") << QByteArray(R"({"s":"a\"b\\c\/d\u00e9\n\u2019"})")
                                         << QByteArray("{\n  \"s\": \"a\\\"b\\\\c\\/d\\u00e9\\n\\u2019\"\n}");
    QTest::newRow("structural characters inside strings")
        << QByteArray(R"({"k,{[":"v:}],","x":"\\"})") << QByteArray("{\n  \"k,{[\": \"v:}],\",\n  \"x\": \"\\\\\"\n}");
    QTest::newRow("spaces inside strings kept")
        << QByteArray(R"({"a b":" c  d "})") << QByteArray("{\n  \"a b\": \" c  d \"\n}");
    QTest::newRow("raw UTF-8 kept") << QByteArray("{\"n\":\"It\xe2\x80\x99s\"}")
                                    << QByteArray("{\n  \"n\": \"It\xe2\x80\x99s\"\n}");
    QTest::newRow("number spelling kept") << QByteArray(R"({"a":1.0e+2,"b":-0.50,"c":1E3,"d":12345678901234567890})")
                                          << QByteArray("{\n  \"a\": 1.0e+2,\n  \"b\": -0.50,\n  \"c\": 1E3,\n  "
                                                        "\"d\": 12345678901234567890\n}");
    QTest::newRow("existing whitespace replaced") << QByteArray("{ \"a\" :\t1 ,\n\n \"b\"\r\n:\n[ 1 , 2 ] }")
                                                  << QByteArray("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}");
    QTest::newRow("empty object") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("empty array") << QByteArray("[]") << QByteArray("[]");
    QTest::newRow("empty object with spaces") << QByteArray("{ \n }") << QByteArray("{}");
    QTest::newRow("empty containers inside")
        << QByteArray(R"({"o":{},"a":[],"n":[{},[ ]]})")
        << QByteArray("{\n  \"o\": {},\n  \"a\": [],\n  \"n\": [\n    {},\n    []\n  ]\n}");
    QTest::newRow("null true false") << QByteArray(R"([null,true,false])")
                                     << QByteArray("[\n  null,\n  true,\n  false\n]");
    QTest::newRow("scalar string") << QByteArray(R"("x")") << QByteArray(R"("x")");
    QTest::newRow("scalar number") << QByteArray("42") << QByteArray("42");
}

void TestJsonText::prettyPrint()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, pretty);
    QCOMPARE(JsonText::prettyPrint(json), pretty);
}

void TestJsonText::prettyPrintIndent()
{
    QCOMPARE(JsonText::prettyPrint(R"({"a":[1]})", 4), QByteArray("{\n    \"a\": [\n        1\n    ]\n}"));
    QCOMPARE(JsonText::prettyPrint(R"({"a":[1]})", 0), QByteArray("{\n\"a\": [\n1\n]\n}"));
}

void TestJsonText::prettyPrintInvalidUnchanged_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated object") << QByteArray(R"({"a":)");
    QTest::newRow("unterminated string") << QByteArray(R"({"a":"b})");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
    QTest::newRow("single quotes") << QByteArray("{'a':1}");
    QTest::newRow("bare word") << QByteArray("hello world");
    QTest::newRow("two values") << QByteArray("{} {}");
    QTest::newRow("comma separated scalars") << QByteArray("1,2");
    QTest::newRow("comma separated objects") << QByteArray(R"({"a":1},{"b":2})");
    QTest::newRow("binary") << QByteArray("\x01\x02\xff", 3);
}

void TestJsonText::prettyPrintInvalidUnchanged()
{
    QFETCH(QByteArray, json);
    QCOMPARE(JsonText::prettyPrint(json), json);
    QVERIFY(JsonText::duplicateKeys(json).isEmpty());
}

void TestJsonText::prettyPrintIsStable_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("object") << QByteArray(R"({"b":{"c":[1,{"d":"e"}]},"a":"x,y"})");
    QTest::newRow("array") << QByteArray(R"([[],{},"",0])");
}

void TestJsonText::prettyPrintIsStable()
{
    // Pretty-printing pretty output changes nothing, and the result still means the same JSON.
    QFETCH(QByteArray, json);
    const QByteArray once = JsonText::prettyPrint(json);
    QCOMPARE(JsonText::prettyPrint(once), once);
    QCOMPARE(QJsonDocument::fromJson(once), QJsonDocument::fromJson(json));
}

void TestJsonText::compact_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("a"), 1}}) << QStringLiteral(R"({"a":1})");
    QTest::newRow("array") << QJsonValue(QJsonArray {1, QStringLiteral("x")}) << QStringLiteral(R"([1,"x"])");
    QTest::newRow("string") << QJsonValue(QStringLiteral("a\"b")) << QStringLiteral(R"("a\"b")");
    QTest::newRow("integer") << QJsonValue(1300819380) << QStringLiteral("1300819380");
    QTest::newRow("fraction") << QJsonValue(1.5) << QStringLiteral("1.5");
    QTest::newRow("true") << QJsonValue(true) << QStringLiteral("true");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
}

void TestJsonText::compact()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(JsonText::compact(value), text);
}

void TestJsonText::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("duplicates");
    QTest::newRow("none") << QByteArray(R"({"a":1,"b":2})") << QStringList();
    QTest::newRow("top level") << QByteArray(R"({"a":1,"a":2})") << QStringList {QStringLiteral("a")};
    QTest::newRow("reported once") << QByteArray(R"({"a":1,"a":2,"a":3})") << QStringList {QStringLiteral("a")};
    QTest::newRow("two names in order") << QByteArray(R"({"b":1,"a":1,"a":2,"b":2})")
                                        << QStringList {QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("case differs") << QByteArray(R"({"a":1,"A":2})") << QStringList();
    QTest::newRow("nested object") << QByteArray(R"({"x":{"b":1,"b":2}})") << QStringList {QStringLiteral("b")};
    QTest::newRow("same name at different depths") << QByteArray(R"({"a":{"a":{"a":1}}})") << QStringList();
    QTest::newRow("same name in sibling objects") << QByteArray(R"({"x":{"a":1},"y":{"a":2}})") << QStringList();
    QTest::newRow("after a nested object closes")
        << QByteArray(R"({"a":1,"o":{"a":2,"z":0},"a":3})") << QStringList {QStringLiteral("a")};
    QTest::newRow("after an array closes") << QByteArray(R"({"a":[1,2],"a":3})") << QStringList {QStringLiteral("a")};
    QTest::newRow("array of objects") << QByteArray(R"([{"a":1},{"a":2}])") << QStringList();
    QTest::newRow("inside an array element")
        << QByteArray(R"([{"a":1},{"b":1,"b":2}])") << QStringList {QStringLiteral("b")};
    QTest::newRow("objects in an array inside an object")
        << QByteArray(R"({"list":[{"id":1,"id":2},{"id":3}],"list":null})")
        << QStringList {QStringLiteral("id"), QStringLiteral("list")};
    QTest::newRow("string values that look like keys")
        << QByteArray(R"({"a":"b","b":"a","c":["a","a"]})") << QStringList();
    QTest::newRow("escaped quote in key")
        << QByteArray(R"({"a\"b":1,"a\"b":2})") << QStringList {QStringLiteral("a\"b")};
    QTest::newRow("escaped and plain spelling")
        << QByteArray(R"({"a":1,"\u0061":2})") << QStringList {QStringLiteral("a")};
    QTest::newRow("two escaped spellings")
        << QByteArray(R"({"\u00e9":1,"\u00E9":2})") << QStringList {QStringLiteral("\u00e9")};
    QTest::newRow("escaped slash") << QByteArray(R"({"a/b":1,"a\/b":2})") << QStringList {QStringLiteral("a/b")};
    QTest::newRow("whitespace around keys")
        << QByteArray("{ \"a\" : 1 ,\n \"a\"\t: 2 }") << QStringList {QStringLiteral("a")};
    QTest::newRow("empty key") << QByteArray(R"({"":1,"":2})") << QStringList {QString()};
    QTest::newRow("invalid JSON") << QByteArray(R"({"a":1,"a":)") << QStringList();
}

void TestJsonText::duplicateKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, duplicates);
    QCOMPARE(JsonText::duplicateKeys(json), duplicates);
}

QTEST_APPLESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
