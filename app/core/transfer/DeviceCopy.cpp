#include "transfer/DeviceCopy.h"

#include "base/ParallelFor.h"
#include "relay/DeviceConnection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <atomic>
#include <mutex>

namespace relayfleet {

namespace {

// Opens the device's session and its SFTP server, then hands the SFTP session to `work`.
template<typename Work>
std::optional<Error> withSftp(RelayConnection &relay, const DeviceTarget &target,
                              const Credentials &credentials, KnownHostsFile &knownHosts,
                              const HostKeyPolicy &policy, const DeviceCopy::Options &options,
                              const CancelToken &cancel, const Work &work)
{
    const QDeadlineTimer deadline(options.connectTimeoutMs);
    auto device =
        DeviceConnection::open(relay, target, credentials, knownHosts, policy, deadline, cancel);
    if (!device) {
        return device.error();
    }
    SftpClient::Limits limits;
    limits.stallTimeoutMs = options.stallTimeoutMs;
    auto sftp = SftpClient::start(device->session(), deadline, cancel, limits);
    if (!sftp) {
        return sftp.error();
    }
    return work(**sftp);
}

} // namespace

QList<DeviceCopy::DeviceResult>
DeviceCopy::upload(RelayConnection &relay, const QList<DeviceTarget> &targets,
                   const QStringList &localPaths, const QString &remotePath,
                   const Credentials &credentials, KnownHostsFile &knownHosts,
                   const HostKeyPolicy &policy, const Options &options, const Progress &progress,
                   const CancelToken &cancel)
{
    QList<DeviceResult> results(targets.size());
    const quint64 each = FileCopy::localSize(localPaths, options.copy.recursive);
    const quint64 total = each * static_cast<quint64>(targets.size());
    std::mutex progressMutex;
    std::vector<quint64> done(static_cast<size_t>(targets.size()), 0);
    auto report = [&](qsizetype i, quint64 bytes) {
        if (!progress) {
            return;
        }
        std::lock_guard lock(progressMutex);
        done[static_cast<size_t>(i)] = bytes;
        quint64 sum = 0;
        for (quint64 d : done) {
            sum += d;
        }
        progress(sum, total);
    };
    parallelFor(targets.size(), options.maxParallel, [&](qsizetype i) {
        DeviceResult &result = results[i];
        result.target = targets[i];
        result.error = withSftp(relay, targets[i], credentials, knownHosts, policy, options, cancel,
                                [&](SftpClient &sftp) -> std::optional<Error> {
                                    auto copied = FileCopy::upload(
                                        sftp, localPaths, remotePath, options.copy,
                                        [&](quint64 bytes, quint64) { report(i, bytes); });
                                    if (!copied) {
                                        return copied.error();
                                    }
                                    result.summary = *copied;
                                    report(i, each); // what was skipped counts as done
                                    return std::nullopt;
                                });
    });
    return results;
}

DeviceCopy::DeviceResult DeviceCopy::download(RelayConnection &relay, const DeviceTarget &target,
                                              const QString &remotePath, const QString &localPath,
                                              const Credentials &credentials,
                                              KnownHostsFile &knownHosts,
                                              const HostKeyPolicy &policy, const Options &options,
                                              const Progress &progress, const CancelToken &cancel)
{
    DeviceResult result;
    result.target = target;
    result.error = withSftp(relay, target, credentials, knownHosts, policy, options, cancel,
                            [&](SftpClient &sftp) -> std::optional<Error> {
                                auto copied = FileCopy::download(sftp, remotePath, localPath,
                                                                 options.copy, progress);
                                if (!copied) {
                                    return copied.error();
                                }
                                result.summary = *copied;
                                return std::nullopt;
                            });
    return result;
}

void DeviceCopy::record(const FleetAccess &access, const DeviceResult &result, bool upload,
                        const QStringList &from, const QString &to)
{
    const QJsonObject details{
        {QStringLiteral("direction"),
         upload ? QStringLiteral("upload") : QStringLiteral("download")},
        {QStringLiteral("from"), QJsonArray::fromStringList(from.mid(0, 100))},
        {QStringLiteral("to"),
         result.summary.destination.isEmpty() ? to : result.summary.destination},
        {QStringLiteral("files"), result.summary.files},
        {QStringLiteral("bytes"), QString::number(result.summary.bytes)},
    };
    access.record(AuditLog::Action::Copy, result.target, !result.error,
                  result.error ? result.error->message
                               : QStringLiteral("copied %1 file(s), %2 bytes")
                                     .arg(result.summary.files)
                                     .arg(result.summary.bytes),
                  details);
}

} // namespace relayfleet
