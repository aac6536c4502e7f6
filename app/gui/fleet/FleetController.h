#pragma once

#include "base/AppPaths.h"
#include "enrolment/TunnelProfile.h"
#include "exec/WarmDeviceConnections.h"
#include "fleet/DeviceStatus.h"
#include "relay/FleetAccess.h"
#include "relay/RelayConnections.h"

#include <QObject>
#include <QStringList>
#include <memory>

class QTimer;

namespace relayfleet {
class FleetModel;
class FleetRefreshJob;
class WorkerTask;
} // namespace relayfleet

namespace relayfleet::gui {

// What the window does with its fleet, without a widget: the relays' view of every device
// (refreshed now, on a timer, or with every device probed), how each action reaches the fleet
// (one relay connection per relay, the selected devices logged in ahead), a device's upgrade and
// link profile, and a change of home. The window asks the user and shows what this says; the
// tests drive it directly. All network work runs on workers.
class FleetController : public QObject
{
    Q_OBJECT

public:
    // `refreshSeconds`: how often the relays' view is refreshed; `checkMinutes`: how often every
    // device is probed (0: never).
    FleetController(AppPaths paths, int refreshSeconds, int checkMinutes,
                    QObject *parent = nullptr);
    ~FleetController() override;

    const AppPaths &paths() const { return m_paths; }
    FleetModel *model() const { return m_model; }
    RelayConnections &relayConnections() const { return *m_connections; }
    const std::shared_ptr<RelayConnections> &sharedConnections() const { return m_connections; }
    const std::shared_ptr<WarmDeviceConnections> &warmDevices() const { return m_warm; }
    // How every action reaches the fleet: the relays as saved now, the app's keys, the pinned
    // host keys and the shared relay connections.
    FleetAccess fleetAccess() const;
    std::shared_ptr<const AuditLog> auditLog() const;

    // The relays' view of their devices (nothing reaches a device); one refresh at a time.
    void refresh();
    // The same, every device confirmed by a probe (costs each one a key exchange).
    void checkDevices();
    void setCheckDevicesEvery(int minutes); // 0: never
    // Logs in ahead to a registered device that answers, so that a terminal opens at once.
    void warm(const DeviceStatus &status);

    // Brings the device's files up to this build's (core DeviceUpgrade: the device tries the
    // new runner and goes back by itself); one upgrade at a time.
    void upgrade(const DeviceStatus &status);
    bool isUpgrading() const { return m_upgradeTask != nullptr; }
    // Rewrites how the device keeps its tunnel, through the relay; refreshes once it is back.
    void changeProfile(const DeviceStatus &status, TunnelProfile::Kind kind);

    // Another home (the demo lab's): its refresh dropped, its connections and list started
    // afresh, then refreshed.
    void switchHome(AppPaths paths);

Q_SIGNALS:
    // Whether any relay is configured, known at each refresh's start.
    void relaysConfigured(bool any);
    // One relay's statuses are in the model.
    void relayScanned(const QString &relay, const QList<DeviceStatus> &statuses);
    void refreshFinished();
    // What to tell the user now (the window's status bar).
    void said(const QString &text);
    // An upgrade ended: what happened, and whether the device runs this build's files.
    void upgradeFinished(const QString &text, bool good);
    void upgradingChanged();

private:
    void startRefresh(bool probeEveryDevice);
    // Stops following the running refresh: what it still reports is dropped.
    void dropRefresh();

    AppPaths m_paths;
    // One login per relay for everything the window does; a new home starts afresh.
    std::shared_ptr<RelayConnections> m_connections = std::make_shared<RelayConnections>();
    // The selected devices, logged in ahead so that a terminal on one opens at once.
    std::shared_ptr<WarmDeviceConnections> m_warm = std::make_shared<WarmDeviceConnections>();
    FleetModel *m_model = nullptr;
    FleetRefreshJob *m_job = nullptr;
    QStringList m_failures; // the running refresh's relays that failed, and why
    QTimer *m_autoRefresh = nullptr;
    QTimer *m_autoCheck = nullptr;
    WorkerTask *m_upgradeTask = nullptr; // the running upgrade, if any
};

} // namespace relayfleet::gui
