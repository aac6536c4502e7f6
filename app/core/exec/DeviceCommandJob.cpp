#include "exec/DeviceCommandJob.h"

#include "hostkeys/KnownHostsFile.h"
#include "ssh/RemoteCommand.h"

namespace relayfleet {

DeviceCommandJob::DeviceCommandJob(FleetAccess access, DeviceTarget target, QString command,
                                   QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_target(std::move(target))
    , m_command(std::move(command))
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
    const QDeadlineTimer deadline(m_access.connectTimeoutMs);
    const QJsonObject details{{QStringLiteral("command"), m_command}};
    auto report = [this, &details](const Error &error) {
        m_access.record(AuditLog::Action::Exec, m_target, false, error.message, details);
        Q_EMIT failed(error.code, error.message);
    };
    KnownHostsFile knownHosts(m_access.knownHostsPath);
    auto opened = m_access.openDevice(m_target, knownHosts, deadline, cancel);
    if (!opened) {
        return report(opened.error());
    }
    RemoteCommand::Io io;
    io.onStdout = [this](QByteArrayView data) {
        Q_EMIT standardOutput(data.toByteArray());
    };
    io.onStderr = [this](QByteArrayView data) {
        Q_EMIT standardError(data.toByteArray());
    };
    auto status = RemoteCommand::run(opened->device->session(), m_command, io, deadline,
                                     QDeadlineTimer::Forever, cancel);
    if (!status) {
        return report(status.error());
    }
    m_access.record(AuditLog::Action::Exec, m_target, status.value() == 0,
                    QStringLiteral("exit status %1").arg(status.value()), details);
    Q_EMIT finished(status.value());
}

} // namespace relayfleet
