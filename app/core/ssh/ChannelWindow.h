#pragma once

#include "ssh/SshTypes.h"

#include <QByteArray>

namespace relayfleet {

// How much a peer may send on one channel before we read it. libssh grants 1.28 MB and grows
// it back to that as we read, which over a cellular path (0.4 s round trip through a relay)
// caps a download at ~3 MB/s per hop; OpenSSH grants 2 MB. libssh grows the window to what
// one read asks for when that is more, so every read asks for this much (into `scratch`, sized
// once), and a bulk transfer keeps `kReceiveWindow` in flight.
class ChannelWindow
{
public:
    static constexpr int kReceiveWindow = 4 * 1024 * 1024;

    // A non-blocking read of what the channel holds (up to kReceiveWindow bytes) into
    // `scratch`: the byte count, 0 when nothing is there (or at EOF: ssh_channel_is_eof tells),
    // or SSH_ERROR.
    static int read(ssh_channel channel, QByteArray &scratch, bool isStderr = false);
};

} // namespace relayfleet
