#include "base/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace relayfleet {

void parallelFor(qsizetype count, int maxParallel, const std::function<void(qsizetype)> &work)
{
    std::atomic<qsizetype> next{0};
    const qsizetype threads = std::clamp<qsizetype>(maxParallel, 1, std::max<qsizetype>(count, 1));
    // Fork and join inside the call: the threads never outlive it, so no lifecycle to manage.
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(threads));
    for (qsizetype t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (qsizetype i = next++; i < count; i = next++) {
                work(i);
            }
        });
    }
    for (std::thread &thread : pool) {
        thread.join();
    }
}

} // namespace relayfleet
