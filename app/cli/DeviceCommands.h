#pragma once

#include "CliContext.h"
#include "registry/DeviceRecord.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `devices`, `adopt`, `remove`, `clear-stale`: the fleet as the relays' registries know it.
class DeviceCommands
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::DeviceCommands)

public:
    explicit DeviceCommands(const CliContext &context)
        : m_context(context)
    {
    }

    int devices(const QCommandLineParser &parser);
    int adopt(const QStringList &args, const QCommandLineParser &parser);
    int remove(const QStringList &args, const QCommandLineParser &parser);
    int clearStale(const QStringList &args, const QCommandLineParser &parser);
    // `history ID`: when its tunnel came and went (the relay's record) and each outage.
    // `health ID`: its latest health report with its level, and the last reports (--lines).
    int health(const QStringList &args, const QCommandLineParser &parser);
    int history(const QStringList &args, const QCommandLineParser &parser);
    int sshCommand(const QStringList &args, const QCommandLineParser &parser);

    struct Located
    {
        std::shared_ptr<RelayConnection> relay;
        DeviceRecord record;
    };
    // Finds a registered device on the relays (only the one named with --relay, if given).
    static Result<Located> locate(const CliContext &context, const QString &id,
                                  const QString &relayName);

private:
    int removeLeftovers(const QString &id, const QString &relayName);
    const CliContext &m_context;
};

} // namespace relayfleet::cli
