#include "ssh/SshHandles.h"

#include <libssh/libssh.h>

namespace relayfleet {

void SshSessionDeleter::operator()(ssh_session s) const
{
    if (ssh_is_connected(s)) {
        ssh_disconnect(s);
    }
    ssh_free(s);
}

void SshChannelDeleter::operator()(ssh_channel c) const
{
    ssh_channel_free(c);
}

void SshKeyDeleter::operator()(ssh_key k) const
{
    ssh_key_free(k);
}

void SshCharDeleter::operator()(char *p) const
{
    ssh_string_free_char(p);
}

} // namespace relayfleet
