#include "enrolment/Enrolment.h"

#include "hostkeys/HostKeyVerifier.h"
#include "registry/DeviceFiles.h"
#include "registry/ListenerTable.h"
#include "relay/DeviceConnection.h"
#include "relay/DeviceTarget.h"
#include "ssh/RemoteCommand.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

namespace relayfleet {

namespace {

constexpr int kFirstPort = 4649;
constexpr int kLastPort = 5649;
constexpr int kStepTimeoutMs = 30000;
constexpr int kUndoTimeoutMs = 15000;
// How long the undo waits for a relay that went away (a restarting sshd) before it reports
// what is left there.
constexpr int kRelayPatienceMs = 30000;

QByteArray script(const QString &name)
{
    QFile file(QStringLiteral(":/relayfleet/device/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Error failed(const QString &what, const CommandOutput &output)
{
    return Error::make(Error::Code::Protocol,
                       Enrolment::tr("%1 failed on the device (exit %2): %3")
                           .arg(what)
                           .arg(output.exitStatus)
                           .arg(QString::fromUtf8(output.err.left(400)).trimmed()));
}

bool isPlainHost(const QString &host)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:-]{1,253}\\z"));
    return pattern.match(host).hasMatch();
}

} // namespace

Enrolment::Enrolment(RelayConnection &relay, KnownHostsFile &knownHosts, EnrolmentRequest request,
                     Progress progress, CancelToken cancel)
    : m_relay(relay)
    , m_knownHosts(knownHosts)
    , m_request(std::move(request))
    , m_progress(std::move(progress))
    , m_cancel(std::move(cancel))
    , m_registry(relay, QDeadlineTimer::Forever, m_cancel)
{
}

Enrolment::~Enrolment() = default;

void Enrolment::step(const QString &what)
{
    ++m_step;
    if (m_progress) {
        m_progress(m_step, kSteps, what);
    }
}

void Enrolment::addUndo(QString what, std::function<Result<void>()> run)
{
    m_undo.push_back({std::move(what), false, [run = std::move(run)](RelayRegistry &) {
                          return run();
                      }});
}

void Enrolment::addRelayUndo(QString what, std::function<Result<void>(RelayRegistry &)> run)
{
    m_undo.push_back({std::move(what), true, std::move(run)});
}

RelayConnection *Enrolment::relayForUndo(const QDeadlineTimer &patience)
{
    if (m_undoRelay && m_undoRelay->isAlive()) {
        return m_undoRelay.get();
    }
    if (m_relay.isAlive() && !m_relayDiedUnderUndo) {
        return &m_relay;
    }
    if (!m_reconnect) {
        return nullptr;
    }
    // Bounded by `patience`: a relay that restarts comes back within it.
    for (int attempt = 0; attempt < 30 && !patience.hasExpired(); ++attempt) {
        auto connection = m_reconnect();
        if (connection) {
            m_undoRelay = std::move(connection.value());
            return m_undoRelay.get();
        }
        if (connection.error().code == Error::Code::HostKeyChanged ||
            connection.error().code == Error::Code::AuthenticationFailed) {
            return nullptr;
        }
        QThread::msleep(
            static_cast<unsigned long>(std::min<qint64>(patience.remainingTime(), 1000)));
    }
    return nullptr;
}

void Enrolment::rollback()
{
    // Undo in reverse order, each step on its own, so one failing undo does not keep the
    // others from running. A cancel asked for the undo: it is not cancelled itself.
    m_undoing = true;
    const QDeadlineTimer patience(kRelayPatienceMs);
    for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it) {
        Result<void> done;
        if (it->onRelay) {
            RelayConnection *relay = relayForUndo(patience);
            if (!relay) {
                m_leftovers
                    << tr("%1 (relay %2 is unreachable)").arg(it->what, m_relay.config().name);
                m_leftOnRelay = true;
                continue;
            }
            {
                RelayRegistry registry(*relay, QDeadlineTimer(kUndoTimeoutMs), m_undoCancel);
                done = it->run(registry);
            }
            const bool connectionDied =
                !done && (done.error().code == Error::Code::RelayLost ||
                          done.error().code == Error::Code::ChannelFailed ||
                          done.error().code == Error::Code::ConnectionFailed);
            if (connectionDied) {
                // A connection that had died without its pump knowing yet (the relay restarted
                // while the failed step ran): once more, over a new connection.
                if (relay == &m_relay) {
                    m_relayDiedUnderUndo = true;
                } else {
                    m_undoRelay.reset();
                }
                if (RelayConnection *fresh = relayForUndo(patience)) {
                    RelayRegistry registry(*fresh, QDeadlineTimer(kUndoTimeoutMs), m_undoCancel);
                    done = it->run(registry);
                }
            }
        } else {
            done = it->run(m_registry);
        }
        if (!done) {
            m_leftovers << QStringLiteral("%1 (%2)").arg(it->what, done.error().message);
            m_leftOnRelay = m_leftOnRelay || it->onRelay;
        }
    }
    m_undo.clear();
    m_undoing = false;
}

Result<void> Enrolment::undoOnDevice(const QString &command, const QByteArray &input)
{
    auto output = onDevice(command, input);
    if (!output) {
        return output.error();
    }
    if (output->exitStatus != 0) {
        return failed(tr("The undo"), output.value());
    }
    return {};
}

Result<CommandOutput> Enrolment::onDevice(const QString &command, const QByteArray &input)
{
    return RemoteCommand::capture(*m_device, command, input,
                                  QDeadlineTimer(m_undoing ? kUndoTimeoutMs : kStepTimeoutMs),
                                  cancelToken());
}

Result<DeviceRecord> Enrolment::run()
{
    DeviceRecord record;
    record.id = m_request.deviceId;
    record.name = m_request.name.isEmpty() ? m_request.deviceId : m_request.name;
    record.labels = m_request.labels;
    record.user = m_request.deviceUser;
    record.enrolled = QDateTime::currentDateTimeUtc();
    record.port = kFirstPort; // validated again once the real port is known
    if (auto valid = record.validate(); !valid) {
        return valid.error();
    }
    auto outcome = enrolSteps(std::move(record));
    if (!outcome) {
        rollback();
        if (!m_leftovers.isEmpty()) {
            const QString remedy = m_leftOnRelay
                                       ? tr(" Run `relayfleet-cli remove %1 --relay %2` once the "
                                            "relay is reachable.")
                                             .arg(m_request.deviceId, m_relay.config().name)
                                       : QString();
            return Error::make(
                outcome.error().code,
                QStringLiteral("%1\nNot undone: %2.%3")
                    .arg(outcome.error().message, m_leftovers.join(QStringLiteral("; ")), remedy));
        }
        return outcome;
    }
    m_undo.clear();
    return outcome;
}

// The steps in order; each one that changes something registers its undo first.
Result<DeviceRecord> Enrolment::enrolSteps(DeviceRecord record)
{
    if (auto rc = checkRelay(); !rc) {
        return rc.error();
    }
    if (auto rc = connectDevice(); !rc) {
        return rc.error();
    }
    if (auto rc = uploadFiles(); !rc) {
        return rc.error();
    }
    if (auto rc = installUserKey(); !rc) {
        return rc.error();
    }
    auto tunnelKey = createTunnelKey();
    if (!tunnelKey) {
        return tunnelKey.error();
    }
    auto port = reservePort();
    if (!port) {
        return port.error();
    }
    record.port = port.value();
    record.hostKey = m_deviceKey.toOpenSsh();
    record.tunnelKey = HostKey::fromOpenSsh(tunnelKey.value())->fingerprint();
    record.files.runner = DeviceFileVersions::current().runner;
    record.files.keyHelper = DeviceFileVersions::current().keyHelper;

    step(tr("Authorising the device's tunnel key on relay %1 (port %2 only, no "
            "shell)")
             .arg(m_relay.config().name)
             .arg(record.port));
    if (auto rc = m_registry.authorizeTunnelKey(record.id, record.port, tunnelKey.value()); !rc) {
        return rc.error();
    }
    addRelayUndo(
        tr("revoking the tunnel key of %1 on relay %2").arg(record.id, m_relay.config().name),
        [id = record.id](RelayRegistry &registry) { return registry.revokeTunnelKey(id); });

    if (auto rc = installRunner(record.port); !rc) {
        return rc.error();
    }
    step(tr("Registering %1 on relay %2").arg(record.id, m_relay.config().name));
    // The undo is in place before the command is sent: when the relay dies while the
    // command runs, the entry may have been written with the answer lost. Removing an entry
    // that was never written is harmless (the helper's unregister is idempotent), and the
    // id was checked to be free on this relay at the start.
    addRelayUndo(
        tr("removing %1 from the registry of relay %2").arg(record.id, m_relay.config().name),
        [id = record.id](RelayRegistry &registry) { return registry.remove(id); });
    if (auto rc = m_registry.save(record); !rc) {
        return rc.error();
    }

    if (auto rc = verify(record); !rc) {
        return rc.error();
    }
    return record;
}

Result<void> Enrolment::checkRelay()
{
    step(tr("Checking relay %1").arg(m_relay.config().name));
    auto existing = m_registry.find(m_request.deviceId);
    if (existing) {
        return Error::make(Error::Code::InvalidInput,
                           tr("Relay %1 already has a device \"%2\"; remove it first "
                              "or choose another id.")
                               .arg(m_relay.config().name, m_request.deviceId));
    }
    if (existing.error().code != Error::Code::NotFound) {
        return existing.error();
    }
    if (m_request.userPublicKey.isEmpty() || !HostKey::fromOpenSsh(m_request.userPublicKey)) {
        return Error::make(Error::Code::InvalidInput,
                           tr("No valid public key to install on the device."));
    }
    return {};
}

Result<void> Enrolment::connectDevice()
{
    const QString alias = KnownHostsFile::deviceAlias(m_request.deviceId);
    auto pinnedBefore = m_knownHosts.keysFor(alias);
    if (!pinnedBefore) {
        return pinnedBefore.error();
    }
    Credentials credentials = m_request.deviceCredentials;
    credentials.user = m_request.deviceUser;
    const QDeadlineTimer deadline(kStepTimeoutMs);
    if (m_request.access == EnrolmentRequest::Access::Lan) {
        step(tr("Connecting to the device at %1:%2").arg(m_request.lanHost).arg(m_request.lanPort));
        SshSession::Target target;
        target.host = m_request.lanHost;
        target.port = m_request.lanPort;
        target.knownHostsName = alias;
        target.who = tr("device %1").arg(m_request.deviceId);
        if (auto rc = m_lanDevice.connect(target, m_knownHosts.path(), deadline, m_cancel); !rc) {
            return rc;
        }
        if (auto rc = m_lanDevice.verifyHostKey(
                HostKeyVerifier(m_knownHosts, m_request.deviceHostKeyPolicy));
            !rc) {
            return rc;
        }
        if (pinnedBefore->isEmpty()) {
            addUndo(tr("forgetting the device's host key here"),
                    [this, alias] { return m_knownHosts.removeAll(alias); });
        }
        if (auto rc = m_lanDevice.authenticate(credentials, deadline, m_cancel); !rc) {
            return rc;
        }
        m_device = &m_lanDevice;
        m_deviceKey = m_lanDevice.serverHostKey();
        return {};
    }
    step(tr("Connecting to the device through port %1 of relay %2")
             .arg(m_request.tunnelPort)
             .arg(m_relay.config().name));
    DeviceTarget target;
    target.relay = m_relay.config().name;
    target.port = m_request.tunnelPort;
    target.deviceId = m_request.deviceId;
    target.user = m_request.deviceUser;
    auto device = DeviceConnection::open(m_relay, target, credentials, m_knownHosts,
                                         m_request.deviceHostKeyPolicy, deadline, m_cancel);
    if (pinnedBefore->isEmpty()) {
        addUndo(tr("forgetting the device's host key here"),
                [this, alias] { return m_knownHosts.removeAll(alias); });
    }
    if (!device) {
        return device.error();
    }
    m_tunnelDevice = std::make_unique<DeviceConnection>(std::move(device.value()));
    m_device = &m_tunnelDevice->session();
    m_deviceKey = m_tunnelDevice->session().serverHostKey();
    return {};
}

Result<void> Enrolment::uploadFiles()
{
    step(tr("Copying the tunnel runner to the device"));
    auto existed = onDevice(QStringLiteral("test -d \"$HOME\"/.relayfleet"));
    if (!existed) {
        return existed.error();
    }
    if (existed->exitStatus != 0) {
        addUndo(tr("removing ~/.relayfleet from the device"), [this] {
            return undoOnDevice(
                QStringLiteral("sh \"$HOME\"/.relayfleet/tunnel uninstall >/dev/null 2>&1; "
                               "rm -rf \"$HOME\"/.relayfleet"));
        });
    }
    const QString mkdir = QStringLiteral("umask 077 && mkdir -p \"$HOME\"/.relayfleet");
    if (auto rc = onDevice(mkdir); !rc || rc->exitStatus != 0) {
        return rc ? failed(tr("Creating ~/.relayfleet"), rc.value()) : rc.error();
    }
    for (const QString &name :
         {QStringLiteral("tunnel"), QStringLiteral("authorize-key"), QStringLiteral("upgrade")}) {
        const QByteArray content = script(QStringLiteral("relayfleet-") + name);
        if (content.isEmpty()) {
            return Error::make(Error::Code::Io, tr("The device script %1 is missing "
                                                   "from this build.")
                                                    .arg(name));
        }
        const QString write =
            QStringLiteral("cat > \"$HOME\"/.relayfleet/%1.new && chmod 700 "
                           "\"$HOME\"/.relayfleet/%1.new && mv -f "
                           "\"$HOME\"/.relayfleet/%1.new \"$HOME\"/.relayfleet/%1")
                .arg(name);
        auto rc = onDevice(write, content);
        if (!rc) {
            return rc.error();
        }
        if (rc->exitStatus != 0) {
            return failed(tr("Copying %1").arg(name), rc.value());
        }
    }
    return {};
}

Result<void> Enrolment::installUserKey()
{
    step(tr("Installing your public key on the device"));
    const QByteArray key = m_request.userPublicKey.trimmed().toUtf8() + '\n';
    auto rc = onDevice(QStringLiteral("sh \"$HOME\"/.relayfleet/authorize-key add"), key);
    if (!rc) {
        return rc.error();
    }
    if (rc->exitStatus != 0) {
        return failed(tr("Installing your key"), rc.value());
    }
    if (rc->out.trimmed() == "added") {
        addUndo(tr("removing your key from the device"), [this, key] {
            return undoOnDevice(QStringLiteral("sh \"$HOME\"/.relayfleet/authorize-key remove"),
                                key);
        });
    }
    return {};
}

Result<QString> Enrolment::createTunnelKey()
{
    step(tr("Creating the device's own tunnel key on the device"));
    // The private key is made on the device and never leaves it.
    const QString command =
        QStringLiteral(
            "cd \"$HOME\"/.relayfleet && { test -f tunnel_key || ssh-keygen -q -t ed25519 -N '' "
            "-C relayfleet-tunnel@%1 -f tunnel_key; } && cat tunnel_key.pub")
            .arg(m_request.deviceId);
    auto rc = onDevice(command);
    if (!rc) {
        return rc.error();
    }
    if (rc->exitStatus != 0) {
        return failed(tr("Creating the tunnel key (is ssh-keygen installed?)"), rc.value());
    }
    const QString publicKey = QString::fromUtf8(rc->out).trimmed();
    auto parsed = HostKey::fromOpenSsh(publicKey);
    if (!parsed || parsed->type() != QLatin1String("ssh-ed25519")) {
        return Error::make(Error::Code::Protocol,
                           tr("The device returned an unusable tunnel key."));
    }
    return parsed->toOpenSsh();
}

Result<int> Enrolment::reservePort()
{
    step(tr("Reserving a port on relay %1").arg(m_relay.config().name));
    auto listing = m_registry.list();
    if (!listing) {
        return listing.error();
    }
    auto reserved = m_registry.reservedPorts();
    if (!reserved) {
        return reserved.error();
    }
    QSet<int> taken(reserved->begin(), reserved->end());
    for (const auto &entry : listing->entries) {
        if (entry.record) {
            taken.insert(entry.record->port);
        }
    }
    for (int port : ListenerTable::loopbackListeners(listing->listenerTable)) {
        taken.insert(port);
    }
    QList<int> candidates;
    if (m_request.requestedPort != 0) {
        if (taken.contains(m_request.requestedPort)) {
            return Error::make(Error::Code::InvalidInput,
                               tr("Port %1 on relay %2 is already in use.")
                                   .arg(m_request.requestedPort)
                                   .arg(m_relay.config().name));
        }
        candidates << m_request.requestedPort;
    } else {
        for (int port = kFirstPort; port <= kLastPort; ++port) {
            if (!taken.contains(port)) {
                candidates << port;
            }
        }
    }
    // Another enrolment may claim the same port between listing and reserving: the helper's
    // claim is atomic, so the loser simply tries the next one.
    for (int port : candidates) {
        auto claimed = m_registry.reservePort(port, m_request.deviceId);
        if (!claimed && claimed.error().code != Error::Code::InvalidInput) {
            return claimed.error(); // not a taken port: the registry cannot be written
        }
        if (claimed) {
            addRelayUndo(tr("releasing port %1 on relay %2").arg(port).arg(m_relay.config().name),
                         [this, port](RelayRegistry &registry) {
                             return registry.releasePort(port, m_request.deviceId);
                         });
            return port;
        }
    }
    return Error::make(Error::Code::InvalidInput, tr("Relay %1 has no free port between %2 and %3.")
                                                      .arg(m_relay.config().name)
                                                      .arg(kFirstPort)
                                                      .arg(kLastPort));
}

Result<void> Enrolment::installRunner(int port)
{
    step(tr("Pinning the relay's host key on the device and installing the tunnel "
            "service"));
    const RelayConfig &relay = m_relay.config();
    auto relayKeys = m_knownHosts.keysFor(KnownHostsFile::hostName(relay.host, relay.port));
    if (!relayKeys || relayKeys->isEmpty()) {
        return Error::make(Error::Code::HostKeyUnknown,
                           tr("Relay %1's host key is not pinned here, so it cannot be "
                              "pinned on the device.")
                               .arg(relay.name));
    }
    const QString relayHost =
        m_request.relayHostFromDevice.isEmpty() ? relay.host : m_request.relayHostFromDevice;
    const int relayPort =
        m_request.relayPortFromDevice != 0 ? m_request.relayPortFromDevice : relay.port;
    if (!isPlainHost(relayHost) || !isPlainHost(relay.user)) {
        return Error::make(Error::Code::InvalidInput, tr("Invalid relay address."));
    }
    QByteArray knownHosts;
    for (const HostKey &key : relayKeys.value()) {
        knownHosts += "relayfleet-relay " + key.toOpenSsh().toLatin1() + '\n';
    }
    const QByteArray conf = QStringLiteral("RELAY_HOST=%1\nRELAY_PORT=%2\nRELAY_USER=%3\n"
                                           "LISTEN_PORT=%4\nDEVICE_SSH_PORT=%5\nPROFILE=%6\n")
                                .arg(relayHost)
                                .arg(relayPort)
                                .arg(relay.user)
                                .arg(port)
                                .arg(m_request.deviceSshPort)
                                .arg(TunnelProfile::name(m_request.profile))
                                .toUtf8();
    for (const auto &[name, content] : {std::pair{QStringLiteral("known_hosts"), knownHosts},
                                        std::pair{QStringLiteral("tunnel.conf"), conf}}) {
        auto rc = onDevice(QStringLiteral("cat > \"$HOME\"/.relayfleet/%1").arg(name), content);
        if (!rc) {
            return rc.error();
        }
        if (rc->exitStatus != 0) {
            return failed(tr("Writing %1").arg(name), rc.value());
        }
    }
    auto rc = onDevice(QStringLiteral("sh \"$HOME\"/.relayfleet/tunnel install"));
    if (!rc) {
        return rc.error();
    }
    addUndo(tr("removing the tunnel service from the device"), [this] {
        return undoOnDevice(QStringLiteral("sh \"$HOME\"/.relayfleet/tunnel uninstall"));
    });
    if (rc->exitStatus != 0) {
        return failed(tr("Installing the tunnel service"), rc.value());
    }
    m_serviceNote = QString::fromUtf8(rc->out).trimmed();
    return {};
}

Result<void> Enrolment::verify(const DeviceRecord &record)
{
    step(tr("Checking the device through relay %1").arg(m_relay.config().name));
    DeviceTarget target;
    target.relay = m_relay.config().name;
    target.port = record.port;
    target.deviceId = record.id;
    target.user = m_request.deviceUser;
    Credentials credentials = m_request.deviceCredentials;
    credentials.password = nullptr; // the installed key must work on its own
    HostKeyPolicy pinnedOnly;       // the key pinned in step 2, nothing else
    const QDeadlineTimer deadline(m_request.verifyTimeoutMs);
    Error last = Error::make(Error::Code::Timeout, QString());
    while (!deadline.hasExpired()) {
        if (m_cancel.isCancelled()) {
            return Error::make(Error::Code::Cancelled, tr("Enrolment cancelled."));
        }
        auto device = DeviceConnection::open(
            m_relay, target, credentials, m_knownHosts, pinnedOnly,
            QDeadlineTimer(std::min<qint64>(deadline.remainingTime(), 5000)), m_cancel);
        if (device) {
            return {};
        }
        last = device.error();
        // Waiting helps only a tunnel that is still coming up, not a refused key or a lost relay.
        if (last.code == Error::Code::HostKeyChanged || last.code == Error::Code::HostKeyUnknown ||
            last.code == Error::Code::AuthenticationFailed || !m_relay.isAlive()) {
            return last;
        }
        QThread::msleep(300);
    }
    return Error::make(Error::Code::Timeout,
                       tr("The device's tunnel did not come up on port %1 of relay %2 "
                          "within %3 s: %4")
                           .arg(record.port)
                           .arg(m_relay.config().name)
                           .arg(m_request.verifyTimeoutMs / 1000)
                           .arg(last.message));
}

} // namespace relayfleet
