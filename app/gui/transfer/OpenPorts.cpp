#include "transfer/OpenPorts.h"

#include "audit/AuditLog.h"
#include "base/WorkerTask.h"
#include "hostkeys/KnownHostsFile.h"
#include "keys/AppCredentials.h"
#include "relay/RelayStore.h"

#include <QDebug>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>

namespace relayfleet::gui {

OpenPorts::OpenPorts(AppPaths paths, std::shared_ptr<RelayConnections> relays, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_relays(std::move(relays))
{
    m_task = new WorkerTask(this);
}

OpenPorts::~OpenPorts()
{
    delete m_task; // cancels an opening under way before the forwards go
    m_task = nullptr;
    m_forwards.clear();
}

bool OpenPorts::isOpening() const
{
    return m_task->isRunning();
}

OpenPorts::Open OpenPorts::describe(const PortForward &forward)
{
    return Open{forward.target(), forward.devicePort(),
                QUrl(QStringLiteral("http://%1/").arg(forward.localAddress()))};
}

void OpenPorts::open(const DeviceStatus &device, int port)
{
    const QString name = device.name.isEmpty() ? device.id : device.name;
    auto relay = RelayStore(m_paths.relaysFile()).find(device.relay);
    if (!relay) {
        Q_EMIT failed(name, port, relay.error().message);
        return;
    }
    for (const auto &forward : m_forwards) {
        if (forward->target().relay == device.relay && forward->target().port == device.port &&
            forward->devicePort() == port && forward->isRunning()) {
            Q_EMIT opened(describe(*forward)); // already open: show it again
            return;
        }
    }
    const Credentials credentials =
        AppCredentials::forIdentity(m_paths.home(), relay->identityFile);
    // Told from the forward's own threads (a refused connection, a lost session): the list is
    // re-read on the window's thread.
    QPointer<OpenPorts> self(this);
    auto notice = [self](const QString &) {
        QMetaObject::invokeMethod(
            self,
            [self] {
                if (self) {
                    Q_EMIT self->changed();
                }
            },
            Qt::QueuedConnection);
    };
    using Started = Result<std::unique_ptr<PortForward>>;
    const bool started = m_task->start<Started>(
        [relay = relay.value(), credentials, target = device.target(), port, notice,
         knownHostsPath = m_paths.knownHostsFile(), home = m_paths.home(),
         relays = m_relays](WorkerTask &task) -> Started {
            auto record = [&](bool ok, const QString &result) {
                AuditLog::Entry entry;
                entry.action = AuditLog::Action::Forward;
                entry.device = target.idOrPort();
                entry.relay = target.relay;
                entry.key = AuditLog::keyFingerprint(credentials.identityFile);
                entry.ok = ok;
                entry.result = result;
                entry.details = QJsonObject{{QStringLiteral("device_port"), port}};
                if (auto recorded = AuditLog(home, QStringLiteral("relayfleet")).record(entry);
                    !recorded) {
                    qWarning().noquote() << recorded.error().message;
                }
            };
            KnownHostsFile knownHosts(knownHostsPath);
            PortForward::Options options;
            options.devicePort = port;
            options.localPort = 0; // the device's number may mean something else here
            auto connection = RelayConnections::connect(
                relays.get(), relay, credentials, knownHosts, HostKeyPolicy{},
                QDeadlineTimer(options.connectTimeoutMs), task.cancelToken());
            if (!connection) {
                record(false, connection.error().message);
                return Started(connection.error());
            }
            auto forward = PortForward::start(*connection, target, credentials, knownHosts,
                                              HostKeyPolicy{}, options, notice, task.cancelToken());
            if (forward) {
                if (auto listening = (*forward)->check(QDeadlineTimer(options.connectTimeoutMs),
                                                       task.cancelToken());
                    !listening) {
                    record(false, listening.error().message);
                    return Started(listening.error());
                }
                record(true, QStringLiteral("started on %1:%2")
                                 .arg((*forward)->localAddress())
                                 .arg((*forward)->localPort()));
            } else {
                record(false, forward.error().message);
            }
            return forward;
        },
        [this, name, port, generation = m_generation](Started result) {
            if (generation != m_generation) {
                return; // opened for a home the window no longer shows
            }
            if (!result) {
                Q_EMIT failed(name, port, result.error().message);
                return;
            }
            m_forwards.push_back(std::move(result.value()));
            Q_EMIT opened(describe(*m_forwards.back()));
            Q_EMIT changed();
        });
    if (!started) {
        Q_EMIT failed(name, port, tr("Another port is being opened; try again in a moment."));
    }
}

void OpenPorts::close(const DeviceTarget &target, int devicePort)
{
    const auto before = m_forwards.size();
    std::erase_if(m_forwards, [&](const std::unique_ptr<PortForward> &forward) {
        return forward->target().relay == target.relay && forward->target().port == target.port &&
               forward->devicePort() == devicePort;
    });
    if (m_forwards.size() != before) {
        Q_EMIT changed();
    }
}

void OpenPorts::reset(AppPaths paths, std::shared_ptr<RelayConnections> relays)
{
    ++m_generation;
    m_task->cancel();
    m_paths = std::move(paths);
    m_relays = std::move(relays);
    closeAll();
}

void OpenPorts::closeAll()
{
    if (!m_forwards.empty()) {
        m_forwards.clear();
        Q_EMIT changed();
    }
}

QList<OpenPorts::Open> OpenPorts::openFor(const DeviceTarget &target) const
{
    QList<Open> open;
    for (const auto &forward : m_forwards) {
        if (forward->target().relay == target.relay && forward->target().port == target.port &&
            forward->isRunning()) {
            open << describe(*forward);
        }
    }
    return open;
}

} // namespace relayfleet::gui
