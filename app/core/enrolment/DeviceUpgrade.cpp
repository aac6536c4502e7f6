#include "enrolment/DeviceUpgrade.h"

#include "base/ParallelFor.h"
#include "hostkeys/HostKeyPolicy.h"
#include "registry/DeviceFiles.h"
#include "registry/RelayRegistry.h"
#include "relay/DeviceConnection.h"
#include "ssh/RemoteCommand.h"

#include <QJsonObject>
#include <QThread>

namespace relayfleet {

namespace {

constexpr int kStepTimeoutMs = 30000;
// After the watchdog's time, how long the app keeps trying to reach the device: its restored
// runner needs a connect, and its backoff may be in a long pause.
constexpr int kComebackMs = 60000;
constexpr int kPollMs = 3000;

Result<CommandOutput> runOn(DeviceConnection &device, const QString &command,
                            const CancelToken &cancel, const QByteArray &input = {})
{
    return RemoteCommand::capture(device.session(), command, input, QDeadlineTimer(kStepTimeoutMs),
                                  cancel);
}

// "tunnel=2\nauthorize-key=0\n" -> {tunnel: 2, authorize-key: 0}
QMap<QString, int> parseVersions(const QByteArray &out)
{
    QMap<QString, int> versions;
    for (const QByteArray &line : out.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0) {
            versions.insert(QString::fromUtf8(line.left(equals)), line.mid(equals + 1).toInt());
        }
    }
    return versions;
}

} // namespace

QString DeviceUpgrade::outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Current:
        return tr("already current");
    case Outcome::Upgraded:
        return tr("upgraded");
    case Outcome::RolledBack:
        return tr("rolled back");
    case Outcome::Unreachable:
        return tr("unreachable");
    case Outcome::Failed:
        break;
    }
    return tr("not upgraded");
}

void DeviceUpgrade::recordVersion(RelayConnection &relay, DeviceResult &result,
                                  const CancelToken &cancel)
{
    if (result.target.deviceId.isEmpty()) {
        return; // an unregistered tunnel has no record
    }
    RelayRegistry registry(relay, QDeadlineTimer(kStepTimeoutMs), cancel);
    // The new runner and key helper count once the switch is proven; a rolled-back device
    // keeps its old ones (its module, replaced before the switch, stays new).
    auto saved = registry.recordDeviceFiles(result.target.deviceId, [&](DeviceFileVersions &files) {
        files.runner = result.switched ? result.toVersion : result.fromVersion;
        files.keyHelper =
            result.switched ? DeviceFileVersions::current().keyHelper : result.keyHelperFrom;
        if (result.moduleTo > 0) {
            files.overridesModule = result.moduleTo;
        }
    });
    if (!saved) {
        // The device is upgraded all the same; only the listing will call it outdated.
        result.detail +=
            QLatin1Char(' ') +
            tr("(The relay's registry still names the old version: %1)").arg(saved.error().message);
    }
}

QString DeviceUpgrade::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Current:
        return QStringLiteral("current");
    case Outcome::Upgraded:
        return QStringLiteral("upgraded");
    case Outcome::RolledBack:
        return QStringLiteral("rolled-back");
    case Outcome::Unreachable:
        return QStringLiteral("unreachable");
    case Outcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QList<DeviceUpgrade::DeviceResult>
DeviceUpgrade::run(RelayConnection &relay, const QList<DeviceTarget> &targets,
                   const Credentials &credentials, KnownHostsFile &knownHosts,
                   const Options &options, const CancelToken &cancel)
{
    // The relay's helper first: a new runner may need what only a newer helper does (the
    // cellular profile's answered heartbeats, helper 6).
    RelayRegistry registry(relay, QDeadlineTimer(kStepTimeoutMs), cancel);
    const auto helperCurrent = registry.installIfOlder();
    QList<DeviceResult> results(targets.size());
    parallelFor(targets.size(), 64, [&](qsizetype i) {
        results[i] = upgradeOne(relay, targets[i], credentials, knownHosts, options, cancel);
    });
    if (!helperCurrent) {
        for (DeviceResult &result : results) {
            result.detail +=
                QLatin1Char(' ') +
                tr("(The relay's helper could not be brought up to this version: %1. Until "
                   "`relayfleet-cli relay init` does it, a device in the cellular profile keeps "
                   "its tunnel with ssh's keepalive, and its dead link is noticed later.)")
                    .arg(helperCurrent.error().message);
        }
    }
    return results;
}

