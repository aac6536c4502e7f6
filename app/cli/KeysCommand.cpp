#include "KeysCommand.h"

#include "TerminalPrompt.h"
#include "keys/KeychainSecretStore.h"
#include "registry/RelayRegistry.h"
#include "relay/RelayStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace relayfleet::cli {

namespace {

int usage()
{
    CliContext::printError(KeysCommand::tr(
        "Usage: keys generate NAME [--no-passphrase] | keys list | keys export-public NAME | "
        "keys install NAME TARGET... | keys rotate OLD NEW TARGET... | "
        "keys revoke NAME TARGET...   (TARGET: a relay name, a device id, @LABEL or "
        "RELAY:PORT)"));
    return 2;
}

} // namespace

KeysCommand::KeysCommand(const CliContext &context)
    : m_context(context)
    , m_secrets(std::make_unique<KeychainSecretStore>())
    , m_store(context.paths().home(), m_secrets.get())
{
}

int KeysCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == QLatin1String("generate")) {
        return generate(rest, parser);
    }
    if (verb == QLatin1String("list")) {
        return list();
    }
    if (verb == QLatin1String("export-public")) {
        return exportPublic(rest);
    }
    if (verb == QLatin1String("install")) {
        return distribute(Operation::Install, rest, parser);
    }
    if (verb == QLatin1String("rotate")) {
        return distribute(Operation::Rotate, rest, parser);
    }
    if (verb == QLatin1String("revoke")) {
        return distribute(Operation::Revoke, rest, parser);
    }
    return usage();
}

int KeysCommand::generate(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() > 1) {
        return usage();
    }
    const QString name = args.value(0, QStringLiteral("default"));
    const QString comment = parser.value(QStringLiteral("comment"));
    Result<KeyStore::Key> key = Error::make(Error::Code::Io, QString());
    if (parser.isSet(QStringLiteral("no-passphrase"))) {
        key = m_store.generate(name, comment, KeyStore::Protection::None);
    } else {
        key = m_store.generate(name, comment, KeyStore::Protection::Keychain);
        if (!key && key.error().code == Error::Code::KeychainUnavailable) {
            // Never a silent plaintext fallback: say so, and ask for a passphrase instead.
            CliContext::printError(
                KeysCommand::tr(
                    "%1 The key will be protected by a passphrase you choose instead (or "
                    "pass --no-passphrase to store it unencrypted).")
                    .arg(key.error().message));
            if (!TerminalPrompt::hasTerminal()) {
                return CliContext::fail(Error::make(
                    Error::Code::Io, KeysCommand::tr("No terminal to ask for a passphrase.")));
            }
            key = m_store.generate(name, comment, KeyStore::Protection::Prompt, [] {
                const auto first = TerminalPrompt::secret(KeysCommand::tr("New passphrase: "));
                const auto second =
                    TerminalPrompt::secret(KeysCommand::tr("Same passphrase again: "));
                return first && second && *first == *second ? first : std::nullopt;
            });
        }
    }
    if (!key) {
        return CliContext::fail(key.error());
    }
    if (m_context.json()) {
        CliContext::printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("name"), key->name},
                                      {QStringLiteral("fingerprint"), key->fingerprint},
                                      {QStringLiteral("private_key"), key->privateKeyPath},
                                      {QStringLiteral("protection"),
                                       KeyStore::protectionName(key->protection)}})
                .toJson(QJsonDocument::Compact)));
    } else {
        CliContext::printOut(KeysCommand::tr("Generated %1 (%2), private key %3, protected by: %4.")
                                 .arg(key->name, key->fingerprint, key->privateKeyPath,
                                      KeyStore::protectionName(key->protection)));
    }
    return 0;
}

int KeysCommand::list()
{
    auto keys = m_store.list();
    if (!keys) {
        return CliContext::fail(keys.error());
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const auto &key : keys.value()) {
            array.append(QJsonObject{
                {QStringLiteral("name"), key.name},
                {QStringLiteral("type"), key.type},
                {QStringLiteral("fingerprint"), key.fingerprint},
                {QStringLiteral("comment"), key.comment},
                {QStringLiteral("protection"), KeyStore::protectionName(key.protection)},
                {QStringLiteral("installed_on"), QJsonArray::fromStringList(key.installedOn)}});
        }
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        return 0;
    }
    for (const auto &key : keys.value()) {
        CliContext::printOut(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                                 .arg(key.name, key.type, key.fingerprint, key.comment,
                                      key.installedOn.isEmpty()
                                          ? KeysCommand::tr("not installed")
                                          : key.installedOn.join(QStringLiteral(", "))));
    }
    return 0;
}

int KeysCommand::exportPublic(const QStringList &args)
{
    if (args.size() != 1) {
        return usage();
    }
    auto key = m_store.find(args[0]);
    if (!key) {
        return CliContext::fail(key.error());
    }
    CliContext::printOut(key->publicKey);
    return 0;
}

