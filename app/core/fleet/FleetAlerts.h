#pragma once

#include "fleet/DeviceStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace relayfleet {

// What in the fleet is worth telling the user about, worked out from the statuses each refresh
// brings (the relay's view: it costs the devices nothing): a registered device unreachable for
// longer than the user allows, the same device back, and a device whose own health report
// turns critical (under-voltage, running hot, disk almost full). Each outage is told once when
// it passes the limit and once when it ends, each critical worry once until it changes; a device
// that keeps dropping and coming back is told at most kMaxEventsPerHour times an hour (the rest are
// counted, not shown). The window turns the events into notifications, `relayfleet-cli watch` into
// lines.
class FleetAlerts
{
    Q_DECLARE_TR_FUNCTIONS(FleetAlerts)
public:
    static constexpr int kMaxEventsPerHour = 4;

    struct Event
    {
        enum class Kind
        {
            Offline,
            BackOnline,
            HealthCritical,
        };
        Kind kind = Kind::Offline;
        QString device; // id
        QString name;   // for people
        QString relay;
        QDateTime at;    // when it was noticed
        QDateTime since; // when the device became unreachable
        QString reason;  // the status's own words (stale, the causes the device reported)
    };

    // `offlineAfterSeconds`: how long a device may be unreachable before it is told.
    explicit FleetAlerts(qint64 offlineAfterSeconds = 600);

    void setOfflineAfterSeconds(qint64 seconds) { m_offlineAfterSeconds = seconds; }
    qint64 offlineAfterSeconds() const { return m_offlineAfterSeconds; }

    // The statuses of one relay's scan at `now`; the events they bring, in list order.
    QList<Event> update(const QString &relay, const QList<DeviceStatus> &statuses,
                        const QDateTime &now);
    // Events not told because a device passed its hourly limit.
    int suppressedCount() const { return m_suppressed; }

    static QString kindName(Event::Kind kind); // "offline", "online" (JSON, scripts)
    // One sentence for a notification, in the user's language.
    static QString describe(const Event &event);
    static QJsonObject toJson(const Event &event);

private:
    struct Watched
    {
        QString name;
        QDateTime downSince; // invalid while reachable
        QString reason;
        bool told = false;       // its current outage was told
        QString healthTold;      // the critical worries told last (empty: none now)
        QList<QDateTime> toldAt; // the last hour's events, for the limit
    };
    bool allow(Watched &watched, const QDateTime &now);

    qint64 m_offlineAfterSeconds;
    QHash<QString, Watched> m_devices; // by relay + id
    int m_suppressed = 0;
};

} // namespace relayfleet
