#pragma once

#include "base/UniqueFd.h"

#include <sys/socket.h>

namespace relayfleet {

// Sockets and pipes made the same way on Linux and macOS. Linux has flags that make a
// descriptor close-on-exec or non-blocking as it is created (SOCK_CLOEXEC, pipe2, accept4) and
// a send() flag against SIGPIPE (MSG_NOSIGNAL); macOS has none of them and a socket option
// instead (SO_NOSIGPIPE). Those calls live in this one file (tools/check-platform fails on them
// anywhere else in app/), so the core compiles on both.
class PlatformDescriptors
{
public:
    // Every descriptor is close-on-exec: the app starts processes (ssh, Terminal.app scripts,
    // the demo lab) that must not inherit a tunnel's socket.
    static UniqueFd openStreamSocket(int family);
    static UniqueFd acceptConnection(int listener);
    // Both ends close-on-exec and non-blocking (a wake-up pipe for a poll loop).
    static bool makeWakePipe(UniqueFd &readEnd, UniqueFd &writeEnd);
    // A connected AF_UNIX stream pair, both ends close-on-exec.
    static bool makeSocketPair(UniqueFd &first, UniqueFd &second);

    static bool setNonBlocking(int fd);
    // Writing to a socket whose peer has gone fails with EPIPE instead of killing the process.
    static void setNoSigPipe(int fd);
    // Flags for send() on a socket prepared by setNoSigPipe().
    static int sendFlags();
};

} // namespace relayfleet
