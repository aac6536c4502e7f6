#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// Parses the command line and hands over to one command.
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::CliApp)

public:
    int run(const QStringList &arguments);
};

} // namespace relayfleet::cli
