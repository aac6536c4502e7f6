#include "fleet/RelayScanner.h"

#include "base/ParallelFor.h"
#include "fleet/DeviceProbe.h"
#include "fleet/EarlyProbes.h"
#include "registry/ListenerTable.h"
#include "registry/RelayRegistry.h"

#include <QSet>
#include <vector>

namespace relayfleet {

namespace {

void applyProbe(DeviceStatus &status, const DeviceProbe::Result &probe, const QString &pinned)
{
    switch (probe.outcome) {
    case DeviceProbe::Outcome::NothingListens:
        status.state = DeviceStatus::State::Offline;
        return;
    case DeviceProbe::Outcome::NoAnswer:
        status.state = DeviceStatus::State::Stale;
        status.problem = RelayScanner::tr("The relay holds port %1 but nothing answers: the "
                                          "device probably lost power or its link.")
                             .arg(status.port);
        return;
    case DeviceProbe::Outcome::Failed:
        status.state = DeviceStatus::State::Offline;
        status.problem = probe.detail;
        return;
    case DeviceProbe::Outcome::Answered:
        break;
    }
    status.hostKeyFingerprint = probe.hostKey.fingerprint();
    const auto expected = HostKey::fromOpenSsh(pinned);
    if (pinned.isEmpty() || !expected || expected.value() == probe.hostKey) {
        status.state = DeviceStatus::State::Online;
        status.seen(QDateTime::currentDateTimeUtc(), DeviceStatus::SeenBy::Probe);
        return;
    }
    status.state = DeviceStatus::State::Offline;
    status.problem = RelayScanner::tr("Port %1 answers with host key %2, not the pinned %3: "
                                      "another device holds the port.")
                         .arg(status.port)
                         .arg(probe.hostKey.fingerprint(), expected->fingerprint());
}

// The state as the relay sees it, without a packet to the device: its port held or not, and
// how long ago its heartbeat came against how often it said it would come.
void applyRelayView(DeviceStatus &status, bool listening, const QDateTime &now)
{
    if (!listening) {
        status.state = DeviceStatus::State::Offline;
        return;
    }
    const qint64 silent = status.lastSeen.secsTo(now);
    const qint64 allowed = DeviceStatus::silenceAllowedSeconds(status.heartbeatEvery);
    if (silent <= allowed) {
        status.state = DeviceStatus::State::Online;
        return;
    }
    status.state = DeviceStatus::State::Stale;
    status.problem = RelayScanner::tr("The relay holds port %1 but the device has been silent "
                                      "for %2 s (its heartbeat comes every %3 s): it probably "
                                      "lost power or its link. Check it to be sure.")
                         .arg(status.port)
                         .arg(silent)
                         .arg(status.heartbeatEvery > 0 ? status.heartbeatEvery : 5);
}

// Whether the relay's view can stand for a probe: only a device whose runner sends heartbeats
// (a hand-made tunnel has none, so only a probe tells a working one from a dead one).
bool relayViewSuffices(const DeviceStatus &status, const RelayScanner::Options &options)
{
    return !options.probeEveryDevice && status.state != DeviceStatus::State::Invalid &&
           status.state != DeviceStatus::State::Unregistered &&
           status.lastSeenBy == DeviceStatus::SeenBy::Heartbeat;
}

// Whether the scan probes this listed entry (every one but invalid entries and devices whose
// relay's view stands for a probe).
bool needsProbe(const DeviceStatus &status, const RelayScanner::Options &options)
{
    return status.state != DeviceStatus::State::Invalid && !relayViewSuffices(status, options);
}

// What the relay's registry lists (and, when asked, its other loopback listeners), each with
// the host key pinned for it.
struct Listed
{
    QList<DeviceStatus> statuses;
    QList<QString> pins; // beside each status; empty when nothing is pinned
};

Listed listedDevices(const RegistryListing &listing, const QString &relayName,
                     bool includeUnregistered)
{
    Listed listed;
    QSet<int> registeredPorts;
    for (const RegistryListing::Entry &entry : listing.entries) {
        DeviceStatus status;
        status.relay = relayName;
        status.seen(entry.lastSeen, DeviceStatus::SeenBy::Heartbeat);
        status.heartbeatEvery = entry.heartbeatEvery;
        status.usage = entry.usage;
        status.health = entry.health;
        if (!entry.record) {
            status.id = entry.fileId;
            status.state = DeviceStatus::State::Invalid;
            status.problem = entry.problem;
            listed.statuses << status;
            listed.pins << QString();
            continue;
        }
        status.id = entry.record->id;
        status.name = entry.record->name;
        status.port = entry.record->port;
        status.labels = entry.record->labels;
        status.user = entry.record->user;
        status.deviceFiles = entry.record->files;
        status.connections = entry.recent;
        status.tunnelKey = entry.record->tunnelKey;
        registeredPorts.insert(status.port);
        listed.statuses << status;
        listed.pins << entry.record->hostKey;
    }
    if (includeUnregistered) {
        for (int port : ListenerTable::loopbackListeners(listing.listenerTable)) {
            // The relay's own sshd and well-known services are not tunnels.
            if (port < 1024 || registeredPorts.contains(port)) {
                continue;
            }
            DeviceStatus status;
            status.relay = relayName;
            status.port = port;
            status.state = DeviceStatus::State::Unregistered;
            listed.statuses << status;
            listed.pins << QString();
        }
    }
    return listed;
}

// One probe result per listed device: those the early probes began are taken from them, the
// rest probed here in parallel.
std::vector<DeviceProbe::Result> probeListed(RelayConnection &relay,
                                             const QList<DeviceStatus> &listed, EarlyProbes &early,
                                             const RelayScanner::Options &options,
                                             const CancelToken &cancel)
{
    QSet<int> needed;
    for (const DeviceStatus &status : listed) {
        if (needsProbe(status, options)) {
            needed.insert(status.port);
        }
    }
    // Probe threads only read `listed` (a const reference: no QList detach) and each writes its
    // own element of a plain vector.
    std::vector<DeviceProbe::Result> probes(static_cast<size_t>(listed.size()));
    parallelFor(listed.size(), options.maxParallelProbes, [&](qsizetype i) {
        if (needsProbe(listed[i], options) && !early.started(listed[i].port)) {
            probes[static_cast<size_t>(i)] =
                DeviceProbe::probe(relay, listed[i].port, options.probeTimeoutMs, cancel);
        }
    });
    early.finish(needed, cancel);
    for (qsizetype i = 0; i < listed.size(); ++i) {
        if (needsProbe(listed[i], options) && early.started(listed[i].port)) {
            probes[static_cast<size_t>(i)] = early.result(listed[i].port);
        }
    }
    return probes;
}

} // namespace

Result<QList<DeviceStatus>> RelayScanner::scan(RelayConnection &relay, const Options &options,
                                               const CancelToken &cancel)
{
    EarlyProbes early(relay, options.expectedPorts, options.probeTimeoutMs,
                      options.maxParallelProbes);
    RelayRegistry registry(relay, QDeadlineTimer(30000), cancel);
    auto listing = registry.list();
    if (!listing) {
        return listing.error();
    }
    Listed listed = listedDevices(*listing, relay.config().name, options.includeUnregistered);
    QList<DeviceStatus> &statuses = listed.statuses;
    const std::vector<DeviceProbe::Result> probes =
        probeListed(relay, statuses, early, options, cancel);

    const QList<int> listeners = ListenerTable::loopbackListeners(listing->listenerTable);
    const QSet<int> listening(listeners.cbegin(), listeners.cend());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<DeviceStatus> result;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        DeviceStatus &status = statuses[i];
        const DeviceProbe::Result &probe = probes[static_cast<size_t>(i)];
        if (status.state == DeviceStatus::State::Invalid) {
            result << status;
        } else if (relayViewSuffices(status, options)) {
            applyRelayView(status, listening.contains(status.port), now);
            status.noteOutages();
            result << status;
        } else if (status.state == DeviceStatus::State::Unregistered) {
            // Only listeners that speak SSH look like tunnels.
            if (probe.outcome == DeviceProbe::Outcome::Answered) {
                status.hostKeyFingerprint = probe.hostKey.fingerprint();
                status.seen(QDateTime::currentDateTimeUtc(), DeviceStatus::SeenBy::Probe);
                result << status;
            }
        } else {
            status.probed = true;
            applyProbe(status, probe, listed.pins[i]);
            status.noteOutages();
            result << status;
        }
    }
    return result;
}

} // namespace relayfleet
