#include "gateway/LintModel.h"

#include "common/Theme.h"

#include <QGuiApplication>

#include <algorithm>

namespace jwb::ui {

using common::Severity;

LintModel::LintModel(QObject *parent) : QAbstractTableModel(parent), m_palette(QGuiApplication::palette())
{
    // Icons are rendered once: data() is called on every paint.
    m_icons[0] = Theme::severityIcon(Severity::Info);
    m_icons[1] = Theme::severityIcon(Severity::Warning);
    m_icons[2] = Theme::severityIcon(Severity::Error);
}

void LintModel::setItems(const QList<krakend::LintItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int LintModel::count(Severity severity) const
{
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(),
        [severity](const krakend::LintItem &i) { return i.finding.severity == severity; }));
}

void LintModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

int LintModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int LintModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LintModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const krakend::LintItem &item = m_items.at(index.row());
    const common::Finding &f = item.finding;
    switch (role) {
    case EndpointIndexRole:
        return item.endpoint;
    case CodeRole:
        return f.code;
    case SeverityRole:
        return static_cast<int>(f.severity);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)\n%3\n%4")
            .arg(Theme::severityLabel(f.severity), f.code, item.location, f.message);
    default:
        break;
    }
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole)
            return Theme::severityLabel(f.severity);
        if (role == Qt::DecorationRole)
            return m_icons[static_cast<int>(f.severity)];
        if (role == Qt::ForegroundRole)
            return Theme::severityColor(f.severity, m_palette);
        break;
    case LocationColumn:
        if (role == Qt::DisplayRole)
            return item.location;
        break;
    case OptionColumn:
        if (role == Qt::DisplayRole)
            return f.subject;
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole)
            return f.message;
        break;
    default:
        break;
    }
    return {};
}

QVariant LintModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char *const names[] = {"Severity", "Where", "Option", "Finding"};
    return QString::fromLatin1(names[section]);
}

} // namespace jwb::ui
