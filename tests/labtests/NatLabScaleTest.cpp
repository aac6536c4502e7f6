// The lab must carry a fleet of 100 devices, each with its own sshd and reverse tunnel, and
// leave nothing behind.
#include "NatLab.h"

#include <QElapsedTimer>
#include <QTest>

using relayfleet::lab::NatLab;

class NatLabScaleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredDevicesWithTunnels()
    {
        constexpr int kDevices = 100;
        QElapsedTimer timer;
        timer.start();
        auto lab = NatLab::start({.devices = kDevices});
        QVERIFY2(lab, qPrintable(lab ? QString() : lab.error().message));
        const qint64 setUpMs = timer.elapsed();
        QList<int> ports;
        for (int i = 0; i < kDevices; ++i) {
            const int port = lab.value()->allocateRelayPort();
            auto rc = lab.value()->startSeedTunnel(i, port);
            QVERIFY2(rc, qPrintable(rc ? QString() : rc.error().message));
            ports << port;
        }
        for (int port : ports) {
            QVERIFY(lab.value()->relayListens(port));
        }
        qInfo("100 devices up in %lld ms, 100 tunnels after %lld ms", setUpMs, timer.elapsed());
        const QString dir = lab.value()->dir();
        lab.value().reset();
        QVERIFY2(!QFile::exists(dir), "the lab directory must be removed");
    }
};

QTEST_GUILESS_MAIN(NatLabScaleTest)
#include "NatLabScaleTest.moc"
