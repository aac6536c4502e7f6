#pragma once

#include "base/CancelToken.h"
#include "base/Result.h"
#include "fleet/DeviceStatus.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QList>

namespace relayfleet {

// The live state of every device on one relay: the registry, the loopback listeners, and a
// probe of each port, all in parallel over the one relay connection.
class RelayScanner
{
    Q_DECLARE_TR_FUNCTIONS(RelayScanner)
public:
    struct Options
    {
        int probeTimeoutMs = 5000;
        int maxParallelProbes = 128;
        bool includeUnregistered = true;
        // Where devices were last seen (DeviceLocations): probed while the registry is still
        // being read, which takes the listing's round trips off the refresh. A probe's answer
        // depends only on the port, so it serves whichever device the registry puts there;
        // probes of ports the registry no longer lists are stopped and dropped.
        QList<int> expectedPorts;
    };

    static Result<QList<DeviceStatus>> scan(RelayConnection &relay, const Options &options,
                                            const CancelToken &cancel);
};

} // namespace relayfleet
