// JsonSource and JsonText, the one text-preserving JSON layer: the byte-exact source map, member names in
// document order, setting one member in place, JSON kind names; re-indenting JSON without reordering or re-encoding
// it, and finding duplicate member names.
#include "common/JsonSource.h"
#include "common/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

namespace JsonText = jwb::common::JsonText;
namespace JsonSource = jwb::common::JsonSource;
using jwb::common::JsonSourceMap;

class TestJsonSource : public QObject
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
    void sourceMapPositions();
    void sourceMapLastMemberWins();
    void sourceMapErrorsNameTheOffset_data();
    void sourceMapErrorsNameTheOffset();
    void sourceMapByteOrderMark();
    void sourceMapLayout();
    void serializeJsonOrderAndShortArrays();
    void kindNames_data();
    void kindNames();
    void topLevelNames_data();
    void topLevelNames();
    void setMember_data();
    void setMember();
    void stringEnd_data();
    void stringEnd();
};

void TestJsonSource::prettyPrint_data()
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

void TestJsonSource::prettyPrint()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, pretty);
    QCOMPARE(JsonText::prettyPrint(json), pretty);
}

void TestJsonSource::prettyPrintIndent()
{
    QCOMPARE(JsonText::prettyPrint(R"({"a":[1]})", 4), QByteArray("{\n    \"a\": [\n        1\n    ]\n}"));
    QCOMPARE(JsonText::prettyPrint(R"({"a":[1]})", 0), QByteArray("{\n\"a\": [\n1\n]\n}"));
}

void TestJsonSource::prettyPrintInvalidUnchanged_data()
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

void TestJsonSource::prettyPrintInvalidUnchanged()
{
    QFETCH(QByteArray, json);
    QCOMPARE(JsonText::prettyPrint(json), json);
    QVERIFY(JsonText::duplicateKeys(json).isEmpty());
}

void TestJsonSource::prettyPrintIsStable_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("object") << QByteArray(R"({"b":{"c":[1,{"d":"e"}]},"a":"x,y"})");
    QTest::newRow("array") << QByteArray(R"([[],{},"",0])");
}

void TestJsonSource::prettyPrintIsStable()
{
    // Pretty-printing pretty output changes nothing, and the result still means the same JSON.
    QFETCH(QByteArray, json);
    const QByteArray once = JsonText::prettyPrint(json);
    QCOMPARE(JsonText::prettyPrint(once), once);
    QCOMPARE(QJsonDocument::fromJson(once), QJsonDocument::fromJson(json));
}

void TestJsonSource::compact_data()
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

void TestJsonSource::compact()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(JsonText::compact(value), text);
}

void TestJsonSource::duplicateKeys_data()
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

void TestJsonSource::duplicateKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, duplicates);
    QCOMPARE(JsonText::duplicateKeys(json), duplicates);
}

void TestJsonSource::sourceMapPositions()
{
    const QByteArray text = R"({"a": 1.50, "b": [true, null, "x"], "c": {"d": "\u0041"}})";
    const auto map = JsonSourceMap::parse(text);
    QVERIFY(map);
    const JsonSourceMap::Node &root = map.value()->root();
    QCOMPARE(root.kind, JsonSourceMap::Kind::Object);
    QCOMPARE(root.begin, 0);
    QCOMPARE(root.end, text.size());
    QCOMPARE(root.members.size(), size_t(3));
    // Every value is found at its exact bytes, spelled as written.
    const auto bytesOf
        = [&](const JsonSourceMap::Node *node) { return text.mid(node->begin, node->end - node->begin); };
    QCOMPARE(bytesOf(root.member(QStringLiteral("a"))), QByteArray("1.50"));
    QCOMPARE(root.member(QStringLiteral("a"))->kind, JsonSourceMap::Kind::Number);
    QCOMPARE(bytesOf(root.member(QStringLiteral("b"))), QByteArray(R"([true, null, "x"])"));
    QCOMPARE(root.member(QStringLiteral("b"))->items.size(), size_t(3));
    QCOMPARE(root.member(QStringLiteral("b"))->items[0]->kind, JsonSourceMap::Kind::Bool);
    const JsonSourceMap::Node *null = map.value()->find({QStringLiteral("b"), QStringLiteral("1")});
    QVERIFY(null);
    QCOMPARE(null->kind, JsonSourceMap::Kind::Null);
    QCOMPARE(bytesOf(map.value()->find({QStringLiteral("c"), QStringLiteral("d")})), QByteArray(R"("\u0041")"));
    QCOMPARE(root.memberEntry(QStringLiteral("c"))->keyBegin, text.indexOf("\"c\""));
    QVERIFY(!map.value()->find({QStringLiteral("b"), QStringLiteral("3")}));
    QVERIFY(!map.value()->find({QStringLiteral("a"), QStringLiteral("x")}));
    QVERIFY(!root.member(QStringLiteral("z")));
}

