#pragma once

#include "fleet/DeviceStatus.h"
#include "registry/DeviceHealth.h"
#include "relay/FleetAccess.h"

#include <QDateTime>
#include <QList>
#include <QObject>

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

// Reads the health reports a relay keeps of the selected device, on a worker (WorkerTask) over
// the window's relay connection: one command on the relay, nothing reaches the device. Read
// again only when another device is selected or the device has reported since.
class HealthHistoryLoader : public QObject
{
    Q_OBJECT

public:
    explicit HealthHistoryLoader(QObject *parent = nullptr);

    // Whether `status` differs from what was read last (another device, a newer report).
    bool needs(const DeviceStatus &status) const;
    void load(FleetAccess access, const DeviceStatus &status);
    void forget();

Q_SIGNALS:
    void loaded(const QString &device, const QList<relayfleet::DeviceHealth> &history);
    void failed(const QString &device, const QString &message);

private:
    static QString keyOf(const DeviceStatus &status);

    WorkerTask *m_task = nullptr;
    QString m_device;     // what was read last (or is being read)
    QDateTime m_reported; // its latest report then
};

} // namespace relayfleet::gui
