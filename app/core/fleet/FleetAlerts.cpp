#include "fleet/FleetAlerts.h"

#include <QLocale>

namespace relayfleet {

FleetAlerts::FleetAlerts(AlertRules rules)
    : m_rules(std::move(rules))
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
        checkHealth(watched, status, event, events);
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
        const std::optional<qint64> limit = m_rules.offlineLimit(status.labels);
        if (!watched.told && limit && watched.downSince.secsTo(now) >= *limit) {
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

void FleetAlerts::checkHealth(Watched &watched, const DeviceStatus &status, const Event &base,
                              QList<Event> &events)
{
    const DeviceHealth &health = status.health;
    if (!health.isValid()) {
        return;
    }
    const QLocale locale;
    // Whether a condition holds now (told when it starts) and whether it is over (cleared with
    // a margin); between the two it stays as it was.
    const auto follow = [&](Event::Kind kind, bool holds, bool over, const QString &reason) {
        if (over) {
            watched.conditions.remove(kind);
        }
        if (!holds || watched.conditions.contains(kind)) {
            return;
        }
        watched.conditions.insert(kind);
        Event event = base;
        event.kind = kind;
        event.since = health.reported;
        event.reason = reason;
        if (allow(watched, base.at)) {
            events << event;
        }
    };
    const int diskLimit = m_rules.diskFreeBelowPercent;
    const bool diskKnown = health.diskFreePercent.has_value();
    const int disk = health.diskFreePercent.value_or(100);
    follow(Event::Kind::LowDisk, diskLimit > 0 && diskKnown && disk < diskLimit,
           diskLimit == 0 || !diskKnown || disk >= diskLimit + kDiskMarginPercent,
           tr("disk %1 % free, under %2 %").arg(disk).arg(diskLimit));
    const int hotLimit = m_rules.temperatureAboveC;
    const bool temperatureKnown = health.temperatureMilliC.has_value();
    const int milliC = health.temperatureMilliC.value_or(0);
    follow(Event::Kind::Hot, hotLimit > 0 && temperatureKnown && milliC > hotLimit * 1000,
           hotLimit == 0 || !temperatureKnown || milliC <= (hotLimit - kTemperatureMarginC) * 1000,
           tr("%1 °C, over %2 °C").arg(locale.toString(milliC / 1000.0, 'f', 1)).arg(hotLimit));
    const bool underVoltage = m_rules.underVoltage && health.underVoltageNow();
    follow(Event::Kind::UnderVoltage, underVoltage, !underVoltage,
           tr("under-voltage: its power supply is too weak"));
}

QString FleetAlerts::kindName(Event::Kind kind)
{
    switch (kind) {
    case Event::Kind::Offline:
        return QStringLiteral("offline");
    case Event::Kind::BackOnline:
        return QStringLiteral("online");
    case Event::Kind::LowDisk:
        return QStringLiteral("disk");
    case Event::Kind::Hot:
        return QStringLiteral("temperature");
    case Event::Kind::UnderVoltage:
        return QStringLiteral("under-voltage");
    }
    return QStringLiteral("offline");
}

QString FleetAlerts::describe(const Event &event)
{
    if (event.kind != Event::Kind::Offline && event.kind != Event::Kind::BackOnline) {
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
