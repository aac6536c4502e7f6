#pragma once

#include "base/CancelToken.h"
#include "base/CommandOutput.h"
#include "base/Credentials.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConnection.h"

#include <QList>
#include <optional>

namespace relayfleet {

// Runs one command on many devices of one relay at once, all over that relay's single
// connection. Each device's result stands alone: one failure does not stop the others.
class RelayExec
{
public:
    struct DeviceResult
    {
        DeviceTarget target;
        CommandOutput output;
        std::optional<Error> error;
    };

    struct Options
    {
        int connectTimeoutMs = 15000;
        int runTimeoutMs = 300000;
        int maxParallel = 128; // sessions at once over the one relay connection
    };

    static QList<DeviceResult> run(RelayConnection &relay, const QList<DeviceTarget> &targets,
                                   const QString &command, const Credentials &credentials,
                                   KnownHostsFile &knownHosts, const HostKeyPolicy &policy,
                                   const Options &options, const CancelToken &cancel,
                                   const QByteArray &input = {});
};

} // namespace relayfleet
