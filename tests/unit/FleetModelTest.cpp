// The fleet model with a thousand devices: updates keep rows (and selections) in place,
// search and label filters find the right rows.
#include "fleet/FleetModel.h"

#include "fleet/FleetFilterModel.h"
#include "registry/DeviceFileVersions.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPersistentModelIndex>
#include <QTest>

using namespace relayfleet;

namespace {
QList<DeviceStatus> fleet(int count, DeviceStatus::State state = DeviceStatus::State::Online)
{
    QList<DeviceStatus> statuses;
    for (int i = 0; i < count; ++i) {
        DeviceStatus s;
        s.relay = QStringLiteral("tokyo");
        s.id = QStringLiteral("pi-%1").arg(i, 4, 10, QLatin1Char('0'));
        s.name = QStringLiteral("Sensor %1").arg(i);
        s.port = 4649 + i;
        s.state = state;
        s.labels = {i % 2 ? QStringLiteral("odd") : QStringLiteral("even")};
        if (i % 100 == 0) {
            s.labels << QStringLiteral("hundreds");
        }
        statuses << s;
    }
    return statuses;
}
} // namespace

class FleetModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thousandDevices()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QElapsedTimer timer;
        timer.start();
        model.setRelayStatuses(QStringLiteral("tokyo"), fleet(1000));
        qInfo("1000 devices loaded in %lld ms", timer.elapsed());
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(7, FleetModel::Id).data().toString(), QStringLiteral("pi-0007"));
        QCOMPARE(model.allLabels(), (QStringList{QStringLiteral("even"), QStringLiteral("hundreds"),
                                                 QStringLiteral("odd")}));

        // A refresh with new states keeps every row where it was.
        const QPersistentModelIndex selected = model.index(500, 0);
        model.setRelayStatuses(QStringLiteral("tokyo"), fleet(1000, DeviceStatus::State::Stale));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 500);
        QCOMPARE(selected.data(FleetModel::StateRole).toInt(),
                 static_cast<int>(DeviceStatus::State::Stale));

        // Another relay's rows are its own; a relay's vanished devices go.
        QList<DeviceStatus> other = fleet(3);
        for (DeviceStatus &s : other) {
            s.relay = QStringLiteral("osaka");
        }
        model.setRelayStatuses(QStringLiteral("osaka"), other);
        QCOMPARE(model.rowCount(), 1003);
        model.setRelayStatuses(QStringLiteral("tokyo"), fleet(10));
        QCOMPARE(model.rowCount(), 13);
        QVERIFY(!selected.isValid());
        // A row found by what its status says: the first that matches, or none.
        const int osaka = model.rowOf([](const DeviceStatus &s) {
            return s.relay == QLatin1String("osaka") && s.id == QLatin1String("pi-0002");
        });
        QVERIFY(osaka >= 0);
        QCOMPARE(model.statusAt(osaka).relay, QStringLiteral("osaka"));
        QCOMPARE(model.statusAt(osaka).id, QStringLiteral("pi-0002"));
        QCOMPARE(
            model.rowOf([](const DeviceStatus &s) { return s.id == QLatin1String("pi-0500"); }),
            -1);
    }

    void searchAndLabelFilter()
    {
        FleetModel model;
        model.setRelayStatuses(QStringLiteral("tokyo"), fleet(1000));
        FleetFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setLabel(QStringLiteral("hundreds"));
        QCOMPARE(filter.rowCount(), 10);
        filter.setLabel({});
        filter.setSearchText(QStringLiteral("sensor 99"));
        QCOMPARE(filter.rowCount(), 11); // 99 and 990-999
        filter.setSearchText(QStringLiteral("PI-0042"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText(QStringLiteral("5321")); // a port
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText({});
        filter.sort(FleetModel::Port, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, FleetModel::Port).data().toInt(), 4649 + 999);
    }

    // Sorted by offline-since, the devices gone longest come first and the online ones last;
    // the reason the device reported is in the tooltip.
    void offlineSinceSortsTheLongestGoneFirst()
    {
        QList<DeviceStatus> statuses = fleet(4);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        statuses[0].state = DeviceStatus::State::Offline;
        statuses[0].offlineSince = now.addSecs(-600);
        statuses[1].state = DeviceStatus::State::Stale;
        statuses[1].offlineSince = now.addDays(-2);
        statuses[1].offlineCauses = {QStringLiteral("port-held")};
        statuses[3].state = DeviceStatus::State::Offline;
        statuses[3].offlineSince = now.addSecs(-60);
        FleetModel model;
        model.setRelayStatuses(QStringLiteral("tokyo"), statuses);
        FleetFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(FleetModel::OfflineSince, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < filter.rowCount(); ++row) {
            order << filter.index(row, FleetModel::Id).data().toString();
        }
        QCOMPARE(order, (QStringList{QStringLiteral("pi-0001"), QStringLiteral("pi-0000"),
                                     QStringLiteral("pi-0003"), QStringLiteral("pi-0002")}));
        QVERIFY(filter.index(3, FleetModel::OfflineSince).data().toString().isEmpty());
        QVERIFY(!filter.index(0, FleetModel::OfflineSince).data().toString().isEmpty());
        QVERIFY(filter.index(0, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(ConnectionHistory::causeText(QStringLiteral("port-held"))));
    }

    // When a device was last heard from, for people: how long ago first.
    void lastSeenSaysHowLongAgo()
    {
        QCOMPARE(FleetModel::ago(0), QStringLiteral("just now"));
        QCOMPARE(FleetModel::ago(59), QStringLiteral("just now"));
        QCOMPARE(FleetModel::ago(60), QStringLiteral("1 min ago"));
        QCOMPARE(FleetModel::ago(28 * 60 + 30), QStringLiteral("28 min ago"));
        QCOMPARE(FleetModel::ago(3 * 3600), QStringLiteral("3 h ago"));
        QCOMPARE(FleetModel::ago(5 * 86400), QStringLiteral("5 days ago"));
        QList<DeviceStatus> statuses = fleet(1);
        statuses[0].lastSeen = QDateTime::currentDateTimeUtc().addSecs(-600);
        FleetModel model;
        model.setRelayStatuses(QStringLiteral("tokyo"), statuses);
        const QString shown = model.index(0, FleetModel::LastSeen).data().toString();
        QVERIFY2(shown.startsWith(QStringLiteral("10 min ago (")), qPrintable(shown));
    }

    // A device whose Relay Fleet files are older than the app's is marked in the list.
    void outdatedFilesAreMarked()
    {
        QList<DeviceStatus> statuses = fleet(4);
        for (DeviceStatus &status : statuses) {
            status.tunnelKey = QStringLiteral("SHA256:enrolled");
        }
        const DeviceFileVersions current = DeviceFileVersions::current();
        statuses[0].deviceFiles = {};
        statuses[1].deviceFiles = current;
        // Any one file older counts; one not recorded (a device enrolled before the key helper's
        // version was) does not.
        statuses[2].deviceFiles = {current.runner, current.keyHelper, current.overridesModule - 1};
        statuses[3].deviceFiles = {current.runner, 0, 0};
        QVERIFY(current.overridesModule >= 2);
        QVERIFY(statuses[2].deviceFilesOutdated());
        QVERIFY(!statuses[3].deviceFilesOutdated());
        const QJsonObject json = statuses[2].toJson();
        QCOMPARE(json.value(QStringLiteral("device_file_versions"))
                     .toObject()
                     .value(QStringLiteral("overrides_module"))
                     .toInt(),
                 current.overridesModule - 1);
        QVERIFY(statuses[3]
                    .toJson()
                    .value(QStringLiteral("device_file_versions"))
                    .toObject()
                    .value(QStringLiteral("key_helper"))
                    .isNull());
        FleetModel model;
        model.setRelayStatuses(QStringLiteral("tokyo"), statuses);
        QVERIFY(model.index(0, FleetModel::Status)
                    .data()
                    .toString()
                    .contains(QStringLiteral("files outdated")));
        QVERIFY(model.index(0, FleetModel::Status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("relayfleet-cli upgrade pi-0000")));
        QVERIFY(!model.index(1, FleetModel::Status)
                     .data()
                     .toString()
                     .contains(QStringLiteral("files outdated")));
        // The plain state is what sorting and searching see.
        QCOMPARE(model.index(0, FleetModel::Status).data(Qt::EditRole).toString(),
                 DeviceStatus::stateLabel(DeviceStatus::State::Online));
    }
};

QTEST_GUILESS_MAIN(FleetModelTest)
#include "FleetModelTest.moc"
