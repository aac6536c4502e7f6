#include "DeviceCommands.h"

#include "enrolment/DeviceAdoption.h"
#include "fleet/RelayScanner.h"
#include "hostkeys/KnownHostsFile.h"
#include "openssh/OpenSshConfig.h"
#include "registry/RelayRegistry.h"
#include "relay/DeviceTarget.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace relayfleet::cli {

namespace {

int usage(const QString &text)
{
    CliContext::printError(text);
    return 2;
}

QDeadlineTimer operationDeadline(const CliContext &context)
{
    return QDeadlineTimer(std::chrono::seconds(context.timeoutSeconds() * 2));
}

QString printable(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        out += c.isPrint() ? c : QChar(QChar::ReplacementCharacter);
    }
    return out;
}

} // namespace

Result<DeviceCommands::Located> DeviceCommands::locate(const CliContext &context, const QString &id,
                                                       const QString &relayName)
{
    if (!DeviceTarget::isValidId(id)) {
        return Error::make(
            Error::Code::InvalidInput,
            DeviceCommands::tr("\"%1\" is not a valid device id.").arg(printable(id.left(64))));
    }
    auto relays = context.relays(relayName);
    if (!relays) {
        return relays.error();
    }
    QStringList problems;
    for (const RelayConfig &relay : relays.value()) {
        auto connection = context.connectRelay(relay);
        if (!connection) {
            problems << connection.error().message;
            continue;
        }
        RelayRegistry registry(*connection.value(), operationDeadline(context));
        auto record = registry.find(id);
        if (record) {
            (void)context.deviceLocations().remember(
                id, {relay.name, record->port, record->user, {}}); // a hint only
            return Located{std::move(connection.value()), record.value()};
        }
        if (record.error().code != Error::Code::NotFound) {
            return record.error();
        }
    }
    QString message = DeviceCommands::tr("No relay has a device \"%1\".").arg(id);
    if (!problems.isEmpty()) {
        message += QLatin1Char(' ') +
                   DeviceCommands::tr("Not checked: %1").arg(problems.join(QLatin1Char(' ')));
    }
    return Error::make(Error::Code::NotFound, message);
}

int DeviceCommands::devices(const QCommandLineParser &parser)
{
    auto relays = m_context.relays(parser.value(QStringLiteral("relay")));
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    QList<DeviceStatus> all;
    int failures = 0;
    for (const RelayConfig &relay : relays.value()) {
        auto connection = m_context.connectRelay(relay);
        if (!connection) {
            CliContext::printError(connection.error().message);
            ++failures;
            continue;
        }
        RelayScanner::Options options;
        options.probeTimeoutMs = std::min(m_context.timeoutSeconds(), 5) * 1000;
        options.probeEveryDevice = parser.isSet(QStringLiteral("probe"));
        if (options.probeEveryDevice) {
            options.expectedPorts = m_context.deviceLocations().portsOn(relay.name);
        }
        auto statuses = RelayScanner::scan(*connection.value(), options, CancelToken());
        if (!statuses) {
            CliContext::printError(statuses.error().message);
            ++failures;
            continue;
        }
        (void)m_context.deviceLocations().rememberScan(relay.name, statuses.value()); // a hint only
        all += statuses.value();
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const DeviceStatus &status : all) {
            array.append(status.toJson());
        }
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    } else {
        const DeviceStatus::DataTotal data = DeviceStatus::dataTotal(all);
        for (const DeviceStatus &status : all) {
            CliContext::printOut(
                QStringLiteral("%1\t%2\t%3:%4\t%5\t%6\t%7")
                    .arg(printable(status.id.isEmpty() ? QStringLiteral("-") : status.id),
                         DeviceStatus::stateName(status.state), status.relay)
                    .arg(status.port)
                    .arg(status.lastSeen.isValid() ? status.lastSeen.toString(Qt::ISODate)
                                                   : QStringLiteral("never"),
                         status.labels.join(QLatin1Char(',')), printable(status.problem)));
        }
        // A comment line (scripts that read the list skip it): the fleet's data this month.
        if (data.reporting > 0) {
            CliContext::printOut(
                DeviceCommands::tr("# data this month: %1 by the tunnels of %n device(s) that "
                                   "reported it",
                                   nullptr, data.reporting)
                    .arg(DataUsage::size(data.bytes)));
        }
    }
    return failures == 0 ? 0 : 1;
}

