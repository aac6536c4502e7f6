#include "BootedDevice.h"

#include "LabCommand.h"
#include "LabFiles.h"
#include "LabProcesses.h"
#include "NatLab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef RELAYFLEET_DEVICE_ROOT_TOOL
#error "RELAYFLEET_DEVICE_ROOT_TOOL must name tools/relayfleet-device-root"
#endif

namespace relayfleet::lab {

namespace {

// systemd, sshd and cron of a Debian 12 boot in a few seconds; a loaded 2-core machine that
// boots two devices at once takes longer.
constexpr int kBootTimeoutMs = 90000;

Error bootError(const QString &message)
{
    return Error::make(Error::Code::Io, QStringLiteral("NAT lab (booted device): ") + message);
}

// The uid and gid `user` has in the device's own /etc/passwd.
std::pair<uid_t, gid_t> idsIn(const QString &root, const QString &user)
{
    QFile passwd(root + QStringLiteral("/etc/passwd"));
    if (passwd.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : passwd.readAll().split('\n')) {
            const QList<QByteArray> fields = line.split(':');
            if (fields.size() > 3 && fields[0] == user.toUtf8()) {
                return {static_cast<uid_t>(fields[2].toUInt()),
                        static_cast<gid_t>(fields[3].toUInt())};
            }
        }
    }
    return {0, 0};
}

} // namespace

BootedDevice::BootedDevice(QString dir, QString name, QString user)
    : m_dir(std::move(dir))
    , m_name(std::move(name))
    , m_user(std::move(user))
{
}

QString BootedDevice::rootDir() const
{
    return m_dir + QStringLiteral("/root");
}

QString BootedDevice::homeOnDevice() const
{
    return m_user == QStringLiteral("root") ? QStringLiteral("/root")
                                            : QStringLiteral("/home/") + m_user;
}

QString BootedDevice::home() const
{
    return rootDir() + homeOnDevice();
}

