#pragma once

#include <atomic>
#include <memory>

namespace relayfleet {

// Shared between the thread that may cancel and the worker that polls it between short waits.
class CancelToken
{
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic_bool>(false))
    {
    }

    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace relayfleet