DeviceUpgrade::DeviceResult
DeviceUpgrade::upgradeOne(RelayConnection &relay, const DeviceTarget &target,
                          const Credentials &credentials, KnownHostsFile &knownHosts,
                          const Options &options, const CancelToken &cancel)
{
    DeviceResult result;
    result.target = target;
    if (!arm(relay, result, credentials, knownHosts, options, cancel)) {
        return result;
    }
    result = awaitVerdict(relay, result, credentials, knownHosts, options, cancel);
    // The module is replaced before the runner's switch and stays so whatever the runner does.
    if (result.moduleTo > result.moduleFrom) {
        result.detail += QLatin1Char(' ') +
                         tr("The overrides module went from version %1 to %2; a running program "
                            "uses it from its next start.")
                             .arg(result.moduleFrom)
                             .arg(result.moduleTo);
    }
    return result;
}

bool DeviceUpgrade::arm(RelayConnection &relay, DeviceResult &result,
                        const Credentials &credentials, KnownHostsFile &knownHosts,
                        const Options &options, const CancelToken &cancel)
{
    const DeviceTarget &target = result.target;
    const QByteArray runner =
        options.runner.isEmpty() ? DeviceFiles::builtIn(QStringLiteral("tunnel")) : options.runner;
    const QByteArray keyHelper = DeviceFiles::builtIn(QStringLiteral("authorize-key"));
    const QByteArray upgrader = DeviceFiles::builtIn(QStringLiteral("upgrade"));
    if (runner.isEmpty() || keyHelper.isEmpty() || upgrader.isEmpty()) {
        result.detail = tr("The device files are missing from this build.");
        return false;
    }
    result.toVersion = DeviceFiles::versionOf(runner);
    // Only pinned host keys: nobody can be asked from here, and a device whose key changed
    // is not one to write a runner to.
    auto device = DeviceConnection::open(relay, target, credentials, knownHosts, HostKeyPolicy{},
                                         QDeadlineTimer(options.connectTimeoutMs), cancel);
    if (!device) {
        result.detail = device.error().message;
        return false;
    }
    auto installed = installedVersions(device.value(), cancel);
    if (!installed) {
        result.detail = installed.error().message;
        return false;
    }
    result.fromVersion = installed->value(QStringLiteral("tunnel"));
    result.keyHelperFrom = installed->value(QStringLiteral("authorize-key"));
    if (auto module = upgradeModule(device.value(), result, *installed, cancel); !module) {
        result.detail = module.error().message;
        return false;
    }
    if (!options.force && result.fromVersion >= result.toVersion &&
        result.keyHelperFrom >= DeviceFiles::versionOf(keyHelper)) {
        const bool moduleOnly = result.moduleTo > result.moduleFrom;
        result.outcome = moduleOnly ? Outcome::Upgraded : Outcome::Current;
        result.detail = moduleOnly ? tr("The runner was already at version %1; the overrides "
                                        "module went from version %2 to %3, and a running "
                                        "program uses it from its next start.")
                                         .arg(result.fromVersion)
                                         .arg(result.moduleFrom)
                                         .arg(result.moduleTo)
                                   : tr("Already at version %1.").arg(result.fromVersion);
        result.toVersion = result.fromVersion;
        recordVersion(relay, result, cancel);
        return false;
    }
    if (auto written = writeNewFiles(device.value(), runner, keyHelper, upgrader, cancel);
        !written) {
        result.detail = written.error().message;
        return false;
    }
    auto armed = runOn(
        device.value(),
        QStringLiteral("sh \"$HOME\"/.relayfleet/upgrade switch %1").arg(options.watchdogSeconds),
        cancel);
    if (!armed || armed->exitStatus != 0 || !armed->out.startsWith("armed")) {
        result.detail = tr("The device did not start its upgrade: %1")
                            .arg(armed ? QString::fromUtf8(armed->err.left(300)).trimmed()
                                       : armed.error().message);
        return false;
    }
    // The switch restarts the runner, which ends this session's tunnel: it is let go here.
    return true;
}

