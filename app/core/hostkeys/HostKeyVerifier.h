#pragma once

#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"

#include <QCoreApplication>

namespace relayfleet {

// Decides whether a presented host key may be used under `name` in the app's known_hosts.
class HostKeyVerifier
{
    Q_DECLARE_TR_FUNCTIONS(HostKeyVerifier)
public:
    HostKeyVerifier(KnownHostsFile &knownHosts, HostKeyPolicy policy);

    // `who` is how the user knows the host ("relay lab", "device pi-kitchen").
    Result<void> verify(const QString &name, const HostKey &presented, const QString &who) const;

private:
    KnownHostsFile &m_knownHosts;
    HostKeyPolicy m_policy;
};

} // namespace relayfleet
