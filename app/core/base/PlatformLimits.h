#pragma once

#include "base/Platform.h"

#include <sys/resource.h>

namespace relayfleet {

// Limits whose defaults differ by platform and would cap the app on one of them.
class PlatformLimits
{
public:
    // Open files: a refresh keeps two descriptors per device it probes (up to 128 at a time)
    // beside every terminal and relay connection. macOS starts processes with a soft limit of
    // 256 (Linux: 1024), and refuses a soft limit above OPEN_MAX (10240) even when the hard
    // limit says "unlimited".
    static constexpr rlim_t kWantedOpenFiles = 8192;
    static constexpr rlim_t kMacOpenMax = 10240;
    // The soft limit to ask for: kWantedOpenFiles within what the platform allows; never lower
    // than `soft`.
    static rlim_t wantedOpenFileLimit(Platform platform, rlim_t soft, rlim_t hard);
    // Raises this process's soft limit at start; false (and the limit as it was) if refused.
    static bool raiseOpenFileLimit();

    // Socket pairs between a libssh session and the relay channel it runs over: macOS gives
    // them 8 KB buffers (Linux about 200 KB), which caps terminal and exec throughput at a few
    // chunks per turn of the pump.
    static constexpr int kSocketPairBufferBytes = 256 * 1024;
    // Sets both buffers of one socket; false if the system refused.
    static bool sizeSocketBuffers(int fd);
};

} // namespace relayfleet
