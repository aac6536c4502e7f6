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

QList<PushResult> OverridePush::sendTo(RelayConnection &relay, const QList<DeviceTarget> &devices,
                                       const Credentials &credentials, KnownHostsFile &knownHosts,
                                       const HostKeyPolicy &policy, int connectTimeoutMs,
                                       const CancelToken &cancel) const
{
    RelayExec::Options options;
    options.connectTimeoutMs = connectTimeoutMs;
    options.runTimeoutMs = kRunTimeoutMs;
    QList<PushResult> results;
    const auto outcomes = RelayExec::run(relay, devices, m_command, credentials, knownHosts, policy,
                                         options, cancel, m_payload);
    for (const auto &outcome : outcomes) {
        if (outcome.error) {
            results << PushResult::unreached(outcome.target, outcome.error->message);
            continue;
        }
        auto pushed = OverrideProtocol::parsePush(outcome.output, m_sequence, m_assignments);
        PushResult result;
        result.target = outcome.target;
        result.reached = true;
        result.ok = pushed.written && (pushed.error.isEmpty() || pushed.received);
        result.received = pushed.received;
        result.applied = pushed.applied;
        result.error = pushed.error;
        result.variables = std::move(pushed.variables);
        result.values = std::move(pushed.values);
        result.accepts = std::move(pushed.accepts);
        results << result;
    }
    return results;
}

} // namespace relayfleet
