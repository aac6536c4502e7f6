// The lab itself must reproduce the field: a power loss leaves the relay holding the port,
// and the seed's next tunnel fails exactly as its author saw; a carrier's NAT forgets idle
// connections.
#include "NatLab.h"

#include <QTest>

using relayfleet::lab::NatLab;

class NatLabTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        auto lab = NatLab::start({.devices = 2});
        QVERIFY2(lab, qPrintable(lab ? QString() : lab.error().message));
        m_lab = std::move(lab.value());
        qInfo("lab %s, isolated in namespaces: %s", qPrintable(m_lab->dir()),
              m_lab->isolated() ? "yes" : "no (loopback fallback)");
    }

    void cleanupTestCase() { m_lab.reset(); }

    void seedTunnelHoldsItsPortUntilStopped()
    {
        const int port = m_lab->allocateRelayPort();
        QVERIFY(!m_lab->relayListens(port));
        auto started = m_lab->startSeedTunnel(1, port);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QVERIFY(m_lab->relayListens(port));
        m_lab->stopTunnel(1);
        auto closed = m_lab->waitForRelayListener(port, false, 10000);
        QVERIFY2(closed, qPrintable(closed ? QString() : closed.error().message));
    }

    void autosshTunnelComesUp()
    {
        const int port = m_lab->allocateRelayPort();
        auto started = m_lab->startSeedTunnel(1, port, NatLab::TunnelClient::Autossh);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        m_lab->stopTunnel(1);
        QVERIFY(m_lab->waitForRelayListener(port, false, 10000));
    }

    void powerLossLeavesPortBoundAndNextTunnelFails()
    {
        const int port = m_lab->allocateRelayPort();
        auto started = m_lab->startSeedTunnel(0, port);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));

        QVERIFY(m_lab->powerLoss(0));
        QTest::qWait(2000);
        QVERIFY2(m_lab->relayListens(port), "the relay must keep the dead session's port");

        auto booted = m_lab->boot(0);
        QVERIFY2(booted, qPrintable(booted ? QString() : booted.error().message));
        auto second = m_lab->runSeedTunnelOnce(0, port, 30000);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QCOMPARE(second->exitCode, 255);
        QVERIFY2(
            second->err.contains(QStringLiteral("remote port forwarding failed for listen port %1")
                                     .arg(port)
                                     .toUtf8()),
            second->err.constData());
        QVERIFY(m_lab->relayListens(port));
    }

    // The carrier's NAT forgets a connection that stayed idle past its timeout, and from then
    // on the tunnel carries nothing, both ways; one used in time stays known.
    void carrierNatForgetsIdleConnections()
    {
        if (!m_lab->isolated()) {
            QSKIP("a carrier's NAT sits on a device's own link: namespaces only");
        }
        constexpr int kIdleSeconds = 8;
        QVERIFY2(m_lab->setCarrierNat(kIdleSeconds), "nft or conntrack refused the NAT");
        const int port = m_lab->allocateRelayPort();
        auto started = m_lab->startSeedTunnel(1, port); // ServerAliveInterval 60: idle here
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        // Through the tunnel from the relay's end: the device's sshd answers with its host key.
        const auto answers = [&] {
            auto scanned = m_lab->runOnRelay(
                QStringLiteral("ssh-keyscan -T 5 -p %1 127.0.0.1 2>/dev/null").arg(port), 20000);
            return scanned && scanned->out.contains("ssh-ed25519");
        };
        QVERIFY2(answers(), "the tunnel did not carry a connection with the NAT in place");
        QTest::qWait(kIdleSeconds * 1000 / 2);
        QVERIFY2(answers(), "a connection used within the NAT's timeout was forgotten");
        QTest::qWait(kIdleSeconds * 1000 + 4000);
        QVERIFY2(!answers(), "a connection idle past the NAT's timeout still carried data");
        QVERIFY(m_lab->relayListens(port)); // the relay cannot tell: its end still listens
        m_lab->stopTunnel(1);
        QVERIFY(m_lab->setCarrierNat(0));
    }

private:
    std::unique_ptr<NatLab> m_lab;
};

QTEST_GUILESS_MAIN(NatLabTest)
#include "NatLabTest.moc"
