#pragma once

#include "krakend/TestTokens.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace jwb::ui {

/// The minted test tokens of one endpoint: case, expected status (coloured), what the token tests.
class TestMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CaseColumn, StatusColumn, DescriptionColumn, ColumnCount };
    enum Role { TokenRole = Qt::UserRole + 1, CaseIdRole, StatusRole };

    explicit TestMatrixModel(QObject *parent = nullptr);

    void setCases(const QList<krakend::TestTokenCase> &cases);
    void clear() { setCases({}); }
    /// Replaces one row's case (a case minted again when it is used).
    void setCase(int row, const krakend::TestTokenCase &c);
    void setPalette(const QPalette &palette) { m_palette = palette; }
    [[nodiscard]] const krakend::TestTokenCase &caseAt(int row) const { return m_cases.at(row); }
    [[nodiscard]] const QList<krakend::TestTokenCase> &cases() const { return m_cases; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<krakend::TestTokenCase> m_cases;
    QPalette m_palette;
};

} // namespace jwb::ui
