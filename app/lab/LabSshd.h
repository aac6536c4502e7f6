#pragma once

#include "base/Result.h"

#include <QProcess>
#include <QString>

namespace relayfleet::lab {

// The lab's OpenSSH servers: the sshd_config of a relay or device host, its host and client
// keys, and the wait for a started sshd to listen. Real sshd, as on a relay and on a Pi.
class LabSshd
{
public:
    struct Settings
    {
        QString hostDir; // the host's folder in the lab (its host key, its home without namespaces)
        QString listen;
        int port = 22;
        // MaxStartups; empty: sshd's own default (10:30:100).
        QString maxStartups = QStringLiteral("1000");
        int maxSessions = 0; // 0: sshd's own default (10)
        // In its own namespaces (root): its home is /root, key files are checked strictly.
        bool isolated = false;
    };
    static QString config(const Settings &settings);

    // An ed25519 key pair at `path` (replacing one there), unencrypted: lab only.
    static Result<void> generateKey(const QString &path, const QString &comment);

    // Waits until `sshd`, started with `-E logPath`, says in its log (from `logStart`) that it
    // listens; an sshd that exits or stays silent is said with what it logged.
    static Result<void> waitUntilListening(QProcess &sshd, const QString &logPath, qint64 logStart,
                                           const QString &host);
    static constexpr int kStartTimeoutMs = 15000;
};

} // namespace relayfleet::lab