// The versions of the device's files: tunnel, authorize-key and, when it has one, module.
Result<QMap<QString, int>> DeviceUpgrade::installedVersions(DeviceConnection &device,
                                                            const CancelToken &cancel)
{
    auto versions =
        runOn(device,
              QStringLiteral("cd \"$HOME\"/.relayfleet 2>/dev/null || exit 3; "
                             "for f in tunnel authorize-key; do v=$(sed -n "
                             "'s/^# relayfleet-version: \\([0-9]*\\).*/\\1/p' "
                             "\"$f\" 2>/dev/null | head -n 1); printf '%s=%s\\n' "
                             "\"$f\" \"${v:-0}\"; done; m=python/relayfleet_overrides.py; "
                             "if [ -f $m ]; then v=$(sed -n "
                             "'s/^# relayfleet-version: \\([0-9]*\\).*/\\1/p' $m "
                             "| head -n 1); printf 'module=%s\\n' \"${v:-0}\"; fi"),
              cancel);
    if (!versions) {
        return versions.error();
    }
    if (versions->exitStatus == 3) {
        return Error::make(Error::Code::InvalidInput,
                           tr("No ~/.relayfleet on the device: it was not enrolled by Relay Fleet "
                              "(a hand-made tunnel has nothing to upgrade)."));
    }
    return parseVersions(versions->out);
}

// Beside the old files; nothing the device runs changes until the switch.
Result<void> DeviceUpgrade::writeNewFiles(DeviceConnection &device, const QByteArray &runner,
                                          const QByteArray &keyHelper, const QByteArray &upgrader,
                                          const CancelToken &cancel)
{
    const QList<std::pair<QString, QByteArray>> files{
        {QStringLiteral("tunnel.new"), runner},
        {QStringLiteral("authorize-key.new"), keyHelper},
        {QStringLiteral("upgrade"), upgrader}};
    for (const auto &[name, content] : files) {
        const QString write = QStringLiteral("cd \"$HOME\"/.relayfleet && cat > %1.part && "
                                             "chmod 700 %1.part && mv -f %1.part %1")
                                  .arg(name);
        auto written = runOn(device, write, cancel, content);
        if (!written || written->exitStatus != 0) {
            const QString why = written ? QString::fromUtf8(written->err.left(300)).trimmed()
                                        : written.error().message;
            (void)runOn(device,
                        QStringLiteral("rm -f \"$HOME\"/.relayfleet/tunnel.new "
                                       "\"$HOME\"/.relayfleet/authorize-key.new"),
                        cancel);
            return Error::make(written ? Error::Code::Io : written.error().code,
                               tr("Could not write %1 on the device: %2").arg(name, why));
        }
    }
    return {};
}

