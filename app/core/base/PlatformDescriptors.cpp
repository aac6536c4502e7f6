#include "base/PlatformDescriptors.h"

#include <fcntl.h>
#include <unistd.h>

namespace relayfleet {

namespace {

#if !defined(__linux__)
bool setCloseOnExec(int fd)
{
    const int flags = fcntl(fd, F_GETFD, 0);
    return flags >= 0 && fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0;
}

// A descriptor that did not become close-on-exec is closed rather than handed out.
UniqueFd closeOnExec(int fd)
{
    UniqueFd owned(fd);
    if (owned.isValid() && !setCloseOnExec(owned.get())) {
        owned.reset();
    }
    return owned;
}
#endif

} // namespace

UniqueFd PlatformDescriptors::openStreamSocket(int family)
{
#if defined(__linux__)
    // Atomic on Linux: no window in which a process started by another thread inherits it.
    return UniqueFd(::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0));
#else
    return closeOnExec(::socket(family, SOCK_STREAM, 0));
#endif
}

UniqueFd PlatformDescriptors::acceptConnection(int listener)
{
#if defined(__linux__)
    return UniqueFd(::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC));
#else
    return closeOnExec(::accept(listener, nullptr, nullptr));
#endif
}

bool PlatformDescriptors::makeWakePipe(UniqueFd &readEnd, UniqueFd &writeEnd)
{
    int fds[2];
#if defined(__linux__)
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        return false;
    }
    readEnd.reset(fds[0]);
    writeEnd.reset(fds[1]);
    return true;
#else
    if (::pipe(fds) != 0) {
        return false;
    }
    readEnd.reset(fds[0]);
    writeEnd.reset(fds[1]);
    return setCloseOnExec(fds[0]) && setCloseOnExec(fds[1]) && setNonBlocking(fds[0]) &&
           setNonBlocking(fds[1]);
#endif
}

bool PlatformDescriptors::makeSocketPair(UniqueFd &first, UniqueFd &second)
{
    int fds[2];
#if defined(__linux__)
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        return false;
    }
    first.reset(fds[0]);
    second.reset(fds[1]);
    return true;
#else
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        return false;
    }
    first.reset(fds[0]);
    second.reset(fds[1]);
    return setCloseOnExec(fds[0]) && setCloseOnExec(fds[1]);
#endif
}

bool PlatformDescriptors::setNonBlocking(int fd)
{
    const int flags = fcntl(fd, F_GETFL, 0);
    return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

void PlatformDescriptors::setNoSigPipe([[maybe_unused]] int fd)
{
#ifdef SO_NOSIGPIPE
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
}

int PlatformDescriptors::sendFlags()
{
#ifdef MSG_NOSIGNAL
    return MSG_NOSIGNAL;
#else
    return 0; // macOS: SO_NOSIGPIPE is set on the socket instead
#endif
}

} // namespace relayfleet
