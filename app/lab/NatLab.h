#pragma once

#include "DeviceMachine.h"
#include "LabCommand.h"
#include "LabNetwork.h"
#include "LinkProxy.h"
#include "base/Result.h"
#include "relay/RelayConfig.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <map>
#include <memory>
#include <vector>

namespace relayfleet::lab {

// The NAT lab: real OpenSSH sshd processes for one relay and N devices. As root each host
// lives in its own network namespace with its own /root (a bind mount in a private mount
// namespace) and hostname; a device's only link is a veth to the relay's namespace, so the
// reverse tunnel is the only way in. Without root it falls back to loopback ports.
// The "Mac" reaches the relay through a userspace proxy on 127.0.0.1 that can add delay or
// black-hole the link. Everything started is stopped by the destructor, even after a failure.
class NatLab
{
public:
    enum class Isolation
    {
        Auto,
        Namespaces,
        Loopback
    };
    enum class TunnelClient
    {
        Ssh,
        Autossh
    };

    struct Options
    {
        int devices = 0;
        int macRelayDelayMs = 0;    // one way, each direction
        int relayDeviceDelayMs = 0; // one way, each direction
        Isolation isolation = Isolation::Auto;
        // The relay sshd's MaxStartups. The lab allows many logins at once so that tests
        // never see refusals they did not ask for; empty: sshd's own default (10:30:100),
        // as a relay that was never tuned has.
        QString relayMaxStartups = QStringLiteral("1000");
        // The relay sshd's MaxSessions (session channels per connection; direct-tcpip ones
        // are not counted). 0: sshd's own default (10), as on every relay.
        int relayMaxSessions = 0;
    };

    static Result<std::unique_ptr<NatLab>> start(const Options &options);
    ~NatLab();
    NatLab(const NatLab &) = delete;
    NatLab &operator=(const NatLab &) = delete;

    bool isolated() const { return m_isolated; }
    QString dir() const { return m_dir.path(); }
    QString id() const { return m_id; }

    // What the "Mac" connects to.
    QString relayHost() const { return QStringLiteral("127.0.0.1"); }
    int relayPort() const { return m_macPort; }
    QString relayUser() const { return m_user; }
    QString relayHome() const;
    QString clientKey() const; // the developer's private key (unencrypted; lab only)
    QString relayHostKeyFingerprint() const;
    // The relay as the app knows it: named `name`, logging in with clientKey().
    RelayConfig relayConfig(const QString &name = QStringLiteral("lab")) const;

    int deviceCount() const { return static_cast<int>(m_devices.size()); }
    QString deviceName(int index) const;
    QString deviceUser() const { return m_user; }
    // Who the app logs in to device `index` as: the lab's user, or a booted device's own.
    QString deviceUser(int index) const;
    QString deviceHome(int index) const;
    // The port of the device's sshd inside its own network (22 when isolated).
    int deviceSshPort(int index) const { return m_devices.at(static_cast<size_t>(index))->sshPort; }
    QString deviceHostKeyFingerprint(int index) const;
    Result<int> addDevice();
    // A device that is a machine of its own, made by `make` (a booted Pi: the tests'
    // BootedDevice); the app logs in as `user`. Namespaces only. Power loss and boot work as
    // for the others.
    Result<int> addMachineDevice(const QString &user, const DeviceMachine::Factory &make);
    bool isBooted(int index) const
    {
        return m_devices.at(static_cast<size_t>(index))->booted != nullptr;
    }

    // A seed-style hand-made tunnel (`ssh -R PORT:localhost:22`, or autossh -M 0) started on
    // the device; returns once the relay listens on PORT.
    Result<void> startSeedTunnel(int index, int relayPort, TunnelClient client = TunnelClient::Ssh);
    // Runs the same tunnel client once in the foreground and reports how it ended.
    Result<LabCommandResult> runSeedTunnelOnce(int index, int relayPort, int timeoutMs);
    void stopTunnel(int index);
    bool relayListens(int port) const;
    // Every port the relay listens on (one look, for many ports at once).
    QSet<int> relayListeningPorts() const;
    // How many connections the relay's sshd has refused for MaxStartups since the lab began.
    int relayMaxStartupsRefusals() const;
    // What the relay's sshd costs right now: its processes (the listener and every session's),
    // their memory (proportional set size: shared pages split between them) and open files.
    struct RelayCost
    {
        int processes = 0;
        double pssMegabytes = 0;
        int openFiles = 0;
    };
    RelayCost relayCost() const;
    Result<void> waitForRelayListener(int port, bool listening, int timeoutMs) const;

