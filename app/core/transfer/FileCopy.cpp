#include "transfer/FileCopy.h"

#include "base/UniqueFd.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace relayfleet {

namespace {

// Files this small (one write request) are sent in batches of up to kBatchFiles files or
// kBatchBytes bytes: through a cellular tunnel each round trip costs ~0.4 s, and a file sent
// alone costs three.
constexpr quint64 kSmallFile = 64 * 1024;
constexpr qsizetype kBatchFiles = 32;
constexpr quint64 kBatchBytes = 1024 * 1024;

constexpr int kMaxDepth = 64;
constexpr quint32 kPermissionBits = 07777;

QByteArray joinRemote(const QByteArray &folder, const QByteArray &name)
{
    if (folder.isEmpty() || folder == ".") {
        return name;
    }
    return folder.endsWith('/') ? QByteArray(folder + name) : QByteArray(folder + '/' + name);
}

QByteArray remoteBaseName(const QByteArray &path)
{
    QByteArray trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith('/')) {
        trimmed.chop(1);
    }
    return trimmed.mid(trimmed.lastIndexOf('/') + 1);
}

QString shownRemote(const QByteArray &path)
{
    return path.isEmpty() ? QStringLiteral("~") : QString::fromUtf8(path);
}

QString systemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}

std::optional<quint32> localMode(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return std::nullopt;
    }
    return static_cast<quint32>(info.st_mode) & kPermissionBits;
}

} // namespace

QByteArray FileCopy::remoteName(const QString &path)
{
    if (path == QLatin1String("~")) {
        return ".";
    }
    if (path.startsWith(QLatin1String("~/"))) {
        return path.mid(2).toUtf8();
    }
    return path.toUtf8();
}

QByteArray FileCopy::temporaryName(const QByteArray &target)
{
    const qsizetype slash = target.lastIndexOf('/');
    const QByteArray folder = slash < 0 ? QByteArray() : target.left(slash + 1);
    const QByteArray name = target.mid(slash + 1);
    // Hidden, recognisably ours, and unique: two uploads of one file never share it.
    return QByteArray(folder + '.' + name.left(100) + ".relayfleet-" +
                      QByteArray::number(QRandomGenerator::system()->generate64(), 36) + ".part");
}

quint64 FileCopy::localSize(const QStringList &localPaths, bool recursive)
{
    quint64 total = 0;
    for (const QString &path : localPaths) {
        const QFileInfo info(path);
        if (info.isFile()) {
            total += static_cast<quint64>(info.size());
        } else if (info.isDir() && recursive) {
            QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                it.next();
                total += static_cast<quint64>(it.fileInfo().size());
            }
        }
    }
    return total;
}

Result<FileCopy::Summary> FileCopy::upload(SftpClient &sftp, const QStringList &localPaths,
                                           const QString &remotePath, const Options &options,
                                           const Progress &progress)
{
    if (!sftp.canRenameAtomically()) {
        return Error::make(Error::Code::Protocol,
                           tr("The device's SFTP server cannot replace a file in one step (it "
                              "lacks OpenSSH's posix-rename), so nothing was copied: a copy "
                              "could leave a half-written file."));
    }
    auto plan = planUpload(sftp, localPaths, remoteName(remotePath), options);
    if (!plan) {
        return plan.error();
    }
    Summary summary;
    summary.skipped = plan->skipped;
    if (auto sent = sendPlan(sftp, *plan, summary, progress); !sent) {
        Error error = sent.error();
        if (summary.files > 0) {
            error.message += QLatin1Char(' ') +
                             tr("%n other file(s) were copied whole.", nullptr, summary.files);
        }
        return error;
    }
    return summary;
}

Result<void> FileCopy::sendPlan(SftpClient &sftp, const Plan &plan, Summary &summary,
                                const Progress &progress)
{
    if (!plan.items.isEmpty()) {
        summary.destination = shownRemote(plan.items.first().remote);
    }
    if (auto made = makeFolders(sftp, plan, summary); !made) {
        return made;
    }
    // Small files travel together, from every folder: a few round trips for all of them, not
    // three each.
    QList<Item> batch;
    quint64 batchBytes = 0;
    auto sendBatch = [&]() -> Result<void> {
        auto sent = uploadSmallFiles(sftp, batch, summary, plan.total, progress);
        batch.clear();
        batchBytes = 0;
        return sent;
    };
    for (const Item &item : plan.items) {
        if (item.folder) {
            continue;
        }
        if (item.size <= kSmallFile) {
            batch.append(item);
            batchBytes += item.size;
            if (batch.size() >= kBatchFiles || batchBytes >= kBatchBytes) {
                if (auto sent = sendBatch(); !sent) {
                    return sent;
                }
            }
            continue;
        }
        if (auto sent = uploadFile(sftp, item, summary.bytes, plan.total, progress); !sent) {
            return sent;
        }
        summary.bytes += sftp.acknowledged();
        ++summary.files;
    }
    return sendBatch();
}

