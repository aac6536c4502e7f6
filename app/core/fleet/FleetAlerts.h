#pragma once

#include "fleet/AlertRules.h"
#include "fleet/DeviceStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace relayfleet {

// What in the fleet is worth telling the user about by their AlertRules, worked out from the
// statuses each refresh brings (the relay's view: it costs the devices nothing): a registered
// device unreachable for longer than its labels allow, the same device back, and what its own
// health report says against the user's limits (disk, temperature, under-voltage). Each outage
// is told once when it passes the limit and once when it ends, each health condition once when
// it starts (again only after it has cleared by a margin, so that a value hovering at the limit
// is not told over and over); a device that keeps dropping and coming back is told at most
// kMaxEventsPerHour times an hour (the rest are counted, not shown). The window turns the events
// into notifications, `relayfleet-cli watch` into lines, both into webhook posts.
class FleetAlerts
{
    Q_DECLARE_TR_FUNCTIONS(FleetAlerts)
public:
    static constexpr int kMaxEventsPerHour = 4;
    // How far back a health value must come before its condition counts as over.
    static constexpr int kDiskMarginPercent = 2;
    static constexpr int kTemperatureMarginC = 5;

    struct Event
    {
        enum class Kind
        {
            Offline,
            BackOnline,
            LowDisk,
            Hot,
            UnderVoltage,
        };
        Kind kind = Kind::Offline;
        QString device; // id
        QString name;   // for people
        QString relay;
        QDateTime at;    // when it was noticed
        QDateTime since; // when the device became unreachable
        QString reason;  // the status's own words (stale, the causes the device reported)
    };

    explicit FleetAlerts(AlertRules rules = {});

    // New rules apply from the next update; an outage already told is not told again.
    void setRules(const AlertRules &rules) { m_rules = rules; }
    const AlertRules &rules() const { return m_rules; }

    // The statuses of one relay's scan at `now`; the events they bring, in list order.
    QList<Event> update(const QString &relay, const QList<DeviceStatus> &statuses,
                        const QDateTime &now);
    // Events not told because a device passed its hourly limit.
    int suppressedCount() const { return m_suppressed; }

    // "offline", "online", "disk", "temperature", "under-voltage" (JSON, scripts)
    static QString kindName(Event::Kind kind);
    // One sentence for a notification, in the user's language.
    static QString describe(const Event &event);
    static QJsonObject toJson(const Event &event);

private:
    struct Watched
    {
        QString name;
        QDateTime downSince; // invalid while reachable
        QString reason;
        bool told = false;            // its current outage was told
        QSet<Event::Kind> conditions; // the health conditions told and not yet over
        QList<QDateTime> toldAt;      // the last hour's events, for the limit
    };
    bool allow(Watched &watched, const QDateTime &now);
    void checkHealth(Watched &watched, const DeviceStatus &status, const Event &base,
                     QList<Event> &events);

    AlertRules m_rules;
    QHash<QString, Watched> m_devices; // by relay + id
    int m_suppressed = 0;
};

} // namespace relayfleet
