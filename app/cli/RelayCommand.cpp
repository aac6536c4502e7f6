#include "RelayCommand.h"

#include "hostkeys/KnownHostsFile.h"
#include "openssh/SshConfigAlias.h"
#include "registry/RelayRegistry.h"
#include "relay/RelayConnection.h"
#include "relay/RelayStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace relayfleet::cli {

namespace {

int usage(const QString &text)
{
    CliContext::printError(text);
    return 2;
}

QString currentUser()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("root") : user;
}

} // namespace

int RelayCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == QLatin1String("add")) {
        return add(rest, parser);
    }
    if (verb == QLatin1String("list")) {
        return list();
    }
    if (verb == QLatin1String("remove")) {
        return remove(rest);
    }
    if (verb == QLatin1String("check")) {
        return check(rest);
    }
    if (verb == QLatin1String("init")) {
        return init(rest);
    }
    return usage(RelayCommand::tr(
        "Usage: relay add NAME user@host[:port] | relay list | relay remove NAME | "
        "relay check NAME | relay init NAME"));
}

int RelayCommand::add(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 2) {
        return usage(
            RelayCommand::tr("Usage: relay add NAME user@host[:port]|SSH-CONFIG-ALIAS "
                             "[--identity FILE] [--ssh-config FILE] [--accept-new-host-key]"));
    }
    const QString &name = args[0];
    const QString &address = args[1];
    Result<RelayConfig> relay = RelayConfig::fromAddress(name, address, currentUser());
    const bool looksLikeAlias =
        !address.contains(QLatin1Char('@')) && !address.contains(QLatin1Char(':'));
    if (looksLikeAlias) {
        auto resolved = SshConfigAlias::resolve(
            name, address, parser.value(QStringLiteral("ssh-config")), currentUser());
        if (resolved && (resolved->host != address || !resolved->identityFile.isEmpty() ||
                         resolved->port != 22)) {
            relay = resolved;
        } else if (!resolved && resolved.error().code != Error::Code::NotFound) {
            return CliContext::fail(resolved.error());
        }
    }
    if (!relay) {
        return CliContext::fail(relay.error(), 2);
    }
    if (parser.isSet(QStringLiteral("identity"))) {
        relay->identityFile = parser.value(QStringLiteral("identity"));
    }
    RelayStore store(m_context.paths().relaysFile());
    if (auto rc = store.save(relay.value()); !rc) {
        return CliContext::fail(rc.error());
    }
    if (parser.isSet(QStringLiteral("accept-new-host-key"))) {
        // Accepting a key only means something while connecting: check the relay right away,
        // pinning its key and testing the login, as `relay check` does.
        if (!m_context.json()) {
            CliContext::printOut(
                RelayCommand::tr("Added relay %1 (%2).").arg(relay->name, relay->displayAddress()));
        }
        return check({relay->name});
    }
    if (!m_context.json()) {
        CliContext::printOut(
            RelayCommand::tr("Added relay %1 (%2). Run `relayfleet-cli relay check %1` to "
                             "pin its host key and test the login.")
                .arg(relay->name, relay->displayAddress()));
    } else {
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(relay->toJson()).toJson(QJsonDocument::Compact)));
    }
    return 0;
}

int RelayCommand::list()
{
    RelayStore store(m_context.paths().relaysFile());
    auto relays = store.load();
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const RelayConfig &relay : relays.value()) {
            array.append(relay.toJson());
        }
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        return 0;
    }
    if (relays->isEmpty()) {
        CliContext::printOut(
            RelayCommand::tr("No relays yet. Add one with `relayfleet-cli relay add NAME "
                             "user@host[:port]`."));
    }
    for (const RelayConfig &relay : relays.value()) {
        QString line = relay.name + QLatin1Char('\t') + relay.displayAddress();
        if (!relay.identityFile.isEmpty()) {
            line += QLatin1Char('\t') + relay.identityFile;
        }
        CliContext::printOut(line);
    }
    return 0;
}

int RelayCommand::remove(const QStringList &args)
{
    if (args.size() != 1) {
        return usage(RelayCommand::tr("Usage: relay remove NAME"));
    }
    RelayStore store(m_context.paths().relaysFile());
    if (auto rc = store.remove(args[0]); !rc) {
        return CliContext::fail(rc.error());
    }
    return 0;
}

int RelayCommand::init(const QStringList &args)
{
    if (args.size() != 1) {
        return usage(RelayCommand::tr("Usage: relay init NAME"));
    }
    auto relays = m_context.relays(args[0]);
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    auto connection = m_context.connectRelay(relays->first());
    if (!connection) {
        return CliContext::fail(connection.error());
    }
    RelayRegistry registry(*connection.value(), m_context.connectDeadline());
    auto version = registry.install();
    if (!version) {
        return CliContext::fail(version.error());
    }
    CliContext::printOut(RelayCommand::tr("Relay %1 is ready: helper version %2 in ~/.relayfleet.")
                             .arg(args[0])
                             .arg(version.value()));
    return 0;
}

int RelayCommand::check(const QStringList &args)
{
    if (args.size() != 1) {
        return usage(RelayCommand::tr("Usage: relay check NAME"));
    }
    RelayStore store(m_context.paths().relaysFile());
    auto relay = store.find(args[0]);
    if (!relay) {
        return CliContext::fail(relay.error());
    }
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    auto connection = RelayConnection::open(
        relay.value(), m_context.credentials(relay->identityFile), knownHosts,
        m_context.hostKeyPolicy(true), m_context.connectDeadline(), CancelToken());
    if (!connection) {
        return CliContext::fail(connection.error());
    }
    if (m_context.json()) {
        QJsonObject checked = relay->toJson();
        checked.insert(QStringLiteral("checked"), true);
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(checked).toJson(QJsonDocument::Compact)));
    } else {
        CliContext::printOut(
            RelayCommand::tr("Relay %1 is reachable and accepted the login.").arg(relay->name));
    }
    return 0;
}

} // namespace relayfleet::cli
