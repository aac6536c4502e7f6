#pragma once

#include "CliContext.h"
#include "overrides/OverrideAssignment.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `push TARGET... NAME=VALUE...` and `overrides DEVICE | reapply | install-module | history`.
class OverridesCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::OverridesCommand)

public:
    explicit OverridesCommand(const CliContext &context)
        : m_context(context)
    {
    }

    int push(const QStringList &args, const QCommandLineParser &parser);
    int overrides(const QStringList &args, const QCommandLineParser &parser);

private:
    int show(const QString &device, const QCommandLineParser &parser);
    int reapply(const QStringList &targets, const QCommandLineParser &parser);
    int installModule(const QStringList &targets, const QCommandLineParser &parser);
    int history();
    QString fifo(const QCommandLineParser &parser) const;

    const CliContext &m_context;
};

} // namespace relayfleet::cli
