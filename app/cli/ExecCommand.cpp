#include "ExecCommand.h"

#include "DeviceCommands.h"
#include "TargetResolver.h"
#include "base/ShellQuote.h"
#include "enrolment/TunnelProfile.h"
#include "exec/RelayExec.h"
#include "hostkeys/KnownHostsFile.h"
#include "registry/RelayRegistry.h"
#include "relay/DeviceConnection.h"
#include "relay/RelayConnection.h"
#include "relay/RelayStore.h"
#include "ssh/RemoteCommand.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <unistd.h>

namespace relayfleet::cli {

namespace {

// ssh's convention: 255 means the connection failed, so it is told apart from the command's
// own exit status.
constexpr int kConnectionFailed = 255;

void writeAll(int fd, QByteArrayView data)
{
    while (!data.isEmpty()) {
        const ssize_t n = ::write(fd, data.data(), static_cast<size_t>(data.size()));
        if (n <= 0) {
            return;
        }
        data = data.sliced(n);
    }
}

// Remote commands are one string, as with ssh; arguments are joined with spaces and the
// remote shell parses them, so quote as you would for ssh.
QString joinCommand(const QStringList &command)
{
    return command.join(QLatin1Char(' '));
}

} // namespace

Result<DeviceTarget> ExecCommand::resolveTarget(const QString &device,
                                                const QCommandLineParser &parser) const
{
    DeviceTarget target;
    if (parser.isSet(QStringLiteral("user"))) {
        target.user = parser.value(QStringLiteral("user"));
    }
    const qsizetype colon = device.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        bool ok = false;
        target.relay = device.left(colon);
        target.port = device.mid(colon + 1).toInt(&ok);
        if (!ok || target.port < 1 || target.port > 65535) {
            return Error::make(
                Error::Code::InvalidInput,
                ExecCommand::tr("\"%1\" is not RELAY:PORT with a port from 1 to 65535.")
                    .arg(device.left(80)));
        }
        if (parser.isSet(QStringLiteral("pin-as"))) {
            target.deviceId = parser.value(QStringLiteral("pin-as"));
            if (!DeviceTarget::isValidId(target.deviceId)) {
                return Error::make(
                    Error::Code::InvalidInput,
                    ExecCommand::tr("\"%1\" is not a valid device id (a-z, 0-9 and '-', at "
                                    "most 63, starting with a letter or digit).")
                        .arg(target.deviceId.left(80)));
            }
        }
        return target;
    }
    if (!DeviceTarget::isValidId(device)) {
        return Error::make(
            Error::Code::InvalidInput,
            ExecCommand::tr("\"%1\" is neither a device id nor RELAY:PORT.").arg(device.left(80)));
    }
    target.deviceId = device;
    return target; // the relay and port come from the registry
}

int ExecCommand::logs(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1 || args[0].startsWith(QLatin1Char('@'))) {
        CliContext::printError(ExecCommand::tr("Usage: logs DEVICE [--lines N] [--user USER]"));
        return 2;
    }
    bool ok = true;
    const int lines = parser.isSet(QStringLiteral("lines"))
                          ? parser.value(QStringLiteral("lines")).toInt(&ok)
                          : 200;
    if (!ok || lines < 1 || lines > 100000) {
        CliContext::printError(ExecCommand::tr("--lines takes a number from 1 to 100000."));
        return 2;
    }
    const QString missing = ExecCommand::tr(
        "This device keeps no tunnel log yet: its tunnel runner is older than this version, or "
        "it never ran.");
    const QString script =
        QStringLiteral("log=\"$HOME/.relayfleet/tunnel.log\"; if [ -f \"$log\" ]; then tail -n %1 "
                       "\"$log\"; else printf '%s\\n' %2 >&2; exit 1; fi")
            .arg(lines)
            .arg(shellQuote(missing));
    m_forwardStdin = false;
    return run(args, {script}, parser);
}

int ExecCommand::profile(const QStringList &args, const QCommandLineParser &parser)
{
    const auto kind = args.isEmpty() ? std::nullopt : TunnelProfile::fromName(args.last());
    if (args.size() < 2 || !kind) {
        CliContext::printError(ExecCommand::tr(
            "Usage: profile DEVICE|@LABEL... cellular|lan [--keepalive-max SECONDS]"));
        return 2;
    }
    int keepaliveMax = TunnelProfile::kDefaultKeepaliveMax;
    if (parser.isSet(QStringLiteral("keepalive-max"))) {
        bool ok = false;
        keepaliveMax = parser.value(QStringLiteral("keepalive-max")).toInt(&ok);
        if (!ok || kind != TunnelProfile::Kind::Cellular ||
            keepaliveMax < TunnelProfile::kMinKeepaliveMax ||
            keepaliveMax > TunnelProfile::kMaxKeepaliveMax) {
            CliContext::printError(
                ExecCommand::tr("--keepalive-max takes seconds from %1 to %2, with cellular.")
                    .arg(TunnelProfile::kMinKeepaliveMax)
                    .arg(TunnelProfile::kMaxKeepaliveMax));
            return 2;
        }
    }
    m_forwardStdin = false;
    return run(args.mid(0, args.size() - 1),
               {TunnelProfile::changeCommand(kind.value(), keepaliveMax)}, parser);
}

