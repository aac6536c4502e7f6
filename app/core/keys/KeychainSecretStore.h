#pragma once

#include "base/Platform.h"
#include "keys/SecretStore.h"

#include <QCoreApplication>
#include <chrono>

namespace relayfleet {

// The OS keychain through QtKeychain: macOS Keychain, Secret Service (GNOME Keyring, KWallet)
// on Linux. Never falls back to a plaintext file. Callable from any thread; a keychain that
// does not answer within the job timeout is an error (Timeout), never an empty secret.
class KeychainSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)
public:
    static constexpr std::chrono::milliseconds kDefaultJobTimeout{20000};

    explicit KeychainSecretStore(QString service = QStringLiteral("Relay Fleet"),
                                 std::chrono::milliseconds jobTimeout = kDefaultJobTimeout);

    Result<QString> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &secret) override;
    Result<void> remove(const QString &key) override;

    // Which thread runs a keychain job. On Linux, QtKeychain's D-Bus replies reach a thread
    // only while it lives: one long-lived keychain thread serves every caller. On macOS,
    // QtKeychain >= 0.15 delivers results on the main thread's dispatch queue, which turns only
    // while the main thread runs its event loop: the job runs on the main thread (the caller's
    // own when that is the main thread, which then waits in a local event loop).
    enum class JobThread
    {
        Keychain,
        Caller,
        Main
    };
    static JobThread jobThread(Platform platform, bool callerIsMainThread);

private:
    QString m_service;
    std::chrono::milliseconds m_jobTimeout;
};

} // namespace relayfleet
