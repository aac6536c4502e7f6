#pragma once

#include "base/Result.h"
#include "keys/SecretStore.h"
#include "ssh/SshHandles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace relayfleet {

// The app's own key pairs (<home>/keys/NAME and NAME.pub) and what it knows about them
// (<home>/keys.json: fingerprint, how the private key is protected, where it is installed).
// Passphrases live in the SecretStore (the OS keychain), never in these files.
class KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(KeyStore)
public:
    enum class Protection
    {
        Keychain,
        Prompt,
        None
    };

    struct Key
    {
        QString name;
        QString type;
        QString fingerprint;
        QString comment;
        QString publicKey; // "ssh-ed25519 AAAA... comment"
        QString privateKeyPath;
        Protection protection = Protection::Keychain;
        QStringList installedOn;
        QDateTime created;
    };

    KeyStore(QString home, SecretStore *secrets);

    static bool isValidName(const QString &name);
    static QString protectionName(Protection protection);

    // Generates an ed25519 pair. Keychain: a random passphrase goes to the keychain; Prompt:
    // `askPassphrase` gives it; None: unencrypted, only when the user asked for it.
    Result<Key> generate(const QString &name, const QString &comment, Protection protection,
                         const std::function<std::optional<QString>()> &askPassphrase = {});
    Result<QList<Key>> list() const;
    Result<Key> find(const QString &name) const;
    // The key whose private file is `path`, if it is one of ours.
    std::optional<Key> findByPath(const QString &path) const;
    // The passphrase kept in the keychain for `key` (empty for an unencrypted key).
    Result<QString> passphrase(const Key &key) const;
    Result<void> setInstalled(const QString &name, const QString &target, bool installed);

private:
    // The steps of generate(): the list entry (name checked, folder made), the key pair (the
    // public half filled in), the passphrase as the protection wants it (kept in the keychain
    // for Keychain), and the two files.
    Result<Key> newEntry(const QString &name, const QString &comment, Protection protection) const;
    static Result<KeyHandle> createPair(Key &key);
    Result<QString> newSecret(const Key &key,
                              const std::function<std::optional<QString>()> &askPassphrase);
    static Result<void> writeKeyFiles(const Key &key, const KeyHandle &pair, const QString &secret);
    Result<void> saveAll(const QList<Key> &keys);
    QString keychainEntry(const Key &key) const;
    QString keysDir() const;

    QString m_home;
    SecretStore *m_secrets;
};

} // namespace relayfleet
