#pragma once

#include "krakend/Linter.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QPalette>

namespace jwb::ui {

/// Every lint finding of the open krakend.json (core krakend::Linter), one row each: severity, where
/// (endpoint › block), the option concerned, and the message.
class LintModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, OptionColumn, MessageColumn, ColumnCount };
    enum Role {
        EndpointIndexRole = Qt::UserRole + 1, ///< int: the endpoint concerned, -1 for the service level
        CodeRole, ///< QString: the finding's stable code
        SeverityRole, ///< int: common::Severity
    };

    explicit LintModel(QObject *parent = nullptr);

    void setItems(const QList<krakend::LintItem> &items);
    [[nodiscard]] const QList<krakend::LintItem> &items() const { return m_items; }
    [[nodiscard]] int count(common::Severity severity) const;
    void setPalette(const QPalette &palette);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<krakend::LintItem> m_items;
    QIcon m_icons[3];
    QPalette m_palette;
};

} // namespace jwb::ui
