#include "EarlyProbes.h"

#include "ParallelFor.h"

#include <chrono>

namespace relayfleet {

EarlyProbes::EarlyProbes(RelayConnection &relay, const QList<int> &ports, int probeTimeoutMs,
                         int maxParallel)
    : m_ports(ports)
    , m_tokens(static_cast<size_t>(ports.size()))
    , m_results(ports.size())
{
    if (m_ports.isEmpty()) {
        return;
    }
    m_thread = std::thread([this, &relay, probeTimeoutMs, maxParallel] {
        parallelFor(m_ports.size(), maxParallel, [&](qsizetype i) {
            m_results[i] = DeviceProbe::probe(relay, m_ports[i], probeTimeoutMs,
                                              m_tokens[static_cast<size_t>(i)]);
        });
        m_done = true;
    });
}

EarlyProbes::~EarlyProbes()
{
    finish({}, CancelToken()); // nothing is needed any more: every probe stops
}

void EarlyProbes::finish(const QSet<int> &needed, const CancelToken &cancel)
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

} // namespace relayfleet
