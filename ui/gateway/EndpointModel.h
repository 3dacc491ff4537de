#pragma once

#include "krakend/ConfigDocument.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QPalette>

namespace jwb::ui {

/// The endpoints of the open krakend.json, one row each in file order: path, method, whether an auth/validator
/// and an auth/signer are present, and the last simulated verdict (set by the simulation panel).
class EndpointModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PathColumn, MethodColumn, ValidatorColumn, SignerColumn, VerdictColumn, ColumnCount };
    enum Role {
        EndpointIndexRole = Qt::UserRole + 1, ///< int: the endpoint's index in the file
        HasValidatorRole, ///< bool
        HasSignerRole, ///< bool
        VerdictStatusRole, ///< int: HTTP status of the last simulation, 0 when none
    };

    explicit EndpointModel(QObject *parent = nullptr);

    /// Replaces the rows. Verdicts survive when the list of (path, method) pairs did not change.
    void setEndpoints(const QList<krakend::EndpointInfo> &endpoints);
    [[nodiscard]] const QList<krakend::EndpointInfo> &endpoints() const { return m_endpoints; }
    /// Records a simulated verdict (status 0 clears it).
    void setVerdict(int endpointIndex, int status, const QString &reason);
    void clearVerdicts();
    [[nodiscard]] int verdictStatus(int endpointIndex) const { return m_verdicts.value(endpointIndex).status; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Colours of the verdict column follow this palette (light or dark).
    void setPalette(const QPalette &palette);

private:
    struct Verdict
    {
        int status = 0;
        QString reason;
    };
    QList<krakend::EndpointInfo> m_endpoints;
    QHash<int, Verdict> m_verdicts;
    QPalette m_palette;
};

} // namespace jwb::ui
