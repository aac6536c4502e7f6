#pragma once

#include "fleet/DeviceStatus.h"
#include "fleet/FleetAlerts.h"

#include <QList>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace relayfleet::gui {

// The window's alerts: a device unreachable for longer than the user allows, and back (core
// FleetAlerts over each refresh's statuses), told as a notification from the tray / menu-bar
// icon, which stays while the window is closed so that the refreshes and their alerts go on.
// Where the desktop has no tray (a bare X server, offscreen) the alerts still reach the status
// bar through alerted().
class AlertNotifier : public QObject
{
    Q_OBJECT

public:
    // `offlineSeconds`: how long a device may be unreachable before it is told; 0 tells nothing.
    AlertNotifier(int offlineSeconds, QObject *parent = nullptr);
    ~AlertNotifier() override;

    void setOfflineAfterSeconds(int seconds);
    // One relay's statuses from a refresh.
    void relayScanned(const QString &relay, const QList<DeviceStatus> &statuses);
    // Forgets what it followed (another home is shown).
    void reset();

    // Whether closing the window leaves the program running in the tray.
    bool keepsRunning() const;
    const QList<FleetAlerts::Event> &told() const { return m_told; }

Q_SIGNALS:
    void alerted(const QString &text);
    void showWindowRequested();
    void quitRequested();

private:
    int m_offlineSeconds;
    FleetAlerts m_alerts;
    QList<FleetAlerts::Event> m_told; // the last 200
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
};

} // namespace relayfleet::gui
