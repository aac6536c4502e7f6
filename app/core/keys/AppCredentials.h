#pragma once

#include "base/Credentials.h"

namespace relayfleet {

// Logins for code that cannot ask anyone (the window's workers): the identity file, the agent
// and default identities, and — for the app's own keys — the passphrase from the keychain.
class AppCredentials
{
public:
    static Credentials forIdentity(const QString &home, const QString &identityFile);
    // Only `identityFile`, nothing else: proves that a just-installed key works on its own.
    static Credentials keyOnly(const QString &home, const QString &identityFile);
};

} // namespace relayfleet
