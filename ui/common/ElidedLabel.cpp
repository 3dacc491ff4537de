#include "common/ElidedLabel.h"

#include <QEvent>
#include <QFontMetrics>

namespace jwb::ui {

ElidedLabel::ElidedLabel(QWidget *parent, Qt::TextElideMode mode) : QLabel(parent), m_mode(mode)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_full = text;
    refit();
}

void ElidedLabel::setNote(const QString &note)
{
    m_note = note;
    refit();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("…")) * 4, QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    return {qMin(QLabel::sizeHint().width(), fontMetrics().averageCharWidth() * 40), QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    refit();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        refit();
}

void ElidedLabel::refit()
{
    const QString shown = fontMetrics().elidedText(m_full, m_mode, qMax(0, contentsRect().width()));
    if (shown != text())
        QLabel::setText(shown);
    QStringList tip;
    if (shown != m_full)
        tip << m_full;
    if (!m_note.isEmpty())
        tip << m_note;
    setToolTip(tip.join(u'\n'));
}

} // namespace jwb::ui
