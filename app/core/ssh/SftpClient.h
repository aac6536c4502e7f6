#pragma once

#include "base/CancelToken.h"
#include "base/Result.h"
#include "ssh/SftpCodec.h"
#include "ssh/SshHandles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

namespace relayfleet {

class SshSession;

// An SFTP session on a channel of an authenticated SSH session (its `sftp` subsystem). File
// contents move pipelined: many reads or writes are in flight at once, as OpenSSH's sftp and
// scp do, because one request per round trip would move 64 KiB per 0.4 s through a cellular
// tunnel. libssh's own SFTP client cannot pipeline writes before 0.11, so the protocol is
// spoken here. Names are bytes: nothing passes through a shell.
//
// Every call waits on the session's socket; it fails when nothing moves for `stallTimeoutMs`
// or when `cancel` is set. The session is used by one thread at a time.
class SftpClient
{
    Q_DECLARE_TR_FUNCTIONS(SftpClient)
public:
    using Attributes = SftpCodec::Attributes;
    using NameEntry = SftpCodec::NameEntry;
    // Bytes moved so far (acknowledged by the device for writes, received for reads).
    using Progress = std::function<void(quint64 bytesDone)>;

    struct Limits
    {
        quint32 chunkSize = 64 * 1024;
        int maxInFlight = 64;
        int stallTimeoutMs = 30000;
    };

    static Result<std::unique_ptr<SftpClient>> start(SshSession &session,
                                                     const QDeadlineTimer &deadline,
                                                     const CancelToken &cancel, Limits limits);
    ~SftpClient();
    SftpClient(const SftpClient &) = delete;
    SftpClient &operator=(const SftpClient &) = delete;

    // Follows a symbolic link; lstat does not.
    Result<Attributes> stat(const QByteArray &path);
    Result<Attributes> lstat(const QByteArray &path);
    // The absolute form of a path ("." is the login directory).
    Result<QByteArray> realPath(const QByteArray &path);
    Result<QList<NameEntry>> list(const QByteArray &directory);
    // Several {path, permissions} in one round trip; a parent may come before what is in it
    // (OpenSSH's sftp-server handles requests one at a time, in the order they came). Each
    // one's error, if any.
    QList<std::optional<Error>>
    makeDirectories(const QList<std::pair<QByteArray, quint32>> &folders);
    Result<void> remove(const QByteArray &path);

    // Open files, by handle.
    Result<QByteArray> open(const QByteArray &path, quint32 flags, const Attributes &attributes);
    Result<void> close(const QByteArray &handle);

    // Finishes a file written under a temporary name, in one round trip: makes it durable
    // (where the server can: a Pi loses power without warning, and a rename must never make
    // a file visible whose bytes are not on its storage yet), gives it its permissions, closes it
    // and renames it over `target`. The requests travel together; the first failure is reported.
    Result<void> commit(const QByteArray &handle, const QByteArray &temporary,
                        const QByteArray &target, quint32 permissions);
    // Small files in three round trips however many there are: every temporary file created at
    // once, then all their data and seals (durable, mode, closed), then the renames of those
    // confirmed whole. Per file: committed, or its first error and the bytes that arrived; a
    // file not committed is left for discard() (its handle may be open).
    struct SmallFile
    {
        QByteArray temporary; // created exclusively, then renamed over `target`
        QByteArray target;
        QByteArray contents;
        quint32 permissions = 0644;
    };
    struct SmallFileResult
    {
        bool committed = false;
        QByteArray handle; // empty when the temporary file was not created
        quint64 acknowledged = 0;
        std::optional<Error> error;
    };
    // `progress` gets the bytes confirmed so far across the batch.
    QList<SmallFileResult> putFiles(const QList<SmallFile> &files, const Progress &progress);

    // After a failure or a cancellation: closes `handle` and removes `path`, bounded by a short
    // time of its own and done even when the copy was cancelled. False when it could not.
    bool discard(const QByteArray &handle, const QByteArray &path);
    // The same for several {handle, path} at once, in one round trip: whether each was removed.
    QList<bool> discardAll(const QList<std::pair<QByteArray, QByteArray>> &files);

    // Writes everything `fd` gives until its end to the file at offset 0; returns the bytes
    // the device acknowledged. On an error `acknowledged()` still tells how far it got.
    Result<quint64> writeFrom(const QByteArray &handle, int fd, const Progress &progress);
    // Reads the whole file into `fd` (at the same offsets, with pwrite); returns its length.
    Result<quint64> readInto(const QByteArray &handle, int fd, const Progress &progress);
    quint64 acknowledged() const { return m_acknowledged; }

    bool canRenameAtomically() const { return m_extensions.contains("posix-rename@openssh.com"); }
    QString describe(const SftpCodec::StatusReply &status) const;

private:
    SftpClient(ssh_session session, ChannelHandle channel, CancelToken cancel, Limits limits);

    // One request of a batch: which file it belongs to, the bytes it carries, what it does.
    struct Batched
    {
        quint32 id = 0;
        qsizetype file = 0;
        quint32 bytes = 0;
        QString what;
    };
    void openAll(const QList<SmallFile> &files, QList<SmallFileResult> &results);
    void collectBatch(const QList<Batched> &batch, QList<SmallFileResult> &results,
                      const std::function<void(quint32 bytes)> &confirmed);
    // fsync (where the server can), the mode, then close: what makes a written file whole.
    void appendSeal(QList<std::pair<quint8, QByteArray>> &requests, QStringList &whats,
                    const QByteArray &handle, quint32 permissions) const;
    static QByteArray renameFields(const QByteArray &from, const QByteArray &to);
    Result<SftpCodec::Reply> replyTo(quint32 id, const QString &what);
    // Sends requests without waiting, then collects each one's status, in order.
    Result<void> callAllForStatus(const QList<std::pair<quint8, QByteArray>> &requests,
                                  const QStringList &whats);
    Result<SftpCodec::Reply> call(quint8 type, const QByteArray &fields, const QString &what);
    Result<void> callForStatus(quint8 type, const QByteArray &fields, const QString &what);
    Result<Attributes> callForAttributes(quint8 type, const QByteArray &fields,
                                         const QString &what);
    Result<QByteArray> callForString(quint8 type, quint8 expected, const QByteArray &fields,
                                     const QString &what);
    quint32 send(quint8 type, const QByteArray &fields);
    // Waits for the next reply, moving queued bytes meanwhile.
    Result<SftpCodec::Reply> nextReply(const QString &what);
    Result<void> flush();
    Error statusError(const SftpCodec::Reply &reply, const QString &what) const;
    Error malformedError(const QString &what) const;
    QString sshError() const;

    ssh_session m_session;
    ChannelHandle m_channel;
    CancelToken m_cancel;
    Limits m_limits;
    quint32 m_nextId = 1;
    QByteArray m_out;
    QByteArray m_in;
    QByteArray m_scratch; // reads from the channel (ChannelWindow)
    QSet<QByteArray> m_extensions;
    quint64 m_acknowledged = 0;
};

} // namespace relayfleet
