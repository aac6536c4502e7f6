#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace relayfleet {

// A socket given to libssh with SSH_OPTIONS_FD. libssh 0.10 closes it on some error paths but
// not on ssh_disconnect()/ssh_free(), so nobody clearly owns it. This closes it after the
// session is gone, and only if the number still names the same socket (same device and inode),
// so a number reused after libssh closed it is never touched.
class HandedOverFd
{
public:
    HandedOverFd() = default;
    explicit HandedOverFd(int fd) : m_fd(fd)
    {
        struct stat st{};
        if (fstat(fd, &st) == 0) {
            m_dev = st.st_dev;
            m_ino = st.st_ino;
        } else {
            m_fd = -1;
        }
    }
    HandedOverFd(const HandedOverFd &) = delete;
    HandedOverFd &operator=(const HandedOverFd &) = delete;
    HandedOverFd(HandedOverFd &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1)), m_dev(other.m_dev), m_ino(other.m_ino)
    {
    }
    HandedOverFd &operator=(HandedOverFd &&other) noexcept
    {
        if (this != &other) {
            closeIfUnchanged();
            m_fd = std::exchange(other.m_fd, -1);
            m_dev = other.m_dev;
            m_ino = other.m_ino;
        }
        return *this;
    }
    ~HandedOverFd() { closeIfUnchanged(); }

    int get() const { return m_fd; }

    void closeIfUnchanged()
    {
        if (m_fd < 0) {
            return;
        }
        struct stat st{};
        if (fstat(m_fd, &st) == 0 && st.st_dev == m_dev && st.st_ino == m_ino) {
            ::close(m_fd);
        }
        m_fd = -1;
    }

private:
    int m_fd = -1;
    dev_t m_dev = 0;
    ino_t m_ino = 0;
};

} // namespace relayfleet
