#pragma once

#include "DeviceStatus.h"

#include <QIcon>

namespace relayfleet::gui {

// The icon of each device state: a coloured disc that stays readable at any size and in both
// light and dark themes (a dark outline), and differs by shape too for colour-blind users.
class StatusIcons
{
public:
    static QIcon icon(DeviceStatus::State state);
};

} // namespace relayfleet::gui
