#include "InterruptSignal.h"

#include <atomic>
#include <csignal>

namespace relayfleet::cli {

namespace {

// Set before the handler is installed and cleared after it is removed: the handler reads it.
const CancelToken *g_token = nullptr;
std::atomic_bool g_raised{false};

extern "C" void onInterrupt(int signal)
{
    g_raised.store(true);
    if (g_token != nullptr) {
        g_token->cancel(); // a lock-free atomic store: safe in a signal handler
    }
    std::signal(signal, SIG_DFL);
}

} // namespace

InterruptSignal::InterruptSignal(const CancelToken &token)
{
    g_token = &token;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptSignal::~InterruptSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_token = nullptr;
}

bool InterruptSignal::wasRaised()
{
    return g_raised.load();
}

} // namespace relayfleet::cli
