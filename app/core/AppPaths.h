#pragma once

#include <QString>

namespace relayfleet {

// Where the app keeps its files. One directory holds everything, so `--home DIR` (or
// RELAYFLEET_HOME) isolates a test or a second profile completely.
class AppPaths
{
public:
    // explicitHome wins, then $RELAYFLEET_HOME, then the platform's app config location.
    static AppPaths resolve(const QString &explicitHome = {});

    const QString &home() const { return m_home; }
    QString relaysFile() const;
    QString knownHostsFile() const;
    QString deviceLocationsFile() const;

private:
    explicit AppPaths(QString home);
    QString m_home;
};

} // namespace relayfleet