Result<std::unique_ptr<BootedDevice>> BootedDevice::create(const QString &dir, const QString &name,
                                                           const QString &user,
                                                           const QString &hostKeyFile,
                                                           const QByteArray &authorizedKey)
{
    if (geteuid() != 0) {
        return bootError(QStringLiteral("booting a device needs root (systemd-nspawn)."));
    }
    // Made once and cached; the first lab to ask waits about a minute.
    auto made = LabCommand::run({QStringLiteral(RELAYFLEET_DEVICE_ROOT_TOOL)}, 600000);
    if (!made || made->exitCode != 0) {
        return bootError(
            QStringLiteral("cannot make the device root: %1")
                .arg(made ? QString::fromLocal8Bit(made->err).trimmed() : made.error().message));
    }
    const QString lower =
        QString::fromLocal8Bit(made->out).trimmed().section(QLatin1Char('\n'), -1);
    std::unique_ptr<BootedDevice> device(new BootedDevice(dir, name, user));
    for (const QString &sub :
         {QStringLiteral("upper"), QStringLiteral("work"), QStringLiteral("root")}) {
        QDir().mkpath(dir + QLatin1Char('/') + sub);
    }
    // Its disk: what it writes lands in upper/, beside the lab's other files.
    if (auto rc = LabCommand::check(
            {QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("overlay"),
             QStringLiteral("overlay"), QStringLiteral("-o"),
             QStringLiteral("lowerdir=%1,upperdir=%2/upper,workdir=%2/work").arg(lower, dir),
             device->rootDir()});
        !rc) {
        return rc.error();
    }
    device->m_mounted = true;
    const QString root = device->rootDir();
    const QFile::Permissions readable =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    // Names resolve on the device only from its own files: a DNS lookup goes to its loopback,
    // where nothing answers, and so never leaves the lab.
    const bool written =
        LabFiles::write(root + QStringLiteral("/etc/hostname"), name.toUtf8() + '\n', readable) &&
        LabFiles::write(root + QStringLiteral("/etc/resolv.conf"), "nameserver 127.0.0.1\n",
                        readable) &&
        QFile::copy(hostKeyFile, root + QStringLiteral("/etc/ssh/ssh_host_ed25519_key")) &&
        QFile::copy(hostKeyFile + QStringLiteral(".pub"),
                    root + QStringLiteral("/etc/ssh/ssh_host_ed25519_key.pub")) &&
        LabFiles::write(root + QStringLiteral("/etc/ssh/sshd_config.d/relayfleet-lab.conf"),
                        "HostKey /etc/ssh/ssh_host_ed25519_key\n", readable);
    const QString ssh = device->home() + QStringLiteral("/.ssh");
    const auto [uid, gid] = idsIn(root, user);
    if (!written || !QDir().mkpath(ssh) ||
        !LabFiles::write(ssh + QStringLiteral("/authorized_keys"), authorizedKey,
                         QFile::ReadOwner | QFile::WriteOwner) ||
        ::chown(QFile::encodeName(ssh).constData(), uid, gid) != 0 ||
        ::chown(QFile::encodeName(ssh + QStringLiteral("/authorized_keys")).constData(), uid,
                gid) != 0) {
        return bootError(QStringLiteral("cannot prepare the disk of %1 in %2").arg(name, root));
    }
    QFile::setPermissions(ssh, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return device;
}

Result<void> BootedDevice::setHostsEntry(const QString &address, const QString &name)
{
    QByteArray hosts = "127.0.0.1\tlocalhost " + m_name.toUtf8() + "\n::1\tlocalhost\n";
    if (!address.isEmpty()) {
        hosts += address.toUtf8() + '\t' + name.toUtf8() + '\n';
    }
    // Written whole and renamed: the device's resolver never reads half a file.
    const QString path = rootDir() + QStringLiteral("/etc/hosts");
    if (!LabFiles::write(path + QStringLiteral(".new"), hosts,
                         QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                             QFile::ReadOther) ||
        ::rename(QFile::encodeName(path + QStringLiteral(".new")).constData(),
                 QFile::encodeName(path).constData()) != 0) {
        return bootError(QStringLiteral("cannot write %1").arg(path));
    }
    return {};
}

BootedDevice::~BootedDevice()
{
    cutPower();
    if (m_mounted) {
        (void)LabCommand::run({QStringLiteral("umount"), QStringLiteral("-l"), rootDir()});
    }
}

Result<void> BootedDevice::boot(const QString &netns)
{
    if (running()) {
        return bootError(m_name + QStringLiteral(" is already running."));
    }
    m_container = std::make_unique<QProcess>();
    m_container->setProcessChannelMode(QProcess::MergedChannels);
    // If the lab's process dies, so does the device (its netns cleanup ends the rest).
    m_container->setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_container->start(QStringLiteral("systemd-nspawn"),
                       {QStringLiteral("--quiet"), QStringLiteral("--boot"),
                        QStringLiteral("--directory=") + rootDir(),
                        QStringLiteral("--machine=") + m_name,
                        QStringLiteral("--network-namespace-path=/run/netns/") + netns,
                        QStringLiteral("--register=no"), QStringLiteral("--keep-unit"),
                        // Its own resolv.conf (its loopback), never the host's.
                        QStringLiteral("--resolv-conf=off"), QStringLiteral("--console=passive")});
    if (!m_container->waitForStarted(15000)) {
        return bootError(QStringLiteral("cannot start systemd-nspawn: ") +
                         m_container->errorString());
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kBootTimeoutMs) {
        if (m_container->state() == QProcess::NotRunning) {
            return bootError(QStringLiteral("%1 did not boot: %2")
                                 .arg(m_name, QString::fromLocal8Bit(m_container->readAll())));
        }
        // systemd-nspawn forks once more; the device's PID 1 is systemd below that.
        if (m_init == 0) {
            for (qint64 pid : LabProcesses::descendantsOf(m_container->processId())) {
                if (LabProcesses::nameOf(pid) == "systemd") {
                    m_init = pid;
                    break;
                }
            }
        }
        if (m_init != 0) {
            auto listening = LabCommand::run(
                {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), netns,
                 QStringLiteral("ss"), QStringLiteral("-Hltn"), QStringLiteral("sport = :22")});
            if (listening && !listening->out.trimmed().isEmpty()) {
                return {};
            }
        }
        m_container->waitForFinished(200);
    }
    const QByteArray said = m_container->readAll();
    cutPower();
    return bootError(QStringLiteral("%1's sshd did not listen within %2 s of booting: %3")
                         .arg(m_name)
                         .arg(kBootTimeoutMs / 1000)
                         .arg(QString::fromLocal8Bit(said.right(2000))));
}

void BootedDevice::cutPower()
{
    if (m_init > 0) {
        // PID 1 of a PID namespace killed: the kernel ends every other process in it.
        ::kill(static_cast<pid_t>(m_init), SIGKILL);
        m_init = 0;
    }
    if (m_container) {
        if (!m_container->waitForFinished(10000)) {
            m_container->kill();
            m_container->waitForFinished(5000);
        }
        m_container.reset();
    }
}

QStringList BootedDevice::commandLine(const QStringList &argv) const
{
    return QStringList{QStringLiteral("nsenter"),
                       QStringLiteral("--target"),
                       QString::number(m_init),
                       QStringLiteral("--all"),
                       QStringLiteral("--root"),
                       QStringLiteral("--wd"), // the device's /, as its PID 1 has
                       QStringLiteral("setpriv"),
                       QStringLiteral("--reuid=") + m_user,
                       QStringLiteral("--regid=") + m_user,
                       QStringLiteral("--init-groups"),
                       QStringLiteral("--reset-env"),
                       QStringLiteral("--"),
                       QStringLiteral("sh"),
                       QStringLiteral("-c"),
                       QStringLiteral("cd && exec \"$@\""),
                       QStringLiteral("sh")} +
           argv;
}

Result<int> addBootedDevice(NatLab &lab, const QString &user)
{
    return lab.addMachineDevice(
        user, [](const DeviceMachine::Spec &spec) -> Result<std::unique_ptr<DeviceMachine>> {
            auto booted = BootedDevice::create(spec.dir, spec.name, spec.user, spec.hostKeyFile,
                                               spec.authorizedKey);
            if (!booted) {
                return booted.error();
            }
            return std::unique_ptr<DeviceMachine>(std::move(*booted));
        });
}

} // namespace relayfleet::lab
