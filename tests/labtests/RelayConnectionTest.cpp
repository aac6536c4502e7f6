// Many device sessions share one relay connection (one I/O thread owns the relay session).
#include "relay/RelayConnection.h"

#include "LabFixture.h"
#include "NatLab.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/DeviceConnection.h"
#include "ssh/RemoteCommand.h"
#include "ssh/SshRuntime.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <future>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class RelayConnectionTest : public QObject
{
    Q_OBJECT

private:
    Result<QByteArray> runOn(int port, const QString &command)
    {
        DeviceTarget target;
        target.relay = QStringLiteral("lab");
        target.port = port;
        target.user = m_lab->deviceUser();
        HostKeyPolicy policy;
        policy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        policy.persist = false;
        Credentials credentials;
        credentials.identityFile = m_lab->clientKey();
        auto device = DeviceConnection::open(*m_relay, target, credentials, *m_knownHosts, policy,
                                             QDeadlineTimer(20000), CancelToken());
        if (!device) {
            return device.error();
        }
        QByteArray out;
        RemoteCommand::Io io;
        io.onStdout = [&out](QByteArrayView data) {
            out.append(data);
        };
        auto status = RemoteCommand::run(device->session(), command, io, QDeadlineTimer(20000),
                                         QDeadlineTimer(60000), CancelToken());
        if (!status) {
            return status.error();
        }
        if (status.value() != 0) {
            return Error::make(Error::Code::Protocol,
                               QStringLiteral("exit %1").arg(status.value()));
        }
        return out;
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_home;
    std::unique_ptr<KnownHostsFile> m_knownHosts;
    std::unique_ptr<RelayConnection> m_relay;
    QList<int> m_ports;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = testing::LabFixture::start({.devices = 3}, 3);
        QVERIFY2(fixture, testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_ports = fixture->tunnelPorts;
        m_knownHosts =
            std::make_unique<KnownHostsFile>(m_home.filePath(QStringLiteral("known_hosts")));
        const RelayConfig relay = m_lab->relayConfig();
        Credentials credentials;
        credentials.identityFile = m_lab->clientKey();
        HostKeyPolicy policy;
        policy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        auto connection = RelayConnection::open(relay, credentials, *m_knownHosts, policy,
                                                QDeadlineTimer(20000), CancelToken());
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
        m_relay = std::move(connection.value());
    }

    void cleanupTestCase()
    {
        m_relay.reset();
        m_lab.reset();
    }

    void parallelSessionsShareOneRelayConnection()
    {
        constexpr int kSessions = 24;
        std::vector<std::future<Result<QByteArray>>> results;
        for (int i = 0; i < kSessions; ++i) {
            const int port = m_ports[i % m_ports.size()];
            results.push_back(std::async(std::launch::async, [this, port, i] {
                return runOn(port, QStringLiteral("echo $LAB_HOST %1").arg(i));
            }));
        }
        for (int i = 0; i < kSessions; ++i) {
            auto out = results[static_cast<size_t>(i)].get();
            QVERIFY2(out, qPrintable(out ? QString() : out.error().message));
            QCOMPARE(out.value(), QStringLiteral("dev%1 %2\n").arg(i % 3 + 1).arg(i).toUtf8());
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_relay->openStreamCount(), size_t(0), 5000);
    }

    void bulkOutputArrivesIntact()
    {
        // ~4 MB through two SSH layers and the pump's flow control.
        auto out = runOn(m_ports[0], QStringLiteral("seq 1 500000"));
        QVERIFY2(out, qPrintable(out ? QString() : out.error().message));
        QByteArray expected;
        for (int i = 1; i <= 500000; ++i) {
            expected += QByteArray::number(i) + '\n';
        }
        QCOMPARE(out->size(), expected.size());
        QVERIFY(out.value() == expected);
    }

    void silentRelayIsDeclaredLost()
    {
        const RelayConfig relay = m_lab->relayConfig();
        Credentials credentials;
        credentials.identityFile = m_lab->clientKey();
        const ChannelPump::Liveness liveness{std::chrono::milliseconds(300),
                                             std::chrono::milliseconds(1500)};
        auto connection = RelayConnection::open(relay, credentials, *m_knownHosts, HostKeyPolicy{},
                                                QDeadlineTimer(20000), CancelToken(), liveness);
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
        // Idle but answering keepalives: stays up well past the silence limit.
        QTest::qWait(3000);
        QVERIFY(connection.value()->isAlive());
        // A dead link (the proxy stops moving bytes, nothing is closed) is noticed.
        QVERIFY(m_lab->setMacRelayBlackhole(true));
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(!connection.value()->isAlive(), 5000);
        qInfo("silent relay declared lost after %lld ms", timer.elapsed());
        QVERIFY(m_lab->setMacRelayBlackhole(false));
    }

    void relayLossIsReportedToNewRequests()
    {
        QVERIFY(m_relay->isAlive());
        QVERIFY(m_lab->stopRelay());
        QTRY_VERIFY_WITH_TIMEOUT(!m_relay->isAlive(), 10000);
        auto out = runOn(m_ports[0], QStringLiteral("true"));
        QVERIFY(!out);
        QCOMPARE(out.error().code, Error::Code::RelayLost);
        QVERIFY(m_lab->startRelay());
    }
};

QTEST_GUILESS_MAIN(RelayConnectionTest)
#include "RelayConnectionTest.moc"
