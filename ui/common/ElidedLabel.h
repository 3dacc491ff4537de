#pragma once

#include <QLabel>

namespace jwb::ui {

/// A one-line label for a text that may not fit, such as a file path: it shows as much as its width allows, with
/// "…" where it cuts (in the middle by default, so a path keeps its start and its file name), and the whole text in
/// its tooltip whenever it is cut. Its size hint never asks for the whole text, so it cannot widen the window.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr, Qt::TextElideMode mode = Qt::ElideMiddle);

    /// The whole text (QLabel::text() is what is shown).
    void setFullText(const QString &text);
    [[nodiscard]] QString fullText() const { return m_full; }
    /// Shown in the tooltip after the whole text (when cut) or alone.
    void setNote(const QString &note);
    [[nodiscard]] bool isElided() const { return text() != m_full; }

    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refit();
    QString m_full;
    QString m_note;
    Qt::TextElideMode m_mode;
};

} // namespace jwb::ui
