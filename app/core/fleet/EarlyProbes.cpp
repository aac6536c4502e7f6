#include "fleet/EarlyProbes.h"

#include "base/ParallelFor.h"

#include <algorithm>
#include <chrono>

namespace relayfleet {

EarlyProbes::EarlyProbes(RelayConnection &relay, const QList<int> &ports, int probeTimeoutMs,
                         int maxParallel)
    : m_ports(ports.cbegin(), ports.cend())
    , m_tokens(m_ports.size())
    , m_results(m_ports.size())
{
    if (m_ports.empty()) {
        return;
    }
    m_thread = std::thread([this, &relay, probeTimeoutMs, maxParallel] {
        parallelFor(static_cast<qsizetype>(m_ports.size()), maxParallel, [&](qsizetype i) {
            const auto at = static_cast<size_t>(i);
            m_results[at] = DeviceProbe::probe(relay, m_ports[at], probeTimeoutMs, m_tokens[at]);
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
    for (size_t i = 0; i < m_ports.size(); ++i) {
        if (!needed.contains(m_ports[i])) {
            m_tokens[i].cancel();
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

qsizetype EarlyProbes::indexOf(int port) const
{
    const auto found = std::find(m_ports.cbegin(), m_ports.cend(), port);
    return found == m_ports.cend() ? -1 : found - m_ports.cbegin();
}

DeviceProbe::Result EarlyProbes::result(int port) const
{
    const qsizetype at = indexOf(port);
    return at < 0 ? DeviceProbe::Result() : m_results[static_cast<size_t>(at)];
}

} // namespace relayfleet
