// The window's relay connections: one login per relay, shared by every caller, replaced when
// the relay comes back, and a relay that is down fails every caller within its own deadline.
#include "relay/RelayConnections.h"

#include "LabFixture.h"
#include "NatLab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <future>
#include <vector>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class RelayConnectionsTest : public QObject
{
    Q_OBJECT

private:
    Result<std::shared_ptr<RelayConnection>> get(RelayConnections &connections, int deadlineMs)
    {
        KnownHostsFile knownHosts(m_home.filePath(QStringLiteral("known_hosts")));
        Credentials credentials;
        credentials.identityFile = m_lab->clientKey();
        return connections.get(m_lab->relayConfig(), credentials, knownHosts, m_policy,
                               QDeadlineTimer(deadlineMs), CancelToken());
    }

    // Eight callers at once, each with its own deadline; what each got and how long it took.
    std::vector<std::pair<Result<std::shared_ptr<RelayConnection>>, qint64>>
    getAtOnce(RelayConnections &connections, int deadlineMs)
    {
        std::vector<std::future<std::pair<Result<std::shared_ptr<RelayConnection>>, qint64>>> calls;
        for (int i = 0; i < 8; ++i) {
            calls.push_back(std::async(std::launch::async, [&] {
                QElapsedTimer timer;
                timer.start();
                auto got = get(connections, deadlineMs);
                return std::pair{std::move(got), timer.elapsed()};
            }));
        }
        std::vector<std::pair<Result<std::shared_ptr<RelayConnection>>, qint64>> results;
        for (auto &call : calls) {
            results.push_back(call.get());
        }
        return results;
    }

    // What could have kept a stopped relay's session open, for a failure's message: the relay's
    // processes still alive, and what the Mac's link carried.
    QString relayLeftovers() const
    {
        QStringList alive;
        const QByteArray relayDir = QDir(m_lab->dir()).filePath(QStringLiteral("relay")).toUtf8();
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &pid : pids) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (pid.toLongLong() > 0 && cmdline.open(QIODevice::ReadOnly)) {
                const QByteArray line = cmdline.readAll().replace('\0', ' ');
                if (line.contains(relayDir) || line.startsWith("sshd")) {
                    alive << pid + QLatin1Char(' ') + QString::fromUtf8(line);
                }
            }
        }
        const auto stats = m_lab->linkStats(NatLab::macRoute());
        return QStringLiteral("still alive after the relay stopped: [%1]; Mac link: %2 connections")
            .arg(alive.join(QStringLiteral("; ")))
            .arg(stats ? stats->connections : -1);
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_home;
    HostKeyPolicy m_policy;

