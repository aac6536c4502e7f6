#pragma once

#include "CliContext.h"
#include "relay/DeviceConnection.h"
#include "relay/DeviceTarget.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace relayfleet::cli {

// `exec DEVICE -- CMD...`: runs a command on a device through its relay; stdout, stderr and
// the exit status pass through as with ssh.
class ExecCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::ExecCommand)

public:
    explicit ExecCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QStringList &command, const QCommandLineParser &parser);
    // `logs DEVICE`: the tunnel runner's own log (why its tunnel failed, when), fetched
    // through the relay: the record a device keeps of the times nobody could reach it.
    int logs(const QStringList &args, const QCommandLineParser &parser);
    // How devices keep their tunnels: cellular or lan (TunnelProfile::changeCommand on each).
    int profile(const QStringList &args, const QCommandLineParser &parser);

private:
    // A device session and the relay connection it runs in (declared first: it must outlive it).
    struct Reached
    {
        std::shared_ptr<RelayConnection> relay;
        std::optional<DeviceConnection> device;
    };
    Result<Reached> reach(DeviceTarget target, const QCommandLineParser &parser,
                          const QDeadlineTimer &deadline);
    // `exec ID`: where the device was last seen (DeviceLocations), else where the registry says.
    Result<Reached> reachById(DeviceTarget target, const QCommandLineParser &parser,
                              const QDeadlineTimer &deadline);
    Result<Reached> open(std::shared_ptr<RelayConnection> relay, const DeviceTarget &target,
                         const QCommandLineParser &parser, const QDeadlineTimer &deadline,
                         bool pinnedOnly = false);
    Result<DeviceTarget> resolveTarget(const QString &device,
                                       const QCommandLineParser &parser) const;
    // Several devices, or @LABEL: in parallel over one connection per relay.
    int runMany(const QStringList &targets, const QString &command,
                const QCommandLineParser &parser);

    const CliContext &m_context;
    bool m_forwardStdin = true; // off for commands of our own (logs), which read none
};

} // namespace relayfleet::cli
