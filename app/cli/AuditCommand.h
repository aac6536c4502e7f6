#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `audit [--device ID] [--lines N] [--json]`: what was done to devices from this machine, by
// the window and the CLI (core AuditLog), oldest first.
class AuditCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::AuditCommand)

public:
    explicit AuditCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    const CliContext &m_context;
};

} // namespace relayfleet::cli
