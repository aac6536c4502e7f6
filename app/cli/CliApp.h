#pragma once

#include <QStringList>

namespace relayfleet::cli {

// Parses the command line and hands over to one command.
class CliApp
{
public:
    int run(const QStringList &arguments);
};

} // namespace relayfleet::cli
