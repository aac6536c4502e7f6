#pragma once

#include "hostkeys/HostKey.h"

#include <QString>
#include <functional>

namespace relayfleet {

// How a connection treats a host key that is not pinned yet. A changed key is always refused;
// there is deliberately no policy that accepts one.
struct HostKeyPolicy
{
    enum class OnUnknown
    {
        Refuse,    // fail with the fingerprint so the user can decide
        AcceptNew, // the user said so in advance (--accept-new-host-key)
        Ask,       // call `ask`; it returns true only on explicit acceptance
    };

    OnUnknown onUnknown = OnUnknown::Refuse;
    std::function<bool(const QString &who, const HostKey &key)> ask; // who: "relay lab"
    // Write an accepted key into known_hosts. False for one-shot connections (an unregistered
    // tunnel), whose only stable name would be a port, which is never pinned.
    bool persist = true;
    // When set, the presented key must have this fingerprint whatever known_hosts says.
    QString expectedFingerprint;

    // The same policy for many logins at once: nobody can be asked from parallel threads, so a
    // key it would ask about is refused (one accepted in advance stays accepted).
    HostKeyPolicy withoutAsking() const
    {
        HostKeyPolicy policy = *this;
        policy.ask = nullptr;
        if (policy.onUnknown == OnUnknown::Ask) {
            policy.onUnknown = OnUnknown::Refuse;
        }
        return policy;
    }
};

} // namespace relayfleet
