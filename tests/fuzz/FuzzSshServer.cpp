// What answers on a relay's address or a tunnel port speaks first: the SSH version banner and
// the packets after it, read by libssh inside SshSession::connect. A compromised device, or
// whatever holds a tunnel port, controls every byte. Any bytes must end in an error with a
// message, within the deadline, without a crash or a leak.
#include "FuzzInput.h"
#include "base/CancelToken.h"
#include "ssh/SshRuntime.h"
#include "ssh/SshSession.h"

#include <QDeadlineTimer>
#include <algorithm>
#include <sys/socket.h>
#include <unistd.h>

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool ready = [] {
        initializeSshRuntime();
        return true;
    }();
    (void)ready;
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        return 0;
    }
    // All of it fits the socket's buffer; then the "server" says no more.
    const size_t capped = std::min<size_t>(size, 64 * 1024);
    size_t written = 0;
    while (written < capped) {
        const ssize_t n = ::write(fds[1], data + written, capped - written);
        if (n <= 0) {
            break;
        }
        written += static_cast<size_t>(n);
    }
    ::shutdown(fds[1], SHUT_WR);
    SshSession session;
    SshSession::Target target;
    target.knownHostsName = QStringLiteral("relayfleet-fuzz");
    target.who = QStringLiteral("the fuzzed server");
    target.streamFd = fds[0]; // owned by the session from here
    QDeadlineTimer deadline(3000);
    auto connected = session.connect(target, QStringLiteral("/dev/null"), deadline, CancelToken());
    // No key exchange can complete without the server's private key.
    fuzz::require(!connected && !connected.error().message.isEmpty());
    ::close(fds[1]);
    return 0;
}
