#pragma once

#include "base/Result.h"
#include "hostkeys/HostKey.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <mutex>

namespace relayfleet {

// The app's own known_hosts, in OpenSSH's format so `ssh -o UserKnownHostsFile=...` reads the
// same pins. Lines the app does not understand are kept byte for byte when it adds one.
class KnownHostsFile
{
    Q_DECLARE_TR_FUNCTIONS(KnownHostsFile)
public:
    explicit KnownHostsFile(QString path);

    // The name OpenSSH looks up: "host" on port 22, "[host]:port" elsewhere.
    static QString hostName(const QString &host, int port);
    // The HostKeyAlias under which a device is pinned, whatever relay port it uses today.
    static QString deviceAlias(const QString &deviceId);

    const QString &path() const { return m_path; }

    // Keys pinned for `name` (plain, comma lists, [host]:port and hashed |1| entries).
    Result<QList<HostKey>> keysFor(const QString &name) const;
    // Pure parser, used on the file's contents and by the fuzz target.
    static QList<HostKey> keysIn(const QByteArray &contents, const QString &name);

    // Appends one "name type base64" line atomically (write to a temporary file, then rename).
    Result<void> add(const QString &name, const HostKey &key);
    // Drops every line for `name` (used when a device is removed or re-pinned on purpose).
    Result<void> removeAll(const QString &name);

private:
    Result<QByteArray> readAll() const;
    Result<void> writeAll(const QByteArray &contents);

    QString m_path;
    // Pins may be added from several device sessions at once (bulk operations).
    std::mutex m_writeMutex;
};

} // namespace relayfleet
