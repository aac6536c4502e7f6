#pragma once

#include "base/AppPaths.h"
#include "exec/WarmDeviceConnections.h"
#include "fleet/AlertRules.h"
#include "fleet/DeviceStatus.h"
#include "relay/FleetAccess.h"
#include "relay/RelayConnections.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;
class QLineEdit;
class QTableView;

namespace relayfleet {
class FleetFilterModel;
class FleetModel;
} // namespace relayfleet

namespace relayfleet::gui {

class AlertNotifier;
class HealthHistoryLoader;
class AppSettings;
class DemoLab;
class DeviceDetailsPane;
class FleetController;
class OpenPorts;

// The fleet window: every device of every relay with its live status, search, a label
// filter and the selected device's details; terminals, overrides editors, the set-up and
// enrolment wizards and adoption start from here. What it does with the fleet is its
// FleetController's (refreshes, connections, upgrades); the window asks and shows.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppPaths paths, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The relays' view of their devices (nothing reaches a device).
    void refresh();
    // The same, every device confirmed by a probe (costs each one a key exchange).
    void checkDevices();
    // The fleet's state and actions without the window's widgets.
    FleetController &fleet() const { return *m_fleet; }
    FleetModel *fleetModel() const { return m_model; }
    const AppPaths &paths() const;
    RelayConnections &relayConnections() const;
    WarmDeviceConnections &warmDevices() const;
    // Opens a shell on the device of this fleet-model row in a new tab.
    void openTerminal(int modelRow);
    // Opens the overrides editor for this row's device, or for every device with `label`.
    void openOverrides(int modelRow, const QString &label = {});
    void openAdopt(int modelRow);
    // Device -> Upgrade device files: the selected enrolled device brought up to this build's
    // files (core DeviceUpgrade: the device tries the new runner and goes back by itself).
    void upgradeDevice(int modelRow);
    // Cellular or lan: asks which, then rewrites the device's tunnel settings through the relay.
    void changeProfile(int modelRow);
    // Files to the selected device, or to every device of the label chosen (Upload…, or
    // files dropped on a device); a file from the selected device (Download…).
    void uploadFiles(const QStringList &files);
    void downloadFile();
    // Forwards a port of the selected device here and opens it in the browser.
    void openPort();
    OpenPorts &openPorts() const { return *m_openPorts; }
    AlertNotifier &alerts() const { return *m_alerts; }
    void openKeySetup();
    // View -> Audit log: what was done to the selected device (every device when none is).
    void openAuditLog();
    void openAlertSettings();
    void openEnrol();
    // Starts the built-in demo lab and shows the fleet of its relay once it is up.
    void startDemo();
    // Shows the fleet of another home (the demo lab's): tabs closed, list emptied, refreshed.
    void switchHome(AppPaths paths);
    // The OpenSSH command for the selected device (ProxyJump, the app's pins), or an error
    // shown in the status bar.
    QString sshCommandForSelection();
    int selectedModelRow() const;
    // How every action of the window reaches the fleet: the relays as saved now, the app's
    // keys, the pinned host keys and the window's shared relay connections.
    FleetAccess fleetAccess() const;
    std::shared_ptr<const AuditLog> auditLog() const;
    // The home's alert rules (the defaults, said in the status bar, when they cannot be read).
    AlertRules loadAlertRules();

Q_SIGNALS:
    void refreshFinished();
    void demoReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildDeviceTable();
    void buildWelcomeBanner();
    void buildDetailsAndOpenPorts();
    void buildTabs();
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void updateLabelFilter();
    void updateActions();
    void showSelection();
    void warmSelection();
    void showWelcome(bool show);
    void openSystemTerminal();
    // The devices an action on "the selection" means: the selected one, else the label's.
    QList<DeviceStatus> selectedOrLabelled() const;
    int addTab(QWidget *tab, const QString &title);

    std::unique_ptr<AppSettings> m_settings;
    FleetController *m_fleet = nullptr;
    AlertNotifier *m_alerts = nullptr;
    HealthHistoryLoader *m_healthHistory = nullptr;
    bool m_quitting = false; // Quit chosen: closing the window ends the program even with a tray
    FleetModel *m_model = nullptr;
    FleetFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    DeviceDetailsPane *m_details = nullptr;
    QWidget *m_welcome = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_labels = nullptr;
    DemoLab *m_demo = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_checkDevicesAction = nullptr;
    QAction *m_terminalAction = nullptr;
    QAction *m_systemTerminalAction = nullptr;
    QAction *m_copyCommandAction = nullptr;
    QAction *m_overridesAction = nullptr;
    QAction *m_adoptAction = nullptr;
    QAction *m_upgradeAction = nullptr;
    QAction *m_profileAction = nullptr;
    QAction *m_uploadAction = nullptr;
    QAction *m_downloadAction = nullptr;
    QAction *m_openPortAction = nullptr;
    QAction *m_auditAction = nullptr;
    OpenPorts *m_openPorts = nullptr;
    QAction *m_enrolAction = nullptr;
    QAction *m_keySetupAction = nullptr;
    QAction *m_demoAction = nullptr;
};

} // namespace relayfleet::gui
