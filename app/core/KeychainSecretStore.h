#pragma once

#include "SecretStore.h"

namespace relayfleet {

// The OS keychain through QtKeychain: macOS Keychain, Secret Service (GNOME Keyring, KWallet)
// on Linux. Never falls back to a plaintext file.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Relay Fleet"));

    Result<QString> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &secret) override;
    Result<void> remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace relayfleet
