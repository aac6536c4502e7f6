#include "fleet/DeviceStatus.h"

#include "registry/DeviceFiles.h"

#include <QJsonArray>

namespace relayfleet {

QString DeviceStatus::stateName(State state)
{
    switch (state) {
    case State::Online:
        return QStringLiteral("online");
    case State::Stale:
        return QStringLiteral("stale");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Unregistered:
        return QStringLiteral("unregistered");
    case State::Invalid:
        return QStringLiteral("invalid");
    }
    return QStringLiteral("offline");
}

QString DeviceStatus::stateLabel(State state)
{
    switch (state) {
    case State::Online:
        return tr("online");
    case State::Stale:
        return tr("stale");
    case State::Offline:
        return tr("offline");
    case State::Unregistered:
        return tr("unregistered");
    case State::Invalid:
        return tr("invalid");
    }
    return tr("offline");
}

DeviceTarget DeviceStatus::target() const
{
    DeviceTarget target;
    target.relay = relay;
    target.port = port;
    target.deviceId = id;
    if (!user.isEmpty()) {
        target.user = user;
    }
    return target;
}

void DeviceStatus::seen(const QDateTime &when, SeenBy by)
{
    if (when.isValid() && (!lastSeen.isValid() || when > lastSeen)) {
        lastSeen = when;
        lastSeenBy = by;
    }
}

bool DeviceStatus::deviceFilesOutdated() const
{
    // Only enrolled devices carry Relay Fleet's files (a hand-made tunnel has none).
    return !tunnelKey.isEmpty() && deviceFiles < DeviceFiles::currentVersion();
}

QJsonObject DeviceStatus::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id.isEmpty() ? QJsonValue() : QJsonValue(id)},
        {QStringLiteral("name"), name.isEmpty() ? QJsonValue() : QJsonValue(name)},
        {QStringLiteral("relay"), relay},
        {QStringLiteral("port"), port == 0 ? QJsonValue() : QJsonValue(port)},
        {QStringLiteral("status"), stateName(state)},
        {QStringLiteral("last_seen"),
         lastSeen.isValid() ? QJsonValue(lastSeen.toUTC().toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("last_seen_by"),
         lastSeenBy == SeenBy::Heartbeat ? QJsonValue(QStringLiteral("heartbeat"))
         : lastSeenBy == SeenBy::Probe   ? QJsonValue(QStringLiteral("probe"))
                                         : QJsonValue()},
        {QStringLiteral("host_key"),
         hostKeyFingerprint.isEmpty() ? QJsonValue() : QJsonValue(hostKeyFingerprint)},
        {QStringLiteral("labels"), QJsonArray::fromStringList(labels)},
        {QStringLiteral("tunnel_key"), tunnelKey.isEmpty() ? QJsonValue() : QJsonValue(tunnelKey)},
        {QStringLiteral("device_files"),
         tunnelKey.isEmpty() ? QJsonValue() : QJsonValue(deviceFiles)},
        {QStringLiteral("device_files_outdated"), deviceFilesOutdated()},
    };
    if (!problem.isEmpty()) {
        json.insert(QStringLiteral("problem"), problem);
    }
    return json;
}

} // namespace relayfleet
