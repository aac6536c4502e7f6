#include "ssh/ChannelPump.h"

#include "base/PlatformDescriptors.h"
#include "base/PlatformLimits.h"
#include "compat/SshCompat.h"
#include "ssh/ChannelWindow.h"
#include "ssh/SshWait.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cerrno>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive() is declared there but works for clients
#include <poll.h>
#include <sys/socket.h>

namespace relayfleet {

namespace {

// How often a session refused while none of ours ran is asked for again.
constexpr int kAloneRefusalRetries = 3;

constexpr qsizetype kChunk = 32 * 1024;
constexpr qsizetype kMaxBuffered = 256 * 1024;
template<typename T>
Result<T> awaitPumpResult(std::future<Result<T>> &future, const QDeadlineTimer &deadline,
                          const QString &what)
{
    // The pump enforces the deadline and cancellation itself; the margin only covers a pump
    // that stopped answering altogether.
    for (;;) {
        if (future.wait_for(std::chrono::milliseconds(100)) == std::future_status::ready) {
            return future.get();
        }
        if (deadline.hasExpired() &&
            future.wait_for(std::chrono::seconds(2)) != std::future_status::ready) {
            return timeoutError(deadline, what);
        }
    }
}

} // namespace

ChannelPump::ChannelPump(SshSession session, QString peer, Liveness liveness)
    : m_ssh(std::move(session))
    , m_peer(std::move(peer))
    , m_liveness(liveness)
{
    PlatformDescriptors::makeWakePipe(m_wakeRead, m_wakeWrite);
    ssh_set_blocking(m_ssh.get(), 0);
    m_event = ssh_event_new();
    ssh_event_add_session(m_event, m_ssh.get());
    m_thread = std::thread([this] { run(); });
}

ChannelPump::~ChannelPump()
{
    m_stop.store(true);
    const char byte = 'q';
    [[maybe_unused]] auto n = write(m_wakeWrite.get(), &byte, 1);
    if (m_thread.joinable()) {
        m_thread.join();
    }
    ssh_event_remove_session(m_event, m_ssh.get());
    ssh_event_free(m_event);
}

template<typename Value, typename RequestType>
Result<Value> ChannelPump::submit(std::deque<std::unique_ptr<RequestType>> &queue,
                                  std::unique_ptr<RequestType> request, const QString &what)
{
    const QDeadlineTimer deadline = request->deadline;
    auto future = request->promise.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (!m_alive.load()) {
            return Error::make(
                Error::Code::RelayLost,
                tr("The connection to %1 is closed (%2).").arg(m_peer, m_deathReason));
        }
        queue.push_back(std::move(request));
    }
    wake();
    return awaitPumpResult(future, deadline, what);
}

Result<UniqueFd> ChannelPump::openForward(const QString &host, int port,
                                          const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    auto request = std::make_unique<Request>();
    request->host = host;
    request->port = port;
    request->deadline = deadline;
    request->cancel = cancel;
    return submit<UniqueFd>(m_queue, std::move(request),
                            tr("opening a channel through %1").arg(m_peer));
}

void ChannelPump::wake()
{
    const char byte = 'w';
    [[maybe_unused]] auto n = write(m_wakeWrite.get(), &byte, 1);
}

Result<CommandOutput> ChannelPump::execute(const QString &command, const QByteArray &input,
                                           const QDeadlineTimer &deadline,
                                           const CancelToken &cancel, qsizetype maxOutput)
{
    auto request = std::make_unique<ExecRequest>();
    request->command = command;
    request->input = input;
    request->maxOutput = maxOutput;
    request->deadline = deadline;
    request->cancel = cancel;
    return submit<CommandOutput>(m_execQueue, std::move(request),
                                 tr("a command on %1").arg(m_peer));
}

