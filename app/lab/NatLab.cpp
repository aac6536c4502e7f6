#include "NatLab.h"

#include "AbandonedLabs.h"
#include "LabFiles.h"
#include "LabNetwork.h"
#include "LabProcesses.h"
#include "LabSshd.h"
#include "hostkeys/HostKey.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QThread>
#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace relayfleet::lab {

namespace {

constexpr int kStartTimeoutMs = LabSshd::kStartTimeoutMs;

Error labError(const QString &message)
{
    return LabCommand::error(message);
}

// Processes that escaped their parent (a runner started with setsid over SSH is reparented
// to init) are found by the lab path on their command line.
void killProcessesMentioning(const QString &path)
{
    // Only ever a lab's own directory: a short or foreign needle could match anything.
    if (!path.contains(QStringLiteral("/rflab-"))) {
        return;
    }
    const QByteArray needle = path.toLocal8Bit();
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool ok = false;
        const qint64 pid = QFileInfo(dir).fileName().toLongLong(&ok);
        if (!ok || pid <= 1 || pid == getpid()) {
            continue;
        }
        if (LabFiles::read(dir + QStringLiteral("/cmdline")).contains(needle)) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
    }
}

void stopProcess(std::unique_ptr<QProcess> &process, bool gracefully)
{
    if (!process) {
        return;
    }
    if (process->state() != QProcess::NotRunning) {
        if (gracefully) {
            process->terminate();
            if (!process->waitForFinished(3000)) {
                process->kill();
            }
        } else {
            process->kill();
        }
        process->waitForFinished(5000);
    }
    process.reset();
}

QString currentUserName()
{
    const passwd *pw = getpwuid(geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("root");
}

} // namespace

NatLab::NatLab(Options options, QString id)
    : m_options(options)
    , m_id(std::move(id))
    , m_dir(QDir::tempPath() + QStringLiteral("/rflab-%1-XXXXXX").arg(m_id))
{
}

Result<std::unique_ptr<NatLab>> NatLab::start(const Options &options)
{
    AbandonedLabs::cleanUp();
    const QString id = QString::number(QRandomGenerator::global()->bounded(0x1000, 0xffff), 16);
    std::unique_ptr<NatLab> lab(new NatLab(options, id));
    if (!lab->m_dir.isValid()) {
        return labError(QStringLiteral("cannot create a temporary directory."));
    }
    if (auto rc = lab->setUp(); !rc) {
        return rc.error(); // the destructor removes what was started
    }
    return lab;
}

NatLab::~NatLab()
{
    tearDown();
}

QString NatLab::hostDir(const QString &name) const
{
    return m_dir.path() + QLatin1Char('/') + name;
}

QString NatLab::relayHome() const
{
    return hostDir(QStringLiteral("relay")) + QStringLiteral("/home");
}

QString NatLab::clientKey() const
{
    return hostDir(QStringLiteral("client")) + QStringLiteral("/id_ed25519");
}

QString NatLab::deviceName(int index) const
{
    return m_devices.at(static_cast<size_t>(index))->name;
}

QString NatLab::deviceHome(int index) const
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    return device.booted ? device.booted->home() : hostDir(device.name) + QStringLiteral("/home");
}

QString NatLab::deviceUser(int index) const
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    return device.booted ? device.booted->user() : m_user;
}

static QString fingerprintOfPublicKeyFile(const QString &path)
{
    auto key = HostKey::fromOpenSsh(QString::fromLatin1(LabFiles::read(path)));
    return key ? key->fingerprint() : QString();
}

QString NatLab::relayHostKeyFingerprint() const
{
    return fingerprintOfPublicKeyFile(hostDir(QStringLiteral("relay")) +
                                      QStringLiteral("/ssh_host_ed25519_key.pub"));
}

RelayConfig NatLab::relayConfig(const QString &name) const
{
    RelayConfig relay;
    relay.name = name;
    relay.user = m_user;
    relay.host = relayHost();
    relay.port = m_macPort;
    relay.identityFile = clientKey();
    return relay;
}

QString NatLab::deviceHostKeyFingerprint(int index) const
{
    return fingerprintOfPublicKeyFile(hostDir(deviceName(index)) +
                                      QStringLiteral("/ssh_host_ed25519_key.pub"));
}

int NatLab::freeLoopbackPort() const
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QStringList NatLab::inNamespace(const QString &netns, const QStringList &argv) const
{
    if (!m_isolated || netns.isEmpty()) {
        return argv;
    }
    return LabNetwork::inNamespace(netns, argv);
}

std::unique_ptr<QProcess> NatLab::launchOnDevice(const Device &device,
                                                 const QStringList &argv) const
{
    if (!device.booted) {
        return launch(device.netns, hostDir(device.name) + QStringLiteral("/home"), device.name,
                      argv);
    }
    auto process = std::make_unique<QProcess>();
    process->setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    const QStringList full = device.booted->commandLine(argv);
    process->start(full.first(), full.mid(1));
    return process;
}

