#include "fleet/DeviceStatus.h"

#include <QJsonArray>
#include <algorithm>

namespace relayfleet {

namespace {

// A version the registry does not record is null in JSON, not 0.
QJsonValue orNull(int version)
{
    return version > 0 ? QJsonValue(version) : QJsonValue();
}

} // namespace

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

qint64 DeviceStatus::silenceAllowedSeconds(int heartbeatEvery)
{
    // A runner ends its connection when a heartbeat goes unanswered for its REPLY_WAIT (60 s by
    // default; shorter intervals are tests or the lan profile, whose runners give up sooner).
    const qint64 every = heartbeatEvery > 0 ? heartbeatEvery : 5;
    return every + std::min<qint64>(every, 60) + 15;
}

DeviceStatus::DataTotal DeviceStatus::dataTotal(const QList<DeviceStatus> &statuses)
{
    DataTotal total;
    for (const DeviceStatus &status : statuses) {
        if (status.usage.isValid()) {
            total.bytes += status.usage.tunnelMonth;
            ++total.reporting;
        }
    }
    return total;
}

bool DeviceStatus::deviceFilesOutdated() const
{
    // Only enrolled devices carry Relay Fleet's files (a hand-made tunnel has none).
    return !tunnelKey.isEmpty() && deviceFiles.olderThan(DeviceFileVersions::current());
}

void DeviceStatus::noteOutages()
{
    const QList<ConnectionHistory::Outage> outages = connections.outages();
    lastOutage = {};
    for (auto it = outages.crbegin(); it != outages.crend(); ++it) {
        if (it->end.isValid()) {
            lastOutage = *it;
            break;
        }
    }
    offlineSince = {};
    offlineCauses = {};
    if (state == State::Online) {
        return;
    }
    if (!outages.isEmpty() && !outages.last().end.isValid()) {
        offlineCauses = outages.last().causes;
    } else {
        offlineCauses = connections.reportedSinceUp(); // up at the relay, yet not answering
    }
    // The relay recorded the going; else (a device that lost power is noticed only at its next
    // connect) its last heartbeat is when it went.
    offlineSince = connections.downSince();
    if (!offlineSince.isValid()) {
        offlineSince = lastSeen;
    }
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
        {QStringLiteral("heartbeat_every"),
         heartbeatEvery > 0 ? QJsonValue(heartbeatEvery) : QJsonValue()},
        {QStringLiteral("data"), usage.toJson()},
        {QStringLiteral("health"), health.toJson()},
        {QStringLiteral("checked_by"), probed ? QStringLiteral("probe") : QStringLiteral("relay")},
        {QStringLiteral("host_key"),
         hostKeyFingerprint.isEmpty() ? QJsonValue() : QJsonValue(hostKeyFingerprint)},
        {QStringLiteral("labels"), QJsonArray::fromStringList(labels)},
        {QStringLiteral("tunnel_key"), tunnelKey.isEmpty() ? QJsonValue() : QJsonValue(tunnelKey)},
        {QStringLiteral("device_files"),
         tunnelKey.isEmpty() ? QJsonValue() : QJsonValue(deviceFiles.runner)},
        {QStringLiteral("device_file_versions"),
         tunnelKey.isEmpty()
             ? QJsonValue()
             : QJsonObject{{QStringLiteral("runner"), deviceFiles.runner},
                           {QStringLiteral("key_helper"), orNull(deviceFiles.keyHelper)},
                           {QStringLiteral("overrides_module"),
                            orNull(deviceFiles.overridesModule)}}},
        {QStringLiteral("device_files_outdated"), deviceFilesOutdated()},
        {QStringLiteral("offline_since"),
         offlineSince.isValid() ? QJsonValue(offlineSince.toUTC().toString(Qt::ISODate))
                                : QJsonValue()},
        {QStringLiteral("offline_causes"), QJsonArray::fromStringList(offlineCauses)},
        {QStringLiteral("offline_cause"),
         offlineCauses.isEmpty() ? QJsonValue()
                                 : QJsonValue(ConnectionHistory::causesText(offlineCauses))},
        {QStringLiteral("last_outage"),
         lastOutage.start.isValid()
             ? QJsonValue(QJsonObject{
                   {QStringLiteral("start"), lastOutage.start.toUTC().toString(Qt::ISODate)},
                   {QStringLiteral("end"), lastOutage.end.toUTC().toString(Qt::ISODate)},
                   {QStringLiteral("causes"), QJsonArray::fromStringList(lastOutage.causes)},
                   {QStringLiteral("cause"),
                    lastOutage.causes.isEmpty()
                        ? QJsonValue()
                        : QJsonValue(ConnectionHistory::causesText(lastOutage.causes))}})
             : QJsonValue()},
    };
    if (!problem.isEmpty()) {
        json.insert(QStringLiteral("problem"), problem);
    }
    return json;
}

} // namespace relayfleet
