#include "base/HandedOverFd.h"

#include <fcntl.h>
#include <unistd.h>

namespace relayfleet {

HandedOverFd::HandedOverFd(int fd)
    : m_fd(fd)
    , m_guard(fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1)
{
    if (m_guard < 0) {
        m_fd = -1; // not an open descriptor (or none left): nothing to close later
    }
}

HandedOverFd &HandedOverFd::operator=(HandedOverFd &&other) noexcept
{
    if (this != &other) {
        closeIfUnchanged();
        m_fd = std::exchange(other.m_fd, -1);
        m_guard = std::exchange(other.m_guard, -1);
    }
    return *this;
}

HandedOverFd::Identity HandedOverFd::identityOf(const struct stat &a, const struct stat &b)
{
    return a.st_ino != 0 && b.st_ino != 0 ? Identity::Inode : Identity::StatusFlags;
}

bool HandedOverFd::sameOpenFile(int fd, int guard, Identity identity)
{
    struct stat a
    {
    };
    struct stat b
    {
    };
    if (fstat(fd, &a) != 0 || fstat(guard, &b) != 0 ||
        (a.st_mode & S_IFMT) != (b.st_mode & S_IFMT)) {
        return false;
    }
    if (identity == Identity::Inode) {
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    }
    // Flip a flag that sockets ignore (O_APPEND) on the guard, which is ours alone, and see
    // whether `fd` flips with it; then put it back.
    const int guardFlags = fcntl(guard, F_GETFL);
    const int fdFlags = fcntl(fd, F_GETFL);
    if (guardFlags < 0 || fdFlags < 0 || ((guardFlags ^ fdFlags) & O_APPEND) != 0) {
        return false;
    }
    if (fcntl(guard, F_SETFL, guardFlags ^ O_APPEND) != 0) {
        return false;
    }
    const int after = fcntl(fd, F_GETFL);
    fcntl(guard, F_SETFL, guardFlags);
    return after >= 0 && ((after ^ fdFlags) & O_APPEND) != 0;
}

void HandedOverFd::closeIfUnchanged()
{
    if (m_fd < 0) {
        return;
    }
    struct stat a
    {
    };
    struct stat b
    {
    };
    if (fstat(m_fd, &a) == 0 && fstat(m_guard, &b) == 0 &&
        sameOpenFile(m_fd, m_guard, identityOf(a, b))) {
        ::close(m_fd);
    }
    ::close(m_guard);
    m_fd = -1;
    m_guard = -1;
}

} // namespace relayfleet
