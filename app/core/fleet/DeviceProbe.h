#pragma once

#include "base/CancelToken.h"
#include "hostkeys/HostKey.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>

namespace relayfleet {

// Asks one relay port who answers: nothing (offline), a listener that never speaks (a stale
// tunnel), or an SSH server, whose host key is read with a key exchange but no login.
class DeviceProbe
{
    Q_DECLARE_TR_FUNCTIONS(DeviceProbe)
public:
    enum class Outcome
    {
        NothingListens,
        NoAnswer,
        Answered,
        Failed
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        HostKey hostKey;
        QString detail;
    };

    static Result probe(RelayConnection &relay, int port, int timeoutMs, const CancelToken &cancel);
};

} // namespace relayfleet
