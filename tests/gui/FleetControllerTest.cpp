#include "fleet/FleetController.h"

#include "fleet/FleetModel.h"
#include "relay/RelayStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;
using namespace relayfleet::gui;

// The window's fleet actions driven without the window: what a refresh says with no relay and
// with one that refuses, an upgrade that cannot start, and a change of home. The lab tests
// (FleetWindowLabTest) drive the same controller through the window against real relays.
class FleetControllerTest : public QObject
{
    Q_OBJECT

private:
    // A relay on 127.0.0.1 where nothing listens: every login is refused at once.
    static void saveRefusingRelay(const AppPaths &paths)
    {
        RelayConfig relay;
        relay.name = QStringLiteral("quiet");
        relay.user = QStringLiteral("relay");
        relay.host = QStringLiteral("127.0.0.1");
        relay.port = 1;
        QVERIFY(RelayStore(paths.relaysFile()).save(relay));
    }

private Q_SLOTS:
    void aHomeWithoutRelaysSaysSo()
    {
        QTemporaryDir home;
        FleetController fleet(AppPaths(home.path()), 3600, 0);
        QSignalSpy configured(&fleet, &FleetController::relaysConfigured);
        QSignalSpy said(&fleet, &FleetController::said);
        QSignalSpy finished(&fleet, &FleetController::refreshFinished);
        fleet.refresh();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(configured.count(), 1);
        QCOMPARE(configured.first().first().toBool(), false);
        QCOMPARE(said.last().first().toString(), QStringLiteral("No relay configured yet."));
        QCOMPARE(fleet.model()->rowCount(), 0);
    }

    void aRelayThatRefusesIsSaidByName()
    {
        QTemporaryDir home;
        const AppPaths paths(home.path());
        saveRefusingRelay(paths);
        FleetController fleet(paths, 3600, 0);
        QSignalSpy configured(&fleet, &FleetController::relaysConfigured);
        QSignalSpy said(&fleet, &FleetController::said);
        QSignalSpy finished(&fleet, &FleetController::refreshFinished);
        fleet.refresh();
        fleet.refresh(); // one refresh at a time: this one is not started
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.first().first().toString(), QStringLiteral("Refreshing…"));
        QVERIFY(finished.wait(60000)); // bounds a hang only
        QCOMPARE(finished.count(), 1);
        QCOMPARE(configured.first().first().toBool(), true);
        const QString outcome = said.last().first().toString();
        QVERIFY2(outcome.contains(QStringLiteral("quiet")), qPrintable(outcome));
        QCOMPARE(fleet.model()->rowCount(), 0);
        // The window's actions reach the fleet the same way: the saved relay, the shared
        // connections, the home's audit log.
        const FleetAccess access = fleet.fleetAccess();
        QCOMPARE(access.relays.size(), 1);
        QCOMPARE(access.connections, fleet.sharedConnections());
        QCOMPARE(access.knownHostsPath, paths.knownHostsFile());
        QVERIFY(access.audit);
    }

    void anUpgradeThatCannotStartSaysWhy()
    {
        QTemporaryDir home;
        FleetController fleet(AppPaths(home.path()), 3600, 0);
        QSignalSpy finished(&fleet, &FleetController::upgradeFinished);
        DeviceStatus status;
        status.id = QStringLiteral("kitchen");
        status.relay = QStringLiteral("gone");
        status.port = 4650;
        fleet.upgrade(status);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toBool(), false);
        const QString text = finished.first().first().toString();
        QVERIFY2(text.startsWith(QStringLiteral("kitchen: not upgraded")) &&
                     text.contains(QStringLiteral("gone")),
                 qPrintable(text));
        QVERIFY(!fleet.isUpgrading());
    }

    void anotherHomeStartsAfresh()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        saveRefusingRelay(AppPaths(first.path()));
        FleetController fleet(AppPaths(first.path()), 3600, 0);
        const auto connections = fleet.sharedConnections();
        const auto warm = fleet.warmDevices();
        QSignalSpy finished(&fleet, &FleetController::refreshFinished);
        fleet.refresh(); // still running when the home changes: dropped
        fleet.switchHome(AppPaths(second.path()));
        QCOMPARE(fleet.paths().home(), AppPaths(second.path()).home());
        QVERIFY(fleet.sharedConnections() != connections);
        QVERIFY(fleet.warmDevices() != warm);
        QVERIFY(fleet.fleetAccess().relays.isEmpty());
        // The new home's own refresh follows, and only it finishes here.
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_MAIN(FleetControllerTest)
#include "FleetControllerTest.moc"
