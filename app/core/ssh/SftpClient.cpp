#include "ssh/SftpClient.h"

#include "ssh/ChannelWindow.h"
#include "ssh/SshSession.h"
#include "ssh/SshWait.h"

#include <QDeadlineTimer>
#include <QHash>
#include <cerrno>
#include <cstring>
#include <libssh/libssh.h>
#include <poll.h>
#include <unistd.h>

namespace relayfleet {

namespace {

// How many request bytes may wait for the channel's window before no more are made.
constexpr qsizetype kMaxQueuedOut = 1024 * 1024;

} // namespace

SftpClient::SftpClient(ssh_session session, ChannelHandle channel, CancelToken cancel,
                       Limits limits)
    : m_session(session)
    , m_channel(std::move(channel))
    , m_cancel(std::move(cancel))
    , m_limits(limits)
{
}

SftpClient::~SftpClient()
{
    if (m_channel && ssh_channel_is_open(m_channel.get())) {
        ssh_channel_close(m_channel.get());
    }
}

Result<std::unique_ptr<SftpClient>> SftpClient::start(SshSession &sshSession,
                                                      const QDeadlineTimer &deadline,
                                                      const CancelToken &cancel, Limits limits)
{
    ssh_session session = sshSession.get();
    ssh_set_blocking(session, 0);
    auto channel = sshSession.openSessionChannel(deadline, cancel);
    if (!channel) {
        return channel.error();
    }
    ssh_channel ch = channel->get();
    std::unique_ptr<SftpClient> client(
        new SftpClient(session, std::move(*channel), cancel, limits));
    // The version request goes out right behind the subsystem request, not after its reply:
    // sshd takes the request before the data that follows it (one round trip saved).
    bool initQueued = false;
    auto started = driveSshStep(
        session,
        [&] {
            const int rc = ssh_channel_request_subsystem(ch, "sftp");
            if (rc == SSH_AGAIN && !initQueued) {
                client->m_out.append(SftpCodec::init());
                initQueued = true;
            }
            return rc;
        },
        deadline, cancel, tr("starting SFTP"));
    if (!started) {
        return started.error();
    }
    if (started.value() != SSH_OK) {
        return Error::make(
            Error::Code::ChannelFailed,
            tr("%1 has no SFTP server (its sshd refused the sftp subsystem: %2).")
                .arg(sshSession.target().who, QString::fromUtf8(ssh_get_error(session))));
    }
    if (!initQueued) {
        client->m_out.append(SftpCodec::init());
    }
    auto version = client->nextReply(tr("starting SFTP"));
    if (!version) {
        return version.error();
    }
    quint32 number = 0;
    const auto extensions = version->type == SftpCodec::Version
                                ? SftpCodec::readVersion(version->body, number)
                                : std::nullopt;
    if (!extensions || number < 3) {
        return Error::make(
            Error::Code::Protocol,
            tr("%1's SFTP server does not speak SFTP version 3.").arg(sshSession.target().who));
    }
    for (const QByteArray &name : *extensions) {
        client->m_extensions.insert(name);
    }
    return client;
}

QString SftpClient::sshError() const
{
    return QString::fromUtf8(ssh_get_error(m_session));
}

quint32 SftpClient::send(quint8 type, const QByteArray &fields)
{
    const quint32 id = m_nextId++;
    m_out.append(SftpCodec::request(type, id, fields));
    return id;
}

Result<void> SftpClient::flush()
{
    ssh_channel ch = m_channel.get();
    while (!m_out.isEmpty()) {
        const uint32_t window = ssh_channel_window_size(ch);
        if (window == 0) {
            return {};
        }
        const auto size = static_cast<uint32_t>(std::min<qsizetype>(m_out.size(), window));
        const int written = ssh_channel_write(ch, m_out.constData(), size);
        if (written < 0) {
            return Error::make(
                Error::Code::RelayLost,
                tr("The connection broke during the file transfer: %1").arg(sshError()));
        }
        if (written == 0) {
            return {};
        }
        m_out.remove(0, written);
    }
    return {};
}

Result<SftpCodec::Reply> SftpClient::nextReply(const QString &what)
{
    ssh_channel ch = m_channel.get();
    QDeadlineTimer stall(m_limits.stallTimeoutMs);
    for (;;) {
        bool malformed = false;
        if (auto reply = SftpCodec::takeReply(m_in, malformed)) {
            return std::move(*reply);
        }
        if (malformed) {
            return malformedError(what);
        }
        const qsizetype queued = m_out.size();
        if (auto flushed = flush(); !flushed) {
            return flushed.error();
        }
        const int n = ChannelWindow::read(ch, m_scratch);
        if (n > 0) {
            m_in.append(m_scratch.constData(), n);
            stall.setRemainingTime(m_limits.stallTimeoutMs);
            continue;
        }
        if (n == SSH_ERROR) {
            return Error::make(Error::Code::RelayLost,
                               tr("The connection broke during %1: %2").arg(what, sshError()));
        }
        if (n == SSH_EOF || ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch)) {
            return Error::make(Error::Code::Protocol,
                               tr("The device's SFTP server ended during %1.").arg(what));
        }
        if (m_out.size() < queued) { // something went out: not stalled
            stall.setRemainingTime(m_limits.stallTimeoutMs);
        }
        if (m_cancel.isCancelled()) {
            return cancelledError(what);
        }
        if (stall.hasExpired()) {
            return Error::make(Error::Code::Timeout,
                               tr("Nothing moved for %1 s during %2: the link to the device "
                                  "stalled.")
                                   .arg(m_limits.stallTimeoutMs / 1000)
                                   .arg(what));
        }
        if (!ssh_is_connected(m_session)) {
            return Error::make(Error::Code::RelayLost,
                               tr("The connection closed during %1.").arg(what));
        }
        // Writable only matters right after a write (libssh may hold the end of it); waiting
        // for a window to open is waiting for the peer, which wakes us as readable.
        const bool wrote = m_out.size() < queued;
        pollfd fd{ssh_get_fd(m_session), static_cast<short>(POLLIN | (wrote ? POLLOUT : 0)), 0};
        ::poll(&fd, 1, 100);
    }
}

