#pragma once

#include "base/Platform.h"

#include <QStandardPaths>
#include <QString>

namespace relayfleet {

// Where the app keeps its files. One directory holds everything, so `--home DIR` (or
// RELAYFLEET_HOME) isolates a test or a second profile completely.
class AppPaths
{
public:
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
    QString relaysFile() const;
    QString knownHostsFile() const;
    QString deviceLocationsFile() const;

private:
    explicit AppPaths(QString home);
    QString m_home;
};

} // namespace relayfleet