    // Power loss: the link goes first (no FIN reaches the relay), then every process of the
    // device, then its namespace. The relay keeps the dead session and its port.
    Result<void> powerLoss(int index);
    // The device's sshd ends every session it serves (as when it restarts), keeping its
    // listener and the device's tunnel; returns how many sessions it ended.
    Result<int> endDeviceSessions(int index);
    // Power back on: a fresh namespace and link (a new carrier address), same disk.
    Result<void> boot(int index);
    // A reinstalled host: new host key, sshd restarted.
    Result<void> regenerateDeviceHostKey(int index);
    // Stops a device's own sshd and leaves its tunnel up: a device whose sshd crashed, or
    // listens elsewhere than where the tunnel forwards.
    void stopDeviceSshd(int index);
    Result<void> regenerateRelayHostKey();
    Result<void> stopRelay();
    Result<void> startRelay();

    // The relay's storage as a failing disk leaves it: its registry folder read-only, or its
    // home on a full file system (a copy on a small tmpfs). Namespaces only: the mounts live in
    // the relay's own mount namespace, so the lab's files outside stay as they were. Normal
    // puts the relay back on its own files; the relay keeps running throughout.
    enum class RelayStorage
    {
        Normal,
        RegistryReadOnly,
        DiskFull
    };
    Result<void> setRelayStorage(RelayStorage storage);
    // Runs `sh -c script` on the relay as its user sees it (its namespaces, its $HOME).
    Result<LabCommandResult> runOnRelay(const QString &script, int timeoutMs = 15000);

    // A throwaway relay account that logs in with a password (root only; removed with the
    // lab). Returns the user name.
    Result<QString> createPasswordUser(const QString &password);

    Result<void> setMacRelayDelay(int ms);
    // The one-way delay on every device's link to the relay (the lab must have been started
    // with relayDeviceDelayMs > 0, which puts those links through the proxy).
    Result<void> setRelayDeviceDelay(int ms);

    // What crossed one of the proxy's links so far (see rflab-proxy's "stats").
    struct LinkStats
    {
        long connections = 0;
        long clientFlights = 0; // from the side that connected (the Mac; a device's tunnel client)
        long serverFlights = 0;
    };
    Result<LinkStats> linkStats(const QString &route);
    // Every frame on a device's only link (its eth0 in its namespace), both ways, since that
    // link was made at power-on: what a carrier counts (Ethernet's 14-byte header included,
    // which a carrier does not see). Isolated labs only: on loopback a device has no link.
    using LinkCounters = LabNetwork::LinkCounters;
    Result<LinkCounters> deviceLinkCounters(int index) const;
    static QString macRoute() { return QStringLiteral("mac"); }
    QString deviceRoute(int index) const;
    Result<void> setMacRelayBlackhole(bool on);
    // A carrier's NAT between every device and the relay: a TCP connection idle for longer
    // than `idleSeconds` is forgotten, and every packet of it after that is dropped both ways
    // (conntrack's established timeout, with no picking up of a connection it does not know:
    // as carrier-grade NAT does). Connections made before it was set are unknown to it and
    // dropped too, as after a modem's re-attach. 0 takes it away. Isolated labs only.
    Result<void> setCarrierNat(int idleSeconds);
    // The device's carrier link down (no route to anywhere) or up again.
    Result<void> setDeviceLink(int index, bool up);
    // A booted device reaches the relay by the name relayNameForDevice() (its /etc/hosts, as
    // DNS would). What that name gives can be changed: nothing (a failing DNS), or an address
    // routed towards the relay's network where nothing answers (connections time out; the
    // relay's namespace forwards nothing, so no packet leaves the lab).
    enum class RelayName
    {
        Relay,
        Unknown,
        Unanswered
    };
    QString relayNameForDevice() const { return QStringLiteral("relay.lab"); }
    Result<void> setRelayName(int index, RelayName answer);

