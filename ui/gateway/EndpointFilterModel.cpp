#include "gateway/EndpointFilterModel.h"

#include "gateway/EndpointModel.h"

namespace jwb::ui {

EndpointFilterModel::EndpointFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void EndpointFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void EndpointFilterModel::setSearchText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_search)
        return;
    m_search = t;
    invalidateFilter();
}

QString EndpointFilterModel::filterName(Filter filter)
{
    switch (filter) {
    case Filter::All:
        return QStringLiteral("all");
    case Filter::WithValidator:
        return QStringLiteral("with-validator");
    case Filter::WithoutValidator:
        return QStringLiteral("without-validator");
    case Filter::WithSigner:
        return QStringLiteral("with-signer");
    }
    return QStringLiteral("all");
}

EndpointFilterModel::Filter EndpointFilterModel::filterFromName(const QString &name)
{
    for (Filter f : {Filter::All, Filter::WithValidator, Filter::WithoutValidator, Filter::WithSigner})
        if (filterName(f) == name)
            return f;
    return Filter::All;
}

bool EndpointFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, EndpointModel::PathColumn, sourceParent);
    const bool validator = idx.data(EndpointModel::HasValidatorRole).toBool();
    const bool signer = idx.data(EndpointModel::HasSignerRole).toBool();
    switch (m_filter) {
    case Filter::All:
        break;
    case Filter::WithValidator:
        if (!validator)
            return false;
        break;
    case Filter::WithoutValidator:
        if (validator)
            return false;
        break;
    case Filter::WithSigner:
        if (!signer)
            return false;
        break;
    }
    if (m_search.isEmpty())
        return true;
    const QString path = idx.data().toString();
    const QString method = sourceModel()->index(sourceRow, EndpointModel::MethodColumn, sourceParent).data().toString();
    return path.contains(m_search, Qt::CaseInsensitive) || method.compare(m_search, Qt::CaseInsensitive) == 0
        || QString(method + u' ' + path).contains(m_search, Qt::CaseInsensitive);
}

} // namespace jwb::ui
