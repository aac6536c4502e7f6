#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/RelayConfig.h"
#include "ssh/ChannelPump.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <memory>
#include <mutex>

namespace relayfleet {

// A logged-in connection to one relay, shared by every device session opened through it.
class RelayConnection
{
    Q_DECLARE_TR_FUNCTIONS(RelayConnection)
public:
    static Result<std::unique_ptr<RelayConnection>>
    open(const RelayConfig &relay, const Credentials &credentials, KnownHostsFile &knownHosts,
         const HostKeyPolicy &policy, const QDeadlineTimer &deadline, const CancelToken &cancel,
         ChannelPump::Liveness liveness = {});

    // A byte stream to 127.0.0.1:port on the relay (the reverse tunnel of a device).
    Result<UniqueFd> openTunnelStream(int port, const QDeadlineTimer &deadline,
                                      const CancelToken &cancel);

    const RelayConfig &config() const { return m_config; }
    bool isAlive() const { return m_pump->isAlive(); }
    // Thread-safe. Whether the relay answers a short command within `timeoutMs`: tells a relay
    // that stopped answering from a device that did. One check runs at a time and an answer
    // serves every caller for a few seconds, so a hundred devices timing out at once cost one
    // check (and never more sessions than the relay allows).
    bool answers(int timeoutMs);

    // Thread-safe. Runs a command on the relay itself over this connection (no second login),
    // feeding it `input`; the relay helper's commands go this way.
    Result<CommandOutput> runCommand(const QString &command, const QByteArray &input,
                                     const QDeadlineTimer &deadline, const CancelToken &cancel);
    // Tunnel streams open right now (each is one direct-tcpip channel).
    size_t openStreamCount() const { return m_pump->openStreamCount(); }

private:
    RelayConnection(RelayConfig config, std::unique_ptr<ChannelPump> pump);

    RelayConfig m_config;
    std::unique_ptr<ChannelPump> m_pump;
    std::mutex m_checkMutex;
    QElapsedTimer m_sinceAnswer; // invalid until the relay first answered a check
};

} // namespace relayfleet