std::unique_ptr<QProcess> NatLab::launch(const QString &netns, const QString &home,
                                         const QString &hostname, const QStringList &argv) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    env.insert(QStringLiteral("AUTOSSH_GATETIME"), QStringLiteral("0"));
    env.insert(QStringLiteral("AUTOSSH_POLL"), QStringLiteral("10"));
    if (!m_isolated) {
        env.insert(QStringLiteral("HOME"), home);
    }
    process->setProcessEnvironment(env);
    // If the test process dies, its lab processes die with it.
    process->setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QStringList full = argv;
    if (m_isolated) {
        // A private mount namespace gives the host its own /root, a UTS namespace its name.
        full = QStringList{QStringLiteral("ip"),
                           QStringLiteral("netns"),
                           QStringLiteral("exec"),
                           netns,
                           QStringLiteral("unshare"),
                           QStringLiteral("--mount"),
                           QStringLiteral("--uts"),
                           QStringLiteral("--propagation"),
                           QStringLiteral("private"),
                           QStringLiteral("--"),
                           QStringLiteral("sh"),
                           QStringLiteral("-c"),
                           QStringLiteral("mount --bind \"$1\" /root && hostname \"$2\" && "
                                          "shift 2 && exec \"$@\""),
                           QStringLiteral("rflab"),
                           home,
                           hostname} +
               argv;
    }
    process->start(full.first(), full.mid(1));
    return process;
}

Result<void> NatLab::startSshd(std::unique_ptr<QProcess> &slot, const QString &netns,
                               const QString &home, const QString &config, const QString &host)
{
    // sshd logs to a file, not to a pipe: a pipe that nobody drains (a benchmark busy between
    // event-loop turns) fills after some dozens of logins, and sshd then blocks on every new one.
    const QString logPath = QFileInfo(config).dir().filePath(QStringLiteral("sshd.log"));
    const qint64 logStart = QFileInfo(logPath).size();
    slot = launch(netns, home, host,
                  {QStringLiteral("/usr/sbin/sshd"), QStringLiteral("-D"), QStringLiteral("-E"),
                   logPath, QStringLiteral("-f"), config});
    return LabSshd::waitUntilListening(*slot, logPath, logStart, host);
}

Result<void> NatLab::setUp()
{
    const bool root = geteuid() == 0;
    // RELAYFLEET_LAB_ISOLATION=loopback runs the loopback fallback even as root, so CI covers it.
    const bool forceLoopback =
        qEnvironmentVariable("RELAYFLEET_LAB_ISOLATION") == QLatin1String("loopback");
    switch (m_options.isolation) {
    case Isolation::Auto:
        m_isolated = root && !forceLoopback;
        break;
    case Isolation::Namespaces:
        if (!root) {
            return labError(QStringLiteral("network namespaces need root."));
        }
        m_isolated = true;
        break;
    case Isolation::Loopback:
        m_isolated = false;
        break;
    }
    m_user = m_isolated ? QStringLiteral("root") : currentUserName();
    LabFiles::write(m_dir.path() + QStringLiteral("/owner.pid"), QByteArray::number(getpid()),
                    QFile::ReadOwner | QFile::WriteOwner);
    QDir().mkpath(hostDir(QStringLiteral("client")));
    if (auto rc = LabSshd::generateKey(clientKey(), QStringLiteral("developer@mac")); !rc) {
        return rc;
    }
    if (root) {
        QDir().mkpath(QStringLiteral("/run/sshd"));
    }
    if (auto rc = setUpRelay(); !rc) {
        return rc;
    }
    for (int i = 0; i < m_options.devices; ++i) {
        if (auto rc = addDevice(); !rc) {
            return rc.error();
        }
    }
    return {};
}