bool ChannelPump::progressExec(RunningExec &exec, bool &wroteToSsh)
{
    ExecRequest &request = *exec.request;
    if (request.cancel.isCancelled()) {
        endExec(exec, cancelledError(tr("a command on %1").arg(m_peer)));
        return true;
    }
    if (request.deadline.hasExpired()) {
        endExec(exec, Error::make(Error::Code::Timeout,
                                  tr("A command on %1 did not finish in time.").arg(m_peer)));
        return true;
    }
    for (auto stage : {&ChannelPump::openExecChannel, &ChannelPump::requestExec}) {
        const ExecStep step = (this->*stage)(exec);
        if (step != ExecStep::Next) {
            return step == ExecStep::Ended;
        }
    }
    if (sendExecInput(exec, wroteToSsh) == ExecStep::Ended) {
        return true;
    }
    const ExecStep read = readExecOutput(exec);
    if (read != ExecStep::Next) {
        return read == ExecStep::Ended;
    }
    return collectExitStatus(exec) == ExecStep::Ended;
}

ChannelPump::ExecStep ChannelPump::endExec(RunningExec &exec, Error error)
{
    exec.request->promise.set_value(std::move(error));
    return ExecStep::Ended;
}

ChannelPump::ExecStep ChannelPump::openExecChannel(RunningExec &exec)
{
    if (exec.stage != RunningExec::Stage::Opening) {
        return ExecStep::Next;
    }
    const int rc = ssh_channel_open_session(exec.channel.get());
    if (rc == SSH_AGAIN) {
        return ExecStep::Wait;
    }
    const auto opened =
        static_cast<size_t>(std::count_if(m_execs.begin(), m_execs.end(), [](const auto &other) {
            return other->stage != RunningExec::Stage::Opening;
        }));
    if (rc != SSH_OK && std::max(opened, exec.othersWhenOpened) > 0 &&
        ssh_is_connected(m_ssh.get())) {
        // Refused while others run, or ran when it was asked for: the relay allows only as many
        // sessions as it had (sshd answers opens in order). This one waits for one to end.
        m_sessionLimit = opened > 0 ? opened : exec.othersWhenOpened;
        m_waitingExecs.push_front(std::move(exec.request));
        return ExecStep::Ended;
    }
    if (rc != SSH_OK && ssh_is_connected(m_ssh.get()) &&
        exec.request->refusedAlone < kAloneRefusalRetries) {
        // Refused with none of ours open: sessions that ended a moment ago still count on the
        // relay until it has finished closing them (seen under load with 25 commands at once).
        // It asks again, each time a round trip later, a few times before it says so.
        ++exec.request->refusedAlone;
        m_waitingExecs.push_front(std::move(exec.request));
        return ExecStep::Ended;
    }
    if (rc != SSH_OK) {
        return endExec(exec,
                       Error::make(Error::Code::ChannelFailed,
                                   tr("A session was refused by %1: %2").arg(m_peer, sshError())));
    }
    exec.stage = RunningExec::Stage::Requesting;
    return ExecStep::Next;
}

ChannelPump::ExecStep ChannelPump::requestExec(RunningExec &exec)
{
    if (exec.stage != RunningExec::Stage::Requesting) {
        return ExecStep::Next;
    }
    const QByteArray command = exec.request->command.toUtf8();
    const int rc = ssh_channel_request_exec(exec.channel.get(), command.constData());
    if (rc == SSH_AGAIN) {
        return ExecStep::Wait;
    }
    if (rc != SSH_OK) {
        return endExec(
            exec,
            Error::make(Error::Code::ChannelFailed,
                        tr("Running a command was refused by %1: %2").arg(m_peer, sshError())));
    }
    exec.stage = RunningExec::Stage::Running;
    return ExecStep::Next;
}

