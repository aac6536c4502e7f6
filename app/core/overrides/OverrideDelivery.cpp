#include "overrides/OverrideDelivery.h"

#include "exec/FleetExec.h"
#include "overrides/DeviceOverrides.h"

namespace relayfleet {

namespace {
constexpr int kRunTimeoutMs = 60000;
}

Result<OverrideDelivery> OverrideDelivery::prepare(const QList<OverrideAssignment> &assignments,
                                                   const QString &fifo, int waitSeconds)
{
    OverrideDelivery delivery;
    delivery.m_sequence = OverridePush::newSequence();
    delivery.m_assignments = assignments;
    auto payload = OverridePush::payload(delivery.m_sequence, assignments);
    if (!payload) {
        return payload.error();
    }
    auto command =
        DeviceOverrides::pushCommand(fifo, delivery.m_sequence, std::clamp(waitSeconds, 0, 60));
    if (!command) {
        return command.error();
    }
    delivery.m_payload = std::move(payload.value());
    delivery.m_command = std::move(command.value());
    return delivery;
}

QJsonArray OverrideDelivery::sendTo(RelayConnection &relay, const QList<DeviceTarget> &devices,
                                    const Credentials &credentials, KnownHostsFile &knownHosts,
                                    const HostKeyPolicy &policy, int connectTimeoutMs,
                                    const CancelToken &cancel) const
{
    FleetExec::Options options;
    options.connectTimeoutMs = connectTimeoutMs;
    options.runTimeoutMs = kRunTimeoutMs;
    QJsonArray results;
    const auto outcomes = FleetExec::run(relay, devices, m_command, credentials, knownHosts, policy,
                                         options, cancel, m_payload);
    for (const auto &outcome : outcomes) {
        QJsonObject entry{{QStringLiteral("device"), deviceName(outcome.target)}};
        if (outcome.error) {
            entry.insert(QStringLiteral("ok"), false);
            entry.insert(QStringLiteral("received"), false);
            entry.insert(QStringLiteral("applied"), false);
            entry.insert(QStringLiteral("error"), outcome.error->message);
        } else {
            const auto pushed =
                DeviceOverrides::parsePush(outcome.output, m_sequence, m_assignments);
            entry.insert(QStringLiteral("ok"),
                         pushed.written && (pushed.error.isEmpty() || pushed.received));
            entry.insert(QStringLiteral("received"), pushed.received);
            entry.insert(QStringLiteral("applied"), pushed.applied);
            entry.insert(QStringLiteral("error"),
                         pushed.error.isEmpty() ? QJsonValue() : QJsonValue(pushed.error));
            entry.insert(QStringLiteral("values"), pushed.values);
            entry.insert(QStringLiteral("variables"), pushed.variables);
            if (!pushed.accepts.isEmpty()) {
                entry.insert(QStringLiteral("accepts"), pushed.accepts);
            }
        }
        results.append(entry);
    }
    return results;
}

QString OverrideDelivery::deviceName(const DeviceTarget &target)
{
    return target.deviceId.isEmpty() ? QStringLiteral("%1:%2").arg(target.relay).arg(target.port)
                                     : target.deviceId;
}

QJsonArray OverrideComparison::rows(const QJsonObject &desired, const Result<QJsonObject> &applied)
{
    QStringList names = desired.keys();
    if (applied) {
        for (const QString &name : applied->keys()) {
            if (!names.contains(name)) {
                names << name;
            }
        }
    }
    QJsonArray rows;
    for (const QString &name : names) {
        const bool wanted = desired.contains(name);
        const bool has = applied && applied->contains(name);
        const QString status = !wanted ? QStringLiteral("extra")
                               : !has  ? QStringLiteral("missing")
                               : applied->value(name) == desired.value(name)
                                   ? QStringLiteral("ok")
                                   : QStringLiteral("drift");
        rows.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("desired"), wanted ? desired.value(name) : QJsonValue()},
                        {QStringLiteral("applied"), has ? applied->value(name) : QJsonValue()},
                        {QStringLiteral("status"), status}});
    }
    return rows;
}

bool OverrideComparison::inSync(const QJsonArray &rows)
{
    for (const QJsonValue &row : rows) {
        const QString status = row.toObject().value(QStringLiteral("status")).toString();
        if (status != QLatin1String("ok") && status != QLatin1String("extra")) {
            return false;
        }
    }
    return true;
}

QList<OverrideAssignment> OverrideComparison::drifted(const QJsonObject &desired,
                                                      const Result<QJsonObject> &applied)
{
    QList<OverrideAssignment> drifted;
    for (auto it = desired.begin(); it != desired.end(); ++it) {
        if (!applied || applied->value(it.key()) != it.value()) {
            drifted << OverrideAssignment{it.key(), it.value()};
        }
    }
    return drifted;
}

} // namespace relayfleet
