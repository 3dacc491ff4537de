#include "inspector/ClaimsModel.h"

#include "common/JsonSource.h"
#include "common/JsonText.h"
#include "common/LongText.h"
#include "common/Theme.h"

#include <QGuiApplication>
#include <QPalette>

namespace jwb::ui {

namespace {

/// A table cell is not the place for a whole document; the JSON views show more.
constexpr qsizetype kMaxValueLength = 1000;

QString localTimeText(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

/// "2100-01-01 01:00:00 CET · 2100-01-01T00:00:00Z", or only the UTC form where local time is UTC.
QString instantText(const jose::TimeClaim &t)
{
    if (t.utc.toLocalTime().offsetFromUtc() == 0)
        return t.iso;
    return QStringLiteral("%1  \u00b7  %2").arg(localTimeText(t.utc), t.iso);
}

} // namespace

ClaimsModel::ClaimsModel(Part part, QObject *parent)
    : QAbstractTableModel(parent), m_part(part), m_monospace(Theme::monospaceFont())
{ }

void ClaimsModel::setInspection(const jose::Inspection &inspection)
{
    const jose::Token &token = inspection.token;
    QList<Row> rows;
    QJsonObject object;
    const jose::Segment *segment = nullptr;
    if (m_part == Part::Header && token.headerOk) {
        object = token.header;
        segment = token.segment(jose::SegmentRole::Header);
    } else if (m_part == Part::Payload && token.payloadIsJson) {
        object = token.payload;
        segment = token.segment(jose::SegmentRole::Payload);
    }
    const jose::SdJwt &sd = inspection.sdJwt;
    const bool disclosed = m_part == Part::Payload && token.isSdJwt() && sd.hashAlgSupported;
    if (disclosed)
        object = sd.disclosedPayload;
    if (segment) {
        QStringList names = common::JsonSource::topLevelNames(segment->decoded);
        // The disclosed claims follow the always-visible ones, in the order of their Disclosures.
        if (disclosed)
            for (const jose::SdDisclosure &d : sd.disclosures)
                if (!d.path.isEmpty() && !d.path.contains(u'.') && !d.path.contains(u'[') && !names.contains(d.name))
                    names.append(d.name);
        // Anything the scan missed still gets a row, after the ordered ones.
        for (const QString &key : object.keys())
            if (!names.contains(key))
                names.append(key);
        for (const QString &name : std::as_const(names)) {
            if (!object.contains(name))
                continue;
            Row row;
            row.name = name;
            row.value = object.value(name);
            const QString full = row.value.isString() ? row.value.toString() : common::JsonText::compact(row.value);
            row.valueText = LongText::elide(full, kMaxValueLength).text();
            row.meaning
                = m_part == Part::Header ? jose::Claims::describeHeader(name) : jose::Claims::describeClaim(name);
            if (m_part == Part::Payload) {
                for (const jose::TimeClaim &t : inspection.times)
                    if (t.name == name)
                        row.time = t;
            }
            if (disclosed) {
                QStringList parts;
                for (const jose::SdDisclosure &d : sd.disclosures) {
                    if (d.path == name)
                        parts << tr("disclosed by Disclosure %1").arg(d.index);
                    else if (d.path.startsWith(name + u'.') || d.path.startsWith(name + u'['))
                        parts << tr("%1 disclosed by Disclosure %2").arg(d.path).arg(d.index);
                }
                row.disclosure = parts.join(QStringLiteral("; "));
            }
            for (const common::Finding &f : inspection.findings) {
                if (f.subject != name)
                    continue;
                if (!row.severity || static_cast<int>(f.severity) > static_cast<int>(*row.severity))
                    row.severity = f.severity;
                row.findingMessages.append(f.message);
            }
            rows.append(row);
        }
    }

    bool sameNames = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameNames && i < rows.size(); ++i)
        sameNames = rows[i].name == m_rows[i].name;
    if (sameNames) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ClaimsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ClaimsModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int ClaimsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClaimsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClaimsModel::displayValue(const Row &row) const
{
    if (!row.time)
        return row.valueText;
    const jose::TimeClaim &t = *row.time;
    return QStringLiteral("%1  (%2)\n%3").arg(row.valueText, t.summary, instantText(t));
}

QString ClaimsModel::toolTip(const Row &row, int column) const
{
    QStringList lines;
    if (column == ValueColumn && row.time) {
        const jose::TimeClaim &t = *row.time;
        lines << QStringLiteral("%1 (%2)").arg(t.summary, t.relative) << tr("Local: %1").arg(localTimeText(t.utc))
              << tr("UTC: %1").arg(t.iso) << tr("Unix: %1").arg(t.unix);
    } else if (column == ValueColumn) {
        lines << row.valueText;
    } else if (column == MeaningColumn) {
        lines << row.meaning;
    }
    if (!row.disclosure.isEmpty())
        lines << tr("SD-JWT: %1").arg(row.disclosure);
    if (column == NameColumn || column == ValueColumn)
        lines << row.findingMessages;
    lines.removeAll(QString());
    return lines.join(u'\n');
}

QVariant ClaimsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return row.name;
        if (column == ValueColumn)
            return displayValue(row);
        if (!row.disclosure.isEmpty())
            return tr("Selectively disclosed (%1). %2")
                .arg(row.disclosure,
                    row.meaning.isEmpty() ? tr("Not a registered claim: its meaning is up to the issuer.")
                                          : row.meaning);
        if (row.meaning.isEmpty())
            return m_part == Part::Header ? tr("Not a registered header parameter.")
                                          : tr("Not a registered claim: its meaning is up to the issuer.");
        return row.meaning;
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DecorationRole:
        if (column != NameColumn || !row.severity)
            return {};
        return Theme::severityIcon(*row.severity);
    case Qt::ForegroundRole:
        if (column == NameColumn && !row.disclosure.isEmpty())
            return QGuiApplication::palette().brush(QPalette::Link);
        if (column == MeaningColumn)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        if (column == ValueColumn && row.severity && *row.severity != common::Severity::Info)
            return Theme::severityColor(*row.severity, QGuiApplication::palette());
        return {};
    case Qt::FontRole:
        if (column == NameColumn || column == ValueColumn)
            return m_monospace;
        if (row.meaning.isEmpty()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        return (Qt::AlignLeft | Qt::AlignVCenter).toInt();
    case NameRole:
        return row.name;
    case JsonRole:
        return common::JsonText::compact(row.value);
    case RelativeRole:
        return row.time ? row.time->summary : QString();
    case UnixTimeRole:
        return row.time ? QVariant(row.time->unix) : QVariant();
    case SeverityRole:
        return row.severity ? QVariant(static_cast<int>(*row.severity)) : QVariant();
    case DisclosedRole:
        return !row.disclosure.isEmpty();
    default:
        return {};
    }
}

QVariant ClaimsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return m_part == Part::Header ? tr("Parameter") : tr("Claim");
    case ValueColumn:
        return tr("Value");
    case MeaningColumn:
        return tr("Meaning");
    default:
        return {};
    }
}

} // namespace jwb::ui