// The command's input, as much as the channel takes now, then its end.
ChannelPump::ExecStep ChannelPump::sendExecInput(RunningExec &exec, bool &wroteToSsh)
{
    const QByteArray &input = exec.request->input;
    ssh_channel ch = exec.channel.get();
    if (exec.inputSent < input.size()) {
        const qsizetype left = input.size() - exec.inputSent;
        const int w = ssh_channel_write(ch, input.constData() + exec.inputSent,
                                        static_cast<uint32_t>(std::min<qsizetype>(left, 32768)));
        if (w < 0) {
            return endExec(exec,
                           Error::make(Error::Code::RelayLost,
                                       tr("Cannot send input to %1: %2").arg(m_peer, sshError())));
        }
        exec.inputSent += w;
        wroteToSsh = wroteToSsh || w > 0;
    }
    if (exec.inputSent == input.size() && !exec.eofSent) {
        ssh_channel_send_eof(ch);
        exec.eofSent = true;
        wroteToSsh = true;
    }
    return ExecStep::Next;
}

// Output and errors as far as they came, kept up to the request's limit; Next once both ended.
ChannelPump::ExecStep ChannelPump::readExecOutput(RunningExec &exec)
{
    ssh_channel ch = exec.channel.get();
    char buf[kChunk];
    for (int isStderr = 0; isStderr < 2; ++isStderr) {
        bool &eof = isStderr ? exec.errEof : exec.outEof;
        QByteArray &sink = isStderr ? exec.output.err : exec.output.out;
        while (!eof) {
            const int n = ssh_channel_read_nonblocking(ch, buf, sizeof buf, isStderr);
            if (n > 0) {
                const qsizetype room = exec.request->maxOutput - sink.size();
                sink.append(buf, std::min<qsizetype>(n, std::max<qsizetype>(room, 0)));
                exec.output.truncated = exec.output.truncated || n > room;
            } else if (n == SSH_EOF || (n == 0 && ssh_channel_is_eof(ch))) {
                eof = true;
            } else if (n == SSH_ERROR) {
                return endExec(
                    exec,
                    Error::make(Error::Code::RelayLost,
                                tr("Lost %1 while a command ran: %2").arg(m_peer, sshError())));
            } else {
                break;
            }
        }
    }
    return exec.outEof && exec.errEof ? ExecStep::Next : ExecStep::Wait;
}

// The exit status may come a moment after the output's end; a channel closed without one, or
// silent for 5 s, ends the command with 255 (as OpenSSH's client reports it).
ChannelPump::ExecStep ChannelPump::collectExitStatus(RunningExec &exec)
{
    ssh_channel ch = exec.channel.get();
    if (exec.stage != RunningExec::Stage::AwaitingStatus) {
        exec.stage = RunningExec::Stage::AwaitingStatus;
        exec.statusGrace.setRemainingTime(5000);
    }
    const std::optional<int> status = sshcompat::exitStatus(ch);
    if (!status && !ssh_channel_is_closed(ch) && !exec.statusGrace.hasExpired()) {
        return ExecStep::Wait;
    }
    exec.output.exitStatus = status.value_or(255);
    exec.request->promise.set_value(std::move(exec.output));
    return ExecStep::Ended;
}

QString ChannelPump::sshError() const
{
    return QString::fromUtf8(ssh_get_error(m_ssh.get()));
}

void ChannelPump::takeRequests()
{
    char buf[256];
    while (read(m_wakeRead.get(), buf, sizeof buf) > 0) {
    }
    std::deque<std::unique_ptr<Request>> queue;
    std::deque<std::unique_ptr<ExecRequest>> execQueue;
    {
        std::lock_guard lock(m_mutex);
        queue.swap(m_queue);
        execQueue.swap(m_execQueue);
    }
    for (auto &request : queue) {
        startOpen(std::move(request));
    }
    for (auto &request : execQueue) {
        m_waitingExecs.push_back(std::move(request));
    }
    startWaitingExecs();
}