Result<void> NatLab::setUpRelay()
{
    const QString dir = hostDir(QStringLiteral("relay"));
    QDir().mkpath(relayHome() + QStringLiteral("/.ssh"));
    QFile::setPermissions(relayHome() + QStringLiteral("/.ssh"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (auto rc = LabSshd::generateKey(dir + QStringLiteral("/ssh_host_ed25519_key"),
                                       QStringLiteral("relay"));
        !rc) {
        return rc;
    }
    LabFiles::write(relayHome() + QStringLiteral("/.ssh/authorized_keys"),
                    LabFiles::read(clientKey() + QStringLiteral(".pub")),
                    QFile::ReadOwner | QFile::WriteOwner);
    if (m_isolated) {
        m_relayNetns = QStringLiteral("rfl%1-relay").arg(m_id);
        for (const QStringList &argv :
             {QStringList{QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("add"),
                          m_relayNetns},
              QStringList{QStringLiteral("ip"), QStringLiteral("-n"), m_relayNetns,
                          QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                          QStringLiteral("up")}}) {
            if (auto rc = LabCommand::check(argv); !rc) {
                return rc.error();
            }
        }
        m_relayPort = 22;
    } else {
        m_relayPort = freeLoopbackPort();
    }
    // Password logins only for the lab's throwaway accounts (see createPasswordUser).
    const QString passwordMatch =
        QStringLiteral("Match User rflabpw*\n    PasswordAuthentication yes\n");
    LabFiles::write(
        dir + QStringLiteral("/sshd_config"),
        (LabSshd::config({dir, m_isolated ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1"),
                          m_relayPort, m_options.relayMaxStartups, m_options.relayMaxSessions,
                          m_isolated}) +
         passwordMatch)
            .toUtf8(),
        QFile::ReadOwner | QFile::WriteOwner);
    if (auto rc = startRelay(); !rc) {
        return rc;
    }
    if (auto rc = m_proxy.start(); !rc) {
        return rc;
    }
    auto port = m_proxy.route(QStringLiteral("route mac - 127.0.0.1:0 %1 127.0.0.1:%2 %3")
                                  .arg(m_isolated ? m_relayNetns : QStringLiteral("-"))
                                  .arg(m_relayPort)
                                  .arg(m_options.macRelayDelayMs));
    if (!port) {
        return port.error();
    }
    m_macPort = port.value();
    return {};
}

Result<void> NatLab::startRelay()
{
    const QString dir = hostDir(QStringLiteral("relay"));
    return startSshd(m_relaySshd, m_relayNetns, relayHome(), dir + QStringLiteral("/sshd_config"),
                     QStringLiteral("relay"));
}

Result<void> NatLab::stopRelay()
{
    if (!m_relaySshd) {
        return {};
    }
    const qint64 pid = m_relaySshd->processId();
    // Frozen first, so that it accepts no new connection while its sessions are ended: a
    // client whose session was killed could otherwise log in again before the listener died,
    // and that session would outlive the "stopped" relay (FaultTest saw an undo succeed so).
    ::kill(static_cast<pid_t>(pid), SIGSTOP);
    // Its per-connection children hold the sessions: they go too, as when a relay reboots.
    LabProcesses::killDescendants(pid);
    stopProcess(m_relaySshd, false);
    m_relayStorage = RelayStorage::Normal; // its mounts went with its mount namespace
    return {};
}

Result<void> NatLab::regenerateRelayHostKey()
{
    if (auto rc = stopRelay(); !rc) {
        return rc;
    }
    if (auto rc = LabSshd::generateKey(hostDir(QStringLiteral("relay")) +
                                           QStringLiteral("/ssh_host_ed25519_key"),
                                       QStringLiteral("relay-reinstalled"));
        !rc) {
        return rc;
    }
    return startRelay();
}

Result<int> NatLab::addDevice()
{
    auto device = std::make_unique<Device>();
    const int index = static_cast<int>(m_devices.size());
    device->name = QStringLiteral("dev%1").arg(index + 1);
    if (auto rc = setUpDeviceDisk(*device); !rc) {
        return rc.error();
    }
    m_devices.push_back(std::move(device));
    if (auto rc = powerOn(*m_devices.back()); !rc) {
        return rc.error();
    }
    return index;
}

Result<int> NatLab::addMachineDevice(const QString &user, const DeviceMachine::Factory &make)
{
    if (!m_isolated) {
        return labError(QStringLiteral("a booted device needs network namespaces (run as root)."));
    }
    auto device = std::make_unique<Device>();
    const int index = static_cast<int>(m_devices.size());
    device->name = QStringLiteral("dev%1").arg(index + 1);
    const QString dir = hostDir(device->name);
    QDir().mkpath(dir);
    const QString hostKey = dir + QStringLiteral("/ssh_host_ed25519_key");
    if (auto rc = LabSshd::generateKey(hostKey, device->name); !rc) {
        return rc.error();
    }
    // Named after the lab as well: two labs at once boot two machines of their own.
    auto booted = make({dir, QStringLiteral("rfl%1-%2").arg(m_id, device->name), user, hostKey,
                        LabFiles::read(clientKey() + QStringLiteral(".pub"))});
    if (!booted) {
        return booted.error();
    }
    device->booted = std::move(*booted);
    m_devices.push_back(std::move(device));
    if (auto rc = powerOn(*m_devices.back()); !rc) {
        return rc.error();
    }
    return index;
}

Result<void> NatLab::setUpDeviceDisk(Device &device)
{
    const QString dir = hostDir(device.name);
    const QString home = dir + QStringLiteral("/home");
    QDir().mkpath(home + QStringLiteral("/.ssh"));
    QFile::setPermissions(home + QStringLiteral("/.ssh"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (auto rc = LabSshd::generateKey(dir + QStringLiteral("/ssh_host_ed25519_key"), device.name);
        !rc) {
        return rc;
    }
    // The seed's tunnel key: made on the device, no passphrase, authorised on the relay.
    if (auto rc = LabSshd::generateKey(home + QStringLiteral("/.ssh/id_ed25519"),
                                       QStringLiteral("tunnel@") + device.name);
        !rc) {
        return rc;
    }
    LabFiles::write(home + QStringLiteral("/.ssh/authorized_keys"),
                    LabFiles::read(clientKey() + QStringLiteral(".pub")),
                    QFile::ReadOwner | QFile::WriteOwner);
    LabFiles::write(home + QStringLiteral("/.ssh/known_hosts"),
                    "relay " + LabFiles::read(hostDir(QStringLiteral("relay")) +
                                              QStringLiteral("/ssh_host_ed25519_key.pub")),
                    QFile::ReadOwner | QFile::WriteOwner);
    LabFiles::write(home + QStringLiteral("/lab-identity"), device.name.toUtf8() + '\n',
                    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (!LabFiles::append(relayHome() + QStringLiteral("/.ssh/authorized_keys"),
                          LabFiles::read(home + QStringLiteral("/.ssh/id_ed25519.pub")))) {
        return labError(
            QStringLiteral("cannot authorise %1's tunnel key on the relay.").arg(device.name));
    }
    return {};
}

Result<void> NatLab::powerOn(Device &device)
{
    ++device.bootCount;
    if (auto rc = m_isolated ? connectDeviceNamespace(device) : routeLoopbackDevice(device); !rc) {
        return rc;
    }
    const QString dir = hostDir(device.name);
    const QString home = dir + QStringLiteral("/home");
    if (device.booted) {
        if (auto rc = device.booted->setHostsEntry(device.relayAddress, relayNameForDevice());
            !rc) {
            return rc;
        }
        // Its own systemd starts its sshd, and cron or the systemd unit its runner.
        if (auto rc = device.booted->boot(device.netns); !rc) {
            return rc;
        }
        device.poweredOn = true;
        return {};
    }
    LabFiles::write(dir + QStringLiteral("/sshd_config"),
                    LabSshd::config({dir, QStringLiteral("127.0.0.1"), device.sshPort,
                                     QStringLiteral("1000"), 0, m_isolated})
                        .toUtf8(),
                    QFile::ReadOwner | QFile::WriteOwner);
    if (auto rc = startSshd(device.sshd, device.netns, home, dir + QStringLiteral("/sshd_config"),
                            device.name);
        !rc) {
        return rc;
    }
    device.poweredOn = true;
    // An enrolled device starts its tunnel runner at boot, as systemd or cron would.
    if (const int index = indexOf(device); index >= 0 && hasRunner(index)) {
        return startRunner(index);
    }
    return {};
}

// The device's own network namespace, linked to the relay's by a veth pair of this boot, its
// link to the relay through the proxy when the lab delays it.
Result<void> NatLab::connectDeviceNamespace(Device &device)
{
    device.netns = QStringLiteral("rfl%1-%2").arg(m_id, device.name);
    if (device.subnet < 0) {
        device.subnet = m_nextSubnet++;
    }
    device.veth = QStringLiteral("rfl%1v%2b%3").arg(m_id).arg(device.subnet).arg(device.bootCount);
    const QString prefix =
        QStringLiteral("10.%1.%2.").arg(100 + device.subnet / 250).arg(device.subnet % 250);
    device.relayAddress = prefix + QLatin1Char('1');
    // A new carrier address on every boot: the relay's dead session keeps pointing at the
    // old one, which no longer answers (no RST can end it early).
    const QString deviceAddress = prefix + QString::number(10 + device.bootCount);
    device.relayAddressPort = 22;
    device.sshPort = 22;
    if (auto rc =
            LabNetwork::linkDevice(device.netns, m_relayNetns, device.veth, prefix, deviceAddress);
        !rc) {
        return rc;
    }
    if (auto rc = addDefaultRoute(device); !rc) {
        return rc;
    }
    if (m_options.relayDeviceDelayMs > 0) {
        auto port = m_proxy.route(QStringLiteral("route %1-b%2 %3 127.0.0.1:2200 %3 %4:22 %5")
                                      .arg(device.name)
                                      .arg(device.bootCount)
                                      .arg(device.netns, device.relayAddress)
                                      .arg(m_options.relayDeviceDelayMs));
        if (!port) {
            return port.error();
        }
        device.relayAddress = QStringLiteral("127.0.0.1");
        device.relayAddressPort = port.value();
    }
    return {};
}

// Without namespaces the device's sshd listens on a loopback port of its own.
Result<void> NatLab::routeLoopbackDevice(Device &device)
{
    if (device.sshPort == 22) {
        device.sshPort = freeLoopbackPort();
    }
    // Even on loopback the tunnel crosses the proxy, so a power loss can leave the
    // relay's end of the connection open as a dead link does.
    auto port = m_proxy.route(QStringLiteral("route %1-b%2 - 127.0.0.1:%3 - 127.0.0.1:%4 %5")
                                  .arg(device.name)
                                  .arg(device.bootCount)
                                  .arg(device.loopbackRoutePort)
                                  .arg(m_relayPort)
                                  .arg(m_options.relayDeviceDelayMs));
    if (!port) {
        return port.error();
    }
    device.relayAddress = QStringLiteral("127.0.0.1");
    device.relayAddressPort = port.value();
    device.loopbackRoutePort = device.relayAddressPort;
    return {};
}

QStringList NatLab::tunnelArgv(const Device &device, int relayPort, TunnelClient client) const
{
    const QString home =
        m_isolated ? QStringLiteral("/root") : hostDir(device.name) + QStringLiteral("/home");
    QStringList argv;
    if (client == TunnelClient::Autossh) {
        argv << QStringLiteral("autossh") << QStringLiteral("-M") << QStringLiteral("0");
    } else {
        argv << QStringLiteral("ssh");
    }
    argv << QStringLiteral("-N") << QStringLiteral("-F") << QStringLiteral("/dev/null")
         << QStringLiteral("-R")
         << QStringLiteral("%1:localhost:%2").arg(relayPort).arg(device.sshPort)
         << QStringLiteral("-i") << home + QStringLiteral("/.ssh/id_ed25519")
         << QStringLiteral("-o") << QStringLiteral("IdentitiesOnly=yes") << QStringLiteral("-o")
         << QStringLiteral("UserKnownHostsFile=%1/.ssh/known_hosts").arg(home)
         << QStringLiteral("-o") << QStringLiteral("HostKeyAlias=relay") << QStringLiteral("-o")
         << QStringLiteral("StrictHostKeyChecking=yes") << QStringLiteral("-o")
         << QStringLiteral("BatchMode=yes") << QStringLiteral("-o")
         << QStringLiteral("ExitOnForwardFailure=yes") << QStringLiteral("-o")
         << QStringLiteral("ServerAliveInterval=60") << QStringLiteral("-o")
         << QStringLiteral("ServerAliveCountMax=3") << QStringLiteral("-p")
         << QString::number(device.relayAddressPort)
         << QStringLiteral("%1@%2").arg(m_user, device.relayAddress);
    return argv;
}

Result<void> NatLab::startSeedTunnel(int index, int relayPort, TunnelClient client)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    stopProcess(device.tunnel, true);
    device.tunnel = launch(device.netns, hostDir(device.name) + QStringLiteral("/home"),
                           device.name, tunnelArgv(device, relayPort, client));
    if (auto rc = waitForRelayListener(relayPort, true, kStartTimeoutMs); !rc) {
        const QByteArray err = device.tunnel->readAllStandardError();
        return labError(QStringLiteral("%1's tunnel to port %2 did not come up: %3")
                            .arg(device.name)
                            .arg(relayPort)
                            .arg(QString::fromLocal8Bit(err).trimmed()));
    }
    return {};
}

Result<LabCommandResult> NatLab::runSeedTunnelOnce(int index, int relayPort, int timeoutMs)
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    auto process = launch(device.netns, hostDir(device.name) + QStringLiteral("/home"), device.name,
                          tunnelArgv(device, relayPort, TunnelClient::Ssh));
    LabCommandResult result;
    if (!process->waitForFinished(timeoutMs)) {
        stopProcess(process, true);
        return labError(QStringLiteral("the tunnel client kept running for %1 ms").arg(timeoutMs));
    }
    result.exitCode = process->exitCode();
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}

void NatLab::stopTunnel(int index)
{
    stopProcess(m_devices.at(static_cast<size_t>(index))->tunnel, true);
}

bool NatLab::relayListens(int port) const
{
    auto rc =
        LabCommand::run(inNamespace(m_relayNetns, {QStringLiteral("ss"), QStringLiteral("-Htln"),
                                                   QStringLiteral("sport = :%1").arg(port)}));
    return rc && rc->exitCode == 0 && !rc->out.trimmed().isEmpty();
}

QSet<int> NatLab::relayListeningPorts() const
{
    QSet<int> ports;
    auto rc =
        LabCommand::run(inNamespace(m_relayNetns, {QStringLiteral("ss"), QStringLiteral("-Htln")}));
    if (!rc || rc->exitCode != 0) {
        return ports;
    }
    // "LISTEN 0 128 127.0.0.1:4649 0.0.0.0:*": the port ends the fourth field.
    for (const QByteArray &line : rc->out.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 4) {
            const QByteArray &local = fields[3];
            ports.insert(local.mid(local.lastIndexOf(':') + 1).toInt());
        }
    }
    return ports;
}

NatLab::RelayCost NatLab::relayCost() const
{
    RelayCost cost;
    if (!m_relaySshd) {
        return cost;
    }
    QList<qint64> pids = LabProcesses::descendantsOf(m_relaySshd->processId());
    pids.prepend(m_relaySshd->processId());
    for (qint64 pid : std::as_const(pids)) {
        const QString proc = QStringLiteral("/proc/%1").arg(pid);
        const QByteArray rollup = LabFiles::read(proc + QStringLiteral("/smaps_rollup"));
        const qsizetype at = rollup.indexOf("\nPss:");
        if (at < 0) {
            continue; // ended meanwhile
        }
        ++cost.processes;
        cost.pssMegabytes += rollup.mid(at + 5, rollup.indexOf('\n', at + 1) - at - 5)
                                 .trimmed()
                                 .split(' ')
                                 .first()
                                 .toDouble() /
                             1024.0;
        cost.openFiles +=
            static_cast<int>(QDir(proc + QStringLiteral("/fd"))
                                 .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)
                                 .size());
    }
    return cost;
}

int NatLab::relayMaxStartupsRefusals() const
{
    QFile log(hostDir(QStringLiteral("relay")) + QStringLiteral("/sshd.log"));
    return log.open(QIODevice::ReadOnly) ? static_cast<int>(log.readAll().count("past MaxStartups"))
                                         : 0;
}

Result<void> NatLab::waitForRelayListener(int port, bool listening, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (relayListens(port) == listening) {
            return {};
        }
        QThread::msleep(50);
    }
    return labError(QStringLiteral("port %1 on the relay is still %2 after %3 ms")
                        .arg(port)
                        .arg(listening ? QStringLiteral("closed") : QStringLiteral("listening"))
                        .arg(timeoutMs));
}

