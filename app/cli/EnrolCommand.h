#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `enroll ID --relay NAME (--lan USER@HOST[:PORT] | --via-tunnel PORT) ...`
class EnrolCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::EnrolCommand)

public:
    explicit EnrolCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    const CliContext &m_context;
};

} // namespace relayfleet::cli
