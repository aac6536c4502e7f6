#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "overrides/OverrideDelivery.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"

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
    };

    // One answer per device, in the order given; a relay that cannot be reached answers for
    // each of its devices with its reason.
    static QJsonArray push(const Context &context, const QList<DeviceTarget> &devices,
                           const OverrideDelivery &delivery, const CancelToken &cancel);
    struct Comparison
    {
        QJsonArray rows;     // OverrideComparison::rows
        QString problem;     // why the program's applied values are unknown (not running, ...)
        QJsonObject accepts; // what the program takes, if it says (DeviceOverrides::parseAccepts)
    };

    // Desired against applied for one device, or why the device could not be reached.
    static Result<Comparison> compare(const Context &context, const DeviceTarget &device,
                                      const QJsonObject &desired, const QString &fifo,
                                      const CancelToken &cancel);

private:
    static Result<std::unique_ptr<RelayConnection>> connect(const Context &context,
                                                            const QString &relay,
                                                            KnownHostsFile &knownHosts,
                                                            const CancelToken &cancel);
};

} // namespace relayfleet
