#pragma once

#include "base/Platform.h"

#include <QStandardPaths>
#include <QString>

namespace relayfleet {

// Where the app keeps its files. One directory holds everything, so `--home DIR` (or
// RELAYFLEET_HOME) isolates a test or a second profile completely. Every file name under the
// home is spelled here and nowhere else.
class AppPaths
{
public:
    // The files under `home`, as it is (resolve() makes it absolute).
    explicit AppPaths(QString home);

    // explicitHome wins, then $RELAYFLEET_HOME, then the platform's default (defaultHomeLocation).
    static AppPaths resolve(const QString &explicitHome = {});

    // The default home's kind of location. On macOS, private keys and known_hosts are data:
    // Application Support (~/Library/Application Support/RelayFleet/relayfleet), not
    // ~/Library/Preferences, which AppConfigLocation means there and which is for settings
    // plists. Elsewhere the XDG config directory (~/.config/RelayFleet/relayfleet).
    static QStandardPaths::StandardLocation defaultHomeLocation(Platform platform);

    // Where an installation keeps the files the programs read at run time (translations, the
    // device and relay scripts), from the directory of the running binary: inside the app
    // bundle on macOS (relayfleet.app/Contents/MacOS -> Contents/Resources), share/relayfleet
    // beside bin elsewhere.
    static QString installedDataDir(Platform platform, const QString &applicationDir);

    const QString &home() const { return m_home; }
    QString relaysFile() const;          // relays.json: RelayStore
    QString knownHostsFile() const;      // known_hosts: every pinned host key
    QString deviceLocationsFile() const; // device-locations.json: where devices were last seen
    QString keysFile() const;            // keys.json: the app's keys (KeyStore)
    QString keysDir() const;             // keys/: the private key files
    QString overridesFile() const;       // overrides.json: desired values (DesiredOverrides)
    QString pushHistoryFile() const;     // push-history.jsonl: PushHistory
    QString auditLogFile() const;        // audit.jsonl: who did what (AuditLog)
    QString alertRulesFile() const;      // alerts.json: what to be told of (AlertRules)
    QString sshConfigFile() const;       // ssh_config: for OpenSSH (OpenSshConfig)

private:
    QString m_home;
};

} // namespace relayfleet