int ExecCommand::run(const QStringList &args, const QStringList &command,
                     const QCommandLineParser &parser)
{
    if (command.isEmpty() || args.isEmpty()) {
        CliContext::printError(
            ExecCommand::tr("Usage: exec DEVICE|@LABEL|RELAY:PORT... [--user USER] "
                            "[--identity FILE] -- COMMAND..."));
        return 2;
    }
    if (args.size() > 1 || args[0].startsWith(QLatin1Char('@')) || m_context.json()) {
        return runMany(args, joinCommand(command), parser);
    }
    if (args.size() != 1) {
        CliContext::printError(
            ExecCommand::tr("Usage: exec DEVICE|RELAY:PORT [--user USER] [--identity FILE] "
                            "-- COMMAND..."));
        return 2;
    }
    auto target = resolveTarget(args[0], parser);
    if (!target) {
        return CliContext::fail(target.error(), kConnectionFailed);
    }
    const QDeadlineTimer deadline = m_context.connectDeadline();
    const CancelToken cancel;
    auto reached = target->port == 0 ? reachById(target.value(), parser, deadline)
                                     : reach(target.value(), parser, deadline);
    const FleetAccess access = m_context.fleetAccess();
    const QJsonObject details{{QStringLiteral("command"), joinCommand(command)}};
    if (!reached) {
        access.record(AuditLog::Action::Exec, target.value(), false, reached.error().message,
                      details);
        return CliContext::fail(reached.error(), kConnectionFailed);
    }
    std::optional<DeviceConnection> &device = reached->device;
    RemoteCommand::Io io;
    io.onStdout = [](QByteArrayView data) {
        writeAll(STDOUT_FILENO, data);
    };
    io.onStderr = [](QByteArrayView data) {
        writeAll(STDERR_FILENO, data);
    };
    io.stdinFd = parser.isSet(QStringLiteral("no-stdin")) || !m_forwardStdin ? -1 : STDIN_FILENO;
    auto status = RemoteCommand::run(device->session(), joinCommand(command), io, deadline,
                                     QDeadlineTimer::Forever, cancel);
    // The device as reached: found by its id, it now has a port.
    const DeviceTarget &reachedTarget = device->target();
    if (!status) {
        access.record(AuditLog::Action::Exec, reachedTarget, false, status.error().message,
                      details);
        return CliContext::fail(status.error(), kConnectionFailed);
    }
    access.record(AuditLog::Action::Exec, reachedTarget, status.value() == 0,
                  QStringLiteral("exit status %1").arg(status.value()), details);
    return status.value();
}

Result<ExecCommand::Reached> ExecCommand::reach(DeviceTarget target,
                                                const QCommandLineParser &parser,
                                                const QDeadlineTimer &deadline)
{
    auto relays = m_context.relays(target.relay);
    if (!relays) {
        return relays.error();
    }
    auto connection = m_context.connectRelay(relays->first());
    if (!connection) {
        return connection.error();
    }
    return open(std::move(connection.value()), target, parser, deadline);
}

Result<ExecCommand::Reached> ExecCommand::open(std::shared_ptr<RelayConnection> relay,
                                               const DeviceTarget &target,
                                               const QCommandLineParser &parser,
                                               const QDeadlineTimer &deadline, bool pinnedOnly)
{
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    HostKeyPolicy policy =
        pinnedOnly ? HostKeyPolicy() : m_context.hostKeyPolicy(!target.deviceId.isEmpty());
    policy.expectedFingerprint = parser.value(QStringLiteral("expect-host-key"));
    auto device = DeviceConnection::open(
        *relay, target, m_context.credentials(m_context.deviceIdentity(relay->config())),
        knownHosts, policy, deadline, CancelToken());
    if (!device) {
        return device.error();
    }
    return Reached{std::move(relay), std::move(device.value())};
}

