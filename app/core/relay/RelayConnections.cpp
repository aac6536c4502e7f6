#include "relay/RelayConnections.h"

#include "base/Error.h"

#include <chrono>

namespace relayfleet {

namespace {
// A waiter looks at its own cancel token this often while another caller logs in.
constexpr auto kWaitSlice = std::chrono::milliseconds(100);
} // namespace

bool RelayConnections::sameRelay(const RelayConfig &a, const RelayConfig &b)
{
    return a.host == b.host && a.port == b.port && a.user == b.user &&
           a.identityFile == b.identityFile;
}

Result<std::shared_ptr<RelayConnection>>
RelayConnections::get(const RelayConfig &relay, const Credentials &credentials,
                      KnownHostsFile &knownHosts, const HostKeyPolicy &policy,
                      const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        Entry &entry = m_entries[relay.name];
        if (entry.connection && !sameRelay(entry.config, relay)) {
            entry.connection.reset(); // its settings changed: the old one serves its users only
        }
        if (entry.connection && entry.connection->isAlive()) {
            return entry.connection;
        }
        if (!entry.loggingIn) {
            break;
        }
        // Someone is logging in to this relay: its outcome is ours too.
        const quint64 waitingFor = entry.loginNumber;
        while (m_entries[relay.name].loggingIn && m_entries[relay.name].loginNumber == waitingFor) {
            if (cancel.isCancelled()) {
                return Error::make(Error::Code::Cancelled,
                                   tr("Connecting to relay %1 was cancelled.").arg(relay.name));
            }
            if (deadline.hasExpired()) {
                return Error::make(Error::Code::Timeout,
                                   tr("Relay %1 did not answer in time.").arg(relay.name));
            }
            m_loginDone.wait_for(lock, kWaitSlice);
        }
        const Entry &done = m_entries[relay.name];
        if (done.lastLogin && !done.lastLogin->ok() &&
            done.lastLogin->error().code != Error::Code::Cancelled) {
            return done.lastLogin->error(); // the relay is down for everyone who waited
        }
        // It succeeded (the loop returns it), or the one who logged in gave up: try again.
    }
    Entry &entry = m_entries[relay.name];
    entry.loggingIn = true;
    const quint64 number = ++entry.loginNumber;
    lock.unlock();

    auto opened = RelayConnection::open(relay, credentials, knownHosts, policy, deadline, cancel);
    auto outcome = std::make_shared<Result<std::shared_ptr<RelayConnection>>>(
        opened ? Result<std::shared_ptr<RelayConnection>>(
                     std::shared_ptr<RelayConnection>(std::move(opened.value())))
               : Result<std::shared_ptr<RelayConnection>>(opened.error()));

    lock.lock();
    Entry &finished = m_entries[relay.name];
    if (finished.loginNumber == number) {
        finished.loggingIn = false;
        finished.lastLogin = outcome;
        if (outcome->ok()) {
            finished.connection = outcome->value();
            finished.config = relay;
            ++m_logins;
        }
    }
    m_loginDone.notify_all();
    return *outcome;
}

Result<std::shared_ptr<RelayConnection>>
RelayConnections::connect(RelayConnections *shared, const RelayConfig &relay,
                          const Credentials &credentials, KnownHostsFile &knownHosts,
                          const HostKeyPolicy &policy, const QDeadlineTimer &deadline,
                          const CancelToken &cancel)
{
    if (shared) {
        return shared->get(relay, credentials, knownHosts, policy, deadline, cancel);
    }
    auto own = RelayConnection::open(relay, credentials, knownHosts, policy, deadline, cancel);
    if (!own) {
        return own.error();
    }
    return std::shared_ptr<RelayConnection>(std::move(own.value()));
}

void RelayConnections::adopt(const std::shared_ptr<RelayConnection> &connection)
{
    const std::lock_guard lock(m_mutex);
    Entry &entry = m_entries[connection->config().name];
    entry.connection = connection;
    entry.config = connection->config();
}

void RelayConnections::drop(const QString &relay)
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_entries.find(relay); it != m_entries.end()) {
        it->connection.reset();
    }
}

int RelayConnections::liveCount() const
{
    std::lock_guard lock(m_mutex);
    int live = 0;
    for (const Entry &entry : m_entries) {
        live += entry.connection && entry.connection->isAlive() ? 1 : 0;
    }
    return live;
}

int RelayConnections::loginCount() const
{
    std::lock_guard lock(m_mutex);
    return m_logins;
}

} // namespace relayfleet