void NatLab::stopDeviceSshd(int index)
{
    stopProcess(m_devices.at(static_cast<size_t>(index))->sshd, true);
}

Result<int> NatLab::endDeviceSessions(int index)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    if (!device.sshd) {
        return labError(QStringLiteral("the sshd of %1 is not running").arg(device.name));
    }
    // The listener's descendants are its sessions (whatever OpenSSH calls them: "sshd:" up to
    // 9.x, "sshd-session:" from 10.0).
    return LabProcesses::killDescendants(device.sshd->processId());
}

Result<void> NatLab::powerLoss(int index)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    if (!device.poweredOn) {
        return {};
    }
    if (m_isolated) {
        // Link first: after this no FIN or RST can reach the relay.
        if (auto rc = LabCommand::check({QStringLiteral("ip"), QStringLiteral("-n"), device.netns,
                                         QStringLiteral("link"), QStringLiteral("del"),
                                         QStringLiteral("eth0")});
            !rc) {
            return rc.error();
        }
        if (m_options.relayDeviceDelayMs > 0) {
            (void)m_proxy.command(
                QStringLiteral("orphan %1-b%2").arg(device.name).arg(device.bootCount));
        }
        if (device.booted) {
            device.booted->cutPower();
        }
        LabNetwork::removeNamespace(device.netns);
    } else {
        (void)m_proxy.command(
            QStringLiteral("orphan %1-b%2").arg(device.name).arg(device.bootCount));
        killProcessesMentioning(hostDir(device.name) + QLatin1Char('/'));
        for (auto *process : {device.tunnel.get(), device.sshd.get(), device.runner.get()}) {
            if (process) {
                LabProcesses::killDescendants(process->processId());
            }
        }
    }
    if (device.lanPort != 0) {
        (void)m_proxy.command(QStringLiteral("close lan-%1").arg(device.name));
        device.lanPort = 0;
    }
    for (auto &[name, program] : device.programs) {
        stopProcess(program, false);
    }
    device.programs.clear();
    stopProcess(device.runner, false);
    stopProcess(device.tunnel, false);
    stopProcess(device.sshd, false);
    device.poweredOn = false;
    return {};
}

