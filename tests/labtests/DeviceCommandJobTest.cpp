// The asynchronous API the GUI uses: the network work runs on a worker thread, results come
// back to the caller's thread as signals, and cancellation is prompt.
#include "exec/DeviceCommandJob.h"

#include "LabFixture.h"
#include "NatLab.h"
#include "ssh/SshRuntime.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class DeviceCommandJobTest : public QObject
{
    Q_OBJECT

private:
    DeviceTarget target() const
    {
        return testing::labTarget(*m_lab, m_port, QStringLiteral("dev1"));
    }
    FleetAccess access() const
    {
        return testing::labAccess(*m_lab, m_home.filePath(QStringLiteral("known_hosts")));
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_home;
    int m_port = 0;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = testing::LabFixture::start({.devices = 1}, 1);
        QVERIFY2(fixture, testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_port = fixture->tunnelPorts.first();
    }

    void cleanupTestCase() { m_lab.reset(); }

    void outputStreamsToTheCallersThread()
    {
        DeviceCommandJob job(access(), target(),
                             QStringLiteral("for i in 1 2 3; do echo $i; sleep 0.3; done; exit 4"));
        QByteArray output;
        int chunks = 0;
        bool onCallerThread = true;
        connect(&job, &DeviceCommandJob::standardOutput, this, [&](const QByteArray &data) {
            output += data;
            ++chunks;
            onCallerThread = onCallerThread && QThread::currentThread() == thread();
        });
        QSignalSpy finished(&job, &DeviceCommandJob::finished);
        QSignalSpy failed(&job, &DeviceCommandJob::failed);
        job.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.first().first().toInt(), 4);
        QCOMPARE(output, QByteArray("1\n2\n3\n"));
        QVERIFY2(chunks >= 2, "output must arrive as it is produced, not at the end");
        QVERIFY(onCallerThread);
        // The device was pinned under its id on first use.
        QFile knownHosts(m_home.filePath(QStringLiteral("known_hosts")));
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        QVERIFY(knownHosts.readAll().contains("relayfleet-dev1 ssh-ed25519"));
    }

    void cancelEndsALongCommandPromptly()
    {
        DeviceCommandJob job(access(), target(), QStringLiteral("sleep 60"));
        QSignalSpy failed(&job, &DeviceCommandJob::failed);
        job.start();
        QTest::qWait(1500);
        QElapsedTimer timer;
        timer.start();
        job.cancel();
        QVERIFY(failed.wait(5000));
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(failed.first().first().value<Error::Code>(), Error::Code::Cancelled);
    }

    void destroyingARunningJobDoesNotHang()
    {
        QElapsedTimer timer;
        timer.start();
        {
            DeviceCommandJob job(access(), target(), QStringLiteral("sleep 60"));
            job.start();
            QTest::qWait(300);
        }
        QVERIFY(timer.elapsed() < 3000);
    }
};

QTEST_GUILESS_MAIN(DeviceCommandJobTest)
#include "DeviceCommandJobTest.moc"
