#include "fleet/HealthHistoryLoader.h"

#include "base/WorkerTask.h"
#include "hostkeys/KnownHostsFile.h"
#include "registry/RelayRegistry.h"

namespace relayfleet::gui {

HealthHistoryLoader::HealthHistoryLoader(QObject *parent)
    : QObject(parent)
    , m_task(new WorkerTask(this))
{
}

QString HealthHistoryLoader::keyOf(const DeviceStatus &status)
{
    return status.relay + QLatin1Char('\n') + status.id;
}

bool HealthHistoryLoader::needs(const DeviceStatus &status) const
{
    return !status.id.isEmpty() && !status.tunnelKey.isEmpty() &&
           (keyOf(status) != m_device || status.health.reported != m_reported);
}

void HealthHistoryLoader::forget()
{
    m_task->cancel();
    m_device.clear();
    m_reported = QDateTime();
}

void HealthHistoryLoader::load(FleetAccess access, const DeviceStatus &status)
{
    if (m_task->isRunning()) {
        return; // the next refresh asks again
    }
    m_device = keyOf(status);
    m_reported = status.health.reported;
    // Nobody can be asked on the worker: only a pinned relay key is accepted.
    access.relayHostKeyPolicy = HostKeyPolicy{};
    using Read = Result<QList<DeviceHealth>>;
    m_task->start<Read>(
        [access, relay = status.relay, id = status.id](WorkerTask &task) -> Read {
            auto config = access.relay(relay);
            if (!config) {
                return config.error();
            }
            KnownHostsFile knownHosts(access.knownHostsPath);
            const QDeadlineTimer deadline(access.connectTimeoutMs);
            auto connection =
                access.connectRelay(config.value(), knownHosts, deadline, task.cancelToken());
            if (!connection) {
                return connection.error();
            }
            return RelayRegistry(*connection.value(), deadline).health(id);
        },
        [this, device = m_device](const Read &read) {
            if (read) {
                Q_EMIT loaded(device, read.value());
            } else {
                m_device.clear(); // asked again at the next refresh
                Q_EMIT failed(device, read.error().message);
            }
        });
}

} // namespace relayfleet::gui