Result<void> NatLab::boot(int index)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    if (device.poweredOn) {
        return labError(device.name + QStringLiteral(" is already on."));
    }
    return powerOn(device);
}

Result<void> NatLab::regenerateDeviceHostKey(int index)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    const QString dir = hostDir(device.name);
    if (auto rc = LabSshd::generateKey(dir + QStringLiteral("/ssh_host_ed25519_key"),
                                       device.name + QStringLiteral("-reinstalled"));
        !rc) {
        return rc;
    }
    stopProcess(device.sshd, true);
    return startSshd(device.sshd, device.netns, dir + QStringLiteral("/home"),
                     dir + QStringLiteral("/sshd_config"), device.name);
}

Result<QString> NatLab::createPasswordUser(const QString &password)
{
    if (geteuid() != 0) {
        return labError(QStringLiteral("creating an account needs root."));
    }
    if (!m_passwordUser.isEmpty()) {
        return m_passwordUser;
    }
    const QString user = QStringLiteral("rflabpw%1").arg(m_id);
    // The account's home is inside the lab directory, which it must be able to traverse
    // (not list): every secret in the lab is 0600 in 0700 folders.
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ExeGroup | QFile::ExeOther);
    if (auto rc = LabCommand::check({QStringLiteral("useradd"), QStringLiteral("-m"),
                                     QStringLiteral("-d"), hostDir(QStringLiteral("pwhome")),
                                     QStringLiteral("-s"), QStringLiteral("/bin/sh"), user});
        !rc) {
        return rc.error();
    }
    m_passwordUser = user;
    auto set =
        LabCommand::run({QStringLiteral("chpasswd")}, 15000,
                        QString(user + QLatin1Char(':') + password + QLatin1Char('\n')).toUtf8());
    if (!set || set->exitCode != 0) {
        return labError(QStringLiteral("cannot set the password of ") + user);
    }
    return user;
}

