#include "ForwardCommand.h"

#include "InterruptSignal.h"
#include "TargetResolver.h"
#include "hostkeys/KnownHostsFile.h"
#include "transfer/PortForward.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace relayfleet::cli {

int ForwardCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    bool portOk = false;
    const int port = args.size() == 2 ? args.at(1).toInt(&portOk) : 0;
    if (!portOk) {
        CliContext::printError(ForwardCommand::tr(
            "Usage: forward DEVICE PORT [--local PORT] [--bind ADDRESS]\n"
            "Listens on ADDRESS:PORT here (127.0.0.1 unless --bind says otherwise) and carries "
            "each connection to 127.0.0.1:PORT on the device."));
        return 2;
    }
    PortForward::Options options;
    options.devicePort = port;
    options.connectTimeoutMs = m_context.timeoutSeconds() * 1000;
    if (parser.isSet(QStringLiteral("bind"))) {
        options.bindAddress = parser.value(QStringLiteral("bind"));
    }
    if (parser.isSet(QStringLiteral("local"))) {
        bool ok = false;
        options.localPort = parser.value(QStringLiteral("local")).toInt(&ok);
        if (!ok || options.localPort < 0 || options.localPort > 65535) {
            CliContext::printError(ForwardCommand::tr("--local takes a port number (0 for any)."));
            return 2;
        }
    }
    const QString device = args.first();
    auto one = TargetResolver::resolveOne(m_context, device, parser);
    if (!one) {
        return CliContext::fail(one.error());
    }
    const DeviceTarget target = one->device;
    std::shared_ptr<RelayConnection> relay = std::move(one->relay);
    CancelToken cancel;
    InterruptSignal interrupt(cancel);
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    const FleetAccess access = m_context.fleetAccess();
    auto forward = PortForward::start(
        relay, target, access.deviceCredentialsFor(relay->config()), knownHosts,
        m_context.hostKeyPolicy(true), options,
        [](const QString &text) { CliContext::printError(text); }, cancel);
    QJsonObject details{{QStringLiteral("device_port"), port}};
    if (!forward) {
        access.record(AuditLog::Action::Forward, target, false, forward.error().message, details);
        return CliContext::fail(forward.error());
    }
    const PortForward &running = **forward;
    details.insert(QStringLiteral("local"),
                   QStringLiteral("%1:%2").arg(running.localAddress()).arg(running.localPort()));
    access.record(AuditLog::Action::Forward, target, true, QStringLiteral("started"), details);
    if (m_context.json()) {
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("device"), target.displayName()},
                                      {QStringLiteral("device_port"), port},
                                      {QStringLiteral("local_address"), running.localAddress()},
                                      {QStringLiteral("local_port"), running.localPort()}})
                .toJson(QJsonDocument::Compact)));
    } else {
        CliContext::printOut(ForwardCommand::tr("Forwarding %1 to port %2 of %3 (through relay "
                                                "%4). Ctrl+C ends it.")
                                 .arg(running.localAddress())
                                 .arg(port)
                                 .arg(target.displayName(), relay->config().name));
    }
    while (!cancel.isCancelled() && running.isRunning()) {
        QThread::msleep(100);
    }
    const bool lost = !cancel.isCancelled();
    details.insert(QStringLiteral("connections"), running.connectionsServed());
    access.record(AuditLog::Action::Forward, target, !lost,
                  lost ? QStringLiteral("ended: the connection was lost") : QStringLiteral("ended"),
                  details);
    if (!m_context.json()) {
        CliContext::printOut(ForwardCommand::tr("Forward ended after %n connection(s).", nullptr,
                                                running.connectionsServed()));
    }
    return lost ? 1 : 0;
}

} // namespace relayfleet::cli
