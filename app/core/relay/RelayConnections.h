#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/RelayConfig.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace relayfleet {

// The app's connections to its relays: one per relay, shared by everything the window does
// (refresh, terminals, commands, pushes, reads), so the relay login is paid once and not per
// action; over a cellular link that login is most of a click's wait. Thread-safe.
//
// A connection is kept while it lives: its I/O thread's keepalives notice a silent relay, and
// a dead one is replaced by a new login on its next use. Callers that ask while a login to
// that relay is under way wait for that login (up to their own deadline) instead of starting
// another, and all get its outcome: a relay that is down fails every caller at once, each
// within its own timeout, with the relay's name and the reason. A one-shot CLI command shares
// only the connections its targets were resolved over (adopt).
class RelayConnections
{
    Q_DECLARE_TR_FUNCTIONS(RelayConnections)
public:
    RelayConnections() = default;
    RelayConnections(const RelayConnections &) = delete;
    RelayConnections &operator=(const RelayConnections &) = delete;

    // The live connection to `relay`, logging in when there is none (or the relay's settings
    // changed since). `knownHosts` and `policy` are used only if this call logs in.
    Result<std::shared_ptr<RelayConnection>>
    get(const RelayConfig &relay, const Credentials &credentials, KnownHostsFile &knownHosts,
        const HostKeyPolicy &policy, const QDeadlineTimer &deadline, const CancelToken &cancel);

    // The shared connection from `shared` when there is one, else a login of the caller's own
    // (the CLI, tests): one call for code that serves both.
    static Result<std::shared_ptr<RelayConnection>>
    connect(RelayConnections *shared, const RelayConfig &relay, const Credentials &credentials,
            KnownHostsFile &knownHosts, const HostKeyPolicy &policy, const QDeadlineTimer &deadline,
            const CancelToken &cancel);

    // Shares `connection`, logged in elsewhere, as the one to its relay from now on (the CLI's
    // targets were resolved over it: an action after that reuses it instead of logging in again).
    void adopt(const std::shared_ptr<RelayConnection> &connection);
    // Forgets the connection to `relay` (removed or changed); users of it keep it until they
    // are done.
    void drop(const QString &relay);
    // Live connections right now, and logins made so far (for tests and the status line).
    int liveCount() const;
    int loginCount() const;

private:
    struct Entry
    {
        RelayConfig config;
        std::shared_ptr<RelayConnection> connection;
        bool loggingIn = false;
        // The outcome of the last login, for those who waited for it.
        std::shared_ptr<Result<std::shared_ptr<RelayConnection>>> lastLogin;
        quint64 loginNumber = 0;
    };

    static bool sameRelay(const RelayConfig &a, const RelayConfig &b);

    mutable std::mutex m_mutex;
    std::condition_variable m_loginDone;
    QHash<QString, Entry> m_entries;
    int m_logins = 0;
};

} // namespace relayfleet
