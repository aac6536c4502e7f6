#pragma once

#include <QCoreApplication>
#include <QString>

namespace relayfleet {

// A device as reached through a relay. Its identity is its id and pinned host key; the port
// only says where its tunnel listens today.
struct DeviceTarget
{
    Q_DECLARE_TR_FUNCTIONS(DeviceTarget)

public:
    QString relay;
    int port = 0;
    QString deviceId; // empty for a tunnel that is not registered yet
    QString user = QString::fromLatin1(kDefaultUser);

    static constexpr char kDefaultUser[] = "pi";
    // Who logs in to a device, the one rule for every operation (exec, terminal, system
    // terminal, keys, push, overrides, remove): the user named for this command (--user), else
    // the one the device was registered with (enrolled or adopted as), else pi.
    static QString loginUser(const QString &named, const QString &registered);

    static bool isValidId(const QString &id);

    // The known_hosts name the device is pinned under ("relayfleet-<id>").
    QString knownHostsName() const;
    QString displayName() const;
    // Its id, or RELAY:PORT for a tunnel nobody registered: how results and records name it.
    QString idOrPort() const;
};

} // namespace relayfleet
