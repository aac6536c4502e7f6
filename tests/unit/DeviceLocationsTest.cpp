// The device-location hints `exec ID` starts from: remembered per device, replaced per relay by
// a fresh listing, forgotten on removal, and never trusted when the file is damaged.
#include "fleet/DeviceLocations.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

class DeviceLocationsTest : public QObject
{
    Q_OBJECT

private:
    static bool write(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(data) == data.size();
    }

private Q_SLOTS:
    void rememberedListedAndForgotten()
    {
        QTemporaryDir dir;
        DeviceLocations locations(dir.filePath(QStringLiteral("device-locations.json")));
        QVERIFY(!locations.find(QStringLiteral("kitchen")));
        QVERIFY(locations.remember(QStringLiteral("kitchen"),
                                   {QStringLiteral("main"), 4649, QStringLiteral("pi")}));
        QVERIFY(locations.remember(QStringLiteral("shed"),
                                   {QStringLiteral("backup"), 4700, QString()}));
        auto kitchen = locations.find(QStringLiteral("kitchen"));
        QVERIFY(kitchen);
        QCOMPARE(kitchen->relay, QStringLiteral("main"));
        QCOMPARE(kitchen->port, 4649);
        QCOMPARE(kitchen->user, QStringLiteral("pi"));

        // A fresh listing of relay main replaces what was known of main only.
        QVERIFY(locations.rememberRelay(
            QStringLiteral("main"),
            {{QStringLiteral("garage"), {QStringLiteral("main"), 4650, {}}}}));
        QVERIFY(!locations.find(QStringLiteral("kitchen")));
        QCOMPARE(locations.find(QStringLiteral("garage"))->port, 4650);
        QCOMPARE(locations.find(QStringLiteral("shed"))->relay, QStringLiteral("backup"));

        QVERIFY(locations.forget(QStringLiteral("shed")));
        QVERIFY(!locations.find(QStringLiteral("shed")));
        QVERIFY(locations.forget(QStringLiteral("never-known")));
    }

    void damagedFileIsNoHint()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("device-locations.json"));
        DeviceLocations locations(path);
        for (const QByteArray &bad :
             {QByteArray("{\"devices\": ["), QByteArray("\xff\xfe"), QByteArray("[]"),
              QByteArray("{\"devices\":{\"kitchen\":{\"relay\":\"main\",\"port\":0}}}"),
              QByteArray("{\"devices\":{\"kitchen\":{\"relay\":\"main\",\"port\":70000}}}"),
              QByteArray("{\"devices\":{\"kitchen\":{\"relay\":\"\",\"port\":4649}}}"),
              QByteArray("{\"devices\":{\"Bad Id\":{\"relay\":\"main\",\"port\":4649}}}")}) {
            QVERIFY(write(path, bad));
            QVERIFY2(!locations.find(QStringLiteral("kitchen")) &&
                         !locations.find(QStringLiteral("Bad Id")),
                     bad.constData());
        }
        // Writing over a damaged file starts afresh.
        QVERIFY(locations.remember(QStringLiteral("kitchen"), {QStringLiteral("main"), 4649, {}}));
        QCOMPARE(locations.find(QStringLiteral("kitchen"))->port, 4649);
    }

    void lastSightingOutlivesTheScan()
    {
        // Found online by a scan, the device's sighting is kept; when a later scan finds it
        // offline with no newer heartbeat, that sighting is its last sign of life.
        QTemporaryDir dir;
        DeviceLocations locations(dir.filePath(QStringLiteral("device-locations.json")));
        DeviceStatus online;
        online.id = QStringLiteral("kitchen");
        online.port = 4649;
        online.state = DeviceStatus::State::Online;
        const QDateTime probed = QDateTime::currentDateTimeUtc().addSecs(-120);
        online.seen(probed.addSecs(-3600), DeviceStatus::SeenBy::Heartbeat);
        online.seen(probed, DeviceStatus::SeenBy::Probe);
        QList<DeviceStatus> first{online};
        QVERIFY(locations.rememberScan(QStringLiteral("main"), first));
        DeviceStatus offline;
        offline.id = QStringLiteral("kitchen");
        offline.port = 4649;
        offline.state = DeviceStatus::State::Offline;
        offline.seen(probed.addSecs(-3600), DeviceStatus::SeenBy::Heartbeat);
        QList<DeviceStatus> second{offline};
        QVERIFY(locations.rememberScan(QStringLiteral("main"), second));
        QCOMPARE(second.first().lastSeenBy, DeviceStatus::SeenBy::Probe);
        QCOMPARE(second.first().lastSeen.toSecsSinceEpoch(), probed.toSecsSinceEpoch());
        QCOMPARE(second.first().toJson().value(QStringLiteral("last_seen_by")).toString(),
                 QStringLiteral("probe"));
        // A newer heartbeat wins over an older sighting.
        DeviceStatus beat = offline;
        beat.lastSeen = {};
        beat.seen(QDateTime::currentDateTimeUtc(), DeviceStatus::SeenBy::Heartbeat);
        QList<DeviceStatus> third{beat};
        QVERIFY(locations.rememberScan(QStringLiteral("main"), third));
        QCOMPARE(third.first().lastSeenBy, DeviceStatus::SeenBy::Heartbeat);
        // Moving to another port keeps the sighting.
        QVERIFY(locations.remember(QStringLiteral("kitchen"), {QStringLiteral("main"), 4650, {}}));
        QCOMPARE(locations.find(QStringLiteral("kitchen"))->seen.toSecsSinceEpoch(),
                 probed.toSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(DeviceLocationsTest)
#include "DeviceLocationsTest.moc"
