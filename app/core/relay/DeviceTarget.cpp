#include "relay/DeviceTarget.h"

#include "hostkeys/KnownHostsFile.h"

#include <QRegularExpression>

namespace relayfleet {

QString DeviceTarget::loginUser(const QString &named, const QString &registered)
{
    if (!named.isEmpty()) {
        return named;
    }
    return registered.isEmpty() ? QString::fromLatin1(kDefaultUser) : registered;
}

bool DeviceTarget::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}\\z"));
    return pattern.match(id).hasMatch();
}

QString DeviceTarget::knownHostsName() const
{
    if (!deviceId.isEmpty()) {
        return KnownHostsFile::deviceAlias(deviceId);
    }
    // Never written to known_hosts (see HostKeyPolicy::persist); only names the session.
    return QStringLiteral("relayfleet-unregistered-%1-%2").arg(relay).arg(port);
}

QString DeviceTarget::idOrPort() const
{
    return deviceId.isEmpty() ? QStringLiteral("%1:%2").arg(relay).arg(port) : deviceId;
}

QString DeviceTarget::displayName() const
{
    if (!deviceId.isEmpty()) {
        return tr("device %1").arg(deviceId);
    }
    return tr("the tunnel on %1:%2").arg(relay).arg(port);
}

} // namespace relayfleet
