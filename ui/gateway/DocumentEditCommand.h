#pragma once

#include <QByteArray>
#include <QUndoCommand>

#include <functional>

namespace jwb::ui {

/// One undoable edit of a krakend.json: the whole text before and after. Whole-text snapshots keep undo exact
/// (every byte, including those the edit did not model) and cost little next to a person's edit rate.
class DocumentEditCommand : public QUndoCommand
{
public:
    /// Called with the text to show and the endpoint the edit concerned (-1 for the service level).
    using Apply = std::function<void(const QByteArray &text, int endpoint)>;

    DocumentEditCommand(const QString &text, QByteArray before, QByteArray after, int endpoint, Apply apply);

    void undo() override;
    void redo() override;

    [[nodiscard]] int endpoint() const { return m_endpoint; }

private:
    QByteArray m_before;
    QByteArray m_after;
    int m_endpoint = -1;
    Apply m_apply;
};

} // namespace jwb::ui
