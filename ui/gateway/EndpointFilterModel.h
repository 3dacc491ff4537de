#pragma once

#include <QSortFilterProxyModel>

namespace jwb::ui {

/// Filters the endpoint list by a search text (path or method, case-insensitive) and by which JWT blocks an
/// endpoint has. Sorting is by the source model's display text, except the first column keeps file order
/// for equal paths.
class EndpointFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Filter { All, WithValidator, WithoutValidator, WithSigner };

    explicit EndpointFilterModel(QObject *parent = nullptr);

    void setFilter(Filter filter);
    [[nodiscard]] Filter filter() const { return m_filter; }
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchText() const { return m_search; }

    /// "all", "with-validator", "without-validator", "with-signer" (workspace files).
    [[nodiscard]] static QString filterName(Filter filter);
    [[nodiscard]] static Filter filterFromName(const QString &name);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    QString m_search;
};

} // namespace jwb::ui
