// Devices logged in to ahead of need: only what was selected, bounded, closed when idle, handed
// over once, and never a device whose host key is not pinned.
#include "exec/WarmDeviceConnections.h"

#include "LabFixture.h"
#include "NatLab.h"
#include "ssh/RemoteCommand.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class WarmDeviceConnectionsTest : public QObject
{
    Q_OBJECT

private:
    DeviceTarget target(int device) const
    {
        DeviceTarget t;
        t.relay = QStringLiteral("lab");
        t.port = m_ports[device];
        t.deviceId = QStringLiteral("d%1").arg(device);
        t.user = m_lab->deviceUser();
        return t;
    }

    Credentials credentials() const
    {
        Credentials c;
        c.identityFile = m_lab->clientKey();
        return c;
    }

    QString knownHosts() const { return m_home.filePath(QStringLiteral("known_hosts")); }

    // The lab's fleet over `relays` (host keys as the lab's access says: new ones accepted,
    // which warming must not do).
    FleetAccess access(std::shared_ptr<RelayConnections> relays) const
    {
        FleetAccess access = testing::labAccess(*m_lab, knownHosts());
        access.connections = std::move(relays);
        return access;
    }

    std::unique_ptr<NatLab> m_lab;
    QList<int> m_ports;
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = testing::LabFixture::start({.devices = 5}, 5);
        QVERIFY2(fixture, testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_ports = fixture->tunnelPorts;
        // Devices 0-3 have pinned host keys (as registered devices do); device 4 has none.
        RelayConnections relays;
        KnownHostsFile file(knownHosts());
        HostKeyPolicy acceptNew;
        acceptNew.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        auto relay = relays.get(m_lab->relayConfig(), credentials(), file, acceptNew,
                                QDeadlineTimer(20000), CancelToken());
        QVERIFY(relay);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(DeviceConnection::open(*relay.value(), target(i), credentials(), file,
                                           acceptNew, QDeadlineTimer(20000), CancelToken()));
        }
    }

    void cleanupTestCase() { m_lab.reset(); }

    void aSelectedDeviceIsHandedOverLoggedIn()
    {
        auto relays = std::make_shared<RelayConnections>();
        WarmDeviceConnections warm;
        warm.warm(access(relays), target(0));
        QTRY_VERIFY_WITH_TIMEOUT(warm.isReady(target(0)), 20000);
        auto taken = warm.take(target(0));
        QVERIFY(taken);
        QVERIFY(taken->terminal); // a session channel with its terminal, waiting for a shell
        QVERIFY(!warm.isReady(target(0))); // once
        QVERIFY(!warm.take(target(0)));
        const auto output =
            RemoteCommand::capture(taken->device->session(), QStringLiteral("echo $LAB_HOST"), {},
                                   QDeadlineTimer(20000), CancelToken());
        QVERIFY(output);
        QCOMPARE(output->out.trimmed(), QByteArray("dev1"));
        QCOMPARE(relays->loginCount(), 1);
        QVERIFY(!warm.take(target(1))); // never selected, never opened
    }

    void atMostTheLimitTheMostRecentlySelected()
    {
        auto relays = std::make_shared<RelayConnections>();
        WarmDeviceConnections::Limits limits;
        limits.maxDevices = 2;
        WarmDeviceConnections warm(limits);
        for (int i = 0; i < 4; ++i) {
            warm.warm(access(relays), target(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(warm.readyCount(), 2, 20000);
        QTest::qWait(500);
        QCOMPARE(warm.readyCount() + warm.warmingCount(), 2);
        QVERIFY(warm.isReady(target(3)));
        QVERIFY(warm.isReady(target(2)));
        QVERIFY(!warm.isReady(target(0)));
        // Selecting one again makes it the most recent: the other old one goes.
        warm.warm(access(relays), target(0));
        QTRY_VERIFY_WITH_TIMEOUT(warm.isReady(target(0)), 20000);
        QVERIFY(warm.isReady(target(3)));
        QVERIFY(!warm.isReady(target(2)));
    }

    void aForgottenDeviceIsNotHandedOver()
    {
        auto relays = std::make_shared<RelayConnections>();
        WarmDeviceConnections warm;
        warm.warm(access(relays), target(2));
        QTRY_VERIFY_WITH_TIMEOUT(warm.isReady(target(2)), 20000);
        warm.forget(target(2)); // the refresh saw it go stale
        QVERIFY(!warm.isReady(target(2)));
        QVERIFY(!warm.take(target(2)));
        // Forgotten while still being opened: it never becomes ready.
        warm.warm(access(relays), target(3));
        warm.forget(target(3));
        QTest::qWait(1500);
        QCOMPARE(warm.readyCount() + warm.warmingCount(), 0);
        QVERIFY(!warm.take(target(3)));
    }

    void idleOnesAreClosed()
    {
        auto relays = std::make_shared<RelayConnections>();
        WarmDeviceConnections::Limits limits;
        limits.idle = std::chrono::milliseconds(1500);
        WarmDeviceConnections warm(limits);
        warm.warm(access(relays), target(1));
        QTRY_VERIFY_WITH_TIMEOUT(warm.isReady(target(1)), 20000);
        QTest::qWait(2000);
        warm.closeIdle();
        QCOMPARE(warm.readyCount(), 0);
        QVERIFY(!warm.take(target(1)));
    }

    void aDeviceWithoutAPinnedKeyIsNotWarmed()
    {
        auto relays = std::make_shared<RelayConnections>();
        WarmDeviceConnections warm;
        warm.warm(access(relays), target(4));
        QTRY_COMPARE_WITH_TIMEOUT(warm.warmingCount(), 0, 20000);
        QVERIFY(!warm.isReady(target(4)));
        QVERIFY(!warm.take(target(4)));
        // Nothing was pinned for it on the way.
        QVERIFY(KnownHostsFile(knownHosts()).keysFor(target(4).knownHostsName())->isEmpty());
    }

    void aDeviceThatRebootedIsNotHandedOver()
    {
        auto relays = std::make_shared<RelayConnections>();
        WarmDeviceConnections warm;
        warm.warm(access(relays), target(2));
        QTRY_VERIFY_WITH_TIMEOUT(warm.isReady(target(2)), 20000);
        // Its sshd's sessions end (as on a reboot); the tunnel itself stays.
        const auto ended = m_lab->endDeviceSessions(2);
        QVERIFY(ended);
        QVERIFY(ended.value() >= 1);
        QTest::qWait(1000);
        QVERIFY(!warm.take(target(2)));
    }

    void destroyingWhileWarmingWaitsForTheWork()
    {
        auto relays = std::make_shared<RelayConnections>();
        QVERIFY(m_lab->setMacRelayDelay(300)); // the login takes a while
        {
            WarmDeviceConnections warm;
            warm.warm(access(relays), target(3));
            QThread::msleep(100);
        } // cancels the login and joins its worker
        QVERIFY(m_lab->setMacRelayDelay(0));
        QCOMPARE(relays->liveCount(), 0);
    }
};

QTEST_GUILESS_MAIN(WarmDeviceConnectionsTest)
#include "WarmDeviceConnectionsTest.moc"
