#include "fleet/FleetStatusDelegate.h"

#include "fleet/FleetModel.h"
#include "fleet/StatusIcons.h"

namespace relayfleet::gui {

void FleetStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->icon = StatusIcons::icon(
        static_cast<DeviceStatus::State>(index.data(FleetModel::StateRole).toInt()));
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace relayfleet::gui
