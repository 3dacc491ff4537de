#include "common/JsonHighlighter.h"

#include "common/Theme.h"

#include <QGuiApplication>

#include <algorithm>

namespace jwb::ui {

namespace {

bool isNumberStart(const QString &text, qsizetype i)
{
    const QChar c = text[i];
    if (c.isDigit())
        return true;
    return c == u'-' && i + 1 < text.size() && text[i + 1].isDigit();
}

/// Length of the JSON number starting at i (digits, fraction, exponent).
qsizetype numberLength(const QString &text, qsizetype i)
{
    const qsizetype start = i;
    auto digits = [&] {
        while (i < text.size() && text[i].isDigit())
            ++i;
    };
    if (text[i] == u'-')
        ++i;
    digits();
    if (i < text.size() && text[i] == u'.' && i + 1 < text.size() && text[i + 1].isDigit()) {
        ++i;
        digits();
    }
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        qsizetype j = i + 1;
        if (j < text.size() && (text[j] == u'+' || text[j] == u'-'))
            ++j;
        if (j < text.size() && text[j].isDigit()) {
            i = j;
            digits();
        }
    }
    return i - start;
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    m_key.setForeground(dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x1a, 0x4f, 0x8b));
    m_string.setForeground(dark ? QColor(0x96, 0xe0, 0x9c) : QColor(0x2b, 0x7a, 0x2e));
    m_number.setForeground(dark ? QColor(0xff, 0xb0, 0x6b) : QColor(0xb3, 0x4a, 0x00));
    m_keyword.setForeground(dark ? QColor(0xe5, 0x99, 0xf7) : QColor(0x86, 0x2e, 0x9c));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(dark ? QColor(0x90, 0x98, 0xa4) : QColor(0x6c, 0x75, 0x7d));
    rehighlight();
}

QTextCharFormat JsonHighlighter::format(Kind kind) const
{
    switch (kind) {
    case Kind::Key:
        return m_key;
    case Kind::String:
        return m_string;
    case Kind::Number:
        return m_number;
    case Kind::Keyword:
        return m_keyword;
    case Kind::Punctuation:
        break;
    }
    return m_punctuation;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text[j] != u'"')
                j += text[j] == u'\\' ? 2 : 1;
            j = std::min(j + 1, n);
            // A string followed by a colon is a member name.
            qsizetype k = j;
            while (k < n && text[k].isSpace())
                ++k;
            setFormat(static_cast<int>(i), static_cast<int>(j - i), k < n && text[k] == u':' ? m_key : m_string);
            i = j;
        } else if (isNumberStart(text, i)) {
            const qsizetype len = numberLength(text, i);
            setFormat(static_cast<int>(i), static_cast<int>(len), m_number);
            i += len;
        } else if (c.isLetter()) {
            qsizetype j = i;
            while (j < n && text[j].isLetter())
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(static_cast<int>(i), static_cast<int>(j - i), m_keyword);
            i = j;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':')
                setFormat(static_cast<int>(i), 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace jwb::ui