void ChannelPump::startWaitingExecs()
{
    // Those that gave up while waiting are answered now, not when a session frees up.
    for (auto it = m_waitingExecs.begin(); it != m_waitingExecs.end();) {
        ExecRequest &request = **it;
        if (request.cancel.isCancelled()) {
            request.promise.set_value(cancelledError(tr("a command on %1").arg(m_peer)));
        } else if (request.deadline.hasExpired()) {
            request.promise.set_value(Error::make(
                Error::Code::Timeout,
                tr("A command on %1 did not start in time: it was running as many commands as it "
                   "allows on one connection.")
                    .arg(m_peer)));
        } else {
            ++it;
            continue;
        }
        it = m_waitingExecs.erase(it);
    }
    while (!m_waitingExecs.empty() && m_execs.size() < m_sessionLimit) {
        std::unique_ptr<ExecRequest> request = std::move(m_waitingExecs.front());
        m_waitingExecs.pop_front();
        ChannelHandle channel(ssh_channel_new(m_ssh.get()));
        if (!channel) {
            request->promise.set_value(
                Error::make(Error::Code::ChannelFailed,
                            tr("Cannot create a channel on %1: %2").arg(m_peer, sshError())));
            continue;
        }
        auto exec = std::make_unique<RunningExec>();
        exec->channel = std::move(channel);
        exec->request = std::move(request);
        exec->othersWhenOpened = m_execs.size();
        m_execs.push_back(std::move(exec));
    }
}

void ChannelPump::startOpen(std::unique_ptr<Request> request)
{
    ChannelHandle channel(ssh_channel_new(m_ssh.get()));
    if (!channel) {
        request->finish(
            Error::make(Error::Code::ChannelFailed,
                        tr("Cannot create a channel on %1: %2").arg(m_peer, sshError())));
        return;
    }
    PendingOpen open{std::move(channel), std::move(request)};
    if (!progressOpen(open)) {
        m_pending.push_back(std::move(open));
    }
}

bool ChannelPump::progressOpen(PendingOpen &open)
{
    Request &request = *open.request;
    const QByteArray host = request.host.toUtf8();
    const int rc = ssh_channel_open_forward(open.channel.get(), host.constData(), request.port,
                                            "127.0.0.1", 0);
    if (rc == SSH_OK) {
        completeOpen(open);
        return true;
    }
    if (rc == SSH_AGAIN) {
        if (request.cancel.isCancelled()) {
            request.finish(cancelledError(tr("opening a channel")));
            return true;
        }
        if (request.deadline.hasExpired()) {
            request.finish(
                Error::make(Error::Code::Timeout, tr("%1 did not open a channel to port %2 in "
                                                     "time.")
                                                      .arg(m_peer)
                                                      .arg(request.port)));
            return true;
        }
        return false;
    }
    // OpenSSH answers "connect failed" when nothing listens on that port of the peer.
    request.finish(Error::make(Error::Code::DeviceUnreachable,
                               tr("%1 refused a connection to its port %2 (%3).")
                                   .arg(m_peer)
                                   .arg(request.port)
                                   .arg(sshError())));
    return true;
}

void ChannelPump::completeOpen(PendingOpen &open)
{
    auto stream = std::make_unique<Stream>();
    stream->channel = std::move(open.channel);
    UniqueFd theirs;
    if (open.request->adopted.isValid()) {
        stream->local = std::move(open.request->adopted);
    } else {
        if (!PlatformDescriptors::makeSocketPair(stream->local, theirs)) {
            open.request->finish(
                Error::make(Error::Code::Io, tr("Cannot create a local socket pair: %1")
                                                 .arg(QString::fromLocal8Bit(strerror(errno)))));
            return;
        }
        PlatformDescriptors::setNonBlocking(theirs.get());
        PlatformDescriptors::setNoSigPipe(theirs.get());
        // Best effort: smaller buffers only make the stream slower, not wrong.
        PlatformLimits::sizeSocketBuffers(theirs.get());
    }
    PlatformDescriptors::setNonBlocking(stream->local.get());
    PlatformDescriptors::setNoSigPipe(stream->local.get());
    PlatformLimits::sizeSocketBuffers(stream->local.get());
    m_streams.push_back(std::move(stream));
    m_streamCount.store(m_streams.size());
    open.request->finish(std::move(theirs));
}

