#pragma once

#include "base/CommandOutput.h"
#include "base/Result.h"
#include "overrides/OverrideAssignment.h"
#include "overrides/PushResult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace relayfleet {

// The remote side of overrides: the commands that push into a device's FIFO and read its
// state file, and the parsing of what comes back (untrusted, size-limited). The FIFO writer
// (resources/device/relayfleet-push, POSIX sh) travels quoted in the command line.
class OverrideProtocol
{
    Q_DECLARE_TR_FUNCTIONS(OverrideProtocol)
public:
    static constexpr char kDefaultFifo[] = "~/.relayfleet/overrides.fifo";

    struct PushOutcome
    {
        bool written = false;  // the payload went into the FIFO
        bool received = false; // the program read it (its state lists the push's sequence)
        bool applied = false;  // ... and applied every variable of it
        // One per pushed variable, with the program's reason when it rejected it ("not in the
        // allowlist", "wrong type").
        QList<PushResult::Variable> variables;
        QJsonObject values;  // all the program's applied values after the push
        QJsonObject accepts; // what the program takes: {NAME: {"type", "value"}}, if it says
        QString error;
    };

    static bool isValidFifoPath(const QString &path);
    static Result<QString> pushCommand(const QString &fifo, qint64 seq, int waitSeconds);
    static Result<QString> stateCommand(const QString &fifo);
    // Copies the Python module and the example program to ~/.relayfleet/python/.
    static QString installModuleCommand();

    // What a push did, variable by variable. A program whose module publishes per-push
    // results is taken at its word; an older one by whether its applied values now hold what
    // was pushed.
    static PushOutcome parsePush(const CommandOutput &output, qint64 seq,
                                 const QList<OverrideAssignment> &pushed);
    // The program's applied values, or NotFound when it never started.
    static Result<QJsonObject> parseState(const CommandOutput &output);
    // What the program takes, {NAME: {"type", "value"}} (empty when it takes any name, or its
    // module is older than per-push results).
    static QJsonObject parseAccepts(const CommandOutput &output);

private:
    static QString remotePath(const QString &path);
};

} // namespace relayfleet
