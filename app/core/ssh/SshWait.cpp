#include "ssh/SshWait.h"

#include <QCoreApplication>
#include <algorithm>
#include <libssh/libssh.h>
#include <poll.h>
#include <thread>

namespace relayfleet {

void waitReadable(int fd, const QDeadlineTimer &deadline, int maxSliceMs)
{
    const int slice = static_cast<int>(std::clamp<qint64>(deadline.remainingTime(), 0, maxSliceMs));
    if (fd < 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(slice, 10)));
        return;
    }
    pollfd pfd{fd, POLLIN, 0};
    ::poll(&pfd, 1, deadline.isForever() ? maxSliceMs : slice);
}

Error timeoutError(const QDeadlineTimer &, const QString &what)
{
    return Error::make(Error::Code::Timeout,
                       QCoreApplication::translate("SshWait", "Timed out during %1.").arg(what));
}

Error cancelledError(const QString &what)
{
    return Error::make(Error::Code::Cancelled,
                       QCoreApplication::translate("SshWait", "Cancelled during %1.").arg(what));
}

Result<int> driveSshStep(ssh_session session, const std::function<int()> &step,
                         const QDeadlineTimer &deadline, const CancelToken &cancel,
                         const QString &what)
{
    for (;;) {
        const int rc = step();
        if (rc != SSH_AGAIN && rc != SSH_AUTH_AGAIN) {
            return rc;
        }
        if (cancel.isCancelled()) {
            return cancelledError(what);
        }
        if (deadline.hasExpired()) {
            return timeoutError(deadline, what);
        }
        waitReadable(ssh_get_fd(session), deadline);
    }
}

} // namespace relayfleet
