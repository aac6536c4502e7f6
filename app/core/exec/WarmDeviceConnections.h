#pragma once

#include "base/CancelToken.h"
#include "relay/DeviceConnection.h"
#include "relay/DeviceTarget.h"
#include "relay/FleetAccess.h"
#include "ssh/SshHandles.h"

#include <QElapsedTimer>
#include <QString>
#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace relayfleet {

// Device connections logged in ahead of need: when the user selects a device, its SSH session
// through the relay is opened and authenticated in the background, so that a terminal opened
// on it next only opens a channel. Over a cellular link the device's handshake and login are
// most of what is left of a click's wait once the relay is connected.
//
// Bounded: only devices the user selected, at most `maxDevices` (the most recently selected)
// and `maxPerRelay` per relay, each closed after `idle` unused; a warm connection is handed
// over once (whoever takes it owns it). Only pinned host keys are accepted in the background:
// a device whose key is new or changed is simply not warmed, and the terminal asks as it
// always does. Thread-safe.
class WarmDeviceConnections
{
public:
    struct Limits
    {
        int maxDevices = 3;
        int maxPerRelay = 3;
        std::chrono::milliseconds idle{std::chrono::seconds(90)};
        int connectTimeoutMs = 15000;
    };

    // A warm connection and the relay connection it runs over (kept alive with it), with a
    // session channel already open and a terminal (xterm-256color, 80x24) allocated on it, so
    // that a shell needs one request more. `terminal` is null where that failed.
    struct Warm
    {
        std::shared_ptr<RelayConnection> relay;
        std::unique_ptr<DeviceConnection> device;
        ChannelHandle terminal;
    };

    WarmDeviceConnections();
    explicit WarmDeviceConnections(Limits limits);
    ~WarmDeviceConnections(); // cancels what is being opened and waits for it
    WarmDeviceConnections(const WarmDeviceConnections &) = delete;
    WarmDeviceConnections &operator=(const WarmDeviceConnections &) = delete;

    // The user selected `target`: open its connection in the background unless it is warm or
    // warming already, through `access` (its host key policies aside: only pinned keys are
    // accepted here). Returns at once.
    void warm(FleetAccess access, const DeviceTarget &target);
    // The warm connection to `target`, if one is ready and still connected; null otherwise.
    std::unique_ptr<Warm> take(const DeviceTarget &target);
    // Closes what was not used for `idle` (call it now and then; warm() and take() do too).
    void closeIdle();
    // Closes `target`'s connection, ready or being opened: the device went stale or offline,
    // or its host key no longer matches, so nothing may be handed over for it.
    void forget(const DeviceTarget &target);

    bool isReady(const DeviceTarget &target) const;
    int readyCount() const;
    int warmingCount() const;

private:
    struct Entry
    {
        QString key;
        QString relay;
        CancelToken cancel;
        QElapsedTimer since; // selected (warm() again restarts it)
        bool ready = false;
        bool failed = false;
        std::unique_ptr<Warm> warm;
    };

    static QString keyOf(const DeviceTarget &target);
    static ChannelHandle openTerminalChannel(SshSession &session, const QDeadlineTimer &deadline,
                                             const CancelToken &cancel);
    void enforceLimits(); // with m_mutex held
    void closeWhere(const std::function<bool(const Entry &)> &closing);
    void joinFinished();

    Limits m_limits;
    mutable std::mutex m_mutex;
    std::list<std::shared_ptr<Entry>> m_entries; // most recently selected first
    // One login per selected device, each ended by cancelling its entry and joined by
    // joinFinished() or the destructor. Not WorkerTasks: the logins are fire-and-forget
    // (nobody waits for a result, take() finds it in the entry), several run at once, and the
    // object is used from the window's thread and from worker threads alike.
    struct Worker
    {
        std::thread thread;
        std::shared_ptr<std::atomic_bool> done;
    };
    std::vector<Worker> m_workers;
};

} // namespace relayfleet
