#include "keys/AppCredentials.h"

#include "keys/KeyStore.h"
#include "keys/KeychainSecretStore.h"

namespace relayfleet {

Credentials AppCredentials::forIdentity(const QString &home, const QString &identityFile)
{
    Credentials credentials;
    credentials.identityFile = identityFile;
    credentials.passphrase = [home](const QString &file) -> std::optional<QString> {
        KeychainSecretStore keychain;
        KeyStore keys(home, &keychain);
        if (const auto key = keys.findByPath(file)) {
            if (auto secret = keys.passphrase(*key)) {
                return secret.value();
            }
        }
        return std::nullopt;
    };
    return credentials;
}

Credentials AppCredentials::keyOnly(const QString &home, const QString &identityFile)
{
    Credentials credentials = forIdentity(home, identityFile);
    credentials.useAgent = false;
    credentials.useDefaultIdentities = false;
    return credentials;
}

} // namespace relayfleet
