#include "overrides/FleetOverrides.h"

#include "overrides/DesiredOverrides.h"
#include "overrides/OverrideProtocol.h"
#include "overrides/PushHistory.h"
#include "relay/RelayConnection.h"

#include <QHash>
#include <QJsonObject>

namespace relayfleet {

namespace {

// The relays of `devices`, each once, in the order they first appear.
QStringList relaysOf(const QList<DeviceTarget> &devices)
{
    QStringList relays;
    for (const DeviceTarget &device : devices) {
        if (!relays.contains(device.relay)) {
            relays << device.relay;
        }
    }
    return relays;
}

// The devices of `devices` behind `relay`, in their order.
QList<DeviceTarget> behind(const QString &relay, const QList<DeviceTarget> &devices)
{
    QList<DeviceTarget> group;
    std::copy_if(devices.cbegin(), devices.cend(), std::back_inserter(group),
                 [&relay](const DeviceTarget &device) { return device.relay == relay; });
    return group;
}

} // namespace

FleetOverrides::FleetOverrides(FleetAccess access, QString home)
    : m_access(std::move(access))
    , m_home(std::move(home))
{
}

bool FleetOverrides::Pushed::allApplied() const
{
    return std::all_of(results.cbegin(), results.cend(),
                       [](const PushResult &result) { return result.applied; });
}

bool FleetOverrides::Reading::inSync() const
{
    return !unreachable && comparison.problem.isEmpty() && comparison.inSync();
}

RelayExec::Options FleetOverrides::readOptions() const
{
    RelayExec::Options options;
    options.connectTimeoutMs = m_access.connectTimeoutMs;
    options.runTimeoutMs = m_access.connectTimeoutMs;
    return options;
}

QList<PushResult> FleetOverrides::sendOver(RelayConnection &relay,
                                           const QList<DeviceTarget> &devices,
                                           const OverridePush &push, KnownHostsFile &knownHosts,
                                           const CancelToken &cancel) const
{
    // Many device logins at once: nobody can be asked about a key not pinned yet.
    return push.sendTo(relay, devices, m_access.deviceCredentialsFor(relay.config()), knownHosts,
                       m_access.deviceHostKeyPolicy.withoutAsking(), m_access.connectTimeoutMs,
                       cancel);
}

Result<std::shared_ptr<RelayConnection>> FleetOverrides::connect(const QString &relay,
                                                                 KnownHostsFile &knownHosts,
                                                                 const CancelToken &cancel) const
{
    auto config = m_access.relay(relay);
    if (!config) {
        return config.error();
    }
    FleetAccess access = m_access;
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

void FleetOverrides::record(const OverridePush &push, const QList<PushResult> &results) const
{
    const QJsonObject details = auditDetails(push);
    for (const PushResult &result : results) {
        m_access.record(AuditLog::Action::Push, result.target, result.applied, result.outcome(),
                        details);
    }
}

std::optional<Error> FleetOverrides::recordInHistory(const OverridePush &push,
                                                     const QStringList &scope,
                                                     const QList<PushResult> &results) const
{
    auto recorded = PushHistory(m_home).record(push.sequence(), scope, push.assignments(), results);
    if (!recorded) {
        return recorded.error();
    }
    return std::nullopt;
}

QList<PushResult> FleetOverrides::send(const QList<DeviceTarget> &devices, const OverridePush &push,
                                       const CancelToken &cancel) const
{
    KnownHostsFile knownHosts(m_access.knownHostsPath);
    QHash<QString, PushResult> answers;
    for (const QString &relay : relaysOf(devices)) {
        const QList<DeviceTarget> group = behind(relay, devices);
        auto connection = connect(relay, knownHosts, cancel);
        if (!connection) {
            for (const DeviceTarget &device : group) {
                answers.insert(device.idOrPort(),
                               PushResult::unreached(device, connection.error().message));
            }
            continue;
        }
        for (const PushResult &result :
             sendOver(*connection.value(), group, push, knownHosts, cancel)) {
            answers.insert(result.device(), result);
        }
    }
    QList<PushResult> ordered;
    for (const DeviceTarget &device : devices) {
        ordered << answers.value(device.idOrPort(), PushResult::unreached(device, QString()));
    }
    record(push, ordered);
    return ordered;
}

Result<FleetOverrides::Pushed> FleetOverrides::push(const QStringList &scope,
                                                    const QList<DeviceTarget> &devices,
                                                    const OverridePush &push,
                                                    const CancelToken &cancel) const
{
    // Wanted first: a push whose values were not kept would be undone by the next reapply.
    DesiredOverrides desired(m_home);
    for (const QString &word : scope) {
        Result<void> saved;
        if (word.startsWith(QLatin1Char('@'))) {
            saved = desired.setForLabel(word.mid(1), push.assignments());
        } else if (std::any_of(devices.cbegin(), devices.cend(), [&word](const DeviceTarget &d) {
                       return !d.deviceId.isEmpty() && d.deviceId == word;
                   })) {
            saved = desired.setForDevice(word, push.assignments());
        }
        if (!saved) {
            return saved.error();
        }
    }
    Pushed pushed;
    pushed.results = send(devices, push, cancel);
    pushed.notInHistory = recordInHistory(push, scope, pushed.results);
    return pushed;
}

FleetOverrides::Reading FleetOverrides::read(const DeviceTarget &device, const QStringList &labels,
                                             const QString &fifo, const CancelToken &cancel) const
{
    Reading reading;
    reading.target = device;
    const auto wanted = DesiredOverrides(m_home).desiredFor(device.deviceId, labels);
    if (!wanted) {
        reading.unreachable = wanted.error();
        return reading;
    }
    auto command = OverrideProtocol::stateCommand(fifo);
    if (!command) {
        reading.unreachable = command.error();
        return reading;
    }
    KnownHostsFile knownHosts(m_access.knownHostsPath);
    auto connection = connect(device.relay, knownHosts, cancel);
    if (!connection) {
        reading.unreachable = connection.error();
        return reading;
    }
    const auto outcome =
        RelayExec::run(*connection.value(), {device}, command.value(),
                       m_access.deviceCredentialsFor(connection.value()->config()), knownHosts,
                       m_access.deviceHostKeyPolicy, readOptions(), cancel)
            .first();
    if (outcome.error) {
        reading.unreachable = outcome.error.value();
        return reading;
    }
    reading.comparison =
        OverrideComparison::of(wanted.value(), OverrideProtocol::parseState(outcome.output));
    reading.comparison.accepts = OverrideProtocol::parseAccepts(outcome.output);
    return reading;
}

QList<FleetOverrides::Reapplied> FleetOverrides::reapply(const QList<DeviceTarget> &devices,
                                                         const QList<QStringList> &labels,
                                                         const QString &fifo,
                                                         const CancelToken &cancel,
                                                         QList<Error> *notInHistory) const
{
    auto command = OverrideProtocol::stateCommand(fifo);
    QList<DeviceTarget> wanting;
    QHash<QString, QJsonObject> wanted; // by idOrPort
    DesiredOverrides desired(m_home);
    for (qsizetype i = 0; i < devices.size(); ++i) {
        auto values = desired.desiredFor(devices[i].deviceId, labels.value(i));
        if (values && !values->isEmpty()) {
            wanting << devices[i];
            wanted.insert(devices[i].idOrPort(), values.value());
        }
    }
    QList<Reapplied> done;
    if (!command) {
        for (const DeviceTarget &device : wanting) {
            done << Reapplied{PushResult::unreached(device, command.error().message), 0};
        }
        return done;
    }
    KnownHostsFile knownHosts(m_access.knownHostsPath);
    for (const QString &relay : relaysOf(wanting)) {
        const QList<DeviceTarget> group = behind(relay, wanting);
        auto connection = connect(relay, knownHosts, cancel);
        if (!connection) {
            for (const DeviceTarget &device : group) {
                done << Reapplied{PushResult::unreached(device, connection.error().message), 0};
            }
            continue;
        }
        const auto states =
            RelayExec::run(*connection.value(), group, command.value(),
                           m_access.deviceCredentialsFor(connection.value()->config()), knownHosts,
                           m_access.deviceHostKeyPolicy.withoutAsking(), readOptions(), cancel);
        for (qsizetype i = 0; i < group.size() && i < states.size(); ++i) {
            const DeviceTarget &target = group[i];
            const auto applied = states[i].error ? Result<QJsonObject>(states[i].error.value())
                                                 : OverrideProtocol::parseState(states[i].output);
            const QList<OverrideAssignment> drifted =
                OverrideComparison::drifted(wanted.value(target.idOrPort()), applied);
            if (drifted.isEmpty()) {
                PushResult inSync;
                inSync.target = target;
                inSync.reached = inSync.ok = inSync.applied = true;
                done << Reapplied{inSync, 0};
                continue;
            }
            auto push = OverridePush::prepare(drifted, fifo, 5);
            if (!push) { // the values were saved once, so they are valid: a file edited by hand
                done << Reapplied{PushResult::unreached(target, push.error().message), 0};
                continue;
            }
            // Over the relay connection of the read: no second login for a drifted device.
            const QList<PushResult> pushed =
                sendOver(*connection.value(), {target}, push.value(), knownHosts, cancel);
            record(push.value(), pushed);
            if (auto problem = recordInHistory(push.value(), {target.idOrPort()}, pushed);
                problem && notInHistory) {
                notInHistory->append(problem.value());
            }
            for (const PushResult &result : pushed) {
                done << Reapplied{result, drifted.size()};
            }
        }
    }
    return done;
}

} // namespace relayfleet
