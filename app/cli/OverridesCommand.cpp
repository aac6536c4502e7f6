#include "OverridesCommand.h"

#include "TargetResolver.h"
#include "exec/RelayExec.h"
#include "hostkeys/KnownHostsFile.h"
#include "overrides/DesiredOverrides.h"
#include "overrides/FleetOverrides.h"
#include "overrides/OverrideComparison.h"
#include "overrides/OverrideProtocol.h"
#include "overrides/OverridePush.h"
#include "overrides/PushHistory.h"
#include "registry/RelayRegistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relayfleet::cli {

namespace {

int usage()
{
    CliContext::printError(OverridesCommand::tr(
        "Usage: push TARGET... NAME=VALUE... [--fifo PATH] [--wait SECONDS] | "
        "overrides DEVICE | overrides reapply [TARGET...] | overrides install-module "
        "TARGET... | overrides history   (VALUE is JSON: 2.5, '\"text\"', true, null)"));
    return 2;
}

// Sends one prepared push to devices of one relay, in parallel over its one connection.
QList<PushResult> pushTo(const CliContext &context, RelayConnection &relay,
                         const QList<DeviceTarget> &devices, const OverridePush &push,
                         bool &allApplied)
{
    KnownHostsFile knownHosts(context.paths().knownHostsFile());
    const FleetAccess access = context.fleetAccess();
    const QList<PushResult> results = push.sendTo(
        relay, devices, access.deviceCredentialsFor(relay.config()), knownHosts,
        context.parallelHostKeyPolicy(), context.timeoutSeconds() * 1000, CancelToken());
    FleetOverrides::record(access, push, results);
    for (const PushResult &result : results) {
        allApplied = allApplied && result.applied;
    }
    return results;
}

// The push happened whether or not it can be recorded: say so, but do not fail it.
void recordInHistory(const CliContext &context, qint64 seq, const QStringList &targets,
                     const QList<OverrideAssignment> &assignments, const QList<PushResult> &results)
{
    const auto recorded =
        PushHistory(context.paths().home()).record(seq, targets, assignments, results);
    if (!recorded) {
        CliContext::printError(OverridesCommand::tr("warning: the push is not in the history: %1")
                                   .arg(recorded.error().message));
    }
}

// One line per device, or with --json `json` (the results as scripts read them).
void printResults(const CliContext &context, const QList<PushResult> &results,
                  const QJsonArray &json)
{
    if (context.json()) {
        CliContext::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        return;
    }
    for (const PushResult &result : results) {
        QString state;
        if (result.applied) {
            state = OverridesCommand::tr("applied");
        } else if (result.received) {
            // The program read the push and refused some of it: each refused variable, and why.
            QStringList refused;
            for (const PushResult::Variable &variable : result.rejected()) {
                refused
                    << OverridesCommand::tr("%1 rejected (%2)").arg(variable.name, variable.reason);
            }
            state = OverridesCommand::tr("NOT APPLIED: %1").arg(refused.join(QStringLiteral("; ")));
        } else if (result.ok) {
            state = OverridesCommand::tr("written, not confirmed in time");
        } else {
            state = OverridesCommand::tr("FAILED: %1").arg(result.error);
        }
        CliContext::printOut(result.device() + QLatin1Char('\t') + state);
    }
}

} // namespace

QString OverridesCommand::fifo(const QCommandLineParser &parser) const
{
    return parser.isSet(QStringLiteral("fifo")) ? parser.value(QStringLiteral("fifo"))
                                                : QLatin1String(OverrideProtocol::kDefaultFifo);
}

int OverridesCommand::push(const QStringList &args, const QCommandLineParser &parser)
{
    QStringList targets;
    QList<OverrideAssignment> assignments;
    for (const QString &arg : args) {
        if (arg.contains(QLatin1Char('=')) && !arg.startsWith(QLatin1Char('@'))) {
            auto assignment = OverrideAssignment::parse(arg);
            if (!assignment) {
                return CliContext::fail(assignment.error(), 2);
            }
            assignments << assignment.value();
        } else {
            targets << arg;
        }
    }
    if (targets.isEmpty() || assignments.isEmpty()) {
        return usage();
    }
    // Everything is validated before anything is sent.
    const int wait =
        parser.isSet(QStringLiteral("wait")) ? parser.value(QStringLiteral("wait")).toInt() : 5;
    auto push = OverridePush::prepare(assignments, fifo(parser), wait);
    if (!push) {
        return CliContext::fail(push.error(), 2);
    }
    const QString user = parser.value(QStringLiteral("user")); // empty: the registry's, else pi
    auto resolution =
        TargetResolver::resolve(m_context, targets, user, parser.value(QStringLiteral("relay")));
    for (const QString &problem : resolution.problems) {
        CliContext::printError(problem);
    }
    bool allApplied = resolution.unmatched.isEmpty();
    QList<PushResult> results;
    for (auto &group : resolution.groups) {
        results << pushTo(m_context, *group.relay, group.devices, push.value(), allApplied);
    }

    DesiredOverrides desired(m_context.paths().home());
    for (const QString &target : targets) {
        if (target.startsWith(QLatin1Char('@'))) {
            (void)desired.setForLabel(target.mid(1), assignments);
        } else if (!target.contains(QLatin1Char(':')) && !resolution.unmatched.contains(target)) {
            (void)desired.setForDevice(target, assignments);
        }
    }
    recordInHistory(m_context, push->sequence(), targets, assignments, results);
    printResults(m_context, results, PushResult::toJson(results));
    for (const QString &wanted : resolution.unmatched) {
        CliContext::printError(
            OverridesCommand::tr("No device matches \"%1\".").arg(wanted.left(80)));
    }
    return allApplied ? 0 : 1;
}