Result<ExecCommand::Reached> ExecCommand::reachById(DeviceTarget target,
                                                    const QCommandLineParser &parser,
                                                    const QDeadlineTimer &deadline)
{
    const QString onlyRelay = parser.value(QStringLiteral("relay"));
    const QString named = parser.value(QStringLiteral("user"));
    DeviceLocations locations = m_context.deviceLocations();
    const auto hint = locations.find(target.deviceId);
    auto pinned = KnownHostsFile(m_context.paths().knownHostsFile())
                      .keysFor(KnownHostsFile::deviceAlias(target.deviceId));
    auto relays =
        hint ? m_context.relays(hint->relay) : Result<QList<RelayConfig>>(QList<RelayConfig>());
    // Straight to where the device was last seen, if its key is pinned here (only that key
    // is accepted there): the registry is asked only when that misses.
    if (hint && (onlyRelay.isEmpty() || onlyRelay == hint->relay) && pinned && !pinned->isEmpty() &&
        relays && !relays->isEmpty()) {
        auto connection = m_context.connectRelay(relays->first());
        if (!connection) {
            return connection.error();
        }
        DeviceTarget guess = target;
        guess.relay = hint->relay;
        guess.port = hint->port;
        guess.user = DeviceTarget::loginUser(named, hint->user);
        auto reached = open(std::move(connection.value()), guess, parser, deadline, true);
        if (reached) {
            return reached;
        }
        const Error::Code missed = reached.error().code;
        if (missed != Error::Code::HostKeyChanged && missed != Error::Code::ChannelFailed &&
            missed != Error::Code::ConnectionFailed && missed != Error::Code::DeviceUnreachable) {
            return reached.error();
        }
        // Nothing there, or another device: the registry says where it is now (and a changed
        // key at the port it names is then reported as such).
    }
    auto located = DeviceCommands::locate(m_context, target.deviceId, onlyRelay);
    if (!located) {
        (void)locations.forget(target.deviceId); // a hint only
        return located.error();
    }
    target.relay = located->relay->config().name;
    target.port = located->record.port;
    target.user = DeviceTarget::loginUser(named, located->record.user);
    return open(std::move(located->relay), target, parser, deadline);
}

int ExecCommand::runMany(const QStringList &targets, const QString &command,
                         const QCommandLineParser &parser)
{
    const QString user = parser.value(QStringLiteral("user")); // empty: the registry's, else pi
    auto resolution =
        TargetResolver::resolve(m_context, targets, user, parser.value(QStringLiteral("relay")));
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    const FleetAccess access = m_context.fleetAccess();
    const QJsonObject details{{QStringLiteral("command"), command}};
    QJsonArray report;
    bool allSucceeded = resolution.unmatched.isEmpty();
    for (const QString &problem : resolution.problems) {
        CliContext::printError(problem);
    }
    for (auto &group : resolution.groups) {
        RelayExec::Options options;
        options.connectTimeoutMs = m_context.timeoutSeconds() * 1000;
        const auto results =
            RelayExec::run(*group.relay, group.devices, command,
                           access.deviceCredentialsFor(group.relay->config()), knownHosts,
                           m_context.parallelHostKeyPolicy(), options, CancelToken());
        for (const auto &result : results) {
            const QString name =
                result.target.deviceId.isEmpty()
                    ? QStringLiteral("%1:%2").arg(result.target.relay).arg(result.target.port)
                    : result.target.deviceId;
            const bool ok = !result.error && result.output.exitStatus == 0;
            allSucceeded = allSucceeded && ok;
            access.record(AuditLog::Action::Exec, result.target, ok,
                          result.error
                              ? result.error->message
                              : QStringLiteral("exit status %1").arg(result.output.exitStatus),
                          details);
            if (m_context.json()) {
                report.append(QJsonObject{
                    {QStringLiteral("device"), name},
                    {QStringLiteral("relay"), result.target.relay},
                    {QStringLiteral("ok"), ok},
                    {QStringLiteral("exit_status"),
                     result.error ? QJsonValue() : QJsonValue(result.output.exitStatus)},
                    {QStringLiteral("stdout"), QString::fromUtf8(result.output.out)},
                    {QStringLiteral("stderr"), QString::fromUtf8(result.output.err)},
                    {QStringLiteral("error"),
                     result.error ? QJsonValue(result.error->message) : QJsonValue()}});
                continue;
            }
            const QString status = result.error
                                       ? ExecCommand::tr("failed: %1").arg(result.error->message)
                                       : ExecCommand::tr("exit %1").arg(result.output.exitStatus);
            CliContext::printOut(QStringLiteral("== %1 (%2)").arg(name, status));
            writeAll(STDOUT_FILENO, result.output.out);
            writeAll(STDERR_FILENO, result.output.err);
        }
    }
    for (const QString &wanted : resolution.unmatched) {
        CliContext::printError(ExecCommand::tr("No device matches \"%1\".").arg(wanted.left(80)));
    }
    if (m_context.json()) {
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)));
    }
    return allSucceeded ? 0 : 1;
}

} // namespace relayfleet::cli
