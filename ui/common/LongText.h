#pragma once

#include <QList>
#include <QString>

class QLabel;

namespace jwb::ui {

/// Shortens lines too long to lay out quickly. Qt's text layout is slow on a single line of hundreds of
/// kilobytes (a token carrying a whole document), and nobody reads such a line anyway; the editor keeps the
/// full token, and Copy Decoded JSON copies every character.
class LongText
{
public:
    static constexpr qsizetype kMaxLine = 4000;

    /// `text` with the middle of each line longer than `maxLine` replaced by a marker naming how much is hidden.
    [[nodiscard]] static LongText elide(const QString &text, qsizetype maxLine = kMaxLine);

    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] bool isElided() const { return !m_cuts.isEmpty(); }
    /// Where character `position` of the original text is in the shortened one (a hidden character maps to the
    /// start of its marker).
    [[nodiscard]] qsizetype map(qsizetype position) const;

    /// Makes `label` fit for text of any length (an error, a URL, a pin, a diff): it wraps, and its minimum width
    /// is a few characters instead of its longest word (or whole line), so no text it is given can make the
    /// window wider or stop it from shrinking. (A single word wider than the label is cut at its edge.)
    static void fitAnyWidth(QLabel *label);

private:
    struct Cut
    {
        qsizetype start = 0; ///< original position of the first hidden character
        qsizetype removed = 0; ///< hidden characters
        qsizetype marker = 0; ///< length of the marker that replaces them
    };
    QString m_text;
    QList<Cut> m_cuts;
};

} // namespace jwb::ui