Error SftpClient::malformedError(const QString &what) const
{
    return Error::make(Error::Code::Protocol,
                       tr("The device's SFTP server sent a malformed reply during %1.").arg(what));
}

QString SftpClient::describe(const SftpCodec::StatusReply &status) const
{
    QString text;
    switch (status.code) {
    case SftpCodec::NoSuchFile:
        text = tr("no such file or directory");
        break;
    case SftpCodec::PermissionDenied:
        text = tr("permission denied");
        break;
    case SftpCodec::Unsupported:
        text = tr("not supported by the device's SFTP server");
        break;
    case SftpCodec::Eof:
        text = tr("end of file");
        break;
    default:
        text = tr("failed");
        break;
    }
    const QString detail = QString::fromUtf8(status.message.left(200)).trimmed();
    if (!detail.isEmpty() && detail.compare(text, Qt::CaseInsensitive) != 0) {
        text += QStringLiteral(" (%1)").arg(detail);
    }
    return text;
}

Error SftpClient::statusError(const SftpCodec::Reply &reply, const QString &what) const
{
    if (reply.type != SftpCodec::Status) {
        return malformedError(what);
    }
    const auto status = SftpCodec::readStatus(reply.body);
    if (!status) {
        return malformedError(what);
    }
    const Error::Code code =
        status->code == SftpCodec::NoSuchFile ? Error::Code::NotFound : Error::Code::Io;
    // "%1: %2" reads "creating /home/pi/x: permission denied".
    return Error::make(code, tr("%1: %2").arg(what, describe(*status)));
}

Result<SftpCodec::Reply> SftpClient::call(quint8 type, const QByteArray &fields,
                                          const QString &what)
{
    return replyTo(send(type, fields), what);
}

