#pragma once

#include "base/Platform.h"
#include "keys/SecretStore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <chrono>
#include <utility>

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

    // Set in the environment before a command-line program creates its QCoreApplication, so
    // that its event loop is one that completes keychain jobs: on macOS QtKeychain answers on
    // the main dispatch queue, which Qt's own Unix event loop never drains and Core
    // Foundation's run loop does (the GUI's Cocoa loop is one already). Empty where the
    // default loop serves (Linux: D-Bus).
    static QList<std::pair<QByteArray, QByteArray>> commandLineEnvironment(Platform platform);
    // Whether a program reads a passphrase on its main thread before its work fans out to
    // worker threads: on macOS a worker reaches the keychain only through the main thread,
    // which is then blocked waiting for the workers.
    static bool readsBeforeWorkers(Platform platform);

private:
    QString m_service;
    std::chrono::milliseconds m_jobTimeout;
};

} // namespace relayfleet