int OverridesCommand::overrides(const QStringList &args, const QCommandLineParser &parser)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("reapply")) {
        return reapply(args.mid(1), parser);
    }
    if (verb == QLatin1String("install-module")) {
        return installModule(args.mid(1), parser);
    }
    if (verb == QLatin1String("history")) {
        return history();
    }
    if (args.size() == 1) {
        return show(args[0], parser);
    }
    return usage();
}

int OverridesCommand::show(const QString &device, const QCommandLineParser &parser)
{
    const QString user = parser.value(QStringLiteral("user")); // empty: the registry's, else pi
    auto resolution =
        TargetResolver::resolve(m_context, {device}, user, parser.value(QStringLiteral("relay")));
    if (resolution.groups.empty()) {
        return CliContext::fail(
            Error::make(Error::Code::NotFound,
                        OverridesCommand::tr("No device matches \"%1\".").arg(device.left(80))));
    }
    auto &group = resolution.groups.front();
    auto state = OverrideProtocol::stateCommand(fifo(parser));
    if (!state) {
        return CliContext::fail(state.error(), 2);
    }
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    const auto outcome =
        RelayExec::run(*group.relay, {group.devices.first()}, state.value(),
                       m_context.fleetAccess().deviceCredentialsFor(group.relay->config()),
                       knownHosts, m_context.hostKeyPolicy(true), {}, CancelToken())
            .first();
    if (outcome.error) {
        return CliContext::fail(outcome.error.value());
    }
    auto applied = OverrideProtocol::parseState(outcome.output);
    auto desired = DesiredOverrides(m_context.paths().home())
                       .desiredFor(group.devices.first().deviceId, group.labels.first());
    if (!desired) {
        return CliContext::fail(desired.error());
    }
    const OverrideComparison comparison = OverrideComparison::of(desired.value(), applied);
    const bool inSync = comparison.inSync();
    if (m_context.json()) {
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("device"), device},
                                      {QStringLiteral("running"), applied.ok()},
                                      {QStringLiteral("in_sync"), inSync},
                                      {QStringLiteral("variables"), comparison.rowsJson()}})
                .toJson(QJsonDocument::Compact)));
    } else {
        if (!applied) {
            CliContext::printError(applied.error().message);
        }
        // A side without the variable shows as null, as in --json.
        const auto side = [](const QJsonValue &value) {
            return QString::fromUtf8(
                OverrideAssignment::canonical(value.isUndefined() ? QJsonValue() : value));
        };
        for (const OverrideComparison::Row &row : comparison.rows) {
            CliContext::printOut(QStringLiteral("%1\tdesired %2\tapplied %3\t%4")
                                     .arg(row.name, side(row.desired), side(row.applied),
                                          OverrideComparison::statusName(row.status)));
        }
    }
    return 0;
}

