#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/WorkerTask.h"
#include "fleet/DeviceStatus.h"
#include "relay/RelayConfig.h"
#include "relay/RelayConnections.h"

#include <QList>
#include <QObject>
#include <functional>

namespace relayfleet {

// Scans relays on a worker thread (a WorkerTask; RelayScanner over one connection per relay)
// and reports each relay as soon as it is done; the GUI thread never waits on the network.
// Destroying the job cancels it and waits for the worker.
class FleetRefreshJob : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QList<RelayConfig> relays;
        QString knownHostsPath;
        QString deviceLocationsPath; // where devices were last seen: probed early, then updated
        std::function<Credentials(const RelayConfig &)> credentials;
        int connectTimeoutMs = 15000;
        int probeTimeoutMs = 5000;
        // Confirm every device with a probe (RelayScanner::Options::probeEveryDevice).
        bool probeEveryDevice = false;
        // The window's shared relay connections; null: one login per relay for this refresh.
        std::shared_ptr<RelayConnections> connections;
    };

    explicit FleetRefreshJob(Request request, QObject *parent = nullptr);
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

    Request m_request;
    WorkerTask m_task; // last: stopped before the request it reads is destroyed
};

} // namespace relayfleet

Q_DECLARE_METATYPE(relayfleet::DeviceStatus)
