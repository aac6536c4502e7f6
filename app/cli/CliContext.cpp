#include "CliContext.h"

#include "TerminalPrompt.h"
#include "hostkeys/KnownHostsFile.h"
#include "keys/KeyStore.h"
#include "keys/KeychainSecretStore.h"
#include "relay/RelayStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QTextStream>
#include <cstdio>
#include <mutex>

namespace relayfleet::cli {

void CliContext::addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("home"),
         QCoreApplication::translate("CliContext", "Keep Relay Fleet's files in DIR (also "
                                                   "RELAYFLEET_HOME)."),
         QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("json"),
                      QCoreApplication::translate("CliContext", "Print machine-readable JSON.")});
    parser.addOption({QStringLiteral("timeout"),
                      QCoreApplication::translate("CliContext",
                                                  "Give up connecting after SECONDS (default 15)."),
                      QStringLiteral("SECONDS"), QStringLiteral("15")});
    parser.addOption(
        {QStringLiteral("accept-new-host-key"),
         QCoreApplication::translate("CliContext", "Accept a host key seen for the first time "
                                                   "(a changed key is always refused).")});
    parser.addOption(
        {QStringLiteral("identity"),
         QCoreApplication::translate("CliContext", "Log in with this private key file."),
         QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("password-stdin"),
         QCoreApplication::translate("CliContext", "Read a login password from the first line "
                                                   "of standard input.")});
}

// The passphrase of each key, asked for once per run: many device logins at once (a label, a
// refresh) then wait for one keychain read or one prompt instead of each asking.
class CliContext::Passphrases
{
public:
    explicit Passphrases(QString home)
        : m_home(std::move(home))
    {
    }

    std::optional<QString> get(const QString &keyFile)
    {
        const std::lock_guard lock(m_mutex);
        const auto known = m_known.constFind(keyFile);
        if (known != m_known.cend()) {
            return *known;
        }
        const std::optional<QString> asked = ask(keyFile);
        m_known.insert(keyFile, asked);
        return asked;
    }

private:
    std::optional<QString> ask(const QString &keyFile) const
    {
        // The app's own keys keep their passphrase in the keychain; others are asked for.
        if (const auto secret = fromKeychain(keyFile)) {
            return secret;
        }
        return TerminalPrompt::secret(
            QCoreApplication::translate("CliContext", "Passphrase for %1: ").arg(keyFile));
    }

    std::optional<QString> fromKeychain(const QString &keyFile) const
    {
        KeychainSecretStore keychain;
        KeyStore store(m_home, &keychain);
        if (const auto key = store.findByPath(keyFile)) {
            if (auto secret = store.passphrase(*key)) {
                return secret.value();
            }
        }
        return std::nullopt;
    }

    QString m_home;
    std::mutex m_mutex;
    QHash<QString, std::optional<QString>> m_known;
};

CliContext::CliContext(const QCommandLineParser &parser)
    : m_paths(AppPaths::resolve(parser.value(QStringLiteral("home"))))
    , m_json(parser.isSet(QStringLiteral("json")))
    , m_acceptNewHostKey(parser.isSet(QStringLiteral("accept-new-host-key")))
    , m_passwordFromStdin(parser.isSet(QStringLiteral("password-stdin")))
    , m_identityOverride(parser.value(QStringLiteral("identity")))
    , m_deviceIdentityOverride(parser.value(QStringLiteral("device-identity")))
    , m_stdinPassword(std::make_shared<StdinPassword>())
    , m_passphrases(std::make_shared<Passphrases>(m_paths.home()))
{
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (ok && seconds > 0 && seconds <= 3600) {
        m_timeoutSeconds = seconds;
    }
}

QDeadlineTimer CliContext::connectDeadline() const
{
    return QDeadlineTimer(std::chrono::seconds(m_timeoutSeconds));
}

