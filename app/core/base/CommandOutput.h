#pragma once

#include <QByteArray>

namespace relayfleet {

// What a finished remote command produced.
struct CommandOutput
{
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
    bool truncated = false; // output beyond the caller's limit was dropped
};

} // namespace relayfleet
