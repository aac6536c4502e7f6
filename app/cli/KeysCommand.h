#pragma once

#include "CliContext.h"
#include "keys/KeyDistributor.h"
#include "keys/KeyStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QStringList>
#include <optional>

namespace relayfleet::cli {

// `keys generate|list|export-public|install|rotate|revoke`.
class KeysCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::KeysCommand)

public:
    explicit KeysCommand(const CliContext &context);
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    int generate(const QStringList &args, const QCommandLineParser &parser);
    int list();
    int exportPublic(const QStringList &args);
    enum class Operation
    {
        Install,
        Rotate,
        Revoke
    };
    int distribute(Operation operation, const QStringList &args, const QCommandLineParser &parser);
    // The targets named, or where the key is known to be installed.
    Result<QStringList> wantedTargets(const KeyStore::Key &key, const QStringList &named) const;
    // Which of `wanted` are on `relay` (the relay itself, RELAY:PORT, ids and labels from its
    // registry); each one found goes into `matched`.
    QList<KeyDistributor::Target> targetsOn(const RelayConfig &relay, const QStringList &wanted,
                                            const Credentials &login, KnownHostsFile &knownHosts,
                                            const QString &user, QSet<QString> &matched,
                                            bool &allOk) const;
    // After a rotation of the relay's own key: the relay list names the new key.
    bool rememberRelayKey(RelayConfig relay, const KeyStore::Key &newKey) const;
    // Prints (or adds to `report`) each target's outcome and notes where keys are installed.
    // `login`: the key that logged in, for the audit log.
    bool recordOutcomes(Operation operation, const RelayConfig &relay,
                        const QList<KeyDistributor::Target> &targets,
                        const QList<KeyDistributor::Report> &reports, const KeyStore::Key &key,
                        const std::optional<KeyStore::Key> &newKey, const Credentials &login,
                        QJsonArray &report);
    Credentials keyOnly(const KeyStore::Key &key) const;

    const CliContext &m_context;
    std::unique_ptr<SecretStore> m_secrets;
    KeyStore m_store;
};

} // namespace relayfleet::cli
