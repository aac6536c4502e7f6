// rfbench-soak: the window left open for days (which alerts make normal), compressed: N devices
// (default 20) whose tunnels drop and come back every few seconds, the window refreshing, the
// alerts firing (posted to a webhook on 127.0.0.1), terminals open on four devices that stay and
// two that drop, for --minutes M (default 30; --smoke: 6 devices, half a minute). Prints the
// window's resident memory, open descriptors and threads after a warm-up and at the end, the
// alerts told, held back by the hourly limit and posted, and fails when an alert was told twice,
// a post went missing or a terminal tab is stuck (neither answering nor saying its session ended
// and reconnecting).
#include "BenchLab.h"
#include "LoopbackHttpServer.h"
#include "MainWindow.h"
#include "alerts/AlertNotifier.h"
#include "fleet/FleetModel.h"
#include "ssh/SshRuntime.h"
#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalTab.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTabWidget>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

// What the window's process holds (Linux /proc; the lab is Linux-only).
struct ProcessCost
{
    double residentMegabytes = 0;
    int descriptors = 0;
    int threads = 0;

    static ProcessCost now()
    {
        ProcessCost cost;
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                const QList<QByteArray> words = line.simplified().split(' ');
                if (words.size() >= 2 && words[0] == "VmRSS:") {
                    cost.residentMegabytes = words[1].toDouble() / 1024;
                } else if (words.size() >= 2 && words[0] == "Threads:") {
                    cost.threads = words[1].toInt();
                }
            }
        }
        cost.descriptors =
            int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
        return cost;
    }
};

int rowOf(const gui::MainWindow &window, const QString &id)
{
    return window.fleetModel()->rowOf(
        [&id](const DeviceStatus &status) { return status.id == id; });
}

// A tab answers when a command typed into it comes back with its output.
bool answers(gui::TerminalTab &tab, int round)
{
    const QString word = QStringLiteral("soak%1done").arg(round);
    tab.emulator()->sendText(QStringLiteral("echo soak%1\"done\"\r").arg(round));
    return waitFor([&] { return tab.emulator()->screenText().contains(word); }, 20000);
}

} // namespace

