#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"
#include "relay/RelayConnection.h"
#include "transfer/FileCopy.h"

#include <QList>
#include <functional>
#include <optional>

namespace relayfleet {

// Files to and from devices through their relay: each device's session runs in the relay's
// one connection (as exec does), with the device's pinned host key and its registered user.
// Uploads to several devices run in parallel and each device's result stands alone.
class DeviceCopy
{
public:
    struct DeviceResult
    {
        DeviceTarget target;
        FileCopy::Summary summary;
        std::optional<Error> error;
    };
    struct Options
    {
        FileCopy::Options copy;
        int connectTimeoutMs = 15000;
        int stallTimeoutMs = 30000;
        int maxParallel = 16;
    };
    // Bytes done and expected across every device of the call.
    using Progress = std::function<void(quint64 done, quint64 total)>;

    static QList<DeviceResult> upload(RelayConnection &relay, const QList<DeviceTarget> &targets,
                                      const QStringList &localPaths, const QString &remotePath,
                                      const Credentials &credentials, KnownHostsFile &knownHosts,
                                      const HostKeyPolicy &policy, const Options &options,
                                      const Progress &progress, const CancelToken &cancel);
    // Records a copy's outcome in the audit log of `access`: which way, from where, to where,
    // how many files and bytes.
    static void record(const FleetAccess &access, const DeviceResult &result, bool upload,
                       const QStringList &from, const QString &to);
    static DeviceResult download(RelayConnection &relay, const DeviceTarget &target,
                                 const QString &remotePath, const QString &localPath,
                                 const Credentials &credentials, KnownHostsFile &knownHosts,
                                 const HostKeyPolicy &policy, const Options &options,
                                 const Progress &progress, const CancelToken &cancel);
};

} // namespace relayfleet
