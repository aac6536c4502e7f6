#include "fleet/FleetFilterModel.h"

#include "fleet/FleetModel.h"

#include <QDateTime>

namespace relayfleet {

FleetFilterModel::FleetFilterModel(QObject *parent)
    : RowFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void FleetFilterModel::setSearchText(const QString &text)
{
    changeRowFilter([&] { m_search = text.trimmed(); });
}

void FleetFilterModel::setLabel(const QString &label)
{
    changeRowFilter([&] { m_label = label; });
}

bool FleetFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() != FleetModel::OfflineSince) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const QDateTime a = left.data(Qt::EditRole).toDateTime();
    const QDateTime b = right.data(Qt::EditRole).toDateTime();
    if (a.isValid() != b.isValid()) {
        return a.isValid();
    }
    return a.isValid() && a < b;
}

bool FleetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_label.isEmpty()) {
        const QStringList labels =
            model->index(sourceRow, 0, sourceParent).data(FleetModel::LabelsRole).toStringList();
        if (!labels.contains(m_label)) {
            return false;
        }
    }
    if (m_search.isEmpty()) {
        return true;
    }
    for (int column : {FleetModel::Name, FleetModel::Id, FleetModel::Labels, FleetModel::Relay,
                       FleetModel::Port, FleetModel::Status}) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_search, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace relayfleet
