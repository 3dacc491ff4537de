#include "common/ChecksModel.h"

#include "common/Theme.h"

#include <QFont>
#include <QGuiApplication>
#include <QTreeView>

namespace jwb::ui {

using common::Outcome;

namespace {

QColor passColor(const QPalette &palette)
{
    return Theme::isDark(palette) ? QColor(0x7e, 0xe2, 0xa8) : QColor(0x1a, 0x7f, 0x37);
}

QFont boldFont()
{
    QFont bold;
    bold.setBold(true);
    return bold;
}

} // namespace

ChecksModel::ChecksModel(QObject *parent) : QAbstractItemModel(parent), m_palette(QGuiApplication::palette())
{
    for (const auto severity : {common::Severity::Info, common::Severity::Warning, common::Severity::Error})
        m_icons[static_cast<int>(severity)] = Theme::severityIcon(severity);
}

void expandStepRows(QTreeView *view)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ChecksModel::KindRole).value<ChecksModel::RowKind>() == ChecksModel::RowKind::Step)
            view->setExpanded(index, true);
    }
}

QString ChecksModel::stepTitle(int step)
{
    switch (step) {
    case 0:
        return tr("Startup");
    case 1:
        return tr("Token");
    case 6:
        return tr("Registered claims");
    default:
        return QString();
    }
}

void ChecksModel::setChecks(const QList<common::Check> &checks, int stoppedAt, const common::Findings &findings)
{
    beginResetModel();
    m_checks = checks;
    m_stoppedAt = stoppedAt >= 0 && stoppedAt < checks.size() ? stoppedAt : -1;
    m_findings = findings;
    rebuild();
    endResetModel();
}

void ChecksModel::clear()
{
    beginResetModel();
    m_checks.clear();
    m_stoppedAt = -1;
    m_findings.clear();
    rebuild();
    endResetModel();
}

void ChecksModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_nodes.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    for (int top : std::as_const(m_top))
        if (!m_nodes[top].children.isEmpty()) {
            const QModelIndex parent = indexOfNode(top, 0);
            Q_EMIT dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, ColumnCount - 1, parent));
        }
}

int ChecksModel::addNode(Node node)
{
    QList<int> &siblings = node.parent < 0 ? m_top : m_nodes[node.parent].children;
    node.row = static_cast<int>(siblings.size());
    const int id = static_cast<int>(m_nodes.size());
    siblings.append(id);
    m_nodes.append(node);
    return id;
}

void ChecksModel::rebuild()
{
    m_nodes.clear();
    m_top.clear();
    m_nodeOfCheck.clear();
    int group = -1;
    for (int i = 0; i < m_checks.size(); ++i) {
        const int step = m_checks[i].step;
        int sameStep = 0;
        for (const auto &other : std::as_const(m_checks))
            sameStep += other.step == step ? 1 : 0;
        int parent = -1;
        if (sameStep > 1) {
            if (group < 0 || m_nodes[group].step != step)
                group = addNode(Node {RowKind::Step, -1, step, -1, 0, {}, false});
            parent = group;
        }
        m_nodeOfCheck.append(addNode(Node {RowKind::Check, i, step, parent, 0, {}, i == m_stoppedAt}));
        if (i == m_stoppedAt && parent >= 0)
            m_nodes[parent].stopped = true;
    }
    if (!m_findings.isEmpty()) {
        const int findings = addNode(Node {RowKind::Findings, -1, 0, -1, 0, {}, false});
        for (int i = 0; i < m_findings.size(); ++i)
            addNode(Node {RowKind::Finding, i, 0, findings, 0, {}, false});
    }
}

const ChecksModel::Node *ChecksModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= quintptr(m_nodes.size()))
        return nullptr;
    return &m_nodes[static_cast<int>(index.internalId())];
}

QModelIndex ChecksModel::indexOfNode(int node, int column) const
{
    return node >= 0 && node < m_nodes.size() ? createIndex(m_nodes[node].row, column, quintptr(node)) : QModelIndex();
}

const common::Check *ChecksModel::checkAt(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node && node->kind == RowKind::Check ? &m_checks[node->item] : nullptr;
}

QModelIndex ChecksModel::indexOfCheck(int checkIndex, int column) const
{
    return checkIndex >= 0 && checkIndex < m_nodeOfCheck.size() ? indexOfNode(m_nodeOfCheck[checkIndex], column)
                                                                : QModelIndex();
}

QModelIndex ChecksModel::indexOfCheck(common::CheckName name, int column) const
{
    for (int i = 0; i < m_checks.size(); ++i)
        if (m_checks[i].name == name)
            return indexOfCheck(i, column);
    return QModelIndex();
}

QModelIndex ChecksModel::stoppedIndex(int column) const
{
    return indexOfCheck(m_stoppedAt, column);
}

QModelIndex ChecksModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return QModelIndex();
    if (!parent.isValid())
        return row < m_top.size() ? indexOfNode(m_top[row], column) : QModelIndex();
    const Node *node = nodeAt(parent);
    if (!node || parent.column() != 0 || row >= node->children.size())
        return QModelIndex();
    return indexOfNode(node->children[row], column);
}

