// A shell on a namespace-isolated device, through the relay, into the terminal emulator:
// a prompt appears, typed commands run, the PTY size follows a resize, and a dropped link
// is reported.
#include "exec/TerminalSession.h"

#include "LabFixture.h"
#include "NatLab.h"
#include "ssh/SshRuntime.h"
#include "terminal/TerminalEmulator.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class TerminalSessionTest : public QObject
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

    void shellRunsCommandsAndFollowsResize()
    {
        TerminalSession session(access(), target(), QSize(80, 24));
        TerminalEmulator screen(24, 80);
        connect(&session, &TerminalSession::received, &screen, &TerminalEmulator::feed);
        connect(&screen, &TerminalEmulator::output, &session, &TerminalSession::write);
        QSignalSpy connected(&session, &TerminalSession::connected);
        QSignalSpy closed(&session, &TerminalSession::closed);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(screen.screenText().contains(QLatin1Char('#')) ||
                                     screen.screenText().contains(QLatin1Char('$')),
                                 10000);
        screen.sendText(QStringLiteral("echo hi-$((40+2)); echo $TERM"));
        screen.sendKey(TerminalEmulator::Key::Enter);
        QTRY_VERIFY_WITH_TIMEOUT(
            screen.screenText().contains(QStringLiteral("\nhi-42\nxterm-256color")), 10000);

        screen.resize(30, 100);
        session.resize(30, 100);
        screen.sendText(QStringLiteral("stty size"));
        screen.sendKey(TerminalEmulator::Key::Enter);
        QTRY_VERIFY_WITH_TIMEOUT(screen.screenText().contains(QStringLiteral("\n30 100\n")), 10000);

        screen.sendText(QStringLiteral("printf '\\346\\227\\245\\346\\234\\254\\n'"));
        screen.sendKey(TerminalEmulator::Key::Enter);
        QTRY_VERIFY_WITH_TIMEOUT(screen.screenText().contains(QStringLiteral("\n日本\n")), 10000);

        screen.sendText(QStringLiteral("exit"));
        screen.sendKey(TerminalEmulator::Key::Enter);
        // The close may be counted before a wait() would start: wait on the count.
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
        QCOMPARE(closed.first().first().toString(), QString()); // ended by itself
    }

    void droppedLinkIsReported()
    {
        TerminalSession session(access(), target(), QSize(80, 24));
        QSignalSpy connected(&session, &TerminalSession::connected);
        QSignalSpy closed(&session, &TerminalSession::closed);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_lab->stopRelay());
        // The spy counts emissions from the worker at once: wait on the count, not a new one.
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 15000);
        QVERIFY2(!closed.first().first().toString().isEmpty(), "a dropped link must say so");
        qInfo("link drop reported after %lld ms: %s", timer.elapsed(),
              qPrintable(closed.first().first().toString()));
        QVERIFY(m_lab->startRelay());
    }
};

QTEST_GUILESS_MAIN(TerminalSessionTest)
#include "TerminalSessionTest.moc"
