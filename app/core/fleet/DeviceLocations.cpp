#include "fleet/DeviceLocations.h"

#include "base/JsonFile.h"
#include "relay/DeviceTarget.h"

#include <QJsonObject>

namespace relayfleet {

namespace {

constexpr int kFormatVersion = 1;

QJsonObject toJson(const DeviceLocations::Location &location)
{
    QJsonObject json{{QStringLiteral("relay"), location.relay},
                     {QStringLiteral("port"), location.port},
                     {QStringLiteral("user"), location.user}};
    if (location.seen.isValid()) {
        json.insert(QStringLiteral("seen"), location.seen.toUTC().toString(Qt::ISODate));
    }
    return json;
}

} // namespace

DeviceLocations::DeviceLocations(QString path)
    : m_path(std::move(path))
{
}

QJsonObject DeviceLocations::load() const
{
    // Only a hint: a file that cannot be read is no hint (and is replaced by the next scan).
    const auto root = JsonFile(m_path, kFormatVersion).read();
    return root ? root->value(QStringLiteral("devices")).toObject() : QJsonObject();
}

Result<void> DeviceLocations::save(const QJsonObject &devices) const
{
    return JsonFile(m_path, kFormatVersion)
        .write(QJsonObject{{QStringLiteral("devices"), devices}});
}

std::optional<DeviceLocations::Location> DeviceLocations::find(const QString &id) const
{
    return parse(id, load().value(id).toObject());
}

std::optional<DeviceLocations::Location> DeviceLocations::parse(const QString &id,
                                                                const QJsonObject &entry)
{
    Location location{
        entry.value(QStringLiteral("relay")).toString(),
        entry.value(QStringLiteral("port")).toInt(), entry.value(QStringLiteral("user")).toString(),
        QDateTime::fromString(entry.value(QStringLiteral("seen")).toString(), Qt::ISODate)};
    // The file is ours, but it is checked as if it were not: a bad entry is no hint at all.
    if (!DeviceTarget::isValidId(id) || location.relay.isEmpty() || location.port < 1 ||
        location.port > 65535) {
        return std::nullopt;
    }
    return location;
}

Result<void> DeviceLocations::remember(const QString &id, const Location &location)
{
    QJsonObject devices = load();
    Location kept = location;
    if (!kept.seen.isValid()) { // a new place does not make the device's last sighting older
        if (const auto before = parse(id, devices.value(id).toObject())) {
            kept.seen = before->seen;
        }
    }
    devices.insert(id, toJson(kept));
    return save(devices);
}

Result<void> DeviceLocations::rememberRelay(const QString &relay,
                                            const QList<std::pair<QString, Location>> &found)
{
    QJsonObject devices = load();
    for (auto it = devices.begin(); it != devices.end();) {
        it = it.value().toObject().value(QStringLiteral("relay")).toString() == relay
                 ? devices.erase(it)
                 : it + 1;
    }
    for (const auto &[id, location] : found) {
        devices.insert(id, toJson(location));
    }
    return save(devices);
}

Result<void> DeviceLocations::rememberScan(const QString &relay, QList<DeviceStatus> &statuses)
{
    QList<std::pair<QString, Location>> located;
    const QJsonObject known = load(); // once, not once per device: a refresh may list a thousand
    for (DeviceStatus &status : statuses) {
        if (status.id.isEmpty() || status.state == DeviceStatus::State::Invalid) {
            continue;
        }
        Location location{relay, status.port, status.user, {}};
        if (status.state == DeviceStatus::State::Online &&
            status.lastSeenBy == DeviceStatus::SeenBy::Probe) {
            location.seen = status.lastSeen;
        } else if (const auto before = parse(status.id, known.value(status.id).toObject());
                   before && before->seen.isValid()) {
            status.seen(before->seen, DeviceStatus::SeenBy::Probe);
            location.seen = before->seen;
        }
        located.append({status.id, location});
    }
    return rememberRelay(relay, located);
}

QList<int> DeviceLocations::portsOn(const QString &relay) const
{
    const QJsonObject devices = load();
    QList<int> ports;
    for (auto it = devices.begin(); it != devices.end(); ++it) {
        const auto location = parse(it.key(), it.value().toObject());
        if (location && location->relay == relay && !ports.contains(location->port)) {
            ports << location->port;
        }
    }
    return ports;
}

Result<void> DeviceLocations::forget(const QString &id)
{
    QJsonObject devices = load();
    if (!devices.contains(id)) {
        return {};
    }
    devices.remove(id);
    return save(devices);
}

} // namespace relayfleet
