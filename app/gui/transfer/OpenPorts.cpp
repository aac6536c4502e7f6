#include "transfer/OpenPorts.h"

#include "audit/AuditLog.h"
#include "base/WorkerTask.h"
#include "hostkeys/KnownHostsFile.h"

#include <QDebug>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>

namespace relayfleet::gui {

OpenPorts::OpenPorts(QObject *parent)
    : QObject(parent)
{
    m_task = new WorkerTask(this);
}

OpenPorts::~OpenPorts()
{
    delete m_task; // cancels an opening under way before the forwards go
    m_task = nullptr;
    for (Forward &forward : m_forwards) {
        end(forward, QStringLiteral("closed with the window"));
    }
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

bool OpenPorts::reaches(const PortForward &forward, const DeviceTarget &target)
{
    return forward.target().relay == target.relay && forward.target().port == target.port;
}

void OpenPorts::end(Forward &forward, const QString &why)
{
    if (!forward.forward) {
        return;
    }
    const DeviceTarget target = forward.forward->target();
    const int devicePort = forward.forward->devicePort();
    const bool wasRunning = forward.forward->isRunning();
    forward.forward.reset();
    forward.access.record(AuditLog::Action::Forward, target, true,
                          wasRunning ? why : QStringLiteral("closed after its session was lost"),
                          QJsonObject{{QStringLiteral("device_port"), devicePort}});
}

void OpenPorts::open(const FleetAccess &access, const DeviceStatus &device, int port)
{
    const QString name = device.name.isEmpty() ? device.id : device.name;
    auto relay = access.relay(device.relay);
    if (!relay) {
        Q_EMIT failed(name, port, relay.error().message);
        return;
    }
    for (const Forward &open : m_forwards) {
        const PortForward &forward = *open.forward;
        if (reaches(forward, device.target()) && forward.devicePort() == port &&
            forward.isRunning()) {
            Q_EMIT opened(describe(forward)); // already open: show it again
            return;
        }
    }
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
        [relay = relay.value(), access, target = device.target(), port,
         notice](WorkerTask &task) -> Started {
            auto record = [&](bool ok, const QString &result) {
                access.record(AuditLog::Action::Forward, target, ok, result,
                              QJsonObject{{QStringLiteral("device_port"), port}});
            };
            KnownHostsFile knownHosts(access.knownHostsPath);
            PortForward::Options options;
            options.devicePort = port;
            options.localPort = 0; // the device's number may mean something else here
            auto connection = access.connectRelay(
                relay, knownHosts, QDeadlineTimer(options.connectTimeoutMs), task.cancelToken());
            if (!connection) {
                record(false, connection.error().message);
                return Started(connection.error());
            }
            auto forward = PortForward::start(
                *connection, target, access.deviceCredentialsFor(relay), knownHosts,
                access.deviceHostKeyPolicy, options, notice, task.cancelToken());
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
        [this, name, port, access, generation = m_generation](Started result) {
            if (generation != m_generation) {
                return; // opened for a home the window no longer shows
            }
            if (!result) {
                Q_EMIT failed(name, port, result.error().message);
                return;
            }
            m_forwards.push_back(Forward{std::move(result.value()), access});
            Q_EMIT opened(describe(*m_forwards.back().forward));
            Q_EMIT changed();
        });
    if (!started) {
        Q_EMIT failed(name, port, tr("Another port is being opened; try again in a moment."));
    }
}

void OpenPorts::close(const DeviceTarget &target, int devicePort)
{
    const auto before = m_forwards.size();
    std::erase_if(m_forwards, [&](Forward &open) {
        const PortForward &forward = *open.forward;
        if (!reaches(forward, target) || forward.devicePort() != devicePort) {
            return false;
        }
        end(open, QStringLiteral("closed"));
        return true;
    });
    if (m_forwards.size() != before) {
        Q_EMIT changed();
    }
}

void OpenPorts::reset()
{
    ++m_generation;
    m_task->cancel();
    closeAll();
}

void OpenPorts::closeAll()
{
    if (!m_forwards.empty()) {
        for (Forward &forward : m_forwards) {
            end(forward, QStringLiteral("closed"));
        }
        m_forwards.clear();
        Q_EMIT changed();
    }
}

QList<OpenPorts::Open> OpenPorts::openFor(const DeviceTarget &target) const
{
    QList<Open> open;
    for (const Forward &forward : m_forwards) {
        if (reaches(*forward.forward, target) && forward.forward->isRunning()) {
            open << describe(*forward.forward);
        }
    }
    return open;
}

} // namespace relayfleet::gui
