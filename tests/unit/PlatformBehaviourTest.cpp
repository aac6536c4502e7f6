// What the program decides differently on macOS and Linux, tested for both platforms here
// (the Mac's side cannot run on this machine): terminal keys, the keychain's thread and the
// command line's event loop, descriptors, where files live, limits, the system terminal, and
// how a handed-over socket is recognised.
#include "base/AppPaths.h"
#include "base/HandedOverFd.h"
#include "base/PlatformDescriptors.h"
#include "base/PlatformLimits.h"
#include "keys/KeychainSecretStore.h"
#include "openssh/SystemTerminal.h"
#include "terminal/TerminalKeyMap.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace relayfleet;

Q_DECLARE_METATYPE(relayfleet::Platform)
Q_DECLARE_METATYPE(relayfleet::TerminalKeyMap::Action)

class PlatformBehaviourTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terminalKeys_data()
    {
        using A = TerminalKeyMap::Action;
        QTest::addColumn<Platform>("platform");
        QTest::addColumn<int>("key");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::addColumn<A>("action");
        QTest::addColumn<int>("controlByte");
        const Platform mac = Platform::MacOS;
        const Platform lin = Platform::Linux;
        // On a Mac, Qt reports the Control key as MetaModifier and ⌘ as ControlModifier.
        QTest::newRow("mac Control+C interrupts")
            << mac << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::MetaModifier) << A::ControlByte
            << 0x03;
        QTest::newRow("mac Control+D")
            << mac << int(Qt::Key_D) << Qt::KeyboardModifiers(Qt::MetaModifier) << A::ControlByte
            << 0x04;
        QTest::newRow("mac Control+Z")
            << mac << int(Qt::Key_Z) << Qt::KeyboardModifiers(Qt::MetaModifier) << A::ControlByte
            << 0x1a;
        QTest::newRow("mac Control+R")
            << mac << int(Qt::Key_R) << Qt::KeyboardModifiers(Qt::MetaModifier) << A::ControlByte
            << 0x12;
        QTest::newRow("mac Control+[ is Escape")
            << mac << int(Qt::Key_BracketLeft) << Qt::KeyboardModifiers(Qt::MetaModifier)
            << A::ControlByte << 0x1b;
        QTest::newRow("mac ⌘C copies")
            << mac << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::ControlModifier) << A::Copy << -1;
        QTest::newRow("mac ⌘V pastes")
            << mac << int(Qt::Key_V) << Qt::KeyboardModifiers(Qt::ControlModifier) << A::Paste
            << -1;
        QTest::newRow("mac ⌘W is the window's")
            << mac << int(Qt::Key_W) << Qt::KeyboardModifiers(Qt::ControlModifier) << A::Application
            << -1;
        QTest::newRow("mac ⌘⇧C is not copy")
            << mac << int(Qt::Key_C) << (Qt::ControlModifier | Qt::ShiftModifier) << A::Application
            << -1;
        QTest::newRow("mac plain c")
            << mac << int(Qt::Key_C) << Qt::KeyboardModifiers() << A::Terminal << -1;
        QTest::newRow("linux Ctrl+C interrupts")
            << lin << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::ControlModifier) << A::ControlByte
            << 0x03;
        QTest::newRow("linux Ctrl+D")
            << lin << int(Qt::Key_D) << Qt::KeyboardModifiers(Qt::ControlModifier) << A::ControlByte
            << 0x04;
        QTest::newRow("linux Ctrl+Shift+C copies")
            << lin << int(Qt::Key_C) << (Qt::ControlModifier | Qt::ShiftModifier) << A::Copy << -1;
        QTest::newRow("linux Ctrl+Shift+V pastes")
            << lin << int(Qt::Key_V) << (Qt::ControlModifier | Qt::ShiftModifier) << A::Paste << -1;
        QTest::newRow("linux Ctrl+Space is NUL")
            << lin << int(Qt::Key_Space) << Qt::KeyboardModifiers(Qt::ControlModifier)
            << A::ControlByte << 0x00;
        QTest::newRow("linux Meta+C is text")
            << lin << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::MetaModifier) << A::Terminal
            << -1;
    }

    void terminalKeys()
    {
        QFETCH(Platform, platform);
        QFETCH(int, key);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QFETCH(TerminalKeyMap::Action, action);
        QFETCH(int, controlByte);
        const TerminalKeyMap::Decision decision = TerminalKeyMap::decide(platform, key, modifiers);
        QCOMPARE(decision.action, action);
        if (controlByte >= 0) {
            QCOMPARE(int(decision.controlByte), controlByte);
        }
    }

    void terminalModifiersMeanTheControlKey()
    {
        // Control+Up on a Mac reaches the terminal as Control+Up; ⌘ never does.
        QCOMPARE(TerminalKeyMap::terminalModifiers(Platform::MacOS,
                                                   Qt::MetaModifier | Qt::ShiftModifier),
                 Qt::KeyboardModifiers(Qt::ControlModifier | Qt::ShiftModifier));
        QCOMPARE(TerminalKeyMap::terminalModifiers(Platform::MacOS, Qt::ControlModifier),
                 Qt::KeyboardModifiers());
        QCOMPARE(TerminalKeyMap::terminalModifiers(Platform::Linux,
                                                   Qt::ControlModifier | Qt::AltModifier),
                 Qt::KeyboardModifiers(Qt::ControlModifier | Qt::AltModifier));
    }

    void keychainJobsRunWhereTheirAnswersArrive()
    {
        using T = KeychainSecretStore::JobThread;
        QCOMPARE(KeychainSecretStore::jobThread(Platform::MacOS, true), T::Caller);
        QCOMPARE(KeychainSecretStore::jobThread(Platform::MacOS, false), T::Main);
        QCOMPARE(KeychainSecretStore::jobThread(Platform::Linux, true), T::Keychain);
        QCOMPARE(KeychainSecretStore::jobThread(Platform::Linux, false), T::Keychain);
    }

    void theCommandLineRunsALoopThatCompletesKeychainJobs()
    {
        // A Mac's QCoreApplication runs Qt's Unix loop, which never drains the main dispatch
        // queue where QtKeychain answers: without Core Foundation's loop every read waits out
        // its timeout. Its workers cannot reach the keychain while the main thread waits for
        // them, so the passphrase is read before they start.
        const auto mac = KeychainSecretStore::commandLineEnvironment(Platform::MacOS);
        QCOMPARE(mac.size(), 1);
        QCOMPARE(mac.first().first, QByteArrayLiteral("QT_EVENT_DISPATCHER_CORE_FOUNDATION"));
        QCOMPARE(mac.first().second, QByteArrayLiteral("1"));
        QVERIFY(KeychainSecretStore::readsBeforeWorkers(Platform::MacOS));
        QVERIFY(KeychainSecretStore::commandLineEnvironment(Platform::Linux).isEmpty());
        QVERIFY(!KeychainSecretStore::readsBeforeWorkers(Platform::Linux));
    }

    void descriptorsAreCloseOnExec()
    {
        // Made with the calls each platform has (tools/check-platform keeps the Linux-only ones
        // in that file); none may leak into a process the app starts.
        const auto closesOnExec = [](const UniqueFd &fd) {
            return fd.isValid() && (fcntl(fd.get(), F_GETFD) & FD_CLOEXEC) != 0;
        };
        const auto blocks = [](const UniqueFd &fd) {
            return (fcntl(fd.get(), F_GETFL) & O_NONBLOCK) == 0;
        };
        UniqueFd listener = PlatformDescriptors::openStreamSocket(AF_INET);
        QVERIFY(closesOnExec(listener));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener.get(), reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(listener.get(), 1), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(listener.get(), reinterpret_cast<sockaddr *>(&address), &length), 0);
        UniqueFd client = PlatformDescriptors::openStreamSocket(AF_INET);
        QCOMPARE(::connect(client.get(), reinterpret_cast<sockaddr *>(&address), sizeof address),
                 0);
        UniqueFd accepted = PlatformDescriptors::acceptConnection(listener.get());
        QVERIFY(closesOnExec(accepted));

        UniqueFd wakeRead;
        UniqueFd wakeWrite;
        QVERIFY(PlatformDescriptors::makeWakePipe(wakeRead, wakeWrite));
        QVERIFY(closesOnExec(wakeRead) && closesOnExec(wakeWrite));
        QVERIFY(!blocks(wakeRead) && !blocks(wakeWrite));

        UniqueFd first;
        UniqueFd second;
        QVERIFY(PlatformDescriptors::makeSocketPair(first, second));
        QVERIFY(closesOnExec(first) && closesOnExec(second));
        PlatformDescriptors::setNoSigPipe(first.get());
        second.reset();
        // The peer is gone: EPIPE, not a signal that ends this test.
        QCOMPARE(::send(first.get(), "x", 1, PlatformDescriptors::sendFlags()), ssize_t(-1));
        QCOMPARE(errno, EPIPE);
    }

    void filesLiveWhereThePlatformKeepsData()
    {
        QCOMPARE(AppPaths::defaultHomeLocation(Platform::MacOS), QStandardPaths::AppDataLocation);
        QCOMPARE(AppPaths::defaultHomeLocation(Platform::Linux), QStandardPaths::AppConfigLocation);
        QCOMPARE(
            AppPaths::installedDataDir(
                Platform::MacOS, QStringLiteral("/Applications/relayfleet.app/Contents/MacOS")),
            QStringLiteral("/Applications/relayfleet.app/Contents/Resources"));
        QCOMPARE(AppPaths::installedDataDir(Platform::Linux, QStringLiteral("/usr/bin")),
                 QStringLiteral("/usr/share/relayfleet"));
    }

    void openFileLimit()
    {
        const rlim_t infinity = RLIM_INFINITY;
        // macOS: 256 by default, and never above OPEN_MAX even when the hard limit is unlimited.
        QCOMPARE(PlatformLimits::wantedOpenFileLimit(Platform::MacOS, 256, infinity), rlim_t(8192));
        QCOMPARE(PlatformLimits::wantedOpenFileLimit(Platform::MacOS, 256, 2048), rlim_t(2048));
        QCOMPARE(PlatformLimits::wantedOpenFileLimit(Platform::Linux, 1024, 524288), rlim_t(8192));
        QCOMPARE(PlatformLimits::wantedOpenFileLimit(Platform::Linux, 1024, 1024), rlim_t(1024));
        // Never lowered.
        QCOMPARE(PlatformLimits::wantedOpenFileLimit(Platform::Linux, 65536, infinity),
                 rlim_t(65536));
        QVERIFY(PlatformLimits::kWantedOpenFiles <= PlatformLimits::kMacOpenMax);
        // And this process really gets it.
        QVERIFY(PlatformLimits::raiseOpenFileLimit());
        struct rlimit now
        {
        };
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &now), 0);
        QCOMPARE(now.rlim_cur,
                 PlatformLimits::wantedOpenFileLimit(Platform::Linux, now.rlim_cur, now.rlim_max));
    }

    void socketPairBuffersAreSized()
    {
        int pair[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
        QVERIFY(PlatformLimits::sizeSocketBuffers(pair[0]));
        int sent = 0;
        socklen_t length = sizeof sent;
        QCOMPARE(getsockopt(pair[0], SOL_SOCKET, SO_SNDBUF, &sent, &length), 0);
        QVERIFY2(sent >= PlatformLimits::kSocketPairBufferBytes, qPrintable(QString::number(sent)));
        ::close(pair[0]);
        ::close(pair[1]);
    }

    void handedOverSocketIsRecognisedWithOrWithoutInodes_data()
    {
        QTest::addColumn<int>("identity");
        QTest::newRow("inode (Linux)") << int(HandedOverFd::Identity::Inode);
        QTest::newRow("status flags (macOS: inode 0)") << int(HandedOverFd::Identity::StatusFlags);
    }

    void handedOverSocketIsRecognisedWithOrWithoutInodes()
    {
        QFETCH(int, identity);
        const auto how = static_cast<HandedOverFd::Identity>(identity);
        int pair[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
        const int copy = fcntl(pair[0], F_DUPFD_CLOEXEC, 0);
        QVERIFY(HandedOverFd::sameOpenFile(pair[0], copy, how));
        QVERIFY(!HandedOverFd::sameOpenFile(pair[0], pair[1], how));
        // The flag probe leaves the flags as they were.
        QCOMPARE(fcntl(pair[0], F_GETFL) & O_APPEND, 0);
        // A number closed and taken by another socket is not ours any more.
        const int number = pair[0];
        ::close(pair[0]);
        int other[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, other), 0);
        QCOMPARE(other[0], number);
        QVERIFY(!HandedOverFd::sameOpenFile(number, copy, how));
        ::close(copy);
        ::close(pair[1]);
        ::close(other[0]);
        ::close(other[1]);

        struct stat zero
        {
        };
        QCOMPARE(HandedOverFd::identityOf(zero, zero), HandedOverFd::Identity::StatusFlags);
    }

    void handedOverSocketIsClosedOnlyIfStillOurs()
    {
        int pair[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
        {
            HandedOverFd handed(pair[0]);
        }
        QCOMPARE(fcntl(pair[0], F_GETFD), -1); // closed with it
        int reused[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, reused), 0);
        {
            HandedOverFd handed(reused[0]);
            ::close(reused[0]); // libssh closed it on an error path ...
            int other[2];
            QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, other), 0); // ... and the number was taken
            QCOMPARE(other[0], reused[0]);
            handed.closeIfUnchanged();
            QVERIFY(fcntl(other[0], F_GETFD) >= 0); // someone else's socket: left alone
            ::close(other[0]);
            ::close(other[1]);
        }
        ::close(pair[1]);
        ::close(reused[1]);
    }

    void systemTerminalOnAMacNeedsNoAutomationPermission()
    {
        QTemporaryDir dir;
        const QString command = QStringLiteral(
            "ssh -F '/Users/pi/Library/Application Support/x/ssh_config' relayfleet-kitchen");
        const SystemTerminal::Launch launch =
            SystemTerminal::launchFor(Platform::MacOS, command, dir.path());
        QCOMPARE(launch.program, QStringLiteral("open"));
        QCOMPARE(launch.arguments.mid(0, 2),
                 QStringList({QStringLiteral("-a"), QStringLiteral("Terminal")}));
        QCOMPARE(launch.arguments.value(2), launch.scriptPath);
        QVERIFY(launch.scriptPath.startsWith(dir.path()) &&
                launch.scriptPath.endsWith(QLatin1String(".command")));
        QVERIFY(launch.exitStatusTellsSuccess); // `open` says whether Terminal took it
        QVERIFY(!launch.program.contains(QLatin1String("osascript")));
        QVERIFY(launch.script.contains(command.toUtf8()));

        // The script works as a shell runs it, and is gone afterwards.
        const QString marker = dir.filePath(QStringLiteral("ran"));
        const SystemTerminal::Launch probe = SystemTerminal::launchFor(
            Platform::MacOS, QStringLiteral("touch '%1'").arg(marker), dir.path());
        QVERIFY(SystemTerminal::writeScript(probe));
        const QFile::Permissions permissions = QFile::permissions(probe.scriptPath);
        QVERIFY(permissions.testFlag(QFile::ExeOwner));
        QVERIFY(!(permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                 QFile::ReadOther | QFile::WriteOther | QFile::ExeOther)));
        QCOMPARE(QProcess::execute(probe.scriptPath, {}), 0);
        QVERIFY(QFile::exists(marker));
        QVERIFY(!QFile::exists(probe.scriptPath));
    }

    void systemTerminalOnLinux()
    {
        const SystemTerminal::Launch launch =
            SystemTerminal::launchFor(Platform::Linux, QStringLiteral("ssh x"), QString());
        QCOMPARE(launch.program, QStringLiteral("x-terminal-emulator"));
        QCOMPARE(launch.arguments, QStringList({QStringLiteral("-e"), QStringLiteral("sh"),
                                                QStringLiteral("-c"), QStringLiteral("ssh x")}));
        QVERIFY(!launch.exitStatusTellsSuccess);
        QVERIFY(launch.scriptPath.isEmpty());
        QVERIFY(SystemTerminal::writeScript(launch)); // nothing to write
    }
};

QTEST_GUILESS_MAIN(PlatformBehaviourTest)
#include "PlatformBehaviourTest.moc"
