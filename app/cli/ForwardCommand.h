#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `forward DEVICE PORT [--local PORT] [--bind ADDRESS]`: a port of the device reachable here
// (core PortForward) until Ctrl+C, or until the device's session is lost.
class ForwardCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::ForwardCommand)

public:
    explicit ForwardCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    const CliContext &m_context;
};

} // namespace relayfleet::cli
