#include "fleet/FleetController.h"

#include "base/WorkerTask.h"
#include "enrolment/DeviceUpgrade.h"
#include "exec/DeviceCommandJob.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetRefreshJob.h"
#include "keys/AppCredentials.h"
#include "registry/DataUsage.h"
#include "relay/RelayStore.h"

#include <QLocale>
#include <QTime>
#include <QTimer>

namespace relayfleet::gui {

namespace {
// The runner reconnects with a new profile a few seconds after the command.
constexpr int kProfileSettleMs = 8000;
} // namespace

FleetController::FleetController(AppPaths paths, int refreshSeconds, int checkMinutes,
                                 QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_model(new FleetModel(this))
    , m_autoRefresh(new QTimer(this))
    , m_autoCheck(new QTimer(this))
{
    m_autoRefresh->setInterval(refreshSeconds * 1000);
    connect(m_autoRefresh, &QTimer::timeout, this, &FleetController::refresh);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] { m_warm->closeIdle(); });
    m_autoRefresh->start();
    // Checking every device itself costs each one a probe: only as often as the user chose.
    connect(m_autoCheck, &QTimer::timeout, this, &FleetController::checkDevices);
    setCheckDevicesEvery(checkMinutes);
}

FleetController::~FleetController() = default;

std::shared_ptr<const AuditLog> FleetController::auditLog() const
{
    return std::make_shared<const AuditLog>(m_paths.home(), QStringLiteral("relayfleet"));
}

FleetAccess FleetController::fleetAccess() const
{
    FleetAccess access;
    auto relays = RelayStore(m_paths.relaysFile()).load();
    if (relays) {
        access.relays = relays.value();
    }
    const QString home = m_paths.home();
    access.credentials = [home](const RelayConfig &relay) {
        return AppCredentials::forIdentity(home, relay.identityFile);
    };
    access.knownHostsPath = m_paths.knownHostsFile();
    access.deviceLocationsPath = m_paths.deviceLocationsFile();
    access.connections = m_connections;
    access.audit = auditLog();
    return access;
}

void FleetController::refresh()
{
    startRefresh(false);
}

void FleetController::checkDevices()
{
    startRefresh(true);
}

void FleetController::setCheckDevicesEvery(int minutes)
{
    if (minutes <= 0) {
        m_autoCheck->stop();
        return;
    }
    m_autoCheck->start(minutes * 60 * 1000);
}

void FleetController::warm(const DeviceStatus &status)
{
    // Registered and answering: its host key is pinned and a login can succeed.
    if (status.id.isEmpty() || status.state != DeviceStatus::State::Online) {
        return;
    }
    m_warm->warm(fleetAccess(), status.target());
}

void FleetController::startRefresh(bool probeEveryDevice)
{
    if (m_job) {
        return; // one refresh at a time
    }
    auto relays = RelayStore(m_paths.relaysFile()).load();
    if (!relays) {
        Q_EMIT said(relays.error().message);
        return;
    }
    Q_EMIT relaysConfigured(!relays->isEmpty());
    if (relays->isEmpty()) {
        Q_EMIT said(tr("No relay configured yet."));
        Q_EMIT refreshFinished();
        return;
    }
    FleetAccess access = fleetAccess();
    access.relays = relays.value();
    RelayScanner::Options scan;
    scan.probeEveryDevice = probeEveryDevice;
    m_failures.clear();
    m_job = new FleetRefreshJob(std::move(access), scan, this);
    connect(m_job, &FleetRefreshJob::relayScanned, this,
            [this](const QString &relay, const QList<DeviceStatus> &statuses) {
                m_model->setRelayStatuses(relay, statuses);
                // A device logged in to ahead of need that went stale, offline or changed its
                // key is not handed to the next click.
                for (const DeviceStatus &status : statuses) {
                    if (!status.id.isEmpty() && status.state != DeviceStatus::State::Online) {
                        m_warm->forget(status.target());
                    }
                }
                Q_EMIT relayScanned(relay, statuses);
            });
    connect(m_job, &FleetRefreshJob::relayFailed, this,
            [this](const QString &, const QString &message) { m_failures << message; });
    connect(m_job, &FleetRefreshJob::finished, this, [this] {
        m_job->deleteLater();
        m_job = nullptr;
        const DeviceStatus::DataTotal fleetData = m_model->dataTotal();
        QString refreshed =
            tr("%1 devices and tunnels, refreshed %2")
                .arg(m_model->rowCount())
                .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
        if (fleetData.reporting > 0) {
            refreshed += tr("; data this month: %1 by the tunnels of %n device(s) that reported it",
                            nullptr, fleetData.reporting)
                             .arg(DataUsage::size(fleetData.bytes));
        }
        Q_EMIT said(m_failures.isEmpty() ? refreshed : m_failures.join(QLatin1Char(' ')));
        Q_EMIT refreshFinished();
    });
    Q_EMIT said(probeEveryDevice ? tr("Checking every device…") : tr("Refreshing…"));
    m_job->start();
}

