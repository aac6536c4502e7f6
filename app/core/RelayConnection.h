#pragma once

#include "CancelToken.h"
#include "ChannelPump.h"
#include "Credentials.h"
#include "HostKeyPolicy.h"
#include "KnownHostsFile.h"
#include "RelayConfig.h"
#include "Result.h"

#include <QDeadlineTimer>

#include <memory>

namespace relayfleet {

// A logged-in connection to one relay, shared by every device session opened through it.
class RelayConnection
{
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
    ChannelPump &pump() { return *m_pump; }

private:
    RelayConnection(RelayConfig config, std::unique_ptr<ChannelPump> pump);

    RelayConfig m_config;
    std::unique_ptr<ChannelPump> m_pump;
};

} // namespace relayfleet
