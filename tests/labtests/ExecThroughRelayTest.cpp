// `relayfleet-cli exec` end to end: the real CLI, a real relay sshd, devices in their own
// network namespaces reachable only through their reverse tunnels.
#include "CliRunner.h"
#include "LabCli.h"
#include "NatLab.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;

namespace {
constexpr int kFailFastTimeoutS = 3;
// A failure must be reported within the --timeout given, not the default 15 s (nor TCP's
// minutes). The bound only tells those apart, with room for process start, the relay login
// and a busy machine; how fast each is reported is the figure printed beside it.
constexpr qint64 kFailFastLimitMs = 12 * 1000;
} // namespace

class ExecThroughRelayTest : public QObject
{
    Q_OBJECT

private:
    CliRunner freshCli(const QString &name)
    {
        CliRunner cli(m_homes.path() + QLatin1Char('/') + name);
        if (relayfleet::lab::addLabRelay(cli, *m_lab) != 0) {
            qWarning("relay add failed");
        }
        return cli;
    }

    QStringList execArgs(int port, const QString &command, const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("exec"), QStringLiteral("lab:%1").arg(port),
                           QStringLiteral("--user"), m_lab->deviceUser(), QStringLiteral("-n")} +
               extra + QStringList{QStringLiteral("--"), command};
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    int m_port1 = 0;
    int m_port2 = 0;

private Q_SLOTS:
    void initTestCase()
    {
        auto lab = NatLab::start({.devices = 2});
        QVERIFY2(lab, qPrintable(lab ? QString() : lab.error().message));
        m_lab = std::move(lab.value());
        m_port1 = m_lab->allocateRelayPort();
        m_port2 = m_lab->allocateRelayPort();
        QVERIFY(m_lab->startSeedTunnel(0, m_port1));
        QVERIFY(m_lab->startSeedTunnel(1, m_port2, NatLab::TunnelClient::Autossh));
    }

    void cleanupTestCase() { m_lab.reset(); }

