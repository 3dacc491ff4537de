#include "gateway/TestMatrixModel.h"

#include "gateway/SimulationPanel.h"

#include <QFont>

namespace jwb::ui {

TestMatrixModel::TestMatrixModel(QObject *parent) : QAbstractTableModel(parent) { }

void TestMatrixModel::setCases(const QList<krakend::TestTokenCase> &cases)
{
    beginResetModel();
    m_cases = cases;
    endResetModel();
}

void TestMatrixModel::setCase(int row, const krakend::TestTokenCase &c)
{
    if (row < 0 || row >= m_cases.size())
        return;
    m_cases[row] = c;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int TestMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cases.size());
}

int TestMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const krakend::TestTokenCase &c = m_cases.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CaseColumn:
            return c.title;
        case StatusColumn:
            return c.stoppingCheck.isEmpty()
                ? SimulationPanel::statusText(c.expectedStatus)
                : QStringLiteral("%1 (%2)").arg(SimulationPanel::statusText(c.expectedStatus), c.stoppingCheck);
        case DescriptionColumn:
            return c.description;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return c.expectedReason;
        return c.description;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return SimulationPanel::statusColor(c.expectedStatus, m_palette);
        return {};
    case Qt::FontRole:
        if (index.column() == StatusColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case TokenRole:
        return c.token;
    case CaseIdRole:
        return c.id;
    case StatusRole:
        return c.expectedStatus;
    default:
        return {};
    }
}

QVariant TestMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CaseColumn:
        return tr("Case");
    case StatusColumn:
        return tr("Expected status");
    case DescriptionColumn:
        return tr("What the token tests");
    default:
        return {};
    }
}

} // namespace jwb::ui
