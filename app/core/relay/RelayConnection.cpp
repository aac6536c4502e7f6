#include "relay/RelayConnection.h"

#include "ssh/SshSession.h"

namespace relayfleet {

RelayConnection::RelayConnection(RelayConfig config, std::unique_ptr<ChannelPump> pump)
    : m_config(std::move(config))
    , m_pump(std::move(pump))
{
}

Result<std::unique_ptr<RelayConnection>>
RelayConnection::open(const RelayConfig &relay, const Credentials &credentials,
                      KnownHostsFile &knownHosts, const HostKeyPolicy &policy,
                      const QDeadlineTimer &deadline, const CancelToken &cancel,
                      ChannelPump::Liveness liveness)
{
    SshSession session;
    SshSession::Target target;
    target.host = relay.host;
    target.port = relay.port;
    target.knownHostsName = KnownHostsFile::hostName(relay.host, relay.port);
    target.who = tr("relay %1").arg(relay.name);
    if (auto rc = session.connect(target, knownHosts.path(), deadline, cancel); !rc) {
        return rc.error();
    }
    if (auto rc = session.verifyHostKey(HostKeyVerifier(knownHosts, policy)); !rc) {
        return rc.error();
    }
    Credentials login = credentials;
    login.user = relay.user;
    if (login.identityFile.isEmpty()) {
        login.identityFile = relay.identityFile;
    }
    if (auto rc = session.authenticate(login, deadline, cancel); !rc) {
        return rc.error();
    }
    auto pump = std::make_unique<ChannelPump>(std::move(session), target.who, liveness);
    return std::unique_ptr<RelayConnection>(new RelayConnection(relay, std::move(pump)));
}

Result<UniqueFd> RelayConnection::openTunnelStream(int port, const QDeadlineTimer &deadline,
                                                   const CancelToken &cancel)
{
    if (port < 1 || port > 65535) {
        return Error::make(Error::Code::InvalidInput,
                           tr("%1 is not a valid relay port.").arg(port));
    }
    auto stream = m_pump->openForward(QStringLiteral("127.0.0.1"), port, deadline, cancel);
    if (!stream && stream.error().code == Error::Code::DeviceUnreachable) {
        // The relay's sshd answers "connect failed" when nothing listens on the port.
        return Error::make(Error::Code::DeviceUnreachable,
                           tr("Nothing answers on port %1 of relay %2: the device is offline or "
                              "its tunnel is down.")
                               .arg(port)
                               .arg(m_config.name));
    }
    return stream;
}

bool RelayConnection::answers(int timeoutMs)
{
    constexpr qint64 kAnswerServesMs = 5000;
    std::lock_guard lock(m_checkMutex);
    if (m_sinceAnswer.isValid() && m_sinceAnswer.elapsed() < kAnswerServesMs) {
        return true;
    }
    if (!m_pump->execute(QStringLiteral("true"), {}, QDeadlineTimer(timeoutMs), CancelToken())) {
        return false;
    }
    m_sinceAnswer.start();
    return true;
}

Result<CommandOutput> RelayConnection::runCommand(const QString &command, const QByteArray &input,
                                                  const QDeadlineTimer &deadline,
                                                  const CancelToken &cancel)
{
    return m_pump->execute(command, input, deadline, cancel);
}

} // namespace relayfleet
