#include "OverridesCommand.h"

#include "TargetResolver.h"
#include "exec/RelayExec.h"
#include "hostkeys/KnownHostsFile.h"
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

// The overrides service over the relays the targets were resolved through: no second login.
FleetOverrides overridesOver(const CliContext &context,
                             const TargetResolver::Resolution &resolution)
{
    FleetAccess access = context.fleetAccess();
    access.connections = std::make_shared<RelayConnections>();
    for (const auto &group : resolution.groups) {
        access.connections->adopt(group.relay);
    }
    return FleetOverrides(access, context.paths().home());
}

// The push happened whether or not it can be recorded: say so, but do not fail it.
void warnNotInHistory(const Error &problem)
{
    CliContext::printError(
        OverridesCommand::tr("warning: the push is not in the history: %1").arg(problem.message));
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
    QList<DeviceTarget> devices;
    for (const auto &group : resolution.groups) {
        devices << group.devices;
    }
    auto pushed =
        overridesOver(m_context, resolution).push(targets, devices, push.value(), CancelToken());
    if (!pushed) {
        return CliContext::fail(pushed.error());
    }
    if (pushed->notInHistory) {
        warnNotInHistory(pushed->notInHistory.value());
    }
    printResults(m_context, pushed->results, PushResult::toJson(pushed->results));
    for (const QString &wanted : resolution.unmatched) {
        CliContext::printError(
            OverridesCommand::tr("No device matches \"%1\".").arg(wanted.left(80)));
    }
    return resolution.unmatched.isEmpty() && pushed->allApplied() ? 0 : 1;
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
    if (auto state = OverrideProtocol::stateCommand(fifo(parser)); !state) {
        return CliContext::fail(state.error(), 2);
    }
    const auto &group = resolution.groups.front();
    // One device: its host key may be asked about.
    const FleetOverrides::Reading reading =
        overridesOver(m_context, resolution)
            .read(group.devices.first(), group.labels.first(), fifo(parser), CancelToken());
    if (reading.unreachable) {
        return CliContext::fail(reading.unreachable.value());
    }
    const OverrideComparison &comparison = reading.comparison;
    const bool inSync = comparison.inSync();
    if (m_context.json()) {
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("device"), device},
                                      {QStringLiteral("running"), comparison.problem.isEmpty()},
                                      {QStringLiteral("in_sync"), inSync},
                                      {QStringLiteral("variables"), comparison.rowsJson()}})
                .toJson(QJsonDocument::Compact)));
    } else {
        if (!comparison.problem.isEmpty()) {
            CliContext::printError(comparison.problem);
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
    if (auto state = OverrideProtocol::stateCommand(fifo(parser)); !state) {
        return CliContext::fail(state.error(), 2);
    }
    QList<DeviceTarget> devices;
    QList<QStringList> labels;
    for (const auto &group : resolution.groups) {
        devices << group.devices;
        labels << group.labels;
    }
    QList<Error> notInHistory;
    const QList<FleetOverrides::Reapplied> reapplied =
        overridesOver(m_context, resolution)
            .reapply(devices, labels, fifo(parser), CancelToken(), &notInHistory);
    for (const Error &problem : notInHistory) {
        warnNotInHistory(problem);
    }
    QList<PushResult> results;
    QJsonArray json; // each result with how many values were pushed again
    bool allApplied = resolution.unmatched.isEmpty();
    for (const FleetOverrides::Reapplied &device : reapplied) {
        results << device.result;
        allApplied = allApplied && device.result.applied;
        if (device.pushed == 0 && device.result.applied) {
            json.append(QJsonObject{{QStringLiteral("device"), device.result.device()},
                                    {QStringLiteral("ok"), true},
                                    {QStringLiteral("applied"), true},
                                    {QStringLiteral("error"), QJsonValue()},
                                    {QStringLiteral("pushed"), 0}});
            continue;
        }
        QJsonObject entry = device.result.toJson();
        entry.insert(QStringLiteral("pushed"), device.pushed);
        json.append(entry);
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