    // A free port on the relay's loopback for a tunnel.
    int allocateRelayPort();

    // Where a device's programs reach the relay (stable across reboots, as a DNS name is).
    QString relayHostForDevice(int index) const;
    int relayPortForDevice(int index) const;
    // A port on 127.0.0.1 that reaches the device's sshd directly, as if on the same LAN.
    Result<int> lanPort(int index);
    // Runs a command on the device, as the device's user, in its namespaces.
    Result<LabCommandResult> runOnDevice(int index, const QStringList &argv, int timeoutMs = 30000);
    // A long-running program on the device (program A), stopped by stopProgram or with the lab.
    Result<void> startProgram(int index, const QString &name, const QStringList &argv);
    void stopProgram(int index, const QString &name);
    // Starts ~/.relayfleet/tunnel run on the device, as its boot would (enrolled devices).
    Result<void> startRunner(int index);
    bool hasRunner(int index) const;
    bool poweredOn(int index) const { return m_devices.at(static_cast<size_t>(index))->poweredOn; }
    bool relayRunning() const { return m_relaySshd != nullptr; }

private:
    struct Device
    {
        QString name;
        QString netns;
        QString veth;
        int bootCount = 0;
        int subnet = -1;           // fixed per device: the relay keeps one address for it
        int loopbackRoutePort = 0; // fixed per device in the loopback fallback
        int sshPort = 22;          // the device sshd's port inside its own loopback
        QString relayAddress;      // where its tunnel client connects to reach the relay
        int relayAddressPort = 22;
        std::unique_ptr<QProcess> sshd;
        std::unique_ptr<QProcess> tunnel;
        std::unique_ptr<QProcess> runner;
        std::map<QString, std::unique_ptr<QProcess>> programs;
        std::unique_ptr<DeviceMachine> booted; // a machine of its own, else null
        int lanPort = 0;
        bool poweredOn = false;
    };

    NatLab(Options options, QString id);
    Result<void> setUp();
    Result<void> setUpRelay();
    Result<void> setUpDeviceDisk(Device &device);
    Result<void> powerOn(Device &device);
    Result<void> connectDeviceNamespace(Device &device);
    Result<void> routeLoopbackDevice(Device &device);
    Result<void> startSshd(std::unique_ptr<QProcess> &slot, const QString &netns,
                           const QString &home, const QString &config, const QString &host);
    std::unique_ptr<QProcess> launch(const QString &netns, const QString &home,
                                     const QString &hostname, const QStringList &argv) const;
    // `argv` on the device, as its user (a booted device's own, or the lab's).
    std::unique_ptr<QProcess> launchOnDevice(const Device &device, const QStringList &argv) const;
    QStringList tunnelArgv(const Device &device, int relayPort, TunnelClient client) const;
    Result<void> addDefaultRoute(const Device &device);
    QStringList inNamespace(const QString &netns, const QStringList &argv) const;
    QString hostDir(const QString &name) const;
    int freeLoopbackPort() const;
    void tearDown();
    int indexOf(const Device &device) const;

    Options m_options;
    QString m_id;
    QTemporaryDir m_dir;
    bool m_isolated = false;
    QString m_user;
    QString m_relayNetns;
    int m_relayPort = 22;
    int m_macPort = 0;
    int m_nextRelayPort = 4649;
    int m_nextSubnet = 0;
    QString m_passwordUser;
    RelayStorage m_relayStorage = RelayStorage::Normal;
    std::unique_ptr<QProcess> m_relaySshd;
    LinkProxy m_proxy;
    std::vector<std::unique_ptr<Device>> m_devices;
};

} // namespace relayfleet::lab
