#pragma once

#include "CancelToken.h"
#include "DeviceStatus.h"
#include "RelayConnection.h"
#include "Result.h"

#include <QList>

namespace relayfleet {

// The live state of every device on one relay: the registry, the loopback listeners, and a
// probe of each port, all in parallel over the one relay connection.
class FleetScanner
{
public:
    struct Options
    {
        int probeTimeoutMs = 5000;
        int maxParallelProbes = 128;
        bool includeUnregistered = true;
    };

    static Result<QList<DeviceStatus>> scan(RelayConnection &relay, const Options &options,
                                            const CancelToken &cancel);
};

} // namespace relayfleet
