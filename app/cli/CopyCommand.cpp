#include "CopyCommand.h"

#include "InterruptSignal.h"
#include "TargetResolver.h"
#include "TransferProgress.h"
#include "hostkeys/KnownHostsFile.h"
#include "transfer/DeviceCopy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace relayfleet::cli {

namespace {

QString deviceName(const DeviceTarget &target)
{
    return target.deviceId.isEmpty() ? QStringLiteral("%1:%2").arg(target.relay).arg(target.port)
                                     : target.deviceId;
}

} // namespace

std::optional<std::pair<QString, QString>> CopyCommand::splitRemote(const QString &arg)
{
    const qsizetype colon = arg.indexOf(QLatin1Char(':'));
    const qsizetype slash = arg.indexOf(QLatin1Char('/'));
    if (colon <= 0 || (slash >= 0 && slash < colon)) {
        return std::nullopt;
    }
    return std::make_pair(arg.left(colon), arg.mid(colon + 1));
}

int CopyCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    auto usage = [] {
        CliContext::printError(
            CopyCommand::tr("Usage: copy [-r] [--mode OCTAL] LOCAL... DEVICE:PATH\n"
                            "       copy [-r] [--mode OCTAL] DEVICE:PATH LOCAL\n"
                            "DEVICE is a device id or @LABEL; PATH is relative to the login "
                            "folder unless it starts with /."));
        return 2;
    };
    if (args.size() < 2) {
        return usage();
    }
    const QStringList sources = args.mid(0, args.size() - 1);
    const QString destination = args.last();
    const auto remoteDestination = splitRemote(destination);
    qsizetype remoteSources = 0;
    for (const QString &source : sources) {
        remoteSources += splitRemote(source) ? 1 : 0;
    }
    if (remoteDestination && remoteSources == 0) {
        return upload(sources, remoteDestination->first, remoteDestination->second, parser);
    }
    if (!remoteDestination && remoteSources == 1 && sources.size() == 1) {
        const auto remote = splitRemote(sources.first());
        return download(remote->first, remote->second, destination, parser);
    }
    CliContext::printError(CopyCommand::tr("Copy either local files to one DEVICE:PATH, or one "
                                           "DEVICE:PATH to a local path."));
    return usage();
}

namespace {

Result<DeviceCopy::Options> copyOptions(const CliContext &context, const QCommandLineParser &parser)
{
    DeviceCopy::Options options;
    options.connectTimeoutMs = context.timeoutSeconds() * 1000;
    options.copy.recursive = parser.isSet(QStringLiteral("recursive"));
    if (parser.isSet(QStringLiteral("mode"))) {
        bool ok = false;
        const uint mode = parser.value(QStringLiteral("mode")).toUInt(&ok, 8);
        if (!ok || mode > 07777) {
            return Error::make(Error::Code::InvalidInput,
                               CopyCommand::tr("--mode takes octal permission bits such as 644 "
                                               "or 0755."));
        }
        options.copy.mode = mode;
    }
    return options;
}

QJsonObject resultJson(const DeviceCopy::DeviceResult &result)
{
    QJsonObject object{
        {QStringLiteral("device"), deviceName(result.target)},
        {QStringLiteral("relay"), result.target.relay},
        {QStringLiteral("outcome"),
         result.error ? QStringLiteral("failed") : QStringLiteral("copied")},
        {QStringLiteral("files"), result.summary.files},
        {QStringLiteral("folders"), result.summary.folders},
        {QStringLiteral("bytes"), static_cast<qint64>(result.summary.bytes)},
        {QStringLiteral("destination"), result.summary.destination},
        {QStringLiteral("skipped"), QJsonArray::fromStringList(result.summary.skipped)}};
    if (result.error) {
        object.insert(QStringLiteral("error"), result.error->message);
    }
    return object;
}

void printResult(const DeviceCopy::DeviceResult &result)
{
    const QString name = deviceName(result.target);
    if (result.error) {
        CliContext::printError(CopyCommand::tr("%1: failed — %2").arg(name, result.error->message));
        return;
    }
    QString line =
        CopyCommand::tr("%1: copied %n file(s), %2, to %3", nullptr, result.summary.files)
            .arg(name, TransferProgress::bytes(result.summary.bytes), result.summary.destination);
    CliContext::printOut(line);
    for (const QString &skipped : result.summary.skipped) {
        CliContext::printError(CopyCommand::tr("%1: skipped %2").arg(name, skipped));
    }
}

} // namespace

int CopyCommand::upload(const QStringList &sources, const QString &device, const QString &path,
                        const QCommandLineParser &parser)
{
    auto options = copyOptions(m_context, parser);
    if (!options) {
        return CliContext::fail(options.error(), 2);
    }
    auto resolution =
        TargetResolver::resolve(m_context, {device}, parser.value(QStringLiteral("user")),
                                parser.value(QStringLiteral("relay")));
    for (const QString &problem : resolution.problems) {
        CliContext::printError(problem);
    }
    if (!resolution.unmatched.isEmpty()) {
        CliContext::printError(CopyCommand::tr("No device matches \"%1\".").arg(device.left(80)));
        return 1;
    }
    CancelToken cancel;
    InterruptSignal interrupt(cancel);
    TransferProgress progress(!m_context.json());
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    const FleetAccess access = m_context.fleetAccess();
    QJsonArray report;
    bool allGood = resolution.problems.isEmpty();
    for (auto &group : resolution.groups) {
        const auto results = DeviceCopy::upload(
            *group.relay, group.devices, sources, path,
            access.deviceCredentialsFor(group.relay->config()), knownHosts,
            m_context.parallelHostKeyPolicy(), *options,
            [&](quint64 done, quint64 total) { progress.update(done, total); }, cancel);
        progress.finish();
        for (const auto &result : results) {
            allGood = allGood && !result.error;
            DeviceCopy::record(access, result, true, sources, path);
            if (m_context.json()) {
                report.append(resultJson(result));
            } else {
                printResult(result);
            }
        }
    }
    if (m_context.json()) {
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)));
    }
    if (InterruptSignal::wasRaised()) {
        return 130;
    }
    return allGood ? 0 : 1;
}

int CopyCommand::download(const QString &device, const QString &path, const QString &local,
                          const QCommandLineParser &parser)
{
    auto options = copyOptions(m_context, parser);
    if (!options) {
        return CliContext::fail(options.error(), 2);
    }
    auto one = TargetResolver::resolveOne(m_context, device, parser);
    if (!one) {
        return CliContext::fail(one.error());
    }
    CancelToken cancel;
    InterruptSignal interrupt(cancel);
    TransferProgress progress(!m_context.json());
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    const FleetAccess access = m_context.fleetAccess();
    const auto result = DeviceCopy::download(
        *one->relay, one->device, path, local, access.deviceCredentialsFor(one->relay->config()),
        knownHosts, m_context.parallelHostKeyPolicy(), *options,
        [&](quint64 done, quint64 total) { progress.update(done, total); }, cancel);
    progress.finish();
    DeviceCopy::record(access, result, false, {path}, local);
    if (m_context.json()) {
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(QJsonArray{resultJson(result)}).toJson(QJsonDocument::Compact)));
    } else {
        printResult(result);
    }
    if (InterruptSignal::wasRaised()) {
        return 130;
    }
    return result.error ? 1 : 0;
}

} // namespace relayfleet::cli
