#include "TargetResolver.h"

#include "registry/RelayRegistry.h"

#include <QSet>

namespace relayfleet::cli {

TargetResolver::Resolution TargetResolver::resolve(const CliContext &context,
                                                   const QStringList &wanted, const QString &user,
                                                   const QString &onlyRelay, bool all)
{
    Resolution resolution;
    auto relays = context.relays(onlyRelay);
    if (!relays) {
        resolution.problems << relays.error().message;
        resolution.unmatched = wanted;
        return resolution;
    }
    QSet<QString> matched;
    for (const RelayConfig &relay : relays.value()) {
        auto connection = context.connectRelay(relay);
        if (!connection) {
            resolution.problems << connection.error().message;
            continue;
        }
        Group group;
        auto add = [&](int port, const QString &id, const QStringList &labels,
                       const QString &recordUser = {}) {
            for (const DeviceTarget &existing : group.devices) {
                if (existing.port == port) {
                    return; // named twice (an id and a label of it)
                }
            }
            DeviceTarget target;
            target.relay = relay.name;
            target.port = port;
            target.deviceId = id;
            target.user = DeviceTarget::loginUser(user, recordUser);
            group.devices << target;
            group.labels << labels;
        };
        RelayRegistry registry(*connection.value(), context.connectDeadline());
        auto listing = registry.list();
        if (!listing) {
            resolution.problems << listing.error().message;
        }
        for (const QString &target : wanted) {
            const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
            if (colon > 0) {
                if (target.left(colon) == relay.name) {
                    add(target.mid(colon + 1).toInt(), QString(), {});
                    matched.insert(target);
                }
                continue;
            }
            if (!listing) {
                continue;
            }
            const bool byLabel = target.startsWith(QLatin1Char('@'));
            for (const auto &entry : listing->entries) {
                if (entry.record && (byLabel ? entry.record->labels.contains(target.mid(1))
                                             : entry.record->id == target)) {
                    add(entry.record->port, entry.record->id, entry.record->labels,
                        entry.record->user);
                    matched.insert(target);
                }
            }
        }
        if (all && listing) {
            for (const auto &entry : listing->entries) {
                if (entry.record) {
                    add(entry.record->port, entry.record->id, entry.record->labels,
                        entry.record->user);
                }
            }
        }
        if (!group.devices.isEmpty()) {
            group.relay = std::move(connection.value());
            resolution.groups.push_back(std::move(group));
        }
    }
    for (const QString &target : wanted) {
        if (!matched.contains(target)) {
            resolution.unmatched << target;
        }
    }
    return resolution;
}

Result<TargetResolver::One> TargetResolver::resolveOne(const CliContext &context,
                                                       const QString &wanted,
                                                       const QCommandLineParser &parser)
{
    auto resolution = resolve(context, {wanted}, parser.value(QStringLiteral("user")),
                              parser.value(QStringLiteral("relay")));
    for (const QString &problem : resolution.problems) {
        CliContext::printError(problem);
    }
    qsizetype matches = 0;
    for (const auto &group : resolution.groups) {
        matches += group.devices.size();
    }
    if (matches == 0) {
        return Error::make(Error::Code::NotFound,
                           tr("No device matches \"%1\".").arg(wanted.left(80)));
    }
    if (matches > 1) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("\"%1\" names %2 devices; name one.").arg(wanted.left(80)).arg(matches));
    }
    auto &group = resolution.groups.front();
    return One{std::move(group.relay), group.devices.first()};
}

} // namespace relayfleet::cli
