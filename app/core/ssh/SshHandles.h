#pragma once

#include "ssh/SshTypes.h"

#include <memory>

namespace relayfleet {

// Owners for libssh handles, so no early return can leak a session, channel or key. The
// deleters are defined in SshHandles.cpp, where libssh is included.
struct SshSessionDeleter
{
    void operator()(ssh_session s) const;
};

struct SshChannelDeleter
{
    void operator()(ssh_channel c) const;
};

struct SshKeyDeleter
{
    void operator()(ssh_key k) const;
};

struct SshCharDeleter
{
    void operator()(char *p) const;
};

using SessionHandle = std::unique_ptr<ssh_session_struct, SshSessionDeleter>;
using ChannelHandle = std::unique_ptr<ssh_channel_struct, SshChannelDeleter>;
using KeyHandle = std::unique_ptr<ssh_key_struct, SshKeyDeleter>;
using SshCharHandle = std::unique_ptr<char, SshCharDeleter>;

} // namespace relayfleet
