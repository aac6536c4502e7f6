// rfbench-gui: the window as a user meets it. Time from the process's start to the window on
// screen, the time to list 1,000 devices, and the memory (RSS) with those 1,000 devices and
// four terminal tabs open on a device of a NAT lab. Runs under the display it is given
// (Xvfb, a desktop) or offscreen. --smoke for a quick pass.
#include "BenchLab.h"
#include "MainWindow.h"
#include "fleet/FleetModel.h"
#include "ssh/SshRuntime.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalTab.h"

#include <QApplication>
#include <QFile>
#include <QTabWidget>
#include <QWindow>
#include <unistd.h>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

// Milliseconds since this process started (Linux: /proc; the benchmark runs in the lab).
double sinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of stat
    const double now = uptime.readAll().split(' ').first().toDouble();
    return (now - startTicks / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000;
}

double rssMegabytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(static_cast<qsizetype>(strlen(field)))
                       .trimmed()
                       .split(' ')
                       .first()
                       .toDouble() /
                   1024;
        }
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    initializeSshRuntime();
    QApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 1, 1000);
    const int devices = options.smoke ? 100 : options.devices;
    BenchLab bench;
    // The window first, as at a real start: no relay yet, nothing to wait for.
    gui::MainWindow window(AppPaths::resolve(bench.dir.filePath(QStringLiteral("mac"))));
    window.show();
    if (!waitFor([&] { return window.windowHandle() && window.windowHandle()->isExposed(); },
                 10000)) {
        out() << "the window was never shown" << Qt::endl;
        return 1;
    }
    QCoreApplication::processEvents();
    const double shown = sinceProcessStart();

    printHeader(QStringLiteral("The window (platform %1)").arg(QGuiApplication::platformName()),
                options);
    printFigure(QStringLiteral("window shown after the process started"), ms(shown), QString(),
                QString(), QStringLiteral("≤ 1 s"),
                shown <= 1000 ? QStringLiteral("yes") : QStringLiteral("no"), QString());

    QElapsedTimer timer;
    timer.start();
    QList<DeviceStatus> statuses;
    for (int i = 0; i < devices; ++i) {
        DeviceStatus s;
        s.relay = QStringLiteral("bench");
        s.id = QStringLiteral("pi-%1").arg(i, 4, 10, QLatin1Char('0'));
        s.name = QStringLiteral("Pi %1").arg(i);
        s.port = 4649 + i;
        s.state = static_cast<DeviceStatus::State>(i % 4);
        s.labels = {QStringLiteral("site-%1").arg(i % 20), QStringLiteral("sensors")};
        s.lastSeen = QDateTime::currentDateTimeUtc().addSecs(-i);
        s.hostKeyFingerprint =
            QStringLiteral("SHA256:%1").arg(QString(43, QLatin1Char('A' + i % 26)));
        statuses << s;
    }
    window.fleetModel()->setRelayStatuses(QStringLiteral("bench"), statuses);
    QCoreApplication::processEvents();
    window.repaint();
    const double listed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    printFigure(QStringLiteral("%1 devices listed and painted").arg(devices), ms(listed), QString(),
                QString(), QString(), QString(), QString());

    // Four terminal tabs on a lab device, each with a shell and some output in its scrollback.
    if (const QString problem = bench.start(1); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    window.refresh();
    const auto deviceRow = [&] {
        for (int row = 0; row < window.fleetModel()->rowCount(); ++row) {
            if (window.fleetModel()->statusAt(row).relay == QLatin1String("lab")) {
                return row;
            }
        }
        return -1;
    };
    if (!waitFor([&] { return deviceRow() >= 0; }, 30000)) {
        out() << "the lab device was never listed" << Qt::endl;
        return 1;
    }
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QList<gui::TerminalTab *> terminals;
    for (int i = 0; i < 4; ++i) {
        window.openTerminal(deviceRow());
        terminals << qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
    }
    for (gui::TerminalTab *tab : std::as_const(terminals)) {
        if (!waitFor(
                [&] {
                    return tab->emulator()->screenText().contains(QLatin1Char('#')) ||
                           tab->emulator()->screenText().contains(QLatin1Char('$'));
                },
                30000)) {
            out() << "a terminal never showed a prompt" << Qt::endl;
            return 1;
        }
        tab->emulator()->sendText(QStringLiteral("seq 1 3000; echo done-$((6*7))\r"));
    }
    for (gui::TerminalTab *tab : std::as_const(terminals)) {
        if (!waitFor(
                [&] { return tab->emulator()->screenText().contains(QStringLiteral("done-42")); },
                30000)) {
            out() << "a terminal never finished its output" << Qt::endl;
            return 1;
        }
    }
    tabs->setCurrentIndex(0);
    QCoreApplication::processEvents();
    const double rss = rssMegabytes("VmRSS:");
    const double peak = rssMegabytes("VmHWM:");
    printFigure(
        QStringLiteral("memory with %1 devices listed and 4 terminal tabs (RSS; peak %2 MB)")
            .arg(devices)
            .arg(peak, 0, 'f', 0),
        QStringLiteral("%1 MB").arg(rss, 0, 'f', 0), QString(), QString(),
        QStringLiteral("≤ 150 MB"), rss <= 150 ? QStringLiteral("yes") : QStringLiteral("no"),
        QString());
    return 0;
}
