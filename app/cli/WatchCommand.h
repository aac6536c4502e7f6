#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `watch [--relay NAME] [--offline-after SECONDS] [--every SECONDS] [--json]`: asks the relays
// for their devices every few seconds (the relay's view: nothing reaches a device) and prints a
// line when a device has been unreachable for too long and when it is back (core
// FleetAlerts), until Ctrl+C. For scripts: one JSON object a line with --json.
class WatchCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::WatchCommand)

public:
    explicit WatchCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    const CliContext &m_context;
};

} // namespace relayfleet::cli
