#pragma once

#include "common/Result.h"
#include "krakend/ConfigEditor.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

class QWidget;

namespace jwb::ui {

/// One undoable edit of a krakend.json: a krakend::DocumentEdit of a ConfigEditor (the whole text before and
/// after, so undo is exact to the byte). The edit is already applied when the command is pushed, so its first
/// redo() does nothing; later undo() and redo() call ConfigEditor::restore().
class DocumentEditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(jwb::ui::DocumentEditCommand)
public:
    DocumentEditCommand(krakend::ConfigEditor *editor, krakend::DocumentEdit edit);

    void undo() override;
    void redo() override;

    [[nodiscard]] const krakend::DocumentEdit &edit() const { return m_edit; }
    /// The edit in the user's words ("Edit issuer", "Add signer", "Remove endpoint GET /orders").
    [[nodiscard]] static QString label(const krakend::DocumentEdit &edit);
    /// Shows why an edit was refused (Dialogs::showError, worded with label()); returns whether it succeeded.
    static bool report(QWidget *parent, const common::Result<void> &result, const krakend::DocumentEdit &edit);

private:
    void restore(const QByteArray &text);

    QPointer<krakend::ConfigEditor> m_editor;
    krakend::DocumentEdit m_edit;
    bool m_applied = true; ///< the edit was made before the command was pushed
};

} // namespace jwb::ui