// Every folder of the plan at once, parents first; one that exists already is used as it is.
Result<void> FileCopy::makeFolders(SftpClient &sftp, const Plan &plan, Summary &summary)
{
    QList<std::pair<QByteArray, quint32>> folders;
    for (const Item &item : plan.items) {
        if (item.folder) {
            folders.append({item.remote, item.mode});
        }
    }
    if (folders.isEmpty()) {
        return {};
    }
    const QList<std::optional<Error>> errors = sftp.makeDirectories(folders);
    for (qsizetype i = 0; i < folders.size(); ++i) {
        if (errors.at(i)) {
            const auto existing = sftp.stat(folders.at(i).first);
            if (!existing || !existing->isDirectory()) {
                return *errors.at(i);
            }
        }
        ++summary.folders;
    }
    return {};
}

Result<void> FileCopy::uploadSmallFiles(SftpClient &sftp, const QList<Item> &batch,
                                        Summary &summary, quint64 total, const Progress &progress)
{
    if (batch.isEmpty()) {
        return {};
    }
    QList<SftpClient::SmallFile> files;
    for (const Item &item : batch) {
        QFile source(item.local);
        if (!source.open(QIODevice::ReadOnly)) {
            return Error::make(Error::Code::Io,
                               tr("Cannot read %1: %2").arg(item.local, source.errorString()));
        }
        // Read as it is now: a file that grew since it was measured is sent whole.
        files.append({temporaryName(item.remote), item.remote, source.readAll(), item.mode});
    }
    const quint64 before = summary.bytes;
    const auto results = sftp.putFiles(files, [&](quint64 done) {
        if (progress) {
            progress(before + done, total);
        }
    });
    QList<qsizetype> failed;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (results.at(i).committed) {
            summary.bytes += static_cast<quint64>(files.at(i).contents.size());
            ++summary.files;
        } else {
            failed.append(i);
        }
    }
    if (failed.isEmpty()) {
        return {};
    }
    // Nothing of a file that failed replaces its target; its partial copy goes.
    QList<std::pair<QByteArray, QByteArray>> partial;
    for (qsizetype i : failed) {
        partial.append({results.at(i).handle, files.at(i).temporary});
    }
    const QList<bool> removed = sftp.discardAll(partial);
    const qsizetype first = failed.first();
    const auto &result = results.at(first);
    return stoppedError(batch.at(first), result.acknowledged, *result.error,
                        removed.first() || result.handle.isEmpty(), files.at(first).temporary);
}

Result<FileCopy::Plan> FileCopy::planUpload(SftpClient &sftp, const QStringList &localPaths,
                                            const QByteArray &remote, const Options &options)
{
    bool remoteIsFolder = false;
    const QByteArray asked = remote.isEmpty() ? QByteArray(".") : remote;
    if (auto attributes = sftp.stat(asked)) {
        remoteIsFolder = attributes->isDirectory();
    } else if (attributes.error().code != Error::Code::NotFound) {
        return attributes.error();
    } else if (remote.isEmpty() || remote.endsWith('/')) {
        return Error::make(Error::Code::NotFound,
                           tr("There is no folder %1 on the device.").arg(shownRemote(remote)));
    }
    if (localPaths.size() > 1 && !remoteIsFolder) {
        return Error::make(Error::Code::InvalidInput,
                           tr("%1 is not a folder on the device; copying several files needs "
                              "one.")
                               .arg(shownRemote(remote)));
    }
    Plan plan;
    for (const QString &path : localPaths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            return Error::make(Error::Code::NotFound, tr("There is no file %1.").arg(path));
        }
        const QByteArray target =
            remoteIsFolder ? joinRemote(remote, QFile::encodeName(info.fileName())) : remote;
        if (auto added = addLocal(plan, info, target, options, 0); !added) {
            return added.error();
        }
    }
    return plan;
}

