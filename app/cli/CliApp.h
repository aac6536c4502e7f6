#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

class CliContext;

// Parses the command line and hands over to one command.
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::CliApp)

public:
    int run(const QStringList &arguments);

private:
    // Every option of every command (one parser: the help lists them all).
    static void addOptions(QCommandLineParser &parser);
    // Hands the command word over to its command.
    static int dispatch(const CliContext &context, const QStringList &words,
                        const QStringList &remote, const QCommandLineParser &parser);
};

} // namespace relayfleet::cli
