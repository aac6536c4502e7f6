#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `watch [--relay NAME] [--offline-after SECONDS] [--webhook URL] [--every SECONDS] [--json]`:
// asks the relays for their devices every few seconds (the relay's view: nothing reaches a
// device) and prints a line for each alert the user's rules (<home>/alerts.json, the window's
// View -> Alerts) bring: a device unreachable for too long and back, low disk, hot,
// under-voltage (core FleetAlerts), posting each to the webhook too, until Ctrl+C. For
// scripts: one JSON object a line with --json; a webhook that fails is a "webhook-failed"
// line.
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
