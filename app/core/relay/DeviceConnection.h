#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConnection.h"
#include "ssh/SshSession.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace relayfleet {

// An authenticated SSH session with a device, running over a channel of a relay connection
// (what `ssh -J` does, built by hand because libssh 0.10 has no ProxyJump).
class DeviceConnection
{
    Q_DECLARE_TR_FUNCTIONS(DeviceConnection)
public:
    static Result<DeviceConnection> open(RelayConnection &relay, const DeviceTarget &target,
                                         const Credentials &credentials, KnownHostsFile &knownHosts,
                                         const HostKeyPolicy &policy,
                                         const QDeadlineTimer &deadline, const CancelToken &cancel);

    SshSession &session() { return m_session; }
    const DeviceTarget &target() const { return m_target; }

private:
    static Error explainFailure(RelayConnection &relay, const DeviceTarget &target,
                                const Error &error);
    DeviceConnection(SshSession session, DeviceTarget target);

    SshSession m_session;
    DeviceTarget m_target;
};

} // namespace relayfleet
