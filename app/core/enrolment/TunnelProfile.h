#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace relayfleet {

// How a device's runner keeps its tunnel (PROFILE= in its tunnel.conf): what its link costs
// decides. Cellular: one heartbeat answered by the relay after as long a silence as the
// carrier's NAT allows (learned per device, up to 28 min), a dead link noticed within 29 min;
// under 1 MB a month idle. LAN: a heartbeat every 5 s and an SSH keepalive every 10 s, a dead
// link noticed within 30 s; about 270 MB a month (figures: docs/PERFORMANCE.md).
class TunnelProfile
{
    Q_DECLARE_TR_FUNCTIONS(TunnelProfile)
public:
    enum class Kind
    {
        Cellular,
        Lan
    };

    // The word in tunnel.conf and on the command line ("cellular", "lan"), never translated.
    static QString name(Kind kind);
    static std::optional<Kind> fromName(const QString &name);
    // For people: what it is for and what it costs.
    static QString label(Kind kind);
    static QString description(Kind kind);

    // The cellular runner's longest silence: its default, and what a user may set (a carrier
    // ends a session idle for about an hour; below a minute, the lan profile is the better fit).
    static constexpr int kDefaultKeepaliveMax = 1680;
    static constexpr int kMinKeepaliveMax = 60;
    static constexpr int kMaxKeepaliveMax = 3300;
    // Within how many seconds a link that died silently is noticed: the longest silence and
    // the runner's wait for an answer (REPLY_WAIT, 60 s); the lan profile's ssh keepalive.
    static int noticedWithinSeconds(Kind kind, int keepaliveMax = kDefaultKeepaliveMax);
    // What an idle device's tunnel costs in 30 days, billed (IP bytes + 54 B a packet), at the
    // longest silence the carrier allows up to keepaliveMax: from rfbench-data's figures
    // (docs/PERFORMANCE.md).
    static qint64 idleBytesPerMonth(Kind kind, int keepaliveMax = kDefaultKeepaliveMax);
    // "cellular: about 0.6 MB a month idle; a link that died silently is noticed within 29 min"
    static QString costSummary(Kind kind, int keepaliveMax = kDefaultKeepaliveMax);

    // The shell command that switches an enrolled device's runner (version 4 or later) to
    // `kind`: its tunnel.conf rewritten, and the tunnel's connection ended a moment after the
    // command has returned, so that the runner reconnects with the new settings. Says what it
    // did, or why not, on the device's output (translated here).
    static QString changeCommand(Kind kind, int keepaliveMax = kDefaultKeepaliveMax);
};

} // namespace relayfleet
