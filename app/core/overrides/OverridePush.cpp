#include "overrides/OverridePush.h"

#include "exec/RelayExec.h"
#include "overrides/OverrideMessage.h"
#include "overrides/OverrideProtocol.h"

namespace relayfleet {

namespace {
constexpr int kRunTimeoutMs = 60000;
}

Result<OverridePush> OverridePush::prepare(const QList<OverrideAssignment> &assignments,
                                           const QString &fifo, int waitSeconds)
{
    OverridePush push;
    push.m_sequence = OverrideMessage::newSequence();
    push.m_assignments = assignments;
    auto payload = OverrideMessage::payload(push.m_sequence, assignments);
    if (!payload) {
        return payload.error();
    }
    auto command =
        OverrideProtocol::pushCommand(fifo, push.m_sequence, std::clamp(waitSeconds, 0, 60));
    if (!command) {
        return command.error();
    }
    push.m_payload = std::move(payload.value());
    push.m_command = std::move(command.value());
    return push;
}

QJsonArray OverridePush::sendTo(RelayConnection &relay, const QList<DeviceTarget> &devices,
                                const Credentials &credentials, KnownHostsFile &knownHosts,
                                const HostKeyPolicy &policy, int connectTimeoutMs,
                                const CancelToken &cancel) const
{
    RelayExec::Options options;
    options.connectTimeoutMs = connectTimeoutMs;
    options.runTimeoutMs = kRunTimeoutMs;
    QJsonArray results;
    const auto outcomes = RelayExec::run(relay, devices, m_command, credentials, knownHosts, policy,
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
                OverrideProtocol::parsePush(outcome.output, m_sequence, m_assignments);
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

QString OverridePush::deviceName(const DeviceTarget &target)
{
    return target.idOrPort();
}

} // namespace relayfleet