Credentials KeysCommand::keyOnly(const KeyStore::Key &key) const
{
    Credentials credentials = m_context.credentials(key.privateKeyPath);
    credentials.useAgent = false;
    credentials.useDefaultIdentities = false;
    credentials.password = nullptr;
    return credentials;
}

int KeysCommand::distribute(Operation operation, const QStringList &args,
                            const QCommandLineParser &parser)
{
    const int keyCount = operation == Operation::Rotate ? 2 : 1;
    if (args.size() < keyCount || (operation == Operation::Install && args.size() == keyCount)) {
        return usage();
    }
    auto key = m_store.find(args[0]);
    if (!key) {
        return CliContext::fail(key.error());
    }
    std::optional<KeyStore::Key> newKey;
    if (operation == Operation::Rotate) {
        auto found = m_store.find(args[1]);
        if (!found) {
            return CliContext::fail(found.error());
        }
        newKey = found.value();
    }
    auto wanted = wantedTargets(key.value(), args.mid(keyCount));
    if (!wanted) {
        return CliContext::fail(wanted.error());
    }
    auto relays = m_context.relays(parser.value(QStringLiteral("relay")));
    if (!relays) {
        return CliContext::fail(relays.error());
    }
    KnownHostsFile knownHosts(m_context.paths().knownHostsFile());
    QJsonArray report;
    bool allOk = true;
    QSet<QString> matched;
    for (RelayConfig relay : relays.value()) {
        const QString identity = parser.isSet(QStringLiteral("identity"))
                                     ? parser.value(QStringLiteral("identity"))
                                     : relay.identityFile;
        const Credentials current = m_context.credentials(identity);
        // Rotating logs in with the old key only: it must be the one that works today.
        const Credentials login = operation == Operation::Rotate ? keyOnly(key.value()) : current;
        const QList<KeyDistributor::Target> targets =
            targetsOn(relay, wanted.value(), login, knownHosts,
                      parser.value(QStringLiteral("user")), matched, allOk);
        if (targets.isEmpty()) {
            continue;
        }
        KeyDistributor distributor(relay, knownHosts, m_context.hostKeyPolicy(true),
                                   m_context.timeoutSeconds() * 1000);
        QList<KeyDistributor::Report> reports;
        switch (operation) {
        case Operation::Install:
            reports = distributor.install(current, key.value(), keyOnly(key.value()), targets);
            break;
        case Operation::Rotate:
            reports = distributor.rotate(keyOnly(key.value()), key.value(), *newKey,
                                         keyOnly(*newKey), targets);
            if (distributor.relayRotated()) {
                allOk = rememberRelayKey(relay, *newKey) && allOk;
            }
            break;
        case Operation::Revoke:
            reports = distributor.revoke(current, key.value(), targets);
            break;
        }
        allOk = recordOutcomes(operation, relay, targets, reports, key.value(), newKey, login,
                               report) &&
                allOk;
    }
    for (const QString &target : wanted.value()) {
        if (!matched.contains(target)) {
            CliContext::printError(
                KeysCommand::tr("No relay or device matches \"%1\".").arg(target.left(80)));
            allOk = false;
        }
    }
    if (m_context.json()) {
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)));
    }
    return allOk ? 0 : 1;
}

Result<QStringList> KeysCommand::wantedTargets(const KeyStore::Key &key,
                                               const QStringList &named) const
{
    if (!named.isEmpty()) {
        return named;
    }
    // Rotate or revoke everywhere the key is known to be installed.
    QStringList wanted;
    for (const QString &where : key.installedOn) {
        wanted << (where.startsWith(QStringLiteral("relay:")) ? where.mid(6) : where);
    }
    if (wanted.isEmpty()) {
        return Error::make(Error::Code::NotFound,
                           KeysCommand::tr("Key %1 is not known to be installed anywhere; name "
                                           "the targets.")
                               .arg(key.name));
    }
    return wanted;
}

