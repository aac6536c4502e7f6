#include "exec/RelayExec.h"

#include "base/ParallelFor.h"
#include "relay/DeviceConnection.h"
#include "ssh/RemoteCommand.h"

namespace relayfleet {

QList<RelayExec::DeviceResult>
RelayExec::run(RelayConnection &relay, const QList<DeviceTarget> &targets, const QString &command,
               const Credentials &credentials, KnownHostsFile &knownHosts,
               const HostKeyPolicy &policy, const Options &options, const CancelToken &cancel,
               const QByteArray &input)
{
    QList<DeviceResult> results(targets.size());
    auto runOne = [&](qsizetype i) {
        DeviceResult &result = results[i];
        result.target = targets[i];
        auto device = DeviceConnection::open(relay, targets[i], credentials, knownHosts, policy,
                                             QDeadlineTimer(options.connectTimeoutMs), cancel);
        if (!device) {
            result.error = device.error();
            return;
        }
        auto output = RemoteCommand::capture(device->session(), command, input,
                                             QDeadlineTimer(options.runTimeoutMs), cancel);
        if (!output) {
            result.error = output.error();
            return;
        }
        result.output = output.value();
    };
    parallelFor(targets.size(), options.maxParallel, runOne);
    return results;
}

} // namespace relayfleet