int main(int argc, char *argv[])
{
    initializeSshRuntime();
    QApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    const Options options = Options::parse(arguments, 1, 20);
    double minutes = options.smoke ? 0.5 : 30;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--minutes"));
        at > 0 && at + 1 < arguments.size()) {
        minutes = std::clamp(arguments[at + 1].toDouble(), 0.5, 24 * 60.0);
    }
    const int devices = options.smoke ? 6 : std::max(options.devices, 8);
    constexpr int kSteady = 4;   // terminals on devices that stay
    constexpr int kDropping = 2; // terminals on devices that drop
    BenchLab bench;
    if (const QString problem = bench.start(devices); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    testing::LoopbackHttpServer hook(204);
    gui::MainWindow window(AppPaths::resolve(bench.cli->home()));
    AlertRules rules;
    rules.offlineSeconds = 2;
    rules.webhookUrl = hook.url();
    window.alerts().setRules(rules);
    // Every alert the window gave, whole (its own list keeps the last 200).
    QList<FleetAlerts::Event> told;
    int posted = 0;
    QObject::connect(&window.alerts(), &gui::AlertNotifier::recorded, &window,
                     [&](const FleetAlerts::Event &event, bool webhookOk, const QString &) {
                         told << event;
                         posted += webhookOk;
                     });
    int refreshesFinished = 0;
    QObject::connect(&window, &gui::MainWindow::refreshFinished, &window,
                     [&refreshesFinished] { ++refreshesFinished; });
    window.show();
    const auto refresh = [&] {
        const int before = refreshesFinished;
        window.refresh();
        return waitFor([&] { return refreshesFinished > before; }, 60000, 50);
    };
    if (!waitFor([&] { return rowOf(window, bench.ids.last()) >= 0; }, 60000)) {
        out() << "the devices were never listed" << Qt::endl;
        return 1;
    }

    // Terminals: the last kSteady devices stay, the first kDropping drop with the rest.
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QList<gui::TerminalTab *> terminals;
    QSet<gui::TerminalTab *> closed;
    QStringList terminalDevices = bench.ids.mid(devices - kSteady) + bench.ids.mid(0, kDropping);
    for (const QString &id : terminalDevices) {
        window.openTerminal(rowOf(window, id));
        auto *tab = qobject_cast<gui::TerminalTab *>(tabs->currentWidget());
        if (!tab || !waitFor([&] { return isPrompt(tab->emulator()->screenText()); }, 60000)) {
            out() << "the terminal on " << id << " never showed its prompt" << Qt::endl;
            return 1;
        }
        QObject::connect(tab, &gui::TerminalTab::sessionClosed, tab,
                         [&closed, tab](const QString &) { closed.insert(tab); });
        terminals << tab;
    }

    // Warm-up: the window's caches and connections settle before the first figure.
    for (int round = 0; round < 3; ++round) {
        refresh();
    }
    const ProcessCost start = ProcessCost::now();
    const int dropping = devices - kSteady;
    QList<qint64> downAt(dropping, -1); // ms into the soak when each went, -1: up
    QElapsedTimer soak;
    soak.start();
    const qint64 soakMs = qint64(minutes * 60000);
    int drops = 0;
    int refreshes = 0;
    int next = 0;
    // Every 1.5 s one device's tunnel drops or, after 4 s or more away, comes back; the window
    // refreshes between. Bounded by time and by count.
    for (int step = 0; soak.elapsed() < soakMs && step < 100000; ++step) {
        const int index = next;
        next = (next + 1) % dropping;
        if (downAt[index] < 0) {
            bench.lab->stopTunnel(index);
            downAt[index] = soak.elapsed();
            ++drops;
        } else if (soak.elapsed() - downAt[index] >= 4000) {
            if (auto up = bench.lab->startSeedTunnel(index, bench.ports[index]); !up) {
                out() << "the tunnel of " << bench.ids[index]
                      << " did not come back: " << up.error().message << Qt::endl;
                return 1;
            }
            downAt[index] = -1;
        }
        refreshes += refresh();
        waitFor([] { return false; }, 1500, 50);
    }
    // Everything back, and the window sees it (and tells it).
    for (int index = 0; index < dropping; ++index) {
        if (downAt[index] >= 0) {
            if (auto up = bench.lab->startSeedTunnel(index, bench.ports[index]); !up) {
                out() << "the tunnel of " << bench.ids[index]
                      << " did not come back: " << up.error().message << Qt::endl;
                return 1;
            }
        }
    }
    const auto allOnline = [&] {
        for (const QString &id : bench.ids) {
            const int row = rowOf(window, id);
            if (row < 0 ||
                window.fleetModel()->statusAt(row).state != DeviceStatus::State::Online) {
                return false;
            }
        }
        return true;
    };
    for (int round = 0; round < 20 && !allOnline(); ++round) {
        refresh();
    }
    waitFor([&] { return window.alerts().webhookPending() == 0; }, 30000);
    const ProcessCost end = ProcessCost::now();

    // No tab stuck: each answers, or said its session ended and answers once reconnected.
    int stuck = 0;
    int reconnected = 0;
    for (int i = 0; i < terminals.size(); ++i) {
        gui::TerminalTab *tab = terminals[i];
        if (closed.contains(tab)) {
            tab->connectSession();
            if (!waitFor([&] { return isPrompt(tab->emulator()->screenText()); }, 60000)) {
                ++stuck;
                continue;
            }
            ++reconnected;
        }
        stuck += !answers(*tab, i);
    }

    // Each outage and each return told at most once: its device, kind and start are its own.
    QSet<QString> seen;
    int duplicates = 0;
    for (const FleetAlerts::Event &event : told) {
        const QString key = event.device + QLatin1Char('|') + FleetAlerts::kindName(event.kind) +
                            QLatin1Char('|') + event.since.toString(Qt::ISODateWithMs);
        duplicates += seen.contains(key);
        seen.insert(key);
    }
    int postsReceived = 0;
    for (const auto &request : hook.requests()) {
        postsReceived +=
            QJsonDocument::fromJson(request.body).object().contains(QStringLiteral("device"));
    }

    printHeader(QStringLiteral("The window left open: %1 devices dropping and returning for %2 "
                               "min, alerts and %3 terminals")
                    .arg(devices)
                    .arg(minutes, 0, 'f', 1)
                    .arg(terminals.size()),
                options);
    const auto cost = [](double from, double to, const QString &unit) {
        return QStringLiteral("%1 → %2 %3").arg(from, 0, 'f', 1).arg(to, 0, 'f', 1).arg(unit);
    };
    const double growth =
        start.residentMegabytes > 0
            ? (end.residentMegabytes - start.residentMegabytes) / start.residentMegabytes
            : 0;
    printFigure(QStringLiteral("resident memory (after warm-up → end)"),
                cost(start.residentMegabytes, end.residentMegabytes, QStringLiteral("MB")),
                QString(), QStringLiteral("%1 %").arg(growth * 100, 0, 'f', 1),
                QStringLiteral("flat (≤ 10 %)"),
                growth <= 0.10 ? QStringLiteral("yes") : QStringLiteral("no"), QString());
    printFigure(QStringLiteral("open descriptors"),
                QStringLiteral("%1 → %2").arg(start.descriptors).arg(end.descriptors), QString(),
                QString(), QStringLiteral("flat"),
                end.descriptors <= start.descriptors + 2 ? QStringLiteral("yes")
                                                         : QStringLiteral("no"),
                QString());
    printFigure(
        QStringLiteral("threads"), QStringLiteral("%1 → %2").arg(start.threads).arg(end.threads),
        QString(), QString(), QStringLiteral("flat"),
        end.threads <= start.threads + 2 ? QStringLiteral("yes") : QStringLiteral("no"), QString());
    printFigure(QStringLiteral("drops / refreshes"),
                QStringLiteral("%1 / %2").arg(drops).arg(refreshes), QString(), QString(),
                QString(), QString(), QString());
    printFigure(QStringLiteral("alerts told / held back (4 an hour a device)"),
                QStringLiteral("%1 / %2").arg(told.size()).arg(window.alerts().heldBack()),
                QString(), QString(), QString(), QString(), QString());
    printFigure(QStringLiteral("alerts told twice"), QString::number(duplicates), QString(),
                QString(), QStringLiteral("0"),
                duplicates == 0 ? QStringLiteral("yes") : QStringLiteral("no"), QString());
    printFigure(QStringLiteral("webhook posts taken / received"),
                QStringLiteral("%1 / %2").arg(posted).arg(postsReceived), QString(), QString(),
                QStringLiteral("= alerts told"),
                posted == told.size() && postsReceived == told.size() ? QStringLiteral("yes")
                                                                      : QStringLiteral("no"),
                QString());
    printFigure(QStringLiteral("terminal tabs stuck (reconnected)"),
                QStringLiteral("%1 (%2)").arg(stuck).arg(reconnected), QString(), QString(),
                QStringLiteral("0"), stuck == 0 ? QStringLiteral("yes") : QStringLiteral("no"),
                QString());
    if (told.isEmpty() || duplicates > 0 || stuck > 0 || posted != told.size() ||
        postsReceived != told.size()) {
        out() << "FAILED: the soak must tell alerts, each once, post each, and leave no tab stuck"
              << Qt::endl;
        return 1;
    }
    return 0;
}
