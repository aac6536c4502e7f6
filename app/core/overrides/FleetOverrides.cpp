#include "overrides/FleetOverrides.h"

#include "exec/RelayExec.h"
#include "overrides/OverrideProtocol.h"
#include "relay/RelayConnection.h"

#include <QJsonObject>

namespace relayfleet {

Result<std::shared_ptr<RelayConnection>> FleetOverrides::connect(FleetAccess access,
                                                                 const QString &relay,
                                                                 KnownHostsFile &knownHosts,
                                                                 const CancelToken &cancel)
{
    auto config = access.relay(relay);
    if (!config) {
        return config.error();
    }
    // Nobody can be asked from here: only pinned keys are accepted.
    access.relayHostKeyPolicy = HostKeyPolicy{};
    return access.connectRelay(config.value(), knownHosts, QDeadlineTimer(access.connectTimeoutMs),
                               cancel);
}

QJsonObject FleetOverrides::auditDetails(const OverridePush &push)
{
    QList<QPair<QString, QJsonValue>> values;
    for (const OverrideAssignment &assignment : push.assignments()) {
        values.append(qMakePair(assignment.name, assignment.value));
    }
    return QJsonObject{{QStringLiteral("values"), AuditLog::pushedValues(values)},
                       {QStringLiteral("seq"), QString::number(push.sequence())}};
}

void FleetOverrides::record(const FleetAccess &access, const OverridePush &push,
                            const QList<PushResult> &results)
{
    const QJsonObject details = auditDetails(push);
    for (const PushResult &result : results) {
        access.record(AuditLog::Action::Push, result.target, result.applied, result.outcome(),
                      details);
    }
}

QList<PushResult> FleetOverrides::send(const FleetAccess &access,
                                       const QList<DeviceTarget> &devices, const OverridePush &push,
                                       const CancelToken &cancel)
{
    QStringList relays;
    for (const DeviceTarget &device : devices) {
        if (!relays.contains(device.relay)) {
            relays << device.relay;
        }
    }
    KnownHostsFile knownHosts(access.knownHostsPath);
    QHash<QString, PushResult> answers;
    for (const QString &relay : relays) {
        QList<DeviceTarget> group;
        for (const DeviceTarget &device : devices) {
            if (device.relay == relay) {
                group << device;
            }
        }
        auto connection = connect(access, relay, knownHosts, cancel);
        if (!connection) {
            for (const DeviceTarget &device : group) {
                answers.insert(device.idOrPort(),
                               PushResult::unreached(device, connection.error().message));
            }
            continue;
        }
        for (const PushResult &result :
             push.sendTo(*connection.value(), group,
                         access.deviceCredentialsFor(connection.value()->config()), knownHosts,
                         HostKeyPolicy{}, access.connectTimeoutMs, cancel)) {
            answers.insert(result.device(), result);
        }
    }
    QList<PushResult> ordered;
    for (const DeviceTarget &device : devices) {
        ordered << answers.value(device.idOrPort(), PushResult::unreached(device, QString()));
    }
    record(access, push, ordered);
    return ordered;
}

Result<OverrideComparison> FleetOverrides::compare(const FleetAccess &access,
                                                   const DeviceTarget &device,
                                                   const QJsonObject &desired, const QString &fifo,
                                                   const CancelToken &cancel)
{
    auto command = OverrideProtocol::stateCommand(fifo);
    if (!command) {
        return command.error();
    }
    KnownHostsFile knownHosts(access.knownHostsPath);
    auto connection = connect(access, device.relay, knownHosts, cancel);
    if (!connection) {
        return connection.error();
    }
    RelayExec::Options options;
    options.connectTimeoutMs = access.connectTimeoutMs;
    options.runTimeoutMs = access.connectTimeoutMs;
    const auto outcome = RelayExec::run(*connection.value(), {device}, command.value(),
                                        access.deviceCredentialsFor(connection.value()->config()),
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
