#pragma once

#include "base/Result.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"

#include <QCoreApplication>
#include <QString>

namespace relayfleet {

// The same connection for OpenSSH: an ssh_config in the app's home with a ProxyJump through
// the relay, HostKeyAlias relayfleet-<id> and the app's known_hosts, so the system terminal
// verifies exactly the host keys the app pinned (StrictHostKeyChecking yes).
class OpenSshConfig
{
    Q_DECLARE_TR_FUNCTIONS(OpenSshConfig)
public:
    // Writes (or refreshes) the entries for this relay and device and returns the command line
    // that opens a shell: ssh -F '<home>/ssh_config' relayfleet-<id>
    static Result<QString> commandFor(const QString &home, const RelayConfig &relay,
                                      const DeviceTarget &device);
    static QString hostFor(const DeviceTarget &device)
    {
        return QStringLiteral("relayfleet-") + device.deviceId;
    }
};

} // namespace relayfleet
