// A relay at fleet scale: the lab carries 100 devices, each with its own sshd and reverse
// tunnel, and leaves nothing behind; and one connection to a relay with OpenSSH's stock
// limits carries a whole-fleet refresh, terminal-like device sessions and more relay commands
// than sshd's MaxSessions allows, all at once.
#include "LabFixture.h"
#include "NatLab.h"
#include "fleet/RelayScanner.h"
#include "registry/RelayRegistry.h"
#include "relay/DeviceConnection.h"
#include "relay/RelayConnections.h"
#include "ssh/RemoteCommand.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <future>
#include <vector>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class RelayAtScaleTest : public QObject
{
    Q_OBJECT

    static constexpr int kDevices = 100;
    static constexpr int kTabs = 12;
    static constexpr int kRelayCommands = 25; // more than MaxSessions' 10

    std::unique_ptr<NatLab> m_lab;
    QList<int> m_ports;
    QTemporaryDir m_home;

    Credentials credentials() const
    {
        Credentials c;
        c.identityFile = m_lab->clientKey();
        return c;
    }

private Q_SLOTS:
    void theLabCarriesAHundredTunnels()
    {
        QElapsedTimer timer;
        timer.start();
        // The relay keeps sshd's own MaxSessions (10), as every relay in the field does.
        auto fixture = testing::LabFixture::start({.devices = kDevices}, kDevices);
        QVERIFY2(fixture, testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_ports = fixture->tunnelPorts;
        for (int port : std::as_const(m_ports)) {
            QVERIFY(m_lab->relayListens(port));
        }
        qInfo("100 devices with tunnels up in %lld ms", timer.elapsed());
    }

    void oneConnectionCarriesRefreshTabsAndCommandsAtOnce()
    {
        QVERIFY(m_lab);
        RelayConnections connections;
        KnownHostsFile knownHosts(m_home.filePath(QStringLiteral("known_hosts")));
        HostKeyPolicy acceptNew;
        acceptNew.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        auto relay = connections.get(m_lab->relayConfig(), credentials(), knownHosts, acceptNew,
                                     QDeadlineTimer(30000), CancelToken());
        QVERIFY2(relay, testing::failureOf(relay).constData());
        RelayConnection &connection = *relay.value();
        // The relay's helper, as `relay init` installs it (the refresh reads the registry).
        const auto helper =
            RelayRegistry(connection, QDeadlineTimer(30000), CancelToken()).install();
        QVERIFY2(helper, testing::failureOf(helper).constData());

        QElapsedTimer timer;
        timer.start();
        auto refresh = std::async(std::launch::async, [&] {
            return RelayScanner::scan(connection, RelayScanner::Options{}, CancelToken());
        });
        std::vector<std::future<Result<CommandOutput>>> tabs;
        for (int i = 0; i < kTabs; ++i) {
            tabs.push_back(std::async(std::launch::async, [&, i]() -> Result<CommandOutput> {
                DeviceTarget target;
                target.relay = QStringLiteral("lab");
                target.port = m_ports[i];
                target.deviceId = QStringLiteral("d%1").arg(i);
                target.user = m_lab->deviceUser();
                KnownHostsFile file(m_home.filePath(QStringLiteral("known_hosts")));
                auto device =
                    DeviceConnection::open(connection, target, credentials(), file, acceptNew,
                                           QDeadlineTimer(60000), CancelToken());
                if (!device) {
                    return device.error();
                }
                // Held open a while, as a tab is, while the rest goes on.
                return RemoteCommand::capture(device->session(),
                                              QStringLiteral("sleep 1; echo $LAB_HOST"), {},
                                              QDeadlineTimer(60000), CancelToken());
            }));
        }
        std::vector<std::future<Result<CommandOutput>>> commands;
        for (int i = 0; i < kRelayCommands; ++i) {
            commands.push_back(std::async(std::launch::async, [&, i] {
                return connection.runCommand(QStringLiteral("sleep 0.5; echo %1").arg(i), {},
                                             QDeadlineTimer(60000), CancelToken());
            }));
        }

        for (int i = 0; i < kRelayCommands; ++i) {
            const auto output = commands[static_cast<size_t>(i)].get();
            QVERIFY2(output, testing::failureOf(output).constData());
            QCOMPARE(output->exitStatus, 0);
            QCOMPARE(output->out.trimmed(), QByteArray::number(i));
        }
        for (int i = 0; i < kTabs; ++i) {
            const auto output = tabs[static_cast<size_t>(i)].get();
            QVERIFY2(output, testing::failureOf(output).constData());
            QCOMPARE(output->out.trimmed(), QStringLiteral("dev%1").arg(i + 1).toUtf8());
        }
        const auto statuses = refresh.get();
        QVERIFY2(statuses, testing::failureOf(statuses).constData());
        QSet<int> answered;
        for (const DeviceStatus &status : statuses.value()) {
            if (!status.hostKeyFingerprint.isEmpty()) {
                answered.insert(status.port);
            }
        }
        for (int port : std::as_const(m_ports)) {
            QVERIFY2(answered.contains(port), qPrintable(QString::number(port)));
        }
        qInfo("refresh of %d devices, %d device sessions and %d relay commands on one "
              "connection: %lld ms",
              kDevices, kTabs, kRelayCommands, timer.elapsed());
        QCOMPARE(connections.loginCount(), 1);
        QVERIFY(connection.isAlive());
    }

    void nothingIsLeftBehind()
    {
        QVERIFY(m_lab);
        const QString dir = m_lab->dir();
        m_lab.reset();
        QVERIFY2(!QFile::exists(dir), "the lab directory must be removed");
    }
};

QTEST_GUILESS_MAIN(RelayAtScaleTest)
#include "RelayAtScaleTest.moc"
