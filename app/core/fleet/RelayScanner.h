#pragma once

#include "base/CancelToken.h"
#include "base/Result.h"
#include "fleet/DeviceStatus.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QList>

namespace relayfleet {

// The state of every device on one relay, from the registry and the loopback listeners: by
// default as the relay sees it (a device's port held, and its heartbeat's age), which costs the
// devices nothing; with probeEveryDevice, confirmed by a probe of each port (a key exchange
// with the device, in parallel over the one relay connection). Tunnels without a heartbeat
// (hand-made ones, adopted or not: only a probe tells a working one from a dead one, or an SSH
// server from another loopback service) are probed either way.
class RelayScanner
{
    Q_DECLARE_TR_FUNCTIONS(RelayScanner)
public:
    struct Options
    {
        int probeTimeoutMs = 5000;
        int maxParallelProbes = 128;
        bool includeUnregistered = true; // loopback listeners nobody registered
        bool probeEveryDevice = false;
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
