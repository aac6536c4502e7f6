// rflab-demo: starts a NAT lab with a relay and three devices, all running the example
// program that takes overrides (two adopted, one a hand-made tunnel), writes a Relay Fleet home
// that points at it, and keeps it running until stdin closes or Ctrl-C. For screenshots and trying
// things by hand:
//   rflab-demo HOME_DIR     then: relayfleet --home HOME_DIR   (or relayfleet-cli --home ...)
#include "LabRelaySetup.h"
#include "NatLab.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using relayfleet::lab::NatLab;

namespace {

// The build's CLI, else the installed one (rflab-demo lives in libexec/relayfleet).
void findTheCli()
{
    if (!qEnvironmentVariableIsSet("RELAYFLEET_CLI")) {
        const QString built = QStringLiteral(RELAYFLEET_DEMO_CLI);
        const QString installed = QDir(QCoreApplication::applicationDirPath())
                                      .filePath(QStringLiteral("../../bin/relayfleet-cli"));
        qputenv(
            "RELAYFLEET_CLI",
            (QFileInfo(built).isExecutable() ? built : QDir::cleanPath(installed)).toLocal8Bit());
    }
}

// Three devices running program A: kitchen and greenhouse adopted, the third a hand-made
// tunnel. False (and why on stderr) when the lab could not be set up.
bool populate(NatLab &lab, const QString &appHome, QTextStream &err)
{
    relayfleet::lab::CliRunner cli(appHome);
    auto run = [&](const QStringList &command) {
        const auto result = cli.run(command);
        if (result.exitCode != 0) {
            err << command.join(QLatin1Char(' ')) << ": " << result.err;
        }
        return result.exitCode == 0;
    };
    if (relayfleet::lab::addLabRelay(cli, lab, true) != 0) {
        err << "cannot configure the demo relay\n";
        return false;
    }
    const QStringList names{QStringLiteral("kitchen"), QStringLiteral("greenhouse")};
    const QStringList labels{QStringLiteral("home,sensors"), QStringLiteral("sensors")};
    int handMadePort = 0;
    for (int i = 0; i < 3; ++i) {
        const int port = lab.allocateRelayPort();
        handMadePort = port;
        if (!lab.startSeedTunnel(i, port)) {
            err << "a demo tunnel did not come up\n";
            return false;
        }
        if (i < 2) {
            run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(port),
                 QStringLiteral("--id"), names[i], QStringLiteral("--name"),
                 QStringLiteral("%1 Pi").arg(names[i]), QStringLiteral("--label"), labels[i],
                 QStringLiteral("--user"), lab.deviceUser(),
                 QStringLiteral("--accept-new-host-key")});
        }
    }
    // Program A (the example program that takes overrides) runs on every device, so the
    // hand-made one takes overrides too once it is adopted.
    run({QStringLiteral("overrides"), QStringLiteral("install-module"), QStringLiteral("kitchen"),
         QStringLiteral("greenhouse"), QStringLiteral("lab:%1").arg(handMadePort),
         QStringLiteral("--user"), lab.deviceUser()});
    for (int i = 0; i < 3; ++i) {
        const QString home = lab.isolated() ? QStringLiteral("/root") : lab.deviceHome(i);
        if (!lab.startProgram(i, QStringLiteral("program-a"),
                              {QStringLiteral("python3"),
                               home + QStringLiteral("/.relayfleet/python/example_program_a.py"),
                               home + QStringLiteral("/.relayfleet/overrides.fifo"),
                               home + QStringLiteral("/program.log")})) {
            err << "program A did not start on " << lab.deviceName(i) << '\n';
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    findTheCli();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        err << "usage: rflab-demo HOME_DIR\n";
        return 2;
    }
    auto lab = NatLab::start({.devices = 3});
    if (!lab) {
        err << lab.error().message << '\n';
        return 1;
    }
    if (!populate(*lab.value(), args[1], err)) {
        return 1;
    }
    // The greenhouse loses power: the relay keeps its port, so it shows as stale.
    (void)lab.value()->powerLoss(1);
    out << "demo lab ready: relay 127.0.0.1:" << lab.value()->relayPort() << ", home " << args[1]
        << Qt::endl;
    // With a pipe on stdin (a script driving it), its end stops the lab; otherwise a signal.
    struct stat in
    {
    };
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    stdinClosed.setEnabled(fstat(STDIN_FILENO, &in) == 0 && S_ISFIFO(in.st_mode));
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            app.quit();
        }
    });
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    return app.exec();
}