private Q_SLOTS:
    void initTestCase()
    {
        // A relay whose admin allows fewer sessions per connection than sshd's default 10.
        auto fixture = testing::LabFixture::start({.devices = 0, .relayMaxSessions = 3});
        QVERIFY2(fixture, testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_policy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
    }

    void cleanup()
    {
        (void)m_lab->setMacRelayBlackhole(false);
        if (!m_lab->relayRunning()) {
            (void)m_lab->startRelay();
        }
    }

    void cleanupTestCase() { m_lab.reset(); }

    void callersAtOnceShareOneLogin()
    {
        RelayConnections connections;
        const auto results = getAtOnce(connections, 20000);
        for (const auto &[got, ms] : results) {
            QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
            QCOMPARE(got->get(), results.front().first->get());
        }
        QCOMPARE(connections.loginCount(), 1);
        QCOMPARE(connections.liveCount(), 1);
        // Later callers get it without a login.
        QCOMPARE(get(connections, 5000)->get(), results.front().first->get());
        QCOMPARE(connections.loginCount(), 1);
        QVERIFY(results.front().first.value()->runCommand(QStringLiteral("true"), {},
                                                          QDeadlineTimer(10000), CancelToken()));
    }

    void moreCommandsThanTheRelayAllowsTakeTurns()
    {
        RelayConnections connections;
        auto relay = get(connections, 20000);
        QVERIFY2(relay, testing::failureOf(relay).constData());
        std::vector<std::future<Result<CommandOutput>>> commands;
        for (int i = 0; i < 12; ++i) {
            commands.push_back(std::async(std::launch::async, [&, i] {
                return relay.value()->runCommand(QStringLiteral("sleep 0.3; echo %1").arg(i), {},
                                                 QDeadlineTimer(30000), CancelToken());
            }));
        }
        for (int i = 0; i < 12; ++i) {
            const auto output = commands[static_cast<size_t>(i)].get();
            QVERIFY2(output, testing::failureOf(output).constData());
            QCOMPARE(output->out.trimmed(), QByteArray::number(i));
        }
        QCOMPARE(connections.loginCount(), 1);
        // One waiting past its own deadline says so instead of waiting for a session.
        std::vector<std::future<Result<CommandOutput>>> slow;
        for (int i = 0; i < 3; ++i) {
            slow.push_back(std::async(std::launch::async, [&] {
                return relay.value()->runCommand(QStringLiteral("sleep 8"), {},
                                                 QDeadlineTimer(30000), CancelToken());
            }));
        }
        QTest::qWait(500);
        QElapsedTimer timer;
        timer.start();
        const auto late = relay.value()->runCommand(QStringLiteral("true"), {},
                                                    QDeadlineTimer(1000), CancelToken());
        QVERIFY(!late);
        QCOMPARE(late.error().code, Error::Code::Timeout);
        // Its own 1 s, not the 7.5 s until a session is free: the bound tells the two apart.
        QVERIFY2(timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));
        for (auto &call : slow) {
            QVERIFY(call.get());
        }
    }

    void aRestartedRelayIsLoggedInToAgain()
    {
        RelayConnections connections;
        auto first = get(connections, 20000);
        QVERIFY(first);
        QVERIFY(m_lab->stopRelay());
        // Noticed by the connection's own I/O thread when the relay's end closes.
        QTRY_VERIFY2_WITH_TIMEOUT(!first.value()->isAlive(), qPrintable(relayLeftovers()), 5000);
        QCOMPARE(connections.liveCount(), 0);
        // Down: every caller fails, each with the relay named, none waiting for the others.
        for (const auto &[got, ms] : getAtOnce(connections, 5000)) {
            QVERIFY(!got);
            QVERIFY2(got.error().message.contains(QStringLiteral("lab")),
                     qPrintable(got.error().message));
            QVERIFY2(ms < 8000, qPrintable(QString::number(ms)));
        }
        QVERIFY(m_lab->startRelay());
        auto second = get(connections, 20000);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QVERIFY(second.value()->isAlive());
        const auto ran = second.value()->runCommand(QStringLiteral("true"), {},
                                                    QDeadlineTimer(10000), CancelToken());
        QVERIFY2(ran, qPrintable(ran ? QString() : ran.error().message));
        QVERIFY(second->get() != first->get());
        QCOMPARE(connections.loginCount(), 2);
    }

    void aSilentRelayFailsEveryCallerWithinItsDeadline()
    {
        RelayConnections connections;
        QVERIFY(m_lab->setMacRelayBlackhole(true));
        const auto results = getAtOnce(connections, 3000);
        for (const auto &[got, ms] : results) {
            QVERIFY(!got);
            QCOMPARE(got.error().code, Error::Code::Timeout);
            QVERIFY2(got.error().message.contains(QStringLiteral("lab")),
                     qPrintable(got.error().message));
            QVERIFY2(ms < 5000, qPrintable(QString::number(ms))); // its own 3 s, not 8 x 3 s
        }
        QCOMPARE(connections.loginCount(), 0);
        QVERIFY(m_lab->setMacRelayBlackhole(false));
        QVERIFY(get(connections, 20000));
        QCOMPARE(connections.loginCount(), 1);
    }

    void changedSettingsOrADropGetANewConnection()
    {
        RelayConnections connections;
        auto first = get(connections, 20000);
        QVERIFY(first);
        // The same key at another path: the relay's settings changed (relay add again).
        const QString copy = m_home.filePath(QStringLiteral("key-copy"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_lab->clientKey(), copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        RelayConfig changed = m_lab->relayConfig();
        changed.identityFile = copy;
        KnownHostsFile knownHosts(m_home.filePath(QStringLiteral("known_hosts")));
        Credentials credentials;
        credentials.identityFile = copy;
        auto second = connections.get(changed, credentials, knownHosts, m_policy,
                                      QDeadlineTimer(20000), CancelToken());
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QVERIFY(second->get() != first->get());
        QVERIFY(first.value()->isAlive()); // its users keep it
        QCOMPARE(connections.loginCount(), 2);
        connections.drop(changed.name);
        QCOMPARE(connections.liveCount(), 0);
        auto third = connections.get(changed, credentials, knownHosts, m_policy,
                                     QDeadlineTimer(20000), CancelToken());
        QVERIFY(third);
        QVERIFY(third->get() != second->get());
        QCOMPARE(connections.loginCount(), 3);
    }
};

QTEST_GUILESS_MAIN(RelayConnectionsTest)
#include "RelayConnectionsTest.moc"