int DeviceCommands::adopt(const QStringList &args, const QCommandLineParser &parser)
{
    const QString id = parser.value(QStringLiteral("id"));
    if (args.size() != 1 || id.isEmpty()) {
        return usage(
            DeviceCommands::tr("Usage: adopt RELAY:PORT --id ID [--name NAME] [--label LABEL]..."));
    }
    const qsizetype colon = args[0].lastIndexOf(QLatin1Char(':'));
    const int port = args[0].mid(colon + 1).toInt();
    DeviceRecord record;
    record.id = id;
    record.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : id;
    record.port = port;
    for (const QString &labels : parser.values(QStringLiteral("label"))) {
        record.labels += labels.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    record.enrolled = QDateTime::currentDateTimeUtc();
    record.user = parser.value(QStringLiteral("user"));
    if (colon <= 0) {
        return usage(DeviceCommands::tr("Usage: adopt RELAY:PORT --id ID"));
    }
    if (auto valid = record.validate(); !valid) {
        return CliContext::fail(valid.error(), 2);
    }
    auto relays = m_context.relays(args[0].left(colon));
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    auto connection = m_context.connectRelay(relays->first());
    if (!connection) {
        return CliContext::fail(connection.error());
    }
    // Adopting pins the key: the same explicit acceptance as any first contact.
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    HostKeyPolicy policy = m_context.hostKeyPolicy(true);
    policy.expectedFingerprint = parser.value(QStringLiteral("expect-host-key"));
    auto adopted = DeviceAdoption::adopt(*connection.value(), knownHosts, record, policy,
                                         m_context.timeoutSeconds() * 1000, CancelToken());
    const DeviceTarget target{relays->first().name, port, id, record.user};
    m_context.fleetAccess().record(
        AuditLog::Action::Adopted, target, adopted.ok(),
        adopted ? QStringLiteral("adopted") : adopted.error().message,
        DeviceAdoption::auditDetails(adopted ? adopted.value() : record));
    if (!adopted) {
        return CliContext::fail(adopted.error());
    }
    (void)m_context.deviceLocations().remember(
        id, {relays->first().name, port, record.user, {}}); // a hint only
    if (const auto key = HostKey::fromOpenSsh(adopted->hostKey); key && !m_context.json()) {
        CliContext::printOut(DeviceCommands::tr("Adopted %1 on %2 (host key %3).")
                                 .arg(id, args[0], key->fingerprint()));
    }
    return 0;
}

int DeviceCommands::remove(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1) {
        return usage(DeviceCommands::tr("Usage: remove ID [--relay NAME]"));
    }
    const QString relayName = parser.value(QStringLiteral("relay"));
    auto located = locate(m_context, args[0], relayName);
    if (!located && located.error().code == Error::Code::NotFound && !relayName.isEmpty()) {
        return removeLeftovers(args[0], relayName);
    }
    const FleetAccess access = m_context.fleetAccess();
    DeviceTarget removed;
    removed.relay = relayName;
    removed.deviceId = args[0];
    const auto fail = [&](const Error &error) {
        access.record(AuditLog::Action::Removed, removed, false, error.message);
        return CliContext::fail(error);
    };
    if (!located) {
        return fail(located.error());
    }
    removed.relay = located->relay->config().name;
    removed.port = located->record.port;
    RelayRegistry registry(*located->relay, operationDeadline(m_context));
    // The relay key goes first: once it is revoked the device can no longer hold its port.
    if (auto rc = registry.revokeTunnelKey(args[0]); !rc) {
        return fail(rc.error());
    }
    // Then its live session, if any, so the port is free at once.
    if (auto rc = registry.clearStale(located->record.port); !rc) {
        return fail(rc.error());
    }
    if (auto rc = registry.remove(args[0]); !rc) {
        return fail(rc.error());
    }
    access.record(AuditLog::Action::Removed, removed, true,
                  QStringLiteral("the relay key revoked, port %1 freed").arg(removed.port));
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    (void)knownHosts.removeAll(KnownHostsFile::deviceAlias(args[0]));
    (void)m_context.deviceLocations().forget(args[0]);
    if (!m_context.json()) {
        CliContext::printOut(
            DeviceCommands::tr("Removed %1: its relay key is revoked and port %2 is free.")
                .arg(args[0])
                .arg(located->record.port));
    }
    return 0;
}

