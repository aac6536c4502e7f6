#pragma once

#include <QStyledItemDelegate>

namespace relayfleet::gui {

// Draws the status column with its icon (the model stays free of Widgets and icons).
class FleetStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace relayfleet::gui
