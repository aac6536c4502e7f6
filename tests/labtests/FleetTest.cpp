// The fleet through the CLI against the NAT lab: relay init, live status, adoption of a
// hand-made tunnel, stale detection and clearing, removal, and hostile registry entries.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "LoopbackHttpServer.h"
#include "NatLab.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;
using relayfleet::testing::readFile;

class FleetTest : public QObject
{
    Q_OBJECT

private:
    QJsonArray devices() { return relayfleet::testing::listDevices(*m_cli); }

    static QJsonObject byPort(const QJsonArray &list, int port)
    {
        for (const QJsonValue &v : list) {
            if (v.toObject().value(QStringLiteral("port")).toInt() == port) {
                return v.toObject();
            }
        }
        return {};
    }

    // The entries this test's lab made: registered devices and the two hand-made tunnels. On the
    // loopback fallback the relay is this machine, so the sshd of any lab test running beside
    // this one is listed too, as an unregistered tunnel that comes and goes.
    qsizetype labEntryCount(const QJsonArray &list) const
    {
        qsizetype count = 0;
        for (const QJsonValue &v : list) {
            const QJsonObject entry = v.toObject();
            const int port = entry.value(QStringLiteral("port")).toInt();
            if (!entry.value(QStringLiteral("id")).isNull() || port == m_port1 || port == m_port2) {
                ++count;
            }
        }
        return count;
    }