void ChannelPump::Request::finish(Result<UniqueFd> result)
{
    if (done) {
        done(result ? std::nullopt : std::optional<Error>(result.error()));
        return;
    }
    promise.set_value(std::move(result));
}

void ChannelPump::attachForward(const QString &host, int port, UniqueFd local,
                                const QDeadlineTimer &deadline,
                                std::function<void(std::optional<Error>)> done)
{
    auto request = std::make_unique<Request>();
    request->host = host;
    request->port = port;
    request->deadline = deadline;
    request->adopted = std::move(local);
    request->done = std::move(done);
    {
        std::lock_guard lock(m_mutex);
        if (!m_alive.load()) {
            request->done(
                Error::make(Error::Code::RelayLost,
                            tr("The connection to %1 is closed (%2).").arg(m_peer, m_deathReason)));
            return;
        }
        m_queue.push_back(std::move(request));
    }
    wake();
}

bool ChannelPump::pumpStream(Stream &s, bool &wroteToSsh)
{
    ssh_channel ch = s.channel.get();
    char buf[kChunk];

    // peer → local socket
    while (!s.remoteEof && s.toLocal.size() < kMaxBuffered) {
        const int n = ChannelWindow::read(ch, m_scratch);
        if (n > 0) {
            s.toLocal.append(m_scratch.constData(), n);
        } else if (n == SSH_EOF || (n == 0 && ssh_channel_is_eof(ch))) {
            s.remoteEof = true;
        } else if (n == SSH_ERROR) {
            s.failed = true;
            return true;
        } else {
            break;
        }
    }
    while (!s.toLocal.isEmpty()) {
        const ssize_t w =
            send(s.local.get(), s.toLocal.constData(), static_cast<size_t>(s.toLocal.size()),
                 PlatformDescriptors::sendFlags());
        if (w > 0) {
            s.toLocal.remove(0, w);
        } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            break;
        } else {
            return true; // the local side went away: drop the channel
        }
    }
    if (s.remoteEof && s.toLocal.isEmpty() && !s.shutdownSent) {
        shutdown(s.local.get(), SHUT_WR);
        s.shutdownSent = true;
    }

    // local socket → relay, never more than the peer's window allows
    if (!s.localEof && s.toRemote.isEmpty()) {
        const uint32_t window = ssh_channel_window_size(ch);
        if (window > 0) {
            const size_t want = std::min<size_t>(sizeof buf, window);
            const ssize_t n = recv(s.local.get(), buf, want, 0);
            if (n > 0) {
                s.toRemote.append(buf, n);
            } else if (n == 0) {
                s.localEof = true;
            } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                s.localEof = true;
            }
        }
    }
    if (!s.toRemote.isEmpty()) {
        const int w =
            ssh_channel_write(ch, s.toRemote.constData(), static_cast<uint32_t>(s.toRemote.size()));
        if (w < 0) {
            s.failed = true;
            return true;
        }
        if (w > 0) {
            s.toRemote.remove(0, w);
            wroteToSsh = true;
        }
    }
    if (s.localEof && s.toRemote.isEmpty() && !s.eofSent) {
        ssh_channel_send_eof(ch);
        s.eofSent = true;
        wroteToSsh = true;
    }
    if (ssh_channel_is_closed(ch)) {
        return s.toLocal.isEmpty();
    }
    return s.eofSent && s.remoteEof && s.toLocal.isEmpty();
}

