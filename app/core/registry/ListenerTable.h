#pragma once

#include <QByteArray>
#include <QList>

namespace relayfleet {

// Reads the relay's /proc/net/tcp and /proc/net/tcp6 text (untrusted) and returns the ports
// that listen on loopback only, which is where reverse tunnels listen (GatewayPorts no).
class ListenerTable
{
public:
    static constexpr qsizetype kMaxInput = 4 * 1024 * 1024;

    static QList<int> loopbackListeners(const QByteArray &procNetTcp);
};

} // namespace relayfleet
