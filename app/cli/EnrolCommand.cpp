#include "EnrolCommand.h"

#include "enrolment/Enrolment.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/RelayConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace relayfleet::cli {

namespace {

int usage()
{
    CliContext::printError(
        EnrolCommand::tr("Usage: enroll ID [--relay NAME] (--lan USER@HOST[:PORT] | "
                         "--via-tunnel PORT) [--user USER] [--name NAME] [--label LABEL]... "
                         "[--port PORT] [--relay-address HOST[:PORT]] [--public-key FILE]"));
    return 2;
}

} // namespace

int EnrolCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 1) {
        return usage();
    }
    const bool lan = parser.isSet(QStringLiteral("lan"));
    const bool tunnel = parser.isSet(QStringLiteral("via-tunnel"));
    if (lan == tunnel) {
        return usage();
    }
    auto relays = m_context.relays(parser.value(QStringLiteral("relay")));
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    if (relays->size() != 1) {
        CliContext::printError(
            EnrolCommand::tr("Several relays are configured: say which with --relay NAME."));
        return 2;
    }
    const RelayConfig &relay = relays->first();

    auto prepared = requestFor(args[0], lan, parser, relay);
    if (!prepared) {
        return CliContext::fail(prepared.error(),
                                prepared.error().code == Error::Code::InvalidInput ? 2 : 1);
    }
    const EnrolmentRequest &request = prepared.value();
    const FleetAccess access = m_context.fleetAccess();
    DeviceTarget enrolled;
    enrolled.relay = relay.name;
    enrolled.deviceId = request.deviceId;
    auto connection = m_context.connectRelay(relay);
    if (!connection) {
        access.record(AuditLog::Action::Enrolled, enrolled, false, connection.error().message);
        return CliContext::fail(connection.error());
    }
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    const bool json = m_context.json();
    Enrolment enrolment(
        *connection.value(), knownHosts, request, [json](int step, int steps, const QString &what) {
            if (!json) {
                CliContext::printError(QStringLiteral("[%1/%2] %3").arg(step).arg(steps).arg(what));
            }
        });
    enrolment.setReconnect([this, relay]() -> Result<std::shared_ptr<RelayConnection>> {
        auto again = m_context.connectRelay(relay);
        if (!again) {
            return again.error();
        }
        return std::shared_ptr<RelayConnection>(std::move(again.value()));
    });
    auto record = enrolment.run();
    if (!record) {
        const QString message =
            enrolment.leftovers().isEmpty()
                ? EnrolCommand::tr("Enrolment of %1 failed and was undone: %2")
                : EnrolCommand::tr("Enrolment of %1 failed and could not be fully undone: %2");
        const Error failure =
            Error::make(record.error().code, message.arg(request.deviceId, record.error().message));
        access.record(AuditLog::Action::Enrolled, enrolled, false, failure.message);
        return CliContext::fail(failure);
    }
    enrolled.port = record->port;
    access.record(AuditLog::Action::Enrolled, enrolled, true, QStringLiteral("enrolled"),
                  QJsonObject{{QStringLiteral("port"), record->port},
                              {QStringLiteral("user"), record->user}});
    (void)m_context.deviceLocations().remember(
        record->id, {relay.name, record->port, record->user, {}}); // a hint only
    printEnrolled(record.value(), relay, enrolment.serviceNote());
    return 0;
}

Result<EnrolmentRequest> EnrolCommand::requestFor(const QString &deviceId, bool lan,
                                                  const QCommandLineParser &parser,
                                                  const RelayConfig &relay) const
{
    EnrolmentRequest request;
    request.deviceId = deviceId;
    request.name = parser.value(QStringLiteral("name"));
    for (const QString &labels : parser.values(QStringLiteral("label"))) {
        request.labels += labels.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (parser.isSet(QStringLiteral("user"))) {
        request.deviceUser = parser.value(QStringLiteral("user"));
    }
    if (lan) {
        if (auto set = request.setLanAddress(parser.value(QStringLiteral("lan"))); !set) {
            return set.error();
        }
    } else {
        request.access = EnrolmentRequest::Access::Tunnel;
        request.tunnelPort = parser.value(QStringLiteral("via-tunnel")).toInt();
    }
    if (parser.isSet(QStringLiteral("relay-address"))) {
        if (auto set =
                request.setRelayAddressFromDevice(parser.value(QStringLiteral("relay-address")));
            !set) {
            return set.error();
        }
    }
    request.requestedPort = parser.value(QStringLiteral("port")).toInt();
    if (parser.isSet(QStringLiteral("device-ssh-port"))) {
        request.deviceSshPort = parser.value(QStringLiteral("device-ssh-port")).toInt();
        if (request.deviceSshPort < 1 || request.deviceSshPort > 65535) {
            return Error::make(Error::Code::InvalidInput,
                               EnrolCommand::tr("--device-ssh-port takes a port from 1 to 65535."));
        }
    }
    if (parser.isSet(QStringLiteral("profile"))) {
        const auto profile = TunnelProfile::fromName(parser.value(QStringLiteral("profile")));
        if (!profile) {
            return Error::make(Error::Code::InvalidInput,
                               EnrolCommand::tr("--profile takes cellular or lan."));
        }
        request.profile = profile.value();
    }
    const QString identity = parser.isSet(QStringLiteral("identity"))
                                 ? parser.value(QStringLiteral("identity"))
                                 : relay.identityFile;
    request.deviceCredentials = m_context.credentials(identity);
    request.deviceHostKeyPolicy = m_context.hostKeyPolicy(true);
    const QString publicKeyFile = parser.isSet(QStringLiteral("public-key"))
                                      ? parser.value(QStringLiteral("public-key"))
                                      : identity + QStringLiteral(".pub");
    QFile publicKey(publicKeyFile);
    if (identity.isEmpty() && !parser.isSet(QStringLiteral("public-key"))) {
        return Error::make(Error::Code::InvalidInput,
                           EnrolCommand::tr("Say which public key to install on the device with "
                                            "--public-key FILE."));
    }
    if (!publicKey.open(QIODevice::ReadOnly) || publicKey.size() > 16384) {
        return Error::make(Error::Code::NotFound,
                           EnrolCommand::tr("Cannot read the public key %1.").arg(publicKeyFile));
    }
    request.userPublicKey = QString::fromUtf8(publicKey.readAll()).trimmed();
    return request;
}

void EnrolCommand::printEnrolled(const DeviceRecord &record, const RelayConfig &relay,
                                 const QString &serviceNote) const
{
    if (m_context.json()) {
        QJsonObject out{{QStringLiteral("id"), record.id},
                        {QStringLiteral("relay"), relay.name},
                        {QStringLiteral("port"), record.port},
                        {QStringLiteral("tunnel_key"), record.tunnelKey},
                        {QStringLiteral("service"), serviceNote}};
        CliContext::printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)));
    } else {
        CliContext::printOut(EnrolCommand::tr("Enrolled %1 on relay %2, port %3. %4")
                                 .arg(record.id, relay.name)
                                 .arg(record.port)
                                 .arg(serviceNote));
    }
}

} // namespace relayfleet::cli
