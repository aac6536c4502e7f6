#include "UpgradeCommand.h"

#include "TargetResolver.h"
#include "enrolment/DeviceUpgrade.h"
#include "hostkeys/KnownHostsFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relayfleet::cli {

// --watchdog and --runner checked; nothing (and why on stderr) when one is wrong.
std::optional<DeviceUpgrade::Options>
UpgradeCommand::optionsFrom(const QCommandLineParser &parser) const
{
    DeviceUpgrade::Options options;
    options.connectTimeoutMs = m_context.timeoutSeconds() * 1000;
    options.force = parser.isSet(QStringLiteral("force"));
    if (parser.isSet(QStringLiteral("watchdog"))) {
        bool ok = false;
        options.watchdogSeconds = parser.value(QStringLiteral("watchdog")).toInt(&ok);
        if (!ok || options.watchdogSeconds < 20 || options.watchdogSeconds > 3600) {
            CliContext::printError(UpgradeCommand::tr("--watchdog takes seconds from 20 to 3600."));
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("runner"))) {
        QFile file(parser.value(QStringLiteral("runner")));
        if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024) {
            CliContext::printError(UpgradeCommand::tr("Cannot read the runner %1 (at most 1 MiB).")
                                       .arg(file.fileName()));
            return std::nullopt;
        }
        options.runner = file.readAll();
    }
    return options;
}

// One device's outcome, as a line or into the JSON report; true when it is upgraded or current.
bool UpgradeCommand::report(const DeviceUpgrade::DeviceResult &result, QJsonArray &json) const
{
    const QString name =
        result.target.deviceId.isEmpty()
            ? QStringLiteral("%1:%2").arg(result.target.relay).arg(result.target.port)
            : result.target.deviceId;
    const bool good = result.outcome == DeviceUpgrade::Outcome::Upgraded ||
                      result.outcome == DeviceUpgrade::Outcome::Current;
    if (m_context.json()) {
        json.append(
            QJsonObject{{QStringLiteral("device"), name},
                        {QStringLiteral("relay"), result.target.relay},
                        {QStringLiteral("outcome"), DeviceUpgrade::outcomeName(result.outcome)},
                        {QStringLiteral("from_version"), result.fromVersion},
                        {QStringLiteral("to_version"), result.toVersion},
                        {QStringLiteral("module_from_version"),
                         result.moduleFrom < 0 ? QJsonValue() : QJsonValue(result.moduleFrom)},
                        {QStringLiteral("module_to_version"),
                         result.moduleTo < 0 ? QJsonValue() : QJsonValue(result.moduleTo)},
                        {QStringLiteral("detail"), result.detail}});
    } else {
        CliContext::printOut(
            QStringLiteral("%1: %2 — %3")
                .arg(name, DeviceUpgrade::outcomeName(result.outcome), result.detail));
    }
    return good;
}

int UpgradeCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    const bool all = parser.isSet(QStringLiteral("all"));
    if (args.isEmpty() == !all) {
        CliContext::printError(UpgradeCommand::tr(
            "Usage: upgrade DEVICE|@LABEL... | --all [--watchdog SECONDS] [--runner FILE] "
            "[--force] [--json]"));
        return 2;
    }
    const std::optional<DeviceUpgrade::Options> options = optionsFrom(parser);
    if (!options) {
        return 2;
    }
    auto resolution = TargetResolver::resolve(m_context, args, parser.value(QStringLiteral("user")),
                                              parser.value(QStringLiteral("relay")), all);
    for (const QString &problem : resolution.problems) {
        CliContext::printError(problem);
    }
    bool allGood = resolution.unmatched.isEmpty() && resolution.problems.isEmpty();
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    QJsonArray json;
    for (auto &group : resolution.groups) {
        if (!m_context.json()) {
            CliContext::printOut(
                UpgradeCommand::tr("Upgrading %n device(s) on relay %1; each watches its new "
                                   "runner for up to %2 s…",
                                   nullptr, static_cast<int>(group.devices.size()))
                    .arg(group.relay->config().name)
                    .arg(options->watchdogSeconds));
        }
        const FleetAccess access = m_context.fleetAccess();
        const auto results = DeviceUpgrade::run(*group.relay, group.devices,
                                                access.deviceCredentialsFor(group.relay->config()),
                                                knownHosts, *options, CancelToken());
        for (const auto &result : results) {
            DeviceUpgrade::record(access, result);
            allGood = report(result, json) && allGood;
        }
    }
    for (const QString &wanted : resolution.unmatched) {
        CliContext::printError(
            UpgradeCommand::tr("No device matches \"%1\".").arg(wanted.left(80)));
    }
    if (m_context.json()) {
        CliContext::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    }
    return allGood ? 0 : 1;
}

} // namespace relayfleet::cli