Result<SftpCodec::Reply> SftpClient::replyTo(quint32 id, const QString &what)
{
    for (;;) {
        auto reply = nextReply(what);
        if (!reply) {
            return reply.error();
        }
        if (reply->id == id) {
            return reply;
        }
        // A late answer to a request given up on (after a failure in a batch).
    }
}

Result<void> SftpClient::callForStatus(quint8 type, const QByteArray &fields, const QString &what)
{
    auto reply = call(type, fields, what);
    if (!reply) {
        return reply.error();
    }
    if (reply->type == SftpCodec::Status) {
        const auto status = SftpCodec::readStatus(reply->body);
        if (status && status->code == SftpCodec::Ok) {
            return {};
        }
    }
    return statusError(*reply, what);
}

Result<SftpClient::Attributes> SftpClient::callForAttributes(quint8 type, const QByteArray &fields,
                                                             const QString &what)
{
    auto reply = call(type, fields, what);
    if (!reply) {
        return reply.error();
    }
    if (reply->type != SftpCodec::Attrs) {
        return statusError(*reply, what);
    }
    auto attributes = SftpCodec::readAttributes(reply->body);
    if (!attributes) {
        return malformedError(what);
    }
    return *attributes;
}

Result<QByteArray> SftpClient::callForString(quint8 type, quint8 expected, const QByteArray &fields,
                                             const QString &what)
{
    auto reply = call(type, fields, what);
    if (!reply) {
        return reply.error();
    }
    if (reply->type != expected) {
        return statusError(*reply, what);
    }
    auto value = SftpCodec::readString(reply->body);
    if (!value) {
        return malformedError(what);
    }
    return *value;
}

namespace {

QByteArray pathField(const QByteArray &path)
{
    QByteArray fields;
    SftpCodec::appendString(fields, path);
    return fields;
}

QString shown(const QByteArray &path)
{
    return QString::fromUtf8(path.left(300));
}

} // namespace

Result<SftpClient::Attributes> SftpClient::stat(const QByteArray &path)
{
    return callForAttributes(SftpCodec::Stat, pathField(path), tr("reading %1").arg(shown(path)));
}

Result<SftpClient::Attributes> SftpClient::lstat(const QByteArray &path)
{
    return callForAttributes(SftpCodec::Lstat, pathField(path), tr("reading %1").arg(shown(path)));
}

Result<QByteArray> SftpClient::realPath(const QByteArray &path)
{
    const QString what = tr("resolving %1").arg(shown(path));
    auto reply = call(SftpCodec::Realpath, pathField(path), what);
    if (!reply) {
        return reply.error();
    }
    if (reply->type != SftpCodec::Name) {
        return statusError(*reply, what);
    }
    const auto names = SftpCodec::readNames(reply->body);
    if (!names || names->size() != 1) {
        return malformedError(what);
    }
    return names->first().name;
}

Result<QList<SftpClient::NameEntry>> SftpClient::list(const QByteArray &directory)
{
    const QString what = tr("listing %1").arg(shown(directory));
    auto handle = callForString(SftpCodec::Opendir, SftpCodec::Handle, pathField(directory), what);
    if (!handle) {
        return handle.error();
    }
    QList<NameEntry> entries;
    constexpr int kMaxEntries = 1000000;
    for (;;) {
        auto reply = call(SftpCodec::Readdir, pathField(*handle), what);
        if (!reply) {
            return reply.error();
        }
        if (reply->type == SftpCodec::Status) {
            const auto status = SftpCodec::readStatus(reply->body);
            if (status && status->code == SftpCodec::Eof) {
                break;
            }
            return statusError(*reply, what);
        }
        const auto names =
            reply->type == SftpCodec::Name ? SftpCodec::readNames(reply->body) : std::nullopt;
        if (!names) {
            return malformedError(what);
        }
        for (const NameEntry &entry : *names) {
            if (entry.name != "." && entry.name != "..") {
                entries.append(entry);
            }
        }
        if (entries.size() > kMaxEntries) {
            return Error::make(
                Error::Code::InvalidInput,
                tr("%1 has more than %2 entries.").arg(shown(directory)).arg(kMaxEntries));
        }
    }
    if (auto closed = close(*handle); !closed) {
        return closed.error();
    }
    return entries;
}

