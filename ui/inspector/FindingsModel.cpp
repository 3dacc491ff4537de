#include "inspector/FindingsModel.h"

#include "common/Theme.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace jwb::ui {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent), m_monospace(Theme::monospaceFont()) { }

void FindingsModel::setInspection(const jose::Inspection &inspection, const common::Findings &profileFindings)
{
    common::Findings items;
    for (const jose::ParseIssue &issue : inspection.token.issues) {
        QString subject;
        if (issue.segment >= 0 && issue.segment < inspection.token.segments.size())
            subject = jose::segmentRoleName(inspection.token.segments[issue.segment].role);
        items.append(common::Finding {common::Severity::Error, issue.code, subject, issue.message});
    }
    items.append(inspection.findings);
    items.append(profileFindings);
    items.append(inspection.sdJwt.problems); // SD-JWT: Disclosures against digests (empty for other tokens)
    if (items == m_items)
        return; // a time refresh that changed nothing keeps the selection
    beginResetModel();
    m_items = items;
    endResetModel();
}

void FindingsModel::clear()
{
    if (m_items.isEmpty())
        return;
    beginResetModel();
    m_items.clear();
    endResetModel();
}

QStringList FindingsModel::codes() const
{
    QStringList out;
    for (const common::Finding &f : m_items)
        out.append(f.code);
    return out;
}

int FindingsModel::count(common::Severity severity) const
{
    return static_cast<int>(std::count_if(
        m_items.begin(), m_items.end(), [&](const common::Finding &f) { return f.severity == severity; }));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const common::Finding &f = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return Theme::severityLabel(f.severity);
        case MessageColumn:
            return f.message;
        case CodeColumn:
            return f.code;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return f.subject.isEmpty() ? f.message : tr("%1\n\nAbout: %2").arg(f.message, f.subject);
        return {};
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn)
            return {};
        return Theme::severityIcon(f.severity);
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return Theme::severityColor(f.severity, QGuiApplication::palette());
        if (index.column() == CodeColumn)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (index.column() == CodeColumn)
            return m_monospace;
        if (index.column() == SeverityColumn) {
            QFont bold;
            bold.setWeight(QFont::DemiBold);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return (Qt::AlignLeft | Qt::AlignVCenter).toInt();
    case CodeRole:
        return f.code;
    case SeverityRole:
        return static_cast<int>(f.severity);
    case SubjectRole:
        return f.subject;
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Finding");
    case CodeColumn:
        return tr("Code");
    default:
        return {};
    }
}

} // namespace jwb::ui
