#pragma once

#include "base/Result.h"
#include "fleet/DeviceStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace relayfleet {

// Where each device was last seen in a relay's registry (relay, port, login user), kept in
// <home>/device-locations.json so that `exec ID` can go to the device at once instead of
// asking the relay first (three round trips on a cellular link). Only a hint: the device's
// pinned host key proves it is the right one, and a miss is settled by the registry.
class DeviceLocations
{
    Q_DECLARE_TR_FUNCTIONS(DeviceLocations)
public:
    struct Location
    {
        QString relay;
        int port = 0;
        QString user;
        QDateTime seen = {}; // when the app last found it online (its probe answered)
    };

    explicit DeviceLocations(QString path);

    // Nothing (never an error) when the file is missing, unreadable or not ours. Failing to
    // write it costs only speed, so callers may go on after an error from the writers.
    std::optional<Location> find(const QString &id) const;
    Result<void> remember(const QString &id, const Location &location);
    // A fresh listing of `relay`: its devices replace whatever was known of that relay.
    Result<void> rememberRelay(const QString &relay,
                               const QList<std::pair<QString, Location>> &devices);
    // rememberRelay() with what a scan of `relay` found (every registered, valid device), and
    // the time each was last found online: a device that is not online now gets the time the
    // app last saw it as its last sign of life, when that is newer than its heartbeat.
    Result<void> rememberScan(const QString &relay, QList<DeviceStatus> &statuses);
    Result<void> forget(const QString &id);
    // The ports where devices were last seen on `relay`, to probe before its registry answers.
    QList<int> portsOn(const QString &relay) const;

private:
    QJsonObject load() const;
    static std::optional<Location> parse(const QString &id, const QJsonObject &entry);
    Result<void> save(const QJsonObject &devices) const;

    QString m_path;
};

} // namespace relayfleet
