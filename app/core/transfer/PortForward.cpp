#include "transfer/PortForward.h"

#include "base/PlatformDescriptors.h"
#include "relay/DeviceConnection.h"

#include <QByteArray>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace relayfleet {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

} // namespace

PortForward::PortForward(std::shared_ptr<RelayConnection> relay, DeviceTarget target,
                         Options options, Notice notice)
    : m_relay(std::move(relay))
    , m_target(std::move(target))
    , m_options(std::move(options))
    , m_notice(std::move(notice))
{
}

Result<std::unique_ptr<PortForward>>
PortForward::start(std::shared_ptr<RelayConnection> relay, const DeviceTarget &target,
                   const Credentials &credentials, KnownHostsFile &knownHosts,
                   const HostKeyPolicy &policy, const Options &options, Notice notice,
                   const CancelToken &cancel)
{
    if (options.devicePort < 1 || options.devicePort > 65535) {
        return Error::make(Error::Code::InvalidInput,
                           tr("%1 is not a port number (1 to 65535).").arg(options.devicePort));
    }
    if (options.localPort < -1 || options.localPort > 65535) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("%1 is not a local port number (1 to 65535).").arg(options.localPort));
    }
    std::unique_ptr<PortForward> forward(
        new PortForward(relay, target, options, std::move(notice)));
    int bound = 0;
    auto listener =
        listenOn(options.bindAddress,
                 options.localPort == -1 ? options.devicePort : options.localPort, bound);
    if (!listener && options.localPort == -1) {
        listener = listenOn(options.bindAddress, 0, bound); // that number is taken here
    }
    if (!listener) {
        return listener.error();
    }
    auto device = DeviceConnection::open(*relay, target, credentials, knownHosts, policy,
                                         QDeadlineTimer(options.connectTimeoutMs), cancel);
    if (!device) {
        return device.error();
    }
    forward->m_listener = std::move(*listener);
    forward->m_localPort = bound;
    forward->m_device = std::make_unique<ChannelPump>(std::move(device->session()),
                                                      tr("device %1").arg(target.displayName()),
                                                      ChannelPump::Liveness{});
    if (!PlatformDescriptors::makeWakePipe(forward->m_wakeRead, forward->m_wakeWrite)) {
        return Error::make(Error::Code::Io, tr("Cannot create a pipe: %1").arg(systemError(errno)));
    }
    PortForward *self = forward.get();
    forward->m_thread = std::thread([self] { self->acceptLoop(); });
    return forward;
}

PortForward::~PortForward()
{
    m_stop.store(true);
    const char byte = 'q';
    if (m_wakeWrite.isValid()) {
        [[maybe_unused]] auto n = ::write(m_wakeWrite.get(), &byte, 1);
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
    m_listener.reset();
    m_device.reset(); // closes every channel, then the device's session
}

Result<UniqueFd> PortForward::listenOn(const QString &address, int port, int &boundPort)
{
    const QByteArray host =
        address == QLatin1String("localhost") ? QByteArrayLiteral("127.0.0.1") : address.toLatin1();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
    addrinfo *found = nullptr;
    const QByteArray service = QByteArray::number(port);
    if (::getaddrinfo(host.constData(), service.constData(), &hints, &found) != 0 || !found) {
        return Error::make(Error::Code::InvalidInput,
                           tr("%1 is not a local IP address to listen on (such as 127.0.0.1 "
                              "or ::1).")
                               .arg(address.left(100)));
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owned(found, ::freeaddrinfo);
    UniqueFd socket = PlatformDescriptors::openStreamSocket(found->ai_family);
    if (!socket.isValid()) {
        return Error::make(Error::Code::Io,
                           tr("Cannot create a socket: %1").arg(systemError(errno)));
    }
    const int yes = 1;
    ::setsockopt(socket.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(socket.get(), found->ai_addr, found->ai_addrlen) != 0 ||
        ::listen(socket.get(), 64) != 0) {
        const int error = errno;
        return Error::make(
            Error::Code::Io,
            tr("Cannot listen on %1 port %2: %3").arg(address).arg(port).arg(systemError(error)));
    }
    sockaddr_storage local{};
    socklen_t length = sizeof local;
    ::getsockname(socket.get(), reinterpret_cast<sockaddr *>(&local), &length);
    boundPort = local.ss_family == AF_INET6
                    ? ntohs(reinterpret_cast<sockaddr_in6 *>(&local)->sin6_port)
                    : ntohs(reinterpret_cast<sockaddr_in *>(&local)->sin_port);
    PlatformDescriptors::setNonBlocking(socket.get());
    return socket;
}

Result<void> PortForward::check(const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    auto stream =
        m_device->openForward(QStringLiteral("127.0.0.1"), m_options.devicePort, deadline, cancel);
    if (!stream) {
        if (stream.error().code == Error::Code::DeviceUnreachable) {
            return Error::make(Error::Code::DeviceUnreachable,
                               tr("Nothing listens on port %1 of %2 (or its sshd does not allow "
                                  "forwarding).")
                                   .arg(m_options.devicePort)
                                   .arg(m_target.displayName()));
        }
        return stream.error();
    }
    return {};
}

QString PortForward::localAddress() const
{
    const bool v6 = m_options.bindAddress.contains(QLatin1Char(':'));
    const QString host = m_options.bindAddress == QLatin1String("localhost")
                             ? QStringLiteral("127.0.0.1")
                             : m_options.bindAddress;
    return v6 ? QStringLiteral("[%1]:%2").arg(host).arg(m_localPort)
              : QStringLiteral("%1:%2").arg(host).arg(m_localPort);
}

bool PortForward::isRunning() const
{
    return !m_stop.load() && m_device && m_device->isAlive();
}

int PortForward::connectionsOpen() const
{
    return m_device ? static_cast<int>(m_device->openStreamCount()) : 0;
}

void PortForward::acceptLoop()
{
    constexpr int kCheckMs = 500;
    while (!m_stop.load()) {
        if (!m_device->isAlive()) {
            if (m_notice) {
                m_notice(tr("The session with %1 was lost; port %2 is no longer forwarded.")
                             .arg(m_target.displayName())
                             .arg(m_options.devicePort));
            }
            return;
        }
        pollfd fds[2] = {{m_listener.get(), POLLIN, 0}, {m_wakeRead.get(), POLLIN, 0}};
        if (::poll(fds, 2, kCheckMs) <= 0 || (fds[1].revents & POLLIN)) {
            continue;
        }
        UniqueFd accepted = PlatformDescriptors::acceptConnection(m_listener.get());
        if (!accepted.isValid()) {
            continue; // the client went away before we took it, or no descriptor was left
        }
        m_served.fetch_add(1);
        m_device->attachForward(
            QStringLiteral("127.0.0.1"), m_options.devicePort, std::move(accepted),
            QDeadlineTimer(m_options.connectTimeoutMs), [this](std::optional<Error> error) {
                if (error && m_notice && !m_stop.load()) {
                    m_notice(error->code == Error::Code::DeviceUnreachable
                                 ? tr("A connection was refused: nothing listens on port %1 of "
                                      "%2 (or its sshd does not allow forwarding).")
                                       .arg(m_options.devicePort)
                                       .arg(m_target.displayName())
                                 : tr("A connection failed: %1").arg(error->message));
                }
            });
    }
}

} // namespace relayfleet
