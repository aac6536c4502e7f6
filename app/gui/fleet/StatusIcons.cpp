#include "fleet/StatusIcons.h"

#include <QHash>

namespace relayfleet::gui {

namespace {

// The file names under resources/icons/status (SVG sources, PNGs rendered by tools/render-icons).
QString baseName(DeviceStatus::State state)
{
    switch (state) {
    case DeviceStatus::State::Online:
        return QStringLiteral("online");
    case DeviceStatus::State::Stale:
        return QStringLiteral("stale");
    case DeviceStatus::State::Offline:
        return QStringLiteral("offline");
    case DeviceStatus::State::Unregistered:
        return QStringLiteral("unregistered");
    case DeviceStatus::State::Invalid:
        return QStringLiteral("invalid");
    }
    return QStringLiteral("invalid");
}

} // namespace

QIcon StatusIcons::icon(DeviceStatus::State state)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(state);
    if (!cache.contains(key)) {
        QIcon icon;
        for (int size : {16, 24, 32, 48}) {
            icon.addFile(QStringLiteral(":/icons/status/%1-%2.png").arg(baseName(state)).arg(size),
                         QSize(size, size));
        }
        cache.insert(key, icon);
    }
    return cache.value(key);
}

QIcon StatusIcons::appIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/relayfleet.png").arg(size),
                     QSize(size, size));
    }
    return icon;
}

} // namespace relayfleet::gui
