// TokenMarkup: mapping the parser's compact offsets back onto the text the user typed.

#include "UiTestHelpers.h"

#include "inspector/TokenMarkup.h"
#include "jose/TokenParser.h"

#include <QTest>

using namespace jwb;
using ui::TokenMarkup;

class TestTokenMarkup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void segmentsFollowTheInput_data();
    void segmentsFollowTheInput();
    void jsonErrorsMarkTheSegment();
    void segmentCountErrorHasNoCharacter();
    void jsonSerializationIsNotMapped();
    void emptyInput();
};

void TestTokenMarkup::segmentsFollowTheInput_data()
{
    QTest::addColumn<QString>("input");
    const QString token = test::makeToken(R"({"alg":"HS256"})", R"({"sub":"a"})");
    QTest::newRow("bare") << token;
    QTest::newRow("bearer") << QStringLiteral("bearer  ") + token;
    QTest::newRow("cookie") << QStringLiteral("Cookie: theme=dark; session=") + token + QStringLiteral("; x=1");
    QTest::newRow("single quotes") << u'\'' + token + u'\'';
    QTest::newRow("line breaks") << token.left(10) + QStringLiteral("\r\n") + token.mid(10, 30) + QStringLiteral("\n\t")
            + token.mid(40);
    QTest::newRow("non-breaking space") << QStringLiteral("Bearer ") + token.left(5) + QChar(0x00a0) + token.mid(5);
}

void TestTokenMarkup::segmentsFollowTheInput()
{
    QFETCH(QString, input);
    const jose::Token token = jose::TokenParser::parse(input);
    const TokenMarkup markup = TokenMarkup::of(token);
    QVERIFY(markup.mapped);
    QCOMPARE(markup.segments.size(), 3);
    QCOMPARE(markup.separators.size(), 2);
    QVERIFY(markup.marks.isEmpty());
    for (qsizetype i = 0; i < 3; ++i) {
        const TokenMarkup::Span &span = markup.segments[i];
        QCOMPARE(span.role, token.segments[i].role);
        // The span, with whitespace removed, is exactly the raw segment.
        QString text = input.mid(span.start, span.length);
        text.removeIf([](QChar c) { return c.isSpace(); });
        QCOMPARE(text, QString::fromLatin1(token.segments[i].raw));
    }
    for (const qsizetype dot : markup.separators)
        QCOMPARE(input[dot], u'.');
    // Everything else that is not whitespace is wrapper.
    QString rest = input;
    for (const TokenMarkup::Span &span : markup.segments)
        rest.replace(span.start, span.length, QString(span.length, u' '));
    for (const qsizetype dot : markup.separators)
        rest[dot] = u' ';
    for (const TokenMarkup::Span &span : markup.wrappers)
        rest.replace(span.start, span.length, QString(span.length, u' '));
    QVERIFY2(rest.trimmed().isEmpty(), qPrintable(rest));
}

void TestTokenMarkup::jsonErrorsMarkTheSegment()
{
    const QString header = test::b64(R"({"alg":"HS256"})");
    const QString payload = test::b64(R"({"sub": nope})");
    const QString input = QStringLiteral("Bearer ") + header + u'.' + payload + QStringLiteral(".c2ln");
    const jose::Token token = jose::TokenParser::parse(input);
    const TokenMarkup markup = TokenMarkup::of(token);
    QCOMPARE(markup.marks.size(), 1);
    QVERIFY(!markup.marks.first().character);
    QCOMPARE(input.mid(markup.marks.first().start, markup.marks.first().length), payload);
    QVERIFY(markup.marks.first().message.contains(u"segment 2 (payload)"));
}

void TestTokenMarkup::segmentCountErrorHasNoCharacter()
{
    const jose::Token token = jose::TokenParser::parse(QStringLiteral("e30.e30")); // {} and {}: only the count is wrong
    const TokenMarkup markup = TokenMarkup::of(token);
    QVERIFY(markup.mapped);
    QVERIFY(markup.marks.isEmpty()); // the problem is the whole structure, not one character
    QCOMPARE(markup.segments.size(), 2);
}

void TestTokenMarkup::jsonSerializationIsNotMapped()
{
    const QString json = QStringLiteral(R"({"protected":"%1","payload":"%2","signature":"c2ln"})")
                             .arg(test::b64(R"({"alg":"HS256"})"), test::b64(R"({"sub":"a"})"));
    const jose::Token token = jose::TokenParser::parse(json);
    QVERIFY(token.source.startsWith(u"JWS JSON"));
    const TokenMarkup markup = TokenMarkup::of(token);
    QVERIFY(!markup.mapped);
    QVERIFY(markup.segments.isEmpty());
    QCOMPARE(TokenMarkup::inputPosition(token, 0), -1);
}

void TestTokenMarkup::emptyInput()
{
    const TokenMarkup markup = TokenMarkup::of(jose::TokenParser::parse(QStringLiteral("   ")));
    QVERIFY(!markup.mapped);
    QVERIFY(markup.marks.isEmpty());
}

QTEST_MAIN(TestTokenMarkup)
#include "tst_tokenmarkup.moc"
