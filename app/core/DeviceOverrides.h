#pragma once

#include "CommandOutput.h"
#include "Result.h"

#include <QJsonObject>
#include <QString>

namespace relayfleet {

// The remote side of overrides: the commands that push into a device's FIFO and read its
// state file, and the parsing of what comes back (untrusted, size-limited). The FIFO writer
// (resources/device/relayfleet-push, POSIX sh) travels quoted in the command line.
class DeviceOverrides
{
public:
    static constexpr char kDefaultFifo[] = "~/.relayfleet/overrides.fifo";

    struct PushOutcome
    {
        bool written = false;
        bool applied = false;
        QJsonObject values;
        QString error;
    };

    static bool isValidFifoPath(const QString &path);
    static Result<QString> pushCommand(const QString &fifo, qint64 seq, int waitSeconds);
    static Result<QString> stateCommand(const QString &fifo);
    // Copies the Python module and the example program to ~/.relayfleet/python/.
    static QString installModuleCommand();

    static PushOutcome parsePush(const CommandOutput &output);
    // The program's applied values, or NotFound when it never started.
    static Result<QJsonObject> parseState(const CommandOutput &output);

private:
    static QString remotePath(const QString &path);
};

} // namespace relayfleet
