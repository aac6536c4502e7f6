#pragma once

#include "base/AppPaths.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "fleet/DeviceLocations.h"
#include "hostkeys/HostKeyPolicy.h"
#include "relay/FleetAccess.h"
#include "relay/RelayConfig.h"
#include "relay/RelayConnection.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QString>
#include <memory>
#include <mutex>
#include <optional>

namespace relayfleet::cli {

// What every command needs: where the app's files are, how to ask for secrets and host key
// acceptance, and how to report. Built once from the global options.
class CliContext
{
public:
    static void addGlobalOptions(QCommandLineParser &parser);
    explicit CliContext(const QCommandLineParser &parser);

    const AppPaths &paths() const { return m_paths; }
    DeviceLocations deviceLocations() const
    {
        return DeviceLocations(m_paths.deviceLocationsFile());
    }
    bool json() const { return m_json; }
    QDeadlineTimer connectDeadline() const;
    int timeoutSeconds() const { return m_timeoutSeconds; }

    Credentials credentials(const QString &identityFile) const;
    // persisted=false for keys that are checked for one connection and never written.
    HostKeyPolicy hostKeyPolicy(bool persisted) const;

    // The key for relay logins: --identity, else the relay's.
    QString relayIdentity(const RelayConfig &relay) const;
    // The key for device logins: --device-identity, else --identity, else the relay's.
    QString deviceIdentity(const RelayConfig &relay) const;
    // How this command reaches the fleet: the saved relays, the keys above (passphrases asked
    // once), the pins and the host key policy of the options, the --timeout.
    FleetAccess fleetAccess() const;
    // Host key policy for many device sessions at once: no prompts from parallel threads.
    HostKeyPolicy parallelHostKeyPolicy() const;

    // Appends `entry` to the audit log as the CLI's; a log that cannot be written is said on
    // stderr, the command's own outcome stands.
    void audit(AuditLog::Entry entry) const;

    // Logs in to a relay, pinning its key according to the global options.
    Result<std::shared_ptr<RelayConnection>> connectRelay(const RelayConfig &relay) const;
    // The relays a command acts on: the one named, or all of them.
    Result<QList<RelayConfig>> relays(const QString &onlyName = {}) const;

    static void printOut(const QString &text);
    static void printError(const QString &text);
    // One clear sentence on stderr; returns the exit code to use.
    static int fail(const Error &error, int exitCode = 1);

private:
    AppPaths m_paths;
    bool m_json = false;
    bool m_acceptNewHostKey = false;
    bool m_passwordFromStdin = false;
    int m_timeoutSeconds = 15;
    QString m_identityOverride;
    QString m_deviceIdentityOverride;
    struct StdinPassword
    {
        std::once_flag read;
        std::optional<QString> value;
    };
    std::shared_ptr<StdinPassword> m_stdinPassword;
    class Passphrases;
    std::shared_ptr<Passphrases> m_passphrases;
};

} // namespace relayfleet::cli