Result<void> SftpClient::remove(const QByteArray &path)
{
    return callForStatus(SftpCodec::Remove, pathField(path), tr("removing %1").arg(shown(path)));
}

Result<QByteArray> SftpClient::open(const QByteArray &path, quint32 flags,
                                    const Attributes &attributes)
{
    QByteArray fields = pathField(path);
    SftpCodec::appendU32(fields, flags);
    SftpCodec::appendAttributes(fields, attributes);
    const QString what = (flags & SftpCodec::OpenWrite) ? tr("creating %1").arg(shown(path))
                                                        : tr("opening %1").arg(shown(path));
    return callForString(SftpCodec::Open, SftpCodec::Handle, fields, what);
}

Result<void> SftpClient::close(const QByteArray &handle)
{
    return callForStatus(SftpCodec::Close, pathField(handle), tr("closing a file"));
}

Result<void> SftpClient::callAllForStatus(const QList<std::pair<quint8, QByteArray>> &requests,
                                          const QStringList &whats)
{
    QList<quint32> ids;
    for (const auto &[type, fields] : requests) {
        ids.append(send(type, fields));
    }
    std::optional<Error> first;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (;;) {
            auto reply = nextReply(whats.at(i));
            if (!reply) {
                return reply.error(); // the session is gone: nothing more will answer
            }
            if (reply->id != ids.at(i)) {
                continue;
            }
            const auto status = reply->type == SftpCodec::Status
                                    ? SftpCodec::readStatus(reply->body)
                                    : std::nullopt;
            if ((!status || status->code != SftpCodec::Ok) && !first) {
                first = statusError(*reply, whats.at(i));
            }
            break;
        }
    }
    if (first) {
        return *first;
    }
    return {};
}

Result<void> SftpClient::commit(const QByteArray &handle, const QByteArray &temporary,
                                const QByteArray &target, quint32 permissions)
{
    if (!canRenameAtomically()) {
        return Error::make(Error::Code::Protocol,
                           tr("The device's SFTP server cannot replace a file in one step (it "
                              "lacks OpenSSH's posix-rename)."));
    }
    QList<std::pair<quint8, QByteArray>> requests;
    QStringList whats;
    appendSeal(requests, whats, handle, permissions);
    requests.append({SftpCodec::Extended, renameFields(temporary, target)});
    whats.append(tr("renaming %1 to %2").arg(shown(temporary), shown(target)));
    return callAllForStatus(requests, whats);
}

void SftpClient::appendSeal(QList<std::pair<quint8, QByteArray>> &requests, QStringList &whats,
                            const QByteArray &handle, quint32 permissions) const
{
    if (m_extensions.contains("fsync@openssh.com")) {
        QByteArray fields;
        SftpCodec::appendString(fields, "fsync@openssh.com");
        SftpCodec::appendString(fields, handle);
        requests.append({SftpCodec::Extended, fields});
        whats.append(tr("writing a file to the device's storage"));
    }
    QByteArray mode = pathField(handle);
    Attributes attributes;
    attributes.permissions = permissions;
    SftpCodec::appendAttributes(mode, attributes);
    requests.append({SftpCodec::Fsetstat, mode});
    whats.append(tr("setting a file's mode"));
    requests.append({SftpCodec::Close, pathField(handle)});
    whats.append(tr("closing a file"));
}

QByteArray SftpClient::renameFields(const QByteArray &from, const QByteArray &to)
{
    QByteArray fields;
    SftpCodec::appendString(fields, "posix-rename@openssh.com");
    SftpCodec::appendString(fields, from);
    SftpCodec::appendString(fields, to);
    return fields;
}

