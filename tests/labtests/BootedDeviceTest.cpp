// Devices that boot as a Pi does (systemd as PID 1, cron, sshd, the user pi; see BootedDevice):
// enrolled as pi the runner starts from cron, as root from a systemd unit; both come back by
// themselves after a power loss, roll a broken upgrade back (also when the power goes during
// the trial), and report why their tunnel was down, each cause produced on purpose.
#include "BootedDevice.h"

#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"
#include "registry/DeviceFiles.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <functional>

using relayfleet::DeviceFiles;
using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;
using relayfleet::testing::readFile;

namespace {
constexpr int kPi = 0;   // "alpha", enrolled as pi: the runner starts from cron
constexpr int kRoot = 1; // "beta", enrolled as root: the runner is a systemd unit
} // namespace

class BootedDeviceTest : public QObject
{
    Q_OBJECT

private:
    static QString idOf(int device)
    {
        return device == kPi ? QStringLiteral("alpha") : QStringLiteral("beta");
    }

    QString runnerDir(int device) const
    {
        return relayfleet::testing::homeOnDevice(*m_lab, device) + QStringLiteral("/.relayfleet");
    }

    // `script` run on the device as its user; what it printed.
    QByteArray onDevice(int device, const QString &script, int *exitCode = nullptr)
    {
        auto ran = m_lab->runOnDevice(device, {QStringLiteral("sh"), QStringLiteral("-c"), script});
        if (exitCode) {
            *exitCode = ran ? ran->exitCode : -1;
        }
        if (!ran) {
            return "(not run: " + ran.error().message.toUtf8() + ')';
        }
        return ran->out + ran->err;
    }

    // `id -un` through the relay, as the app runs commands.
    CliRunner::Outcome execThroughRelay(int device)
    {
        return m_cli->run({QStringLiteral("exec"), idOf(device), QStringLiteral("--user"),
                           m_lab->deviceUser(device), QStringLiteral("--"),
                           QStringLiteral("id -un")},
                          {}, 30000);
    }

