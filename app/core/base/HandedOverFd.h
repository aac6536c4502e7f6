#pragma once

#include <sys/stat.h>
#include <utility>

namespace relayfleet {

// A socket given to libssh with SSH_OPTIONS_FD. libssh 0.10 closes it on some error paths but
// not on ssh_disconnect()/ssh_free(), so nobody clearly owns it. This closes it after the
// session is gone, and only if the number still names the same open socket, so a number
// reused after libssh closed it is never touched. A duplicate (the guard) keeps the socket
// open meanwhile, so its identity cannot be taken by a new file either.
class HandedOverFd
{
public:
    HandedOverFd() = default;
    explicit HandedOverFd(int fd);
    HandedOverFd(const HandedOverFd &) = delete;
    HandedOverFd &operator=(const HandedOverFd &) = delete;
    HandedOverFd(HandedOverFd &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
        , m_guard(std::exchange(other.m_guard, -1))
    {
    }
    HandedOverFd &operator=(HandedOverFd &&other) noexcept;
    ~HandedOverFd() { closeIfUnchanged(); }

    int get() const { return m_fd; }
    void closeIfUnchanged();

    // How two descriptors are told to be one open file: by device and inode where the system
    // gives sockets one (Linux); macOS reports inode 0 for every socket, so there by the file
    // status flags that all descriptors of one open file share.
    enum class Identity
    {
        Inode,
        StatusFlags
    };
    static Identity identityOf(const struct stat &a, const struct stat &b);
    static bool sameOpenFile(int fd, int guard, Identity identity);

private:
    int m_fd = -1;
    int m_guard = -1;
};

} // namespace relayfleet
