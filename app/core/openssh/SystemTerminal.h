#pragma once

#include "base/Platform.h"
#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace relayfleet {

// How a device's OpenSSH command is opened in the system's own terminal.
// On macOS the command goes into a small `.command` script that `open -a Terminal` opens:
// Terminal.app runs it as a document, which needs no Automation permission (driving Terminal
// with osascript does, and a refused permission fails silently). `open` answers at once with
// an exit status, so a failure is known and reported. Elsewhere x-terminal-emulator (Debian's
// alternative for the desktop's terminal) runs `sh -c COMMAND` and stays for the session: only
// whether it started can be known.
class SystemTerminal
{
    Q_DECLARE_TR_FUNCTIONS(SystemTerminal)
public:
    struct Launch
    {
        QString program;
        QStringList arguments;
        bool exitStatusTellsSuccess = false; // wait for `program` and judge by its exit status
        QString scriptPath;                  // empty: no script to write first
        QByteArray script;
    };

    // scriptDir: a private directory of the user's for the script (macOS only).
    static Launch launchFor(Platform platform, const QString &command, const QString &scriptDir);

    // Writes launch.script to launch.scriptPath, executable by its owner only.
    static Result<void> writeScript(const Launch &launch);
};

} // namespace relayfleet
