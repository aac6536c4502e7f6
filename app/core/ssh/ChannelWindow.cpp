#include "ssh/ChannelWindow.h"

#include <libssh/libssh.h>

namespace relayfleet {

int ChannelWindow::read(ssh_channel channel, QByteArray &scratch, bool isStderr)
{
    if (scratch.size() < kReceiveWindow) {
        scratch.resize(kReceiveWindow);
    }
    // A timeout of 0 makes this read non-blocking, whatever the session's mode; asking for
    // kReceiveWindow bytes is what grows the window (libssh's grow_window).
    return ssh_channel_read_timeout(channel, scratch.data(), kReceiveWindow, isStderr ? 1 : 0, 0);
}

} // namespace relayfleet
