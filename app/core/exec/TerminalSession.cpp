#include "exec/TerminalSession.h"

#include "base/PlatformDescriptors.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceConnection.h"
#include "relay/RelayConnection.h"
#include "ssh/SshHandles.h"
#include "ssh/SshWait.h"

#include <libssh/libssh.h>
#include <poll.h>
#include <unistd.h>

namespace relayfleet {

TerminalSession::TerminalSession(FleetAccess access, DeviceTarget target, QSize size,
                                 std::shared_ptr<WarmDeviceConnections> warm, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_target(std::move(target))
    , m_size(size)
    , m_warm(std::move(warm))
{
    qRegisterMetaType<relayfleet::Error::Code>();
    PlatformDescriptors::makeWakePipe(m_wakeRead, m_wakeWrite);
}

TerminalSession::~TerminalSession()
{
    close(); // the worker may be waiting in poll(): the wake makes it see the cancellation
}

void TerminalSession::start()
{
    if (!m_closed.load()) {
        m_task.start([this](WorkerTask &task) { run(task.cancelToken()); });
    }
}

void TerminalSession::wake()
{
    const char byte = 'w';
    [[maybe_unused]] auto n = ::write(m_wakeWrite.get(), &byte, 1);
}

void TerminalSession::write(const QByteArray &bytes)
{
    {
        std::lock_guard lock(m_mutex);
        m_input += bytes;
    }
    wake();
}

void TerminalSession::resize(int rows, int columns)
{
    {
        std::lock_guard lock(m_mutex);
        m_pendingResize = std::pair{rows, columns};
    }
    wake();
}

void TerminalSession::close()
{
    m_closed.store(true);
    m_task.cancel();
    wake();
}

void TerminalSession::run(const CancelToken &cancel)
{
    const QDeadlineTimer deadline(m_access.connectTimeoutMs);
    std::shared_ptr<RelayConnection> relay;
    std::unique_ptr<DeviceConnection> device;
    ChannelHandle channel;
    // A device selected a moment ago is already logged in to, its terminal allocated: only
    // the shell is left to ask for.
    if (auto warm = m_warm ? m_warm->take(m_target) : nullptr) {
        relay = std::move(warm->relay);
        device = std::move(warm->device);
        channel = std::move(warm->terminal);
    } else {
        KnownHostsFile knownHosts(m_access.knownHostsPath);
        auto opened = m_access.openDevice(m_target, knownHosts, deadline, cancel);
        if (!opened) {
            m_access.record(AuditLog::Action::TerminalOpened, m_target, false,
                            opened.error().message);
            Q_EMIT failed(opened.error().code, opened.error().message);
            Q_EMIT closed(opened.error().message);
            return;
        }
        relay = std::move(opened->relay);
        device = std::move(opened->device);
    }
    ssh_session session = device->session().get();
    const bool prepared = channel != nullptr;
    if (!prepared) {
        channel.reset(ssh_channel_new(session));
    }
    ssh_channel ch = channel.get();
    auto step = [&](const std::function<int()> &call, const QString &what) -> QString {
        auto rc = driveSshStep(session, call, deadline, cancel, what);
        if (!rc) {
            return rc.error().message;
        }
        return rc.value() == SSH_OK ? QString()
                                    : tr("The device refused %1: %2")
                                          .arg(what, QString::fromUtf8(ssh_get_error(session)));
    };
    const int rows = m_size.height();
    const int columns = m_size.width();
    QString error;
    if (prepared) {
        // A window-change has no reply: the terminal takes this tab's size on the way.
        ssh_channel_change_pty_size(ch, columns, rows);
    } else {
        error = step([ch] { return ssh_channel_open_session(ch); }, tr("a session"));
        if (error.isEmpty()) {
            error = step(
                [ch, rows, columns] {
                    return ssh_channel_request_pty_size(ch, "xterm-256color", columns, rows);
                },
                tr("a terminal"));
        }
    }
    if (error.isEmpty()) {
        error = step([ch] { return ssh_channel_request_shell(ch); }, tr("a shell"));
    }
    if (!error.isEmpty()) {
        m_access.record(AuditLog::Action::TerminalOpened, m_target, false, error);
        Q_EMIT closed(error);
        return;
    }
    m_access.record(AuditLog::Action::TerminalOpened, m_target, true, QStringLiteral("opened"));
    Q_EMIT connected();
    QString ended = serve(device->session(), channel, cancel);
    if (!ended.isEmpty() && !relay->isAlive()) {
        // The shell ran inside the relay's connection: that is what went away.
        ended = tr("The connection to relay %1 was lost (%2)").arg(m_target.relay, ended);
    }
    m_access.record(AuditLog::Action::TerminalClosed, m_target, ended.isEmpty(),
                    ended.isEmpty() ? QStringLiteral("the shell ended") : ended);
    Q_EMIT closed(ended);
}

QString TerminalSession::serve(SshSession &connection, const ChannelHandle &channel,
                               const CancelToken &cancel)
{
    ssh_session session = connection.get();
    ssh_channel ch = channel.get();
    QByteArray pending;
    char buf[16384];
    for (;;) {
        if (cancel.isCancelled()) {
            return {};
        }
        for (int isStderr = 0; isStderr < 2; ++isStderr) {
            for (;;) {
                const int n = ssh_channel_read_nonblocking(ch, buf, sizeof buf, isStderr);
                if (n > 0) {
                    Q_EMIT received(QByteArray(buf, n));
                } else if (n == SSH_ERROR) {
                    return tr("The connection to the device dropped: %1")
                        .arg(QString::fromUtf8(ssh_get_error(session)));
                } else {
                    break;
                }
            }
        }
        if (ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch)) {
            return {};
        }
        if (!ssh_is_connected(session)) {
            return tr("The connection to the device dropped.");
        }
        std::optional<std::pair<int, int>> resize;
        {
            std::lock_guard lock(m_mutex);
            pending += std::exchange(m_input, {});
            resize = std::exchange(m_pendingResize, std::nullopt);
        }
        if (resize) {
            ssh_channel_change_pty_size(ch, resize->second, resize->first);
        }
        if (!pending.isEmpty()) {
            const int w =
                ssh_channel_write(ch, pending.constData(), static_cast<uint32_t>(pending.size()));
            if (w < 0) {
                return tr("The connection to the device dropped while sending.");
            }
            pending.remove(0, w);
        }
        pollfd fds[2] = {{ssh_get_fd(session), POLLIN, 0}, {m_wakeRead.get(), POLLIN, 0}};
        ::poll(fds, 2, pending.isEmpty() ? 1000 : 20);
        if (fds[1].revents & POLLIN) {
            while (::read(m_wakeRead.get(), buf, sizeof buf) > 0) {
            }
        }
    }
}

} // namespace relayfleet
