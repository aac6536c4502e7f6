// The fleet model with a thousand devices: updates keep rows (and selections) in place,
// search and label filters find the right rows.
#include "fleet/FleetModel.h"

#include "fleet/FleetFilterModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
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
};

QTEST_GUILESS_MAIN(FleetModelTest)
#include "FleetModelTest.moc"