void TestJsonSource::sourceMapLastMemberWins()
{
    // Both spellings are kept in order; a reader takes the last, as QJsonDocument and Go do.
    const QByteArray text = R"({"k": 1, "\u006b": 2})";
    const auto map = JsonSourceMap::parse(text);
    QVERIFY(map);
    const JsonSourceMap::Node &root = map.value()->root();
    QCOMPARE(root.members.size(), size_t(2));
    QCOMPARE(root.members[1].key, QStringLiteral("k"));
    QCOMPARE(text.mid(root.member(QStringLiteral("k"))->begin, 1), QByteArray("2"));
}

void TestJsonSource::sourceMapErrorsNameTheOffset_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
    QTest::newRow("missing value") << QByteArray(R"({"a":})");
    QTest::newRow("unterminated") << QByteArray(R"({"a":[1,2)");
    QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}");
}

void TestJsonSource::sourceMapErrorsNameTheOffset()
{
    // QJsonDocument is the reference for validity: the error is at the offset it names.
    QFETCH(QByteArray, text);
    QJsonParseError reference {};
    (void)QJsonDocument::fromJson(text, &reference);
    QVERIFY(reference.error != QJsonParseError::NoError);
    QVERIFY(reference.offset > 0);
    const auto map = JsonSourceMap::parse(text);
    QVERIFY(!map);
    QCOMPARE(map.error().code, QStringLiteral("invalid_json"));
    QCOMPARE(map.error().details.value(QStringLiteral("offset")).toInt(), reference.offset);
    QVERIFY(map.error().message.endsWith(QStringLiteral(" at byte %1").arg(reference.offset)));
}

void TestJsonSource::sourceMapByteOrderMark()
{
    // QJsonDocument accepts a UTF-8 byte order mark, so the map does too; offsets stay those of the whole text.
    const QByteArray text = "\xEF\xBB\xBF{\"a\": true}";
    const auto map = JsonSourceMap::parse(text);
    QVERIFY(map);
    QCOMPARE(map.value()->root().begin, 3);
    QCOMPARE(map.value()->root().member(QStringLiteral("a"))->begin, text.indexOf("true"));
}

void TestJsonSource::sourceMapLayout()
{
    const auto tabs = JsonSourceMap::parse("{\r\n\t\"a\": {\r\n\t\t\"b\": 1\r\n\t}\r\n}");
    QVERIFY(tabs);
    QCOMPARE(tabs.value()->indentUnit(), QByteArray("\t"));
    QVERIFY(tabs.value()->usesCrlf());
    QCOMPARE(tabs.value()->lineIndent(tabs.value()->find({QStringLiteral("a"), QStringLiteral("b")})->begin),
        QByteArray("\t\t"));
    const auto flat = JsonSourceMap::parse(R"({"a":1})");
    QVERIFY(flat);
    QCOMPARE(flat.value()->indentUnit(), QByteArray("  "));
    QVERIFY(!flat.value()->usesCrlf());
    QCOMPARE(flat.value()->lineIndent(3), QByteArray());
}

void TestJsonSource::serializeJsonOrderAndShortArrays()
{
    const QJsonObject value {{QStringLiteral("z"), 1}, {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("a"), QJsonArray {QStringLiteral("x"), QStringLiteral("y")}},
        {QStringLiteral("o"), QJsonObject {}}};
    QCOMPARE(jwb::common::serializeJson(value, QByteArray(), "  ", {QStringLiteral("alg")}),
        QByteArray("{\n  \"alg\": \"RS256\",\n  \"a\": [\"x\", \"y\"],\n  \"o\": {},\n  \"z\": 1\n}"));
    QCOMPARE(jwb::common::serializeJson(QJsonArray {QJsonObject {{QStringLiteral("k"), true}}}, "  ", "  ", {}, "\r\n"),
        QByteArray("[\r\n    {\r\n      \"k\": true\r\n    }\r\n  ]"));
}

void TestJsonSource::kindNames_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null") << QStringLiteral("null");
    QTest::newRow("bool") << QJsonValue(false) << QStringLiteral("boolean") << QStringLiteral("a boolean");
    QTest::newRow("number") << QJsonValue(1.5) << QStringLiteral("number") << QStringLiteral("a number");
    QTest::newRow("string") << QJsonValue(QStringLiteral("s")) << QStringLiteral("string")
                            << QStringLiteral("a string");
    QTest::newRow("array") << QJsonValue(QJsonArray {}) << QStringLiteral("array") << QStringLiteral("an array");
    QTest::newRow("object") << QJsonValue(QJsonObject {}) << QStringLiteral("object") << QStringLiteral("an object");
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("undefined")
                               << QStringLiteral("undefined");
}

void TestJsonSource::kindNames()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, name);
    QFETCH(QString, phrase);
    QCOMPARE(JsonSource::kindName(value), name);
    QCOMPARE(JsonSource::kindPhrase(value), phrase);
}

