#pragma once

#include "base/CancelToken.h"
#include "overrides/OverrideComparison.h"
#include "overrides/OverridePush.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"

#include <QJsonArray>
#include <QList>

namespace relayfleet {

// Overrides across relays for callers that hold no relay connection (the window): one
// connection per relay, each relay's devices in parallel over it. Blocking: run it on a worker.
class FleetOverrides
{
public:
    // One answer per device, in the order given; a relay that cannot be reached answers for
    // each of its devices with its reason. Each is in the audit log (record()).
    static QList<PushResult> send(const FleetAccess &access, const QList<DeviceTarget> &devices,
                                  const OverridePush &push, const CancelToken &cancel);
    // Records in the access's audit log how each device took `push`.
    static void record(const FleetAccess &access, const OverridePush &push,
                       const QList<PushResult> &results);
    // Desired against applied for one device, or why the device could not be reached.
    static Result<OverrideComparison> compare(const FleetAccess &access, const DeviceTarget &device,
                                              const QJsonObject &desired, const QString &fifo,
                                              const CancelToken &cancel);

    // What the audit log keeps of a push: the values (secrets only as their length) and its
    // sequence number.
    static QJsonObject auditDetails(const OverridePush &push);

private:
    static Result<std::shared_ptr<RelayConnection>> connect(FleetAccess access,
                                                            const QString &relay,
                                                            KnownHostsFile &knownHosts,
                                                            const CancelToken &cancel);
};

} // namespace relayfleet
