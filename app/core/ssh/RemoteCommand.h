#pragma once

#include "base/CancelToken.h"
#include "base/CommandOutput.h"
#include "base/Result.h"
#include "ssh/SshHandles.h"
#include "ssh/SshTypes.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QString>
#include <functional>

namespace relayfleet {

class SshSession;

// Runs one command on an authenticated session, streaming its output as it comes.
class RemoteCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoteCommand)
public:
    struct Io
    {
        std::function<void(QByteArrayView)> onStdout;
        std::function<void(QByteArrayView)> onStderr;
        int stdinFd = -1;     // forwarded until EOF; -1 sends EOF at once (after stdinData)
        QByteArray stdinData; // sent first, when stdinFd is -1
    };

    // `openDeadline` bounds opening the channel and starting the command; the command itself
    // runs until it exits, `runDeadline` passes, or `cancel` is set.
    // Returns the exit status; 255 when the command died without one (killed by a signal).
    static Result<int> run(SshSession &session, const QString &command, const Io &io,
                           const QDeadlineTimer &openDeadline, const QDeadlineTimer &runDeadline,
                           const CancelToken &cancel);

    // Runs a command to completion and collects its output (at most `maxOutput` bytes each).
    static Result<CommandOutput> capture(SshSession &session, const QString &command,
                                         const QByteArray &input, const QDeadlineTimer &deadline,
                                         const CancelToken &cancel,
                                         qsizetype maxOutput = 4 * 1024 * 1024);

private:
    struct Streams
    {
        bool outEof = false;
        bool errEof = false;
        char buffer[32 * 1024];
    };

    // Opens a session channel and starts the command on it, known input right behind it.
    static Result<ChannelHandle> start(SshSession &session, const QString &command, const Io &io,
                                       const QDeadlineTimer &deadline, const CancelToken &cancel);
    // Hands what the command printed so far to the sinks; true when there was some.
    static Result<bool> readOutput(ssh_session session, ssh_channel ch, const Io &io,
                                   Streams &streams);
    // Forwards what stdin has now; false once stdin ended (EOF sent to the command).
    static Result<bool> forwardInput(ssh_session session, ssh_channel ch, int stdinFd,
                                     Streams &streams);
};

} // namespace relayfleet
