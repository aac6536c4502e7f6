#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `relay add|list|remove|check`.
class RelayCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::RelayCommand)

public:
    explicit RelayCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    int add(const QStringList &args, const QCommandLineParser &parser);
    int list();
    int remove(const QStringList &args);
    int check(const QStringList &args);
    int init(const QStringList &args);

    const CliContext &m_context;
};

} // namespace relayfleet::cli
