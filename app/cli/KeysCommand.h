#pragma once

#include "CliContext.h"
#include "keys/KeyDistributor.h"
#include "keys/KeyStore.h"

#include <QCoreApplication>
#include <QStringList>

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
    Credentials keyOnly(const KeyStore::Key &key) const;

    const CliContext &m_context;
    std::unique_ptr<SecretStore> m_secrets;
    KeyStore m_store;
};

} // namespace relayfleet::cli
