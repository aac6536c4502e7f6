#pragma once

#include "AppPaths.h"

#include <QMainWindow>

class QComboBox;
class QTabWidget;
class QLineEdit;
class QTableView;
class QTimer;

namespace relayfleet {
class FleetFilterModel;
class FleetModel;
class FleetRefreshJob;
} // namespace relayfleet

namespace relayfleet::gui {

class DeviceDetailsPane;

// The fleet window: every device of every relay with its live status, search, a label
// filter and the selected device's details. Refreshes run on a worker (FleetRefreshJob).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppPaths paths, QWidget *parent = nullptr);
    ~MainWindow() override;

    void refresh();
    FleetModel *fleetModel() const { return m_model; }
    // Opens a shell on the device of this fleet-model row in a new tab.
    void openTerminal(int modelRow);
    // The OpenSSH command for the selected device (ProxyJump, the app's pins), or an error
    // shown in the status bar.
    QString sshCommandForSelection();

Q_SIGNALS:
    void refreshFinished();

private:
    void buildToolBar();
    void updateLabelFilter();
    void showSelection();
    int selectedModelRow() const;

    AppPaths m_paths;
    FleetModel *m_model = nullptr;
    FleetFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    DeviceDetailsPane *m_details = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_labels = nullptr;
    QTimer *m_autoRefresh = nullptr;
    FleetRefreshJob *m_job = nullptr;
    QStringList m_failures;
};

} // namespace relayfleet::gui
