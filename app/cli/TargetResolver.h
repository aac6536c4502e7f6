#pragma once

#include "CliContext.h"
#include "registry/DeviceRecord.h"
#include "relay/DeviceTarget.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace relayfleet::cli {

// Turns command-line targets (device ids, @LABEL, RELAY:PORT) into devices, grouped by relay,
// each group with its one logged-in relay connection.
class TargetResolver
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::TargetResolver)
public:
    struct Group
    {
        std::shared_ptr<RelayConnection> relay;
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

    // Exactly one device (an id, or a label with one device): it and its relay's connection.
    // Problems reaching relays are printed; an error says why there is not exactly one.
    struct One
    {
        std::shared_ptr<RelayConnection> relay;
        DeviceTarget device;
    };
    static Result<One> resolveOne(const CliContext &context, const QString &wanted,
                                  const QCommandLineParser &parser);
};

} // namespace relayfleet::cli
