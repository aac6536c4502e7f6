#pragma once

#include "base/Result.h"
#include "ssh/SftpClient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#include <functional>
#include <optional>

namespace relayfleet {

// Copies files and folders between this computer and one device over an SFTP session, as scp
// does, with two promises scp does not make: a file is never seen half-written (each is
// written under a temporary name beside its target, made durable, then renamed over it), and
// a failure says how far it got and what it left behind.
class FileCopy
{
    Q_DECLARE_TR_FUNCTIONS(FileCopy)
public:
    struct Options
    {
        bool recursive = false;
        std::optional<quint32> mode; // permission bits for every file; default: the source's
    };
    struct Summary
    {
        int files = 0;
        int folders = 0;
        quint64 bytes = 0;
        QStringList skipped; // what was not copied, and why (a symbolic link, a device file)
        QString destination; // where the (first) file landed, as the user would name it
    };
    // Bytes copied so far out of `total` (0 while the total is not known).
    using Progress = std::function<void(quint64 done, quint64 total)>;

    // `remotePath` as the user wrote it after "DEVICE:": relative to the login directory,
    // "~/" allowed, empty for the login directory itself.
    static Result<Summary> upload(SftpClient &sftp, const QStringList &localPaths,
                                  const QString &remotePath, const Options &options,
                                  const Progress &progress);
    static Result<Summary> download(SftpClient &sftp, const QString &remotePath,
                                    const QString &localPath, const Options &options,
                                    const Progress &progress);

    // The total size of what an upload would send (for progress across several devices).
    static quint64 localSize(const QStringList &localPaths, bool recursive);

    // "~/x" → "x", "~" → "." : SFTP paths are relative to the login directory already.
    static QByteArray remoteName(const QString &path);

private:
    struct Item
    {
        QString local; // a file, or a folder to create
        QByteArray remote;
        quint64 size = 0;
        quint32 mode = 0644;
        bool folder = false;
    };
    struct Plan
    {
        QList<Item> items;
        quint64 total = 0;
        QStringList skipped;
    };
    static Result<Plan> planUpload(SftpClient &sftp, const QStringList &localPaths,
                                   const QByteArray &remote, const Options &options);
    // A file or a folder (with what is in it) to the plan; `depth` 0 is what the user named.
    static Result<void> addLocal(Plan &plan, const QFileInfo &info, const QByteArray &target,
                                 const Options &options, int depth);
    static Result<Plan> planDownload(SftpClient &sftp, const QByteArray &remote,
                                     const QString &localPath, const Options &options);
    static Result<void> addRemoteTree(SftpClient &sftp, Plan &plan, const QByteArray &remote,
                                      const QString &local, const Options &options, int depth);
    static Result<void> uploadFile(SftpClient &sftp, const Item &item, quint64 before,
                                   quint64 total, const Progress &progress);
    // Every folder and file of the plan, in order; `summary` counts what arrived whole.
    static Result<void> sendPlan(SftpClient &sftp, const Plan &plan, Summary &summary,
                                 const Progress &progress);
    static Result<void> makeFolders(SftpClient &sftp, const Plan &plan, Summary &summary);
    static Result<void> uploadSmallFiles(SftpClient &sftp, const QList<Item> &batch,
                                         Summary &summary, quint64 total, const Progress &progress);
    // "Sending X stopped after N of M bytes: why. X on the device was not changed." and, when
    // the partial copy could not be removed, where it is.
    static Error stoppedError(const Item &item, quint64 arrived, const Error &error, bool removed,
                              const QByteArray &temporary);
    static Result<void> downloadFile(SftpClient &sftp, const Item &item, quint64 before,
                                     quint64 total, const Progress &progress);
    static QByteArray temporaryName(const QByteArray &target);
};

} // namespace relayfleet