QModelIndex ChecksModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeAt(child);
    return node && node->parent >= 0 ? indexOfNode(node->parent, 0) : QModelIndex();
}

int ChecksModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_top.size());
    const Node *node = nodeAt(parent);
    return node && parent.column() == 0 ? static_cast<int>(node->children.size()) : 0;
}

int ChecksModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case StepColumn:
        return tr("Step");
    case NameColumn:
        return tr("Check");
    case OutcomeColumn:
        return tr("Result");
    case DetailColumn:
        return tr("Detail");
    default:
        return QVariant();
    }
}

QVariant ChecksModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return QVariant();
    if (role == KindRole)
        return QVariant::fromValue(node->kind);
    if (role == StoppedRole)
        return node->stopped;
    switch (node->kind) {
    case RowKind::Check:
        return checkData(*node, index.column(), role);
    case RowKind::Step:
    case RowKind::Findings:
        return groupData(*node, index.column(), role);
    case RowKind::Finding:
        return findingData(*node, index.column(), role);
    }
    return QVariant();
}

QString ChecksModel::outcomeText(const common::Check &check, bool stopped) const
{
    if (stopped && check.status < 0) // krakend::kNotStarted: no HTTP status
        return tr("✗ FAIL — stops here (KrakenD would not start)");
    if (stopped)
        return tr("✗ FAIL — stops here (%1)").arg(check.status);
    if (check.wouldAlsoFail)
        return tr("– skip — would also fail (%1)").arg(check.status);
    switch (check.outcome) {
    case Outcome::Pass:
        return tr("✓ ok");
    case Outcome::Fail:
        return tr("✗ FAIL");
    case Outcome::Skip:
        return tr("– skip");
    }
    return QString();
}

QVariant ChecksModel::checkData(const Node &node, int column, int role) const
{
    const common::Check &check = m_checks[node.item];
    switch (role) {
    case Qt::DisplayRole:
        if (column == StepColumn)
            return check.step;
        if (column == NameColumn)
            return check.nameText();
        if (column == OutcomeColumn)
            return outcomeText(check, node.stopped);
        return check.detail;
    case Qt::ToolTipRole:
        return column == DetailColumn ? QVariant(check.detail) : QVariant();
    case Qt::ForegroundRole:
        if (column != OutcomeColumn)
            return QVariant();
        if (check.wouldAlsoFail && !node.stopped)
            return Theme::severityColor(common::Severity::Warning, m_palette);
        if (check.failed())
            return Theme::severityColor(common::Severity::Error, m_palette);
        return check.ok() ? passColor(m_palette) : m_palette.color(QPalette::PlaceholderText);
    case Qt::BackgroundRole:
        return node.stopped ? QVariant(Theme::severityBackground(common::Severity::Error, m_palette)) : QVariant();
    case Qt::FontRole:
        return node.stopped || (check.failed() && column == OutcomeColumn) ? QVariant(boldFont()) : QVariant();
    case OutcomeRole:
        return QVariant::fromValue(check.outcome);
    case NameRole:
        return QVariant::fromValue(check.name);
    case StatusRole:
        return check.status;
    case WouldAlsoFailRole:
        return check.wouldAlsoFail;
    case StepRole:
        return check.step;
    default:
        return QVariant();
    }
}

QVariant ChecksModel::groupData(const Node &node, int column, int role) const
{
    const bool findings = node.kind == RowKind::Findings;
    switch (role) {
    case Qt::DisplayRole:
        if (findings)
            return column == NameColumn   ? QVariant(tr("Config findings"))
                : column == OutcomeColumn ? QVariant(static_cast<int>(m_findings.size()))
                                          : QVariant();
        if (column == StepColumn)
            return node.step;
        if (column == NameColumn)
            return stepTitle(node.step).isEmpty() ? tr("Step %1").arg(node.step) : stepTitle(node.step);
        return QVariant();
    case Qt::ForegroundRole:
        return node.stopped && column == NameColumn ? QVariant(Theme::severityColor(common::Severity::Error, m_palette))
                                                    : QVariant();
    case Qt::FontRole:
        return node.stopped && column == NameColumn ? QVariant(boldFont()) : QVariant();
    case StepRole:
        return findings ? QVariant() : QVariant(node.step);
    default:
        return QVariant();
    }
}

QVariant ChecksModel::findingData(const Node &node, int column, int role) const
{
    const common::Finding &f = m_findings[node.item];
    const QString detail = f.subject.isEmpty() ? f.message : QStringLiteral("%1: %2").arg(f.subject, f.message);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return f.code;
        if (column == OutcomeColumn)
            return Theme::severityLabel(f.severity);
        return column == DetailColumn ? QVariant(detail) : QVariant();
    case Qt::ToolTipRole:
        return column == DetailColumn ? QVariant(detail) : QVariant();
    case Qt::ForegroundRole:
        return column == OutcomeColumn ? QVariant(Theme::severityColor(f.severity, m_palette)) : QVariant();
    case Qt::DecorationRole:
        return column == OutcomeColumn ? QVariant(m_icons[static_cast<int>(f.severity)]) : QVariant();
    default:
        return QVariant();
    }
}

} // namespace jwb::ui
