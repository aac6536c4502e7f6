#pragma once

#include <QCoreApplication>

#include "CliContext.h"
#include "DeviceTarget.h"

#include <QStringList>

namespace relayfleet::cli {

// `exec DEVICE -- CMD...`: runs a command on a device through its relay; stdout, stderr and
// the exit status pass through as with ssh.
class ExecCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::ExecCommand)

public:
    explicit ExecCommand(const CliContext &context) : m_context(context) {}
    int run(const QStringList &args, const QStringList &command, const QCommandLineParser &parser);

private:
    Result<DeviceTarget> resolveTarget(const QString &device, const QCommandLineParser &parser) const;
    // Several devices, or @LABEL: in parallel over one connection per relay.
    int runMany(const QStringList &targets, const QString &command, const QCommandLineParser &parser);

    const CliContext &m_context;
};

} // namespace relayfleet::cli
