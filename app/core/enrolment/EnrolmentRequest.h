#pragma once

#include "base/Credentials.h"
#include "base/Result.h"
#include "enrolment/TunnelProfile.h"
#include "hostkeys/HostKeyPolicy.h"

#include <QString>
#include <QStringList>

namespace relayfleet {

// Everything enrolment needs to know. The device is reached once, either on the LAN or
// through a tunnel that already exists on the relay (a hand-made one).
struct EnrolmentRequest
{
    enum class Access
    {
        Lan,
        Tunnel
    };

    QString deviceId;
    QString name;
    QStringList labels;

    Access access = Access::Lan;
    QString lanHost;
    int lanPort = 22;
    int tunnelPort = 0;
    QString deviceUser = QStringLiteral("pi");
    Credentials deviceCredentials;
    HostKeyPolicy deviceHostKeyPolicy;

    // How the device reaches the relay; empty/0: as the app does.
    QString relayHostFromDevice;
    int relayPortFromDevice = 0;
    int requestedPort = 0;  // 0: the first free port from 4649 up
    int deviceSshPort = 22; // where the device's own sshd listens, as the device sees it
    QString userPublicKey;  // "ssh-ed25519 AAAA... comment", installed on the device
    // How its runner keeps the tunnel: cellular unless the device is known to have a cheap link.
    TunnelProfile::Kind profile = TunnelProfile::Kind::Cellular;
    int verifyTimeoutMs = 30000;

    // Reached on the LAN at "[user@]host[:port]" (deviceUser when no user is given).
    Result<void> setLanAddress(const QString &address);
    // The relay as the device reaches it, "host[:port]", when that differs from the app's way.
    Result<void> setRelayAddressFromDevice(const QString &address);
};

} // namespace relayfleet
