#include "relay/DeviceConnection.h"

namespace relayfleet {

DeviceConnection::DeviceConnection(SshSession session, DeviceTarget target)
    : m_session(std::move(session))
    , m_target(std::move(target))
{
}

Result<DeviceConnection> DeviceConnection::open(RelayConnection &relay, const DeviceTarget &target,
                                                const Credentials &credentials,
                                                KnownHostsFile &knownHosts,
                                                const HostKeyPolicy &policy,
                                                const QDeadlineTimer &deadline,
                                                const CancelToken &cancel)
{
    auto opened = [&]() -> Result<DeviceConnection> {
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
    }();
    if (opened) {
        return opened;
    }
    return explainFailure(relay, target, opened.error());
}

// The device's session runs inside the relay's connection: when that connection is lost or
// silent, the relay is what the user must look at, not the device.
Error DeviceConnection::explainFailure(RelayConnection &relay, const DeviceTarget &target,
                                       const Error &error)
{
    constexpr int kRelayProbeMs = 3000;
    const QString relayName = relay.config().name;
    if (error.code == Error::Code::Cancelled || error.code == Error::Code::HostKeyChanged ||
        error.code == Error::Code::HostKeyUnknown ||
        error.code == Error::Code::AuthenticationFailed) {
        return error;
    }
    auto lost = [&] {
        return Error::make(Error::Code::RelayLost,
                           tr("The connection to relay %1 was lost while "
                              "reaching %2 (%3).")
                               .arg(relayName, target.displayName(), error.message));
    };
    auto silent = [&] {
        return Error::make(Error::Code::RelayLost,
                           tr("Relay %1 is not answering (a check got no reply within %2 s), so %3 "
                              "could not be reached: the link to the relay is down or the relay is "
                              "overloaded.")
                               .arg(relayName)
                               .arg(kRelayProbeMs / 1000)
                               .arg(target.displayName()));
    };
    if (!relay.isAlive()) {
        return lost();
    }
    if (error.code == Error::Code::DeviceUnreachable) {
        return error; // the relay itself refused the tunnel's channel: it is there
    }
    // A device session that broke, or a device that stopped answering, may be the first sign
    // that the relay's connection did (its own reader notices a moment later): ask the relay
    // something (one short command, shared by every caller for a few seconds).
    if (!relay.answers(kRelayProbeMs)) {
        return relay.isAlive() ? silent() : lost();
    }
    if (error.code != Error::Code::Timeout) {
        return error;
    }
    return Error::make(Error::Code::DeviceUnreachable,
                       tr("%1 did not answer on port %2 of relay %3 in time: the relay "
                          "still holds the port but nothing answers, so the tunnel is "
                          "probably stale (the device lost power or its link).")
                           .arg(target.displayName())
                           .arg(target.port)
                           .arg(relayName));
}

} // namespace relayfleet
