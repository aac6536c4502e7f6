#include "fleet/FleetRefreshJob.h"

#include "fleet/DeviceLocations.h"
#include "fleet/RelayScanner.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/RelayConnection.h"

namespace relayfleet {

FleetRefreshJob::FleetRefreshJob(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
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
    KnownHostsFile knownHosts(m_request.knownHostsPath);
    for (const RelayConfig &relay : m_request.relays) {
        if (cancel.isCancelled()) {
            break;
        }
        const Credentials credentials =
            m_request.credentials ? m_request.credentials(relay) : Credentials{};
        // In the background nobody can be asked: unknown host keys are refused, not accepted.
        auto connection = RelayConnections::connect(
            m_request.connections.get(), relay, credentials, knownHosts, HostKeyPolicy{},
            QDeadlineTimer(m_request.connectTimeoutMs), cancel);
        if (!connection) {
            Q_EMIT relayFailed(relay.name, connection.error().message);
            continue;
        }
        DeviceLocations locations(m_request.deviceLocationsPath);
        RelayScanner::Options options;
        options.probeTimeoutMs = m_request.probeTimeoutMs;
        options.probeEveryDevice = m_request.probeEveryDevice;
        options.expectedPorts = m_request.deviceLocationsPath.isEmpty() || !options.probeEveryDevice
                                    ? QList<int>()
                                    : locations.portsOn(relay.name);
        auto statuses = RelayScanner::scan(*connection.value(), options, cancel);
        if (!statuses) {
            Q_EMIT relayFailed(relay.name, statuses.error().message);
            continue;
        }
        if (!m_request.deviceLocationsPath.isEmpty()) {
            (void)locations.rememberScan(relay.name, statuses.value()); // a hint only
        }
        Q_EMIT relayScanned(relay.name, statuses.value());
    }
    Q_EMIT finished();
}

} // namespace relayfleet