QList<KeyDistributor::Target>
KeysCommand::targetsOn(const RelayConfig &relay, const QStringList &wanted,
                       const Credentials &login, KnownHostsFile &knownHosts, const QString &user,
                       QSet<QString> &matched, bool &allOk) const
{
    // The relay itself and RELAY:PORT need nothing from the relay; ids and labels need its
    // registry.
    QList<KeyDistributor::Target> targets;
    QStringList needsRegistry;
    for (const QString &target : wanted) {
        if (target == relay.name) {
            targets << KeyDistributor::Target{true, {}};
            matched.insert(target);
        } else if (target.startsWith(relay.name + QLatin1Char(':'))) {
            DeviceTarget device;
            device.relay = relay.name;
            device.port = target.mid(relay.name.size() + 1).toInt();
            device.user = DeviceTarget::loginUser(user, {});
            targets << KeyDistributor::Target{false, device};
            matched.insert(target);
        } else {
            needsRegistry << target;
        }
    }
    if (needsRegistry.isEmpty()) {
        return targets;
    }
    auto listing = [&]() -> Result<RegistryListing> {
        auto connection =
            RelayConnection::open(relay, login, knownHosts, m_context.hostKeyPolicy(true),
                                  m_context.connectDeadline(), CancelToken());
        if (!connection) {
            return connection.error();
        }
        return RelayRegistry(*connection.value(), m_context.connectDeadline()).list();
    }();
    if (!listing) {
        // Said here: otherwise its devices would only be reported as matching nothing.
        CliContext::printError(KeysCommand::tr("Relay %1: cannot read its registry: %2")
                                   .arg(relay.name, listing.error().message));
        allOk = false;
        return targets;
    }
    for (const QString &target : needsRegistry) {
        for (const auto &entry : listing->entries) {
            if (!entry.record) {
                continue;
            }
            const bool hit = target.startsWith(QLatin1Char('@'))
                                 ? entry.record->labels.contains(target.mid(1))
                                 : entry.record->id == target;
            if (hit) {
                DeviceTarget device;
                device.relay = relay.name;
                device.port = entry.record->port;
                device.deviceId = entry.record->id;
                device.user = DeviceTarget::loginUser(user, entry.record->user);
                targets << KeyDistributor::Target{false, device};
                matched.insert(target);
            }
        }
    }
    return targets;
}

bool KeysCommand::rememberRelayKey(RelayConfig relay, const KeyStore::Key &newKey) const
{
    relay.identityFile = newKey.privateKeyPath;
    const auto saved = RelayStore(m_context.paths().relaysFile()).save(relay);
    if (!saved) {
        // The relay takes only the new key now: the user must know the config still names
        // the old one.
        CliContext::printError(
            KeysCommand::tr("Relay %1 now takes only key %2, but the relay "
                            "list could not be updated (%3): run `relay "
                            "add %1 ... --identity %4`.")
                .arg(relay.name, newKey.name, saved.error().message, newKey.privateKeyPath));
        return false;
    }
    return true;
}

bool KeysCommand::recordOutcomes(Operation operation, const RelayConfig &relay,
                                 const QList<KeyDistributor::Target> &targets,
                                 const QList<KeyDistributor::Report> &reports,
                                 const KeyStore::Key &key,
                                 const std::optional<KeyStore::Key> &newKey,
                                 const Credentials &login, QJsonArray &report)
{
    QJsonObject details{{QStringLiteral("key"), key.name},
                        {QStringLiteral("fingerprint"), key.fingerprint}};
    if (newKey) {
        details.insert(QStringLiteral("new_key"), newKey->name);
        details.insert(QStringLiteral("new_fingerprint"), newKey->fingerprint);
    }
    bool allOk = true;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        const auto &r = reports[i];
        allOk = allOk && r.ok;
        const QString where =
            targets[i].isRelay
                ? QStringLiteral("relay:%1").arg(relay.name)
                : (targets[i].device.deviceId.isEmpty()
                       ? QStringLiteral("%1:%2").arg(relay.name).arg(targets[i].device.port)
                       : targets[i].device.deviceId);
        AuditLog::Entry entry;
        entry.action = operation == Operation::Install  ? AuditLog::Action::KeyInstalled
                       : operation == Operation::Rotate ? AuditLog::Action::KeyRotated
                                                        : AuditLog::Action::KeyRevoked;
        entry.device = where;
        entry.relay = relay.name;
        entry.key = AuditLog::keyFingerprint(login.identityFile);
        entry.ok = r.ok;
        entry.result = r.message;
        entry.details = details;
        m_context.audit(entry);
        if (r.ok) {
            // Where each key is installed is a note for later rotations and revocations.
            if (operation == Operation::Install) {
                (void)m_store.setInstalled(key.name, where, true);
            } else if (operation == Operation::Rotate) {
                (void)m_store.setInstalled(key.name, where, false);
                (void)m_store.setInstalled(newKey->name, where, true);
            } else {
                (void)m_store.setInstalled(key.name, where, false);
            }
        }
        if (m_context.json()) {
            report.append(QJsonObject{{QStringLiteral("target"), where},
                                      {QStringLiteral("ok"), r.ok},
                                      {QStringLiteral("message"), r.message}});
        } else {
            CliContext::printOut(QStringLiteral("%1\t%2\t%3")
                                     .arg(where,
                                          r.ok ? KeysCommand::tr("ok") : KeysCommand::tr("FAILED"),
                                          r.message));
        }
    }
    return allOk;
}

} // namespace relayfleet::cli
