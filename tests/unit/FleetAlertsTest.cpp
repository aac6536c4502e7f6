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
    static const QDateTime &start()
    {
        static const QDateTime at = qtcompat::utcDateTime(QDate(2026, 12, 6), QTime(8, 0));
        return at;
    }

private Q_SLOTS:
    void anOutageIsToldOnceAfterTheLimitAndItsEndOnce()
    {
        FleetAlerts alerts(300);
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
        FleetAlerts alerts(300);
        const DeviceStatus up = status(QStringLiteral("kitchen"), DeviceStatus::State::Online);
        const DeviceStatus stale = status(QStringLiteral("kitchen"), DeviceStatus::State::Stale);
        QVERIFY(alerts.update(QStringLiteral("lab"), {stale}, start()).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {up}, start().addSecs(120)).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {stale}, start().addSecs(200)).isEmpty());
        QVERIFY(alerts.update(QStringLiteral("lab"), {up}, start().addSecs(400)).isEmpty());
    }

    void theRelaysRecordSaysSinceWhen()
    {
        FleetAlerts alerts(600);
        DeviceStatus down = status(QStringLiteral("shed"), DeviceStatus::State::Offline);
        down.offlineSince = start().addSecs(-3600);
        down.offlineCauses = {QStringLiteral("undervoltage")};
        const auto told = alerts.update(QStringLiteral("lab"), {down}, start());
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().since, down.offlineSince);
        QCOMPARE(told.first().reason, QStringLiteral("undervoltage"));
        // A time in the future (a wrong clock) is not believed.
        FleetAlerts other(600);
        down.offlineSince = start().addSecs(3600);
        QVERIFY(other.update(QStringLiteral("lab"), {down}, start()).isEmpty());
    }

    void aFlappingDeviceIsToldAtMostSoOftenAnHour()
    {
        FleetAlerts alerts(0);
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

    void aCriticalHealthIsToldOnceUntilItChanges()
    {
        FleetAlerts alerts(600);
        DeviceStatus pi = status(QStringLiteral("pump"), DeviceStatus::State::Online);
        const QByteArray at = QByteArray::number(start().toSecsSinceEpoch());
        pi.health = DeviceHealth::parse(at + " 50000 0x0 100 50 60 100 k");
        QVERIFY(alerts.update(QStringLiteral("lab"), {pi}, start()).isEmpty());
        pi.health = DeviceHealth::parse(at + " 50000 0x50005 100 50 60 100 k");
        const auto told = alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(60));
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().kind, FleetAlerts::Event::Kind::HealthCritical);
        QCOMPARE(FleetAlerts::kindName(told.first().kind), QStringLiteral("health"));
        QVERIFY(FleetAlerts::describe(told.first()).contains(QStringLiteral("pump")));
        QVERIFY(alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(120)).isEmpty());
        // Worse (hot as well): told again; fine again, then the same worry: told again.
        pi.health = DeviceHealth::parse(at + " 85000 0x50005 100 50 60 100 k");
        QCOMPARE(alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(180)).size(), 1);
        pi.health = DeviceHealth::parse(at + " 50000 0x50000 100 50 60 100 k");
        QVERIFY(alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(240)).isEmpty());
        pi.health = DeviceHealth::parse(at + " 85000 0x50005 100 50 60 100 k");
        QCOMPARE(alerts.update(QStringLiteral("lab"), {pi}, start().addSecs(300)).size(), 1);
    }

    void unregisteredTunnelsAndOtherRelaysAreLeftAlone()
    {
        FleetAlerts alerts(0);
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
