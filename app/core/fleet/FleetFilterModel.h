#pragma once

#include "compat/QtCompat.h"

namespace relayfleet {

// Search (name, id, labels, relay, port) and label filter over a FleetModel, with sorting.
class FleetFilterModel : public qtcompat::RowFilterProxyModel
{
    Q_OBJECT

public:
    explicit FleetFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setLabel(const QString &label); // empty: every label

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Devices that are not offline sort after every offline one (longest gone first).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    QString m_label;
};

} // namespace relayfleet
