#include "compat/QtCompat.h"
#include "fleet/DeviceStatus.h"
#include "registry/ConnectionHistory.h"
#include "registry/DataUsage.h"
#include "registry/DeviceHealth.h"
#include "registry/DeviceRecord.h"
#include "registry/ListenerTable.h"
#include "registry/RegistryListing.h"

#include <QJsonObject>
#include <QTest>

using namespace relayfleet;

class RegistryParsingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordRoundTrips()
    {
        DeviceRecord record;
        record.id = QStringLiteral("kitchen-pi");
        record.name = QStringLiteral("台所のPi");
        record.port = 4649;
        record.labels = {QStringLiteral("sensors"), QStringLiteral("home")};
        record.enrolled = qtcompat::utcDateTime(QDate(2026, 11, 25), QTime(17, 0));
        record.files = {2, 3, 4};
        auto back = DeviceRecord::parse(record.serialize());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->serialize(), record.serialize());
        QCOMPARE(back->name, record.name);
        QVERIFY(back->files == (DeviceFileVersions{2, 3, 4}));
        // The runner's keeps the name it had before the others were recorded.
        QVERIFY(
            record.serialize().contains("\ndevice_files=2\nkey_helper=3\noverrides_module=4\n"));
        // A record from before versions has none (0: older), and a hostile one is bounded.
        record.files = {};
        QVERIFY(!record.serialize().contains("device_files"));
        QCOMPARE(DeviceRecord::parse(record.serialize())->files.runner, 0);
        QCOMPARE(DeviceRecord::parse(record.serialize() + "device_files=-5\n")->files.runner, 0);
        QCOMPARE(DeviceRecord::parse(record.serialize() + "key_helper=-5\n")->files.keyHelper, 0);
        QCOMPARE(
            DeviceRecord::parse(record.serialize() + "device_files=99999999999\n")->files.runner,
            0); // not a number that fits: unknown
    }

    void connectionHistoryIsParsedAndBounded()
    {
        // The helper's file: "EPOCH up|down" lines; the listing's @events: the same pairs.
        const auto history = ConnectionHistory::parse("1000 up\n2000 down\n2600 up\n3000 down\n");
        QCOMPARE(history.events.size(), 4);
        const auto outages = history.outages();
        QCOMPARE(outages.size(), 2);
        QCOMPARE(outages[0].start.toSecsSinceEpoch(), 2000);
        QCOMPARE(outages[0].end.toSecsSinceEpoch(), 2600);
        QVERIFY(!outages[1].end.isValid()); // still down
        QCOMPARE(history.downSince().toSecsSinceEpoch(), 3000);
        QVERIFY(!ConnectionHistory::parse("1000 down 1200 up").downSince().isValid());
        // What a compromised relay could send: skipped, never guessed at.
        const auto hostile = ConnectionHistory::parse(
            "-5 up 1000 sideways abc down 99999999999999 up 1500 down $(reboot) up 1600 up");
        QCOMPARE(hostile.events.size(), 2);
        QCOMPARE(hostile.events[0].at.toSecsSinceEpoch(), 1500);
        QVERIFY(!hostile.events[0].up);
        QCOMPARE(hostile.outages().size(), 1);
        QCOMPARE(hostile.outages()[0].end.toSecsSinceEpoch(), 1600);
        QByteArray huge;
        for (int i = 0; i < 5000; ++i) {
            huge += QByteArray::number(1000 + i) + (i % 2 ? " up\n" : " down\n");
        }
        QCOMPARE(ConnectionHistory::parse(huge).events.size(), ConnectionHistory::kMaxEvents);
    }

    void devicesReportWhyTheyWereDown()
    {
        // The report comes while the outage lasts; the relay may write the "down" after it (a
        // session it never saw end is closed at the next connect), and a second report of the
        // same outage adds what the first did not say.
        const auto history = ConnectionHistory::parse(
            "1000 up\n2100 cause:closed,refused\n2000 down\n2160 cause:refused,port-held\n"
            "2200 up\n5000 down\n");
        QCOMPARE(history.events.size(), 6);
        const auto outages = history.outages();
        QCOMPARE(outages.size(), 2);
        QCOMPARE(outages[0].causes,
                 (QStringList{QStringLiteral("closed"), QStringLiteral("refused"),
                              QStringLiteral("port-held")}));
        QVERIFY(outages[1].causes.isEmpty()); // nothing reported for the one that lasts
        QCOMPARE(history.downSince().toSecsSinceEpoch(), 5000);
        QCOMPARE(
            ConnectionHistory::causesText({QStringLiteral("refused"), QStringLiteral("port-held")}),
            ConnectionHistory::causeText(QStringLiteral("refused")) + QStringLiteral("; then ") +
                ConnectionHistory::causeText(QStringLiteral("port-held")));
        // Reports come at the connect that ends an outage, in the same second as the "up" and
        // as the next "down": the order of the file tells which outage each explains.
        const auto quick = ConnectionHistory::parse(
            "1000 down 1030 cause:dns 1030 up 1030 down 1039 cause:no-route 1039 up");
        QCOMPARE(quick.outages().size(), 2);
        QCOMPARE(quick.outages()[0].causes, QStringList{QStringLiteral("dns")});
        QCOMPARE(quick.outages()[1].causes, QStringList{QStringLiteral("no-route")});
        // A report made while the tunnel was up does not explain the outage after it.
        const auto before =
            ConnectionHistory::parse("1000 up 1300 cause:sshd-down 1400 down 1500 up");
        QCOMPARE(before.outages().size(), 1);
        QVERIFY(before.outages()[0].causes.isEmpty());
        // Reported while the relay sees the tunnel up: the device's own sshd is dead.
        const auto sshdDown = ConnectionHistory::parse("1000 up 1300 cause:sshd-down");
        QCOMPARE(sshdDown.reportedSinceUp(), QStringList{QStringLiteral("sshd-down")});
        QVERIFY(!sshdDown.downSince().isValid());
        QVERIFY(ConnectionHistory::parse("1000 up 1300 cause:sshd-down 1400 down")
                    .reportedSinceUp()
                    .isEmpty());
        // Codes off the list, too many, or too long are dropped; the pairs stay aligned.
        const auto hostile = ConnectionHistory::parse(
            "1000 down 1010 cause:$(reboot),refused,../x 1020 cause:" + QByteArray(300, 'a') +
            " 1030 cause: 1040 cause:dns,dns,dns 1100 up");
        QCOMPARE(hostile.outages().size(), 1);
        QCOMPARE(hostile.outages()[0].causes,
                 (QStringList{QStringLiteral("refused"), QStringLiteral("dns")}));
        QCOMPARE(hostile.outages()[0].end.toSecsSinceEpoch(), 1100);
    }

    void recordRejectsHostileFields_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("no format") << QByteArray("id=a\nport=4649\n");
        QTest::newRow("future format") << QByteArray("format=2\nid=a\nport=4649\n");
        QTest::newRow("bad id") << QByteArray("format=1\nid=A;rm\nport=4649\n");
        QTest::newRow("port text") << QByteArray("format=1\nid=a\nport=4649;reboot\n");
        QTest::newRow("port low") << QByteArray("format=1\nid=a\nport=22\n");
        QTest::newRow("label") << QByteArray("format=1\nid=a\nport=4649\nlabels=ok,$(x)\n");
        QTest::newRow("control in name")
            << QByteArray("format=1\nid=a\nport=4649\nname=a\x1b[2Jb\n");
        QTest::newRow("not utf-8") << QByteArray("format=1\nid=a\nport=4649\nname=\xff\xfe\n");
        QTest::newRow("huge") << QByteArray("format=1\nid=a\nport=4649\nname=") +
                                     QByteArray(20000, 'x');
        QTest::newRow("bad host key")
            << QByteArray("format=1\nid=a\nport=4649\nhost_key=ssh-ed25519 $(x)\n");
        QTest::newRow("line without =") << QByteArray("format=1\nid=a\nport=4649\nrm -rf /\n");
    }

    void recordRejectsHostileFields()
    {
        QFETCH(QByteArray, text);
        auto record = DeviceRecord::parse(text);
        QVERIFY(!record);
        QCOMPARE(record.error().code, Error::Code::InvalidInput);
    }

    void listingKeepsGoodEntriesBesideBadOnes()
    {
        const QByteArray output =
            "relayfleet-helper 1\n"
            "@device good\n| format=1\n| id=good\n| port=4649\n\n@last_seen 1764090000\n@end\n"
            "@device bad\n| format=1\n| id=bad\n| port=nope\n\n@last_seen -\n@end\n"
            "@device liar\n| format=1\n| id=other\n| port=4650\n\n@last_seen -\n@end\n"
            "@device X;Y\n| format=1\n| id=X;Y\n| port=4651\n\n@last_seen -\n@end\n"
            "\n@listeners\n  0: 0100007F:1229 00000000:0000 0A 0\n";
        auto listing = RegistryListing::parse(output);
        QVERIFY(listing);
        QCOMPARE(listing->helperVersion, 1);
        QCOMPARE(listing->entries.size(), 4);
        QVERIFY(listing->entries[0].record);
        QCOMPARE(listing->entries[0].lastSeen.toSecsSinceEpoch(), 1764090000);
        QVERIFY(!listing->entries[1].record);
        QVERIFY(!listing->entries[2].record);
        QVERIFY(listing->entries[2].problem.contains(QStringLiteral("another device")));
        QVERIFY(!listing->entries[3].record);
        QCOMPARE(ListenerTable::loopbackListeners(listing->listenerTable), QList<int>{4649});
    }

    // The interval a device said it sends heartbeats at (helper 6): taken within 1 s to 1 h, and
    // anything else (a hostile or broken heartbeat file) read as not said.
    void listingReadsTheHeartbeatInterval()
    {
        const QByteArray output =
            "relayfleet-helper 6\n"
            "@device a\n| format=1\n| id=a\n| port=4649\n\n@last_seen 1764090000\n"
            "@beat_every 1680\n@end\n"
            "@device b\n| format=1\n| id=b\n| port=4650\n\n@last_seen 1764090000\n@end\n"
            "@device c\n| format=1\n| id=c\n| port=4651\n\n@beat_every 3601\n@end\n"
            "@device d\n| format=1\n| id=d\n| port=4652\n\n@beat_every -5\n@end\n"
            "@device e\n| format=1\n| id=e\n| port=4653\n\n@beat_every 99999999999999\n@end\n";
        auto listing = RegistryListing::parse(output);
        QVERIFY(listing);
        QCOMPARE(listing->entries.size(), 5);
        QCOMPARE(listing->entries[0].heartbeatEvery, 1680);
        for (int i = 1; i < 5; ++i) {
            QCOMPARE(listing->entries[i].heartbeatEvery, 0);
        }
    }

    // The relay's clock (helper 7, "@now EPOCH" before the first entry): every time the relay
    // wrote is read against it, so a relay 10 minutes behind this machine does not make a device
    // heard from a second ago look silent for 10 minutes.
    void listingTimesMoveToTheLocalClock()
    {
        const QByteArray output =
            "relayfleet-helper 7\n@now 1764090600\n"
            "@device a\n| format=1\n| id=a\n| port=4649\n\n@last_seen 1764090599\n"
            "@usage 1764090000 612000 none\n@events 1764089000 down 1764089500 up\n"
            "@now 1\n@end\n"
            "@device b\n| format=1\n| id=b\n| port=4650\n\n@last_seen -\n@end\n";
        auto listing = RegistryListing::parse(output);
        QVERIFY(listing);
        // Only the line outside an entry counts: a device's file cannot set the relay's clock.
        QCOMPARE(listing->relayNow.toSecsSinceEpoch(), 1764090600);
        const QDateTime local = qtcompat::utcFromSecsSinceEpoch(1764091200);
        listing->moveToLocalClock(local);
        const RegistryListing::Entry &a = listing->entries[0];
        QCOMPARE(a.lastSeen.toSecsSinceEpoch(), 1764091199);
        QCOMPARE(a.lastSeen.secsTo(local), 1);
        QCOMPARE(a.usage.reported.toSecsSinceEpoch(), 1764090600);
        QCOMPARE(a.recent.events.size(), 2);
        QCOMPARE(a.recent.events[0].at.toSecsSinceEpoch(), 1764089600);
        QCOMPARE(a.recent.events[1].at.toSecsSinceEpoch(), 1764090100);
        QVERIFY(!listing->entries[1].lastSeen.isValid());
        // Moving twice does not move again.
        listing->moveToLocalClock(local);
        QCOMPARE(listing->entries[0].lastSeen.toSecsSinceEpoch(), 1764091199);

        // A second or two is the listing's round trip and the relay's whole seconds, not a
        // clock off: the times stay as written (as `history` prints them).
        auto near = RegistryListing::parse(output);
        QVERIFY(near);
        near->moveToLocalClock(qtcompat::utcFromSecsSinceEpoch(1764090602));
        QCOMPARE(near->entries[0].lastSeen.toSecsSinceEpoch(), 1764090599);

        // An older helper says nothing of its clock, or the line is broken: the times stay as
        // written.
        for (const QByteArray &now :
             {QByteArray(), QByteArray("@now -5\n"), QByteArray("@now soon\n"),
              QByteArray("@now 99999999999999999999\n")}) {
            auto old = RegistryListing::parse("relayfleet-helper 6\n" + now +
                                              "@device a\n| format=1\n| id=a\n| port=4649\n\n"
                                              "@last_seen 1764090599\n@end\n");
            QVERIFY(old);
            QVERIFY(!old->relayNow.isValid());
            old->moveToLocalClock(local);
            QCOMPARE(old->entries[0].lastSeen.toSecsSinceEpoch(), 1764090599);
        }
    }

    // A device's report of its data (helper 6, "@usage EPOCH BYTES MODEM"), untrusted: taken
    // only whole and in range.
    void dataUsageIsTakenOnlyWhole_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::newRow("no modem") << QByteArray("1764090000 612000 none") << true;
        QTest::newRow("modem") << QByteArray("1764090000 612000 67:123456789") << true;
        QTest::newRow("signal over 100") << QByteArray("1764090000 612000 101:5") << false;
        QTest::newRow("negative") << QByteArray("1764090000 -5 none") << false;
        QTest::newRow("16 digits") << QByteArray("1764090000 1234567890123456 none") << false;
        QTest::newRow("extra word") << QByteArray("1764090000 5 none x") << false;
        QTest::newRow("missing modem bytes") << QByteArray("1764090000 5 67:") << false;
        QTest::newRow("not a number") << QByteArray("1764090000 5e3 none") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void dataUsageIsTakenOnlyWhole()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        const DataUsage usage = DataUsage::parse(line);
        QCOMPARE(usage.isValid(), valid);
        if (!valid) {
            QCOMPARE(usage.tunnelMonth, -1);
            QVERIFY(usage.toJson().isNull());
            return;
        }
        QCOMPARE(usage.reported.toSecsSinceEpoch(), 1764090000);
        QCOMPARE(usage.tunnelMonth, 612000);
        const QJsonObject json = usage.toJson().toObject();
        QCOMPARE(json.value(QStringLiteral("tunnel_month_bytes")).toDouble(), 612000.0);
        if (usage.hasModem) {
            QCOMPARE(usage.modemSignal, 67);
            QCOMPARE(usage.modemBytes, 123456789);
            QCOMPARE(json.value(QStringLiteral("modem"))
                         .toObject()
                         .value(QStringLiteral("signal_percent"))
                         .toInt(),
                     67);
        } else {
            QCOMPARE(json.value(QStringLiteral("modem")).toString(), QStringLiteral("none"));
        }
        // In a listing, beside the rest of the entry.
        auto listing = RegistryListing::parse(
            "relayfleet-helper 6\n@device a\n| format=1\n| id=a\n| port=4649\n\n@usage " + line +
            "\n@end\n");
        QVERIFY(listing);
        QCOMPARE(listing->entries.first().usage.tunnelMonth, 612000);
    }

    // A device's health report (helper 8, "@health EPOCH TEMP THROTTLED LOAD MEM DISK UPTIME
    // KERNEL", and OS from runner 7), untrusted: taken only whole and in range; "-" is a value the
    // device could not tell.
    void healthIsTakenOnlyWhole_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("level");
        QTest::newRow("a cool Pi") << QByteArray("1764090000 48300 0x0 115 95 28 39516 6.1.0-rpi7")
                                   << true << QStringLiteral("fine");
        QTest::newRow("no vcgencmd")
            << QByteArray("1764090000 - - 5 50 60 100 -") << true << QStringLiteral("fine");
        QTest::newRow("under-voltage now") << QByteArray("1764090000 50000 0x50005 100 50 60 100 k")
                                           << true << QStringLiteral("critical");
        QTest::newRow("under-voltage since boot")
            << QByteArray("1764090000 50000 0x50000 100 50 60 100 k") << true
            << QStringLiteral("warning");
        QTest::newRow("hot") << QByteArray("1764090000 81000 0x0 100 50 60 100 k") << true
                             << QStringLiteral("critical");
        QTest::newRow("warm") << QByteArray("1764090000 72000 0x0 100 50 60 100 k") << true
                              << QStringLiteral("warning");
        QTest::newRow("disk full") << QByteArray("1764090000 40000 0x0 100 50 3 100 k") << true
                                   << QStringLiteral("critical");
        QTest::newRow("memory short") << QByteArray("1764090000 40000 0x0 100 5 60 100 k") << true
                                      << QStringLiteral("warning");
        QTest::newRow("percent over 100")
            << QByteArray("1764090000 40000 0x0 100 101 60 100 k") << false << QString();
        QTest::newRow("not hex") << QByteArray("1764090000 40000 0xZZ 100 50 60 100 k") << false
                                 << QString();
        QTest::newRow("negative") << QByteArray("1764090000 -4000 0x0 100 50 60 100 k") << false
                                  << QString();
        QTest::newRow("a kernel with a quote")
            << QByteArray("1764090000 40000 0x0 100 50 60 100 k'$(x)") << false << QString();
        QTest::newRow("with its OS")
            << QByteArray("1764090000 48300 0x0 115 95 28 39516 6.1.0-rpi7 debian-12") << true
            << QStringLiteral("fine");
        QTest::newRow("an OS it cannot tell")
            << QByteArray("1764090000 48300 0x0 115 95 28 39516 6.1.0-rpi7 -") << true
            << QStringLiteral("fine");
        QTest::newRow("an OS too long")
            << QByteArray("1764090000 48300 0x0 115 95 28 39516 k ") + QByteArray(33, 'd') << false
            << QString();
        QTest::newRow("an OS with a slash")
            << QByteArray("1764090000 48300 0x0 115 95 28 39516 k debian/12") << false << QString();
        QTest::newRow("a word too many")
            << QByteArray("1764090000 48300 0x0 115 95 28 39516 k debian-12 x") << false
            << QString();
        QTest::newRow("a word missing")
            << QByteArray("1764090000 40000 0x0 100 50 60 100") << false << QString();
        QTest::newRow("empty") << QByteArray() << false << QString();
    }

    void healthIsTakenOnlyWhole()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        QFETCH(QString, level);
        const DeviceHealth health = DeviceHealth::parse(line);
        QCOMPARE(health.isValid(), valid);
        if (!valid) {
            QVERIFY(health.toJson().isNull());
            QCOMPARE(health.level(), DeviceHealth::Level::Unknown);
            return;
        }
        QCOMPARE(DeviceHealth::levelName(health.level()), level);
        QCOMPARE(health.reasons().isEmpty(), level == QLatin1String("fine"));
        const QJsonObject json = health.toJson().toObject();
        QCOMPARE(json.value(QStringLiteral("level")).toString(), level);
        QVERIFY(json.contains(QStringLiteral("temperature_c")));
        const QByteArray os = line.split(' ').size() == 9 ? line.split(' ').last() : "-";
        QCOMPARE(health.os, os == "-" ? QString() : QString::fromLatin1(os));
        QCOMPARE(json.value(QStringLiteral("os")).toString(), health.os);
        QCOMPARE(health.system().contains(QStringLiteral("debian-12")), os == "debian-12");
        // In a listing, beside the rest of the entry; its time moves to the local clock.
        auto listing = RegistryListing::parse(
            "relayfleet-helper 8\n@now 1764090600\n@device a\n| format=1\n| id=a\n| port=4649\n\n"
            "@health " +
            line + "\n@end\n");
        QVERIFY(listing);
        listing->moveToLocalClock(qtcompat::utcFromSecsSinceEpoch(1764090700));
        QCOMPARE(listing->entries.first().health.reported.toSecsSinceEpoch(), 1764090100);
    }

    void healthHistoryIsReadOnTheLocalClock()
    {
        const QByteArray output = "@now 1764090600\n"
                                  "1764080000 48300 0x0 115 95 28 39516 k\n"
                                  "garbage\n"
                                  "1764090000 82500 0x50005 115 95 28 49516 k\n";
        const auto history =
            DeviceHealth::parseHistory(output, qtcompat::utcFromSecsSinceEpoch(1764090660));
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().reported.toSecsSinceEpoch(), 1764080060);
        QCOMPARE(history.last().level(), DeviceHealth::Level::Critical);
        QCOMPARE(*history.last().temperatureMilliC, 82500);
    }

    // How long the relay's view lets a device stay silent before calling it stale: its interval,
    // the runner's wait for an answer (up to a minute) and a margin; 5 s when not said.
    void silenceAllowedFollowsTheInterval()
    {
        QCOMPARE(DeviceStatus::silenceAllowedSeconds(0), 5 + 5 + 15);
        QCOMPARE(DeviceStatus::silenceAllowedSeconds(5), 5 + 5 + 15);
        QCOMPARE(DeviceStatus::silenceAllowedSeconds(20), 20 + 20 + 15);
        QCOMPARE(DeviceStatus::silenceAllowedSeconds(1680), 1680 + 60 + 15);
    }

    void listingRejectsSomethingElse()
    {
        QVERIFY(!RegistryListing::parse("bash: helper: command not found\n"));
    }

    void listenerTableFindsLoopbackListenersOnly()
    {
        const QByteArray tcp =
            "  sl  local_address rem_address   st tx_queue\n"
            "   0: 0100007F:1229 00000000:0000 0A 00000000:00000000\n" // 127.0.0.1:4649 listen
            "   1: 00000000:0016 00000000:0000 0A 00000000:00000000\n" // 0.0.0.0:22 listen
            "   2: 0100007F:122A 0100007F:D000 01 00000000:00000000\n" // established
            "   3: 0101007F:122B 00000000:0000 0A 00000000:00000000\n" // 127.1.1.1 listen
            "   0: 00000000000000000000000001000000:122C 00000000000000000000000000000000:0000 0A "
            "0\n"
            "garbage\n  9: zz:zz 0 0A\n";
        QCOMPARE(ListenerTable::loopbackListeners(tcp), (QList<int>{4649, 4651, 4652}));
    }
};

QTEST_GUILESS_MAIN(RegistryParsingTest)
#include "RegistryParsingTest.moc"