// What an enrolment that could not be undone may leave on a relay for an id it never
// registered: the tunnel key and port reservations. Both helper commands do nothing if absent.
int DeviceCommands::removeLeftovers(const QString &id, const QString &relayName)
{
    auto relays = m_context.relays(relayName);
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    auto connection = m_context.connectRelay(relays->first());
    if (!connection) {
        return CliContext::fail(connection.error());
    }
    RelayRegistry registry(*connection.value(), operationDeadline(m_context));
    if (auto rc = registry.revokeTunnelKey(id); !rc) {
        return CliContext::fail(rc.error());
    }
    if (auto rc = registry.remove(id); !rc) {
        return CliContext::fail(rc.error());
    }
    if (!m_context.json()) {
        CliContext::printOut(
            DeviceCommands::tr("%1 is not registered on relay %2; any relay key and port "
                               "reservation it had there are removed.")
                .arg(id, relayName));
    }
    return 0;
}

int DeviceCommands::clearStale(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1) {
        return usage(DeviceCommands::tr("Usage: clear-stale ID [--relay NAME]"));
    }
    auto located = locate(m_context, args[0], parser.value(QStringLiteral("relay")));
    if (!located) {
        return CliContext::fail(located.error());
    }
    RelayRegistry registry(*located->relay, operationDeadline(m_context));
    if (auto rc = registry.clearStale(located->record.port); !rc) {
        return CliContext::fail(rc.error());
    }
    if (!m_context.json()) {
        CliContext::printOut(DeviceCommands::tr("Port %1 on relay %2 is free again.")
                                 .arg(located->record.port)
                                 .arg(located->relay->config().name));
    }
    return 0;
}

int DeviceCommands::health(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1) {
        return usage(DeviceCommands::tr("Usage: health ID [--relay NAME] [--lines N] [--json]"));
    }
    bool ok = true;
    const int lines = parser.isSet(QStringLiteral("lines"))
                          ? parser.value(QStringLiteral("lines")).toInt(&ok)
                          : 24;
    if (!ok || lines < 1 || lines > 1000) {
        return usage(DeviceCommands::tr("--lines takes a number from 1 to 1000."));
    }
    auto located = locate(m_context, args[0], parser.value(QStringLiteral("relay")));
    if (!located) {
        return CliContext::fail(located.error());
    }
    auto reports =
        RelayRegistry(*located->relay, operationDeadline(m_context)).health(located->record.id);
    if (!reports) {
        return CliContext::fail(reports.error());
    }
    const QList<DeviceHealth> shown = reports->mid(std::max<qsizetype>(0, reports->size() - lines));
    const DeviceHealth latest = reports->isEmpty() ? DeviceHealth() : reports->last();
    if (m_context.json()) {
        QJsonArray history;
        for (const DeviceHealth &report : shown) {
            history.append(report.toJson());
        }
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("device"), located->record.id},
                    {QStringLiteral("level"), DeviceHealth::levelName(latest.level())},
                    {QStringLiteral("reasons"), QJsonArray::fromStringList(latest.reasons())},
                    {QStringLiteral("latest"), latest.toJson()},
                    {QStringLiteral("history"), history}})
                .toJson(QJsonDocument::Compact)));
        return 0;
    }
    if (!latest.isValid()) {
        CliContext::printOut(
            DeviceCommands::tr("%1 has not reported its health yet (it reports hourly from "
                               "version 6 of its files: `relayfleet-cli upgrade %1`).")
                .arg(located->record.id));
        return 0;
    }
    const QStringList reasons = latest.reasons();
    CliContext::printOut(QStringLiteral("%1: %2%3 — %4")
                             .arg(located->record.id, DeviceHealth::levelLabel(latest.level()),
                                  reasons.isEmpty() ? QString()
                                                    : QStringLiteral(" (%1)").arg(
                                                          reasons.join(QStringLiteral("; "))),
                                  latest.summary()));
    if (const QString system = latest.system(); !system.isEmpty()) {
        CliContext::printOut(DeviceCommands::tr("System: %1").arg(system));
    }
    const auto cell = [](const auto &value, auto format) {
        return value ? format(*value) : QStringLiteral("-");
    };
    CliContext::printOut(
        DeviceCommands::tr("time                 °C     load  mem%  disk%  throttled"));
    for (const DeviceHealth &report : shown) {
        CliContext::printOut(
            QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(QLocale().toString(report.reported.toLocalTime(),
                                        QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     cell(report.temperatureMilliC,
                          [](int t) { return QString::number(t / 1000.0, 'f', 1); })
                         .rightJustified(5),
                     cell(report.load100, [](int l) { return QString::number(l / 100.0, 'f', 2); })
                         .rightJustified(5),
                     cell(report.memoryAvailablePercent, [](int m) { return QString::number(m); })
                         .rightJustified(4),
                     cell(report.diskFreePercent, [](int d) { return QString::number(d); })
                         .rightJustified(5),
                     cell(report.throttled,
                          [](quint32 t) { return QStringLiteral("0x%1").arg(t, 0, 16); })));
    }
    return 0;
}

