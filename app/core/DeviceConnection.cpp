#include "DeviceConnection.h"

namespace relayfleet {

DeviceConnection::DeviceConnection(SshSession session, DeviceTarget target)
    : m_session(std::move(session)), m_target(std::move(target))
{
}

Result<DeviceConnection> DeviceConnection::open(RelayConnection &relay, const DeviceTarget &target,
                                                const Credentials &credentials,
                                                KnownHostsFile &knownHosts,
                                                const HostKeyPolicy &policy,
                                                const QDeadlineTimer &deadline,
                                                const CancelToken &cancel)
{
    auto stream = relay.openTunnelStream(target.port, deadline, cancel);
    if (!stream) {
        return stream.error();
    }
    SshSession session;
    SshSession::Target sshTarget;
    sshTarget.knownHostsName = target.knownHostsName();
    sshTarget.who = target.displayName();
    sshTarget.streamFd = stream->release();
    if (auto rc = session.connect(sshTarget, knownHosts.path(), deadline, cancel); !rc) {
        if (rc.error().code == Error::Code::Timeout) {
            return Error::make(
                Error::Code::DeviceUnreachable,
                QStringLiteral("%1 did not answer on port %2 of relay %3 in time: the relay "
                               "still holds the port but nothing answers, so the tunnel is "
                               "probably stale (the device lost power or its link).")
                    .arg(target.displayName())
                    .arg(target.port)
                    .arg(relay.config().name));
        }
        return rc.error();
    }
    if (auto rc = session.verifyHostKey(HostKeyVerifier(knownHosts, policy)); !rc) {
        return rc.error();
    }
    Credentials login = credentials;
    login.user = target.user;
    if (auto rc = session.authenticate(login, deadline, cancel); !rc) {
        return rc.error();
    }
    return DeviceConnection(std::move(session), target);
}

} // namespace relayfleet
