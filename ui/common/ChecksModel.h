#pragma once

#include "common/Check.h"
#include "common/Finding.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QList>
#include <QPalette>

class QTreeView;

namespace jwb::ui {

/// The checks of one verification as a tree, for the Verify tab (validation::Verifier's checks, or the simulator's
/// when judging as an endpoint) and the Gateway page's Simulate trace: one row per check in the order given,
/// checks that share a step (KrakenD's step 6: iss, aud, nbf, exp, iat) grouped under a row for that step, and,
/// when given, the config's findings under a last "Config findings" row.
///
/// The row of the check KrakenD stops at is marked (bold, error background, "stops here" with its status), as is
/// its step's row; checks after it that would fail too say so. Colours follow the palette given with setPalette.
/// The roles give the typed values, so that views and tests need not read the words.
class ChecksModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { StepColumn, NameColumn, OutcomeColumn, DetailColumn, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole + 1, ///< common::Outcome of a check row (invalid for other rows)
        NameRole, ///< common::CheckName of a check row
        StatusRole, ///< int: the HTTP status when this check stops KrakenD, 0 when none (generic checks)
        StoppedRole, ///< bool: the check where KrakenD stops, or the step row that holds it
        WouldAlsoFailRole, ///< bool: a check after the stop that would fail too
        StepRole, ///< int: the check's step (check and step rows)
        KindRole, ///< RowKind
    };
    enum class RowKind { Check, Step, Findings, Finding };
    Q_ENUM(RowKind)

    explicit ChecksModel(QObject *parent = nullptr);

    /// Shows `checks` in their order; `stoppedAt` is the index in `checks` of the check KrakenD stops at (-1:
    /// none); `findings` go under a last "Config findings" row (none: no such row).
    void setChecks(const QList<common::Check> &checks, int stoppedAt = -1, const common::Findings &findings = {});
    void clear();
    /// The palette the outcome colours are chosen for (a view's palette; it changes with the theme).
    void setPalette(const QPalette &palette);

    [[nodiscard]] const QList<common::Check> &checks() const { return m_checks; }
    [[nodiscard]] int stoppedAt() const { return m_stoppedAt; }
    /// The check shown at `index` (any column), or nullptr for a step, findings or finding row.
    [[nodiscard]] const common::Check *checkAt(const QModelIndex &index) const;
    /// The row of checks()[checkIndex] in `column`.
    [[nodiscard]] QModelIndex indexOfCheck(int checkIndex, int column = NameColumn) const;
    /// The row of the first check with this name, invalid when there is none.
    [[nodiscard]] QModelIndex indexOfCheck(common::CheckName name, int column = NameColumn) const;
    /// The row of the check KrakenD stops at, invalid when none.
    [[nodiscard]] QModelIndex stoppedIndex(int column = NameColumn) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Startup", "Token", "Registered claims" for the simulator's steps 0, 1 and 6 (others have none).
    [[nodiscard]] static QString stepTitle(int step);

private:
    struct Node
    {
        RowKind kind = RowKind::Check;
        int item = -1; ///< index in m_checks (Check) or m_findings (Finding)
        int step = 0;
        int parent = -1; ///< node index, -1 at the top
        int row = 0; ///< under its parent
        QList<int> children; ///< node indexes
        bool stopped = false;
    };

    void rebuild();
    int addNode(Node node);
    [[nodiscard]] const Node *nodeAt(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOfNode(int node, int column) const;
    [[nodiscard]] QVariant checkData(const Node &node, int column, int role) const;
    [[nodiscard]] QVariant groupData(const Node &node, int column, int role) const;
    [[nodiscard]] QVariant findingData(const Node &node, int column, int role) const;
    [[nodiscard]] QString outcomeText(const common::Check &check, bool stopped) const;

    QList<common::Check> m_checks;
    int m_stoppedAt = -1;
    common::Findings m_findings;
    QList<Node> m_nodes;
    QList<int> m_top; ///< node indexes of the top rows
    QList<int> m_nodeOfCheck; ///< node index per check
    QPalette m_palette;
    QIcon m_icons[3]; ///< per common::Severity, made once
};

/// Expands the step rows of a ChecksModel shown in `view` (the config findings stay folded), as the trace is read.
void expandStepRows(QTreeView *view);

} // namespace jwb::ui
