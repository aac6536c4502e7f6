#pragma once

#include "fleet/DeviceStatus.h"

#include <QIcon>

namespace relayfleet::gui {

// The icon of each device state: a coloured shape that stays readable at any size and in both
// light and dark themes (a dark outline), and differs by shape too for colour-blind users; and
// the application's icon. Both come from resources/icons.
class StatusIcons
{
public:
    static QIcon icon(DeviceStatus::State state);
    static QIcon appIcon();
};

} // namespace relayfleet::gui
