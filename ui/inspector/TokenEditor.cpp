#include "inspector/TokenEditor.h"

#include "common/Theme.h"

#include <QDropEvent>

#include <QHelpEvent>
#include <QMimeData>
#include <QTextBlock>
#include <QToolTip>
#include <QUrl>

#include <algorithm>

namespace jwb::ui {

TokenEditor::TokenEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("tokenEditor"));
    setAccessibleName(tr("Encoded token"));
    setFont(Theme::monospaceFont());
    setWordWrapMode(QTextOption::WrapAnywhere);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setTabChangesFocus(true);
    setPlaceholderText(tr("Paste a JWT here: a bare token, an \"Authorization: Bearer …\" header, a "
                          "cookie or a JWS JSON document. You can also drop a file."));
    document()->setDocumentMargin(8);
    // Any edit but our own replacement makes the shown text (breaks and all) the token.
    connect(document(), &QTextDocument::contentsChange, this, [this] {
        if (!m_settingText && isChunked()) {
            m_original.clear();
            m_breaks.clear();
        }
    });
}

QString TokenEditor::chunked(const QString &text, QList<qsizetype> *breaks)
{
    if (text.size() <= kChunkAbove)
        return text;
    QString out;
    out.reserve(text.size() + text.size() / kChunkColumn + 1);
    qsizetype column = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n' || c == u'\r') {
            column = 0;
        } else if (column == kChunkColumn) {
            out.append(u'\n');
            breaks->append(i);
            column = 1;
        } else {
            ++column;
        }
        out.append(c);
    }
    return out;
}

qsizetype TokenEditor::shownPosition(qsizetype position) const
{
    if (!isChunked())
        return position;
    // One more for every break shown before (or at) the position.
    return position + (std::upper_bound(m_breaks.cbegin(), m_breaks.cend(), position) - m_breaks.cbegin());
}

void TokenEditor::showChunked(const QString &text, bool undoable)
{
    QList<qsizetype> breaks;
    const QString shown = chunked(text, &breaks);
    m_settingText = true;
    if (undoable) {
        QTextCursor cursor(document());
        cursor.beginEditBlock();
        cursor.select(QTextCursor::Document);
        cursor.insertText(shown);
        cursor.endEditBlock();
    } else {
        setPlainText(shown);
    }
    m_settingText = false;
    m_original = breaks.isEmpty() ? QString() : text;
    m_breaks = breaks;
}

QString TokenEditor::tokenText() const
{
    return isChunked() ? m_original : toPlainText();
}

void TokenEditor::setToken(const QString &text)
{
    showChunked(text, false);
}

QStringList TokenEditor::localFiles(const QMimeData *source)
{
    QStringList paths;
    if (!source || !source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

bool TokenEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFiles(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void TokenEditor::insertFromMimeData(const QMimeData *source)
{
    // Pasting a file copied in a file manager opens it rather than inserting its URL.
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    // A long paste that replaces everything is a new token: shown in blocks, kept exactly (see tokenText()).
    const QTextCursor cursor = textCursor();
    const bool replacesAll = document()->isEmpty()
        || (cursor.selectionStart() == 0 && cursor.selectionEnd() == document()->characterCount() - 1);
    if (source && source->hasText() && replacesAll && source->text().size() > kChunkAbove)
        replaceText(source->text());
    else
        QPlainTextEdit::insertFromMimeData(source);
    Q_EMIT pasted();
}

void TokenEditor::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (const QStringList files = localFiles(mime); !files.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT filesDropped(files);
        return;
    }
    if (mime && mime->hasText() && event->source() != this && event->source() != viewport()) {
        // A token dragged in from elsewhere replaces what is there: tokens are not edited piecewise.
        event->acceptProposedAction();
        replaceText(mime->text());
        Q_EMIT pasted();
        return;
    }
    QPlainTextEdit::dropEvent(event);
}

void TokenEditor::replaceText(const QString &text)
{
    showChunked(text, true);
    // Back to the start without QTextCursor::movePosition, which lays out the block first.
    setTextCursor(QTextCursor(document()));
}

void TokenEditor::applyMarkup(const TokenMarkup &markup)
{
    m_markup = markup;
    rebuildSelections();
}

void TokenEditor::rebuildSelections()
{
    const QPalette pal = palette();
    QList<QTextEdit::ExtraSelection> selections;
    const int length = document()->characterCount() - 1;
    auto cursorFor = [&](qsizetype start, qsizetype count) {
        QTextCursor c(document());
        c.setPosition(static_cast<int>(std::min<qsizetype>(shownPosition(start), length)));
        c.setPosition(
            static_cast<int>(std::min<qsizetype>(shownPosition(start + count), length)), QTextCursor::KeepAnchor);
        return c;
    };
    for (const TokenMarkup::Span &span : m_markup.segments) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = cursorFor(span.start, span.length);
        sel.format.setForeground(Theme::segmentColor(span.role, pal));
        sel.format.setProperty(MarkupProperty, QStringLiteral("segment:%1").arg(jose::segmentRoleName(span.role)));
        selections.append(sel);
    }
    for (const TokenMarkup::Span &span : m_markup.wrappers) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = cursorFor(span.start, span.length);
        sel.format.setForeground(pal.color(QPalette::PlaceholderText));
        sel.format.setProperty(MarkupProperty, QStringLiteral("wrapper"));
        selections.append(sel);
    }
    for (const qsizetype dot : m_markup.separators) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = cursorFor(dot, 1);
        sel.format.setForeground(Theme::separatorColor(pal));
        sel.format.setFontWeight(QFont::Bold);
        sel.format.setProperty(MarkupProperty, QStringLiteral("separator"));
        selections.append(sel);
    }
    const QColor errorColor = Theme::severityColor(common::Severity::Error, pal);
    for (const TokenMarkup::Mark &mark : m_markup.marks) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = cursorFor(mark.start, mark.length);
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(errorColor);
        if (mark.character) {
            sel.format.setBackground(errorColor);
            sel.format.setForeground(pal.color(QPalette::Base));
            sel.format.setFontWeight(QFont::Bold);
        }
        sel.format.setProperty(
            MarkupProperty, mark.character ? QStringLiteral("error:character") : QStringLiteral("error:segment"));
        selections.append(sel);
    }
    setExtraSelections(selections);
}

bool TokenEditor::viewportEvent(QEvent *event)
{
    // Hovering a marked character explains it.
    if (event->type() == QEvent::ToolTip && !m_markup.marks.isEmpty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int pos = cursorForPosition(help->pos()).position();
        for (const TokenMarkup::Mark &mark : m_markup.marks) {
            if (pos >= shownPosition(mark.start) && pos <= shownPosition(mark.start + mark.length)) {
                QToolTip::showText(help->globalPos(), mark.message, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void TokenEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuildSelections();
}

} // namespace jwb::ui