Result<void> NatLab::setMacRelayDelay(int ms)
{
    auto rc = m_proxy.command(QStringLiteral("delay mac %1").arg(ms));
    return rc ? Result<void>() : Result<void>(rc.error());
}

Result<void> NatLab::setRelayDeviceDelay(int ms)
{
    if (m_options.relayDeviceDelayMs <= 0 && m_isolated) {
        return labError(
            QStringLiteral("start the lab with relayDeviceDelayMs > 0 to delay device links"));
    }
    for (int i = 0; i < deviceCount(); ++i) {
        if (!m_devices[static_cast<size_t>(i)]->poweredOn) {
            continue; // its link is gone; it gets the delay below when it boots
        }
        if (auto rc = m_proxy.command(QStringLiteral("delay %1 %2").arg(deviceRoute(i)).arg(ms));
            !rc) {
            return rc.error();
        }
    }
    if (ms > 0) {
        m_options.relayDeviceDelayMs = ms;
    }
    return {};
}

QString NatLab::deviceRoute(int index) const
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    return QStringLiteral("%1-b%2").arg(device.name).arg(device.bootCount);
}

Result<NatLab::LinkStats> NatLab::linkStats(const QString &route)
{
    auto reply = m_proxy.command(QStringLiteral("stats %1").arg(route));
    if (!reply) {
        return reply.error();
    }
    const QStringList fields = reply->split(QLatin1Char(' '));
    return LinkStats{fields.value(2).toLong(), fields.value(3).toLong(), fields.value(4).toLong()};
}

