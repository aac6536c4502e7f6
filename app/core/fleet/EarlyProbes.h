#pragma once

#include "base/CancelToken.h"
#include "fleet/DeviceProbe.h"
#include "relay/RelayConnection.h"

#include <QList>
#include <QSet>
#include <atomic>
#include <thread>
#include <vector>

namespace relayfleet {

// Probes of the ports where devices were last seen, started before the relay's registry has
// answered, on a thread of their own. Each has its own cancel token, so that the probes of ports
// the registry no longer lists can be stopped.
class EarlyProbes
{
public:
    EarlyProbes(RelayConnection &relay, const QList<int> &ports, int probeTimeoutMs,
                int maxParallel);
    ~EarlyProbes();
    EarlyProbes(const EarlyProbes &) = delete;
    EarlyProbes &operator=(const EarlyProbes &) = delete;

    bool started(int port) const { return indexOf(port) >= 0; }
    // Stops the probes of ports not in `needed` and waits for the others (stopping them too once
    // `cancel` is cancelled); then every result is ready.
    void finish(const QSet<int> &needed, const CancelToken &cancel);
    DeviceProbe::Result result(int port) const;

private:
    qsizetype indexOf(int port) const;

    // Plain vectors, not QLists: the probe threads index them while this thread reads them, and
    // a QList that shares its data (as a copy of the caller's list does) detaches on a
    // non-const access — each thread would copy and swap the array under the others' feet.
    const std::vector<int> m_ports;
    std::vector<CancelToken> m_tokens;
    std::vector<DeviceProbe::Result> m_results;
    std::atomic_bool m_done = false;
    // Not a WorkerTask: the probes run beside a scan that itself runs on a worker thread (no
    // event loop there for a WorkerTask's handler); finish() and the destructor join it.
    std::thread m_thread;
};

} // namespace relayfleet
