#pragma once

#include "base/Result.h"

#include <QString>
#include <QStringList>

namespace relayfleet::lab {

// The lab's network as root builds it with iproute2 and nftables: a network namespace per host,
// a device's only link a veth pair to the relay's namespace (the device's end is its eth0), and
// on the relay's side of those links what a carrier's NAT does. Each call is one short,
// bounded command; the lab (NatLab) decides when.
class LabNetwork
{
public:
    // `argv` run inside the network namespace `netns`.
    static QStringList inNamespace(const QString &netns, const QStringList &argv);
    // Kills whatever runs in `netns`, then deletes it (no error if it was not there).
    static void removeNamespace(const QString &netns);

    // A new namespace `deviceNetns` whose eth0 is linked to `relayNetns` by the veth `veth`:
    // the relay's end is `prefix`1/24, the device's `deviceAddress`/24.
    static Result<void> linkDevice(const QString &deviceNetns, const QString &relayNetns,
                                   const QString &veth, const QString &prefix,
                                   const QString &deviceAddress);
    // The device's eth0 up or down.
    static Result<void> setLink(const QString &netns, bool up);
    // Every address not on the link goes to `gateway` (as a Pi on a carrier's network).
    static Result<void> routeDefaultVia(const QString &netns, const QString &gateway);

    // Every frame on the namespace's eth0, both ways, since the link was made.
    struct LinkCounters
    {
        qint64 rxBytes = 0;
        qint64 txBytes = 0;
        qint64 rxPackets = 0;
        qint64 txPackets = 0;
    };
    static Result<LinkCounters> linkCounters(const QString &netns);

    // A carrier's NAT on the interfaces matching `interfaces` (an nftables name pattern) in
    // `relayNetns`: a TCP connection idle past `idleSeconds` is forgotten, and every packet of it
    // after that dropped both ways (conntrack's established timeout, with no picking up of a
    // connection it does not know). 0 takes it away.
    static Result<void> setCarrierNat(const QString &relayNetns, const QString &interfaces,
                                      int idleSeconds);
};

} // namespace relayfleet::lab