Result<void> FileCopy::addLocal(Plan &plan, const QFileInfo &info, const QByteArray &target,
                                const Options &options, int depth)
{
    const QString path = info.filePath();
    if (depth > 0 && info.isSymLink()) {
        plan.skipped.append(tr("%1 (a symbolic link)").arg(path)); // named ones are followed
    } else if (info.isDir()) {
        if (!options.recursive) {
            return Error::make(Error::Code::InvalidInput,
                               tr("%1 is a folder: copy it with -r.").arg(path));
        }
        if (depth > kMaxDepth) {
            plan.skipped.append(tr("%1 (nested too deep)").arg(path));
            return {};
        }
        plan.items.append(Item{path, target, 0, localMode(path).value_or(0755), true});
        const QFileInfoList entries = QDir(path).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries) {
            const QByteArray inside = joinRemote(target, QFile::encodeName(entry.fileName()));
            if (auto added = addLocal(plan, entry, inside, options, depth + 1); !added) {
                return added;
            }
        }
    } else if (info.isFile()) {
        if (!info.isReadable()) {
            return Error::make(Error::Code::Io, tr("Cannot read %1.").arg(path));
        }
        const quint32 mode = options.mode.value_or(localMode(path).value_or(0644));
        plan.items.append(Item{path, target, static_cast<quint64>(info.size()), mode, false});
        plan.total += static_cast<quint64>(info.size());
    } else {
        plan.skipped.append(tr("%1 (not a regular file)").arg(path));
    }
    return {};
}

Result<void> FileCopy::uploadFile(SftpClient &sftp, const Item &item, quint64 before, quint64 total,
                                  const Progress &progress)
{
    UniqueFd source(::open(QFile::encodeName(item.local).constData(), O_RDONLY | O_CLOEXEC));
    if (!source.isValid()) {
        return Error::make(Error::Code::Io,
                           tr("Cannot read %1: %2").arg(item.local, systemError()));
    }
    const QByteArray temporary = temporaryName(item.remote);
    SftpClient::Attributes privateMode;
    privateMode.permissions = 0600;
    auto handle = sftp.open(temporary,
                            SftpCodec::OpenWrite | SftpCodec::OpenCreate | SftpCodec::OpenExclusive,
                            privateMode);
    if (!handle) {
        return handle.error();
    }
    auto written = sftp.writeFrom(*handle, source.get(), [&](quint64 done) {
        if (progress) {
            progress(before + done, total);
        }
    });
    const quint64 arrived = sftp.acknowledged();
    Result<void> finished = written ? sftp.commit(*handle, temporary, item.remote, item.mode)
                                    : Result<void>(written.error());
    if (finished) {
        return {};
    }
    // The target was never touched; take the partial copy away if the session still works.
    const bool removed = sftp.discard(*handle, temporary);
    return stoppedError(item, arrived, finished.error(), removed, temporary);
}

Error FileCopy::stoppedError(const Item &item, quint64 arrived, const Error &error, bool removed,
                             const QByteArray &temporary)
{
    QString why = error.message;
    if (why.endsWith(QLatin1Char('.'))) {
        why.chop(1);
    }
    QString message = tr("Sending %1 stopped after %2 of %3 bytes: %4. %5 on the device was not "
                         "changed.")
                          .arg(item.local)
                          .arg(arrived)
                          .arg(item.size)
                          .arg(why, shownRemote(item.remote));
    if (!removed) {
        message += QLatin1Char(' ') +
                   tr("A partial copy may remain there as %1.").arg(shownRemote(temporary));
    }
    return Error::make(error.code, message);
}

Result<FileCopy::Summary> FileCopy::download(SftpClient &sftp, const QString &remotePath,
                                             const QString &localPath, const Options &options,
                                             const Progress &progress)
{
    auto plan = planDownload(sftp, remoteName(remotePath), localPath, options);
    if (!plan) {
        return plan.error();
    }
    Summary summary;
    summary.skipped = plan->skipped;
    for (const Item &item : plan->items) {
        if (summary.destination.isEmpty()) {
            summary.destination = item.local;
        }
        if (item.folder) {
            if (::mkdir(QFile::encodeName(item.local).constData(), item.mode) != 0 &&
                !(errno == EEXIST && QFileInfo(item.local).isDir())) {
                return Error::make(
                    Error::Code::Io,
                    tr("Cannot create the folder %1: %2").arg(item.local, systemError()));
            }
            ++summary.folders;
            continue;
        }
        if (auto received = downloadFile(sftp, item, summary.bytes, plan->total, progress);
            !received) {
            return received.error();
        }
        summary.bytes += sftp.acknowledged();
        ++summary.files;
    }
    return summary;
}