int DeviceCommands::history(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1) {
        return usage(DeviceCommands::tr("Usage: history ID [--relay NAME] [--json]"));
    }
    auto located = locate(m_context, args[0], parser.value(QStringLiteral("relay")));
    if (!located) {
        return CliContext::fail(located.error());
    }
    auto history =
        RelayRegistry(*located->relay, operationDeadline(m_context)).history(located->record.id);
    if (!history) {
        return CliContext::fail(history.error());
    }
    const auto iso = [](const QDateTime &at) {
        return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    if (m_context.json()) {
        QJsonArray events;
        for (const auto &event : std::as_const(history->events)) {
            events.append(
                event.causes.isEmpty()
                    ? QJsonObject{{QStringLiteral("at"), iso(event.at)},
                                  {QStringLiteral("tunnel"),
                                   event.up ? QStringLiteral("up") : QStringLiteral("down")}}
                    : QJsonObject{
                          {QStringLiteral("at"), iso(event.at)},
                          {QStringLiteral("reported"), QJsonArray::fromStringList(event.causes)}});
        }
        QJsonArray outages;
        for (const auto &outage : history->outages()) {
            outages.append(
                QJsonObject{{QStringLiteral("start"), iso(outage.start)},
                            {QStringLiteral("end"), iso(outage.end)},
                            {QStringLiteral("causes"), QJsonArray::fromStringList(outage.causes)},
                            {QStringLiteral("cause"),
                             outage.causes.isEmpty()
                                 ? QJsonValue()
                                 : QJsonValue(ConnectionHistory::causesText(outage.causes))}});
        }
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("device"), located->record.id},
                                      {QStringLiteral("events"), events},
                                      {QStringLiteral("outages"), outages}})
                .toJson(QJsonDocument::Compact)));
        return 0;
    }
    if (history->events.isEmpty()) {
        CliContext::printOut(DeviceCommands::tr("Relay %1 has recorded no tunnel of %2 yet.")
                                 .arg(located->relay->config().name, located->record.id));
        return 0;
    }
    const auto local = [](const QDateTime &at) {
        return QLocale().toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    for (const auto &outage : history->outages()) {
        QString line = outage.end.isValid()
                           ? DeviceCommands::tr("offline %1 → %2 (%3 s)")
                                 .arg(local(outage.start), local(outage.end))
                                 .arg(outage.start.secsTo(outage.end))
                           : DeviceCommands::tr("offline since %1").arg(local(outage.start));
        if (!outage.causes.isEmpty()) {
            line += DeviceCommands::tr(": %1").arg(ConnectionHistory::causesText(outage.causes));
        }
        CliContext::printOut(line);
    }
    if (!history->downSince().isValid()) {
        CliContext::printOut(
            DeviceCommands::tr("tunnel up since %1").arg(local(history->events.last().at)));
    }
    return 0;
}

int DeviceCommands::sshCommand(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1) {
        return usage(DeviceCommands::tr("Usage: ssh-command ID [--user USER]"));
    }
    auto located = locate(m_context, args[0], parser.value(QStringLiteral("relay")));
    if (!located) {
        return CliContext::fail(located.error());
    }
    DeviceTarget target;
    target.relay = located->relay->config().name;
    target.port = located->record.port;
    target.deviceId = located->record.id;
    target.user =
        DeviceTarget::loginUser(parser.value(QStringLiteral("user")), located->record.user);
    auto command =
        OpenSshConfig::commandFor(m_context.paths().home(), located->relay->config(), target);
    if (!command) {
        return CliContext::fail(command.error());
    }
    CliContext::printOut(command.value());
    return 0;
}

} // namespace relayfleet::cli
