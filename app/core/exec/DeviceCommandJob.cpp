#include "exec/DeviceCommandJob.h"

#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceConnection.h"
#include "relay/RelayConnection.h"
#include "ssh/RemoteCommand.h"

namespace relayfleet {

DeviceCommandJob::DeviceCommandJob(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    qRegisterMetaType<relayfleet::Error::Code>();
}

DeviceCommandJob::~DeviceCommandJob() = default;

void DeviceCommandJob::start()
{
    m_task.start([this](WorkerTask &task) { run(task.cancelToken()); });
}

void DeviceCommandJob::run(const CancelToken &cancel)
{
    const QDeadlineTimer deadline(m_request.connectTimeoutMs);
    auto report = [this](const Error &error) {
        Q_EMIT failed(error.code, error.message);
    };
    KnownHostsFile knownHosts(m_request.knownHostsPath);
    auto relay = RelayConnections::connect(m_request.connections.get(), m_request.relay,
                                           m_request.credentials, knownHosts,
                                           m_request.relayHostKeyPolicy, deadline, cancel);
    if (!relay) {
        return report(relay.error());
    }
    auto device =
        DeviceConnection::open(*relay.value(), m_request.target, m_request.credentials, knownHosts,
                               m_request.deviceHostKeyPolicy, deadline, cancel);
    if (!device) {
        return report(device.error());
    }
    RemoteCommand::Io io;
    io.onStdout = [this](QByteArrayView data) {
        Q_EMIT standardOutput(data.toByteArray());
    };
    io.onStderr = [this](QByteArrayView data) {
        Q_EMIT standardError(data.toByteArray());
    };
    auto status = RemoteCommand::run(device->session(), m_request.command, io, deadline,
                                     QDeadlineTimer::Forever, cancel);
    if (!status) {
        return report(status.error());
    }
    Q_EMIT finished(status.value());
}

} // namespace relayfleet