QList<SftpClient::SmallFileResult> SftpClient::putFiles(const QList<SmallFile> &files,
                                                        const Progress &progress)
{
    QList<SmallFileResult> results(files.size());
    if (!canRenameAtomically()) {
        for (SmallFileResult &result : results) {
            result.error = Error::make(Error::Code::Protocol,
                                       tr("The device's SFTP server cannot replace a file in one "
                                          "step (it lacks OpenSSH's posix-rename)."));
        }
        return results;
    }
    openAll(files, results);
    // The data and the seal of every file created, together.
    QList<Batched> sealing;
    const QString sending = tr("sending a file");
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (results[i].error) {
            continue;
        }
        const QByteArray &contents = files[i].contents;
        for (qsizetype offset = 0; offset < contents.size(); offset += m_limits.chunkSize) {
            const QByteArray chunk = contents.mid(offset, m_limits.chunkSize);
            QByteArray fields = pathField(results[i].handle);
            SftpCodec::appendU64(fields, static_cast<quint64>(offset));
            SftpCodec::appendString(fields, chunk);
            sealing.append(
                {send(SftpCodec::Write, fields), i, static_cast<quint32>(chunk.size()), sending});
        }
        QList<std::pair<quint8, QByteArray>> requests;
        QStringList whats;
        appendSeal(requests, whats, results[i].handle, files[i].permissions);
        for (qsizetype k = 0; k < requests.size(); ++k) {
            sealing.append({send(requests[k].first, requests[k].second), i, 0, whats[k]});
        }
    }
    quint64 acknowledged = 0;
    collectBatch(sealing, results, [&](quint32 bytes) {
        acknowledged += bytes;
        if (progress && bytes > 0) {
            progress(acknowledged);
        }
    });
    // Only a file whose every byte and seal were confirmed replaces its target: a rename in the
    // same flight as a write that failed would put a short file in place.
    QList<Batched> renaming;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (!results[i].error) {
            renaming.append(
                {send(SftpCodec::Extended, renameFields(files[i].temporary, files[i].target)), i, 0,
                 tr("renaming %1 to %2").arg(shown(files[i].temporary), shown(files[i].target))});
        }
    }
    collectBatch(renaming, results, {});
    for (SmallFileResult &result : results) {
        result.committed = !result.error;
    }
    return results;
}

// Every temporary file created at once (exclusively, readable only by its owner).
void SftpClient::openAll(const QList<SmallFile> &files, QList<SmallFileResult> &results)
{
    QList<quint32> opens;
    for (const SmallFile &file : files) {
        QByteArray fields = pathField(file.temporary);
        SftpCodec::appendU32(fields, SftpCodec::OpenWrite | SftpCodec::OpenCreate |
                                         SftpCodec::OpenExclusive);
        Attributes privateMode;
        privateMode.permissions = 0600;
        SftpCodec::appendAttributes(fields, privateMode);
        opens.append(send(SftpCodec::Open, fields));
    }
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString what = tr("creating %1").arg(shown(files[i].temporary));
        auto reply = replyTo(opens[i], what);
        if (!reply) { // the session is gone: nothing more will answer
            for (qsizetype j = i; j < files.size(); ++j) {
                results[j].error = reply.error();
            }
            return;
        }
        if (reply->type != SftpCodec::Handle) {
            results[i].error = statusError(*reply, what);
            continue;
        }
        if (auto handle = SftpCodec::readString(reply->body)) {
            results[i].handle = *handle;
        } else {
            results[i].error = malformedError(what);
        }
    }
}

