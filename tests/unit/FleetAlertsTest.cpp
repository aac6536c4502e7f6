#include "fleet/FleetAlerts.h"

#include "compat/QtCompat.h"

#include <QTest>

using namespace relayfleet;

// When a device's outage is told, when its return is, and that nothing is told twice.
class FleetAlertsTest : public QObject
{
    Q_OBJECT

    static DeviceStatus status(const QString &id, DeviceStatus::State state)
    {
        DeviceStatus status;
        status.id = id;
        status.name = id;
        status.relay = QStringLiteral("lab");
        status.state = state;
        return status;
    }
    static AlertRules after(qint64 seconds)
    {
        AlertRules rules;
        rules.offlineSeconds = seconds;
        return rules;
    }
    static const QDateTime &start()
    {
        static const QDateTime at = qtcompat::utcDateTime(QDate(2026, 12, 6), QTime(8, 0));
        return at;
    }

private Q_SLOTS:
    void anOutageIsToldOnceAfterTheLimitAndItsEndOnce()
    {
        FleetAlerts alerts(after(300));
        const DeviceStatus up = status(QStringLiteral("kitchen"), DeviceStatus::State::Online);
        const DeviceStatus down = status(QStringLiteral("kitchen"), DeviceStatus::State::Offline);
        QVERIFY(alerts.update(QStringLiteral("lab"), {up}, start()).isEmpty());
        // Gone at 08:01; not told before five minutes, told once after.
        QVERIFY(alerts.update(QStringLiteral("lab"), {down}, start().addSecs(60)).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {down}, start().addSecs(300)).isEmpty());
        const auto told = alerts.update(QStringLiteral("lab"), {down}, start().addSecs(361));
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().kind, FleetAlerts::Event::Kind::Offline);
        QCOMPARE(told.first().device, QStringLiteral("kitchen"));
        QCOMPARE(told.first().since, start().addSecs(60));
        QVERIFY(FleetAlerts::describe(told.first()).contains(QStringLiteral("kitchen")));
        QVERIFY(alerts.update(QStringLiteral("lab"), {down}, start().addSecs(900)).isEmpty());
        const auto back = alerts.update(QStringLiteral("lab"), {up}, start().addSecs(960));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().kind, FleetAlerts::Event::Kind::BackOnline);
        QCOMPARE(FleetAlerts::toJson(back.first()).value(QStringLiteral("event")).toString(),
                 QStringLiteral("online"));
        QVERIFY(alerts.update(QStringLiteral("lab"), {up}, start().addSecs(1000)).isEmpty());
    }

    void aShortDropIsNotTold()
    {
        FleetAlerts alerts(after(300));
        const DeviceStatus up = status(QStringLiteral("kitchen"), DeviceStatus::State::Online);
        const DeviceStatus stale = status(QStringLiteral("kitchen"), DeviceStatus::State::Stale);
        QVERIFY(alerts.update(QStringLiteral("lab"), {stale}, start()).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {up}, start().addSecs(120)).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {stale}, start().addSecs(200)).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {up}, start().addSecs(400)).isEmpty());
    }

    void theRelaysRecordSaysSinceWhen()
    {
        FleetAlerts alerts(after(600));
        DeviceStatus down = status(QStringLiteral("shed"), DeviceStatus::State::Offline);
        down.offlineSince = start().addSecs(-3600);
        down.offlineCauses = {QStringLiteral("undervoltage")};
        const auto told = alerts.update(QStringLiteral("lab"), {down}, start());
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().since, down.offlineSince);
        QCOMPARE(told.first().reason, QStringLiteral("undervoltage"));
        // A time in the future (a wrong clock) is not believed.
        FleetAlerts other(after(600));
        down.offlineSince = start().addSecs(3600);
        QVERIFY(other.update(QStringLiteral("lab"), {down}, start()).isEmpty());
    }

    void aFlappingDeviceIsToldAtMostSoOftenAnHour()
    {
        FleetAlerts alerts(after(0));
        const DeviceStatus up = status(QStringLiteral("pump"), DeviceStatus::State::Online);
        const DeviceStatus down = status(QStringLiteral("pump"), DeviceStatus::State::Offline);
        int told = 0;
        for (int minute = 0; minute < 60; ++minute) {
            told += int(alerts
                            .update(QStringLiteral("lab"), {minute % 2 ? up : down},
                                    start().addSecs(minute * 60))
                            .size());
        }
        QCOMPARE(told, FleetAlerts::kMaxEventsPerHour);
        QCOMPARE(alerts.suppressedCount(), 60 - FleetAlerts::kMaxEventsPerHour);
    }

    void eachHealthConditionIsToldOnceWhenItStarts()
    {
        FleetAlerts alerts(after(600)); // disk under 10 %, over 80 °C, under-voltage
        DeviceStatus pi = status(QStringLiteral("pump"), DeviceStatus::State::Online);
        const QByteArray at = QByteArray::number(start().toSecsSinceEpoch());
        const auto report = [&](const char *values, int minute) {
            pi.health = DeviceHealth::parse(at + ' ' + values + " 100 k");
            return alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(minute * 60));
        };
        // Under-voltage since boot only (0x50000), warm, disk at 12 %: nothing to tell.
        QVERIFY(report("75000 0x50000 100 50 12", 0).isEmpty());
        auto told = report("50000 0x50005 100 50 12", 1);
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().kind, FleetAlerts::Event::Kind::UnderVoltage);
        QCOMPARE(FleetAlerts::kindName(told.first().kind), QStringLiteral("under-voltage"));
        QVERIFY(FleetAlerts::describe(told.first()).contains(QStringLiteral("pump")));
        QVERIFY(report("50000 0x50005 100 50 12", 2).isEmpty()); // still: not again
        // Hot and nearly full at once: two events.
        told = report("81500 0x50005 100 50 9", 3);
        QCOMPARE(told.size(), 2);
        QCOMPARE(told.at(0).kind, FleetAlerts::Event::Kind::LowDisk);
        QVERIFY(told.at(0).reason.contains(QStringLiteral("9")));
        QCOMPARE(told.at(1).kind, FleetAlerts::Event::Kind::Hot);
        QCOMPARE(FleetAlerts::kindName(told.at(1).kind), QStringLiteral("temperature"));
        QCOMPARE(FleetAlerts::toJson(told.at(1)).value(QStringLiteral("event")).toString(),
                 QStringLiteral("temperature"));
    }

    void aValueHoveringAtTheLimitIsNotToldOverAndOver()
    {
        FleetAlerts alerts(after(600));
        DeviceStatus pi = status(QStringLiteral("kiln"), DeviceStatus::State::Online);
        const QByteArray at = QByteArray::number(start().toSecsSinceEpoch());
        int told = 0;
        // 80.5, 79.5, 80.5 ... °C: over the limit, back under it, but never by the margin.
        for (int minute = 0; minute < 20; ++minute) {
            const QByteArray milliC = minute % 2 ? "79500" : "80500";
            pi.health = DeviceHealth::parse(at + ' ' + milliC + " 0x0 100 50 50 100 k");
            told += int(
                alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(minute * 60)).size());
        }
        QCOMPARE(told, 1);
        // Cooled by the margin, then hot again: a new condition.
        pi.health = DeviceHealth::parse(at + " 74000 0x0 100 50 50 100 k");
        QVERIFY(alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(1300)).isEmpty());
        pi.health = DeviceHealth::parse(at + " 82000 0x0 100 50 50 100 k");
        QCOMPARE(alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(1400)).size(), 1);
    }

    void theUsersLimitsAreTheOnesThatCount()
    {
        AlertRules rules = after(600);
        rules.diskFreeBelowPercent = 0; // off
        rules.temperatureAboveC = 60;
        rules.underVoltage = false;
        FleetAlerts alerts(rules);
        DeviceStatus pi = status(QStringLiteral("shed"), DeviceStatus::State::Online);
        pi.health = DeviceHealth::parse(QByteArray::number(start().toSecsSinceEpoch()) +
                                        " 65000 0x50005 100 50 1 100 k");
        const auto told = alerts.update(QStringLiteral("lab"), {pi}, start());
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().kind, FleetAlerts::Event::Kind::Hot);
    }

    void aLabelsOwnLimitReplacesTheDefault()
    {
        AlertRules rules = after(600);
        rules.offlineSecondsByLabel.insert(QStringLiteral("kiosk"), 60);
        rules.offlineSecondsByLabel.insert(QStringLiteral("sensor"), 86400);
        rules.offlineSecondsByLabel.insert(QStringLiteral("bench"), std::nullopt);
        FleetAlerts alerts(rules);
        DeviceStatus kiosk = status(QStringLiteral("kiosk-1"), DeviceStatus::State::Offline);
        kiosk.labels = {QStringLiteral("kiosk"), QStringLiteral("sensor")}; // the shortest wins
        DeviceStatus sensor = status(QStringLiteral("sensor-1"), DeviceStatus::State::Offline);
        sensor.labels = {QStringLiteral("sensor"), QStringLiteral("garden")};
        DeviceStatus bench = status(QStringLiteral("bench-1"), DeviceStatus::State::Offline);
        bench.labels = {QStringLiteral("bench")};
        DeviceStatus plain = status(QStringLiteral("plain"), DeviceStatus::State::Offline);
        plain.labels = {QStringLiteral("garden")};
        const QList<DeviceStatus> fleet{kiosk, sensor, bench, plain};
        const auto devices = [](const QList<FleetAlerts::Event> &events) {
            QStringList ids;
            for (const auto &event : events) {
                ids << event.device;
            }
            return ids;
        };
        QVERIFY(alerts.update(QStringLiteral("lab"), fleet, start()).isEmpty());
        QCOMPARE(devices(alerts.update(QStringLiteral("lab"), fleet, start().addSecs(61))),
                 QStringList{QStringLiteral("kiosk-1")});
        QCOMPARE(devices(alerts.update(QStringLiteral("lab"), fleet, start().addSecs(601))),
                 QStringList{QStringLiteral("plain")});
        QVERIFY(alerts.update(QStringLiteral("lab"), fleet, start().addSecs(86399)).isEmpty());
        QCOMPARE(devices(alerts.update(QStringLiteral("lab"), fleet, start().addSecs(86400))),
                 QStringList{QStringLiteral("sensor-1")});
        QCOMPARE(rules.offlineLimit({QStringLiteral("bench")}), AlertRules::Limit());
        QCOMPARE(rules.offlineLimit({QStringLiteral("bench"), QStringLiteral("kiosk")}),
                 AlertRules::Limit(60));
        QCOMPARE(rules.offlineLimit({}), AlertRules::Limit(600));
    }

    void unregisteredTunnelsAndOtherRelaysAreLeftAlone()
    {
        FleetAlerts alerts(after(0));
        DeviceStatus tunnel = status(QString(), DeviceStatus::State::Unregistered);
        QVERIFY(alerts.update(QStringLiteral("lab"), {tunnel}, start()).isEmpty());
        const DeviceStatus down = status(QStringLiteral("a"), DeviceStatus::State::Offline);
        QCOMPARE(alerts.update(QStringLiteral("lab"), {down}, start()).size(), 1);
        // The same id on another relay is another device.
        QCOMPARE(alerts.update(QStringLiteral("other"), {down}, start()).size(), 1);
        // Removed from the list, then back offline: a new outage.
        QVERIFY(alerts.update(QStringLiteral("lab"), {}, start().addSecs(10)).isEmpty());
        QCOMPARE(alerts.update(QStringLiteral("lab"), {down}, start().addSecs(20)).size(), 1);
    }
};

QTEST_GUILESS_MAIN(FleetAlertsTest)
#include "FleetAlertsTest.moc"
