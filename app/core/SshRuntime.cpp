#include "SshRuntime.h"

#include <libssh/libssh.h>

#include <csignal>
#include <mutex>

namespace relayfleet {

void initializeSshRuntime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        std::signal(SIGPIPE, SIG_IGN);
        ssh_init();
    });
}

} // namespace relayfleet
