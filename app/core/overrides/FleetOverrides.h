#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "overrides/OverrideComparison.h"
#include "overrides/OverridePush.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"
#include "relay/RelayConnections.h"

#include <QJsonArray>
#include <QList>
#include <functional>

namespace relayfleet {

// Overrides across relays for callers that hold no relay connection (the window): one
// connection per relay, each relay's devices in parallel over it. Blocking: run it on a worker.
class FleetOverrides
{
public:
    struct Context
    {
        QList<RelayConfig> relays;
        QString knownHostsPath;
        std::function<Credentials(const RelayConfig &)> credentials;
        int timeoutMs = 15000;
        // The window's shared relay connections; null: one login per relay per call.
        std::shared_ptr<RelayConnections> connections;
    };

    // One answer per device, in the order given; a relay that cannot be reached answers for
    // each of its devices with its reason.
    static QJsonArray send(const Context &context, const QList<DeviceTarget> &devices,
                           const OverridePush &push, const CancelToken &cancel);
    // Desired against applied for one device, or why the device could not be reached.
    static Result<OverrideComparison> compare(const Context &context, const DeviceTarget &device,
                                              const QJsonObject &desired, const QString &fifo,
                                              const CancelToken &cancel);

private:
    static Result<std::shared_ptr<RelayConnection>> connect(const Context &context,
                                                            const QString &relay,
                                                            KnownHostsFile &knownHosts,
                                                            const CancelToken &cancel);
};

} // namespace relayfleet
