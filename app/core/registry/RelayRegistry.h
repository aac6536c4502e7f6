#pragma once

#include "base/CancelToken.h"
#include "base/Result.h"
#include "registry/ConnectionHistory.h"
#include "registry/DeviceRecord.h"
#include "registry/RegistryListing.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <functional>

namespace relayfleet {

// The registry and helper on one relay (~/.relayfleet/), driven over the relay connection.
// Every argument passed to the helper is validated here first and again by the helper.
class RelayRegistry
{
    Q_DECLARE_TR_FUNCTIONS(RelayRegistry)
public:
    RelayRegistry(RelayConnection &relay, QDeadlineTimer deadline, CancelToken cancel = {});

    // Installs or upgrades the helper in place (`relay init`). Returns the installed version.
    Result<int> install();
    // Installs this build's helper if the relay's is older (what a device's new runner may need
    // of it: helper 6 answers the cellular profile's heartbeats). Returns whether it did.
    Result<bool> installIfOlder();
    Result<RegistryListing> list();
    Result<DeviceRecord> find(const QString &id);
    Result<void> save(const DeviceRecord &record);
    // Changes what device `id`'s entry records of its Relay Fleet files (nothing is written when
    // that changes nothing).
    Result<void> recordDeviceFiles(const QString &id,
                                   const std::function<void(DeviceFileVersions &)> &change);
    Result<void> remove(const QString &id);
    // Fails with InvalidInput if another device holds the port; any other error means the
    // registry could not be written.
    Result<void> reservePort(int port, const QString &id);
    Result<void> releasePort(int port, const QString &id);
    // The ports reserved in the registry (even those whose device has no entry yet).
    Result<QList<int>> reservedPorts();
    Result<void> authorizeTunnelKey(const QString &id, int port, const QString &publicKey);
    Result<void> revokeTunnelKey(const QString &id);
    Result<void> clearStale(int port);
    // When device `id`'s tunnel came and went, as the relay recorded it (helper 4 and later).
    Result<ConnectionHistory> history(const QString &id);
    // The health reports the relay keeps of device `id`, oldest first (helper 8).
    Result<QList<DeviceHealth>> health(const QString &id);

    static QByteArray helperScript();

private:
    Result<CommandOutput> helper(const QStringList &arguments, const QByteArray &input = {});
    Result<CommandOutput> run(const QString &command, const QByteArray &input = {});
    // A helper command that exited with an error, as the user sees it.
    Error failure(const CommandOutput &output, Error::Code code) const;
    Result<void> helperOk(const QStringList &arguments, const QByteArray &input = {});
    // What a helper command that reads a record prints; `olderHelper` (its %1: the relay) says
    // what to do when the helper is too old to know the command.
    Result<QByteArray> helperRecord(const QStringList &arguments, const QString &olderHelper);

    RelayConnection &m_relay;
    QDeadlineTimer m_deadline;
    CancelToken m_cancel;
};

} // namespace relayfleet
