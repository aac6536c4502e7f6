#pragma once

#include "base/CancelToken.h"
#include "exec/RelayExec.h"
#include "overrides/OverrideComparison.h"
#include "overrides/OverridePush.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace relayfleet {

// The one way the CLI and the window change and read a fleet's overrides: save what the user
// wants, send it to each relay's devices in parallel over one connection per relay, record each
// device's answer in the audit log and the push history, and compare what a device's program
// applied with what is wanted. Results are typed; JSON is written only for `--json` and the
// history. Blocking: run it on a worker (the window) or in a command (the CLI).
class FleetOverrides
{
public:
    // `access`: how to reach the fleet; `home`: where the desired values (overrides.json) and
    // the push history are kept.
    FleetOverrides(FleetAccess access, QString home);

    // What a push did: one answer per device, in the order given.
    struct Pushed
    {
        QList<PushResult> results;
        // The push happened but could not be written into the history: why.
        std::optional<Error> notInHistory;
        bool allApplied() const;
    };
    // Saves the assignments as wanted for each of `scope` ("@LABEL", or a device id that is
    // among `devices`; RELAY:PORT has no desired values), then sends `push` to `devices` and
    // records it under `scope`. Nothing is sent when the wanted values cannot be saved.
    Result<Pushed> push(const QStringList &scope, const QList<DeviceTarget> &devices,
                        const OverridePush &push, const CancelToken &cancel) const;

    // One device's wanted values against what its program applied.
    struct Reading
    {
        DeviceTarget target;
        std::optional<Error> unreachable; // why the device could not be asked; none: it answered
        OverrideComparison comparison;
        bool inSync() const;
    };
    // `labels`: the device's, for the values wanted for them.
    Reading read(const DeviceTarget &device, const QStringList &labels, const QString &fifo,
                 const CancelToken &cancel) const;

    // What reapplying did to one device that has wanted values.
    struct Reapplied
    {
        PushResult result;
        qsizetype pushed = 0; // values pushed again; 0: it was in sync
    };
    // Pushes again to each of `devices` (with their `labels`) the wanted values its program does
    // not have, each device's push in the history of its own; devices without wanted values are
    // left out. `notInHistory` collects pushes that could not be recorded.
    QList<Reapplied> reapply(const QList<DeviceTarget> &devices, const QList<QStringList> &labels,
                             const QString &fifo, const CancelToken &cancel,
                             QList<Error> *notInHistory) const;

    // What the audit log keeps of a push: the values (secrets only as their length) and its
    // sequence number.
    static QJsonObject auditDetails(const OverridePush &push);

private:
    // Sends without saving wanted values; the audit log has each answer.
    QList<PushResult> send(const QList<DeviceTarget> &devices, const OverridePush &push,
                           const CancelToken &cancel) const;
    void record(const OverridePush &push, const QList<PushResult> &results) const;
    std::optional<Error> recordInHistory(const OverridePush &push, const QStringList &scope,
                                         const QList<PushResult> &results) const;
    Result<std::shared_ptr<RelayConnection>>
    connect(const QString &relay, KnownHostsFile &knownHosts, const CancelToken &cancel) const;
    // `push` to `devices` of one relay, in parallel over its connection (no audit record).
    QList<PushResult> sendOver(RelayConnection &relay, const QList<DeviceTarget> &devices,
                               const OverridePush &push, KnownHostsFile &knownHosts,
                               const CancelToken &cancel) const;
    // A device's state read: within the access's timeout, login and read alike.
    RelayExec::Options readOptions() const;

    FleetAccess m_access;
    QString m_home;
};

} // namespace relayfleet
