// The lab itself must reproduce the field: a power loss leaves the relay holding the port,
// and the seed's next tunnel fails exactly as its author saw.
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

private:
    std::unique_ptr<NatLab> m_lab;
};

QTEST_GUILESS_MAIN(NatLabTest)
#include "NatLabTest.moc"