// Reads the answer to every request of `batch`, in any order; the first failure of a file is
// its error. When the session breaks, every file still waiting gets that error.
void SftpClient::collectBatch(const QList<Batched> &batch, QList<SmallFileResult> &results,
                              const std::function<void(quint32 bytes)> &confirmed)
{
    QHash<quint32, Batched> waiting;
    for (const Batched &request : batch) {
        waiting.insert(request.id, request);
    }
    while (!waiting.isEmpty()) {
        auto reply = nextReply(waiting.cbegin()->what);
        if (!reply) {
            for (const Batched &request : std::as_const(waiting)) {
                if (!results[request.file].error) {
                    results[request.file].error = reply.error();
                }
            }
            return;
        }
        const auto request = waiting.constFind(reply->id);
        if (request == waiting.constEnd()) {
            continue; // a late answer to a request given up on
        }
        SmallFileResult &result = results[request->file];
        const auto status =
            reply->type == SftpCodec::Status ? SftpCodec::readStatus(reply->body) : std::nullopt;
        if (!status || status->code != SftpCodec::Ok) {
            if (!result.error) {
                result.error = statusError(*reply, request->what);
            }
        } else {
            result.acknowledged += request->bytes;
            if (confirmed) {
                confirmed(request->bytes);
            }
        }
        waiting.erase(request);
    }
}

bool SftpClient::discard(const QByteArray &handle, const QByteArray &path)
{
    return discardAll({{handle, path}}).first();
}

QList<std::optional<Error>>
SftpClient::makeDirectories(const QList<std::pair<QByteArray, quint32>> &folders)
{
    QList<SmallFileResult> results(folders.size());
    QList<Batched> requests;
    for (qsizetype i = 0; i < folders.size(); ++i) {
        const auto &[path, permissions] = folders.at(i);
        QByteArray fields = pathField(path);
        Attributes attributes;
        attributes.permissions = permissions;
        SftpCodec::appendAttributes(fields, attributes);
        requests.append(
            {send(SftpCodec::Mkdir, fields), i, 0, tr("creating the folder %1").arg(shown(path))});
    }
    collectBatch(requests, results, {});
    QList<std::optional<Error>> errors;
    for (const SmallFileResult &result : std::as_const(results)) {
        errors.append(result.error);
    }
    return errors;
}

QList<bool> SftpClient::discardAll(const QList<std::pair<QByteArray, QByteArray>> &files)
{
    constexpr int kDiscardMs = 5000;
    const CancelToken saved = m_cancel;
    const int savedStall = m_limits.stallTimeoutMs;
    m_cancel = CancelToken();
    m_limits.stallTimeoutMs = std::min(savedStall, kDiscardMs);
    // All in one flight, each close before its removal: a close's answer does not matter (the
    // file may be closed already), a removal's does, so closes are counted in slots of their own.
    const qsizetype count = files.size();
    QList<SmallFileResult> results(count * 2);
    QList<Batched> requests;
    for (qsizetype i = 0; i < count; ++i) {
        const auto &[handle, path] = files.at(i);
        if (!handle.isEmpty()) {
            requests.append(
                {send(SftpCodec::Close, pathField(handle)), count + i, 0, tr("closing a file")});
        }
        requests.append(
            {send(SftpCodec::Remove, pathField(path)), i, 0, tr("removing %1").arg(shown(path))});
    }
    collectBatch(requests, results, {});
    m_cancel = saved;
    m_limits.stallTimeoutMs = savedStall;
    QList<bool> removed;
    for (qsizetype i = 0; i < count; ++i) {
        removed.append(!results.at(i).error);
    }
    return removed;
}

