#pragma once

#include "base/Result.h"
#include "relay/RelayConfig.h"

#include <QCoreApplication>

namespace relayfleet {

// Resolves a `Host` alias of an OpenSSH client config (HostName, User, Port, IdentityFile)
// with libssh's own parser, so a relay can be added by the name the user already uses.
class SshConfigAlias
{
    Q_DECLARE_TR_FUNCTIONS(SshConfigAlias)
public:
    // configFile empty: ~/.ssh/config.
    static Result<RelayConfig> resolve(const QString &relayName, const QString &alias,
                                       const QString &configFile, const QString &defaultUser);
};

} // namespace relayfleet
