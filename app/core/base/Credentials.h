#pragma once

#include <QString>
#include <functional>
#include <optional>

namespace relayfleet {

// How to log in. Secrets are asked for through callbacks at the moment they are needed, so
// they are never stored in settings and never live longer than one login.
struct Credentials
{
    QString user;
    QString identityFile; // empty: agent, then the default ~/.ssh identities
    bool useAgent = true;
    bool useDefaultIdentities = true;
    std::function<std::optional<QString>(const QString &keyFile)> passphrase;
    std::function<std::optional<QString>(const QString &who)> password;
};

} // namespace relayfleet
