#include "fleet/DeviceProbe.h"

#include "ssh/SshSession.h"

namespace relayfleet {

DeviceProbe::Result DeviceProbe::probe(RelayConnection &relay, int port, int timeoutMs,
                                       const CancelToken &cancel)
{
    Result result;
    const QDeadlineTimer deadline(timeoutMs);
    auto stream = relay.openTunnelStream(port, deadline, cancel);
    if (!stream) {
        result.outcome = stream.error().code == Error::Code::DeviceUnreachable
                             ? Outcome::NothingListens
                             : Outcome::Failed;
        result.detail = stream.error().message;
        return result;
    }
    SshSession session;
    SshSession::Target target;
    target.knownHostsName = QStringLiteral("relayfleet-probe");
    target.who = tr("port %1 of relay %2").arg(port).arg(relay.config().name);
    target.streamFd = stream->release();
    // No known_hosts is consulted: the caller compares the key with the registry's pin.
    auto connected = session.connect(target, QStringLiteral("/dev/null"), deadline, cancel);
    if (!connected) {
        result.outcome =
            connected.error().code == Error::Code::Timeout ? Outcome::NoAnswer : Outcome::Failed;
        result.detail = connected.error().message;
        return result;
    }
    result.outcome = Outcome::Answered;
    result.hostKey = session.serverHostKey();
    return result;
}

} // namespace relayfleet
