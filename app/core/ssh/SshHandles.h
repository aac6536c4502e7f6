#pragma once

#include <libssh/libssh.h>
#include <memory>

namespace relayfleet {

// Owners for libssh handles, so no early return can leak a session, channel or key.
struct SshSessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s)) {
            ssh_disconnect(s);
        }
        ssh_free(s);
    }
};

struct SshChannelDeleter
{
    void operator()(ssh_channel c) const { ssh_channel_free(c); }
};

struct SshKeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};

struct SshCharDeleter
{
    void operator()(char *p) const { ssh_string_free_char(p); }
};

using SessionHandle = std::unique_ptr<ssh_session_struct, SshSessionDeleter>;
using ChannelHandle = std::unique_ptr<ssh_channel_struct, SshChannelDeleter>;
using KeyHandle = std::unique_ptr<ssh_key_struct, SshKeyDeleter>;
using SshCharHandle = std::unique_ptr<char, SshCharDeleter>;

} // namespace relayfleet
