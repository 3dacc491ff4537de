#pragma once

#include "inspector/TokenMarkup.h"

#include <QPlainTextEdit>

namespace jwb::ui {

/// The text field a token is pasted into. It colours the segments and marks the character (or segment) a parse
/// issue points at, using extra selections so that neither the document nor its undo history changes.
/// Dropping text replaces the whole content; dropping files asks the owner to open them.
class TokenEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    /// Tag stored in QTextFormat::UserProperty of each extra selection, for tests and tooltips.
    static constexpr int MarkupProperty = QTextFormat::UserProperty;

    explicit TokenEditor(QWidget *parent = nullptr);

    void applyMarkup(const TokenMarkup &markup);
    [[nodiscard]] const TokenMarkup &markup() const { return m_markup; }
    /// Replaces the whole text as one undoable edit.
    void replaceText(const QString &text);

Q_SIGNALS:
    void filesDropped(const QStringList &paths);
    /// Text was pasted (or dropped) in: decoded at once, without the typing debounce.
    void pasted();

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void dropEvent(QDropEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    [[nodiscard]] static QStringList localFiles(const QMimeData *source);
    void rebuildSelections();

    TokenMarkup m_markup;
};

} // namespace jwb::ui
