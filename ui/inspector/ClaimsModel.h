#pragma once

#include "common/Finding.h"
#include "jose/Inspection.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QIcon>
#include <QJsonValue>

#include <optional>

namespace jwb::ui {

/// The members of a token's header or payload as a table: name, value and what the name means.
///
/// Rows follow the order of the decoded JSON. Time claims (exp, nbf, iat) show their number, the instant in
/// local time and UTC and a relative phrase ("expires in 5 min") taken from the Inspection. A row that a
/// finding is about gets that finding's severity icon and message; the model judges nothing itself.
///
/// For an SD-JWT (RFC 9901) the payload rows are those of the Processed Payload (core's jose::SdJwt): the claims
/// the Disclosures reveal appear next to the always-visible ones, marked as disclosed (DisclosedRole, the name's
/// colour, the meaning and the tool tip name the Disclosure), and `_sd`/`_sd_alg` are not rows.
class ClaimsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Part { Header, Payload };
    enum Column { NameColumn, ValueColumn, MeaningColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1, ///< the member name (QString)
        JsonRole, ///< the value as compact JSON text
        RelativeRole, ///< time claims: "expires in 5 min"; otherwise empty
        UnixTimeRole, ///< time claims: seconds since the epoch (qint64); otherwise invalid
        SeverityRole, ///< worst finding about this member as int(Severity); invalid when none
        DisclosedRole, ///< SD-JWT: the claim, or a member inside it, was selectively disclosed (bool)
    };

    explicit ClaimsModel(Part part, QObject *parent = nullptr);

    [[nodiscard]] Part part() const { return m_part; }
    /// Shows the header or payload of `inspection`. When the same names come back (a time refresh) the rows
    /// are updated in place, so selection and scrolling survive.
    void setInspection(const jose::Inspection &inspection);
    void clear();
    /// Row of member `name`, or -1.
    [[nodiscard]] int rowOf(const QString &name) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        QJsonValue value;
        QString valueText;
        QString meaning;
        std::optional<jose::TimeClaim> time;
        std::optional<common::Severity> severity;
        QStringList findingMessages;
        QString disclosure; ///< SD-JWT: what was disclosed in this claim, in words; empty when nothing was
    };

    [[nodiscard]] QString displayValue(const Row &row) const;
    [[nodiscard]] QString toolTip(const Row &row, int column) const;

    Part m_part;
    QList<Row> m_rows;
    QFont m_monospace;
};

} // namespace jwb::ui