void TestJsonSource::topLevelNames_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("document order") << QByteArray(R"({"iss":"a","sub":"b","aud":"c","exp":1})")
                                    << QStringList {QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"),
                                           QStringLiteral("exp")};
    QTest::newRow("first occurrence") << QByteArray(R"({"b":1,"a":2,"b":3})")
                                      << QStringList {QStringLiteral("b"), QStringLiteral("a")};
    QTest::newRow("nested names left out") << QByteArray(R"({"o":{"x":1,"y":[{"z":2}]},"n":null})")
                                           << QStringList {QStringLiteral("o"), QStringLiteral("n")};
    QTest::newRow("unescaped") << QByteArray(R"({"\u0041":1,"b\"c":2})")
                               << QStringList {QStringLiteral("A"), QStringLiteral("b\"c")};
    QTest::newRow("structural characters in strings")
        << QByteArray(R"({"a":"},{\"x\":1","b":"[,"})") << QStringList {QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty object") << QByteArray("{}") << QStringList();
    QTest::newRow("array") << QByteArray(R"([{"a":1}])") << QStringList();
    QTest::newRow("invalid") << QByteArray(R"({"a":1,)") << QStringList();
    QTest::newRow("empty") << QByteArray() << QStringList();
}

void TestJsonSource::topLevelNames()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, names);
    QCOMPARE(JsonSource::topLevelNames(json), names);
}

void TestJsonSource::setMember_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("expected");
    // The Composer's quick add: order and spelling are the user's.
    QTest::newRow("appended after the last member")
        << QByteArray(R"({"zeta": 1.50, "sub": "a\u0041", "alpha": {"b": [1, 2]}})") << QStringLiteral("jti")
        << QJsonValue(QStringLiteral("id1"))
        << QByteArray("{\n  \"zeta\": 1.50,\n  \"sub\": \"a\\u0041\",\n  \"alpha\": {\n    \"b\": [\n      1,\n      "
                      "2\n    ]\n  },\n  \"jti\": \"id1\"\n}");
    QTest::newRow("replaced in place") << QByteArray(R"({"zeta": 1.50, "sub": "a", "alpha": true})")
                                       << QStringLiteral("sub") << QJsonValue(QStringLiteral("bob"))
                                       << QByteArray("{\n  \"zeta\": 1.50,\n  \"sub\": \"bob\",\n  \"alpha\": true\n}");
    QTest::newRow("an object replaced by an array")
        << QByteArray(R"({"roles": {"x": 1}, "n": 2})") << QStringLiteral("roles")
        << QJsonValue(QJsonArray {QStringLiteral("a"), QStringLiteral("b")})
        << QByteArray("{\n  \"roles\": [\n    \"a\",\n    \"b\"\n  ],\n  \"n\": 2\n}");
    QTest::newRow("empty text is an empty object")
        << QByteArray(" \n") << QStringLiteral("sub") << QJsonValue(QStringLiteral("u"))
        << QByteArray("{\n  \"sub\": \"u\"\n}");
    QTest::newRow("empty object") << QByteArray("{ }") << QStringLiteral("n") << QJsonValue(1)
                                  << QByteArray("{\n  \"n\": 1\n}");
    QTest::newRow("the last of two is the one read") << QByteArray(R"({"a": 1, "a": 2})") << QStringLiteral("a")
                                                     << QJsonValue(3) << QByteArray("{\n  \"a\": 1,\n  \"a\": 3\n}");
    QTest::newRow("name escaped") << QByteArray("{}") << QStringLiteral("q\"") << QJsonValue(true)
                                  << QByteArray("{\n  \"q\\\"\": true\n}");
    QTest::newRow("not an object: unchanged")
        << QByteArray("[1]") << QStringLiteral("a") << QJsonValue(1) << QByteArray("[1]");
    QTest::newRow("invalid: unchanged") << QByteArray(R"({"a": 1,)") << QStringLiteral("b") << QJsonValue(1)
                                        << QByteArray(R"({"a": 1,)");
}

void TestJsonSource::setMember()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, name);
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonSource::setMember(json, name, value), expected);
}

void TestJsonSource::stringEnd_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("quote");
    QTest::addColumn<qsizetype>("end");
    QTest::newRow("plain") << QByteArray(R"("ab" x)") << qsizetype(0) << qsizetype(4);
    QTest::newRow("escaped quote") << QByteArray(R"(["a\"b"])") << qsizetype(1) << qsizetype(7);
    QTest::newRow("escaped backslash last") << QByteArray(R"("a\\")") << qsizetype(0) << qsizetype(5);
    QTest::newRow("unterminated") << QByteArray(R"("abc)") << qsizetype(0) << qsizetype(-1);
    QTest::newRow("raw newline inside") << QByteArray("\"a\nb\"") << qsizetype(0) << qsizetype(-1);
}

void TestJsonSource::stringEnd()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, quote);
    QFETCH(qsizetype, end);
    QCOMPARE(JsonSource::stringEnd(json, quote), end);
    if (end > 0)
        QCOMPARE(JsonSource::decodeString(json.mid(quote, end - quote)).isEmpty(), end - quote == 2);
}

QTEST_APPLESS_MAIN(TestJsonSource)
#include "tst_jsonsource.moc"
