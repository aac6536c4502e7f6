// The cellular profile's runner behind a carrier's NAT (issue 28): the relay's view of the fleet
// costs an idle device no packet; a link that died silently is noticed by the unanswered
// heartbeat and the tunnel is back within the interval and the answer's wait; the keepalive
// learns the longest silence the carrier's NAT lets the tunnel survive, and keeps it across a
// restart. Times are scaled down (a NAT that forgets after 20 s, not 2 min or 30 min) so that
// the learner's whole path runs in a few minutes; the runner's arithmetic does not depend on
// the scale.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;

namespace {

constexpr char kId[] = "cell";

} // namespace

class CellularTunnelTest : public QObject
{
    Q_OBJECT

private:
    QString deviceFile(const QString &name) const
    {
        return m_lab->deviceHome(0) + QStringLiteral("/.relayfleet/") + name;
    }

    // tunnel.conf as enrolment wrote it, plus `extra`; the learner's memory forgotten when
    // asked; then `tunnel install` restarts the runner, as a user changing its settings would.
    // `path`: the runner's PATH, when not the lab's.
    bool reconfigure(const QByteArray &extra, bool forgetLearned, const QString &path = {})
    {
        QFile file(deviceFile(QStringLiteral("tunnel.conf")));
        if (!file.open(QIODevice::WriteOnly) || file.write(m_enrolledConf + extra) < 0) {
            return false;
        }
        file.close();
        if (forgetLearned) {
            QFile::remove(deviceFile(QStringLiteral("tunnel.keepalive")));
        }
        QStringList install{QStringLiteral("sh"),
                            relayfleet::testing::homeOnDevice(*m_lab, 0) +
                                QStringLiteral("/.relayfleet/tunnel"),
                            QStringLiteral("install")};
        if (!path.isEmpty()) {
            install.prepend(QStringLiteral("PATH=") + path);
            install.prepend(QStringLiteral("env"));
        }
        const auto restarted = m_lab->runOnDevice(0, install);
        return restarted && restarted->exitCode == 0;
    }

    QJsonObject entry(bool probe)
    {
        return relayfleet::testing::deviceById(relayfleet::testing::listDevices(*m_cli, 5, probe),
                                               QString::fromLatin1(kId));
    }

