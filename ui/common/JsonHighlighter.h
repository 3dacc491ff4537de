#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace jwb::ui {

/// Colours JSON text: member names, strings, numbers, true/false/null and punctuation. It works line by line on
/// what JsonText::prettyPrint produces (a JSON string never spans lines), and degrades gracefully on text that
/// is not JSON: whatever it does not recognise keeps the default format.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Kind { Key, String, Number, Keyword, Punctuation };

    explicit JsonHighlighter(QTextDocument *document);

    /// Picks colours that suit `palette` (light or dark) and re-highlights.
    void setPalette(const QPalette &palette);
    [[nodiscard]] QTextCharFormat format(Kind kind) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
};

} // namespace jwb::ui