    // Bounded wait until the device answers through the relay again.
    bool answersWithin(int device, int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            const auto ran = execThroughRelay(device);
            if (ran.exitCode == 0 && ran.out.trimmed() == m_lab->deviceUser(device).toUtf8()) {
                return true;
            }
            QThread::msleep(1000);
        }
        return false;
    }

    QJsonObject upgradeResult(const QJsonArray &results, int device)
    {
        for (const auto &entry : results) {
            if (entry.toObject().value(QStringLiteral("device")).toString() == idOf(device)) {
                return entry.toObject();
            }
        }
        return {};
    }

    QJsonArray upgrade(const QStringList &extra)
    {
        // The two devices log in as different users: one upgrade each, at once is not needed.
        QJsonArray all;
        for (int device : {kPi, kRoot}) {
            const auto ran = m_cli->run(
                QStringList{QStringLiteral("upgrade"), idOf(device), QStringLiteral("--user"),
                            m_lab->deviceUser(device), QStringLiteral("--json")} +
                    extra,
                {}, 300000);
            const QJsonArray results = QJsonDocument::fromJson(ran.out).array();
            if (results.size() != 1) {
                qWarning("upgrade printed %s / %s", ran.out.constData(), ran.err.constData());
            }
            for (const auto &entry : results) {
                all.append(entry);
            }
        }
        return all;
    }

    int runnerVersion(int device)
    {
        const auto read =
            m_cli->run({QStringLiteral("exec"), idOf(device), QStringLiteral("--user"),
                        m_lab->deviceUser(device), QStringLiteral("--"),
                        QStringLiteral("sed -n 's/^# relayfleet-version: \\([0-9]*\\).*/\\1/p' "
                                       "\"$HOME\"/.relayfleet/tunnel")});
        return read.exitCode == 0 ? read.out.trimmed().toInt() : -1;
    }

    // A runner that cannot reach the relay, as a file for --runner.
    QString writeBrokenRunner()
    {
        return relayfleet::testing::writeBrokenRunner(
            m_homes.filePath(QStringLiteral("broken-runner")));
    }

    // Waits until the device's own runner log has a line containing `words` (bounded).
    bool runnerLogged(int device, const QByteArray &words, int ms)
    {
        const QString log = m_lab->deviceHome(device) + QStringLiteral("/.relayfleet/tunnel.log");
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            if (readFile(log).mid(m_logStart).contains(words)) {
                return true;
            }
            QThread::msleep(500);
        }
        qWarning("%s", readFile(log).mid(m_logStart).right(3000).constData());
        return false;
    }

    // From now on, only what the runner logs after this counts.
    void markLog(int device)
    {
        m_logStart =
            readFile(m_lab->deviceHome(device) + QStringLiteral("/.relayfleet/tunnel.log")).size();
    }

    // The causes the device reported for its latest outage, once it answers again.
    // The tunnel answers a moment before the relay's helper has written its coming back: read
    // until the latest outage is one that began after `since` and has ended (bounded).
    QStringList reportedCauses(int device, const QDateTime &since)
    {
        QElapsedTimer timer;
        timer.start();
        QJsonObject last;
        QByteArray said;
        while (timer.elapsed() < 10000) {
            said =
                m_cli->run({QStringLiteral("history"), idOf(device), QStringLiteral("--json")}).out;
            const QJsonArray outages =
                QJsonDocument::fromJson(said).object().value(QStringLiteral("outages")).toArray();
            last = outages.isEmpty() ? QJsonObject() : outages.last().toObject();
            const QDateTime start =
                QDateTime::fromString(last.value(QStringLiteral("start")).toString(), Qt::ISODate);
            if (start.isValid() && start >= since &&
                !last.value(QStringLiteral("end")).toString().isEmpty()) {
                break;
            }
            QThread::msleep(500);
        }
        if (last.isEmpty()) {
            qWarning("no outages: %s", said.constData());
        }
        return last.value(QStringLiteral("causes")).toVariant().toStringList();
    }

    // The runner started again, as its boot would (a fresh backoff: the causes are made one after
    // the other, and a runner whose tunnel kept failing would otherwise wait up to a minute).
    void restartRunner(int device)
    {
        int exitCode = -1;
        const QByteArray said =
            onDevice(device, QStringLiteral("sh ~/.relayfleet/tunnel install"), &exitCode);
        QVERIFY2(exitCode == 0, said.constData());
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;
    qsizetype m_logStart = 0;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = relayfleet::testing::LabFixture::start({.devices = 0});
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        if (!m_lab->isolated()) {
            QSKIP("booted devices need root and network namespaces (the loopback lab has none)");
        }
        for (const QString &user : {QStringLiteral("pi"), QStringLiteral("root")}) {
            QElapsedTimer timer;
            timer.start();
            const auto added = relayfleet::lab::addBootedDevice(*m_lab, user);
            QVERIFY2(added, relayfleet::testing::failureOf(added).constData());
            qInfo("booted a device for %s in %lld ms", qPrintable(user), timer.elapsed());
        }
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
        for (int device : {kPi, kRoot}) {
            auto arguments = relayfleet::testing::lanEnrolArguments(*m_lab, device, idOf(device));
            // The relay by name, as a Pi knows it (its /etc/hosts here, DNS on a real one).
            const qsizetype at = arguments.indexOf(QStringLiteral("--relay-address"));
            QVERIFY(at > 0);
            arguments[at + 1] = QStringLiteral("%1:%2")
                                    .arg(m_lab->relayNameForDevice())
                                    .arg(m_lab->relayPortForDevice(device));
            const auto enrolled = m_cli->run(arguments, {}, 120000);
            QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
            qInfo("%s: %s", qPrintable(idOf(device)), enrolled.out.trimmed().constData());
        }
    }

    void cleanupTestCase() { m_lab.reset(); }

    void theRunnerStartsAsTheDeviceStartsThings()
    {
        // pi cannot write a systemd unit: cron starts its runner at boot, and only cron.
        const QByteArray crontab = onDevice(kPi, QStringLiteral("crontab -l"));
        QVERIFY2(crontab.contains("@reboot /home/pi/.relayfleet/tunnel run"), crontab.constData());
        QVERIFY(
            !QFile::exists(m_lab->deviceHome(kPi) +
                           QStringLiteral("/../../etc/systemd/system/relayfleet-tunnel.service")));
        // root's runner is a systemd unit, enabled for the next boot, and not in cron too.
        QCOMPARE(onDevice(kRoot, QStringLiteral("systemctl is-enabled relayfleet-tunnel.service"))
                     .trimmed(),
                 QByteArray("enabled"));
        QCOMPARE(onDevice(kRoot, QStringLiteral("systemctl is-active relayfleet-tunnel.service"))
                     .trimmed(),
                 QByteArray("active"));
        QVERIFY(!onDevice(kRoot, QStringLiteral("crontab -l 2>&1")).contains("tunnel run"));
        for (int device : {kPi, kRoot}) {
            const auto ran = execThroughRelay(device);
            QVERIFY2(ran.exitCode == 0, ran.err.constData());
            QCOMPARE(ran.out.trimmed(), m_lab->deviceUser(device).toUtf8());
        }
        // A second runner started by hand says who runs and leaves it alone.
        int exitCode = 0;
        const QByteArray second =
            onDevice(kPi, QStringLiteral("timeout 20 sh ~/.relayfleet/tunnel run"), &exitCode);
        QCOMPARE(exitCode, 3);
        QVERIFY2(second.contains("already running as pid "), second.constData());
        QVERIFY(answersWithin(kPi, 5000));
    }

    void bothComeBackByThemselvesAfterAPowerLoss()
    {
        for (int device : {kPi, kRoot}) {
            QVERIFY(m_lab->powerLoss(device));
        }
        QElapsedTimer timer;
        timer.start();
        for (int device : {kPi, kRoot}) {
            QVERIFY(m_lab->boot(device)); // nothing but the device's own boot starts the runner
        }
        for (int device : {kPi, kRoot}) {
            QVERIFY2(answersWithin(device, 90000), qPrintable(idOf(device)));
            qInfo("%s answers through the relay %.1f s after power came back",
                  qPrintable(idOf(device)), timer.elapsed() / 1000.0);
        }
        QCOMPARE(onDevice(kRoot, QStringLiteral("systemctl is-active relayfleet-tunnel.service"))
                     .trimmed(),
                 QByteArray("active"));
        // The relay saw each go and come back.
        const auto history =
            m_cli->run({QStringLiteral("history"), idOf(kPi), QStringLiteral("--json")});
        QVERIFY2(!QJsonDocument::fromJson(history.out)
                      .object()
                      .value(QStringLiteral("outages"))
                      .toArray()
                      .isEmpty(),
                 history.out.constData());
    }

    void aBrokenRunnerIsRolledBackByEitherDevice()
    {
        const QString broken = writeBrokenRunner();
        QVERIFY(!broken.isEmpty());
        const int before = runnerVersion(kPi);
        QVERIFY(before > 0);
        const QJsonArray results = upgrade({QStringLiteral("--runner"), broken,
                                            QStringLiteral("--watchdog"), QStringLiteral("20")});
        for (int device : {kPi, kRoot}) {
            const QJsonObject result = upgradeResult(results, device);
            qInfo("%s: %s", qPrintable(idOf(device)),
                  QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(result.value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("rolled-back"));
            QVERIFY2(result.value(QStringLiteral("detail"))
                         .toString()
                         .contains(QStringLiteral("relay refused the connection on port 1")),
                     qPrintable(result.value(QStringLiteral("detail")).toString()));
            QCOMPARE(runnerVersion(device), before);
        }
        // The unit runs the old runner again, and stays the device's way of starting it.
        QCOMPARE(onDevice(kRoot, QStringLiteral("systemctl is-active relayfleet-tunnel.service"))
                     .trimmed(),
                 QByteArray("active"));
        // This build's runner goes through on both.
        const QJsonArray again = upgrade({QStringLiteral("--force")});
        for (int device : {kPi, kRoot}) {
            QCOMPARE(upgradeResult(again, device).value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("upgraded"));
            QVERIFY(answersWithin(device, 30000));
        }
        QCOMPARE(onDevice(kRoot, QStringLiteral("systemctl is-active relayfleet-tunnel.service"))
                     .trimmed(),
                 QByteArray("active"));
    }

    // Power lost while the device tries a new (broken) runner: it boots into the runner that
    // worked, by cron on one and by its systemd unit on the other.
    void aPowerLossDuringTheTrialBootsIntoTheOldRunner()
    {
        const QString broken = writeBrokenRunner();
        QVERIFY(!broken.isEmpty());
        for (int device : {kPi, kRoot}) {
            const int before = runnerVersion(device);
            const QString dir = m_lab->deviceHome(device) + QStringLiteral("/.relayfleet");
            CliRunner::Fault fault;
            fault.when = [&](const QByteArray &, const QByteArray &, qint64 elapsedMs) {
                return elapsedMs > 3000 && relayfleet::testing::upgradeTrialPending(dir);
            };
            fault.inject = [&] {
                QVERIFY(m_lab->powerLoss(device));
                QVERIFY(m_lab->boot(device));
            };
            const auto ran = m_cli->runWithFault(
                {QStringLiteral("upgrade"), idOf(device), QStringLiteral("--user"),
                 m_lab->deviceUser(device), QStringLiteral("--runner"), broken,
                 QStringLiteral("--watchdog"), QStringLiteral("60"), QStringLiteral("--json")},
                fault, 25000);
            QVERIFY2(ran.faultAtMs >= 0, ran.err.constData());
            QVERIFY2(answersWithin(device, 90000), qPrintable(idOf(device)));
            QCOMPARE(runnerVersion(device), before);
            QVERIFY(QFile::exists(dir + QStringLiteral("/tunnel.new")));
        }
        QCOMPARE(onDevice(kRoot, QStringLiteral("systemctl is-active relayfleet-tunnel.service"))
                     .trimmed(),
                 QByteArray("active"));
    }

    // Each reason a tunnel can be down, made to happen on pi's device: the runner's log says
    // it in words at once, and the device reports it to the relay when it gets through again.
    void everyCauseIsReportedWhenTheDeviceComesBack_data()
    {
        QTest::addColumn<QString>("cause");
        QTest::addColumn<QByteArray>("logged");
        QTest::newRow("dns") << QStringLiteral("dns") << QByteArray("does not resolve (DNS)");
        QTest::newRow("no-route") << QStringLiteral("no-route")
                                  << QByteArray("no route to relay.lab");
        QTest::newRow("keepalive")
            << QStringLiteral("keepalive") << QByteArray("relay stopped answering");
        QTest::newRow("timeout") << QStringLiteral("timeout") << QByteArray("timed out");
        QTest::newRow("key-refused")
            << QStringLiteral("key-refused") << QByteArray("tunnel key refused by the relay");
        QTest::newRow("host-key") << QStringLiteral("host-key")
                                  << QByteArray("relay host key changed");
    }

    void everyCauseIsReportedWhenTheDeviceComesBack()
    {
        QFETCH(QString, cause);
        QFETCH(QByteArray, logged);
        QVERIFY(answersWithin(kPi, 60000));
        markLog(kPi);
        // Times are whole seconds, from the relay's clock (the same machine here).
        const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-2);
        const QString relayKey = m_lab->dir() + QStringLiteral("/relay/ssh_host_ed25519_key");
        const QString savedKey = m_homes.filePath(QStringLiteral("relay-host-key"));
        std::function<void()> undo;
        if (cause == QLatin1String("dns")) {
            QVERIFY(m_lab->setRelayName(kPi, NatLab::RelayName::Unknown));
            undo = [&] {
                QVERIFY(m_lab->setRelayName(kPi, NatLab::RelayName::Relay));
            };
            restartRunner(kPi);
        } else if (cause == QLatin1String("no-route")) {
            QVERIFY(m_lab->setDeviceLink(kPi, false));
            undo = [&] {
                QVERIFY(m_lab->setDeviceLink(kPi, true));
            };
            restartRunner(kPi);
        } else if (cause == QLatin1String("keepalive")) {
            // The link goes under a working tunnel: only the keepalives notice.
            QVERIFY(m_lab->setDeviceLink(kPi, false));
            undo = [&] {
                QVERIFY(m_lab->setDeviceLink(kPi, true));
            };
        } else if (cause == QLatin1String("timeout")) {
            QVERIFY(m_lab->setRelayName(kPi, NatLab::RelayName::Unanswered));
            undo = [&] {
                QVERIFY(m_lab->setRelayName(kPi, NatLab::RelayName::Relay));
            };
            restartRunner(kPi);
        } else if (cause == QLatin1String("key-refused")) {
            auto revoked = m_lab->runOnRelay(
                QStringLiteral("cd ~/.ssh && cp authorized_keys ak.saved && "
                               "grep -v ' relayfleet-tunnel:alpha$' ak.saved > authorized_keys"));
            QVERIFY(revoked && revoked->exitCode == 0);
            undo = [&] {
                auto restored =
                    m_lab->runOnRelay(QStringLiteral("cd ~/.ssh && mv ak.saved authorized_keys"));
                QVERIFY(restored && restored->exitCode == 0);
            };
            restartRunner(kPi);
        } else {
            // The relay reinstalled under the device: its pin no longer matches.
            QFile::remove(savedKey);
            QVERIFY(QFile::copy(relayKey, savedKey));
            QVERIFY(m_lab->regenerateRelayHostKey());
            restartRunner(kPi);
            undo = [&] {
                QVERIFY(m_lab->stopRelay());
                QFile::remove(relayKey);
                QVERIFY(QFile::copy(savedKey, relayKey));
                QVERIFY(QFile::setPermissions(relayKey, QFile::ReadOwner | QFile::WriteOwner));
                QVERIFY(m_lab->startRelay());
            };
        }
        const bool sawIt = runnerLogged(kPi, logged, 60000);
        undo();
        QVERIFY2(sawIt, logged.constData());
        QVERIFY(answersWithin(kPi, 90000));
        const QStringList causes = reportedCauses(kPi, since);
        qInfo("alpha reported: %s", qPrintable(causes.join(QLatin1Char(','))));
        const QByteArray told = m_cli->run({QStringLiteral("history"), idOf(kPi)}).out;
        qInfo("%s", told.mid(told.lastIndexOf("offline ")).trimmed().constData());
        QVERIFY2(causes.contains(cause), qPrintable(causes.join(QLatin1Char(','))));
        // The list carries it too (what the window's details pane and tooltip say).
        const QJsonObject listed =
            relayfleet::testing::deviceById(relayfleet::testing::listDevices(*m_cli), idOf(kPi))
                .value(QStringLiteral("last_outage"))
                .toObject();
        QVERIFY2(listed.value(QStringLiteral("causes")).toArray().contains(cause),
                 QJsonDocument(listed).toJson().constData());
        QVERIFY(!listed.value(QStringLiteral("cause")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(BootedDeviceTest)
#include "BootedDeviceTest.moc"