    void relayAddAndList()
    {
        CliRunner cli = freshCli(QStringLiteral("list"));
        const auto listed =
            cli.run({QStringLiteral("relay"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("\"name\":\"lab\""));
        QVERIFY(listed.out.contains(QByteArray::number(m_lab->relayPort())));

        const auto bad = cli.run({QStringLiteral("relay"), QStringLiteral("add"),
                                  QStringLiteral("x;rm -rf /"), QStringLiteral("a@b")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("not a valid relay name"));
    }

    void execReachesIsolatedDeviceThroughTunnel()
    {
        CliRunner cli = freshCli(QStringLiteral("reach"));
        const auto result =
            cli.run(execArgs(m_port1,
                             QStringLiteral("echo \"$LAB_HOST\"; hostname; cat ~/lab-identity; "
                                            "ip -4 -o addr show eth0; true"),
                             {QStringLiteral("--accept-new-host-key")}));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.startsWith("dev1\n"), result.out.constData());
        // Whatever the isolation, the device's home is the lab's, never the real user's.
        const auto home = cli.run(execArgs(m_port1, QStringLiteral("echo ~; cat ~/lab-identity"),
                                           {QStringLiteral("--accept-new-host-key")}));
        QVERIFY2(home.exitCode == 0, home.err.constData());
        const QString expectedHome =
            m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(0);
        QCOMPARE(home.out, QString(expectedHome + QStringLiteral("\ndev1\n")).toUtf8());
        if (m_lab->isolated()) {
            // Only the device's own namespace has this hostname and this eth0 address.
            QVERIFY2(result.out.startsWith("dev1\ndev1\ndev1\n"), result.out.constData());
            QVERIFY2(result.out.contains("inet 10."), result.out.constData());
        }
        // The relay key is pinned by host and port; the unregistered device's is not.
        QFile knownHosts(cli.home() + QStringLiteral("/known_hosts"));
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        const QByteArray pins = knownHosts.readAll();
        QVERIFY(pins.contains(
            QStringLiteral("[127.0.0.1]:%1 ssh-ed25519").arg(m_lab->relayPort()).toUtf8()));
        QCOMPARE(pins.count('\n'), 1);
    }

    void exitStatusAndStreamsPassThrough()
    {
        CliRunner cli = freshCli(QStringLiteral("status"));
        const auto result =
            cli.run(execArgs(m_port2, QStringLiteral("echo out; echo err >&2; exit 7"),
                             {QStringLiteral("--accept-new-host-key")}));
        QCOMPARE(result.exitCode, 7);
        QCOMPARE(result.out, QByteArray("out\n"));
        QCOMPARE(result.err, QByteArray("err\n"));
    }

    // Each exec is in the audit log: the device, the command, how it ended, the key that
    // logged in (OpenSSH's fingerprint of the lab's client key) and that the CLI did it.
    void everyExecIsInTheAuditLog()
    {
        CliRunner cli = freshCli(QStringLiteral("audit"));
        QCOMPARE(cli.run(execArgs(m_port1, QStringLiteral("true"),
                                  {QStringLiteral("--accept-new-host-key")}))
                     .exitCode,
                 0);
        QCOMPARE(cli.run(execArgs(m_port1, QStringLiteral("exit 3"),
                                  {QStringLiteral("--accept-new-host-key")}))
                     .exitCode,
                 3);
        const QString other = QStringLiteral("lab:%1").arg(m_port2);
        QCOMPARE(cli.run(execArgs(m_port2, QStringLiteral("true"),
                                  {QStringLiteral("--accept-new-host-key")}))
                     .exitCode,
                 0);

        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                      QStringLiteral("-f"), m_lab->clientKey() + QStringLiteral(".pub")});
        QVERIFY(keygen.waitForFinished(30000));
        const QString fingerprint =
            QString::fromLatin1(keygen.readAllStandardOutput()).split(u' ').value(1);
        QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));

        const QString device = QStringLiteral("lab:%1").arg(m_port1);
        const auto listed = cli.run({QStringLiteral("audit"), QStringLiteral("--device"), device,
                                     QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        const QJsonArray entries = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(entries.size(), 2);
        const QJsonObject first = entries.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("exec"));
        QCOMPARE(first.value(QStringLiteral("device")).toString(), device);
        QCOMPARE(first.value(QStringLiteral("relay")).toString(), QStringLiteral("lab"));
        QCOMPARE(first.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("result")).toString(), QStringLiteral("exit status 0"));
        QCOMPARE(first.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("command"))
                     .toString(),
                 QStringLiteral("true"));
        QCOMPARE(first.value(QStringLiteral("program")).toString(),
                 QStringLiteral("relayfleet-cli"));
        QCOMPARE(first.value(QStringLiteral("key")).toString(), fingerprint);
        const QJsonObject second = entries.at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(second.value(QStringLiteral("result")).toString(),
                 QStringLiteral("exit status 3"));

        // Everything, newest last; --lines keeps the newest; the text form says the same.
        const auto all = cli.run({QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(all.out).array().size(), 3);
        const auto newest = cli.run({QStringLiteral("audit"), QStringLiteral("--lines"),
                                     QStringLiteral("1"), QStringLiteral("--json")});
        const QJsonArray one = QJsonDocument::fromJson(newest.out).array();
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.at(0).toObject().value(QStringLiteral("device")).toString(), other);
        const auto text = cli.run({QStringLiteral("audit"), QStringLiteral("--device"), device});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("exec") && text.out.contains("FAILED") &&
                     text.out.contains("exit 3") && text.out.contains(fingerprint.toLatin1()),
                 text.out.constData());
        const auto bad =
            cli.run({QStringLiteral("audit"), QStringLiteral("--lines"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
    }

    void stdinIsForwarded()
    {
        CliRunner cli = freshCli(QStringLiteral("stdin"));
        QByteArray input;
        for (int i = 0; i < 20000; ++i) {
            input += QByteArray::number(i) + '\n';
        }
        const auto result = cli.run({QStringLiteral("exec"), QStringLiteral("lab:%1").arg(m_port1),
                                     QStringLiteral("--user"), m_lab->deviceUser(),
                                     QStringLiteral("--accept-new-host-key"), QStringLiteral("--"),
                                     QStringLiteral("cat")},
                                    input);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.size(), input.size());
        QVERIFY(result.out == input);
    }

    void sshAgentKeysAreUsed()
    {
        const QString socket = m_homes.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"),
                    {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 5000);
        QProcessEnvironment env;
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
        QProcess add;
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"), {m_lab->clientKey()});
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);

        CliRunner cli(m_homes.filePath(QStringLiteral("agent")));
        QCOMPARE(relayfleet::lab::addLabRelay(cli, *m_lab, false, false), 0);
        const auto withAgent = cli.run(execArgs(m_port1, QStringLiteral("echo agent-ok"),
                                                {QStringLiteral("--accept-new-host-key")}),
                                       {}, 60000, env);
        const auto withoutAgent = cli.run(execArgs(m_port1, QStringLiteral("echo agent-ok"),
                                                   {QStringLiteral("--accept-new-host-key")}));
        agent.kill();
        agent.waitForFinished();
        QVERIFY2(withAgent.exitCode == 0, withAgent.err.constData());
        QCOMPARE(withAgent.out, QByteArray("agent-ok\n"));
        QCOMPARE(withoutAgent.exitCode, 255);
        QVERIFY2(withoutAgent.err.contains("accepted none of the keys"),
                 withoutAgent.err.constData());
    }

    void passwordLoginToRelay()
    {
        if (geteuid() != 0) {
            QSKIP("a throwaway account needs root");
        }
        const QString password = QStringLiteral("correct horse battery staple");
        auto user = m_lab->createPasswordUser(password);
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        CliRunner cli(m_homes.filePath(QStringLiteral("password")));
        QCOMPARE(cli.run({QStringLiteral("relay"), QStringLiteral("add"), QStringLiteral("pw"),
                          QStringLiteral("%1@%2:%3")
                              .arg(user.value(), m_lab->relayHost())
                              .arg(m_lab->relayPort())})
                     .exitCode,
                 0);
        const QStringList check{QStringLiteral("relay"), QStringLiteral("check"),
                                QStringLiteral("pw"), QStringLiteral("--password-stdin"),
                                QStringLiteral("--accept-new-host-key")};
        const auto wrong = cli.run(check, "not the password\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("refused the password"), wrong.err.constData());
        const auto right = cli.run(check, password.toUtf8() + '\n');
        QVERIFY2(right.exitCode == 0, right.err.constData());
        QVERIFY(right.out.contains("accepted the login"));
        // The password is used, never kept.
        QCOMPARE(relayfleet::testing::filesContaining(cli.home(), password), QStringList());
    }

    void unknownRelayKeyIsRefusedWithoutAcceptance()
    {
        CliRunner cli = freshCli(QStringLiteral("tofu"));
        const auto result = cli.run(execArgs(m_port1, QStringLiteral("true")));
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("not known yet"), result.err.constData());
        QVERIFY2(result.err.contains(m_lab->relayHostKeyFingerprint().toUtf8()),
                 result.err.constData());
        QVERIFY(!QFile::exists(cli.home() + QStringLiteral("/known_hosts")));
    }

    void unexpectedDeviceKeyIsRefused()
    {
        CliRunner cli = freshCli(QStringLiteral("expect"));
        const auto wrong = cli.run(
            execArgs(m_port1, QStringLiteral("true"),
                     {QStringLiteral("--accept-new-host-key"), QStringLiteral("--expect-host-key"),
                      m_lab->deviceHostKeyFingerprint(1)}));
        QCOMPARE(wrong.exitCode, 255);
        QVERIFY2(wrong.err.contains(m_lab->deviceHostKeyFingerprint(0).toUtf8()),
                 wrong.err.constData());
        QVERIFY2(wrong.err.contains(m_lab->deviceHostKeyFingerprint(1).toUtf8()),
                 wrong.err.constData());
        const auto right = cli.run(
            execArgs(m_port1, QStringLiteral("true"),
                     {QStringLiteral("--expect-host-key"), m_lab->deviceHostKeyFingerprint(0)}));
        QVERIFY2(right.exitCode == 0, right.err.constData());
    }

    void nothingListeningFailsFast()
    {
        CliRunner cli = freshCli(QStringLiteral("offline"));
        const int unused = m_lab->allocateRelayPort();
        const auto result =
            cli.run(execArgs(unused, QStringLiteral("true"),
                             {QStringLiteral("--accept-new-host-key"), QStringLiteral("--timeout"),
                              QString::number(kFailFastTimeoutS)}));
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("offline"), result.err.constData());
        QVERIFY(result.elapsedMs < kFailFastLimitMs);
        qInfo("offline device reported in %lld ms: %s", result.elapsedMs,
              result.err.trimmed().constData());
    }

    void blackHoledRelayLinkTimesOut()
    {
        CliRunner cli = freshCli(QStringLiteral("blackhole"));
        QVERIFY(m_lab->setMacRelayBlackhole(true));
        const auto result =
            cli.run(execArgs(m_port1, QStringLiteral("true"),
                             {QStringLiteral("--accept-new-host-key"), QStringLiteral("--timeout"),
                              QString::number(kFailFastTimeoutS)}));
        QVERIFY(m_lab->setMacRelayBlackhole(false));
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("Timed out"), result.err.constData());
        QVERIFY(result.elapsedMs < kFailFastLimitMs);
        qInfo("black-holed link reported in %lld ms: %s", result.elapsedMs,
              result.err.trimmed().constData());
    }

    void changedDeviceKeyIsRefusedWithBothFingerprints()
    {
        CliRunner cli = freshCli(QStringLiteral("devkey"));
        const QStringList pin{QStringLiteral("--pin-as"), QStringLiteral("dev2"),
                              QStringLiteral("--accept-new-host-key")};
        const auto first = cli.run(execArgs(m_port2, QStringLiteral("true"), pin));
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QString oldFingerprint = m_lab->deviceHostKeyFingerprint(1);
        QVERIFY(m_lab->regenerateDeviceHostKey(1));
        const QString newFingerprint = m_lab->deviceHostKeyFingerprint(1);
        QVERIFY(oldFingerprint != newFingerprint);
        const auto second = cli.run(execArgs(m_port2, QStringLiteral("true"), pin));
        QCOMPARE(second.exitCode, 255);
        QVERIFY2(second.err.contains("CHANGED"), second.err.constData());
        QVERIFY(second.err.contains(oldFingerprint.toUtf8()));
        QVERIFY(second.err.contains(newFingerprint.toUtf8()));
    }

    void staleTunnelAfterPowerLossIsReported()
    {
        CliRunner cli = freshCli(QStringLiteral("stale"));
        QVERIFY(m_lab->powerLoss(0));
        QVERIFY(m_lab->relayListens(m_port1));
        const auto result =
            cli.run(execArgs(m_port1, QStringLiteral("true"),
                             {QStringLiteral("--accept-new-host-key"), QStringLiteral("--timeout"),
                              QString::number(kFailFastTimeoutS)}));
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("stale"), result.err.constData());
        QVERIFY(result.elapsedMs < kFailFastLimitMs);
        qInfo("stale tunnel reported in %lld ms: %s", result.elapsedMs,
              result.err.trimmed().constData());
    }

    void deadSshdBehindALiveTunnelIsNamed()
    {
        // (Device 1 keeps no sshd: the tests after this one need no device.) The tunnel is up
        // but forwards to nothing: the error says so, instead of "Cannot talk SSH ...
        // disconnected".
        CliRunner cli = freshCli(QStringLiteral("no-sshd"));
        QVERIFY(m_lab->waitForRelayListener(m_port2, true, 30000));
        m_lab->stopDeviceSshd(1);
        QVERIFY(m_lab->relayListens(m_port2));
        const auto result =
            cli.run(execArgs(m_port2, QStringLiteral("true"),
                             {QStringLiteral("--accept-new-host-key"), QStringLiteral("--timeout"),
                              QString::number(kFailFastTimeoutS)}));
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("tunnel") &&
                     result.err.contains("is sshd running on the device"),
                 result.err.constData());
        QVERIFY(result.elapsedMs < kFailFastLimitMs);
        qInfo("dead sshd behind a live tunnel reported in %lld ms: %s", result.elapsedMs,
              result.err.trimmed().constData());
    }

    void relayDownFailsFast()
    {
        CliRunner cli = freshCli(QStringLiteral("down"));
        QVERIFY(m_lab->stopRelay());
        const auto result =
            cli.run(execArgs(m_port2, QStringLiteral("true"),
                             {QStringLiteral("--accept-new-host-key"), QStringLiteral("--timeout"),
                              QString::number(kFailFastTimeoutS)}));
        QVERIFY(m_lab->startRelay());
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("relay lab"), result.err.constData());
        QVERIFY(result.elapsedMs < kFailFastLimitMs);
        qInfo("relay down reported in %lld ms: %s", result.elapsedMs,
              result.err.trimmed().constData());
    }

    void changedRelayKeyIsRefusedWithBothFingerprints()
    {
        CliRunner cli = freshCli(QStringLiteral("relaykey"));
        const auto check =
            cli.run({QStringLiteral("relay"), QStringLiteral("check"), QStringLiteral("lab"),
                     QStringLiteral("--accept-new-host-key")});
        QVERIFY2(check.exitCode == 0, check.err.constData());
        const QString oldFingerprint = m_lab->relayHostKeyFingerprint();
        QVERIFY(m_lab->regenerateRelayHostKey());
        const QString newFingerprint = m_lab->relayHostKeyFingerprint();
        const auto result = cli.run(
            execArgs(m_port2, QStringLiteral("true"), {QStringLiteral("--accept-new-host-key")}));
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains("CHANGED"), result.err.constData());
        QVERIFY(result.err.contains(oldFingerprint.toUtf8()));
        QVERIFY(result.err.contains(newFingerprint.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(ExecThroughRelayTest)
#include "ExecThroughRelayTest.moc"
