#include "ssh/SshRuntime.h"

#include <csignal>
#include <libssh/libssh.h>
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
