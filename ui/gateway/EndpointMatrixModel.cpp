#include "gateway/EndpointMatrixModel.h"

#include "gateway/SimulationPanel.h"

#include <QFont>

namespace jwb::ui {

EndpointMatrixModel::EndpointMatrixModel(QObject *parent) : QAbstractTableModel(parent) { }

void EndpointMatrixModel::setEndpoints(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void EndpointMatrixModel::setResult(int row, int status, const QString &stoppingCheck, const QString &reason)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row &r = m_rows[row];
    r.done = true;
    r.status = status;
    r.stoppingCheck = stoppingCheck;
    r.reason = reason;
    r.withoutKeys = false;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void EndpointMatrixModel::setWithoutKeys(int row, const QString &reason)
{
    setResult(row, 0, QString(), reason);
    if (row >= 0 && row < m_rows.size())
        m_rows[row].withoutKeys = true;
}

void EndpointMatrixModel::resetResults()
{
    for (Row &r : m_rows) {
        r.done = false;
        r.status = 0;
        r.stoppingCheck.clear();
        r.reason.clear();
        r.withoutKeys = false;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int EndpointMatrixModel::doneCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.done ? 1 : 0;
    return n;
}

int EndpointMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EndpointMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EndpointColumn:
            return r.endpoint;
        case MethodColumn:
            return r.method;
        case StatusColumn:
            if (!r.done)
                return QStringLiteral("\u2026");
            return r.hasValidator ? SimulationPanel::statusText(r.status)
                                  : tr("%1 (no validator)").arg(SimulationPanel::statusText(r.status));
        case StopColumn:
            return r.done ? (r.stoppingCheck.isEmpty() ? QStringLiteral("\u2014") : r.stoppingCheck) : QString();
        case ReasonColumn:
            return r.reason;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn || index.column() == StatusColumn)
            return r.done ? r.reason : tr("Simulating…");
        if (index.column() == EndpointColumn)
            return tr("Double-click to open this endpoint in the simulator");
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && r.done)
            return SimulationPanel::statusColor(r.status, m_palette);
        return {};
    case Qt::FontRole:
        if (index.column() == StatusColumn && r.done) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case StatusRole:
        return r.done ? r.status : 0;
    case EndpointIndexRole:
        return r.endpointIndex;
    default:
        return {};
    }
}

QVariant EndpointMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EndpointColumn:
        return tr("Endpoint");
    case MethodColumn:
        return tr("Method");
    case StatusColumn:
        return tr("Status");
    case StopColumn:
        return tr("Stopping check");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace jwb::ui
