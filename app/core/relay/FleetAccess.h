#pragma once

#include "audit/AuditLog.h"
#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceConnection.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"
#include "relay/RelayConnection.h"
#include "relay/RelayConnections.h"

#include <QDeadlineTimer>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace relayfleet {

// How this program reaches its fleet: the relays and the key that logs in to each, the pinned
// host keys and what to do about a key not pinned yet, the login timeout and, in the window,
// the relay connections every action shares. Built in one place by the window
// (FleetController::fleetAccess) and one by the CLI (CliContext::fleetAccess), then handed to
// every job as it is: a job never works out for itself where known_hosts is or which key logs
// in.
struct FleetAccess
{
    QList<RelayConfig> relays;
    // The credentials that log in to a relay, and to the devices behind it unless
    // deviceCredentials says otherwise (the CLI's --device-identity).
    std::function<Credentials(const RelayConfig &)> credentials;
    std::function<Credentials(const RelayConfig &)> deviceCredentials;
    // The key file that logs in to the devices, for the audit log without asking for its
    // passphrase (the CLI's credentials read the keychain first on a Mac); null: the device
    // credentials' file.
    std::function<QString(const RelayConfig &)> deviceIdentityFile;
    QString knownHostsPath;
    // Where devices were last seen (DeviceLocations); empty: not kept.
    QString deviceLocationsPath;
    HostKeyPolicy relayHostKeyPolicy;
    HostKeyPolicy deviceHostKeyPolicy;
    int connectTimeoutMs = 15000;
    // The window's shared relay connections; null: each job logs in on its own (the CLI).
    std::shared_ptr<RelayConnections> connections;
    // Where what is done to a device is recorded; null: nowhere (tests, benchmarks).
    std::shared_ptr<const AuditLog> audit;

    // A device logged in to through its relay. The relay connection is held as long as the
    // device's session runs over one of its channels.
    struct OpenedDevice
    {
        std::shared_ptr<RelayConnection> relay;
        std::unique_ptr<DeviceConnection> device;
    };

    // The relay named `name`, or why there is none.
    Result<RelayConfig> relay(const QString &name) const;
    Credentials credentialsFor(const RelayConfig &relay) const;
    Credentials deviceCredentialsFor(const RelayConfig &relay) const;
    // The shared connection to `relay` when there is one, else a login of the caller's own.
    Result<std::shared_ptr<RelayConnection>> connectRelay(const RelayConfig &relay,
                                                          KnownHostsFile &knownHosts,
                                                          const QDeadlineTimer &deadline,
                                                          const CancelToken &cancel) const;
    // Records in `audit` what was done to `target`: its device name, its relay, the
    // fingerprint of the key that logs in to it. A log that cannot be written is said on
    // stderr; the action's own outcome stands.
    void record(AuditLog::Action action, const DeviceTarget &target, bool ok, const QString &result,
                const QJsonObject &details = {}) const;

    // The device behind `target.relay`, logged in to now (the relay's connection shared).
    Result<OpenedDevice> openDevice(const DeviceTarget &target, KnownHostsFile &knownHosts,
                                    const QDeadlineTimer &deadline,
                                    const CancelToken &cancel) const;
};

} // namespace relayfleet
