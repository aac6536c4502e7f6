#include "base/PlatformLimits.h"

#include <algorithm>
#include <sys/socket.h>

namespace relayfleet {

rlim_t PlatformLimits::wantedOpenFileLimit(Platform platform, rlim_t soft, rlim_t hard)
{
    rlim_t ceiling = hard; // RLIM_INFINITY is the largest rlim_t
    if (platform == Platform::MacOS) {
        ceiling = std::min(ceiling, kMacOpenMax);
    }
    return std::max(soft, std::min(kWantedOpenFiles, ceiling));
}

bool PlatformLimits::raiseOpenFileLimit()
{
    struct rlimit limit
    {
    };
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return false;
    }
    const rlim_t wanted = wantedOpenFileLimit(hostPlatform(), limit.rlim_cur, limit.rlim_max);
    if (wanted == limit.rlim_cur) {
        return true;
    }
    limit.rlim_cur = wanted;
    return setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

bool PlatformLimits::sizeSocketBuffers(int fd)
{
    const int bytes = kSocketPairBufferBytes;
    const bool send = setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes) == 0;
    const bool receive = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes) == 0;
    return send && receive;
}

} // namespace relayfleet
