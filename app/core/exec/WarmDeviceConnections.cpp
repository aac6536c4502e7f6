#include "exec/WarmDeviceConnections.h"

#include "hostkeys/KnownHostsFile.h"
#include "ssh/SshWait.h"

#include <atomic>
#include <libssh/libssh.h>

namespace relayfleet {

WarmDeviceConnections::WarmDeviceConnections()
    : WarmDeviceConnections(Limits())
{
}

WarmDeviceConnections::WarmDeviceConnections(Limits limits)
    : m_limits(limits)
{
}

WarmDeviceConnections::~WarmDeviceConnections()
{
    {
        std::lock_guard lock(m_mutex);
        for (const auto &entry : m_entries) {
            entry->cancel.cancel();
        }
    }
    for (Worker &worker : m_workers) {
        worker.thread.join();
    }
}

ChannelHandle WarmDeviceConnections::openTerminalChannel(SshSession &sshSession,
                                                         const QDeadlineTimer &deadline,
                                                         const CancelToken &cancel)
{
    // The two round trips a terminal needs before its shell, taken before the click. sshd
    // allocates the terminal now; it is released with the channel if nobody takes it.
    auto channel = sshSession.openSessionChannel(deadline, cancel);
    if (!channel) {
        return {};
    }
    ssh_channel ch = channel->get();
    ssh_session session = sshSession.get();
    auto pty = driveSshStep(
        session, [ch] { return ssh_channel_request_pty_size(ch, "xterm-256color", 80, 24); },
        deadline, cancel, QStringLiteral("a terminal"));
    if (!pty || pty.value() != SSH_OK) {
        return {};
    }
    return std::move(*channel);
}

QString WarmDeviceConnections::keyOf(const DeviceTarget &target)
{
    return QStringLiteral("%1:%2:%3:%4")
        .arg(target.relay)
        .arg(target.port)
        .arg(target.deviceId, target.user);
}

void WarmDeviceConnections::warm(FleetAccess access, const DeviceTarget &target)
{
    // Nobody can be asked in the background: only pinned host keys are accepted.
    access.relayHostKeyPolicy = HostKeyPolicy{};
    access.deviceHostKeyPolicy = HostKeyPolicy{};
    joinFinished();
    std::lock_guard lock(m_mutex);
    const QString key = keyOf(target);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if ((*it)->key == key && !(*it)->failed) {
            (*it)->since.start();
            m_entries.splice(m_entries.begin(), m_entries, it); // the most recent again
            return;
        }
    }
    auto entry = std::make_shared<Entry>();
    entry->key = key;
    entry->relay = target.relay;
    entry->since.start();
    m_entries.push_front(entry);
    enforceLimits();

    auto done = std::make_shared<std::atomic_bool>(false);
    m_workers.push_back({std::thread([this, entry, access = std::move(access), target, done] {
                             const QDeadlineTimer deadline(m_limits.connectTimeoutMs);
                             KnownHostsFile knownHosts(access.knownHostsPath);
                             auto warm = std::make_unique<Warm>();
                             auto opened =
                                 access.openDevice(target, knownHosts, deadline, entry->cancel);
                             if (opened) {
                                 warm->relay = std::move(opened->relay);
                                 warm->device = std::move(opened->device);
                                 warm->terminal = openTerminalChannel(warm->device->session(),
                                                                      deadline, entry->cancel);
                             }
                             {
                                 std::lock_guard entries(m_mutex);
                                 if (warm->device && !entry->cancel.isCancelled()) {
                                     entry->warm = std::move(warm);
                                     entry->ready = true;
                                 } else {
                                     entry->failed = true;
                                 }
                             }
                             // A connection nobody will take is closed here, on this thread, not
                             // the GUI's.
                             warm.reset();
                             done->store(true);
                         }),
                         done});
}

std::unique_ptr<WarmDeviceConnections::Warm> WarmDeviceConnections::take(const DeviceTarget &target)
{
    closeIdle();
    std::unique_ptr<Warm> taken;
    {
        std::lock_guard lock(m_mutex);
        const QString key = keyOf(target);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if ((*it)->key == key && (*it)->ready) {
                taken = std::move((*it)->warm);
                m_entries.erase(it);
                break;
            }
        }
    }
    // A device that rebooted since it was warmed: the session is gone, open a new one.
    if (taken && (!taken->relay->isAlive() || !taken->device->session().isIdleAndConnected())) {
        return nullptr;
    }
    return taken;
}

void WarmDeviceConnections::closeIdle()
{
    closeWhere([this](const Entry &entry) {
        return entry.failed || entry.since.hasExpired(m_limits.idle.count());
    });
}

void WarmDeviceConnections::forget(const DeviceTarget &target)
{
    const QString key = keyOf(target);
    closeWhere([&key](const Entry &entry) { return entry.key == key; });
}

void WarmDeviceConnections::closeWhere(const std::function<bool(const Entry &)> &closing)
{
    std::vector<std::unique_ptr<Warm>> closed; // closed outside the lock
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (closing(**it)) {
                (*it)->cancel.cancel();
                closed.push_back(std::move((*it)->warm));
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
    }
    joinFinished();
}

void WarmDeviceConnections::enforceLimits()
{
    int total = 0;
    QHash<QString, int> perRelay;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const bool over =
            total >= m_limits.maxDevices || perRelay.value((*it)->relay) >= m_limits.maxPerRelay;
        if (over) {
            (*it)->cancel.cancel(); // its worker ends soon and closes what it opened
            it = m_entries.erase(it);
        } else {
            ++total;
            perRelay[(*it)->relay] += 1;
            ++it;
        }
    }
}

void WarmDeviceConnections::joinFinished()
{
    std::vector<Worker> finished;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            if (it->done->load()) {
                finished.push_back(std::move(*it));
                it = m_workers.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (Worker &worker : finished) {
        worker.thread.join();
    }
}

bool WarmDeviceConnections::isReady(const DeviceTarget &target) const
{
    std::lock_guard lock(m_mutex);
    const QString key = keyOf(target);
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [&](const auto &entry) { return entry->key == key && entry->ready; });
}

int WarmDeviceConnections::readyCount() const
{
    std::lock_guard lock(m_mutex);
    int ready = 0;
    for (const auto &entry : m_entries) {
        ready += entry->ready ? 1 : 0;
    }
    return ready;
}

int WarmDeviceConnections::warmingCount() const
{
    std::lock_guard lock(m_mutex);
    int warming = 0;
    for (const auto &entry : m_entries) {
        warming += !entry->ready && !entry->failed ? 1 : 0;
    }
    return warming;
}

} // namespace relayfleet