Result<void> DeviceUpgrade::upgradeModule(DeviceConnection &device, DeviceResult &result,
                                          const QMap<QString, int> &installed,
                                          const CancelToken &cancel)
{
    if (!installed.contains(QStringLiteral("module"))) {
        return {}; // the device never had it: install-module is the user's choice
    }
    const QByteArray module = DeviceFiles::builtInModule();
    result.moduleFrom = installed.value(QStringLiteral("module"));
    result.moduleTo = result.moduleFrom;
    if (module.isEmpty() || DeviceFiles::versionOf(module) <= result.moduleFrom) {
        return {};
    }
    // Renamed over the old file: a program that starts meanwhile loads one whole module. The
    // compiled copy goes: Python trusts it while the source's size and modification second
    // match, which a new module of the same length written within the same second would.
    auto written = runOn(device,
                         QStringLiteral("cd \"$HOME\"/.relayfleet/python && umask 077 && cat > "
                                        "relayfleet_overrides.py.part && mv -f "
                                        "relayfleet_overrides.py.part relayfleet_overrides.py && "
                                        "rm -f __pycache__/relayfleet_overrides.*.pyc"),
                         cancel, module);
    if (!written || written->exitStatus != 0) {
        return Error::make(Error::Code::Io,
                           tr("Could not write the overrides module on the device: %1")
                               .arg(written ? QString::fromUtf8(written->err.left(300)).trimmed()
                                            : written.error().message));
    }
    result.moduleTo = DeviceFiles::versionOf(module);
    return {};
}

DeviceUpgrade::DeviceResult DeviceUpgrade::awaitVerdict(RelayConnection &relay, DeviceResult result,
                                                        const Credentials &credentials,
                                                        KnownHostsFile &knownHosts,
                                                        const Options &options,
                                                        const CancelToken &cancel)
{
    const QDeadlineTimer deadline(options.watchdogSeconds * 1000 + kComebackMs);
    QString lastProblem = tr("no answer yet");
    QString verdict;
    while (!deadline.hasExpired() && !cancel.isCancelled()) {
        QThread::msleep(kPollMs);
        auto device = DeviceConnection::open(
            relay, result.target, credentials, knownHosts, HostKeyPolicy{},
            QDeadlineTimer(std::min<qint64>(options.connectTimeoutMs, deadline.remainingTime())),
            cancel);
        if (!device) {
            lastProblem = device.error().message;
            continue;
        }
        auto read =
            runOn(device.value(),
                  QStringLiteral("cat \"$HOME\"/.relayfleet/upgrade.result 2>/dev/null"), cancel);
        if (!read) {
            lastProblem = read.error().message;
            continue;
        }
        verdict = QString::fromUtf8(read->out).trimmed();
        if (verdict == QLatin1String("upgraded")) {
            result.outcome = Outcome::Upgraded;
            result.switched = true;
            result.detail = tr("Version %1 → %2; the new runner has a working tunnel.")
                                .arg(result.fromVersion)
                                .arg(result.toVersion);

            recordVersion(relay, result, cancel);
            return result;
        }
        if (verdict.startsWith(QLatin1String("rolled back"))) {
            result.outcome = Outcome::RolledBack;
            result.detail =
                tr("The new runner had no working tunnel within %1 s; the device went back "
                   "to version %2 by itself (%3).")
                    .arg(options.watchdogSeconds)
                    .arg(result.fromVersion)
                    .arg(verdict.mid(verdict.indexOf(QLatin1Char(':')) + 1).trimmed());
            recordVersion(relay, result, cancel);
            return result;
        }
        lastProblem = tr("the device's watchdog has not decided yet");
    }
    result.outcome = Outcome::Unreachable;
    result.detail = tr("The device did not come back within %1 s (%2). It goes back to its "
                       "previous runner by itself if the new one has no tunnel; ask again "
                       "later.")
                        .arg(options.watchdogSeconds + kComebackMs / 1000)
                        .arg(lastProblem);
    return result;
}

void DeviceUpgrade::record(const FleetAccess &access, const DeviceResult &result)
{
    access.record(AuditLog::Action::Upgrade, result.target,
                  result.outcome == Outcome::Upgraded || result.outcome == Outcome::Current,
                  outcomeName(result.outcome) +
                      (result.detail.isEmpty() ? QString() : QStringLiteral(": ") + result.detail),
                  QJsonObject{{QStringLiteral("from_version"), result.fromVersion},
                              {QStringLiteral("to_version"), result.toVersion}});
}

} // namespace relayfleet
