#pragma once

#include "hostkeys/HostKey.h"

#include <QString>
#include <optional>

namespace relayfleet::cli {

// Questions the CLI asks on the controlling terminal (never on stdin, which may carry data
// for a remote command). Without a terminal every question answers "no".
class TerminalPrompt
{
public:
    static bool hasTerminal();
    static bool confirmHostKey(const QString &who, const HostKey &key, bool persisted);
    static std::optional<QString> secret(const QString &question);
};

} // namespace relayfleet::cli
