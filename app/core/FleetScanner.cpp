#include "FleetScanner.h"

#include "DeviceProbe.h"
#include "ListenerTable.h"
#include "ParallelFor.h"
#include "RelayRegistry.h"

#include <QSet>

#include <atomic>
#include <chrono>
#include <thread>
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
        status.problem = QStringLiteral("The relay holds port %1 but nothing answers: the "
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
        return;
    }
    status.state = DeviceStatus::State::Offline;
    status.problem = QStringLiteral("Port %1 answers with host key %2, not the pinned %3: "
                                    "another device holds the port.")
                         .arg(status.port)
                         .arg(probe.hostKey.fingerprint(), expected->fingerprint());
}

// The probes started before the registry answered, on a thread of their own; each has its own
// cancel token so that the ones nobody needs can be stopped.
class EarlyProbes
{
public:
    EarlyProbes(RelayConnection &relay, const FleetScanner::Options &options)
        : m_ports(options.expectedPorts), m_tokens(static_cast<size_t>(m_ports.size())), m_results(m_ports.size())
    {
        if (m_ports.isEmpty()) {
            return;
        }
        m_thread = std::thread([this, &relay, options] {
            parallelFor(m_ports.size(), options.maxParallelProbes, [&](qsizetype i) {
                m_results[i] = DeviceProbe::probe(relay, m_ports[i], options.probeTimeoutMs, m_tokens[static_cast<size_t>(i)]);
            });
            m_done = true;
        });
    }
    ~EarlyProbes() { finish({}, CancelToken()); }
    EarlyProbes(const EarlyProbes &) = delete;
    EarlyProbes &operator=(const EarlyProbes &) = delete;

    bool started(int port) const { return m_ports.contains(port); }

    // Stops the probes of ports not in `needed` and waits for the others (or stops them too
    // once `cancel` is); then every result is ready.
    void finish(const QSet<int> &needed, const CancelToken &cancel)
    {
        if (!m_thread.joinable()) {
            return;
        }
        for (qsizetype i = 0; i < m_ports.size(); ++i) {
            if (!needed.contains(m_ports[i])) {
                m_tokens[static_cast<size_t>(i)].cancel();
            }
        }
        while (!m_done) { // bounded: each probe has its own time limit
            if (cancel.isCancelled()) {
                for (const CancelToken &token : m_tokens) {
                    token.cancel();
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        m_thread.join();
    }

    DeviceProbe::Result result(int port) const { return m_results.value(m_ports.indexOf(port)); }

private:
    QList<int> m_ports;
    std::vector<CancelToken> m_tokens;
    QList<DeviceProbe::Result> m_results;
    std::atomic_bool m_done = false;
    std::thread m_thread;
};

} // namespace

Result<QList<DeviceStatus>> FleetScanner::scan(RelayConnection &relay, const Options &options,
                                               const CancelToken &cancel)
{
    EarlyProbes early(relay, options);
    RelayRegistry registry(relay, QDeadlineTimer(30000), cancel);
    auto listing = registry.list();
    if (!listing) {
        return listing.error();
    }
    const QString relayName = relay.config().name;
    QList<DeviceStatus> statuses;
    QList<QString> pins;
    QSet<int> registeredPorts;
    for (const RegistryListing::Entry &entry : listing->entries) {
        DeviceStatus status;
        status.relay = relayName;
        status.lastSeen = entry.lastSeen;
        if (!entry.record) {
            status.id = entry.fileId;
            status.state = DeviceStatus::State::Invalid;
            status.problem = entry.problem;
            statuses << status;
            pins << QString();
            continue;
        }
        status.id = entry.record->id;
        status.name = entry.record->name;
        status.port = entry.record->port;
        status.labels = entry.record->labels;
        status.user = entry.record->user;
        status.tunnelKey = entry.record->tunnelKey;
        registeredPorts.insert(status.port);
        statuses << status;
        pins << entry.record->hostKey;
    }
    if (options.includeUnregistered) {
        for (int port : ListenerTable::loopbackListeners(listing->listenerTable)) {
            // The relay's own sshd and well-known services are not tunnels.
            if (port < 1024 || registeredPorts.contains(port)) {
                continue;
            }
            DeviceStatus status;
            status.relay = relayName;
            status.port = port;
            status.state = DeviceStatus::State::Unregistered;
            statuses << status;
            pins << QString();
        }
    }

    QSet<int> needed;
    for (const DeviceStatus &status : statuses) {
        if (status.state != DeviceStatus::State::Invalid) {
            needed.insert(status.port);
        }
    }
    QList<DeviceProbe::Result> probes(statuses.size());
    parallelFor(statuses.size(), options.maxParallelProbes, [&](qsizetype i) {
        if (statuses[i].state != DeviceStatus::State::Invalid && !early.started(statuses[i].port)) {
            probes[i] = DeviceProbe::probe(relay, statuses[i].port, options.probeTimeoutMs, cancel);
        }
    });
    early.finish(needed, cancel);
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        if (statuses[i].state != DeviceStatus::State::Invalid && early.started(statuses[i].port)) {
            probes[i] = early.result(statuses[i].port);
        }
    }

    QList<DeviceStatus> result;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        DeviceStatus &status = statuses[i];
        if (status.state == DeviceStatus::State::Invalid) {
            result << status;
        } else if (status.state == DeviceStatus::State::Unregistered) {
            // Only listeners that speak SSH look like tunnels.
            if (probes[i].outcome == DeviceProbe::Outcome::Answered) {
                status.hostKeyFingerprint = probes[i].hostKey.fingerprint();
                result << status;
            }
        } else {
            applyProbe(status, probes[i], pins[i]);
            result << status;
        }
    }
    return result;
}

} // namespace relayfleet
