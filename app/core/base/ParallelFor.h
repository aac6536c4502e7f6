#pragma once

#include <QtGlobal>
#include <functional>

namespace relayfleet {

// Runs work(0) … work(count - 1) on at most `maxParallel` threads at once. A sliding window,
// not waves: each thread takes the next index as soon as it is free, so one slow device never
// holds back a whole batch of others. Returns when every call has returned.
void parallelFor(qsizetype count, int maxParallel, const std::function<void(qsizetype)> &work);

} // namespace relayfleet
