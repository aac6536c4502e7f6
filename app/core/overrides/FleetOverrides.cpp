#include "overrides/FleetOverrides.h"

#include "exec/RelayExec.h"
#include "overrides/OverrideProtocol.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace relayfleet {

Result<std::shared_ptr<RelayConnection>> FleetOverrides::connect(const Context &context,
                                                                 const QString &relay,
                                                                 KnownHostsFile &knownHosts,
                                                                 const CancelToken &cancel)
{
    for (const RelayConfig &config : context.relays) {
        if (config.name == relay) {
            // Nobody can be asked from here: only pinned keys are accepted.
            return RelayConnections::connect(
                context.connections.get(), config,
                context.credentials ? context.credentials(config) : Credentials{}, knownHosts,
                HostKeyPolicy{}, QDeadlineTimer(context.timeoutMs), cancel);
        }
    }
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("FleetOverrides", "No relay named %1 is configured.")
            .arg(relay));
}

QJsonArray FleetOverrides::send(const Context &context, const QList<DeviceTarget> &devices,
                                const OverridePush &push, const CancelToken &cancel)
{
    QStringList relays;
    for (const DeviceTarget &device : devices) {
        if (!relays.contains(device.relay)) {
            relays << device.relay;
        }
    }
    KnownHostsFile knownHosts(context.knownHostsPath);
    QHash<QString, QJsonObject> answers;
    for (const QString &relay : relays) {
        QList<DeviceTarget> group;
        for (const DeviceTarget &device : devices) {
            if (device.relay == relay) {
                group << device;
            }
        }
        auto connection = connect(context, relay, knownHosts, cancel);
        if (!connection) {
            for (const DeviceTarget &device : group) {
                answers.insert(
                    OverridePush::deviceName(device),
                    QJsonObject{{QStringLiteral("device"), OverridePush::deviceName(device)},
                                {QStringLiteral("ok"), false},
                                {QStringLiteral("applied"), false},
                                {QStringLiteral("error"), connection.error().message}});
            }
            continue;
        }
        const QJsonArray sent = push.sendTo(*connection.value(), group,
                                            context.credentials(connection.value()->config()),
                                            knownHosts, HostKeyPolicy{}, context.timeoutMs, cancel);
        for (const QJsonValue &entry : sent) {
            answers.insert(entry.toObject().value(QStringLiteral("device")).toString(),
                           entry.toObject());
        }
    }
    QJsonArray ordered;
    for (const DeviceTarget &device : devices) {
        ordered.append(answers.value(OverridePush::deviceName(device)));
    }
    return ordered;
}

Result<OverrideComparison> FleetOverrides::compare(const Context &context,
                                                   const DeviceTarget &device,
                                                   const QJsonObject &desired, const QString &fifo,
                                                   const CancelToken &cancel)
{
    auto command = OverrideProtocol::stateCommand(fifo);
    if (!command) {
        return command.error();
    }
    KnownHostsFile knownHosts(context.knownHostsPath);
    auto connection = connect(context, device.relay, knownHosts, cancel);
    if (!connection) {
        return connection.error();
    }
    RelayExec::Options options;
    options.connectTimeoutMs = context.timeoutMs;
    options.runTimeoutMs = context.timeoutMs;
    const auto outcome = RelayExec::run(*connection.value(), {device}, command.value(),
                                        context.credentials(connection.value()->config()),
                                        knownHosts, HostKeyPolicy{}, options, cancel)
                             .first();
    if (outcome.error) {
        return outcome.error.value();
    }
    const auto applied = OverrideProtocol::parseState(outcome.output);
    OverrideComparison comparison = OverrideComparison::of(desired, applied);
    comparison.accepts = OverrideProtocol::parseAccepts(outcome.output);
    return comparison;
}

} // namespace relayfleet
