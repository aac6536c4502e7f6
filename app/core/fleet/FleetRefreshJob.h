#pragma once

#include "base/CancelToken.h"
#include "base/WorkerTask.h"
#include "fleet/DeviceStatus.h"
#include "fleet/RelayScanner.h"
#include "relay/FleetAccess.h"

#include <QList>
#include <QObject>

namespace relayfleet {

// Scans relays on a worker thread (a WorkerTask; RelayScanner over one connection per relay)
// and reports each relay as soon as it is done; the GUI thread never waits on the network.
// Destroying the job cancels it and waits for the worker.
class FleetRefreshJob : public QObject
{
    Q_OBJECT

public:
    // Every relay of `access`, scanned with `scan` (its expectedPorts: where each relay's devices
    // were last seen, when access.deviceLocationsPath keeps them and every device is probed).
    FleetRefreshJob(FleetAccess access, RelayScanner::Options scan, QObject *parent = nullptr);
    ~FleetRefreshJob() override;

    void start();
    void cancel() { m_task.cancel(); }
    bool isRunning() const { return m_task.isRunning(); }

Q_SIGNALS:
    void relayScanned(const QString &relay, const QList<relayfleet::DeviceStatus> &statuses);
    void relayFailed(const QString &relay, const QString &message);
    void finished();

private:
    void run(const CancelToken &cancel);

    FleetAccess m_access;
    RelayScanner::Options m_scan;
    WorkerTask m_task; // last: stopped before what it reads is destroyed
};

} // namespace relayfleet

Q_DECLARE_METATYPE(relayfleet::DeviceStatus)
