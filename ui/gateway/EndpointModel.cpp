#include "gateway/EndpointModel.h"

#include "common/Theme.h"
#include "krakend/Simulator.h"

#include <QGuiApplication>

namespace jwb::ui {

EndpointModel::EndpointModel(QObject *parent) : QAbstractTableModel(parent), m_palette(QGuiApplication::palette()) { }

void EndpointModel::setEndpoints(const QList<krakend::EndpointInfo> &endpoints)
{
    bool sameShape = endpoints.size() == m_endpoints.size();
    for (qsizetype i = 0; sameShape && i < endpoints.size(); ++i)
        sameShape = endpoints[i].path == m_endpoints[i].path && endpoints[i].method == m_endpoints[i].method;
    if (sameShape) {
        m_endpoints = endpoints;
        if (!m_endpoints.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_endpoints = endpoints;
    m_verdicts.clear();
    endResetModel();
}

void EndpointModel::setVerdict(int endpointIndex, int status, const QString &reason)
{
    if (endpointIndex < 0 || endpointIndex >= rowCount())
        return;
    if (status == 0)
        m_verdicts.remove(endpointIndex);
    else
        m_verdicts.insert(endpointIndex, Verdict {status, reason});
    const QModelIndex cell = index(endpointIndex, VerdictColumn);
    Q_EMIT dataChanged(cell, cell);
}

void EndpointModel::clearVerdicts()
{
    if (m_verdicts.isEmpty())
        return;
    m_verdicts.clear();
    Q_EMIT dataChanged(index(0, VerdictColumn), index(rowCount() - 1, VerdictColumn));
}

void EndpointModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

int EndpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_endpoints.size());
}

int EndpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const krakend::EndpointInfo &e = m_endpoints.at(index.row());
    const Verdict verdict = m_verdicts.value(e.index);
    switch (role) {
    case EndpointIndexRole:
        return e.index;
    case HasValidatorRole:
        return e.hasValidator;
    case HasSignerRole:
        return e.hasSigner;
    case VerdictStatusRole:
        return verdict.status;
    default:
        break;
    }
    switch (index.column()) {
    case PathColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return e.path.isEmpty() ? tr("(no path)") : e.path;
        if (role == Qt::ToolTipRole)
            return tr("endpoints[%1]: %2 %3").arg(e.index).arg(e.method, e.path);
        break;
    case MethodColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return e.method;
        break;
    case ValidatorColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return e.hasValidator ? QStringLiteral("\u2713") : QString();
        if (role == Qt::ToolTipRole)
            return e.hasValidator ? tr("Has an auth/validator block (%1)").arg(e.validatorKey)
                                  : tr("No auth/validator: KrakenD lets every request through");
        if (role == Qt::TextAlignmentRole)
            return static_cast<int>(Qt::AlignCenter);
        break;
    case SignerColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return e.hasSigner ? QStringLiteral("\u2713") : QString();
        if (role == Qt::ToolTipRole)
            return e.hasSigner ? tr("Has an auth/signer block") : tr("No auth/signer");
        if (role == Qt::TextAlignmentRole)
            return static_cast<int>(Qt::AlignCenter);
        break;
    case VerdictColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole) {
            if (verdict.status == 0)
                return QString();
            if (verdict.status == krakend::kNotStarted) // no HTTP status: the reason says "KrakenD would not start"
                return verdict.reason;
            return verdict.reason.isEmpty() ? QString::number(verdict.status)
                                            : QStringLiteral("%1 %2").arg(verdict.status).arg(verdict.reason);
        }
        if (role == Qt::ToolTipRole)
            return verdict.status == 0 ? tr("Not simulated yet")
                : verdict.status == krakend::kNotStarted
                ? tr("Last simulation: %1").arg(verdict.reason)
                : tr("Last simulation: HTTP %1 %2").arg(verdict.status).arg(verdict.reason);
        if (role == Qt::ForegroundRole && verdict.status != 0)
            return verdict.status > 0 && verdict.status < 400
                ? (Theme::isDark(m_palette) ? QColor(0x7e, 0xe2, 0xa8) : QColor(0x1a, 0x7f, 0x37))
                : Theme::severityColor(common::Severity::Error, m_palette);
        break;
    default:
        break;
    }
    return {};
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char *const names[] = {"Path", "Method", "Validator", "Signer", "Last simulation"};
    static const char *const tips[] = {"The endpoint path as written in krakend.json", "HTTP method (GET when absent)",
        "Whether the endpoint has an auth/validator block", "Whether the endpoint has an auth/signer block",
        "HTTP status and reason of the last simulated request"};
    if (role == Qt::DisplayRole)
        return QString::fromLatin1(names[section]);
    if (role == Qt::ToolTipRole)
        return QString::fromLatin1(tips[section]);
    return {};
}

} // namespace jwb::ui
