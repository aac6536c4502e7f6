#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/HandedOverFd.h"
#include "base/Result.h"
#include "hostkeys/HostKey.h"
#include "hostkeys/HostKeyVerifier.h"
#include "ssh/SshHandles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QString>

namespace relayfleet {

// One SSH client connection, from TCP (or an already connected stream) to an authenticated
// session. Every step is non-blocking underneath and bounded by the caller's deadline.
class SshSession
{
    Q_DECLARE_TR_FUNCTIONS(SshSession)
public:
    struct Target
    {
        QString host; // what to connect to (ignored when streamFd is set)
        int port = 22;
        QString knownHostsName; // the name the key is pinned under
        QString who;            // for messages: "relay lab", "device kitchen"
        int streamFd = -1;      // connect over this socket instead of TCP; the session owns it
    };

    SshSession() = default;

    Result<void> connect(const Target &target, const QString &knownHostsPath,
                         const QDeadlineTimer &deadline, const CancelToken &cancel);
    Result<void> verifyHostKey(const HostKeyVerifier &verifier);
    Result<void> authenticate(const Credentials &credentials, const QDeadlineTimer &deadline,
                              const CancelToken &cancel);

    // A session channel (for a command, a shell or a subsystem), opened within the deadline.
    Result<ChannelHandle> openSessionChannel(const QDeadlineTimer &deadline,
                                             const CancelToken &cancel);

    ssh_session get() const { return m_session.get(); }
    SessionHandle release() { return std::move(m_session); }
    const HostKey &serverHostKey() const { return m_hostKey; }
    const Target &target() const { return m_target; }

    // The libssh error text of the last failure, for the end of a user-facing message.
    QString lastSshError() const;
    // For a session nobody is using: still connected, and nothing arrived unread. A peer that
    // closed the connection (a device that rebooted, an sshd that ended the session) shows
    // its end as readable, which libssh notices only when it next reads.
    bool isIdleAndConnected() const;

private:
    Result<void> authenticateWithKeyFile(const Credentials &credentials,
                                         const QDeadlineTimer &deadline, const CancelToken &cancel);
    Result<bool> tryKey(ssh_key key, const QDeadlineTimer &deadline, const CancelToken &cancel);

    // Declared before the session so that it is destroyed after it.
    HandedOverFd m_stream;
    SessionHandle m_session;
    Target m_target;
    HostKey m_hostKey;
};

} // namespace relayfleet
