#include "relay/FleetAccess.h"

#include "relay/RelayStore.h"

#include <QDebug>

namespace relayfleet {

Result<RelayConfig> FleetAccess::relay(const QString &name) const
{
    return RelayStore::findIn(relays, name);
}

Credentials FleetAccess::credentialsFor(const RelayConfig &relay) const
{
    return credentials ? credentials(relay) : Credentials{};
}

Credentials FleetAccess::deviceCredentialsFor(const RelayConfig &relay) const
{
    return deviceCredentials ? deviceCredentials(relay) : credentialsFor(relay);
}

void FleetAccess::record(AuditLog::Action action, const DeviceTarget &target, bool ok,
                         const QString &result, const QJsonObject &details) const
{
    if (!audit) {
        return;
    }
    AuditLog::Entry entry;
    entry.action = action;
    entry.device = target.idOrPort();
    entry.relay = target.relay;
    if (auto config = relay(target.relay)) {
        entry.key = AuditLog::keyFingerprint(
            deviceIdentityFile ? deviceIdentityFile(config.value())
                               : deviceCredentialsFor(config.value()).identityFile);
    }
    entry.ok = ok;
    entry.result = result;
    entry.details = details;
    if (auto recorded = audit->record(entry); !recorded) {
        qWarning().noquote() << recorded.error().message;
    }
}

Result<std::shared_ptr<RelayConnection>> FleetAccess::connectRelay(const RelayConfig &relay,
                                                                   KnownHostsFile &knownHosts,
                                                                   const QDeadlineTimer &deadline,
                                                                   const CancelToken &cancel) const
{
    return RelayConnections::connect(connections.get(), relay, credentialsFor(relay), knownHosts,
                                     relayHostKeyPolicy, deadline, cancel);
}

Result<FleetAccess::OpenedDevice> FleetAccess::openDevice(const DeviceTarget &target,
                                                          KnownHostsFile &knownHosts,
                                                          const QDeadlineTimer &deadline,
                                                          const CancelToken &cancel) const
{
    auto config = relay(target.relay);
    if (!config) {
        return config.error();
    }
    auto relayConnection = connectRelay(config.value(), knownHosts, deadline, cancel);
    if (!relayConnection) {
        return relayConnection.error();
    }
    auto device = DeviceConnection::open(*relayConnection.value(), target,
                                         deviceCredentialsFor(config.value()), knownHosts,
                                         deviceHostKeyPolicy, deadline, cancel);
    if (!device) {
        return device.error();
    }
    OpenedDevice opened;
    opened.relay = std::move(relayConnection.value());
    opened.device = std::make_unique<DeviceConnection>(std::move(device.value()));
    return opened;
}

} // namespace relayfleet
