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
    /// Replaces the whole text, without undo history (switching between tokens).
    void setToken(const QString &text);
    /// The token as the user gave it. Very long lines are shown broken into blocks of kChunkColumn characters
    /// (Qt lays out a block as a whole, and a one-line 1 MB token would take a third of a second at every
    /// change); the breaks are whitespace to the parser, and until the user edits the text this returns the
    /// original, exactly.
    [[nodiscard]] QString tokenText() const;
    /// Whether the text shown carries breaks that are not in the token (see tokenText()).
    [[nodiscard]] bool isChunked() const { return !m_breaks.isEmpty(); }

    static constexpr qsizetype kChunkAbove = 64 * 1024;
    static constexpr qsizetype kChunkColumn = 1024;
    /// Where character `position` of tokenText() is shown in the editor (markup is given in tokenText()'s terms).
    [[nodiscard]] qsizetype shownPosition(qsizetype position) const;

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
    /// `text` with a line break after every kChunkColumn characters of each longer line, when the text is longer
    /// than kChunkAbove; otherwise `text` itself. `breaks` receives the offsets in `text` before which a break
    /// was inserted, in order.
    [[nodiscard]] static QString chunked(const QString &text, QList<qsizetype> *breaks);
    void showChunked(const QString &text, bool undoable);

    TokenMarkup m_markup;
    QString m_original; ///< what tokenText() returns while the text is shown in blocks
    QList<qsizetype> m_breaks; ///< offsets in m_original before which a break is shown; empty when none
    bool m_settingText = false;
};

} // namespace jwb::ui