Credentials CliContext::credentials(const QString &identityFile) const
{
    Credentials credentials;
    credentials.identityFile = identityFile;
    if (KeychainSecretStore::readsBeforeWorkers(hostPlatform()) && !identityFile.isEmpty() &&
        KeyStore(m_paths.home(), nullptr).findByPath(identityFile)) {
        // Here, on the main thread: the device logins that need it run on workers.
        m_passphrases->get(identityFile);
    }
    credentials.passphrase = [passphrases = m_passphrases](const QString &keyFile) {
        return passphrases->get(keyFile);
    };
    if (m_passwordFromStdin) {
        // Read once, by whichever login asks first: logins to a label's devices run at once.
        credentials.password = [password = m_stdinPassword](const QString &) {
            std::call_once(password->read, [&] {
                QTextStream in(stdin);
                password->value = in.readLine();
            });
            return password->value;
        };
    } else {
        credentials.password = [](const QString &who) {
            return TerminalPrompt::secret(
                QCoreApplication::translate("CliContext", "Password for %1: ").arg(who));
        };
    }
    return credentials;
}

HostKeyPolicy CliContext::hostKeyPolicy(bool persisted) const
{
    HostKeyPolicy policy;
    policy.persist = persisted;
    if (m_acceptNewHostKey) {
        policy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
    } else if (TerminalPrompt::hasTerminal()) {
        policy.onUnknown = HostKeyPolicy::OnUnknown::Ask;
        policy.ask = [persisted](const QString &who, const HostKey &key) {
            return TerminalPrompt::confirmHostKey(who, key, persisted);
        };
    }
    return policy;
}

QString CliContext::relayIdentity(const RelayConfig &relay) const
{
    return m_identityOverride.isEmpty() ? relay.identityFile : m_identityOverride;
}

QString CliContext::deviceIdentity(const RelayConfig &relay) const
{
    return m_deviceIdentityOverride.isEmpty() ? relayIdentity(relay) : m_deviceIdentityOverride;
}

FleetAccess CliContext::fleetAccess() const
{
    FleetAccess access;
    if (auto relays = RelayStore(m_paths.relaysFile()).load()) {
        access.relays = relays.value();
    }
    // A copy: the passphrases and the password read from stdin stay shared with this context.
    access.credentials = [context = *this](const RelayConfig &relay) {
        return context.credentials(context.relayIdentity(relay));
    };
    access.deviceCredentials = [context = *this](const RelayConfig &relay) {
        return context.credentials(context.deviceIdentity(relay));
    };
    access.deviceIdentityFile = [context = *this](const RelayConfig &relay) {
        return context.deviceIdentity(relay);
    };
    access.knownHostsPath = m_paths.knownHostsFile();
    access.deviceLocationsPath = m_paths.deviceLocationsFile();
    access.relayHostKeyPolicy = hostKeyPolicy(true);
    access.deviceHostKeyPolicy = hostKeyPolicy(true);
    access.connectTimeoutMs = m_timeoutSeconds * 1000;
    access.audit =
        std::make_shared<const AuditLog>(m_paths.home(), QStringLiteral("relayfleet-cli"));
    return access;
}

HostKeyPolicy CliContext::parallelHostKeyPolicy() const
{
    return hostKeyPolicy(true).withoutAsking(); // pin first with one single exec
}

void CliContext::audit(AuditLog::Entry entry) const
{
    if (auto recorded = AuditLog(m_paths.home(), QStringLiteral("relayfleet-cli")).record(entry);
        !recorded) {
        printError(recorded.error().message);
    }
}

Result<std::shared_ptr<RelayConnection>> CliContext::connectRelay(const RelayConfig &relay) const
{
    const FleetAccess access = fleetAccess();
    KnownHostsFile knownHosts(access.knownHostsPath);
    return access.connectRelay(relay, knownHosts, connectDeadline(), CancelToken());
}

Result<QList<RelayConfig>> CliContext::relays(const QString &onlyName) const
{
    RelayStore store(m_paths.relaysFile());
    if (!onlyName.isEmpty()) {
        auto relay = store.find(onlyName);
        if (!relay) {
            return relay.error();
        }
        return QList<RelayConfig>{relay.value()};
    }
    auto all = store.load();
    if (all && all->isEmpty()) {
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate("CliContext",
                                                       "No relay is configured yet; add one "
                                                       "with `relayfleet-cli relay add`."));
    }
    return all;
}

void CliContext::printOut(const QString &text)
{
    QTextStream out(stdout);
    out << text << Qt::endl;
}

void CliContext::printError(const QString &text)
{
    QTextStream err(stderr);
    err << QStringLiteral("relayfleet-cli: ") << text << Qt::endl;
}

int CliContext::fail(const Error &error, int exitCode)
{
    printError(error.message);
    return exitCode;
}

} // namespace relayfleet::cli