Result<quint64> SftpClient::writeFrom(const QByteArray &handle, int fd, const Progress &progress)
{
    const QString what = tr("sending a file");
    QHash<quint32, quint32> inFlight; // request id -> bytes
    quint64 offset = 0;
    bool sourceEnded = false;
    m_acknowledged = 0;
    QByteArray chunk(static_cast<qsizetype>(m_limits.chunkSize), Qt::Uninitialized);
    for (;;) {
        while (!sourceEnded && inFlight.size() < m_limits.maxInFlight &&
               m_out.size() < kMaxQueuedOut) {
            const ssize_t n = ::read(fd, chunk.data(), static_cast<size_t>(chunk.size()));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                return Error::make(Error::Code::Io,
                                   tr("Cannot read the local file: %1")
                                       .arg(QString::fromLocal8Bit(strerror(errno))));
            }
            if (n == 0) {
                sourceEnded = true;
                break;
            }
            QByteArray fields = pathField(handle);
            SftpCodec::appendU64(fields, offset);
            SftpCodec::appendString(fields, QByteArray::fromRawData(chunk.constData(), n));
            inFlight.insert(send(SftpCodec::Write, fields), static_cast<quint32>(n));
            offset += static_cast<quint64>(n);
        }
        if (sourceEnded && inFlight.isEmpty()) {
            return m_acknowledged;
        }
        auto reply = nextReply(what);
        if (!reply) {
            return reply.error();
        }
        const auto sent = inFlight.constFind(reply->id);
        if (sent == inFlight.constEnd()) {
            return malformedError(what);
        }
        const auto status =
            reply->type == SftpCodec::Status ? SftpCodec::readStatus(reply->body) : std::nullopt;
        if (!status || status->code != SftpCodec::Ok) {
            return statusError(*reply, what);
        }
        m_acknowledged += sent.value();
        inFlight.erase(sent);
        if (progress) {
            progress(m_acknowledged);
        }
    }
}

Result<quint64> SftpClient::readInto(const QByteArray &handle, int fd, const Progress &progress)
{
    const QString what = tr("receiving a file");
    struct Span
    {
        quint64 offset;
        quint32 length;
    };
    QHash<quint32, Span> inFlight;
    QList<Span> retry; // the rest of short reads
    quint64 nextOffset = 0;
    std::optional<quint64> end; // where the device said the file ends
    quint64 received = 0;
    auto ask = [&](Span span) {
        QByteArray fields = pathField(handle);
        SftpCodec::appendU64(fields, span.offset);
        SftpCodec::appendU32(fields, span.length);
        inFlight.insert(send(SftpCodec::Read, fields), span);
    };
    for (;;) {
        while (!retry.isEmpty() && inFlight.size() < m_limits.maxInFlight) {
            ask(retry.takeFirst());
        }
        while (!end && inFlight.size() < m_limits.maxInFlight) {
            ask(Span{nextOffset, m_limits.chunkSize});
            nextOffset += m_limits.chunkSize;
        }
        if (inFlight.isEmpty()) {
            return received;
        }
        auto reply = nextReply(what);
        if (!reply) {
            return reply.error();
        }
        const auto asked = inFlight.constFind(reply->id);
        if (asked == inFlight.constEnd()) {
            return malformedError(what);
        }
        const Span span = asked.value();
        inFlight.erase(asked);
        if (reply->type == SftpCodec::Status) {
            const auto status = SftpCodec::readStatus(reply->body);
            if (!status || status->code != SftpCodec::Eof) {
                return statusError(*reply, what);
            }
            end = std::min(end.value_or(span.offset), span.offset);
            continue;
        }
        const auto data =
            reply->type == SftpCodec::Data ? SftpCodec::readString(reply->body) : std::nullopt;
        if (!data || data->isEmpty() || data->size() > static_cast<qsizetype>(span.length)) {
            return malformedError(what);
        }
        qsizetype written = 0;
        while (written < data->size()) {
            const ssize_t w = ::pwrite(fd, data->constData() + written,
                                       static_cast<size_t>(data->size() - written),
                                       static_cast<off_t>(span.offset + written));
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w <= 0) {
                return Error::make(Error::Code::Io,
                                   tr("Cannot write the local file: %1")
                                       .arg(QString::fromLocal8Bit(strerror(errno))));
            }
            written += w;
        }
        received += static_cast<quint64>(data->size());
        m_acknowledged = received;
        if (data->size() < static_cast<qsizetype>(span.length)) {
            retry.append(Span{span.offset + static_cast<quint64>(data->size()),
                              span.length - static_cast<quint32>(data->size())});
        }
        if (progress) {
            progress(received);
        }
    }
}

} // namespace relayfleet
