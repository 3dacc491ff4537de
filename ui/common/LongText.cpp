#include "common/LongText.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>

namespace jwb::ui {

LongText LongText::elide(const QString &text, qsizetype maxLine)
{
    LongText out;
    const qsizetype keepHead = maxLine * 3 / 4;
    const qsizetype keepTail = maxLine / 8;
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const qsizetype length = lineEnd - lineStart;
        if (length > maxLine) {
            const qsizetype removed = length - keepHead - keepTail;
            // No quotes or brackets in the marker, so JSON highlighting around it stays intact.
            const int hidden = static_cast<int>(removed);
            const QString marker
                = QCoreApplication::translate("jwb::ui::LongText", " … %Ln character(s) not shown … ", nullptr, hidden);
            out.m_text += QStringView(text).mid(lineStart, keepHead);
            out.m_text += marker;
            out.m_text += QStringView(text).mid(lineEnd - keepTail, keepTail);
            out.m_cuts.append(Cut {lineStart + keepHead, removed, marker.size()});
        } else {
            out.m_text += QStringView(text).mid(lineStart, length);
        }
        if (lineEnd < text.size())
            out.m_text += u'\n';
        lineStart = lineEnd + 1;
    }
    return out;
}

void LongText::fitAnyWidth(QLabel *label)
{
    label->setWordWrap(true);
    // An explicit minimum width wins over the label's minimum size hint (its longest word) in every layout.
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 8);
}

qsizetype LongText::map(qsizetype position) const
{
    qsizetype shift = 0;
    for (const Cut &cut : m_cuts) {
        if (position < cut.start)
            break;
        if (position < cut.start + cut.removed)
            return cut.start + shift;
        shift += cut.marker - cut.removed;
    }
    return position + shift;
}

} // namespace jwb::ui