int OverridesCommand::reapply(const QStringList &targets, const QCommandLineParser &parser)
{
    const QString user = parser.value(QStringLiteral("user")); // empty: the registry's, else pi
    auto resolution = TargetResolver::resolve(
        m_context, targets, user, parser.value(QStringLiteral("relay")), targets.isEmpty());
    auto state = OverrideProtocol::stateCommand(fifo(parser));
    if (!state) {
        return CliContext::fail(state.error(), 2);
    }
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    DesiredOverrides desiredStore(m_context.paths().home());
    QList<PushResult> results;
    QJsonArray json; // each result with how many values were pushed again
    bool allApplied = resolution.unmatched.isEmpty();
    for (auto &group : resolution.groups) {
        const Credentials credentials =
            m_context.fleetAccess().deviceCredentialsFor(group.relay->config());
        const auto states =
            RelayExec::run(*group.relay, group.devices, state.value(), credentials, knownHosts,
                           m_context.parallelHostKeyPolicy(), {}, CancelToken());
        for (qsizetype i = 0; i < group.devices.size(); ++i) {
            const DeviceTarget &target = group.devices[i];
            auto desired = desiredStore.desiredFor(target.deviceId, group.labels[i]);
            if (!desired || desired->isEmpty()) {
                continue;
            }
            const auto applied = states[i].error ? Result<QJsonObject>(states[i].error.value())
                                                 : OverrideProtocol::parseState(states[i].output);
            const QList<OverrideAssignment> drifted =
                OverrideComparison::drifted(desired.value(), applied);
            if (drifted.isEmpty()) {
                PushResult inSync;
                inSync.target = target;
                inSync.reached = inSync.ok = inSync.applied = true;
                results << inSync;
                json.append(QJsonObject{{QStringLiteral("device"), target.idOrPort()},
                                        {QStringLiteral("ok"), true},
                                        {QStringLiteral("applied"), true},
                                        {QStringLiteral("error"), QJsonValue()},
                                        {QStringLiteral("pushed"), 0}});
                continue;
            }
            auto push = OverridePush::prepare(drifted, fifo(parser), 5);
            if (!push) {
                return CliContext::fail(push.error());
            }
            const QList<PushResult> pushed =
                pushTo(m_context, *group.relay, {target}, push.value(), allApplied);
            recordInHistory(m_context, push->sequence(), {target.idOrPort()}, drifted, pushed);
            for (const PushResult &result : pushed) {
                QJsonObject entry = result.toJson();
                entry.insert(QStringLiteral("pushed"), drifted.size());
                json.append(entry);
                results << result;
            }
        }
    }
    printResults(m_context, results, json);
    return allApplied ? 0 : 1;
}

int OverridesCommand::installModule(const QStringList &targets, const QCommandLineParser &parser)
{
    if (targets.isEmpty()) {
        return usage();
    }
    const QString user = parser.value(QStringLiteral("user")); // empty: the registry's, else pi
    auto resolution =
        TargetResolver::resolve(m_context, targets, user, parser.value(QStringLiteral("relay")));
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    bool allOk = resolution.unmatched.isEmpty();
    const FleetAccess access = m_context.fleetAccess();
    const int version = DeviceFileVersions::current().overridesModule;
    for (auto &group : resolution.groups) {
        const auto outcomes =
            RelayExec::run(*group.relay, group.devices, OverrideProtocol::installModuleCommand(),
                           access.deviceCredentialsFor(group.relay->config()), knownHosts,
                           m_context.parallelHostKeyPolicy(), {}, CancelToken());
        RelayRegistry registry(*group.relay, QDeadlineTimer(30000));
        for (const auto &outcome : outcomes) {
            const bool ok = !outcome.error && outcome.output.exitStatus == 0;
            allOk = allOk && ok;
            QString said = ok ? OverridesCommand::tr("installed in ~/.relayfleet/python")
                           : outcome.error ? outcome.error->message
                                           : QString::fromUtf8(outcome.output.err.left(300));
            // Its entry names the module's version (devices --json, the details pane).
            if (ok && !outcome.target.deviceId.isEmpty()) {
                if (auto recorded = registry.recordDeviceFiles(
                        outcome.target.deviceId,
                        [version](DeviceFileVersions &files) { files.overridesModule = version; });
                    !recorded) {
                    said += QLatin1Char(' ') +
                            OverridesCommand::tr("(the relay's registry does not record it: %1)")
                                .arg(recorded.error().message);
                }
            }
            // An upgrade of one of its files: the overrides module.
            access.record(AuditLog::Action::Upgrade, outcome.target, ok, said,
                          QJsonObject{{QStringLiteral("file"), QStringLiteral("overrides-module")},
                                      {QStringLiteral("version"), version}});
            CliContext::printOut(QStringLiteral("%1\t%2").arg(outcome.target.idOrPort(), said));
        }
    }
    return allOk ? 0 : 1;
}

int OverridesCommand::history()
{
    auto entries = PushHistory(m_context.paths().home()).last();
    if (!entries) {
        return CliContext::fail(entries.error());
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const QJsonObject &entry : entries.value()) {
            array.append(entry);
        }
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        return 0;
    }
    for (const QJsonObject &entry : entries.value()) {
        int applied = 0;
        const QJsonArray results = entry.value(QStringLiteral("results")).toArray();
        for (const QJsonValue &r : results) {
            applied += r.toObject().value(QStringLiteral("applied")).toBool() ? 1 : 0;
        }
        CliContext::printOut(
            QStringLiteral("%1\t%2\t%3\tapplied on %4 of %5")
                .arg(entry.value(QStringLiteral("time")).toString(),
                     entry.value(QStringLiteral("targets"))
                         .toVariant()
                         .toStringList()
                         .join(QLatin1Char(',')),
                     QString::fromUtf8(
                         QJsonDocument(entry.value(QStringLiteral("values")).toObject())
                             .toJson(QJsonDocument::Compact)))
                .arg(applied)
                .arg(results.size()));
    }
    return 0;
}

} // namespace relayfleet::cli