Result<NatLab::LinkCounters> NatLab::deviceLinkCounters(int index) const
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    if (!m_isolated || device.netns.isEmpty()) {
        return labError(
            QStringLiteral("%1 has no link of its own to count (a loopback lab)").arg(device.name));
    }
    return LabNetwork::linkCounters(device.netns);
}

Result<LabCommandResult> NatLab::runOnRelay(const QString &script, int timeoutMs)
{
    QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"), script};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (m_isolated) {
        if (!m_relaySshd) {
            return labError(QStringLiteral("the relay is not running"));
        }
        // Into the namespaces of the relay's sshd: a session there sees what this sees. With
        // its root directory too: entering a mount namespace resets the root to the
        // namespace's, which is not ours when the lab runs inside a chroot (a Debian 13 root).
        argv = QStringList{QStringLiteral("nsenter"),
                           QStringLiteral("--target"),
                           QString::number(m_relaySshd->processId()),
                           QStringLiteral("--mount"),
                           QStringLiteral("--net"),
                           QStringLiteral("--uts"),
                           QStringLiteral("--root"),
                           QStringLiteral("--wd"),
                           QStringLiteral("--")} +
               argv;
        env.insert(QStringLiteral("HOME"), QStringLiteral("/root"));
    } else {
        env.insert(QStringLiteral("HOME"), relayHome());
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(argv.first(), argv.mid(1));
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return labError(QStringLiteral("`%1` did not finish on the relay within %2 ms")
                            .arg(script)
                            .arg(timeoutMs));
    }
    return LabCommandResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                            process.readAllStandardOutput(), process.readAllStandardError()};
}

Result<void> NatLab::setRelayStorage(RelayStorage storage)
{
    if (!m_isolated) {
        return labError(QStringLiteral("relay storage faults need the namespace lab (root)"));
    }
    if (storage == m_relayStorage) {
        return {};
    }
    const QString full = hostDir(QStringLiteral("relay")) + QStringLiteral("/full");
    QString script;
    switch (m_relayStorage) {
    case RelayStorage::Normal:
        break;
    case RelayStorage::RegistryReadOnly:
        // Lazily: tunnel sessions may have their working directory there.
        script = QStringLiteral("umount -l /root/.relayfleet && ");
        break;
    case RelayStorage::DiskFull:
        script = QStringLiteral("umount -l /root && umount -l \"$1\" && ");
        break;
    }
    switch (storage) {
    case RelayStorage::Normal:
        script += QStringLiteral("true");
        break;
    case RelayStorage::RegistryReadOnly:
        script += QStringLiteral("mount --bind /root/.relayfleet /root/.relayfleet && "
                                 "mount -o remount,bind,ro /root/.relayfleet");
        break;
    case RelayStorage::DiskFull:
        // Filled to the last block, so the next write of any size fails with ENOSPC.
        QDir().mkpath(full);
        script += QStringLiteral(
            "mount -t tmpfs -o size=1m rflab-full \"$1\" && cp -a /root/. \"$1\"/ && "
            "{ dd if=/dev/zero of=\"$1\"/.filler bs=512 2>/dev/null; true; } && "
            "mount --bind \"$1\" /root");
        break;
    }
    auto done = runOnRelay(QStringLiteral("set -e; f() { %1; }; f \"%2\"").arg(script, full));
    if (!done) {
        return done.error();
    }
    if (done->exitCode != 0) {
        return labError(QStringLiteral("cannot change the relay's storage: %1")
                            .arg(QString::fromUtf8(done->err)));
    }
    m_relayStorage = storage;
    return {};
}

Result<void> NatLab::setMacRelayBlackhole(bool on)
{
    auto rc = m_proxy.command(QStringLiteral("blackhole mac %1").arg(on ? 1 : 0));
    return rc ? Result<void>() : Result<void>(rc.error());
}

Result<void> NatLab::setDeviceLink(int index, bool up)
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    if (!m_isolated) {
        return labError(QStringLiteral("a device's link exists only with namespaces."));
    }
    if (auto rc = LabNetwork::setLink(device.netns, up); !rc) {
        return rc;
    }
    // The link going down took the routes through it; its address's own route comes back by
    // itself, the default route does not.
    return up ? addDefaultRoute(device) : Result<void>();
}

Result<void> NatLab::setCarrierNat(int idleSeconds)
{
    if (!m_isolated) {
        return labError(
            QStringLiteral("a carrier's NAT needs the devices' own links (namespaces)."));
    }
    // On the relay's side of every device's link (their veths, rfl<lab>v...).
    return LabNetwork::setCarrierNat(m_relayNetns, QStringLiteral("rfl%1v*").arg(m_id),
                                     idleSeconds);
}

