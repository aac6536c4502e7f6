#pragma once

#include "base/CancelToken.h"

namespace relayfleet::cli {

// Ctrl+C (SIGINT) and SIGTERM cancel a token instead of killing the program, so that a copy
// removes its partial file and a forward closes its channels before the program exits. A
// second Ctrl+C is not caught: it ends the program at once.
class InterruptSignal
{
public:
    explicit InterruptSignal(const CancelToken &token);
    ~InterruptSignal();
    InterruptSignal(const InterruptSignal &) = delete;
    InterruptSignal &operator=(const InterruptSignal &) = delete;

    static bool wasRaised();
};

} // namespace relayfleet::cli
