#include "gateway/DocumentEditCommand.h"

#include "common/Dialogs.h"

#include <utility>

namespace jwb::ui {

using krakend::Block;
using krakend::EditKind;

DocumentEditCommand::DocumentEditCommand(krakend::ConfigEditor *editor, krakend::DocumentEdit edit)
    : QUndoCommand(label(edit)), m_editor(editor), m_edit(std::move(edit))
{ }

void DocumentEditCommand::undo()
{
    restore(m_edit.before);
}

void DocumentEditCommand::redo()
{
    if (std::exchange(m_applied, false))
        return;
    restore(m_edit.after);
}

void DocumentEditCommand::restore(const QByteArray &text)
{
    if (!m_editor)
        return;
    // Snapshots come from documents that parsed, so a refusal is a bug worth telling rather than hiding.
    if (auto r = m_editor->restore(text, m_edit.endpoint); !r)
        Dialogs::showError(nullptr, tr("Cannot change the configuration"), r.error().message);
}

QString DocumentEditCommand::label(const krakend::DocumentEdit &edit)
{
    switch (edit.kind) {
    case EditKind::SetOption:
        return edit.block == Block::Signer ? tr("Edit signer %1").arg(edit.subject)
            : edit.block == Block::Revoker ? tr("Edit revoker %1").arg(edit.subject)
                                           : tr("Edit %1").arg(edit.subject);
    case EditKind::AddBlock:
        return edit.block == Block::Signer ? tr("Add signer")
            : edit.block == Block::Revoker ? tr("Add revoker")
                                           : tr("Add validator");
    case EditKind::RemoveBlock:
        return edit.block == Block::Signer ? tr("Remove signer")
            : edit.block == Block::Revoker ? tr("Remove revoker")
                                           : tr("Remove validator");
    case EditKind::AddEndpoint:
        return tr("Add endpoint %1").arg(edit.subject);
    case EditKind::RemoveEndpoint:
        return tr("Remove endpoint %1").arg(edit.subject);
    case EditKind::ApplySuggestion:
        return tr("Suggest from token");
    case EditKind::RemoveByteOrderMark:
        return tr("Remove byte order mark");
    }
    return {};
}

bool DocumentEditCommand::report(QWidget *parent, const common::Result<void> &result, const krakend::DocumentEdit &edit)
{
    if (result)
        return true;
    Dialogs::showError(parent, tr("Cannot change the configuration"),
        QStringLiteral("%1: %2").arg(label(edit), result.error().message));
    return false;
}

} // namespace jwb::ui
