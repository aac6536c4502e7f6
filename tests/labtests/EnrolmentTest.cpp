// Enrolment end to end in the NAT lab: devices enrolled from "LAN" access, their restricted
// relay keys tried for real, recovery after a power loss timed, and a failed enrolment
// checked for residue on every host.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;

using relayfleet::testing::readFile;

class EnrolmentTest : public QObject
{
    Q_OBJECT

private:
    // A relay port nothing holds. In the namespace lab, ports are handed out in order, so one
    // `beyond` them is clear of the registry's; on loopback, only a port the system just said
    // is free is (another lab's proxy may hold any other, and a tunnel "up" there would lead
    // to that lab's devices).
    int spareRelayPort(int beyond)
    {
        const int port = m_lab->allocateRelayPort();
        return m_lab->isolated() ? port + beyond : port;
    }

    QJsonObject status(const QString &id)
    {
        return relayfleet::testing::deviceById(relayfleet::testing::listDevices(*m_cli), id);
    }

    CliRunner::Outcome enrol(int device, const QString &id, const QStringList &extra = {})
    {
        return m_cli->run(relayfleet::testing::lanEnrolArguments(*m_lab, device, id) + extra, {},
                          120000);
    }

    // Runs OpenSSH on the device with its tunnel key, as a compromised device could.
    // With `inputFile` (a path on the device), it is the command's standard input.
    relayfleet::lab::LabCommandResult withTunnelKey(int device, const QStringList &args,
                                                    const QString &inputFile = {})
    {
        const QString dir =
            (m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(device)) +
            QStringLiteral("/.relayfleet");
        const QStringList argv =
            QStringList{QStringLiteral("ssh"),
                        QStringLiteral("-F"),
                        QStringLiteral("/dev/null"),
                        QStringLiteral("-i"),
                        dir + QStringLiteral("/tunnel_key"),
                        QStringLiteral("-o"),
                        QStringLiteral("IdentitiesOnly=yes"),
                        QStringLiteral("-o"),
                        QStringLiteral("UserKnownHostsFile=%1/known_hosts").arg(dir),
                        QStringLiteral("-o"),
                        QStringLiteral("HostKeyAlias=relayfleet-relay"),
                        QStringLiteral("-o"),
                        QStringLiteral("BatchMode=yes"),
                        QStringLiteral("-o"),
                        QStringLiteral("ExitOnForwardFailure=yes"),
                        QStringLiteral("-p"),
                        QString::number(m_lab->relayPortForDevice(device))} +
            args;
        const QStringList command =
            inputFile.isEmpty() ? argv
                                : QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                              QStringLiteral("f=$1; shift; exec \"$@\" <\"$f\""),
                                              QStringLiteral("sh"), inputFile} +
                                      argv;
        auto result = m_lab->runOnDevice(device, command, 20000);
        return result ? result.value() : relayfleet::lab::LabCommandResult{};
    }

    static bool writeBlocker(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("not a folder\n") > 0;
    }

    QString relayTarget(int device) const
    {
        return QStringLiteral("%1@%2").arg(m_lab->relayUser(), m_lab->relayHostForDevice(device));
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;
    int m_alphaPort = 0;
    int m_betaPort = 0;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = relayfleet::testing::LabFixture::start({.devices = 3});
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
    }

    void cleanupTestCase() { m_lab.reset(); }

    void enrolTwoDevicesFromLan()
    {
        const auto alpha =
            enrol(0, QStringLiteral("alpha"),
                  {QStringLiteral("--label"), QStringLiteral("sensors"), QStringLiteral("--json")});
        QVERIFY2(alpha.exitCode == 0, alpha.err.constData());
        m_alphaPort =
            QJsonDocument::fromJson(alpha.out).object().value(QStringLiteral("port")).toInt();
        QVERIFY(m_alphaPort >= 4649);

        const auto beta = enrol(1, QStringLiteral("beta"),
                                {QStringLiteral("--label"), QStringLiteral("sensors,lab")});
        QVERIFY2(beta.exitCode == 0, beta.err.constData());
        // Progress was reported, each step once, and never past the total ("[10/9]" was shown).
        static const QRegularExpression stepPattern(QStringLiteral("\\[(\\d+)/(\\d+)\\]"));
        int lastStep = 0;
        for (auto it = stepPattern.globalMatch(QString::fromUtf8(beta.err)); it.hasNext();) {
            const auto match = it.next();
            QCOMPARE(match.captured(2).toInt(), 10);
            QCOMPARE(match.captured(1).toInt(), lastStep + 1);
            lastStep = match.captured(1).toInt();
        }
        QCOMPARE(lastStep, 10);
        const QJsonObject betaStatus = status(QStringLiteral("beta"));
        m_betaPort = betaStatus.value(QStringLiteral("port")).toInt();
        QVERIFY(m_betaPort != m_alphaPort);

        for (const QString &id : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
            QJsonObject s;
            QTRY_VERIFY_WITH_TIMEOUT((s = status(id)).value(QStringLiteral("last_seen")).isString(),
                                     15000);
            QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        }
        const auto exec =
            m_cli->run({QStringLiteral("exec"), QStringLiteral("beta"), QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("-n"), QStringLiteral("--"),
                        QStringLiteral("echo $LAB_HOST")});
        QVERIFY2(exec.exitCode == 0, exec.err.constData());
        QCOMPARE(exec.out, QByteArray("dev2\n"));

        // The private tunnel key stayed on the device; only its fingerprint is registered.
        QVERIFY(QFile::exists(m_lab->deviceHome(0) + QStringLiteral("/.relayfleet/tunnel_key")));
        const QByteArray relayKeys =
            readFile(m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys"));
        QVERIFY(relayKeys.contains(
            QStringLiteral("permitlisten=\"localhost:%1\"").arg(m_alphaPort).toUtf8()));
        QVERIFY(!relayKeys.contains("PRIVATE KEY"));
    }

    void openSshReachesTheDeviceWithTheSamePins()
    {
        const auto command = m_cli->run({QStringLiteral("ssh-command"), QStringLiteral("alpha")});
        QVERIFY2(command.exitCode == 0, command.err.constData());
        QVERIFY(command.out.startsWith("ssh -F "));
        // The system terminal's command, run by real OpenSSH: ProxyJump through the relay,
        // the device checked as relayfleet-alpha in the app's known_hosts.
        QProcess ssh;
        ssh.start(QStringLiteral("sh"),
                  {QStringLiteral("-c"), QString::fromUtf8(command.out).trimmed() +
                                             QStringLiteral(" -o BatchMode=yes 'echo $LAB_HOST'")});
        QVERIFY(ssh.waitForFinished(30000));
        QCOMPARE(ssh.readAllStandardOutput(), QByteArray("dev1\n"));
        QCOMPARE(ssh.exitCode(), 0);
        const QByteArray config = readFile(m_cli->home() + QStringLiteral("/ssh_config"));
        QVERIFY(config.contains("HostKeyAlias relayfleet-alpha"));
        QVERIFY(config.contains("StrictHostKeyChecking yes"));
        QVERIFY(!config.contains("StrictHostKeyChecking no"));
    }

    void bulkExecByLabelAndIds()
    {
        const auto byLabel = m_cli->run({QStringLiteral("exec"), QStringLiteral("@sensors"),
                                         QStringLiteral("--user"), m_lab->deviceUser(),
                                         QStringLiteral("--json"), QStringLiteral("--"),
                                         QStringLiteral("echo $LAB_HOST; echo warn >&2; exit 3")});
        QCOMPARE(byLabel.exitCode, 1); // not every command succeeded
        const QJsonArray results = QJsonDocument::fromJson(byLabel.out).array();
        QCOMPARE(results.size(), 2);
        QMap<QString, QJsonObject> byDevice;
        for (const QJsonValue &v : results) {
            byDevice.insert(v.toObject().value(QStringLiteral("device")).toString(), v.toObject());
        }
        QCOMPARE(byDevice.value(QStringLiteral("alpha")).value(QStringLiteral("stdout")).toString(),
                 QStringLiteral("dev1\n"));
        QCOMPARE(byDevice.value(QStringLiteral("beta")).value(QStringLiteral("stdout")).toString(),
                 QStringLiteral("dev2\n"));
        for (const QJsonObject &entry : byDevice) {
            QCOMPARE(entry.value(QStringLiteral("exit_status")).toInt(), 3);
            QCOMPARE(entry.value(QStringLiteral("stderr")).toString(), QStringLiteral("warn\n"));
            QCOMPARE(entry.value(QStringLiteral("ok")).toBool(), false);
            QVERIFY(entry.value(QStringLiteral("error")).isNull());
        }

        const auto byIds =
            m_cli->run({QStringLiteral("exec"), QStringLiteral("alpha"), QStringLiteral("beta"),
                        QStringLiteral("--user"), m_lab->deviceUser(), QStringLiteral("--"),
                        QStringLiteral("true")});
        QVERIFY2(byIds.exitCode == 0, byIds.err.constData());
        QVERIFY(byIds.out.contains("== alpha (exit 0)"));
        QVERIFY(byIds.out.contains("== beta (exit 0)"));

        const auto nobody = m_cli->run({QStringLiteral("exec"), QStringLiteral("@nolabel"),
                                        QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains("No device matches"), nobody.err.constData());
    }

    void tunnelKeyGetsNoShell()
    {
        const auto result = withTunnelKey(0, {relayTarget(0), QStringLiteral("id")});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(!result.out.contains("uid="), result.out.constData());
        QVERIFY2(result.err.contains("only holds the tunnel"), result.err.constData());
    }

    void tunnelKeyCannotListenElsewhere()
    {
        const int other = spareRelayPort(100);
        const auto result =
            withTunnelKey(0, {QStringLiteral("-N"), QStringLiteral("-R"),
                              QStringLiteral("%1:localhost:22").arg(other), relayTarget(0)});
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("remote port forwarding failed"), result.err.constData());
        QVERIFY(!m_lab->relayListens(other));
    }

    void tunnelKeyCannotReachOtherTunnels()
    {
        const auto result =
            withTunnelKey(0, {QStringLiteral("-W"), QStringLiteral("127.0.0.1:%1").arg(m_betaPort),
                              relayTarget(0)});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(!result.out.startsWith("SSH-"), result.out.constData());
    }

    void tunnelKeyCannotEvictOthers()
    {
        const auto named =
            withTunnelKey(0, {relayTarget(0), QStringLiteral("evict %1").arg(m_betaPort)});
        QVERIFY(named.exitCode != 0);
        const auto own = withTunnelKey(0, {relayTarget(0), QStringLiteral("evict")});
        QVERIFY2(own.exitCode == 0, own.err.constData()); // evicts alpha's own port only
        QVERIFY(m_lab->relayListens(m_betaPort));
        QCOMPARE(status(QStringLiteral("beta")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("online"));
        // alpha's runner notices and comes back by itself.
        QTRY_COMPARE_WITH_TIMEOUT(
            status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString(),
            QStringLiteral("online"), 30000);
    }

    // Two runners on one device would take the relay port from each other in turn: a second
    // one says which runs and leaves, and started at once only one of them stays.
    // A device's report of why it was down is untrusted: only codes of the fixed list pass,
    // bounded in size, into its own history; nothing in it runs, and nobody else's changes.
    void aDeviceReportIsCheckedWordByWord()
    {
        const QString histories = m_lab->relayHome() + QStringLiteral("/.relayfleet/history/");
        const QByteArray betaBefore =
            relayfleet::testing::readFile(histories + QStringLiteral("beta"));
        const QString input = m_lab->deviceHome(0) + QStringLiteral("/report.txt");
        const QString inputOnDevice =
            (m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(0)) +
            QStringLiteral("/report.txt");
        auto report = [&](const QByteArray &line) {
            QFile file(input);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(line) == line.size());
            file.close();
            const auto sent =
                withTunnelKey(0,
                              {QStringLiteral("-o"), QStringLiteral("ControlPath=none"),
                               relayTarget(0), QStringLiteral("evict")},
                              inputOnDevice);
            QVERIFY2(sent.exitCode == 0, sent.err.constData());
            // alpha's runner comes back from each eviction by itself.
            QTRY_COMPARE_WITH_TIMEOUT(
                status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString(),
                QStringLiteral("online"), 30000);
        };
        report("outage 1764400000 $(touch /tmp/relayfleet-pwned),refused\n");
        report("outage 1764400000 " + QByteArray(20000, 'a') + "\n");
        report("outage 99999999999999999999 refused\n");
        report("outage 1764400000 refused;port-held\n");
        // Only what alpha's own runner reported on reconnecting ("closed": each eviction ended
        // its tunnel) is there.
        QByteArray alphaHistory =
            relayfleet::testing::readFile(histories + QStringLiteral("alpha"));
        for (const QByteArray &line : alphaHistory.split('\n')) {
            QVERIFY2(!line.contains("cause:") || line.endsWith(" cause:closed"), line.constData());
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/relayfleet-pwned")));
        // A well-formed report from a clock an hour off: its codes, and the clock as a cause.
        report(QByteArray("outage ") +
               QByteArray::number(QDateTime::currentSecsSinceEpoch() - 3600) +
               " refused,bogus,port-held\n");
        alphaHistory = relayfleet::testing::readFile(histories + QStringLiteral("alpha"));
        QVERIFY2(!alphaHistory.contains("bogus"), alphaHistory.constData()); // dropped whole
        report(QByteArray("outage ") +
               QByteArray::number(QDateTime::currentSecsSinceEpoch() - 3600) +
               " refused,port-held\n");
        alphaHistory = relayfleet::testing::readFile(histories + QStringLiteral("alpha"));
        QVERIFY2(alphaHistory.contains(" cause:refused,port-held,clock-off\n"),
                 alphaHistory.constData());
        QCOMPARE(relayfleet::testing::readFile(histories + QStringLiteral("beta")), betaBefore);
        QFile::remove(input);
    }

    void oneRunnerPerDevice()
    {
        const QString dir = (m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(0)) +
                            QStringLiteral("/.relayfleet");
        const QString runner = dir + QStringLiteral("/tunnel");
        auto second =
            m_lab->runOnDevice(0, {QStringLiteral("sh"), runner, QStringLiteral("run")}, 10000);
        QVERIFY2(second, relayfleet::testing::failureOf(second).constData());
        QCOMPARE(second->exitCode, 3);
        QVERIFY2(second->err.contains("already running as pid ") && second->err.contains(" since "),
                 second->err.constData());

        // Stopped, then two started in the same instant: exactly one holds the tunnel.
        auto stopped =
            m_lab->runOnDevice(0, {QStringLiteral("sh"), runner, QStringLiteral("stop")}, 10000);
        QVERIFY(stopped && stopped->exitCode == 0);
        const QString both =
            QStringLiteral("for i in 1 2; do setsid sh '%1' run </dev/null >/dev/null "
                           "2>'%2/race-$i.err' & done; sleep 2; cat '%2'/race-*.err")
                .arg(runner, dir);
        auto raced =
            m_lab->runOnDevice(0, {QStringLiteral("sh"), QStringLiteral("-c"), both}, 20000);
        QVERIFY2(raced, relayfleet::testing::failureOf(raced).constData());
        QCOMPARE(raced->out.count("already running as pid "), 1);
        auto running =
            m_lab->runOnDevice(0, {QStringLiteral("sh"), runner, QStringLiteral("status")}, 10000);
        QVERIFY(running && running->exitCode == 0);
        QVERIFY2(running->out.startsWith("running as pid "), running->out.constData());

        // The device answers through the relay every time, with no second runner evicting.
        QElapsedTimer timer;
        timer.start();
        QString state;
        while (timer.elapsed() < 30000 && state != QLatin1String("online")) {
            state = status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString();
        }
        QCOMPARE(state, QStringLiteral("online"));
        for (int i = 0; i < 20; ++i) {
            const auto exec = m_cli->run({QStringLiteral("exec"), QStringLiteral("alpha"),
                                          QStringLiteral("--user"), m_lab->deviceUser(),
                                          QStringLiteral("--"), QStringLiteral("true")});
            QVERIFY2(
                exec.exitCode == 0,
                qPrintable(QStringLiteral("exec %1: %2").arg(i).arg(QString::fromUtf8(exec.err))));
        }
    }

    // The runner keeps its own record of why its tunnel failed, fetched through the relay once
    // the device is back: the only record of the time nobody could reach it.
    void theRunnersLogSaysWhyTheTunnelFailed()
    {
        QVERIFY(m_lab->stopRelay()); // the relay's sshd down: its sessions end, logins refused
        QThread::msleep(4000);
        QVERIFY(m_lab->startRelay());
        QElapsedTimer timer;
        timer.start();
        QString state;
        while (timer.elapsed() < 40000 && state != QLatin1String("online")) {
            state = status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString();
            QThread::msleep(300);
        }
        QCOMPARE(state, QStringLiteral("online"));
        // The device told the relay why, at its first connect back: the relay's history has
        // the causes beside the outage, and the listing shows them in words.
        const auto history = m_cli->run(
            {QStringLiteral("history"), QStringLiteral("alpha"), QStringLiteral("--json")});
        const QJsonArray outages = QJsonDocument::fromJson(history.out)
                                       .object()
                                       .value(QStringLiteral("outages"))
                                       .toArray();
        QVERIFY2(!outages.isEmpty(), history.out.constData());
        const QStringList causes =
            outages.last().toObject().value(QStringLiteral("causes")).toVariant().toStringList();
        qInfo("causes alpha reported: %s", qPrintable(causes.join(QLatin1Char(','))));
        QVERIFY2(causes.contains(QStringLiteral("refused")) ||
                     causes.contains(QStringLiteral("closed-early")),
                 history.out.constData());
        // Listed once the relay's helper has written the coming back (a moment after the
        // tunnel answers).
        QJsonObject lastOutage =
            status(QStringLiteral("alpha")).value(QStringLiteral("last_outage")).toObject();
        QElapsedTimer listedTimer;
        listedTimer.start();
        while (lastOutage.value(QStringLiteral("cause")).toString().isEmpty() &&
               listedTimer.elapsed() < 10000) {
            QThread::msleep(500);
            lastOutage =
                status(QStringLiteral("alpha")).value(QStringLiteral("last_outage")).toObject();
        }
        QVERIFY2(lastOutage.value(QStringLiteral("cause"))
                     .toString()
                     .contains(QStringLiteral("the relay ")),
                 QJsonDocument(lastOutage).toJson().constData());
        const auto text = m_cli->run({QStringLiteral("history"), QStringLiteral("alpha")});
        QVERIFY2(text.out.contains("the relay refused the connection") ||
                     text.out.contains("the relay closed the connection"),
                 text.out.constData());

        const auto logs = m_cli->run({QStringLiteral("logs"), QStringLiteral("alpha"),
                                      QStringLiteral("--user"), m_lab->deviceUser()});
        QVERIFY2(logs.exitCode == 0, logs.err.constData());
        qInfo("alpha's tunnel log:\n%s", logs.out.constData());
        QVERIFY2(logs.out.contains(" runner started (pid "), logs.out.constData());
        // Each cause once, in the order ssh printed them ("...; then ...").
        QVERIFY2(logs.out.contains(": relay closed the connection") ||
                     logs.out.contains(": relay stopped answering"),
                 logs.out.constData());
        // Refused by the relay's host, or (the loopback lab, where a proxy stands before the
        // relay as a load balancer would) accepted and closed before the login.
        QVERIFY2(logs.out.contains("relay refused the connection on port") ||
                     logs.out.contains("relay closed the connection before the login"),
                 logs.out.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:"
                                                   "\\d\\dZ tunnel ended after \\d+ s: "),
                                    QRegularExpression::MultilineOption)
                     .match(QString::fromUtf8(logs.out))
                     .hasMatch(),
                 logs.out.constData());
        const auto few =
            m_cli->run({QStringLiteral("logs"), QStringLiteral("alpha"), QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("--lines"), QStringLiteral("1")});
        QCOMPARE(few.exitCode, 0);
        QCOMPARE(few.out.count('\n'), 1);
        const auto zero = m_cli->run({QStringLiteral("logs"), QStringLiteral("alpha"),
                                      QStringLiteral("--lines"), QStringLiteral("0")});
        QCOMPARE(zero.exitCode, 2);
        // A device without the log (an older runner) says so instead of printing nothing.
        const QString log = (m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(1)) +
                            QStringLiteral("/.relayfleet/tunnel.log");
        // beta's runner comes back from the relay restart on its own backoff: wait for it.
        QString betaState;
        QElapsedTimer betaBack;
        betaBack.start();
        while (betaBack.elapsed() < 40000 && betaState != QLatin1String("online")) {
            betaState = status(QStringLiteral("beta")).value(QStringLiteral("status")).toString();
            QThread::msleep(300);
        }
        QCOMPARE(betaState, QStringLiteral("online"));
        QVERIFY(m_lab->runOnDevice(1, {QStringLiteral("rm"), QStringLiteral("-f"), log}));
        const auto none = m_cli->run({QStringLiteral("logs"), QStringLiteral("beta"),
                                      QStringLiteral("--user"), m_lab->deviceUser()});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("keeps no tunnel log"), none.err.constData());
    }

    void recoversWithin30sAfterPowerLoss()
    {
        QVERIFY(m_lab->powerLoss(0));
        QCOMPARE(status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("stale"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_lab->boot(0)); // starts ~/.relayfleet/tunnel as the device's boot would
        QString state;
        while (timer.elapsed() < 60000) {
            state = status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString();
            if (state == QLatin1String("online")) {
                break;
            }
            QThread::msleep(500);
        }
        const double seconds = timer.elapsed() / 1000.0;
        qInfo("alpha reachable again %.1f s after its runner started (the seed setup: ~10 min)",
              seconds);
        QCOMPARE(state, QStringLiteral("online"));
        QVERIFY(seconds <= 30.0);
    }

    // The relay's own record of each tunnel: alpha's power loss (just before) is an outage
    // that ended, and a device that is down now is offline since its last heartbeat.
    void theRelayKeepsEachTunnelsComingsAndGoings()
    {
        const auto history = m_cli->run(
            {QStringLiteral("history"), QStringLiteral("alpha"), QStringLiteral("--json")});
        QVERIFY2(history.exitCode == 0, history.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(history.out).object();
        const QJsonArray outages = json.value(QStringLiteral("outages")).toArray();
        QVERIFY2(!outages.isEmpty(), history.out.constData());
        const QJsonObject last = outages.last().toObject();
        const QDateTime start =
            QDateTime::fromString(last.value(QStringLiteral("start")).toString(), Qt::ISODate);
        const QDateTime end =
            QDateTime::fromString(last.value(QStringLiteral("end")).toString(), Qt::ISODate);
        QVERIFY2(start.isValid() && end.isValid() && start <= end, history.out.constData());
        QVERIFY(end.secsTo(QDateTime::currentDateTimeUtc()) < 600);
        const QJsonObject alpha = status(QStringLiteral("alpha"));
        QCOMPARE(alpha.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        QVERIFY(alpha.value(QStringLiteral("offline_since")).isNull());
        // The listing carries the latest events only: the same outage, as far as it tells.
        const QJsonObject listed = alpha.value(QStringLiteral("last_outage")).toObject();
        QCOMPARE(listed.value(QStringLiteral("start")), last.value(QStringLiteral("start")));
        QCOMPARE(listed.value(QStringLiteral("end")), last.value(QStringLiteral("end")));
        const auto text = m_cli->run({QStringLiteral("history"), QStringLiteral("alpha")});
        QVERIFY2(text.out.contains("offline ") && text.out.contains("tunnel up since "),
                 text.out.constData());

        // beta loses power: offline (stale) since about now, by the relay's last heartbeat.
        QVERIFY(m_lab->powerLoss(1));
        const QJsonObject beta = status(QStringLiteral("beta"));
        QVERIFY2(beta.value(QStringLiteral("status")).toString() != QLatin1String("online"),
                 QJsonDocument(beta).toJson().constData());
        const QDateTime since = QDateTime::fromString(
            beta.value(QStringLiteral("offline_since")).toString(), Qt::ISODate);
        QVERIFY2(since.isValid() && since.secsTo(QDateTime::currentDateTimeUtc()) < 60,
                 QJsonDocument(beta).toJson().constData());
        QVERIFY(m_lab->boot(1));
    }

    // A tunnel the relay sees up, to a device whose own sshd died: the runner notices and the
    // relay's record says so, so the app tells why the device does not answer.
    void aDeadSshdBehindTheTunnelIsReported()
    {
        QVERIFY(m_lab->powerLoss(0));
        QFile conf(m_lab->deviceHome(0) + QStringLiteral("/.relayfleet/tunnel.conf"));
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("SSHD_CHECK_EVERY=5\n");
        conf.close();
        QVERIFY(m_lab->boot(0));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 40000 &&
               status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString() !=
                   QLatin1String("online")) {
            QThread::msleep(300);
        }
        m_lab->stopDeviceSshd(0);
        QJsonObject alpha;
        timer.restart();
        while (timer.elapsed() < 40000) {
            alpha = status(QStringLiteral("alpha"));
            if (alpha.value(QStringLiteral("offline_causes"))
                    .toArray()
                    .contains(QStringLiteral("sshd-down"))) {
                break;
            }
            QThread::msleep(500);
        }
        QVERIFY2(alpha.value(QStringLiteral("offline_causes"))
                     .toArray()
                     .contains(QStringLiteral("sshd-down")),
                 QJsonDocument(alpha).toJson().constData());
        QVERIFY(alpha.value(QStringLiteral("status")).toString() != QLatin1String("online"));
        QVERIFY2(alpha.value(QStringLiteral("offline_cause"))
                     .toString()
                     .contains(QStringLiteral("own sshd")),
                 QJsonDocument(alpha).toJson().constData());
        QVERIFY(m_lab->powerLoss(0));
        QVERIFY(m_lab->boot(0));
        timer.restart();
        while (timer.elapsed() < 40000 &&
               status(QStringLiteral("alpha")).value(QStringLiteral("status")).toString() !=
                   QLatin1String("online")) {
            QThread::msleep(300);
        }
        alpha = status(QStringLiteral("alpha"));
        QCOMPARE(alpha.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        QVERIFY(alpha.value(QStringLiteral("offline_causes")).toArray().isEmpty());
    }

    // The relay port held by something the eviction cannot end (not an sshd session): the
    // forward is refused until it goes, and the device says so as soon as it gets through.
    void aHeldRelayPortIsReportedAsTheCause()
    {
        const int port = status(QStringLiteral("alpha")).value(QStringLiteral("port")).toInt();
        QVERIFY(port > 0);
        QVERIFY(m_lab->powerLoss(0));
        const auto cleared = m_cli->run({QStringLiteral("clear-stale"), QStringLiteral("alpha")});
        QVERIFY2(cleared.exitCode == 0, cleared.err.constData());
        QVERIFY(m_lab->waitForRelayListener(port, false, 15000));
        // A listener of another program on the device's relay port, for 25 s at the most.
        const auto held = m_lab->runOnRelay(
            // Both loopbacks, as sshd's "localhost" forward binds them: holding one only lets
            // the forward succeed on the other.
            // SO_REUSEADDR as sshd's own forward listeners: the tunnel's closed connections
            // leave TIME_WAIT entries on the port, which a plain bind would stumble on.
            QStringLiteral("setsid python3 -c 'import socket,time\n"
                           "R=(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
                           "s=socket.socket()\ns.setsockopt(*R)\ns.bind((\"127.0.0.1\",%1))\n"
                           "s.listen()\n"
                           "try:\n t=socket.socket(socket.AF_INET6)\n t.setsockopt(*R)\n"
                           " t.bind((\"::1\",%1))\n t.listen()\nexcept OSError:\n pass\n"
                           "time.sleep(25)' </dev/null >/dev/null 2>&1 & echo $!")
                .arg(port));
        QVERIFY(held && held->exitCode == 0);
        const QByteArray holder = held->out.trimmed();
        QVERIFY(m_lab->waitForRelayListener(port, true, 10000));
        QVERIFY(m_lab->boot(0));
        QThread::msleep(8000); // a few attempts meet the held port
        QVERIFY(m_lab->runOnRelay(QStringLiteral("kill %1").arg(QString::fromLatin1(holder))));
        QElapsedTimer timer;
        timer.start();
        QJsonObject alpha;
        while (timer.elapsed() < 60000) {
            alpha = status(QStringLiteral("alpha"));
            if (alpha.value(QStringLiteral("status")).toString() == QLatin1String("online")) {
                break;
            }
            QThread::msleep(500);
        }
        if (alpha.value(QStringLiteral("status")).toString() != QLatin1String("online")) {
            const QByteArray log = relayfleet::testing::readFile(
                m_lab->deviceHome(0) + QStringLiteral("/.relayfleet/tunnel.log"));
            for (const QByteArray &line : log.right(1500).split('\n')) {
                qInfo("%s", line.constData());
            }
        }
        QCOMPARE(alpha.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        // The tunnel answers a moment before the relay's helper has written its coming back:
        // the outage it ends is listed once it has.
        QJsonObject last = alpha.value(QStringLiteral("last_outage")).toObject();
        QElapsedTimer written;
        written.start();
        while (
            !last.value(QStringLiteral("causes")).toArray().contains(QStringLiteral("port-held")) &&
            written.elapsed() < 10000) {
            QThread::msleep(500);
            alpha = status(QStringLiteral("alpha"));
            last = alpha.value(QStringLiteral("last_outage")).toObject();
        }
        QVERIFY2(
            last.value(QStringLiteral("causes")).toArray().contains(QStringLiteral("port-held")),
            QJsonDocument(alpha).toJson().constData());
        QVERIFY2(last.value(QStringLiteral("cause"))
                     .toString()
                     .contains(QStringLiteral("still held by another session")),
                 QJsonDocument(alpha).toJson().constData());
    }

    void failedEnrolmentLeavesNoResidue()
    {
        const QString ak = m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys");
        const QString registry = m_lab->relayHome() + QStringLiteral("/.relayfleet/devices");
        const QByteArray relayKeysBefore = readFile(ak);
        const QByteArray deviceKeysBefore =
            readFile(m_lab->deviceHome(2) + QStringLiteral("/.ssh/authorized_keys"));
        const QByteArray knownHostsBefore =
            readFile(m_cli->home() + QStringLiteral("/known_hosts"));
        // The registry cannot be written (a file where its folder should be): step 9 of 10
        // fails after the device, the relay key and the port were all set up.
        QVERIFY(QFile::rename(registry, registry + QStringLiteral(".aside")));
        QVERIFY(writeBlocker(registry));
        const auto result = enrol(2, QStringLiteral("gamma"));
        QVERIFY(QFile::remove(registry));
        QVERIFY(QFile::rename(registry + QStringLiteral(".aside"), registry));

        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("[9/10] Registering gamma"), result.err.constData());
        QVERIFY2(result.err.contains("undone"), result.err.constData());
        QCOMPARE(readFile(ak), relayKeysBefore);
        QCOMPARE(readFile(m_lab->deviceHome(2) + QStringLiteral("/.ssh/authorized_keys")),
                 deviceKeysBefore);
        QCOMPARE(readFile(m_cli->home() + QStringLiteral("/known_hosts")), knownHostsBefore);
        QVERIFY(!QDir(m_lab->deviceHome(2) + QStringLiteral("/.relayfleet")).exists());
        QVERIFY(
            !QFile::exists(m_lab->relayHome() + QStringLiteral("/.relayfleet/devices/gamma.conf")));
        const QStringList reservations =
            QDir(m_lab->relayHome() + QStringLiteral("/.relayfleet/ports")).entryList(QDir::Files);
        for (const QString &port : reservations) {
            QVERIFY(readFile(m_lab->relayHome() + QStringLiteral("/.relayfleet/ports/") + port)
                        .trimmed() != "gamma");
        }
        QVERIFY(status(QStringLiteral("gamma")).isEmpty());
    }

    void enrolThroughAHandMadeTunnel()
    {
        const int seedPort = spareRelayPort(200);
        QVERIFY(m_lab->startSeedTunnel(2, seedPort));
        const auto result = m_cli->run(
            {QStringLiteral("enroll"), QStringLiteral("gamma"), QStringLiteral("--via-tunnel"),
             QString::number(seedPort), QStringLiteral("--user"), m_lab->deviceUser(),
             QStringLiteral("--relay-address"),
             QStringLiteral("%1:%2")
                 .arg(m_lab->relayHostForDevice(2))
                 .arg(m_lab->relayPortForDevice(2)),
             QStringLiteral("--device-ssh-port"), QString::number(m_lab->deviceSshPort(2)),
             QStringLiteral("--profile"), QStringLiteral("lan"),
             QStringLiteral("--accept-new-host-key")},
            {}, 120000);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        m_lab->stopTunnel(2); // the hand-made tunnel is no longer needed
        QTRY_COMPARE_WITH_TIMEOUT(
            status(QStringLiteral("gamma")).value(QStringLiteral("status")).toString(),
            QStringLiteral("online"), 15000);
    }

    void removeRevokesTheRelayKeyAndFreesThePort()
    {
        const auto removed = m_cli->run({QStringLiteral("remove"), QStringLiteral("beta")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(!readFile(m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys"))
                     .contains("relayfleet-tunnel:beta"));
        QVERIFY(m_lab->waitForRelayListener(m_betaPort, false, 10000));
        // beta's runner keeps trying, but its key no longer opens anything.
        QTest::qWait(5000);
        QVERIFY(!m_lab->relayListens(m_betaPort));
        QVERIFY(status(QStringLiteral("beta")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(EnrolmentTest)
#include "EnrolmentTest.moc"
