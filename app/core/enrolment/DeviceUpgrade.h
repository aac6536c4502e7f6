#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceConnection.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>

namespace relayfleet {

// Brings enrolled devices' own files (the tunnel runner, the key helper) up to this build's,
// without ever cutting the only way in: the new files are written beside the old ones, and the
// device itself tries the new runner and switches to the new files only once it had a working
// tunnel (relayfleet-upgrade); without one within the watchdog's time it starts the old runner
// again on its own (the app could not reach it to do so). A power loss at any moment leaves a
// device that boots into a runner that worked. The app then reconnects through the relay, with
// the device's pinned host key, and reports what the device says happened. Each device stands
// alone; all of one relay's run in parallel over its one connection.
class DeviceUpgrade
{
    Q_DECLARE_TR_FUNCTIONS(DeviceUpgrade)
public:
    struct Options
    {
        int watchdogSeconds = 90;
        QByteArray runner;  // the runner to install; empty: this build's
        bool force = false; // also devices whose files are as new as this build's
        int connectTimeoutMs = 15000;
    };

    enum class Outcome
    {
        Current,     // nothing to do: its files are as new as this build's
        Upgraded,    // switched, and the new runner has a working tunnel
        RolledBack,  // the new runner had no tunnel in time; the device is back on the old one
        Unreachable, // did not come back within the watchdog's time and a minute
        Failed       // not upgraded (not reached, not enrolled, a write failed): nothing changed
    };

    struct DeviceResult
    {
        DeviceTarget target;
        Outcome outcome = Outcome::Failed;
        int fromVersion = 0; // the runner's; 0: older than versioned files
        int toVersion = 0;
        QString detail; // why, in words
        // The overrides module (when the device has it): replaced in place, since a running
        // program keeps what it loaded and takes the new one at its next start.
        int moduleFrom = -1; // -1: no module on the device
        int moduleTo = -1;
        int keyHelperFrom = 0; // the key helper's version on the device before this run
        bool switched = false; // the device now runs the new runner and key helper
    };

    static QList<DeviceResult> run(RelayConnection &relay, const QList<DeviceTarget> &targets,
                                   const Credentials &credentials, KnownHostsFile &knownHosts,
                                   const Options &options, const CancelToken &cancel);

    // Records a device's upgrade in the audit log of `access`: the versions and the outcome.
    static void record(const FleetAccess &access, const DeviceResult &result);
    static QString outcomeName(Outcome outcome);  // "upgraded", "rolled-back", ... (JSON)
    static QString outcomeLabel(Outcome outcome); // the same for people, translated

private:
    static DeviceResult upgradeOne(RelayConnection &relay, const DeviceTarget &target,
                                   const Credentials &credentials, KnownHostsFile &knownHosts,
                                   const Options &options, const CancelToken &cancel);
    // Writes the new files beside the old and starts the device's switch; false (with
    // `result` saying why) when nothing was started.
    static bool arm(RelayConnection &relay, DeviceResult &result, const Credentials &credentials,
                    KnownHostsFile &knownHosts, const Options &options, const CancelToken &cancel);
    // Replaces an older overrides module on the device (never one the device lacks).
    static Result<QMap<QString, int>> installedVersions(DeviceConnection &device,
                                                        const CancelToken &cancel);
    static Result<void> writeNewFiles(DeviceConnection &device, const QByteArray &runner,
                                      const QByteArray &keyHelper, const QByteArray &upgrader,
                                      const CancelToken &cancel);
    static Result<void> upgradeModule(DeviceConnection &device, DeviceResult &result,
                                      const QMap<QString, int> &installed,
                                      const CancelToken &cancel);
    // The registry's record names the version the device now runs (devices --json, the window).
    static void recordVersion(RelayConnection &relay, DeviceResult &result,
                              const CancelToken &cancel);
    static DeviceResult awaitVerdict(RelayConnection &relay, DeviceResult result,
                                     const Credentials &credentials, KnownHostsFile &knownHosts,
                                     const Options &options, const CancelToken &cancel);
};

} // namespace relayfleet
