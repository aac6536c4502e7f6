#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `copy LOCAL... DEVICE:PATH` and `copy DEVICE:PATH LOCAL`, as scp, through the relay. DEVICE
// is a device id or @LABEL (every device with the label, in parallel, one result each). A
// file is written under a temporary name and renamed into place only when whole.
class CopyCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::CopyCommand)

public:
    explicit CopyCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

    // "DEVICE:PATH" → {DEVICE, PATH}; empty when `arg` names a local file (no colon before
    // the first slash, as with scp: write ./a:b for a local name with a colon).
    static std::optional<std::pair<QString, QString>> splitRemote(const QString &arg);

private:
    int upload(const QStringList &sources, const QString &device, const QString &path,
               const QCommandLineParser &parser);
    int download(const QString &device, const QString &path, const QString &local,
                 const QCommandLineParser &parser);

    const CliContext &m_context;
};

} // namespace relayfleet::cli
