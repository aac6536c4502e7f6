#include "ssh/RemoteCommand.h"

#include "compat/SshCompat.h"
#include "ssh/SshHandles.h"
#include "ssh/SshSession.h"
#include "ssh/SshWait.h"

#include <cerrno>
#include <libssh/libssh.h>
#include <optional>
#include <poll.h>
#include <unistd.h>

namespace relayfleet {

namespace {

constexpr int kExitStatusGraceMs = 5000;

} // namespace

Result<int> RemoteCommand::run(SshSession &sshSession, const QString &command, const Io &io,
                               const QDeadlineTimer &openDeadline,
                               const QDeadlineTimer &runDeadline, const CancelToken &cancel)
{
    ssh_session session = sshSession.get();
    ssh_set_blocking(session, 0);
    auto channel = start(sshSession, command, io, openDeadline, cancel);
    if (!channel) {
        return channel.error();
    }
    ssh_channel ch = channel->get();
    bool stdinOpen = io.stdinFd >= 0;
    Streams streams;
    QDeadlineTimer statusDeadline = QDeadlineTimer::Forever;
    for (;;) {
        auto progressed = readOutput(session, ch, io, streams);
        if (!progressed) {
            return progressed.error();
        }
        if (streams.outEof && streams.errEof) {
            if (statusDeadline.isForever()) {
                statusDeadline.setRemainingTime(kExitStatusGraceMs);
            }
            if (const std::optional<int> status = sshcompat::exitStatus(ch)) {
                return *status;
            }
            if (ssh_channel_is_closed(ch) || statusDeadline.hasExpired()) {
                return 255; // like OpenSSH when the remote side gave no status
            }
        }
        if (cancel.isCancelled()) {
            return cancelledError(tr("the remote command"));
        }
        if (runDeadline.hasExpired()) {
            return Error::make(Error::Code::Timeout, tr("The command did not finish in time."));
        }
        if (!ssh_is_connected(session)) {
            return Error::make(Error::Code::RelayLost,
                               tr("The connection closed before the command "
                                  "finished."));
        }
        if (progressed.value()) {
            continue;
        }
        pollfd fds[2] = {{ssh_get_fd(session), POLLIN, 0}, {io.stdinFd, POLLIN, 0}};
        const nfds_t count = stdinOpen ? 2 : 1;
        ::poll(fds, count, 100);
        if (stdinOpen && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            auto stillOpen = forwardInput(session, ch, io.stdinFd, streams);
            if (!stillOpen) {
                return stillOpen.error();
            }
            stdinOpen = stillOpen.value();
        }
    }
}

Result<ChannelHandle> RemoteCommand::start(SshSession &sshSession, const QString &command,
                                           const Io &io, const QDeadlineTimer &deadline,
                                           const CancelToken &cancel)
{
    auto channel = sshSession.openSessionChannel(deadline, cancel);
    if (!channel) {
        return channel.error();
    }
    ssh_channel ch = channel->get();
    ssh_session session = sshSession.get();
    const QByteArray commandBytes = command.toUtf8();
    // Known input goes out right behind the exec request, not after its reply: sshd takes the
    // request before the data that follows it, and the reply's round trip (400 ms through a
    // cellular tunnel) is saved.
    bool inputSent = io.stdinFd >= 0;
    std::optional<Error> inputError;
    auto sendKnownInput = [&] {
        inputSent = true;
        if (!io.stdinData.isEmpty()) {
            // Small, known input (a script, a key, a push): written in one go, in blocking mode.
            ssh_set_blocking(session, 1);
            const int w = ssh_channel_write(ch, io.stdinData.constData(),
                                            static_cast<uint32_t>(io.stdinData.size()));
            ssh_set_blocking(session, 0);
            if (w != io.stdinData.size()) {
                inputError =
                    Error::make(Error::Code::RelayLost, tr("Cannot send input to the command."));
            }
        }
        ssh_channel_send_eof(ch);
    };
    auto started = driveSshStep(
        session,
        [&] {
            const int rc = ssh_channel_request_exec(ch, commandBytes.constData());
            if (rc == SSH_AGAIN && !inputSent) {
                sendKnownInput(); // the request is on its way: the input follows it
            }
            return rc;
        },
        deadline, cancel, tr("starting the command"));
    if (!started) {
        return started.error();
    }
    if (started.value() != SSH_OK) {
        return Error::make(Error::Code::ChannelFailed,
                           tr("The device refused to run the command: %1")
                               .arg(QString::fromUtf8(ssh_get_error(session))));
    }
    if (!inputSent) {
        sendKnownInput(); // the reply came with the request's first try
    }
    if (inputError) {
        return *inputError;
    }
    return std::move(*channel);
}

Result<bool> RemoteCommand::readOutput(ssh_session session, ssh_channel ch, const Io &io,
                                       Streams &streams)
{
    bool progressed = false;
    for (int isStderr = 0; isStderr < 2; ++isStderr) {
        bool &eof = isStderr ? streams.errEof : streams.outEof;
        while (!eof) {
            const int n =
                ssh_channel_read_nonblocking(ch, streams.buffer, sizeof streams.buffer, isStderr);
            if (n > 0) {
                const auto &sink = isStderr ? io.onStderr : io.onStdout;
                if (sink) {
                    sink(QByteArrayView(streams.buffer, n));
                }
                progressed = true;
            } else if (n == SSH_EOF || (n == 0 && ssh_channel_is_eof(ch))) {
                eof = true;
            } else if (n == SSH_ERROR) {
                return Error::make(Error::Code::RelayLost,
                                   tr("The connection broke while the command "
                                      "ran: %1")
                                       .arg(QString::fromUtf8(ssh_get_error(session))));
            } else {
                break;
            }
        }
    }
    return progressed;
}

Result<bool> RemoteCommand::forwardInput(ssh_session session, ssh_channel ch, int stdinFd,
                                         Streams &streams)
{
    const uint32_t window = ssh_channel_window_size(ch);
    if (window == 0) {
        return true; // the device has not taken the last bytes yet
    }
    const ssize_t n =
        ::read(stdinFd, streams.buffer, std::min<size_t>(sizeof streams.buffer, window));
    if (n > 0) {
        // Blocking for the write keeps stdin bytes in order without a buffer.
        ssh_set_blocking(session, 1);
        const int w = ssh_channel_write(ch, streams.buffer, static_cast<uint32_t>(n));
        ssh_set_blocking(session, 0);
        if (w < 0) {
            return Error::make(Error::Code::RelayLost, tr("Cannot send input to the command."));
        }
        return true;
    }
    if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        ssh_channel_send_eof(ch);
        return false;
    }
    return true;
}

Result<CommandOutput> RemoteCommand::capture(SshSession &session, const QString &command,
                                             const QByteArray &input,
                                             const QDeadlineTimer &deadline,
                                             const CancelToken &cancel, qsizetype maxOutput)
{
    CommandOutput output;
    auto keep = [&output, maxOutput](QByteArray &sink, QByteArrayView data) {
        const qsizetype room = std::max<qsizetype>(maxOutput - sink.size(), 0);
        sink.append(data.first(std::min(room, data.size())));
        output.truncated = output.truncated || data.size() > room;
    };
    Io io;
    io.stdinData = input;
    io.onStdout = [&](QByteArrayView data) {
        keep(output.out, data);
    };
    io.onStderr = [&](QByteArrayView data) {
        keep(output.err, data);
    };
    auto status = run(session, command, io, deadline, deadline, cancel);
    if (!status) {
        return status.error();
    }
    output.exitStatus = status.value();
    return output;
}

} // namespace relayfleet
