#pragma once

#include "base/CancelToken.h"
#include "base/Result.h"
#include "ssh/SshTypes.h"

#include <QDeadlineTimer>
#include <QString>
#include <functional>

namespace relayfleet {

// Drives a non-blocking libssh step until it stops answering "again", waiting on the session's
// socket in short slices so that a deadline or a cancellation is honoured within ~100 ms.
// `what` names the step in the timeout message ("key exchange with relay lab").
Result<int> driveSshStep(ssh_session session, const std::function<int()> &step,
                         const QDeadlineTimer &deadline, const CancelToken &cancel,
                         const QString &what);

// Waits until `fd` is readable, the deadline passes, or the token is cancelled (one slice).
void waitReadable(int fd, const QDeadlineTimer &deadline, int maxSliceMs = 100);

Error timeoutError(const QDeadlineTimer &deadline, const QString &what);
Error cancelledError(const QString &what);

} // namespace relayfleet
