#pragma once

#include <QtGlobal>

namespace relayfleet {

// The desktop platforms whose behaviour differs (keys, keychain threads, file locations,
// limits, the system terminal). Each difference is a small function of a Platform, so the
// Mac's side is tested on Linux too; hostPlatform() is what the running program is.
enum class Platform
{
    Linux, // and other Unix desktops
    MacOS,
};

constexpr Platform hostPlatform()
{
#ifdef Q_OS_MACOS
    return Platform::MacOS;
#else
    return Platform::Linux;
#endif
}

} // namespace relayfleet
