#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPalette>
#include <QString>

namespace jwb::ui {

/// One row per endpoint of a krakend.json: endpoint, method, and (once simulated) status, stopping check and
/// reason. Rows exist from setEndpoints(); results arrive one by one with setResult().
class EndpointMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EndpointColumn, MethodColumn, StatusColumn, StopColumn, ReasonColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, EndpointIndexRole };

    struct Row
    {
        int endpointIndex = -1; ///< index in root["endpoints"]
        QString endpoint;
        QString method;
        bool hasValidator = false;
        bool done = false;
        int status = 0;
        QString stoppingCheck;
        QString reason;
        bool withoutKeys = false; ///< not simulated: its key ring source is still fetching or has no keys
    };

    explicit EndpointMatrixModel(QObject *parent = nullptr);

    void setEndpoints(const QList<Row> &rows);
    void setResult(int row, int status, const QString &stoppingCheck, const QString &reason);
    /// The row was not simulated because its keys are not there (`reason` says why).
    void setWithoutKeys(int row, const QString &reason);
    /// Marks every row pending again (a new run starts).
    void resetResults();
    void setPalette(const QPalette &palette) { m_palette = palette; }

    [[nodiscard]] const Row &rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int doneCount() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
    QPalette m_palette;
};

} // namespace jwb::ui
