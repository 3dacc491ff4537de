#include "gateway/DocumentEditCommand.h"

#include <utility>

namespace jwb::ui {

DocumentEditCommand::DocumentEditCommand(
    const QString &text, QByteArray before, QByteArray after, int endpoint, Apply apply)
    : QUndoCommand(text),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_endpoint(endpoint),
      m_apply(std::move(apply))
{ }

void DocumentEditCommand::undo()
{
    m_apply(m_before, m_endpoint);
}

void DocumentEditCommand::redo()
{
    m_apply(m_after, m_endpoint);
}

} // namespace jwb::ui