Result<void> NatLab::addDefaultRoute(const Device &device)
{
    // A booted device has a default route, as a Pi on a carrier's network has: towards the
    // relay's namespace, which forwards nothing.
    if (!device.booted) {
        return {};
    }
    return LabNetwork::routeDefaultVia(device.netns, device.relayAddress);
}

Result<void> NatLab::setRelayName(int index, RelayName answer)
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    if (!device.booted) {
        return labError(device.name + QStringLiteral(" has no /etc/hosts of its own."));
    }
    // 192.0.2.1 (TEST-NET-1): the device's default route sends it to the relay's namespace,
    // which drops it.
    const QString address = answer == RelayName::Relay        ? device.relayAddress
                            : answer == RelayName::Unanswered ? QStringLiteral("192.0.2.1")
                                                              : QString();
    return device.booted->setHostsEntry(address, relayNameForDevice());
}

int NatLab::indexOf(const Device &device) const
{
    for (size_t i = 0; i < m_devices.size(); ++i) {
        if (m_devices[i].get() == &device) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString NatLab::relayHostForDevice(int index) const
{
    return m_devices.at(static_cast<size_t>(index))->relayAddress;
}

int NatLab::relayPortForDevice(int index) const
{
    return m_devices.at(static_cast<size_t>(index))->relayAddressPort;
}

Result<int> NatLab::lanPort(int index)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    if (device.lanPort != 0) {
        return device.lanPort;
    }
    auto port = m_proxy.route(QStringLiteral("route lan-%1 - 127.0.0.1:0 %2 127.0.0.1:%3 0")
                                  .arg(device.name, m_isolated ? device.netns : QStringLiteral("-"))
                                  .arg(device.sshPort));
    if (!port) {
        return port.error();
    }
    device.lanPort = port.value();
    return device.lanPort;
}

Result<LabCommandResult> NatLab::runOnDevice(int index, const QStringList &argv, int timeoutMs)
{
    const Device &device = *m_devices.at(static_cast<size_t>(index));
    auto process = launchOnDevice(device, argv);
    process->closeWriteChannel();
    if (!process->waitForFinished(timeoutMs)) {
        stopProcess(process, false);
        return labError(QStringLiteral("%1 did not finish on %2 within %3 ms")
                            .arg(argv.join(QLatin1Char(' ')), device.name)
                            .arg(timeoutMs));
    }
    LabCommandResult result;
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}

Result<void> NatLab::startProgram(int index, const QString &name, const QStringList &argv)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    stopProgram(index, name);
    auto process = launchOnDevice(device, argv);
    if (!process->waitForStarted(kStartTimeoutMs)) {
        return labError(QStringLiteral("cannot start %1 on %2").arg(name, device.name));
    }
    device.programs[name] = std::move(process);
    return {};
}

void NatLab::stopProgram(int index, const QString &name)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    auto it = device.programs.find(name);
    if (it != device.programs.end()) {
        stopProcess(it->second, false);
        device.programs.erase(it);
    }
}

bool NatLab::hasRunner(int index) const
{
    return QFile::exists(deviceHome(index) + QStringLiteral("/.relayfleet/tunnel"));
}

Result<void> NatLab::startRunner(int index)
{
    Device &device = *m_devices.at(static_cast<size_t>(index));
    if (device.booted) {
        return labError(device.name + QStringLiteral(" starts its runner itself when it boots."));
    }
    stopProcess(device.runner, false);
    const QString home = m_isolated ? QStringLiteral("/root") : deviceHome(index);
    device.runner = launch(device.netns, deviceHome(index), device.name,
                           {QStringLiteral("sh"), home + QStringLiteral("/.relayfleet/tunnel"),
                            QStringLiteral("run")});
    if (!device.runner->waitForStarted(kStartTimeoutMs)) {
        return labError(QStringLiteral("cannot start the tunnel runner on ") + device.name);
    }
    return {};
}

int NatLab::allocateRelayPort()
{
    return m_isolated ? m_nextRelayPort++ : freeLoopbackPort();
}

void NatLab::tearDown()
{
    for (auto &device : m_devices) {
        if (!m_isolated) {
            for (auto *process : {device->tunnel.get(), device->sshd.get(), device->runner.get()}) {
                if (process) {
                    LabProcesses::killDescendants(process->processId());
                }
            }
        }
        for (auto &[name, program] : device->programs) {
            stopProcess(program, false);
        }
        stopProcess(device->runner, false);
        stopProcess(device->tunnel, false);
        stopProcess(device->sshd, false);
        device->booted.reset(); // power off, then its disk unmounted
        if (m_isolated && device->poweredOn) {
            LabNetwork::removeNamespace(device->netns);
        }
    }
    (void)stopRelay();
    killProcessesMentioning(m_dir.path() + QLatin1Char('/'));
    if (!m_passwordUser.isEmpty()) {
        (void)LabCommand::run({QStringLiteral("userdel"), m_passwordUser});
    }
    if (m_isolated && !m_relayNetns.isEmpty()) {
        LabNetwork::removeNamespace(m_relayNetns);
    }
    m_proxy.stop();
}

} // namespace relayfleet::lab
