#pragma once

#include "registry/ConnectionHistory.h"
#include "registry/DataUsage.h"
#include "registry/DeviceHealth.h"
#include "registry/DeviceRecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace relayfleet {

// The output of `helper list` (and, after "@listeners", `helper listeners`), parsed. Every
// entry is validated on its own: one hostile or broken file shows up as an invalid entry and
// does not hide the others.
struct RegistryListing
{
    Q_DECLARE_TR_FUNCTIONS(RegistryListing)

public:
    struct Entry
    {
        QString fileId; // the name of the file, already checked by the helper
        std::optional<DeviceRecord> record;
        QString problem;          // why `record` is empty
        QDateTime lastSeen;       // invalid when the device never sent a heartbeat
        int heartbeatEvery = 0;   // seconds between its heartbeats, as it said (0: not said)
        DataUsage usage;          // its last report of the data it used (helper 6)
        DeviceHealth health;      // its last health report (helper 8, runner 6)
        ConnectionHistory recent; // the latest comings and goings of its tunnel (helper 4+)
    };

    static constexpr qsizetype kMaxInput = 16 * 1024 * 1024;
    static constexpr int kMaxEntries = 10000;
    // A carrier ends a session idle for about an hour: no runner's heartbeat waits longer.
    static constexpr int kMaxHeartbeatEvery = 3600;
    // A difference this small between the relay's clock and this machine's is the listing's
    // round trip and the relay's whole seconds, not a clock off: times are left as written.
    static constexpr int kClockSlackSeconds = 2;

    int helperVersion = 0;
    QDateTime relayNow; // the relay's clock when it listed (helper 7; invalid before)
    QList<Entry> entries;
    QByteArray listenerTable;

    static Result<RegistryListing> parse(const QByteArray &output);

    // Every time of the listing moved from the relay's clock to this machine's, read at `localNow`
    // (when the listing arrived). Without it a relay clock minutes off this one shows devices
    // as silent too long, or heard from in the future. A listing without the relay's time
    // (helper older than 7) is left as it is.
    void moveToLocalClock(const QDateTime &localNow);
};

} // namespace relayfleet
