#pragma once

#include "CancelToken.h"
#include "Result.h"

#include <libssh/libssh.h>

#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QString>

#include <functional>

namespace relayfleet {

// Runs one command on an authenticated session, streaming its output as it comes.
class RemoteCommand
{
public:
    struct Io
    {
        std::function<void(QByteArrayView)> onStdout;
        std::function<void(QByteArrayView)> onStderr;
        int stdinFd = -1; // forwarded until EOF; -1 sends EOF at once
    };

    // `openDeadline` bounds opening the channel and starting the command; the command itself
    // runs until it exits, `runDeadline` passes, or `cancel` is set.
    // Returns the exit status; 255 when the command died without one (killed by a signal).
    static Result<int> run(ssh_session session, const QString &command, const Io &io,
                           const QDeadlineTimer &openDeadline, const QDeadlineTimer &runDeadline,
                           const CancelToken &cancel);
};

} // namespace relayfleet