Result<FileCopy::Plan> FileCopy::planDownload(SftpClient &sftp, const QByteArray &remote,
                                              const QString &localPath, const Options &options)
{
    const QByteArray asked = remote.isEmpty() ? QByteArray(".") : remote;
    auto attributes = sftp.stat(asked);
    if (!attributes) {
        return attributes.error();
    }
    QByteArray name = remoteBaseName(asked);
    if (name == "." || name == ".." || name.isEmpty() || name == "/") {
        auto real = sftp.realPath(asked);
        if (!real) {
            return real.error();
        }
        name = remoteBaseName(*real);
    }
    const QFileInfo localInfo(localPath);
    const QString target =
        localInfo.isDir() ? QDir(localPath).filePath(QFile::decodeName(name)) : localPath;
    Plan plan;
    const quint32 fallback = attributes->isDirectory() ? 0755 : 0644;
    const quint32 mode =
        options.mode.value_or(attributes->permissions.value_or(fallback) & kPermissionBits);
    if (attributes->isDirectory()) {
        if (!options.recursive) {
            return Error::make(
                Error::Code::InvalidInput,
                tr("%1 is a folder on the device: copy it with -r.").arg(shownRemote(remote)));
        }
        plan.items.append(
            Item{target, asked, 0, attributes->permissions.value_or(0755) & 0777, true});
        if (auto added = addRemoteTree(sftp, plan, asked, target, options, 0); !added) {
            return added.error();
        }
    } else if (attributes->isRegularFile() || !attributes->permissions) {
        plan.items.append(Item{target, asked, attributes->size.value_or(0), mode, false});
        plan.total += attributes->size.value_or(0);
    } else {
        return Error::make(Error::Code::InvalidInput,
                           tr("%1 on the device is not a regular file.").arg(shownRemote(remote)));
    }
    return plan;
}

Result<void> FileCopy::addRemoteTree(SftpClient &sftp, Plan &plan, const QByteArray &remote,
                                     const QString &local, const Options &options, int depth)
{
    if (depth > kMaxDepth) {
        plan.skipped.append(tr("%1 (nested too deep)").arg(shownRemote(remote)));
        return {};
    }
    auto entries = sftp.list(remote);
    if (!entries) {
        return entries.error();
    }
    for (const SftpClient::NameEntry &entry : *entries) {
        if (entry.name.contains('/')) {
            continue; // a name no honest server sends: it would leave the folder
        }
        const QByteArray path = joinRemote(remote, entry.name);
        const QString target = QDir(local).filePath(QFile::decodeName(entry.name));
        const auto &attributes = entry.attributes;
        if (attributes.isDirectory()) {
            plan.items.append(
                Item{target, path, 0, attributes.permissions.value_or(0755) & 0777, true});
            if (auto added = addRemoteTree(sftp, plan, path, target, options, depth + 1); !added) {
                return added;
            }
        } else if (attributes.isRegularFile()) {
            const quint32 mode =
                options.mode.value_or(attributes.permissions.value_or(0644) & kPermissionBits);
            plan.items.append(Item{target, path, attributes.size.value_or(0), mode, false});
            plan.total += attributes.size.value_or(0);
        } else {
            plan.skipped.append(
                tr("%1 (a symbolic link or not a regular file)").arg(shownRemote(path)));
        }
    }
    return {};
}

Result<void> FileCopy::downloadFile(SftpClient &sftp, const Item &item, quint64 before,
                                    quint64 total, const Progress &progress)
{
    const QFileInfo info(item.local);
    const QString temporary = QFile::decodeName(temporaryName(QFile::encodeName(item.local)));
    UniqueFd sink(::open(QFile::encodeName(temporary).constData(),
                         O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!sink.isValid()) {
        return Error::make(
            Error::Code::Io,
            tr("Cannot create a file in %1: %2").arg(info.absolutePath(), systemError()));
    }
    auto fail = [&](const Error &error) {
        ::unlink(QFile::encodeName(temporary).constData());
        QString why = error.message;
        if (why.endsWith(QLatin1Char('.'))) {
            why.chop(1);
        }
        return Error::make(error.code,
                           tr("Receiving %1 stopped after %2 of %3 bytes: %4. %5 was not changed.")
                               .arg(shownRemote(item.remote))
                               .arg(sftp.acknowledged())
                               .arg(item.size)
                               .arg(why, item.local));
    };
    auto handle = sftp.open(item.remote, SftpCodec::OpenRead, {});
    if (!handle) {
        return fail(handle.error());
    }
    auto received = sftp.readInto(*handle, sink.get(), [&](quint64 done) {
        if (progress) {
            progress(before + done, total);
        }
    });
    auto closed = sftp.close(*handle);
    if (!received) {
        return fail(received.error());
    }
    if (!closed) {
        return fail(closed.error());
    }
    if (::fsync(sink.get()) != 0 || ::fchmod(sink.get(), item.mode) != 0 ||
        ::close(sink.release()) != 0) {
        return fail(Error::make(Error::Code::Io, systemError()));
    }
    if (::rename(QFile::encodeName(temporary).constData(),
                 QFile::encodeName(item.local).constData()) != 0) {
        return fail(Error::make(Error::Code::Io, systemError()));
    }
    return {};
}

} // namespace relayfleet
