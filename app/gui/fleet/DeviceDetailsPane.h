#pragma once

#include "fleet/DeviceStatus.h"
#include "transfer/OpenPorts.h"

#include <QFont>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace relayfleet::gui {

class HealthChart;

// What the fleet window shows about the selected device.
class DeviceDetailsPane : public QWidget
{
    Q_OBJECT

public:
    // `home`: where the desired overrides and the push history are kept.
    explicit DeviceDetailsPane(QString home, QWidget *parent = nullptr);

    void setHome(const QString &home);
    void showDevice(const DeviceStatus &status);
    void clear();
    // The ports of the shown device open here, each a link to open and one to close it.
    void showOpenPorts(const QList<OpenPorts::Open> &ports);
    // The shown device's health over the reports its relay keeps (HealthHistoryLoader), or why
    // there is none to draw.
    void showHealthHistory(const QList<DeviceHealth> &history);
    void showHealthMessage(const QString &message);

Q_SIGNALS:
    void closePortRequested(int devicePort);

private:
    static QString fileVersionsText(const DeviceFileVersions &files);
    void showOverrides(const DeviceStatus &status);
    QLabel *addRow(QVBoxLayout *form, const QString &label, const QString &objectName);

    static constexpr int kValueIndent = 8;
    QFont m_fingerprintFont;

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_relay = nullptr;
    QLabel *m_hostKey = nullptr;
    QLabel *m_labels = nullptr;
    QLabel *m_lastSeen = nullptr;
    QLabel *m_data = nullptr;
    QLabel *m_health = nullptr;
    QLabel *m_system = nullptr; // the OS and kernel its health report told
    HealthChart *m_healthChart = nullptr;
    QString m_shownDevice; // relay and id: another device's chart is not shown for it
    QLabel *m_tunnelKey = nullptr;
    QLabel *m_deviceFiles = nullptr;
    QLabel *m_lastOutage = nullptr;
    QLabel *m_desired = nullptr;
    QLabel *m_lastPush = nullptr;
    QLabel *m_openPorts = nullptr;
    QLabel *m_problem = nullptr;
    QString m_home;
};

} // namespace relayfleet::gui
