#pragma once

#include "CliContext.h"
#include "registry/DeviceRecord.h"
#include "relay/DeviceTarget.h"

#include <QList>
#include <QStringList>

namespace relayfleet::cli {

// Turns command-line targets (device ids, @LABEL, RELAY:PORT) into devices, grouped by relay,
// each group with its one logged-in relay connection.
class TargetResolver
{
public:
    struct Group
    {
        std::unique_ptr<RelayConnection> relay;
        QList<DeviceTarget> devices;
        QList<QStringList> labels; // per device, from the registry
    };

    struct Resolution
    {
        std::vector<Group> groups;
        QStringList unmatched;
        QStringList problems; // relays that could not be reached or read
    };

    // `all`: every registered device (when no target is named).
    static Resolution resolve(const CliContext &context, const QStringList &wanted,
                              const QString &user, const QString &onlyRelay, bool all = false);
};

} // namespace relayfleet::cli
