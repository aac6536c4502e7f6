#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "base/UniqueFd.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConnection.h"
#include "ssh/ChannelPump.h"

#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace relayfleet {

// A port of a device reachable from this computer (`ssh -J relay -L`): listens on a local
// address (loopback unless asked otherwise) and carries each connection, as a `direct-tcpip`
// channel of the device's session through the relay, to 127.0.0.1:PORT on the device. One
// device session serves every connection; its own I/O thread (a ChannelPump) moves the bytes.
class PortForward
{
    Q_DECLARE_TR_FUNCTIONS(PortForward)
public:
    struct Options
    {
        int devicePort = 0;
        QString bindAddress = QStringLiteral("127.0.0.1");
        // 0: any free port; -1: the device's port number if it is free here, else any.
        int localPort = -1;
        int connectTimeoutMs = 15000;
    };
    // Something a person should know, from the forward's threads: a connection the device
    // refused, the device's session lost.
    using Notice = std::function<void(const QString &text)>;

    static Result<std::unique_ptr<PortForward>>
    start(std::shared_ptr<RelayConnection> relay, const DeviceTarget &target,
          const Credentials &credentials, KnownHostsFile &knownHosts, const HostKeyPolicy &policy,
          const Options &options, Notice notice, const CancelToken &cancel);
    ~PortForward(); // stops listening and closes every channel
    PortForward(const PortForward &) = delete;
    PortForward &operator=(const PortForward &) = delete;

    // Whether something listens on the device's port right now (one connection opened and
    // closed through the device's session): the window says so before opening a browser.
    Result<void> check(const QDeadlineTimer &deadline, const CancelToken &cancel);

    int localPort() const { return m_localPort; }
    int devicePort() const { return m_options.devicePort; }
    QString localAddress() const; // "127.0.0.1:8080", "[::1]:8080"
    const DeviceTarget &target() const { return m_target; }
    // False once the device's session was lost (the forward cannot serve any more).
    bool isRunning() const;
    int connectionsServed() const { return m_served.load(); }
    int connectionsOpen() const;

private:
    PortForward(std::shared_ptr<RelayConnection> relay, DeviceTarget target, Options options,
                Notice notice);
    static Result<UniqueFd> listenOn(const QString &address, int port, int &boundPort);
    void acceptLoop();

    std::shared_ptr<RelayConnection> m_relay; // the device's session runs inside it
    DeviceTarget m_target;
    Options m_options;
    Notice m_notice;
    std::unique_ptr<ChannelPump> m_device;
    UniqueFd m_listener;
    UniqueFd m_wakeRead;
    UniqueFd m_wakeWrite;
    int m_localPort = 0;
    std::atomic_bool m_stop{false};
    std::atomic_int m_served{0};
    std::thread m_thread;
};

} // namespace relayfleet