    static QJsonObject byId(const QJsonArray &list, const QString &id)
    {
        return relayfleet::testing::deviceById(list, id);
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;
    int m_port1 = 0;
    int m_port2 = 0;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = relayfleet::testing::LabFixture::start({.devices = 2}, 2);
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_port1 = fixture->tunnelPorts[0];
        m_port2 = fixture->tunnelPorts[1];
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab), 0);
        QCOMPARE(m_cli
                     ->run({QStringLiteral("relay"), QStringLiteral("check"), QStringLiteral("lab"),
                            QStringLiteral("--accept-new-host-key")})
                     .exitCode,
                 0);
    }

    void cleanupTestCase() { m_lab.reset(); }

    void devicesBeforeInitSaysWhatToDo()
    {
        const auto result = m_cli->run({QStringLiteral("devices")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("relay init lab"), result.err.constData());
    }

    void relayAddWithAcceptNewHostKeyChecksAtOnce()
    {
        // The flag used to be taken and ignored: nothing was pinned, and `relay init` then
        // refused the unknown key. Now adding with it checks the relay right away.
        CliRunner fresh(m_homes.filePath(QStringLiteral("fresh-mac")));
        const auto added =
            fresh.run({QStringLiteral("relay"), QStringLiteral("add"), QStringLiteral("lab"),
                       QStringLiteral("%1@%2:%3")
                           .arg(m_lab->relayUser(), m_lab->relayHost())
                           .arg(m_lab->relayPort()),
                       QStringLiteral("--identity"), m_lab->clientKey(),
                       QStringLiteral("--accept-new-host-key")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY2(added.out.contains("accepted the login"), added.out.constData());
        QVERIFY(readFile(fresh.home() + QStringLiteral("/known_hosts")).contains("ssh-ed25519"));
        const auto init =
            fresh.run({QStringLiteral("relay"), QStringLiteral("init"), QStringLiteral("lab")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        // Without the flag, adding connects nowhere and says how to check.
        CliRunner other(m_homes.filePath(QStringLiteral("other-mac")));
        const auto plain =
            other.run({QStringLiteral("relay"), QStringLiteral("add"), QStringLiteral("lab"),
                       QStringLiteral("%1@%2:%3")
                           .arg(m_lab->relayUser(), m_lab->relayHost())
                           .arg(m_lab->relayPort())});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains("relay check lab"));
        QVERIFY(!QFile::exists(other.home() + QStringLiteral("/known_hosts")));
    }

    // HELPER_VERSION of the helper this build installs.
    static QByteArray builtInHelperVersion()
    {
        QFile helper(QStringLiteral(":/relayfleet/relay/relayfleet-helper"));
        if (!helper.open(QIODevice::ReadOnly)) {
            return "(not in this build)";
        }
        const QByteArray text = helper.readAll();
        const qsizetype at = text.indexOf("\nHELPER_VERSION=");
        return at < 0 ? QByteArray("(none)")
                      : text.mid(at + 16, text.indexOf('\n', at + 1) - at - 16);
    }

    void relayInitInstallsAndUpgradesInPlace()
    {
        for (int round = 0; round < 2; ++round) {
            const auto result = m_cli->run(
                {QStringLiteral("relay"), QStringLiteral("init"), QStringLiteral("lab")});
            QVERIFY2(result.exitCode == 0, result.err.constData());
            QVERIFY2(
                result.out.contains(QByteArray("helper version ").append(builtInHelperVersion())),
                result.out.constData());
        }
        const QFileInfo helper(m_lab->relayHome() + QStringLiteral("/.relayfleet/helper"));
        QVERIFY(helper.isExecutable());
        QCOMPARE(helper.permissions() & (QFile::ReadOther | QFile::WriteOther | QFile::WriteGroup),
                 QFile::Permissions());
        QVERIFY(!QFile::exists(m_lab->relayHome() + QStringLiteral("/.relayfleet/helper.new")));
    }

    void handMadeTunnelsListAsUnregistered()
    {
        const QJsonArray list = devices();
        const QJsonObject first = byPort(list, m_port1);
        const QJsonObject second = byPort(list, m_port2);
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("unregistered"));
        QCOMPARE(first.value(QStringLiteral("host_key")).toString(),
                 m_lab->deviceHostKeyFingerprint(0));
        QCOMPARE(second.value(QStringLiteral("status")).toString(), QStringLiteral("unregistered"));
        QCOMPARE(second.value(QStringLiteral("host_key")).toString(),
                 m_lab->deviceHostKeyFingerprint(1));
        QVERIFY(first.value(QStringLiteral("id")).isNull());
        QVERIFY(first.contains(QStringLiteral("last_seen")));
        QVERIFY(first.value(QStringLiteral("labels")).isArray());
    }

    void adoptPinsAndRegisters()
    {
        const auto adopted =
            m_cli->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(m_port1),
                        QStringLiteral("--id"), QStringLiteral("kitchen"), QStringLiteral("--name"),
                        QStringLiteral("Kitchen Pi"), QStringLiteral("--label"),
                        QStringLiteral("sensors,home"), QStringLiteral("--accept-new-host-key")});
        QVERIFY2(adopted.exitCode == 0, adopted.err.constData());
        const QJsonObject kitchen = byId(devices(), QStringLiteral("kitchen"));
        QCOMPARE(kitchen.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        QCOMPARE(kitchen.value(QStringLiteral("name")).toString(), QStringLiteral("Kitchen Pi"));
        QCOMPARE(kitchen.value(QStringLiteral("port")).toInt(), m_port1);
        // A hand-made tunnel sends no heartbeat: online, it was last seen when it answered the
        // probe just now (it said "never").
        QVERIFY2(kitchen.value(QStringLiteral("last_seen")).isString(),
                 QJsonDocument(kitchen).toJson().constData());
        QCOMPARE(kitchen.value(QStringLiteral("last_seen_by")).toString(), QStringLiteral("probe"));
        QVERIFY(qAbs(QDateTime::fromString(kitchen.value(QStringLiteral("last_seen")).toString(),
                                           Qt::ISODate)
                         .secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(kitchen.value(QStringLiteral("labels")).toArray(),
                 QJsonArray({QStringLiteral("sensors"), QStringLiteral("home")}));
        QCOMPARE(kitchen.value(QStringLiteral("relay")).toString(), QStringLiteral("lab"));

        // Reached by id, host key checked against the pin made at adoption.
        const auto exec =
            m_cli->run({QStringLiteral("exec"), QStringLiteral("kitchen"), QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("-n"), QStringLiteral("--"),
                        QStringLiteral("echo $LAB_HOST")});
        QVERIFY2(exec.exitCode == 0, exec.err.constData());
        QCOMPARE(exec.out, QByteArray("dev1\n"));

        const auto again = m_cli->run(
            {QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(m_port2), QStringLiteral("--id"),
             QStringLiteral("kitchen"), QStringLiteral("--accept-new-host-key")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already has a device"), again.err.constData());
        // Both are in the audit log: the adoption with the key it pinned, the refusal with why.
        const auto audit = m_cli->run({QStringLiteral("audit"), QStringLiteral("--device"),
                                       QStringLiteral("kitchen"), QStringLiteral("--json")});
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        QList<QJsonObject> adoptions;
        for (const QJsonValue &entry : QJsonDocument::fromJson(audit.out).array()) {
            if (entry.toObject().value(QStringLiteral("action")).toString() ==
                QLatin1String("adopted")) {
                adoptions << entry.toObject();
            }
        }
        QCOMPARE(adoptions.size(), 2);
        QVERIFY(adoptions.first().value(QStringLiteral("ok")).toBool());
        QVERIFY(adoptions.first()
                    .value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("host_key"))
                    .toString()
                    .startsWith(QStringLiteral("SHA256:")));
        QVERIFY(!adoptions.last().value(QStringLiteral("ok")).toBool());
        QVERIFY(adoptions.last()
                    .value(QStringLiteral("result"))
                    .toString()
                    .contains(QStringLiteral("already has a device")));
    }

    // `watch` asks the relay every few seconds and prints one line when a device has been away
    // too long and one when it is back, posting each to the webhook; Ctrl+C (or SIGTERM) ends
    // it with status 0.
    void watchSaysWhenADeviceGoesAndComesBack()
    {
        relayfleet::testing::LoopbackHttpServer hook(200);
        auto watch = m_cli->startInBackground(
            {QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--every"),
             QStringLiteral("5"), QStringLiteral("--offline-after"), QStringLiteral("0"),
             QStringLiteral("--webhook"), hook.url()});
        QVERIFY(watch);
        QByteArray said;
        const auto waitForEvent = [&](const QString &event) {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 45000) {
                for (const QByteArray &line : said.split('\n')) {
                    const QJsonObject object = QJsonDocument::fromJson(line).object();
                    if (object.value(QStringLiteral("event")).toString() == event &&
                        object.value(QStringLiteral("device")).toString() ==
                            QLatin1String("kitchen")) {
                        return object;
                    }
                }
                QTest::qWait(500); // the webhook's server answers meanwhile
                said += watch->readAllStandardOutput();
            }
            return QJsonObject();
        };
        QTest::qWait(2000); // its first round: kitchen online, nothing to say
        m_lab->stopTunnel(0);
        const QJsonObject away = waitForEvent(QStringLiteral("offline"));
        QVERIFY2(!away.isEmpty(), said.constData());
        QCOMPARE(away.value(QStringLiteral("relay")).toString(), QStringLiteral("lab"));
        QVERIFY(
            away.value(QStringLiteral("message")).toString().contains(QStringLiteral("Kitchen")));
        QVERIFY(m_lab->startSeedTunnel(0, m_port1));
        QVERIFY2(!waitForEvent(QStringLiteral("online")).isEmpty(), said.constData());
        watch->terminate();
        QVERIFY(watch->waitForFinished(15000));
        QCOMPARE(watch->exitCode(), 0);
        said += watch->readAllStandardOutput();
        QStringList events;
        for (const QByteArray &line : said.split('\n')) {
            if (!line.trimmed().isEmpty()) {
                events << QJsonDocument::fromJson(line)
                              .object()
                              .value(QStringLiteral("event"))
                              .toString();
            }
        }
        QCOMPARE(events, QStringList({QStringLiteral("offline"), QStringLiteral("online")}));
        QStringList posted;
        for (const auto &request : hook.requests()) {
            posted << QJsonDocument::fromJson(request.body)
                          .object()
                          .value(QStringLiteral("event"))
                          .toString();
        }
        QCOMPARE(posted, events);
    }

    void execByIdGoesWhereTheDeviceWasLastSeen()
    {
        const QStringList exec{QStringLiteral("exec"),
                               QStringLiteral("kitchen"),
                               QStringLiteral("--user"),
                               m_lab->deviceUser(),
                               QStringLiteral("-n"),
                               QStringLiteral("--"),
                               QStringLiteral("echo $LAB_HOST")};
        const QString locations = m_cli->home() + QStringLiteral("/device-locations.json");
        QVERIFY(readFile(locations).contains("kitchen"));
        // The registry cannot be read: `exec ID` does not need it while the device is where
        // it was last seen (and its pinned key says it is the same device).
        const QString registry = m_lab->relayHome() + QStringLiteral("/.relayfleet/devices");
        QVERIFY(QFile::rename(registry, registry + QStringLiteral(".aside")));
        const auto direct = m_cli->run(exec);
        QVERIFY(QFile::rename(registry + QStringLiteral(".aside"), registry));
        QVERIFY2(direct.exitCode == 0, direct.err.constData());
        QCOMPARE(direct.out, QByteArray("dev1\n"));

        // Last seen at another device's port: that device's key is not kitchen's pin, so the
        // registry is asked, the command runs on kitchen, and the hint is put right.
        QByteArray wrong = readFile(locations);
        wrong.replace(QByteArray::number(m_port1), QByteArray::number(m_port2));
        QFile file(locations);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                file.write(wrong) == wrong.size());
        file.close();
        const auto moved = m_cli->run(exec);
        QVERIFY2(moved.exitCode == 0, moved.err.constData());
        QCOMPARE(moved.out, QByteArray("dev1\n"));
        QVERIFY(readFile(locations).contains(QByteArray::number(m_port1)));
        QVERIFY(!readFile(locations).contains(QByteArray::number(m_port2)));

        // A hint that is not JSON is no hint.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                file.write("{\"devices\": [") > 0);
        file.close();
        const auto garbled = m_cli->run(exec);
        QVERIFY2(garbled.exitCode == 0, garbled.err.constData());
    }

    void refreshProbesWhereDevicesWereLastSeen()
    {
        // The refresh probes the ports of device-locations.json before the registry answers;
        // each answer is used for whatever the registry puts at that port.
        const QString locations = m_cli->home() + QStringLiteral("/device-locations.json");
        const QJsonArray before = devices();
        QCOMPARE(byId(before, QStringLiteral("kitchen")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("online"));
        QVERIFY(readFile(locations).contains(QByteArray::number(m_port1)));

        // kitchen last seen where dev2's hand-made tunnel is, plus a ghost at a port where
        // nothing listens: kitchen is still found online at its own port, dev2 is still the
        // unregistered tunnel, the ghost is not listed, and the hints are put right.
        QByteArray wrong = readFile(locations);
        wrong.replace(QByteArray::number(m_port1), QByteArray::number(m_port2));
        wrong.replace(
            "\"devices\": {",
            "\"devices\": {\"ghost\": {\"relay\": \"lab\", \"port\": 40999, \"user\": \"pi\"},");
        QFile file(locations);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                file.write(wrong) == wrong.size());
        file.close();
        QVERIFY(readFile(locations).contains("ghost"));
        const QJsonArray after = devices();
        const QJsonObject kitchen = byId(after, QStringLiteral("kitchen"));
        QCOMPARE(kitchen.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        QCOMPARE(kitchen.value(QStringLiteral("port")).toInt(), m_port1);
        QCOMPARE(byPort(after, m_port2).value(QStringLiteral("status")).toString(),
                 QStringLiteral("unregistered"));
        QVERIFY(byId(after, QStringLiteral("ghost")).isEmpty());
        QCOMPARE(labEntryCount(after), labEntryCount(before));
        QVERIFY(!readFile(locations).contains("ghost"));
        QVERIFY(readFile(locations).contains(QByteArray::number(m_port1)));
    }

    void hostileRegistryEntriesStayData()
    {
        const QString dir = m_lab->relayHome() + QStringLiteral("/.relayfleet/devices/");
        const QString marker = m_homes.filePath(QStringLiteral("pwned"));
        auto write = [&](const QString &name, const QByteArray &data) {
            QFile file(dir + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(data);
        };
        write(QStringLiteral("evil.conf"),
              "format=1\nid=evil\nname=$(touch " + marker.toUtf8() + ")`touch " + marker.toUtf8() +
                  "`\nport=4700;touch " + marker.toUtf8() + "\nlabels=a b,$(x)\n");
        static const char binary[] = "format=1\nid=binary\nname=\xff\xfe\x00\x01\nport=4701\n";
        write(QStringLiteral("binary.conf"), QByteArray(binary, sizeof(binary) - 1));
        write(QStringLiteral("huge.conf"),
              "format=1\nid=huge\nport=4702\nname=" + QByteArray(100000, 'x') + "\n");
        write(QStringLiteral("x;id>pwned$(id).conf"), "format=1\nid=x\nport=4703\n");
        const QJsonArray list = devices();
        QVERIFY(!QFile::exists(marker));
        for (const QString &id :
             {QStringLiteral("evil"), QStringLiteral("binary"), QStringLiteral("huge")}) {
            const QJsonObject entry = byId(list, id);
            QCOMPARE(entry.value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
            QVERIFY(!entry.value(QStringLiteral("problem")).toString().isEmpty());
        }
        // A file whose name is not an id is not listed at all, and nothing ran.
        if (m_lab->isolated()) {
            // On the loopback fallback every lab sshd is a loopback listener too.
            QCOMPARE(list.size(), 5); // kitchen, three invalid entries, the unregistered dev2
        }
        QVERIFY(!QFile::exists(m_lab->relayHome() + QStringLiteral("/pwned")));
        // The valid entry is still shown, unaffected.
        QCOMPARE(byId(list, QStringLiteral("kitchen")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("online"));
        for (const QString &name : QDir(dir).entryList({QStringLiteral("*.conf")})) {
            if (name != QLatin1String("kitchen.conf")) {
                QFile::remove(dir + name);
            }
        }
    }

    void staleAfterPowerLossThenCleared()
    {
        QVERIFY(m_lab->powerLoss(0));
        const QJsonObject stale = byId(devices(), QStringLiteral("kitchen"));
        QCOMPARE(stale.value(QStringLiteral("status")).toString(), QStringLiteral("stale"));
        QVERIFY(m_lab->relayListens(m_port1));

        const auto cleared = m_cli->run({QStringLiteral("clear-stale"), QStringLiteral("kitchen")});
        QVERIFY2(cleared.exitCode == 0, cleared.err.constData());
        QVERIFY(!m_lab->relayListens(m_port1));
        QCOMPARE(
            byId(devices(), QStringLiteral("kitchen")).value(QStringLiteral("status")).toString(),
            QStringLiteral("offline"));
        QVERIFY(m_lab->boot(0));
    }

    void removeRevokesAndForgets()
    {
        const auto removed = m_cli->run({QStringLiteral("remove"), QStringLiteral("kitchen")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(byId(devices(), QStringLiteral("kitchen")).isEmpty());
        QFile knownHosts(m_cli->home() + QStringLiteral("/known_hosts"));
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        QVERIFY(!knownHosts.readAll().contains("relayfleet-kitchen"));
        QVERIFY(!QFile::exists(m_lab->relayHome() +
                               QStringLiteral("/.relayfleet/ports/%1").arg(m_port1)));
    }
};

QTEST_GUILESS_MAIN(FleetTest)
#include "FleetTest.moc"
