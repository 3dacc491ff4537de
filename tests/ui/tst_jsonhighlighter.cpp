// JsonHighlighter: which format each kind of JSON token gets.

#include "common/JsonHighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using jwb::ui::JsonHighlighter;
using Kind = JsonHighlighter::Kind;

Q_DECLARE_METATYPE(JsonHighlighter::Kind)

class TestJsonHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void unformattedText();
    void darkPalette();

private:
    /// The format range covering `position` in the first block, or an empty range.
    static QTextLayout::FormatRange rangeAt(const QTextDocument &doc, int position);
};

QTextLayout::FormatRange TestJsonHighlighter::rangeAt(const QTextDocument &doc, int position)
{
    const QTextBlock block = doc.firstBlock();
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (position >= r.start && position < r.start + r.length)
            return r;
    return {};
}

void TestJsonHighlighter::formats_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<JsonHighlighter::Kind>("kind");

    QTest::newRow("key") << R"(  "alg": "RS256",)"
                         << R"("alg")" << Kind::Key;
    QTest::newRow("key before spaced colon") << R"("k"   : 1)"
                                             << R"("k")" << Kind::Key;
    QTest::newRow("string value") << R"(  "alg": "RS256",)"
                                  << R"("RS256")" << Kind::String;
    QTest::newRow("escaped quote stays in string") << R"("a": "say \"hi\": ok")"
                                                   << R"("say \"hi\": ok")" << Kind::String;
    QTest::newRow("integer") << R"("exp": 4102444800,)" << QStringLiteral("4102444800") << Kind::Number;
    QTest::newRow("negative exponent") << R"("x": -1.5e-3)" << QStringLiteral("-1.5e-3") << Kind::Number;
    QTest::newRow("true") << R"("ok": true)" << QStringLiteral("true") << Kind::Keyword;
    QTest::newRow("null") << R"([null, false])" << QStringLiteral("null") << Kind::Keyword;
    QTest::newRow("brace") << QStringLiteral("{") << QStringLiteral("{") << Kind::Punctuation;
    QTest::newRow("string in array") << R"(  "api.example.com")"
                                     << R"("api.example.com")" << Kind::String;
}

void TestJsonHighlighter::formats()
{
    QFETCH(QString, line);
    QFETCH(QString, needle);
    QFETCH(JsonHighlighter::Kind, kind);

    QTextDocument doc;
    JsonHighlighter highlighter(&doc);
    doc.setPlainText(line);
    highlighter.rehighlight();
    const int start = static_cast<int>(line.indexOf(needle));
    QVERIFY(start >= 0);
    const QTextLayout::FormatRange range = rangeAt(doc, start);
    QCOMPARE(range.start, start);
    QCOMPARE(range.length, needle.size());
    QCOMPARE(range.format.foreground().color(), highlighter.format(kind).foreground().color());
}

void TestJsonHighlighter::unformattedText()
{
    QTextDocument doc;
    JsonHighlighter highlighter(&doc);
    doc.setPlainText(QStringLiteral("not json at all"));
    highlighter.rehighlight();
    QVERIFY(doc.firstBlock().layout()->formats().isEmpty());
}

void TestJsonHighlighter::darkPalette()
{
    QTextDocument doc;
    JsonHighlighter highlighter(&doc);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    highlighter.setPalette(light);
    const QColor onLight = highlighter.format(Kind::Key).foreground().color();
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    highlighter.setPalette(dark);
    const QColor onDark = highlighter.format(Kind::Key).foreground().color();
    QVERIFY(onDark.lightness() > onLight.lightness());
}

QTEST_MAIN(TestJsonHighlighter)
#include "tst_jsonhighlighter.moc"
