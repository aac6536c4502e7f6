#include "fleet/FleetAlerts.h"

#include <QSet>

namespace relayfleet {

FleetAlerts::FleetAlerts(qint64 offlineAfterSeconds)
    : m_offlineAfterSeconds(offlineAfterSeconds)
{
}

bool FleetAlerts::allow(Watched &watched, const QDateTime &now)
{
    const QDateTime hourAgo = now.addSecs(-3600);
    while (!watched.toldAt.isEmpty() && watched.toldAt.first() < hourAgo) {
        watched.toldAt.removeFirst();
    }
    if (watched.toldAt.size() >= kMaxEventsPerHour) {
        ++m_suppressed;
        return false;
    }
    watched.toldAt << now;
    return true;
}

QList<FleetAlerts::Event>
FleetAlerts::update(const QString &relay, const QList<DeviceStatus> &statuses, const QDateTime &now)
{
    QList<Event> events;
    QSet<QString> listed;
    for (const DeviceStatus &status : statuses) {
        // Only registered devices: an unregistered tunnel has no identity to follow.
        if (status.id.isEmpty() || status.state == DeviceStatus::State::Unregistered ||
            status.state == DeviceStatus::State::Invalid) {
            continue;
        }
        const QString key = relay + QLatin1Char('\n') + status.id;
        listed.insert(key);
        Watched &watched = m_devices[key];
        watched.name = status.name.isEmpty() ? status.id : status.name;
        Event event;
        event.device = status.id;
        event.name = watched.name;
        event.relay = relay;
        event.at = now;
        // Its own report: a critical worry is told when it starts or changes, not while it lasts.
        const QString worries = status.health.level() == DeviceHealth::Level::Critical
                                    ? status.health.reasons().join(QStringLiteral("; "))
                                    : QString();
        if (!worries.isEmpty() && worries != watched.healthTold) {
            Event health = event;
            health.kind = Event::Kind::HealthCritical;
            health.since = status.health.reported;
            health.reason = worries;
            if (allow(watched, now)) {
                events << health;
            }
        }
        watched.healthTold = worries;
        if (status.state == DeviceStatus::State::Online) {
            if (watched.told) {
                event.kind = Event::Kind::BackOnline;
                event.since = watched.downSince;
                if (allow(watched, now)) {
                    events << event;
                }
            }
            watched.downSince = QDateTime();
            watched.told = false;
            continue;
        }
        if (!watched.downSince.isValid()) {
            // The relay's record says when the device went; else it is first noticed now.
            watched.downSince = status.offlineSince.isValid() && status.offlineSince <= now
                                    ? status.offlineSince
                                    : now;
        }
        watched.reason = status.offlineCauses.isEmpty()
                             ? DeviceStatus::stateLabel(status.state)
                             : status.offlineCauses.join(QStringLiteral("; "));
        if (!watched.told && watched.downSince.secsTo(now) >= m_offlineAfterSeconds) {
            watched.told = true;
            event.kind = Event::Kind::Offline;
            event.since = watched.downSince;
            event.reason = watched.reason;
            if (allow(watched, now)) {
                events << event;
            }
        }
    }
    // A device no longer on this relay's list (removed) is no longer followed.
    for (auto it = m_devices.begin(); it != m_devices.end();) {
        if (it.key().startsWith(relay + QLatin1Char('\n')) && !listed.contains(it.key())) {
            it = m_devices.erase(it);
        } else {
            ++it;
        }
    }
    return events;
}

QString FleetAlerts::kindName(Event::Kind kind)
{
    switch (kind) {
    case Event::Kind::Offline:
        return QStringLiteral("offline");
    case Event::Kind::BackOnline:
        return QStringLiteral("online");
    case Event::Kind::HealthCritical:
        return QStringLiteral("health");
    }
    return QStringLiteral("offline");
}

QString FleetAlerts::describe(const Event &event)
{
    if (event.kind == Event::Kind::HealthCritical) {
        return tr("%1 needs a look: %2.").arg(event.name, event.reason);
    }
    const qint64 minutes = std::max<qint64>(0, event.since.secsTo(event.at) / 60);
    if (event.kind == Event::Kind::Offline) {
        return tr("%1 has been unreachable for %n min (%2).", nullptr, int(minutes))
            .arg(event.name, event.reason);
    }
    return tr("%1 is back online after %n min.", nullptr, int(minutes)).arg(event.name);
}

QJsonObject FleetAlerts::toJson(const Event &event)
{
    return QJsonObject{
        {QStringLiteral("event"), kindName(event.kind)},
        {QStringLiteral("device"), event.device},
        {QStringLiteral("name"), event.name},
        {QStringLiteral("relay"), event.relay},
        {QStringLiteral("at"), event.at.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("since"),
         event.since.isValid() ? event.since.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("reason"), event.reason},
        {QStringLiteral("message"), describe(event)},
    };
}

} // namespace relayfleet