    // The relay's view says online, heard from with `every` s between heartbeats; bounded.
    bool waitOnline(int every, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const QJsonObject seen = entry(false);
            if (seen.value(QStringLiteral("status")).toString() == QLatin1String("online") &&
                seen.value(QStringLiteral("heartbeat_every")).toInt() == every) {
                return true;
            }
            QTest::qWait(1000);
        }
        qWarning("not online with heartbeats every %d s: %s", every,
                 QJsonDocument(entry(false)).toJson(QJsonDocument::Compact).constData());
        return false;
    }

    // How many times the relay saw the tunnel come up.
    int tunnelsUp()
    {
        auto history =
            m_lab->runOnRelay(QStringLiteral("grep -c ' up$' \"$HOME\"/.relayfleet/history/%1")
                                  .arg(QLatin1String(kId)));
        return history ? history->out.trimmed().toInt() : -1;
    }

    qint64 devicePackets()
    {
        auto counters = m_lab->deviceLinkCounters(0);
        return counters ? counters->rxPackets + counters->txPackets : -1;
    }

    // The learner's memory on the device: interval, longest survived, shortest lost, when.
    QList<int> learned()
    {
        QList<int> numbers;
        const QByteArray text =
            relayfleet::testing::readFile(deviceFile(QStringLiteral("tunnel.keepalive")));
        for (const QByteArray &word : text.simplified().split(' ')) {
            numbers << word.toInt();
        }
        return numbers.size() == 4 ? numbers : QList<int>();
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;
    QByteArray m_enrolledConf;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = relayfleet::testing::LabFixture::start({.devices = 1});
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        if (!m_lab->isolated()) {
            QSKIP("a carrier's NAT and a device's link counters need network namespaces");
        }
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
        const auto enrolled =
            m_cli->run(relayfleet::testing::lanEnrolArguments(*m_lab, 0, QString::fromLatin1(kId),
                                                              QStringLiteral("cellular")),
                       {}, 120000);
        QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
        m_enrolledConf = relayfleet::testing::readFile(deviceFile(QStringLiteral("tunnel.conf")));
        QVERIFY2(m_enrolledConf.contains("PROFILE=cellular\n"), m_enrolledConf.constData());
    }

    void cleanupTestCase()
    {
        if (m_lab) {
            (void)m_lab->setCarrierNat(0);
        }
        m_lab.reset();
    }

    void theRelaysViewCostsAnIdleDeviceNothing()
    {
        QVERIFY(reconfigure("KEEPALIVE=300\nREPLY_WAIT=5\n", true));
        QVERIFY(waitOnline(300, 60000));
        // The first heartbeat's exchange is over: the link's counters stand still for 3 s.
        qint64 before = devicePackets();
        for (int still = 0, tries = 0; still < 3 && tries < 30; ++tries) {
            QTest::qWait(1000);
            const qint64 now = devicePackets();
            still = now == before ? still + 1 : 0;
            before = now;
        }
        QVERIFY(before > 0);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject seen = entry(false);
            QCOMPARE(seen.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
            QCOMPARE(seen.value(QStringLiteral("checked_by")).toString(), QStringLiteral("relay"));
        }
        QCOMPARE(devicePackets() - before, 0);
        // Asked to check, the app does reach the device, and the counters see it.
        const QJsonObject checked = entry(true);
        QCOMPARE(checked.value(QStringLiteral("checked_by")).toString(), QStringLiteral("probe"));
        QCOMPARE(checked.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        QVERIFY(checked.value(QStringLiteral("host_key"))
                    .toString()
                    .startsWith(QLatin1String("SHA256:")));
        const qint64 probeCost = devicePackets() - before;
        qInfo("three refreshes: 0 packets on the device's link; one probe: %lld packets",
              probeCost);
        QVERIFY(probeCost > 0);
    }

    // The runner reports what its tunnel used this month (counted from the kernel's counters of
    // its connection) with a heartbeat, at most every USAGE_EVERY s; the lab's devices have no
    // modem, and say so.
    void theDeviceReportsWhatItsTunnelUsed()
    {
        QVERIFY(reconfigure("KEEPALIVE=5\nREPLY_WAIT=5\nUSAGE_EVERY=10\n", true));
        QVERIFY(waitOnline(5, 60000));
        QJsonObject data;
        QDeadlineTimer deadline(60000); // catches a hang
        while (!deadline.hasExpired()) {
            data = entry(false).value(QStringLiteral("data")).toObject();
            if (data.value(QStringLiteral("tunnel_month_bytes")).toDouble() > 0) {
                break;
            }
            QTest::qWait(1000);
        }
        const double reported = data.value(QStringLiteral("tunnel_month_bytes")).toDouble();
        auto counters = m_lab->deviceLinkCounters(0);
        QVERIFY(counters);
        // Everything the device's link carried since its power-on, billed the same way: the
        // tunnel's share can only be a part of it.
        const double link = static_cast<double>(counters->rxBytes + counters->txBytes) +
                            40.0 * static_cast<double>(counters->rxPackets + counters->txPackets);
        qInfo("reported: %.0f B this month by the tunnel; the link since power-on: %.0f B",
              reported, link);
        QVERIFY2(reported > 0, QJsonDocument(data).toJson().constData());
        QVERIFY(reported < link);
        QCOMPARE(data.value(QStringLiteral("modem")).toString(), QStringLiteral("none"));
        const auto listed = m_cli->run({QStringLiteral("devices")});
        QVERIFY2(listed.out.contains("# data this month: "), listed.out.constData());
    }

    // Where ModemManager runs, the report carries the modem's signal and what its network
    // interface carried. The lab's device has no modem: an mmcli on its PATH answers as
    // ModemManager 1.20 does, naming the device's link as the modem's interface.
    void aModemIsReportedWithItsSignalAndBytes()
    {
        const QString fakeBin = m_lab->deviceHome(0) + QStringLiteral("/fake-modem");
        QVERIFY(QDir().mkpath(fakeBin));
        QFile mmcli(fakeBin + QStringLiteral("/mmcli"));
        QVERIFY(mmcli.open(QIODevice::WriteOnly | QIODevice::Truncate));
        mmcli.write("#!/bin/sh\n"
                    "[ \"$*\" = '-m any --output-keyvalue' ] || exit 1\n"
                    "cat <<'EOF'\n"
                    "modem.generic.manufacturer                      : QUALCOMM INCORPORATED\n"
                    "modem.generic.ports.length                      : 3\n"
                    "modem.generic.ports.value[1]                    : cdc-wdm0 (qmi)\n"
                    "modem.generic.ports.value[2]                    : ttyUSB2 (at)\n"
                    "modem.generic.ports.value[3]                    : eth0 (net)\n"
                    "modem.generic.state                             : connected\n"
                    "modem.generic.signal-quality.value              : 67\n"
                    "modem.generic.signal-quality.recent             : yes\n"
                    "EOF\n");
        mmcli.close();
        QVERIFY(mmcli.setPermissions(mmcli.permissions() | QFile::ExeOwner | QFile::ExeGroup |
                                     QFile::ExeOther));
        const QString path =
            relayfleet::testing::homeOnDevice(*m_lab, 0) +
            QStringLiteral("/fake-modem:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        QVERIFY(reconfigure("KEEPALIVE=5\nREPLY_WAIT=5\nUSAGE_EVERY=10\n", true, path));
        QJsonObject modem;
        QDeadlineTimer deadline(60000); // catches a hang
        while (!deadline.hasExpired()) {
            modem = entry(false)
                        .value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("modem"))
                        .toObject();
            if (!modem.isEmpty()) {
                break;
            }
            QTest::qWait(1000);
        }
        QVERIFY2(!modem.isEmpty(), "no modem in the device's report");
        QCOMPARE(modem.value(QStringLiteral("signal_percent")).toInt(), 67);
        const double modemBytes = modem.value(QStringLiteral("bytes_since_boot")).toDouble();
        auto counters = m_lab->deviceLinkCounters(0);
        QVERIFY(counters);
        qInfo("modem: signal 67 %%, %.0f B on its interface; the link's counters now: %lld B",
              modemBytes, counters->rxBytes + counters->txBytes);
        // The interface's own counters, read by the runner a little earlier than here.
        QVERIFY(modemBytes > 0);
        QVERIFY(modemBytes <= static_cast<double>(counters->rxBytes + counters->txBytes));
        QVERIFY(QDir(fakeBin).removeRecursively());
    }

    // The runner reports the device's health with its data report: a Pi's firmware (here a
    // vcgencmd on its PATH that says 82.5 °C and under-voltage now) makes it critical with the
    // reasons; the relay keeps the reports, and `health ID` shows them.
    void theDeviceReportsItsHealth()
    {
        const QString fakeBin = m_lab->deviceHome(0) + QStringLiteral("/fake-pi");
        QVERIFY(QDir().mkpath(fakeBin));
        QFile vcgencmd(fakeBin + QStringLiteral("/vcgencmd"));
        QVERIFY(vcgencmd.open(QIODevice::WriteOnly | QIODevice::Truncate));
        vcgencmd.write("#!/bin/sh\n"
                       "case \"$1\" in\n"
                       "measure_temp) echo \"temp=82.5'C\" ;;\n"
                       "get_throttled) echo throttled=0x50005 ;;\n"
                       "*) exit 1 ;;\n"
                       "esac\n");
        vcgencmd.close();
        QVERIFY(vcgencmd.setPermissions(vcgencmd.permissions() | QFile::ExeOwner | QFile::ExeGroup |
                                        QFile::ExeOther));
        const QString path =
            relayfleet::testing::homeOnDevice(*m_lab, 0) +
            QStringLiteral("/fake-pi:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        QVERIFY(reconfigure("KEEPALIVE=5\nREPLY_WAIT=5\nUSAGE_EVERY=10\n", true, path));
        // The relay shows the last report at once, which may be the runner's before this one
        // (the previous test's, without vcgencmd): wait for the Pi's.
        QJsonObject health;
        QDeadlineTimer deadline(60000); // catches a hang
        while (!deadline.hasExpired()) {
            health = entry(false).value(QStringLiteral("health")).toObject();
            if (health.value(QStringLiteral("throttled")).isString()) {
                break;
            }
            QTest::qWait(1000);
        }
        QVERIFY2(!health.isEmpty(), "no health in the device's report");
        QCOMPARE(health.value(QStringLiteral("level")).toString(), QStringLiteral("critical"));
        QCOMPARE(health.value(QStringLiteral("temperature_c")).toDouble(), 82.5);
        QCOMPARE(health.value(QStringLiteral("throttled")).toString(), QStringLiteral("0x50005"));
        QVERIFY(health.value(QStringLiteral("reasons")).toArray().size() >= 2);
        const double disk = health.value(QStringLiteral("disk_free_percent")).toDouble(-1);
        QVERIFY2(disk >= 0 && disk <= 100, QJsonDocument(health).toJson().constData());
        QVERIFY(health.value(QStringLiteral("uptime_seconds")).toDouble() > 0);
        QVERIFY(!health.value(QStringLiteral("kernel")).toString().isEmpty());
        // The lab's device shares this machine's /etc/os-release (runner 7).
        QVERIFY2(!health.value(QStringLiteral("os")).toString().isEmpty() ||
                     !QFile::exists(QStringLiteral("/etc/os-release")),
                 QJsonDocument(health).toJson().constData());

        const auto shown = m_cli->run(
            {QStringLiteral("health"), QString::fromLatin1(kId), QStringLiteral("--json")});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(answer.value(QStringLiteral("level")).toString(), QStringLiteral("critical"));
        const QJsonArray history = answer.value(QStringLiteral("history")).toArray();
        QVERIFY(!history.isEmpty());
        // Reported minutes ago at most, by this machine's clock.
        const QDateTime reported = QDateTime::fromString(
            history.last().toObject().value(QStringLiteral("reported")).toString(), Qt::ISODate);
        QVERIFY(qAbs(reported.secsTo(QDateTime::currentDateTimeUtc())) < 300);
        const auto text = m_cli->run({QStringLiteral("health"), QString::fromLatin1(kId)});
        QVERIFY2(text.exitCode == 0 && text.out.contains("82.5") && text.out.contains("kernel"),
                 text.out.constData());
        QVERIFY(QDir(fakeBin).removeRecursively());
    }

    void aLinkThatDiedSilentlyIsNoticedAndTheTunnelComesBack()
    {
        QVERIFY(reconfigure("KEEPALIVE=10\nREPLY_WAIT=5\n", true));
        QVERIFY(waitOnline(10, 60000));
        const int upBefore = tunnelsUp();
        QVERIFY(upBefore > 0);
        // As after a modem's re-attach: the carrier's NAT knows nothing of the tunnel's
        // connection and drops its packets; neither end is told.
        QVERIFY(m_lab->setCarrierNat(3600));
        QElapsedTimer cut;
        cut.start();
        QDeadlineTimer deadline(120000); // catches a hang; the bound is printed
        while (tunnelsUp() <= upBefore && !deadline.hasExpired()) {
            QTest::qWait(500);
        }
        const qint64 backMs = cut.elapsed();
        QVERIFY2(tunnelsUp() > upBefore, "the tunnel did not come back after its link died");
        qInfo("tunnel back %lld ms after its link died silently (bound: KEEPALIVE 10 s + "
              "REPLY_WAIT 5 s + the retry pause and a login)",
              backMs);
        const QByteArray log =
            relayfleet::testing::readFile(deviceFile(QStringLiteral("tunnel.log")));
        QVERIFY2(log.contains("no answer within 5 s to a heartbeat"), log.right(2000).constData());
        QVERIFY(waitOnline(10, 60000));
        // The outage's cause, as the device reported it at its next connect.
        auto history = m_lab->runOnRelay(
            QStringLiteral("cat \"$HOME\"/.relayfleet/history/%1").arg(QLatin1String(kId)));
        QVERIFY(history);
        QVERIFY2(history->out.contains(" cause:keepalive"), history->out.constData());
        QVERIFY(m_lab->setCarrierNat(0));
    }

    // The lean profile keeps today's return after a power loss: the runner connects at boot and
    // the relay evicts the dead session still holding the port. The seconds are printed (the
    // goal, 10 s, is in docs/PERFORMANCE.md); the deadline only catches a hang.
    void reachableSoonAfterPowerReturns()
    {
        QVERIFY(reconfigure({}, true)); // the profile as shipped
        QVERIFY(waitOnline(60, 60000));
        QVERIFY(m_lab->powerLoss(0));
        QCOMPARE(entry(true).value(QStringLiteral("status")).toString(), QStringLiteral("stale"));
        QElapsedTimer sincePower;
        sincePower.start();
        QVERIFY(m_lab->boot(0)); // starts ~/.relayfleet/tunnel as the device's boot would
        QString state;
        QDeadlineTimer deadline(120000); // catches a hang
        while (!deadline.hasExpired()) {
            state = entry(true).value(QStringLiteral("status")).toString();
            if (state == QLatin1String("online")) {
                break;
            }
            QTest::qWait(250);
        }
        qInfo("reachable again %.1f s after power returned (cellular profile)",
              static_cast<double>(sincePower.elapsed()) / 1000.0);
        QCOMPARE(state, QStringLiteral("online"));
    }

    // The CI's run: a NAT that forgets after 20 s and the learner's times scaled down to it.
    // RELAYFLEET_CARRIER_NAT_SECONDS=120 or 1800 runs it by hand against a carrier's real
    // timeouts with the runner's own settings (about 20 min and 2 h; figures in
    // docs/PERFORMANCE.md).
    void theKeepaliveLearnsHowLongTheCarriersNatWaits()
    {
        const int realNat = qEnvironmentVariableIntValue("RELAYFLEET_CARRIER_NAT_SECONDS");
        const int natSeconds = realNat > 0 ? realNat : 20;
        const QByteArray settings =
            realNat > 0 ? QByteArray()
                        : QByteArray("KEEPALIVE_MIN=5\nKEEPALIVE_MAX=60\nREPLY_WAIT=5\n");
        const int maxSeconds = realNat > 0 ? 1680 : 60; // KEEPALIVE_MAX
        const int minSeconds = realNat > 0 ? 60 : 5;    // KEEPALIVE_MIN
        QVERIFY(m_lab->setCarrierNat(natSeconds));
        QVERIFY(reconfigure(settings, true));
        // Doubling while the tunnel survives; below KEEPALIVE_MAX the NAT wins once, then the
        // interval goes halfway back up to within 10% of where it was lost. Above it, the
        // interval stops at KEEPALIVE_MAX and nothing is lost.
        const bool natForgetsFirst = natSeconds < maxSeconds;
        QDeadlineTimer deadline(std::max(300, 4 * std::max(natSeconds, maxSeconds)) *
                                qint64(1000)); // catches a hang
        QList<int> memory;
        while (!deadline.hasExpired()) {
            memory = learned();
            const bool settled = memory.size() == 4 &&
                                 (natForgetsFirst ? memory[2] > memory[0] &&
                                                        (memory[2] - memory[0]) * 10 <= memory[2]
                                                  : memory[0] == maxSeconds);
            if (settled) {
                break;
            }
            QTest::qWait(1000);
        }
        QVERIFY2(memory.size() == 4, "the runner kept no keepalive memory");
        qInfo("learned: heartbeat every %d s (survived %d s, lost after %d s) behind a NAT that "
              "forgets after %d s",
              memory[0], memory[1], memory[2], natSeconds);
        if (natForgetsFirst) {
            QVERIFY2(memory[2] >= natSeconds && memory[2] <= natSeconds + natSeconds / 5 + 2,
                     "the loss was not where the NAT forgets");
            QVERIFY(memory[0] < natSeconds);
            QVERIFY(memory[0] >= std::max(minSeconds, natSeconds / 2));
        } else {
            QCOMPARE(memory[0], maxSeconds);
            QCOMPARE(memory[2], 0); // never lost
        }
        // It holds: the tunnel lives through the NAT's timeouts without a reconnect.
        const int up = tunnelsUp();
        QTest::qWait(2 * natSeconds * 1000);
        QCOMPARE(tunnelsUp(), up);
        QVERIFY(waitOnline(memory[0], 10000));
        // Remembered: a restarted runner starts at the learned interval, not at the floor.
        QVERIFY(reconfigure(settings, false));
        QVERIFY(waitOnline(memory[0], 60000));
        QVERIFY(m_lab->setCarrierNat(0));
    }

    void theProfileIsChangedFromTheApp()
    {
        const auto profile = [&](const QStringList &words) {
            return m_cli->run(QStringList{QStringLiteral("profile"), QString::fromLatin1(kId)} +
                              words + QStringList{QStringLiteral("--user"), m_lab->deviceUser()});
        };
        const auto refused = profile(
            {QStringLiteral("cellular"), QStringLiteral("--keepalive-max"), QStringLiteral("30")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--keepalive-max"), refused.err.constData());

        const auto toLan = profile({QStringLiteral("lan")});
        QVERIFY2(toLan.exitCode == 0, toLan.err.constData());
        QVERIFY2(toLan.out.contains("lan"), toLan.out.constData());
        QVERIFY(waitOnline(5, 60000)); // the lan runner's heartbeat, every 5 s
        QByteArray conf = relayfleet::testing::readFile(deviceFile(QStringLiteral("tunnel.conf")));
        QVERIFY2(conf.contains("PROFILE=lan\n") && !conf.contains("PROFILE=cellular"),
                 conf.constData());

        const auto toCellular = profile(
            {QStringLiteral("cellular"), QStringLiteral("--keepalive-max"), QStringLiteral("600")});
        QVERIFY2(toCellular.exitCode == 0, toCellular.err.constData());
        conf = relayfleet::testing::readFile(deviceFile(QStringLiteral("tunnel.conf")));
        QVERIFY2(conf.contains("PROFILE=cellular\nKEEPALIVE_MAX=600\n") &&
                     !conf.contains("PROFILE=lan"),
                 conf.constData());
        // Back in the cellular profile, at the interval it had learned.
        QVERIFY(waitOnline(learned().value(0), 60000));
        const QByteArray log =
            relayfleet::testing::readFile(deviceFile(QStringLiteral("tunnel.log")));
        QCOMPARE(log.count("to take new settings; reconnecting"), 2);
    }
};

QTEST_GUILESS_MAIN(CellularTunnelTest)
#include "CellularTunnelTest.moc"
