#pragma once

#include "base/CancelToken.h"
#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "registry/DeviceRecord.h"

#include <QDeadlineTimer>
#include <QJsonObject>

namespace relayfleet {

class RelayConnection;

// Registers a hand-made tunnel as it is: the SSH server answering on the relay port is
// probed, its host key pinned under the device id (with the same explicit acceptance as any
// first contact), the port reserved and the record written. A failure leaves nothing behind.
class DeviceAdoption
{
public:
    // `record` gives id, name, labels, user and port; its host key and date are filled in.
    static Result<DeviceRecord> adopt(RelayConnection &relay, KnownHostsFile &knownHosts,
                                      DeviceRecord record, const HostKeyPolicy &policy,
                                      int timeoutMs, const CancelToken &cancel);
    // What the audit log keeps of an adoption: the port, name, labels, login user and, once
    // adopted, the pinned host key's fingerprint.
    static QJsonObject auditDetails(const DeviceRecord &record);
};

} // namespace relayfleet
