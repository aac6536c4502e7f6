#pragma once

#include "base/CancelToken.h"
#include "base/CommandOutput.h"
#include "base/Result.h"
#include "base/UniqueFd.h"
#include "ssh/SshHandles.h"
#include "ssh/SshSession.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QString>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace relayfleet {

// The one I/O thread of an SSH connection: a relay's, or a device's while one of its ports is
// forwarded. A libssh session is not thread-safe, so after login the session belongs to this
// thread alone; other threads ask it for `direct-tcpip` channels and get back a local socket
// whose bytes it moves to and from the channel. Many device sessions thus share one relay
// connection, and many browser connections one device session.
class ChannelPump
{
    Q_DECLARE_TR_FUNCTIONS(ChannelPump)
public:
    // How a silent relay is noticed: after `keepaliveInterval` without a byte from the relay
    // a keepalive that requires an answer is sent; after `deadAfter` of silence the
    // connection is declared lost (OpenSSH's ServerAliveInterval/ServerAliveCountMax).
    struct Liveness
    {
        std::chrono::milliseconds keepaliveInterval{15000};
        std::chrono::milliseconds deadAfter{45000};
    };

    // `peer` names the other end in messages: "relay lab", "device kitchen".
    ChannelPump(SshSession session, QString peer, Liveness liveness);
    ~ChannelPump();
    ChannelPump(const ChannelPump &) = delete;
    ChannelPump &operator=(const ChannelPump &) = delete;

    // Thread-safe. Opens a channel to host:port as seen from the relay; the returned socket
    // is one end of a socketpair whose other end the pump serves until either side closes.
    Result<UniqueFd> openForward(const QString &host, int port, const QDeadlineTimer &deadline,
                                 const CancelToken &cancel);
    // Thread-safe, returns at once. Connects `local` (an accepted TCP connection) to host:port
    // as seen from the peer; `done` is called on the pump's thread with the outcome (on a
    // failure `local` is closed, which its client sees as the connection ending).
    void attachForward(const QString &host, int port, UniqueFd local,
                       const QDeadlineTimer &deadline,
                       std::function<void(std::optional<Error>)> done);

    // Thread-safe. Runs a command on the relay itself over this connection (no second
    // handshake), feeding it `input` and keeping at most `maxOutput` bytes of each stream.
    Result<CommandOutput> execute(const QString &command, const QByteArray &input,
                                  const QDeadlineTimer &deadline, const CancelToken &cancel,
                                  qsizetype maxOutput = 8 * 1024 * 1024);

    // How many commands run on the relay at once over this connection; the rest wait their
    // turn (within their own deadline). OpenSSH's MaxSessions (10 unless the relay's admin
    // changed it) counts session channels per connection, not direct-tcpip ones; a relay
    // that refuses a session while others run lowers the limit to what it allowed.
    static constexpr int kMaxRelaySessions = 10;

    bool isAlive() const { return m_alive.load(); }
    size_t openStreamCount() const { return m_streamCount.load(); }

private:
    struct Request
    {
        QString host;
        int port = 0;
        QDeadlineTimer deadline;
        CancelToken cancel;
        std::promise<Result<UniqueFd>> promise;
        UniqueFd adopted; // attachForward: serve this socket instead of a new pair
        std::function<void(std::optional<Error>)> done;
        void finish(Result<UniqueFd> result);
    };
    struct ExecRequest
    {
        QString command;
        QByteArray input;
        qsizetype maxOutput = 0;
        QDeadlineTimer deadline;
        CancelToken cancel;
        std::promise<Result<CommandOutput>> promise;
        int refusedAlone = 0; // opens refused with none of this connection's sessions open
    };
    struct RunningExec
    {
        enum class Stage
        {
            Opening,
            Requesting,
            Running,
            AwaitingStatus
        };
        ChannelHandle channel;
        std::unique_ptr<ExecRequest> request;
        Stage stage = Stage::Opening;
        qsizetype inputSent = 0;
        bool eofSent = false;
        bool outEof = false;
        bool errEof = false;
        QDeadlineTimer statusGrace;
        CommandOutput output;
        // Commands on the connection when this one asked for its session: sshd may still count
        // them when it answers (it frees a session once both ends closed it, which can be after
        // this side let it go).
        size_t othersWhenOpened = 0;
    };
    struct PendingOpen
    {
        ChannelHandle channel;
        std::unique_ptr<Request> request;
    };
    struct Stream
    {
        ChannelHandle channel;
        UniqueFd local;
        QByteArray toLocal;
        QByteArray toRemote;
        bool localEof = false;
        bool remoteEof = false;
        bool eofSent = false;
        bool shutdownSent = false;
        bool failed = false;
    };

    // Queues a request for the pump thread and waits for its answer.
    template<typename Value, typename RequestType>
    Result<Value> submit(std::deque<std::unique_ptr<RequestType>> &queue,
                         std::unique_ptr<RequestType> request, const QString &what);
    void run();
    void takeRequests();
    void startOpen(std::unique_ptr<Request> request);
    bool progressOpen(PendingOpen &open); // true when finished (either way)
    void completeOpen(PendingOpen &open);
    bool pumpStream(Stream &stream, bool &wroteToSsh);      // true when the stream is finished
    bool progressExec(RunningExec &exec, bool &wroteToSsh); // true when finished or requeued
    // What one stage of a running command did: wait for the socket, go on to the next stage,
    // or the command has ended (answered, failed, or put back in the queue).
    enum class ExecStep
    {
        Wait,
        Next,
        Ended
    };
    ExecStep endExec(RunningExec &exec, Error error);
    ExecStep openExecChannel(RunningExec &exec);
    ExecStep requestExec(RunningExec &exec);
    ExecStep sendExecInput(RunningExec &exec, bool &wroteToSsh);
    ExecStep readExecOutput(RunningExec &exec);
    ExecStep collectExitStatus(RunningExec &exec);
    void startWaitingExecs();
    void failEverything(const QString &why);
    void wake();
    QString sshError() const;

    SshSession m_ssh;
    // Lets the pump read the relay socket (EOF, keepalives, window adjusts) even when no
    // channel asks for data.
    ssh_event m_event = nullptr;
    QString m_peer;
    Liveness m_liveness;
    UniqueFd m_wakeRead;
    UniqueFd m_wakeWrite;
    std::mutex m_mutex;
    std::deque<std::unique_ptr<Request>> m_queue;
    std::deque<std::unique_ptr<ExecRequest>> m_execQueue;
    std::deque<std::unique_ptr<ExecRequest>> m_waitingExecs; // for a session of their own
    std::vector<std::unique_ptr<RunningExec>> m_execs;
    size_t m_sessionLimit = kMaxRelaySessions;
    std::vector<PendingOpen> m_pending;
    std::vector<std::unique_ptr<Stream>> m_streams;
    std::atomic_bool m_stop{false};
    std::atomic_bool m_alive{true};
    std::atomic<size_t> m_streamCount{0};
    QString m_deathReason; // guarded by m_mutex
    QByteArray m_scratch;  // the pump thread's reads (ChannelWindow)
    // Not a WorkerTask: the pump is a loop for the connection's whole life, not a job with a
    // result, and its owners include the CLI's worker threads, which run no event loop for a
    // WorkerTask's handler. It stops in stop() / the destructor, which join it.
    std::thread m_thread;
};

} // namespace relayfleet
