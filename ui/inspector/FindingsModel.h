#pragma once

#include "common/Finding.h"
#include "jose/Inspection.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QIcon>

namespace jwb::ui {

/// What core found about a token, as a table: severity (icon, colour, word), message and stable code.
///
/// The parse issues of an incomplete token come first (they are errors: the token could not be decoded),
/// followed by Inspection::findings in core's order and then the token profile's findings (RFC 9068, RFC 9449,
/// cnf). The model only maps severities to icons and colours.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, MessageColumn, CodeColumn, ColumnCount };
    enum Role {
        CodeRole = Qt::UserRole + 1, ///< stable snake_case code, e.g. "alg_none"
        SeverityRole, ///< int(common::Severity)
        SubjectRole, ///< claim or header name the finding is about, may be empty
    };

    explicit FindingsModel(QObject *parent = nullptr);

    /// The inspection's parse issues and findings, then `profileFindings` (validation::TokenProfiles).
    void setInspection(const jose::Inspection &inspection, const common::Findings &profileFindings = {});
    void clear();

    [[nodiscard]] const common::Findings &items() const { return m_items; }
    [[nodiscard]] QStringList codes() const;
    [[nodiscard]] int count(common::Severity severity) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    common::Findings m_items;
    QFont m_monospace;
};

} // namespace jwb::ui
