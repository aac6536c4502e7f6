// rfbench-click: from opening a terminal in the window (what a double-click on a device does:
// MainWindow::openTerminal) to its first prompt on screen, under cellular latency (Mac <-> relay
// 50 ms, relay <-> device 150 ms one way), in three states of the window:
//   (a) nothing connected yet: the relay login, the device login, the shell;
//   (b) the relay connected (the window's shared connection, as after its first refresh);
//   (c) the device selected a moment before, so it is logged in to ahead (warm);
// beside OpenSSH in the same run: `ssh -tt -J` cold, and through a ControlMaster connection to
// the relay (warm), each until its first prompt. Medians of --runs N (default 5); --smoke.
#include "BenchLab.h"
#include "MainWindow.h"
#include "fleet/FleetModel.h"
#include "ssh/SshRuntime.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalTab.h"
#include "terminal/TerminalWidget.h"

#include <QApplication>
#include <QProcess>
#include <QTabWidget>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

// Opens a terminal on `row` and returns the milliseconds until its prompt was painted, or -1.
double openToPrompt(gui::MainWindow &window, int row)
{
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QElapsedTimer timer;
    timer.start();
    window.openTerminal(row);
    auto *tab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
    if (!tab || !waitFor([&] { return isPrompt(tab->emulator()->screenText()); }, 60000, 2)) {
        return -1;
    }
    tab->terminal()->repaint(); // painted, not only received
    const double elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const int index = tabs->indexOf(tab);
    tabs->removeTab(index);
    delete tab;
    return elapsed;
}

// OpenSSH until its first prompt: `ssh -tt` with the given words, then ended.
double opensshToPrompt(const QStringList &command)
{
    QProcess ssh;
    QElapsedTimer timer;
    timer.start();
    ssh.start(command.first(), command.mid(1) << QStringLiteral("-tt"));
    QByteArray seen;
    while (timer.elapsed() < 60000 && ssh.state() != QProcess::NotRunning) {
        if (ssh.waitForReadyRead(20)) {
            seen += ssh.readAllStandardOutput();
            if (seen.contains('#') || seen.contains('$')) {
                const double elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                ssh.write("exit\n");
                if (!ssh.waitForFinished(5000)) {
                    ssh.kill();
                    ssh.waitForFinished(5000);
                }
                return elapsed;
            }
        }
    }
    ssh.kill();
    ssh.waitForFinished(5000);
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    initializeSshRuntime();
    QApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 5, 1);
    const int macDelay = options.macRelayDelayMs();
    const int deviceDelay = options.relayDeviceDelayMs();
    BenchLab bench;
    if (const QString problem = bench.start(1); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    const QString id = bench.ids.first();
    const QStringList openssh = bench.opensshCommand(id);
    if (openssh.size() < 3) {
        out() << "no OpenSSH command for " << id << Qt::endl;
        return 1;
    }
    const QString masterConfig = bench.writeControlMasterConfig(openssh.at(2));
    if (masterConfig.isEmpty()) {
        out() << "cannot write the ControlMaster copy of " << openssh.at(2) << Qt::endl;
        return 1;
    }
    if (const QString problem = bench.cellular(macDelay, deviceDelay); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }

    gui::MainWindow window(AppPaths::resolve(bench.cli->home()));
    window.show();
    const auto deviceRow = [&] {
        for (int row = 0; row < window.fleetModel()->rowCount(); ++row) {
            if (window.fleetModel()->statusAt(row).id == id) {
                return row;
            }
        }
        return -1;
    };
    if (!waitFor([&] { return deviceRow() >= 0; }, 60000)) {
        out() << "the device was never listed" << Qt::endl;
        return 1;
    }
    const DeviceTarget target = window.fleetModel()->statusAt(deviceRow()).target();
    QStringList viaMaster = openssh;
    viaMaster[2] = masterConfig;
    QList<double> cold, relayWarm, deviceWarm, theirsCold, theirsWarm;
    for (int run = 0; run < options.runs; ++run) {
        // (a) Nothing connected: the window's relay connection dropped first.
        window.relayConnections().drop(QStringLiteral("lab"));
        cold << openToPrompt(window, deviceRow());
        // (b) The relay connected (the terminal of (a) left it so), the device not warm.
        relayWarm << openToPrompt(window, deviceRow());
        // (c) Selected a moment before: warmed in the background, then opened.
        window.warmDevices().warm(window.fleetAccess(), target);
        if (!waitFor([&] { return window.warmDevices().isReady(target); }, 30000)) {
            out() << "the device was never warmed" << Qt::endl;
            return 1;
        }
        deviceWarm << openToPrompt(window, deviceRow());
        theirsCold << opensshToPrompt(openssh);
        theirsWarm << opensshToPrompt(viaMaster); // the first run opens the master
    }
    (void)timeCommand(openssh.first(),
                      {QStringLiteral("-F"), masterConfig, QStringLiteral("-O"),
                       QStringLiteral("exit"), QStringLiteral("relayfleet-relay-lab")});
    for (const QList<double> *figures : {&cold, &relayWarm, &deviceWarm, &theirsCold}) {
        if (figures->contains(-1)) {
            out() << "a terminal never showed its prompt" << Qt::endl;
            return 1;
        }
    }
    if (!theirsWarm.isEmpty()) {
        theirsWarm.removeFirst(); // the run that opened the master is a cold one
    }
    if (theirsWarm.isEmpty() || theirsWarm.contains(-1)) {
        theirsWarm = {opensshToPrompt(viaMaster)};
    }

    printHeader(QStringLiteral("Click to prompt in the window (Mac↔relay %1 ms, relay↔device %2 ms "
                               "one way)")
                    .arg(macDelay)
                    .arg(deviceDelay),
                options);
    const double sshCold = median(theirsCold);
    auto ratio = [&](double ours) {
        return QStringLiteral("%1×").arg(ours / sshCold, 0, 'f', 2);
    };
    printFigure(QStringLiteral("(a) nothing connected yet"), ms(median(cold)),
                ms(sshCold) + QStringLiteral(" (`ssh -tt -J`)"), ratio(median(cold)),
                QStringLiteral("—"), QStringLiteral("—"), QString());
    printFigure(QStringLiteral("(b) relay connected"), ms(median(relayWarm)), ms(sshCold),
                ratio(median(relayWarm)), QStringLiteral("≤ 0.55×"),
                median(relayWarm) / sshCold <= 0.55 ? QStringLiteral("yes") : QStringLiteral("no"),
                QString());
    printFigure(QStringLiteral("(c) device selected before (warm)"), ms(median(deviceWarm)),
                ms(median(theirsWarm)) + QStringLiteral(" (ControlMaster + `-J`)"),
                ratio(median(deviceWarm)), QStringLiteral("≤ 1.0 s"),
                median(deviceWarm) <= 1000 ? QStringLiteral("yes") : QStringLiteral("no"),
                QString());
    return 0;
}