void FleetController::dropRefresh()
{
    if (!m_job) {
        return;
    }
    // The old refresh stops on its own time and goes away; nothing it still reports may land
    // in the list, nor hold back the next refresh.
    m_job->cancel();
    m_job->disconnect(this);
    connect(m_job, &FleetRefreshJob::finished, m_job, &QObject::deleteLater);
    m_job = nullptr;
}

void FleetController::switchHome(AppPaths paths)
{
    dropRefresh();
    m_paths = std::move(paths);
    m_connections = std::make_shared<RelayConnections>();
    m_warm = std::make_shared<WarmDeviceConnections>();
    m_model->clear();
    QTimer::singleShot(0, this, &FleetController::refresh);
}

void FleetController::upgrade(const DeviceStatus &status)
{
    if (m_upgradeTask) {
        return;
    }
    const FleetAccess shared = fleetAccess();
    auto relay = shared.relay(status.relay);
    if (!relay) {
        Q_EMIT upgradeFinished(tr("%1: not upgraded — %2").arg(status.id, relay.error().message),
                               false);
        return;
    }
    const DeviceUpgrade::Options options;
    m_upgradeTask = new WorkerTask(this);
    Q_EMIT upgradingChanged();
    Q_EMIT said(tr("Upgrading %1… (the device watches its new runner for up to %2 s)")
                    .arg(status.id)
                    .arg(options.watchdogSeconds));
    FleetAccess access = shared;
    // Only pinned host keys: nobody is asked on this worker.
    access.relayHostKeyPolicy = HostKeyPolicy{};
    m_upgradeTask->start<Result<DeviceUpgrade::DeviceResult>>(
        [relay = relay.value(), target = status.target(), options,
         access](WorkerTask &task) -> Result<DeviceUpgrade::DeviceResult> {
            KnownHostsFile knownHosts(access.knownHostsPath);
            auto connection = access.connectRelay(
                relay, knownHosts, QDeadlineTimer(options.connectTimeoutMs), task.cancelToken());
            if (!connection) {
                access.record(AuditLog::Action::Upgrade, target, false, connection.error().message);
                return connection.error();
            }
            const auto result = DeviceUpgrade::run(*connection.value(), {target},
                                                   access.deviceCredentialsFor(relay), knownHosts,
                                                   options, task.cancelToken())
                                    .first();
            DeviceUpgrade::record(access, result);
            return result;
        },
        [this, id = status.id](const Result<DeviceUpgrade::DeviceResult> &result) {
            m_upgradeTask->deleteLater();
            m_upgradeTask = nullptr;
            Q_EMIT upgradingChanged();
            const QString text =
                result ? tr("%1: %2 — %3")
                             .arg(id, DeviceUpgrade::outcomeLabel(result->outcome), result->detail)
                       : tr("%1: not upgraded — %2").arg(id, result.error().message);
            const bool good = result && (result->outcome == DeviceUpgrade::Outcome::Upgraded ||
                                         result->outcome == DeviceUpgrade::Outcome::Current);
            Q_EMIT said(text);
            Q_EMIT upgradeFinished(text, good);
            refresh();
        });
}

void FleetController::changeProfile(const DeviceStatus &status, TunnelProfile::Kind kind)
{
    auto *job = new DeviceCommandJob(fleetAccess(), status.target(),
                                     TunnelProfile::changeCommand(kind), this);
    auto output = std::make_shared<QByteArray>();
    connect(job, &DeviceCommandJob::standardOutput, this,
            [output](const QByteArray &chunk) { *output += chunk.left(4096); });
    connect(job, &DeviceCommandJob::standardError, this,
            [output](const QByteArray &chunk) { *output += chunk.left(4096); });
    connect(job, &DeviceCommandJob::finished, this, [this, job, output, id = status.id](int) {
        Q_EMIT said(QStringLiteral("%1: %2").arg(id, QString::fromUtf8(output->trimmed())));
        job->deleteLater();
        QTimer::singleShot(kProfileSettleMs, this, &FleetController::refresh);
    });
    connect(job, &DeviceCommandJob::failed, this,
            [this, job, id = status.id](Error::Code, const QString &message) {
                Q_EMIT said(tr("%1: the profile was not changed — %2").arg(id, message));
                job->deleteLater();
            });
    Q_EMIT said(tr("Changing how %1 keeps its tunnel…").arg(status.id));
    job->start();
}

} // namespace relayfleet::gui
