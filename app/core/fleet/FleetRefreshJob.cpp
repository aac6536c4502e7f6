#include "fleet/FleetRefreshJob.h"

#include "fleet/DeviceLocations.h"
#include "hostkeys/KnownHostsFile.h"

namespace relayfleet {

FleetRefreshJob::FleetRefreshJob(FleetAccess access, RelayScanner::Options scan, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_scan(std::move(scan))
{
    qRegisterMetaType<relayfleet::DeviceStatus>();
    qRegisterMetaType<QList<relayfleet::DeviceStatus>>();
}

FleetRefreshJob::~FleetRefreshJob() = default;

void FleetRefreshJob::start()
{
    m_task.start([this](WorkerTask &task) { run(task.cancelToken()); });
}

void FleetRefreshJob::run(const CancelToken &cancel)
{
    KnownHostsFile knownHosts(m_access.knownHostsPath);
    // In the background nobody can be asked: unknown host keys are refused, not accepted.
    FleetAccess access = m_access;
    access.relayHostKeyPolicy = HostKeyPolicy{};
    const QString &locationsPath = access.deviceLocationsPath;
    for (const RelayConfig &relay : access.relays) {
        if (cancel.isCancelled()) {
            break;
        }
        auto connection =
            access.connectRelay(relay, knownHosts, QDeadlineTimer(access.connectTimeoutMs), cancel);
        if (!connection) {
            Q_EMIT relayFailed(relay.name, connection.error().message);
            continue;
        }
        DeviceLocations locations(locationsPath);
        RelayScanner::Options options = m_scan;
        options.expectedPorts = locationsPath.isEmpty() || !options.probeEveryDevice
                                    ? QList<int>()
                                    : locations.portsOn(relay.name);
        auto statuses = RelayScanner::scan(*connection.value(), options, cancel);
        if (!statuses) {
            Q_EMIT relayFailed(relay.name, statuses.error().message);
            continue;
        }
        if (!locationsPath.isEmpty()) {
            (void)locations.rememberScan(relay.name, statuses.value()); // a hint only
        }
        Q_EMIT relayScanned(relay.name, statuses.value());
    }
    Q_EMIT finished();
}

} // namespace relayfleet
