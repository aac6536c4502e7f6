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

DeviceCommandJob::~DeviceCommandJob()
{
    m_cancel.cancel();
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

void DeviceCommandJob::start()
{
    if (!m_worker.joinable()) {
        m_worker = std::thread([this] { run(); });
    }
}

void DeviceCommandJob::cancel()
{
    m_cancel.cancel();
}

void DeviceCommandJob::run()
{
    const QDeadlineTimer deadline(m_request.connectTimeoutMs);
    auto report = [this](const Error &error) {
        m_done.store(true);
        Q_EMIT failed(error.code, error.message);
    };
    KnownHostsFile knownHosts(m_request.knownHostsPath);
    auto relay = RelayConnection::open(m_request.relay, m_request.credentials, knownHosts,
                                       m_request.relayHostKeyPolicy, deadline, m_cancel);
    if (!relay) {
        return report(relay.error());
    }
    auto device =
        DeviceConnection::open(*relay.value(), m_request.target, m_request.credentials, knownHosts,
                               m_request.deviceHostKeyPolicy, deadline, m_cancel);
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
                                     QDeadlineTimer::Forever, m_cancel);
    if (!status) {
        return report(status.error());
    }
    m_done.store(true);
    Q_EMIT finished(status.value());
}

} // namespace relayfleet
