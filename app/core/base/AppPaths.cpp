#include "base/AppPaths.h"

#include <QDir>
#include <QStandardPaths>

namespace relayfleet {

AppPaths::AppPaths(QString home)
    : m_home(std::move(home))
{
}

AppPaths AppPaths::resolve(const QString &explicitHome)
{
    QString home = explicitHome;
    if (home.isEmpty()) {
        home = qEnvironmentVariable("RELAYFLEET_HOME");
    }
    if (home.isEmpty()) {
        home = QStandardPaths::writableLocation(defaultHomeLocation(hostPlatform()));
    }
    return AppPaths(QDir(home).absolutePath());
}

QStandardPaths::StandardLocation AppPaths::defaultHomeLocation(Platform platform)
{
    return platform == Platform::MacOS ? QStandardPaths::AppDataLocation
                                       : QStandardPaths::AppConfigLocation;
}

QString AppPaths::installedDataDir(Platform platform, const QString &applicationDir)
{
    const QDir binaries(applicationDir);
    return QDir::cleanPath(binaries.filePath(platform == Platform::MacOS
                                                 ? QStringLiteral("../Resources")
                                                 : QStringLiteral("../share/relayfleet")));
}

QString AppPaths::relaysFile() const
{
    return m_home + QStringLiteral("/relays.json");
}

QString AppPaths::knownHostsFile() const
{
    return m_home + QStringLiteral("/known_hosts");
}

QString AppPaths::deviceLocationsFile() const
{
    return m_home + QStringLiteral("/device-locations.json");
}

QString AppPaths::keysFile() const
{
    return m_home + QStringLiteral("/keys.json");
}

QString AppPaths::keysDir() const
{
    return m_home + QStringLiteral("/keys");
}

QString AppPaths::overridesFile() const
{
    return m_home + QStringLiteral("/overrides.json");
}

QString AppPaths::pushHistoryFile() const
{
    return m_home + QStringLiteral("/push-history.jsonl");
}

QString AppPaths::auditLogFile() const
{
    return m_home + QStringLiteral("/audit.jsonl");
}

QString AppPaths::alertRulesFile() const
{
    return m_home + QStringLiteral("/alerts.json");
}

QString AppPaths::sshConfigFile() const
{
    return m_home + QStringLiteral("/ssh_config");
}

} // namespace relayfleet