void ChannelPump::failEverything(const QString &why)
{
    std::deque<std::unique_ptr<Request>> queue;
    std::deque<std::unique_ptr<ExecRequest>> execQueue;
    {
        std::lock_guard lock(m_mutex);
        m_alive.store(false);
        m_deathReason = why;
        queue.swap(m_queue);
        execQueue.swap(m_execQueue);
    }
    const Error error = Error::make(Error::Code::RelayLost,
                                    tr("The connection to %1 was lost: %2").arg(m_peer, why));
    for (auto &request : queue) {
        request->finish(error);
    }
    for (auto &open : m_pending) {
        open.request->finish(error);
    }
    for (auto &request : execQueue) {
        request->promise.set_value(error);
    }
    for (auto &exec : m_execs) {
        exec->request->promise.set_value(error);
    }
    for (auto &request : m_waitingExecs) {
        request->promise.set_value(error);
    }
    m_execs.clear();
    m_waitingExecs.clear();
    m_pending.clear();
    m_streams.clear(); // closing the local sockets tells every device session
    m_streamCount.store(0);
}

void ChannelPump::run()
{
    std::vector<pollfd> fds;
    bool wroteToSsh = false;
    QElapsedTimer sinceInbound;
    QElapsedTimer sinceKeepalive;
    sinceInbound.start();
    sinceKeepalive.start();
    while (!m_stop.load()) {
        ssh_event_dopoll(m_event, 0);
        takeRequests();
        for (auto it = m_pending.begin(); it != m_pending.end();) {
            it = progressOpen(*it) ? m_pending.erase(it) : it + 1;
        }
        wroteToSsh = false;
        for (auto it = m_execs.begin(); it != m_execs.end();) {
            it = progressExec(**it, wroteToSsh) ? m_execs.erase(it) : it + 1;
        }
        startWaitingExecs();
        for (auto it = m_streams.begin(); it != m_streams.end();) {
            it = pumpStream(**it, wroteToSsh) ? m_streams.erase(it) : it + 1;
        }
        m_streamCount.store(m_streams.size());

        if (!ssh_is_connected(m_ssh.get()) ||
            (ssh_get_status(m_ssh.get()) & (SSH_CLOSED | SSH_CLOSED_ERROR)) != 0) {
            failEverything(sshError().isEmpty() ? QStringLiteral("disconnected") : sshError());
            return;
        }

        fds.clear();
        fds.push_back({m_wakeRead.get(), POLLIN, 0});
        const short sshEvents = wroteToSsh ? (POLLIN | POLLOUT) : POLLIN;
        fds.push_back({ssh_get_fd(m_ssh.get()), sshEvents, 0});
        for (const auto &s : m_streams) {
            short events = 0;
            if (!s->localEof && s->toRemote.isEmpty()) {
                events |= POLLIN;
            }
            if (!s->toLocal.isEmpty()) {
                events |= POLLOUT;
            }
            // A closed peer reports POLLHUP even with no events asked: skip it then, or the
            // loop would spin until the channel's close arrives.
            fds.push_back({events != 0 ? s->local.get() : -1, events, 0});
        }
        // Pending opens and stalled windows are woken by the relay socket; the timeout only
        // bounds how late a deadline or cancellation is noticed.
        const int idleTimeout = static_cast<int>(
            std::clamp<long long>(m_liveness.keepaliveInterval.count() / 2, 50, 1000));
        const int timeout =
            m_pending.empty() && m_execs.empty() && m_waitingExecs.empty() ? idleTimeout : 50;
        ::poll(fds.data(), fds.size(), timeout);

        if (fds[1].revents != 0) {
            sinceInbound.restart();
        }
        const auto silence = std::chrono::milliseconds(sinceInbound.elapsed());
        if (silence >= m_liveness.deadAfter) {
            failEverything(tr("no answer from the relay for %1 s").arg(silence.count() / 1000));
            return;
        }
        if (silence >= m_liveness.keepaliveInterval &&
            std::chrono::milliseconds(sinceKeepalive.elapsed()) >= m_liveness.keepaliveInterval) {
            ssh_send_keepalive(m_ssh.get());
            sinceKeepalive.restart();
        }
    }
    failEverything(tr("closed by the application"));
}

} // namespace relayfleet
